/** "1 Kontakt", "195 Kontakte", "1.234 Kontakte" (German number format). */
export function count(n: number, singular: string, plural: string): string {
  return `${n.toLocaleString('de-DE')} ${n === 1 ? singular : plural}`;
}

/** "2026-12-03" → "03.12.2026" (DIN 5008 numeric date). */
export function germanDate(iso: string): string {
  return iso.split('-').reverse().join('.');
}

/** One formatter for all (toLocaleDateString builds a new one per call: slow for a month of appointments). */
const LONG_DATE = new Intl.DateTimeFormat('de-DE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2026-12-10" → "Donnerstag, 10. Dezember 2026". */
export function germanLongDate(iso: string): string {
  return LONG_DATE.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** "12 KB", "1,4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('de-DE')} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
}
