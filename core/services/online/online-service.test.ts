/**
 * The editorial plan through the contract, on a real SQLite file: the channel check with the
 * shape other tools rely on, the rules per channel as settings, topics, and posts from the idea
 * to the published post — approved only when the check finds nothing (run again at approval),
 * the approval void when the text changes, never published before its time or unapproved.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, settings } from '../../../db/schema';
import { call, dispatch, DEFAULT_CHANNEL_RULES, type OnlinePostInput, type OnlineSettings } from '../../api';
import { createTempApp } from '../../../tests/support/temp-app';
import { errorOf } from '../../../tests/support/api-result';

/** Friday, 27 November 2026, 10:00 in Duisburg; tests move the clock on. */
let clock = new Date('2026-11-27T09:00:00Z');
let app: ReturnType<typeof createTempApp>;
beforeEach(() => {
  clock = new Date('2026-11-27T09:00:00Z');
  app = createTempApp({ now: () => clock });
});
afterEach(() => app.cleanup());

const audit = (entity: string) =>
  app.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.entity, entity))
    .orderBy(auditLog.id)
    .all()
    .map((a) => [a.action, a.summary]);

const TOO_LONG_FOR_BLUESKY = `Das Hafenfest in Ruhrort beginnt am Freitag, 18. Juni 2027, um 18 Uhr mit der Eröffnung auf der Mühlenweide. ${'Musik, Schiffsparade und Feuerwerk am Eisenbahnhafen. '.repeat(4)}`;
const bluesky = (more: Partial<OnlinePostInput> = {}): OnlinePostInput => ({
  topicId: null,
  channel: 'bluesky',
  text: 'Das Hafenfest in Ruhrort beginnt am 18. Juni 2027! Programm und Anreise:',
  link: 'https://www.duisburg.de/hafenfest',
  media: [{ kind: 'image', alt: 'Schiffe im Eisenbahnhafen bei Sonnenuntergang' }],
  plannedAt: '2026-11-30T10:00',
  ...more,
});
/** The post's revision as stored now (these tests change it as the one who just loaded it). */
const revisionOf = async (id: number) => (await call(app.handlers, 'online.posts.get', { id })).revision;
const save = async (input: OnlinePostInput) =>
  call(app.handlers, 'online.posts.save', input.id && input.revision === undefined ? { ...input, revision: await revisionOf(input.id) } : input);
const step = async (id: number, name: 'draft' | 'submit' | 'approve' | 'schedule' | 'publish' | 'withdraw', url?: string) =>
  call(app.handlers, 'online.posts.step', { id, revision: await revisionOf(id), step: name, url });

describe('online.check', () => {
  it('answers { length, limit, problems: { code, message }[] } with German messages, as the channel counts', async () => {
    expect(await call(app.handlers, 'online.check', { channel: 'bluesky', text: 'ä'.repeat(312) })).toEqual({
      length: 312,
      limit: 300,
      problems: [{ code: 'too-long', message: 'Der Text ist zu lang für Bluesky: 312 von höchstens 300 Zeichen (12 zu viel).' }],
    });
    expect(await call(app.handlers, 'online.check', { channel: 'x', text: `Mehr: https://www.duisburg.de/${'x'.repeat(200)}`, media: [{ kind: 'image' }] })).toEqual({
      length: 29,
      limit: 280,
      problems: [{ code: 'alt-text-missing', message: 'Bild 1 hat keinen Alternativtext: Wer nicht sehen kann, erfährt nicht, was es zeigt.' }],
    });
    const unknown = await errorOf(dispatch(app.handlers, 'online.check', { channel: 'myspace', text: 'Hallo' }));
    expect(unknown?.code).toBe('INVALID_INPUT');
  });
});

describe('the rules per channel are settings', () => {
  it('has today’s platform values as defaults; changed limits apply to the check at once', async () => {
    const defaults = await call(app.handlers, 'online.settings', {});
    expect(defaults.channels.bluesky).toEqual({ limit: 300, hashtagLimit: null, descriptionLimit: null, linkRequired: false });
    expect(defaults.channels.instagram).toEqual({ limit: 2200, hashtagLimit: 30, descriptionLimit: null, linkRequired: false });
    expect(defaults.channels.x.limit).toBe(280);
    expect(defaults.channels.youtube).toMatchObject({ limit: 100, descriptionLimit: 5000 });
    expect(Object.keys(defaults.channels)).toEqual(['portal', 'intranet', 'facebook', 'instagram', 'x', 'mastodon', 'bluesky', 'threads', 'linkedin', 'youtube', 'whatsapp']);

    const changed: OnlineSettings = { channels: { ...defaults.channels, bluesky: { ...defaults.channels.bluesky, limit: 350 }, x: { ...defaults.channels.x, linkRequired: true } } };
    expect((await call(app.handlers, 'online.settings.save', changed)).channels.bluesky.limit).toBe(350);
    expect(await call(app.handlers, 'online.check', { channel: 'bluesky', text: 'a'.repeat(320) })).toEqual({ length: 320, limit: 350, problems: [] });
    expect((await call(app.handlers, 'online.check', { channel: 'x', text: 'Ohne Link' })).problems.map((p) => p.code)).toEqual(['link-missing']);
    expect(audit('settings')).toEqual([['update', 'Regeln der Online-Kanäle (abweichend: X, Bluesky)']]);

    // The whole record is sent: a channel left out is refused, nothing is stored.
    const { whatsapp: _left, ...partial } = changed.channels;
    const refused = await errorOf(dispatch(app.handlers, 'online.settings.save', { channels: partial }));
    expect(refused?.code).toBe('INVALID_INPUT');
    expect((await call(app.handlers, 'online.settings', {})).channels.whatsapp).toEqual(DEFAULT_CHANNEL_RULES.whatsapp);
  });

  it('gives a channel missing from what was stored (added by a newer version) its default, and keeps the others', async () => {
    app.db.insert(settings).values({ key: 'online', value: { channels: { bluesky: { limit: 320, hashtagLimit: null, descriptionLimit: null, linkRequired: false }, x: 'kaputt' } }, updatedAt: 'x' }).run();
    const read = await call(app.handlers, 'online.settings', {});
    expect(read.channels.bluesky.limit).toBe(320);
    expect(read.channels.x).toEqual(DEFAULT_CHANNEL_RULES.x);
    expect(read.channels.threads).toEqual(DEFAULT_CHANNEL_RULES.threads);
  });
});

describe('topics', () => {
  it('are saved with goal, owner and dates, listed with their post counts and read with their posts', async () => {
    const topic = await call(app.handlers, 'online.topics.save', {
      title: 'Hafenfest Ruhrort 2027',
      goal: 'Besucherinnen und Besucher aus der Region; Anreise mit Bus und Bahn',
      owner: 'Jana Kowalczyk',
      startsOn: '2026-11-30',
      endsOn: '2027-06-20',
    });
    expect(topic).toMatchObject({ title: 'Hafenfest Ruhrort 2027', owner: 'Jana Kowalczyk', startsOn: '2026-11-30', endsOn: '2027-06-20', postCount: 0 });
    const later = await call(app.handlers, 'online.topics.save', { title: 'Neujahrsempfang', startsOn: '2027-01-10' });
    const open = await call(app.handlers, 'online.topics.save', { title: 'Bürgerbüros: neue Öffnungszeiten' });
    await save(bluesky({ topicId: topic.id }));
    await save({ topicId: topic.id, channel: 'portal', text: '' });
    expect((await call(app.handlers, 'online.topics.list', {})).map((t) => [t.id, t.postCount])).toEqual([
      [topic.id, 2],
      [later.id, 0],
      [open.id, 0],
    ]);
    const detail = await call(app.handlers, 'online.topics.get', { id: topic.id });
    expect(detail.posts.map((p) => [p.channelName, p.status, p.topic])).toEqual([
      ['Bluesky', 'entwurf', 'Hafenfest Ruhrort 2027'],
      ['Stadtportal', 'idee', 'Hafenfest Ruhrort 2027'],
    ]);
    // The topic as read may be sent back (its posts are not stored with it).
    expect((await call(app.handlers, 'online.topics.save', { ...detail, goal: 'Neues Ziel' })).goal).toBe('Neues Ziel');

    expect(await errorOf(dispatch(app.handlers, 'online.topics.save', { title: 'Falsch herum', startsOn: '2027-02-01', endsOn: '2027-01-31' }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Das Ende liegt vor dem Beginn des Themas.',
    });
    expect(await errorOf(dispatch(app.handlers, 'online.topics.get', { id: 999 }))).toMatchObject({ code: 'NOT_FOUND', message: 'Das Thema Nr. 999 wurde nicht gefunden.' });
    expect(await errorOf(dispatch(app.handlers, 'online.posts.save', bluesky({ topicId: 999 })))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('posts: from the idea to the published post', () => {
  it('is checked at approval, approved with who and when, voided by an edit, scheduled, and published only after its time with its URL', async () => {
    const idea = await save({ channel: 'bluesky', text: '' });
    expect(idea).toMatchObject({ status: 'idee', steps: ['draft', 'withdraw'], check: { problems: [{ code: 'text-empty' }] } });

    const draft = await save(bluesky({ text: TOO_LONG_FOR_BLUESKY }));
    expect(draft.status).toBe('entwurf');
    expect(draft.check.problems.map((p) => p.code)).toEqual(['too-long']);
    await step(draft.id, 'submit');

    // A post whose check has problems is not approved.
    const refused = await errorOf(dispatch(app.handlers, 'online.posts.step', { id: draft.id, revision: await revisionOf(draft.id), step: 'approve' }));
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect(refused!.message).toMatch(/^Der Beitrag kann so nicht freigegeben werden: Der Text ist zu lang für Bluesky: \d+ von höchstens 300 Zeichen \(\d+ zu viel\)\.$/);

    // Shortened during the approval it stays in approval, and is approved.
    const short = await save({ ...bluesky(), id: draft.id });
    expect(short).toMatchObject({ status: 'zur_freigabe', check: { problems: [] } });
    const approved = await step(draft.id, 'approve');
    expect(approved).toMatchObject({ status: 'freigegeben', approvedBy: 'test', approvedAt: '2026-11-27T09:00:00.000Z', steps: ['schedule', 'publish', 'withdraw'] });

    // Editing the approved text voids the approval.
    const edited = await save({ ...bluesky(), id: draft.id, text: 'Das Hafenfest beginnt am 18. Juni 2027! Alles zum Programm:' });
    expect(edited).toMatchObject({ status: 'entwurf', approvedBy: null, approvedAt: null });
    await step(draft.id, 'submit');
    await step(draft.id, 'approve');

    // Only the planned time changed: still approved.
    expect(await save({ ...bluesky(), id: draft.id, text: edited.text, plannedAt: '2026-11-30T12:00' })).toMatchObject({ status: 'freigegeben', approvedBy: 'test' });
    expect(await step(draft.id, 'schedule')).toMatchObject({ status: 'geplant', plannedAt: '2026-11-30T12:00' });

    // Not before its planned time …
    const early = await errorOf(dispatch(app.handlers, 'online.posts.step', { id: draft.id, revision: await revisionOf(draft.id), step: 'publish', url: 'https://bsky.app/profile/duisburg.de/post/1' }));
    expect(early).toMatchObject({ code: 'CONFLICT', message: 'Der Beitrag ist für 30. November 2026, 12:00 Uhr geplant; vorher kann er nicht als veröffentlicht vermerkt werden.' });
    // … and not without the address where it is.
    clock = new Date('2026-11-30T11:00:00Z');
    expect(await errorOf(dispatch(app.handlers, 'online.posts.step', { id: draft.id, revision: await revisionOf(draft.id), step: 'publish' }))).toMatchObject({
      code: 'CONFLICT',
      message: 'Bitte die Adresse (URL) angeben, unter der der Beitrag veröffentlicht ist.',
    });
    const published = await step(draft.id, 'publish', 'https://bsky.app/profile/duisburg.de/post/1');
    expect(published).toMatchObject({ status: 'veroeffentlicht', publishedAt: '2026-11-30T12:00', publishedUrl: 'https://bsky.app/profile/duisburg.de/post/1', steps: ['withdraw'] });

    // A published post is not changed.
    expect(await errorOf(dispatch(app.handlers, 'online.posts.save', { ...bluesky(), id: draft.id, revision: await revisionOf(draft.id), text: 'Korrektur' }))).toMatchObject({
      code: 'CONFLICT',
      message: 'Ein veröffentlichter Beitrag kann nicht mehr geändert werden. Bitte ihn zurückziehen und einen neuen anlegen.',
    });
    expect(audit('online-post').map(([action]) => action)).toEqual(['create', 'create', 'submit', 'update', 'approve', 'update', 'submit', 'approve', 'update', 'schedule', 'publish']);
    expect(audit('online-post')[5]).toEqual(['update', 'Bluesky (Entwurf), Freigabe aufgehoben']);
  });

  it('is never published unapproved, and the check at approval uses the rules as they are then', async () => {
    const post = await save(bluesky({ plannedAt: null }));
    expect(await errorOf(dispatch(app.handlers, 'online.posts.step', { id: post.id, revision: await revisionOf(post.id), step: 'publish', url: 'https://www.duisburg.de/x' }))).toMatchObject({
      code: 'CONFLICT',
      message: 'Der Beitrag ist nicht freigegeben (ein Entwurf); veröffentlicht werden darf er erst nach der Freigabe.',
    });
    await step(post.id, 'submit');
    // The limit is lowered while the post waits for approval.
    const current = await call(app.handlers, 'online.settings', {});
    await call(app.handlers, 'online.settings.save', { channels: { ...current.channels, bluesky: { ...current.channels.bluesky, limit: 50 } } });
    const refused = await errorOf(dispatch(app.handlers, 'online.posts.step', { id: post.id, revision: await revisionOf(post.id), step: 'approve' }));
    expect(refused?.message).toContain('Der Text ist zu lang für Bluesky');
    expect((await call(app.handlers, 'online.posts.get', { id: post.id })).status).toBe('zur_freigabe');
  });

  it('refuses a planned time in the past and a missing alternative text at approval', async () => {
    expect(await errorOf(dispatch(app.handlers, 'online.posts.save', bluesky({ plannedAt: '2026-11-27T09:00' })))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Der geplante Zeitpunkt (27. November 2026, 09:00 Uhr) liegt in der Vergangenheit.',
    });
    const post = await save(bluesky({ media: [{ kind: 'video', alt: '' }] }));
    await step(post.id, 'submit');
    expect((await errorOf(dispatch(app.handlers, 'online.posts.step', { id: post.id, revision: await revisionOf(post.id), step: 'approve' })))?.message).toContain('Video 1 hat keinen Alternativtext');
  });
});

describe('online.posts.list { from, to, channel? }', () => {
  it('lists the posts planned or published in the days, by time, filtered by channel', async () => {
    const late = await save(bluesky({ plannedAt: '2026-12-06T23:59' }));
    const early = await save({ channel: 'x', text: 'Heute: Sitzung des Rates', plannedAt: '2026-11-30T08:00' });
    await save(bluesky({ plannedAt: '2026-12-07T00:00' }));
    const unplanned = await save({ channel: 'instagram', text: 'Ohne Termin' });
    const published = await save({ channel: 'mastodon', text: 'Sofort: Glatteis auf der A59', link: 'https://www.duisburg.de/verkehr' });
    await step(published.id, 'submit');
    await step(published.id, 'approve');
    await step(published.id, 'publish', 'https://social.example/@duisburg/1');

    const week = await call(app.handlers, 'online.posts.list', { from: '2026-11-27', to: '2026-12-06' });
    expect(week.map((p) => p.id)).toEqual([published.id, early.id, late.id]);
    expect((await call(app.handlers, 'online.posts.list', { from: '2026-11-27', to: '2026-12-06', channel: 'bluesky' })).map((p) => p.id)).toEqual([late.id]);
    // With the posts not yet planned (first).
    expect((await call(app.handlers, 'online.posts.list', { from: '2026-11-27', to: '2026-12-06', unplanned: true })).map((p) => p.id)).toEqual([unplanned.id, published.id, early.id, late.id]);
    expect(await errorOf(dispatch(app.handlers, 'online.posts.list', { from: '2026-12-06', to: '2026-11-27' }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Das Ende des Zeitraums liegt vor seinem Beginn.',
    });
  });
});

describe('online.plan { from, to, channels?, topicId? }', () => {
  it('shows the posts by their time in the plan with their clusters and silences, filtered by channel and topic', async () => {
    const topic = await call(app.handlers, 'online.topics.save', { title: 'Hafenfest Ruhrort 2027' });
    const morning = [];
    for (const plannedAt of ['2026-12-10T10:00', '2026-12-10T10:20', '2026-12-10T10:40']) morning.push(await save(bluesky({ plannedAt, topicId: topic.id })));
    const portal = await save({ channel: 'portal', text: 'Weihnachtsmarkt: längere Öffnungszeiten', plannedAt: '2026-12-08T09:00' });
    const withdrawn = await save({ channel: 'portal', text: 'Zurückgezogen', plannedAt: '2026-12-10T11:00' });
    await step(withdrawn.id, 'withdraw');
    const published = await save({ channel: 'mastodon', text: 'Sofort: Glatteis auf der A59', link: 'https://www.duisburg.de/verkehr' });
    await step(published.id, 'submit');
    await step(published.id, 'approve');
    await step(published.id, 'publish', 'https://social.example/@duisburg/1');

    const week = await call(app.handlers, 'online.plan', { from: '2026-11-23', to: '2026-12-13' });
    expect(week.items.map((i) => [i.id, i.channel, i.at, i.status, i.movable])).toEqual([
      [published.id, 'mastodon', '2026-11-27T10:00', 'veroeffentlicht', false],
      [portal.id, 'portal', '2026-12-08T09:00', 'entwurf', true],
      ...morning.map((p) => [p.id, 'bluesky', p.plannedAt, 'entwurf', true]),
      [withdrawn.id, 'portal', '2026-12-10T11:00', 'zurueckgezogen', true],
    ]);
    expect(week.items[2]).toMatchObject({ topic: 'Hafenfest Ruhrort 2027', channelName: 'Bluesky', text: bluesky().text });
    // Withdrawn posts neither fill a gap nor make a cluster; the channels with posts are watched.
    expect(week.warnings.map((w) => w.message)).toEqual([
      'Häufung auf Bluesky: 3 Beiträge am 10.12.2026 zwischen 10:00 und 10:40 Uhr.',
      'Auf dem Stadtportal ist vom 23.11.2026 bis 07.12.2026 (15 Tage) nichts geplant.',
      'Auf Mastodon ist vom 28.11.2026 bis 13.12.2026 (16 Tage) nichts geplant.',
      'Auf Bluesky ist vom 23.11.2026 bis 09.12.2026 (17 Tage) nichts geplant.',
    ]);
    expect(week.warnings[0]).toMatchObject({ kind: 'cluster', channel: 'bluesky', postIds: morning.map((p) => p.id) });

    // A channel in use (a post at any time) is watched also when nothing is planned in the range;
    // one never used is not (the office does not post there).
    await save({ channel: 'instagram', text: 'Adventskalender, Türchen 20', plannedAt: '2026-12-20T08:00' });
    const instagram = await call(app.handlers, 'online.plan', { from: '2026-12-07', to: '2026-12-13', channels: ['instagram', 'bluesky'] });
    expect(instagram.items.map((i) => i.id)).toEqual(morning.map((p) => p.id));
    expect(instagram.warnings.map((w) => w.message)).toEqual([
      'Häufung auf Bluesky: 3 Beiträge am 10.12.2026 zwischen 10:00 und 10:40 Uhr.',
      'Auf Instagram ist vom 07.12.2026 bis 13.12.2026 (7 Tage) nichts geplant.',
    ]);
    expect((await call(app.handlers, 'online.plan', { from: '2026-12-07', to: '2026-12-13', channels: ['threads'] })).warnings).toEqual([]);
    // A topic: its posts; the warnings still look at the whole plan of the channels.
    const ofTopic = await call(app.handlers, 'online.plan', { from: '2026-12-07', to: '2026-12-13', topicId: topic.id });
    expect(ofTopic.items.map((i) => i.id)).toEqual(morning.map((p) => p.id));
    expect(ofTopic.warnings.map((w) => [w.kind, w.channel])).toEqual([
      ['cluster', 'bluesky'],
      ['silence', 'instagram'],
      ['silence', 'mastodon'],
    ]);

    expect(await errorOf(dispatch(app.handlers, 'online.plan', { from: '2026-12-13', to: '2026-12-07' }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Das Ende des Zeitraums liegt vor seinem Beginn.',
    });
  });

  it('moves a post in the plan through online.posts.save: the state stays, never into the past', async () => {
    const post = await save(bluesky({ plannedAt: '2026-12-10T10:00' }));
    await step(post.id, 'submit');
    await step(post.id, 'approve');
    await step(post.id, 'schedule');
    const input = { topicId: post.topicId, channel: post.channel, text: post.text, link: post.link, media: post.media };
    expect(await save({ id: post.id, ...input, plannedAt: '2026-12-11T10:00' })).toMatchObject({ status: 'geplant', approvedBy: expect.any(String) });
    const plan = await call(app.handlers, 'online.plan', { from: '2026-12-07', to: '2026-12-13' });
    expect(plan.items.map((i) => i.at)).toEqual(['2026-12-11T10:00']);
    expect(await errorOf(dispatch(app.handlers, 'online.posts.save', { id: post.id, revision: await revisionOf(post.id), ...input, plannedAt: '2026-11-26T10:00' }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Der geplante Zeitpunkt (26. November 2026, 10:00 Uhr) liegt in der Vergangenheit.',
    });
  });
});

describe('media with credit and usage rights', () => {
  it('keeps credit and rights date, warns when the rights end before the day the post goes out, and refuses the approval then', async () => {
    const photo = { kind: 'image' as const, alt: 'Schiffe im Eisenbahnhafen', credit: 'Foto: Stadt Duisburg / Uwe Köppen', rightsUntil: '2026-12-09' };
    const post = await save(bluesky({ media: [photo], plannedAt: '2026-12-10T10:00' }));
    expect(post.media).toEqual([{ ...photo, file: null }]);
    const expired =
      'Die Nutzungsrechte an Bild 1 (Foto: Stadt Duisburg / Uwe Köppen) sind am 09.12.2026 abgelaufen; der Beitrag geht am 10.12.2026 hinaus. Bitte ein anderes Bild wählen oder die Rechte verlängern.';
    expect(post.check.problems).toEqual([{ code: 'rights-expired', message: expired }]);
    await step(post.id, 'submit');
    expect(await errorOf(dispatch(app.handlers, 'online.posts.step', { id: post.id, revision: await revisionOf(post.id), step: 'approve' }))).toMatchObject({
      code: 'CONFLICT',
      message: `Der Beitrag kann so nicht freigegeben werden: ${expired}`,
    });
    // Planned a day earlier, it fits.
    const earlier = await save({ ...bluesky({ media: [photo] }), id: post.id, plannedAt: '2026-12-09T18:00' });
    expect(earlier.check.problems).toEqual([]);
    expect((await step(post.id, 'approve')).status).toBe('freigegeben');
    // The check while typing says the same for the day given.
    expect((await call(app.handlers, 'online.check', { channel: 'bluesky', text: 'Hallo', media: [photo], on: '2026-12-10' })).problems.map((p) => p.code)).toEqual(['rights-expired']);
    // Without a planned day: today counts.
    const unplanned = await save(bluesky({ media: [{ ...photo, rightsUntil: '2026-11-26' }], plannedAt: null }));
    expect(unplanned.check.problems[0]?.message).toContain('sind am 26.11.2026 abgelaufen; der Beitrag geht am 27.11.2026 hinaus.');
  });
});
