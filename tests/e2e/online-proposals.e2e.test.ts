/**
 * The end-to-end scenario in browser mode (Chromium): a topic with three channel variants,
 * one too long for Bluesky (said at once while typing), approved, scheduled and moved by drag and
 * drop in the plan, exported for the portal (the HTML download read back); and a press release
 * with an embargo that proposes a post which cannot be marked published before the embargo.
 * (online.e2e covers the approval in the post dialog, online-plan the plan's views and filters.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';
import { dragPost } from './online-plan-actions';
import { pageApi } from './page-api';

const TOO_LONG =
  'Das Hafenfest in Ruhrort beginnt am Freitag, 18. Juni 2027, um 18 Uhr mit der Eröffnung durch Oberbürgermeisterin Dr. Petra Hovestadt auf der Mühlenweide. ' +
  'Drei Tage Musik, Schiffsparade am Samstag und das große Feuerwerk am Sonntag um 22:30 Uhr über dem Vinckekanal. Alle Infos zu Programm und Anreise:';
const SHORT = 'Das Hafenfest in Ruhrort beginnt am 18. Juni 2027 – drei Tage Musik, Schiffsparade und Feuerwerk! Programm und Anreise:';

describe('online proposals and the plan in browser mode (Chromium)', () => {
  // The app's clock and the browser's: Monday, 7 December 2026, 10:00 in Duisburg.
  const NOW = '2026-12-07T10:00:00+01:00';
  const session = useBrowserSession('online-proposals', { serverArgs: ['--now', NOW] });
  const dialog = () => session.page.getByRole('dialog');
  const check = () => dialog().getByRole('region', { name: 'Prüfung für den Kanal' });
  const inColumn = (date: string) => session.page.locator(`td.fc-timegrid-col[data-date="${date}"]`).locator('.fc-event[data-post-id]');

  it('plans a topic on three channels, shows at once that the Bluesky text is too long, schedules by drag and drop and exports the portal news', async () => {
    const page = session.page;
    await page.clock.install({ time: new Date(NOW) });
    await page.goto(session.server.url);
    const topic = await pageApi(page, 'online.topics.save', { title: 'Hafenfest Ruhrort 2027' });
    const link = 'https://www.duisburg.de/hafenfest';
    const portal = await pageApi(page, 'online.posts.save', {
      channel: 'portal',
      topicId: topic.id,
      text: 'Hafenfest Ruhrort 2027: das Programm\n\nDas Hafenfest beginnt am 18. Juni 2027 um 18 Uhr auf der Mühlenweide.',
      link,
      plannedAt: '2026-12-09T10:00',
    });
    const mastodon = await pageApi(page, 'online.posts.save', { channel: 'mastodon', topicId: topic.id, text: 'Das Hafenfest Ruhrort kommt am 18. Juni 2027. Alle Infos:', link, plannedAt: '2026-12-09T12:00' });

    // The Bluesky variant, typed: too long, said before anything is saved.
    await page.getByRole('tab', { name: 'Online' }).click();
    await page.getByRole('button', { name: 'Beitrag anlegen …' }).click();
    await dialog().getByRole('combobox', { name: 'Kanal' }).selectOption({ label: 'Bluesky' });
    await dialog().getByRole('combobox', { name: 'Thema' }).selectOption({ label: 'Hafenfest Ruhrort 2027' });
    await dialog().getByRole('textbox', { name: 'Link' }).fill(link);
    await dialog().getByRole('textbox', { name: 'Text' }).pressSequentially(TOO_LONG);
    await expect.poll(() => check().textContent()).toMatch(/Der Text ist zu lang für Bluesky: \d+ von höchstens 300 Zeichen \(\d+ zu viel\)\./);
    await dialog().getByRole('textbox', { name: 'Text' }).fill(SHORT);
    await expect.poll(() => check().textContent()).toContain('Passt für Bluesky.');
    await dialog().getByLabel('Geplant am').fill('2026-12-09');
    await dialog().getByLabel('um (Uhrzeit)').fill('16:00');
    await dialog().getByRole('button', { name: 'Beitrag speichern' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'Beitrag gespeichert (Entwurf).' }).count()).toBe(1);
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    const variants = (await pageApi(page, 'online.topics.get', { id: topic.id })).posts;
    expect(variants.map((p) => p.channel).sort()).toEqual(['bluesky', 'mastodon', 'portal']);

    // Approved (the check finds nothing on any of them), the portal news scheduled.
    const approvedAt = new Map<number, number>();
    for (const post of variants) {
      const submitted = await pageApi(page, 'online.posts.step', { id: post.id, revision: post.revision, step: 'submit' });
      const approved = await pageApi(page, 'online.posts.step', { id: post.id, revision: submitted.revision, step: 'approve' });
      expect(approved.status).toBe('freigegeben');
      approvedAt.set(post.id, approved.revision);
    }
    expect((await pageApi(page, 'online.posts.step', { id: portal.id, revision: approvedAt.get(portal.id)!, step: 'schedule' })).status).toBe('geplant');

    // Moved in the plan by drag and drop: a day later, still scheduled.
    await page.getByRole('tab', { name: 'Plan' }).click();
    await expect.poll(() => inColumn('2026-12-09').count()).toBe(3);
    await dragPost(page, portal.id, '2026-12-10', '10:00');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'verschoben' }).textContent()).toContain('von 09.12.2026, 10:00 Uhr auf 10.12.2026, 10:00 Uhr');
    expect(await pageApi(page, 'online.posts.get', { id: portal.id })).toMatchObject({ plannedAt: '2026-12-10T10:00', status: 'geplant' });
    expect((await pageApi(page, 'online.posts.get', { id: mastodon.id })).plannedAt).toBe('2026-12-09T12:00');
    await page.screenshot({ path: path.join(ARTIFACTS, 'online-proposals-plan.png') });

    // Exported for the portal's CMS: the HTML download, read back by Chromium's own parser.
    const exports = page.getByRole('group', { name: 'Export' });
    const download = page.waitForEvent('download');
    await exports.getByRole('button', { name: 'Stadtportal (HTML)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Stadtportal-Meldungen-2026-12-07-bis-2026-12-13.html');
    const html = fs.readFileSync((await file.path())!, 'utf8');
    const read = (await page.evaluate(
      `(() => { const d = new DOMParser().parseFromString(${JSON.stringify(html)}, 'text/html');
        return { articles: d.querySelectorAll('article').length, headline: d.querySelector('article h2')?.textContent, time: d.querySelector('article time')?.getAttribute('datetime'),
          link: d.querySelector('article a')?.getAttribute('href'), text: d.body.textContent }; })()`,
    )) as { articles: number; headline: string; time: string; link: string; text: string };
    // Only the portal's news: the social variants are not in it.
    expect(read).toMatchObject({ articles: 1, headline: 'Hafenfest Ruhrort 2027: das Programm', time: '2026-12-10T10:00', link });
    expect(read.text).toContain('Das Hafenfest beginnt am 18. Juni 2027 um 18 Uhr auf der Mühlenweide.');
    expect(read.text).not.toContain('Schiffsparade');
  });

  it('proposes a post for a press release with an embargo; taken by keyboard, it cannot be marked published before the embargo', async () => {
    const page = session.page;
    await pageApi(page, 'press.releases.save', {
      title: 'Neues Hallenbad in Walsum',
      subtitle: 'Eröffnung im Frühjahr 2027',
      body: 'Der Rat hat den Bau des neuen Hallenbads beschlossen.',
      embargoUntil: '2026-12-10T11:00',
    });
    await page.getByRole('tab', { name: 'Vorschläge' }).click();
    const proposals = page.getByRole('table', { name: 'Vorschläge' });
    const row = proposals.getByRole('row').filter({ hasText: 'Pressemitteilung „Neues Hallenbad in Walsum“' });
    await expect.poll(() => row.textContent()).toContain('Sperrfrist bis 10.12.2026, 11:00 Uhr');
    expect(await row.textContent()).toContain('10.12.2026, 11:00 Uhr');
    expect(await proposals.textContent()).toContain('Gruß zu Weihnachten');
    await page.screenshot({ path: path.join(ARTIFACTS, 'online-vorschlaege.png') });

    // „Verwerfen“: the greeting goes and is not proposed again.
    await proposals.getByRole('button', { name: 'Verwerfen: Gruß zu Weihnachten' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Verworfen: Gruß zu Weihnachten.' }).count()).toBe(1);
    await expect.poll(() => proposals.textContent()).not.toContain('Gruß zu Weihnachten');

    // „Übernehmen“ by keyboard: the channels chosen, a draft each, at the embargo.
    await row.getByRole('button', { name: 'Übernehmen: Pressemitteilung „Neues Hallenbad in Walsum“' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().getByRole('checkbox', { name: 'Bluesky' }).isChecked()).toBe(true);
    await dialog().getByRole('checkbox', { name: 'Facebook' }).focus();
    await page.keyboard.press('Space');
    expect(await dialog().getByRole('checkbox', { name: 'Facebook' }).isChecked()).toBe(false);
    expect(await dialog().textContent()).toContain('Sperrfrist bis 10.12.2026, 11:00 Uhr');
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'online-vorschlag-uebernehmen.png') });
    await dialog().getByRole('button', { name: 'Übernehmen', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Übernommen' }).textContent())
      .toContain('Übernommen: 3 Entwürfe im Redaktionsplan (Pressemitteilung „Neues Hallenbad in Walsum“), geplant für 10.12.2026, 11:00 Uhr.');
    await expect.poll(() => row.count()).toBe(0);

    // The Bluesky draft: approved, but not marked published before the embargo.
    await page.getByRole('tab', { name: 'Themen und Beiträge' }).click();
    await page.getByRole('table', { name: 'Beiträge' }).getByRole('row').filter({ hasText: 'Neues Hallenbad in Walsum' }).filter({ hasText: 'Bluesky' }).click();
    await expect.poll(() => dialog().getByRole('group', { name: 'Stand' }).textContent()).toContain('Sperrfrist bis 10.12.2026, 11:00 Uhr');
    await dialog().getByRole('button', { name: 'Zur Freigabe vorlegen' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'Zur Freigabe vorgelegt.' }).count()).toBe(1);
    await dialog().getByRole('button', { name: 'Freigeben' }).click();
    await expect.poll(() => dialog().getByRole('group', { name: 'Stand' }).textContent()).toContain('freigegeben von');
    await dialog().getByRole('textbox', { name: 'Veröffentlicht unter (URL)' }).fill('https://bsky.app/profile/duisburg.de/post/2');
    await dialog().getByRole('button', { name: 'Als veröffentlicht vermerken' }).click();
    await expect
      .poll(() => dialog().getByRole('alert').filter({ hasText: 'Nicht möglich' }).textContent())
      .toContain('Der Beitrag unterliegt einer Sperrfrist bis 10. Dezember 2026, 11:00 Uhr; vorher kann er nicht als veröffentlicht vermerkt werden.');
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'online-sperrfrist.png') });
  });

  it('proposes „Termine der Woche“ with the appointment marked „Öffentlicher Termin“ in its form, never the others', async () => {
    const page = session.page;
    const base = session.server.url.replace(/#.*$/, '');
    const ob = await pageApi(page, 'signers.save', { name: 'Dr. Petra Hovestadt', gender: 'female', office: 'Oberbürgermeisterin', deputy: false });
    const [calendar] = await pageApi(page, 'calendar.calendars.save', { signerId: ob.id, color: '#0f6cbd', sortOrder: 0 });
    const rink = (await pageApi(page, 'calendar.appointments.save', { calendarId: calendar!.id, title: 'Eröffnung der Eisbahn', start: '2026-12-14T18:30', end: '2026-12-14T19:30', place: 'König-Heinrich-Platz' })).appointment;
    await pageApi(page, 'calendar.appointments.save', { calendarId: calendar!.id, title: 'Vertrauliches Gespräch mit dem Investor', start: '2026-12-15T09:00', end: '2026-12-15T10:00' });
    expect(rink.public).toBe(false);

    // Marked in the appointment's form, by keyboard.
    await page.goto(new URL(`#/calendar/2026-12-14/appointment-${rink.id}`, base).href);
    const box = dialog().getByRole('checkbox', { name: 'Öffentlicher Termin' });
    await expect.poll(() => box.isChecked()).toBe(false);
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    await dialog().getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect.poll(async () => (await pageApi(page, 'calendar.appointments.get', { id: rink.id })).public).toBe(true);

    await page.goto(new URL('#/online/proposals', base).href);
    const week = page.getByRole('table', { name: 'Vorschläge' }).getByRole('row').filter({ hasText: 'Termine der Woche vom 14. bis 20. Dezember 2026' });
    await expect.poll(() => week.textContent()).toContain('Montag, 14.12., 18:30 Uhr: Eröffnung der Eisbahn (König-Heinrich-Platz)');
    expect(await week.textContent()).toContain('14.12.2026, 08:00 Uhr');
    expect(await week.textContent()).not.toContain('Vertrauliches Gespräch');
    await page.screenshot({ path: path.join(ARTIFACTS, 'online-vorschlag-termine-der-woche.png') });
  });
});
