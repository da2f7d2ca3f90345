/**
 * Folds German text for comparison: lower case, umlauts spelled out (ä → ae), ß → ss, other
 * diacritics removed (é → e). "Müller", "MUELLER" and "mueller" fold alike. Used for search
 * (SQLite's lower() only knows ASCII), for matching CSV headers and values, and for slugs.
 */
export function foldGerman(value: string): string {
  return value
    .normalize('NFC')
    .toLocaleLowerCase('de-DE')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}
