import { and, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { foldGerman } from '../../core/domain/text/fold';
import type { Dialect } from './types';

/**
 * The differences between SQLite and PostgreSQL that repositories meet, each said once
 * (TOOLCHAIN.md "SQLite vs PostgreSQL differences"). Repositories call `engine.dsql.…` and never
 * ask which engine they run on.
 */

/** `%word%` for LIKE, folded, with LIKE's own characters escaped (`escape '\'`). */
function likePattern(word: string): string {
  return `%${foldGerman(word).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Both engines have `fold()` (SQLite: a function of the connection, db/open.ts; PostgreSQL: migration 0001). */
const folding = {
  fold: (value: SQLWrapper): SQL => sql`fold(${value})`,
  foldedContains(value: SQLWrapper, text: string): SQL | undefined {
    const words = text.split(/\s+/).filter(Boolean);
    if (words.length === 0) return undefined;
    return and(...words.map((word) => sql`fold(${value}) like ${likePattern(word)} escape '\\'`));
  },
  foldedEquals: (value: SQLWrapper, text: string): SQL => sql`fold(${value}) = ${foldGerman(text)}`,
};

function causeCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

export const sqliteDialect: Dialect = {
  ...folding,
  jsonArrayContains: (column, key, element) =>
    key === null
      ? sql`exists (select 1 from json_each(${column}) where value = ${element})`
      : sql`exists (select 1 from json_each(${column}, ${`$.${key}`}) where value = ${element})`,
  jsonText: (column, key) => sql<string | null>`cast(json_extract(${column}, ${`$.${key}`}) as text)`,
  jsonIsArray: (column, key) => sql`json_type(${column}, ${`$.${key}`}) = 'array'`,
  daysBetween: (from, to) => sql<number | null>`cast(julianday(${to}) - julianday(${from}) as integer)`,
  jsonArrayAgg: (value, where) => (where ? sql`json_group_array(${value}) filter (where ${where})` : sql`json_group_array(${value})`),
  inIds: (column, ids) => sql`${column} in (select value from json_each(${JSON.stringify(ids)}))`,
  // SQLite's builders have no `.for()`; BEGIN IMMEDIATE already keeps every other writer out.
  forUpdate: (query) => query,
  lockFor: () => sql`select 1`,
  isUniqueViolation: (error) => ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'].includes(causeCode(error) ?? ''),
  isForeignKeyViolation: (error) => causeCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY',
  literal: (value) => sql.raw(value ? '1' : '0'),
  bool: (raw) => (raw === null || raw === undefined ? null : raw === 1 || raw === true || raw === 1n),
  number: (raw) => (raw === null || raw === undefined ? null : Number(raw)),
  json: <T>(raw: unknown) => (raw === null || raw === undefined ? null : typeof raw === 'string' ? (JSON.parse(raw) as T) : (raw as T)),
};

/** PostgreSQL: the ISO date ("2026-11-27") in `value` as a date. */
const isoDay = (value: SQLWrapper): SQL => sql`make_date(substr(${value}, 1, 4)::integer, substr(${value}, 6, 2)::integer, substr(${value}, 9, 2)::integer)`;

export const postgresDialect: Dialect = {
  ...folding,
  jsonArrayContains(column, key, element) {
    const array = key === null ? sql`${column}` : sql`(${column} -> ${key}::text)`;
    // Only an array has elements (SQLite's json_each of a missing key yields nothing, too).
    return sql`exists (select 1 from json_array_elements_text(case when json_typeof(${array}) = 'array' then ${array} end) as e(value)
      where e.value = ${String(element)})`;
  },
  jsonText: (column, key) => sql<string | null>`(${column} ->> ${key}::text)`,
  jsonIsArray: (column, key) => sql`json_typeof(${column} -> ${key}::text) = 'array'`,
  // make_date of the ISO date's parts, not a cast to date: the cast depends on DateStyle and so
  // may not stand in an index; this is IMMUTABLE, so the statistics read it from their index.
  daysBetween: (from, to) => sql<number | null>`(${isoDay(to)} - ${isoDay(from)})`,
  // json_agg of no rows is null, not an empty array.
  jsonArrayAgg: (value, where) => sql`coalesce(json_agg(${value})${where ? sql` filter (where ${where})` : sql``}, '[]'::json)`,
  inIds: (column, ids) => sql`${column} = any(${sql.param([...ids])}::integer[])`,
  forUpdate: <Query extends { for(strength: 'update'): unknown }>(query: Query) => query.for('update') as Query,
  // hashtext: a 32-bit key from the name (a shared key of two names only makes them wait for each other).
  lockFor: (name) => sql`select pg_advisory_xact_lock(hashtext(${name}))`,
  isUniqueViolation: (error) => causeCode(error) === '23505',
  isForeignKeyViolation: (error) => causeCode(error) === '23503',
  literal: (value) => sql.raw(value ? 'true' : 'false'),
  bool: (raw) => (raw === null || raw === undefined ? null : raw === true),
  number: (raw) => (raw === null || raw === undefined ? null : Number(raw)),
  // node-postgres parses json already; a string here is a JSON string value, not JSON text.
  json: <T>(raw: unknown) => (raw === null || raw === undefined ? null : (raw as T)),
};
