/**
 * Every table's rows of a Rathausbüro database as drizzle reads them (booleans, parsed JSON),
 * in a stable order, so a copy can be compared with its source table by table on either engine.
 */
import Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import { SNAPSHOT_SETTING } from '../../db/copy';
import * as pgSchema from '../../db/schema-pg';
import * as sqliteSchema from '../../db/schema';

/** Rows per table (keyed by the schema's export name), each row as JSON text, sorted. */
export type Rows = Record<string, string[]>;

/** Every table of the schema: its export name and its PostgreSQL twin. */
export const TABLES = Object.entries(pgSchema).filter(([, table]) => is(table, PgTable)) as Array<[keyof typeof pgSchema, PgTable]>;

export const tableName = (table: PgTable): string => getTableConfig(table).name;

const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();

export function sqliteRows(file: string): Rows {
  const client = new Database(file, { readonly: true });
  try {
    const db = drizzleSqlite(client);
    return Object.fromEntries(TABLES.map(([name]) => [name, sorted(db.select().from(sqliteSchema[name] as SQLiteTable).all())]));
  } finally {
    client.close();
  }
}

export async function postgresRows(url: string): Promise<Rows> {
  const pool = new pg.Pool({ connectionString: url });
  try {
    const db = drizzlePg({ client: pool });
    const entries = await Promise.all(TABLES.map(async ([name, table]) => [name, sorted(await db.select().from(table))] as const));
    return Object.fromEntries(entries);
  } finally {
    await pool.end();
  }
}

/** The rows without the read-only mark a laptop copy carries (db/copy/snapshot.ts). */
export const withoutSnapshotMark = (rows: Rows): Rows => ({
  ...rows,
  settings: rows.settings!.filter((row) => !row.includes(`"key":"${SNAPSHOT_SETTING}"`)),
});

/** How many tables have rows, and how many rows in all. */
export function totals(rows: Rows): { tables: number; rows: number } {
  const counts = Object.values(rows).map((r) => r.length);
  return { tables: counts.filter((n) => n > 0).length, rows: counts.reduce((a, b) => a + b, 0) };
}
