import { is } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import * as pgSchema from '../schema-pg';
import { SNAPSHOT_SETTING } from './snapshot';

/** How a value travels between the engines (SQLite stores booleans as 0/1 and JSON as text). */
export type ColumnKind = 'integer' | 'text' | 'boolean' | 'json' | 'bytes';

export interface CopyColumn {
  name: string;
  kind: ColumnKind;
}

/** One table as the copier moves it: the same on both engines (db/schema-parity.test.ts). */
export interface CopyTable {
  name: string;
  columns: CopyColumn[];
  primaryKey: string[];
  /** The identity column (PostgreSQL numbers new rows from its sequence, which must follow the copied ids). */
  identity: string | null;
  /**
   * Foreign key columns that point at this table itself or at one copied later (a cycle): on
   * PostgreSQL they are written empty first and set once every row is in.
   */
  deferred: string[];
  /** Filled by the migrations or at every start (see SEEDED_TABLES): replaced, not refused, in the target. */
  seeded: boolean;
  /** Rows that are never copied: `column` equals `value`. */
  skip?: { column: string; value: string };
}

/**
 * Tables a database has rows in before anyone worked in it: `partnerships` (the partner cities,
 * PostgreSQL migration 0001 and SQLite migration 0009) and `roles` (the forms-of-address
 * catalogue, loaded at every start). A target counts as empty when only these have rows; they
 * are replaced by the source's, which may have been edited. copy.test.ts proves the list.
 */
export const SEEDED_TABLES: ReadonlySet<string> = new Set(['partnerships', 'roles']);

/**
 * The read-only mark of a laptop copy (snapshot.ts) stays in that copy: copied back into an
 * office database (restoring an office backup), the data is the office's own again.
 */
const SKIPPED_ROWS: Record<string, CopyTable['skip']> = { settings: { column: 'key', value: SNAPSHOT_SETTING } };

const KINDS: Record<string, ColumnKind> = { PgInteger: 'integer', PgText: 'text', PgBoolean: 'boolean', PgJson: 'json' };

/** Every table of the schema, parents before children (foreign keys), each with what the copier needs. */
export function copyPlan(): CopyTable[] {
  const tables = (Object.values(pgSchema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
  const configs = new Map(tables.map((table) => [getTableConfig(table).name, getTableConfig(table)]));
  const described = [...configs.values()].map((config) => {
    const parents = config.foreignKeys.map((fk) => {
      const reference = fk.reference();
      return { table: getTableConfig(reference.foreignTable).name, columns: reference.columns.map((c) => c.name) };
    });
    return {
      name: config.name,
      columns: config.columns.map((column) => ({ name: column.name, kind: kindOf(config.name, column) })),
      primaryKey: config.primaryKeys.length > 0 ? config.primaryKeys[0]!.columns.map((c) => c.name) : config.columns.filter((c) => c.primary).map((c) => c.name),
      identity: config.columns.find((c) => c.generatedIdentity)?.name ?? null,
      parents,
    };
  });

  // Kahn's algorithm, by name among equals (the same order in every runtime); a table left in a
  // cycle goes first with its references to the tables still waiting deferred.
  const ordered: CopyTable[] = [];
  const done = new Set<string>();
  let waiting = described.sort((a, b) => a.name.localeCompare(b.name));
  while (waiting.length > 0) {
    const ready = waiting.find((t) => t.parents.every((p) => p.table === t.name || done.has(p.table))) ?? waiting[0]!;
    const deferred = ready.parents.filter((p) => p.table === ready.name || !done.has(p.table)).flatMap((p) => p.columns);
    ordered.push({
      name: ready.name,
      columns: ready.columns,
      primaryKey: ready.primaryKey,
      identity: ready.identity,
      deferred: [...new Set(deferred)],
      seeded: SEEDED_TABLES.has(ready.name),
      ...(SKIPPED_ROWS[ready.name] ? { skip: SKIPPED_ROWS[ready.name] } : {}),
    });
    done.add(ready.name);
    waiting = waiting.filter((t) => t !== ready);
  }
  return ordered;
}

function kindOf(table: string, column: PgColumn): ColumnKind {
  // Binary content (stored_files): bytea on PostgreSQL, a blob on SQLite.
  const kind = column.columnType === 'PgCustomColumn' && column.getSQLType() === 'bytea' ? 'bytes' : KINDS[column.columnType];
  // A new column type needs its own conversion here (and in copy-text.ts, sqlite.ts): say so, never guess.
  if (!kind) throw new Error(`db/copy cannot copy ${table}.${column.name} (${column.columnType}): add the type to db/copy/plan.ts.`);
  return kind;
}

/** `"name"`: identifiers quoted the same way on both engines. */
export const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
