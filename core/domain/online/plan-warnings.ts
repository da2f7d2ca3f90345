/**
 * What the plan of the online channels should show at a glance (pure; no clock, no I/O):
 *
 * - A cluster (Häufung): at least CLUSTER_MIN_POSTS posts on one channel within less than
 *   CLUSTER_WINDOW_MINUTES (the first and the last of them less than an hour apart: 10:00, 10:20,
 *   10:59 is one; 10:00, 10:30, 11:00 is not). Windows that overlap or touch the same posts are
 *   one cluster with all their posts, so a busy morning is one warning, not five.
 * - A silence (Funkstille): SILENCE_DAYS or more days in a row within the shown range with nothing
 *   in the plan on a channel the office watches there (the service decides which channels: those
 *   asked for, or those with a post in the range). Days outside the range are not looked at — the
 *   plan says what it shows.
 *
 * The entries are the posts that go out (or went out) at their time in the plan; withdrawn posts
 * are left out by the caller. Times are Berlin wall-clock ("2026-12-10T10:00").
 */
import { addDays, daysBetween, wallClockMinutes } from '../calendar/time';
import type { LocalDate, LocalDateTime } from '../calendar/types';
import { formatDateNumeric } from '../dates/format';
import { CHANNEL_KEYS, CHANNEL_ON, type ChannelKey } from './channels';

/** Posts on one channel that make a cluster … */
export const CLUSTER_MIN_POSTS = 3;
/** … within less than this many minutes. */
export const CLUSTER_WINDOW_MINUTES = 60;
/** Days in a row with nothing planned on a channel that make a silence. */
export const SILENCE_DAYS = 7;

export interface PlanEntry {
  id: number;
  channel: ChannelKey;
  at: LocalDateTime;
}

export interface PlanWarning {
  kind: 'cluster' | 'silence';
  channel: ChannelKey;
  /** A cluster: its first and last post's time; a silence: its first and last day. */
  from: string;
  to: string;
  /** The posts of a cluster, by time; empty for a silence. */
  postIds: number[];
  /** What it means, in German. */
  message: string;
}

const time = (at: LocalDateTime) => `${at.slice(11, 16)} Uhr`;
const dayAndTime = (at: LocalDateTime) => `${formatDateNumeric(at.slice(0, 10))}, ${time(at)}`;
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function clusterMessage(channel: ChannelKey, first: LocalDateTime, last: LocalDateTime, n: number): string {
  const where = `Häufung ${CHANNEL_ON[channel]}: ${n} Beiträge`;
  if (first.slice(0, 10) !== last.slice(0, 10)) return `${where} zwischen ${dayAndTime(first)} und ${dayAndTime(last)}.`;
  const day = formatDateNumeric(first.slice(0, 10));
  if (first.slice(0, 16) === last.slice(0, 16)) return `${where} am ${day} um ${time(first)}.`;
  return `${where} am ${day} zwischen ${first.slice(11, 16)} und ${time(last)}.`;
}

/** The clusters of one channel's entries, sorted by time. */
function clustersOf(channel: ChannelKey, sorted: readonly PlanEntry[]): PlanWarning[] {
  const found: PlanWarning[] = [];
  let current: PlanEntry[] | null = null;
  for (let end = CLUSTER_MIN_POSTS - 1; end < sorted.length; end++) {
    const start = end - (CLUSTER_MIN_POSTS - 1);
    if (wallClockMinutes(sorted[start]!.at, sorted[end]!.at) >= CLUSTER_WINDOW_MINUTES) continue;
    const window = sorted.slice(start, end + 1);
    if (current && current.includes(window[0]!)) {
      for (const e of window) if (!current.includes(e)) current.push(e);
    } else {
      current = [...window];
      found.push({ kind: 'cluster', channel, from: '', to: '', postIds: [], message: '' });
    }
    const last = found[found.length - 1]!;
    Object.assign(last, {
      from: current[0]!.at,
      to: current[current.length - 1]!.at,
      postIds: current.map((e) => e.id),
      message: clusterMessage(channel, current[0]!.at, current[current.length - 1]!.at, current.length),
    });
  }
  return found;
}

/** The silences of one channel from `from` to `to` (days, inclusive), given the days it has posts on. */
function silencesOf(channel: ChannelKey, days: ReadonlySet<LocalDate>, from: LocalDate, to: LocalDate): PlanWarning[] {
  const found: PlanWarning[] = [];
  const close = (first: LocalDate, last: LocalDate) => {
    const n = daysBetween(first, last) + 1;
    if (n < SILENCE_DAYS) return;
    found.push({
      kind: 'silence',
      channel,
      from: first,
      to: last,
      postIds: [],
      message: `${capitalised(CHANNEL_ON[channel])} ist vom ${formatDateNumeric(first)} bis ${formatDateNumeric(last)} (${n} Tage) nichts geplant.`,
    });
  };
  let emptySince: LocalDate | null = null;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (days.has(day)) {
      if (emptySince) close(emptySince, addDays(day, -1));
      emptySince = null;
    } else emptySince ??= day;
  }
  if (emptySince) close(emptySince, to);
  return found;
}

/**
 * The clusters on every channel (those in the range), then the silences of the `watched`
 * channels, each in the office's order of channels and by time.
 */
export function planWarnings(entries: readonly PlanEntry[], range: { from: LocalDate; to: LocalDate }, watched: readonly ChannelKey[]): PlanWarning[] {
  const inRange = entries.filter((e) => e.at.slice(0, 10) >= range.from && e.at.slice(0, 10) <= range.to);
  const byChannel = new Map<ChannelKey, PlanEntry[]>();
  for (const e of inRange) {
    const list = byChannel.get(e.channel);
    if (list) list.push(e);
    else byChannel.set(e.channel, [e]);
  }
  const clusters: PlanWarning[] = [];
  const silences: PlanWarning[] = [];
  for (const channel of CHANNEL_KEYS) {
    const list = (byChannel.get(channel) ?? []).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
    clusters.push(...clustersOf(channel, list));
    if (watched.includes(channel)) silences.push(...silencesOf(channel, new Set(list.map((e) => e.at.slice(0, 10))), range.from, range.to));
  }
  return [...clusters, ...silences];
}
