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
import { audit } from '../audit';
import { roleLabelFor, type RoleCatalogue } from '../reference/role-catalogue';
import { contactsRepository, type ContactRow, type ContactsRepository } from './repository';
import type { RevisionTarget } from '../../../db/engine';

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
  const repo = contactsRepository(deps.engine);
  const writer = createContactWriter(deps, catalogue);

  const mustFind = async (id: number): Promise<ContactRow> => {
    const row = await repo.find(id);
    if (!row) throw new AppError('NOT_FOUND', `Der Kontakt Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };

  const toContact = async (row: ContactRow): Promise<Contact> => {
    const tags = (await repo.tagsOf([row.id])).get(row.id) ?? [];
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
      revision: row.revision,
    };
    if (row.kind === 'organisation') return { ...base, kind: 'organisation', name: row.name };
    const organisation = row.organisationId ? await repo.find(row.organisationId) : undefined;
    const partner = row.partnerId ? await repo.find(row.partnerId) : undefined;
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

  /** How a contact's partner and organisation are read: one by one, or from rows read at once. */
  type FindRow = (id: number) => Promise<ContactRow | undefined>;
  const findRow: FindRow = (id) => repo.find(id);

  const personOf = async (row: ContactRow, find: FindRow = findRow): Promise<Person> => {
    const organisation = row.organisationId ? await find(row.organisationId) : undefined;
    return personOfRow(row, organisation?.name);
  };

  /** `language`: compose in the letter's language rather than the contact's own. */
  const formsOf = async (row: ContactRow, withPartner = true, language?: Language, find: FindRow = findRow): Promise<AddressForms> => {
    if (row.kind === 'organisation') return composeOrganisation(row.name, language ?? row.language);
    const partner = withPartner && row.partnerId ? await find(row.partnerId) : undefined;
    const inLanguage = (p: Person): Person => (language ? { ...p, language } : p);
    return composeAddress(
      { person: inLanguage(await personOf(row, find)), partner: partner ? inLanguage(await personOf(partner, find)) : undefined },
      catalogue.map(),
    );
  };

  const handlers: ContactHandlers = {
    'contacts.list': async (filter) => {
      const { total, rows } = await repo.list(filter);
      const tags = await repo.tagsOf(rows.map((r) => r.id));
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
        revision: row.revision,
      }));
      return { total, items };
    },
    'contacts.get': async ({ id }) => toContact(await mustFind(id)),
    'contacts.tags': () => repo.tagCounts(),
    'contacts.create': async (input) => {
      const id = await deps.engine.transaction(() => writer.create(input));
      return toContact(await mustFind(id));
    },
    'contacts.update': async ({ id, revision, contact }) => {
      await deps.engine.transaction(() => writer.update({ id, revision }, contact));
      return toContact(await mustFind(id));
    },
    'contacts.delete': async ({ id, revision }) => {
      const row = await mustFind(id);
      const displayName = displayNameOf(row);
      await deps.engine.transaction(async () => {
        await repo.delete({ id, revision });
        await audit(deps, { action: 'delete', entity: 'contact', entityId: id, summary: displayName });
      });
      return { id, displayName };
    },
    'contacts.addressing': async ({ id }) => {
      const row = await mustFind(id);
      const forms = await formsOf(row);
      return { ...forms, addressBlock: [...forms.addressLines, ...postalLines(row)] };
    },
    'contacts.toPerson': async ({ id }) => {
      const row = await mustFind(id);
      if (row.kind !== 'person') {
        throw new AppError('INVALID_INPUT', `„${row.name}“ ist eine Organisation, keine Person.`, { id });
      }
      return personOf(row);
    },
  };
  /** What a letter needs of a contact: forms of address, full address block, name. */
  const recipientOf = async (id: number, withPartner: boolean, language?: Language, find: FindRow = findRow): Promise<RecipientData> => {
    const row = (await find(id)) ?? (await mustFind(id));
    const partner = withPartner && row.kind === 'person' && row.partnerId ? await find(row.partnerId) : undefined;
    const forms = await formsOf(row, withPartner, language, find);
    return recipientData(
      row,
      forms,
      partner ? `${displayNameOf(row)} und ${displayNameOf(partner)}` : displayNameOf(row),
      row.kind === 'organisation' || (row.gender !== 'unknown' && (!partner || partner.gender !== 'unknown')),
    );
  };

  /**
   * The same for many contacts (a mail merge): their rows, partners and organisations read in a
   * few statements instead of several per contact. A contact not found is absent from the map.
   */
  const recipientsOf = async (ids: readonly number[], withPartner: boolean, language?: Language): Promise<Map<number, RecipientData>> => {
    const rows = await repo.findMany(ids);
    const related = (of: Iterable<ContactRow>) =>
      [...of].flatMap((row) => [row.organisationId, withPartner ? row.partnerId : null]).filter((id): id is number => id !== null && !rows.has(id));
    // Partners, then the organisations of partners.
    for (let round = 0; round < 2; round++) for (const [id, row] of await repo.findMany(related(rows.values()))) rows.set(id, row);
    const find: FindRow = async (id) => rows.get(id) ?? (await repo.find(id));
    const result = new Map<number, RecipientData>();
    for (const id of ids) if (rows.has(id)) result.set(id, await recipientOf(id, withPartner, language, find));
    return result;
  };

  /** The same for a contact that is not stored (a row of a CSV recipient list). */
  const recipientOfData = (data: ContactData, organisationName: string | null, language?: Language): RecipientData => {
    const forms =
      data.kind === 'organisation'
        ? composeOrganisation(data.name, language ?? data.language)
        : composeAddress({ person: { ...contactToPerson(data, organisationName), ...(language ? { language } : {}) } }, catalogue.map());
    return recipientData(data, forms, displayNameOfData(data), data.kind === 'organisation' || data.gender !== 'unknown');
  };

  /**
   * For lists of people (a briefing): "Erika Albers, Mitglied des Deutschen Bundestages" and how to
   * greet her. Without the database: an organisation only adds a line to a postal address.
   */
  const describe = (row: ContactRow): { name: string; oralSalutation: string } => {
    const forms = row.kind === 'organisation' ? composeOrganisation(row.name, row.language) : composeAddress({ person: personOfRow(row) }, catalogue.map());
    const role = row.kind === 'person' ? roleLabelFor(catalogue.map().get(row.roleKey ?? ''), row.gender, row.roleDetail, row.former) : '';
    return { name: [displayNameOf(row), role].filter(Boolean).join(', '), oralSalutation: forms.oralSalutation };
  };

  return { handlers, repo, formsOf, recipientOf, recipientsOf, recipientOfData, describe };
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
  const repo: ContactsRepository = contactsRepository(deps.engine);

  const check = async (data: ContactData, selfId: number | null): Promise<void> => {
    if (data.kind !== 'person') return;
    if (data.roleKey && !catalogue.map().has(data.roleKey)) {
      throw new AppError('INVALID_INPUT', `Das Amt „${data.roleKey}“ ist im Katalog nicht bekannt.`, {
        field: 'roleKey',
      });
    }
    if (data.organisationId != null) {
      const org = await repo.find(data.organisationId);
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
      const partner = await repo.find(data.partnerId);
      if (!partner || partner.kind !== 'person') {
        throw new AppError('INVALID_INPUT', `Ehe-/Lebenspartner/in: Der Kontakt Nr. ${data.partnerId} ist keine Person.`, {
          field: 'partnerId',
        });
      }
    }
  };

  /** Makes the partner link mutual and releases former partners. */
  const linkPartner = async (id: number, previousPartnerId: number | null, partnerId: number | null): Promise<void> => {
    if (previousPartnerId && previousPartnerId !== partnerId) {
      const previous = await repo.find(previousPartnerId);
      if (previous?.partnerId === id) await repo.setPartner(previousPartnerId, null);
    }
    if (partnerId) {
      const partner = (await repo.find(partnerId))!;
      if (partner.partnerId && partner.partnerId !== id) await repo.setPartner(partner.partnerId, null);
      await repo.setPartner(partnerId, id);
    }
  };

  return {
    /** Validates and inserts; call inside a transaction. Returns the new id. */
    async create(input: unknown): Promise<number> {
      const data = contactInputSchema.parse(input);
      await check(data, null);
      const id = await repo.insert(data, sortNameOf(data), deps.now().toISOString());
      if (data.kind === 'person') await linkPartner(id, null, data.partnerId);
      await audit(deps, { action: 'create', entity: 'contact', entityId: id, summary: displayNameOfData(data) });
      return id;
    },
    /** Validates and saves the contact as loaded at `target.revision` (STALE when someone saved it since); call inside a transaction. */
    async update(target: RevisionTarget, input: unknown): Promise<void> {
      const { id } = target;
      const existing = await repo.find(id);
      if (!existing) throw new AppError('NOT_FOUND', `Der Kontakt Nr. ${id} wurde nicht gefunden.`, { id });
      const data = contactInputSchema.parse(input);
      await check(data, id);
      await repo.update(target, data, sortNameOf(data), deps.now().toISOString());
      await linkPartner(id, existing.partnerId, data.kind === 'person' ? data.partnerId : null);
      await audit(deps, { action: 'update', entity: 'contact', entityId: id, summary: displayNameOfData(data) });
    },
  };
}

function sortNameOf(data: ContactData): string {
  return data.kind === 'organisation' ? data.name : sortName(contactToPerson(data));
}

function displayNameOfData(data: ContactData): string {
  return data.kind === 'organisation' ? data.name : formatFullName(contactToPerson(data));
}

/** A person contact as the addressing rules see it; `organisationName` only adds a postal line. */
function personOfRow(row: ContactRow, organisationName?: string | null): Person {
  return contactToPerson({ ...row, kind: 'person', roleKey: row.roleKey ?? '' }, organisationName);
}

export function displayNameOf(
  row: Pick<ContactRow, 'kind' | 'name' | 'gender' | 'degrees' | 'givenName' | 'nameAffix' | 'surname' | 'roleKey' | 'roleDetail' | 'former' | 'language'>,
): string {
  return row.kind === 'organisation'
    ? row.name
    : formatFullName(contactToPerson({ ...row, kind: 'person', roleKey: row.roleKey ?? '' }));
}
