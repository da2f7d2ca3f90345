/**
 * Working together (issue 14): two tabs edit the same contact (and the same citizen's request). The second save is refused as
 * STALE with a German notice; the user's input stays until they choose „Neu laden“, which shows
 * the other tab's change.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, useBrowserSession } from './browser-mode';
import { openContact } from './contact-form';
import { pageApi } from './page-api';

describe('two tabs save the same contact (browser mode, Chromium)', () => {
  const session = useBrowserSession('stale-save', { serverArgs: ['--demo'] });
  let other: Page;

  beforeAll(async () => {
    await session.page.goto(session.server.url);
    await pageApi(session.page, 'contacts.create', { kind: 'person', gender: 'female', givenName: 'Erika', surname: 'Zweifenster', city: 'Duisburg' });
    // The second tab: a page of its own on the same served app (the same URL with its token).
    other = await session.page.context().browser()!.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'de-DE' });
    await other.goto(session.server.url);
  });
  afterAll(async () => {
    await other?.context().close();
  });

  it('refuses the second save with „Neu laden“, keeps the input until the user reloads, then shows the other change', async () => {
    const first = await openContact(session.page, 'Erika Zweifenster');
    const second = await openContact(other, 'Erika Zweifenster');

    // The second tab has unsaved input when the first tab saves.
    await second.getByLabel('Ort').fill('Wesel');
    await first.getByLabel('Ort').fill('Moers');
    await first.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => session.page.getByText('„Erika Zweifenster“ wurde gespeichert.').isVisible()).toBe(true);

    await second.getByRole('button', { name: 'Speichern' }).click();
    const notice = other.getByRole('alert').filter({ hasText: 'Inzwischen geändert' });
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(
      /Dieser Kontakt wurde inzwischen von .+ geändert \(\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr\)\. Bitte laden Sie ihn neu; Ihre Änderungen sind nicht gespeichert\./,
    );
    // Nothing overwritten: the stored contact is the first tab's, the second tab still shows its own input.
    const contacts = await pageApi(other, 'contacts.list', { query: 'Erika Zweifenster' });
    expect(contacts.items.map((c) => [c.city, c.revision])).toEqual([['Moers', 2]]);
    expect(await second.getByLabel('Ort').inputValue()).toBe('Wesel');
    await other.screenshot({ path: path.join(ARTIFACTS, 'kontakt-inzwischen-geaendert.png') });

    await notice.getByRole('button', { name: 'Neu laden' }).click();
    await expect.poll(() => second.getByLabel('Ort').inputValue()).toBe('Moers');
    expect(await notice.count()).toBe(0);

    // Saved again on top of the reloaded contact, the second tab's change goes through.
    await second.getByLabel('Ort').fill('Wesel');
    await second.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => other.getByText('„Erika Zweifenster“ wurde gespeichert.').isVisible()).toBe(true);
    expect((await pageApi(other, 'contacts.list', { query: 'Erika Zweifenster' })).items.map((c) => [c.city, c.revision])).toEqual([['Wesel', 3]]);
  });

  it('the appointment form shows the same notice, and „Neu laden“ shows the other tab\'s change', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const title = 'Abstimmung Zweifenster';
    const calendars = await pageApi(session.page, 'calendar.calendars', {});
    await pageApi(session.page, 'calendar.appointments.save', { calendarId: calendars[0]!.id, title, start: `${today}T10:00`, end: `${today}T11:00`, place: 'Rathaus' });
    const open = async (page: Page) => {
      await page.keyboard.press('Escape');
      await page.getByRole('tab', { name: 'Termine' }).click();
      const event = page.locator('.fc-event[data-event-key]').filter({ hasText: title });
      await expect.poll(() => event.count()).toBe(1);
      await event.click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.getByLabel('Titel').inputValue()).toBe(title);
      return dialog;
    };
    const first = await open(session.page);
    const second = await open(other);
    await second.getByLabel('Ort', { exact: true }).fill('Mercatorhalle');
    await first.getByLabel('Ort', { exact: true }).fill('Rathaus, Ratssaal');
    await first.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => session.page.getByRole('dialog').count()).toBe(0);

    await second.getByRole('button', { name: 'Speichern' }).click();
    const notice = second.getByRole('alert').filter({ hasText: 'Inzwischen geändert' });
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('Dieser Termin wurde inzwischen von');
    expect(await second.getByLabel('Ort', { exact: true }).inputValue()).toBe('Mercatorhalle');
    await other.screenshot({ path: path.join(ARTIFACTS, 'termin-inzwischen-geaendert.png') });
    await notice.getByRole('button', { name: 'Neu laden' }).click();
    await expect.poll(() => second.getByLabel('Ort', { exact: true }).inputValue()).toBe('Rathaus, Ratssaal');
    expect(await notice.count()).toBe(0);
  });
  it('a request: the second save is refused with „Neu laden“, the input stays until the user reloads; then a step goes through', async () => {
    const SUBJECT = 'Wilder Müll am Rheinpark';
    const created = await pageApi(session.page, 'requests.save', {
      kind: 'beschwerde',
      channel: 'telefon',
      citizen: null,
      subject: SUBJECT,
      text: 'Sperrmüll liegt seit Tagen am Eingang.',
      place: 'Rheinpark, Eingang Hochfelder Straße',
      receivedOn: '2026-11-23',
    });
    const openRequest = async (page: Page) => {
      await page.getByRole('tab', { name: 'Bürgeranliegen' }).click();
      const row = page.getByRole('table', { name: 'Anliegen' }).getByRole('row').filter({ hasText: SUBJECT });
      await expect.poll(() => row.count()).toBe(1);
      await row.click();
      const dialog = page.getByRole('dialog');
      const place = dialog.getByRole('textbox', { name: 'Ort, Straße oder Stelle', exact: true });
      await expect.poll(() => place.inputValue()).toBe('Rheinpark, Eingang Hochfelder Straße');
      return { dialog, place };
    };
    // Both tabs start afresh (no dialog of the cases before left open).
    await Promise.all([session.page.goto(session.server.url), other.goto(session.server.url)]);
    const first = await openRequest(session.page);
    const second = await openRequest(other);

    await second.place.fill('Rheinpark, Spielplatz');
    await first.place.fill('Rheinpark, Eingang Wanheimer Straße');
    await first.dialog.getByRole('button', { name: 'Anliegen speichern' }).click();
    await expect.poll(() => first.dialog.getByRole('status').filter({ hasText: 'Anliegen gespeichert.' }).count()).toBe(1);

    await second.dialog.getByRole('button', { name: 'Anliegen speichern' }).click();
    const notice = second.dialog.getByRole('alert').filter({ hasText: 'Inzwischen geändert' });
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(
      /Dieses Anliegen wurde inzwischen von .+ geändert \(\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr\)\. Bitte laden Sie es neu; Ihre Änderungen sind nicht gespeichert\./,
    );
    const stored = await pageApi(other, 'requests.list', { text: 'Müll Rheinpark' });
    expect(stored.items.map((r) => [r.id, r.revision])).toEqual([[created.id, 2]]);
    expect((await pageApi(other, 'requests.get', { id: created.id })).place).toBe('Rheinpark, Eingang Wanheimer Straße');
    expect(await second.place.inputValue()).toBe('Rheinpark, Spielplatz');
    await other.screenshot({ path: path.join(ARTIFACTS, 'anliegen-inzwischen-geaendert.png') });

    await notice.getByRole('button', { name: 'Neu laden' }).click();
    await expect.poll(() => second.place.inputValue()).toBe('Rheinpark, Eingang Wanheimer Straße');
    expect(await notice.count()).toBe(0);

    // On top of the reloaded request, a step goes through.
    await second.dialog.getByRole('group', { name: 'Nächste Schritte' }).getByRole('button', { name: 'In Bearbeitung nehmen', exact: true }).click();
    await expect.poll(async () => (await pageApi(other, 'requests.get', { id: created.id })).status).toBe('in_bearbeitung');
  });
});
