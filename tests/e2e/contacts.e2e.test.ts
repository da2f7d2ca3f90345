import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { tempDir } from '../support/temp-app';
import { ARTIFACTS, launchBrowser, startServer, type RunningServer } from './browser-mode';

describe('contacts in browser mode (Chromium)', () => {
  const dataDir = tempDir('rathausbuero-e2e-');
  let browser: Browser;
  let server: RunningServer;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer(dataDir);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'de-DE' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts empty, loads the demo office and lists its contacts', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Beispieldaten laden' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Kontakte' }).isVisible()).toBe(true);
    const status = page.getByRole('status').filter({ hasText: 'Kontakte' });
    await expect.poll(async () => Number((await status.textContent())?.match(/\d+/)?.[0] ?? 0)).toBeGreaterThanOrEqual(180);
    await page.screenshot({ path: path.join(ARTIFACTS, 'kontakte-liste.png') });
  });

  it('creates "Prof. Dr. Erika Beispiel, Bürgermeisterin" with a live preview of the salutation', async () => {
    await page.getByRole('button', { name: 'Neuer Kontakt' }).click();
    const form = page.getByRole('form', { name: 'Kontakt bearbeiten' });
    await form.getByLabel('Geschlecht').selectOption('female');
    await form.getByLabel('Akademische Grade').fill('Prof. Dr.');
    await form.getByLabel('Vorname').fill('Erika');
    await form.getByLabel('Nachname').fill('Beispiel');
    await form.getByLabel('Amt / Funktion').selectOption({ label: 'Bürgermeister/-in' });
    await form.getByLabel('Straße').fill('Burgplatz');
    await form.getByLabel('Nr.').fill('19');
    await form.getByLabel('PLZ').fill('47051');
    await form.getByLabel('Ort').fill('Duisburg');
    const salutation = page.getByTestId('preview-salutation');
    await expect.poll(() => salutation.textContent()).toBe('Sehr geehrte Frau Bürgermeisterin,');
    expect(await page.getByTestId('preview-address').innerText()).toBe(
      'Frau Bürgermeisterin\nProf. Dr. Erika Beispiel\nBurgplatz 19\n47051 Duisburg',
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'kontakt-formular.png') });
    await form.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByText('„Erika Beispiel“ wurde gespeichert.').isVisible()).toBe(true);
  });

  it('shows a German validation message for a missing surname', async () => {
    await page.getByRole('button', { name: 'Neuer Kontakt' }).click();
    const form = page.getByRole('form', { name: 'Kontakt bearbeiten' });
    await form.getByLabel('Vorname').fill('Ohne');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => form.getByText('Der Nachname fehlt.').isVisible()).toBe(true);
    await form.getByRole('button', { name: 'Abbrechen' }).click();
  });

  it('finds the contact again after a restart of the server', async () => {
    await server.stop();
    server = await startServer(dataDir);
    await page.goto(server.url);
    await page.getByRole('tab', { name: 'Kontakte' }).click();
    await page.getByRole('searchbox', { name: 'Kontakte durchsuchen' }).fill('Erika Beispiel');
    const row = page.getByRole('row').filter({ hasText: 'Prof. Dr. Erika Beispiel' });
    await expect.poll(() => row.count()).toBe(1);
    await row.click();
    await expect.poll(() => page.getByTestId('preview-salutation').textContent()).toBe('Sehr geehrte Frau Bürgermeisterin,');
    const form = page.getByRole('form', { name: 'Kontakt bearbeiten' });
    expect(await form.getByLabel('Nachname').inputValue()).toBe('Beispiel');
    expect(await form.getByLabel('Akademische Grade').inputValue()).toBe('Prof. Dr.');
    expect(await form.getByLabel('Geschlecht').inputValue()).toBe('female');
    expect(await form.getByLabel('Amt / Funktion').inputValue()).toBe('buergermeister');
    expect(await form.getByLabel('Ort').inputValue()).toBe('Duisburg');
  });

  it('imports a Windows-1252 CSV after column mapping, listing the broken row', async () => {
    const csv = ['Anrede;Vorname;Nachname;Ort;E-Mail', 'Frau;Jördis;Weißenfels;Duisburg;joerdis@example.org', 'Herr;Kai;;Moers;'].join('\r\n');
    await page.keyboard.press('Escape'); // closes the contact opened by the previous test
    await expect.poll(() => page.getByRole('form', { name: 'Kontakt bearbeiten' }).count()).toBe(0);
    await page.getByRole('button', { name: 'CSV importieren …' }).click();
    await page.getByLabel('CSV-Datei wählen').setInputFiles({
      name: 'kontakte.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(csv, 'win1252'),
    });
    await expect.poll(() => page.getByText('Zeichensatz Windows-1252').isVisible()).toBe(true);
    expect(await page.getByLabel('Feld für Spalte Nachname').inputValue()).toBe('surname');
    await page.screenshot({ path: path.join(ARTIFACTS, 'kontakte-import-zuordnung.png') });
    await page.getByRole('button', { name: 'Zeilen prüfen' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Fehlerhafte Zeilen' }).textContent()).toContain('Zeile 3, Spalte „Nachname“');
    const importButton = page.getByRole('button', { name: '1 Kontakt importieren' });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByLabel('Fehlerhafte Zeilen überspringen und nur die gültigen importieren').check();
    await importButton.click();
    await expect.poll(() => page.getByText('1 Kontakt importiert, 1 fehlerhafte Zeile übersprungen.').isVisible()).toBe(true);
    await page.getByRole('searchbox', { name: 'Kontakte durchsuchen' }).fill('weissenfels');
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Jördis Weißenfels' }).count()).toBe(1);
  });

  it('deletes a contact only after confirmation', async () => {
    await page.getByRole('row').filter({ hasText: 'Jördis Weißenfels' }).click();
    await page.getByRole('button', { name: 'Löschen …' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Kontakt löschen?' });
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByRole('form', { name: 'Kontakt bearbeiten' }).count(), { timeout: 5000 }).toBe(1);
    await page.getByRole('button', { name: 'Löschen …' }).click();
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
    await expect.poll(() => page.getByText('„Jördis Weißenfels“ wurde gelöscht.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Keine Kontakte gefunden.').isVisible()).toBe(true);
  });
});
