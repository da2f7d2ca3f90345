import type { ColumnKind } from './plan';

/**
 * PostgreSQL's COPY text format (https://www.postgresql.org/docs/current/sql-copy.html): a row
 * per line, fields separated by tabs, `\N` for NULL, backslash escapes for backslash, newline,
 * carriage return and tab. Values in between engines: integer → number, text → string,
 * boolean → boolean, json → its JSON text as stored (so it arrives byte for byte), bytes
 * (bytea, a blob) → a Buffer, in COPY text as bytea's hex form (`\\x0a1b…`).
 */
export type Value = number | string | boolean | Buffer | null;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const UNESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function escape(text: string): string {
  return /[\\\n\r\t]/.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]!) : text;
}

function unescape(field: string): string {
  if (!field.includes('\\')) return field;
  return field.replace(/\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|([\s\S]))/g, (_, octal: string, hex: string, char: string) => {
    // PostgreSQL writes no octal or hex escapes (see the docs); read them as the code they name.
    if (octal) return String.fromCharCode(parseInt(octal, 8));
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    return UNESCAPES[char] ?? char;
  });
}

/** One row as a line of COPY text (with its newline). */
export function encodeRow(values: readonly Value[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) line += '\t';
    if (value === null || value === undefined) line += '\\N';
    else if (typeof value === 'boolean') line += value ? 't' : 'f';
    else if (typeof value === 'number') line += String(value);
    else if (Buffer.isBuffer(value)) line += `\\\\x${value.toString('hex')}`;
    else line += escape(value);
  }
  return `${line}\n`;
}

/** One line of COPY text (without its newline) as values of the columns' kinds. */
export function decodeRow(line: string, kinds: readonly ColumnKind[]): Value[] {
  const fields = line.split('\t');
  if (fields.length !== kinds.length) throw new Error(`COPY row with ${fields.length} fields, expected ${kinds.length}`);
  return fields.map((field, i) => {
    if (field === '\\N') return null;
    switch (kinds[i]) {
      case 'integer':
        return Number(field);
      case 'boolean':
        return field === 't';
      case 'bytes': {
        const hex = unescape(field);
        if (!hex.startsWith('\\x')) throw new Error(`COPY bytea field not in hex form: ${hex.slice(0, 20)}`);
        return Buffer.from(hex.slice(2), 'hex');
      }
      default:
        return unescape(field);
    }
  });
}

/** The lines of a COPY TO stream, a batch per chunk (a line break is never part of a multi-byte UTF-8 character). */
export async function* copyLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<string[]> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const buffer = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    const lines: string[] = [];
    let start = 0;
    for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
      lines.push(buffer.toString('utf8', start, end));
      start = end + 1;
    }
    rest = Buffer.from(buffer.subarray(start));
    if (lines.length > 0) yield lines;
  }
  if (rest.length > 0) yield [rest.toString('utf8')];
}
