import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { ARTIFACTS, useBrowserSession } from './browser-mode';
import { call } from '../../core/api';
import { openApp } from '../../core/app/open-app';
import { MIGRATIONS_FOLDER, TEMPLATES_DIR } from '../support/temp-app';

const EVENT = 'Adventsfeier des Heimatvereins Walsum';

/** "#c239b3" → "rgb(194, 57, 179)", as getComputedStyle reports colours. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('invitations and appointments in browser mode (Chromium)', () => {
  const session = useBrowserSession('calendar', { serverArgs: ['--demo'], open: true });
  const dialog = () => session.page.getByRole('dialog');
  // Page code that names DOM globals is given as text: this project's Node code has no DOM types.
  const style = (locator: Locator, property: 'backgroundColor' | 'borderTopColor') =>
    locator.evaluate((el, p) => el.ownerDocument.defaultView!.getComputedStyle(el)[p], property);
  // An appointment's full description (its name is what it shows: time, title, place).
  const focusedDescription = async () => String(await session.page.evaluate("document.activeElement?.getAttribute('title') ?? ''"));

  it('shows the coming appointments and the open invitations on the start page', async () => {
    const card = session.page.getByRole('group', { name: 'Termine der nächsten sieben Tage' }).or(session.page.getByLabel('Termine der nächsten sieben Tage'));
    await expect.poll(() => card.first().textContent()).toContain('2 Einladungen warten auf eine Entscheidung');
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'start-termine.png') });
  });

  it('lists the demo invitations, overdue open ones first and marked', async () => {
    await session.page.getByRole('tab', { name: 'Einladungen' }).click();
    const table = session.page.getByRole('table', { name: 'Einladungen' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    const first = table.getByRole('row').nth(1);
    expect(await first.textContent()).toContain('Neujahrsempfang des Freundeskreises Duisburg–Portsmouth');
    // Reply by 25.11.2026: overdue from the 26th on.
    if (new Date().toISOString().slice(0, 10) > '2026-11-25') expect(await first.textContent()).toContain('überfällig');
    expect(await table.textContent()).toContain('Bürgerverein Ruhrort e. V.');
  });

  it('records an invitation, delegates it to Volker Sandmann and creates the reply letter', async () => {
    const page = session.page;
    await page.getByRole('button', { name: 'Einladung erfassen …' }).click();
    await page.getByRole('combobox', { name: 'Einladende/r (Kontakt)' }).pressSequentially('Heimatverein Walsum');
    await page.getByRole('option', { name: /Heimatverein Walsum 1921/ }).click();
    await dialog().getByLabel('Veranstaltung').fill(EVENT);
    const firstDate = dialog().getByRole('group', { name: '1. Termin' });
    await firstDate.getByRole('textbox', { name: 'Beginn', exact: true }).fill('10.12.2026');
    await firstDate.getByRole('textbox', { name: 'Beginn Uhrzeit' }).fill('18:00');
    // The end is proposed an hour later, on the same day.
    await firstDate.getByRole('textbox', { name: 'Ende Uhrzeit' }).fill('20:00');
    await dialog().getByRole('button', { name: 'Weiteren Termin vorschlagen' }).click();
    // The second date proposes the next day; it is a whole day this time ("bis einschließlich").
    const secondDate = dialog().getByRole('group', { name: '2. Termin' });
    expect(await secondDate.getByRole('textbox', { name: 'Beginn', exact: true }).inputValue()).toBe('11.12.2026');
    expect(await secondDate.getByRole('textbox', { name: 'Beginn Uhrzeit' }).inputValue()).toBe('18:00');
    await secondDate.getByLabel('ganztägig').check();
    expect(await secondDate.getByLabel('bis einschließlich').inputValue()).toBe('11.12.2026');
    await dialog().getByLabel('Ort', { exact: true }).fill('Heimatmuseum Walsum');
    await dialog().getByLabel('Antwort erbeten bis').fill('4.12.26');
    await dialog().getByRole('checkbox', { name: 'Grußwort', exact: true }).check();
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'einladung-erfassen.png') });
    await dialog().getByRole('button', { name: 'Einladung speichern' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'gespeichert' }).count()).toBe(1);

    // Files: the scanned invitation stays, a wrong file is removed again.
    const files = dialog().getByRole('list', { name: 'Anhänge' });
    await dialog().getByLabel('Datei anhängen …').setInputFiles({ name: 'einladung-heimatverein.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(3000, 1) });
    await expect.poll(async () => ((await files.count()) ? files.textContent() : '')).toContain('einladung-heimatverein.pdf(3 KB)');
    await dialog().getByLabel('Datei anhängen …').setInputFiles({ name: 'falsch.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await expect.poll(() => files.getByRole('listitem').count()).toBe(2);
    await files.getByRole('button', { name: 'falsch.txt entfernen' }).click();
    await expect.poll(() => files.getByRole('listitem').count()).toBe(1);

    // Decided later, in the same dialog; the reply letter is made by its button this time.
    await dialog().getByRole('radio', { name: 'In Vertretung: Volker Sandmann, Bürgermeister' }).check();
    await dialog().getByLabel('Welcher Termin?').selectOption({ index: 0 });
    await dialog().getByRole('checkbox', { name: /Antwortschreiben gleich erstellen/ }).uncheck();
    await dialog().getByRole('button', { name: 'Speichern und entscheiden' }).click();
    const decided = dialog().getByRole('status').filter({ hasText: 'Entschieden' });
    await expect.poll(() => decided.textContent()).toContain('Entschieden: in Vertretung');
    expect(await decided.textContent()).toContain(
      'Termin im Kalender von Volker Sandmann, Bürgermeister: Donnerstag, 10. Dezember 2026, 18:00–20:00 Uhr.',
    );

    await dialog().getByRole('button', { name: 'Antwortschreiben erstellen' }).click();
    const letter = dialog().getByRole('status').filter({ hasText: 'Antwortschreiben Nr.' });
    await expect.poll(() => letter.textContent()).toContain('Status: Entwurf');
    expect(await letter.textContent()).toContain('Volker Sandmann');
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'einladung-entschieden.png') });
    const download = page.waitForEvent('download');
    await letter.getByRole('button', { name: 'Herunterladen' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);

    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    await expect.poll(() => dialog().count()).toBe(0);
    const row = page.getByRole('table', { name: 'Einladungen' }).getByRole('row').filter({ hasText: EVENT });
    await expect.poll(() => row.textContent()).toContain('in Vertretung');
    await page.screenshot({ path: path.join(ARTIFACTS, 'einladungen.png') });
  });

  it('explains that a reply letter needs the inviter as a contact', async () => {
    const page = session.page;
    await page.getByRole('table', { name: 'Einladungen' }).getByRole('row').filter({ hasText: 'Sommerfest am Hafen' }).click();
    await dialog().getByRole('radio', { name: 'Absagen' }).check();
    await dialog().getByRole('button', { name: 'Speichern und entscheiden' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'Entschieden' }).textContent()).toContain('Entschieden: abgesagt');
    expect(await dialog().textContent()).toContain('Dafür muss die einladende Stelle als Kontakt erfasst sein');
    expect(await dialog().getByRole('button', { name: 'Antwortschreiben erstellen' }).count()).toBe(0);

    // With the inviter picked from the contacts, saving decides again and prepares the reply.
    await dialog().getByRole('radio', { name: 'aus den Kontakten' }).check();
    await dialog().getByRole('combobox', { name: 'Einladende/r (Kontakt)' }).pressSequentially('Heimatverein Walsum');
    await page.getByRole('option', { name: /Heimatverein Walsum 1921/ }).click();
    await dialog().getByRole('button', { name: 'Speichern und entscheiden' }).click();
    await expect.poll(() => dialog().getByRole('button', { name: 'Antwortschreiben erstellen' }).count()).toBe(1);
    expect(await dialog().getByRole('status').filter({ hasText: 'Entschieden' }).textContent()).toContain('Entschieden: abgesagt');
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    await expect.poll(() => dialog().count()).toBe(0);
  });

  it('shows the appointment in his colour in the week, the conflicts marked, and assigns a driver', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Termine' }).click();
    await page.getByLabel('Gehe zu Datum').fill('10.12.2026');
    const event = page.locator('.fc-event[data-event-key]').filter({ hasText: EVENT });
    await expect.poll(() => event.count()).toBe(1);
    const calendars = (await page.evaluate(`fetch('/api/calendar.calendars', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rathaus-token': sessionStorage.getItem('rathaus-token') ?? '' },
      body: '{}',
    }).then((response) => response.json())`)) as { data: Array<{ name: string; color: string }> };
    const color = calendars.data.find((c) => c.name === 'Volker Sandmann')!.color;
    expect(await style(event, 'backgroundColor')).toBe(rgb(color));
    expect(await style(event, 'borderTopColor')).toBe(rgb(color));
    expect(await event.getAttribute('title')).toContain('Kalender: Volker Sandmann, Bürgermeister');

    // The demo's reception and concert overlap on 8 December: both marked, the reason as their name.
    const conflicting = page.locator('.fc-event.rb-conflict');
    await expect.poll(() => conflicting.count()).toBe(2);
    expect(await conflicting.first().textContent()).toContain('⚠');
    expect(await conflicting.first().getAttribute('title')).toContain('Überschneidung');
    expect(await style(conflicting.first(), 'borderTopColor')).toBe('rgb(197, 15, 31)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'termine-woche.png') });

    // Only his calendar.
    await page.getByRole('checkbox', { name: 'alle' }).uncheck();
    await page.getByRole('checkbox', { name: 'Volker Sandmann, Bürgermeister' }).check();
    await expect.poll(() => page.locator('.fc-event[data-event-key]').filter({ hasText: 'Empfang der Delegation' }).count()).toBe(0);
    await expect.poll(() => event.count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'termine-woche-sandmann.png') });

    await event.click();
    await expect.poll(() => dialog().getByLabel('Titel').inputValue()).toBe(EVENT);
    expect(await dialog().getByRole('textbox', { name: 'Beginn', exact: true }).inputValue()).toBe('10.12.2026');
    expect(await dialog().getByRole('textbox', { name: 'Beginn Uhrzeit' }).inputValue()).toBe('18:00');
    await dialog().getByLabel('Fahrer/in').selectOption({ label: 'Jürgen Brinkmann (0203 283-2210)' });
    await dialog().getByLabel('Fahrzeug').selectOption({ label: 'Dienstwagen 1 (DU-OB 1)' });
    await dialog().getByLabel('Fahrer/in').scrollIntoViewIfNeeded();
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'termin-dialog.png') });
    await dialog().getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => event.getAttribute('title')).toContain('Fahrdienst: Jürgen Brinkmann');
  });

  it('moves the appointment by keyboard and opens it with Enter', async () => {
    const page = session.page;
    const event = page.locator('.fc-event[data-event-key]').filter({ hasText: EVENT });
    await event.focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'verschoben' }).textContent()).toContain('18:15–20:15 Uhr');
    await expect.poll(focusedDescription).toContain('18:15–20:15 Uhr');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().getByRole('textbox', { name: 'Beginn Uhrzeit' }).inputValue()).toBe('18:15');
    expect(await dialog().getByRole('textbox', { name: 'Beginn', exact: true }).inputValue()).toBe('10.12.2026');
    await dialog().getByRole('button', { name: 'Abbrechen' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
  });

  it('moves the appointment by drag and drop, and puts it back when the car pool refuses', async () => {
    const page = session.page;
    const event = page.locator('.fc-event[data-event-key]').filter({ hasText: EVENT });
    /** Drags the event from its top edge to `time` on `date` in the week view. */
    const drag = async (date: string, time: string) => {
      const from = (await event.boundingBox())!;
      const column = (await page.locator(`td.fc-timegrid-col[data-date="${date}"]`).boundingBox())!;
      const slot = (await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}:00"]`).boundingBox())!;
      await page.mouse.move(from.x + from.width / 2, from.y + 4);
      await page.mouse.down();
      await page.mouse.move(column.x + column.width / 2, slot.y + 4, { steps: 12 });
      await page.mouse.up();
    };
    await drag('2026-12-11', '18:00');
    const moved = page.getByRole('status').filter({ hasText: 'verschoben' });
    await expect.poll(() => moved.textContent()).toContain('Freitag, 11. Dezember 2026, 18:15–20:15 Uhr');
    await expect.poll(() => event.getAttribute('title')).toContain('Freitag, 11. Dezember 2026');

    // Jürgen Brinkmann drives the delegation from Portsmouth on 8 December, 11:00–13:00.
    await drag('2026-12-08', '11:00');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Jürgen Brinkmann');
    expect(await page.getByRole('alert').textContent()).toContain('Nicht verschoben');
    await expect.poll(() => event.getAttribute('title')).toContain('Freitag, 11. Dezember 2026, 18:15–20:15 Uhr');
    expect(await page.locator('td.fc-timegrid-col[data-date="2026-12-11"]').locator('.fc-event').filter({ hasText: EVENT }).count()).toBe(1);
  });

  it('refuses a driver who is already booked, in the dialog, and saves nothing', async () => {
    const page = session.page;
    await page.getByRole('checkbox', { name: 'alle' }).check();
    await page.locator('.fc-event[data-event-key]').filter({ hasText: 'Weihnachtskonzert' }).click();
    await expect.poll(() => dialog().getByLabel('Titel').inputValue()).toBe('Weihnachtskonzert der Musikschule');
    await dialog().getByLabel('Fahrer/in').selectOption({ label: 'Jürgen Brinkmann (0203 283-2210)' });
    await dialog().getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => dialog().getByRole('alert').textContent()).toContain('Empfang der Delegation aus Portsmouth');
    await dialog().getByRole('button', { name: 'Abbrechen' }).click();
    const concert = page.locator('.fc-event[data-event-key]').filter({ hasText: 'Weihnachtskonzert' });
    expect(await concert.getAttribute('title')).not.toContain('Fahrdienst');
  });

  it('shows the month with the NRW holidays', async () => {
    const page = session.page;
    await page.getByRole('button', { name: 'Monat' }).click();
    await expect.poll(() => page.locator('.rb-holiday').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Weihnachtstag')]));
    await page.screenshot({ path: path.join(ARTIFACTS, 'termine-monat.png') });
  });

  it('shows a busy day in the month as a few appointments and „+ n weitere“, which opens the day', async () => {
    // Six appointments on one day, saved beside the running server (the database is shared).
    const app = openApp({ dataDir: session.dataDir, migrationsFolder: MIGRATIONS_FOLDER, templatesDir: TEMPLATES_DIR, appVersion: 'test', user: 'test' });
    try {
      const [ob] = await call(app.handlers, 'calendar.calendars', {});
      for (let i = 0; i < 6; i++) {
        await call(app.handlers, 'calendar.appointments.save', { calendarId: ob.id, title: `Besprechung ${i + 1}`, start: `2026-11-30T0${8 + i % 2}:${i}0`, end: `2026-11-30T1${i % 2}:00`, place: 'Rathaus' });
      }
    } finally {
      app.close();
    }
    const page = session.page;
    await page.reload();
    await page.getByRole('tab', { name: 'Termine' }).click();
    await page.getByRole('button', { name: 'Monat' }).click();
    await page.getByLabel('Gehe zu Datum').fill('30.11.26');
    const more = page.locator('.rb-more', { hasText: '+ 3 weitere' });
    await expect.poll(() => more.count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'termine-monat-weitere.png') });
    await more.click();
    await expect.poll(() => page.locator('.fc-toolbar-title').textContent()).toContain('30. November 2026');
    await expect.poll(() => page.locator('.fc-timegrid-event').filter({ hasText: 'Besprechung' }).count()).toBe(6);
  });

  it('downloads the Terminmappe, the Tagesmappe and a calendar as .ics', async () => {
    const page = session.page;
    await page.getByLabel('Gehe zu Datum').fill('8.12.2026');
    await page.locator('.fc-event[data-event-key]').filter({ hasText: 'Empfang der Delegation aus Portsmouth' }).first().click();
    await expect.poll(() => dialog().getByLabel('Titel').inputValue()).toBe('Empfang der Delegation aus Portsmouth');
    let download = page.waitForEvent('download');
    await dialog().getByRole('button', { name: 'Terminmappe (Word)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);
    await dialog().getByRole('button', { name: 'Abbrechen' }).click();
    await expect.poll(() => dialog().count()).toBe(0);

    download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Tagesmappe \(Word\) 08\.12\.2026/ }).click();
    await page.getByRole('menuitem', { name: 'Volker Sandmann, Bürgermeister' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);

    download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Kalender exportieren (.ics)' }).click();
    await page.getByRole('menuitem', { name: 'Volker Sandmann, Bürgermeister' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.ics$/);
  });
});
