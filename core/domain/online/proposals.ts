/**
 * Proposals (Vorschläge) for the editorial plan, computed from what the office already knows —
 * never posted automatically: staff take a proposal (it becomes a post, an idea or a draft,
 * linked to its origin) or dismiss it; either way it is not proposed again. Pure functions: no
 * I/O, no clock. Times are Berlin wall-clock ("2026-12-24T16:00").
 *
 * | kind     | origin                                         | suggested time                                  |
 * |----------|------------------------------------------------|-------------------------------------------------|
 * | press    | a press release with an embargo (Sperrfrist)    | at the embargo, which stays the post's earliest |
 * | greeting | a holiday of the greetings plan (DOMAIN.md E)   | the afternoon before; begins at sunset: noon    |
 * | week     | the mayor's public appointments of a week       | its Monday, 08:00 (only those marked öffentlich)|
 * | event    | a citizens' talk or walk                        | a week before, 10:00                            |
 *
 * A proposal whose time has passed is still proposed, for the next full hour, while it is of use
 * (`until`: a day after the embargo, the end of the holiday or the week, the event's start).
 */
import { addDays, dayOfWeek, localDateTimeToUtc, utcToLocalDateTime } from '../calendar/time';
import type { LocalDate, LocalDateTime } from '../calendar/types';
import { formatDateLong, formatDateNumeric } from '../dates/format';
import type { ChannelKey } from './channels';

export const PROPOSAL_KINDS = ['press', 'greeting', 'week', 'event'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export interface Proposal {
  /** Its origin, stable: "press:12", "greeting:weihnachten:2026-12-25", "week:2026-12-14", "event:3". */
  key: string;
  kind: ProposalKind;
  /** What it is about, in German. */
  title: string;
  suggestedAt: LocalDateTime;
  /** The earliest time a post taken from it may be planned or published (an embargo); null: none. */
  notBefore: LocalDateTime | null;
  /** Until when it is of use (a post after that is pointless). */
  until: LocalDateTime;
  /** A first text to start from. */
  text: string;
  /** The channels it suits. */
  channels: ChannelKey[];
}

/** The channels each kind suits (staff choose when they take it). */
export const PROPOSAL_CHANNELS: Record<ProposalKind, ChannelKey[]> = {
  press: ['portal', 'facebook', 'mastodon', 'bluesky'],
  greeting: ['facebook', 'instagram', 'mastodon', 'bluesky'],
  week: ['portal', 'facebook', 'intranet'],
  event: ['portal', 'facebook', 'instagram', 'mastodon'],
};

const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const weekday = (date: LocalDate) => WEEKDAYS[dayOfWeek(date) - 1]!;
/** "14.12." */
const dayMonth = (date: LocalDate) => formatDateNumeric(date).slice(0, 6);
/** "vom 14. bis 20. Dezember 2026", "vom 28. Dezember 2026 bis 3. Januar 2027". */
function span(first: LocalDate, last: LocalDate): string {
  const [a, b] = [formatDateLong(first), formatDateLong(last)];
  if (first.slice(0, 7) === last.slice(0, 7)) return `vom ${a.split(' ')[0]} bis ${b}`;
  if (first.slice(0, 4) === last.slice(0, 4)) return `vom ${a.split(' ').slice(0, 2).join(' ')} bis ${b}`;
  return `vom ${a} bis ${b}`;
}

export interface PressOrigin {
  id: number;
  title: string;
  subtitle: string;
  embargoUntil: LocalDateTime;
}

/** A press release with an embargo: a post at the embargo, never before it. */
export function pressProposal(release: PressOrigin): Proposal {
  return {
    key: `press:${release.id}`,
    kind: 'press',
    title: `Pressemitteilung „${release.title}“`,
    suggestedAt: release.embargoUntil,
    notBefore: release.embargoUntil,
    until: `${addDays(release.embargoUntil, 1)}${release.embargoUntil.slice(10)}`,
    text: release.subtitle.trim() ? `${release.title} – ${release.subtitle.trim()}` : release.title,
    channels: PROPOSAL_CHANNELS.press,
  };
}

export interface GreetingOrigin {
  date: LocalDate;
  key: string;
  name: string;
  /** The day begins at sunset of this day (Jewish and Islamic days); null: at midnight. */
  beginsEvening: LocalDate | null;
}

/** A holiday of the greetings plan: a greeting shortly before the day begins. */
export function greetingProposal(occasion: GreetingOrigin, city: string): Proposal {
  return {
    key: `greeting:${occasion.key}:${occasion.date}`,
    kind: 'greeting',
    title: `Gruß zu ${occasion.name}`,
    suggestedAt: occasion.beginsEvening ? `${occasion.beginsEvening}T12:00` : `${addDays(occasion.date, -1)}T16:00`,
    notBefore: null,
    until: `${occasion.date}T23:59`,
    text: `${occasion.name}: Herzliche Grüße aus ${city} an alle, die diesen Tag feiern!`,
    channels: PROPOSAL_CHANNELS.greeting,
  };
}

/** One occurrence of an appointment in the mayor's calendar. */
export interface WeekAppointment {
  title: string;
  /** Wall-clock time, or a date for an all-day one. */
  start: string;
  allDay: boolean;
  place: string;
  /** Marked öffentlich: it may be announced. */
  public: boolean;
  status: 'geplant' | 'bestätigt' | 'abgesagt';
}

/**
 * „Termine der Woche“: the public appointments of the week from `monday` (Monday to Sunday), in
 * time order; appointments not marked öffentlich and cancelled ones are never listed. Null when
 * the week has no public appointment.
 */
export function weekProposal(monday: LocalDate, mayor: string, appointments: readonly WeekAppointment[]): Proposal | null {
  const sunday = addDays(monday, 6);
  const listed = appointments
    .filter((a) => a.public && a.status !== 'abgesagt' && a.start.slice(0, 10) >= monday && a.start.slice(0, 10) <= sunday)
    .sort((a, b) => a.start.localeCompare(b.start) || a.title.localeCompare(b.title));
  if (!listed.length) return null;
  const line = (a: WeekAppointment) => {
    const day = a.start.slice(0, 10);
    const when = `${weekday(day)}, ${dayMonth(day)}${a.allDay ? '' : `, ${a.start.slice(11, 16)} Uhr`}`;
    return `${when}: ${a.title}${a.place.trim() ? ` (${a.place.trim()})` : ''}`;
  };
  const days = span(monday, sunday);
  return {
    key: `week:${monday}`,
    kind: 'week',
    title: `Termine der Woche ${days}`,
    suggestedAt: `${monday}T08:00`,
    notBefore: null,
    until: `${sunday}T23:59`,
    text: [`Termine der Woche: ${mayor} ${days}`, '', ...listed.map(line)].join('\n'),
    channels: PROPOSAL_CHANNELS.week,
  };
}

export interface EventOrigin {
  id: number;
  kind: 'gespraech' | 'spaziergang';
  title: string;
  start: LocalDateTime;
  place: string;
  district: string;
}

const EVENT_WORDS = { gespraech: 'zum Bürgergespräch', spaziergang: 'zum Bürgerspaziergang' } as const;

/** A citizens' talk or walk: an announcement a week before (`host`: „Die Oberbürgermeisterin“). */
export function eventProposal(event: EventOrigin, host: string): Proposal {
  const day = event.start.slice(0, 10);
  const where = `${event.place.trim() ? `: ${event.place.trim()}` : ''}${event.district.trim() ? ` (${event.district.trim()})` : ''}`;
  return {
    key: `event:${event.id}`,
    kind: 'event',
    title: `${event.kind === 'gespraech' ? 'Bürgergespräch' : 'Bürgerspaziergang'} „${event.title}“`,
    suggestedAt: `${addDays(day, -7)}T10:00`,
    notBefore: null,
    until: event.start,
    text: `Einladung ${EVENT_WORDS[event.kind]} „${event.title}“ am ${weekday(day)}, ${formatDateLong(day)}, um ${event.start.slice(11, 16)} Uhr${where}. ${host} freut sich auf Ihre Fragen und Anregungen.`,
    channels: PROPOSAL_CHANNELS.event,
  };
}

/** The next full hour after `now` (wall-clock). */
function nextFullHour(now: Date): LocalDateTime {
  const hour = 60 * 60 * 1000;
  return utcToLocalDateTime(Math.floor(now.getTime() / hour) * hour + hour);
}

/**
 * The proposals due from the first to the last day (inclusive), by suggested time, then key:
 * not those taken or dismissed (`done`: their keys), not those no longer of use; one whose time
 * has passed moves to the next full hour (never before its earliest time).
 */
export function dueProposals(candidates: readonly Proposal[], range: { from: LocalDate; to: LocalDate; now: Date; done: ReadonlySet<string> }): Proposal[] {
  const now = range.now.getTime();
  const end = addDays(range.to, 1);
  return candidates
    .filter((p) => !range.done.has(p.key) && localDateTimeToUtc(p.until) > now)
    .map((p) => {
      if (localDateTimeToUtc(p.suggestedAt) > now) return p;
      const next = nextFullHour(range.now);
      return { ...p, suggestedAt: p.notBefore && p.notBefore > next ? p.notBefore : next };
    })
    .filter((p) => p.suggestedAt >= range.from && p.suggestedAt < end)
    .sort((a, b) => a.suggestedAt.localeCompare(b.suggestedAt) || a.key.localeCompare(b.key));
}
