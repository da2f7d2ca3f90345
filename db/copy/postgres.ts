import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { copyLines, decodeRow, encodeRow, type Value } from './copy-text';
import type { CopySource, CopyTarget } from './sides';
import { quote, type ColumnKind, type CopyTable } from './plan';

/** About this much COPY text goes to the server at a time. */
const CHUNK_CHARS = 256 * 1024;
/** Rows per UPDATE that sets deferred references. */
const FIX_BATCH = 10_000;

const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

function where(table: CopyTable): string {
  return table.skip ? ` WHERE ${quote(table.skip.column)} IS DISTINCT FROM ${literal(table.skip.value)}` : '';
}

const columnList = (table: CopyTable): string => table.columns.map((c) => quote(c.name)).join(', ');

/** Reads PostgreSQL in one read-only REPEATABLE READ transaction: every table as of its start. */
export function postgresSource(client: pg.ClientBase): CopySource {
  return {
    async snapshot(work) {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const result = await work();
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    },
    async count(table) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table.name)}${where(table)}`);
      return rows[0]!.n;
    },
    async *rows(table) {
      const kinds = table.columns.map((c) => c.kind);
      const stream = client.query(copyTo(`COPY (SELECT ${columnList(table)} FROM ${quote(table.name)}${where(table)}) TO STDOUT`));
      for await (const lines of copyLines(stream)) yield lines.map((line) => decodeRow(line, kinds));
    },
  };
}

/**
 * Writes into PostgreSQL in one transaction with COPY (the tables locked against other writers
 * meanwhile). Afterwards it sets the deferred references and moves each identity sequence past
 * the copied ids, so the next new row gets a free number.
 */
export function postgresTarget(client: pg.ClientBase): CopyTarget {
  /** Deferred references by table: the key and the values to set once every row is in. */
  const fixes = new Map<string, Value[][]>();
  return {
    async transaction(plan, work) {
      await client.query('BEGIN');
      try {
        await client.query(`LOCK TABLE ${plan.map((t) => quote(t.name)).join(', ')} IN EXCLUSIVE MODE`);
        const result = await work();
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    },
    async count(table) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table.name)}`);
      return rows[0]!.n;
    },
    async clear(table) {
      await client.query(`DELETE FROM ${quote(table.name)}`);
    },
    async write(table, rows) {
      const deferred = table.deferred.map((name) => table.columns.findIndex((c) => c.name === name));
      const key = table.columns.findIndex((c) => c.name === table.primaryKey[0]);
      if (deferred.length > 0 && table.primaryKey.length !== 1) throw new Error(`${table.name}: deferred references need a one-column primary key`);
      const pending: Value[][] = [];
      let written = 0;
      async function* text(): AsyncGenerator<string> {
        let chunk = '';
        for await (const batch of rows) {
          for (const row of batch) {
            if (deferred.some((i) => row[i] !== null)) {
              pending.push([row[key]!, ...deferred.map((i) => row[i]!)]);
              row.forEach((_, i) => deferred.includes(i) && (row[i] = null));
            }
            chunk += encodeRow(row);
          }
          written += batch.length;
          if (chunk.length >= CHUNK_CHARS) {
            yield chunk;
            chunk = '';
          }
        }
        if (chunk.length > 0) yield chunk;
      }
      await pipeline(Readable.from(text()), client.query(copyFrom(`COPY ${quote(table.name)} (${columnList(table)}) FROM STDIN`)));
      if (pending.length > 0) fixes.set(table.name, pending);
      return written;
    },
    async finish(plan) {
      for (const table of plan) {
        const pending = fixes.get(table.name);
        if (pending) await setDeferred(client, table, pending);
        if (table.identity) {
          const column = quote(table.identity);
          await client.query(
            `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${column}) FROM ${quote(table.name)}), 0) + 1, false)`,
            [quote(table.name), table.identity],
          );
        }
      }
    },
  };
}

const SQL_TYPES: Record<ColumnKind, string> = { integer: 'int4', text: 'text', boolean: 'bool', json: 'json', bytes: 'bytea' };

/** `UPDATE … FROM unnest(keys, values…)`: the deferred references, ten thousand rows a statement. */
async function setDeferred(client: pg.ClientBase, table: CopyTable, pending: Value[][]): Promise<void> {
  const kindOf = (name: string) => table.columns.find((c) => c.name === name)!.kind;
  const names = [table.primaryKey[0]!, ...table.deferred];
  const sets = table.deferred.map((name, i) => `${quote(name)} = v.c${i + 1}`).join(', ');
  const unnest = names.map((name, i) => `$${i + 1}::${SQL_TYPES[kindOf(name)]}[]`).join(', ');
  const aliases = names.map((_, i) => `c${i}`).join(', ');
  const statement = `UPDATE ${quote(table.name)} AS t SET ${sets} FROM unnest(${unnest}) AS v(${aliases}) WHERE t.${quote(names[0]!)} = v.c0`;
  for (let start = 0; start < pending.length; start += FIX_BATCH) {
    const rows = pending.slice(start, start + FIX_BATCH);
    await client.query(statement, names.map((_, i) => rows.map((row) => row[i])));
  }
}
