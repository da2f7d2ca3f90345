import type Database from 'better-sqlite3';
import type { Value } from './copy-text';
import type { CopySource, CopyTarget } from './sides';
import { quote, type CopyTable } from './plan';

const BATCH = 2000;

function where(table: CopyTable): { clause: string; params: unknown[] } {
  return table.skip ? { clause: ` WHERE ${quote(table.skip.column)} IS NOT ?`, params: [table.skip.value] } : { clause: '', params: [] };
}

/** A SQLite value as it travels (booleans are 0/1 in SQLite); anything unexpected stops the copy. */
function fromSqlite(table: CopyTable, row: unknown[]): Value[] {
  return row.map((value, i) => {
    const column = table.columns[i]!;
    if (value === null || column.kind !== 'boolean') return value as Value;
    if (value === 0 || value === 1) return value === 1;
    throw new Error(`${table.name}.${column.name} holds ${JSON.stringify(value)} where a boolean (0 or 1) belongs`);
  });
}

/** Reads a SQLite database in one read transaction: every table as it was at its start. */
export function sqliteSource(client: Database.Database): CopySource {
  return {
    async snapshot(work) {
      client.exec('BEGIN');
      try {
        return await work();
      } finally {
        if (client.inTransaction) client.exec('COMMIT');
      }
    },
    async count(table) {
      const { clause, params } = where(table);
      return (client.prepare(`SELECT count(*) AS n FROM ${quote(table.name)}${clause}`).get(...params) as { n: number }).n;
    },
    async *rows(table) {
      const { clause, params } = where(table);
      const statement = client.prepare(`SELECT ${table.columns.map((c) => quote(c.name)).join(', ')} FROM ${quote(table.name)}${clause}`).raw(true);
      let batch: Value[][] = [];
      for (const row of statement.iterate(...params) as Iterable<unknown[]>) {
        batch.push(fromSqlite(table, row));
        if (batch.length === BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
  };
}

/**
 * Writes into a SQLite database (a new file) in one transaction. Foreign keys are checked once
 * at the end (`foreign_key_check`), so rows that point at each other can arrive in any order.
 */
export function sqliteTarget(client: Database.Database): CopyTarget {
  return {
    async transaction(_plan, work) {
      client.pragma('foreign_keys = OFF');
      client.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        client.exec('COMMIT');
        return result;
      } catch (error) {
        if (client.inTransaction) client.exec('ROLLBACK');
        throw error;
      } finally {
        client.pragma('foreign_keys = ON');
      }
    },
    async count(table) {
      return (client.prepare(`SELECT count(*) AS n FROM ${quote(table.name)}`).get() as { n: number }).n;
    },
    async clear(table) {
      client.prepare(`DELETE FROM ${quote(table.name)}`).run();
    },
    async write(table, rows) {
      const insert = client.prepare(
        `INSERT INTO ${quote(table.name)} (${table.columns.map((c) => quote(c.name)).join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`,
      );
      let written = 0;
      for await (const batch of rows) {
        for (const row of batch) insert.run(row.map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value)));
        written += batch.length;
      }
      return written;
    },
    async finish() {
      const broken = client.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
      if (broken.length > 0) {
        const first = broken[0]!;
        throw new Error(`${broken.length} rows point at missing rows (first: ${first.table} row ${first.rowid} → ${first.parent})`);
      }
    },
  };
}
