import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as schema from './schema';
import { foldGerman } from '../core/domain/text/fold';
import { DatabaseOpenError } from './open-error';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenDatabaseOptions {
  /** Folder with drizzle-kit's migrations (`db/migrations`). */
  migrationsFolder: string;
  /** Path of a better-sqlite3 native addon built for another runtime (Electron). */
  nativeBinding?: string;
}

export { DatabaseOpenError, type OfficeDatabaseErrorCode } from './open-error';

const MIGRATIONS_TABLE = '__drizzle_migrations';

/**
 * Opens (and creates) the SQLite file, refuses a file that is no database of this app or was
 * written by a newer version, then sets the pragmas and applies pending migrations in one
 * transaction. The checks come first and only read: a refused file stays byte for byte as it was
 * (`journal_mode = WAL` writes the file header, so it must not run before them).
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    try {
      refuseNewerDatabase(sqlite, file, options.migrationsFolder);
    } catch (error) {
      throw error instanceof DatabaseOpenError ? error : unreadable(file, error);
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // Deleted and overwritten content is zeroed, not left in freed pages (erasure under DSGVO).
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // 64 MB page cache: lists over half a million residents stay fast.
    sqlite.pragma('cache_size = -65536');
    sqlite.function('fold', { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? foldGerman(value) : value,
    );
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: options.migrationsFolder, migrationsTable: MIGRATIONS_TABLE });
    return db as Db;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** The German message for a file SQLite cannot read; SQLite's own words go into `details.cause`. */
function unreadable(file: string, error: unknown): DatabaseOpenError {
  const code = (error as { code?: string }).code ?? '';
  const cause = (error as Error).message ?? String(error);
  const notADatabase = code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
  return new DatabaseOpenError(
    'DB_UNREADABLE',
    notADatabase
      ? `Die Datei „${file}“ ist keine Rathausbüro-Datenbank oder sie ist beschädigt. ` +
          'Bitte stellen Sie eine Sicherung wieder her; die Datei bleibt unverändert.'
      : `Die Datenbank „${file}“ kann nicht geöffnet werden. ` +
          'Bitte prüfen Sie, ob der Ordner erreichbar ist und Sie die Datei lesen und schreiben dürfen.',
    { file, cause },
  );
}

/** The newest migration this build knows, and how many there are. */
export function knownSchemaVersion(migrationsFolder: string): { count: number; newest: number } {
  const migrations = readMigrationFiles({ migrationsFolder });
  return {
    count: migrations.length,
    newest: Math.max(0, ...migrations.map((m) => m.folderMillis)),
  };
}

/** Number of migrations applied to an open database. */
export function appliedSchemaVersion(sqlite: Database.Database): number {
  const exists = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(MIGRATIONS_TABLE);
  if (!exists) return 0;
  return (sqlite.prepare(`SELECT count(*) AS n FROM "${MIGRATIONS_TABLE}"`).get() as { n: number }).n;
}

function refuseNewerDatabase(sqlite: Database.Database, file: string, migrationsFolder: string): void {
  const exists = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(MIGRATIONS_TABLE);
  if (!exists) return;
  const known = knownSchemaVersion(migrationsFolder);
  const row = sqlite
    .prepare(`SELECT count(*) AS n, max(created_at) AS newest FROM "${MIGRATIONS_TABLE}"`)
    .get() as { n: number; newest: number | null };
  if (row.n > known.count || Number(row.newest ?? 0) > known.newest) {
    throw new DatabaseOpenError(
      'DB_TOO_NEW',
      `Die Datenbank „${file}“ wurde mit einer neueren Version von Rathausbüro angelegt ` +
        `(Schemastand ${row.n}, diese Version kennt ${known.count}). ` +
        'Bitte installieren Sie die aktuelle Version von Rathausbüro; die Datenbank bleibt unverändert.',
      { file, databaseVersion: row.n, appVersion: known.count },
    );
  }
}

/** Online backup to a new file (consistent even while the app writes). */
export async function backupDatabase(db: Db, target: string): Promise<void> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.part`;
  await db.$client.backup(temp);
  fs.renameSync(temp, target);
}
