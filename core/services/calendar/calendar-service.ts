import fs from 'node:fs';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import { calendarSettingsSchema, timeSpanSchema, type Appointment, type AppointmentInput, type CalendarOccurrence } from '../../api/schemas/calendar';
import type { z } from 'zod';
import type { appointmentInputSchema } from '../../api/schemas/calendar';
import { conflictsWith, findConflicts } from '../../domain/calendar/conflicts';
import { publicHolidaysNRW } from '../../domain/calendar/holidays';
import { checkRecurrenceRule, occurrencesOf } from '../../domain/calendar/recurrence';
import type { CalendarEntry } from '../../domain/calendar/types';
import { formatDateLong, formatDateNumeric } from '../../domain/dates/format';
import type { OfficeSettings } from '../../api/schemas/letters';
import type { BriefingItem } from '../../documents/briefing';
import type { ImportedEvent } from '../../documents/ics';
import type { Uploads } from '../uploads/uploads-service';
import { SPEECH_KIND_LABELS, SPEECH_STATUS_LABELS, type Speech } from '../../api/schemas/speeches';
import { audit } from '../audit';
import { fileContent, fileNameOf } from '../file-content';
import type { ServiceDeps } from '../deps';
import type { ContactRow } from '../contacts/repository';
import { settingsRepository } from '../settings/repository';
import { calendarRepository, changesAppointment, type AppointmentRow } from './repository';

/** The document builders (docx is large) load with the first document, not at start. */
const documents = () => import('../../documents/briefing');
/** The iCalendar libraries (ical.js, ical-generator: a fifth of the services' code) load with the first export or import, not at start. */
const ics = () => import('../../documents/ics');

type CalendarHandlers = Pick<
  Handlers,
  | 'calendar.calendars'
  | 'calendar.calendars.save'
  | 'calendar.view'
  | 'calendar.appointments.get'
  | 'calendar.appointments.save'
  | 'calendar.appointments.move'
  | 'calendar.appointments.delete'
  | 'carpool.drivers'
  | 'carpool.drivers.save'
  | 'carpool.vehicles'
  | 'carpool.vehicles.save'
  | 'calendar.briefing'
  | 'carpool.dayPlan'
  | 'carpool.absences'
  | 'calendar.settings'
  | 'calendar.settings.save'
  | 'carpool.absences.save'
  | 'carpool.absences.delete'
  | 'calendar.ics.export'
  | 'calendar.ics.import'
>;

/** The right-hand side of the UIDs this office's appointments carry in .ics files. */
export const UID_DOMAIN = 'rathausbuero.stadt-duisburg.de';

/** Minutes between two appointments at different places (a setting; default half an hour). */
const DEFAULT_TRAVEL_MINUTES = 30;
/** Series and conflicts are looked at this far around a saved appointment. */
const CHECK_DAYS = 400;

export function entryOf(row: AppointmentRow): CalendarEntry {
  return {
    id: String(row.id),
    owner: String(row.calendarId),
    title: row.title,
    start: row.start,
    end: row.end,
    allDay: row.allDay,
    place: row.place,
    status: row.status,
    recurrence: row.recurrenceRule ? { rule: row.recurrenceRule, exceptions: row.recurrenceExceptions } : null,
  };
}

/** The imported series is the appointment's own: the same rule as the export writes it, the same exceptions. */
function sameSeries(row: AppointmentRow, event: ImportedEvent, exportedRule: (rule: string, allDay: boolean) => string): boolean {
  if (!row.recurrenceRule || !event.recurrence || row.allDay !== event.allDay) return false;
  const same = (a: readonly string[], b: readonly string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  return exportedRule(row.recurrenceRule, row.allDay) === exportedRule(event.recurrence.rule, event.allDay) && same(row.recurrenceExceptions, event.recurrence.exceptions);
}

const addDays = (date: string, days: number) => {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * The appointment calendars of the Oberbürgermeister/in and the Bürgermeister/innen: views with
 * series and conflicts, saving with the conflict check, and the car pool, whose drivers and cars
 * are never booked twice at once.
 */
const WEEKDAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
/** "Donnerstag, 10. Dezember 2026". */
const dayLabel = (date: string) => `${WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]}, ${formatDateLong(date)}`;
/** "14:00–15:30 Uhr", "ganztägig", or across days "10.12.2026, 20:00 – 11.12.2026, 01:00 Uhr". */
const timeLabel = (o: { start: string; end: string; allDay: boolean }) => {
  if (o.allDay) return 'ganztägig';
  if (o.start.slice(0, 10) === o.end.slice(0, 10)) return `${o.start.slice(11, 16)}–${o.end.slice(11, 16)} Uhr`;
  return `${formatDateNumeric(o.start.slice(0, 10))}, ${o.start.slice(11, 16)} – ${formatDateNumeric(o.end.slice(0, 10))}, ${o.end.slice(11, 16)} Uhr`;
};

export function createCalendarService(
  deps: ServiceDeps,
  describeContact: (row: ContactRow) => { name: string; oralSalutation: string },
  office: () => Promise<OfficeSettings>,
  uploads: Uploads,
  speechesOf: (appointmentId: number) => Promise<Speech[]>,
) {
  const repo = calendarRepository(deps.engine);
  const settings = settingsRepository(deps.engine);
  const calendarSettings = async () => {
    const parsed = calendarSettingsSchema.safeParse((await settings.getSetting('calendar')) ?? {});
    return parsed.success ? parsed.data : { travelMinutes: DEFAULT_TRAVEL_MINUTES };
  };
  const travelMinutes = async () => (await calendarSettings()).travelMinutes;

  const toAppointment = async (row: AppointmentRow): Promise<Appointment> => ({
    id: row.id,
    calendarId: row.calendarId,
    title: row.title,
    start: row.start,
    end: row.end,
    allDay: row.allDay,
    place: row.place,
    routeNote: row.routeNote,
    status: row.status,
    recurrence: row.recurrenceRule ? { rule: row.recurrenceRule, exceptions: row.recurrenceExceptions } : null,
    programme: row.programme,
    dressCode: row.dressCode,
    press: row.press,
    gift: row.gift,
    notes: row.notes,
    invitationId: row.invitationId,
    driverId: row.driverId,
    vehicleId: row.vehicleId,
    public: row.public,
    people: (await repo.people(row.id)).map((p) => ({ contactId: p.contactId, role: p.role, note: p.note, ...describeContact(p.contact) })),
    speeches: (await speechesOf(row.id)).map(({ id, title, kind, status, deadline }) => ({ id, title, kind, status, deadline })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    revision: row.revision,
  });

  const mustFind = async (id: number): Promise<AppointmentRow> => {
    const row = await repo.appointment(id);
    if (!row) throw new AppError('NOT_FOUND', `Der Termin Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };

  const windowAround = (entry: Pick<CalendarEntry, 'start' | 'end'>, series: boolean) => ({
    from: addDays(entry.start, -1),
    to: addDays(entry.end, series ? CHECK_DAYS : 2),
  });

  /** The conflicts of one appointment with the others of its calendar (German messages). */
  const conflictsOf = async (row: AppointmentRow): Promise<string[]> => {
    const entry = entryOf(row);
    const window = windowAround(entry, Boolean(row.recurrenceRule));
    const others = (await repo.appointmentsIn(window.from, window.to, [row.calendarId])).filter((o) => o.id !== row.id).map(entryOf);
    return conflictsWith(entry, others, { travelMinutes: await travelMinutes() }).map((c) => c.message);
  };

  /**
   * A driver or a car is with one appointment at a time: refuses, naming the other appointment,
   * when one of the candidate's occurrences overlaps an occurrence of another appointment
   * (of any calendar) with the same driver or car.
   */
  const checkCarPool = async (candidate: AppointmentRow) => {
    /** For the car pool an all-day appointment (a day trip) takes the whole day(s): timed from midnight to midnight. */
    const asCarPoolEntry = (row: AppointmentRow, owner: string): CalendarEntry => {
      const entry = { ...entryOf(row), owner };
      if (!entry.allDay) return entry;
      const timed = (value: string) => (value.length === 10 ? `${value}T00:00` : value);
      return {
        ...entry,
        allDay: false,
        start: timed(entry.start),
        end: timed(entry.end),
        recurrence: entry.recurrence && { ...entry.recurrence, exceptions: entry.recurrence.exceptions.map(timed) },
      };
    };
    const check = async (kind: 'driver' | 'vehicle', id: number | null) => {
      if (id === null || candidate.status === 'abgesagt') return;
      const entry = asCarPoolEntry(candidate, `${kind}:${id}`);
      const window = windowAround(entry, Boolean(candidate.recurrenceRule));
      const others = (await repo.appointmentsUsing(kind, id)).filter((o) => o.id !== candidate.id).map((o) => asCarPoolEntry(o, `${kind}:${id}`));
      const name = kind === 'driver' ? (await repo.drivers()).find((d) => d.id === id)?.name : (await repo.vehicles()).find((v) => v.id === id)?.name;
      const who = `${kind === 'driver' ? 'Die Fahrerin bzw. der Fahrer' : 'Das Fahrzeug'} „${name ?? id}“`;
      // Not available: an absence overlapping one of the occurrences.
      const absences = (await repo.absences()).filter((a) => (kind === 'driver' ? a.driverId : a.vehicleId) === id);
      if (absences.length > 0) {
        const span = (value: string, end: boolean) => (value.length === 10 ? (end ? `${value}T24:00` : `${value}T00:00`) : value);
        for (const o of occurrencesOf(entry, window.from, window.to)) {
          const start = o.allDay ? `${o.start}T00:00` : o.start;
          const stop = o.allDay ? `${o.end}T00:00` : o.end;
          const absent = absences.find((a) => span(a.from, false) < stop && span(a.to, true) > start);
          if (absent) {
            const when = (v: string) => (v.length === 10 ? formatDateNumeric(v) : `${formatDateNumeric(v.slice(0, 10))}, ${v.slice(11, 16)} Uhr`);
            throw new AppError(
              'CONFLICT',
              `${who} ist vom ${when(absent.from)} bis ${when(absent.to)} nicht verfügbar${absent.reason ? ` (${absent.reason})` : ''}.`,
              { absenceId: absent.id },
            );
          }
        }
      }
      const clash = conflictsWith(entry, others, { travelMinutes: 0 }).find((c) => c.kind === 'overlap');
      if (!clash) return;
      const other = clash.first.entryId === entry.id ? clash.second : clash.first;
      const otherAllDay = (await repo.appointment(Number(other.entryId)))?.allDay ?? false;
      throw new AppError(
        'CONFLICT',
        `${who} ist zu dieser Zeit schon für „${other.title}“ am ${formatDateNumeric(other.start.slice(0, 10))}${otherAllDay ? '' : ` um ${other.start.slice(11, 16)} Uhr`} eingeteilt.`,
        { appointmentId: Number(other.entryId), window },
      );
    };
    await check('driver', candidate.driverId);
    await check('vehicle', candidate.vehicleId);
  };

  const valuesOf = (input: z.output<typeof appointmentInputSchema>) => ({
    calendarId: input.calendarId,
    title: input.title,
    start: input.start,
    end: input.end,
    allDay: input.allDay,
    place: input.place,
    routeNote: input.routeNote,
    status: input.status,
    recurrenceRule: input.recurrence?.rule ?? null,
    recurrenceExceptions: input.recurrence?.exceptions ?? [],
    programme: input.programme,
    dressCode: input.dressCode,
    press: input.press,
    gift: input.gift,
    notes: input.notes,
    invitationId: input.invitationId,
    driverId: input.driverId,
    vehicleId: input.vehicleId,
    public: input.public,
  });

  /** Saves (in the caller's transaction) and checks; throws for a double-booked driver or car. */
  const save = async (input: z.output<typeof appointmentInputSchema>): Promise<{ appointment: Appointment; conflicts: string[] }> => {
    const ruleProblem = input.recurrence ? checkRecurrenceRule(input.recurrence.rule) : null;
    if (ruleProblem) throw new AppError('INVALID_INPUT', ruleProblem, { issues: [{ path: ['recurrence', 'rule'], message: ruleProblem }] });
    if (!(await repo.calendars()).some((c) => c.id === input.calendarId)) {
      throw new AppError('NOT_FOUND', `Den Kalender Nr. ${input.calendarId} gibt es nicht.`, { calendarId: input.calendarId });
    }
    const at = deps.now().toISOString();
    const row = input.id ? (await repo.updateAppointment((await mustFind(input.id)).id, valuesOf(input), at, input.revision))! : await repo.insertAppointment(valuesOf(input), at);
    await repo.replacePeople(row.id, input.people);
    await checkCarPool(row);
    await audit(deps, { action: input.id ? 'update' : 'create', entity: 'appointment', entityId: row.id, summary: `${row.title}, ${row.start}` });
    return { appointment: await toAppointment(row), conflicts: await conflictsOf(row) };
  };

  const STATUS = { geplant: 'geplant', bestätigt: 'bestätigt', abgesagt: 'abgesagt' } as const;
  const transportOf = async (row: AppointmentRow) => {
    const driver = row.driverId === null ? undefined : (await repo.drivers()).find((d) => d.id === row.driverId);
    const vehicle = row.vehicleId === null ? undefined : (await repo.vehicles()).find((v) => v.id === row.vehicleId);
    return [driver && `${driver.name}${driver.phone ? ` (${driver.phone})` : ''}`, vehicle && `${vehicle.name}${vehicle.plate ? ` (${vehicle.plate})` : ''}`]
      .filter(Boolean)
      .join(', ');
  };
  const briefingItem = async (row: AppointmentRow, occurrence: { start: string; end: string }, warnings: string[]): Promise<BriefingItem> => {
    const appointment = await toAppointment(row);
    const person = (p: Appointment['people'][number]) => ({ name: p.name, oralSalutation: p.oralSalutation, note: p.note });
    return {
      time: timeLabel({ ...occurrence, allDay: row.allDay }),
      day: dayLabel(occurrence.start.slice(0, 10)),
      title: row.title,
      status: STATUS[row.status],
      place: row.place,
      routeNote: row.routeNote,
      programme: row.programme,
      contacts: appointment.people.filter((p) => p.role === 'contact').map(person),
      guests: appointment.people.filter((p) => p.role === 'guest').map(person),
      dressCode: row.dressCode,
      press: row.press,
      gift: row.gift,
      speech:
        (await speechesOf(row.id))
          .map((s) =>
            [
              `${SPEECH_KIND_LABELS[s.kind]} „${s.title}“: ${SPEECH_STATUS_LABELS[s.status]}`,
              s.targetMinutes && `${s.targetMinutes} Minuten`,
              s.deadline && s.status !== 'gehalten' && `Frist ${formatDateNumeric(s.deadline)}`,
              s.author && `verfasst von ${s.author}`,
            ]
              .filter(Boolean)
              .join(', '),
          )
          .join('\n') || '—',
      transport: await transportOf(row),
      notes: row.notes,
      warnings,
    };
  };
  /** The conflicts of each occurrence of one day in one calendar, by "appointment id|start". */
  const dayConflicts = async (date: string, calendarId: number) => {
    const rows = await repo.appointmentsIn(addDays(date, -1), addDays(date, 2), [calendarId]);
    const byOccurrence = new Map<string, string[]>();
    for (const c of findConflicts(rows.map(entryOf), { from: addDays(date, -1), to: addDays(date, 2) }, { travelMinutes: await travelMinutes() })) {
      for (const o of [c.first, c.second]) byOccurrence.set(`${o.entryId}|${o.start}`, [...(byOccurrence.get(`${o.entryId}|${o.start}`) ?? []), c.message]);
    }
    return byOccurrence;
  };
  /** The occurrences of one day in a set of calendars, in time order, with their rows. */
  const dayOccurrences = async (date: string, calendarIds?: number[]) => {
    const next = addDays(date, 1);
    const rows = (await repo.appointmentsIn(date, next, calendarIds)).filter((r) => r.status !== 'abgesagt');
    return rows
      .flatMap((row) => occurrencesOf(entryOf(row), date, next).map((o) => ({ row, o })))
      .filter(({ o }) => o.start.slice(0, 10) <= date && (o.allDay ? o.end.slice(0, 10) > date : o.end.slice(0, 10) >= date))
      .sort((a, b) => Number(b.row.allDay) - Number(a.row.allDay) || a.o.start.localeCompare(b.o.start));
  };

  const handlers: CalendarHandlers = {
    'calendar.ics.export': async ({ calendarId }) => {
      const calendar = (await repo.calendars()).find((c) => c.id === calendarId);
      if (!calendar) throw new AppError('NOT_FOUND', `Den Kalender Nr. ${calendarId} gibt es nicht.`);
      const rows = await repo.appointmentsIn('0000-01-01', '9999-12-31', [calendarId]);
      const text = (await ics()).calendarToIcs({
        calendarName: `Termine ${calendar.name}, ${calendar.office}`,
        uidDomain: UID_DOMAIN,
        generatedAt: deps.now().toISOString(),
        entries: rows.map((row) => ({ ...entryOf(row), description: row.programme, updatedAt: row.updatedAt, public: row.public })),
      });
      return fileContent(fileNameOf(['Termine', calendar.name], 'ics'), new TextEncoder().encode(text));
    },

    'calendar.ics.import': async ({ uploadId, calendarId }) => {
      if (!(await repo.calendars()).some((c) => c.id === calendarId)) throw new AppError('NOT_FOUND', `Den Kalender Nr. ${calendarId} gibt es nicht.`);
      const upload = await uploads.get(uploadId);
      const { parseIcs, exportedRule } = await ics();
      const parsed = parseIcs(fs.readFileSync(upload.file, 'utf8'));
      const own = new RegExp(`^(\\d+)@${UID_DOMAIN.replace(/\./g, '\\.')}$`);
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      await deps.engine.transaction(async () => {
        const at = deps.now().toISOString();
        for (const event of parsed.events) {
          const values = {
            calendarId,
            title: event.title || '(ohne Titel)',
            start: event.start,
            end: event.end,
            allDay: event.allDay,
            place: event.place,
            status: event.status,
            recurrenceRule: event.recurrence?.rule ?? null,
            recurrenceExceptions: event.recurrence?.exceptions ?? [],
            // Öffentlich only as the file says it (our own mark); a file that does not say keeps the flag.
            ...(event.public === null ? {} : { public: event.public }),
          };
          // Our own UID ("12@…") or one seen before: update instead of duplicating.
          const ownId = own.exec(event.uid)?.[1];
          const existing = ownId ? await repo.appointment(Number(ownId)) : await repo.appointmentByExternalUid(event.uid);
          if (existing) {
            // The series as the file has it, in the words the appointment already has them (our
            // export writes UNTIL in UTC): then only a real change moves `updatedAt` and SEQUENCE.
            const recurrence = sameSeries(existing, event, exportedRule) ? { recurrenceRule: existing.recurrenceRule, recurrenceExceptions: existing.recurrenceExceptions } : {};
            const changed = { ...values, ...recurrence };
            if (changesAppointment(existing, changed)) {
              await repo.updateAppointment(existing.id, changed, at);
              updated++;
            } else {
              unchanged++;
            }
          } else {
            await repo.insertAppointment(
              {
                ...values,
                routeNote: '',
                programme: event.description,
                dressCode: '',
                press: '',
                gift: '',
                notes: event.organizer ? `Eingeladen von ${event.organizer}` : '',
                invitationId: null,
                driverId: null,
                vehicleId: null,
                externalUid: event.uid,
              },
              at,
            );
            created++;
          }
        }
        await audit(deps, { action: 'import', entity: 'appointment', summary: `${upload.fileName}: ${created} neu, ${updated} aktualisiert, ${unchanged} unverändert` });
      });
      await uploads.discard(uploadId);
      return { created, updated, unchanged, problems: parsed.problems };
    },

    'calendar.briefing': async (input) => {
      const own = await office();
      const officeLine = `${own.stadt} · ${own.dienststelle}`;
      if ('appointmentId' in input) {
        const row = await mustFind(input.appointmentId);
        const calendar = (await repo.calendars()).find((c) => c.id === row.calendarId)!;
        const occurrence = input.date ? occurrencesOf(entryOf(row), input.date, addDays(input.date, 1))[0] : undefined;
        const conflicts = await dayConflicts((occurrence ?? row).start.slice(0, 10), row.calendarId);
        const item = await briefingItem(row, occurrence ?? row, conflicts.get(`${row.id}|${(occurrence ?? row).start}`) ?? []);
        const person = `${calendar.name}, ${calendar.office}`;
        const bytes = await (await documents()).briefingDocx({ office: officeLine, title: `Terminmappe für ${person}`, subtitle: `${row.title} – ${item.day}`, person, date: item.day, items: [item] });
        return fileContent(fileNameOf(['Terminmappe', (occurrence ?? row).start.slice(0, 10), row.title], 'docx'), bytes);
      }
      const calendar = (await repo.calendars()).find((c) => c.id === input.calendarId);
      if (!calendar) throw new AppError('NOT_FOUND', `Den Kalender Nr. ${input.calendarId} gibt es nicht.`);
      const conflicts = await dayConflicts(input.date, calendar.id);
      const items: BriefingItem[] = [];
      for (const { row, o } of await dayOccurrences(input.date, [calendar.id])) items.push(await briefingItem(row, o, conflicts.get(`${row.id}|${o.start}`) ?? []));
      const person = `${calendar.name}, ${calendar.office}`;
      const bytes = await (await documents()).briefingDocx({ office: officeLine, title: `Terminmappe für ${person}`, subtitle: dayLabel(input.date), person, date: dayLabel(input.date), items });
      return fileContent(fileNameOf(['Terminmappe', input.date, calendar.name], 'docx'), bytes);
    },

    'carpool.dayPlan': async ({ driverId, date }) => {
      const driver = (await repo.drivers()).find((d) => d.id === driverId);
      if (!driver) throw new AppError('NOT_FOUND', `Die Fahrerin bzw. der Fahrer Nr. ${driverId} wurde nicht gefunden.`);
      const calendars = new Map((await repo.calendars()).map((c) => [c.id, c]));
      const vehicles = new Map((await repo.vehicles()).map((v) => [v.id, v]));
      const rows = (await dayOccurrences(date))
        .filter(({ row }) => row.driverId === driverId)
        .map(({ row, o }) => ({
          time: timeLabel({ ...o, allDay: row.allDay }),
          title: row.title,
          passenger: (() => {
            const c = calendars.get(row.calendarId);
            return c ? `${c.name}, ${c.office}` : '';
          })(),
          place: row.place,
          routeNote: row.routeNote,
          vehicle: row.vehicleId === null ? '' : (() => {
            const v = vehicles.get(row.vehicleId);
            return v ? `${v.name}${v.plate ? ` (${v.plate})` : ''}` : '';
          })(),
        }));
      const own = await office();
      const bytes = await (await documents()).driverPlanDocx({ office: `${own.stadt} · ${own.dienststelle}`, driver: driver.name, day: dayLabel(date), rows });
      return fileContent(fileNameOf(['Tagesplan', date, driver.name], 'docx'), bytes);
    },

    'calendar.calendars': async () => (await repo.calendars()).map(({ gender: _gender, ...c }) => c),
    'calendar.calendars.save': async (input) => {
      await deps.engine.transaction(async () => {
        if (!(await repo.signerExists(input.signerId))) {
          throw new AppError('NOT_FOUND', `Die unterzeichnende Person Nr. ${input.signerId} gibt es nicht.`, { signerId: input.signerId });
        }
        await repo.saveCalendar(input);
        await audit(deps, { action: 'update', entity: 'calendar', summary: `Kalender für Unterzeichnende Nr. ${input.signerId}` });
      });
      return (await repo.calendars()).map(({ gender: _gender, ...c }) => c);
    },

    'calendar.view': async ({ from, to, calendarIds }) => {
      // Conflicts are looked for a day beyond the window on either side, so two appointments
      // around a window's edge (a month loaded on its own) still meet. The domain takes whole
      // days (inclusive); the query an exclusive end.
      const end = to;
      const rows = await repo.appointmentsIn(addDays(from, -1), addDays(to, 2), calendarIds);
      const entries = rows.map(entryOf);
      const drivers = new Map((await repo.drivers()).map((d) => [d.id, d.name]));
      const byId = new Map(rows.map((r) => [String(r.id), r]));
      const conflicts = findConflicts(entries, { from: addDays(from, -1), to: addDays(to, 1) }, { travelMinutes: await travelMinutes() });
      const messages = new Map<string, string[]>();
      for (const c of conflicts) {
        for (const o of [c.first, c.second]) {
          const key = `${o.entryId}|${o.start}`;
          messages.set(key, [...(messages.get(key) ?? []), c.message]);
        }
      }
      const occurrences: CalendarOccurrence[] = entries.flatMap((entry) =>
        occurrencesOf(entry, from, end).map((o) => {
          const row = byId.get(entry.id)!;
          return {
            appointmentId: row.id,
            calendarId: row.calendarId,
            title: row.title,
            start: o.start,
            end: o.end,
            allDay: row.allDay,
            place: row.place,
            status: row.status,
            recurring: Boolean(row.recurrenceRule),
            conflicts: messages.get(`${entry.id}|${o.start}`) ?? [],
            driver: row.driverId === null ? null : (drivers.get(row.driverId) ?? null),
            revision: row.revision,
          };
        }),
      );
      occurrences.sort((a, b) => a.start.localeCompare(b.start) || a.calendarId - b.calendarId);
      const years = new Set([Number(from.slice(0, 4)), Number(to.slice(0, 4))]);
      const holidays = [...years].flatMap((y) => publicHolidaysNRW(y)).filter((h) => h.date >= from && h.date <= to);
      return { occurrences, holidays };
    },

    'calendar.appointments.get': async ({ id }) => toAppointment(await mustFind(id)),

    'calendar.appointments.save': (input) => deps.engine.transaction(() => save(input)),

    'calendar.appointments.move': ({ id, revision, start, end, occurrenceStart }) =>
      deps.engine.transaction(async () => {
        const current = await toAppointment(await mustFind(id));
        // The new span obeys the rules of a saved one: dates for an all-day entry, times otherwise, the end after the start.
        const span = timeSpanSchema.safeParse({ start, end, allDay: current.allDay });
        if (!span.success) {
          const [issue] = span.error.issues;
          throw new AppError('INVALID_INPUT', `Der Termin „${current.title}“ lässt sich so nicht verschieben: ${issue.message}`, {
            issues: span.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
          });
        }
        const people = current.people.map(({ contactId, role, note }) => ({ contactId, role, note }));
        if (current.recurrence && occurrenceStart) {
          // One date of a series: it leaves the series (an exception) and becomes an appointment of its own.
          const exceptions = [...new Set([...current.recurrence.exceptions, occurrenceStart])];
          await repo.updateAppointment(id, { recurrenceExceptions: exceptions }, deps.now().toISOString(), revision);
          const single: AppointmentInput = { ...current, id: undefined, revision: undefined, recurrence: null, start, end, people };
          return save(single as z.output<typeof appointmentInputSchema>);
        }
        const input: AppointmentInput = { ...current, revision, start, end, people };
        return save(input as z.output<typeof appointmentInputSchema>);
      }),

    'calendar.appointments.delete': ({ id, revision }) =>
      deps.engine.transaction(async () => {
        const row = await mustFind(id);
        await repo.deleteAppointment({ id, revision });
        await audit(deps, { action: 'delete', entity: 'appointment', entityId: id, summary: `${row.title}, ${row.start}` });
        return { id };
      }),

    'carpool.drivers': () => repo.drivers(),
    'carpool.drivers.save': (input) =>
      deps.engine.transaction(async () => {
        const row = await repo.saveDriver(input);
        if (!row) throw new AppError('NOT_FOUND', `Die Fahrerin bzw. der Fahrer Nr. ${input.id} wurde nicht gefunden.`);
        await audit(deps, { action: input.id ? 'update' : 'create', entity: 'driver', entityId: row.id, summary: row.name });
        return row;
      }),
    'calendar.settings': () => calendarSettings(),
    'calendar.settings.save': (input) =>
      deps.engine.transaction(async () => {
        await settings.putSetting('calendar', input, deps.now().toISOString());
        await audit(deps, { action: 'update', entity: 'settings', summary: `Kalender: Wegezeit ${input.travelMinutes} Minuten` });
        return calendarSettings();
      }),
    'carpool.absences': () => repo.absences(),
    'carpool.absences.save': (input) =>
      deps.engine.transaction(async () => {
        if (input.driverId !== null && !(await repo.drivers()).some((d) => d.id === input.driverId)) {
          throw new AppError('NOT_FOUND', `Die Fahrerin bzw. der Fahrer Nr. ${input.driverId} wurde nicht gefunden.`, { driverId: input.driverId });
        }
        if (input.vehicleId !== null && !(await repo.vehicles()).some((v) => v.id === input.vehicleId)) {
          throw new AppError('NOT_FOUND', `Das Fahrzeug Nr. ${input.vehicleId} wurde nicht gefunden.`, { vehicleId: input.vehicleId });
        }
        const row = await repo.saveAbsence(input);
        if (!row) throw new AppError('NOT_FOUND', `Die Abwesenheit Nr. ${input.id} wurde nicht gefunden.`);
        await audit(deps, { action: input.id ? 'update' : 'create', entity: 'absence', entityId: row.id, summary: `${row.from} bis ${row.to}` });
        return row;
      }),
    'carpool.absences.delete': ({ id }) =>
      deps.engine.transaction(async () => {
        if (!(await repo.deleteAbsence(id))) throw new AppError('NOT_FOUND', `Die Abwesenheit Nr. ${id} wurde nicht gefunden.`);
        await audit(deps, { action: 'delete', entity: 'absence', entityId: id });
        return { id };
      }),
    'carpool.vehicles': () => repo.vehicles(),
    'carpool.vehicles.save': (input) =>
      deps.engine.transaction(async () => {
        const row = await repo.saveVehicle(input);
        if (!row) throw new AppError('NOT_FOUND', `Das Fahrzeug Nr. ${input.id} wurde nicht gefunden.`);
        await audit(deps, { action: input.id ? 'update' : 'create', entity: 'vehicle', entityId: row.id, summary: row.name });
        return row;
      }),
  };

  return { handlers, save, toAppointment, repo };
}
