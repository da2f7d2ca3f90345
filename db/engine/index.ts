export type { Dialect, Engine, EngineDb, OpenEngine, Tables, TransactionOptions } from './types';
export { createSqliteEngine, openSqliteEngine, type SqliteEngine } from './sqlite';
export {
  createPostgresEngine,
  describePostgresUrl,
  migratePostgres,
  openPostgresEngine,
  PG_MIGRATIONS,
  type OpenPostgresOptions,
  type PostgresTarget,
} from './postgres';
export { deleteAtRevision, refuseStale, updateAtRevision, type RevisionedRecord, type RevisionedTable, type RevisionTarget } from './revision';
