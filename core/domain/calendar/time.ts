/**
 * Wall-clock times in Europe/Berlin ("2026-12-10T14:00", "2026-12-10") and UTC instants (ms).
 *
 * Gaps and repeats (Temporal's "compatible" disambiguation, which is also what Outlook does):
 * - A time that does not exist (spring gap, "2026-03-29T02:30") is shifted forward by the length
 *   of the gap: it becomes 03:30 summer time (01:30 UTC).
 * - A time that exists twice (autumn repeat, "2026-10-25T02:30") is the first of the two
 *   instants, still in summer time (00:30 UTC).
 *
 * How: the zone's rules come from Intl (the platform's tz database, also in the Electron
 * window), but Intl is asked only about 45 times per year, to find that year's offset changes;
 * the changes are memoised, and each conversion is plain arithmetic after that. Why not
 * per-call Intl or TZDate (@date-fns/tz): formatToParts costs ~4 µs and TZDate ~14 µs per
 * conversion — too slow for a year of conflicts in 50 ms — and TZDate resolves the autumn repeat
 * to the second (winter-time) instant, not the first.
 *
 * Wall-clock arithmetic (`addMinutes`, `addDays`, `wallClockMinutes`) works on the clock face, as
 * if every day had 24 hours: 01:30 + 120 minutes is 03:30 also on the night the clocks spring
 * forward (one hour of real time). Use instants for real durations.
 */
import { CALENDAR_TIME_ZONE, type LocalDate, type LocalDateTime } from './types';

const MINUTE = 60_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------- parsing and formatting

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The number written at value[at … at + length), or −1 if a character there is not a digit. */
function digitsAt(value: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const daysInMonth = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

/**
 * The clock face as a number: a LocalDateTime ("2026-12-10T14:00", seconds allowed) or a
 * LocalDate (its midnight) read as if it were UTC. Monotonic in wall-clock order; no zone involved.
 * Read character by character: it runs several times per appointment in the conflict check.
 */
export function wallClockMs(value: LocalDateTime | LocalDate): number {
  const length = value.length;
  if ((length === 10 || length === 16 || length === 19) && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const year = digitsAt(value, 0, 4);
    const month = digitsAt(value, 5, 2);
    const day = digitsAt(value, 8, 2);
    if (year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      if (length === 10) return Date.UTC(year, month - 1, day);
      if (value.charCodeAt(10) === 84 && value.charCodeAt(13) === 58) {
        const hour = digitsAt(value, 11, 2);
        const minute = digitsAt(value, 14, 2);
        const second = length === 16 ? 0 : value.charCodeAt(16) === 58 ? digitsAt(value, 17, 2) : -1;
        if (hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59) {
          return Date.UTC(year, month - 1, day, hour, minute, second);
        }
        throw new RangeError(`Ungültige Uhrzeit: ${value}`);
      }
    }
  }
  throw new RangeError(`Ungültiges Datum: ${value}`);
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** The inverse of `wallClockMs`: "2026-12-10T14:00" (minutes; seconds are dropped). */
export function fromWallClockMs(ms: number): LocalDateTime {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${TWO_DIGITS[d.getUTCMonth() + 1]}-${TWO_DIGITS[d.getUTCDate()]}T${TWO_DIGITS[d.getUTCHours()]}:${TWO_DIGITS[d.getUTCMinutes()]}`;
}

/** The day of a clock-face number: "2026-12-10". */
export function dateFromWallClockMs(ms: number): LocalDate {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${TWO_DIGITS[d.getUTCMonth() + 1]}-${TWO_DIGITS[d.getUTCDate()]}`;
}

/** True for "2026-12-10", false for "2026-12-10T14:00" (format only). */
export function isLocalDate(value: string): boolean {
  return LOCAL_DATE.test(value);
}

// ---------------------------------------------------------------- the zone's offsets

interface YearOffsets {
  /** [start, end) of the UTC year in ms. */
  from: number;
  to: number;
  /** Instants at which the offset changes, ascending. */
  changes: number[];
  /** offsets[0] holds from `from`, offsets[i] from changes[i − 1] on (ms east of UTC). */
  offsets: number[];
}

const berlinParts = new Intl.DateTimeFormat('en-US', {
  timeZone: CALENDAR_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});

/** The zone's offset at an instant, asked from Intl (slow; only used to find the changes). */
function intlOffset(utcMs: number): number {
  const at = Math.floor(utcMs / MINUTE) * MINUTE;
  const p: Record<string, number> = {};
  for (const part of berlinParts.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - at;
}

/** The first minute in (low, high] whose offset differs from low's (the offset is known to change). */
function findChange(low: number, high: number): number {
  const before = intlOffset(low);
  let lo = low / MINUTE;
  let hi = high / MINUTE;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (intlOffset(mid * MINUTE) === before) lo = mid;
    else hi = mid;
  }
  return hi * MINUTE;
}

/**
 * A pure memo (the tz rules of a year never change while the app runs): the year's offset
 * changes, looked for between month starts (Berlin changes at most once a month).
 */
const yearCache = new Map<number, YearOffsets>();
function offsetsOfYear(year: number): YearOffsets {
  let cached = yearCache.get(year);
  if (cached) return cached;
  const bounds = Array.from({ length: 13 }, (_, m) => Date.UTC(year, m, 1));
  const atBounds = bounds.map(intlOffset);
  const changes: number[] = [];
  const offsets = [atBounds[0]];
  for (let m = 0; m < 12; m++) {
    if (atBounds[m + 1] !== atBounds[m]) {
      changes.push(findChange(bounds[m], bounds[m + 1]));
      offsets.push(atBounds[m + 1]);
    }
  }
  cached = { from: bounds[0], to: bounds[12], changes, offsets };
  yearCache.set(year, cached);
  return cached;
}

let lastYear: YearOffsets | undefined;
/** Europe/Berlin's offset from UTC at an instant, in ms (3,600,000 in winter, 7,200,000 in summer). */
export function berlinOffsetMs(utcMs: number): number {
  let y = lastYear;
  if (!y || utcMs < y.from || utcMs >= y.to) y = lastYear = offsetsOfYear(new Date(utcMs).getUTCFullYear());
  let i = 0;
  while (i < y.changes.length && utcMs >= y.changes[i]) i++;
  return y.offsets[i];
}

// ---------------------------------------------------------------- conversions

/** The instant of a wall-clock number (see `wallClockMs`), resolving gaps and repeats as documented above. */
export function instantOfWallClockMs(wall: number): number {
  const before = berlinOffsetMs(wall - DAY);
  const after = berlinOffsetMs(wall + DAY);
  if (before === after) return wall - before;
  // Near a change: each offset gives a candidate; valid if the zone really has that offset then.
  const first = wall - before;
  const second = wall - after;
  const firstValid = berlinOffsetMs(first) === before;
  const secondValid = berlinOffsetMs(second) === after;
  if (firstValid && secondValid) return Math.min(first, second); // repeated hour: the earlier instant
  if (secondValid) return second;
  return first; // valid, or in the gap: the old offset shifts the time forward by the gap
}

/** "2026-12-10T14:00" in Berlin → ms since epoch (UTC). */
export function localDateTimeToUtc(value: LocalDateTime): number {
  return instantOfWallClockMs(wallClockMs(value));
}

/** ms since epoch → Berlin wall-clock time "2026-12-10T14:00". */
export function utcToLocalDateTime(utcMs: number): LocalDateTime {
  return fromWallClockMs(utcMs + berlinOffsetMs(utcMs));
}

/** "2026-12-10" → the instant its day starts in Berlin (midnight). */
export function localDateToUtc(value: LocalDate): number {
  if (!isLocalDate(value)) throw new RangeError(`Ungültiges Datum: ${value}`);
  return instantOfWallClockMs(wallClockMs(value));
}

/** ms since epoch → the Berlin calendar day "2026-12-10". */
export function utcToLocalDate(utcMs: number): LocalDate {
  return dateFromWallClockMs(utcMs + berlinOffsetMs(utcMs));
}

// ---------------------------------------------------------------- wall-clock helpers

/** Adds minutes on the clock face ("2026-03-29T01:30" + 120 → "2026-03-29T03:30"). */
export function addMinutes(value: LocalDateTime, minutes: number): LocalDateTime {
  return fromWallClockMs(wallClockMs(value) + minutes * MINUTE);
}

/** Adds calendar days to a date ("2026-12-31" + 1 → "2027-01-01"). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return dateFromWallClockMs(wallClockMs(date.slice(0, 10)) + days * DAY);
}

/** Minutes from a to b on the clock face (01:30 → 03:30 is 120, even on the night of the spring change). */
export function wallClockMinutes(a: LocalDateTime, b: LocalDateTime): number {
  return Math.round((wallClockMs(b) - wallClockMs(a)) / MINUTE);
}

/** Calendar days from a to b ("2026-12-24" → "2026-12-27" is 3). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((wallClockMs(b.slice(0, 10)) - wallClockMs(a.slice(0, 10))) / DAY);
}

/** ISO day of week of a date or wall-clock time: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(value: LocalDate | LocalDateTime): number {
  const d = new Date(wallClockMs(value.slice(0, 10))).getUTCDay();
  return d === 0 ? 7 : d;
}
