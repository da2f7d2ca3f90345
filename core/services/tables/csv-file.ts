/**
 * Reading CSV files as offices produce them (Excel, the residents' register): UTF-8 with or
 * without BOM or Windows-1252, `;` or `,`, quoted cells with line breaks. Records keep the
 * physical line they start on, for error messages. Shared by every CSV import.
 */
import { parse } from 'csv-parse/sync';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { AppError } from '../../api/errors';

/** A problem with the file as a whole; the message is German and shown as is. */
export class CsvImportError extends AppError {
  constructor(message: string, details?: unknown) {
    super('IMPORT_INVALID', message, details);
    this.name = 'CsvImportError';
  }
}

export type Delimiter = ';' | ',';
export type CsvRecord = { cells: string[]; line: number };
const DELIMITER_SCAN_LINES = 10;

// ---------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------

/** Decodes the uploaded bytes: UTF-8 (with or without BOM) or, failing that, Windows-1252. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  const { encoding, bodyStart } = detectEncoding(bytes);
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + bodyStart, bytes.byteLength - bodyStart);
  return { text: encoding === 'utf-8' ? body.toString('utf8') : iconv.decode(body, 'windows-1252'), encoding };
}

// ---------------------------------------------------------------------------
// Low-level parsing
// ---------------------------------------------------------------------------

/**
 * Counts `;` and `,` outside quotes, first in the header line, then (if the header
 * does not decide) in the first lines; `;` wins a tie. The header decides first
 * because data cells often contain commas ("Presse, Vereine") while headers rarely do.
 */
export function detectDelimiter(text: string): Delimiter {
  type Counts = { semicolons: number; commas: number };
  const perLine: Counts[] = [];
  let current: Counts = { semicolons: 0, commas: 0 };
  let inQuotes = false;
  // Leading empty lines are not the header.
  const body = text.replace(/^(?:[ \t]*(?:\r\n|\r|\n))+/, '');
  for (let i = 0; i < body.length && perLine.length < DELIMITER_SCAN_LINES; i++) {
    const ch = body[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (ch === ';') current.semicolons++;
    else if (ch === ',') current.commas++;
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      perLine.push(current);
      current = { semicolons: 0, commas: 0 };
    }
  }
  if (perLine.length < DELIMITER_SCAN_LINES) perLine.push(current);
  const pick = (counts: Counts): Delimiter | null =>
    counts.semicolons === counts.commas ? null : counts.semicolons > counts.commas ? ';' : ',';
  const total = perLine.reduce<Counts>(
    (sum, counts) => ({ semicolons: sum.semicolons + counts.semicolons, commas: sum.commas + counts.commas }),
    { semicolons: 0, commas: 0 },
  );
  return pick(perLine[0]!) ?? pick(total) ?? ';';
}

const CSV_ERROR_TEXTS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'nicht geschlossenes Anführungszeichen',
  CSV_INVALID_CLOSING_QUOTE: 'unerwartetes Zeichen nach einem schließenden Anführungszeichen',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'unerwartetes Zeichen nach einem schließenden Anführungszeichen',
  INVALID_OPENING_QUOTE: 'Anführungszeichen an unerwarteter Stelle',
  CSV_MAX_RECORD_SIZE: 'der Datensatz ist zu groß',
};

const LINE_BREAK = /\r\n|\r|\n/g;

/** Physical lines a record occupies: the line breaks inside its (quoted) cells plus its own line. */
const linesOf = (cells: readonly string[]): number =>
  1 + cells.reduce((sum, cell) => sum + (cell.match(LINE_BREAK)?.length ?? 0), 0);

export function parseRecords(text: string, delimiter: Delimiter): CsvRecord[] {
  const records: CsvRecord[] = [];
  forEachRecord(text, delimiter, (record) => {
    records.push(record);
  });
  return records;
}

/**
 * Calls `onRecord` for each record in order, without keeping them (large files); line numbers
 * start after `firstLine - 1`. Returns the number of physical lines read.
 */
export function forEachRecord(text: string, delimiter: Delimiter, onRecord: (record: CsvRecord) => void, firstLine = 1): number {
  if (!text.includes('"')) return splitPlain(text, delimiter, onRecord, firstLine);
  // Line numbers are counted here rather than taken from csv-parse's `info.lines`,
  // which counts a CRLF inside a quoted field as two lines. Empty lines are kept as
  // records, so every record starts right after the previous one.
  let nextLine = firstLine;
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
      skip_empty_lines: false,
      on_record: (cells: string[]) => {
        onRecord({ cells, line: nextLine });
        nextLine += linesOf(cells);
        return null;
      },
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // The failing record is the one after the last record csv-parse accepted.
    const line = nextLine;
    const what = (typeof code === 'string' ? CSV_ERROR_TEXTS[code] : undefined) ?? 'die Zeile kann nicht gelesen werden';
    if (error instanceof CsvImportError || error instanceof AppError) throw error;
    throw new CsvImportError(`Die Datei ist keine gültige CSV-Datei: Zeile ${line}: ${what}.`, { line, code });
  }
  return nextLine - firstLine;
}

/**
 * Files without any quote character (what registers usually export) need no CSV state machine:
 * one record per line. Ten times faster than the general parser on 500,000 rows.
 */
function splitPlain(text: string, delimiter: Delimiter, onRecord: (record: CsvRecord) => void, firstLine: number): number {
  let line = firstLine - 1;
  let start = 0;
  // Positions of the next "\r" and "\n", searched only when passed: one scan of the text.
  let nextCr = text.indexOf('\r');
  let nextLf = text.indexOf('\n');
  while (start < text.length) {
    if (nextCr >= 0 && nextCr < start) nextCr = text.indexOf('\r', start);
    if (nextLf >= 0 && nextLf < start) nextLf = text.indexOf('\n', start);
    const lf = nextLf < 0 ? text.length : nextLf;
    let lineEnd = lf;
    let next = lf + 1;
    if (nextCr >= 0 && nextCr < lf) {
      // "\r\n", or an old Mac "\r" line break
      lineEnd = nextCr;
      next = nextCr + 1 === lf ? lf + 1 : nextCr + 1;
    }
    const cells = text.slice(start, lineEnd).split(delimiter);
    for (let j = 0; j < cells.length; j++) cells[j] = cells[j].trim();
    onRecord({ cells, line: ++line });
    start = next;
  }
  return line - firstLine + 1;
}

export const isEmptyRecord = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '');

export type CsvFile = {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: Delimiter;
  headers: string[];
  records: CsvRecord[];
};

/** Reads a CSV file with a header row: encoding, delimiter, headers and records with their lines. */
export function readCsvFile(bytes: Uint8Array): CsvFile {
  const records: CsvRecord[] = [];
  const file = scanCsvFile(bytes, (record) => {
    records.push(record);
  });
  return { ...file, records };
}

/** Text pieces of about this size are decoded and parsed at a time (half a million rows never become one string). */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Reads a CSV file with a header row record by record: `onRecord` gets every record after the
 * header (empty ones too), nothing is kept. The bytes are decoded piece by piece, each piece
 * ending at a line break outside quotes, so memory stays at the file's size however long it is.
 * `onProgress` gets the bytes read so far after each piece (it may throw to stop reading);
 * `chunkBytes` is for tests.
 */
export function scanCsvFile(
  bytes: Uint8Array,
  onRecord: (record: CsvRecord, headers: readonly string[]) => void,
  options: { onProgress?: (bytesRead: number, totalBytes: number) => void; chunkBytes?: number } = {},
): Omit<CsvFile, 'records'> {
  if (bytes.length === 0) throw new CsvImportError('Die Datei ist leer.');
  const { encoding, bodyStart } = detectEncoding(bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decode = (from: number, to: number) =>
    encoding === 'utf-8' ? buffer.toString('utf8', from, to) : iconv.decode(buffer.subarray(from, to), 'windows-1252');
  const hasQuotes = buffer.indexOf(0x22, bodyStart) >= 0;
  let delimiter: Delimiter | null = null;
  let headers: string[] | null = null;
  let nextLine = 1;
  for (let start = bodyStart; start < buffer.length; ) {
    const end = chunkEnd(buffer, start, hasQuotes, options.chunkBytes ?? CHUNK_BYTES);
    const text = decode(start, end);
    delimiter ??= detectDelimiter(text);
    nextLine += forEachRecord(
      text,
      delimiter,
      (record) => {
        if (headers) return onRecord(record, headers);
        if (isEmptyRecord(record.cells)) return;
        headers = checkedHeaders(record.cells);
      },
      nextLine,
    );
    start = end;
    options.onProgress?.(end, buffer.length);
  }
  if (!headers || !delimiter) throw new CsvImportError(delimiter ? 'Die Datei enthält keine Kopfzeile.' : 'Die Datei ist leer.');
  return { encoding, delimiter, headers };
}

/**
 * Where the piece starting at `start` ends: just after the last line feed within CHUNK_BYTES
 * that is outside quotes (an even number of quote characters since `start`; a doubled quote
 * inside a cell keeps the count even). A piece without such a line feed runs on.
 */
function chunkEnd(buffer: Buffer, start: number, hasQuotes: boolean, chunkBytes: number): number {
  const limit = start + chunkBytes;
  if (limit >= buffer.length) return buffer.length;
  if (!hasQuotes) {
    const lf = buffer.lastIndexOf(0x0a, limit - 1);
    return lf >= start ? lf + 1 : chunkEnd(buffer, start, true, chunkBytes);
  }
  let quotes = 0;
  let cut = -1;
  for (let i = start; i < buffer.length; i++) {
    const byte = buffer[i];
    if (byte === 0x22) quotes++;
    else if (byte === 0x0a && (quotes & 1) === 0) {
      cut = i + 1;
      if (i >= limit - 1) break;
    }
  }
  return cut > start ? cut : buffer.length;
}

/** UTF-8 (with or without BOM) or, failing that, Windows-1252; UTF-16 is refused with advice. */
export function detectEncoding(bytes: Uint8Array): { encoding: 'utf-8' | 'windows-1252'; bodyStart: number } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new CsvImportError(
      'Die Datei ist im Format UTF-16 gespeichert. Bitte speichern Sie sie als „CSV UTF-8“ und laden Sie sie erneut hoch.',
    );
  }
  const bodyStart = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return { encoding: isUtf8(bytes.subarray(bodyStart)) ? 'utf-8' : 'windows-1252', bodyStart };
}

/** The header row's names, trimmed; refuses empty and repeated names with a German message. */
export function checkedHeaders(cells: readonly string[]): string[] {
  const headers = cells.map((cell) => cell.trim());

  const seen = new Set<string>();
  headers.forEach((header, index) => {
    if (header === '') {
      throw new CsvImportError(
        `Die Kopfzeile enthält eine Spalte ohne Überschrift (Spalte ${index + 1}). Bitte geben Sie jeder Spalte einen Namen.`,
      );
    }
    if (seen.has(header)) {
      throw new CsvImportError(`Die Kopfzeile enthält die Spalte „${header}“ mehrfach. Spaltennamen müssen eindeutig sein.`);
    }
    seen.add(header);
  });
  return headers;
}

