/**
 * Occurrences of appointments and series, and series rules in German words.
 *
 * Series are expanded by rrule in "floating" time: the clock face is read as if it were UTC
 * (`wallClockMs`), rrule counts days and months there, and each occurrence is converted to an
 * instant afterwards. So a 10:00 series stays at 10:00 in Berlin before and after the DST
 * changes. Rules (RFC 5545, without DTSTART):
 * - The appointment's start is the first occurrence, also when it does not match the rule
 *   (as RFC 5545 and Outlook count it); COUNT includes it.
 * - UNTIL as a date ("UNTIL=20271231") includes that whole day; as UTC ("…T225959Z") it is the
 *   Berlin wall-clock time of that instant; without "Z" a Berlin wall-clock time.
 * - HOURLY, MINUTELY and SECONDLY are not offered (`checkRecurrenceRule` refuses them). A rule
 *   that cannot be read gives only the first occurrence, so one bad row never hides a whole
 *   calendar; the save path refuses such rules with `checkRecurrenceRule`.
 * - Exceptions name the start of the occurrence that does not take place: a LocalDateTime for
 *   timed series ("2026-05-06T10:00"), a LocalDate for all-day series; a LocalDate also drops a
 *   timed occurrence on that day.
 * An occurrence lasts as long as the appointment on the clock face (timed: minutes; all-day:
 * days), and keeps the planned clock-face text in `start`/`end`; `startMs`/`endMs` are the real
 * instants (a start in the spring gap at 02:30 is the instant of 03:30).
 */
import * as rruleModule from 'rrule';
import { formatDateNumeric } from '../dates/format';
import { dateFromWallClockMs, fromWallClockMs, instantOfWallClockMs, isLocalDate, utcToLocalDateTime, wallClockMs } from './time';
import type { CalendarEntry, LocalDate, Occurrence } from './types';

// rrule ships CommonJS under "main" (what Node's ESM loader sees: only a default export) and ES
// modules under "module" (what bundlers see: only named exports).
const { RRule } = (rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule;
type RuleOptions = ReturnType<typeof RRule.parseString>;

const MINUTE = 60_000;
const DAY = 86_400_000;
const SUPPORTED_FREQUENCIES = new Set([RRule.YEARLY, RRule.MONTHLY, RRule.WEEKLY, RRule.DAILY]);

// ---------------------------------------------------------------- reading rules

interface ParsedRule {
  options: RuleOptions;
  /** UNTIL as a clock-face number (inclusive), if any. */
  untilWall: number | null;
}

/** Reads a rule; throws a RangeError with a German message. */
function parseRule(rule: string): ParsedRule {
  const text = rule.trim().replace(/^RRULE:/i, '');
  if (!text || /[\r\n]/.test(text)) throw new RangeError('Die Wiederholungsregel ist leer oder hat mehrere Zeilen.');
  let untilWall: number | null = null;
  const rest: string[] = [];
  for (const part of text.split(';')) {
    const [key, value = ''] = part.split('=');
    if (key.toUpperCase() !== 'UNTIL') {
      rest.push(part);
      continue;
    }
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/i.exec(value.trim());
    if (!m) throw new RangeError(`Das Enddatum der Wiederholung „${value}“ ist nicht lesbar.`);
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    if (m[4] === undefined) untilWall = wallClockMs(date) + DAY - 1000;
    else {
      const wall = wallClockMs(`${date}T${m[4]}:${m[5]}:${m[6]}`);
      untilWall = m[7] ? wallClockMs(utcToLocalDateTime(wall)) + (wall % MINUTE) : wall;
    }
  }
  let options: RuleOptions;
  try {
    options = RRule.parseString(rest.join(';'));
  } catch (error) {
    // rrule's own words are English: name only the part it did not know.
    const unknown = /Unknown RRULE property '([^']*)'/.exec((error as Error).message)?.[1];
    throw new RangeError(
      unknown ? `Die Wiederholungsregel ist nicht lesbar: „${unknown}“ ist keine bekannte Angabe.` : 'Die Wiederholungsregel ist nicht lesbar.',
    );
  }
  if (options.freq === undefined) {
    // rrule drops a FREQ it does not know ("FREQ=SOMETIMES"): say which value is wrong.
    const given = /(?:^|;)FREQ=([^;]*)/i.exec(rest.join(';'))?.[1];
    throw new RangeError(
      given
        ? `Die Wiederholung „FREQ=${given}“ ist unbekannt (erwartet DAILY, WEEKLY, MONTHLY oder YEARLY).`
        : 'Der Wiederholungsregel fehlt die Angabe FREQ.',
    );
  }
  if (!SUPPORTED_FREQUENCIES.has(options.freq)) throw new RangeError('Termine wiederholen sich höchstens täglich.');
  if (options.count !== undefined && options.count !== null && options.count < 1) throw new RangeError('COUNT muss mindestens 1 sein.');
  if (options.interval !== undefined && options.interval < 1) throw new RangeError('INTERVAL muss mindestens 1 sein.');
  return { options, untilWall };
}

/** Null when the rule can be used for a series, else why not (German). For the save path and imports. */
export function checkRecurrenceRule(rule: string): string | null {
  try {
    parseRule(rule);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

// ---------------------------------------------------------------- expanding

type RRuleInstance = InstanceType<typeof RRule>;
const ruleAt = (parsed: ParsedRule, dtstart: number, count: number | null | undefined): RRuleInstance =>
  new RRule({
    ...parsed.options,
    dtstart: new Date(dtstart),
    until: parsed.untilWall === null ? null : new Date(parsed.untilWall),
    count: count ?? null,
    tzid: null,
  });

/** Clock-face starts of a series in [from, to] (numbers as `wallClockMs`), ascending. */
function seriesStarts(parsed: ParsedRule, dtstart: number, from: number, to: number): number[] {
  const count = parsed.options.count;
  let rule = ruleAt(parsed, dtstart, count);
  const synced = rule.after(new Date(dtstart), true)?.getTime() === dtstart;
  const starts: number[] = [];
  if (!synced) {
    // The start counts as the first occurrence even off the rule; the rule gives the others.
    if (dtstart >= from && dtstart <= to) starts.push(dtstart);
    if (count === 1) return starts;
    if (count) rule = ruleAt(parsed, dtstart, count - 1);
  }
  if (parsed.untilWall !== null && parsed.untilWall < dtstart) return starts;
  for (const d of rule.between(new Date(from), new Date(to), true)) starts.push(d.getTime());
  return starts;
}

/**
 * The occurrences of an appointment that overlap the days `from`…`to` (both inclusive, Berlin
 * days), sorted by start. A single appointment gives at most one; a series is expanded as
 * described at the top of this file. An appointment of zero length counts if it starts in the window.
 */
export function occurrencesOf(entry: CalendarEntry, from: LocalDate, to: LocalDate): Occurrence[] {
  const { start: windowStart, end: windowEnd } = windowOf(from, to);
  const allDay = entry.allDay;
  const start = allDay ? entry.start.slice(0, 10) : entry.start;
  const end = allDay ? entry.end.slice(0, 10) : entry.end;
  const startWall = wallClockMs(start);
  const endWall = wallClockMs(end);
  const length = allDay ? Math.max(1, Math.round((endWall - startWall) / DAY)) * DAY : Math.max(0, endWall - startWall);

  let parsed: ParsedRule | null = null;
  if (entry.recurrence?.rule) {
    try {
      parsed = parseRule(entry.recurrence.rule);
    } catch {
      parsed = null; // unreadable: the first occurrence only (see above)
    }
  }
  const starts = parsed ? seriesStarts(parsed, startWall, windowStart - length, windowEnd) : [startWall];

  const skip = parsed ? exceptionsOf(entry, allDay) : null;
  const result: Occurrence[] = [];
  for (const s of starts) {
    const e = s + length;
    const inWindow = s < windowEnd && (e > windowStart || (e === s && s >= windowStart));
    if (!inWindow) continue;
    const startText = textOf(allDay, s, start, startWall);
    if (skip && (skip.has(startText) || (!allDay && skip.has(startText.slice(0, 10))))) continue;
    result.push({
      entryId: entry.id,
      owner: entry.owner,
      title: entry.title,
      place: entry.place,
      allDay,
      start: startText,
      end: textOf(allDay, e, end, endWall),
      startMs: instantOfWallClockMs(s),
      endMs: instantOfWallClockMs(e),
    });
  }
  return result;
}

/** The text of a clock-face number; the entry's own text where it is already in the normal form (saves formatting). */
function textOf(allDay: boolean, wall: number, given: string, givenWall: number): string {
  if (wall === givenWall && given.length === (allDay ? 10 : 16)) return given;
  return allDay ? dateFromWallClockMs(wall) : fromWallClockMs(wall);
}

/** The window as clock-face numbers [start, end); the last one is kept, as the conflict check asks thousands of times. */
let lastWindow = { from: '', to: '', start: 0, end: 0 };
function windowOf(from: LocalDate, to: LocalDate): { start: number; end: number } {
  if (lastWindow.from !== from || lastWindow.to !== to) lastWindow = { from, to, start: wallClockMs(from.slice(0, 10)), end: wallClockMs(to.slice(0, 10)) + DAY };
  return lastWindow;
}

/** The exceptions as normalised texts ("2026-05-06T10:00", "2026-05-06"); unreadable ones are dropped. */
function exceptionsOf(entry: CalendarEntry, allDay: boolean): Set<string> {
  const skip = new Set<string>();
  for (const raw of entry.recurrence?.exceptions ?? []) {
    try {
      const wall = wallClockMs(raw.trim());
      skip.add(isLocalDate(raw.trim()) || allDay ? dateFromWallClockMs(wall) : fromWallClockMs(wall));
    } catch {
      // not a date: matches nothing
    }
  }
  return skip;
}

// ---------------------------------------------------------------- German words

const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const NUMBER_WORDS = ['', 'ein', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'];
const ORDINALS: Record<string, string> = { '1': 'ersten', '2': 'zweiten', '3': 'dritten', '4': 'vierten', '5': 'fünften', '-1': 'letzten', '-2': 'vorletzten' };
const GENERIC = 'regelmäßig nach eigener Regel';

const list = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} und ${words[words.length - 1]}`);
const numberWord = (n: number) => (n <= 12 ? NUMBER_WORDS[n] : String(n));
const asArray = <T>(value: T | T[] | null | undefined): T[] => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]);

interface Day {
  weekday: number;
  n?: number;
}
function weekdaysOf(options: RuleOptions): Day[] {
  return asArray(options.byweekday as unknown as Day | number | Array<Day | number>).map((d) => (typeof d === 'number' ? { weekday: d } : d));
}

/** "jeden Montag und Donnerstag" / "alle zwei Wochen am Montag" / "jeden Werktag (Montag bis Freitag)". */
function weekly(interval: number, days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const workdays = sorted.length === 5 && sorted.every((d, i) => d === i);
  if (interval === 1) return workdays ? 'jeden Werktag (Montag bis Freitag)' : `jeden ${list(sorted.map((d) => WEEKDAYS[d]))}`;
  return `alle ${numberWord(interval)} Wochen am ${workdays ? 'Montag bis Freitag' : list(sorted.map((d) => WEEKDAYS[d]))}`;
}

function core(options: RuleOptions, start: string | undefined): string | null {
  const interval = options.interval ?? 1;
  const days = weekdaysOf(options);
  const monthDays = asArray(options.bymonthday);
  const months = asArray(options.bymonth);
  const setpos = asArray(options.bysetpos);
  const startDay = start ? Number(start.slice(8, 10)) : undefined;
  const startMonth = start ? Number(start.slice(5, 7)) : undefined;
  const startWeekday = start ? (new Date(wallClockMs(start.slice(0, 10))).getUTCDay() + 6) % 7 : undefined;
  const extra = options.byhour !== undefined || options.byminute !== undefined || options.byweekno !== undefined || options.byyearday !== undefined;
  if (extra) return null;

  switch (options.freq) {
    case RRule.DAILY: {
      if (monthDays.length || months.length || setpos.length) return null;
      if (days.length) return interval === 1 && !days.some((d) => d.n) ? weekly(1, days.map((d) => d.weekday)) : null;
      return interval === 1 ? 'täglich' : `alle ${numberWord(interval)} Tage`;
    }
    case RRule.WEEKLY: {
      if (monthDays.length || months.length || setpos.length || days.some((d) => d.n)) return null;
      const weekdays = days.length ? days.map((d) => d.weekday) : startWeekday !== undefined ? [startWeekday] : [];
      if (!weekdays.length) return interval === 1 ? 'wöchentlich' : `alle ${numberWord(interval)} Wochen`;
      return weekly(interval, weekdays);
    }
    case RRule.MONTHLY: {
      if (months.length) return null;
      const every = interval === 1 ? 'monatlich' : `alle ${numberWord(interval)} Monate`;
      if (days.length || setpos.length) {
        // The n-th weekday: BYDAY=1WE, or BYDAY=WE;BYSETPOS=1.
        if (days.length !== 1 || monthDays.length) return null;
        const [{ weekday, n }] = days;
        const nth = n !== undefined && !setpos.length ? n : n === undefined && setpos.length === 1 ? setpos[0] : undefined;
        const ordinal = nth === undefined ? undefined : ORDINALS[String(nth)];
        if (!ordinal) return null;
        return interval === 1 ? `jeden ${ordinal} ${WEEKDAYS[weekday]} im Monat` : `${every} am ${ordinal} ${WEEKDAYS[weekday]}`;
      }
      const day = monthDays.length ? monthDays : startDay !== undefined ? [startDay] : [];
      if (!day.length) return every;
      if (day.length === 1 && day[0] === -1) return `${every} am letzten Tag`;
      if (day.some((d) => d < 1)) return null;
      return `${every} am ${list([...day].sort((a, b) => a - b).map((d) => `${d}.`))}`;
    }
    case RRule.YEARLY: {
      if (days.length || setpos.length) return null;
      const every = interval === 1 ? 'jährlich' : `alle ${numberWord(interval)} Jahre`;
      const month = months.length ? months : startMonth !== undefined ? [startMonth] : [];
      const day = monthDays.length ? monthDays : startDay !== undefined ? [startDay] : [];
      if (!month.length && !day.length) return every;
      if (month.length !== 1 || day.length !== 1 || day[0] < 1) return null;
      return `${every} am ${day[0]}. ${MONTHS[month[0] - 1]}`;
    }
    default:
      return null;
  }
}

/**
 * The rule in German words for the series dialog: "täglich", "jeden Montag und Donnerstag",
 * "monatlich am 15.", "jeden ersten Mittwoch im Monat", "jährlich am 3. Oktober", with ", 10-mal"
 * or ", bis 31.12.2027". `start` (the first occurrence) names the day where the rule leaves it
 * to the start ("FREQ=WEEKLY" → "jeden Donnerstag"). Other rules get a generic text.
 */
export function describeRecurrence(rule: string, start?: string): string {
  let parsed: ParsedRule;
  try {
    parsed = parseRule(rule);
  } catch {
    return 'unbekannte Wiederholungsregel';
  }
  let text: string;
  try {
    text = core(parsed.options, start) ?? GENERIC;
  } catch {
    text = GENERIC;
  }
  if (parsed.options.count) text += `, ${parsed.options.count}-mal`;
  if (parsed.untilWall !== null) text += `, bis ${formatDateNumeric(dateFromWallClockMs(parsed.untilWall))}`;
  return text;
}
