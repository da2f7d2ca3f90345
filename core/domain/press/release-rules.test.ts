import { describe, expect, it } from 'vitest';
import type { PressReleaseStatus, PressStep } from '../../api/schemas/press';
import { applyPressStep, checkSchedule, describeWallClock, embargoActive, enquiryOverdue, nextPressSteps, statusAfterEdit, type ReleaseFacts, type StepChanges } from './release-rules';

/** Friday, 27 November 2026, 10:00 in Duisburg (winter time, UTC+1). */
const NOW = new Date('2026-11-27T09:00:00Z');
const USER = 'Sabine Brökelmann';

const release = (more: Partial<ReleaseFacts> = {}): ReleaseFacts => ({
  status: 'entwurf',
  title: 'Hafenfest Ruhrort 2027: Programm steht',
  body: 'Das Hafenfest findet vom 18. bis 20. Juni 2027 statt.',
  releaseAt: null,
  embargoUntil: null,
  ...more,
});

type Case = [label: string, facts: ReleaseFacts, step: PressStep, now: string, expected: string | StepChanges];

describe('the steps: allowed and what they change, or refused with a German reason', () => {
  const cases: Case[] = [
    ['submit a draft', release(), 'submit', '2026-11-27T09:00:00Z', { status: 'abstimmung', approvedBy: null, approvedAt: null }],
    ['submit a withdrawn release again', release({ status: 'zurueckgezogen' }), 'submit', '2026-11-27T09:00:00Z', { status: 'abstimmung', approvedBy: null, approvedAt: null }],
    ['submit without text', release({ body: '  \n ' }), 'submit', '2026-11-27T09:00:00Z', 'Bitte zuerst den Text der Pressemitteilung schreiben.'],
    ['submit twice', release({ status: 'abstimmung' }), 'submit', '2026-11-27T09:00:00Z', 'Zur Freigabe vorgelegt wird ein Entwurf; diese Pressemitteilung ist in Abstimmung.'],
    ['approve: who and when', release({ status: 'abstimmung' }), 'approve', '2026-11-27T09:00:00Z', { status: 'freigegeben', approvedBy: USER, approvedAt: '2026-11-27T09:00:00.000Z' }],
    ['approve a draft not submitted', release(), 'approve', '2026-11-27T09:00:00Z', 'Freigegeben werden kann nur eine Pressemitteilung in Abstimmung; diese ist ein Entwurf.'],
    ['approve twice', release({ status: 'freigegeben' }), 'approve', '2026-11-27T09:00:00Z', 'Die Pressemitteilung ist bereits freigegeben.'],
    // No publishing before the approval.
    ['publish a draft', release(), 'publish', '2026-11-27T09:00:00Z', 'Die Pressemitteilung ist noch nicht freigegeben (ein Entwurf); veröffentlicht werden kann sie erst nach der Freigabe.'],
    ['publish while in approval', release({ status: 'abstimmung' }), 'publish', '2026-11-27T09:00:00Z', 'Die Pressemitteilung ist noch nicht freigegeben (in Abstimmung); veröffentlicht werden kann sie erst nach der Freigabe.'],
    ['publish a withdrawn release', release({ status: 'zurueckgezogen' }), 'publish', '2026-11-27T09:00:00Z', 'Die Pressemitteilung ist noch nicht freigegeben (zurückgezogen); veröffentlicht werden kann sie erst nach der Freigabe.'],
    ['publish twice', release({ status: 'veroeffentlicht' }), 'publish', '2026-11-27T09:00:00Z', 'Die Pressemitteilung ist bereits veröffentlicht.'],
    // Publishing records the moment as the release time (Berlin wall-clock).
    ['publish an approved release without embargo', release({ status: 'freigegeben' }), 'publish', '2026-11-27T09:00:00Z', { status: 'veroeffentlicht', releaseAt: '2026-11-27T10:00' }],
    ['publish earlier than planned', release({ status: 'freigegeben', releaseAt: '2026-12-01T08:00' }), 'publish', '2026-11-27T09:00:00Z', { status: 'veroeffentlicht', releaseAt: '2026-11-27T10:00' }],
    // The embargo: 10:00 in Berlin is 09:00 UTC in winter …
    ['publish one minute before the embargo (winter)', release({ status: 'freigegeben', embargoUntil: '2027-01-15T10:00' }), 'publish', '2027-01-15T08:59:00Z', 'Die Sperrfrist läuft bis 15. Januar 2027, 10:00 Uhr; vorher darf die Pressemitteilung nicht veröffentlicht werden.'],
    ['publish when the embargo ends (winter)', release({ status: 'freigegeben', embargoUntil: '2027-01-15T10:00' }), 'publish', '2027-01-15T09:00:00Z', { status: 'veroeffentlicht', releaseAt: '2027-01-15T10:00' }],
    ['publish weeks before the embargo', release({ status: 'freigegeben', embargoUntil: '2027-01-15T10:00' }), 'publish', '2026-11-27T09:00:00Z', 'Die Sperrfrist läuft bis 15. Januar 2027, 10:00 Uhr; vorher darf die Pressemitteilung nicht veröffentlicht werden.'],
    // … and 08:00 UTC in summer: at 08:30 UTC (10:30 in Duisburg) it has passed, though 08:30 < 10:00 on a UTC clock.
    ['publish after the embargo (summer)', release({ status: 'freigegeben', embargoUntil: '2027-06-15T10:00' }), 'publish', '2027-06-15T08:30:00Z', { status: 'veroeffentlicht', releaseAt: '2027-06-15T10:30' }],
    ['publish 09:30 in Duisburg before a 10:00 embargo (summer)', release({ status: 'freigegeben', embargoUntil: '2027-06-15T10:00' }), 'publish', '2027-06-15T07:30:00Z', 'Die Sperrfrist läuft bis 15. Juni 2027, 10:00 Uhr; vorher darf die Pressemitteilung nicht veröffentlicht werden.'],
    // The night the clocks spring forward (28 March 2027): 02:30 does not exist and means 03:30 summer time (01:30 UTC).
    ['publish at 03:15 summer time, embargo 02:30 on the night of the change', release({ status: 'freigegeben', embargoUntil: '2027-03-28T02:30' }), 'publish', '2027-03-28T01:15:00Z', 'Die Sperrfrist läuft bis 28. März 2027, 02:30 Uhr; vorher darf die Pressemitteilung nicht veröffentlicht werden.'],
    ['publish at 03:30 summer time, embargo 02:30 on the night of the change', release({ status: 'freigegeben', embargoUntil: '2027-03-28T02:30' }), 'publish', '2027-03-28T01:30:00Z', { status: 'veroeffentlicht', releaseAt: '2027-03-28T03:30' }],
    ['withdraw a published release', release({ status: 'veroeffentlicht' }), 'withdraw', '2026-11-27T09:00:00Z', { status: 'zurueckgezogen' }],
    ['withdraw during the approval', release({ status: 'abstimmung' }), 'withdraw', '2026-11-27T09:00:00Z', { status: 'zurueckgezogen' }],
    ['withdraw a draft', release(), 'withdraw', '2026-11-27T09:00:00Z', 'Ein Entwurf muss nicht zurückgezogen werden; er ist nicht herausgegeben.'],
    ['withdraw twice', release({ status: 'zurueckgezogen' }), 'withdraw', '2026-11-27T09:00:00Z', 'Die Pressemitteilung ist bereits zurückgezogen.'],
  ];

  it.each(cases)('%s', (_label, facts, step, now, expected) => {
    const outcome = applyPressStep(facts, step, { now: new Date(now), user: USER });
    if (typeof expected === 'string') expect(outcome).toEqual({ ok: false, message: expected });
    else expect(outcome).toEqual({ ok: true, changes: expected });
  });
});

describe('the steps each state offers (publishing stays offered during an embargo: the refusal says until when)', () => {
  it.each<[PressReleaseStatus, PressStep[]]>([
    ['entwurf', ['submit']],
    ['abstimmung', ['approve', 'withdraw']],
    ['freigegeben', ['publish', 'withdraw']],
    ['veroeffentlicht', ['withdraw']],
    ['zurueckgezogen', ['submit']],
  ])('%s → %j', (status, steps) => {
    expect(nextPressSteps(status)).toEqual(steps);
  });
});

describe('the embargo in Europe/Berlin', () => {
  it.each([
    [null, '2026-11-27T09:00:00Z', false],
    ['2026-11-27T10:00', '2026-11-27T08:59:59Z', true],
    ['2026-11-27T10:00', '2026-11-27T09:00:00Z', false],
    ['2027-07-01T00:00', '2027-06-30T21:59:00Z', true],
    ['2027-07-01T00:00', '2027-06-30T22:00:00Z', false],
  ] as const)('embargo %s at %s → active %s', (embargo, now, active) => {
    expect(embargoActive(embargo, new Date(now))).toBe(active);
  });

  it('says the embargo in words', () => {
    expect(describeWallClock('2027-01-15T10:00')).toBe('15. Januar 2027, 10:00 Uhr');
    expect(describeWallClock('2027-03-05T08:30')).toBe('5. März 2027, 08:30 Uhr');
  });
});

describe('scheduling: release time and embargo', () => {
  type Times = { releaseAt: string | null; embargoUntil: string | null };
  const t = (releaseAt: string | null, embargoUntil: string | null = null): Times => ({ releaseAt, embargoUntil });
  it.each<[string, Times, Times | null, string | null]>([
    ['no times', t(null), null, null],
    ['release time ahead', t('2027-01-15T10:00'), null, null],
    ['release time now (10:00 in Duisburg)', t('2026-11-27T10:00'), null, null],
    ['release time a minute ago', t('2026-11-27T09:59'), null, 'Der Veröffentlichungszeitpunkt (27. November 2026, 09:59 Uhr) liegt in der Vergangenheit.'],
    ['release time in the past, unchanged (an older release edited)', t('2026-10-01T09:00'), t('2026-10-01T09:00'), null],
    ['release time moved into the past', t('2026-10-01T09:00'), t('2026-12-01T09:00'), 'Der Veröffentlichungszeitpunkt (1. Oktober 2026, 09:00 Uhr) liegt in der Vergangenheit.'],
    ['embargo in the past', t(null, '2026-11-26T12:00'), null, 'Die Sperrfrist (26. November 2026, 12:00 Uhr) liegt in der Vergangenheit.'],
    ['release time with the embargo', t('2027-01-15T10:00', '2027-01-15T10:00'), null, null],
    ['release time after the embargo', t('2027-01-15T11:00', '2027-01-15T10:00'), null, null],
    [
      'release time before the embargo',
      t('2027-01-14T10:00', '2027-01-15T10:00'),
      null,
      'Die Veröffentlichung ist für 14. Januar 2027, 10:00 Uhr geplant, die Sperrfrist läuft aber bis 15. Januar 2027, 10:00 Uhr. Bitte die Veröffentlichung nicht vor das Ende der Sperrfrist legen.',
    ],
  ])('%s', (_label, next, previous, expected) => {
    expect(checkSchedule(next, previous, NOW)).toBe(expected);
  });
});

describe('editing: an approved release goes back to the draft', () => {
  const content = { content: true, schedule: false };
  const schedule = { content: false, schedule: true };
  const nothing = { content: false, schedule: false };
  it.each([
    ['freigegeben', content, { ok: true, status: 'entwurf', approvalVoid: true }],
    ['freigegeben', schedule, { ok: true, status: 'freigegeben', approvalVoid: false }],
    ['freigegeben', nothing, { ok: true, status: 'freigegeben', approvalVoid: false }],
    ['entwurf', content, { ok: true, status: 'entwurf', approvalVoid: false }],
    ['abstimmung', content, { ok: true, status: 'abstimmung', approvalVoid: false }],
    ['zurueckgezogen', content, { ok: true, status: 'entwurf', approvalVoid: true }],
    ['veroeffentlicht', nothing, { ok: true, status: 'veroeffentlicht', approvalVoid: false }],
    [
      'veroeffentlicht',
      content,
      { ok: false, message: 'Eine veröffentlichte Pressemitteilung kann nicht mehr geändert werden. Bitte sie zurückziehen und eine berichtigte Fassung herausgeben.' },
    ],
    [
      'veroeffentlicht',
      schedule,
      { ok: false, message: 'Eine veröffentlichte Pressemitteilung kann nicht mehr geändert werden. Bitte sie zurückziehen und eine berichtigte Fassung herausgeben.' },
    ],
  ] as const)('%s, changed %j', (status, changed, expected) => {
    expect(statusAfterEdit(status, changed)).toEqual(expected);
  });
});

describe('press enquiries: overdue when the deadline passed without an answer', () => {
  it.each([
    [null, null, false, 'no deadline'],
    ['2026-11-27T10:00', null, false, 'the deadline is now (10:00 in Duisburg)'],
    ['2026-11-27T09:59', null, true, 'a minute past the deadline'],
    ['2026-11-26T16:00', '2026-11-26T15:00:00.000Z', false, 'answered'],
    ['2026-11-28T12:00', null, false, 'deadline tomorrow'],
  ] as const)('deadline %s, answered %s → overdue %s (%s)', (deadline, answeredAt, overdue, _why) => {
    expect(enquiryOverdue({ deadline, answeredAt }, NOW)).toBe(overdue);
  });
});
