/**
 * Which birth and marriage dates can have a jubilee in a period (DOMAIN.md C), so that
 * only those residents are read: per age (years of marriage) N the rules act on, the
 * dates between (from − N years) and (to − N years). The engine still decides each
 * person exactly; these ranges only must never leave anybody out.
 * Pure: no I/O, no state.
 */
import { parseIsoDate } from '../dates/format';
import { actsOnBirthday, actsOnWedding, type LeapDayRule } from './engine';
import { MAX_HONOUR_NUMBER, type HonourRules } from './honour-rules';

/** Consecutive ages (or years of marriage) the rules act on; `to` null: and every one after. */
export interface NumberRun {
  from: number;
  to: number | null;
}

/** Inclusive range of ISO dates ("YYYY-MM-DD"); `from` null: no lower bound. */
export interface DateRange {
  from: string | null;
  to: string;
}

/**
 * The runs of numbers `actsOn` is true for, ascending. Settings name numbers up to
 * MAX_HONOUR_NUMBER only, so above it every number behaves like MAX_HONOUR_NUMBER + 1:
 * if that one counts, the last run is open.
 */
export function honouredRuns(actsOn: (n: number) => boolean): NumberRun[] {
  const runs: NumberRun[] = [];
  let start = 0;
  for (let n = 1; n <= MAX_HONOUR_NUMBER + 1; n++) {
    const acts = actsOn(n);
    if (acts && start === 0) start = n;
    if (!acts && start > 0) {
      runs.push({ from: start, to: n - 1 });
      start = 0;
    }
  }
  if (start > 0) runs.push({ from: start, to: null });
  return runs;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * `iso` moved back by `years`, as the bound of a range of birth (marriage) dates; null
 * before the year 0. A 29 February is listed on 28 February (or 1 March) of a common
 * year, so a period ending on such a 28 February (starting on such a 1 March) takes
 * in the 29 February of the earlier year; the string needs not be a real date.
 */
function yearsBefore(iso: string, years: number, bound: 'lower' | 'upper', leapDay: LeapDayRule): string | null {
  const periodYear = Number(iso.slice(0, 4));
  const year = periodYear - years;
  if (year < 0) return null;
  let monthDay = iso.slice(5);
  if (!isLeapYear(periodYear)) {
    if (bound === 'lower' && leapDay === 'mar1' && monthDay === '03-01') monthDay = '02-29';
    if (bound === 'upper' && leapDay === 'feb28' && monthDay === '02-28') monthDay = '02-29';
  }
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/** Sorted by start (open first), overlapping ranges joined. */
function mergeRanges(ranges: DateRange[]): DateRange[] {
  const sorted = [...ranges].sort((a, b) => (a.from === b.from ? 0 : a.from === null ? -1 : b.from === null ? 1 : a.from < b.from ? -1 : 1));
  const merged: DateRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && (range.from === null || range.from <= last.to)) {
      if (range.to > last.to) last.to = range.to;
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}

/**
 * The dates (of birth or marriage) whose N-th anniversary, for a number N in one of the
 * runs, can fall between `from` and `to` (ISO, inclusive; the period may span years):
 * per run [a, b] the dates from (from − b years) to (to − a years), with 29 February as
 * the engine lists it. Exact for a run of one number; for a longer run also dates of
 * other days of the year (the month-day filter and the engine sort them out). Ascending
 * and without overlaps; empty for a reversed period. Throws a RangeError for an invalid date.
 */
export function anniversaryDateRanges(from: string, to: string, runs: readonly NumberRun[], leapDay: LeapDayRule): DateRange[] {
  parseIsoDate(from);
  parseIsoDate(to);
  if (from > to) return [];
  const ranges: DateRange[] = [];
  for (const run of runs) {
    const upper = yearsBefore(to, run.from, 'upper', leapDay);
    if (upper !== null) ranges.push({ from: run.to === null ? null : yearsBefore(from, run.to, 'lower', leapDay), to: upper });
  }
  return mergeRanges(ranges);
}

/** The birth and marriage dates that can have a jubilee in the period under the rules. */
export function jubileeDateRanges(from: string, to: string, rules: HonourRules): { births: DateRange[]; marriages: DateRange[] } {
  const births = honouredRuns((age) => actsOnBirthday(age, rules));
  const marriages = honouredRuns((years) => actsOnWedding(years, rules));
  return {
    births: anniversaryDateRanges(from, to, births, rules.leapDay),
    marriages: anniversaryDateRanges(from, to, marriages, rules.leapDay),
  };
}
