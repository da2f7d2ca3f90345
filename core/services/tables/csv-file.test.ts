import { describe, expect, it } from 'vitest';
import { parseRecords, scanCsvFile, type CsvRecord } from './csv-file';

describe('CSV records', () => {
  it.each([
    ['a;b\n1;2\n', [[['a', 'b'], 1], [['1', '2'], 2]]],
    ['a;b\r\n1; 2 \r\n\r\n3;4', [[['a', 'b'], 1], [['1', '2'], 2], [[''], 3], [['3', '4'], 4]]],
    ['a;b\r1;2', [[['a', 'b'], 1], [['1', '2'], 2]]],
  ] as const)('plain file %j: one record per line with its line number', (text, expected) => {
    expect(parseRecords(text, ';').map((r) => [r.cells, r.line])).toEqual(expected);
  });

  it('gives the same records with and without quotes', () => {
    const plain = 'a;b;c\n1;Groß;x\n\n2;Straße;y\n';
    const quoted = 'a;b;c\n1;"Groß";x\n\n2;Straße;y\n';
    expect(parseRecords(quoted, ';')).toEqual(parseRecords(plain, ';'));
  });

  it('keeps line numbers after a quoted cell with a line break', () => {
    const records = parseRecords('a;b\n1;"zwei\nZeilen"\n3;4\n', ';');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });
});

describe('scanCsvFile in pieces', () => {
  const scan = (bytes: Uint8Array, chunkBytes?: number) => {
    const records: CsvRecord[] = [];
    const progress: number[] = [];
    const file = scanCsvFile(bytes, (record) => void records.push(record), { chunkBytes, onProgress: (read) => progress.push(read) });
    return { file, records, progress };
  };
  const files: Array<[string, string]> = [
    ['plain LF', 'id;name\n1;Müller\n2;Groß\n\n3;Weiß\n'],
    ['plain CRLF', 'id;name\r\n1;Müller\r\n2;Groß\r\n3;Weiß'],
    ['quoted cells with line breaks and doubled quotes', 'id;name\n1;"Müller\nzwei Zeilen"\n2;"Sagt ""Hallo""\r\nund geht"\n3;Weiß\n4;"x"\n'],
  ];
  it.each(files)('%s: gives the same records and lines whatever the piece size', (_, text) => {
    const bytes = new TextEncoder().encode(text);
    const whole = scan(bytes);
    for (const size of [1, 2, 5, 7, 13, 64]) {
      const pieces = scan(bytes, size);
      expect(pieces.records, `piece size ${size}`).toEqual(whole.records);
      expect(pieces.file).toEqual(whole.file);
      expect(pieces.progress.at(-1)).toBe(bytes.length);
    }
  });

  it('reports progress piece by piece and stops when progress throws', () => {
    const text = 'id;name\n' + Array.from({ length: 50 }, (_, i) => `${i};Name ${i}`).join('\n');
    const bytes = new TextEncoder().encode(text);
    const { progress } = scan(bytes, 40);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    let seen = 0;
    expect(() =>
      scanCsvFile(bytes, () => void seen++, {
        chunkBytes: 40,
        onProgress: () => {
          throw new Error('abgebrochen');
        },
      }),
    ).toThrow('abgebrochen');
    expect(seen).toBeLessThan(50);
  });

  it('decodes Windows-1252 piece by piece', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('id;name\n1;'), 0xdf, ...new TextEncoder().encode('\n2;M'), 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]);
    const { file, records } = scan(bytes, 3);
    expect(file.encoding).toBe('windows-1252');
    expect(records.map((r) => r.cells[1])).toEqual(['ß', 'Müller']);
  });
});
