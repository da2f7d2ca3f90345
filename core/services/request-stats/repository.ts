import { and, between, count, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { citizenRequests } from '../../../db/schema';
import { requestStatusSchema } from '../../api/schemas/citizen-requests';

const r = citizenRequests;
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

/** Whole days from receipt to a later date (a time of day is ignored; negative on wrong data). */
const daysUntil = (column: typeof r.answeredOn | typeof r.closedOn) => sql<number>`cast(julianday(${column}) - julianday(${r.receivedOn}) as integer)`;

/**
 * SQL of the request statistics. Everything is counted in SQLite with GROUP BY; what comes back
 * are groups, never the requests themselves. Nothing here reads personal data: anonymised
 * requests count like all others.
 *
 * The request rows are wide (their text), so a look-up through the `received_on` index per
 * row costs more than reading the whole table once when the period covers much of it: then
 * the period is checked on the table scan (`+received_on` keeps SQLite off the index).
 */
export function requestStatsRepository(db: Db) {
  const received = (from: string, to: string, wide: boolean) => (wide ? between(sql`+${r.receivedOn}`, from, to) : between(r.receivedOn, from, to));

  return {
    /** Requests per month received ("2026-11"), from the `received_on` index alone. */
    byMonth(from: string, to: string): Array<{ month: string; count: number }> {
      const month = sql<string>`substr(${r.receivedOn}, 1, 7)`;
      return db.select({ month, count: count() }).from(r).where(between(r.receivedOn, from, to)).groupBy(month).all();
    },
    /** All requests stored (to choose between index and table scan). */
    stored(): number {
      return db.select({ count: count() }).from(r).get()?.count ?? 0;
    },
    /** Received in the period and not yet erledigt; those forwarded whose statement was due before `today`. */
    openAndOverdue(from: string, to: string, today: string): { open: number; overdue: number } {
      // Both through the status index: the open requests are few next to the closed ones.
      const open = db.select({ count: count() }).from(r).where(and(inArray(r.status, NOT_CLOSED), between(r.receivedOn, from, to))).get()?.count ?? 0;
      const overdue =
        db
          .select({ count: count() })
          .from(r)
          .where(and(eq(r.status, 'weitergeleitet'), lt(r.statementDue, today), between(r.receivedOn, from, to)))
          .get()?.count ?? 0;
      return { open, overdue };
    },
    /**
     * One pass over the requests of the period, grouped by kind, channel, category and district
     * together (a few thousand groups at most): how many, and per group the days from receipt
     * to the answer (answered ones) and to closing (erledigt ones) — the handling times ride
     * along as JSON arrays, so the wide rows are read once and sorted once.
     */
    breakdown(from: string, to: string, wide: boolean): BreakdownGroup[] {
      const key = sql<string>`json_array(${r.kind}, ${r.channel}, ${r.category}, ${r.district})`;
      const groups = db
        .select({
          key,
          count: count(),
          answered: sql<string>`json_group_array(${daysUntil(r.answeredOn)}) filter (where ${isNotNull(r.answeredOn)})`,
          closed: sql<string>`json_group_array(${daysUntil(r.closedOn)}) filter (where ${and(eq(r.status, 'erledigt'), isNotNull(r.closedOn))})`,
        })
        .from(r)
        .where(received(from, to, wide))
        .groupBy(key)
        .all();
      return groups.map((group) => {
        const [kind, channel, category, district] = JSON.parse(group.key) as string[];
        return { kind, channel, category, district, count: group.count, answeredDays: JSON.parse(group.answered), closedDays: JSON.parse(group.closed) };
      });
    },
  };
}
