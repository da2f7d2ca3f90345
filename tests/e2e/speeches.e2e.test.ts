import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

const TITLE = 'Grußwort zum Neujahrsempfang';

describe('speeches in browser mode (Chromium)', () => {
  const session = useBrowserSession('speeches', { serverArgs: ['--demo'], open: true });
  const dialog = () => session.page.getByRole('dialog');

  it('records a speech for the Oberbürgermeisterin and lists it', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Reden' }).click();
    await page.getByRole('button', { name: 'Neue Rede …' }).click();
    // Without a title the server's German message is shown.
    await dialog().getByRole('button', { name: 'Rede speichern' }).click();
    await expect.poll(() => dialog().textContent()).toContain('Bitte einen Titel angeben.');

    await dialog().getByLabel('Titel').fill(TITLE);
    await dialog().getByLabel('Art').selectOption({ label: 'Grußwort (gesprochen)' });
    await dialog().getByLabel('Rednerin bzw. Redner').selectOption({ label: 'Dr. Petra Hovestadt, Oberbürgermeisterin' });
    await dialog().getByLabel('Publikum').fill('Gäste aus Politik und Stadtgesellschaft');
    await dialog().getByLabel('Redezeit (Minuten)').fill('5');
    await dialog().getByLabel('Fällig am').fill('2027-01-05');
    await dialog().getByLabel('Verfasst von').fill('Redenschreiberin');
    await dialog().getByRole('button', { name: 'Rede speichern' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'gespeichert' }).count()).toBe(1);

    await dialog().getByRole('button', { name: 'Schließen' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    const table = page.getByRole('table', { name: 'Reden' });
    const row = table.getByRole('row').filter({ hasText: TITLE });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Dr. Petra Hovestadt');
    expect(await row.textContent()).toContain('05.01.2027');
    await page.screenshot({ path: path.join(ARTIFACTS, 'reden.png') });
    // A click on the row opens the speech again.
    await row.click();
    await expect.poll(() => dialog().getByLabel('Titel').inputValue()).toBe(TITLE);
  });

  it('proposes the greeting of two parliamentarians', async () => {
    const page = session.page;
    for (const [search, name] of [
      ['Paschke', /Nadine Paschke/],
      ['Aydın', /Kemal Aydın/],
    ] as const) {
      await dialog().getByRole('combobox', { name: 'Gast hinzufügen' }).pressSequentially(search);
      await page.getByRole('option', { name }).first().click();
      await expect.poll(() => dialog().getByRole('list', { name: 'Gäste' }).textContent()).toMatch(name);
    }
    await dialog().getByRole('button', { name: 'Begrüßung vorschlagen' }).click();
    const text = dialog().getByLabel('Vorgeschlagene Begrüßung');
    await expect.poll(() => text.count()).toBe(1);
    const greeting = await text.inputValue();
    expect(greeting.startsWith('Sehr geehrte')).toBe(true);
    expect(greeting.trimEnd().endsWith('meine sehr geehrten Damen und Herren,')).toBe(true);
    // Both members of the Bundestag are greeted as one group.
    expect(greeting).toContain('Abgeordnete');

    const order = dialog().getByRole('list', { name: 'Reihenfolge der Begrüßung' });
    const first = await order.getByRole('listitem').first().textContent();
    await order.getByRole('listitem').nth(1).getByRole('button', { name: /nach oben/ }).click();
    expect(await order.getByRole('listitem').nth(1).textContent()).toContain(first!.replace(/^1\. /, '').trim());
    await dialog().getByRole('button', { name: 'Kopieren' }).click();
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'rede-begruessung.png') });
  });
});
