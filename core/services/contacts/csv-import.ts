/**
 * CSV import of contacts: decoding, analysis (delimiter, headers, suggested
 * column mapping) and conversion of the rows into validated contact data.
 *
 * Pure functions on bytes; no database access. The contacts service resolves
 * `organisationName` to an organisation contact and stores the rows.
 */
import type { z } from 'zod';
import { FIELD_LABELS } from '../../api/field-labels';
import {
  contactInputSchema,
  type ColumnMapping,
  type ContactData,
  type CsvAnalysis,
  type ImportField,
  type ImportIssue,
} from '../../api/schemas/contacts';
import { foldGerman } from '../../domain/text/fold';
import { suggestColumnMapping, type HeaderSynonyms } from '../../domain/text/header-match';
import { CsvImportError, isEmptyRecord, readCsvFile } from '../tables/csv-file';

export { CsvImportError, decodeCsvBytes, detectDelimiter } from '../tables/csv-file';


/** The part of a catalogue role the import needs to recognise a role. */
export type ImportRole = { key: string; label: string; officeMale: string; officeFemale: string };

export type ParsedContactRow = {
  /** Physical line in the file where the record starts (header = line 1). */
  line: number;
  data: ContactData;
  /** Persons only: the organisation named in the row, for the service to resolve. */
  organisationName: string | null;
};

export type ParseContactRowsResult = { rows: ParsedContactRow[]; errors: ImportIssue[] };


const SAMPLE_ROW_COUNT = 5;

// ---------------------------------------------------------------------------
// Analysis and suggested mapping
// ---------------------------------------------------------------------------

/** Header synonyms (see suggestColumnMapping). */
const HEADER_SYNONYMS: HeaderSynonyms<ImportField> = [
  { field: 'surname', rank: 0, keys: ['nachname', 'familienname', 'surname', 'lastname', 'familyname'] },
  { field: 'surname', rank: 1, keys: ['name'] },
  { field: 'givenName', rank: 0, keys: ['vorname', 'vornamen', 'rufname', 'givenname', 'firstname', 'forename'] },
  {
    field: 'degrees',
    rank: 0,
    keys: ['titel', 'akadgrad', 'akademischergrad', 'akademischegrade', 'grad', 'grade', 'degree', 'degrees', 'title'],
  },
  { field: 'gender', rank: 0, keys: ['geschlecht', 'gender', 'sex'] },
  { field: 'gender', rank: 1, keys: ['anrede', 'salutation'] },
  { field: 'nameAffix', rank: 0, keys: ['namenszusatz', 'adelspraedikat', 'adelstitel', 'namensvorsatz'] },
  {
    field: 'roleKey',
    rank: 0,
    keys: ['amt', 'funktion', 'rolle', 'amtfunktion', 'amtoderfunktion', 'role', 'office', 'function', 'position'],
  },
  { field: 'roleDetail', rank: 0, keys: ['amtszusatz', 'zusatzzumamt', 'funktionszusatz', 'zusatzzurfunktion'] },
  { field: 'former', rank: 0, keys: ['ad', 'ausserdienst', 'former'] },
  {
    field: 'organisation',
    rank: 0,
    keys: ['organisation', 'organization', 'firma', 'verein', 'institution', 'unternehmen', 'behoerde', 'company'],
  },
  {
    field: 'name',
    rank: 0,
    keys: [
      'namederorganisation',
      'organisationsname',
      'nameorganisation',
      'organisationname',
      'organizationname',
      'firmenname',
      'vereinsname',
    ],
  },
  { field: 'street', rank: 0, keys: ['strasse', 'str', 'street'] },
  { field: 'houseNumber', rank: 0, keys: ['hausnummer', 'hausnr', 'nr', 'housenumber', 'number', 'no'] },
  {
    field: 'addressAddition',
    rank: 0,
    keys: ['adresszusatz', 'anschriftzusatz', 'anschriftenzusatz', 'addressaddition', 'addressline2', 'address2'],
  },
  { field: 'postcode', rank: 0, keys: ['plz', 'postleitzahl', 'postcode', 'postalcode', 'zip', 'zipcode'] },
  { field: 'city', rank: 0, keys: ['ort', 'stadt', 'wohnort', 'gemeinde', 'city', 'town'] },
  { field: 'country', rank: 0, keys: ['land', 'staat', 'country'] },
  { field: 'email', rank: 0, keys: ['email', 'mail', 'emailadresse', 'mailadresse', 'emailaddress'] },
  { field: 'phone', rank: 0, keys: ['telefon', 'tel', 'telefonnummer', 'telefonnr', 'telnr', 'phone', 'telephone'] },
  { field: 'phone', rank: 1, keys: ['mobil', 'mobiltelefon', 'handy', 'mobile'] },
  { field: 'language', rank: 0, keys: ['sprache', 'korrespondenzsprache', 'language'] },
  { field: 'tags', rank: 0, keys: ['gruppen', 'gruppe', 'tags', 'tag', 'verteiler', 'verteilerliste', 'groups'] },
  {
    field: 'notes',
    rank: 0,
    keys: ['bemerkung', 'bemerkungen', 'notiz', 'notizen', 'anmerkung', 'anmerkungen', 'kommentar', 'notes', 'note', 'comments'],
  },
  { field: 'kind', rank: 0, keys: ['art', 'typ', 'kontaktart', 'type', 'kind'] },
];

/** Suggests a field for each header; every field is suggested at most once. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  return suggestColumnMapping(headers, HEADER_SYNONYMS);
}

/** Reads the file far enough to let the user map its columns. */
export function analyzeCsv(bytes: Uint8Array): CsvAnalysis {
  const file = readCsvFile(bytes);
  const dataRecords = file.records.filter((record) => !isEmptyRecord(record.cells));
  return {
    encoding: file.encoding,
    delimiter: file.delimiter,
    headers: file.headers,
    sampleRows: dataRecords.slice(0, SAMPLE_ROW_COUNT).map((record) => record.cells.map((cell) => cell.trim())),
    rowCount: dataRecords.length,
    suggestedMapping: suggestMapping(file.headers),
  };
}

// ---------------------------------------------------------------------------
// Cell values
// ---------------------------------------------------------------------------

type ValueResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = <T>(message: string): ValueResult<T> => ({ ok: false, message });

/** Folded (see foldGerman), whitespace collapsed, dots kept ("a. D." → "a. d."). */
function normaliseValue(value: string): string {
  return foldGerman(value).replace(/\s+/g, ' ').trim();
}

function lookup<T>(table: Record<string, T>, value: string): T | undefined {
  const key = normaliseValue(value);
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

const GENDER_VALUES: Record<string, 'female' | 'male' | 'diverse' | 'unknown'> = {
  w: 'female',
  weiblich: 'female',
  frau: 'female',
  f: 'female',
  female: 'female',
  mrs: 'female',
  ms: 'female',
  madame: 'female',
  m: 'male',
  maennlich: 'male',
  herr: 'male',
  herrn: 'male',
  male: 'male',
  mr: 'male',
  monsieur: 'male',
  d: 'diverse',
  divers: 'diverse',
  diverse: 'diverse',
  x: 'diverse',
  u: 'unknown',
  unbekannt: 'unknown',
  'keine angabe': 'unknown',
  unknown: 'unknown',
};

export function parseGender(value: string): ValueResult<'female' | 'male' | 'diverse' | 'unknown'> {
  if (value === '') return ok('unknown');
  const gender = lookup(GENDER_VALUES, value);
  return gender
    ? ok(gender)
    : fail(`Das Geschlecht „${value}“ ist unbekannt. Erlaubt sind „w“ (weiblich), „m“ (männlich), „d“ (divers) oder ein leeres Feld.`);
}

const KIND_VALUES: Record<string, 'person' | 'organisation'> = {
  person: 'person',
  p: 'person',
  privatperson: 'person',
  organisation: 'organisation',
  organization: 'organisation',
  org: 'organisation',
  o: 'organisation',
  firma: 'organisation',
  verein: 'organisation',
  institution: 'organisation',
  unternehmen: 'organisation',
  behoerde: 'organisation',
};

export function parseKind(value: string): ValueResult<'person' | 'organisation'> {
  const kind = lookup(KIND_VALUES, value);
  return kind ? ok(kind) : fail(`Die Art „${value}“ ist unbekannt. Erlaubt sind „Person“ und „Organisation“.`);
}

const FORMER_VALUES: Record<string, boolean> = {
  '1': true,
  ja: true,
  j: true,
  x: true,
  true: true,
  wahr: true,
  yes: true,
  'a. d.': true,
  'a.d.': true,
  ad: true,
  '': false,
  '0': false,
  nein: false,
  n: false,
  false: false,
  falsch: false,
  no: false,
};

export function parseFormer(value: string): ValueResult<boolean> {
  const former = lookup(FORMER_VALUES, value);
  return former !== undefined
    ? ok(former)
    : fail(`„${value}“ ist keine gültige Angabe für „a. D.“. Erlaubt sind „ja“ (auch „1“, „x“, „a. D.“) oder „nein“ (auch „0“ oder leer).`);
}

const LANGUAGE_VALUES: Record<string, 'de' | 'en' | 'fr'> = {
  '': 'de',
  de: 'de',
  deutsch: 'de',
  german: 'de',
  en: 'en',
  englisch: 'en',
  english: 'en',
  fr: 'fr',
  franzoesisch: 'fr',
  french: 'fr',
  francais: 'fr',
  'français': 'fr',
};

export function parseLanguage(value: string): ValueResult<'de' | 'en' | 'fr'> {
  const language = lookup(LANGUAGE_VALUES, value);
  return language
    ? ok(language)
    : fail(`Die Sprache „${value}“ wird nicht unterstützt. Erlaubt sind Deutsch (de), Englisch (en) und Französisch (fr).`);
}

export function parseTags(value: string): string[] {
  return value
    .split(/[,|]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

const FORMER_SUFFIX = /\s*a\.\s*d\.?$/i;

/**
 * Finds a role by key, label or male/female office (case- and umlaut-insensitive).
 * A trailing "a. D." is accepted and reported as `former`.
 */
export function parseRole(
  value: string,
  roles: ReadonlyArray<ImportRole>,
): ValueResult<{ key: string; former: boolean }> {
  if (value === '') return ok({ key: '', former: false });
  const find = (text: string) => {
    const wanted = normaliseValue(text);
    return roles.find((role) =>
      [role.key, role.label, role.officeMale, role.officeFemale].some((name) => normaliseValue(name) === wanted),
    );
  };
  const direct = find(value);
  if (direct) return ok({ key: direct.key, former: false });
  if (FORMER_SUFFIX.test(value)) {
    const withoutSuffix = find(value.replace(FORMER_SUFFIX, ''));
    if (withoutSuffix) return ok({ key: withoutSuffix.key, former: true });
  }
  return fail(`Das Amt bzw. die Funktion „${value}“ ist im Katalog nicht vorhanden.`);
}

// ---------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------

function location(line: number, column: string | null): string {
  return column === null ? `Zeile ${line}` : `Zeile ${line}, Spalte „${column}“`;
}

function issue(line: number, column: string | null, text: string): ImportIssue {
  return { line, column, message: `${location(line, column)}: ${text}` };
}

/** German fallback for zod issues without a message of their own in the schema. */
const germanErrorMap = (raw: { code?: string }): string => {
  switch (raw.code) {
    case 'too_small':
      return 'Der Eintrag darf nicht leer sein.';
    case 'too_big':
      return 'Der Eintrag ist zu lang.';
    case 'invalid_format':
      return 'Das Format ist ungültig.';
    case 'invalid_value':
      return 'Der Wert ist nicht zulässig.';
    case 'invalid_type':
      return 'Der Wert fehlt oder hat das falsche Format.';
    default:
      return 'Der Wert ist ungültig.';
  }
};

function describeZodIssue(zodIssue: z.core.$ZodIssue, data: Record<string, unknown>): string {
  if (zodIssue.code === 'invalid_union') {
    // Report the first concrete problem of the union's branches.
    const inner = zodIssue.errors.flat()[0];
    if (inner) return describeZodIssue({ ...inner, path: [...zodIssue.path, ...inner.path] }, data);
  }
  if (zodIssue.code === 'too_big' && zodIssue.origin === 'string') {
    const value = zodIssue.path.reduce<unknown>(
      (current, key) => (current as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey],
      data,
    );
    const length = typeof value === 'string' ? value.trim().length : undefined;
    if (zodIssue.path[0] === 'tags' && typeof value === 'string') {
      return `Die Gruppe „${value}“ ist zu lang: höchstens ${String(zodIssue.maximum)} Zeichen sind erlaubt.`;
    }
    return (
      `Der Eintrag ist zu lang: höchstens ${String(zodIssue.maximum)} Zeichen sind erlaubt` +
      (length !== undefined ? `, hier sind es ${length}.` : '.')
    );
  }
  return zodIssue.message;
}

type ColumnRef = { index: number; header: string };

/**
 * Converts the rows of the file into contact data with the given column
 * mapping. Invalid rows are left out of `rows` and reported in `errors`
 * (one issue per problem); completely empty rows are skipped silently.
 */
export function parseContactRows(
  bytes: Uint8Array,
  mapping: ColumnMapping,
  roles: ReadonlyArray<ImportRole>,
): ParseContactRowsResult {
  const file = readCsvFile(bytes);
  const columns = resolveMapping(file.headers, mapping);
  const rows: ParsedContactRow[] = [];
  const errors: ImportIssue[] = [];

  for (const record of file.records) {
    if (isEmptyRecord(record.cells)) continue;
    const { line, cells } = record;
    if (cells.length !== file.headers.length) {
      errors.push(
        issue(
          line,
          null,
          `Die Zeile hat ${cells.length} ${cells.length === 1 ? 'Spalte' : 'Spalten'}, die Kopfzeile hat ${file.headers.length}. ` +
            'Bitte prüfen Sie Trennzeichen und Anführungszeichen.',
        ),
      );
      continue;
    }
    const result = convertRow(line, cells, columns, roles);
    if (result.ok) rows.push({ line, data: result.data, organisationName: result.organisationName });
    else errors.push(...result.issues);
  }
  return { rows, errors };
}

function resolveMapping(headers: readonly string[], mapping: ColumnMapping): Map<ImportField, ColumnRef> {
  const columns = new Map<ImportField, ColumnRef>();
  for (const [header, field] of Object.entries(mapping)) {
    if (field === null || field === undefined) continue;
    const index = headers.indexOf(header.trim());
    if (index < 0) {
      throw new CsvImportError(`Die zugeordnete Spalte „${header}“ gibt es in der Datei nicht.`);
    }
    const existing = columns.get(field);
    if (existing) {
      throw new CsvImportError(
        `Das Feld „${FIELD_LABELS[field] ?? field}“ ist mehreren Spalten zugeordnet: „${existing.header}“ und „${headers[index]}“.`,
      );
    }
    columns.set(field, { index, header: headers[index]! });
  }
  if (!columns.has('surname') && !columns.has('name')) {
    throw new CsvImportError(
      'Keiner Spalte ist der Nachname oder der Name der Organisation zugeordnet. Bitte ordnen Sie mindestens eines davon zu.',
    );
  }
  return columns;
}

function convertRow(
  line: number,
  cells: readonly string[],
  columns: ReadonlyMap<ImportField, ColumnRef>,
  roles: ReadonlyArray<ImportRole>,
): { ok: true; data: ContactData; organisationName: string | null } | { ok: false; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const get = (field: ImportField): string => {
    const column = columns.get(field);
    return column ? (cells[column.index] ?? '').trim() : '';
  };
  const header = (field: ImportField): string | null => columns.get(field)?.header ?? null;
  const take = <T>(field: ImportField, result: ValueResult<T>, fallback: T): T => {
    if (result.ok) return result.value;
    issues.push(issue(line, header(field), result.message));
    return fallback;
  };

  // Which column each schema field came from, for the zod issues.
  const sourceOf = new Map<string, string | null>();
  for (const field of columns.keys()) sourceOf.set(field, header(field));

  const kindCell = get('kind');
  const automaticKind = get('surname') === '' && get('name') !== '' ? 'organisation' : 'person';
  const kind = kindCell === '' ? automaticKind : take('kind', parseKind(kindCell), automaticKind);

  const shared = {
    street: get('street'),
    houseNumber: get('houseNumber'),
    addressAddition: get('addressAddition'),
    postcode: get('postcode'),
    city: get('city'),
    country: get('country'),
    email: get('email'),
    phone: get('phone'),
    language: take('language', parseLanguage(get('language')), 'de' as const),
    tags: parseTags(get('tags')),
    notes: get('notes'),
  };

  let input: Record<string, unknown>;
  let organisationName: string | null = null;
  if (kind === 'organisation') {
    // "Name" is suggested as surname; for an organisation row it is the organisation's name.
    let name = get('name');
    if (name === '' && get('surname') !== '') {
      name = get('surname');
      sourceOf.set('name', header('surname'));
    }
    input = { kind, name, ...shared };
  } else {
    const role = take('roleKey', parseRole(get('roleKey'), roles), { key: '', former: false });
    const former = take('former', parseFormer(get('former')), false);
    const organisation = get('organisation');
    organisationName = organisation === '' ? null : organisation;
    input = {
      kind,
      gender: take('gender', parseGender(get('gender')), 'unknown' as const),
      degrees: get('degrees'),
      givenName: get('givenName'),
      nameAffix: get('nameAffix'),
      surname: get('surname'),
      roleKey: role.key,
      roleDetail: get('roleDetail'),
      former: former || role.former,
      organisationId: null,
      partnerId: null,
      ...shared,
    };
  }

  const parsed = contactInputSchema.safeParse(input, { error: germanErrorMap });
  if (!parsed.success) {
    for (const zodIssue of parsed.error.issues) {
      const field = typeof zodIssue.path[0] === 'string' ? zodIssue.path[0] : null;
      const column = field === null ? null : (sourceOf.get(field) ?? null);
      issues.push(issue(line, column, describeZodIssue(zodIssue, input)));
    }
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, data: parsed.data, organisationName };
}
