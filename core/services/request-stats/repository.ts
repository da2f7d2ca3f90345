import { and, between, count, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';
import { requestStatusSchema } from '../../api/schemas/citizen-requests';

const NOT_CLOSED = requestStatusSchema.options.filter((s) => s !== 'erledigt');

/** Requests of one kind, channel, category and district: how many, and their handling times in days. */
export interface BreakdownGroup {
  kind: string;
  channel: string;
  category: string;
  district: string;
  count: number;
  answeredDays: number[];
  closedDays: number[];
}

/**
 * SQL of the request statistics. Everything is counted in the database with GROUP BY; what comes
 * back are groups, never the requests themselves. Nothing here reads personal data: anonymised
 * requests count like all others.
 *
 * The request rows are wide (their text), so a look-up through the `received_on` index per
 * row costs more than reading the whole table once when the period covers much of it: then
 * the period is checked on the table scan (`received_on || ''` keeps SQLite off the index;
 * PostgreSQL's planner chooses by itself).
 */
export function requestStatsRepository({ db, t, dsql }: Engine) {
  const r = t.citizenRequests;
  const received = (from: string, to: string, wide: boolean) => (wide ? between(sql`${r.receivedOn} || ''`, from, to) : between(r.receivedOn, from, to));
  /** Whole days from receipt to a later date (negative on wrong data). */
  const daysUntil = (column: typeof r.answeredOn | typeof r.closedOn) => dsql.daysBetween(r.receivedOn, column);

  return {
    /** Requests per month received ("2026-11"), from the `received_on` index alone. */
    async byMonth(from: string, to: string): Promise<Array<{ month: string; count: number }>> {
      const month = sql<string>`substr(${r.receivedOn}, 1, 7)`;
      return db.select({ month, count: count() }).from(r).where(between(r.receivedOn, from, to)).groupBy(month);
    },
    /** All requests stored (to choose between index and table scan). */
    async stored(): Promise<number> {
      const [row] = await db.select({ count: count() }).from(r);
      return row?.count ?? 0;
    },
    /** Received in the period and not yet erledigt; those forwarded whose statement was due before `today`. */
    async openAndOverdue(from: string, to: string, today: string): Promise<{ open: number; overdue: number }> {
      // Both through the status index: the open requests are few next to the closed ones.
      const [open] = await db.select({ count: count() }).from(r).where(and(inArray(r.status, NOT_CLOSED), between(r.receivedOn, from, to)));
      const [overdue] = await db
        .select({ count: count() })
        .from(r)
        .where(and(eq(r.status, 'weitergeleitet'), lt(r.statementDue, today), between(r.receivedOn, from, to)));
      return { open: open?.count ?? 0, overdue: overdue?.count ?? 0 };
    },
    /**
     * One pass over the requests of the period, grouped by kind, channel, category and district
     * together (a few thousand groups at most): how many, and per group the days from receipt
     * to the answer (answered ones) and to closing (erledigt ones) — the handling times ride
     * along as JSON arrays, so the wide rows are read once and sorted once.
     */
    async breakdown(from: string, to: string, wide: boolean): Promise<BreakdownGroup[]> {
      const groups = await db
        .select({
          kind: r.kind,
          channel: r.channel,
          category: r.category,
          district: r.district,
          count: count(),
          answered: dsql.jsonArrayAgg(daysUntil(r.answeredOn), isNotNull(r.answeredOn)),
          closed: dsql.jsonArrayAgg(daysUntil(r.closedOn), and(eq(r.status, 'erledigt'), isNotNull(r.closedOn))),
        })
        .from(r)
        .where(received(from, to, wide))
        .groupBy(r.kind, r.channel, r.category, r.district);
      return groups.map(({ answered, closed, ...group }) => ({
        ...group,
        answeredDays: dsql.json<number[]>(answered) ?? [],
        closedDays: dsql.json<number[]>(closed) ?? [],
      }));
    },
  };
}
