/**
 * Office mode (issue 14): two browser-mode servers — two PCs of the office — on one PostgreSQL
 * database. What one saves, the other shows without a reload (LISTEN/NOTIFY → change stream →
 * query cache); both edit one contact and the second save is refused as STALE.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/pg-cluster';
import { tempDir } from '../support/temp-app';
import { ARTIFACTS, launchBrowser, startServer, type RunningServer } from './browser-mode';
import { openContact } from './contact-form';
import { pageApi } from './page-api';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Today, as the week view finds it (FullCalendar shows the app's local times as UTC). */
const today = new Date().toISOString().slice(0, 10);

describe('two PCs on one office database (two browser-mode servers on PostgreSQL, Chromium)', () => {
  let database: TestDatabase;
  let browser: Browser;
  /** Each server gets a data folder of its own (unused on PostgreSQL: nothing may land there). */
  const folders = [tempDir('rathausbuero-e2e-office-1-'), tempDir('rathausbuero-e2e-office-2-')];
  const servers: RunningServer[] = [];
  const pages: Page[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('e2e_office');
    // IT's step: the office database is brought to this version once, never by a PC at start.
    execFileSync(process.execPath, [path.join(ROOT, 'cli/bin.mjs'), 'db', 'migrate', '--database', database.url], { stdio: 'pipe' });
    browser = await launchBrowser();
    for (const [i, folder] of folders.entries()) {
      servers.push(await startServer(folder, ['--database', database.url, ...(i === 0 ? ['--demo'] : [])]));
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'de-DE' });
      await page.goto(servers[i]!.url);
      pages.push(page);
    }
    // The second PC's page is marked: a reload would lose the mark.
    await pages[1]!.evaluate('window.notReloaded = true');
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.stop();
    await database?.drop();
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('both PCs say they work on the office database', async () => {
    for (const page of pages) {
      const info = await pageApi(page, 'app.info', {});
      expect(info.database.kind).toBe('postgres');
    }
  });

  it('an appointment saved on one PC appears in the other PC’s open week view without a reload', async () => {
    const [first, second] = pages as [Page, Page];
    const title = 'Abstimmung Stadtfest Homberg';
    await second.getByRole('tab', { name: 'Termine', exact: true }).click();
    await expect.poll(() => second.locator('.fc-timegrid').count()).toBeGreaterThan(0);
    const shown = second.locator('.fc-event').filter({ hasText: title });
    expect(await shown.count()).toBe(0);

    const calendars = await pageApi(first, 'calendar.calendars', {});
    expect(calendars.length).toBeGreaterThan(0);
    await pageApi(first, 'calendar.appointments.save', { calendarId: calendars[0]!.id, title, start: `${today}T10:00`, end: `${today}T11:00`, place: 'Rathaus, Raum 100' });

    await expect.poll(() => shown.count()).toBeGreaterThan(0);
    expect(await second.evaluate('window.notReloaded')).toBe(true);
    await second.screenshot({ path: path.join(ARTIFACTS, 'buero-termin-auf-zweitem-pc.png') });
  });

  it('both PCs edit one contact: the second save is refused as STALE and nothing is overwritten', async () => {
    const [firstPage, secondPage] = pages as [Page, Page];
    await pageApi(firstPage, 'contacts.create', { kind: 'person', gender: 'female', givenName: 'Erika', surname: 'Zweiplatz', city: 'Duisburg' });
    const first = await openContact(firstPage, 'Erika Zweiplatz');
    const second = await openContact(secondPage, 'Erika Zweiplatz');

    await second.getByLabel('Ort').fill('Wesel');
    await first.getByLabel('Ort').fill('Moers');
    await first.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => firstPage.getByText('„Erika Zweiplatz“ wurde gespeichert.').isVisible()).toBe(true);

    await second.getByRole('button', { name: 'Speichern' }).click();
    const notice = secondPage.getByRole('alert').filter({ hasText: 'Inzwischen geändert' });
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(/Dieser Kontakt wurde inzwischen von .+ geändert \(\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr\)\./);
    const stored = await pageApi(secondPage, 'contacts.list', { query: 'Erika Zweiplatz' });
    expect(stored.items.map((c) => [c.city, c.revision])).toEqual([['Moers', 2]]);
    expect(await second.getByLabel('Ort').inputValue()).toBe('Wesel');
    await secondPage.screenshot({ path: path.join(ARTIFACTS, 'buero-kontakt-inzwischen-geaendert.png') });

    await notice.getByRole('button', { name: 'Neu laden' }).click();
    await expect.poll(() => second.getByLabel('Ort').inputValue()).toBe('Moers');
  });

  it('a register extract read on one PC (in its background worker, with COPY) is the register of the other PC', async () => {
    const [first, second] = pages as [Page, Page];
    const before = (await pageApi(second, 'residents.status', {})).residents;
    const columns = 'register_id;surname;given_names;degree;gender;birth_date;street;house_number;postcode;city;district;marriage_date;spouse_register_id;death_date;moved_away;objection;information_block;conditional_block';
    const rows = ['B-1;Öztürk;Ayşe;;w;03.12.1936;Königstraße;5;47051;Duisburg;Mitte;;;;;;;', 'B-2;Weiß;Jürgen;;m;05.01.1941;Hofweg;2;47057;Duisburg;Süd;;;;;;;'];
    const upload = await pageApi(first, 'uploads.append', { fileName: 'Auszug.csv', chunkBase64: Buffer.from([columns, ...rows].join('\n')).toString('base64') });
    const job = await pageApi(first, 'residents.import.start', { uploadId: upload.uploadId, commit: true });
    await expect.poll(async () => (await pageApi(first, 'residents.import.status', { jobId: job.jobId })).state).toBe('done');
    expect((await pageApi(second, 'residents.status', {})).residents).toBe(before + 2);
  });

  it('while one PC imports a register extract, the other PC shows who runs it, where and how far, and refuses its own import', async () => {
    const [first, second] = pages as [Page, Page];
    // The strip is in the app's header, over whatever page is open (the contact form left open before is closed: its drawer hides the rest).
    await second.getByRole('form', { name: 'Kontakt bearbeiten' }).getByRole('button', { name: 'Abbrechen' }).click();
    await expect.poll(() => second.getByRole('dialog').count()).toBe(0);
    const strip = second.getByRole('status', { name: 'Laufende Aufträge des Büros' });
    expect(await strip.count()).toBe(0);
    // A session of the office holds the register: the first PC's import waits at its writing, still running.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE residents IN EXCLUSIVE MODE');
      const columns = 'register_id;surname;given_names;degree;gender;birth_date;street;house_number;postcode;city;district;marriage_date;spouse_register_id;death_date;moved_away;objection;information_block;conditional_block';
      const upload = await pageApi(first, 'uploads.append', { fileName: 'Auszug-Dezember.csv', chunkBase64: Buffer.from([columns, 'C-1;Kaya;Elif;;w;07.12.1936;Königstraße;9;47051;Duisburg;Mitte;;;;;;;'].join('\n')).toString('base64') });
      const job = await pageApi(first, 'residents.import.start', { uploadId: upload.uploadId, commit: true });
      // The other PC's open page shows it without a reload, once the import has read the whole file.
      await expect.poll(() => strip.textContent(), { timeout: 15_000 }).toMatch(/^Einwohnerimport läuft \(von .+ an .+, seit \d\d:\d\d Uhr\): 100 %$/);
      expect(await second.evaluate('window.notReloaded')).toBe(true);
      await second.screenshot({ path: path.join(ARTIFACTS, 'buero-import-laeuft-auf-anderem-pc.png') });
      const secondUpload = await pageApi(second, 'uploads.append', { fileName: 'Auszug.csv', chunkBase64: Buffer.from(columns).toString('base64') });
      const refused = await second.evaluate(
        `fetch('/api/residents.import.start', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-rathaus-token': sessionStorage.getItem('rathaus-token') ?? '' },
          body: ${JSON.stringify(JSON.stringify({ uploadId: secondUpload.uploadId, commit: true }))},
        }).then((response) => response.json())`,
      );
      expect(JSON.stringify(refused)).toContain('Ein Einwohnerimport läuft bereits (gestartet von ');
      await blocker.query('COMMIT');
      await expect.poll(async () => (await pageApi(first, 'residents.import.status', { jobId: job.jobId })).state).toBe('done');
      await expect.poll(() => strip.count()).toBe(0);
    } finally {
      await blocker.end();
    }
  });

  it('a letter produced on one PC opens on the other (its file is in the office database)', async () => {
    const [first, second] = pages as [Page, Page];
    const contact = await pageApi(first, 'contacts.create', { kind: 'person', gender: 'male', givenName: 'Hasan', surname: 'Yılmaz', city: 'Duisburg' });
    const signers = await pageApi(first, 'signers.list', {});
    const letter = await pageApi(first, 'letters.create', {
      templateId: 'geburtstag',
      recipient: { type: 'contact', contactId: contact.id, includePartner: false },
      signerId: signers[0]!.id,
      date: today,
      fields: { alter: 90, anlassDatum: today },
    });
    const file = await pageApi(second, 'letters.file', { id: letter.id });
    expect(file.fileName).toMatch(/yilmaz/);
    // A Word document (a zip): its bytes arrived whole on the other PC.
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(fs.existsSync(path.join(folders[0]!, 'Briefe'))).toBe(false);
  });

  it('nothing of the office’s data lands in a PC’s data folder', () => {
    for (const folder of folders) expect(fs.readdirSync(folder).filter((name) => /\.(sqlite|db)$/.test(name))).toEqual([]);
  });
});
