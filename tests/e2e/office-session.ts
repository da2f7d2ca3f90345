import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/pg-cluster';
import { tempDir } from '../support/temp-app';
import { launchBrowser, startServer, type RunningServer } from './browser-mode';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The command line as IT and people run it (`node cli/bin.mjs …`); its standard output. */
export const rathausbuero = (...args: string[]): string => execFileSync(process.execPath, [path.join(ROOT, 'cli/bin.mjs'), ...args], { encoding: 'utf8', stdio: 'pipe' });

export interface OfficeSession {
  /** This PC's own folder (no data lives there in office mode; backups and working copies do). */
  folder: string;
  page: Page;
  server: RunningServer;
  database: TestDatabase;
}

/**
 * One PC in office mode for a describe block: a fresh PostgreSQL database brought to this version
 * by IT's `db migrate`, a browser-mode server on it (`serverArgs`, e.g. `--demo`) and a page open on it.
 */
export function useOfficeSession(label: string, serverArgs: string[] = []): OfficeSession {
  const session = { folder: tempDir(`rathausbuero-e2e-${label}-`) } as OfficeSession;
  let browser: Browser | undefined;
  beforeAll(async () => {
    session.database = await createTestDatabase(`e2e_${label.replace(/\W/g, '_')}`);
    rathausbuero('db', 'migrate', '--database', session.database.url);
    browser = await launchBrowser();
    session.server = await startServer(session.folder, ['--database', session.database.url, ...serverArgs]);
    session.page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'de-DE' });
    await session.page.goto(session.server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await session.server?.stop();
    await session.database?.drop();
    fs.rmSync(session.folder, { recursive: true, force: true });
  });
  return session;
}
