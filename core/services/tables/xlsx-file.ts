/**
 * Reading the first worksheet of an Excel workbook (.xlsx) as records of text cells, streamed
 * (a register extract can have half a million rows). Cells become what a CSV export would
 * hold: dates as ISO dates, numbers as digits, rich text and formula results as their text.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CsvImportError, type CsvRecord } from './csv-file';

/** Bytes fed to the zip reader at a time; progress is counted in these. */
const FEED_BYTES = 1024 * 1024;

/** The text of one cell as a CSV export would hold it. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel has no time zones: exceljs returns the day at UTC midnight.
    return `${String(value.getUTCFullYear()).padStart(4, '0')}-${String(value.getUTCMonth() + 1).padStart(2, '0')}-${String(value.getUTCDate()).padStart(2, '0')}`;
  }
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  return '';
}

/** A readable that hands the bytes over in pieces and reports how far it got. */
function feed(bytes: Uint8Array, onRead: (read: number) => void): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= bytes.length) return void this.push(null);
      const end = Math.min(offset + FEED_BYTES, bytes.length);
      this.push(Buffer.from(bytes.buffer, bytes.byteOffset + offset, end - offset));
      offset = end;
      onRead(offset);
    },
  });
}

/**
 * Reads the first worksheet: the first non-empty row is the header, `onRecord` gets every later
 * row with its row number (empty rows too). `onProgress` may throw to stop; `maxRecords` stops
 * early (for a preview of the first rows).
 */
export async function scanXlsxFile(
  bytes: Uint8Array,
  onRecord: (record: CsvRecord, headers: readonly string[]) => void,
  options: { onProgress?: (bytesRead: number, totalBytes: number) => void; maxRecords?: number; checkHeaders: (cells: string[]) => string[] },
): Promise<{ headers: string[] }> {
  let read = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    feed(bytes, (n) => (read = n)),
    { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' },
  );
  let headers: string[] | null = null;
  let records = 0;
  let reported = 0;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        // row.values is 1-based and sparse.
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] as ExcelJS.CellValue));
        if (!headers) {
          if (cells.every((c) => c === '')) continue;
          headers = options.checkHeaders(cells);
          continue;
        }
        while (cells.length < headers.length) cells.push('');
        while (cells.length > headers.length && cells[cells.length - 1] === '') cells.pop();
        onRecord({ cells, line: row.number }, headers);
        if (options.maxRecords !== undefined && ++records >= options.maxRecords) return { headers };
        if (read !== reported) {
          reported = read;
          options.onProgress?.(read, bytes.length);
        }
      }
      break; // the first worksheet only
    }
  } catch (error) {
    // Failures of the caller (a cancel, a broken row) pass through; only the reader's own become German.
    if (error instanceof CsvImportError || headers) throw error;
    // The reader's own words are English and technical: the user gets what to do.
    throw new CsvImportError('Die Excel-Datei kann nicht gelesen werden. Bitte speichern Sie sie in Excel erneut als .xlsx.');
  }
  if (!headers) throw new CsvImportError('Die Excel-Datei enthält im ersten Arbeitsblatt keine Kopfzeile.');
  options.onProgress?.(bytes.length, bytes.length);
  return { headers };
}
