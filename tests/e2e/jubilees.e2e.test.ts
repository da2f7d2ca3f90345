import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

const HEADER =
  'register_id;surname;given_names;degree;gender;birth_date;street;house_number;postcode;city;district;marriage_date;spouse_register_id;death_date;moved_away;objection;information_block;conditional_block';
const EXTRACT = [
  HEADER,
  'R1;Groß;Erna;;w;03.12.1936;Königstraße;5;47051;Duisburg;Mitte;;;;0;0;0;0',
  'R2;Maier;Manfred;;m;01.05.1940;Hofweg;2;47057;Duisburg;Süd;12.12.1966;R3;;0;0;0;0',
  'R3;Maier;Maria;;w;01.06.1942;Hofweg;2;47057;Duisburg;Süd;12.12.1966;R2;;0;0;0;0',
  'R4;Still;Stefan;;m;05.12.1936;Weg;1;47051;Duisburg;Mitte;;;;0;1;0;0',
  'R5;Unmöglich;Uta;;w;31.02.1930;;;;;;;;;;;;',
  'R6;Zukunft;Zora;;w;01.01.2030;;;;;;;;;;;;',
].join('\n');

describe('jubilees in browser mode (Chromium)', () => {
  const session = useBrowserSession('jubilees', { serverArgs: ['--demo'], open: true });

  it('imports an extract with bad rows after showing them, and lists next month without the objection', async () => {
    await session.page.getByRole('tab', { name: 'Jubiläen' }).click();
    await session.page.getByRole('button', { name: 'Melderegister-Auszug einlesen …' }).click();
    await session.page.getByLabel('Datei wählen …').setInputFiles({ name: 'auszug-2026-11.csv', mimeType: 'text/csv', buffer: Buffer.from(EXTRACT) });
    const rejected = session.page.getByRole('list', { name: 'Abgelehnte Zeilen' });
    await expect.poll(() => rejected.textContent()).toContain('Zeile 6: Das Geburtsdatum „31.02.1930“ gibt es nicht.');
    expect(await rejected.textContent()).toContain('Zeile 7: Das Geburtsdatum 01.01.2030 liegt in der Zukunft.');
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'melderegister-vorschau.png') });
    await session.page.getByRole('button', { name: '4 Zeilen übernehmen' }).click();
    await expect.poll(() => session.page.getByText('Melderegister-Auszug übernommen: 4 neu').isVisible()).toBe(true);
    await expect.poll(() => session.page.getByRole('dialog').count()).toBe(0);

    await session.page.getByLabel('von').fill('2026-12-01');
    await session.page.getByLabel('bis').fill('2026-12-31');
    const table = session.page.getByRole('table', { name: 'Jubiläen' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    const text = await table.textContent();
    expect(text).toContain('90. Geburtstag');
    expect(text).toContain('Diamantene Hochzeit');
    expect(text).toContain('Herrn Manfred Maier und Frau Maria Maier');
    expect(text).not.toContain('Still');
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'jubilaeen-liste.png') });
  });

  it('generates the letters from the list and finds them in the register', async () => {
    await session.page.getByRole('button', { name: '1 Geburtstagsbrief erstellen' }).click();
    await expect.poll(() => session.page.getByRole('status').filter({ hasText: 'erstellt' }).textContent()).toContain('1 Brief erstellt');
    await session.page.getByRole('button', { name: '1 Ehejubiläumsbrief erstellen' }).click();
    await expect.poll(() => session.page.getByRole('status').filter({ hasText: 'erstellt' }).textContent()).toContain('1 Brief erstellt');
    await session.page.getByRole('button', { name: 'Zum Postausgang' }).click();
    await session.page.getByRole('tab', { name: 'Postausgang' }).click();
    const register = session.page.getByRole('table', { name: 'Postausgang' });
    await expect.poll(() => register.getByRole('row').count()).toBe(3);
    const text = await register.textContent();
    expect(text).toContain('Erna Groß');
    expect(text).toContain('Manfred Maier und Maria Maier');
  });

  it('shows the start page with the dashboard card', async () => {
    await session.page.getByRole('tab', { name: 'Start' }).click();
    // The card looks four weeks ahead of today, so its content depends on the date: only its presence is checked.
    await expect.poll(() => session.page.getByRole('group', { name: 'Jubiläen der nächsten vier Wochen' }).or(session.page.getByLabel('Jubiläen der nächsten vier Wochen')).count()).toBeGreaterThan(0);
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'start.png') });
  });

  it('refuses honour rules that would list an age the law does not allow', async () => {
    await session.page.getByRole('tab', { name: 'Einstellungen' }).click();
    const field = session.page.getByLabel('Brief zu den Geburtstagen (durch Komma getrennt)');
    await expect.poll(() => field.inputValue()).toBe('80, 85');
    await field.fill('72, 80, 85');
    await session.page.getByRole('button', { name: 'Ehrungsordnung speichern' }).click();
    await expect.poll(() => session.page.getByRole('alert').textContent()).toContain('Der 72. Geburtstag darf nach § 50 Abs. 2 BMG nicht aus dem Melderegister gelistet werden.');
  });
});
