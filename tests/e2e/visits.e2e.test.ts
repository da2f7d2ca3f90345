import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../core/app/open-app';
import { STANDARD_COLUMNS } from '../../core/services/residents/register-extract';
import { importExtract } from '../support/register-import';
import { MIGRATIONS_FOLDER, TEMPLATES_DIR } from '../support/temp-app';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

/** A 100th birthday and an Eiserne Hochzeit (65 years) in December 2026: both get a visit offer. */
const EXTRACT = [
  STANDARD_COLUMNS.join(';'),
  'R1;Groß;Erna;;w;10.12.1926;Königstraße;5;47051;Duisburg;Mitte;;;;0;0;0;0',
  'R2;Maier;Manfred;;m;01.05.1938;Königstraße;5;47051;Duisburg;Mitte;12.12.1961;R3;;0;0;0;0',
  'R3;Maier;Maria;;w;01.06.1940;Königstraße;5;47051;Duisburg;Mitte;12.12.1961;R2;;0;0;0;0',
].join('\n');

/** Imported through the services, beside the running server (the database is shared, WAL). */
async function storeResidents(dataDir: string): Promise<void> {
  const app = openApp({ dataDir, migrationsFolder: MIGRATIONS_FOLDER, templatesDir: TEMPLATES_DIR, appVersion: 'test', user: 'test' });
  try {
    await importExtract(app.handlers, new TextEncoder().encode(EXTRACT));
  } finally {
    app.close();
  }
}

describe('visits proposed by the honour rules, in browser mode (Chromium)', () => {
  const session = useBrowserSession('visits', { serverArgs: ['--demo'], open: true });
  beforeAll(() => storeResidents(session.dataDir));

  it('shows who visits in the honour rules and saves another visitor for weddings', async () => {
    await session.page.getByRole('tab', { name: 'Einstellungen' }).click();
    await session.page.getByRole('navigation', { name: 'Bereiche der Einstellungen' }).getByRole('link', { name: 'Ehrungsordnung' }).click();
    const birthday = session.page.getByLabel('Besuch zum Geburtstag durch');
    await expect.poll(() => birthday.inputValue()).toBe('Oberbürgermeister/in oder Bürgermeister/in');
    await session.page.getByLabel('Besuch zum Ehejubiläum durch').fill('Bezirksbürgermeisterin Elke Sandmann');
    await session.page.getByRole('button', { name: 'Ehrungsordnung speichern' }).click();
    await expect.poll(() => session.page.getByRole('status').filter({ hasText: 'Ehrungsordnung gespeichert.' }).count()).toBe(1);
    await session.page.getByRole('heading', { name: 'Ehrungsordnung' }).scrollIntoViewIfNeeded();
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'ehrungsordnung.png') });
  });

  it('proposes the visitor of the honour rules when planning a visit; another one may be typed', async () => {
    await session.page.getByRole('tab', { name: 'Jubiläen' }).click();
    await session.page.getByLabel('von', { exact: true }).fill('2026-12-01');
    await session.page.getByLabel('bis', { exact: true }).fill('2026-12-31');
    const table = session.page.getByRole('table', { name: 'Jubiläen' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);

    const birthdayRow = table.getByRole('row').filter({ hasText: '100. Geburtstag' });
    await birthdayRow.getByRole('button', { name: 'Besuch planen …' }).click();
    const dialog = session.page.getByRole('dialog', { name: 'Besuch planen' });
    const visitor = dialog.getByRole('combobox', { name: 'Wer besucht?' });
    await expect.poll(() => visitor.inputValue()).toBe('Oberbürgermeister/in oder Bürgermeister/in');
    await visitor.fill('Volker Sandmann, Bürgermeister');
    await dialog.getByRole('button', { name: 'Besuch eintragen' }).click();
    await expect.poll(() => birthdayRow.textContent()).toContain('10.12.2026: Volker Sandmann, Bürgermeister');

    const weddingRow = table.getByRole('row').filter({ hasText: 'Eiserne Hochzeit' });
    await weddingRow.getByRole('button', { name: 'Besuch planen …' }).click();
    await expect.poll(() => visitor.inputValue()).toBe('Bezirksbürgermeisterin Elke Sandmann');
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'besuch-planen.png') });
    await dialog.getByRole('button', { name: 'Besuch eintragen' }).click();
    await expect.poll(() => weddingRow.textContent()).toContain('12.12.2026: Bezirksbürgermeisterin Elke Sandmann');
  });
});
