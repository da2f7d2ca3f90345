import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';
import { pageApi } from './page-api';

describe('crisis mode in the online editorial plan in browser mode (Chromium)', () => {
  // The app's clock and the browser's: Friday, 27 November 2026, 10:00 in Duisburg.
  const NOW = '2026-11-27T10:00:00+01:00';
  const session = useBrowserSession('online-crisis', { serverArgs: ['--now', NOW] });

  it('switches crisis mode on after a confirmation, lists the paused posts under a banner, and plans them again when switched off', async () => {
    const page = session.page;
    await page.clock.install({ time: new Date(NOW) });
    await page.goto(session.server.url);
    /** A post taken to approved, and scheduled when `schedule`. */
    const approvedPost = async (channel: 'mastodon' | 'portal', text: string, plannedAt: string, schedule: boolean) => {
      const { id, revision } = await pageApi(page, 'online.posts.save', { channel, text, plannedAt });
      const submitted = await pageApi(page, 'online.posts.step', { id, revision, step: 'submit' });
      const approved = await pageApi(page, 'online.posts.step', { id, revision: submitted.revision, step: 'approve' });
      if (schedule) await pageApi(page, 'online.posts.step', { id, revision: approved.revision, step: 'schedule' });
      return id;
    };
    await approvedPost('mastodon', 'Samstag: Adventsmarkt in Hamborn', '2026-11-28T11:00', true);
    await approvedPost('portal', 'Neue Öffnungszeiten der Bürgerservice-Stellen', '2026-12-01T09:00', false);
    await pageApi(page, 'online.posts.save', { channel: 'instagram', text: 'Entwurf: Lichterzauber', plannedAt: '2026-11-29T14:00' });
    const storm = await pageApi(page, 'online.statements.save', { scenario: 'Unwetter', text: 'Wir beobachten die Unwetterlage und informieren hier fortlaufend.' });
    await pageApi(page, 'online.statements.approve', { id: storm.id });

    await page.getByRole('tab', { name: 'Online' }).click();
    await page.getByRole('tab', { name: 'Krisenmodus' }).click();
    const banner = page.getByRole('status', { name: 'Krisenmodus' });
    expect(await banner.count()).toBe(0);

    // Asked first; cancelled, nothing changes.
    await page.getByRole('button', { name: 'Krisenmodus einschalten …' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Krisenmodus einschalten?' });
    await confirm.getByRole('button', { name: 'Abbrechen' }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await banner.count()).toBe(0);
    await page.getByRole('button', { name: 'Krisenmodus einschalten …' }).click();
    await confirm.getByRole('button', { name: 'Einschalten' }).click();

    await expect.poll(() => banner.textContent()).toContain('Krisenmodus ist eingeschaltet');
    expect(await banner.textContent()).toContain('seit 27.11.2026, 10:00 Uhr');
    expect(await banner.textContent()).toContain('2 geplante Beiträge sind pausiert');
    const paused = page.getByRole('table', { name: 'Pausierte Beiträge' });
    await expect.poll(() => paused.getByRole('row').count()).toBe(3);
    expect(await paused.getByRole('row').nth(1).textContent()).toContain('28.11.2026, 11:00 Uhr');
    expect(await paused.getByRole('row').nth(1).textContent()).toContain('Samstag: Adventsmarkt in Hamborn');
    expect(await paused.getByRole('row').nth(2).textContent()).toContain('Neue Öffnungszeiten der Bürgerservice-Stellen');
    expect(await paused.textContent()).not.toContain('Lichterzauber');

    // The holding statement goes out on Instagram: in the log with channel and who.
    await page.getByRole('combobox', { name: 'Veröffentlicht auf' }).selectOption({ label: 'Instagram' });
    await page.getByRole('table', { name: 'Wartestellungnahmen' }).getByRole('button', { name: 'Als veröffentlicht vermerken' }).click();
    const log = page.getByRole('table', { name: 'Krisenprotokoll' });
    await expect.poll(() => log.getByRole('row').count()).toBe(3);
    expect(await log.getByRole('row').nth(1).textContent()).toContain('Wartestellungnahme veröffentlicht');
    expect(await log.getByRole('row').nth(1).textContent()).toContain('Instagram');
    await page.screenshot({ path: path.join(ARTIFACTS, 'online-krisenmodus.png'), fullPage: true });

    // The banner shows on the other tabs of the Online page too.
    await page.getByRole('tab', { name: 'Plan' }).click();
    expect(await banner.textContent()).toContain('Krisenmodus ist eingeschaltet');

    await page.getByRole('tab', { name: 'Krisenmodus' }).click();
    await page.getByRole('button', { name: 'Krisenmodus ausschalten' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    await expect.poll(() => paused.count()).toBe(0);
    expect(await log.getByRole('row').nth(1).textContent()).toContain('Krisenmodus aus');
    const posts = await pageApi(page, 'online.posts.list', { from: '2026-11-27', to: '2026-12-01' });
    expect(posts.map((p) => [p.text, p.status, p.plannedAt])).toEqual([
      ['Samstag: Adventsmarkt in Hamborn', 'geplant', '2026-11-28T11:00'],
      ['Entwurf: Lichterzauber', 'entwurf', '2026-11-29T14:00'],
      ['Neue Öffnungszeiten der Bürgerservice-Stellen', 'freigegeben', '2026-12-01T09:00'],
    ]);
    const plan = await pageApi(page, 'online.plan', { from: '2026-11-27', to: '2026-12-01' });
    expect(plan.items.some((i) => i.paused)).toBe(false);
  });
  it('lists a post whose planned time passed during the pause as „Zeitpunkt verstrichen“ when crisis mode ends, approved but no longer scheduled', async () => {
    let page = session.page;
    // Planned for 14:00 today and scheduled; crisis mode pauses it at 10:00.
    const { id, revision } = await pageApi(page, 'online.posts.save', { channel: 'x', text: 'Heute 14 Uhr: Baustellenrundgang am Innenhafen', plannedAt: '2026-11-27T14:00' });
    const submitted = await pageApi(page, 'online.posts.step', { id, revision, step: 'submit' });
    const approved = await pageApi(page, 'online.posts.step', { id, revision: submitted.revision, step: 'approve' });
    await pageApi(page, 'online.posts.step', { id, revision: approved.revision, step: 'schedule' });
    await page.getByRole('tab', { name: 'Online' }).click();
    await page.getByRole('tab', { name: 'Krisenmodus' }).click();
    await page.getByRole('button', { name: 'Krisenmodus einschalten …' }).click();
    await page.getByRole('alertdialog', { name: 'Krisenmodus einschalten?' }).getByRole('button', { name: 'Einschalten' }).click();
    const paused = page.getByRole('table', { name: 'Pausierte Beiträge' });
    await expect.poll(() => paused.textContent()).toContain('Baustellenrundgang am Innenhafen');
    const lapsed = page.getByRole('table', { name: 'Zeitpunkt verstrichen' });
    expect(await lapsed.count()).toBe(0);

    // The crisis lasts until 15:00: the app is opened again then, and crisis mode switched off.
    const LATER = '2026-11-27T15:00:00+01:00';
    await session.restart(['--now', LATER]);
    page = session.page;
    await page.clock.setSystemTime(new Date(LATER));
    await page.goto(session.server.url);
    await page.getByRole('tab', { name: 'Online' }).click();
    await page.getByRole('tab', { name: 'Krisenmodus' }).click();
    await page.getByRole('button', { name: 'Krisenmodus ausschalten' }).click();
    await expect.poll(() => paused.count()).toBe(0);

    await expect.poll(() => lapsed.count()).toBe(1);
    expect(await lapsed.getByRole('row').count()).toBe(2);
    expect(await lapsed.getByRole('row').nth(1).textContent()).toContain('27.11.2026, 14:00 Uhr');
    expect(await lapsed.getByRole('row').nth(1).textContent()).toContain('Baustellenrundgang am Innenhafen');
    expect(await page.getByText(/Zeitpunkt verstrichen: 1 Beitrag braucht einen neuen Zeitpunkt/).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'online-krise-zeitpunkt-verstrichen.png'), fullPage: true });
    // The post was not published late: approved, not scheduled, it waits for a new time.
    const post = await pageApi(page, 'online.posts.get', { id });
    expect([post.status, post.publishedAt]).toEqual(['freigegeben', null]);
    const plan = await pageApi(page, 'online.plan', { from: '2026-11-27', to: '2026-11-27' });
    expect(plan.items.find((i) => i.id === id)).toMatchObject({ paused: false, lapsed: true });
  });
});
