/**
 * When a greeting must go out: the occasion's day (or, for Jewish and Islamic days, the day
 * whose evening it begins) minus the lead time in calendar days — post abroad takes weeks —
 * moved back to the previous working day in NRW if that falls on a weekend or a public holiday.
 */
import { isWorkingDay } from '../calendar/holidays';
import { addDays, isLocalDate, wallClockMs } from '../calendar/time';
import type { LocalDate } from '../calendar/types';
import type { Occasion } from './types';

export interface SendByOptions {
  /**
   * The occasion begins on this day's evening (Occasion.beginsEvening): the greeting must
   * arrive before it, so the lead time is counted from here instead of from `date`.
   */
  beginsEvening?: LocalDate | null;
}

/** `date` if it is a working day in NRW, else the working day before it. */
export function previousWorkingDay(date: LocalDate): LocalDate {
  let day = date.slice(0, 10);
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

function checkDate(value: string, what: string): void {
  if (!isLocalDate(value)) throw new RangeError(`Ungültiges Datum (${what}): ${value}`);
  wallClockMs(value);
}

/**
 * The last day to send a greeting for an occasion on `date` with `leadDays` calendar days of
 * lead time (a whole number ≥ 0): (beginsEvening ?? date) − leadDays, on a weekend or NRW
 * public holiday the working day before. Pessach 2027-04-22 (begins the evening of
 * 2027-04-21), 14 days → Wednesday 2027-04-07.
 */
export function sendByDate(date: LocalDate, leadDays: number, options: SendByOptions = {}): LocalDate {
  checkDate(date, 'Anlass');
  if (!Number.isInteger(leadDays) || leadDays < 0) {
    throw new RangeError(`Die Vorlaufzeit muss eine ganze Zahl von Tagen ab 0 sein, nicht ${leadDays}.`);
  }
  const anchor = options.beginsEvening ?? date;
  if (anchor !== date) {
    checkDate(anchor, 'Vorabend');
    if (anchor > date) throw new RangeError(`Der Vorabend ${anchor} liegt nach dem Anlass ${date}.`);
  }
  return previousWorkingDay(addDays(anchor, -leadDays));
}

/** `sendByDate` for an occasion of the plan: counts from its evening where it begins the evening before. */
export function sendByForOccasion(occasion: Pick<Occasion, 'date' | 'beginsEvening'>, leadDays: number): LocalDate {
  return sendByDate(occasion.date, leadDays, { beginsEvening: occasion.beginsEvening });
}
