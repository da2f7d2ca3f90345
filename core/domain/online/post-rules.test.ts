import { describe, expect, it } from 'vitest';
import { applyPostStep, checkPlannedAt, nextPostSteps, postStatusAfterEdit, type PostFacts, type PostStatus, type PostStep, type PostStepChanges, type StepContext } from './post-rules';

/** Friday, 27 November 2026, 10:00 in Duisburg (winter time, UTC+1). */
const NOW = new Date('2026-11-27T09:00:00Z');
const USER = 'Sabine Brökelmann';
const PROBLEM = { code: 'too-long' as const, message: 'Der Text ist zu lang für Bluesky: 312 von höchstens 300 Zeichen (12 zu viel).' };

const post = (more: Partial<PostFacts> = {}): PostFacts => ({ status: 'entwurf', text: 'Das Hafenfest beginnt am Freitag!', plannedAt: null, ...more });

type Case = [label: string, facts: PostFacts, step: PostStep, context: Partial<StepContext>, expected: string | PostStepChanges];

const cases: Case[] = [
  ['an idea becomes a draft', post({ status: 'idee' }), 'draft', {}, { status: 'entwurf', approvedBy: null, approvedAt: null }],
  ['a draft is no idea', post(), 'draft', {}, 'Ausgearbeitet wird eine Idee; dieser Beitrag ist ein Entwurf.'],
  ['submit a draft', post(), 'submit', {}, { status: 'zur_freigabe', approvedBy: null, approvedAt: null }],
  ['submit without text', post({ text: '  ' }), 'submit', {}, 'Bitte zuerst den Text des Beitrags schreiben.'],
  ['submit an idea', post({ status: 'idee' }), 'submit', {}, 'Zur Freigabe vorgelegt wird ein Entwurf; dieser Beitrag ist noch eine Idee.'],
  ['submit a withdrawn post again', post({ status: 'zurueckgezogen' }), 'submit', {}, { status: 'zur_freigabe', approvedBy: null, approvedAt: null }],
  // Approval: who and when, only without problems
  ['approve: who and when', post({ status: 'zur_freigabe' }), 'approve', { problems: [] }, { status: 'freigegeben', approvedBy: USER, approvedAt: '2026-11-27T09:00:00.000Z' }],
  ['approve with a problem of the check', post({ status: 'zur_freigabe' }), 'approve', { problems: [PROBLEM] }, `Der Beitrag kann so nicht freigegeben werden: ${PROBLEM.message}`],
  ['approve a draft not submitted', post(), 'approve', {}, 'Freigegeben werden kann nur ein zur Freigabe vorgelegter Beitrag; dieser ist ein Entwurf.'],
  ['approve twice', post({ status: 'freigegeben' }), 'approve', {}, 'Der Beitrag ist bereits freigegeben.'],
  // Scheduling
  ['schedule an approved post', post({ status: 'freigegeben', plannedAt: '2026-11-28T10:00' }), 'schedule', {}, { status: 'geplant' }],
  ['schedule without a time', post({ status: 'freigegeben' }), 'schedule', {}, 'Bitte zuerst den geplanten Zeitpunkt eintragen.'],
  ['schedule for a time that has passed', post({ status: 'freigegeben', plannedAt: '2026-11-27T09:59' }), 'schedule', {}, 'Der geplante Zeitpunkt (27. November 2026, 09:59 Uhr) ist schon vorbei. Bitte einen späteren eintragen.'],
  ['schedule a post in approval', post({ status: 'zur_freigabe', plannedAt: '2026-11-28T10:00' }), 'schedule', {}, 'Eingeplant werden kann nur ein freigegebener Beitrag; dieser ist zur Freigabe vorgelegt.'],
  // Publishing: approved, its time has come, with the URL
  ['publish a draft', post(), 'publish', { url: 'https://www.duisburg.de/x' }, 'Der Beitrag ist nicht freigegeben (ein Entwurf); veröffentlicht werden darf er erst nach der Freigabe.'],
  ['publish while in approval', post({ status: 'zur_freigabe' }), 'publish', { url: 'https://www.duisburg.de/x' }, 'Der Beitrag ist nicht freigegeben (zur Freigabe vorgelegt); veröffentlicht werden darf er erst nach der Freigabe.'],
  ['publish one minute before the planned time', post({ status: 'geplant', plannedAt: '2026-11-27T10:01' }), 'publish', { url: 'https://www.duisburg.de/x' }, 'Der Beitrag ist für 27. November 2026, 10:01 Uhr geplant; vorher kann er nicht als veröffentlicht vermerkt werden.'],
  ['publish at the planned time', post({ status: 'geplant', plannedAt: '2026-11-27T10:00' }), 'publish', { url: ' https://mastodon.social/@duisburg/1 ' }, { status: 'veroeffentlicht', publishedAt: '2026-11-27T10:00', publishedUrl: 'https://mastodon.social/@duisburg/1' }],
  ['publish an approved post not planned', post({ status: 'freigegeben' }), 'publish', { url: 'https://www.duisburg.de/x' }, { status: 'veroeffentlicht', publishedAt: '2026-11-27T10:00', publishedUrl: 'https://www.duisburg.de/x' }],
  ['publish without the URL', post({ status: 'freigegeben' }), 'publish', {}, 'Bitte die Adresse (URL) angeben, unter der der Beitrag veröffentlicht ist.'],
  ['publish with no web address', post({ status: 'freigegeben' }), 'publish', { url: 'duisburg' }, '„duisburg“ ist keine Internetadresse (sie beginnt mit https://).'],
  ['publish a post paused by crisis mode', post({ status: 'geplant', plannedAt: '2026-11-27T10:00', pausedAt: '2026-11-27T08:00:00.000Z' }), 'publish', { url: 'https://www.duisburg.de/x' }, 'Der Beitrag ist im Krisenmodus pausiert; veröffentlicht werden kann er erst, wenn der Krisenmodus ausgeschaltet ist.'],
  ['publish a post whose time lapsed in crisis mode', post({ status: 'freigegeben', plannedAt: '2026-11-27T09:00', lapsedAt: '2026-11-27T09:30:00.000Z' }), 'publish', { url: 'https://www.duisburg.de/x' }, 'Der geplante Zeitpunkt (27. November 2026, 09:00 Uhr) ist im Krisenmodus verstrichen. Bitte zuerst einen neuen Zeitpunkt eintragen.'],
  ['publish twice', post({ status: 'veroeffentlicht' }), 'publish', { url: 'https://www.duisburg.de/x' }, 'Der Beitrag ist bereits als veröffentlicht vermerkt.'],
  // A post taken from a press release keeps its embargo (Sperrfrist) as its earliest time
  ['schedule before the embargo', post({ status: 'freigegeben', plannedAt: '2026-11-28T09:59', notBefore: '2026-11-28T10:00' }), 'schedule', {}, 'Der Beitrag unterliegt einer Sperrfrist bis 28. November 2026, 10:00 Uhr; bitte frühestens dann einplanen.'],
  ['schedule at the embargo', post({ status: 'freigegeben', plannedAt: '2026-11-28T10:00', notBefore: '2026-11-28T10:00' }), 'schedule', {}, { status: 'geplant' }],
  ['publish an approved post, not planned, before the embargo', post({ status: 'freigegeben', notBefore: '2026-11-27T10:01' }), 'publish', { url: 'https://www.duisburg.de/x' }, 'Der Beitrag unterliegt einer Sperrfrist bis 27. November 2026, 10:01 Uhr; vorher kann er nicht als veröffentlicht vermerkt werden.'],
  ['publish a post planned in time but the embargo not passed', post({ status: 'geplant', plannedAt: '2026-11-27T10:00', notBefore: '2026-11-27T12:00' }), 'publish', { url: 'https://www.duisburg.de/x' }, 'Der Beitrag unterliegt einer Sperrfrist bis 27. November 2026, 12:00 Uhr; vorher kann er nicht als veröffentlicht vermerkt werden.'],
  ['publish once the embargo passed', post({ status: 'freigegeben', notBefore: '2026-11-27T10:00' }), 'publish', { url: 'https://www.duisburg.de/x' }, { status: 'veroeffentlicht', publishedAt: '2026-11-27T10:00', publishedUrl: 'https://www.duisburg.de/x' }],
  // Withdrawing
  ['withdraw a published post', post({ status: 'veroeffentlicht' }), 'withdraw', {}, { status: 'zurueckgezogen' }],
  ['withdraw an idea', post({ status: 'idee' }), 'withdraw', {}, { status: 'zurueckgezogen' }],
  ['withdraw twice', post({ status: 'zurueckgezogen' }), 'withdraw', {}, 'Der Beitrag ist bereits zurückgezogen.'],
];

describe('the steps of a post: allowed and what they change, or refused with a German reason', () => {
  it.each(cases)('%s', (_label, facts, step, context, expected) => {
    const outcome = applyPostStep(facts, step, { now: NOW, user: USER, ...context });
    expect(outcome).toEqual(typeof expected === 'string' ? { ok: false, message: expected } : { ok: true, changes: expected });
  });

  it('offers the steps each state allows, and only those succeed (with what they need)', () => {
    const statuses: PostStatus[] = ['idee', 'entwurf', 'zur_freigabe', 'freigegeben', 'geplant', 'veroeffentlicht', 'zurueckgezogen'];
    const steps: PostStep[] = ['draft', 'submit', 'approve', 'schedule', 'publish', 'withdraw'];
    for (const status of statuses) {
      const allowed = steps.filter((step) => applyPostStep(post({ status, plannedAt: status === 'geplant' ? '2026-11-27T10:00' : status === 'freigegeben' ? '2026-11-28T10:00' : null }), step, { now: NOW, user: USER, problems: [], url: 'https://www.duisburg.de/x' }).ok);
      // A post approved with a future time can be scheduled, but not yet published.
      expect(nextPostSteps(status).filter((s) => !(status === 'freigegeben' && s === 'publish'))).toEqual(allowed);
    }
  });
});

describe('editing', () => {
  it.each([
    ['an approved text changed: back to draft, approval void', 'freigegeben', { content: true, schedule: false, unscheduled: false }, { ok: true, status: 'entwurf', approvalVoid: true }],
    ['a scheduled text changed: back to draft, approval void', 'geplant', { content: true, schedule: false, unscheduled: false }, { ok: true, status: 'entwurf', approvalVoid: true }],
    ['a withdrawn post reworked', 'zurueckgezogen', { content: true, schedule: false, unscheduled: false }, { ok: true, status: 'entwurf', approvalVoid: true }],
    ['a post in approval changed stays in approval', 'zur_freigabe', { content: true, schedule: false, unscheduled: false }, { ok: true, status: 'zur_freigabe', approvalVoid: false }],
    ['an idea changed stays an idea', 'idee', { content: true, schedule: false, unscheduled: false }, { ok: true, status: 'idee', approvalVoid: false }],
    ['only the planned time of a scheduled post', 'geplant', { content: false, schedule: true, unscheduled: false }, { ok: true, status: 'geplant', approvalVoid: false }],
    ['the planned time removed from a scheduled post', 'geplant', { content: false, schedule: true, unscheduled: true }, { ok: true, status: 'freigegeben', approvalVoid: false }],
    ['a published post', 'veroeffentlicht', { content: true, schedule: false, unscheduled: false }, { ok: false, message: 'Ein veröffentlichter Beitrag kann nicht mehr geändert werden. Bitte ihn zurückziehen und einen neuen anlegen.' }],
    ['a published post, unchanged', 'veroeffentlicht', { content: false, schedule: false, unscheduled: false }, { ok: true, status: 'veroeffentlicht', approvalVoid: false }],
  ] as const)('%s', (_label, status, changed, expected) => {
    expect(postStatusAfterEdit(status, changed)).toEqual(expected);
  });

  it('refuses a planned time set in the past, keeps one already stored', () => {
    expect(checkPlannedAt('2026-11-27T09:59', null, NOW)).toBe('Der geplante Zeitpunkt (27. November 2026, 09:59 Uhr) liegt in der Vergangenheit.');
    expect(checkPlannedAt('2026-11-27T09:59', '2026-11-27T09:59', NOW)).toBeNull();
    expect(checkPlannedAt('2026-11-27T10:00', null, NOW)).toBeNull();
    expect(checkPlannedAt(null, '2026-11-27T09:59', NOW)).toBeNull();
  });

  it('refuses a planned time before the embargo, also an unchanged one (the embargo came later)', () => {
    const embargo = '2026-12-01T10:00';
    expect(checkPlannedAt('2026-11-30T18:00', null, NOW, embargo)).toBe('Der Beitrag unterliegt einer Sperrfrist bis 1. Dezember 2026, 10:00 Uhr; der geplante Zeitpunkt (30. November 2026, 18:00 Uhr) liegt davor.');
    expect(checkPlannedAt('2026-12-01T09:59', '2026-12-01T09:59', NOW, embargo)).toBe('Der Beitrag unterliegt einer Sperrfrist bis 1. Dezember 2026, 10:00 Uhr; der geplante Zeitpunkt (1. Dezember 2026, 09:59 Uhr) liegt davor.');
    expect(checkPlannedAt('2026-12-01T10:00', null, NOW, embargo)).toBeNull();
    expect(checkPlannedAt(null, null, NOW, embargo)).toBeNull();
  });
});
