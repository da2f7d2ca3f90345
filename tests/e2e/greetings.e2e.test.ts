import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { occasionsOfYear } from '../../core/domain/greetings';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

/** The plan opens on next year (the browser's clock). */
const YEAR = new Date().getFullYear() + 1;
const dayOf = (key: string) => occasionsOfYear(YEAR).find((o) => o.key === key)!.date;
const german = (iso: string) => iso.split('-').reverse().join('.');

describe('greetings plan and partner cities in browser mode (Chromium)', () => {
  const session = useBrowserSession('greetings', { serverArgs: ['--demo'], open: true });
  const occasionRow = (name: string) => session.page.getByRole('row').filter({ hasText: name }).filter({ has: session.page.getByRole('cell') });
  const panel = (name: string) => session.page.getByRole('region', { name: `Anlass: ${name}` });

  it('produces the Rosch ha-Schana letters for the Jewish community; they count as produced and are in the Postausgang', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Grußkalender' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Anlässe im Jahr' }).textContent()).toContain(`Anlässe im Jahr ${YEAR}`);
    expect(await page.getByLabel('Jahr').inputValue()).toBe(String(YEAR));

    const row = occasionRow('Rosch ha-Schana');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(german(dayOf('rosch-ha-schana')));
    expect(await row.textContent()).toContain('jüdisch');
    expect(await row.textContent()).toContain('ab Vorabend');
    await row.click();

    const detail = panel('Rosch ha-Schana');
    const recipients = detail.getByRole('table', { name: 'Empfänger' });
    await expect.poll(() => recipients.getByRole('row').count()).toBe(3);
    expect(await recipients.textContent()).toContain('Dr. Miriam Feldheim');
    expect(await recipients.textContent()).toContain('Elias Grünwald');
    expect(await recipients.textContent()).toContain('Merkmal „Jüdische Gemeinde“');
    expect(await detail.textContent()).toContain('Beginnt am Vorabend');
    await page.screenshot({ path: path.join(ARTIFACTS, 'grusskalender.png') });

    await detail.getByRole('button', { name: 'Briefe erstellen' }).click();
    const done = detail.getByRole('status').filter({ hasText: 'erstellt' });
    await expect.poll(() => done.textContent()).toContain('2 Briefe erstellt');
    expect(await done.textContent()).toContain('Postausgang');
    await expect.poll(() => row.textContent()).toContain('✓ 2');
    await expect.poll(() => recipients.textContent()).toContain('✓ Brief Nr.');
    expect(await detail.getByRole('button', { name: 'Briefe erstellen' }).isDisabled()).toBe(true);
    await detail.screenshot({ path: path.join(ARTIFACTS, 'grusskalender-rosch-ha-schana.png') });

    // One of the letters as a file (converted to PDF for a look, see the report).
    const letters = detail.getByRole('table', { name: 'Briefe zu diesem Anlass' });
    expect(await letters.textContent()).toContain('feiertagsgruss');
    const download = page.waitForEvent('download');
    await letters.getByRole('button', { name: /herunterladen/ }).first().click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    await file.saveAs(path.join(ARTIFACTS, 'grusskalender-brief.docx'));

    await done.getByRole('button', { name: 'Zum Postausgang' }).click();
    // Korrespondenz opens at the Postausgang, not at "Brief schreiben".
    await expect.poll(() => page.getByRole('tab', { name: 'Postausgang' }).getAttribute('aria-selected')).toBe('true');
    const register = page.getByRole('table', { name: 'Postausgang' });
    for (const name of ['Dr. Miriam Feldheim', 'Elias Grünwald']) {
      const letter = register.getByRole('row').filter({ hasText: name });
      await expect.poll(() => letter.count()).toBe(1);
      expect(await letter.textContent()).toContain('Entwurf');
      expect(await letter.textContent()).toContain('Gruß zu einem religiösen Feiertag · Neujahrsfest Rosch ha-Schana');
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'grusskalender-postausgang.png') });
  });

  it('a greeting to Perm (partnership suspended) needs an explicit approval, which is recorded', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Grußkalender' }).click();
    const row = occasionRow('Tag Russlands');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('+ 1 mit Freigabe');
    await row.click();
    const detail = panel('Tag Russlands');
    const recipients = detail.getByRole('table', { name: 'Empfänger' });
    await expect.poll(() => recipients.textContent()).toContain('Andrej Sokolow');
    expect(await recipients.textContent()).toContain('Partnerstadt Permausgesetzt');
    expect(await recipients.textContent()).toContain('Freigabe nötig');
    const produce = detail.getByRole('button', { name: 'Briefe erstellen' });
    expect(await produce.isDisabled()).toBe(true);

    await detail.getByRole('checkbox', { name: /Perm \(ausgesetzt\) ausdrücklich freigeben/ }).check();
    expect(await produce.isDisabled()).toBe(false);
    await detail.screenshot({ path: path.join(ARTIFACTS, 'grusskalender-perm-freigabe.png') });
    await produce.click();
    await expect.poll(() => detail.getByRole('status').filter({ hasText: 'erstellt' }).textContent()).toContain('1 Brief erstellt');
    await expect.poll(() => recipients.textContent()).toContain('freigegeben:');
    await expect.poll(() => row.textContent()).toContain('✓ 1');

    // The letter is part of Perm's history.
    await page.getByRole('tab', { name: 'Partnerstädte' }).click();
    const perm = page.getByRole('table', { name: 'Partnerschaften' }).getByRole('row').filter({ hasText: 'Perm' });
    await expect.poll(() => perm.textContent()).toContain('ausgesetzt');
    expect(await perm.textContent()).toContain('Gruß zum Anlass „Tag Russlands“');
    await page.screenshot({ path: path.join(ARTIFACTS, 'partnerstaedte.png') });
    await perm.click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('table', { name: 'Geschichte' }).textContent()).toContain('freigegeben von');
    expect(await dialog.textContent()).toContain('Grüße nur nach ausdrücklicher Freigabe');
    await dialog.getByRole('button', { name: 'Schließen' }).last().click();
  });

  it('partner city register: take over the proposed mayor, add a visit to the history', async () => {
    const page = session.page;
    const portsmouth = page.getByRole('table', { name: 'Partnerschaften' }).getByRole('row').filter({ hasText: 'Portsmouth' });
    expect(await portsmouth.textContent()).toContain('Vorschlag');
    await portsmouth.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Übernehmen' }).click();
    expect(await dialog.getByRole('combobox', { name: /Oberbürgermeister/ }).inputValue()).toBe('Helen Pendleton');
    await dialog.getByRole('combobox', { name: 'Büro für internationale Beziehungen' }).pressSequentially('Portsmouth City');
    await page.getByRole('option', { name: /Portsmouth City Council/ }).click();
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Gespeichert');

    const add = dialog.getByRole('form', { name: 'Eintrag hinzufügen' });
    await add.getByLabel('Datum').fill('2026-12-08');
    await add.getByLabel('Worum ging es?').fill('Delegation aus Portsmouth im Rathaus');
    await add.getByRole('button', { name: 'Eintrag hinzufügen' }).click();
    await expect.poll(() => dialog.getByRole('table', { name: 'Geschichte' }).textContent()).toContain('Delegation aus Portsmouth im Rathaus');
    await dialog.screenshot({ path: path.join(ARTIFACTS, 'partnerstadt-portsmouth.png') });
    await dialog.getByRole('button', { name: 'Schließen' }).last().click();
    await expect.poll(() => portsmouth.textContent()).toContain('Delegation aus Portsmouth im Rathaus');
    expect(await portsmouth.textContent()).not.toContain('Vorschlag');
  });

  it('confirms a proposed Islamic date', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Grußkalender' }).click();
    const row = occasionRow('Ramadan-Fest (Eid al-Fitr)');
    await expect.poll(() => row.textContent()).toContain('Vorschlag – bitte bestätigen');
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'grusskalender-vorschlag.png') });
    const computed = dayOf('eid-al-fitr');
    const [y, m, d] = computed.split('-').map(Number);
    const nextDay = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    await row.getByRole('button', { name: 'Datum bestätigen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Datum bestätigen' });
    expect(await dialog.textContent()).toContain('Umm-al-Qura');
    await dialog.getByLabel('Bestätigtes Datum').fill(nextDay);
    await dialog.getByRole('button', { name: 'Bestätigen', exact: true }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const confirmed = occasionRow('Ramadan-Fest (Eid al-Fitr)');
    await expect.poll(() => confirmed.textContent()).toContain('bestätigt');
    expect(await confirmed.textContent()).toContain(german(nextDay));
    expect(await confirmed.textContent()).not.toContain('Vorschlag');
  });
});
