import type { Language } from '../../api/schemas/addressing';

const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB', fr: 'fr-FR' };

// Each made once, on first use: building an Intl.DateTimeFormat costs far more than formatting
// with it (a mail merge formats dates for every letter), and not at load (the app's start).
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${locale} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
};

/** Parses "2026-11-27" as a calendar day (no time zone shifts). */
export function parseIsoDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new RangeError(`Ungültiges Datum: ${iso}`);
  }
  return date;
}

/** The calendar day of a moment in Europe/Berlin, as "2026-11-27". */
export function isoDateInBerlin(moment: Date): string {
  return formatter('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);
}

/** "27. November 2026" (DIN 5008: months never abbreviated in text); en "27 November 2026", fr "27 novembre 2026". */
export function formatDateLong(iso: string, language: Language = 'de'): string {
  return formatter(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(parseIsoDate(iso));
}

/** "27.11.2026" (DIN 5008 numeric form). */
export function formatDateNumeric(iso: string): string {
  const [year, month, day] = iso.split('-');
  parseIsoDate(iso);
  return `${day}.${month}.${year}`;
}

/** A moment (ISO timestamp) as the office reads it: "27.11.2026, 14:05 Uhr" in Berlin time; the text itself when it is no moment. */
export function formatMomentNumeric(iso: string): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  const time = formatter('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(moment);
  return `${formatDateNumeric(isoDateInBerlin(moment))}, ${time} Uhr`;
}
