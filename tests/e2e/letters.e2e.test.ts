import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

/** The form's fields and messages end left of the preview: no column grows over the other. */
async function expectColumnsApart(page: Page): Promise<void> {
  const preview = await page.getByRole('document', { name: 'Briefvorschau' }).boundingBox();
  expect(preview, 'preview on screen').toBeTruthy();
  const parts = [page.getByLabel('Vorlage'), page.getByLabel('Betreff'), page.getByLabel('Brieftext'), page.getByRole('status').filter({ hasText: 'Brief Nr.' })];
  for (const part of parts) {
    if ((await part.count()) === 0) continue;
    const box = await part.first().boundingBox();
    expect(box!.x + box!.width, `${part.toString()} ends at ${Math.round(box!.x + box!.width)} px, the preview starts at ${Math.round(preview!.x)} px`).toBeLessThanOrEqual(preview!.x);
  }
}

describe('correspondence in browser mode (Chromium)', () => {
  const session = useBrowserSession('letters', { serverArgs: ['--demo'], open: true });

  it('composes a 90th-birthday letter; the preview follows the form as it is typed, and saving keeps the layout', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Korrespondenz' }).click();
    await page.getByLabel('Vorlage').selectOption('geburtstag');
    const picker = page.getByRole('combobox', { name: 'Kontakt' });
    await picker.pressSequentially('Brackhagen');
    await page.getByRole('option', { name: /Ingeborg Brackhagen/ }).click();
    await page.getByLabel('Alter bzw. Jahre').fill('90');
    await page.getByLabel('Datum des Anlasses').fill('2026-12-03');
    // No button: the preview comes once the form rests.
    const preview = page.getByTestId('docx-preview');
    await expect.poll(() => preview.textContent(), { timeout: 20_000 }).toContain('Sehr geehrte Frau Brackhagen,');
    expect(await preview.textContent()).toContain('Ihr 90. Geburtstag');
    // Typing changes it again.
    await page.getByLabel('Alter bzw. Jahre').fill('95');
    await expect.poll(() => preview.textContent(), { timeout: 20_000 }).toContain('Ihr 95. Geburtstag');
    await page.getByLabel('Betreff').fill('Herzlichen Glückwunsch zum {{alter}}. Geburtstag');
    await expect.poll(() => preview.textContent(), { timeout: 20_000 }).toContain('Herzlichen Glückwunsch zum 95. Geburtstag');
    expect(await page.getByRole('button', { name: 'Vorschau', exact: true }).count()).toBe(0);
    await expectColumnsApart(page);
    await page.screenshot({ path: path.join(ARTIFACTS, 'brief-vorschau.png') });

    await page.getByRole('button', { name: 'Brief erstellen und speichern' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Brief Nr.' }).textContent()).toContain('Status: Entwurf');
    await expectColumnsApart(page);
    await page.screenshot({ path: path.join(ARTIFACTS, 'brief-gespeichert.png') });
  });

  it('shows the letter in the register as Entwurf and marks it versandt', async () => {
    await session.page.getByRole('button', { name: 'Zum Postausgang' }).click();
    expect(await session.page.getByRole('tab', { name: 'Postausgang' }).getAttribute('aria-selected')).toBe('true');
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

  it('keeps its tab and the letter open in the Postausgang in the address: a reload and Back return to them', async () => {
    const page = session.page;
    const hash = async () => String(await page.evaluate('location.hash'));
    const letter = page.getByRole('group', { name: 'Brief' }).or(page.getByLabel('Brief', { exact: true }));
    await expect.poll(hash).toMatch(/^#\/letters\/register\/\d+$/);
    const address = await hash();
    const id = address.split('/').pop();
    await page.reload();
    await expect.poll(() => letter.textContent()).toContain(`Brief Nr. ${id}:`);
    expect(await page.getByRole('tab', { name: 'Postausgang' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('row', { selected: true }).textContent()).toContain('Ingeborg Brackhagen');

    await page.getByRole('tab', { name: 'Textbausteine' }).click();
    await expect.poll(hash).toBe('#/letters/blocks');
    await page.reload();
    await expect.poll(() => page.getByRole('tab', { name: 'Textbausteine' }).getAttribute('aria-selected')).toBe('true');

    await page.goBack();
    await expect.poll(() => letter.textContent()).toContain(`Brief Nr. ${id}:`);
    expect(await hash()).toBe(address);
    // Before the letter was opened: the Postausgang with none shown.
    await page.goBack();
    await expect.poll(hash).toBe('#/letters/register');
    await expect.poll(() => letter.count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Postausgang' }).getAttribute('aria-selected')).toBe('true');
    await page.goForward();
    await expect.poll(() => letter.textContent()).toContain(`Brief Nr. ${id}:`);
  });

  it('starts a letter from a contact’s drawer: the composer opens with the contact chosen', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Kontakte' }).click();
    await page.getByLabel('Kontakte durchsuchen').fill('Brackhagen');
    await page.getByRole('row').filter({ hasText: 'Ingeborg Brackhagen' }).first().click();
    await page.getByRole('button', { name: 'Brief schreiben' }).click();
    expect(await page.getByRole('tab', { name: 'Brief schreiben' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByRole('combobox', { name: 'Kontakt' }).inputValue()).toBe('Ingeborg Brackhagen');
    await page.getByLabel('Vorlage').selectOption('dankschreiben');
    await expect.poll(() => page.getByTestId('docx-preview').textContent(), { timeout: 20_000 }).toContain('Sehr geehrte Frau Brackhagen,');
  });

  it('refuses in the preview an address that cannot fit the address field, naming the line to shorten', async () => {
    const page = session.page;
    await page.getByRole('radio', { name: 'freie Anschrift' }).check();
    await page.getByLabel('Name (für den Postausgang)').fill('Erika Langenbeck');
    const lines = ['Frau', 'Dr. Erika Langenbeck', 'Vorsitzende des Heimatvereins', 'Rheinhausen e. V.', 'Geschäftsstelle', 'z. Hd. Frau Wiesemann', 'Hinterhaus', 'Eingang über den Hof', 'Krefelder Straße 221', '47226 Duisburg'];
    await page.getByLabel('Anschrift (eine Zeile je Zeile)').fill(lines.join('\n'));
    const refused = page.getByRole('alert').filter({ hasText: 'Keine Vorschau möglich' });
    await expect.poll(() => refused.textContent(), { timeout: 20_000 }).toContain('sie braucht 10 Zeilen, Platz ist für höchstens 9.');
    expect(await refused.textContent()).toContain('Zeile 3 „Vorsitzende des Heimatvereins“');
    await page.screenshot({ path: path.join(ARTIFACTS, 'brief-anschrift-zu-lang.png') });
  });

  it('speaks of the office in its holder’s form on the start page and in the settings', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Start' }).click();
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Briefe und Glückwünsche im Namen der Oberbürgermeisterin');
    await page.getByRole('tab', { name: 'Einstellungen' }).click();
    await expect.poll(() => page.getByRole('main').textContent()).toContain('zurzeit „Die Oberbürgermeisterin“ (Dr. Petra Hovestadt)');
  });

  it('shows in the contact picker the results of the latest search, even when an earlier, slower search answers last', async () => {
    const page = session.page;
    const searched: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let delivered!: (names: string[]) => void;
    const olderAnswer = new Promise<string[]>((resolve) => (delivered = resolve));
    // The search for „B“ is answered by the server at once but reaches the page only when released.
    await page.route('**/api/contacts.list', async (route) => {
      const query = (route.request().postDataJSON() as { query?: string }).query ?? '';
      searched.push(query);
      if (query !== 'B') return route.continue();
      const response = await route.fetch();
      const body = (await response.json()) as { data: { items: Array<{ displayName: string }> } };
      await released;
      await route.fulfill({ response });
      delivered(body.data.items.map((c) => c.displayName));
    });
    try {
      await page.getByRole('tab', { name: 'Korrespondenz' }).click();
      await page.getByRole('tab', { name: 'Brief schreiben' }).click();
      const picker = page.getByRole('combobox', { name: 'Kontakt' });
      await picker.fill('');
      await picker.pressSequentially('B');
      await expect.poll(() => searched.includes('B')).toBe(true);
      await picker.pressSequentially('rackhagen');
      // The picker's own list (the page has other options: the templates, the signers).
      await expect.poll(() => picker.getAttribute('aria-controls')).toBeTruthy();
      const options = page.locator(`[id="${await picker.getAttribute('aria-controls')}"]`).getByRole('option');
      const onlyBrackhagen = async () => {
        const shown = await options.allTextContents();
        return shown.length > 0 && shown.every((text) => text.includes('Brackhagen'));
      };
      await expect.poll(onlyBrackhagen).toBe(true);
      const newer = await options.allTextContents();

      release();
      // The older answer differs (or the test could not tell): other contacts, too.
      expect((await olderAnswer).some((name) => !name.includes('Brackhagen'))).toBe(true);
      // Once the page has taken that answer in (a task and two frames later), the list is still the newer one.
      await page.evaluate('new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve))))');
      expect(await options.allTextContents()).toEqual(newer);
      expect(await picker.inputValue()).toBe('Brackhagen');
    } finally {
      release();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    }
  });
});
