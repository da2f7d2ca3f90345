import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

const TOO_LONG =
  'Das Hafenfest in Ruhrort beginnt am Freitag, 18. Juni 2027, um 18 Uhr mit der Eröffnung durch Oberbürgermeisterin Dr. Petra Hovestadt auf der Mühlenweide. ' +
  'Drei Tage Musik, Schiffsparade am Samstag und das große Feuerwerk am Sonntag um 22:30 Uhr über dem Vinckekanal. Alle Infos zu Programm, Anreise mit Bus und Bahn und Parken:';
const SHORT = 'Das Hafenfest in Ruhrort beginnt am 18. Juni 2027 – drei Tage Musik, Schiffsparade und Feuerwerk! Programm und Anreise:';

describe('online editorial plan in browser mode (Chromium)', () => {
  // The app's clock: Friday, 27 November 2026, 10:00 in Duisburg.
  const session = useBrowserSession('online', { serverArgs: ['--now', '2026-11-27T10:00:00+01:00'], open: true });
  const dialog = () => session.page.getByRole('dialog');
  const check = () => dialog().getByRole('region', { name: 'Prüfung für den Kanal' });

  it('plans a topic with a Bluesky post, shows at once that it is too long, and approves it once the check finds nothing', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Online' }).click();
    await page.getByRole('button', { name: 'Thema anlegen …' }).click();
    await dialog().getByRole('textbox', { name: 'Thema' }).fill('Hafenfest Ruhrort 2027');
    await dialog().getByRole('textbox', { name: 'Ziel' }).fill('Besucherinnen und Besucher aus der Region; Anreise mit Bus und Bahn');
    await dialog().getByRole('textbox', { name: 'Verantwortlich' }).fill('Jana Kowalczyk');
    await dialog().getByRole('button', { name: 'Thema speichern' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'Thema gespeichert.' }).count()).toBe(1);
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    await expect.poll(() => page.getByRole('table', { name: 'Themen' }).textContent()).toContain('Jana Kowalczyk');

    await page.getByRole('button', { name: 'Beitrag anlegen …' }).click();
    await dialog().getByRole('combobox', { name: 'Kanal' }).selectOption({ label: 'Bluesky' });
    await dialog().getByRole('combobox', { name: 'Thema' }).selectOption({ label: 'Hafenfest Ruhrort 2027' });
    await dialog().getByRole('textbox', { name: 'Link' }).fill('https://www.duisburg.de/hafenfest');
    // Too long for Bluesky: said while typing, before anything is saved.
    await dialog().getByRole('textbox', { name: 'Text' }).fill(TOO_LONG);
    await expect.poll(() => check().textContent()).toMatch(/Der Text ist zu lang für Bluesky: \d+ von höchstens 300 Zeichen \(\d+ zu viel\)\./);
    await check().scrollIntoViewIfNeeded();
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'online-beitrag-zu-lang.png') });

    // Shorter, with an image: its alternative text is asked for, then the post fits.
    await dialog().getByRole('textbox', { name: 'Text' }).fill(SHORT);
    await dialog().getByRole('button', { name: 'Bild oder Video hinzufügen' }).click();
    await expect.poll(() => check().textContent()).toContain('Bild 1 hat keinen Alternativtext');
    await dialog().getByRole('textbox', { name: 'Alternativtext (1)' }).fill('Schiffe im Eisenbahnhafen bei Sonnenuntergang');
    await expect.poll(() => check().textContent()).toContain('Passt für Bluesky.');
    await dialog().getByLabel('Geplant am').fill('2026-12-10');
    await dialog().getByLabel('um (Uhrzeit)').fill('10:00');
    await dialog().getByRole('button', { name: 'Beitrag speichern' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'Beitrag gespeichert (Entwurf).' }).count()).toBe(1);

    await dialog().getByRole('button', { name: 'Zur Freigabe vorlegen' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'Zur Freigabe vorgelegt.' }).count()).toBe(1);
    await dialog().getByRole('button', { name: 'Freigeben' }).click();
    await expect.poll(() => dialog().getByRole('group', { name: 'Stand' }).textContent()).toMatch(/freigegeben von .+ am 27\.11\.2026, 10:\d\d Uhr/);
    await dialog().getByRole('button', { name: 'Einplanen' }).click();
    await expect.poll(() => dialog().getByRole('group', { name: 'Stand' }).textContent()).toContain('geplant');

    // Not marked published before its time.
    await dialog().getByRole('textbox', { name: 'Veröffentlicht unter (URL)' }).fill('https://bsky.app/profile/duisburg.de/post/1');
    await dialog().getByRole('button', { name: 'Als veröffentlicht vermerken' }).click();
    await expect
      .poll(() => dialog().getByRole('alert').filter({ hasText: 'Nicht möglich' }).textContent())
      .toContain('Der Beitrag ist für 10. Dezember 2026, 10:00 Uhr geplant; vorher kann er nicht als veröffentlicht vermerkt werden.');
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();

    const row = page.getByRole('table', { name: 'Beiträge' }).getByRole('row').filter({ hasText: 'Hafenfest in Ruhrort' });
    await expect.poll(() => row.textContent()).toContain('geplant');
    expect(await row.textContent()).toContain('10.12.2026, 10:00 Uhr');
    await page.screenshot({ path: path.join(ARTIFACTS, 'online-redaktionsplan.png') });
  });

  it('refuses the approval of a post whose check finds a problem, and says which', async () => {
    const page = session.page;
    await page.getByRole('button', { name: 'Beitrag anlegen …' }).click();
    await dialog().getByRole('combobox', { name: 'Kanal' }).selectOption({ label: 'Mastodon' });
    await dialog().getByRole('textbox', { name: 'Text' }).fill('Bis bald beim #hafenfest in Ruhrort!');
    await expect.poll(() => check().textContent()).toContain('Den Hashtag „#hafenfest“ lesen Screenreader als ein Wort vor.');
    await dialog().getByRole('button', { name: 'Beitrag speichern' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'Beitrag gespeichert' }).count()).toBe(1);
    await dialog().getByRole('button', { name: 'Zur Freigabe vorlegen' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'Zur Freigabe vorgelegt.' }).count()).toBe(1);
    await dialog().getByRole('button', { name: 'Freigeben' }).click();
    await expect
      .poll(() => dialog().getByRole('alert').filter({ hasText: 'Nicht möglich' }).textContent())
      .toContain('Der Beitrag kann so nicht freigegeben werden: Den Hashtag „#hafenfest“ lesen Screenreader als ein Wort vor.');
    expect(await dialog().getByRole('group', { name: 'Stand' }).textContent()).toContain('zur Freigabe');
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    await expect.poll(() => dialog().count()).toBe(0);
  });

  it('follows a platform’s new limit set in the settings', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Einstellungen' }).click();
    await page.getByRole('navigation', { name: 'Bereiche der Einstellungen' }).getByRole('link', { name: 'Online-Kanäle' }).click();
    const limit = page.getByRole('textbox', { name: 'Zeichen höchstens Bluesky' });
    expect(await limit.inputValue()).toBe('300');
    await limit.fill('350');
    await page.getByRole('button', { name: 'Regeln speichern' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Regeln der Online-Kanäle gespeichert.' }).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'online-einstellungen.png') });

    await page.getByRole('tab', { name: 'Online' }).click();
    await page.getByRole('button', { name: 'Beitrag anlegen …' }).click();
    await dialog().getByRole('combobox', { name: 'Kanal' }).selectOption({ label: 'Bluesky' });
    await dialog().getByRole('textbox', { name: 'Text' }).fill(TOO_LONG.slice(0, 320));
    await expect.poll(() => check().textContent()).toContain('320 von 350 Zeichen (Bluesky)');
    expect(await check().textContent()).toContain('Passt für Bluesky.');
  });
});
