/**
 * Datensicherung from the settings, as a user starts it in browser mode: on a single PC a copy of
 * the SQLite file in the data folder's „Sicherungen“; in office mode a snapshot of the office
 * database as a new data folder there (the page never names the target).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/pg-cluster';
import { tempDir } from '../support/temp-app';
import { ARTIFACTS, launchBrowser, startServer, useBrowserSession, type RunningServer } from './browser-mode';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Settings › Datensicherung › „Jetzt sichern“; returns the file the success message names. */
async function backUp(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Einstellungen' }).click();
  await page.getByRole('navigation', { name: 'Bereiche der Einstellungen' }).getByRole('link', { name: 'Datensicherung' }).click();
  await page.getByRole('button', { name: 'Jetzt sichern' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Sicherung geschrieben' });
  await status.waitFor();
  const text = (await status.textContent()) ?? '';
  return /„(.+)“/.exec(text)![1]!;
}

describe('Datensicherung on a single PC (browser mode, Chromium)', () => {
  const session = useBrowserSession('backup', { serverArgs: ['--demo'], open: true });

  it('writes a copy of the database into the data folder’s „Sicherungen“ and says where', async () => {
    const file = await backUp(session.page);
    expect(path.relative(session.dataDir, file)).toMatch(/^Sicherungen[\\/]rathausbuero-[\d-]+\.sqlite$/);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'einstellungen-datensicherung.png') });
  });
});

describe('Datensicherung in office mode (browser mode on PostgreSQL, Chromium)', () => {
  let database: TestDatabase;
  let browser: Browser;
  let server: RunningServer;
  let page: Page;
  const folder = tempDir('rathausbuero-e2e-backup-office-');

  beforeAll(async () => {
    database = await createTestDatabase('e2e_backup');
    execFileSync(process.execPath, [path.join(ROOT, 'cli/bin.mjs'), 'db', 'migrate', '--database', database.url], { stdio: 'pipe' });
    browser = await launchBrowser();
    server = await startServer(folder, ['--database', database.url, '--demo']);
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'de-DE' });
    await page.goto(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('writes the office database as a new data folder beside this PC’s files, which opens as a read-only copy', async () => {
    const file = await backUp(page);
    expect(path.relative(folder, file)).toMatch(/^Sicherungen[\\/]rathausbuero-[\d-]+[\\/]rathausbuero\.sqlite$/);
    const info = JSON.parse(
      execFileSync(process.execPath, [path.join(ROOT, 'cli/bin.mjs'), 'call', 'app.info', '--data-dir', path.dirname(file)], { encoding: 'utf8' }),
    ) as { contactCount: number; database: { readOnlyCopy?: { of: string } } };
    expect(info.contactCount).toBeGreaterThan(10);
    expect(info.database.readOnlyCopy?.of).toContain('PostgreSQL-Datenbank');
    await page.screenshot({ path: path.join(ARTIFACTS, 'einstellungen-datensicherung-buero.png') });
  });
});
