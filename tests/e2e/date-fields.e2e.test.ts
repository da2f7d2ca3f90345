import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { ARTIFACTS, useBrowserSession } from './browser-mode';
import { pageApi } from './page-api';

const EVENT = 'Jahreshauptversammlung des Schützenvereins Hamborn';
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');


/** The texts an input's aria-describedby points to. */
const description = (input: Locator) =>
  input.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id: string) => el.ownerDocument.getElementById(id)?.textContent ?? '').join(' '));

describe('dates and times in an English browser (Chromium, en-US)', () => {
  const session = useBrowserSession('date-fields', { serverArgs: ['--demo'], open: true, locale: 'en-US' });
  const dialog = () => session.page.getByRole('dialog');

  it('runs in a browser that speaks English', async () => {
    expect(await session.page.evaluate('navigator.language')).toBe('en-US');
  });

  it('shows and takes dates as TT.MM.JJJJ and times as HH:MM, refuses 30.02.2027 at the field, and saves the right dates', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Einladungen' }).click();
    await page.getByRole('button', { name: 'Einladung erfassen …' }).click();

    // Today, as the office writes it.
    const received = dialog().getByRole('textbox', { name: 'Eingegangen am' });
    expect(await received.inputValue()).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(await received.getAttribute('placeholder')).toBe('TT.MM.JJJJ');
    expect(await description(received)).toContain('Datum als TT.MM.JJJJ');

    await dialog().getByRole('radio', { name: 'Name frei eingeben' }).check();
    await dialog().getByRole('textbox', { name: 'Einladende/r (Name)' }).fill('Schützenverein Hamborn 1859 e. V.');
    await dialog().getByLabel('Veranstaltung').fill(EVENT);

    // A date with its time, typed short; the end follows an hour later.
    const start = dialog().getByRole('textbox', { name: 'Beginn', exact: true });
    const startTime = dialog().getByRole('textbox', { name: 'Beginn Uhrzeit' });
    await start.fill('10.12.26');
    await startTime.fill('18');
    await startTime.press('Tab');
    expect(await start.inputValue()).toBe('10.12.2026');
    expect(await startTime.inputValue()).toBe('18:00');
    expect(await dialog().getByRole('textbox', { name: 'Ende', exact: true }).inputValue()).toBe('10.12.2026');
    expect(await dialog().getByRole('textbox', { name: 'Ende Uhrzeit' }).inputValue()).toBe('19:00');

    // An impossible date is refused at the field, in German, and nothing is saved.
    const replyBy = dialog().getByRole('textbox', { name: 'Antwort erbeten bis' });
    await replyBy.fill('30.02.2027');
    await replyBy.press('Tab');
    expect(await replyBy.getAttribute('aria-invalid')).toBe('true');
    expect(await description(replyBy)).toContain('Den 30.02.2027 gibt es nicht: Der Februar 2027 hat 28 Tage.');
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'datum-englischer-browser-fehler.png') });
    // Every input of the fields, the time beside its date included, has a visible name and valid ARIA.
    await page.evaluate(AXE);
    const violations = await page.evaluate(`axe
      .run(document.querySelector('[role=dialog]'), { runOnly: ['label', 'label-title-only', 'aria-valid-attr-value', 'duplicate-id-aria', 'duplicate-id'] })
      .then((result) => result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
    expect(violations).toEqual([]);
    await dialog().getByRole('button', { name: 'Einladung speichern' }).click();
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('placeholder')")).toBe('TT.MM.JJJJ');
    expect(await dialog().getByRole('status').filter({ hasText: 'gespeichert' }).count()).toBe(0);

    await replyBy.fill('27.2.27');
    await replyBy.press('Tab');
    expect(await replyBy.inputValue()).toBe('27.02.2027');
    expect(await replyBy.getAttribute('aria-invalid')).not.toBe('true');
    // Arrow keys move it by a day, across the end of the month and back.
    await replyBy.press('ArrowUp');
    await replyBy.press('ArrowUp');
    expect(await replyBy.inputValue()).toBe('01.03.2027');
    await replyBy.press('ArrowDown');
    await replyBy.press('ArrowDown');
    expect(await replyBy.inputValue()).toBe('27.02.2027');
    await dialog().getByRole('button', { name: 'Einladung speichern' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'gespeichert' }).count()).toBe(1);

    // The record holds the API's dates.
    const saved = (await pageApi(page, 'invitations.list', {})).find((i) => i.event === EVENT)!;
    expect(saved.replyBy).toBe('2027-02-27');
    expect(saved.dates).toEqual([{ allDay: false, start: '2026-12-10T18:00', end: '2026-12-10T19:00' }]);

    // Opened again, it shows them as the office writes them.
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    await page.getByRole('table', { name: 'Einladungen' }).getByRole('row').filter({ hasText: EVENT }).click();
    await expect.poll(() => dialog().getByRole('textbox', { name: 'Antwort erbeten bis' }).inputValue()).toBe('27.02.2027');
    expect(await dialog().getByRole('textbox', { name: 'Beginn', exact: true }).inputValue()).toBe('10.12.2026');
    expect(await dialog().getByRole('textbox', { name: 'Beginn Uhrzeit' }).inputValue()).toBe('18:00');
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'datum-englischer-browser.png') });
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
  });

  it('takes a time alone as HH:MM (press release, „um (Uhrzeit)“)', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Presse' }).click();
    await page.getByRole('button', { name: 'Pressemitteilung schreiben …' }).click();
    const time = dialog().getByRole('textbox', { name: 'um (Uhrzeit)' });
    await time.fill('9.30');
    await time.press('Tab');
    expect(await time.inputValue()).toBe('09:30');
    await time.press('ArrowDown');
    expect(await time.inputValue()).toBe('09:15');
    await time.fill('25:00');
    await time.press('Tab');
    expect(await time.getAttribute('aria-invalid')).toBe('true');
    expect(await description(time)).toContain('„25:00“ gibt es nicht: Die Stunden gehen von 0 bis 23.');
    await dialog().getByRole('button', { name: 'Abbrechen' }).or(dialog().getByRole('button', { name: 'Schließen' })).last().click();
  });
});
