import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../core/api';
import { openApp } from '../../core/app/open-app';
import { documentText } from '../../core/documents/docx-template';
import { MIGRATIONS_FOLDER, TEMPLATES_DIR } from '../support/temp-app';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

/** The programme in the calendar: stored through the services beside the running server (WAL). */
async function storeProgramme(dataDir: string): Promise<void> {
  const app = openApp({ dataDir, migrationsFolder: MIGRATIONS_FOLDER, templatesDir: TEMPLATES_DIR, appVersion: 'test', user: 'test' });
  try {
    const [calendar] = await call(app.handlers, 'calendar.calendars', {});
    for (const [title, start, end, place] of [
      ['Empfang der Delegation im Rathaus', '2027-06-10T11:00', '2027-06-10T12:30', 'Rathaus, Ratssaal'],
      ['Abendessen mit der Delegation', '2027-06-10T19:00', '2027-06-10T22:00', 'Mercatorhalle'],
    ] as const) {
      await call(app.handlers, 'calendar.appointments.save', { calendarId: calendar!.id, title, start, end, place });
    }
  } finally {
    app.close();
  }
}

describe('a delegation visit with its seating order and gifts, in browser mode (Chromium)', () => {
  const session = useBrowserSession('delegation-visits', { serverArgs: ['--demo'], open: true, viewport: { width: 1600, height: 1100 } });
  beforeAll(() => storeProgramme(session.dataDir));
  const visitDialog = () => session.page.getByRole('dialog', { name: 'Besuch', exact: true });
  const seat = (n: number) => visitDialog().getByRole('group', { name: 'Tischplan Ehrentafel' }).getByRole('button', { name: new RegExp(`^Platz ${n}, `) });

  it('puts a gift into the stock', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Geschenke' }).click();
    await page.getByRole('button', { name: 'In den Bestand aufnehmen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Geschenk im Bestand' });
    await dialog.getByLabel('Bezeichnung').fill('Porzellanteller mit Stadtansicht');
    await dialog.getByLabel('Bestand (Stück)').fill('5');
    await dialog.getByLabel('Wert je Stück (€)').fill('45,00');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    const row = page.getByRole('table', { name: 'Bestand' }).getByRole('row').filter({ hasText: 'Porzellanteller' });
    await expect.poll(() => row.textContent()).toContain('5 Stück');
    expect(await row.textContent()).toContain('45,00');
  });

  it('plans a delegation visit with four guests, hosts and the programme', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Besuche' }).click();
    // The demo office has visits of its own.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Besuch' }).textContent()).toMatch(/\d+ Besuche/);
    await page.getByRole('button', { name: 'Besuch anlegen …' }).click();
    const dialog = visitDialog();
    await dialog.getByLabel('Titel').fill('Delegation aus Portsmouth');
    await dialog.getByLabel('Partnerstadt').selectOption({ label: 'Portsmouth' });
    await dialog.getByLabel('vom').fill('2027-06-10');
    await dialog.getByLabel('bis einschließlich').fill('2027-06-12');
    await dialog.getByLabel('Dolmetscher/in').fill('Frau Albers (Sprachendienst)');

    const addPerson = async (picker: string, search: string, option: RegExp) => {
      await dialog.getByRole('combobox', { name: picker }).pressSequentially(search);
      await page.getByRole('option', { name: option }).click();
    };
    await addPerson('Gast hinzufügen', 'Pendleton Helen', /^Helen Pendleton/);
    await addPerson('Gast hinzufügen', 'Pendleton Graham', /^Graham Pendleton/);
    await addPerson('Gast hinzufügen', 'Whitcombe', /^Eleanor Whitcombe/);
    await addPerson('Gast hinzufügen', 'Fontaine', /^Claire Fontaine/);
    await addPerson('Gastgeber/in hinzufügen', 'Hovestadt Petra', /^Dr\. Petra Hovestadt/);
    await addPerson('Gastgeber/in hinzufügen', 'Arslan', /^Gülşen Arslan/);
    await dialog.getByRole('checkbox', { name: 'Helen Pendleton ist Ehrengast' }).check();
    const guests = dialog.getByRole('table', { name: 'Gäste (Delegation)' });
    await expect.poll(() => guests.getByRole('row').count()).toBe(5);

    const programme = dialog.getByRole('group', { name: 'Programm' });
    await programme.getByRole('checkbox', { name: /Empfang der Delegation im Rathaus/ }).check();
    await programme.getByRole('checkbox', { name: /Abendessen mit der Delegation/ }).check();
    await dialog.getByRole('button', { name: 'Besuch speichern' }).click();
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: 'gespeichert' }).textContent()).toMatch(/Besuch Nr\. \d+ gespeichert/);
    // Saved in the order of precedence: hosts first, the guest of honour first among the guests.
    expect(await guests.getByRole('row').nth(1).textContent()).toContain('Helen Pendleton');
    await dialog.screenshot({ path: path.join(ARTIFACTS, 'besuch-delegation.png') });
  });

  it('gives a gift during the visit, then warns before giving the same person the same gift again', async () => {
    const page = session.page;
    const dialog = visitDialog();
    await dialog.getByRole('button', { name: 'Geschenk übergeben …' }).click();
    const give = page.getByRole('dialog', { name: 'Geschenk übergeben' });
    await give.getByLabel('Geschenk').selectOption({ label: 'Porzellanteller mit Stadtansicht (Bestand 5, 45,00 €)' });
    expect(await give.getByLabel('Beschenkte Person').inputValue()).not.toBe('');
    await give.getByLabel('Beschenkte Person').selectOption({ label: 'Helen Pendleton' });
    expect(await give.getByLabel('Anlass').inputValue()).toBe('Delegation aus Portsmouth');
    await give.getByRole('button', { name: 'Schenken' }).click();
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: 'eingetragen' }).textContent()).toContain('„Porzellanteller mit Stadtansicht“ an Helen Pendleton eingetragen.');
    const gifts = dialog.getByRole('table', { name: 'Geschenke bei diesem Besuch' });
    await expect.poll(() => gifts.getByRole('row').count()).toBe(2);

    // The same gift to the same person again: a warning in the dialog, then a question before it is recorded.
    await dialog.getByRole('button', { name: 'Geschenk übergeben …' }).click();
    await give.getByLabel('Geschenk').selectOption({ label: 'Porzellanteller mit Stadtansicht (Bestand 4, 45,00 €)' });
    await give.getByLabel('Beschenkte Person').selectOption({ label: 'Helen Pendleton' });
    await give.getByLabel('Übergeben am').fill('2027-06-12');
    await expect.poll(() => give.textContent()).toContain('Helen Pendleton hat „Porzellanteller mit Stadtansicht“ bereits am 10.06.2027 bekommen.');
    await give.getByRole('button', { name: 'Schenken' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Dasselbe Geschenk noch einmal?' });
    await expect.poll(() => confirm.textContent()).toContain(
      'Helen Pendleton hat „Porzellanteller mit Stadtansicht“ bereits am 10. Juni 2027 bekommen (Delegation aus Portsmouth). Soll es trotzdem noch einmal geschenkt werden?',
    );
    // (the question fades in: wait for it before the screenshot)
    const opacity = (el: unknown) => (globalThis as unknown as { getComputedStyle(e: unknown): { opacity: string } }).getComputedStyle(el).opacity;
    await expect.poll(() => confirm.evaluate(opacity)).toBe('1');
    await page.screenshot({ path: path.join(ARTIFACTS, 'geschenk-wiederholung.png') });
    await confirm.getByRole('button', { name: 'Nicht schenken' }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    await give.getByRole('button', { name: 'Abbrechen' }).click();
    await expect.poll(() => give.count()).toBe(0);
    await expect.poll(() => gifts.getByRole('row').count()).toBe(2);

    // Confirmed, the repeat is recorded and taken from the stock.
    await dialog.getByRole('button', { name: 'Geschenk übergeben …' }).click();
    await give.getByLabel('Geschenk').selectOption({ label: 'Porzellanteller mit Stadtansicht (Bestand 4, 45,00 €)' });
    await give.getByLabel('Beschenkte Person').selectOption({ label: 'Helen Pendleton' });
    await give.getByRole('button', { name: 'Schenken' }).click();
    await confirm.getByRole('button', { name: 'Trotzdem schenken' }).click();
    await expect.poll(() => gifts.getByRole('row').count()).toBe(3);
  });

  it('proposes a seating order by precedence, swaps two places, saves and prints it', async () => {
    const dialog = visitDialog();
    await dialog.getByLabel('Tisch 1: Plätze').fill('8');
    await dialog.getByRole('button', { name: 'Sitzordnung vorschlagen' }).click();
    // Head: the Oberbürgermeisterin; foot: the Bürgermeisterin; the guest of honour to the host's right.
    await expect.poll(() => seat(0).getAttribute('aria-label')).toBe('Platz 0, Kopf (Gastgeber): Dr. Petra Hovestadt, Oberbürgermeisterin');
    expect(await seat(1).getAttribute('aria-label')).toBe('Platz 1, rechts vom Gastgeber: Helen Pendleton, Lord Mayor of Portsmouth, Ehrengast');
    expect(await seat(4).getAttribute('aria-label')).toBe('Platz 4, gegenüber (Fußende): Gülşen Arslan, Bürgermeisterin');
    expect(await seat(5).getAttribute('aria-label')).toContain('Eleanor Whitcombe');
    expect(await seat(3).getAttribute('aria-label')).toContain('Graham Pendleton');
    await dialog.getByRole('region', { name: 'Sitzordnung' }).screenshot({ path: path.join(ARTIFACTS, 'sitzordnung-vorschlag.png') });

    // Swap the ambassador and Graham Pendleton: the first with the keyboard, the second by clicking.
    await seat(3).focus();
    await session.page.keyboard.press('Enter');
    expect(await seat(3).getAttribute('aria-pressed')).toBe('true');
    await seat(5).click();
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: 'Ausgewählt' }).textContent()).toContain('Ehrentafel, Platz 3 (Graham Pendleton) und Ehrentafel, Platz 5 (Eleanor Whitcombe)');
    await dialog.getByRole('button', { name: 'Platz tauschen' }).click();
    await expect.poll(() => seat(3).getAttribute('aria-label')).toContain('Eleanor Whitcombe');
    expect(await seat(5).getAttribute('aria-label')).toContain('Graham Pendleton');

    // Drag and drop: Claire Fontaine to the empty seat 2.
    expect(await seat(7).getAttribute('aria-label')).toContain('Claire Fontaine');
    await seat(7).dragTo(seat(2));
    await expect.poll(() => seat(2).getAttribute('aria-label')).toContain('Claire Fontaine');
    expect(await seat(7).getAttribute('aria-label')).toContain(': frei');

    await dialog.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: 'Sitzordnung gespeichert' }).count()).toBe(1);
    await dialog.getByRole('region', { name: 'Sitzordnung' }).screenshot({ path: path.join(ARTIFACTS, 'sitzordnung-gespeichert.png') });

    const download = session.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Sitzordnung drucken (Word)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Sitzordnung-Delegation-aus-Portsmouth-2027-06-10.docx');
    const target = path.join(ARTIFACTS, 'sitzordnung.docx');
    await file.saveAs(target);
    const bytes = new Uint8Array(fs.readFileSync(target));
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    const list = documentText(bytes).body.split('Plätze in der Reihenfolge')[1]!;
    expect(list).toMatch(/1\nrechts vom Gastgeber\nHelen Pendleton \(Ehrengast\)/);
    expect(list).toMatch(/2\n2\. Platz rechts vom Gastgeber\nClaire Fontaine/);
    expect(list).toMatch(/3\n3\. Platz rechts vom Gastgeber\nEleanor Whitcombe/);
    expect(list).toMatch(/5\n3\. Platz links vom Gastgeber\nGraham Pendleton/);

    // Opened again, the saved plan is there; the register says so.
    await dialog.getByRole('button', { name: 'Schließen' }).last().click();
    const row = session.page.getByRole('table', { name: 'Besuche' }).getByRole('row').filter({ hasText: 'Delegation aus Portsmouth' });
    await expect.poll(() => row.textContent()).toContain('gespeichert');
    expect(await row.textContent()).toContain('4 Gäste');
    expect(await row.textContent()).toContain('2 Termine');
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'besuche.png') });
    await row.click();
    await expect.poll(() => seat(3).getAttribute('aria-label')).toContain('Eleanor Whitcombe');
    await visitDialog().getByRole('button', { name: 'Schließen' }).last().click();
  });

  it('marks a gift received above the reporting limit until it is reported', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Geschenke' }).click();
    await page.getByRole('tab', { name: 'Verschenkt' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Verschenkt' }).getByRole('row').filter({ hasText: 'Porzellanteller mit Stadtansicht' }).count()).toBe(2);
    await page.getByRole('tab', { name: 'Erhalten' }).click();
    await expect.poll(() => page.getByLabel('Meldegrenze (€)').inputValue()).toBe('35,00');
    await page.getByRole('button', { name: 'Erhaltenes Geschenk erfassen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erhaltenes Geschenk' });
    await dialog.getByLabel('oder von (Name)').fill('Portsmouth City Council');
    await dialog.getByLabel('Geschenk').fill('Zinnteller mit dem Stadtwappen von Portsmouth');
    await dialog.getByLabel('Wert (€, geschätzt)').fill('120');
    await expect.poll(() => dialog.textContent()).toContain('Über der Meldegrenze von 35,00');
    await dialog.getByLabel('Verbleib (was damit geschah)').fill('im Amtszimmer ausgestellt');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    const row = page.getByRole('table', { name: 'Erhaltene Geschenke' }).getByRole('row').filter({ hasText: 'Zinnteller' });
    await expect.poll(() => row.textContent()).toContain('über der Grenze – nicht gemeldet');
    await page.screenshot({ path: path.join(ARTIFACTS, 'geschenke-erhalten.png') });

    await row.click();
    await dialog.getByLabel('Gemeldet am').fill('2027-06-14');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => row.textContent()).toContain('gemeldet am 14.06.2027');
  });
});
