import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';
import { pageApi } from './page-api';

describe('a busy day in the online plan’s month view in browser mode (Chromium)', () => {
  // The app's clock and the browser's: Friday, 27 November 2026, 10:00 in Duisburg.
  const NOW = '2026-11-27T10:00:00+01:00';
  const session = useBrowserSession('online-plan-month', { serverArgs: ['--now', NOW] });

  it('shows a few posts and „+ n weitere“, which opens the day with all of them', async () => {
    const page = session.page;
    await page.clock.install({ time: new Date(NOW) });
    await page.goto(session.server.url);
    const channels = ['mastodon', 'bluesky', 'instagram', 'facebook', 'linkedin', 'threads', 'portal'] as const;
    for (const [i, channel] of channels.entries()) {
      await pageApi(page, 'online.posts.save', { channel, text: `Adventsmarkt Hamborn, Teil ${i + 1}`, plannedAt: `2026-11-30T${String(9 + i).padStart(2, '0')}:00` });
    }
    await page.getByRole('tab', { name: 'Online' }).click();
    await page.getByRole('tab', { name: 'Plan', exact: true }).click();
    await page.getByRole('button', { name: 'Monat', exact: true }).click();

    // Monday, 30 November: three posts drawn (the earliest), the other four in „+ 4 weitere“.
    const day = page.locator('.fc-daygrid-day[data-date="2026-11-30"]');
    const more = day.locator('.rb-more');
    await expect.poll(() => more.textContent()).toBe('+ 4 weitere');
    expect(await day.locator('.fc-event[data-post-id]').count()).toBe(3);
    expect(await day.locator('.fc-event[data-post-id]').first().getAttribute('title')).toContain('Adventsmarkt Hamborn, Teil 1');
    await page.screenshot({ path: path.join(ARTIFACTS, 'online-plan-monat-weitere.png') });

    await more.click();
    const column = page.locator('td.fc-timegrid-col[data-date="2026-11-30"]');
    await expect.poll(() => column.locator('.fc-event[data-post-id]').count()).toBe(7);
    expect(await page.locator('.rb-calendar .fc-toolbar-title').textContent()).toBe('30. November 2026');
  });
});
