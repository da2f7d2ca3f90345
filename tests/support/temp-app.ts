import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, openOfficeApp, type App, type OpenedApp } from '../../core/app/open-app';
import { createTestDatabase } from './pg-cluster';
import { migratePostgres } from '../../db/engine';
import type { EngineKind } from './test-engine';

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations');
export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');
export const PG_MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations-pg');

/** A fresh app on a real SQLite file in a temp folder; `cleanup` closes and removes it. */
export function createTempApp(
  options: { now?: () => Date; dataDir?: string; chooseBackupFile?: (suggested: string) => Promise<string | null>; workstation?: string } = {},
): App & { dataDir: string; cleanup(): void } {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-test-'));
  const app = openApp({
    dataDir,
    migrationsFolder: MIGRATIONS_FOLDER,
    templatesDir: TEMPLATES_DIR,
    appVersion: '0.0.0-test',
    user: 'test',
    now: options.now ?? (() => new Date('2026-11-27T09:00:00Z')),
    chooseBackupFile: options.chooseBackupFile,
    workstation: options.workstation,
  });
  return {
    ...app,
    dataDir,
    cleanup: () => {
      app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function tempDir(prefix = 'rathausbuero-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A fresh app on `kind`: a SQLite file in a temp folder (as `createTempApp`), or office mode on a
 * fresh, migrated PostgreSQL database of the test run (its own files in a temp folder). For
 * running a service suite on both engines: `describe.each(ENGINES)` and `await openTempApp(kind)`.
 */
export async function openTempApp(
  kind: EngineKind,
  options: { now?: () => Date; label?: string; /** The PC's name (default: this machine's). */ workstation?: string } = {},
): Promise<OpenedApp & { dataDir: string; /** The office database's URL (PostgreSQL only). */ url?: string; cleanup(): Promise<void> }> {
  if (kind === 'sqlite') {
    const app = createTempApp({ now: options.now, workstation: options.workstation });
    return { ...app, cleanup: async () => app.cleanup() };
  }
  const database = await createTestDatabase(options.label ?? 'app');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-office-test-'));
  try {
    await migratePostgres(database.url, { migrationsFolder: PG_MIGRATIONS_FOLDER });
    const app = await openOfficeApp({
      url: database.url,
      localDir: dataDir,
      migrationsFolder: MIGRATIONS_FOLDER,
    pgMigrationsFolder: PG_MIGRATIONS_FOLDER,
      templatesDir: TEMPLATES_DIR,
      appVersion: '0.0.0-test',
      user: 'test',
      workstation: options.workstation,
      now: options.now ?? (() => new Date('2026-11-27T09:00:00Z')),
    });
    return {
      ...app,
      dataDir,
      url: database.url,
      cleanup: async () => {
        await app.close();
        await database.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Another PC of the office: an app on the same office database (the `url` of `openTempApp`), with
 * its own local folder. `close` closes it and removes its folder (the database stays).
 */
export async function openOtherOfficePc(url: string, options: { now?: () => Date; user?: string; workstation?: string } = {}): Promise<OpenedApp & { dataDir: string; close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-office-pc-'));
  const app = await openOfficeApp({
    url,
    localDir: dataDir,
    migrationsFolder: MIGRATIONS_FOLDER,
    pgMigrationsFolder: PG_MIGRATIONS_FOLDER,
    templatesDir: TEMPLATES_DIR,
    appVersion: '0.0.0-test',
    user: options.user ?? 'zweiter-pc',
    workstation: options.workstation,
    now: options.now ?? (() => new Date('2026-11-27T09:00:00Z')),
  });
  return {
    ...app,
    dataDir,
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
