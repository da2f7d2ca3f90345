/**
 * Proposals for the online plan through the contract, on a real SQLite file and on PostgreSQL:
 * computed from what the office knows (a press release's embargo, the greetings plan's holidays,
 * the mayor's public appointments of a week, citizens' talks and walks), never posted; taken
 * (a topic with a draft per channel, linked to its origin) or dismissed, and then not proposed
 * again. A post taken from an embargoed press release is never planned or published before it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../api';
import { errorOf } from '../../../tests/support/api-result';
import { openOtherOfficePc, openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';

/** Monday, 7 December 2026, 10:00 in Duisburg; tests move the clock on. */
let clock = new Date('2026-12-07T09:00:00Z');
let app: Awaited<ReturnType<typeof openTempApp>>;

const DECEMBER = { from: '2026-12-07', to: '2026-12-31' };
const proposals = (range = DECEMBER) => call(app.handlers, 'online.proposals.list', range);
/** The post's revision as stored now (these tests change it as the one who just loaded it). */
const revisionOf = async (id: number) => (await call(app.handlers, 'online.posts.get', { id })).revision;

/** The Oberbürgermeisterin's and a Bürgermeister's calendars, a press release with an embargo, a citizens' talk. */
async function office() {
  const ob = await call(app.handlers, 'signers.save', { name: 'Dr. Petra Hovestadt', gender: 'female', office: 'Oberbürgermeisterin', deputy: false });
  const bm = await call(app.handlers, 'signers.save', { name: 'Volker Sandmann', gender: 'male', office: 'Bürgermeister', deputy: true });
  await call(app.handlers, 'calendar.calendars.save', { signerId: ob.id, color: '#0f6cbd', sortOrder: 0 });
  const calendars = await call(app.handlers, 'calendar.calendars.save', { signerId: bm.id, color: '#c50f1f', sortOrder: 1 });
  const [mayor, deputy] = calendars;
  const appointment = (calendarId: number, title: string, start: string, end: string, more: { public?: boolean; place?: string } = {}) =>
    call(app.handlers, 'calendar.appointments.save', { calendarId, title, start, end, ...more });
  await appointment(mayor!.id, 'Eröffnung der Eisbahn', '2026-12-14T18:30', '2026-12-14T19:30', { public: true, place: 'König-Heinrich-Platz' });
  await appointment(mayor!.id, 'Vertrauliches Gespräch mit dem Investor', '2026-12-15T09:00', '2026-12-15T10:00');
  await appointment(mayor!.id, 'Adventssingen im Rathaus', '2026-12-16T17:00', '2026-12-16T18:00', { public: true, place: 'Ratssaal' });
  await appointment(deputy!.id, 'Jubiläum des Turnvereins', '2026-12-17T19:00', '2026-12-17T21:00', { public: true });
  const release = await call(app.handlers, 'press.releases.save', {
    title: 'Hafenfest 2027: das Programm',
    subtitle: 'Drei Tage Musik am Innenhafen',
    body: 'Das Hafenfest beginnt am 18. Juni 2027.',
    embargoUntil: '2026-12-10T11:00',
  });
  const talk = await call(app.handlers, 'citizenEvents.save', {
    kind: 'gespraech',
    title: 'Bürgergespräch Hamborn',
    start: '2026-12-17T18:00',
    end: '2026-12-17T20:00',
    district: 'Hamborn',
    place: 'Bezirksrathaus Hamborn',
  });
  return { release, talk };
}

describe.each(ENGINES)('online proposals on %s', (kind) => {
  beforeEach(async () => {
    clock = new Date('2026-12-07T09:00:00Z');
    app = await openTempApp(kind, { label: 'online_proposals', now: () => clock });
  }, 60_000);
  afterEach(async () => app.cleanup());

  it('proposes from the press embargo, the holidays, the mayor’s public week and a citizens’ talk, by suggested time', async () => {
    const { release, talk } = await office();
    const list = await proposals();
    expect(list.map((p) => [p.key, p.suggestedAt])).toEqual([
      [`press:${release.id}`, '2026-12-10T11:00'],
      [`event:${talk.id}`, '2026-12-10T10:00'],
      ['week:2026-12-14', '2026-12-14T08:00'],
      ['greeting:weihnachten:2026-12-25', '2026-12-24T16:00'],
      ['greeting:neujahr:2027-01-01', '2026-12-31T16:00'],
    ].sort((a, b) => a[1]!.localeCompare(b[1]!) || a[0]!.localeCompare(b[0]!)));
    expect(list.find((p) => p.kind === 'press')).toMatchObject({
      originId: String(release.id),
      title: 'Pressemitteilung „Hafenfest 2027: das Programm“',
      notBefore: '2026-12-10T11:00',
      suggestedText: 'Hafenfest 2027: das Programm – Drei Tage Musik am Innenhafen',
      channels: ['portal', 'facebook', 'mastodon', 'bluesky'],
    });
    expect(list.find((p) => p.kind === 'greeting')?.suggestedText).toBe('Weihnachten: Herzliche Grüße aus Duisburg an alle, die diesen Tag feiern!');
    expect(list.find((p) => p.kind === 'event')?.suggestedText).toContain('Die Oberbürgermeisterin freut sich');
  });

  it('lists in „Termine der Woche“ only the mayor’s appointments marked öffentlich', async () => {
    await office();
    const week = (await proposals()).find((p) => p.kind === 'week')!;
    expect(week.suggestedText).toBe(
      [
        'Termine der Woche: Oberbürgermeisterin Dr. Petra Hovestadt vom 14. bis 20. Dezember 2026',
        '',
        'Montag, 14.12., 18:30 Uhr: Eröffnung der Eisbahn (König-Heinrich-Platz)',
        'Mittwoch, 16.12., 17:00 Uhr: Adventssingen im Rathaus (Ratssaal)',
      ].join('\n'),
    );
    // Not public: never listed. The Bürgermeister's public appointment is not the mayor's.
    expect(week.suggestedText).not.toContain('Vertrauliches Gespräch');
    expect(week.suggestedText).not.toContain('Turnverein');
  });

  it('takes the press proposal: a draft per channel at the embargo, never planned or published before it, and not proposed again', async () => {
    const { release } = await office();
    const topic = await call(app.handlers, 'online.proposals.take', { key: `press:${release.id}`, channels: ['bluesky', 'portal'] });
    expect(topic.title).toBe('Pressemitteilung „Hafenfest 2027: das Programm“');
    expect(topic.posts.map((p) => [p.channel, p.status, p.plannedAt, p.notBefore, p.origin, p.text])).toEqual([
      ['bluesky', 'entwurf', '2026-12-10T11:00', '2026-12-10T11:00', `press:${release.id}`, 'Hafenfest 2027: das Programm – Drei Tage Musik am Innenhafen'],
      ['portal', 'entwurf', '2026-12-10T11:00', '2026-12-10T11:00', `press:${release.id}`, 'Hafenfest 2027: das Programm – Drei Tage Musik am Innenhafen'],
    ]);
    expect((await proposals()).map((p) => p.key)).not.toContain(`press:${release.id}`);
    const again = await errorOf(dispatch(app.handlers, 'online.proposals.take', { key: `press:${release.id}`, channels: ['x'] }));
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'Dieser Vorschlag wurde bereits übernommen.' });

    const post = topic.posts[0]!;
    const moved = await errorOf(
      dispatch(app.handlers, 'online.posts.save', { id: post.id, revision: await revisionOf(post.id), topicId: topic.id, channel: 'bluesky', text: post.text, link: '', media: [], plannedAt: '2026-12-10T10:00' }),
    );
    expect(moved?.message).toContain('Der Beitrag unterliegt einer Sperrfrist bis 10. Dezember 2026, 11:00 Uhr; der geplante Zeitpunkt (10. Dezember 2026, 10:00 Uhr) liegt davor.');
    // Not planned at all, approved: still not published before the embargo.
    await call(app.handlers, 'online.posts.save', { id: post.id, revision: await revisionOf(post.id), topicId: topic.id, channel: 'bluesky', text: post.text, link: '', media: [], plannedAt: null });
    await call(app.handlers, 'online.posts.step', { id: post.id, revision: await revisionOf(post.id), step: 'submit' });
    await call(app.handlers, 'online.posts.step', { id: post.id, revision: await revisionOf(post.id), step: 'approve' });
    const early = await errorOf(dispatch(app.handlers, 'online.posts.step', { id: post.id, revision: await revisionOf(post.id), step: 'publish', url: 'https://bsky.app/profile/duisburg.de/post/1' }));
    expect(early).toMatchObject({ code: 'CONFLICT', message: 'Der Beitrag unterliegt einer Sperrfrist bis 10. Dezember 2026, 11:00 Uhr; vorher kann er nicht als veröffentlicht vermerkt werden.' });
    clock = new Date('2026-12-10T10:00:00Z');
    expect((await call(app.handlers, 'online.posts.step', { id: post.id, revision: await revisionOf(post.id), step: 'publish', url: 'https://bsky.app/profile/duisburg.de/post/1' })).status).toBe('veroeffentlicht');
  });

  it('follows a changed embargo: posts taken from the release move to the new embargo and are never planned or published before it', async () => {
    const { release } = await office();
    const topic = await call(app.handlers, 'online.proposals.take', { key: `press:${release.id}`, channels: ['bluesky', 'portal'] });
    const [bluesky, portal] = topic.posts;
    // The portal's news planned after the embargo already (12:00); the Bluesky post at the embargo (11:00).
    const later = await call(app.handlers, 'online.posts.save', { id: portal!.id, revision: portal!.revision, topicId: topic.id, channel: 'portal', text: portal!.text, link: '', media: [], plannedAt: '2026-12-10T12:00' });
    const current = await call(app.handlers, 'press.releases.get', { id: release.id });
    await call(app.handlers, 'press.releases.save', {
      id: release.id,
      revision: current.revision,
      title: current.title,
      subtitle: current.subtitle,
      body: current.body,
      contactInfo: current.contactInfo,
      releaseAt: current.releaseAt,
      appointmentId: current.appointmentId,
      embargoUntil: '2026-12-11T09:00',
    });
    const moved = await call(app.handlers, 'online.posts.get', { id: bluesky!.id });
    expect([moved.plannedAt, moved.notBefore]).toEqual(['2026-12-11T09:00', '2026-12-11T09:00']);
    expect(moved.revision).toBeGreaterThan(bluesky!.revision);
    const kept = await call(app.handlers, 'online.posts.get', { id: portal!.id });
    expect([kept.plannedAt, kept.notBefore]).toEqual(['2026-12-11T09:00', '2026-12-11T09:00']);
    expect(later.plannedAt).toBe('2026-12-10T12:00');
    // Approved, it still cannot be published before the new embargo.
    const submitted = await call(app.handlers, 'online.posts.step', { id: moved.id, revision: moved.revision, step: 'submit' });
    const approved = await call(app.handlers, 'online.posts.step', { id: moved.id, revision: submitted.revision, step: 'approve' });
    clock = new Date('2026-12-10T11:00:00Z');
    const early = await errorOf(dispatch(app.handlers, 'online.posts.step', { id: moved.id, revision: approved.revision, step: 'publish', url: 'https://bsky.app/profile/duisburg.de/post/2' }));
    expect(early?.message).toContain('Sperrfrist bis 11. Dezember 2026, 09:00 Uhr');
  });

  it('takes a proposal with the editor’s text and time, as an idea when the text is empty', async () => {
    await office();
    const topic = await call(app.handlers, 'online.proposals.take', { key: 'greeting:weihnachten:2026-12-25', channels: ['instagram'], text: '', plannedAt: '2026-12-24T15:00' });
    expect(topic.posts.map((p) => [p.channel, p.status, p.plannedAt, p.notBefore, p.origin])).toEqual([['instagram', 'idee', '2026-12-24T15:00', null, 'greeting:weihnachten:2026-12-25']]);
  });

  it('dismisses a proposal: not proposed again; unknown ones are refused in German', async () => {
    await office();
    expect(await call(app.handlers, 'online.proposals.dismiss', { key: 'week:2026-12-14' })).toEqual({ key: 'week:2026-12-14' });
    expect((await proposals()).map((p) => p.key)).not.toContain('week:2026-12-14');
    const twice = await errorOf(dispatch(app.handlers, 'online.proposals.take', { key: 'week:2026-12-14', channels: ['portal'] }));
    expect(twice).toMatchObject({ code: 'CONFLICT', message: 'Dieser Vorschlag wurde bereits verworfen.' });
    const unknown = await errorOf(dispatch(app.handlers, 'online.proposals.dismiss', { key: 'press:999' }));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'Diesen Vorschlag gibt es nicht (mehr).' });
  });

  it('two PCs taking or dismissing one proposal at the same moment: one wins, the others are refused, one topic only', async () => {
    const { release } = await office();
    const key = `press:${release.id}`;
    // Office mode: three PCs on one database; a single PC: three windows of one app.
    const others = kind === 'postgres' ? [await openOtherOfficePc(app.url!), await openOtherOfficePc(app.url!)] : [];
    try {
      const pcs = [app, ...others, app, app].slice(0, 3);
      const results = await Promise.all(
        pcs.map((pc, i) =>
          i === 2 ? dispatch(pc.handlers, 'online.proposals.dismiss', { key }) : dispatch(pc.handlers, 'online.proposals.take', { key, channels: ['portal', 'bluesky'] }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      for (const refused of results.filter((r) => !r.ok)) {
        expect(refused.ok ? null : refused.error.message).toMatch(/^Dieser Vorschlag wurde bereits (übernommen|verworfen)\.$/);
      }
      const topics = (await call(app.handlers, 'online.topics.list', {})).filter((t) => t.title.includes('Hafenfest 2027'));
      expect(topics).toHaveLength(results[2]!.ok ? 0 : 1);
    } finally {
      for (const other of others) await other.close();
    }
  });

  it('proposes nothing from a week without public appointments or a withdrawn release', async () => {
    const { release } = await office();
    const submitted = await call(app.handlers, 'press.releases.step', { id: release.id, revision: release.revision, step: 'submit' });
    await call(app.handlers, 'press.releases.step', { id: release.id, revision: submitted.revision, step: 'withdraw' });
    const keys = (await proposals()).map((p) => p.key);
    expect(keys).not.toContain(`press:${release.id}`);
    expect(keys.filter((key) => key.startsWith('week:'))).toEqual(['week:2026-12-14']);
  });
});
