/** "1 Kontakt", "195 Kontakte", "1.234 Kontakte" (German number format). */
export function count(n: number, singular: string, plural: string): string {
  return `${n.toLocaleString('de-DE')} ${n === 1 ? singular : plural}`;
}
