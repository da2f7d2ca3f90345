import { describe, expect, it } from 'vitest';
import { CLUSTER_MIN_POSTS, CLUSTER_WINDOW_MINUTES, planWarnings, SILENCE_DAYS, type PlanEntry, type PlanWarning } from './plan-warnings';

let nextId = 1;
const entry = (channel: PlanEntry['channel'], at: string): PlanEntry => ({ id: nextId++, channel, at });
const at = (channel: PlanEntry['channel'], ...times: string[]) => times.map((t) => entry(channel, t));

type Case = [label: string, entries: PlanEntry[], range: { from: string; to: string }, watched: PlanEntry['channel'][], expected: Array<Pick<PlanWarning, 'kind' | 'channel' | 'message'>>];

const WEEK = { from: '2026-12-07', to: '2026-12-13' };
const MONTH = { from: '2026-12-01', to: '2026-12-31' };

const cases: Case[] = [
  ['nothing planned, nothing watched', [], WEEK, [], []],
  ['two posts in one hour are no cluster', at('bluesky', '2026-12-10T10:00', '2026-12-10T10:30'), WEEK, [], []],
  [
    'three posts within one hour on one channel',
    at('bluesky', '2026-12-10T10:00', '2026-12-10T10:20', '2026-12-10T10:59'),
    WEEK,
    [],
    [{ kind: 'cluster', channel: 'bluesky', message: 'Häufung auf Bluesky: 3 Beiträge am 10.12.2026 zwischen 10:00 und 10:59 Uhr.' }],
  ],
  ['three posts spanning exactly an hour are no cluster', at('bluesky', '2026-12-10T10:00', '2026-12-10T10:30', '2026-12-10T11:00'), WEEK, [], []],
  ['three posts in one hour on three channels are no cluster', [entry('x', '2026-12-10T10:00'), entry('mastodon', '2026-12-10T10:00'), entry('bluesky', '2026-12-10T10:00')], WEEK, [], []],
  [
    'overlapping windows are one cluster with all its posts',
    at('instagram', '2026-12-10T09:00', '2026-12-10T09:30', '2026-12-10T09:50', '2026-12-10T10:20', '2026-12-10T10:45'),
    WEEK,
    [],
    [{ kind: 'cluster', channel: 'instagram', message: 'Häufung auf Instagram: 5 Beiträge am 10.12.2026 zwischen 09:00 und 10:45 Uhr.' }],
  ],
  [
    'two clusters on one day apart',
    at('x', '2026-12-10T09:00', '2026-12-10T09:10', '2026-12-10T09:20', '2026-12-10T15:00', '2026-12-10T15:05', '2026-12-10T15:10'),
    WEEK,
    [],
    [
      { kind: 'cluster', channel: 'x', message: 'Häufung auf X: 3 Beiträge am 10.12.2026 zwischen 09:00 und 09:20 Uhr.' },
      { kind: 'cluster', channel: 'x', message: 'Häufung auf X: 3 Beiträge am 10.12.2026 zwischen 15:00 und 15:10 Uhr.' },
    ],
  ],
  [
    'a cluster over midnight',
    at('whatsapp', '2026-12-10T23:40', '2026-12-10T23:55', '2026-12-11T00:20'),
    WEEK,
    [],
    [{ kind: 'cluster', channel: 'whatsapp', message: 'Häufung auf dem WhatsApp-Kanal: 3 Beiträge zwischen 10.12.2026, 23:40 Uhr und 11.12.2026, 00:20 Uhr.' }],
  ],
  ['three at the same minute', at('portal', '2026-12-10T10:00', '2026-12-10T10:00', '2026-12-10T10:00'), WEEK, [], [{ kind: 'cluster', channel: 'portal', message: 'Häufung auf dem Stadtportal: 3 Beiträge am 10.12.2026 um 10:00 Uhr.' }]],
  // Silences: a watched channel with nothing for seven days in the range
  ['a watched channel silent the whole week', [], WEEK, ['instagram'], [{ kind: 'silence', channel: 'instagram', message: 'Auf Instagram ist vom 07.12.2026 bis 13.12.2026 (7 Tage) nichts geplant.' }]],
  ['six empty days are no silence', at('instagram', '2026-12-07T10:00'), WEEK, ['instagram'], []],
  ['a post on the last day: six days before it', at('instagram', '2026-12-13T10:00'), WEEK, ['instagram'], []],
  [
    'a gap in the month between two posts',
    at('mastodon', '2026-12-02T10:00', '2026-12-12T10:00', '2026-12-15T09:00', '2026-12-21T09:00', '2026-12-27T09:00'),
    MONTH,
    ['mastodon'],
    [{ kind: 'silence', channel: 'mastodon', message: 'Auf Mastodon ist vom 03.12.2026 bis 11.12.2026 (9 Tage) nichts geplant.' }],
  ],
  [
    'the gaps at the start and at the end of the range',
    at('intranet', '2026-12-09T10:00', '2026-12-20T10:00'),
    MONTH,
    ['intranet'],
    [
      { kind: 'silence', channel: 'intranet', message: 'Im Intranet ist vom 01.12.2026 bis 08.12.2026 (8 Tage) nichts geplant.' },
      { kind: 'silence', channel: 'intranet', message: 'Im Intranet ist vom 10.12.2026 bis 19.12.2026 (10 Tage) nichts geplant.' },
      { kind: 'silence', channel: 'intranet', message: 'Im Intranet ist vom 21.12.2026 bis 31.12.2026 (11 Tage) nichts geplant.' },
    ],
  ],
  ['a range shorter than the threshold has no silence', [], { from: '2026-12-10', to: '2026-12-10' }, ['x'], []],
  ['posts outside the range do not count', at('x', '2026-12-06T10:00', '2026-12-14T10:00'), WEEK, ['x'], [{ kind: 'silence', channel: 'x', message: 'Auf X ist vom 07.12.2026 bis 13.12.2026 (7 Tage) nichts geplant.' }]],
  [
    'clusters before silences, channels in the office’s order',
    [...at('youtube', '2026-12-08T10:00', '2026-12-08T10:01', '2026-12-08T10:02'), ...at('facebook', '2026-12-08T12:00')],
    WEEK,
    ['youtube', 'portal'],
    [
      { kind: 'cluster', channel: 'youtube', message: 'Häufung auf YouTube: 3 Beiträge am 08.12.2026 zwischen 10:00 und 10:02 Uhr.' },
      { kind: 'silence', channel: 'portal', message: 'Auf dem Stadtportal ist vom 07.12.2026 bis 13.12.2026 (7 Tage) nichts geplant.' },
    ],
  ],
];

describe('planWarnings: clusters and silences in the plan', () => {
  it('uses the office’s thresholds', () => {
    expect([CLUSTER_MIN_POSTS, CLUSTER_WINDOW_MINUTES, SILENCE_DAYS]).toEqual([3, 60, 7]);
  });
  it.each(cases)('%s', (_, entries, range, watched, expected) => {
    expect(planWarnings(entries, range, watched).map(({ kind, channel, message }) => ({ kind, channel, message }))).toEqual(expected);
  });
  it('names the posts of a cluster and the days of a silence', () => {
    const posts = at('bluesky', '2026-12-10T10:00', '2026-12-10T10:20', '2026-12-10T10:40', '2026-12-12T10:00');
    const [cluster, silence] = planWarnings(posts, MONTH, ['bluesky']);
    expect(cluster).toMatchObject({ kind: 'cluster', postIds: posts.slice(0, 3).map((p) => p.id), from: '2026-12-10T10:00', to: '2026-12-10T10:40' });
    expect(silence).toMatchObject({ kind: 'silence', postIds: [], from: '2026-12-01', to: '2026-12-09' });
  });
  it('finds clusters in unsorted input', () => {
    const posts = at('x', '2026-12-10T10:40', '2026-12-10T10:00', '2026-12-10T10:20');
    expect(planWarnings(posts, WEEK, [])[0]).toMatchObject({ postIds: [posts[1]!.id, posts[2]!.id, posts[0]!.id] });
  });
});
