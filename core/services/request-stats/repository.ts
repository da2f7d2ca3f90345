import { and, between, count, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';
import { requestStatusSchema } from '../../api/schemas/citizen-requests';

const NOT_CLOSED = requestStatusSchema.options.filter((s) => s !== 'erledigt');

/** How many requests took this many days (medians and averages are read from it). */
export interface DaysCount {
  days: number;
  count: number;
}

/** How many requests of the period have this stored value of a field (category and district untrimmed). */
export interface ValueCount {
  value: string;
  count: number;
}

/**
 * Everything the statistics of a period are made of, counted in the database: requests per
 * month received ("2026-11"), per kind, channel, category and district, the handling days
 * (from receipt to the answer of answered ones, to closing of erledigt ones; negative on wrong
 * data) as histograms, the open and the overdue ones. Each engine's repository fills it its
 * own fastest way (PostgreSQL: stats-postgres-repository.ts).
 */
export interface PeriodFigures {
  months: Array<{ month: string; count: number }>;
  kinds: ValueCount[];
  channels: ValueCount[];
  categories: ValueCount[];
  districts: ValueCount[];
  answeredDays: DaysCount[];
  closedDays: DaysCount[];
  open: number;
  overdue: number;
}

/** What the statistics service reads, on either engine. */
export interface RequestStatsFigures {
  figures(from: string, to: string, today: string): Promise<PeriodFigures>;
}

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
  /** Forwarded ones received in the period whose statement was due before `today` (through the status index). */
  const overdue = async (from: string, to: string, today: string): Promise<number> => {
    const [row] = await db
      .select({ count: count() })
      .from(r)
      .where(and(eq(r.status, 'weitergeleitet'), lt(r.statementDue, today), between(r.receivedOn, from, to)));
    return row?.count ?? 0;
  };

  const repo = {
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
      // Through the status index: the open requests are few next to the closed ones.
      const [open] = await db.select({ count: count() }).from(r).where(and(inArray(r.status, NOT_CLOSED), between(r.receivedOn, from, to)));
      return { open: open?.count ?? 0, overdue: await overdue(from, to, today) };
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
    overdue,
  };
  return {
    ...repo,
    /**
     * The period's figures from the months, one pass over the period's groups (through the
     * index, or for a period holding more than a third of all requests, over the table) and the
     * open and overdue ones through the status index.
     */
    async figures(from: string, to: string, today: string): Promise<PeriodFigures> {
      const months = await repo.byMonth(from, to);
      const total = months.reduce((sum, m) => sum + m.count, 0);
      const wide = total * 3 > (await repo.stored());
      const kinds = new Map<string, number>();
      const channels = new Map<string, number>();
      const categories = new Map<string, number>();
      const districts = new Map<string, number>();
      const answered = new Map<number, number>();
      const closed = new Map<number, number>();
      const add = <K,>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);
      for (const group of total ? await repo.breakdown(from, to, wide) : []) {
        add(kinds, group.kind, group.count);
        add(channels, group.channel, group.count);
        add(categories, group.category, group.count);
        add(districts, group.district, group.count);
        for (const days of group.answeredDays) add(answered, days, 1);
        for (const days of group.closedDays) add(closed, days, 1);
      }
      const values = (map: Map<string, number>): ValueCount[] => [...map].map(([value, n]) => ({ value, count: n }));
      const histogram = (map: Map<number, number>): DaysCount[] => [...map].map(([days, n]) => ({ days, count: n }));
      return {
        months,
        kinds: values(kinds),
        channels: values(channels),
        categories: values(categories),
        districts: values(districts),
        answeredDays: histogram(answered),
        closedDays: histogram(closed),
        ...(await repo.openAndOverdue(from, to, today)),
      };
    },
  } satisfies RequestStatsFigures & Record<string, unknown>;
}
