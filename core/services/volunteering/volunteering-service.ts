import type { z } from 'zod';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import {
  VOLUNTEER_FIELDS,
  VOLUNTEER_OUTCOME_LABELS,
  type VolunteerEnquiry,
  type volunteerEnquiryInputSchema,
  type VolunteerOffer,
  type VolunteerOfferGroups,
} from '../../api/schemas/citizen-events';
import { isoDateInBerlin } from '../../domain/dates/format';
import { foldGerman } from '../../domain/text/fold';
import { audit } from '../audit';
import { storeCitizen, toCitizen } from '../citizens/citizens';
import { displayNameOf } from '../contacts/contacts-service';
import type { ServiceDeps } from '../deps';
import { volunteeringRepository } from './repository';

type VolunteeringHandlers = Pick<
  Handlers,
  | 'volunteering.enquiries'
  | 'volunteering.enquiries.get'
  | 'volunteering.enquiries.save'
  | 'volunteering.offers'
  | 'volunteering.offers.matching'
  | 'volunteering.offers.save'
  | 'volunteering.offers.delete'
>;
type EnquiryInput = z.output<typeof volunteerEnquiryInputSchema>;

const fold = (field: string) => foldGerman(field).replace(/\s+/g, ' ').trim();
const KNOWN_FIELDS = new Map(VOLUNTEER_FIELDS.map((f) => [fold(f), f]));

/** Trimmed, each once (compared folded: „soziales“ = „Soziales“), in the proposed spelling where there is one. */
export function normaliseFields(fields: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of fields) {
    const field = raw.replace(/\s+/g, ' ').trim();
    if (!field) continue;
    const key = fold(field);
    if (!seen.has(key)) seen.set(key, KNOWN_FIELDS.get(key) ?? field);
  }
  return [...seen.values()];
}

const storedFields = (stored: unknown): string[] => (Array.isArray(stored) ? stored.filter((f): f is string => typeof f === 'string') : []);

/**
 * Civic engagement (bürgerschaftliches Engagement): enquiries of people who want to volunteer —
 * what interests them, in which fields, the organisation they were referred to (a contact of
 * kind organisation) and the outcome — and the organisations' offers, by field.
 *
 * Rules: „vermittelt“ needs the organisation; an organisation given gets a referral date (today
 * unless given); an enquiry whose personal data was erased (DSGVO) is not edited any more.
 */
export function createVolunteeringService(deps: ServiceDeps) {
  const repo = volunteeringRepository(deps.engine);

  const mustFindEnquiry = async (id: number) => {
    const found = await repo.enquiry(id);
    if (!found) throw new AppError('NOT_FOUND', `Die Anfrage zum Engagement Nr. ${id} wurde nicht gefunden.`, { id });
    return found;
  };
  const mustFindOffer = async (id: number) => {
    const found = await repo.offer(id);
    if (!found) throw new AppError('NOT_FOUND', `Das Angebot Nr. ${id} wurde nicht gefunden.`, { id });
    return found;
  };
  const mustBeOrganisation = async (id: number, path: string) => {
    const contact = await repo.contact(id);
    if (!contact) throw new AppError('NOT_FOUND', `Der Kontakt Nr. ${id} wurde nicht gefunden.`, { id });
    if (contact.kind !== 'organisation') {
      throw new AppError('INVALID_INPUT', `„${displayNameOf(contact)}“ ist eine Person, keine Organisation. Bitte eine Organisation aus den Kontakten wählen.`, {
        issues: [{ path: [path], message: 'Bitte eine Organisation wählen.' }],
      });
    }
    return contact;
  };

  const toEnquiry = ({ enquiry: row, citizen, organisation }: NonNullable<Awaited<ReturnType<typeof repo.enquiry>>>): VolunteerEnquiry => ({
    id: row.id,
    citizen: citizen ? toCitizen(citizen) : null,
    receivedOn: row.receivedOn,
    interests: row.interests,
    fields: storedFields(row.fields),
    organisationId: row.organisationId,
    organisation: organisation ? displayNameOf(organisation) : null,
    referredOn: row.referredOn,
    outcome: row.outcome,
    notes: row.notes,
    anonymised: row.anonymisedAt !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    revision: row.revision,
  });

  const toOffer = ({ offer: row, organisation, referrals }: NonNullable<Awaited<ReturnType<typeof repo.offer>>>): VolunteerOffer => {
    const address = [`${organisation.street} ${organisation.houseNumber}`.trim(), `${organisation.postcode} ${organisation.city}`.trim()].filter(Boolean).join(', ');
    return {
      id: row.id,
      organisationId: row.organisationId,
      organisation: displayNameOf(organisation),
      reach: [address, organisation.email, organisation.phone].filter(Boolean).join(' · '),
      field: row.field,
      description: row.description,
      active: row.active,
      referrals,
      updatedAt: row.updatedAt,
      revision: row.revision,
    };
  };

  /** Offers by field: fields alphabetically (German), in each the organisations alphabetically. */
  const grouped = (offers: VolunteerOffer[]): VolunteerOfferGroups => {
    const groups = new Map<string, { field: string; offers: VolunteerOffer[] }>();
    for (const offer of offers) {
      const key = fold(offer.field);
      if (!groups.has(key)) groups.set(key, { field: offer.field, offers: [] });
      groups.get(key)!.offers.push(offer);
    }
    const collator = new Intl.Collator('de');
    return [...groups.values()]
      .sort((a, b) => collator.compare(a.field, b.field))
      .map((g) => ({ ...g, offers: g.offers.sort((a, b) => collator.compare(a.organisation, b.organisation) || a.id - b.id) }));
  };

  const enquiryValues = async (input: EnquiryInput, citizenId: number) => {
    if (input.organisationId !== null) await mustBeOrganisation(input.organisationId, 'organisationId');
    if (input.outcome === 'vermittelt' && input.organisationId === null) {
      throw new AppError('INVALID_INPUT', 'Vermittelt an wen? Bitte die Organisation angeben, an die die Person vermittelt wurde.', {
        issues: [{ path: ['organisationId'], message: 'Bitte die Organisation angeben.' }],
      });
    }
    return {
      citizenId,
      receivedOn: input.receivedOn,
      interests: input.interests,
      fields: normaliseFields(input.fields),
      organisationId: input.organisationId,
      referredOn: input.organisationId === null ? null : (input.referredOn ?? isoDateInBerlin(deps.now())),
      outcome: input.outcome,
      notes: input.notes,
    };
  };

  const summaryOf = (fields: string[], outcome: VolunteerEnquiry['outcome']) => `${fields.join(', ') || 'ohne Bereich'}: ${VOLUNTEER_OUTCOME_LABELS[outcome]}`;

  const handlers: VolunteeringHandlers = {
    'volunteering.enquiries': async ({ outcome }) => (await repo.enquiries(outcome)).map(toEnquiry),

    'volunteering.enquiries.get': async ({ id }) => toEnquiry(await mustFindEnquiry(id)),

    'volunteering.enquiries.save': (input) =>
      deps.engine.transaction(async () => {
        const at = deps.now().toISOString();
        if (input.id) {
          const { enquiry: existing } = await mustFindEnquiry(input.id);
          if (existing.anonymisedAt !== null) {
            throw new AppError('CONFLICT', 'Die persönlichen Angaben dieser Anfrage wurden gelöscht (Datenschutz); sie kann nicht mehr bearbeitet werden.');
          }
          // The person the form names: a known one (with id) or a new one — never the old person
          // overwritten with someone else's data.
          const person = await storeCitizen(deps, input.citizen);
          const values = await enquiryValues(input, person.id);
          await repo.updateEnquiry({ id: input.id, revision: input.revision! }, values, at);
          await audit(deps, { action: 'update', entity: 'volunteer_enquiry', entityId: input.id, summary: summaryOf(values.fields, values.outcome) });
          return toEnquiry(await mustFindEnquiry(input.id));
        }
        const person = await storeCitizen(deps, input.citizen);
        const values = await enquiryValues(input, person.id);
        const row = await repo.insertEnquiry(values, at);
        await audit(deps, { action: 'create', entity: 'volunteer_enquiry', entityId: row.id, summary: summaryOf(values.fields, values.outcome) });
        return toEnquiry(await mustFindEnquiry(row.id));
      }),

    'volunteering.offers': async ({ includeInactive }) => grouped((await repo.offers({ activeOnly: !includeInactive })).map(toOffer)),

    'volunteering.offers.matching': async (input) => {
      const fields = 'enquiryId' in input ? storedFields((await mustFindEnquiry(input.enquiryId)).enquiry.fields) : input.fields;
      const wanted = new Set(fields.map(fold).filter(Boolean));
      return grouped((await repo.offers({ activeOnly: true })).map(toOffer).filter((offer) => wanted.has(fold(offer.field))));
    },

    'volunteering.offers.save': ({ id, revision, organisationId, field, description, active }) =>
      deps.engine.transaction(async () => {
        const organisation = await mustBeOrganisation(organisationId, 'organisationId');
        const at = deps.now().toISOString();
        const values = { organisationId, field: normaliseFields([field])[0], description, active };
        let saved: { id: number };
        if (id) {
          await mustFindOffer(id);
          await repo.updateOffer({ id, revision: revision! }, values, at);
          saved = { id };
        } else {
          saved = await repo.insertOffer(values, at);
        }
        await audit(deps, { action: id ? 'update' : 'create', entity: 'volunteer_offer', entityId: saved.id, summary: `${values.field}: ${displayNameOf(organisation)}` });
        return toOffer(await mustFindOffer(saved.id));
      }),

    'volunteering.offers.delete': ({ id, revision }) =>
      deps.engine.transaction(async () => {
        const offer = toOffer(await mustFindOffer(id));
        await repo.deleteOffer({ id, revision });
        await audit(deps, { action: 'delete', entity: 'volunteer_offer', entityId: id, summary: `${offer.field}: ${offer.organisation}` });
        return { id };
      }),
  };
  return { handlers };
}
