import { germanDate } from './format';

/**
 * Dates and times as people in the office type them (27.11.2026, 27.11.26, 1.3., 14:30, 18 Uhr),
 * read into the values the API speaks ("2026-11-27", "14:30", "2026-11-27T14:30"), whatever the
 * browser's language. Pure: the year for "1.3." and two-digit years is passed in.
 */

/** A value for the form, or why the text is none (German, for the field). */
export type Parsed = { value: string; problem?: undefined } | { problem: string; value?: undefined };

const DATE_HINT = 'Bitte als TT.MM.JJJJ eingeben, z. B. 27.11.2026.';
const TIME_HINT = 'Bitte als HH:MM eingeben, z. B. 14:30.';

const MONTHS = new Intl.DateTimeFormat('de-DE', { month: 'long', timeZone: 'UTC' });
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A two-digit year within 80 years before and 19 after `year` (in 2026: 46 → 1946, 45 → 2045). */
function fullYear(twoDigits: number, year: number): number {
  const candidate = year - (year % 100) + twoDigits;
  if (candidate > year + 19) return candidate - 100;
  if (candidate < year - 80) return candidate + 100;
  return candidate;
}

function dateOf(day: number, month: number, year: number): Parsed {
  if (month < 1 || month > 12) return { problem: `Einen ${month}. Monat gibt es nicht. ${DATE_HINT}` };
  const days = daysIn(year, month);
  if (day < 1 || day > days) {
    const monthName = MONTHS.format(new Date(Date.UTC(2000, month - 1, 1)));
    return { problem: `Den ${pad(day)}.${pad(month)}.${pad(year, 4)} gibt es nicht: Der ${monthName} ${year} hat ${days} Tage.` };
  }
  return { value: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/**
 * "27.11.2026", "27.11.26", "1.3.2027", "24.12." (this year), "27112026", "271126" and
 * "2026-11-27" (pasted) → "2026-11-27"; an empty text → "". Impossible dates (30.02.2027) and
 * anything else are refused with a German message.
 */
export function parseGermanDate(text: string, year: number): Parsed {
  const t = text.trim();
  if (!t) return { value: '' };
  const dotted = /^(\d{1,2})\s*\.\s*(\d{1,2})\s*(?:\.\s*(\d{4}|\d{2})?)?$/.exec(t);
  const digits = /^(\d{2})(\d{2})(\d{4}|\d{2})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return dateOf(Number(iso[3]), Number(iso[2]), Number(iso[1]));
  const parts = dotted ?? digits;
  if (!parts) return { problem: `„${t}“ ist kein Datum. ${DATE_HINT}` };
  const [, day, month, y] = parts;
  const fullYearOf = y === undefined ? year : y.length === 2 ? fullYear(Number(y), year) : Number(y);
  return dateOf(Number(day), Number(month), fullYearOf);
}

/** "14:30", "9:05", "14.30", "14", "1430", "930", "18 Uhr" → "14:30" …; an empty text → "". */
export function parseTime(text: string): Parsed {
  const t = text.trim().replace(/\s*uhr$/i, '');
  if (!t) return { value: '' };
  const parts = /^(\d{1,2})(?:\s*[:.]\s*(\d{2}))?$/.exec(t) ?? /^(\d{1,2})(\d{2})$/.exec(t);
  const shown = text.trim();
  if (!parts) return { problem: `„${shown}“ ist keine Uhrzeit. ${TIME_HINT}` };
  const hours = Number(parts[1]);
  const minutes = Number(parts[2] ?? 0);
  if (hours > 23) return { problem: `„${shown}“ gibt es nicht: Die Stunden gehen von 0 bis 23.` };
  if (minutes > 59) return { problem: `„${shown}“ gibt es nicht: Die Minuten gehen von 0 bis 59.` };
  return { value: `${pad(hours)}:${pad(minutes)}` };
}

/** The pair of fields: date and time → "2026-12-10T18:00"; both empty → "". */
export function parseDateAndTime(dateText: string, timeText: string, year: number): Parsed {
  const date = parseGermanDate(dateText, year);
  const time = parseTime(timeText);
  if (date.problem !== undefined) return date;
  if (time.problem !== undefined) return time;
  if (!date.value && !time.value) return { value: '' };
  if (!time.value) return { problem: 'Bitte auch die Uhrzeit angeben.' };
  if (!date.value) return { problem: 'Bitte auch das Datum angeben.' };
  return { value: `${date.value}T${time.value}` };
}

export const isIsoDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value);
const isIsoDateTime = (value: string): boolean => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value);

/** A form value as the field shows it: "2026-11-27" → "27.11.2026"; anything else as it was typed. */
export const showDate = (value: string): string => (isIsoDate(value) ? germanDate(value) : value);

/** A form value as the time field shows it (the API's "HH:MM" is already that). */
export const showTime = (value: string): string => value;

/** "2026-12-10T18:00" → ["10.12.2026", "18:00"], what the pair of fields shows. */
export function splitDateTime(value: string): [string, string] {
  if (isIsoDateTime(value)) return [germanDate(value.slice(0, 10)), value.slice(11, 16)];
  return [showDate(value), ''];
}

/**
 * The form's check of a date field's value (react-hook-form `validate`): true, or what is wrong.
 * The value is the API's date, '' or the text typed that is none.
 */
export function checkDate(value: string, required = false, year = new Date().getFullYear()): true | string {
  if (!value) return required ? 'Bitte ein Datum angeben.' : true;
  const parsed = parseGermanDate(value, year);
  return parsed.value === value || (parsed.problem ?? `„${value}“ ist kein Datum. ${DATE_HINT}`);
}

/** The same for a time field. */
export function checkTime(value: string, required = false): true | string {
  if (!value) return required ? 'Bitte eine Uhrzeit angeben.' : true;
  const parsed = parseTime(value);
  return parsed.value === value || (parsed.problem ?? `„${value}“ ist keine Uhrzeit. ${TIME_HINT}`);
}

/** The same for a date with its time ("2026-12-10T18:00"). */
export function checkDateTime(value: string, required = false, year = new Date().getFullYear()): true | string {
  if (!value) return required ? 'Bitte Datum und Uhrzeit angeben.' : true;
  if (!isIsoDateTime(value)) return 'Bitte Datum (TT.MM.JJJJ) und Uhrzeit (HH:MM) angeben.';
  const date = checkDate(value.slice(0, 10), true, year);
  return date === true ? checkTime(value.slice(11), true) : date;
}

/** Arrow up/down in a date field: the typed date a number of days later ("28.02.2027" + 1 → "01.03.2027"), or null if it is none. */
export function stepDate(text: string, days: number, year: number): string | null {
  const parsed = parseGermanDate(text, year);
  if (!parsed.value) return null;
  const date = new Date(`${parsed.value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return germanDate(date.toISOString().slice(0, 10));
}

/** Arrow up/down in a time field: the typed time some minutes later, round the clock ("23:45" + 15 → "00:00"), or null. */
export function stepTime(text: string, minutes: number): string | null {
  const parsed = parseTime(text);
  if (!parsed.value) return null;
  const total = (((Number(parsed.value.slice(0, 2)) * 60 + Number(parsed.value.slice(3)) + minutes) % 1440) + 1440) % 1440;
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}
