/**
 * Both schemas describe the same database: db/schema (SQLite) and db/schema-pg (PostgreSQL,
 * office mode). At the type level (`tsc -p tsconfig.node.json` fails on a difference) and at run
 * time (drizzle's table configs). When this fails after a change to db/schema, make the same
 * change in db/schema-pg and run `npm run db:generate`.
 */
import { is, Table, type Column } from 'drizzle-orm';
import { getTableConfig as pgConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as sqlite from './schema';
import * as pg from './schema-pg';

// ── Type level: every table infers the same select and insert types on both engines. ──
type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
type TablesOf<M> = { [K in keyof M as M[K] extends Table ? K : never]: M[K] };
type S = TablesOf<typeof sqlite>;
type P = TablesOf<typeof pg>;
type Row<M, K, Kind extends '$inferSelect' | '$inferInsert'> = K extends keyof M ? (M[K] extends Table ? M[K][Kind] : never) : never;
/** Names of the tables whose types differ (or that one schema lacks); `never` when all agree. */
type Differing<Kind extends '$inferSelect' | '$inferInsert'> = {
  [K in keyof S | keyof P]: Equal<Row<S, K, Kind>, Row<P, K, Kind>> extends true ? never : K;
}[keyof S | keyof P];
// A table named in a compile error here differs between db/schema and db/schema-pg.
export const sameSelectTypes: [Differing<'$inferSelect'>] extends [never] ? true : Differing<'$inferSelect'> = true;
export const sameInsertTypes: [Differing<'$inferInsert'>] extends [never] ? true : Differing<'$inferInsert'> = true;

// ── Run time: tables, columns, keys, defaults, indexes, unique constraints, foreign keys. ──

/** A column as both dialects can say it. */
function sqliteColumn(column: SQLiteColumn, compositeKey: boolean) {
  const c = column as SQLiteColumn & { autoIncrement?: boolean };
  const kind =
    column.columnType === 'SQLiteBoolean'
      ? 'boolean'
      : column.columnType === 'SQLiteTextJson'
        ? 'json'
        : column.columnType === 'SQLiteInteger'
          ? 'integer'
          : column.columnType === 'SQLiteText'
            ? 'text'
            : column.columnType === 'SQLiteBlobBuffer'
              ? 'bytes'
              : column.columnType;
  // SQLite's INTEGER PRIMARY KEY numbers rows itself: PostgreSQL's identity column.
  const generated = column.columnType === 'SQLiteInteger' && column.primary && !compositeKey;
  return describeColumn(column, kind, generated || Boolean(c.autoIncrement));
}

function pgColumn(column: PgColumn) {
  const kind =
    { PgBoolean: 'boolean', PgJson: 'json', PgInteger: 'integer', PgText: 'text' }[column.columnType] ??
    // Binary content: the only custom type, bytea (db/schema-pg/files.ts).
    (column.columnType === 'PgCustomColumn' && column.getSQLType() === 'bytea' ? 'bytes' : column.columnType);
  return describeColumn(column, kind, column.generatedIdentity?.type === 'byDefault');
}

function describeColumn(column: Column, kind: string, generated: boolean) {
  return {
    name: column.name,
    kind,
    notNull: column.notNull,
    primary: column.primary,
    generated,
    default: column.default,
    enumValues: column.enumValues ?? null,
    unique: column.isUnique ? column.uniqueName : null,
  };
}

type AnyIndex = { config: { name?: string; unique: boolean; where?: unknown; columns: unknown[] } };

/** The index's columns by name. */
function indexColumns(index: AnyIndex): string[] {
  return index.config.columns.map((c) => (c as { name: string }).name);
}

function describeSqliteTable(table: SQLiteTable) {
  const config = sqliteConfig(table);
  const compositeKey = config.primaryKeys.length > 0;
  return {
    columns: config.columns.map((c) => sqliteColumn(c, compositeKey)),
    primaryKeys: config.primaryKeys.map((k) => ({ name: k.getName(), columns: k.columns.map((c) => c.name) })),
    indexes: config.indexes
      .map((i) => ({ name: i.config.name, unique: i.config.unique, partial: i.config.where !== undefined, columns: indexColumns(i as unknown as AnyIndex) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.getName(), columns: u.columns.map((c) => c.name) })),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return {
          name: fk.getName(),
          columns: ref.columns.map((c) => c.name),
          foreignTable: sqliteConfig(ref.foreignTable).name,
          foreignColumns: ref.foreignColumns.map((c) => c.name),
          onDelete: fk.onDelete ?? 'no action',
          onUpdate: fk.onUpdate ?? 'no action',
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function describePgTable(table: PgTable) {
  const config = pgConfig(table);
  return {
    columns: config.columns.map(pgColumn),
    primaryKeys: config.primaryKeys.map((k) => ({ name: k.getName(), columns: k.columns.map((c) => c.name) })),
    indexes: config.indexes
      .map((i) => ({
        name: i.config.name!,
        unique: i.config.unique,
        partial: i.config.where !== undefined,
        columns: indexColumns(i as unknown as AnyIndex),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.getName(), columns: u.columns.map((c) => c.name) })),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return {
          name: fk.getName(),
          columns: ref.columns.map((c) => c.name),
          foreignTable: pgConfig(ref.foreignTable).name,
          foreignColumns: ref.foreignColumns.map((c) => c.name),
          onDelete: fk.onDelete ?? 'no action',
          onUpdate: fk.onUpdate ?? 'no action',
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

const sqliteTables = new Map(
  Object.entries(sqlite)
    .filter(([, value]) => is(value, SQLiteTable))
    .map(([key, value]) => [key, value as SQLiteTable]),
);
const pgTables = new Map(
  Object.entries(pg)
    .filter(([, value]) => is(value, PgTable))
    .map(([key, value]) => [key, value as PgTable]),
);

describe('the PostgreSQL schema is the twin of the SQLite schema', () => {
  it('has the same tables under the same export names', () => {
    expect(sqliteTables.size).toBeGreaterThan(50);
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
    for (const [key, table] of sqliteTables) expect(pgConfig(pgTables.get(key)!).name, key).toBe(sqliteConfig(table).name);
  });

  it.each([...sqliteTables.keys()])('%s: same columns, keys, defaults, indexes and foreign keys', (key) => {
    const pgTable = pgTables.get(key);
    expect(pgTable, `db/schema-pg exports no ${key}`).toBeDefined();
    expect(describePgTable(pgTable!)).toEqual(describeSqliteTable(sqliteTables.get(key)!));
  });

  it('knows every column kind the SQLite schema uses', () => {
    const kinds = new Set([...sqliteTables.values()].flatMap((t) => describeSqliteTable(t).columns.map((c) => c.kind)));
    expect([...kinds].sort()).toEqual(['boolean', 'bytes', 'integer', 'json', 'text']);
  });
});
