import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../db/open';
import { MIGRATIONS_FOLDER } from './temp-app';

/**
 * A data file of this app as a newer version leaves it: one migration more than this build
 * knows, in rollback-journal mode (so opening it in WAL mode would change its header).
 */
export function writeNewerDatabase(file: string): string {
  openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER }).$client.close();
  const raw = new Database(file);
  raw.pragma('journal_mode = DELETE');
  raw.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('future', 99_999_999_999_999);
  raw.close();
  return path.resolve(file);
}
