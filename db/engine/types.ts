import type { SQL, SQLWrapper } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type * as pgSchema from '../schema-pg';

/**
 * The tables as repositories see them: typed as the PostgreSQL twins (db/schema-pg). On SQLite
 * the same names hold the SQLite tables (db/schema); the parity test proves both infer the same
 * row types, so a repository is written once.
 */
export type Tables = typeof pgSchema;

type PgDb = NodePgDatabase<Record<string, never>>;

/**
 * The query builders repositories use, typed as PostgreSQL's. Every builder is awaited — there
 * is no `.get()`, `.all()` or `.run()` (they are SQLite's synchronous calls and do not compile
 * here). Inside `engine.transaction(…)` the same `db` runs on the transaction.
 */
export type EngineDb = Pick<PgDb, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | '$count' | 'with' | '$with'> & {
  /**
   * Raw SQL (what the builders cannot say). Rows are objects keyed by the column names or
   * aliases as written — quote camelCase aliases (`as "letterDate"`), PostgreSQL folds unquoted
   * ones to lower case. Values come raw: read booleans, JSON and computed numbers through `dsql`.
   */
  execute<Row extends Record<string, unknown> = Record<string, unknown>>(query: SQLWrapper): Promise<{ rows: Row[] }>;
};

/** The few places where SQLite and PostgreSQL differ, each said once (see dialect.ts). */
export interface Dialect {
  /** German folding in SQL (`fold()`: a function on both engines, the same as core/domain/text/fold). */
  fold(value: SQLWrapper): SQL;
  /** Every word of `text` occurs in the folded `value` (case, umlauts, ß and accents ignored); undefined without words. */
  foldedContains(value: SQLWrapper, text: string): SQL | undefined;
  /** `value` equals `text` when both are folded. */
  foldedEquals(value: SQLWrapper, text: string): SQL;
  /** The JSON array in `column` (at the top-level key `key`, or the column itself) has an element equal to `element`. */
  jsonArrayContains(column: SQLWrapper, key: string | null, element: string | number): SQL;
  /** A string or number at the top-level key `key` of the JSON in `column`, as text (null when the key is missing or JSON null). */
  jsonText(column: SQLWrapper, key: string): SQL<string | null>;
  /** The value at the top-level key `key` of the JSON in `column` is an array. */
  jsonIsArray(column: SQLWrapper, key: string): SQL;
  /**
   * Whole days from the ISO date `from` to the ISO date `to` (negative when `to` lies before;
   * null when either is null). An expression an index may hold on both engines (the request
   * statistics' covering index does, in db/schema and db/schema-pg: the same SQL there).
   */
  daysBetween(from: SQLWrapper, to: SQLWrapper): SQL<number | null>;
  /**
   * An aggregate: the group's values of `value` (only the rows `where` holds for) as a JSON array,
   * `[]` when there are none. Read it through `json()`.
   */
  jsonArrayAgg(value: SQLWrapper, where?: SQLWrapper): SQL<unknown>;
  /** `column` is one of `ids`, bound as ONE parameter (no limit on the number of ids). */
  inIds(column: SQLWrapper, ids: readonly number[]): SQL;
  /**
   * Locks the rows `query` reads until the transaction ends, so a count or number read from them
   * and written back cannot be overtaken by a concurrent transaction (PostgreSQL's READ COMMITTED
   * would let two read the same value). PostgreSQL: `FOR UPDATE`; SQLite: the query as it is — its
   * transactions already hold the only write lock from BEGIN IMMEDIATE. Use it inside
   * `engine.transaction`, on a select without aggregates.
   */
  forUpdate<Query extends { for(strength: 'update'): unknown }>(query: Query): Query;
  /**
   * A statement that holds the lock named `name` until the transaction ends: transactions about
   * the same thing (one proposal taken on two PCs at once) run one after the other, and the later
   * one sees what the first committed. PostgreSQL: a transaction-level advisory lock on the name's
   * hash; SQLite: nothing to do — BEGIN IMMEDIATE already lets one writer in at a time. Run it
   * first inside `engine.transaction`.
   */
  lockFor(name: string): SQL;
  /** The error is a violated unique or primary key constraint. */
  isUniqueViolation(error: unknown): boolean;
  /** The error is a violated foreign key. */
  isForeignKeyViolation(error: unknown): boolean;
  /**
   * A boolean written into the SQL text, not bound (SQLite: 1/0, PostgreSQL: true/false). For a
   * condition a partial index must recognise: SQLite uses an index `where gone = 0` only for a
   * query that says `gone = 0` itself; a bound `gone = ?` reads the whole table.
   */
  literal(value: boolean): SQL;
  /** A boolean from raw SQL (SQLite: 1/0, PostgreSQL: true/false). */
  bool(raw: unknown): boolean | null;
  /** A number from raw SQL (PostgreSQL returns `count(*)`, `sum()` and bigint as strings). */
  number(raw: unknown): number | null;
  /** A JSON column's value from raw SQL (SQLite: the text, PostgreSQL: already parsed). */
  json<T = unknown>(raw: unknown): T | null;
}

export interface TransactionOptions {
  /** The commit survives a power loss once the transaction resolves. */
  durable?: boolean;
}

/** What services and repositories receive: one database, either engine. */
export interface Engine {
  kind: 'sqlite' | 'postgres';
  db: EngineDb;
  t: Tables;
  dsql: Dialect;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * Inside, `db` runs on the transaction (repositories need not know); a nested call is a
   * savepoint. Statements of other, unrelated calls never land inside it.
   * `durable`: the commit is on disk before the promise resolves (for commits that files outside
   * the database follow, such as a mail merge's letters); only the outermost transaction commits.
   */
  transaction<T>(work: () => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * After an erasure: nothing the database keeps beside its tables may still hold an erased row.
   * SQLite: the committed changes are copied into the file and the write-ahead log is emptied
   * (false when another connection, such as the command line, kept it from being emptied).
   * PostgreSQL: its log belongs to the server that the city's IT runs and backs up; nothing to do
   * here (true).
   */
  emptyLog(): Promise<boolean>;
  /** How many of the shipped migrations the database has applied (its schema version). */
  schemaVersion(): Promise<number>;
}

/** An opened engine: the engine plus closing it (waits for statements under way). */
export interface OpenEngine extends Engine {
  close(): Promise<void>;
}
