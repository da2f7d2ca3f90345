import type { z } from 'zod';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import { contactToPerson } from '../../api/contact-person';
import type { Person } from '../../api/schemas/addressing';
import type { OfficeSettings } from '../../api/schemas/letters';
import {
  seatPositionLabel,
  type GoldenBookEntry,
  type SeatView,
  type SeatingTable,
  type SeatingTableView,
  type Visit,
  type VisitPerson,
  type VisitSummary,
  type visitInputSchema,
} from '../../api/schemas/visits';
import { compareRanks, composeAddress, findRole, formatFullName, protocolRank } from '../../domain/addressing';
import { formatDateLong } from '../../domain/dates/format';
import { proposeSeating, type SeatingPerson } from '../../domain/protocol/seating';

import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { fileContent, fileNameOf } from '../file-content';
import { roleLabelFor, type RoleCatalogue } from '../reference/role-catalogue';
import { visitsRepository, type ContactRow, type VisitPersonRow } from './repository';

/** The document builders (docx is large) load with the first document, not at start. */
const documents = () => import('../../documents/seating-document');

type VisitHandlers = Pick<
  Handlers,
  | 'visits.list'
  | 'visits.get'
  | 'visits.save'
  | 'visits.delete'
  | 'visits.goldenBook'
  | 'visits.goldenBook.save'
  | 'visits.goldenBook.delete'
  | 'seating.propose'
  | 'seating.save'
  | 'seating.get'
  | 'seating.document'
>;

/**
 * Visits and delegations: guests and hosts (contacts), the programme (linked appointments),
 * interpreter, press, the Golden Book, and the seating order of the official meal — proposed by
 * protocol precedence (core/domain/protocol/seating.ts), moved by staff, saved and printed.
 * Gifts given and received during a visit are kept by the gifts service (with `visitId`).
 */
export function createVisitsService(deps: ServiceDeps, catalogue: RoleCatalogue, office: () => Promise<OfficeSettings>) {
  const repo = visitsRepository(deps.engine);

  const personOf = (row: ContactRow): Person => contactToPerson({ ...row, kind: 'person', roleKey: row.roleKey ?? '' });
  const nameOf = (row: ContactRow): string => (row.kind === 'organisation' ? row.name : formatFullName(personOf(row)));
  const roleLabelOf = (row: ContactRow): string =>
    row.kind === 'person' ? roleLabelFor(catalogue.map().get(row.roleKey ?? ''), row.gender, row.roleDetail, row.former) : '';

  /** Hosts first, then guests (the guest of honour first); each side by protocol precedence, then by name. */
  const sortedPeople = async (visitId: number) => {
    const roles = catalogue.map();
    const key = ({ link, contact }: { link: VisitPersonRow; contact: ContactRow }) => {
      const person = personOf(contact);
      return [link.role === 'gastgeber' ? 0 : 1, link.honour ? 0 : 1, ...protocolRank(person, findRole(person, roles))];
    };
    return (await repo.people(visitId))
      .map((row) => ({ row, key: key(row) }))
      .sort((a, b) => compareRanks(a.key, b.key) || a.row.contact.sortName.localeCompare(b.row.contact.sortName, 'de'))
      .map(({ row }) => row);
  };

  const peopleOf = async (visitId: number): Promise<VisitPerson[]> => {
    const roles = catalogue.map();
    return (await sortedPeople(visitId)).map(({ link, contact }) => {
      const person = personOf(contact);
      const role = findRole(person, roles);
      return {
        contactId: contact.id,
        role: link.role,
        honour: link.honour,
        name: nameOf(contact),
        roleLabel: roleLabelOf(contact),
        oralSalutation: contact.kind === 'person' ? composeAddress({ person }, roles).oralSalutation : '',
        precedence: role?.precedence ?? null,
        partnerId: contact.partnerId,
      };
    });
  };

  const summaryOf = (found: NonNullable<Awaited<ReturnType<typeof repo.find>>>, people: VisitPerson[]): VisitSummary => {
    const guests = people.filter((p) => p.role === 'gast');
    return {
      id: found.visit.id,
      direction: found.visit.direction,
      title: found.visit.title,
      partnershipId: found.visit.partnershipId,
      partnership: found.partnership,
      from: found.visit.from,
      to: found.visit.to,
      guests: Number(found.guests),
      hosts: Number(found.hosts),
      leadGuest: guests[0]?.name ?? null,
      appointmentCount: Number(found.appointments),
      hasSeating: found.hasSeating,
      updatedAt: found.visit.updatedAt,
      revision: found.visit.revision,
    };
  };

  const mustFind = async (id: number) => {
    const found = await repo.find(id);
    if (!found) throw new AppError('NOT_FOUND', `Der Besuch Nr. ${id} wurde nicht gefunden.`, { id });
    return found;
  };

  const toVisit = async (id: number): Promise<Visit> => {
    const found = await mustFind(id);
    const people = await peopleOf(id);
    return {
      ...summaryOf(found, people),
      interpreter: found.visit.interpreter,
      press: found.visit.press,
      notes: found.visit.notes,
      people,
      appointments: (await repo.appointments(id)).map((a) => ({ id: a.id, title: a.title, start: a.start, end: a.end, allDay: a.allDay, place: a.place, status: a.status })),
      createdAt: found.visit.createdAt,
    };
  };

  const checkedPeople = async (input: z.output<typeof visitInputSchema>): Promise<Array<Omit<VisitPersonRow, 'visitId'>>> => {
    const seen = new Set<number>();
    const found = new Map((await repo.contacts(input.people.map((p) => p.contactId))).map((c) => [c.id, c]));
    return input.people.map((p) => {
      const contact = found.get(p.contactId);
      if (!contact) throw new AppError('NOT_FOUND', `Der Kontakt Nr. ${p.contactId} wurde nicht gefunden.`, { contactId: p.contactId });
      if (contact.kind !== 'person') throw new AppError('INVALID_INPUT', `„${contact.name}“ ist eine Organisation; bitte eine Person als Gast bzw. Gastgeber/in wählen.`, { contactId: p.contactId });
      if (seen.has(p.contactId)) throw new AppError('INVALID_INPUT', `${nameOf(contact)} steht zweimal auf der Liste des Besuchs.`, { contactId: p.contactId });
      seen.add(p.contactId);
      return { contactId: p.contactId, role: p.role, honour: p.role === 'gast' && p.honour };
    });
  };

  const valuesOf = async (input: z.output<typeof visitInputSchema>) => {
    if (input.to < input.from) {
      throw new AppError('INVALID_INPUT', 'Das Ende des Besuchs liegt vor seinem Beginn.', { issues: [{ path: ['to'], message: 'Das Ende liegt vor dem Beginn.' }] });
    }
    if (input.partnershipId !== null && !(await repo.partnershipExists(input.partnershipId))) {
      throw new AppError('NOT_FOUND', `Die Partnerschaft Nr. ${input.partnershipId} wurde nicht gefunden.`, { partnershipId: input.partnershipId });
    }
    const missing = await repo.missingAppointments([...new Set(input.appointmentIds)]);
    if (missing.length) throw new AppError('NOT_FOUND', `Der Termin Nr. ${missing[0]} wurde nicht gefunden.`, { appointmentIds: missing });
    return {
      direction: input.direction,
      title: input.title,
      partnershipId: input.partnershipId,
      from: input.from,
      to: input.to,
      interpreter: input.interpreter,
      press: input.press,
      notes: input.notes,
    };
  };

  const toGoldenBookEntry = ({ entry, visit }: NonNullable<Awaited<ReturnType<typeof repo.goldenBookEntry>>>): GoldenBookEntry => ({ ...entry, visit });

  // Seating

  /** Who a seat is: the contact's current name and office, and their place on the visit's list. */
  const seatViews = async (visitId: number) => {
    const people = new Map((await repo.people(visitId)).map((r) => [r.contact.id, r]));
    const view = async (seat: { contactId: number | null; label: string }): Promise<SeatView> => {
      if (seat.contactId === null) return { contactId: null, label: seat.label, roleLabel: '', side: null, honour: false };
      const onList = people.get(seat.contactId);
      const contact = onList?.contact ?? (await repo.contact(seat.contactId));
      return {
        contactId: seat.contactId,
        label: contact ? nameOf(contact) : seat.label,
        roleLabel: contact ? roleLabelOf(contact) : '',
        side: onList?.link.role ?? null,
        honour: onList?.link.honour ?? false,
      };
    };
    const unseated = async (tables: readonly SeatingTable[]): Promise<SeatView[]> => {
      const seated = new Set(tables.flatMap((t) => t.seats.map((s) => s.contactId)));
      return Promise.all(
        (await peopleOf(visitId)).filter((p) => !seated.has(p.contactId)).map((p) => view({ contactId: p.contactId, label: p.name })),
      );
    };
    const tables = (list: readonly SeatingTable[]): Promise<SeatingTableView[]> =>
      Promise.all(list.map(async (t) => ({ name: t.name, seats: await Promise.all(t.seats.map(view)) })));
    return { view, tables, unseated };
  };

  const storedTables = (stored: unknown): SeatingTable[] =>
    Array.isArray(stored)
      ? stored.map((t: { name?: unknown; seats?: unknown }) => ({
          name: typeof t?.name === 'string' ? t.name : 'Tisch',
          seats: Array.isArray(t?.seats)
            ? t.seats.map((s: { contactId?: unknown; label?: unknown }) => ({
                contactId: typeof s?.contactId === 'number' ? s.contactId : null,
                label: typeof s?.label === 'string' ? s.label : '',
              }))
            : [],
        }))
      : [];

  const planOf = async (visitId: number) => {
    const row = await repo.seatingPlan(visitId);
    if (!row) return null;
    const tables = storedTables(row.tables);
    const views = await seatViews(visitId);
    return {
      id: row.id,
      visitId,
      title: row.title,
      date: row.date,
      tables: await views.tables(tables),
      unseated: await views.unseated(tables),
      updatedAt: row.updatedAt,
    };
  };

  /** Each contact seated once; contacts must exist; the label of a contact's seat is its name. */
  const checkedTables = async (tables: readonly SeatingTable[]): Promise<SeatingTable[]> => {
    const where = new Map<number, string>();
    const ids = [...new Set(tables.flatMap((t) => t.seats.map((s) => s.contactId)).filter((id): id is number => id !== null))];
    const found = new Map((await repo.contacts(ids)).map((c) => [c.id, c]));
    return tables.map((table) => ({
      name: table.name,
      seats: table.seats.map((seat, index) => {
        if (seat.contactId === null) return { contactId: null, label: seat.label };
        const contact = found.get(seat.contactId);
        if (!contact) throw new AppError('NOT_FOUND', `Der Kontakt Nr. ${seat.contactId} wurde nicht gefunden.`, { contactId: seat.contactId });
        const here = `${table.name}, Platz ${index}`;
        const before = where.get(seat.contactId);
        if (before) {
          throw new AppError('INVALID_INPUT', `${nameOf(contact)} hat zwei Plätze (${before} und ${here}); bitte einen davon freigeben.`, { contactId: seat.contactId });
        }
        where.set(seat.contactId, here);
        return { contactId: seat.contactId, label: nameOf(contact) };
      }),
    }));
  };

  const handlers: VisitHandlers = {
    'visits.list': async (filter) => {
      const visits = [];
      for (const found of await repo.list(filter)) visits.push(summaryOf(found, await peopleOf(found.visit.id)));
      return visits;
    },

    'visits.get': ({ id }) => toVisit(id),

    'visits.save': (input) =>
      deps.engine.transaction(async () => {
        const values = await valuesOf(input);
        const people = await checkedPeople(input);
        const at = deps.now().toISOString();
        let id: number;
        if (input.id) {
          id = (await mustFind(input.id)).visit.id;
          await repo.update({ id, revision: input.revision! }, values, at);
        } else {
          id = (await repo.insert(values, at)).id;
        }
        await repo.replacePeople(id, people);
        await repo.replaceAppointments(id, [...new Set(input.appointmentIds)]);
        await repo.syncPartnershipHistory(id, { partnershipId: values.partnershipId ?? null, from: values.from, title: values.title, direction: values.direction });
        const guests = people.filter((p) => p.role === 'gast').length;
        await audit(deps, { action: input.id ? 'update' : 'create', entity: 'visit', entityId: id, summary: `${values.title} (${values.from}–${values.to}, ${guests} Gäste)` });
        return toVisit(id);
      }),

    'visits.delete': ({ id, revision }) =>
      deps.engine.transaction(async () => {
        const found = await mustFind(id);
        await repo.delete({ id, revision });
        await audit(deps, { action: 'delete', entity: 'visit', entityId: id, summary: found.visit.title });
        return { id };
      }),

    'visits.goldenBook': async (filter) => (await repo.goldenBook(filter)).map(toGoldenBookEntry),

    'visits.goldenBook.save': (input) =>
      deps.engine.transaction(async () => {
        if (input.visitId !== null) await mustFind(input.visitId);
        const contact = input.contactId !== null ? await repo.contact(input.contactId) : undefined;
        if (input.contactId !== null && !contact) throw new AppError('NOT_FOUND', `Der Kontakt Nr. ${input.contactId} wurde nicht gefunden.`, { contactId: input.contactId });
        const person = input.person || (contact ? [nameOf(contact), roleLabelOf(contact)].filter(Boolean).join(', ') : '');
        if (!person) {
          throw new AppError('INVALID_INPUT', 'Bitte angeben, wer sich in das Goldene Buch eingetragen hat.', { issues: [{ path: ['person'], message: 'Bitte die Person angeben.' }] });
        }
        const values = { visitId: input.visitId, date: input.date, person, contactId: input.contactId, occasion: input.occasion, text: input.text };
        let id = input.id;
        if (id) {
          if (!(await repo.goldenBookEntry(id))) throw new AppError('NOT_FOUND', `Der Eintrag Nr. ${id} im Goldenen Buch wurde nicht gefunden.`, { id });
          await repo.updateGoldenBook(id, values);
        } else {
          id = await repo.insertGoldenBook(values);
        }
        await audit(deps, { action: input.id ? 'update' : 'create', entity: 'golden-book', entityId: id, summary: `${person}, ${input.date}` });
        return toGoldenBookEntry((await repo.goldenBookEntry(id))!);
      }),

    'visits.goldenBook.delete': ({ id }) =>
      deps.engine.transaction(async () => {
        const found = await repo.goldenBookEntry(id);
        if (!found) throw new AppError('NOT_FOUND', `Der Eintrag Nr. ${id} im Goldenen Buch wurde nicht gefunden.`, { id });
        await repo.deleteGoldenBook(id);
        await audit(deps, { action: 'delete', entity: 'golden-book', entityId: id, summary: `${found.entry.person}, ${found.entry.date}` });
        return { id };
      }),

    'seating.propose': async ({ visitId, tables, separateCouples }) => {
      await mustFind(visitId);
      // In the order of the visit's list, so that equals keep the order staff see.
      const people: SeatingPerson[] = (await sortedPeople(visitId)).map(({ link, contact }) => ({
        id: contact.id,
        label: nameOf(contact),
        person: personOf(contact),
        side: link.role,
        honour: link.honour,
        partnerId: contact.partnerId,
      }));
      if (people.length === 0) {
        throw new AppError('INVALID_INPUT', 'Für den Besuch sind noch keine Gäste und Gastgeber eingetragen; bitte zuerst die Personen speichern.', { visitId });
      }
      const proposal = proposeSeating(people, tables, catalogue.map(), { separateCouples });
      const views = await seatViews(visitId);
      return { visitId, tables: await views.tables(proposal.tables), unseated: await Promise.all(proposal.unseated.map(views.view)), notes: proposal.notes };
    },

    'seating.save': (input) =>
      deps.engine.transaction(async () => {
        const { visit } = await mustFind(input.visitId);
        const tables = await checkedTables(input.tables);
        const at = deps.now().toISOString();
        const row = await repo.saveSeatingPlan(input.visitId, { title: input.title || `Sitzordnung – ${visit.title}`, date: input.date ?? visit.from, tables }, at);
        await repo.touch(input.visitId, at);
        const seated = tables.reduce((sum, t) => sum + t.seats.filter((s) => s.contactId !== null || s.label).length, 0);
        await audit(deps, { action: 'save-seating', entity: 'visit', entityId: input.visitId, summary: `${row.title}: ${tables.length} Tisch(e), ${seated} Plätze besetzt` });
        return (await planOf(input.visitId))!;
      }),

    'seating.get': async ({ visitId }) => {
      await mustFind(visitId);
      return planOf(visitId);
    },

    'seating.document': async ({ visitId, placeCards }) => {
      const { visit } = await mustFind(visitId);
      const plan = await planOf(visitId);
      if (!plan) throw new AppError('NOT_FOUND', `Für „${visit.title}“ ist noch keine Sitzordnung gespeichert.`, { visitId });
      const own = await office();
      const bytes = await (await documents()).seatingDocx({
        office: [own.stadt, own.dienststelle].filter(Boolean).join(' · '),
        title: plan.title,
        subtitle: `${visit.title} – ${formatDateLong(plan.date)}`,
        tables: plan.tables.map((t) => ({
          name: t.name,
          seats: t.seats.map((s, i) => ({ number: i, position: seatPositionLabel(i, t.seats.length), name: s.label, role: s.roleLabel, honour: s.honour })),
        })),
        unseated: plan.unseated.map((s) => [s.label, s.roleLabel].filter(Boolean).join(', ')),
        placeCards,
      });
      return fileContent(fileNameOf(['Sitzordnung', visit.title, plan.date], 'docx'), bytes);
    },
  };
  return { handlers };
}
