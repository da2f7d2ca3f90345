/**
 * Conflicts in one person's calendar: two appointments at the same time ("overlap"), or two
 * consecutive appointments at different places with too little time between them ("travel").
 *
 * - Compared as real instants (`startMs`/`endMs`), so midnight and the DST changes need no
 *   special case: 01:30–03:30 on 29 March 2026 lasts one hour, and 02:00–03:00 on 25 October
 *   2026 (the first, summer-time 02:00) is two hours long.
 * - Ends are exclusive: 10:00–11:00 and 11:00–12:00 do not overlap.
 * - Only the same owner's appointments can collide; cancelled ones ('abgesagt') are ignored.
 * - All-day entries never conflict, neither with timed appointments nor with each other: in the
 *   mayor's office they are markers (a holiday, "Urlaub", "Dienstreise Partnerstadt", the
 *   "Stadtfest" weekend) next to which the office still plans timed appointments on purpose. The
 *   calendar shows them; the check stays quiet.
 * - "Consecutive": for each appointment, the one that ended last before it starts, with nothing
 *   running in between. Travel is needed when both places are given and differ; places are
 *   compared without regard to case, whitespace and umlaut spelling ("Rathaus " = "rathaus",
 *   "Mercator Halle" = "Mercatorhalle").
 * - Per owner the occurrences are sorted once and swept with the list of those still running:
 *   O(n log n) plus the number of conflicts.
 */
import { formatDateNumeric } from '../dates/format';
import { foldGerman } from '../text/fold';
import { occurrencesOf } from './recurrence';
import { addDays } from './time';
import type { CalendarEntry, Conflict, LocalDate, Occurrence } from './types';

export interface ConflictOptions {
  /** Minutes needed between two appointments at different places; 0 turns the travel check off. */
  travelMinutes: number;
}

export interface ConflictWindow {
  /** First day looked at (Berlin). */
  from: LocalDate;
  /** Last day looked at (inclusive). */
  to: LocalDate;
}

/** How far `conflictsWith` looks ahead for a series when no window is given. */
export const SERIES_CHECK_DAYS = 400;

interface Item {
  o: Occurrence;
  /** The folded place; '' when none is given. */
  place: string;
}

// ---------------------------------------------------------------- German wording

const hhmm = (localDateTime: string) => localDateTime.slice(11, 16);
const numeric = (localDate: string) => formatDateNumeric(localDate.slice(0, 10));

type DateText = (localDateOrTime: string) => string;
/** "10.12.2026" for the day of a text, formatted once per day and check (a year has many conflicts on few days). */
function dateTexts(): DateText {
  const memo = new Map<string, string>();
  return (value) => {
    const day = value.slice(0, 10);
    let text = memo.get(day);
    if (text === undefined) memo.set(day, (text = formatDateNumeric(day)));
    return text;
  };
}

function spanText(start: string, end: string, allDay: boolean, date: DateText): string {
  if (allDay) {
    const last = addDays(end.slice(0, 10), -1);
    if (last <= start.slice(0, 10)) return date(start);
    if (last.slice(0, 4) === start.slice(0, 4)) return `${date(start).slice(0, 6)}–${date(last)}`;
    return `${date(start)}–${date(last)}`;
  }
  const startDay = start.slice(0, 10);
  const endDay = end.slice(0, 10);
  if (endDay === startDay) return `${date(start)}, ${hhmm(start)}–${hhmm(end)}`;
  if (hhmm(end) === '00:00' && addDays(startDay, 1) === endDay) return `${date(start)}, ${hhmm(start)}–24:00`;
  return `${date(start)}, ${hhmm(start)} – ${date(end)}, ${hhmm(end)}`;
}

/**
 * A span in German: "10.12.2026, 14:00–15:30"; to midnight "10.12.2026, 22:00–24:00"; over
 * midnight "10.12.2026, 23:00 – 11.12.2026, 01:00"; all-day (exclusive end date) "10.12.2026",
 * "10.12.–12.12.2026" or "30.12.2026–02.01.2027".
 */
export function formatTimeSpan(start: string, end: string, allDay: boolean): string {
  return spanText(start, end, allDay, numeric);
}

function overlapMessage(a: Occurrence, b: Occurrence, date: DateText): string {
  return `Überschneidung: „${a.title}“ (${spanText(a.start, a.end, false, date)}) und „${b.title}“ (${spanText(b.start, b.end, false, date)}).`;
}

function travelMessage(a: Occurrence, b: Occurrence, travelMinutes: number, date: DateText): string {
  const gap = Math.round((b.startMs - a.endMs) / 60_000);
  const begins = b.start.slice(0, 10) === a.end.slice(0, 10) ? `um ${hhmm(b.start)}` : `am ${date(b.start)} um ${hhmm(b.start)}`;
  return (
    `Keine Zeit für den Weg: „${a.title}“ endet am ${date(a.end)} um ${hhmm(a.end)} (${a.place.trim()}), ` +
    `„${b.title}“ beginnt ${begins} (${b.place.trim()}) – nur ${gap} statt mindestens ${travelMinutes} Minuten.`
  );
}

// ---------------------------------------------------------------- the sweep

/** Folds a place for comparison; one fold per distinct text. */
function placeFolder(): (place: string) => string {
  const memo = new Map<string, string>();
  return (place) => {
    let folded = memo.get(place);
    if (folded === undefined) {
      folded = foldGerman(place).replace(/\s+/g, '');
      memo.set(place, folded);
    }
    return folded;
  };
}

/** Whether two places are the same for the travel check (case, whitespace and umlaut spelling ignored). */
export function samePlace(a: string, b: string): boolean {
  const fold = placeFolder();
  return fold(a) === fold(b);
}

const byStart = (x: Item, y: Item) =>
  x.o.startMs - y.o.startMs || x.o.endMs - y.o.endMs || (x.o.entryId < y.o.entryId ? -1 : x.o.entryId > y.o.entryId ? 1 : 0);

/** The conflicts among one owner's occurrences (sorted in place). */
function sweep(items: Item[], options: ConflictOptions, date: DateText, out: Conflict[]): void {
  items.sort(byStart);
  const travelMs = options.travelMinutes * 60_000;
  const running: Item[] = [];
  let previous: Item | null = null; // of those that ended, the one that ended last
  for (const item of items) {
    const o = item.o;
    let kept = 0;
    for (const r of running) {
      if (r.o.endMs <= o.startMs) {
        if (!previous || r.o.endMs >= previous.o.endMs) previous = r;
      } else {
        running[kept++] = r;
        out.push({ kind: 'overlap', owner: o.owner, first: r.o, second: o, message: overlapMessage(r.o, o, date) });
      }
    }
    running.length = kept;
    if (kept === 0 && previous && travelMs > 0 && previous.place && item.place && previous.place !== item.place && o.startMs - previous.o.endMs < travelMs) {
      out.push({ kind: 'travel', owner: o.owner, first: previous.o, second: o, message: travelMessage(previous.o, o, options.travelMinutes, date) });
    }
    running.push(item);
  }
}

const counts = (entry: CalendarEntry) => entry.status !== 'abgesagt' && !entry.allDay;

function conflictsAmong(entries: CalendarEntry[], window: ConflictWindow, options: ConflictOptions): Conflict[] {
  const fold = placeFolder();
  const byOwner = new Map<string, Item[]>();
  for (const entry of entries) {
    if (!counts(entry)) continue;
    const place = fold(entry.place);
    let items = byOwner.get(entry.owner);
    if (!items) byOwner.set(entry.owner, (items = []));
    for (const o of occurrencesOf(entry, window.from, window.to)) items.push({ o, place });
  }
  const out: Conflict[] = [];
  const date = dateTexts();
  for (const items of byOwner.values()) sweep(items, options, date, out);
  return out.sort(
    (a, b) => a.first.startMs - b.first.startMs || a.second.startMs - b.second.startMs || (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0),
  );
}

// ---------------------------------------------------------------- the two checks

/** All conflicts of all owners among the entries' occurrences that touch the days `from`…`to`, by time. */
export function findConflicts(entries: CalendarEntry[], window: ConflictWindow, options: ConflictOptions): Conflict[] {
  return conflictsAmong(entries, window, options);
}

/**
 * The save check: the conflicts of one appointment (all its occurrences) with the others of
 * the same owner — the same conflicts `findConflicts` would report for it. An entry in `others`
 * with the candidate's id (its stored version) is left out. Without a window: the days around
 * the appointment, for a series its first SERIES_CHECK_DAYS days.
 */
export function conflictsWith(
  candidate: CalendarEntry,
  others: CalendarEntry[],
  options: ConflictOptions & { window?: ConflictWindow },
): Conflict[] {
  if (!counts(candidate)) return [];
  const startDay = candidate.start.slice(0, 10);
  const endDay = candidate.end.slice(0, 10);
  const window = options.window ?? {
    from: addDays(startDay, -1),
    to: addDays(endDay < startDay ? startDay : endDay, candidate.recurrence?.rule ? SERIES_CHECK_DAYS : 1),
  };
  const mine = others.filter((o) => o.owner === candidate.owner && o.id !== candidate.id);
  return conflictsAmong([candidate, ...mine], window, options).filter(
    (c) => c.first.entryId === candidate.id || c.second.entryId === candidate.id,
  );
}
