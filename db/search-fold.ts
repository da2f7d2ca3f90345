/**
 * Folds text for case- and accent-insensitive search: "Müller" and "MUELLER" both become
 * "muller"/"mueller"-comparable keys. SQLite's lower() only knows ASCII, so the database
 * registers this as the SQL function fold().
 */
export function foldForSearch(value: string): string {
  return value
    .toLocaleLowerCase('de-DE')
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
