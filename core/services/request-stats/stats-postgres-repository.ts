import { sql } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';
import { requestStatsRepository, type DaysCount, type PeriodFigures, type RequestStatsFigures, type ValueCount } from './repository';

/** Which of the grouping sets a row of the one statement belongs to. */
type Field = 'kind' | 'channel' | 'category' | 'district' | 'month' | 'answered' | 'closed';

/**
 * The request statistics in office mode (PostgreSQL): every count and both histograms of the
 * handling days in ONE pass over the period's rows — GROUPING SETS, each field its own set,
 * over an index-only scan of citizen_requests_stats_idx — instead of grouping the four fields
 * together and shipping every request's handling days as JSON. Only the overdue ones are a
 * look-up of their own (statement_due is not in that index; the status index finds them).
 * Loaded by dynamic import from the statistics service in office mode only.
 */
export function requestStatsPostgresRepository(engine: Engine): RequestStatsFigures {
  const { db, t, dsql } = engine;
  const r = t.citizenRequests;
  const shared = requestStatsRepository(engine);

  return {
    async figures(from: string, to: string, today: string): Promise<PeriodFigures> {
      // A period's handling days: null when not answered (not erledigt, no closing day), so
      // those rows fall into the sets' null groups, which are left out below.
      const { rows } = await db.execute<{ field: Field; value: string | null; count: number; open: number }>(sql`
        select case
                 when grouping(kind) = 0 then 'kind'
                 when grouping(channel) = 0 then 'channel'
                 when grouping(category) = 0 then 'category'
                 when grouping(district) = 0 then 'district'
                 when grouping(month) = 0 then 'month'
                 when grouping(answered) = 0 then 'answered'
                 else 'closed'
               end as "field",
               coalesce(kind, channel, category, district, month, answered::text, closed::text) as "value",
               count(*)::integer as "count",
               (count(*) filter (where status <> 'erledigt'))::integer as "open"
        from (
          select ${r.kind} as kind, ${r.channel} as channel, ${r.category} as category, ${r.district} as district, ${r.status} as status,
                 substr(${r.receivedOn}, 1, 7) as month,
                 ${dsql.daysBetween(r.receivedOn, r.answeredOn)} as answered,
                 case when ${r.status} = 'erledigt' then ${dsql.daysBetween(r.receivedOn, r.closedOn)} end as closed
          from ${r}
          where ${r.receivedOn} between ${from} and ${to}
        ) as period
        group by grouping sets ((kind), (channel), (category), (district), (month), (answered), (closed))`);
      const of = (field: Field) => rows.filter((row) => row.field === field && row.value !== null);
      const values = (field: Field): ValueCount[] => of(field).map((row) => ({ value: row.value!, count: row.count }));
      const histogram = (field: Field): DaysCount[] => of(field).map((row) => ({ days: Number(row.value), count: row.count }));
      return {
        months: of('month').map((row) => ({ month: row.value!, count: row.count })),
        kinds: values('kind'),
        channels: values('channel'),
        categories: values('category'),
        districts: values('district'),
        answeredDays: histogram('answered'),
        closedDays: histogram('closed'),
        open: of('kind').reduce((sum, row) => sum + row.open, 0),
        overdue: await shared.overdue(from, to, today),
      };
    },
  };
}
