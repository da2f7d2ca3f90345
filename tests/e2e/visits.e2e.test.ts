import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataFileIn } from '../../core/app/data-dir';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

/** A 100th birthday and an Eiserne Hochzeit (65 years) in December 2026: both get a visit offer. */
function storeResidents(dataDir: string): void {
  const db = new Database(dataFileIn(dataDir));
  const insert = db.prepare(
    `insert into residents (register_id, surname, given_names, gender, birth_date, birth_month_day, street, house_number, postcode, city, district,
       marriage_date, marriage_month_day, spouse_register_id, row_hash, import_id, updated_at)
     values (?, ?, ?, ?, ?, ?, 'Königstraße', '5', '47051', 'Duisburg', 'Mitte', ?, ?, ?, 'x', 1, 'x')`,
  );
  insert.run('R1', 'Groß', 'Erna', 'female', '1926-12-10', '12-10', null, null, null);
  insert.run('R2', 'Maier', 'Manfred', 'male', '1938-05-01', '05-01', '1961-12-12', '12-12', 'R3');
  insert.run('R3', 'Maier', 'Maria', 'female', '1940-06-01', '06-01', '1961-12-12', '12-12', 'R2');
  db.close();
}

describe('visits proposed by the honour rules, in browser mode (Chromium)', () => {
  const session = useBrowserSession('visits', { serverArgs: ['--demo'], open: true });
  beforeAll(() => storeResidents(session.dataDir));

  it('shows who visits in the honour rules and saves another visitor for weddings', async () => {
    await session.page.getByRole('tab', { name: 'Einstellungen' }).click();
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
    await session.page.getByLabel('von').fill('2026-12-01');
    await session.page.getByLabel('bis').fill('2026-12-31');
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
