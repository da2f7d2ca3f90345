import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';
import { SNAPSHOT_SETTING } from '../../db/copy/snapshot';

describe('the start page (Chromium)', () => {
  const session = useBrowserSession('start-page', { open: true });

  it('says which database the app works on and what chose it', async () => {
    const page = session.page;
    await page.getByRole('heading', { name: 'Willkommen im Rathausbüro' }).waitFor();
    const facts = page.getByRole('main');
    const file = path.join(session.dataDir, 'rathausbuero.sqlite');
    await expect.poll(() => facts.getByText(`SQLite-Datei „${file}“`, { exact: true }).count()).toBe(1);
    expect(await facts.getByText('Datenbank', { exact: true }).count()).toBe(1);
    expect(await facts.getByText('Gewählt durch', { exact: true }).count()).toBe(1);
    expect(await facts.getByText('Option --data-dir', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'start-page-database.png'), fullPage: true });
  });

  it("asks for the register's status and the jubilee overview together, not one after the other", async () => {
    const page = session.page;
    const calls: string[] = [];
    const method = (url: string) => new URL(url).pathname.replace(/^\/api\//, '');
    page.on('request', (r) => void calls.push(`sent ${method(r.url())}`));
    page.on('requestfinished', (r) => void calls.push(`answered ${method(r.url())}`));
    // Nothing of the page before (or of its reading again after the start-up retention check) still under way.
    await page.waitForLoadState('networkidle');
    calls.length = 0;
    await page.reload();
    await expect.poll(() => calls.includes('answered jubilees.overview') && calls.includes('answered residents.status')).toBe(true);
    expect(calls.indexOf('sent jubilees.overview')).toBeLessThan(calls.indexOf('answered residents.status'));
  });

  it('asks for its dashboard (appointments, jubilees) beside the app facts, not after their answer', async () => {
    const page = session.page;
    const calls: string[] = [];
    const method = (url: string) => new URL(url).pathname.replace(/^\/api\//, '');
    page.on('request', (r) => void calls.push(`sent ${method(r.url())}`));
    page.on('requestfinished', (r) => void calls.push(`answered ${method(r.url())}`));
    // Nothing of the page before (or of its reading again after the start-up retention check) still under way.
    await page.waitForLoadState('networkidle');
    calls.length = 0;
    await page.reload();
    await expect.poll(() => ['app.info', 'calendar.calendars', 'residents.status'].every((m) => calls.includes(`answered ${m}`))).toBe(true);
    expect(calls.indexOf('sent calendar.calendars')).toBeLessThan(calls.indexOf('answered app.info'));
    expect(calls.indexOf('sent residents.status')).toBeLessThan(calls.indexOf('answered app.info'));
  });
});

describe('a read-only copy of the office database on the start page (Chromium)', () => {
  const session = useBrowserSession('start-page-copy', { open: true });

  it('says that the data are a read-only copy, of what and since when', async () => {
    // The server listens before its database is open: the page's first answer says it is.
    await session.page.getByRole('heading', { name: 'Willkommen im Rathausbüro' }).waitFor();
    // Marked as `db copy --to-data-dir` marks it (db/copy/snapshot.ts), then opened again.
    const file = new Database(path.join(session.dataDir, 'rathausbuero.sqlite'));
    const mark = { of: 'PostgreSQL-Datenbank „rathausbuero“ auf „db.stadt-duisburg.de“', copiedAt: '2026-12-04T16:30:00.000Z' };
    file.prepare('insert into settings (key, value, updated_at) values (?, ?, ?)').run(SNAPSHOT_SETTING, JSON.stringify(mark), mark.copiedAt);
    file.close();
    await session.restart();
    const page = session.page;
    await page.goto(session.server.url);
    const banner = page.getByText('Schreibgeschützte Kopie', { exact: true });
    await banner.waitFor();
    const text = await page.locator('.fui-MessageBarBody').innerText();
    expect(text).toContain('Diese Daten sind eine Kopie der PostgreSQL-Datenbank „rathausbuero“ auf „db.stadt-duisburg.de“, Stand 04.12.2026, 17:30 Uhr.');
    expect(text).toContain('nichts geändert werden');
    // Nothing on the page offers a change that would be refused.
    expect(await page.getByRole('button', { name: 'Beispieldaten laden' }).count()).toBe(0);
    expect(await page.getByText('Die Kopie enthält keine Kontakte.').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'start-page-read-only-copy.png'), fullPage: true });
  });
});
