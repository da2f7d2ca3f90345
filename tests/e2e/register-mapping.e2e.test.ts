import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

/** A register's spreadsheet export with its own German headers and an address in one column. */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Auszug');
  sheet.addRow(['Ordnungsmerkmal', 'Familienname', 'Vornamen', 'Geschlecht', 'Geburtsdatum', 'Anschrift', 'PLZ Ort', 'Stadtbezirk', 'Auskunftssperre', 'Bemerkung']);
  sheet.addRow(['X-1', 'Groß', 'Erna', 'weiblich', new Date(Date.UTC(1936, 11, 3)), 'Königstraße 5', '47051 Duisburg', 'Mitte', 'nein', '']);
  sheet.addRow(['X-2', 'Alt', 'Anton', 'männlich', new Date(Date.UTC(1926, 11, 10)), 'Rheinweg 1', '47198 Duisburg', 'Homberg', 'nein', 'Heim']);
  sheet.addRow(['X-3', 'Falsch', 'Fritz', 'männlich', '31.02.1936', 'Hofweg 3', '47057 Duisburg', 'Süd', 'nein', '']);
  sheet.getColumn(5).numFmt = 'dd.mm.yyyy';
  return Buffer.from(await book.xlsx.writeBuffer());
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('register extract with its own columns (Chromium)', () => {
  const session = useBrowserSession('register-mapping', { open: true });

  it('maps the columns of an Excel extract, saves the mapping as a profile, checks and imports', async () => {
    const page = session.page;
    const file = { name: 'Auszug Dezember.xlsx', mimeType: XLSX, buffer: await workbook() };
    await page.getByRole('tab', { name: 'Jubiläen' }).click();
    await page.getByRole('button', { name: 'Melderegister-Auszug einlesen …' }).click();
    await page.getByLabel('Datei wählen …').setInputFiles(file);

    const mapping = page.getByRole('table', { name: 'Spaltenzuordnung' });
    await expect.poll(() => mapping.isVisible()).toBe(true);
    expect(await page.getByLabel('Feld für Spalte Familienname').inputValue()).toBe('surname');
    expect(await page.getByLabel('Feld für Spalte PLZ Ort').inputValue()).toBe('city');
    expect(await page.getByLabel('Feld für Spalte Bemerkung').inputValue()).toBe('');
    // Three protecting fields have no column: the dialog says what that means.
    expect(await page.getByRole('dialog').textContent()).toContain('Keine Spalte für: Sterbedatum, Weggezogen, Widerspruch (§ 50 Abs. 5 BMG), Bedingter Sperrvermerk (§ 52 BMG)');
    await page.getByLabel('Zuordnung speichern als').fill('Meldebehörde Test');
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await expect.poll(() => page.getByText('Profil „Meldebehörde Test“ gespeichert.').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'melderegister-zuordnung.png') });

    await page.getByRole('button', { name: 'Zeilen prüfen' }).click();
    const rejected = page.getByRole('list', { name: 'Abgelehnte Zeilen' });
    await expect.poll(() => rejected.textContent()).toContain('Zeile 4: Das Geburtsdatum „31.02.1936“ gibt es nicht.');
    await page.getByRole('button', { name: '2 Zeilen übernehmen' }).click();
    await expect.poll(() => page.getByText('Melderegister-Auszug übernommen: 2 neu').isVisible()).toBe(true);

    // The next file with these columns gets the profile.
    await page.getByRole('button', { name: 'Melderegister-Auszug einlesen …' }).click();
    await page.getByLabel('Datei wählen …').setInputFiles(file);
    await expect.poll(() => page.getByText('Zuordnung aus dem Profil „Meldebehörde Test“', { exact: false }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Schließen' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });
});
