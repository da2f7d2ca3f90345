import { addDays, asUtc } from '../calendar/wall-clock';

/** The default deadline for a department's statement, as the server sets it. */
export const STATEMENT_WORKING_DAYS = 10;

/**
 * The date `count` working days after `from` (Saturdays, Sundays and the given holidays do not
 * count): the deadline the server sets when none is given, shown in the form beforehand.
 */
export function addWorkingDays(from: string, count: number, holidays: ReadonlySet<string>): string {
  let date = from;
  for (let left = count; left > 0; ) {
    date = addDays(date, 1);
    const weekday = asUtc(date).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(date)) left--;
  }
  return date;
}
