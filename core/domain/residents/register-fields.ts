/**
 * The fields of a residents' register extract (Melderegister-Auszug), their German names, the
 * column headers registers use for them, and how a cell becomes a value. Pure: the column
 * mapping step, the extract reader and the contract all take their words from here.
 */
import { headerKey, suggestColumnMapping, type HeaderMapping, type HeaderSynonyms } from '../text/header-match';

/** The standard column set, in its order; a file with exactly these headers needs no mapping. */
export const REGISTER_FIELDS = [
  'register_id',
  'surname',
  'given_names',
  'degree',
  'gender',
  'birth_date',
  'street',
  'house_number',
  'postcode',
  'city',
  'district',
  'marriage_date',
  'spouse_register_id',
  'death_date',
  'moved_away',
  'objection',
  'information_block',
  'conditional_block',
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/** Column header → the field it holds (null: not imported); a field without a column is empty. */
export type ColumnMapping = HeaderMapping<RegisterField>;

/** Without these a row means nothing. */
export const REQUIRED_FIELDS: readonly RegisterField[] = ['register_id', 'surname', 'birth_date'];

/**
 * The fields that keep people off every list. A file without them must come from the register
 * already filtered; the mapping step says so before anything is imported.
 */
export const PROTECTING_FIELDS: readonly RegisterField[] = ['death_date', 'moved_away', 'objection', 'information_block', 'conditional_block'];

export const REGISTER_FIELD_LABELS: Record<RegisterField, string> = {
  register_id: 'Melderegister-Nummer (Ordnungsmerkmal)',
  surname: 'Familienname',
  given_names: 'Vornamen',
  degree: 'Doktorgrad',
  gender: 'Geschlecht',
  birth_date: 'Geburtsdatum',
  street: 'Straße',
  house_number: 'Hausnummer',
  postcode: 'Postleitzahl',
  city: 'Ort',
  district: 'Stadtbezirk',
  marriage_date: 'Datum der Eheschließung',
  spouse_register_id: 'Melderegister-Nummer des Ehegatten',
  death_date: 'Sterbedatum',
  moved_away: 'Weggezogen',
  objection: 'Widerspruch (§ 50 Abs. 5 BMG)',
  information_block: 'Auskunftssperre (§ 51 BMG)',
  conditional_block: 'Bedingter Sperrvermerk (§ 52 BMG)',
};

/** Headers registers and spreadsheets use (as header keys); the standard names and German labels come first. */
const HEADER_SYNONYMS: HeaderSynonyms<RegisterField> = [
  ...REGISTER_FIELDS.map((field) => ({ field, rank: 0 as const, keys: [headerKey(field), headerKey(REGISTER_FIELD_LABELS[field])] })),
  { field: 'register_id', rank: 0, keys: ['ordnungsmerkmal', 'om', 'melderegisternummer', 'registernummer', 'personennummer', 'kennung'] },
  { field: 'register_id', rank: 1, keys: ['id', 'nr', 'nummer'] },
  { field: 'surname', rank: 0, keys: ['nachname', 'familienname', 'zuname'] },
  { field: 'surname', rank: 1, keys: ['name'] },
  { field: 'given_names', rank: 0, keys: ['vorname', 'vornamen', 'rufname'] },
  { field: 'degree', rank: 0, keys: ['doktorgrad', 'titel', 'akademischergrad', 'grad', 'dr'] },
  { field: 'gender', rank: 0, keys: ['geschlecht', 'geschl', 'sex'] },
  { field: 'birth_date', rank: 0, keys: ['geburtsdatum', 'geboren', 'geboren am', 'geburtstag', 'gebdatum', 'gebdat'].map(headerKey) },
  { field: 'street', rank: 0, keys: ['strasse', 'str'] },
  { field: 'street', rank: 1, keys: ['strasseundhausnummer', 'anschrift', 'adresse'] },
  { field: 'house_number', rank: 0, keys: ['hausnummer', 'hausnr', 'hnr'] },
  { field: 'postcode', rank: 0, keys: ['plz', 'postleitzahl'] },
  { field: 'city', rank: 0, keys: ['ort', 'wohnort', 'stadt', 'gemeinde'] },
  { field: 'city', rank: 1, keys: ['plzort', 'plzundort'] },
  { field: 'district', rank: 0, keys: ['stadtbezirk', 'bezirk'] },
  { field: 'district', rank: 1, keys: ['stadtteil'] },
  { field: 'marriage_date', rank: 0, keys: ['heiratsdatum', 'eheschliessung', 'datumdereheschliessung', 'hochzeitsdatum', 'heirat', 'verheiratetseit'] },
  { field: 'spouse_register_id', rank: 0, keys: ['ehegatte', 'ehepartner', 'ordnungsmerkmalehegatte', 'omehegatte', 'ehegatteid', 'partnerid'] },
  { field: 'death_date', rank: 0, keys: ['sterbedatum', 'todesdatum', 'verstorbenam', 'gestorben'] },
  { field: 'moved_away', rank: 0, keys: ['weggezogen', 'wegzug', 'verzogen', 'fortzug'] },
  { field: 'objection', rank: 0, keys: ['widerspruch', 'widerspruchjubilaeum', 'widerspruchalterundehejubilaeen', 'widerspruch505', 'widerspruch50abs5bmg'] },
  { field: 'information_block', rank: 0, keys: ['auskunftssperre', 'auskunftssperre51', 'auskunftssperre51bmg'] },
  { field: 'conditional_block', rank: 0, keys: ['bedingtersperrvermerk', 'sperrvermerk', 'sperrvermerk52', 'bedingtersperrvermerk52bmg'] },
];

/** Whether the headers are the standard column set (any order, any case): no mapping needed. */
export function isStandardColumnSet(headers: readonly string[]): boolean {
  const present = new Set(headers.map((h) => h.trim().toLowerCase()));
  return REGISTER_FIELDS.every((field) => present.has(field));
}

/** The mapping a file's headers suggest (the standard column set maps onto itself). */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  return suggestColumnMapping(headers, HEADER_SYNONYMS);
}

/** field → its column's position in the file (-1: no column). */
export function fieldColumns(mapping: ColumnMapping, headers: readonly string[]): Record<RegisterField, number> {
  const columns = Object.fromEntries(REGISTER_FIELDS.map((field) => [field, -1])) as Record<RegisterField, number>;
  headers.forEach((header, index) => {
    const field = mapping[header];
    if (field && columns[field] < 0) columns[field] = index;
  });
  return columns;
}

/** What is wrong with a mapping for these headers, in German (empty when it can be used). */
export function mappingProblems(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const problems: string[] = [];
  const columnsOf = new Map<RegisterField, string[]>();
  for (const header of headers) {
    const field = mapping[header];
    if (field) columnsOf.set(field, [...(columnsOf.get(field) ?? []), header]);
  }
  for (const field of REQUIRED_FIELDS) {
    if (!columnsOf.has(field)) problems.push(`Bitte ordnen Sie eine Spalte dem Feld „${REGISTER_FIELD_LABELS[field]}“ zu.`);
  }
  for (const [field, columns] of columnsOf) {
    if (columns.length > 1) {
      problems.push(`Das Feld „${REGISTER_FIELD_LABELS[field]}“ ist mehreren Spalten zugeordnet (${columns.map((c) => `„${c}“`).join(', ')}); bitte nur einer.`);
    }
  }
  return problems;
}

/** Fields that keep people off the lists but have no column: the file must come already filtered. */
export function unmappedProtectingFields(mapping: ColumnMapping, headers: readonly string[]): RegisterField[] {
  const mapped = new Set(headers.map((h) => mapping[h]).filter(Boolean));
  return PROTECTING_FIELDS.filter((field) => !mapped.has(field));
}

// ---------------------------------------------------------------------------
// Cell values
// ---------------------------------------------------------------------------

export type RegisterGender = 'female' | 'male' | 'diverse' | 'unknown';

const GENDERS = new Map<string, RegisterGender>([
  ['w', 'female'],
  ['weiblich', 'female'],
  ['f', 'female'],
  ['female', 'female'],
  ['frau', 'female'],
  ['m', 'male'],
  ['maennlich', 'male'],
  ['male', 'male'],
  ['mann', 'male'],
  ['herr', 'male'],
  ['d', 'diverse'],
  ['divers', 'diverse'],
  ['x', 'unknown'],
  ['ohneangabe', 'unknown'],
  ['unbekannt', 'unknown'],
  ['', 'unknown'],
]);

/** "w", "weiblich", "M", "divers", "x" …; throws a German reason for anything else. */
export function parseGender(value: string): RegisterGender {
  // The standard codes without folding (half a million rows).
  const gender = GENDERS.get(value) ?? GENDERS.get(headerKey(value));
  if (!gender) throw new Error(`Geschlecht „${value.trim()}“ ist unbekannt (erwartet w, m, d oder x).`);
  return gender;
}

const YES = new Set(['1', 'ja', 'j', 'x', 'wahr', 'true', 'yes', 'y']);
const NO = new Set(['', '0', 'nein', 'n', 'falsch', 'false', 'no']);

/** A flag: 1/0/empty (also ja/nein, x); throws a German reason naming the field otherwise. */
export function parseFlag(value: string, field: RegisterField): boolean {
  if (value === '0' || value === '') return false;
  if (value === '1') return true;
  const key = headerKey(value);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  throw new Error(`${REGISTER_FIELD_LABELS[field]}: „${value.trim()}“ ist kein gültiger Wert (1, 0 oder leer).`);
}

/** "03.12.1936" or "1936-12-03" → "1936-12-03"; null when empty; throws a German reason when impossible. */
export function parseRegisterDate(value: string, what: string): string | null {
  const text = value.trim();
  if (!text) return null;
  let match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  let year: number, month: number, day: number;
  if (match) [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else throw new Error(`${what} „${text}“ ist kein Datum (erwartet TT.MM.JJJJ).`);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new Error(`${what} „${text}“ gibt es nicht.`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "Musterstraße 12 a" → ["Musterstraße", "12 a"], for files with street and number in one column. */
export function splitStreetAndNumber(value: string): { street: string; houseNumber: string } {
  const match = /^(.*?\S)\s+(\d+\s*[a-zA-Z]?(?:\s*[-/]\s*\d+\s*[a-zA-Z]?)?)$/.exec(value.trim());
  return match ? { street: match[1], houseNumber: match[2] } : { street: value.trim(), houseNumber: '' };
}

/** "47051 Duisburg" → ["47051", "Duisburg"], for files with postcode and city in one column. */
export function splitPostcodeAndCity(value: string): { postcode: string; city: string } {
  const match = /^(\d{4,5})\s+(.+)$/.exec(value.trim());
  return match ? { postcode: match[1], city: match[2].trim() } : { postcode: '', city: value.trim() };
}
