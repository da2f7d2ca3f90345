import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';

type Tables = Engine['t'];
export type HoldingStatementRow = Tables['onlineHoldingStatements']['$inferSelect'];
export type CrisisLogRow = Tables['onlineCrisisLog']['$inferSelect'];
export type CrisisLogValues = Omit<Tables['onlineCrisisLog']['$inferInsert'], 'id'>;

/** SQL of crisis mode: holding statements, the crisis log, pausing and resuming planned posts. */
export function crisisRepository({ db, t }: Engine) {
  const { onlineHoldingStatements: statements, onlineCrisisLog: log, onlinePosts: posts } = t;
  /** Pausing and resuming change the posts: their revision rises (a dialog open on one is STALE). */
  const changed = { revision: sql`${posts.revision} + 1` };
  return {
    /** By scenario, then id. */
    statements: () => db.select().from(statements).orderBy(asc(statements.scenario), asc(statements.id)),
    async statement(id: number): Promise<HoldingStatementRow | undefined> {
      const [row] = await db.select().from(statements).where(eq(statements.id, id)).limit(1);
      return row;
    },
    async insertStatement(values: { scenario: string; text: string }, at: string): Promise<number> {
      const [row] = await db
        .insert(statements)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning({ id: statements.id });
      return row!.id;
    },
    async updateStatement(id: number, values: Partial<Omit<HoldingStatementRow, 'id' | 'createdAt' | 'updatedAt'>>, at: string): Promise<void> {
      await db
        .update(statements)
        .set({ ...values, updatedAt: at })
        .where(eq(statements.id, id));
    },

    /** The latest switch (start or end), or undefined when crisis mode was never used. */
    async lastSwitch(): Promise<CrisisLogRow | undefined> {
      const [row] = await db
        .select()
        .from(log)
        .where(inArray(log.kind, ['start', 'end']))
        .orderBy(desc(log.id))
        .limit(1);
      return row;
    },
    /** Whether crisis mode is on: its latest switch is a start. */
    async active(): Promise<boolean> {
      return (await this.lastSwitch())?.kind === 'start';
    },
    /** The log from the entry `fromId` on, newest first. */
    logFrom: (fromId: number) => db.select().from(log).where(gte(log.id, fromId)).orderBy(desc(log.id)),
    async addLog(values: CrisisLogValues): Promise<void> {
      await db.insert(log).values(values);
    },

    /** Pauses the approved and scheduled posts planned after `nowWallClock`; their ids. */
    async pausePlanned(nowWallClock: string, at: string): Promise<number[]> {
      const rows = await db
        .update(posts)
        .set({ pausedAt: at, ...changed })
        .where(and(inArray(posts.status, ['freigegeben', 'geplant']), gt(posts.plannedAt, nowWallClock)))
        .returning({ id: posts.id });
      return rows.map((r) => r.id);
    },
    /**
     * Ends the pause: the posts planned after `nowWallClock` are planned again as they were; those
     * whose time passed meanwhile are not planned for the past: they lapse (approved, no longer
     * scheduled) until they get a new time. Their ids.
     */
    async resumePaused(nowWallClock: string, at: string): Promise<{ resumed: number[]; lapsed: number[] }> {
      const lapsed = await db
        .update(posts)
        .set({ pausedAt: null, lapsedAt: at, status: 'freigegeben', ...changed })
        .where(and(isNotNull(posts.pausedAt), lte(posts.plannedAt, nowWallClock)))
        .returning({ id: posts.id });
      const resumed = await db.update(posts).set({ pausedAt: null, ...changed }).where(isNotNull(posts.pausedAt)).returning({ id: posts.id });
      return { resumed: resumed.map((r) => r.id), lapsed: lapsed.map((r) => r.id) };
    },
  };
}
export type CrisisRepository = ReturnType<typeof crisisRepository>;
