export { copyPostgresToSqlite, copySqliteToPostgres, copyTables, DatabaseCopyError, type CopyProgress, type CopyReport, type TableCount } from './copy';
export { copyPlan, SEEDED_TABLES, type CopyTable } from './plan';
export { parseSnapshotMark, SNAPSHOT_SETTING, type SnapshotMark } from './snapshot';
