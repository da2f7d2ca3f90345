import type { z } from 'zod';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import {
  CITIZEN_EVENT_KIND_LABELS,
  routeStopSchema,
  type CitizenEvent,
  type CitizenEventDetail,
  type citizenEventInputSchema,
  type EventRegistration,
  type RouteStop,
} from '../../api/schemas/citizen-events';
import { REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS, type RequestStatus } from '../../api/schemas/citizen-requests';
import type { Office, OfficeSettings } from '../../api/schemas/letters';
import { utcToLocalDateTime } from '../../domain/calendar/time';
import { formatDateLong, formatDateNumeric, isoDateInBerlin } from '../../domain/dates/format';
import { foldGerman } from '../../domain/text/fold';
import type { CitizenEventFacts, EventHost } from '../../documents/citizen-event-documents';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { fileContent, fileNameOf } from '../file-content';
import { citizenName, samePerson, storeCitizen, toCitizen } from '../citizens/citizens';
import { citizenRecords } from '../citizens/repository';
import { citizenEventsRepository, type CitizenEventRow, type SignerRow } from './repository';

/** The document builders (docx is large) load with the first document, not at start. */
const builders = () => import('../../documents/citizen-event-documents');

type EventHandlers = Pick<
  Handlers,
  | 'citizenEvents.list'
  | 'citizenEvents.get'
  | 'citizenEvents.save'
  | 'citizenEvents.delete'
  | 'citizenEvents.register'
  | 'citizenEvents.unregister'
  | 'citizenEvents.document'
>;
type EventInput = z.output<typeof citizenEventInputSchema>;

const WEEKDAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
/** "Donnerstag, 4. März 2027". */
const dayLabel = (date: string) => `${WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]}, ${formatDateLong(date)}`;
const clock = (value: string) => value.slice(11, 16);

/** "Donnerstag, 4. März 2027, 18:00–20:00 Uhr" (over midnight: both days). */
export function whenLabel(start: string, end: string): string {
  if (start.slice(0, 10) === end.slice(0, 10)) return `${dayLabel(start.slice(0, 10))}, ${clock(start)}–${clock(end)} Uhr`;
  return `${dayLabel(start.slice(0, 10))}, ${clock(start)} Uhr bis ${dayLabel(end.slice(0, 10))}, ${clock(end)} Uhr`;
}

/** An appointment's start: "Donnerstag, 4. März 2027, 18:00 Uhr" (all-day: the day). */
const momentLabel = (start: string) => (start.length === 10 ? dayLabel(start) : `${dayLabel(start.slice(0, 10))}, ${clock(start)} Uhr`);

/** In running text: "am Donnerstag, 4. März 2027, von 18:00 bis 20:00 Uhr". */
export function whenInWords(start: string, end: string): string {
  if (start.slice(0, 10) === end.slice(0, 10)) return `am ${dayLabel(start.slice(0, 10))}, von ${clock(start)} bis ${clock(end)} Uhr`;
  return `vom ${dayLabel(start.slice(0, 10))}, ${clock(start)} Uhr, bis ${dayLabel(end.slice(0, 10))}, ${clock(end)} Uhr`;
}

/** "Stadt Duisburg" → "Duisburg" (for the date line). */
const cityOf = (office: OfficeSettings) => office.stadt.replace(/^(Stadt|Gemeinde|Hansestadt|Kreisstadt)\s+/, '');
const officeLine = (office: OfficeSettings) => [office.stadt, office.dienststelle, office.amt].filter(Boolean).join(' · ');

/** The stored route (JSON) as stops; anything unreadable is left out. */
function routeOf(stored: unknown): RouteStop[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((stop) => {
    const parsed = routeStopSchema.safeParse(stop);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Checks a walk's stops: their times in order and, for an event within one day, between its
 * start and end. Talks have no route (it is dropped).
 */
function checkedRoute(input: EventInput): RouteStop[] {
  if (input.kind !== 'spaziergang') return [];
  const issues: Array<{ path: Array<string | number>; message: string }> = [];
  const sameDay = input.start.slice(0, 10) === input.end.slice(0, 10);
  let previous: { time: string; n: number } | null = null;
  input.route.forEach((stop, i) => {
    if (!stop.time) return;
    const n = i + 1;
    if (previous && stop.time < previous.time) {
      issues.push({ path: ['route', i, 'time'], message: `Halt ${n} (${stop.time} Uhr) liegt vor Halt ${previous.n} (${previous.time} Uhr): Bitte die Halte in der Reihenfolge des Weges mit ihren Uhrzeiten eintragen.` });
    } else if (sameDay && stop.time < clock(input.start)) {
      issues.push({ path: ['route', i, 'time'], message: `Halt ${n} (${stop.time} Uhr) liegt vor dem Beginn (${clock(input.start)} Uhr).` });
    } else if (sameDay && stop.time > clock(input.end)) {
      issues.push({ path: ['route', i, 'time'], message: `Halt ${n} (${stop.time} Uhr) liegt nach dem Ende (${clock(input.end)} Uhr).` });
    }
    previous = { time: stop.time, n };
  });
  if (issues.length) throw new AppError('INVALID_INPUT', issues.map((i) => i.message).join(' '), { issues });
  return input.route;
}

/**
 * Citizens' talks (Bürgergespräche) and walks through a district (Bürgerspaziergänge): the
 * events with their route, capacity and linked appointment; registrations with the topic each
 * person wants to raise; and the four documents (invitation, press note, the host's briefing, the
 * follow-up report on the concerns raised).
 *
 * Capacity: a registration beyond the places available is refused (there is no waiting list);
 * the places cannot be cut below those already taken. A person registers once per event.
 * Concerns raised at an event are requests (`requests.save` with `eventId`); an event with such
 * requests cannot be deleted, so no concern loses its origin.
 */
export function createCitizenEventsService(deps: ServiceDeps, office: () => Promise<Office>) {
  const repo = citizenEventsRepository(deps.engine);
  const people = citizenRecords(deps.engine);
  const nowWallClock = () => utcToLocalDateTime(deps.now().getTime());

  const mustFind = async (id: number) => {
    const found = await repo.find(id);
    if (!found) throw new AppError('NOT_FOUND', `Die Veranstaltung Nr. ${id} wurde nicht gefunden.`, { id });
    return found;
  };

  const toEvent = (found: NonNullable<Awaited<ReturnType<typeof repo.find>>>): CitizenEvent => {
    const { event: row, registered, concerns } = found;
    return {
      id: row.id,
      revision: row.revision,
      kind: row.kind,
      title: row.title,
      start: row.start,
      end: row.end,
      district: row.district,
      place: row.place,
      route: routeOf(row.route),
      capacity: row.capacity,
      appointmentId: row.appointmentId,
      appointment: row.appointmentId !== null && found.appointmentTitle !== null ? { id: row.appointmentId, title: found.appointmentTitle, start: found.appointmentStart ?? '' } : null,
      notes: row.notes,
      registered,
      free: row.capacity !== null ? Math.max(0, row.capacity - registered) : null,
      concerns,
      past: row.end < nowWallClock(),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  };

  const registrationsOf = async (eventId: number): Promise<EventRegistration[]> =>
    (await repo.registrations(eventId)).map(({ registration, citizen }) => ({
      id: registration.id,
      eventId: registration.eventId,
      citizen: citizen ? toCitizen(citizen) : null,
      topic: registration.topic,
      registeredOn: registration.registeredOn,
    }));

  const detail = async (id: number): Promise<CitizenEventDetail> => ({ ...toEvent(await mustFind(id)), registrations: await registrationsOf(id) });

  const valuesOf = async (input: EventInput, registered: number) => {
    if (input.appointmentId !== null && !(await repo.appointment(input.appointmentId))) {
      throw new AppError('NOT_FOUND', `Der Termin Nr. ${input.appointmentId} wurde nicht gefunden.`, { appointmentId: input.appointmentId });
    }
    if (input.capacity !== null && input.capacity < registered) {
      throw new AppError(
        'CONFLICT',
        `Es sind bereits ${registered} Personen angemeldet; die Zahl der Plätze kann nicht kleiner sein (eingegeben: ${input.capacity}).`,
        { registered, issues: [{ path: ['capacity'], message: `Mindestens ${registered} Plätze (so viele sind angemeldet).` }] },
      );
    }
    return {
      kind: input.kind,
      title: input.title,
      start: input.start,
      end: input.end,
      district: input.district,
      place: input.place,
      route: checkedRoute(input),
      capacity: input.capacity,
      appointmentId: input.appointmentId,
      notes: input.notes,
    };
  };

  // ------------------------------------------------------------------ documents

  /** The host: whose calendar the linked appointment is in, else the Oberbürgermeister/in. */
  const hostOf = async (row: CitizenEventRow): Promise<SignerRow | undefined> =>
    (row.appointmentId !== null ? await repo.appointmentOwner(row.appointmentId) : undefined) ?? (await repo.headSigner());

  const factsOf = async (row: CitizenEventRow): Promise<CitizenEventFacts> => {
    const own = await office();
    const host = await hostOf(row);
    return {
      office: officeLine(own),
      department: own.amt || `Büro ${own.holder.title.genitive}`,
      kind: row.kind,
      kindLabel: CITIZEN_EVENT_KIND_LABELS[row.kind],
      title: row.title,
      when: whenLabel(row.start, row.end),
      whenText: whenInWords(row.start, row.end),
      district: row.district,
      place: row.place,
      route: routeOf(row.route),
      capacity: row.capacity,
      host: host ? ({ name: host.name, office: host.office } satisfies EventHost) : null,
    };
  };

  /** Who takes registrations: the contact person of the citizen dialogue (an e-mail „buerger…“), else the first. */
  const registrationContact = async () => {
    const persons = (await office()).contactPersons;
    return persons.find((p) => foldGerman(`${p.email} ${p.name}`).includes('buerger')) ?? persons[0];
  };

  const requestKind = (kind: keyof typeof REQUEST_KIND_LABELS) => REQUEST_KIND_LABELS[kind];
  const statusLabel = (status: RequestStatus) => REQUEST_STATUS_LABELS[status];
  const numeric = (date: string | null) => (date ? formatDateNumeric(date.slice(0, 10)) : '—');

  const documents = {
    einladung: async (row: CitizenEventRow) => {
      const contact = await registrationContact();
      const own = await office();
      const registration = contact
        ? [contact.name, contact.phone ? `Telefon ${contact.phone}` : '', contact.email ? `E-Mail ${contact.email}` : ''].filter(Boolean)
        : [own.amt, own.hausanschrift].filter(Boolean);
      return { name: 'Einladung', bytes: await (await builders()).invitationDocx({ ...(await factsOf(row)), registration }) };
    },
    pressenotiz: async (row: CitizenEventRow) => {
      const contact = await registrationContact();
      const ways = contact ? [contact.phone ? `telefonisch unter ${contact.phone}` : '', contact.email ? `per E-Mail an ${contact.email}` : ''].filter(Boolean) : [];
      return {
        name: 'Pressenotiz',
        bytes: await (await builders()).pressNoteDocx({
          ...(await factsOf(row)),
          dateLine: `${cityOf(await office())}, ${formatDateLong(isoDateInBerlin(deps.now()))}`,
          registrationText: ways.join(' oder '),
          address: (await office()).hausanschrift,
          pressContact: contact ? [contact.name, contact.phone ? `Telefon ${contact.phone}` : '', contact.email].filter(Boolean).join(', ') : '',
        }),
      };
    },
    briefing: async (row: CitizenEventRow) => {
      const registrations = await repo.registrations(row.id);
      const citizenIds = registrations.flatMap((r) => (r.citizen ? [r.citizen.id] : []));
      const openOfPerson = new Map<number, string[]>();
      for (const q of await repo.openRequestsOf(citizenIds)) {
        openOfPerson.set(q.citizenId!, [...(openOfPerson.get(q.citizenId!) ?? []), `offenes Anliegen Nr. ${q.id}: ${q.subject}`]);
      }
      const host = await hostOf(row);
      const appointment = row.appointmentId !== null ? await repo.appointment(row.appointmentId) : undefined;
      return {
        name: 'Unterlage',
        bytes: await (await builders()).eventBriefingDocx({
          ...(await factsOf(row)),
          briefingFor: host ? `${host.name}, ${host.office}` : '',
          asOf: `Stand: ${formatDateNumeric(isoDateInBerlin(deps.now()))}`,
          appointment: appointment ? `${appointment.title} (${momentLabel(appointment.start)})` : '',
          notes: row.notes,
          registrations: registrations.map(({ registration, citizen }) => ({
            name: citizen ? citizenName(citizen) : '(Angaben gelöscht)',
            address: citizen ? `${citizen.street} ${citizen.houseNumber}`.trim() || citizen.city : '',
            topic: registration.topic,
            hint: (citizen ? openOfPerson.get(citizen.id) ?? [] : []).join('\n'),
          })),
          openRequests: row.district
            ? (await repo.openRequestsInDistrict(row.district)).map(({ request: q, department }) => ({
                number: String(q.id),
                received: numeric(q.receivedOn),
                subject: q.subject,
                kind: requestKind(q.kind),
                place: q.place,
                status: statusLabel(q.status),
                department: department ? `${department}${q.statementDue && !q.statementReceivedOn ? `, Frist ${numeric(q.statementDue)}` : ''}` : '—',
              }))
            : [],
        }),
      };
    },
    nachbericht: async (row: CitizenEventRow) => {
      const concerns = await repo.requestsOfEvent(row.id);
      const byStatus = new Map<RequestStatus, number>();
      for (const { request } of concerns) byStatus.set(request.status, (byStatus.get(request.status) ?? 0) + 1);
      const order = Object.keys(REQUEST_STATUS_LABELS) as RequestStatus[];
      const parts = order
        .slice()
        .reverse()
        .filter((s) => byStatus.has(s))
        .map((s) => `${byStatus.get(s)} ${statusLabel(s)}`);
      const summary = concerns.length
        ? `${concerns.length} Anliegen ${concerns.length === 1 ? 'wurde' : 'wurden'} aufgenommen: ${parts.join(', ')}.`
        : 'Bei der Veranstaltung wurden keine Anliegen aufgenommen.';
      return {
        name: 'Nachbericht',
        bytes: await (await builders()).followUpReportDocx({
          ...(await factsOf(row)),
          asOf: `Stand: ${formatDateNumeric(isoDateInBerlin(deps.now()))}`,
          registered: (await repo.registrations(row.id)).length,
          summary,
          concerns: concerns.map(({ request: q, department, citizen }) => ({
            number: String(q.id),
            subject: q.subject,
            kind: requestKind(q.kind),
            place: q.place,
            person: citizen ? citizenName(citizen) : q.anonymisedAt ? '(Angaben gelöscht)' : 'anonym',
            status: statusLabel(q.status),
            department: department ?? '—',
            answered: numeric(q.answeredOn),
          })),
        }),
      };
    },
  } as const;

  // ------------------------------------------------------------------ handlers

  const handlers: EventHandlers = {
    'citizenEvents.list': async ({ period, kind, district }) => {
      const now = nowWallClock();
      const events = (await repo.list({ kind, district })).map(toEvent);
      const upcoming = events.filter((e) => e.end >= now);
      const past = events.filter((e) => e.end < now).reverse();
      return period === 'upcoming' ? upcoming : period === 'past' ? past : [...upcoming, ...past];
    },

    'citizenEvents.get': ({ id }) => detail(id),

    'citizenEvents.save': (input) =>
      deps.engine.transaction(async () => {
        const at = deps.now().toISOString();
        if (input.id) await repo.lock(input.id);
        let row: { id: number; kind: CitizenEventRow['kind']; title: string };
        if (input.id) {
          const values = await valuesOf(input, (await mustFind(input.id)).registered);
          await repo.update({ id: input.id, revision: input.revision! }, values, at);
          row = { id: input.id, kind: values.kind!, title: values.title! };
        } else {
          row = await repo.insert(await valuesOf(input, 0), at);
        }
        await audit(deps, { action: input.id ? 'update' : 'create', entity: 'citizen_event', entityId: row.id, summary: `${CITIZEN_EVENT_KIND_LABELS[row.kind]}: ${row.title}` });
        return detail(row.id);
      }),

    'citizenEvents.delete': ({ id, revision }) =>
      deps.engine.transaction(async () => {
        const { event: row, concerns } = await mustFind(id);
        if (concerns > 0) {
          throw new AppError(
            'CONFLICT',
            `Bei „${row.title}“ ${concerns === 1 ? 'wurde ein Anliegen' : `wurden ${concerns} Anliegen`} aufgenommen; die Veranstaltung bleibt deshalb erhalten und kann nicht gelöscht werden.`,
            { concerns },
          );
        }
        const persons = (await repo.registrations(id)).flatMap((r) => (r.citizen ? [r.citizen.id] : []));
        await repo.delete({ id, revision });
        for (const personId of persons) await people.deleteIfUnreferenced(personId);
        await audit(deps, { action: 'delete', entity: 'citizen_event', entityId: id, summary: `${CITIZEN_EVENT_KIND_LABELS[row.kind]}: ${row.title}` });
        return { id };
      }),

    'citizenEvents.register': ({ eventId, citizen, topic, registeredOn }) =>
      deps.engine.transaction(async () => {
        // Locked before counting: two registrations at once never both take the last place.
        await repo.lock(eventId);
        const { event: row, registered } = await mustFind(eventId);
        const label = `${CITIZEN_EVENT_KIND_LABELS[row.kind]} „${row.title}“`;
        if (row.end < nowWallClock()) {
          throw new AppError('CONFLICT', `${label} ist vorbei; Anmeldungen sind nicht mehr möglich.`);
        }
        const already = (await repo.registrations(eventId)).find((r) => r.citizen && (r.citizen.id === citizen.id || samePerson(r.citizen, citizen)));
        if (already?.citizen) {
          throw new AppError('CONFLICT', `${citizenName(already.citizen)} ist für ${label} bereits angemeldet.`, { registrationId: already.registration.id });
        }
        if (row.capacity !== null && registered >= row.capacity) {
          throw new AppError(
            'CONFLICT',
            `${label} ist ausgebucht: Alle ${row.capacity} Plätze sind vergeben. Bitte erhöhen Sie die Zahl der Plätze oder weisen Sie auf eine spätere Veranstaltung hin.`,
            { capacity: row.capacity, registered },
          );
        }
        const person = await storeCitizen(deps, citizen);
        const registration = await repo.insertRegistration({ eventId, citizenId: person.id, topic, registeredOn: registeredOn ?? isoDateInBerlin(deps.now()) });
        await repo.touch(eventId, deps.now().toISOString());
        await audit(deps, { action: 'register', entity: 'citizen_event', entityId: eventId, summary: `Anmeldung Nr. ${registration.id}` });
        return detail(eventId);
      }),

    'citizenEvents.unregister': ({ registrationId }) =>
      deps.engine.transaction(async () => {
        const registration = await repo.registration(registrationId);
        if (!registration) throw new AppError('NOT_FOUND', `Die Anmeldung Nr. ${registrationId} wurde nicht gefunden.`, { registrationId });
        await repo.deleteRegistration(registrationId);
        if (registration.citizenId !== null) await people.deleteIfUnreferenced(registration.citizenId);
        await repo.touch(registration.eventId, deps.now().toISOString());
        await audit(deps, { action: 'unregister', entity: 'citizen_event', entityId: registration.eventId, summary: `Anmeldung Nr. ${registrationId}` });
        return detail(registration.eventId);
      }),

    'citizenEvents.document': async ({ id, kind }) => {
      const { event: row } = await mustFind(id);
      const { name, bytes } = await documents[kind](row);
      return fileContent(fileNameOf([name, row.title, row.start.slice(0, 10)], 'docx'), bytes);
    },
  };
  return { handlers };
}
