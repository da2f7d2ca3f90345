/**
 * Times as the calendar API speaks them: wall-clock times in Europe/Berlin ("2026-12-10T14:00")
 * and dates ("2026-12-10"), handled as plain text. Arithmetic runs on the numbers written, not
 * on instants, so the computer's own time zone never shifts an appointment (the services deal
 * with the change to and from summer time).
 */

/** A date or wall-clock time as if it were UTC (only for arithmetic and formatting). */
export function asUtc(value: string): Date {
  return new Date(`${value.length === 10 ? `${value}T00:00` : value.slice(0, 16)}:00Z`);
}

/** Back to the API's text: a date for all-day values, else date and time to the minute. */
export function fromUtc(date: Date, dateOnly: boolean): string {
  return date.toISOString().slice(0, dateOnly ? 10 : 16);
}

export function addMinutes(value: string, minutes: number): string {
  return fromUtc(new Date(asUtc(value).getTime() + minutes * 60_000), value.length === 10);
}

export function addDays(value: string, days: number): string {
  const date = asUtc(value);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date, value.length === 10);
}

/** Minutes from `from` to `to` (both wall-clock or both dates). */
export function minutesBetween(from: string, to: string): number {
  return Math.round((asUtc(to).getTime() - asUtc(from).getTime()) / 60_000);
}

/** A complete date ("2026-12-10") or wall-clock time ("2026-12-10T14:00"). */
export const isComplete = (value: string, dateOnly: boolean): boolean =>
  dateOnly ? /^\d{4}-\d{2}-\d{2}$/.test(value) : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value);

/** The wall-clock time in Duisburg now: "2026-12-10T14:05". */
export function berlinNow(now = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

export const berlinToday = (now = new Date()): string => berlinNow(now).slice(0, 10);

/**
 * All-day spans end on the day after their last day in the API (as in iCalendar); people say
 * "bis einschließlich" the last day. These two convert between both.
 */
export const lastDayOf = (exclusiveEnd: string): string => addDays(exclusiveEnd.slice(0, 10), -1);
export const exclusiveEndOf = (lastDay: string): string => addDays(lastDay, 1);
