/**
 * Datensicherung from the settings, as a user starts it in browser mode: on a single PC a copy of
 * the SQLite file in the data folder's „Sicherungen“; in office mode a snapshot of the office
 * database as a new data folder there (the page never names the target).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, useBrowserSession } from './browser-mode';
import { rathausbuero, useOfficeSession } from './office-session';

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
  const office = useOfficeSession('backup-office', ['--demo']);

  it('writes the office database as a new data folder beside this PC’s files, which opens as a read-only copy', async () => {
    const file = await backUp(office.page);
    expect(path.relative(office.folder, file)).toMatch(/^Sicherungen[\\/]rathausbuero-[\d-]+[\\/]rathausbuero\.sqlite$/);
    const info = JSON.parse(rathausbuero('call', 'app.info', '{}', '--data-dir', path.dirname(file))) as {
      contactCount: number;
      database: { readOnlyCopy?: { of: string } };
    };
    expect(info.contactCount).toBeGreaterThan(10);
    expect(info.database.readOnlyCopy?.of).toContain('PostgreSQL-Datenbank');
    await office.page.screenshot({ path: path.join(ARTIFACTS, 'einstellungen-datensicherung-buero.png') });
  });
});
