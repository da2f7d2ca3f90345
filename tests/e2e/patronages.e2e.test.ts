import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

const EVENT = 'Homberger Jugendsportfest';
const CRITERIA = ['Gemeinnützigkeit bzw. öffentliches Interesse', 'Bedeutung für Duisburg', 'Kein kommerzieller Zweck', 'Parteipolitische Neutralität'];

describe('patronages in browser mode (Chromium)', () => {
  const session = useBrowserSession('patronages', { serverArgs: ['--demo'], open: true });
  const dialog = () => session.page.getByRole('dialog');
  const criterion = (name: string) => dialog().getByRole('radiogroup', { name });

  it('records a request of a sports club, checks the criteria, takes it on and links the reply letter', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Schirmherrschaften' }).click();
    // The demo office has requests of its own.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Anfragen' }).textContent()).toMatch(/\d+ Anfragen/);
    await page.getByRole('button', { name: 'Anfrage erfassen …' }).click();

    await dialog().getByRole('combobox', { name: 'Anfragende Organisation (Kontakt)' }).pressSequentially('TuS Homberg');
    await page.getByRole('option', { name: /Turn- und Sportverein Homberg 1890/ }).click();
    await dialog().getByRole('textbox', { name: 'Veranstaltung', exact: true }).fill(EVENT);
    await dialog().getByLabel('Datum der Veranstaltung').fill('2027-06-12');
    await dialog().getByLabel('bis einschließlich (mehrtägig)').fill('2027-06-13');
    await dialog().getByLabel('Ort', { exact: true }).fill('Sportpark Homberg');
    expect(await dialog().getByLabel('Schirmherrin bzw. Schirmherr').inputValue()).not.toBe('');
    // Three criteria checked and met, political neutrality not yet checked.
    for (const name of CRITERIA.slice(0, 3)) await criterion(name).getByRole('radio', { name: 'erfüllt', exact: true }).check();
    expect(await criterion('Parteipolitische Neutralität').getByRole('radio', { name: 'nicht geprüft' }).isChecked()).toBe(true);
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'schirmherrschaft-erfassen.png') });
    await dialog().getByRole('button', { name: 'Anfrage speichern' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'gespeichert' }).count()).toBe(1);

    // Taking it on with a criterion not checked is refused, naming the criterion.
    expect(await dialog().textContent()).toContain('Nicht geprüft: parteipolitische Neutralität.');
    await dialog().getByRole('button', { name: 'Übernehmen' }).click();
    const refused = dialog().getByRole('alert').filter({ hasText: 'Nicht entschieden' });
    await expect.poll(() => refused.textContent()).toContain('nicht geprüft: „parteipolitische Neutralität“');
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'schirmherrschaft-kriterien.png') });

    // Checked and met: save, then take it on.
    await criterion('Parteipolitische Neutralität').getByRole('radio', { name: 'erfüllt', exact: true }).check();
    await dialog().getByRole('button', { name: 'Anfrage speichern' }).click();
    await expect.poll(() => dialog().textContent()).toContain('Alle Kriterien sind erfüllt.');
    await dialog().getByRole('button', { name: 'Übernehmen' }).click();
    const decided = dialog().getByRole('status').filter({ hasText: 'Entschieden' });
    await expect.poll(() => decided.textContent()).toContain('Entschieden: übernommen');

    await dialog().getByRole('button', { name: 'Antwortschreiben erstellen' }).click();
    const letter = dialog().getByRole('status').filter({ hasText: 'Antwortschreiben Nr.' });
    await expect.poll(() => letter.textContent()).toContain('gespeichert und verknüpft');
    expect(await letter.textContent()).toContain('Betreff: Schirmherrschaft für „Homberger Jugendsportfest“ vom 12. bis 13. Juni 2027.');
    expect(await letter.textContent()).toContain('Dr. Petra Hovestadt');
    const letterNo = /Antwortschreiben Nr\. (\d+)/.exec((await letter.textContent())!)![1];
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'schirmherrschaft-entschieden.png') });
    const download = page.waitForEvent('download');
    await letter.getByRole('button', { name: 'Herunterladen' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    await file.saveAs(path.join(ARTIFACTS, 'schirmherrschaft-zusage.docx'));

    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    await expect.poll(() => dialog().count()).toBe(0);
    const row = page.getByRole('table', { name: 'Schirmherrschaften' }).getByRole('row').filter({ hasText: EVENT });
    await expect.poll(() => row.textContent()).toContain('übernommen');
    expect(await row.textContent()).toContain('Turn- und Sportverein Homberg 1890 e. V.');
    expect(await row.textContent()).toContain('12.06.2027 – 13.06.2027');
    expect(await row.textContent()).toContain(`Antwortschreiben Nr. ${letterNo}`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'schirmherrschaften.png') });

    // Opened again, the dialog shows the linked reply letter.
    await row.click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: `Antwortschreiben Nr. ${letterNo}` }).textContent()).toContain('Entwurf');
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
  });

  it('declines a request of a free name; without a contact no reply is prepared', async () => {
    const page = session.page;
    await page.getByRole('button', { name: 'Anfrage erfassen …' }).click();
    await dialog().getByRole('radio', { name: 'Name frei eingeben' }).check();
    await dialog().getByRole('button', { name: 'Anfrage speichern' }).click();
    await expect.poll(() => dialog().getByRole('alert').filter({ hasText: 'Nicht gespeichert' }).count()).toBe(1);
    await dialog().getByLabel('Anfragende Organisation (Name)').fill('Messegesellschaft Rheinufer');
    await dialog().getByRole('textbox', { name: 'Veranstaltung', exact: true }).fill('Frühjahrsmesse am Rheinufer');
    await dialog().getByLabel('Datum der Veranstaltung').fill('2027-04-17');
    await criterion('Kein kommerzieller Zweck').getByRole('radio', { name: 'nicht erfüllt' }).check();
    await dialog().getByRole('button', { name: 'Anfrage speichern' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'gespeichert' }).count()).toBe(1);
    await dialog().getByLabel('Begründung').fill('Verkaufsmesse mit kommerziellem Zweck.');
    await dialog().getByRole('button', { name: 'Ablehnen' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'Entschieden' }).textContent()).toContain('Entschieden: abgelehnt');
    expect(await dialog().textContent()).toContain('Dafür muss die anfragende Organisation als Kontakt erfasst sein');
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();

    // The filter shows only declined requests: this one (and the demo office's), not the one taken on.
    const table = page.getByRole('table', { name: 'Schirmherrschaften' });
    await expect.poll(() => table.textContent()).toContain(EVENT);
    await page.getByLabel('Entscheidung').selectOption({ label: 'abgelehnt' });
    await expect.poll(() => table.textContent()).not.toContain(EVENT);
    expect(await table.textContent()).toContain('Messegesellschaft Rheinufer');
  });
});
