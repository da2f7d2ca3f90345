import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tempDir } from '../support/temp-app';
import { ARTIFACTS, launchBrowser, startServer, type RunningServer } from './browser-mode';

describe('correspondence in browser mode (Chromium)', () => {
  const dataDir = tempDir('rathausbuero-e2e-letters-');
  let browser: Browser;
  let server: RunningServer;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer(dataDir, ['--demo']);
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'de-DE' });
    await page.goto(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('composes a 90th-birthday letter for a demo contact, previews and saves it', async () => {
    await page.getByRole('tab', { name: 'Korrespondenz' }).click();
    await page.getByLabel('Vorlage').selectOption('geburtstag');
    const picker = page.getByRole('combobox', { name: 'Kontakt' });
    await picker.pressSequentially('Brackhagen');
    await page.getByRole('option', { name: /Ingeborg Brackhagen/ }).click();
    await page.getByLabel('Alter bzw. Jahre').fill('90');
    await page.getByLabel('Datum des Anlasses').fill('2026-12-03');
    await page.getByRole('button', { name: 'Vorschau' }).click();
    const preview = page.getByTestId('docx-preview');
    await expect.poll(() => preview.textContent(), { timeout: 20_000 }).toContain('Sehr geehrte Frau Brackhagen,');
    expect(await preview.textContent()).toContain('Ihr 90. Geburtstag');
    await page.screenshot({ path: path.join(ARTIFACTS, 'brief-vorschau.png') });
    await page.getByRole('button', { name: 'Brief erstellen und speichern' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'gespeichert' }).textContent()).toContain('Status: Entwurf');
  });

  it('shows the letter in the register as Entwurf and marks it versandt', async () => {
    await page.getByRole('button', { name: 'Zum Postausgang' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Ingeborg Brackhagen' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Entwurf');
    await row.click();
    await page.getByRole('button', { name: 'Als versandt markieren' }).click();
    await expect.poll(() => row.textContent()).toContain('versandt');
    expect(await page.getByRole('list').filter({ hasText: 'Entwurf → versandt' }).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'postausgang.png') });
  });
});
