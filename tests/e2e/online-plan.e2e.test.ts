import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';
import { dragPost } from './online-plan-actions';
import { pageApi } from './page-api';

describe('the online plan as a calendar in browser mode (Chromium)', () => {
  // The app's clock and the browser's: Friday, 27 November 2026, 10:00 in Duisburg.
  const NOW = '2026-11-27T10:00:00+01:00';
  const session = useBrowserSession('online-plan', { serverArgs: ['--now', NOW] });
  const events = () => session.page.locator('.fc-event[data-post-id]');
  const inColumn = (date: string) => session.page.locator(`td.fc-timegrid-col[data-date="${date}"]`).locator('.fc-event[data-post-id]');
  const warnings = () => session.page.getByRole('list', { name: 'Häufungen und Lücken im Plan' });
  let instagram = 0;
  let saturday = 0;

  /** Drags the post from its top edge to `time` on `date` in the week view. */
  const drag = (id: number, date: string, time: string) => dragPost(session.page, id, date, time);

  it('shows the week’s posts by channel with a cluster warning, and filters by channel and topic', async () => {
    const page = session.page;
    await page.clock.install({ time: new Date(NOW) });
    await page.goto(session.server.url);
    const topic = await pageApi(page, 'online.topics.save', { title: 'Weihnachtsmarkt 2026' });
    for (const plannedAt of ['2026-12-01T10:00', '2026-12-01T10:20', '2026-12-01T10:40']) {
      await pageApi(page, 'online.posts.save', { channel: 'bluesky', text: `Weihnachtsmarkt: heute geöffnet (${plannedAt.slice(11)})`, plannedAt, topicId: topic.id });
    }
    instagram = (await pageApi(page, 'online.posts.save', { channel: 'instagram', text: 'Der Lichterzauber auf dem König-Heinrich-Platz', plannedAt: '2026-12-02T14:00' })).id;
    await pageApi(page, 'online.posts.save', { channel: 'portal', text: 'Neue Öffnungszeiten der Bürgerservice-Stellen', plannedAt: '2026-12-03T09:00' });
    saturday = (await pageApi(page, 'online.posts.save', { channel: 'mastodon', text: 'Samstag: Adventsmarkt in Hamborn', plannedAt: '2026-11-28T11:00' })).id;

    await page.getByRole('tab', { name: 'Online' }).click();
    await page.getByRole('tab', { name: 'Plan' }).click();
    await expect.poll(() => inColumn('2026-11-28').count()).toBe(1);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect.poll(() => events().count()).toBe(5);
    expect(await inColumn('2026-12-01').count()).toBe(3);
    expect(await inColumn('2026-12-01').first().textContent()).toContain('⚠ Bluesky: Weihnachtsmarkt');
    expect(await inColumn('2026-12-02').getAttribute('title')).toContain('Instagram: Der Lichterzauber auf dem König-Heinrich-Platz, 02.12.2026, 14:00 Uhr, Status: Entwurf');
    await expect.poll(() => warnings().textContent()).toContain('Häufung auf Bluesky: 3 Beiträge am 01.12.2026 zwischen 10:00 und 10:40 Uhr.');
    expect(await warnings().textContent()).toContain('Auf Mastodon ist vom 30.11.2026 bis 06.12.2026 (7 Tage) nichts geplant.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'online-plan-woche.png') });

    // Only Instagram: the other channels' posts and warnings go.
    await page.getByRole('checkbox', { name: 'alle' }).uncheck();
    await page.getByRole('checkbox', { name: 'Instagram' }).check();
    await expect.poll(() => events().count()).toBe(1);
    expect(await events().getAttribute('data-channel')).toBe('instagram');
    await expect.poll(() => warnings().count()).toBe(0);
    await page.getByRole('checkbox', { name: 'alle' }).check();
    await expect.poll(() => events().count()).toBe(5);

    // One topic: its posts; the cluster it is part of is still said.
    await page.getByRole('combobox', { name: 'Thema' }).selectOption({ label: 'Weihnachtsmarkt 2026' });
    await expect.poll(() => events().count()).toBe(3);
    expect(await warnings().textContent()).toContain('Häufung auf Bluesky');
    await page.getByRole('combobox', { name: 'Thema' }).selectOption({ label: 'alle' });
    await expect.poll(() => events().count()).toBe(5);

    // November (to 6 December, the days its view shows): all six posts, its warnings for all its days.
    await page.getByRole('button', { name: 'Monat', exact: true }).click();
    await expect.poll(() => warnings().textContent()).toContain('Auf Instagram ist vom 26.10.2026 bis 01.12.2026 (37 Tage) nichts geplant.');
    expect(await warnings().textContent()).toContain('Auf Mastodon ist vom 29.11.2026 bis 06.12.2026 (8 Tage) nichts geplant.');
    expect(await events().count()).toBe(6);
    await page.screenshot({ path: path.join(ARTIFACTS, 'online-plan-monat.png') });
    await page.getByRole('button', { name: 'Woche', exact: true }).click();
    await expect.poll(() => inColumn('2026-12-01').count()).toBe(3);
  });

  it('moves a post to another day by drag and drop, saved (also after a reload), and undoes it', async () => {
    const page = session.page;
    await drag(instagram, '2026-12-04', '14:00');
    const moved = page.getByRole('status').filter({ hasText: 'verschoben' });
    await expect.poll(() => moved.textContent()).toContain('von 02.12.2026, 14:00 Uhr auf 04.12.2026, 14:00 Uhr');
    expect((await pageApi(page, 'online.posts.get', { id: instagram })).plannedAt).toBe('2026-12-04T14:00');
    await expect.poll(() => inColumn('2026-12-04').count()).toBe(1);

    await moved.getByRole('button', { name: 'Rückgängig' }).click();
    await expect.poll(() => inColumn('2026-12-02').count()).toBe(1);
    // The note goes once the post is back (the calendar moves up: measured after that).
    await expect.poll(() => moved.count()).toBe(0);
    expect((await pageApi(page, 'online.posts.get', { id: instagram })).plannedAt).toBe('2026-12-02T14:00');

    await drag(instagram, '2026-12-04', '15:00');
    await expect.poll(() => moved.textContent()).toContain('auf 04.12.2026, 15:00 Uhr');
    await page.reload();
    await expect.poll(() => page.getByRole('tab', { name: 'Plan', selected: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect.poll(() => inColumn('2026-12-04').count()).toBe(1);
    expect(await inColumn('2026-12-04').getAttribute('title')).toContain('04.12.2026, 15:00 Uhr');
    expect(await inColumn('2026-12-02').count()).toBe(0);

    // By keyboard: Alt+→ a day later, Alt+↓ 15 minutes later (and back); the focus stays on the post.
    const focused = () => page.evaluate(`document.activeElement?.dataset?.postId`);
    await page.locator(`.fc-event[data-post-id="${instagram}"]`).focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => moved.textContent()).toContain('von 04.12.2026, 15:00 Uhr auf 05.12.2026, 15:00 Uhr');
    await expect.poll(focused).toBe(String(instagram));
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => moved.textContent()).toContain('von 05.12.2026, 15:00 Uhr auf 05.12.2026, 15:15 Uhr');
    await expect.poll(focused).toBe(String(instagram));
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => moved.textContent()).toContain('auf 04.12.2026, 15:15 Uhr');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => moved.textContent()).toContain('auf 04.12.2026, 15:00 Uhr');
    expect((await pageApi(page, 'online.posts.get', { id: instagram })).plannedAt).toBe('2026-12-04T15:00');
  });

  it('refuses to move a post into the past, says why in German, and puts it back', async () => {
    const page = session.page;
    await page.getByRole('button', { name: 'Zurück' }).click();
    await expect.poll(() => inColumn('2026-11-28').count()).toBe(1);
    await drag(saturday, '2026-11-26', '11:00');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Der geplante Zeitpunkt (26. November 2026, 11:00 Uhr) liegt in der Vergangenheit.');
    expect(await page.getByRole('alert').textContent()).toContain('Nicht verschoben');
    await expect.poll(() => inColumn('2026-11-28').count()).toBe(1);
    expect(await inColumn('2026-11-26').count()).toBe(0);
    expect((await pageApi(page, 'online.posts.get', { id: saturday })).plannedAt).toBe('2026-11-28T11:00');
  });

  it('exports the week shown: refused in German while nothing is approved, then the portal feed and the plan in Word', async () => {
    const page = session.page;
    await page.getByRole('button', { name: 'Weiter' }).click();
    const exports = page.getByRole('group', { name: 'Export' });
    await expect.poll(() => exports.textContent()).toContain('Export vom 30.11.2026 bis 06.12.2026:');
    await exports.getByRole('button', { name: 'Stadtportal (RSS-Feed)' }).click();
    await expect
      .poll(() => exports.getByRole('alert').textContent())
      .toContain('Für das Stadtportal ist vom 30.11.2026 bis 06.12.2026 keine freigegebene Meldung geplant.');

    const news = (await pageApi(page, 'online.plan', { from: '2026-11-30', to: '2026-12-06', channels: ['portal'] })).items[0]!;
    const submitted = await pageApi(page, 'online.posts.step', { id: news.id, revision: news.revision, step: 'submit' });
    await pageApi(page, 'online.posts.step', { id: news.id, revision: submitted.revision, step: 'approve' });
    let download = page.waitForEvent('download');
    await exports.getByRole('button', { name: 'Stadtportal (RSS-Feed)' }).click();
    const feed = await download;
    expect(feed.suggestedFilename()).toBe('Stadtportal-Feed-2026-11-30-bis-2026-12-06.xml');
    const xml = (await import('node:fs')).readFileSync((await feed.path())!, 'utf8');
    // Chromium's own XML parser reads it back.
    const parsed = (await page.evaluate(
      `(() => { const d = new DOMParser().parseFromString(${JSON.stringify(xml)}, 'application/xml'); return [d.getElementsByTagName('parsererror').length, d.querySelector('item > title')?.textContent]; })()`,
    )) as [number, string];
    expect(parsed).toEqual([0, 'Neue Öffnungszeiten der Bürgerservice-Stellen']);
    expect(await exports.getByRole('alert').count()).toBe(0);

    download = page.waitForEvent('download');
    await exports.getByRole('button', { name: 'Plan (Word)' }).click();
    expect((await download).suggestedFilename()).toBe('Online-Redaktionsplan-2026-11-30-bis-2026-12-06.docx');
  });

  it('opens a post from the plan; an image whose usage rights end before the post goes out is named at once', async () => {
    const page = session.page;
    const dialog = page.getByRole('dialog');
    await inColumn('2026-12-04').click();
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Text' }).inputValue()).toBe('Der Lichterzauber auf dem König-Heinrich-Platz');
    await dialog.getByRole('button', { name: 'Bild oder Video hinzufügen' }).click();
    await dialog.getByRole('textbox', { name: 'Alternativtext (1)' }).fill('Lichterketten über dem König-Heinrich-Platz');
    await dialog.getByRole('textbox', { name: 'Bildnachweis (1)' }).fill('Foto: Stadt Duisburg / Uwe Köppen');
    await dialog.getByLabel('Rechte bis (1)').fill('2026-12-03');
    const check = dialog.getByRole('region', { name: 'Prüfung für den Kanal' });
    await expect
      .poll(() => check.textContent())
      .toContain('Die Nutzungsrechte an Bild 1 (Foto: Stadt Duisburg / Uwe Köppen) sind am 03.12.2026 abgelaufen; der Beitrag geht am 04.12.2026 hinaus.');
    await check.scrollIntoViewIfNeeded();
    await dialog.screenshot({ path: path.join(ARTIFACTS, 'online-beitrag-bildrechte.png') });
    await dialog.getByLabel('Rechte bis (1)').fill('2026-12-31');
    await expect.poll(() => check.textContent()).toContain('Passt für Instagram.');
    await dialog.getByRole('button', { name: 'Beitrag speichern' }).click();
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: 'Beitrag gespeichert' }).count()).toBe(1);
    const saved = await pageApi(page, 'online.posts.get', { id: instagram });
    expect(saved.media).toEqual([{ kind: 'image', alt: 'Lichterketten über dem König-Heinrich-Platz', credit: 'Foto: Stadt Duisburg / Uwe Köppen', rightsUntil: '2026-12-31', file: null }]);
  });

  it('a post changed on another PC since the plan was read goes back when dragged and says so; „Neu laden“ reads the plan again', async () => {
    const page = session.page;
    await page.getByRole('dialog').getByRole('button', { name: 'Schließen' }).last().click();
    // This PC hears of no change (its change stream is cut): the plan it shows keeps the post's older revision.
    const stream = /\/events(\/ticket|\?)/;
    await page.route(stream, (route) => route.abort());
    await page.reload();
    await expect.poll(() => page.getByRole('tab', { name: 'Plan', selected: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect.poll(() => inColumn('2026-12-04').count()).toBe(1);
    // The other PC changes the post's text.
    const stored = await pageApi(page, 'online.posts.get', { id: instagram });
    const { revision, topicId, channel, link, media, plannedAt } = stored;
    await pageApi(page, 'online.posts.save', { id: instagram, revision, topicId, channel, text: 'Lichterzauber: heute bis 23 Uhr', link, media, plannedAt });

    await drag(instagram, '2026-12-05', '14:00');
    const notice = page.getByRole('alert').filter({ hasText: 'Inzwischen geändert' });
    await expect.poll(() => notice.textContent()).toContain('Dieser Beitrag wurde inzwischen von');
    expect(await notice.textContent()).toContain('Bitte laden Sie ihn neu; Ihre Änderungen sind nicht gespeichert.');
    await expect.poll(() => inColumn('2026-12-04').count()).toBe(1);
    expect(await inColumn('2026-12-05').count()).toBe(0);
    expect(await pageApi(page, 'online.posts.get', { id: instagram })).toMatchObject({ plannedAt: '2026-12-04T15:00', text: 'Lichterzauber: heute bis 23 Uhr' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'online-plan-inzwischen-geaendert.png') });

    await notice.getByRole('button', { name: 'Neu laden' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(() => inColumn('2026-12-04').getAttribute('title')).toContain('Lichterzauber: heute bis 23 Uhr');
    // Now at the current revision, the move goes through.
    await drag(instagram, '2026-12-05', '14:00');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'verschoben' }).textContent()).toContain('auf 05.12.2026, 14:00 Uhr');
    await page.unroute(stream);
  });
});
