import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, type App } from '../../core/app/open-app';

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations');
export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

/** A fresh app on a real SQLite file in a temp folder; `cleanup` closes and removes it. */
export function createTempApp(
  options: { now?: () => Date; dataDir?: string; chooseBackupFile?: (suggested: string) => Promise<string | null> } = {},
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
