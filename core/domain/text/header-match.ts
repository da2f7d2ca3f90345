/**
 * Matching the column headers of an imported table to the fields they hold ("Nachname",
 * "NACHNAME", "Familien-Name" → surname). Shared by every import with a column-mapping step.
 */
import { foldGerman } from './fold';

/** Folded (see foldGerman), everything but letters and digits removed: "Straße-Nr." → "strassenr". */
export function headerKey(value: string): string {
  return foldGerman(value).replace(/[^a-z0-9]/g, '');
}

/**
 * Header names per field, already as header keys. Rank 0 wins over rank 1, so a file with
 * both "Name" and "Nachname" maps "Nachname" to the surname.
 */
export type HeaderSynonyms<F extends string> = ReadonlyArray<{ field: F; rank: 0 | 1; keys: readonly string[] }>;

/** Column header → field (null: the column is not imported). */
export type HeaderMapping<F extends string> = Record<string, F | null>;

/** Suggests a field for each header; every field is suggested at most once. */
export function suggestColumnMapping<F extends string>(headers: readonly string[], synonyms: HeaderSynonyms<F>): HeaderMapping<F> {
  const candidates: Array<{ header: string; index: number; field: F; rank: number }> = [];
  headers.forEach((header, index) => {
    const key = headerKey(header);
    const match = synonyms.find((entry) => entry.keys.includes(key));
    if (match) candidates.push({ header, index, field: match.field, rank: match.rank });
  });
  candidates.sort((a, b) => a.rank - b.rank || a.index - b.index);

  const mapping: HeaderMapping<F> = Object.fromEntries(headers.map((header) => [header, null]));
  const used = new Set<F>();
  for (const candidate of candidates) {
    if (used.has(candidate.field)) continue;
    used.add(candidate.field);
    mapping[candidate.header] = candidate.field;
  }
  return mapping;
}
