import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import { contactToPerson, postalLines } from '../../api/contact-person';
import {
  contactInputSchema,
  type Contact,
  type ContactData,
  type ContactSummary,
} from '../../api/schemas/contacts';
import type { AddressForms, Language, Person } from '../../api/schemas/addressing';
import { composeAddress, composeOrganisation, formatFullName, sortName } from '../../domain/addressing';
import type { ServiceDeps } from '../deps';
import { recordAudit } from '../audit';
import { roleLabelFor, type RoleCatalogue } from '../reference/role-catalogue';
import { contactsRepository, type ContactRow, type ContactsRepository } from './repository';

type ContactHandlers = Pick<
  Handlers,
  | 'contacts.list'
  | 'contacts.get'
  | 'contacts.tags'
  | 'contacts.create'
  | 'contacts.update'
  | 'contacts.delete'
  | 'contacts.addressing'
  | 'contacts.toPerson'
>;

/** The contacts register: list, read, write, delete, and the forms of address of a contact. */
export function createContactsService(deps: ServiceDeps, catalogue: RoleCatalogue) {
  const repo = contactsRepository(deps.db);
  const writer = createContactWriter(deps, catalogue);

  const mustFind = (id: number): ContactRow => {
    const row = repo.find(id);
    if (!row) throw new AppError('NOT_FOUND', `Der Kontakt Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };

  const toContact = (row: ContactRow): Contact => {
    const tags = repo.tagsOf([row.id]).get(row.id) ?? [];
    const base = {
      id: row.id,
      street: row.street,
      houseNumber: row.houseNumber,
      addressAddition: row.addressAddition,
      postcode: row.postcode,
      city: row.city,
      country: row.country,
      email: row.email,
      phone: row.phone,
      language: row.language,
      tags,
      notes: row.notes,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
    if (row.kind === 'organisation') return { ...base, kind: 'organisation', name: row.name };
    const organisation = row.organisationId ? repo.find(row.organisationId) : undefined;
    const partner = row.partnerId ? repo.find(row.partnerId) : undefined;
    return {
      ...base,
      kind: 'person',
      gender: row.gender,
      degrees: row.degrees,
      givenName: row.givenName,
      nameAffix: row.nameAffix,
      surname: row.surname,
      roleKey: row.roleKey ?? '',
      roleDetail: row.roleDetail,
      former: row.former,
      organisationId: row.organisationId,
      partnerId: row.partnerId,
      organisationName: organisation?.name ?? null,
      partnerName: partner ? displayNameOf(partner) : null,
    };
  };

  const personOf = (row: ContactRow): Person => {
    const organisation = row.organisationId ? repo.find(row.organisationId) : undefined;
    return contactToPerson({ ...row, kind: 'person', roleKey: row.roleKey ?? '' }, organisation?.name);
  };

  /** `language`: compose in the letter's language rather than the contact's own. */
  const formsOf = (row: ContactRow, withPartner = true, language?: Language): AddressForms => {
    if (row.kind === 'organisation') return composeOrganisation(row.name, language ?? row.language);
    const partner = withPartner && row.partnerId ? repo.find(row.partnerId) : undefined;
    const inLanguage = (p: Person): Person => (language ? { ...p, language } : p);
    return composeAddress(
      { person: inLanguage(personOf(row)), partner: partner ? inLanguage(personOf(partner)) : undefined },
      catalogue.map(),
    );
  };

  const handlers: ContactHandlers = {
    'contacts.list': (filter) => {
      const { total, rows } = repo.list(filter);
      const tags = repo.tagsOf(rows.map((r) => r.id));
      const roles = catalogue.map();
      const items: ContactSummary[] = rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        displayName: displayNameOf(row),
        sortName: row.sortName,
        roleLabel:
          row.kind === 'person'
            ? roleLabelFor(roles.get(row.roleKey ?? ''), row.gender, row.roleDetail, row.former)
            : '',
        organisationName: row.organisationName ?? '',
        city: row.city,
        email: row.email,
        tags: tags.get(row.id) ?? [],
        updatedAt: row.updatedAt,
      }));
      return { total, items };
    },
    'contacts.get': ({ id }) => toContact(mustFind(id)),
    'contacts.tags': () => repo.tagCounts(),
    'contacts.create': (input) => {
      const id = deps.db.transaction(() => writer.create(input));
      return toContact(mustFind(id));
    },
    'contacts.update': ({ id, contact }) => {
      deps.db.transaction(() => writer.update(id, contact));
      return toContact(mustFind(id));
    },
    'contacts.delete': ({ id }) => {
      const row = mustFind(id);
      const displayName = displayNameOf(row);
      deps.db.transaction(() => {
        repo.delete(id);
        recordAudit(deps, { action: 'delete', entity: 'contact', entityId: id, summary: displayName });
      });
      return { id, displayName };
    },
    'contacts.addressing': ({ id }) => {
      const row = mustFind(id);
      const forms = formsOf(row);
      return { ...forms, addressBlock: [...forms.addressLines, ...postalLines(row)] };
    },
    'contacts.toPerson': ({ id }) => {
      const row = mustFind(id);
      if (row.kind !== 'person') {
        throw new AppError('INVALID_INPUT', `„${row.name}“ ist eine Organisation, keine Person.`, { id });
      }
      return personOf(row);
    },
  };
  /** What a letter needs of a contact: forms of address, full address block, name. */
  const recipientOf = (id: number, withPartner: boolean, language?: Language): RecipientData => {
    const row = mustFind(id);
    const partner = withPartner && row.kind === 'person' && row.partnerId ? repo.find(row.partnerId) : undefined;
    const forms = formsOf(row, withPartner, language);
    return recipientData(
      row,
      forms,
      partner ? `${displayNameOf(row)} und ${displayNameOf(partner)}` : displayNameOf(row),
      row.kind === 'organisation' || (row.gender !== 'unknown' && (!partner || partner.gender !== 'unknown')),
    );
  };

  /** The same for a contact that is not stored (a row of a CSV recipient list). */
  const recipientOfData = (data: ContactData, organisationName: string | null, language?: Language): RecipientData => {
    const forms =
      data.kind === 'organisation'
        ? composeOrganisation(data.name, language ?? data.language)
        : composeAddress({ person: { ...contactToPerson(data, organisationName), ...(language ? { language } : {}) } }, catalogue.map());
    return recipientData(data, forms, displayNameOfData(data), data.kind === 'organisation' || data.gender !== 'unknown');
  };

  /** For lists of people (a briefing): "Erika Albers, Mitglied des Deutschen Bundestages" and how to greet her. */
  const describe = (row: ContactRow): { name: string; oralSalutation: string } => {
    const forms = formsOf(row, false);
    const role = row.kind === 'person' ? roleLabelFor(catalogue.map().get(row.roleKey ?? ''), row.gender, row.roleDetail, row.former) : '';
    return { name: [displayNameOf(row), role].filter(Boolean).join(', '), oralSalutation: forms.oralSalutation };
  };

  return { handlers, repo, formsOf, recipientOf, recipientOfData, describe };
}

type PostalFields = Parameters<typeof postalLines>[0] & { city: string; street: string; addressAddition: string };

function recipientData(address: PostalFields, forms: AddressForms, name: string, genderKnown: boolean): RecipientData {
  return {
    forms,
    addressBlock: [...forms.addressLines, ...postalLines(address)],
    name,
    hasPostalAddress: Boolean(address.city.trim() && (address.street.trim() || address.addressAddition.trim())),
    genderKnown,
  };
}

export interface RecipientData {
  forms: AddressForms;
  addressBlock: string[];
  name: string;
  hasPostalAddress: boolean;
  genderKnown: boolean;
}

/** Writes contacts with their invariants: links point at the right kind, partners are mutual. */
export function createContactWriter(deps: ServiceDeps, catalogue: RoleCatalogue) {
  const repo: ContactsRepository = contactsRepository(deps.db);

  const check = (data: ContactData, selfId: number | null): void => {
    if (data.kind !== 'person') return;
    if (data.roleKey && !catalogue.map().has(data.roleKey)) {
      throw new AppError('INVALID_INPUT', `Das Amt „${data.roleKey}“ ist im Katalog nicht bekannt.`, {
        field: 'roleKey',
      });
    }
    if (data.organisationId != null) {
      const org = repo.find(data.organisationId);
      if (!org || org.kind !== 'organisation') {
        throw new AppError('INVALID_INPUT', `Organisation: Der Kontakt Nr. ${data.organisationId} ist keine Organisation.`, {
          field: 'organisationId',
        });
      }
    }
    if (data.partnerId != null) {
      if (data.partnerId === selfId) {
        throw new AppError('INVALID_INPUT', 'Ehe-/Lebenspartner/in: Ein Kontakt kann nicht mit sich selbst verbunden werden.', {
          field: 'partnerId',
        });
      }
      const partner = repo.find(data.partnerId);
      if (!partner || partner.kind !== 'person') {
        throw new AppError('INVALID_INPUT', `Ehe-/Lebenspartner/in: Der Kontakt Nr. ${data.partnerId} ist keine Person.`, {
          field: 'partnerId',
        });
      }
    }
  };

  /** Makes the partner link mutual and releases former partners. */
  const linkPartner = (id: number, previousPartnerId: number | null, partnerId: number | null): void => {
    if (previousPartnerId && previousPartnerId !== partnerId) {
      const previous = repo.find(previousPartnerId);
      if (previous?.partnerId === id) repo.setPartner(previousPartnerId, null);
    }
    if (partnerId) {
      const partner = repo.find(partnerId)!;
      if (partner.partnerId && partner.partnerId !== id) repo.setPartner(partner.partnerId, null);
      repo.setPartner(partnerId, id);
    }
  };

  return {
    /** Validates and inserts; call inside a transaction. Returns the new id. */
    create(input: unknown): number {
      const data = contactInputSchema.parse(input);
      check(data, null);
      const id = repo.insert(data, sortNameOf(data), deps.now().toISOString());
      if (data.kind === 'person') linkPartner(id, null, data.partnerId);
      recordAudit(deps, { action: 'create', entity: 'contact', entityId: id, summary: displayNameOfData(data) });
      return id;
    },
    update(id: number, input: unknown): void {
      const existing = repo.find(id);
      if (!existing) throw new AppError('NOT_FOUND', `Der Kontakt Nr. ${id} wurde nicht gefunden.`, { id });
      const data = contactInputSchema.parse(input);
      check(data, id);
      repo.update(id, data, sortNameOf(data), deps.now().toISOString());
      linkPartner(id, existing.partnerId, data.kind === 'person' ? data.partnerId : null);
      recordAudit(deps, { action: 'update', entity: 'contact', entityId: id, summary: displayNameOfData(data) });
    },
  };
}

function sortNameOf(data: ContactData): string {
  return data.kind === 'organisation' ? data.name : sortName(contactToPerson(data));
}

function displayNameOfData(data: ContactData): string {
  return data.kind === 'organisation' ? data.name : formatFullName(contactToPerson(data));
}

export function displayNameOf(
  row: Pick<ContactRow, 'kind' | 'name' | 'gender' | 'degrees' | 'givenName' | 'nameAffix' | 'surname' | 'roleKey' | 'roleDetail' | 'former' | 'language'>,
): string {
  return row.kind === 'organisation'
    ? row.name
    : formatFullName(contactToPerson({ ...row, kind: 'person', roleKey: row.roleKey ?? '' }));
}
