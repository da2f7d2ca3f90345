import type Database from 'better-sqlite3';
import type { SQLWrapper } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import { drizzle } from 'drizzle-orm/sqlite-proxy';
import { appliedSchemaVersion, openDatabase, type Db, type OpenDatabaseOptions } from '../open';
import * as sqliteSchema from '../schema';
import { sqliteDialect } from './dialect';
import { FifoMutex, TransactionScopes } from './scope';
import type { EngineDb, OpenEngine, Tables, TransactionOptions } from './types';

type Method = 'run' | 'all' | 'values' | 'get';

/**
 * SQLite behind the engine: ONE better-sqlite3 connection, reached through drizzle's async
 * `sqlite-proxy` driver. A FIFO mutex lets one statement — or one whole transaction, from BEGIN
 * to COMMIT — use the connection at a time, so an unrelated call's statement never lands inside
 * another call's transaction. Inside `transaction(…)` (found through AsyncLocalStorage)
 * statements run straight away: the transaction already holds the mutex.
 */
export function createSqliteEngine(client: Database.Database): OpenEngine {
  const connection = new FifoMutex();
  const scopes = new TransactionScopes<null>();
  const statements = new StatementCache(client);

  /** Runs one statement now if the running code is inside a transaction, else in turn. */
  function statement<T>(work: () => T): Promise<T> {
    if (scopes.current()) return Promise.resolve().then(work);
    return connection.run(work);
  }

  const proxy = drizzle(async (text: string, params: unknown[], method: Method) => statement(() => statements.execute(text, params, method)));
  const dialect = new SQLiteAsyncDialect();

  const db = {
    select: proxy.select.bind(proxy),
    selectDistinct: proxy.selectDistinct.bind(proxy),
    insert: proxy.insert.bind(proxy),
    update: proxy.update.bind(proxy),
    delete: proxy.delete.bind(proxy),
    $count: proxy.$count.bind(proxy),
    with: proxy.with.bind(proxy),
    $with: proxy.$with,
    execute(query: SQLWrapper) {
      const { sql: text, params } = dialect.sqlToQuery(query.getSQL());
      return statement(() => ({ rows: statements.objects(text, params) }));
    },
  };

  async function inTransaction<T>(depth: number, work: () => Promise<T>): Promise<T> {
    const savepoint = `sp${depth}`;
    // IMMEDIATE: take the write lock at BEGIN, so another connection (the background worker, the
    // command line) cannot make this transaction fail half-way when it first writes.
    client.exec(depth === 0 ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`);
    try {
      const result = await scopes.within({ depth, handle: null, open: true, children: new FifoMutex() }, work);
      client.exec(depth === 0 ? 'COMMIT' : `RELEASE ${savepoint}`);
      return result;
    } catch (error) {
      // SQLite may have rolled back already (a failed COMMIT, a full disk).
      if (client.inTransaction) client.exec(depth === 0 ? 'ROLLBACK' : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
      throw error;
    }
  }

  /** synchronous=FULL for one commit (WAL with NORMAL may lose the last commits at a power loss). */
  async function durably<T>(commit: () => Promise<T>): Promise<T> {
    const before = client.pragma('synchronous', { simple: true }) as number;
    client.pragma('synchronous = FULL');
    try {
      return await commit();
    } finally {
      client.pragma(`synchronous = ${before}`);
    }
  }

  return {
    kind: 'sqlite',
    // The SQLite builders at run time, PostgreSQL's types at compile time (see types.ts).
    db: db as unknown as EngineDb,
    t: sqliteSchema as unknown as Tables,
    dsql: sqliteDialect,
    transaction<T>(work: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
      const scope = scopes.current();
      if (!scope) return connection.run(() => (options.durable ? durably(() => inTransaction(0, work)) : inTransaction(0, work)));
      return scope.children.run(() => inTransaction(scope.depth + 1, work));
    },
    schemaVersion: () => statement(() => appliedSchemaVersion(client)),
    emptyLog: () => {
      // Inside a transaction it would wait for that transaction's own lock.
      if (scopes.current()) return Promise.reject(new Error('emptyLog: only outside a transaction'));
      return connection.run(() => {
        const [result] = client.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
        return result!.busy === 0;
      });
    },
    close: () =>
      connection.run(() => {
        client.close();
      }),
  };
}

/** Prepared statements by SQL text (most repositories send the same few over and over). */
class StatementCache {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly client: Database.Database) {}

  private prepare(text: string): Database.Statement {
    let prepared = this.cache.get(text);
    if (!prepared) {
      prepared = this.client.prepare(text);
      if (this.cache.size >= 500) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(text, prepared);
    }
    return prepared;
  }

  /** What drizzle's proxy driver expects: rows as arrays of values in select order. */
  execute(text: string, params: unknown[], method: Method): { rows: unknown[] } {
    const prepared = this.prepare(text);
    const values = bindable(params);
    if (method === 'run' || !prepared.reader) {
      prepared.run(values);
      return { rows: [] };
    }
    prepared.raw(true);
    // 'get': the one row's values (undefined when there is none), as the proxy driver expects.
    return { rows: method === 'get' ? (prepared.get(values) as unknown[]) : prepared.all(values) };
  }

  /** Raw SQL for `db.execute`: rows as objects. */
  objects(text: string, params: unknown[]): Array<Record<string, unknown>> {
    const prepared = this.prepare(text);
    const values = bindable(params);
    if (!prepared.reader) {
      prepared.run(values);
      return [];
    }
    prepared.raw(false);
    return prepared.all(values) as Array<Record<string, unknown>>;
  }
}

/** better-sqlite3 binds no booleans; PostgreSQL needs them (a boolean column never equals 1). */
function bindable(params: unknown[]): unknown[] {
  return params.map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value));
}

export interface SqliteEngine extends OpenEngine {
  kind: 'sqlite';
  /**
   * The synchronous drizzle database on the same connection: backups, and code not yet moved to
   * the engine. It bypasses the mutex: a call on it while an engine transaction is open (between
   * its awaits) runs inside that transaction. Move a service to the engine as a whole.
   */
  sync: Db;
}

/**
 * Opens the SQLite file exactly as `openDatabase` does (pragmas, the `fold` function, refusing a
 * newer database, migrating at start) and puts the engine on its connection.
 */
export function openSqliteEngine(file: string, options: OpenDatabaseOptions): SqliteEngine {
  const sync = openDatabase(file, options);
  return { ...createSqliteEngine(sync.$client), kind: 'sqlite', sync };
}
