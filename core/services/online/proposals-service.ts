import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { GreetingOverview } from '../../api/schemas/greetings';
import type { OfficeSettings } from '../../api/schemas/letters';
import type { OnlineProposal, OnlineTopicDetail } from '../../api/schemas/online';
import { occurrencesOf } from '../../domain/calendar/recurrence';
import { addDays, dayOfWeek } from '../../domain/calendar/time';
import { isoDateInBerlin } from '../../domain/dates/format';
import { checkPlannedAt } from '../../domain/online/post-rules';
import {
  dueProposals,
  eventProposal,
  greetingProposal,
  pressProposal,
  weekProposal,
  type Proposal,
  type WeekAppointment,
} from '../../domain/online/proposals';
import { audit } from '../audit';
import { entryOf } from '../calendar/calendar-service';
import { calendarRepository } from '../calendar/repository';
import type { ServiceDeps } from '../deps';
import { proposalsRepository } from './proposals-repository';
import { onlineRepository } from './repository';

type ProposalHandlers = Pick<Handlers, 'online.proposals.list' | 'online.proposals.take' | 'online.proposals.dismiss'>;

export interface ProposalSources {
  office: () => Promise<OfficeSettings>;
  /** The greetings plan of a year (its holidays with the days they begin). */
  greetings: (year: number) => Promise<GreetingOverview>;
  /** A topic with its posts, as the online plan shows it. */
  topic: (id: number) => Promise<OnlineTopicDetail>;
}

/** Days one list may span at most. */
const MAX_LIST_DAYS = 400;

const invalid = (message: string, path: string) => new AppError('INVALID_INPUT', message, { issues: [{ path: [path], message }] });
const gone = (key: string) => new AppError('NOT_FOUND', 'Diesen Vorschlag gibt es nicht (mehr).', { key });

/** The Monday of the week a day lies in. */
const mondayOf = (date: string) => addDays(date, 1 - dayOfWeek(date));

/** "Stadt Duisburg" → "Duisburg". */
const cityOf = (office: OfficeSettings) => office.stadt.replace(/^Stadt\s+/i, '').trim() || office.stadt;

/**
 * Proposals (Vorschläge) for the online plan, never posted automatically
 * (core/domain/online/proposals.ts): computed from the press releases' embargoes, the greetings
 * plan's holidays, the mayor's appointments marked öffentlich and the citizens' talks and walks.
 * Taking one makes a topic with a post per channel chosen (a draft, an idea without text) whose
 * origin is the proposal; an embargo stays the posts' earliest time. A proposal taken or
 * dismissed is not proposed again.
 */
export function createProposalsService(deps: ServiceDeps, sources: ProposalSources) {
  const repo = proposalsRepository(deps.engine);
  const posts = onlineRepository(deps.engine);
  const calendars = calendarRepository(deps.engine);

  /** The Oberbürgermeister/in's calendar (the first without "In Vertretung"), with how texts name her or him. */
  const mayor = async () => {
    const own = (await calendars.calendars()).find((c) => !c.deputy);
    if (!own) return null;
    const article = own.gender === 'female' ? 'Die' : own.gender === 'male' ? 'Der' : null;
    return { id: own.id, name: `${own.office} ${own.name}`, host: article ? `${article} ${own.office}` : `${own.office} ${own.name}` };
  };

  /** The week from `monday`: the mayor's occurrences (a series gives each of its dates). */
  const weekCandidate = async (monday: string): Promise<Proposal | null> => {
    const own = await mayor();
    if (!own) return null;
    const sunday = addDays(monday, 6);
    const rows = await calendars.appointmentsIn(monday, addDays(sunday, 1), [own.id]);
    const occurrences: WeekAppointment[] = rows.flatMap((row) =>
      occurrencesOf(entryOf(row), monday, sunday).map((o) => ({ title: row.title, start: o.start, allDay: row.allDay, place: row.place, public: row.public, status: row.status })),
    );
    return weekProposal(monday, own.name, occurrences);
  };

  const greetingCandidates = async (years: readonly number[]): Promise<Proposal[]> => {
    const city = cityOf(await sources.office());
    const all: Proposal[] = [];
    for (const year of years) {
      for (const occasion of (await sources.greetings(year)).occasions) {
        // A partnership not active is greeted only after approval: no public greeting proposed.
        if (occasion.pendingApproval > 0 && occasion.recipients === 0) continue;
        all.push(greetingProposal(occasion, city));
      }
    }
    return all;
  };

  /** Every proposal that could be due from `from` to `to` (the late ones of the last days included). */
  const candidates = async (from: string, to: string): Promise<Proposal[]> => {
    const today = isoDateInBerlin(deps.now());
    const start = from < today ? from : today;
    const last = addDays(to, 8);
    const list: Proposal[] = [];
    for (const release of await repo.embargoedReleases(addDays(start, -2), `${last}T23:59`)) {
      list.push(pressProposal({ ...release, embargoUntil: release.embargoUntil! }));
    }
    const own = await mayor();
    if (own) {
      for (let monday = mondayOf(start); monday <= to; monday = addDays(monday, 7)) {
        const week = await weekCandidate(monday);
        if (week) list.push(week);
      }
    }
    const host = own?.host ?? 'Die Stadtspitze';
    for (const event of await repo.events(`${start}T00:00`, `${last}T23:59`)) list.push(eventProposal(event, host));
    const years = [...new Set([Number(start.slice(0, 4)), Number(to.slice(0, 4)), Number(last.slice(0, 4))])];
    list.push(...(await greetingCandidates(years)));
    return list;
  };

  /** The proposal of one key, as the list would show it now; NOT_FOUND when its origin is gone or no longer of use. */
  const proposalOf = async (key: string): Promise<Proposal> => {
    const [kind, ...rest] = key.split(':');
    const id = rest.join(':');
    let candidate: Proposal | null = null;
    if (kind === 'press' && /^\d+$/.test(id)) {
      const release = await repo.release(Number(id));
      if (release?.embargoUntil && release.status !== 'zurueckgezogen') candidate = pressProposal({ ...release, embargoUntil: release.embargoUntil });
    } else if (kind === 'event' && /^\d+$/.test(id)) {
      const event = await repo.event(Number(id));
      if (event) candidate = eventProposal(event, (await mayor())?.host ?? 'Die Stadtspitze');
    } else if (kind === 'week' && /^\d{4}-\d{2}-\d{2}$/.test(id) && dayOfWeek(id) === 1) {
      candidate = await weekCandidate(id);
    } else if (kind === 'greeting' && /^.+:\d{4}-\d{2}-\d{2}$/.test(id)) {
      candidate = (await greetingCandidates([Number(id.slice(-10, -6))])).find((p) => p.key === key) ?? null;
    }
    const [due] = candidate ? dueProposals([candidate], { from: '0001-01-01', to: '2999-12-31', now: deps.now(), done: new Set() }) : [];
    if (!due) throw gone(key);
    return due;
  };

  /** Inside the transaction of a take or dismissal: the first on any PC wins, the others find it done. */
  const mustBeOpen = async (key: string) => {
    await deps.engine.db.execute(deps.engine.dsql.lockFor(`online-proposal:${key}`));
    const { taken, dismissed } = await repo.done([key]);
    if (taken.has(key)) throw new AppError('CONFLICT', 'Dieser Vorschlag wurde bereits übernommen.', { key });
    if (dismissed.has(key)) throw new AppError('CONFLICT', 'Dieser Vorschlag wurde bereits verworfen.', { key });
  };

  const view = (p: Proposal): OnlineProposal => ({
    key: p.key,
    kind: p.kind,
    originId: p.key.slice(p.key.indexOf(':') + 1),
    title: p.title,
    suggestedAt: p.suggestedAt,
    notBefore: p.notBefore,
    suggestedText: p.text,
    channels: p.channels,
  });

  const handlers: ProposalHandlers = {
    'online.proposals.list': async ({ from, to }) => {
      if (to < from) throw invalid('Das Ende des Zeitraums liegt vor seinem Beginn.', 'to');
      if (addDays(from, MAX_LIST_DAYS) < to) throw invalid(`Bitte höchstens ${MAX_LIST_DAYS} Tage auf einmal abrufen.`, 'to');
      const all = await candidates(from, to);
      const { taken, dismissed } = await repo.done(all.map((p) => p.key));
      return dueProposals(all, { from, to, now: deps.now(), done: new Set([...taken, ...dismissed]) }).map(view);
    },

    'online.proposals.take': async ({ key, channels, text, plannedAt }) => {
      const id = await deps.engine.transaction(async () => {
        await mustBeOpen(key);
        const proposal = await proposalOf(key);
        const planned = plannedAt === undefined ? proposal.suggestedAt : plannedAt;
        const problem = checkPlannedAt(planned, null, deps.now(), proposal.notBefore);
        if (problem) throw invalid(problem, 'plannedAt');
        const body = text ?? proposal.text;
        const at = deps.now().toISOString();
        const topic = await posts.insertTopic({ title: proposal.title, goal: '', owner: '', startsOn: (planned ?? proposal.suggestedAt).slice(0, 10), endsOn: null }, at);
        for (const channel of [...new Set(channels)]) {
          await posts.insertPost(
            { topicId: topic.id, channel, text: body, link: '', media: [], plannedAt: planned, status: body.trim() ? 'entwurf' : 'idee', origin: key, notBefore: proposal.notBefore },
            at,
          );
        }
        await audit(deps, { action: 'create', entity: 'online-topic', entityId: topic.id, summary: `Vorschlag übernommen: ${proposal.title}` });
        return topic.id;
      });
      return sources.topic(id);
    },

    'online.proposals.dismiss': ({ key }) =>
      deps.engine.transaction(async () => {
        await mustBeOpen(key);
        const proposal = await proposalOf(key);
        await repo.dismiss(key, deps.user, deps.now().toISOString());
        await audit(deps, { action: 'dismiss', entity: 'online-proposal', summary: `Vorschlag verworfen: ${proposal.title}` });
        return { key };
      }),
  };
  return { handlers };
}
