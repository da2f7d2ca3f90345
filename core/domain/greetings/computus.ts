/**
 * Easter (Western and Orthodox) and the Julian calendar, by arithmetic.
 * - Western Easter: the Gregorian computus (anonymous algorithm, "Meeus/Jones/Butcher").
 * - Orthodox Easter: the Julian computus (Meeus, Astronomical Algorithms, ch. 8), a date in the
 *   Julian calendar, converted to the Gregorian calendar.
 * - Julian ↔ Gregorian through the Julian Day Number, so the 13 days of 1900–2099 become 14
 *   from 1 March 2100 without a special case.
 */
import type { LocalDate } from '../calendar/types';

const pad = (n: number) => String(n).padStart(2, '0');

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Ungültiges Jahr: ${year}`);
}

/** Julian Day Number of a date in the Julian calendar. */
function julianCalendarToJdn(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
}

/** The Gregorian date of a Julian Day Number. */
function jdnToGregorian(jdn: number): LocalDate {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = 100 * b + d - 4800 + Math.floor(m / 10);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A date of the Julian calendar as a Gregorian date: 25 December 2025 (Julian) → "2026-01-07". */
export function julianToGregorian(year: number, month: number, day: number): LocalDate {
  return jdnToGregorian(julianCalendarToJdn(year, month, day));
}

/** Western Easter Sunday (Gregorian computus): 2026 → "2026-04-05". */
export function westernEaster(year: number): LocalDate {
  checkYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Orthodox Easter Sunday (Julian computus), as a Gregorian date: 2026 → "2026-04-12". */
export function orthodoxEaster(year: number): LocalDate {
  checkYear(year);
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  return julianToGregorian(year, month, day);
}

/**
 * Christmas of the churches that keep the Julian calendar (Russian, Serbian, Georgian Orthodox,
 * …), falling in the Gregorian `year`: 25 December of the Julian year before — 7 January from
 * 1901 to 2100, 8 January from 2101. (The Greek, Romanian and Bulgarian churches and, since
 * 2023, the Orthodox Church of Ukraine keep Christmas on 25 December.)
 */
export function orthodoxChristmas(year: number): LocalDate {
  checkYear(year);
  return julianToGregorian(year - 1, 12, 25);
}
