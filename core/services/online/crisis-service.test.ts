/**
 * Crisis mode through the contract, on a real SQLite file: holding statements approved (and the
 * approval void when edited), the switch that pauses the approved and scheduled posts planned
 * for later and plans them again (state and time kept), publishing refused while paused, and the
 * crisis log of what was published — who, on which channel, when — with audit entries.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema';
import { call, dispatch, type OnlinePostInput } from '../../api';
import { createTempApp } from '../../../tests/support/temp-app';
import { errorOf } from '../../../tests/support/api-result';

/** Friday, 27 November 2026, 10:00 in Duisburg. */
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

const USER = 'test';
/** The post's revision as stored now (these tests change it as the one who just loaded it). */
const revisionOf = async (id: number) => (await call(app.handlers, 'online.posts.get', { id })).revision;
const save = async (input: OnlinePostInput) =>
  call(app.handlers, 'online.posts.save', input.id && input.revision === undefined ? { ...input, revision: await revisionOf(input.id) } : input);
const step = async (id: number, name: 'submit' | 'approve' | 'schedule' | 'publish', url?: string) => call(app.handlers, 'online.posts.step', { id, revision: await revisionOf(id), step: name, url });
/** A post on Mastodon taken to `status` (entwurf, freigegeben or geplant), planned at `plannedAt`. */
const postIn = async (status: 'entwurf' | 'freigegeben' | 'geplant', plannedAt: string | null) => {
  const { id } = await save({ channel: 'mastodon', text: `Beitrag für ${plannedAt ?? 'später'}`, plannedAt });
  if (status === 'entwurf') return id;
  await step(id, 'submit');
  await step(id, 'approve');
  if (status === 'geplant') await step(id, 'schedule');
  return id;
};
const switchTo = (active: boolean) => call(app.handlers, 'online.crisis.switch', { active });

describe('holding statements (Wartestellungnahmen)', () => {
  it('are saved per scenario, approved with who and when, and editing voids the approval', async () => {
    const storm = await call(app.handlers, 'online.statements.save', { scenario: 'Unwetter', text: 'Wir beobachten die Lage und informieren hier fortlaufend.' });
    await call(app.handlers, 'online.statements.save', { scenario: 'IT-Ausfall', text: 'Die Bürgerservice-Stellen sind derzeit nicht erreichbar.' });
    expect(storm).toMatchObject({ scenario: 'Unwetter', approvedBy: null });
    const approved = await call(app.handlers, 'online.statements.approve', { id: storm.id });
    expect(approved).toMatchObject({ approvedBy: USER, approvedAt: '2026-11-27T09:00:00.000Z' });
    expect((await errorOf(dispatch(app.handlers, 'online.statements.approve', { id: storm.id })))?.message).toBe('Die Wartestellungnahme „Unwetter“ ist bereits freigegeben.');

    // Saved unchanged: still approved; the text changed: the approval is void.
    expect(await call(app.handlers, 'online.statements.save', { id: storm.id, scenario: 'Unwetter', text: storm.text })).toMatchObject({ approvedBy: USER });
    expect(await call(app.handlers, 'online.statements.save', { id: storm.id, scenario: 'Unwetter', text: 'Neuer Text.' })).toMatchObject({ approvedBy: null, approvedAt: null });
    expect((await call(app.handlers, 'online.statements.list', {})).map((s) => s.scenario)).toEqual(['IT-Ausfall', 'Unwetter']);
    const missing = await errorOf(dispatch(app.handlers, 'online.statements.save', { scenario: ' ', text: 'x' }));
    expect(missing?.code).toBe('INVALID_INPUT');
    expect(audit('online-statement')).toEqual([
      ['create', 'Unwetter'],
      ['create', 'IT-Ausfall'],
      ['approve', 'Unwetter'],
      ['update', 'Unwetter'],
      ['update', 'Unwetter, Freigabe aufgehoben'],
    ]);
  });
});

describe('the crisis switch', () => {
  it('pauses the approved and scheduled posts planned for later, lists them, and plans them again when switched off', async () => {
    const scheduled = await postIn('geplant', '2026-11-28T10:00');
    const approved = await postIn('freigegeben', '2026-11-30T09:00');
    const draft = await postIn('entwurf', '2026-11-28T12:00');
    const approvedNoTime = await postIn('freigegeben', null);
    // Approved for a time already passed (due now): not paused, it may be marked published.
    clock = new Date('2026-11-27T08:00:00Z');
    const due = await postIn('geplant', '2026-11-27T09:30');
    clock = new Date('2026-11-27T09:00:00Z');

    expect((await call(app.handlers, 'online.crisis', {})).active).toBe(false);
    const on = await switchTo(true);
    expect(on).toMatchObject({ active: true, since: '2026-11-27T09:00:00.000Z', by: USER });
    expect(on.paused.map((p) => [p.id, p.status, p.plannedAt, p.paused])).toEqual([
      [scheduled, 'geplant', '2026-11-28T10:00', true],
      [approved, 'freigegeben', '2026-11-30T09:00', true],
    ]);
    const plan = await call(app.handlers, 'online.plan', { from: '2026-11-27', to: '2026-11-30' });
    expect(plan.items.filter((i) => i.paused).map((i) => i.id)).toEqual([scheduled, approved]);
    expect(plan.items.find((i) => i.id === draft)?.paused).toBe(false);
    expect((await errorOf(dispatch(app.handlers, 'online.crisis.switch', { active: true })))?.message).toBe('Der Krisenmodus ist bereits eingeschaltet.');

    // A paused post is not published; one due before the crisis may be, and goes into the log.
    clock = new Date('2026-11-28T10:00:00Z');
    const refused = await errorOf(dispatch(app.handlers, 'online.posts.step', { id: scheduled, revision: await revisionOf(scheduled), step: 'publish', url: 'https://mastodon.social/@duisburg/1' }));
    expect(refused?.message).toBe('Der Beitrag ist im Krisenmodus pausiert; veröffentlicht werden kann er erst, wenn der Krisenmodus ausgeschaltet ist.');
    await step(due, 'publish', 'https://mastodon.social/@duisburg/2');
    // Scheduled during the crisis: paused too.
    await save({ id: approvedNoTime, topicId: null, channel: 'mastodon', text: 'Beitrag für später', link: '', media: [], plannedAt: '2026-12-01T10:00' });
    await step(approvedNoTime, 'schedule');
    expect((await call(app.handlers, 'online.crisis', {})).paused.map((p) => p.id)).toEqual([scheduled, approved, approvedNoTime]);

    // Switched off after the scheduled post's time (28 November, 10:00): it is not planned again
    // for the past but listed with its time lapsed; the others are planned again as they were.
    clock = new Date('2026-11-28T12:00:00Z');
    const off = await switchTo(false);
    expect(off).toMatchObject({ active: false, since: null, paused: [] });
    expect(off.lapsed.map((p) => [p.id, p.status, p.plannedAt, p.paused, p.lapsed])).toEqual([[scheduled, 'freigegeben', '2026-11-28T10:00', false, true]]);
    const posts = await call(app.handlers, 'online.posts.list', { from: '2026-11-27', to: '2026-12-01' });
    expect(posts.filter((p) => [scheduled, approved, approvedNoTime].includes(p.id)).map((p) => [p.id, p.status, p.plannedAt])).toEqual([
      [scheduled, 'freigegeben', '2026-11-28T10:00'],
      [approved, 'freigegeben', '2026-11-30T09:00'],
      [approvedNoTime, 'geplant', '2026-12-01T10:00'],
    ]);
    // The last crisis's log stays readable, newest first.
    expect(off.log.map((e) => [e.kind, e.at, e.user, e.channelName, e.summary])).toEqual([
      ['end', '2026-11-28T12:00:00.000Z', USER, null, 'Krisenmodus ausgeschaltet: 2 Beiträge wieder eingeplant, bei 1 Beitrag ist der Zeitpunkt verstrichen'],
      ['post', '2026-11-28T10:00:00.000Z', USER, 'Mastodon', 'Beitrag für 2026-11-27T09:30'],
      ['start', '2026-11-27T09:00:00.000Z', USER, null, 'Krisenmodus eingeschaltet: 2 geplante Beiträge pausiert'],
    ]);
    expect(audit('online-crisis')).toEqual([
      ['crisis-on', 'Krisenmodus eingeschaltet: 2 geplante Beiträge pausiert'],
      ['crisis-off', 'Krisenmodus ausgeschaltet: 2 Beiträge wieder eingeplant, bei 1 Beitrag ist der Zeitpunkt verstrichen'],
    ]);
    expect((await errorOf(dispatch(app.handlers, 'online.crisis.switch', { active: false })))?.message).toBe('Der Krisenmodus ist nicht eingeschaltet.');
  });

  it('lists a post whose planned time passed during the crisis as „Zeitpunkt verstrichen“: it does not go out late until it has a new time', async () => {
    const scheduled = await postIn('geplant', '2026-11-27T12:00');
    const approved = await postIn('freigegeben', '2026-11-27T14:00');
    const later = await postIn('geplant', '2026-11-29T10:00');
    await switchTo(true);
    // The crisis lasts until 15:00 (14:00 UTC): two planned times pass meanwhile.
    clock = new Date('2026-11-27T14:00:00Z');
    const off = await switchTo(false);
    expect(off.paused).toEqual([]);
    expect(off.lapsed.map((p) => [p.id, p.status, p.plannedAt, p.lapsed])).toEqual([
      [scheduled, 'freigegeben', '2026-11-27T12:00', true],
      [approved, 'freigegeben', '2026-11-27T14:00', true],
    ]);
    const plan = await call(app.handlers, 'online.plan', { from: '2026-11-27', to: '2026-11-29' });
    expect(plan.items.map((i) => [i.id, i.status, i.lapsed])).toEqual([
      [scheduled, 'freigegeben', true],
      [approved, 'freigegeben', true],
      [later, 'geplant', false],
    ]);
    expect(off.log[0]?.summary).toBe('Krisenmodus ausgeschaltet: 1 Beitrag wieder eingeplant, bei 2 Beiträgen ist der Zeitpunkt verstrichen');

    // Not marked published late, not scheduled for the past: it needs a new time.
    const late = await errorOf(dispatch(app.handlers, 'online.posts.step', { id: scheduled, revision: await revisionOf(scheduled), step: 'publish', url: 'https://mastodon.social/@duisburg/3' }));
    expect(late?.message).toBe('Der geplante Zeitpunkt (27. November 2026, 12:00 Uhr) ist im Krisenmodus verstrichen. Bitte zuerst einen neuen Zeitpunkt eintragen.');
    expect((await errorOf(dispatch(app.handlers, 'online.posts.step', { id: scheduled, revision: await revisionOf(scheduled), step: 'schedule' })))?.message).toBe(
      'Der geplante Zeitpunkt (27. November 2026, 12:00 Uhr) ist schon vorbei. Bitte einen späteren eintragen.',
    );
    // Saved unchanged (another field edited) it stays lapsed; a new time ends that, and it is scheduled again.
    const text = 'Beitrag für 2026-11-27T12:00';
    await save({ id: scheduled, topicId: null, channel: 'mastodon', text, link: '', media: [], plannedAt: '2026-11-27T12:00' });
    expect((await call(app.handlers, 'online.crisis', {})).lapsed.map((p) => p.id)).toEqual([scheduled, approved]);
    await save({ id: scheduled, topicId: null, channel: 'mastodon', text, link: '', media: [], plannedAt: '2026-11-28T09:00' });
    expect((await call(app.handlers, 'online.crisis', {})).lapsed.map((p) => p.id)).toEqual([approved]);
    expect(await step(scheduled, 'schedule')).toMatchObject({ status: 'geplant', plannedAt: '2026-11-28T09:00', approvedBy: USER });
  });

  it('logs an approved holding statement published on a channel during the crisis, refuses one unapproved or outside a crisis', async () => {
    const fire = await call(app.handlers, 'online.statements.save', { scenario: 'Großbrand', text: 'In Hochfeld brennt eine Lagerhalle. Bitte Fenster und Türen geschlossen halten.' });
    const publish = () => dispatch(app.handlers, 'online.crisis.publish', { statementId: fire.id, channel: 'instagram' });
    expect((await errorOf(publish()))?.message).toBe('Wartestellungnahmen werden im Krisenmodus veröffentlicht; er ist nicht eingeschaltet.');
    await switchTo(true);
    expect((await errorOf(publish()))?.message).toBe('Die Wartestellungnahme „Großbrand“ ist nicht freigegeben.');
    await call(app.handlers, 'online.statements.approve', { id: fire.id });
    clock = new Date('2026-11-27T09:05:00Z');
    const state = await call(app.handlers, 'online.crisis.publish', { statementId: fire.id, channel: 'instagram' });
    expect(state.log[0]).toMatchObject({ kind: 'statement', at: '2026-11-27T09:05:00.000Z', user: USER, channel: 'instagram', channelName: 'Instagram', statementId: fire.id, summary: `Großbrand: ${fire.text}` });
    expect(audit('online-statement').at(-1)).toEqual(['publish', 'Instagram: Wartestellungnahme „Großbrand“']);
  });
});
