/** "1 Kontakt", "195 Kontakte", "1.234 Kontakte" (German number format). */
export function count(n: number, singular: string, plural: string): string {
  return `${n.toLocaleString('de-DE')} ${n === 1 ? singular : plural}`;
}

/** "2026-12-03" → "03.12.2026" (DIN 5008 numeric date). */
export function germanDate(iso: string): string {
  return iso.split('-').reverse().join('.');
}
