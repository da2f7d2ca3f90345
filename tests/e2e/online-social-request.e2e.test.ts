import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';
import { pageApi } from './page-api';

const POST = 'https://www.instagram.com/p/DuisburgHafenfest2026/';
const TEXT = 'Am Rheinufer in Ruhrort liegt seit dem Hafenfest überall Müll. Wer räumt das weg?';

describe('a question or complaint from social media becomes a citizen’s request, in browser mode (Chromium)', () => {
  // Friday, 27 November 2026, 10:00 in Duisburg, for the server and the page.
  const NOW = '2026-11-27T10:00:00+01:00';
  const session = useBrowserSession('online-social-request', { serverArgs: ['--now', NOW] });

  it('is recorded from the online area in one dialog with the post’s link, and found under Bürgeranliegen with the channel Social Media', async () => {
    const page = session.page;
    await page.clock.install({ time: new Date(NOW) });
    await page.goto(session.server.url);
    await page.getByRole('tab', { name: 'Online' }).click();
    await page.getByRole('button', { name: 'Anliegen aus sozialen Medien erfassen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Anliegen aus sozialen Medien erfassen' });
    const field = (label: string) => dialog.getByRole('textbox', { name: label, exact: true });

    // Nothing typed: asked for the text and the link.
    await dialog.getByRole('button', { name: 'Anliegen erfassen' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Bitte den Link zum Beitrag angeben.');
    expect(await dialog.textContent()).toContain('Bitte den Text der Frage oder Beschwerde eintragen.');

    await field('Name oder Benutzername').fill('@ruhrpott_gülay');
    await field('Text der Frage oder Beschwerde').fill(TEXT);
    // No web address: refused by the server with a German message at the field.
    await field('Link zum Beitrag').fill('instagram.com/p/DuisburgHafenfest2026');
    await dialog.getByRole('button', { name: 'Anliegen erfassen' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Bitte die Internetadresse des Beitrags angeben; sie beginnt mit https:// (oder http://).');
    expect((await pageApi(page, 'requests.list', {})).total).toBe(0);

    await field('Link zum Beitrag').fill(POST);
    await dialog.getByRole('button', { name: 'Anliegen erfassen' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Anliegen Nr. 1 erfasst (Eingangsweg Social Media): „Am Rheinufer in Ruhrort liegt seit dem Hafenfest überall Müll.“');
    await page.screenshot({ path: path.join(ARTIFACTS, 'online-anliegen-erfasst.png') });

    // Opened under Bürgeranliegen: channel Social Media, the link kept and offered to open.
    await dialog.getByRole('button', { name: 'Anliegen öffnen' }).click();
    const request = page.getByRole('dialog', { name: 'Anliegen' });
    await expect.poll(() => request.getByRole('combobox', { name: 'Eingangsweg', exact: true }).count()).toBe(1);
    const channel = request.getByRole('combobox', { name: 'Eingangsweg', exact: true });
    expect(await channel.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe('Social Media');
    expect(await request.getByRole('textbox', { name: 'Link zum Beitrag', exact: true }).inputValue()).toBe(POST);
    expect(await request.getByRole('link', { name: /^Beitrag öffnen/ }).getAttribute('href')).toBe(POST);
    expect(await request.getByRole('textbox', { name: 'Nachname', exact: true }).inputValue()).toBe('@ruhrpott_gülay');
    expect(await request.getByRole('textbox', { name: 'Text des Anliegens', exact: true }).inputValue()).toBe(TEXT);
    await page.screenshot({ path: path.join(ARTIFACTS, 'anliegen-social-media.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => request.count()).toBe(0);

    // The register's channel filter knows the new channel.
    await pageApi(page, 'requests.save', { kind: 'hilfe', channel: 'email', citizen: null, subject: 'Laterne defekt', receivedOn: '2026-11-27' });
    await page.reload();
    const register = page.getByRole('table').first();
    await expect.poll(() => register.textContent()).toContain('Laterne defekt');
    await page.getByRole('combobox', { name: 'Eingangsweg' }).selectOption({ label: 'Social Media' });
    await expect.poll(() => register.textContent()).not.toContain('Laterne defekt');
    expect(await register.textContent()).toContain('Am Rheinufer in Ruhrort');
  });
});
