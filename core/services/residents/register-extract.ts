/**
 * The residents' register extract: a CSV or Excel file in the standard column set, or any
 * columns with a mapping (column-mapping step). Dates TT.MM.JJJJ or ISO (or Excel dates),
 * flags 1/0/empty (also ja/nein), gender w/m/d/x (also weiblich/männlich/divers).
 * Pure reading and checking; every rejected row gets its line number and a German reason.
 */
import {
  fieldColumns,
  isStandardColumnSet,
  mappingProblems,
  parseFlag,
  parseGender,
  parseRegisterDate,
  REGISTER_FIELDS,
  splitPostcodeAndCity,
  splitStreetAndNumber,
  suggestMapping,
  type ColumnMapping,
  type RegisterField,
  type RegisterGender,
} from '../../domain/residents/register-fields';
import { CsvImportError, isEmptyRecord, type CsvRecord } from '../tables/csv-file';
import { scanTableFile, type TableInfo } from '../tables/table-file';

/** The standard column set (kept under its old name for the callers that build files). */
export const STANDARD_COLUMNS = REGISTER_FIELDS;

export interface ResidentRow {
  line: number;
  registerId: string;
  surname: string;
  givenNames: string;
  degree: string;
  gender: RegisterGender;
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

export interface ExtractScan extends TableInfo {
  rejected: RejectedRow[];
  /** Accepted rows. */
  rowCount: number;
}

export interface ExtractOptions {
  /** Which column holds which field; without one the file must have the standard column set. */
  mapping?: ColumnMapping;
  /** Bytes read so far; may throw to stop (a cancel). */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /**
   * Remembers the register ids already read: returns the earlier line of a repeated id. By
   * default a map; an import of half a million rows passes one that keeps them in the database.
   */
  see?: (registerId: string, line: number) => number | undefined;
}

/**
 * Reads and checks an extract row by row: `onRow` gets each accepted row and nothing is kept,
 * so a caller that only needs the changes holds no more than those (500,000 rows).
 * `today` (ISO) decides what is "in the future".
 */
export async function scanRegisterExtract(
  bytes: Uint8Array,
  today: string,
  onRow: (row: ResidentRow) => void,
  options: ExtractOptions = {},
): Promise<ExtractScan> {
  const rejected: RejectedRow[] = [];
  const firstLine = new Map<string, number>();
  const see =
    options.see ??
    ((registerId: string, line: number) => {
      const previous = firstLine.get(registerId);
      if (previous === undefined) firstLine.set(registerId, line);
      return previous;
    });
  let columns: Record<RegisterField, number> | null = null;
  let rowCount = 0;

  const columnsOf = (headers: readonly string[]) => {
    if (!options.mapping && !isStandardColumnSet(headers)) {
      const present = new Set(headers.map((h) => h.trim().toLowerCase()));
      const missing = REGISTER_FIELDS.filter((c) => !present.has(c));
      throw new CsvImportError(
        `Die Datei hat nicht den Standard-Spaltensatz des Melderegister-Auszugs; es fehlen die Spalten: ${missing.join(', ')}. ` +
          'Ordnen Sie die Spalten beim Einlesen zu (oder wählen Sie ein gespeichertes Zuordnungsprofil).',
        { missing },
      );
    }
    const mapping = options.mapping ?? suggestMapping(headers);
    const problems = mappingProblems(mapping, headers);
    if (problems.length > 0) throw new CsvImportError(`Die Spaltenzuordnung passt nicht zur Datei: ${problems.join(' ')}`, { problems });
    return fieldColumns(mapping, headers);
  };

  const onRecord = (record: CsvRecord, headers: readonly string[]) => {
    columns ??= columnsOf(headers);
    if (isEmptyRecord(record.cells)) return;
    // No closures per row: half a million of them cost more than the checks.
    const registerId = cellOf(record.cells, columns, 'register_id');
    // Recorded before any check: a person whose row is rejected stays as they were (not gone).
    const previousLine = registerId ? see(registerId, record.line) : undefined;
    let problem: string;
    if (record.cells.length !== headers.length) {
      problem = `${record.cells.length} statt ${headers.length} Spalten.`;
    } else {
      try {
        const row = rowOf(record.line, record.cells, columns, registerId, today, previousLine);
        rowCount++;
        onRow(row);
        return;
      } catch (error) {
        if (error instanceof CsvImportError) throw error;
        problem = (error as Error).message;
      }
    }
    rejected.push({ line: record.line, registerId: registerId || null, message: `Zeile ${record.line}: ${problem}` });
  };

  const table = await scanTableFile(bytes, onRecord, { onProgress: options.onProgress });
  // A header without any data rows: still check the columns.
  columns ??= columnsOf(table.headers);
  return { ...table, rejected, rowCount };
}

function cellOf(cells: readonly string[], columns: Record<RegisterField, number>, field: RegisterField): string {
  const index = columns[field];
  return index < 0 ? '' : (cells[index] ?? '').trim();
}

function rowOf(
  line: number,
  cells: readonly string[],
  columns: Record<RegisterField, number>,
  registerId: string,
  today: string,
  previous: number | undefined,
): ResidentRow {
  const cell = (field: RegisterField) => cellOf(cells, columns, field);
  if (!registerId) throw new Error('Die Melderegister-Nummer (register_id) fehlt.');
  if (previous !== undefined) throw new Error(`Die Melderegister-Nummer „${registerId}“ steht schon in Zeile ${previous}.`);
  const surname = cell('surname');
  if (!surname) throw new Error('Der Nachname fehlt.');
  const gender = parseGender(cell('gender'));
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
  // Files with "Musterstraße 12" or "47051 Duisburg" in one column.
  const { street, houseNumber } = columns.house_number < 0 ? splitStreetAndNumber(cell('street')) : { street: cell('street'), houseNumber: cell('house_number') };
  const { postcode, city } = columns.postcode < 0 ? splitPostcodeAndCity(cell('city')) : { postcode: cell('postcode'), city: cell('city') };
  return {
    line,
    registerId,
    surname,
    givenNames: cell('given_names'),
    degree: cell('degree'),
    gender,
    birthDate,
    street,
    houseNumber,
    postcode,
    city,
    district: cell('district'),
    marriageDate,
    spouseRegisterId: spouse || null,
    deathDate,
    movedAway: parseFlag(cell('moved_away'), 'moved_away'),
    objection: parseFlag(cell('objection'), 'objection'),
    informationBlock: parseFlag(cell('information_block'), 'information_block'),
    conditionalBlock: parseFlag(cell('conditional_block'), 'conditional_block'),
  };
}
