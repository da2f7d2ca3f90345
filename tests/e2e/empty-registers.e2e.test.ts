import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

/**
 * Each register of a new office, before anything is recorded: a sentence of what to do and the
 * button that does it (`opens`: the dialog that button opens).
 */
const EMPTY = [
  { area: 'Kontakte', says: 'Noch keine Kontakte', button: 'Neuer Kontakt', opens: { form: 'Kontakt bearbeiten' } },
  { area: 'Kontakte', says: 'CSV-Datei', button: 'CSV importieren …', opens: { dialog: 'Kontakte aus CSV importieren' } },
  { area: 'Einladungen', says: 'Noch keine Einladungen', button: 'Einladung erfassen …', opens: { dialog: 'Einladung' } },
  { area: 'Reden', says: 'Noch keine Reden', button: 'Neue Rede …', opens: { dialog: 'Rede' } },
  { area: 'Schirmherrschaften', says: 'Noch keine Anfragen um eine Schirmherrschaft', button: 'Anfrage erfassen …', opens: { dialog: 'Schirmherrschaft' } },
  { area: 'Besuche', says: 'Noch keine Besuche', button: 'Besuch anlegen …', opens: { dialog: 'Besuch' } },
  { area: 'Geschenke', tab: 'Bestand', says: 'Noch keine Geschenke im Bestand', button: 'In den Bestand aufnehmen …', opens: { dialog: 'Geschenk im Bestand' } },
  { area: 'Geschenke', tab: 'Verschenkt', says: 'Noch nichts verschenkt', button: 'Geschenk übergeben …', opens: { dialog: 'Geschenk übergeben' } },
  { area: 'Geschenke', tab: 'Erhalten', says: 'Noch keine erhaltenen Geschenke', button: 'Erhaltenes Geschenk erfassen …', opens: { dialog: 'Erhaltenes Geschenk' } },
  { area: 'Presse', tab: 'Pressemitteilungen', says: 'Noch keine Pressemitteilungen', button: 'Pressemitteilung schreiben …', opens: { dialog: 'Pressemitteilung' } },
  { area: 'Presse', tab: 'Medienkontakte', says: 'Noch keine Medienkontakte', button: 'Medienkontakt hinzufügen …', opens: { dialog: 'Medienkontakt' } },
  { area: 'Presse', tab: 'Medienkontakte', says: 'Noch keine Verteiler', button: 'Verteiler anlegen …', opens: { dialog: 'Verteiler' } },
  { area: 'Presse', tab: 'Presseanfragen', says: 'Noch keine Presseanfragen', button: 'Anfrage erfassen …', opens: { dialog: 'Presseanfrage' } },
  { area: 'Bürgeranliegen', says: 'Noch keine Anliegen', button: 'Anliegen erfassen …', opens: { dialog: 'Anliegen' } },
  { area: 'Bürgergespräche', says: 'Keine kommenden Veranstaltungen', button: 'Veranstaltung anlegen …', opens: { dialog: 'Bürgergespräch oder Bürgerspaziergang' } },
  { area: 'Engagement', says: 'Noch keine Anfragen', button: 'Anfrage erfassen …', opens: { dialog: 'Anfrage zum Engagement' } },
  { area: 'Engagement', says: 'Keine aktiven Angebote', button: 'Angebot erfassen …', opens: { dialog: 'Angebot für Engagierte' } },
] as const;

describe('empty registers say what to do (Chromium, a new office)', () => {
  const session = useBrowserSession('empty-registers', { open: true });

  const cases = EMPTY.map((c) => [`${c.area}${'tab' in c ? ` › ${c.tab}` : ''}: „${c.says} …“ with „${c.button}“`, c] as const);
  it.each(cases)('%s', async (_, { area, says, button, opens, ...rest }) => {
    const page = session.page;
    await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('tab', { name: area, exact: true }).click();
    if ('tab' in rest) await page.getByRole('main').getByRole('tab', { name: rest.tab }).click();
    const note = page.getByRole('note').filter({ hasText: says });
    await expect.poll(() => note.count()).toBe(1);
    // A sentence of what to do, not only that nothing is there.
    expect((await note.textContent())!.split('.').filter((s) => s.trim()).length).toBeGreaterThanOrEqual(2);
    // The button is in the note, and only there (not twice on the page).
    expect(await page.getByRole('button', { name: button, exact: true }).count()).toBe(1);
    await note.getByRole('button', { name: button, exact: true }).click();
    const opened = 'form' in opens ? page.getByRole('form', { name: opens.form }) : page.getByRole('dialog', { name: opens.dialog });
    await expect.poll(() => opened.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => opened.count()).toBe(0);
  });

  it('Pressetermine: no appointments yet, and the way to the calendar where they are made', async () => {
    const page = session.page;
    await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('tab', { name: 'Presse', exact: true }).click();
    await page.getByRole('main').getByRole('tab', { name: 'Pressetermine' }).click();
    const note = page.getByRole('note').filter({ hasText: 'Keine Termine in den nächsten 60 Tagen' });
    await expect.poll(() => note.count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'leer-pressetermine.png') });
    await note.getByRole('button', { name: 'Zu den Terminen' }).click();
    await expect.poll(() => page.getByRole('navigation', { name: 'Bereiche' }).getByRole('tab', { name: 'Termine' }).getAttribute('aria-selected')).toBe('true');
  });

  it('Postausgang: no letters yet, and the way to write one (a single letter or a mail merge)', async () => {
    const page = session.page;
    await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('tab', { name: 'Korrespondenz', exact: true }).click();
    await page.getByRole('main').getByRole('tab', { name: 'Postausgang' }).click();
    const note = page.getByRole('note').filter({ hasText: 'Noch keine Briefe im Postausgang' });
    await expect.poll(() => note.count()).toBe(1);
    expect((await note.textContent())!.split('.').filter((s) => s.trim()).length).toBeGreaterThanOrEqual(2);
    // No empty table beside it.
    expect(await page.getByRole('table', { name: 'Postausgang' }).count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'leer-postausgang.png') });
    await note.getByRole('button', { name: 'Serienbrief erstellen' }).click();
    await expect.poll(() => page.getByRole('main').getByRole('tab', { name: 'Serienbrief' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('main').getByRole('tab', { name: 'Postausgang' }).click();
    await note.getByRole('button', { name: 'Brief schreiben' }).click();
    await expect.poll(() => page.getByRole('main').getByRole('tab', { name: 'Brief schreiben' }).getAttribute('aria-selected')).toBe('true');
  });

  it('Postausgang emptied only by its search does not claim to be empty', async () => {
    const page = session.page;
    await page.getByRole('main').getByRole('tab', { name: 'Postausgang' }).click();
    await expect.poll(() => page.getByRole('note').count()).toBe(1);
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'versandt' });
    await expect.poll(() => page.getByRole('note').count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: '0 Briefe' }).count()).toBe(1);
  });

  it('Textbausteine: none yet, and the button that begins the first', async () => {
    const page = session.page;
    await page.getByRole('main').getByRole('tab', { name: 'Textbausteine' }).click();
    const note = page.getByRole('note').filter({ hasText: 'Noch keine Textbausteine' });
    await expect.poll(() => note.count()).toBe(1);
    expect((await note.textContent())!.split('.').filter((s) => s.trim()).length).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('button', { name: 'Textbaustein anlegen', exact: true }).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'leer-textbausteine.png') });
    await note.getByRole('button', { name: 'Textbaustein anlegen', exact: true }).click();
    const title = page.getByRole('form', { name: 'Neuer Textbaustein' }).getByRole('textbox', { name: 'Titel' });
    await expect.poll(() => title.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await title.fill('Dank für die Einladung');
    await page.getByRole('form', { name: 'Neuer Textbaustein' }).getByRole('textbox', { name: 'Text' }).fill('Haben Sie herzlichen Dank für Ihre freundliche Einladung.');
    await page.getByRole('form', { name: 'Neuer Textbaustein' }).getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect.poll(() => note.count()).toBe(0);
    expect(await page.getByRole('main').getByText('Dank für die Einladung').count()).toBeGreaterThan(0);
  });

  it('a register emptied only by its filter does not claim to be empty', async () => {
    const page = session.page;
    await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('tab', { name: 'Einladungen', exact: true }).click();
    await expect.poll(() => page.getByRole('note').count()).toBe(1);
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'zugesagt' });
    await expect.poll(() => page.getByRole('note').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Einladung erfassen …' }).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'leer-einladungen-gefiltert.png') });
  });

  it('forwarding a request while there are no departments yet leads to the settings where they are made', async () => {
    const page = session.page;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const id = await page.evaluate(`fetch('/api/requests.save', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rathaus-token': sessionStorage.getItem('rathaus-token') },
      body: JSON.stringify({ kind: 'beschwerde', channel: 'telefon', subject: 'Ampel an der Mülheimer Straße defekt', receivedOn: '${today}' }),
    }).then((r) => r.json()).then((b) => b.data.id)`);
    await page.goto(new URL(`#/requests/${id}`, session.server.url.replace(/#.*$/, '')).href);
    const dialog = page.getByRole('dialog', { name: 'Anliegen' });
    await dialog.getByRole('group', { name: 'Nächste Schritte' }).getByRole('button', { name: 'An Fachbereich weiterleiten …' }).click();
    await dialog.getByRole('link', { name: 'Einstellungen → Fachbereiche' }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Fachbereiche' }).count()).toBe(1);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.evaluate('location.hash')).toBe('#/settings/departments');
  });
});
