import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

describe('correspondence in browser mode (Chromium)', () => {
  const session = useBrowserSession('letters', { serverArgs: ['--demo'], open: true });

  it('composes a 90th-birthday letter for a demo contact, previews and saves it', async () => {
    await session.page.getByRole('tab', { name: 'Korrespondenz' }).click();
    await session.page.getByLabel('Vorlage').selectOption('geburtstag');
    const picker = session.page.getByRole('combobox', { name: 'Kontakt' });
    await picker.pressSequentially('Brackhagen');
    await session.page.getByRole('option', { name: /Ingeborg Brackhagen/ }).click();
    await session.page.getByLabel('Alter bzw. Jahre').fill('90');
    await session.page.getByLabel('Datum des Anlasses').fill('2026-12-03');
    await session.page.getByRole('button', { name: 'Vorschau' }).click();
    const preview = session.page.getByTestId('docx-preview');
    await expect.poll(() => preview.textContent(), { timeout: 20_000 }).toContain('Sehr geehrte Frau Brackhagen,');
    expect(await preview.textContent()).toContain('Ihr 90. Geburtstag');
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'brief-vorschau.png') });
    await session.page.getByRole('button', { name: 'Brief erstellen und speichern' }).click();
    await expect.poll(() => session.page.getByRole('status').filter({ hasText: 'gespeichert' }).textContent()).toContain('Status: Entwurf');
  });

  it('shows the letter in the register as Entwurf and marks it versandt', async () => {
    await session.page.getByRole('button', { name: 'Zum Postausgang' }).click();
    const row = session.page.getByRole('row').filter({ hasText: 'Ingeborg Brackhagen' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Entwurf');
    await row.click();
    await session.page.getByRole('button', { name: 'Als versandt markieren' }).click();
    await expect.poll(() => row.textContent()).toContain('versandt');
    // The history comes with the letter's details, which refresh just after the list row.
    await expect.poll(() => session.page.getByRole('list').filter({ hasText: 'Entwurf → versandt' }).count()).toBe(1);
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'postausgang.png') });
  });
});
