/**
 * Gregorian days of dates in the Hebrew, Islamic and Chinese calendars, through
 * Intl.DateTimeFormat (ICU; Node 20 and Electron ship full ICU data with these calendars).
 *
 * How: a calendar month starts exactly `day − 1` days before any day in it, so one
 * formatToParts call finds a month's first day, and one more call 30 days later finds the next
 * month's (months of these calendars have 29 or 30 days). A Gregorian year is covered by about
 * 15 calls per calendar instead of 365 (formatToParts costs 10–35 µs with these calendars);
 * the month starts of each calendar and year are memoised.
 *
 * The Chinese calendar of ICU (Node 20) reckons new moons a few minutes off: where a new moon
 * falls within minutes of midnight China time it puts the month on the wrong day (ICU-23274).
 * For the Spring Festival that happens in 1954, 2027 and 2030 between 1901 and 2100 — the only
 * years where ICU and date-holidays (date-chinese, VSOP87) disagree; `springFestival` corrects
 * them to the Hong Kong Observatory's tables.
 */
import { dateFromWallClockMs } from '../calendar/time';
import type { LocalDate } from '../calendar/types';

export type LunarCalendar = 'hebrew' | 'islamic-umalqura' | 'islamic-civil' | 'islamic-tbla' | 'chinese';

const DAY_MS = 86_400_000;

/** Pure memos: one formatter per calendar; the month starts of a calendar in a year never change. */
const formatters = new Map<LunarCalendar, Intl.DateTimeFormat>();
const monthStartsMemo = new Map<string, MonthStart[]>();

function formatter(calendar: LunarCalendar): Intl.DateTimeFormat {
  let f = formatters.get(calendar);
  if (!f) {
    // English month names for Hebrew ("Tishri", "Adar II"): ICU prints names even for 'numeric'.
    // Chinese leap months print as "6bis".
    f = new Intl.DateTimeFormat(`en-u-ca-${calendar}`, {
      timeZone: 'UTC',
      month: calendar === 'hebrew' ? 'long' : 'numeric',
      day: 'numeric',
    });
    if (f.resolvedOptions().calendar !== calendar) {
      throw new Error(`Der Kalender „${calendar}“ wird von dieser Laufzeitumgebung nicht unterstützt (Intl ohne ICU-Kalenderdaten).`);
    }
    formatters.set(calendar, f);
  }
  return f;
}

/** Month label and day of month on a day (days since 1970-01-01, read at noon UTC). */
function readDay(f: Intl.DateTimeFormat, epochDay: number): { month: string; day: number } {
  let month = '';
  let day = 0;
  for (const part of f.formatToParts(epochDay * DAY_MS + DAY_MS / 2)) {
    if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = Number(part.value);
  }
  if (!month || !(day >= 1 && day <= 30)) throw new Error(`Unerwartete Ausgabe des Kalenders: ${month} ${day}`);
  return { month, day };
}

interface MonthStart {
  /** "Tishri", "Nisan" (Hebrew); "9" for Ramadan (Islamic); "1", "6bis" (Chinese). */
  month: string;
  /** Days since 1970-01-01. */
  start: number;
}

/** The months that have a day in the Gregorian `year` (and the one before, whose 30th may be 1 January). */
function monthStarts(calendar: LunarCalendar, year: number): MonthStart[] {
  const memoKey = `${calendar}:${year}`;
  let starts = monthStartsMemo.get(memoKey);
  if (starts) return starts;
  const f = formatter(calendar);
  const first = Date.UTC(year, 0, 1) / DAY_MS - 30;
  const last = Date.UTC(year, 11, 31) / DAY_MS;
  const opening = readDay(f, first);
  let start = first - (opening.day - 1);
  starts = [{ month: opening.month, start }];
  while (start <= last) {
    const probe = start + 30;
    const r = readDay(f, probe);
    const next = probe - (r.day - 1);
    if (next !== start + 29 && next !== start + 30) {
      throw new Error(`Unerwartete Monatslänge im Kalender „${calendar}“ (${next - start} Tage).`);
    }
    starts.push({ month: r.month, start: next });
    start = next;
  }
  monthStartsMemo.set(memoKey, starts);
  return starts;
}

/**
 * Every Gregorian day in `year` that is day `day` of month `month` in `calendar`, ascending.
 * Months are labelled as ICU prints them in English: Hebrew "Tishri", "Kislev", "Nisan";
 * Islamic "1" (Muharram) … "9" (Ramadan), "10" (Shawwal), "12" (Dhu al-Hijja); Chinese "1"
 * … "12", a leap month "6bis" (but see `springFestival`). Usually one
 * day; none or two where a lunar month falls twice or not at all in the Gregorian year.
 * `day` is 1 … 29 (day 30 exists only in some months).
 */
export function gregorianDaysOf(calendar: LunarCalendar, month: string, day: number, year: number): LocalDate[] {
  // Day 30 exists only in long months; every month has days 1 to 29.
  if (!Number.isInteger(day) || day < 1 || day > 29) throw new RangeError(`Ungültiger Monatstag: ${day}`);
  const from = Date.UTC(year, 0, 1) / DAY_MS;
  const to = Date.UTC(year, 11, 31) / DAY_MS;
  const days: LocalDate[] = [];
  for (const m of monthStarts(calendar, year)) {
    if (m.month !== month) continue;
    const d = m.start + day - 1;
    if (d >= from && d <= to) days.push(dateFromWallClockMs(d * DAY_MS));
  }
  return days;
}

/**
 * Lunar New Year's Day where ICU's Chinese calendar is a day off. Quelle: Hong Kong Observatory,
 * Gregorian-Lunar Calendar Conversion Table (1954: 3 February; 2027: 6 February; 2030:
 * 3 February), in agreement with date-holidays (date-chinese). Checked against date-holidays
 * for every year 1901–2100; absolute dates, so they stay right if ICU is fixed.
 */
const SPRING_FESTIVAL_CORRECTIONS: Readonly<Record<number, LocalDate>> = Object.freeze({
  1954: '1954-02-03',
  2027: '2027-02-06',
  2030: '2030-02-03',
});

/** The Chinese Spring Festival (1st day of the 1st month) in a Gregorian year: 2026 → "2026-02-17". */
export function springFestival(year: number): LocalDate {
  const corrected = SPRING_FESTIVAL_CORRECTIONS[year];
  if (corrected) return corrected;
  const [day] = gregorianDaysOf('chinese', '1', 1, year);
  if (!day) throw new Error(`Kein chinesisches Neujahr im Jahr ${year} gefunden.`);
  return day;
}
