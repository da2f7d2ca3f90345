/**
 * iCalendar (.ics) export and import for the appointment calendars, so the office can work with
 * Outlook: strings in, strings out (no database, no files).
 *
 * Export (`calendarToIcs`, ical-generator): timed appointments as DTSTART/DTEND;TZID=Europe/Berlin
 * with the wall-clock time the office sees, plus one VTIMEZONE block for Europe/Berlin (written
 * here: the EU rule in force since 1996), so Outlook shows the right time on both sides of a
 * daylight-saving change. All-day entries as VALUE=DATE with exclusive end. A series' UNTIL is
 * written in UTC for timed series and as a date for all-day ones (RFC 5545 § 3.3.10). The UID is
 * `${entry.id}@${uidDomain}` in every export, so importing again updates an appointment instead
 * of duplicating it; SEQUENCE grows with `updatedAt`, which moves only when the appointment
 * really changes (calendar repository), so a re-import of the same file leaves it as it is.
 *
 * Import (`parseIcs`, ical.js): every time becomes wall-clock Europe/Berlin. A TZID is resolved by
 * the file's own VTIMEZONE first (Outlook writes Windows names such as "W. Europe Standard Time"
 * with such a block), else as an IANA name, else through a table of common Windows zone names;
 * UTC ("Z") times are converted, floating times are taken as Berlin time.
 */
import { TZDate } from '@date-fns/tz';
import ICAL from 'ical.js';
import { ICalCalendar, ICalCalendarMethod, ICalEventBusyStatus, ICalEventStatus } from 'ical-generator';
import { AppError, type ErrorCode } from '../api/errors';
import {
  CALENDAR_TIME_ZONE,
  type AppointmentStatus,
  type CalendarEntry,
  type LocalDate,
  type LocalDateTime,
  type Recurrence,
} from '../domain/calendar/types';

/** A calendar file that cannot be read, or entries that cannot be written. The message is German. */
export class IcsError extends AppError {
  constructor(code: Extract<ErrorCode, 'IMPORT_INVALID' | 'INVALID_INPUT'>, message: string, details?: unknown) {
    super(code, message, details);
    this.name = 'IcsError';
  }
}

// ---------------------------------------------------------------------------------------------
// Wall-clock values

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

function localDateOf(f: Pick<Fields, 'year' | 'month' | 'day'>): LocalDate {
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
}

function localDateTimeOf(f: Fields): LocalDateTime {
  return `${localDateOf(f)}T${pad(f.hour)}:${pad(f.minute)}`;
}

/** "2026-12-10" or "2026-12-10T14:00" → fields; null when the text is neither (or not a real day). */
function parseLocal(text: string, allDay: boolean): Fields | null {
  const match = (allDay ? LOCAL_DATE : LOCAL_DATE_TIME).exec(text);
  if (!match) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second };
}

/** The instant of a wall-clock time in an IANA zone (a time in the spring gap moves forward). */
function instantIn(zone: string, f: Fields): number {
  return TZDate.tz(zone, f.year, f.month - 1, f.day, f.hour, f.minute, f.second).getTime();
}

/** The wall-clock time in Europe/Berlin of an instant. */
function berlinFields(ms: number): Fields {
  const d = new TZDate(ms, CALENDAR_TIME_ZONE);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() };
}

function addDays(f: Fields, days: number): Fields {
  const d = new Date(Date.UTC(f.year, f.month - 1, f.day + days));
  return { ...f, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** "20261210" / "20261210T140000" as iCalendar writes them. */
function icsDate(f: Fields): string {
  return `${pad(f.year, 4)}${pad(f.month)}${pad(f.day)}`;
}

function icsDateTime(f: Fields): string {
  return `${icsDate(f)}T${pad(f.hour)}${pad(f.minute)}${pad(f.second)}`;
}

// ---------------------------------------------------------------------------------------------
// Export

/**
 * Europe/Berlin as Outlook expects it: CET/CEST with the EU rule (last Sunday in March 02:00 →
 * CEST, last Sunday in October 03:00 → CET), as tzurl.org's short form writes it. Exact from 1996
 * on (before, summer time ended in September), which covers any appointment.
 */
const BERLIN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'X-LIC-LOCATION:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZNAME:CEST',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZNAME:CET',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** The VTIMEZONE generator handed to ical-generator; the export only uses Europe/Berlin. */
function vtimezoneFor(tzid: string): string | null {
  return tzid === CALENDAR_TIME_ZONE ? BERLIN_VTIMEZONE : null;
}

/** Our own mark of an appointment staff marked öffentlich (other programs ignore it; CLASS would change how they show it). */
const PUBLIC_PROPERTY = 'X-RATHAUSBUERO-OEFFENTLICH';

export type IcsExportEntry = CalendarEntry & {
  description?: string;
  /** Marked öffentlich: written as X-RATHAUSBUERO-OEFFENTLICH:TRUE. */
  public?: boolean;
  /** When the entry was last changed (ISO instant); drives SEQUENCE, LAST-MODIFIED and DTSTAMP. */
  updatedAt?: string;
};

export interface IcsExportInput {
  /** Shown by calendar programs as the calendar's name, e.g. "Termine Oberbürgermeister". */
  calendarName: string;
  entries: IcsExportEntry[];
  /** Right-hand side of every UID, e.g. "rathausbuero.duisburg.de". */
  uidDomain: string;
  /** DTSTAMP for entries without `updatedAt` (ISO instant); default: now. */
  generatedAt?: string;
}

const STATUS_TO_ICS: Record<AppointmentStatus, ICalEventStatus> = {
  geplant: ICalEventStatus.TENTATIVE,
  bestätigt: ICalEventStatus.CONFIRMED,
  abgesagt: ICalEventStatus.CANCELLED,
};

/** How Outlook shows the time in the free/busy view. */
const STATUS_TO_BUSY: Record<AppointmentStatus, ICalEventBusyStatus> = {
  geplant: ICalEventBusyStatus.TENTATIVE,
  bestätigt: ICalEventBusyStatus.BUSY,
  abgesagt: ICalEventBusyStatus.FREE,
};

/** SEQUENCE counts seconds since 2020 (fits 32 bits until 2088), so a later change is a higher number. */
const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1);

/** Escapes a TEXT value for the properties ical-generator writes without escaping (NAME). */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

function inputError(entry: CalendarEntry, problem: string): IcsError {
  return new IcsError('INVALID_INPUT', `Termin „${entry.title}“ (${entry.id}): ${problem}`, { entryId: entry.id });
}

function parseInstant(iso: string, what: string, entry?: CalendarEntry): Date {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    const problem = `${what} „${iso}“ ist kein gültiger Zeitpunkt.`;
    throw entry ? inputError(entry, problem) : new IcsError('INVALID_INPUT', problem);
  }
  return new Date(ms);
}

/** The entry's start or end as the date object ical-generator formats: Berlin wall-clock or UTC midnight. */
function exportTime(entry: CalendarEntry, text: string, what: string): Date {
  const f = parseLocal(text, entry.allDay);
  if (!f) {
    const expected = entry.allDay ? 'ein Datum wie 2026-12-10' : 'eine Zeit wie 2026-12-10T14:00';
    throw inputError(entry, `${what} „${text}“ ist nicht ${expected}.`);
  }
  // All-day: ical-generator writes the UTC date of a plain Date (the event has no TZID).
  if (entry.allDay) return new Date(Date.UTC(f.year, f.month - 1, f.day));
  return TZDate.tz(CALENDAR_TIME_ZONE, f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
}

const UNTIL_VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/i;

/**
 * UNTIL as RFC 5545 § 3.3.10 wants it: for a timed series (DTSTART with TZID) in UTC, for an
 * all-day series a date. The app keeps it as the series' rule says (a date: that whole day; a
 * time without "Z": Berlin wall-clock time; see domain/calendar/recurrence.ts), so the same
 * moment is written: a date becomes 23:59:59 Berlin time of that day. A value that cannot be
 * read is left as it is (saving refuses such rules).
 */
function untilForExport(value: string, allDay: boolean): string {
  const m = UNTIL_VALUE.exec(value.trim());
  if (!m) return value;
  const [year, month, day] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  const hasTime = m[4] !== undefined;
  const utc = Boolean(m[7]);
  if (allDay) {
    if (!utc) return `${m[1]}${m[2]}${m[3]}`;
    return icsDate(berlinFields(Date.UTC(year, month - 1, day, Number(m[4]), Number(m[5]), Number(m[6]))));
  }
  if (utc) return value.trim().toUpperCase();
  const local = hasTime ? { year, month, day, hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]) } : { year, month, day, hour: 23, minute: 59, second: 59 };
  const d = new Date(instantIn(CALENDAR_TIME_ZONE, local));
  return `${icsDateTime({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() })}Z`;
}

/** A series' rule as the export writes it (without "RRULE:"): UNTIL in the form RFC 5545 wants. */
export function exportedRule(rule: string, allDay: boolean): string {
  return rule
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')
    .map((part) => {
      const [key, value = ''] = part.split('=');
      return key?.toUpperCase() === 'UNTIL' ? `${key}=${untilForExport(value, allDay)}` : part;
    })
    .join(';');
}

/** RRULE (and EXDATE) lines, inserted by ical-generator as they are. */
function recurrenceLines(entry: CalendarEntry, recurrence: Recurrence): string {
  const rule = recurrence.rule.trim().replace(/^RRULE:/i, '');
  if (!/^[A-Za-z0-9=;,:+-]+$/.test(rule) || !/(^|;)FREQ=/i.test(rule)) {
    throw inputError(entry, `Die Wiederholungsregel „${recurrence.rule}“ ist keine gültige RRULE (z. B. FREQ=MONTHLY;BYDAY=1WE).`);
  }
  const lines = [`RRULE:${exportedRule(rule, entry.allDay)}`];
  if (recurrence.exceptions.length > 0) {
    const values = recurrence.exceptions.map((exception) => {
      const f = parseLocal(exception, entry.allDay);
      if (!f) throw inputError(entry, `Die Ausnahme „${exception}“ passt nicht zum Beginn des Termins.`);
      return entry.allDay ? icsDate(f) : icsDateTime(f);
    });
    lines.push(entry.allDay ? `EXDATE;VALUE=DATE:${values.join(',')}` : `EXDATE;TZID=${CALENDAR_TIME_ZONE}:${values.join(',')}`);
  }
  return lines.join('\r\n');
}

/** One VCALENDAR with the entries of one person's calendar, ready to be saved as .ics (UTF-8). */
export function calendarToIcs(input: IcsExportInput): string {
  if (!input.uidDomain.trim() || /[\s@]/.test(input.uidDomain)) {
    throw new IcsError('INVALID_INPUT', `„${input.uidDomain}“ ist kein gültiger Domainname für die Termin-IDs (UID).`);
  }
  const generatedAt = input.generatedAt ? parseInstant(input.generatedAt, 'Der Erstellungszeitpunkt') : new Date();
  const calendar = new ICalCalendar({
    prodId: '//Rathausbüro//Terminkalender//DE',
    method: ICalCalendarMethod.PUBLISH,
    name: escapeText(input.calendarName),
    // No calendar-wide zone name (it would turn DTSTAMP into local time); the events carry
    // TZID=Europe/Berlin and the generator adds the VTIMEZONE block for it.
    timezone: { name: null, generator: vtimezoneFor },
  });

  for (const entry of input.entries) {
    if (!entry.id || /[\s@]/.test(entry.id)) throw inputError(entry, 'Die ID darf weder leer sein noch Leerzeichen oder „@“ enthalten.');
    const start = exportTime(entry, entry.start, 'Der Beginn');
    const end = exportTime(entry, entry.end, 'Das Ende');
    if (end.getTime() < start.getTime() || (entry.allDay && end.getTime() === start.getTime())) {
      throw inputError(entry, `Das Ende (${entry.end}) liegt vor dem Beginn (${entry.start}).`);
    }
    const updatedAt = entry.updatedAt ? parseInstant(entry.updatedAt, 'Die letzte Änderung', entry) : null;
    calendar.createEvent({
      id: `${entry.id}@${input.uidDomain}`,
      sequence: updatedAt ? Math.max(0, Math.floor((updatedAt.getTime() - SEQUENCE_EPOCH_MS) / 1000)) : 0,
      stamp: updatedAt ?? generatedAt,
      lastModified: updatedAt,
      allDay: entry.allDay,
      timezone: entry.allDay ? null : CALENDAR_TIME_ZONE,
      start,
      end,
      summary: entry.title,
      location: entry.place || null,
      description: entry.description || null,
      status: STATUS_TO_ICS[entry.status],
      busystatus: STATUS_TO_BUSY[entry.status],
      repeating: entry.recurrence ? recurrenceLines(entry, entry.recurrence) : null,
      x: entry.public ? [{ key: PUBLIC_PROPERTY, value: 'TRUE' }] : [],
    });
  }
  return `${calendar.toString()}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// Import

export interface ImportedEvent {
  uid: string;
  title: string;
  /** LocalDate for all-day events, otherwise LocalDateTime in Europe/Berlin. */
  start: string;
  /** Exclusive end, like `start`. */
  end: string;
  allDay: boolean;
  place: string;
  description: string;
  status: AppointmentStatus;
  recurrence: Recurrence | null;
  /** "Name <mail@example.org>", or the address alone. */
  organizer: string | null;
  /** X-RATHAUSBUERO-OEFFENTLICH: true/false as written; null when the file does not say (then an existing appointment keeps its flag). */
  public: boolean | null;
}

export interface IcsImport {
  events: ImportedEvent[];
  /** German, one line per problem, naming the appointment. */
  problems: string[];
}

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalProperty = InstanceType<typeof ICAL.Property>;
type IcalTime = InstanceType<typeof ICAL.Time>;

/**
 * Windows zone names (Outlook, Exchange) → IANA, after CLDR's windowsZones.xml: Europe, the
 * partner cities' zones and the usual business zones. Used when a file has no VTIMEZONE block.
 */
const WINDOWS_ZONES: Record<string, string> = {
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'UTC': 'UTC',
  'Coordinated Universal Time': 'UTC',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'GTB Standard Time': 'Europe/Bucharest',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Russian Standard Time': 'Europe/Moscow',
  'Ekaterinburg Standard Time': 'Asia/Yekaterinburg',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Egypt Standard Time': 'Africa/Cairo',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'Arabian Standard Time': 'Asia/Dubai',
  'India Standard Time': 'Asia/Calcutta',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Atlantic Standard Time': 'America/Halifax',
  'Central America Standard Time': 'America/Guatemala',
  'E. South America Standard Time': 'America/Sao_Paulo',
};

function isIanaZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A TZID without VTIMEZONE block → IANA name: Windows names, IANA names, "/vendor/…/Europe/Berlin". */
function ianaZoneFor(tzid: string): string | null {
  const name = tzid.trim();
  if (WINDOWS_ZONES[name]) return WINDOWS_ZONES[name];
  const segments = name.split('/').filter(Boolean);
  for (let i = 0; i < segments.length; i += 1) {
    const candidate = segments.slice(i).join('/');
    if (isIanaZone(candidate)) return candidate;
  }
  return null;
}

/** A point in time as read from the file: a day, or a wall-clock time in Berlin with its instant. */
type Point = { allDay: true; fields: Fields } | { allDay: false; fields: Fields; ms: number };

function floatingFields(t: IcalTime): Fields {
  return { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second };
}

function berlinPoint(ms: number): Point {
  return { allDay: false, fields: berlinFields(ms), ms };
}

/** Reads one DATE or DATE-TIME value of `prop` and converts it to Berlin. */
function readPoint(prop: IcalProperty, t: IcalTime, label: string, problems: string[]): Point {
  const f = floatingFields(t);
  if (t.isDate) return { allDay: true, fields: f };
  const utcWall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  if (t.zone === ICAL.Timezone.utcTimezone) return berlinPoint(utcWall);

  const tzidParam = prop.getParameter('tzid');
  const tzid = Array.isArray(tzidParam) ? String(tzidParam[0] ?? '') : (tzidParam ?? '');
  if (!tzid) return berlinPoint(instantIn(CALENDAR_TIME_ZONE, f)); // floating: Berlin time
  // ical.js attaches the file's VTIMEZONE block for this TZID, if there is one.
  if (t.zone && t.zone.component && t.zone.tzid === tzid) {
    const offsetSeconds = t.zone.utcOffset(ICAL.Time.fromData({ ...f, isDate: false }));
    return berlinPoint(utcWall - offsetSeconds * 1000);
  }
  const iana = ianaZoneFor(tzid);
  if (iana) return berlinPoint(instantIn(iana, f));
  problems.push(`${label}: Die Zeitzone „${tzid}“ ist unbekannt – die Zeit wurde als Berliner Zeit übernommen.`);
  return berlinPoint(instantIn(CALENDAR_TIME_ZONE, f));
}

function pointText(point: Point): string {
  return point.allDay ? localDateOf(point.fields) : localDateTimeOf(point.fields);
}

/** The default length when DTEND and DURATION are missing: one hour, or one day. */
function defaultEnd(start: Point): Point {
  return start.allDay ? { allDay: true, fields: addDays(start.fields, 1) } : berlinPoint(start.ms + 3_600_000);
}

/** DTSTART + DURATION: days and weeks as calendar days (same wall-clock time), the rest exactly. */
function endAfter(start: Point, duration: InstanceType<typeof ICAL.Duration>): Point {
  const days = duration.weeks * 7 + duration.days;
  if (start.allDay) return { allDay: true, fields: addDays(start.fields, Math.max(1, days)) };
  const shifted = instantIn(CALENDAR_TIME_ZONE, addDays(start.fields, days));
  return berlinPoint(shifted + (duration.hours * 3600 + duration.minutes * 60 + duration.seconds) * 1000);
}

function textOf(component: IcalComponent, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value.trim() : '';
}

function organizerOf(vevent: IcalComponent): string | null {
  const prop = vevent.getFirstProperty('organizer');
  if (!prop) return null;
  const address = String(prop.getFirstValue() ?? '').replace(/^mailto:/i, '').trim();
  const cnParam = prop.getParameter('cn');
  const name = (Array.isArray(cnParam) ? String(cnParam[0] ?? '') : (cnParam ?? '')).trim();
  if (name && address) return `${name} <${address}>`;
  return name || address || null;
}

function statusOf(vevent: IcalComponent, method: string): AppointmentStatus {
  const status = textOf(vevent, 'status').toUpperCase();
  if (method === 'CANCEL' || status === 'CANCELLED') return 'abgesagt';
  if (status === 'CONFIRMED') return 'bestätigt';
  return 'geplant';
}

/** Outlook sometimes writes all-day events as midnight to midnight with this flag. */
function isOutlookAllDay(vevent: IcalComponent, start: Point, end: Point): boolean {
  const midnight = (p: Point): boolean => !p.allDay && p.fields.hour === 0 && p.fields.minute === 0 && p.fields.second === 0;
  return textOf(vevent, 'x-microsoft-cdo-alldayevent').toUpperCase() === 'TRUE' && midnight(start) && midnight(end);
}

interface ReadEvent {
  event: ImportedEvent;
  /** Set for an occurrence of a series that was changed or cancelled on its own (RECURRENCE-ID). */
  recurrenceId: string | null;
}

function readEvent(vevent: IcalComponent, method: string, rawRules: string[] | null, problems: string[]): ReadEvent | null {
  const title = textOf(vevent, 'summary') || '(ohne Titel)';
  const label = `Termin „${title}“`;
  const startProp = vevent.getFirstProperty('dtstart');
  const startValue = startProp?.getFirstValue();
  if (!startProp || !(startValue instanceof ICAL.Time)) {
    problems.push(`${label}: Der Beginn (DTSTART) fehlt – der Termin wurde nicht übernommen.`);
    return null;
  }
  let start = readPoint(startProp, startValue, label, problems);

  let end: Point;
  const endProp = vevent.getFirstProperty('dtend');
  const endValue = endProp?.getFirstValue();
  const duration = vevent.getFirstPropertyValue('duration');
  if (endProp && endValue instanceof ICAL.Time) {
    end = readPoint(endProp, endValue, label, problems);
    if (start.allDay && !end.allDay) end = { allDay: true, fields: end.fields };
    if (!start.allDay && end.allDay) end = defaultEnd(start);
  } else if (duration instanceof ICAL.Duration && !duration.isNegative) {
    end = endAfter(start, duration);
  } else {
    end = defaultEnd(start);
  }
  if (isOutlookAllDay(vevent, start, end)) {
    start = { allDay: true, fields: start.fields };
    end = { allDay: true, fields: end.fields };
  }
  const tooEarly = start.allDay ? pointText(end) <= pointText(start) : !end.allDay && end.ms < start.ms;
  if (tooEarly) {
    problems.push(`${label}: Das Ende liegt vor dem Beginn – die Dauer wurde auf ${start.allDay ? 'einen Tag' : 'eine Stunde'} gesetzt.`);
    end = defaultEnd(start);
  }

  const startText = pointText(start);
  const uid = textOf(vevent, 'uid') || `ohne-uid-${startText}-${title}`;
  const event: ImportedEvent = {
    uid,
    title,
    start: startText,
    end: pointText(end),
    allDay: start.allDay,
    place: textOf(vevent, 'location'),
    description: textOf(vevent, 'description'),
    status: statusOf(vevent, method),
    recurrence: readRecurrence(vevent, start, rawRules, label, problems),
    organizer: organizerOf(vevent),
    public: publicOf(vevent),
  };

  const recurrenceIdProp = vevent.getFirstProperty('recurrence-id');
  const recurrenceIdValue = recurrenceIdProp?.getFirstValue();
  const recurrenceId =
    recurrenceIdProp && recurrenceIdValue instanceof ICAL.Time ? exceptionText(readPoint(recurrenceIdProp, recurrenceIdValue, label, problems), start) : null;
  return { event, recurrenceId };
}

/** Our X-RATHAUSBUERO-OEFFENTLICH mark: true, false, or null when absent. */
function publicOf(vevent: IcalComponent): boolean | null {
  const value = textOf(vevent, PUBLIC_PROPERTY.toLowerCase()).trim().toUpperCase();
  return value === 'TRUE' ? true : value === 'FALSE' ? false : null;
}

/** An excluded occurrence, written like the series' start (a date, or a Berlin wall-clock time). */
function exceptionText(point: Point, start: Point): string {
  if (start.allDay) return localDateOf(point.fields);
  if (point.allDay) return localDateTimeOf({ ...start.fields, year: point.fields.year, month: point.fields.month, day: point.fields.day });
  return localDateTimeOf(point.fields);
}

function readRecurrence(vevent: IcalComponent, start: Point, rawRules: string[] | null, label: string, problems: string[]): Recurrence | null {
  const rules = vevent.getAllProperties('rrule');
  if (vevent.getAllProperties('rdate').length > 0) {
    problems.push(`${label}: Zusätzliche Einzeltermine der Serie (RDATE) wurden nicht übernommen.`);
  }
  if (rules.length === 0) return null;
  if (rules.length > 1) problems.push(`${label}: Die Serie hat mehrere Regeln (RRULE); nur die erste wurde übernommen.`);
  // The rule as written in the file; ical.js would reorder its parts.
  const rule = rawRules?.[0] ?? String(rules[0].getFirstValue());
  const exceptions = new Set<string>();
  for (const prop of vevent.getAllProperties('exdate')) {
    for (const value of prop.getValues()) {
      if (value instanceof ICAL.Time) exceptions.add(exceptionText(readPoint(prop, value, label, problems), start));
    }
  }
  return { rule, exceptions: [...exceptions].sort() };
}

/** Unfolded content lines. */
function contentLines(text: string): string[] {
  return text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r\n|\n|\r/)
    .map((line) => line.trimEnd());
}

/** The value after the first ':' outside quotes. */
function propertyValue(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return line.slice(i + 1);
  }
  return '';
}

/** The RRULE texts of every VEVENT, in file order (the order ical.js lists them in). */
function rawRulesPerEvent(text: string): string[][] {
  const result: string[][] = [];
  let current: string[] | null = null;
  let depth = 0;
  for (const line of contentLines(text)) {
    const upper = line.toUpperCase();
    if (upper === 'BEGIN:VEVENT') {
      current = [];
      result.push(current);
      depth = 0;
    } else if (current && upper.startsWith('BEGIN:')) {
      depth += 1;
    } else if (current && upper.startsWith('END:')) {
      if (depth === 0) current = null;
      else depth -= 1;
    } else if (current && depth === 0 && /^RRULE[;:]/i.test(line)) {
      current.push(propertyValue(line));
    }
  }
  return result;
}

const NOT_ICS = 'Die Datei ist keine iCalendar-Datei (.ics).';

/** The VCALENDAR components of the file; throws a German IcsError when the file cannot be read. */
function readCalendars(text: string): IcalComponent[] {
  if (!/^\s*BEGIN:VCALENDAR/i.test(text)) throw new IcsError('IMPORT_INVALID', NOT_ICS);
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (error) {
    throw new IcsError('IMPORT_INVALID', 'Die iCalendar-Datei (.ics) ist beschädigt und kann nicht gelesen werden.', {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  const list = (Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : (jcal as unknown[])) as unknown[][];
  const calendars = list.map((item) => new ICAL.Component(item)).filter((component) => component.name === 'vcalendar');
  if (calendars.length === 0) throw new IcsError('IMPORT_INVALID', NOT_ICS);
  return calendars;
}

/**
 * Reads an .ics file (an Outlook invitation, a Google or Outlook export, our own export) into
 * events with wall-clock times in Europe/Berlin. Events that cannot be used are left out and
 * named in `problems`; a file that is not iCalendar at all throws an IcsError.
 *
 * A changed or cancelled single occurrence of a series (RECURRENCE-ID) becomes an exception of
 * the series; unless cancelled it is also returned as an event of its own with the UID
 * `${uid}#${original start}`.
 */
export function parseIcs(text: string): IcsImport {
  const clean = text.replace(/^\uFEFF/, '');
  const calendars = readCalendars(clean);
  const problems: string[] = [];
  const vevents = calendars.flatMap((calendar) => {
    const method = textOf(calendar, 'method').toUpperCase();
    return calendar.getAllSubcomponents('vevent').map((vevent) => ({ vevent, method }));
  });
  const rawRules = rawRulesPerEvent(clean);
  const useRaw = rawRules.length === vevents.length;

  const events: ImportedEvent[] = [];
  const changedOccurrences: Array<{ event: ImportedEvent; recurrenceId: string }> = [];
  vevents.forEach(({ vevent, method }, index) => {
    const read = readEvent(vevent, method, useRaw ? rawRules[index] : null, problems);
    if (!read) return;
    if (read.recurrenceId) changedOccurrences.push({ event: read.event, recurrenceId: read.recurrenceId });
    else events.push(read.event);
  });

  for (const { event, recurrenceId } of changedOccurrences) {
    const series = events.find((candidate) => candidate.uid === event.uid && candidate.recurrence);
    if (series?.recurrence && !series.recurrence.exceptions.includes(recurrenceId)) {
      series.recurrence.exceptions = [...series.recurrence.exceptions, recurrenceId].sort();
    }
    if (!series || event.status !== 'abgesagt') {
      events.push({ ...event, uid: `${event.uid}#${recurrenceId}`, recurrence: null });
    }
  }
  return { events, problems };
}
