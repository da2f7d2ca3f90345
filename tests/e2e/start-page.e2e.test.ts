import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

describe('the start page (Chromium)', () => {
  const session = useBrowserSession('start-page', { open: true });

  it('says which database the app works on and what chose it', async () => {
    const page = session.page;
    await page.getByRole('heading', { name: 'Willkommen im Rathausbüro' }).waitFor();
    const facts = page.getByRole('main');
    const file = path.join(session.dataDir, 'rathausbuero.sqlite');
    await expect.poll(() => facts.getByText(`SQLite-Datei „${file}“`, { exact: true }).count()).toBe(1);
    expect(await facts.getByText('Datenbank', { exact: true }).count()).toBe(1);
    expect(await facts.getByText('Gewählt durch', { exact: true }).count()).toBe(1);
    expect(await facts.getByText('Option --data-dir', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'start-page-database.png'), fullPage: true });
  });
});
