import { sql, type SQLWrapper } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { DatabaseOpenError, knownSchemaVersion } from '../open';
import * as pgSchema from '../schema-pg';
import { postgresDialect } from './dialect';
import { describePostgresUrl, type PostgresTarget } from './postgres-url';
import { FifoMutex, TransactionScopes } from './scope';
import type { EngineDb, OpenEngine, TransactionOptions } from './types';

/** drizzle's transaction on one client of the pool. */
type Transaction = Parameters<Parameters<NodePgDatabase['transaction']>[0]>[0];
type Runner = NodePgDatabase | Transaction;

/** Where the applied migrations are recorded (drizzle's migrator table, in a schema of its own). */
export const PG_MIGRATIONS = { schema: 'rathausbuero', table: '__drizzle_migrations' } as const;

/** The oldest PostgreSQL office mode supports (DESIGN.md "Two engines"). */
const MINIMUM_SERVER = 150000;

/**
 * PostgreSQL behind the engine: a node-postgres pool, drizzle's own transactions. Inside
 * `transaction(…)` (found through AsyncLocalStorage) `db` runs on the transaction's client.
 * When the connection breaks off (the server stops, the network drops), a statement or
 * transaction fails with DB_UNREACHABLE and a German message (see connectionLost); the
 * transaction is rolled back by the server, the broken connection leaves the pool, and the next
 * call opens a new one.
 */
export function createPostgresEngine(pool: pg.Pool): OpenEngine {
  // Statements outside a transaction go through pool.query (drizzle's own calls included).
  const poolQuery = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  pool.query = ((...args: unknown[]) => poolQuery(...args).catch((error: unknown) => {
    throw connectionLost(error, 'statement') ?? error;
  })) as typeof pool.query;
  const base = drizzle({ client: pool });
  const scopes = new TransactionScopes<Runner>();
  const runner = (): Runner => scopes.current()?.handle ?? base;

  /** A builder entry point that starts on the running code's transaction, or on the pool. */
  const routed =
    <Name extends 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | '$count' | 'with'>(name: Name) =>
    (...args: unknown[]) => {
      const target = runner();
      return (target[name] as (...a: unknown[]) => unknown).apply(target, args);
    };
  const db = {
    select: routed('select'),
    selectDistinct: routed('selectDistinct'),
    insert: routed('insert'),
    update: routed('update'),
    delete: routed('delete'),
    $count: routed('$count'),
    with: routed('with'),
    $with: base.$with,
    execute: (query: SQLWrapper) => runner().execute(query),
  };

  return {
    kind: 'postgres',
    db: db as unknown as EngineDb,
    t: pgSchema,
    dsql: postgresDialect,
    transaction<T>(work: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
      const scope = scopes.current();
      if (!scope) {
        return base
          .transaction(async (tx) => {
            // The server's default, unless it was configured to trade durability for speed.
            if (options.durable) await tx.execute(sql`set local synchronous_commit = on`);
            return scopes.within({ depth: 0, handle: tx, open: true, children: new FifoMutex() }, work);
          })
          .catch((error: unknown) => {
            throw connectionLost(error, 'transaction') ?? error;
          });
      }
      const parent = scope.handle;
      return scope.children.run(() =>
        parent.transaction((tx) => scopes.within({ depth: scope.depth + 1, handle: tx, open: true, children: new FifoMutex() }, work)),
      );
    },
    emptyLog: async () => true,
    async schemaVersion() {
      const { rows } = await runner().execute(sql.raw(`select count(*) as "n" from "${PG_MIGRATIONS.schema}"."${PG_MIGRATIONS.table}"`));
      return Number(rows[0]!.n);
    },
    close: () => pool.end(),
  };
}

/** Driver and server codes of a connection that broke off (SQLSTATE class 08, the server shutting down or starting). */
const LOST_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'EAI_AGAIN', '57P01', '57P02', '57P03']);
/** node-postgres' own messages for a connection that is gone (they carry no code). */
const LOST_MESSAGES = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect/i;

/**
 * The German error for a call whose connection to the office database broke off, or undefined
 * when `error` is something else. Looks through drizzle's wrapper (whose message holds the
 * statement and its values) at the driver's error. Inside a transaction nothing was written: the
 * server rolls back a transaction whose connection is gone.
 */
export function connectionLost(error: unknown, during: 'transaction' | 'statement'): DatabaseOpenError | undefined {
  if ((error as { name?: unknown } | null)?.name === 'DatabaseOpenError') return undefined;
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message, query } = e as { code?: unknown; message?: unknown; query?: unknown };
    const lost =
      (typeof code === 'string' && (LOST_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) ||
      (typeof query !== 'string' && typeof message === 'string' && LOST_MESSAGES.test(message));
    if (lost) {
      return new DatabaseOpenError(
        'DB_UNREACHABLE',
        during === 'transaction'
          ? 'Die Verbindung zur Datenbank des Amts ist unterbrochen. Ihre Eingaben sind nicht gespeichert; bitte versuchen Sie es gleich noch einmal.'
          : 'Die Verbindung zur Datenbank des Amts ist unterbrochen; bitte versuchen Sie es gleich noch einmal.',
        { cause: typeof message === 'string' ? message : String(code) },
      );
    }
  }
  return undefined;
}

export interface OpenPostgresOptions {
  /** The PostgreSQL migrations this build ships (`db/migrations-pg`). */
  migrationsFolder: string;
  /** Connections per PC (default 5: one person's app rarely runs more at once, and the server's slots are shared by the office). */
  poolSize?: number;
}

/**
 * Office mode: connects to the office's PostgreSQL database. Never changes its schema (that is
 * IT's step, `rathausbuero db migrate`): a database older than this build is refused with that
 * hint, one written by a newer build with DB_TOO_NEW.
 */
export async function openPostgresEngine(url: string, options: OpenPostgresOptions): Promise<OpenEngine> {
  const target = describePostgresUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 5,
    connectionTimeoutMillis: 10_000,
    // A connection whose network is gone is noticed by the operating system, not only at the next statement.
    keepAlive: true,
    // PostgreSQL keeps only ASCII here.
    application_name: 'Rathausbuero',
  });
  // An idle connection the server closed (a restart) is dropped; the next query opens a new one.
  pool.on('error', () => {});
  // A connection lost while checked out (inside a transaction) also emits 'error' on its client,
  // where the pool listens only while it is idle: the statement in flight already fails with
  // DB_UNREACHABLE (connectionLost), so the event itself must not end the process.
  pool.on('connect', (client) => client.on('error', () => {}));
  try {
    const client = await pool.connect().catch((error: unknown) => {
      throw connectionError(error, target);
    });
    try {
      await checkServer(client, target);
      const state = await schemaState(client, options.migrationsFolder);
      if (state.tooNew) throw tooNew(target, state);
      if (state.applied < state.known) {
        throw new DatabaseOpenError(
          'DB_NEEDS_MIGRATION',
          state.applied === 0
            ? `Die Datenbank „${target.database}“ auf „${target.host}“ ist noch nicht für Rathausbüro eingerichtet. ` +
                'Bitte lassen Sie die IT einmal `rathausbuero db migrate` ausführen.'
            : `Die Datenbank „${target.database}“ auf „${target.host}“ hat einen älteren Stand (Schemastand ${state.applied}, ` +
                `diese Version braucht ${state.known}). Bitte lassen Sie die IT \`rathausbuero db migrate\` ausführen; ` +
                'danach startet Rathausbüro wieder.',
          { ...target, databaseVersion: state.applied, appVersion: state.known },
        );
      }
    } finally {
      client.release();
    }
    return createPostgresEngine(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
}

/**
 * `rathausbuero db migrate` (IT's step): applies this build's pending migrations in one
 * transaction, one migration run at a time for the whole office (an advisory lock), and refuses
 * a database written by a newer build. Returns the schema state before and after.
 */
export async function migratePostgres(url: string, options: { migrationsFolder: string }): Promise<{ before: number; after: number; known: number }> {
  const target = describePostgresUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: 'Rathausbuero db migrate' });
  await client.connect().catch((error: unknown) => {
    throw connectionError(error, target);
  });
  try {
    await checkServer(client, target);
    // The migrations create their tables unqualified and refer to them as "public"."…". PostgreSQL's
    // default search_path starts with "$user": for a role named like the schema of the migration
    // state (`rathausbuero`) the tables would land in that schema and the references fail.
    await client.query('set search_path to public');
    await client.query(`select pg_advisory_lock(hashtext('rathausbuero db migrate'))`);
    const before = await schemaState(client, options.migrationsFolder);
    if (before.tooNew) throw tooNew(target, before);
    await migrate(drizzle({ client }), {
      migrationsFolder: options.migrationsFolder,
      migrationsSchema: PG_MIGRATIONS.schema,
      migrationsTable: PG_MIGRATIONS.table,
    });
    const after = await schemaState(client, options.migrationsFolder);
    return { before: before.applied, after: after.applied, known: after.known };
  } finally {
    await client.end().catch(() => {});
  }
}

export { describePostgresUrl, type PostgresTarget } from './postgres-url';

/** The German message for a failed connection, by what went wrong. */
function connectionError(error: unknown, target: PostgresTarget): DatabaseOpenError {
  const code = (error as { code?: unknown }).code;
  const message = (error as Error).message ?? String(error);
  const details = { ...target, cause: message };
  if (code === '28P01' || code === '28000' || /password|SASL|SCRAM/i.test(message)) {
    return new DatabaseOpenError(
      'DB_LOGIN_FAILED',
      `Die Anmeldung an der Datenbank „${target.database}“ als „${target.user}“ ist fehlgeschlagen: ` +
        'Benutzername oder Passwort stimmen nicht, oder diese Anmeldung ist dort nicht erlaubt. Bitte wenden Sie sich an die IT.',
      details,
    );
  }
  if (code === '3D000') {
    return new DatabaseOpenError(
      'DB_MISSING',
      `Die Datenbank „${target.database}“ gibt es auf dem Server „${target.host}“ nicht. Bitte prüfen Sie den Namen oder lassen Sie sie von der IT anlegen.`,
      details,
    );
  }
  return new DatabaseOpenError(
    'DB_UNREACHABLE',
    `Der Datenbankserver „${target.host}“ ist nicht erreichbar. Bitte prüfen Sie die Netzwerkverbindung und die Adresse; ` +
      'besteht das Problem weiter, wenden Sie sich an die IT.',
    details,
  );
}

async function checkServer(client: pg.ClientBase, target: PostgresTarget): Promise<void> {
  const { rows } = await client.query<{ version: string; encoding: string }>(
    `select current_setting('server_version_num') as version, pg_encoding_to_char(encoding) as encoding
       from pg_database where datname = current_database()`,
  );
  const { version, encoding } = rows[0]!;
  if (Number(version) < MINIMUM_SERVER || encoding !== 'UTF8') {
    throw new DatabaseOpenError(
      'DB_UNSUPPORTED',
      `Die Datenbank „${target.database}“ auf „${target.host}“ passt nicht: Rathausbüro braucht PostgreSQL 15 oder neuer ` +
        `und die Kodierung UTF8 (vorhanden: Version ${Math.floor(Number(version) / 10000)}, Kodierung ${encoding}). Bitte wenden Sie sich an die IT.`,
      { ...target, serverVersion: Number(version), encoding },
    );
  }
}

interface SchemaState {
  applied: number;
  known: number;
  tooNew: boolean;
}

/** Applied migrations against the ones this build ships (as for SQLite: count and newest). */
async function schemaState(client: pg.ClientBase, migrationsFolder: string): Promise<SchemaState> {
  const { count: known, newest: newestKnown } = knownSchemaVersion(migrationsFolder);
  const table = `"${PG_MIGRATIONS.schema}"."${PG_MIGRATIONS.table}"`;
  const { rows: exists } = await client.query<{ found: string | null }>(`select to_regclass($1) as found`, [table]);
  if (!exists[0]?.found) return { applied: 0, known, tooNew: false };
  const { rows } = await client.query<{ n: string; newest: string | null }>(`select count(*) as n, max(created_at) as newest from ${table}`);
  const applied = Number(rows[0]!.n);
  return { applied, known, tooNew: applied > known || Number(rows[0]!.newest ?? 0) > newestKnown };
}

function tooNew(target: PostgresTarget, state: SchemaState): DatabaseOpenError {
  return new DatabaseOpenError(
    'DB_TOO_NEW',
    `Die Datenbank „${target.database}“ auf „${target.host}“ wurde von einer neueren Version von Rathausbüro eingerichtet ` +
      `(Schemastand ${state.applied}, diese Version kennt ${state.known}). ` +
      'Bitte installieren Sie die aktuelle Version von Rathausbüro; die Datenbank bleibt unverändert.',
    { ...target, databaseVersion: state.applied, appVersion: state.known },
  );
}
