import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

const OB = 'Dr. Petra Hovestadt, Oberbürgermeisterin';

describe('calendar and car pool settings in browser mode (Chromium)', () => {
  const session = useBrowserSession('carpool-settings', { serverArgs: ['--demo'], open: true });

  it('changes the Oberbürgermeisterin’s colour and the travel time; a negative one is marked at its field', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Einstellungen' }).click();
    await page.getByRole('navigation', { name: 'Bereiche der Einstellungen' }).getByRole('link', { name: 'Kalender' }).click();
    const ob = page.getByRole('group', { name: OB });
    await expect.poll(() => ob.getByLabel('Farbwert').inputValue()).toBe('#0f6cbd');
    await ob.getByLabel('Farbe', { exact: true }).fill('#d13438');
    expect(await ob.getByLabel('Farbwert').inputValue()).toBe('#d13438');

    const travel = page.getByLabel('Wegezeit zwischen zwei Orten');
    await travel.fill('-5');
    await page.getByRole('button', { name: 'Kalender speichern' }).click();
    await expect.poll(() => page.getByText('Die Wegezeit darf nicht negativ sein.').count()).toBe(1);

    await travel.fill('20');
    await page.getByRole('button', { name: 'Kalender speichern' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Kalender und Wegezeit gespeichert.' }).count()).toBe(1);
    await page.getByRole('heading', { name: 'Kalender', exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'einstellungen-kalender.png') });
  });

  it('adds a driver and an absence of Dienstwagen 2, and deletes an absence after asking', async () => {
    const page = session.page;
    await page.getByRole('navigation', { name: 'Bereiche der Einstellungen' }).getByRole('link', { name: 'Fahrbereitschaft' }).click();
    // By keyboard: the dialog opens with the focus in its first field.
    await page.getByRole('button', { name: 'Fahrer/in hinzufügen …' }).focus();
    await page.keyboard.press('Enter');
    const driverDialog = page.getByRole('dialog', { name: 'Fahrer/in hinzufügen' });
    await expect.poll(() => driverDialog.getByLabel('Name').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.type('Klaus Wiemers');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0203 283-2212');
    await driverDialog.getByLabel('Notizen').fill('nur vormittags');
    await driverDialog.screenshot({ path: path.join(ARTIFACTS, 'fahrer-hinzufuegen.png') });
    await driverDialog.getByRole('button', { name: 'Hinzufügen' }).press('Enter');
    const drivers = page.getByRole('table', { name: 'Fahrer/innen' });
    await expect.poll(() => drivers.textContent()).toContain('Klaus Wiemers');
    expect(await drivers.getByRole('row').filter({ hasText: 'Klaus Wiemers' }).textContent()).toContain('0203 283-2212');

    await page.getByRole('button', { name: 'Abwesenheit eintragen …' }).click();
    const absenceDialog = page.getByRole('dialog', { name: 'Abwesenheit eintragen' });
    await absenceDialog.getByLabel('Fahrer/in oder Fahrzeug').selectOption({ label: 'Dienstwagen 2 (DU-OB 2)' });
    await absenceDialog.getByLabel('von').fill('03.05.2027');
    await absenceDialog.getByLabel('bis einschließlich').fill('7.5.27');
    await absenceDialog.getByLabel('Grund').fill('Inspektion und TÜV');
    await absenceDialog.screenshot({ path: path.join(ARTIFACTS, 'abwesenheit-eintragen.png') });
    await absenceDialog.getByRole('button', { name: 'Eintragen', exact: true }).click();
    const absences = page.getByRole('table', { name: 'Abwesenheiten' });
    await expect.poll(() => absences.textContent()).toContain('Dienstwagen 2 (DU-OB 2)');
    const row = absences.getByRole('row').filter({ hasText: 'Dienstwagen 2' });
    expect(await row.textContent()).toContain('03.05.2027 – 07.05.2027');
    expect(await row.textContent()).toContain('Inspektion und TÜV');

    // A second one, for a driver and with times, deleted again only after confirming.
    await page.getByRole('button', { name: 'Abwesenheit eintragen …' }).click();
    await absenceDialog.getByLabel('Fahrer/in oder Fahrzeug').selectOption({ label: 'Sevgi Aydın' });
    await absenceDialog.getByLabel('ganze Tage').uncheck();
    await absenceDialog.getByRole('textbox', { name: 'von', exact: true }).fill('01.06.2027');
    await absenceDialog.getByRole('textbox', { name: 'von Uhrzeit' }).fill('8');
    await absenceDialog.getByRole('textbox', { name: 'bis', exact: true }).fill('01.06.2027');
    await absenceDialog.getByRole('textbox', { name: 'bis Uhrzeit' }).fill('12');
    await absenceDialog.getByLabel('Grund').fill('Arzttermin');
    await absenceDialog.getByRole('button', { name: 'Eintragen', exact: true }).click();
    const aydin = absences.getByRole('row').filter({ hasText: 'Sevgi Aydın' });
    await expect.poll(() => aydin.textContent()).toContain('01.06.2027, 08:00–12:00 Uhr');
    await aydin.getByRole('button', { name: /löschen/ }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Abwesenheit löschen?' });
    await confirm.getByRole('button', { name: 'Abbrechen' }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    await expect.poll(() => aydin.count(), { timeout: 5000 }).toBe(1);
    await aydin.getByRole('button', { name: /löschen/ }).click();
    await confirm.getByRole('button', { name: 'Löschen' }).click();
    await expect.poll(() => aydin.count()).toBe(0);

    await page.getByRole('heading', { name: 'Fahrbereitschaft' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'einstellungen-fahrbereitschaft.png') });
  });

  it('still shows everything after a reload', async () => {
    const page = session.page;
    // The reload keeps the section shown (Fahrbereitschaft); the calendar's is one click away.
    await page.reload();
    await expect.poll(() => page.getByRole('table', { name: 'Fahrer/innen' }).textContent()).toContain('Klaus Wiemers');
    await page.getByRole('navigation', { name: 'Bereiche der Einstellungen' }).getByRole('link', { name: 'Kalender' }).click();
    const ob = page.getByRole('group', { name: OB });
    await expect.poll(() => ob.getByLabel('Farbwert').inputValue()).toBe('#d13438');
    expect(await page.getByLabel('Wegezeit zwischen zwei Orten').inputValue()).toBe('20');
    await page.getByRole('navigation', { name: 'Bereiche der Einstellungen' }).getByRole('link', { name: 'Fahrbereitschaft' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Fahrer/innen' }).textContent()).toContain('Klaus Wiemers');
    const absences = page.getByRole('table', { name: 'Abwesenheiten' });
    await expect.poll(() => absences.textContent()).toContain('Dienstwagen 2 (DU-OB 2)03.05.2027 – 07.05.2027Inspektion und TÜV');
    expect(await absences.textContent()).not.toContain('Sevgi Aydın');
  });
});
