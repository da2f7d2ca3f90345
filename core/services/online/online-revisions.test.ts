/**
 * Topics and posts of the editorial plan carry a revision on both engines: a save, a workflow step
 * or a move in the plan against an older one is refused with STALE naming who changed it and
 * when, and nothing is overwritten.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, type OnlinePostInput } from '../../api';
import { openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';
import { errorOf } from '../../../tests/support/api-result';

let app: Awaited<ReturnType<typeof openTempApp>>;
let clock: Date;

const post = (more: Partial<OnlinePostInput> = {}): OnlinePostInput => ({
  topicId: null,
  channel: 'mastodon',
  text: 'Das Hafenfest in Ruhrort beginnt am 18. Juni 2027.',
  link: '',
  media: [],
  plannedAt: '2026-11-30T10:00',
  ...more,
});

describe.each(ENGINES)('online plan revisions on %s', (kind) => {
  beforeEach(async () => {
    clock = new Date('2026-11-27T09:00:00Z');
    app = await openTempApp(kind, { label: 'online_revisions', now: () => clock });
  }, 60_000);
  afterEach(async () => app.cleanup());

  it('a topic saved against an older revision is refused with STALE naming who changed it and when; nothing is overwritten', async () => {
    const topic = await call(app.handlers, 'online.topics.save', { title: 'Hafenfest 2027', owner: 'Frau Yilmaz' });
    expect(topic.revision).toBe(1);
    expect((await call(app.handlers, 'online.topics.list', {})).find((t) => t.id === topic.id)?.revision).toBe(1);
    // Two PCs loaded revision 1; the first saves an hour later, the second's save is refused.
    clock = new Date('2026-11-27T10:00:00Z');
    const saved = await call(app.handlers, 'online.topics.save', { id: topic.id, revision: topic.revision, title: 'Hafenfest 2027', goal: '', owner: 'Herr Kaya', startsOn: null, endsOn: null });
    expect(saved.revision).toBe(2);
    expect(await errorOf(dispatch(app.handlers, 'online.topics.save', { id: topic.id, revision: 1, title: 'Hafenfest', goal: '', owner: 'Frau Yilmaz', startsOn: null, endsOn: null }))).toMatchObject({
      code: 'STALE',
      message: 'Dieses Thema wurde inzwischen von test geändert (27.11.2026, 11:00 Uhr). Bitte laden Sie es neu; Ihre Änderungen sind nicht gespeichert.',
    });
    expect(await call(app.handlers, 'online.topics.get', { id: topic.id })).toMatchObject({ title: 'Hafenfest 2027', owner: 'Herr Kaya', revision: 2 });
    const missing = await errorOf(dispatch(app.handlers, 'online.topics.save', { id: topic.id, title: 'Hafenfest', goal: '', owner: '', startsOn: null, endsOn: null }));
    expect(missing?.message).toContain('Der Bearbeitungsstand (revision) fehlt.');
  });

  it('a post saved, stepped or moved against an older revision is refused with STALE; nothing is overwritten', async () => {
    const topic = await call(app.handlers, 'online.topics.save', { title: 'Hafenfest 2027' });
    const created = await call(app.handlers, 'online.posts.save', post({ topicId: topic.id }));
    expect(created.revision).toBe(1);
    // Every view it can be changed from carries the revision.
    expect((await call(app.handlers, 'online.posts.list', { from: '2026-11-30', to: '2026-11-30' }))[0]?.revision).toBe(1);
    expect((await call(app.handlers, 'online.plan', { from: '2026-11-30', to: '2026-11-30' })).items[0]?.revision).toBe(1);
    expect((await call(app.handlers, 'online.topics.get', { id: topic.id })).posts[0]?.revision).toBe(1);

    // PC A submits it for approval; PC B still has revision 1.
    clock = new Date('2026-11-27T10:00:00Z');
    const submitted = await call(app.handlers, 'online.posts.step', { id: created.id, revision: created.revision, step: 'submit' });
    expect(submitted).toMatchObject({ status: 'zur_freigabe', revision: 2 });
    const old = { id: created.id, revision: 1 };
    const attempts = [
      dispatch(app.handlers, 'online.posts.save', { ...post({ topicId: topic.id }), ...old, text: 'Das Hafenfest beginnt!' }),
      // The drag in the plan: the same post at another time.
      dispatch(app.handlers, 'online.posts.save', { ...post({ topicId: topic.id }), ...old, plannedAt: '2026-12-01T09:00' }),
      dispatch(app.handlers, 'online.posts.step', { ...old, step: 'approve' }),
      dispatch(app.handlers, 'online.posts.step', { ...old, step: 'withdraw' }),
    ];
    for (const attempt of attempts) {
      expect(await errorOf(attempt)).toMatchObject({
        code: 'STALE',
        message: 'Dieser Beitrag wurde inzwischen von test geändert (27.11.2026, 11:00 Uhr). Bitte laden Sie ihn neu; Ihre Änderungen sind nicht gespeichert.',
      });
    }
    expect(await call(app.handlers, 'online.posts.get', { id: created.id })).toMatchObject({ text: created.text, plannedAt: '2026-11-30T10:00', status: 'zur_freigabe', updatedAt: submitted.updatedAt, revision: 2 });

    // At the current revision every step goes on, each raising it.
    const approved = await call(app.handlers, 'online.posts.step', { id: created.id, revision: 2, step: 'approve' });
    const scheduled = await call(app.handlers, 'online.posts.step', { id: created.id, revision: approved.revision, step: 'schedule' });
    const moved = await call(app.handlers, 'online.posts.save', { ...post({ topicId: topic.id }), id: created.id, revision: scheduled.revision, plannedAt: '2026-12-01T09:00' });
    expect([approved.revision, scheduled.revision, moved.revision]).toEqual([3, 4, 5]);

    for (const [method, input] of [
      ['online.posts.save', { ...post(), id: created.id }],
      ['online.posts.step', { id: created.id, step: 'withdraw' }],
    ] as const) {
      expect((await errorOf(dispatch(app.handlers, method, input as never)))?.message, method).toContain('Der Bearbeitungsstand (revision) fehlt.');
    }
  });
});
