/** Names of wedding anniversaries (DOMAIN.md C). */
const WEDDING_NAMES: Readonly<Record<number, string>> = {
  25: 'Silberne Hochzeit',
  50: 'Goldene Hochzeit',
  60: 'Diamantene Hochzeit',
  65: 'Eiserne Hochzeit',
  70: 'Gnadenhochzeit',
  75: 'Kronjuwelenhochzeit',
  80: 'Eichenhochzeit',
};

/** "Goldene Hochzeit" for 50 years; other years: "55. Hochzeitstag". */
export function weddingJubileeName(years: number): string {
  return WEDDING_NAMES[years] ?? `${years}. Hochzeitstag`;
}
