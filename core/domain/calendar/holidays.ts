/**
 * Public holidays in North Rhine-Westphalia (date-holidays, 'DE'/'NW', type 'public' only — not
 * Rosenmontag, Heiligabend or Silvester, which are ordinary working days by law) and working
 * days for reply deadlines.
 */
import Holidays from 'date-holidays';
import { addDays, dayOfWeek } from './time';
import type { LocalDate } from './types';

export interface PublicHoliday {
  date: LocalDate;
  name: string;
}

/** Where the office says it differently from date-holidays. */
const OFFICE_NAMES: Record<string, string> = { Maifeiertag: 'Tag der Arbeit' };

/** Pure memos: the library's rules are loaded once, each year's list is computed once. */
let library: Holidays | undefined;
const byYear = new Map<number, PublicHoliday[]>();
const datesByYear = new Map<number, Set<LocalDate>>();

/** The public holidays of NRW in a year, by date, with their German names. */
export function publicHolidaysNRW(year: number): PublicHoliday[] {
  let list = byYear.get(year);
  if (!list) {
    // Only the public holidays, as calendar dates (UTC: no time-zone arithmetic per rule): the
    // first year computed a third as fast, which the start page's calendar waits for.
    library ??= new Holidays('DE', 'NW', { languages: ['de'], types: ['public'], timezone: 'UTC' });
    list = library
      .getHolidays(year, 'de')
      .filter((h) => h.type === 'public')
      .map((h) => ({ date: h.date.slice(0, 10), name: OFFICE_NAMES[h.name] ?? h.name }))
      .sort((a, b) => a.date.localeCompare(b.date));
    byYear.set(year, list);
  }
  return list.map((h) => ({ ...h }));
}

function holidayDates(year: number): Set<LocalDate> {
  let dates = datesByYear.get(year);
  if (!dates) {
    dates = new Set(publicHolidaysNRW(year).map((h) => h.date));
    datesByYear.set(year, dates);
  }
  return dates;
}

/** Monday to Friday and not a public holiday in NRW. */
export function isWorkingDay(date: LocalDate): boolean {
  return dayOfWeek(date) <= 5 && !holidayDates(Number(date.slice(0, 4))).has(date.slice(0, 10));
}

/**
 * The n-th working day after `date` (n < 0: before it); `date` itself does not count, and need
 * not be a working day. n = 0 gives `date` unchanged. Gründonnerstag 2026-04-02 + 1 → Tuesday 2026-04-07
 * (Karfreitag, the weekend and Ostermontag skipped).
 */
export function addWorkingDays(date: LocalDate, n: number): LocalDate {
  const step = n < 0 ? -1 : 1;
  let day = date.slice(0, 10);
  for (let left = Math.abs(Math.trunc(n)); left > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** `date` if it is a working day, else the next one (a deadline that ends on a Sunday ends on Monday). */
export function nextWorkingDay(date: LocalDate): LocalDate {
  let day = date.slice(0, 10);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
