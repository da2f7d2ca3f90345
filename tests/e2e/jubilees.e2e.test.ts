import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import ExcelJS from 'exceljs';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

const HEADER =
  'register_id;surname;given_names;degree;gender;birth_date;street;house_number;postcode;city;district;marriage_date;spouse_register_id;death_date;moved_away;objection;information_block;conditional_block';
const EXTRACT = [
  HEADER,
  'R1;Groß;Erna;;w;03.12.1936;Königstraße;5;47051;Duisburg;Mitte;;;;0;0;0;0',
  'R2;Maier;Manfred;;m;01.05.1940;Hofweg;2;47057;Duisburg;Süd;12.12.1966;R3;;0;0;0;0',
  'R3;Maier;Maria;;w;01.06.1942;Hofweg;2;47057;Duisburg;Süd;12.12.1966;R2;;0;0;0;0',
  'R4;Still;Stefan;;m;05.12.1936;Weg;1;47051;Duisburg;Mitte;;;;0;1;0;0',
  // 100th birthday on 20 December: notifications to the Federal President (by 22 November) and the Land (by 8 November).
  'R7;Hundert;Hilde;;w;20.12.1926;Rheinweg;1;47198;Duisburg;Homberg;;;;0;0;0;0',
  // 100th birthday on 10 January: notifications due 13 December and 29 November, still open.
  'R8;Neujahr;Norbert;;m;10.01.1927;Rheinweg;3;47198;Duisburg;Homberg;;;;0;0;0;0',
  'R5;Unmöglich;Uta;;w;31.02.1930;;;;;;;;;;;;',
  'R6;Zukunft;Zora;;w;01.01.2030;;;;;;;;;;;;',
].join('\n');

describe('jubilees in browser mode (Chromium)', () => {
  // The app's clock stands at 27 November 2026 (the browser's own clock does not matter).
  const session = useBrowserSession('jubilees', { serverArgs: ['--demo', '--now', '2026-11-27T10:00:00+01:00'], open: true });
  const table = () => session.page.getByRole('table', { name: 'Jubiläen' });
  const row = (name: string): Locator => table().getByRole('row').filter({ hasText: name });
  const status = () => session.page.getByRole('status').filter({ hasText: 'erstellt' });
  /** The Jubiläen page on December 2026 (the page opens on the month after the browser's today). */
  const showDecember = async () => {
    await session.page.getByRole('tab', { name: 'Jubiläen' }).click();
    await session.page.getByLabel('von', { exact: true }).fill('2026-12-01');
    await session.page.getByLabel('bis', { exact: true }).fill('2026-12-31');
    await expect.poll(() => table().getByRole('row').count()).toBe(4);
  };

  it('imports an extract with bad rows after showing them, and lists December without the objection', async () => {
    await session.page.getByRole('tab', { name: 'Jubiläen' }).click();
    await session.page.getByRole('button', { name: 'Melderegister-Auszug einlesen …' }).click();
    await session.page.getByLabel('Datei wählen …').setInputFiles({ name: 'auszug-2026-11.csv', mimeType: 'text/csv', buffer: Buffer.from(EXTRACT) });
    const rejected = session.page.getByRole('list', { name: 'Abgelehnte Zeilen' });
    await expect.poll(() => rejected.textContent()).toContain('Zeile 8: Das Geburtsdatum „31.02.1930“ gibt es nicht.');
    expect(await rejected.textContent()).toContain('Zeile 9: Das Geburtsdatum 01.01.2030 liegt in der Zukunft.');
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'melderegister-vorschau.png') });
    await session.page.getByRole('button', { name: '6 Zeilen übernehmen' }).click();
    await expect.poll(() => session.page.getByText('Melderegister-Auszug übernommen: 6 neu').isVisible()).toBe(true);
    await expect.poll(() => session.page.getByRole('dialog').count()).toBe(0);

    await session.page.getByLabel('von', { exact: true }).fill('2026-12-01');
    await session.page.getByLabel('bis', { exact: true }).fill('2026-12-31');
    await expect.poll(() => table().getByRole('row').count()).toBe(4);
    const text = await table().textContent();
    expect(text).toContain('90. Geburtstag');
    expect(text).toContain('100. Geburtstag');
    expect(text).toContain('Diamantene Hochzeit');
    expect(text).toContain('Herrn Manfred Maier und Frau Maria Maier');
    expect(text).not.toContain('Still');
    expect(await row('Erna Groß').textContent()).toContain('noch kein Brief');
  });

  it('writes all letters once; a second click writes nothing and says how many it skipped', async () => {
    await session.page.getByRole('button', { name: 'Alle Briefe erstellen' }).click();
    await expect.poll(() => status().textContent()).toContain('3 Briefe erstellt');
    await expect.poll(() => row('Erna Groß').textContent()).toContain('Brief vom 27.11.2026 (Entwurf)');
    expect(await row('Manfred Maier').textContent()).toContain('Brief vom 27.11.2026 (Entwurf)');

    await session.page.getByRole('button', { name: 'Alle Briefe erstellen' }).click();
    await expect.poll(() => status().textContent()).toContain('Keine neuen Briefe erstellt, 3 übersprungen (schon vorhanden)');
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'jubilaeen-briefe.png'), fullPage: true });

    await session.page.getByRole('tab', { name: 'Korrespondenz' }).click();
    await session.page.getByRole('tab', { name: 'Postausgang' }).click();
    await expect.poll(() => session.page.getByRole('table', { name: 'Postausgang' }).getByRole('row').count()).toBe(4);
  });

  it('writes one letter again only when asked, and opens a jubilee letter in the Postausgang', async () => {
    await showDecember();
    await expect.poll(() => row('Erna Groß').textContent()).toContain('Brief vom 27.11.2026 (Entwurf)');
    await row('Erna Groß').getByRole('button', { name: 'Erneut erstellen …' }).click();
    const dialog = session.page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('Für den 90. Geburtstag am 03.12.2026 gibt es schon einen Brief');
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => row('Erna Groß').getByRole('button', { name: /Brief vom/ }).count()).toBe(1);

    await row('Erna Groß').getByRole('button', { name: 'Erneut erstellen …' }).click();
    await dialog.getByRole('button', { name: 'Erneut erstellen' }).click();
    await expect.poll(() => status().textContent()).toContain('1 Brief erstellt');
    await expect.poll(() => row('Erna Groß').getByRole('button', { name: /Brief vom/ }).count()).toBe(2);

    await row('Manfred Maier').getByRole('button', { name: /Brief vom/ }).click();
    const letter = session.page.getByRole('group', { name: 'Brief' }).or(session.page.getByLabel('Brief', { exact: true }));
    await expect.poll(() => letter.textContent()).toContain('Diamantene Hochzeit');
    expect(await session.page.getByRole('tab', { name: 'Postausgang', selected: true }).count()).toBe(1);
  });

  it('records the notifications: overdue ones are marked, the export is recorded, a sent one is overdue no more', async () => {
    await showDecember();
    const federal = () => row('Hilde Hundert').getByRole('group', { name: 'Meldung Bundespräsident' });
    await expect.poll(() => federal().textContent()).toContain('bis 22.11.2026');
    expect(await federal().textContent()).toContain('überfällig');
    expect(await row('Manfred Maier').getByRole('group', { name: 'Meldung Land NRW' }).textContent()).toContain('überfällig');

    const download = session.page.waitForEvent('download');
    await session.page.getByRole('button', { name: 'Meldung Bundespräsident (Excel)' }).click();
    expect((await download).suggestedFilename()).toBe('Meldung-Bundespraesident-2026-12-01-bis-2026-12-31.xlsx');
    await expect.poll(() => federal().textContent()).toContain('erstellt am 27.11.2026');
    expect(await federal().textContent()).toContain('überfällig');

    await federal().getByRole('button', { name: 'Als versandt vermerken' }).click();
    await expect.poll(() => federal().textContent()).toContain('versandt am 27.11.2026');
    expect(await federal().textContent()).not.toContain('überfällig');
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'jubilaeen-liste.png'), fullPage: true });
  });

  it('leaves a notification already sent out of the list made again, unless asked to list the sent ones too', async () => {
    await showDecember();
    const federal = () => row('Hilde Hundert').getByRole('group', { name: 'Meldung Bundespräsident' });
    await expect.poll(() => federal().textContent()).toContain('versandt am 27.11.2026');
    const includeSent = session.page.getByRole('checkbox', { name: 'Auch bereits versandte Meldungen aufführen' });
    expect(await includeSent.isChecked()).toBe(false);
    /** The names and the column „Versandt am“ of the Excel list the button makes. */
    const exportFederal = async () => {
      const download = session.page.waitForEvent('download');
      await session.page.getByRole('button', { name: 'Meldung Bundespräsident (Excel)' }).click();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile((await (await download).path())!);
      const sheet = workbook.worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).map(String);
      const rows = sheet.getSheetValues().slice(2).filter(Boolean) as unknown[][];
      return { header, rows: rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '')))) };
    };

    const withoutSent = await exportFederal();
    expect(withoutSent.header).not.toContain('Versandt am');
    // Hilde Hundert was December's only notification to the Federal President.
    expect(withoutSent.rows).toEqual([]);

    await includeSent.check();
    const withSent = await exportFederal();
    expect(withSent.header).toContain('Versandt am');
    const hilde = withSent.rows.find((r) => r.join(' ').includes('Hilde Hundert'));
    expect(hilde?.[withSent.header.indexOf('Versandt am')]).toBe('2026-11-27');
    // Still sent, and still recorded as first produced on the same day.
    expect(await federal().textContent()).toContain('versandt am 27.11.2026');
  });

  it("shows on the start page the figures of the same list: the counts agree with the deadlines listed below them", async () => {
    await session.page.getByRole('tab', { name: 'Start' }).click();
    const card = session.page.getByLabel('Jubiläen der nächsten vier Wochen');
    await expect.poll(() => card.textContent()).toContain('2 Geburtstage, 1 Ehejubiläum bis 25.12.2026.');
    // Open until 25 December: the wedding (Land) and Hilde Hundert (Land) overdue, Norbert Neujahr's two still open;
    // Hilde Hundert's notification to the Federal President was sent.
    expect(await card.textContent()).toContain('4 offene Meldefristen bis 25.12.2026, davon 2 überfällig:');
    const items = card.getByRole('list', { name: 'Offene Meldefristen' }).getByRole('listitem');
    expect(await items.count()).toBe(4);
    expect(await items.filter({ hasText: 'überfällig' }).count()).toBe(2);
    expect(await items.filter({ hasText: 'Meldung an den Bundespräsidenten' }).filter({ hasText: 'Hundert' }).count()).toBe(0);
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'start.png') });
  });

  it('explains at the field what the law does not allow, and refuses it there', async () => {
    await session.page.getByRole('tab', { name: 'Einstellungen' }).click();
    await session.page.getByRole('navigation', { name: 'Bereiche der Einstellungen' }).getByRole('link', { name: 'Ehrungsordnung' }).click();
    const every = session.page.getByLabel('Brief zu jedem Geburtstag ab');
    await expect.poll(() => every.inputValue()).toBe('100');
    const letterGroup = session.page.getByRole('region', { name: 'Briefe' });
    expect(await letterGroup.textContent()).toContain('Jeden Geburtstag gibt das Melderegister erst ab dem 100. heraus (§ 50 Abs. 2 BMG)');
    const singles = session.page.getByLabel('Brief zu den Geburtstagen (durch Komma getrennt)');
    expect(await singles.inputValue()).toBe('80, 85, 90, 95');

    await every.fill('90');
    await singles.fill('72, 80, 85');
    await session.page.getByRole('button', { name: 'Ehrungsordnung speichern' }).click();
    await expect.poll(() => letterGroup.textContent()).toContain('Der 72. Geburtstag darf nach § 50 Abs. 2 BMG nicht aus dem Melderegister gelistet werden.');
    expect(await letterGroup.textContent()).toContain(
      'Brief, jeder Geburtstag ab: Jeden Geburtstag gibt das Melderegister erst ab dem 100. heraus (§ 50 Abs. 2 BMG). Den 70., 75., 80., 85., 90. oder 95. Geburtstag bitte einzeln unter „Brief, Geburtstage“ angeben.',
    );
    await letterGroup.getByLabel('Brief zu jedem Geburtstag ab').scrollIntoViewIfNeeded();
    await session.page.screenshot({ path: path.join(ARTIFACTS, 'ehrungsordnung-bmg.png') });
  });
});
