/**
 * Crisis mode's SQL on both engines: pausing only the approved and scheduled posts planned after
 * now (wall-clock text compared as text), resuming them all, whether crisis mode is on (its
 * latest switch), and the log from the crisis's start, newest first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestEngine, type TestEngine } from '../../../tests/support/test-engine';
import { crisisRepository } from './crisis-repository';
import { onlineRepository } from './repository';

describe.each(ENGINES)('crisis mode on %s', (kind) => {
  let handle: TestEngine;
  beforeAll(async () => {
    handle = await openTestEngine(kind, 'online_crisis_repo');
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  it('pauses the planned posts after now, resumes them, and tells whether crisis mode is on with its log', async () => {
    const posts = onlineRepository(handle.engine);
    const crisis = crisisRepository(handle.engine);
    const post = (status: 'entwurf' | 'freigegeben' | 'geplant', plannedAt: string | null) =>
      posts.insertPost({ channel: 'mastodon', text: 'Text', media: [], status, plannedAt }, 'x');
    const scheduled = await post('geplant', '2026-11-27T10:01');
    await post('geplant', '2026-11-27T10:00');
    const approved = await post('freigegeben', '2026-12-01T09:00');
    await post('freigegeben', null);
    await post('entwurf', '2026-12-01T09:00');

    expect(await crisis.active()).toBe(false);
    await crisis.addLog({ kind: 'start', at: '2026-11-27T09:00:00.000Z', user: 'Ümit', summary: 'ein' });
    expect((await crisis.pausePlanned('2026-11-27T10:00', '2026-11-27T09:00:00.000Z')).sort((a, b) => a - b)).toEqual([scheduled, approved]);
    expect((await posts.pausedPosts()).map((r) => r.post.id)).toEqual([scheduled, approved]);
    expect(await crisis.active()).toBe(true);
    await crisis.addLog({ kind: 'post', at: '2026-11-27T09:30:00.000Z', user: 'Ümit', channel: 'mastodon', summary: 'Text' });
    await crisis.addLog({ kind: 'end', at: '2026-11-27T10:00:00.000Z', user: 'Ümit', summary: 'aus' });
    // Ended at 10:30: the one planned for 10:01 lapsed (approved, no longer scheduled), the other is planned again.
    expect(await crisis.resumePaused('2026-11-27T10:30', '2026-11-27T09:30:00.000Z')).toEqual({ resumed: [approved], lapsed: [scheduled] });
    expect((await posts.lapsedPosts()).map((r) => [r.post.id, r.post.status, r.post.plannedAt, r.post.lapsedAt])).toEqual([[scheduled, 'freigegeben', '2026-11-27T10:01', '2026-11-27T09:30:00.000Z']]);
    expect(await posts.pausedPosts()).toEqual([]);
    expect(await crisis.active()).toBe(false);
    const [first] = await crisis.logFrom(0);
    expect(first).toMatchObject({ kind: 'end', user: 'Ümit' });
    expect((await crisis.logFrom(0)).map((r) => r.kind)).toEqual(['end', 'post', 'start']);
  });
});
