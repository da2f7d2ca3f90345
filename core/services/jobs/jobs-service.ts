import crypto from 'node:crypto';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import { JOB_KIND_LABELS, type JobKind, type OfficeJob } from '../../api/schemas/jobs';
import { formatMomentNumeric } from '../../domain/dates/format';
import type { ServiceDeps } from '../deps';
import { jobsRepository, type JobEnd, type JobRow } from './repository';
import { leftByEndedProcess } from '../work-folders';

/** How often a running job writes its progress at most (and how often a followed task is read). */
export const REPORT_EVERY_MS = 500;
/** A running job that made no progress says it is alive this often. */
export const HEARTBEAT_MS = 15_000;
/** A running job that has not reported for this long: its PC died or lost the network; it holds nothing. */
export const STALE_AFTER_MS = 2 * 60_000;

/** How a refusal names a kind that runs, and what to wait for. */
const REFUSAL: Readonly<Record<JobKind, { runs: string; wait: string }>> = {
  'residents-import': { runs: 'Ein Einwohnerimport läuft bereits', wait: 'bis er fertig ist' },
  'letters-merge': { runs: 'Ein Serienbrief läuft bereits', wait: 'bis er fertig ist' },
  'greetings-letters': { runs: 'Grußbriefe werden bereits erstellt', wait: 'bis sie fertig sind' },
  'retention-check': { runs: 'Die Aufbewahrungsfristen werden bereits geprüft', wait: 'bis die Prüfung fertig ist' },
};

/** What a job says that its Rathausbüro ended before it was done (killed, crashed or closed). */
const endedOn = (workstation: string) => `Abgebrochen: Rathausbüro wurde am Arbeitsplatz „${workstation}“ beendet, bevor der Auftrag fertig war.`;

/** A job of the office this PC runs: it reports its progress and ends once. */
export interface OfficeJobRun {
  readonly id: string;
  /** How far the job is; written at most every REPORT_EVERY_MS (with a change-event for every PC). */
  progress(done: number, total: number): void;
  /** Reads the progress from `source` (a background task) every REPORT_EVERY_MS until the job ends. */
  follow(source: () => { done: number; total: number }): void;
  /** Writes the progress now (before a long step that reports nothing, such as a commit). */
  flush(): Promise<void>;
  /** The job ended: what it came to (German), for every PC. */
  finish(state: JobEnd, message: string | null): Promise<void>;
}

export interface BeginOptions {
  /** How much there is to do, when known. */
  total?: number;
  /**
   * While true, nothing is written (the single PC's register import holds the SQLite file's only
   * write lock for its whole transaction: a write of this process would wait for it).
   */
  quiet?: () => boolean;
}

/**
 * The office's long jobs (a register import, a mail merge, the greetings plan's letters, the retention check), recorded
 * in the database so that every PC sees them (`jobs.running`) and at most one of a kind runs at a
 * time, whichever PC starts it: the unique index on running jobs of a kind refuses the second
 * (on PostgreSQL too when two PCs start at the same moment: the second insert waits for the first
 * and then fails). A running job reports its progress, or at least a heartbeat; one whose PC has
 * not reported for STALE_AFTER_MS is ended as broken off by the next start of its kind and is not
 * listed, so a PC that died holds nothing for ever.
 */
export function createJobs(deps: ServiceDeps) {
  const repo = jobsRepository(deps.engine);
  /** The jobs this app runs. */
  const mine = new Set<string>();
  const iso = (ms: number) => new Date(ms).toISOString();
  const announce = () => deps.changes.announce(['jobs'], 'jobs.running');

  const refusal = (kind: JobKind, holder: JobRow | undefined): AppError => {
    const { runs, wait } = REFUSAL[kind];
    const who = holder ? ` (gestartet von ${holder.startedBy} am Arbeitsplatz „${holder.workstation}“ seit ${formatMomentNumeric(holder.startedAt)})` : ' (an einem anderen Arbeitsplatz)';
    return new AppError('CONFLICT', `${runs}${who}. Bitte warten Sie, ${wait}.`, { kind, jobId: holder?.id ?? null });
  };

  /** A job of another process on this PC that has ended (killed, crashed): it holds nothing, at once. */
  const endedHere = (row: JobRow) => row.workstation === deps.workstation && row.pid !== null && row.pid !== process.pid && leftByEndedProcess(row.pid);

  /** Ends the running jobs of a kind whose PC stopped reporting, or whose process on this PC has ended. */
  const endStale = async (kind: JobKind, now: number) => {
    for (const ended of (await repo.runningOn(kind, deps.workstation)).filter(endedHere)) {
      await repo.end(ended.id, {
        state: 'failed',
        finishedAt: iso(now),
        message: endedOn(ended.workstation),
      });
    }
    for (const stale of await repo.staleOf(kind, iso(now - STALE_AFTER_MS))) {
      await repo.end(stale.id, {
        state: 'failed',
        finishedAt: iso(now),
        message: `Abgebrochen: Der Arbeitsplatz „${stale.workstation}“ hat sich seit ${formatMomentNumeric(stale.reportedAt)} nicht mehr gemeldet.`,
      });
    }
  };

  /** Records a job of `kind` as running for the office, or refuses (CONFLICT) while one runs. */
  const begin = async (kind: JobKind, options: BeginOptions = {}): Promise<OfficeJobRun> => {
    const id = crypto.randomUUID();
    const startedAt = deps.now().getTime();
    let state = { done: 0, total: options.total ?? 0 };
    try {
      await deps.engine.transaction(async () => {
        await endStale(kind, startedAt);
        await repo.insertRunning({
          id,
          kind,
          startedBy: deps.user,
          workstation: deps.workstation,
          pid: process.pid,
          startedAt: iso(startedAt),
          reportedAt: iso(startedAt),
          done: state.done,
          total: state.total,
        });
      });
    } catch (error) {
      if (!deps.engine.dsql.isUniqueViolation(error)) throw error;
      throw refusal(kind, await repo.runningOf(kind));
    }
    mine.add(id);
    announce();

    let written = { ...state };
    /** When it last wrote, by the computer's clock (the app's may stand still in tests). */
    let wallWritten = Date.now();
    let writing: Promise<void> = Promise.resolve();
    let source: (() => { done: number; total: number }) | null = null;
    let ended = false;
    const write = (force: boolean): Promise<void> => {
      const at = deps.now().getTime();
      const moved = state.done !== written.done || state.total !== written.total;
      if (ended || !mine.has(id) || options.quiet?.() || (!force && !moved && Date.now() - wallWritten < HEARTBEAT_MS)) return writing;
      written = { ...state };
      wallWritten = Date.now();
      const values = { done: state.done, total: state.total, reportedAt: iso(at) };
      writing = writing
        .then(() => repo.report(id, values))
        .then(
          () => (moved ? announce() : undefined),
          // The next report (or the end) says it again; a job does not fail for its progress line.
          () => undefined,
        );
      return writing;
    };
    const timer = setInterval(() => {
      if (source) {
        const { done, total } = source();
        state = { done, total: total || state.total };
      }
      void write(false);
    }, REPORT_EVERY_MS);
    timer.unref?.();

    return {
      id,
      progress(done, total) {
        state = { done, total };
      },
      follow(read) {
        source = read;
      },
      flush: () => write(true),
      async finish(end, message) {
        if (ended || !mine.has(id)) return;
        clearInterval(timer);
        if (source) state = { ...state, ...source() };
        await writing;
        ended = true;
        mine.delete(id);
        await repo.end(id, { state: end, finishedAt: deps.now().toISOString(), message, done: end === 'done' ? state.total : state.done, total: state.total });
        announce();
      },
    };
  };

  const handlers: Pick<Handlers, 'jobs.running'> = {
    'jobs.running': async (): Promise<OfficeJob[]> => {
      const rows = await repo.reportedSince(iso(deps.now().getTime() - STALE_AFTER_MS));
      // A kind of a newer version's job is not shown by this one.
      return rows.filter((row) => row.kind in JOB_KIND_LABELS && !endedHere(row)).map((row) => ({
        id: row.id,
        kind: row.kind as JobKind,
        label: JOB_KIND_LABELS[row.kind as JobKind],
        startedBy: row.startedBy,
        workstation: row.workstation,
        startedAt: row.startedAt,
        done: row.done,
        total: row.total,
        mine: mine.has(row.id),
      }));
    },
  };

  /**
   * This app closes (a clean quit): its running jobs end as broken off at once, so the other PCs
   * neither list them nor wait STALE_AFTER_MS for them. What the work left behind is cleared up at
   * the next start, as after a crash.
   */
  const endMine = async (): Promise<void> => {
    const ids = [...mine];
    mine.clear();
    for (const id of ids) {
      await repo.end(id, {
        state: 'failed',
        finishedAt: deps.now().toISOString(),
        message: endedOn(deps.workstation),
      });
    }
    if (ids.length) announce();
  };

  return { begin, endMine, handlers };
}

export type Jobs = ReturnType<typeof createJobs>;
