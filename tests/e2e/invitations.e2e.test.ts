import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { documentText } from '../../core/documents/docx-template';
import { ARTIFACTS, useBrowserSession } from './browser-mode';
import { pageApi } from './page-api';
import { userActions } from './user-actions';

const EVENT = 'Sommerkonzert des Heimatvereins Walsum';


describe('an invitation recorded and decided in one dialog (Chromium)', () => {
  const session = useBrowserSession('invitations', { serverArgs: ['--demo'], open: true });
  const dialog = () => session.page.getByRole('dialog');

  it('records an invitation, delegates it to a Bürgermeister and makes the reply letter in at most 8 actions', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Einladungen' }).click();

    const user = userActions();
    await user.click(page.getByRole('button', { name: 'Einladung erfassen …' }));
    await user.type(dialog().getByRole('combobox', { name: 'Einladende/r (Kontakt)' }), 'Heimatverein Walsum');
    await user.click(page.getByRole('option', { name: /Heimatverein Walsum 1921/ }));
    await user.fill(dialog().getByRole('textbox', { name: 'Veranstaltung' }), EVENT);
    await user.fill(dialog().getByRole('textbox', { name: 'Beginn', exact: true }), '12.6.27');
    await user.fill(dialog().getByRole('textbox', { name: 'Beginn Uhrzeit' }), '19:30');
    await user.check(dialog().getByRole('radio', { name: 'In Vertretung: Volker Sandmann, Bürgermeister' }));
    await user.click(dialog().getByRole('button', { name: 'Speichern und entscheiden' }));

    const letter = dialog().getByRole('status').filter({ hasText: 'Antwortschreiben Nr.' });
    await expect.poll(() => letter.textContent()).toContain('unterzeichnet von Volker Sandmann');
    expect(user.count, user.log.join('\n')).toBeLessThanOrEqual(8);

    const decided = dialog().getByRole('status').filter({ hasText: 'Entschieden' });
    expect(await decided.textContent()).toContain('Entschieden: in Vertretung');
    expect(await decided.textContent()).toContain('Termin im Kalender von Volker Sandmann, Bürgermeister: Samstag, 12. Juni 2027, 19:30–20:30 Uhr.');
    expect(await letter.textContent()).toContain('Status: Entwurf (im Postausgang)');
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'einladung-in-einem-dialog.png') });

    // The appointment is in the Bürgermeister's calendar.
    const calendars = await pageApi(page, 'calendar.calendars', {});
    const sandmann = calendars.find((c) => c.name === 'Volker Sandmann')!;
    const view = await pageApi(page, 'calendar.view', { from: '2027-06-12', to: '2027-06-13', calendarIds: [sandmann.id] });
    expect(view.occurrences.map((o) => [o.title, o.start, o.end])).toEqual([[EVENT, '2027-06-12T19:30', '2027-06-12T20:30']]);

    // The letter is in the Postausgang, and signed „In Vertretung“.
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    await page.getByRole('tab', { name: 'Korrespondenz' }).click();
    await page.getByRole('tab', { name: 'Postausgang' }).click();
    const row = page.getByRole('row').filter({ hasText: EVENT });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Entwurf');
    const letters = await pageApi(page, 'letters.list', { query: 'Sommerkonzert' });
    const file = await pageApi(page, 'letters.file', { id: letters.items[0]!.id });
    const text = documentText(Buffer.from(file.contentBase64, 'base64')).body;
    expect(text).toMatch(/In Vertretung\s*(\n|\t|\s)*Volker Sandmann/);
  });
});
