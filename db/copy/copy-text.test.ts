import { describe, expect, it } from 'vitest';
import { copyLines, decodeRow, encodeRow, type Value } from './copy-text';
import type { ColumnKind } from './plan';

const KINDS: ColumnKind[] = ['integer', 'text', 'boolean', 'json', 'text'];

describe('COPY text format', () => {
  it.each<[string, Value[]]>([
    ['plain values', [1, 'Müller', true, '{"a":1}', '']],
    ['NULL in every kind', [null, null, null, null, null]],
    ['tabs, line breaks, carriage returns and backslashes inside text', [2, 'Zeile 1\nZeile 2\r\n\tEingerückt', false, '{"pfad":"C:\\\\Briefe\\\\2026"}', 'a\\b']],
    ['text that looks like NULL or an escape', [3, '\\N', false, '"\\\\N"', '\\t']],
    ['umlauts, ß, emoji and other scripts', [-4, 'Straße – „Zitat“ 😀 Łódź 北京', true, '["ä","😀"]', 'ı']],
  ])('%s: encoded and decoded again, value for value', (_, values) => {
    const line = encodeRow(values);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/\n/);
    expect(decodeRow(line.slice(0, -1), KINDS)).toEqual(values);
  });

  it('reads the escapes PostgreSQL writes', () => {
    expect(decodeRow('7\ta\\bb\\fc\\vd\\\\e\tt\t\\N\t\\101\\x42', KINDS)).toEqual([7, 'a\bb\fc\vd\\e', true, null, 'AB']);
  });

  it('carries binary content (stored files) as bytea hex, every byte value included', () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const line = encodeRow(['Briefe/2026/a.docx', bytes]);
    expect(line).toBe(`Briefe/2026/a.docx\t\\\\x${bytes.toString('hex')}\n`);
    expect(decodeRow(line.slice(0, -1), ['text', 'bytes'])).toEqual(['Briefe/2026/a.docx', bytes]);
  });

  it('refuses a line with the wrong number of fields', () => {
    expect(() => decodeRow('1\t2', KINDS)).toThrow('COPY row with 2 fields, expected 5');
  });

  it('splits a stream into lines where chunks end inside a line and inside a UTF-8 character', async () => {
    const text = encodeRow([1, 'Grüße aus Duisburg', true, '{}', 'ß']) + encodeRow([2, 'Zweite\tZeile', false, '[]', '😀']);
    const bytes = Buffer.from(text);
    const chunks = [bytes.subarray(0, 5), bytes.subarray(5, 9), bytes.subarray(9, bytes.length - 3), bytes.subarray(bytes.length - 3)];
    // "ü" starts at byte 8: the second chunk ends inside it; the last chunk splits the emoji.
    async function* stream() {
      for (const chunk of chunks) yield chunk;
    }
    const lines: string[] = [];
    for await (const batch of copyLines(stream())) lines.push(...batch);
    expect(lines.map((line) => decodeRow(line, KINDS))).toEqual([
      [1, 'Grüße aus Duisburg', true, '{}', 'ß'],
      [2, 'Zweite\tZeile', false, '[]', '😀'],
    ]);
  });
});
