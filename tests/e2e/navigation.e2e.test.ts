import { beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

/** A register page and, where the register sits in a tab of the page, that tab. */
const REGISTERS = [
  { area: 'Bürgeranliegen', table: 'Anliegen', dialog: 'Anliegen' },
  { area: 'Einladungen', table: 'Einladungen', dialog: 'Einladung' },
  { area: 'Reden', table: 'Reden', dialog: 'Rede' },
  { area: 'Partnerstädte', table: 'Partnerschaften', dialog: 'Partnerschaft' },
  { area: 'Presse', tab: 'Pressetermine', table: 'Termine der nächsten Wochen', dialog: 'Presse zum Termin' },
] as const;

async function goTo(page: Page, area: string, tab?: string) {
  await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('tab', { name: area, exact: true }).click();
  if (tab) await page.getByRole('main').getByRole('tab', { name: tab }).click();
}

/** The keyboard user works on in the record: once it has loaded, the focus is still inside its dialog. */
async function expectFocusInDialogOnceLoaded(page: Page) {
  await expect.poll(() => page.getByRole('dialog').getByText(/wird geladen/).count()).toBe(0);
  await expect.poll(() => page.evaluate(`Boolean(document.activeElement?.closest('[role="dialog"]'))`)).toBe(true);
}

describe('keyboard, focus and addresses (Chromium, demo office)', () => {
  const session = useBrowserSession('navigation', { serverArgs: ['--demo'] });
  const dialog = () => session.page.getByRole('dialog');
  // Every test starts on a freshly loaded app: one that fails leaves no dialog open for the next.
  beforeEach(async () => {
    await session.page.goto('about:blank');
    await session.page.goto(session.server.url);
  });

  it.each(REGISTERS)('Enter on a row of „$area“ opens its record, and it stays open', async ({ area, table, dialog: name, ...rest }) => {
    const page = session.page;
    await goTo(page, area, 'tab' in rest ? rest.tab : undefined);
    const row = page.getByRole('table', { name: table, exact: true }).getByRole('row').nth(1);
    await row.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog', { name }).count()).toBe(1);
    await expectFocusInDialogOnceLoaded(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
  });

  it('Enter on a speech found by the full-text search opens it', async () => {
    const page = session.page;
    await goTo(page, 'Reden');
    await page.getByRole('searchbox', { name: 'Volltextsuche in Reden und Textbausteinen' }).fill('Hafenfest');
    const hit = page.getByRole('list', { name: 'Gefundene Reden' }).getByRole('listitem').filter({ hasText: 'Grußwort zum Hafenfest 2026' });
    await hit.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog', { name: 'Rede' }).count()).toBe(1);
    await expectFocusInDialogOnceLoaded(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
  });

  it('closing a record, by Escape or with „Schließen“, gives the focus back to its row', async () => {
    const page = session.page;
    await goTo(page, 'Bürgeranliegen');
    const row = page.getByRole('table', { name: 'Anliegen', exact: true }).getByRole('row').nth(2);
    await row.focus();
    await page.keyboard.press('Enter');
    await expectFocusInDialogOnceLoaded(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => row.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    await page.keyboard.press('Enter');
    await expectFocusInDialogOnceLoaded(page);
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => row.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
  });

  it('closing a contact’s drawer gives the focus back to its row', async () => {
    const page = session.page;
    await goTo(page, 'Kontakte');
    const row = page.getByRole('table', { name: 'Kontaktliste' }).getByRole('row').nth(3);
    await row.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('form', { name: 'Kontakt bearbeiten' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('form', { name: 'Kontakt bearbeiten' }).count()).toBe(0);
    await expect.poll(() => row.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
  });

  it('a skip link, the first stop of the Tab key, leads past the navigation to the page’s content', async () => {
    const page = session.page;
    await page.getByRole('heading', { name: 'Willkommen im Rathausbüro' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
    await expect.poll(() => skip.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate('document.activeElement?.tagName')).toBe('MAIN');
    // The next Tab goes into the page (its first control), not back into the navigation.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(`Boolean(document.activeElement?.closest('main'))`)).toBe(true);
  });

  it('the page and the open record are in the address: a reload keeps them, Back and Forward move through them', async () => {
    const page = session.page;
    const hash = async () => String(await page.evaluate('location.hash'));
    await goTo(page, 'Bürgeranliegen');
    await expect.poll(hash).toBe('#/requests');
    await page.getByRole('table', { name: 'Anliegen', exact: true }).getByRole('row').filter({ hasText: 'Trinkbrunnen im Kantpark' }).click();
    await expect.poll(hash).toMatch(/^#\/requests\/\d+$/);
    const address = await hash();
    const record = page.getByRole('dialog', { name: 'Anliegen' }).getByRole('heading', { name: /Trinkbrunnen im Kantpark/ });
    await expect.poll(() => record.count()).toBe(1);

    await page.reload();
    await expect.poll(() => record.count()).toBe(1);
    // Behind the open dialog, hidden from assistive technology while it is open.
    const areaTab = page.getByRole('navigation', { name: 'Bereiche', includeHidden: true }).getByRole('tab', { name: 'Bürgeranliegen', includeHidden: true });
    expect(await areaTab.getAttribute('aria-selected')).toBe('true');

    await page.goBack();
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await hash()).toBe('#/requests');
    await page.goForward();
    await expect.poll(() => record.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await hash()).toBe('#/requests');

    // The address passed on (a link in an e-mail to a colleague at the same PC) opens the record.
    await page.goto('about:blank');
    await page.goto(new URL(address, session.server.url.replace(/#.*$/, '')).href);
    await expect.poll(() => record.count()).toBe(1);
  });

  it('a tab of a page and the record open in it are in the address', async () => {
    const page = session.page;
    await goTo(page, 'Presse', 'Pressetermine');
    await page.getByRole('table', { name: 'Termine der nächsten Wochen' }).getByRole('row').nth(1).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Presse zum Termin' }).count()).toBe(1);
    expect(await page.evaluate('location.hash')).toMatch(/^#\/press\/appointments\/\d+$/);
    await page.reload();
    await expect.poll(() => page.getByRole('dialog', { name: 'Presse zum Termin' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await page.getByRole('main').getByRole('tab', { name: 'Pressetermine' }).getAttribute('aria-selected')).toBe('true');
  });

  it('a contact open in its drawer is in the address', async () => {
    const page = session.page;
    await goTo(page, 'Kontakte');
    const row = page.getByRole('table', { name: 'Kontaktliste' }).getByRole('row').nth(5);
    const name = (await row.getByRole('cell').first().textContent())!.trim();
    await row.click();
    const form = page.getByRole('form', { name: 'Kontakt bearbeiten' });
    await expect.poll(() => form.count()).toBe(1);
    expect(await page.evaluate('location.hash')).toMatch(/^#\/contacts\/\d+$/);
    const surname = await form.getByLabel('Nachname').inputValue();
    expect(name).toContain(surname);
    await page.reload();
    await expect.poll(() => form.count()).toBe(1);
    expect(await form.getByLabel('Nachname').inputValue()).toBe(surname);
  });

  it('the calendar opens on the day its address names', async () => {
    const page = session.page;
    await page.goto(new URL('#/calendar/2027-03-15', session.server.url.replace(/#.*$/, '')).href);
    await expect.poll(() => page.locator('.fc-toolbar-title').textContent()).toMatch(/März 2027/);
  });

  it('an appointment open in the calendar is in the address, with the date of a series chosen', async () => {
    const page = session.page;
    const hash = async () => String(await page.evaluate('location.hash'));
    const at = (address: string) => new URL(address, session.server.url.replace(/#.*$/, '')).href;
    const appointment = page.getByRole('dialog', { name: 'Termin' });
    const title = () => appointment.getByLabel('Titel').inputValue();
    await page.goto(at('#/calendar/2026-12-08'));
    await page.locator('.fc-event[data-event-key]').filter({ hasText: 'Empfang der Delegation' }).first().click();
    await expect.poll(title).toBe('Empfang der Delegation aus Portsmouth');
    expect(await hash()).toMatch(/^#\/calendar\/2026-12-08\/appointment-\d+$/);
    await page.reload();
    await expect.poll(title).toBe('Empfang der Delegation aus Portsmouth');
    expect(await page.locator('.fc-toolbar-title').textContent()).toMatch(/Dez/);

    await page.goBack();
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await hash()).toBe('#/calendar/2026-12-08');
    await page.goForward();
    await expect.poll(title).toBe('Empfang der Delegation aus Portsmouth');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await hash()).toBe('#/calendar/2026-12-08');

    // The consultation hour is on every first Wednesday: the one of 6 January 2027 stays the one chosen.
    await page.goto(at('#/calendar/2027-01-06'));
    await page.locator('.fc-event[data-event-key]').filter({ hasText: 'Bürgersprechstunde' }).first().click();
    const series = appointment.getByText('Dieser Termin gehört zu einer Serie');
    await expect.poll(() => series.textContent()).toContain('gewählt:');
    const chosen = (await series.textContent())!;
    expect(chosen).toContain('6. Januar 2027');
    await page.reload();
    await expect.poll(() => series.count()).toBe(1);
    expect(await series.textContent()).toBe(chosen);
  });

  it('the settings have a section navigation: one section at a time, each with its address', async () => {
    const page = session.page;
    await goTo(page, 'Einstellungen');
    const sections = page.getByRole('navigation', { name: 'Bereiche der Einstellungen' });
    // The settings page's code is loaded when it is first opened.
    await sections.waitFor();
    expect(await sections.getByRole('link').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Briefkopf'), expect.stringContaining('Unterzeichnende'), expect.stringContaining('Fachbereiche'), expect.stringContaining('Datenschutz')]),
    );
    // The departments say what they are for, so a newcomer finds them.
    expect(await sections.getByRole('link', { name: 'Fachbereiche' }).textContent()).toContain('Bürgeranliegen');
    await expect.poll(() => page.getByRole('heading', { name: 'Briefkopf', exact: true }).count()).toBe(1);
    // No longer one long page: a section fits in about a screen (1000 px here; all sections were 4,300 px).
    const height = () => page.getByRole('main').evaluate((el) => el.scrollHeight);
    expect(await height()).toBeLessThan(1400);

    await sections.getByRole('link', { name: 'Fachbereiche' }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Fachbereiche' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Briefkopf', exact: true }).count()).toBe(0);
    expect(await page.evaluate('location.hash')).toBe('#/settings/departments');
    expect(await sections.getByRole('link', { name: 'Fachbereiche' }).getAttribute('aria-current')).toBe('page');
    await page.reload();
    await expect.poll(() => page.getByRole('form', { name: 'Fachbereiche' }).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'einstellungen-fachbereiche.png') });
  });
});
