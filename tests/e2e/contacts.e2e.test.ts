import path from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

describe('contacts in browser mode (Chromium)', () => {
  const session = useBrowserSession('contacts', { viewport: { width: 1440, height: 900 } });

  it('starts empty, loads the demo office and lists its contacts', async () => {
    await session.page.goto(session.server.url);
    await session.page.getByRole('button', { name: 'Beispieldaten laden' }).click();
    await expect.poll(() => session.page.getByRole('heading', { name: 'Kontakte' }).isVisible()).toBe(true);
    const status = session.page.getByRole('status').filter({ hasText: 'Kontakte' });
    await expect.poll(async () => Number((await status.textContent())?.match(/\d+/)?.[0] ?? 0)).toBeGreaterThanOrEqual(180);
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'kontakte-liste.png') });
  });

  it('creates "Prof. Dr. Erika Beispiel, Bürgermeisterin" with a live preview of the salutation', async () => {
    await session.page.getByRole('button', { name: 'Neuer Kontakt' }).click();
    const form = session.page.getByRole('form', { name: 'Kontakt bearbeiten' });
    await form.getByLabel('Geschlecht').selectOption('female');
    await form.getByLabel('Akademische Grade').fill('Prof. Dr.');
    await form.getByLabel('Vorname').fill('Erika');
    await form.getByLabel('Nachname').fill('Beispiel');
    await form.getByLabel('Amt / Funktion').selectOption({ label: 'Bürgermeister/-in' });
    await form.getByLabel('Straße').fill('Burgplatz');
    await form.getByLabel('Nr.').fill('19');
    await form.getByLabel('PLZ').fill('47051');
    await form.getByLabel('Ort').fill('Duisburg');
    const salutation = session.page.getByTestId('preview-salutation');
    await expect.poll(() => salutation.textContent()).toBe('Sehr geehrte Frau Bürgermeisterin,');
    expect(await session.page.getByTestId('preview-address').innerText()).toBe(
      'Frau Bürgermeisterin\nProf. Dr. Erika Beispiel\nBurgplatz 19\n47051 Duisburg',
    );
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'kontakt-formular.png') });
    await form.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => session.page.getByText('„Erika Beispiel“ wurde gespeichert.').isVisible()).toBe(true);
  });

  it('shows a German validation message for a missing surname', async () => {
    await session.page.getByRole('button', { name: 'Neuer Kontakt' }).click();
    const form = session.page.getByRole('form', { name: 'Kontakt bearbeiten' });
    await form.getByLabel('Vorname').fill('Ohne');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => form.getByText('Der Nachname fehlt.').isVisible()).toBe(true);
    await form.getByRole('button', { name: 'Abbrechen' }).click();
  });

  it('finds the contact again after a restart of the server', async () => {
    await session.restart();
    await session.page.goto(session.server.url);
    await session.page.getByRole('tab', { name: 'Kontakte' }).click();
    await session.page.getByRole('searchbox', { name: 'Kontakte durchsuchen' }).fill('Erika Beispiel');
    const row = session.page.getByRole('row').filter({ hasText: 'Prof. Dr. Erika Beispiel' });
    await expect.poll(() => row.count()).toBe(1);
    await row.click();
    await expect.poll(() => session.page.getByTestId('preview-salutation').textContent()).toBe('Sehr geehrte Frau Bürgermeisterin,');
    const form = session.page.getByRole('form', { name: 'Kontakt bearbeiten' });
    expect(await form.getByLabel('Nachname').inputValue()).toBe('Beispiel');
    expect(await form.getByLabel('Akademische Grade').inputValue()).toBe('Prof. Dr.');
    expect(await form.getByLabel('Geschlecht').inputValue()).toBe('female');
    expect(await form.getByLabel('Amt / Funktion').inputValue()).toBe('buergermeister');
    expect(await form.getByLabel('Ort').inputValue()).toBe('Duisburg');
  });

  it('imports a Windows-1252 CSV after column mapping, listing the broken row', async () => {
    const csv = ['Anrede;Vorname;Nachname;Ort;E-Mail', 'Frau;Jördis;Weißenfels;Duisburg;joerdis@example.org', 'Herr;Kai;;Moers;'].join('\r\n');
    await session.page.keyboard.press('Escape'); // closes the contact opened by the previous test
    await expect.poll(() => session.page.getByRole('form', { name: 'Kontakt bearbeiten' }).count()).toBe(0);
    await session.page.getByRole('button', { name: 'CSV importieren …' }).click();
    await session.page.getByLabel('CSV-Datei wählen').setInputFiles({
      name: 'kontakte.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(csv, 'win1252'),
    });
    await expect.poll(() => session.page.getByText('Zeichensatz Windows-1252').isVisible()).toBe(true);
    expect(await session.page.getByLabel('Feld für Spalte Nachname').inputValue()).toBe('surname');
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'kontakte-import-zuordnung.png') });
    await session.page.getByRole('button', { name: 'Zeilen prüfen' }).click();
    await expect.poll(() => session.page.getByRole('list', { name: 'Fehlerhafte Zeilen' }).textContent()).toContain('Zeile 3, Spalte „Nachname“');
    const importButton = session.page.getByRole('button', { name: '1 Kontakt importieren' });
    expect(await importButton.isDisabled()).toBe(true);
    await session.page.getByLabel('Fehlerhafte Zeilen überspringen und nur die gültigen importieren').check();
    await importButton.click();
    await expect.poll(() => session.page.getByText('1 Kontakt importiert, 1 fehlerhafte Zeile übersprungen.').isVisible()).toBe(true);
    await session.page.getByRole('searchbox', { name: 'Kontakte durchsuchen' }).fill('weissenfels');
    await expect.poll(() => session.page.getByRole('row').filter({ hasText: 'Jördis Weißenfels' }).count()).toBe(1);
  });

  it('deletes a contact only after confirmation', async () => {
    await session.page.getByRole('row').filter({ hasText: 'Jördis Weißenfels' }).click();
    await session.page.getByRole('button', { name: 'Löschen …' }).click();
    const dialog = session.page.getByRole('alertdialog', { name: 'Kontakt löschen?' });
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => session.page.getByRole('form', { name: 'Kontakt bearbeiten' }).count(), { timeout: 5000 }).toBe(1);
    await session.page.getByRole('button', { name: 'Löschen …' }).click();
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
    await expect.poll(() => session.page.getByText('„Jördis Weißenfels“ wurde gelöscht.').isVisible()).toBe(true);
    await expect.poll(() => session.page.getByText('Keine Kontakte gefunden.').isVisible()).toBe(true);
  });
});
