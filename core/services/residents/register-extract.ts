/**
 * The residents' register extract in the standard column set (a header row, `;` or `,`,
 * UTF-8 or Windows-1252, dates TT.MM.JJJJ or ISO, flags 1/0/empty, gender w/m/d/x).
 * Pure parsing and checking; every rejected row gets its line number and a German reason.
 */
import { CsvImportError, scanCsvFile, isEmptyRecord, type CsvRecord } from '../csv/csv-file';

export const STANDARD_COLUMNS = [
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

export interface ResidentRow {
  line: number;
  registerId: string;
  surname: string;
  givenNames: string;
  degree: string;
  gender: 'female' | 'male' | 'diverse' | 'unknown';
  birthDate: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  district: string;
  marriageDate: string | null;
  spouseRegisterId: string | null;
  deathDate: string | null;
  movedAway: boolean;
  objection: boolean;
  informationBlock: boolean;
  conditionalBlock: boolean;
}

export interface RejectedRow {
  line: number;
  /** Register id of the row, when it could be read (such persons are not marked gone). */
  registerId: string | null;
  message: string;
}

export interface RegisterExtract {
  encoding: 'utf-8' | 'windows-1252';
  rows: ResidentRow[];
  rejected: RejectedRow[];
}

const GENDERS: Record<string, ResidentRow['gender']> = { w: 'female', m: 'male', d: 'diverse', x: 'unknown', '': 'unknown' };

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

function flag(value: string, what: string): boolean {
  const text = value.trim();
  if (text === '' || text === '0') return false;
  if (text === '1') return true;
  throw new Error(`${what}: „${text}“ ist kein gültiger Wert (1, 0 oder leer).`);
}

/** Parses and checks an extract; `today` (ISO) decides what is "in the future". */
export function parseRegisterExtract(bytes: Uint8Array, today: string): RegisterExtract {
  const rows: ResidentRow[] = [];
  const { encoding, rejected } = scanRegisterExtract(bytes, today, (row) => {
    rows.push(row);
  });
  return { encoding, rows, rejected };
}

/**
 * The same, row by row: `onRow` gets each accepted row and nothing is kept, so a caller that
 * only needs the changes holds no more than those (500,000 rows).
 */
export function scanRegisterExtract(
  bytes: Uint8Array,
  today: string,
  onRow: (row: ResidentRow) => void,
): { encoding: RegisterExtract['encoding']; rejected: RejectedRow[]; rowCount: number } {
  const rejected: RejectedRow[] = [];
  const firstLine = new Map<string, number>();
  let index: Record<(typeof STANDARD_COLUMNS)[number], number> | null = null;
  let rowCount = 0;

  const onRecord = (record: CsvRecord, fileHeaders: readonly string[]) => {
    if (!index) {
      const headers = fileHeaders.map((h) => h.trim().toLowerCase());
      const missing = STANDARD_COLUMNS.filter((c) => !headers.includes(c));
      if (missing.length > 0) {
        throw new CsvImportError(
          `Die Datei hat nicht den Standard-Spaltensatz des Melderegister-Auszugs; es fehlen die Spalten: ${missing.join(', ')}.`,
          { missing },
        );
      }
      index = Object.fromEntries(STANDARD_COLUMNS.map((c) => [c, headers.indexOf(c)])) as Record<(typeof STANDARD_COLUMNS)[number], number>;
    }
    if (isEmptyRecord(record.cells)) return;
    const columns = index;
    const cell = (name: (typeof STANDARD_COLUMNS)[number]) => (record.cells[columns[name]] ?? '').trim();
    const registerId = cell('register_id');
    const reject = (message: string) => rejected.push({ line: record.line, registerId: registerId || null, message: `Zeile ${record.line}: ${message}` });
    if (record.cells.length !== fileHeaders.length) {
      reject(`${record.cells.length} statt ${fileHeaders.length} Spalten.`);
      return;
    }
    try {
      const row = rowOf(record.line, cell, registerId, today, firstLine);
      rowCount++;
      onRow(row);
    } catch (error) {
      if (error instanceof CsvImportError) throw error;
      reject((error as Error).message);
    }
  };

  const file = scanCsvFile(bytes, onRecord);
  if (!index) {
    // A header without any data rows: still check the columns.
    onRecord({ cells: [], line: 0 }, file.headers);
  }
  return { encoding: file.encoding, rejected, rowCount };
}

function rowOf(
  line: number,
  cell: (name: (typeof STANDARD_COLUMNS)[number]) => string,
  registerId: string,
  today: string,
  firstLine: Map<string, number>,
): ResidentRow {
  if (!registerId) throw new Error('Die Melderegister-Nummer (register_id) fehlt.');
  const previous = firstLine.get(registerId);
  if (previous !== undefined) throw new Error(`Die Melderegister-Nummer „${registerId}“ steht schon in Zeile ${previous}.`);
  firstLine.set(registerId, line);
  const surname = cell('surname');
  if (!surname) throw new Error('Der Nachname fehlt.');
  const gender = GENDERS[cell('gender').toLowerCase()];
  if (!gender) throw new Error(`Geschlecht „${cell('gender')}“ ist unbekannt (erwartet w, m, d oder x).`);
  const birthDate = parseRegisterDate(cell('birth_date'), 'Das Geburtsdatum');
  if (!birthDate) throw new Error('Das Geburtsdatum fehlt.');
  if (birthDate > today) throw new Error(`Das Geburtsdatum ${cell('birth_date')} liegt in der Zukunft.`);
  const marriageDate = parseRegisterDate(cell('marriage_date'), 'Das Heiratsdatum');
  if (marriageDate && marriageDate < birthDate) throw new Error('Das Heiratsdatum liegt vor dem Geburtsdatum.');
  if (marriageDate && marriageDate > today) throw new Error(`Das Heiratsdatum ${cell('marriage_date')} liegt in der Zukunft.`);
  const deathDate = parseRegisterDate(cell('death_date'), 'Das Sterbedatum');
  if (deathDate && deathDate < birthDate) throw new Error('Das Sterbedatum liegt vor dem Geburtsdatum.');
  const spouse = cell('spouse_register_id');
  if (spouse && spouse === registerId) throw new Error('Die Person ist als ihr eigener Ehepartner eingetragen.');
  return {
    line,
    registerId,
    surname,
    givenNames: cell('given_names'),
    degree: cell('degree'),
    gender,
    birthDate,
    street: cell('street'),
    houseNumber: cell('house_number'),
    postcode: cell('postcode'),
    city: cell('city'),
    district: cell('district'),
    marriageDate,
    spouseRegisterId: spouse || null,
    deathDate,
    movedAway: flag(cell('moved_away'), 'Weggezogen (moved_away)'),
    objection: flag(cell('objection'), 'Widerspruch (objection)'),
    informationBlock: flag(cell('information_block'), 'Auskunftssperre (information_block)'),
    conditionalBlock: flag(cell('conditional_block'), 'Bedingter Sperrvermerk (conditional_block)'),
  };
}
