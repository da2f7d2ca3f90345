import { asUtc } from './wall-clock';

/**
 * The repetitions the appointment dialog offers, as RFC 5545 RRULEs without DTSTART (the
 * appointment's start is the first occurrence). Any other rule (stored by an import, say) is
 * kept as it is ("custom").
 */
export type RepeatKind = 'none' | 'weekly' | 'monthlyWeekday' | 'monthlyDay' | 'yearly' | 'custom';

const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const WEEKDAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** Which weekday of its month a date is: 1–4, or -1 for a fifth (= the last). */
function weekdayOrdinal(date: Date): number {
  const n = Math.ceil(date.getUTCDate() / 7);
  return n === 5 ? -1 : n;
}

/** The choices for an appointment starting at `start`, in words ("monatlich am 2. Donnerstag"). */
export function repeatOptions(start: string): Array<[RepeatKind, string]> {
  const valid = /^\d{4}-\d{2}-\d{2}/.test(start);
  const date = asUtc(valid ? start.slice(0, 10) : '2000-01-03');
  const weekday = WEEKDAYS[date.getUTCDay()];
  const ordinal = weekdayOrdinal(date);
  return [
    ['none', 'keine Wiederholung'],
    ['weekly', valid ? `wöchentlich am ${weekday}` : 'wöchentlich'],
    ['monthlyWeekday', valid ? `monatlich am ${ordinal === -1 ? 'letzten' : `${ordinal}.`} ${weekday}` : 'monatlich am selben Wochentag'],
    ['monthlyDay', valid ? `monatlich am ${date.getUTCDate()}.` : 'monatlich am selben Tag'],
    ['yearly', valid ? `jährlich am ${date.getUTCDate()}. ${MONTHS[date.getUTCMonth()]}` : 'jährlich'],
  ];
}

/**
 * The RRULE for a choice: "FREQ=MONTHLY;BYDAY=1WE" for the first Wednesday, with
 * ";UNTIL=20270630T235959" (all-day: ";UNTIL=20270630") when it ends on a date.
 */
export function buildRule(kind: Exclude<RepeatKind, 'none' | 'custom'>, start: string, until: string, allDay: boolean): string {
  const date = asUtc(start.slice(0, 10));
  const day = BYDAY[date.getUTCDay()];
  const rule = {
    weekly: `FREQ=WEEKLY;BYDAY=${day}`,
    monthlyWeekday: `FREQ=MONTHLY;BYDAY=${weekdayOrdinal(date)}${day}`,
    monthlyDay: `FREQ=MONTHLY;BYMONTHDAY=${date.getUTCDate()}`,
    yearly: `FREQ=YEARLY;BYMONTH=${date.getUTCMonth() + 1};BYMONTHDAY=${date.getUTCDate()}`,
  }[kind];
  if (!until) return rule;
  const compact = until.replaceAll('-', '');
  return `${rule};UNTIL=${allDay ? compact : `${compact}T235959`}`;
}

/** Which choice a stored rule is, and its last date ("2027-06-30", or ""). */
export function parseRule(rule: string | null | undefined): { kind: RepeatKind; until: string } {
  if (!rule) return { kind: 'none', until: '' };
  const parts = new Map(
    rule
      .replace(/^RRULE:/i, '')
      .split(';')
      .filter(Boolean)
      .map((part) => part.split('=') as [string, string]),
  );
  const untilMatch = /^(\d{4})(\d{2})(\d{2})/.exec(parts.get('UNTIL') ?? '');
  const until = untilMatch ? `${untilMatch[1]}-${untilMatch[2]}-${untilMatch[3]}` : '';
  parts.delete('UNTIL');
  const keys = [...parts.keys()].sort().join(',');
  const freq = parts.get('FREQ');
  const byDay = parts.get('BYDAY') ?? '';
  if (freq === 'WEEKLY' && (keys === 'FREQ' || (keys === 'BYDAY,FREQ' && /^[A-Z]{2}$/.test(byDay)))) return { kind: 'weekly', until };
  if (freq === 'MONTHLY' && keys === 'BYDAY,FREQ' && /^-?[1-5][A-Z]{2}$/.test(byDay)) return { kind: 'monthlyWeekday', until };
  if (freq === 'MONTHLY' && (keys === 'FREQ' || keys === 'BYMONTHDAY,FREQ')) return { kind: 'monthlyDay', until };
  if (freq === 'YEARLY' && ['FREQ', 'BYMONTH,BYMONTHDAY,FREQ'].includes(keys)) return { kind: 'yearly', until };
  return { kind: 'custom', until };
}
