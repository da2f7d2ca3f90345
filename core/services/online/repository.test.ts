/**
 * The editorial plan's SQL on both engines: the post counts per topic read as numbers
 * (PostgreSQL counts as bigint), topics without a start listed last, and the posts of a range
 * found by their planned or published time (wall-clock text compared as text), in time order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestEngine, type TestEngine } from '../../../tests/support/test-engine';
import { onlineRepository } from './repository';

describe.each(ENGINES)('the editorial plan on %s', (kind) => {
  let handle: TestEngine;
  beforeAll(async () => {
    handle = await openTestEngine(kind, 'online_repo');
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  it('counts posts per topic, orders topics and finds the posts of a range by planned or published time', async () => {
    const repo = onlineRepository(handle.engine);
    const topic = (title: string, startsOn: string | null) => repo.insertTopic({ title, startsOn }, 'x');
    const open = await topic('Öffnungszeiten', null);
    const harbour = await topic('Hafenfest', '2027-06-01');
    const reception = await topic('Neujahrsempfang', '2027-01-10');
    const post = (channel: 'x' | 'bluesky' | 'portal', plannedAt: string | null, more: { publishedAt?: string; topicId?: number } = {}) =>
      repo.insertPost({ channel, text: 'Text', media: [{ kind: 'image', alt: 'Kräne am Hafen' }], plannedAt, topicId: harbour.id, ...more }, 'x');
    const late = await post('bluesky', '2027-06-18T23:59');
    const early = await post('x', '2027-06-12T08:00');
    await post('bluesky', '2027-06-19T00:00');
    await post('portal', null, { topicId: reception.id });
    const published = await post('x', null, { publishedAt: '2027-06-12T07:30' });

    expect((await repo.topics()).map((t) => [t.topic.title, t.postCount])).toEqual([
      ['Neujahrsempfang', 1],
      ['Hafenfest', 4],
      ['Öffnungszeiten', 0],
    ]);
    expect(await repo.topicPostCount(open.id)).toBe(0);
    expect((await repo.postsBetween('2027-06-12', '2027-06-19')).map((r) => r.post.id)).toEqual([published, early, late]);
    expect((await repo.postsBetween('2027-06-12', '2027-06-19', ['x'])).map((r) => r.post.id)).toEqual([published, early]);
    const reception2 = (await repo.postsOfTopic(reception.id))[0]!.post.id;
    expect((await repo.postsBetween('2027-06-12', '2027-06-13', undefined, true)).map((r) => r.post.id)).toEqual([reception2, published, early]);
    const [first] = await repo.postsBetween('2027-06-18', '2027-06-19');
    expect(first).toMatchObject({ topic: 'Hafenfest', post: { channel: 'bluesky', media: [{ kind: 'image', alt: 'Kräne am Hafen' }] } });
    expect((await repo.postsOfTopic(harbour.id)).map((r) => r.post.id).slice(0, 2)).toEqual([published, early]);
  });
});
