import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migratePostgres, openPostgresEngine, openSqliteEngine, type OpenEngine } from '../../db/engine';
import { createTestDatabase, type TestDatabase } from './pg-cluster';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SQLITE_MIGRATIONS = path.join(ROOT, 'db', 'migrations');
export const PG_MIGRATIONS_FOLDER = path.join(ROOT, 'db', 'migrations-pg');

/** Both engines, for `describe.each(ENGINES)`: every service and contract test runs on each. */
export const ENGINES = ['sqlite', 'postgres'] as const;
export type EngineKind = (typeof ENGINES)[number];

export interface TestEngine {
  engine: OpenEngine;
  /** PostgreSQL: the database's URL; SQLite: the file. */
  location: string;
  cleanup(): Promise<void>;
}

/** A migrated, empty database on `kind`: a SQLite file in a temp folder, or a fresh PostgreSQL database. */
export async function openTestEngine(kind: EngineKind, label = 'test'): Promise<TestEngine> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-engine-'));
    const file = path.join(dir, 'rathausbuero.sqlite');
    const engine = openSqliteEngine(file, { migrationsFolder: SQLITE_MIGRATIONS });
    return {
      engine,
      location: file,
      async cleanup() {
        await engine.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const database: TestDatabase = await createTestDatabase(label);
  await migratePostgres(database.url, { migrationsFolder: PG_MIGRATIONS_FOLDER });
  const engine = await openPostgresEngine(database.url, { migrationsFolder: PG_MIGRATIONS_FOLDER });
  return {
    engine,
    location: database.url,
    async cleanup() {
      await engine.close();
      await database.drop();
    },
  };
}
