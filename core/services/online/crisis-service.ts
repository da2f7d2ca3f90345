import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { CrisisLogEntry, CrisisState, HoldingStatement } from '../../api/schemas/online';
import { utcToLocalDateTime } from '../../domain/calendar/time';
import { CHANNEL_NAMES, type ChannelKey } from '../../domain/online/channels';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { crisisRepository, type CrisisLogRow, type HoldingStatementRow } from './crisis-repository';
import { planItemOf } from './online-service';
import { onlineRepository } from './repository';

type CrisisHandlers = Pick<
  Handlers,
  'online.crisis' | 'online.crisis.switch' | 'online.crisis.publish' | 'online.statements.list' | 'online.statements.save' | 'online.statements.approve'
>;

const toStatement = (row: HoldingStatementRow): HoldingStatement => ({
  id: row.id,
  scenario: row.scenario,
  text: row.text,
  approvedBy: row.approvedBy,
  approvedAt: row.approvedAt,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});
const toLogEntry = (row: CrisisLogRow): CrisisLogEntry => {
  const channel = (row.channel as ChannelKey | null) ?? null;
  return {
    id: row.id,
    kind: row.kind,
    at: row.at,
    user: row.user,
    channel,
    channelName: channel ? CHANNEL_NAMES[channel] : null,
    postId: row.postId,
    statementId: row.statementId,
    summary: row.summary,
  };
};

/**
 * Crisis mode (Krisenkommunikation): pre-approved holding statements per scenario; the switch
 * that pauses every approved or scheduled post planned for later (state and planned time kept)
 * and plans them again when it is switched off — those whose time passed meanwhile not for the
 * past: they are listed as „Zeitpunkt verstrichen“ and go out only with a new time; and the log of what was published during the
 * crisis — who, on which channel, when. Every change is recorded in the audit log.
 */
export function createCrisisService(deps: ServiceDeps) {
  const repo = crisisRepository(deps.engine);
  const posts = onlineRepository(deps.engine);

  const state = async (): Promise<CrisisState> => {
    const last = await repo.lastSwitch();
    const active = last?.kind === 'start';
    // The log of the current crisis, or of the last one: from its start on.
    const start = active ? last : last ? (await repo.logFrom(0)).find((r) => r.kind === 'start') : undefined;
    return {
      active,
      since: active ? last.at : null,
      by: active ? last.user : null,
      paused: (await posts.pausedPosts()).map(planItemOf),
      lapsed: (await posts.lapsedPosts()).map(planItemOf),
      log: start ? (await repo.logFrom(start.id)).map(toLogEntry) : [],
    };
  };

  const mustFindStatement = async (id: number) => {
    const row = await repo.statement(id);
    if (!row) throw new AppError('NOT_FOUND', `Die Wartestellungnahme Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };

  const handlers: CrisisHandlers = {
    'online.crisis': () => state(),

    'online.crisis.switch': ({ active }) =>
      deps.engine.transaction(async () => {
        const on = await repo.active();
        if (active === on) throw new AppError('CONFLICT', active ? 'Der Krisenmodus ist bereits eingeschaltet.' : 'Der Krisenmodus ist nicht eingeschaltet.', { active });
        const at = deps.now().toISOString();
        const nowWallClock = utcToLocalDateTime(deps.now().getTime());
        let summary: string;
        if (active) {
          const ids = await repo.pausePlanned(nowWallClock, at);
          summary = `Krisenmodus eingeschaltet: ${ids.length === 1 ? '1 geplanter Beitrag' : `${ids.length} geplante Beiträge`} pausiert`;
        } else {
          const { resumed, lapsed } = await repo.resumePaused(nowWallClock, at);
          summary = `Krisenmodus ausgeschaltet: ${resumed.length === 1 ? '1 Beitrag' : `${resumed.length} Beiträge`} wieder eingeplant`;
          if (lapsed.length) summary += `, bei ${lapsed.length === 1 ? '1 Beitrag' : `${lapsed.length} Beiträgen`} ist der Zeitpunkt verstrichen`;
        }
        await repo.addLog({ kind: active ? 'start' : 'end', at, user: deps.user, summary });
        await audit(deps, { action: active ? 'crisis-on' : 'crisis-off', entity: 'online-crisis', summary });
        return state();
      }),

    'online.crisis.publish': ({ statementId, channel }) =>
      deps.engine.transaction(async () => {
        if (!(await repo.active())) throw new AppError('CONFLICT', 'Wartestellungnahmen werden im Krisenmodus veröffentlicht; er ist nicht eingeschaltet.', { statementId });
        const row = await mustFindStatement(statementId);
        if (!row.approvedBy) throw new AppError('CONFLICT', `Die Wartestellungnahme „${row.scenario}“ ist nicht freigegeben.`, { statementId });
        const summary = `${row.scenario}: ${row.text}`;
        await repo.addLog({ kind: 'statement', at: deps.now().toISOString(), user: deps.user, channel, statementId, summary });
        await audit(deps, { action: 'publish', entity: 'online-statement', entityId: statementId, summary: `${CHANNEL_NAMES[channel]}: Wartestellungnahme „${row.scenario}“` });
        return state();
      }),

    'online.statements.list': async () => (await repo.statements()).map(toStatement),

    'online.statements.save': ({ id, scenario, text }) =>
      deps.engine.transaction(async () => {
        const at = deps.now().toISOString();
        let voided = false;
        if (id) {
          const previous = await mustFindStatement(id);
          // What was approved is the text for its scenario: changing either voids the approval.
          const changed = previous.scenario !== scenario || previous.text !== text;
          voided = changed && previous.approvedBy !== null;
          await repo.updateStatement(id, { scenario, text, ...(changed ? { approvedBy: null, approvedAt: null } : {}) }, at);
        }
        const saved = id ?? (await repo.insertStatement({ scenario, text }, at));
        await audit(deps, { action: id ? 'update' : 'create', entity: 'online-statement', entityId: saved, summary: `${scenario}${voided ? ', Freigabe aufgehoben' : ''}` });
        return toStatement((await repo.statement(saved))!);
      }),

    'online.statements.approve': ({ id }) =>
      deps.engine.transaction(async () => {
        const row = await mustFindStatement(id);
        if (row.approvedBy) throw new AppError('CONFLICT', `Die Wartestellungnahme „${row.scenario}“ ist bereits freigegeben.`, { id });
        await repo.updateStatement(id, { approvedBy: deps.user, approvedAt: deps.now().toISOString() }, deps.now().toISOString());
        await audit(deps, { action: 'approve', entity: 'online-statement', entityId: id, summary: row.scenario });
        return toStatement((await repo.statement(id))!);
      }),
  };
  return { handlers };
}
