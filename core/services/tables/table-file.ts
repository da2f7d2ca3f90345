/**
 * A table file as offices deliver it: CSV (see csv-file.ts) or an Excel workbook (xlsx-file.ts),
 * told apart by their first bytes. Records carry the line (CSV) or row number (Excel) for
 * error messages.
 */
import { checkedHeaders, detectEncoding, scanCsvFile, type CsvRecord } from './csv-file';

export type TableFormat = 'csv' | 'xlsx';

export interface TableInfo {
  format: TableFormat;
  /** CSV only. */
  encoding: 'utf-8' | 'windows-1252' | null;
  headers: string[];
}

export interface ScanOptions {
  /** Bytes read so far; may throw to stop reading (a cancel). */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Stop after this many records (a look at the first rows). */
  maxRecords?: number;
}

/** An .xlsx file is a zip archive: it starts with "PK\x03\x04". */
export function tableFormatOf(bytes: Uint8Array): TableFormat {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';
}

class EnoughRecords extends Error {}

/** Reads a CSV or Excel file record by record; `onRecord` gets every record after the header. */
export async function scanTableFile(
  bytes: Uint8Array,
  onRecord: (record: CsvRecord, headers: readonly string[]) => void,
  options: ScanOptions = {},
): Promise<TableInfo> {
  if (tableFormatOf(bytes) === 'xlsx') {
    // Loaded only for workbooks: the Excel reader is large, and most extracts are CSV.
    const { scanXlsxFile } = await import('./xlsx-file');
    const { headers } = await scanXlsxFile(bytes, onRecord, { ...options, checkHeaders: checkedHeaders });
    return { format: 'xlsx', encoding: null, headers };
  }
  let records = 0;
  let headers: string[] = [];
  if (bytes.length === 0) return { format: 'csv', encoding: null, headers: scanCsvFile(bytes, () => {}).headers };
  const { encoding } = detectEncoding(bytes);
  try {
    const file = scanCsvFile(
      bytes,
      (record, fileHeaders) => {
        headers = [...fileHeaders];
        onRecord(record, fileHeaders);
        if (options.maxRecords !== undefined && ++records >= options.maxRecords) throw new EnoughRecords();
      },
      { onProgress: options.onProgress },
    );
    headers = file.headers;
  } catch (error) {
    if (!(error instanceof EnoughRecords)) throw error;
  }
  return { format: 'csv', encoding, headers };
}
