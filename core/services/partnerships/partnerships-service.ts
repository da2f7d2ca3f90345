import type { z } from 'zod';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import {
  PARTNERSHIP_EVENT_KIND_LABELS,
  type Partnership,
  type PartnershipContact,
  type PartnershipEvent,
  type partnershipEventInputSchema,
  type partnershipInputSchema,
} from '../../api/schemas/greetings';
import { foldGerman } from '../../domain/text/fold';
import { audit } from '../audit';
import { displayNameOf } from '../contacts/contacts-service';
import type { ServiceDeps } from '../deps';
import { roleLabelFor, type RoleCatalogue } from '../reference/role-catalogue';
import { partnershipsRepository, type ContactRow, type PartnershipEventRow, type PartnershipRow } from './repository';

type PartnershipHandlers = Pick<
  Handlers,
  'partnerships.list' | 'partnerships.get' | 'partnerships.save' | 'partnerships.history' | 'partnerships.history.save'
>;

/** A partnership with its mayor resolved, as the greetings plan needs it. */
export interface PartnershipEntry {
  row: PartnershipRow;
  mayor: PartnershipContact | null;
}

const COUNTRY_NAMES = new Intl.DisplayNames(['de'], { type: 'region' });

/** "Vereinigtes Königreich" for "GB"; the code itself if ICU does not know it. */
export function countryName(code: string): string {
  try {
    return COUNTRY_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Kaliningrad (Königsberg)" → "kaliningrad": how a city is compared with a contact's city. */
const cityKey = (city: string) => foldGerman(city.replace(/\(.*?\)/g, '')).trim();

/**
 * The register of the city's partnerships, friendships, patronages and solidarity partnerships
 * (DOMAIN.md E): status, language, contacts (mayor, international office) and history (visits,
 * projects, letters).
 *
 * The mayor is the linked contact; where none is linked, the one person in the contacts register
 * who holds a mayor's office (Oberbürgermeister/in, Lord Mayor, Maire, Mayor) in that city is
 * proposed (`linked: false`) — the greetings plan writes to it, the page offers to link it.
 */
export function createPartnershipsService(deps: ServiceDeps, catalogue: RoleCatalogue) {
  const repo = partnershipsRepository(deps.engine);

  const contactOf = (row: ContactRow, linked: boolean): PartnershipContact => ({
    contactId: row.id,
    name: displayNameOf(row),
    description: row.kind === 'person' ? roleLabelFor(catalogue.map().get(row.roleKey ?? ''), row.gender, row.roleDetail, row.former) : '',
    linked,
  });

  /** Every partnership with its mayor and office contact (few rows: one query each for contacts and mayors). */
  const entries = async (rows: PartnershipRow[]) => {
    const linkedIds = rows.flatMap((r) => [r.mayorContactId, r.officeContactId]).filter((id): id is number => id !== null);
    const linked = new Map((await repo.contacts([...new Set(linkedIds)])).map((c) => [c.id, c]));
    const needsProposal = rows.some((r) => r.mayorContactId === null || !linked.has(r.mayorContactId));
    const mayorsByCity = new Map<string, ContactRow[]>();
    if (needsProposal) {
      for (const c of await repo.mayors()) {
        const key = cityKey(c.city);
        if (key) mayorsByCity.set(key, [...(mayorsByCity.get(key) ?? []), c]);
      }
    }
    return rows.map((row) => {
      const stored = row.mayorContactId !== null ? linked.get(row.mayorContactId) : undefined;
      const candidates = stored ? [] : (mayorsByCity.get(cityKey(row.city)) ?? []);
      const mayor = stored ? contactOf(stored, true) : candidates.length === 1 ? contactOf(candidates[0], false) : null;
      const officeRow = row.officeContactId !== null ? linked.get(row.officeContactId) : undefined;
      return { row, mayor, office: officeRow ? contactOf(officeRow, true) : null };
    });
  };

  const toPartnership = (
    entry: Awaited<ReturnType<typeof entries>>[number],
    lastEvent: { date: string; title: string } | undefined,
  ): Partnership => ({
    id: entry.row.id,
    city: entry.row.city,
    country: entry.row.country,
    countryName: countryName(entry.row.country),
    kind: entry.row.kind,
    since: entry.row.since,
    status: entry.row.status,
    language: entry.row.language,
    mayor: entry.mayor,
    office: entry.office,
    notes: entry.row.notes,
    sortOrder: entry.row.sortOrder,
    lastEvent: lastEvent ?? null,
    revision: entry.row.revision,
  });

  const toEvent = (row: PartnershipEventRow): PartnershipEvent => ({
    id: row.id,
    partnershipId: row.partnershipId,
    date: row.date,
    kind: row.kind,
    title: row.title,
    notes: row.notes,
    letterId: row.letterId,
    visitId: row.visitId,
  });

  const mustFind = async (id: number): Promise<PartnershipRow> => {
    const row = await repo.find(id);
    if (!row) throw new AppError('NOT_FOUND', `Die Partnerschaft Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };

  const get = async (id: number): Promise<Partnership> => {
    const [entry] = await entries([await mustFind(id)]);
    const [latest] = await repo.events(id);
    return toPartnership(entry, latest ? { date: latest.date, title: latest.title } : undefined);
  };

  const checkContact = async (id: number | null, what: string, field: string) => {
    if (id !== null && !(await repo.contactExists(id))) {
      throw new AppError('NOT_FOUND', `${what}: der Kontakt Nr. ${id} wurde nicht gefunden.`, { issues: [{ path: [field], message: 'Kontakt nicht gefunden.' }] });
    }
  };

  const save = (input: z.output<typeof partnershipInputSchema>): Promise<Partnership> =>
    deps.engine.transaction(async () => {
      await checkContact(input.mayorContactId, 'Oberbürgermeister/in', 'mayorContactId');
      await checkContact(input.officeContactId, 'Büro für internationale Beziehungen', 'officeContactId');
      const { id, revision, sortOrder, ...values } = input;
      let row: PartnershipRow;
      if (id) {
        await repo.update({ id: (await mustFind(id)).id, revision: revision! }, { ...values, ...(sortOrder !== undefined ? { sortOrder } : {}) });
        row = await mustFind(id);
      } else {
        row = await repo.insert({ ...values, sortOrder: sortOrder ?? (await repo.nextSortOrder()) });
      }
      await audit(deps, { action: id ? 'update' : 'create', entity: 'partnership', entityId: row.id, summary: `${row.city} (${row.status})` });
      return get(row.id);
    });

  const saveEvent = (input: z.output<typeof partnershipEventInputSchema>): Promise<PartnershipEvent> =>
    deps.engine.transaction(async () => {
      const partnership = await mustFind(input.partnershipId);
      if (input.letterId !== null && !(await repo.letterExists(input.letterId))) {
        throw new AppError('NOT_FOUND', `Der Brief Nr. ${input.letterId} wurde nicht gefunden.`, { issues: [{ path: ['letterId'], message: 'Brief nicht gefunden.' }] });
      }
      const { id, ...values } = input;
      let row: PartnershipEventRow;
      if (id) {
        const existing = await repo.findEvent(id);
        if (!existing || existing.partnershipId !== partnership.id) {
          throw new AppError('NOT_FOUND', `Der Eintrag Nr. ${id} in der Geschichte von ${partnership.city} wurde nicht gefunden.`, { id });
        }
        row = (await repo.updateEvent(id, values))!;
      } else {
        row = await repo.insertEvent({ ...values, visitId: null });
      }
      await audit(deps, {
        action: id ? 'update' : 'create',
        entity: 'partnership_event',
        entityId: row.id,
        summary: `${partnership.city}: ${PARTNERSHIP_EVENT_KIND_LABELS[row.kind]} ${row.date} „${row.title}“`,
      });
      return toEvent(row);
    });

  const handlers: PartnershipHandlers = {
    'partnerships.list': async () => {
      const last = await repo.lastEvents();
      return (await entries(await repo.list())).map((e) => toPartnership(e, last.get(e.row.id)));
    },
    'partnerships.get': ({ id }) => get(id),
    'partnerships.save': save,
    'partnerships.history': async ({ id }) => (await repo.events((await mustFind(id)).id)).map(toEvent),
    'partnerships.history.save': saveEvent,
  };

  return {
    handlers,
    /** All partnerships with their mayors (linked or proposed). */
    register: async (): Promise<PartnershipEntry[]> => (await entries(await repo.list())).map(({ row, mayor }) => ({ row, mayor })),
    /** A letter written to a partner city becomes part of its history (in the caller's transaction). */
    recordLetter: async (partnershipId: number, date: string, title: string, letterId: number): Promise<void> => {
      await repo.insertEvent({ partnershipId, date, kind: 'brief', title, notes: '', letterId, visitId: null });
    },
  };
}

export type PartnershipsService = ReturnType<typeof createPartnershipsService>;
