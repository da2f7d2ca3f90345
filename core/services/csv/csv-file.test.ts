import { describe, expect, it } from 'vitest';
import { parseRecords } from './csv-file';

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
