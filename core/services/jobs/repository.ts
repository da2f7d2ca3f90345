import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Engine } from '../../../db/engine/types';

export type JobRow = Engine['t']['jobs']['$inferSelect'];
export type JobEnd = 'done' | 'failed' | 'cancelled';

/** SQL of the office's long jobs (the `jobs` table; in the caller's transaction when there is one). */
export function jobsRepository({ db, t }: Engine) {
  const { jobs } = t;
  const running = eq(jobs.state, 'running');
  return {
    /** Records a job as running; throws the engine's unique violation while another of its kind runs. */
    async insertRunning(row: Omit<JobRow, 'state' | 'finishedAt' | 'message'>): Promise<void> {
      await db.insert(jobs).values({ ...row, state: 'running' });
    },
    /** The running job of a kind (fresh or not). */
    async runningOf(kind: string): Promise<JobRow | undefined> {
      const [row] = await db.select().from(jobs).where(and(eq(jobs.kind, kind), running)).limit(1);
      return row;
    },
    /** The running jobs that reported since `since`, oldest first. */
    reportedSince(since: string): Promise<JobRow[]> {
      return db.select().from(jobs).where(and(running, gte(jobs.reportedAt, since))).orderBy(asc(jobs.startedAt), asc(jobs.id));
    },
    /** Ends a running job (its PC stopped reporting, or it is done). */
    async end(id: string, values: { state: JobEnd; finishedAt: string; message: string | null; done?: number; total?: number }): Promise<void> {
      await db.update(jobs).set(values).where(and(eq(jobs.id, id), running));
    },
    /** How far a running job is, and that it is alive. */
    async report(id: string, values: { done: number; total: number; reportedAt: string }): Promise<void> {
      await db.update(jobs).set(values).where(and(eq(jobs.id, id), running));
    },
    /** The running jobs of a kind on `workstation` (to find those whose process there has ended). */
    runningOn(kind: string, workstation: string): Promise<JobRow[]> {
      return db.select().from(jobs).where(and(eq(jobs.kind, kind), running, eq(jobs.workstation, workstation)));
    },
    /** The running jobs of a kind whose PC has not reported since `before`. */
    staleOf(kind: string, before: string): Promise<JobRow[]> {
      return db.select().from(jobs).where(and(eq(jobs.kind, kind), running, lt(jobs.reportedAt, before)));
    },
  };
}
