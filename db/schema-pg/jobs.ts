// PostgreSQL twin of db/schema/jobs.ts (office mode): the same table; what it means is written there.
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    startedBy: text('started_by').notNull(),
    workstation: text('workstation').notNull(),
    pid: integer('pid'),
    startedAt: text('started_at').notNull(),
    reportedAt: text('reported_at').notNull(),
    finishedAt: text('finished_at'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    state: text('state').notNull(),
    message: text('message'),
  },
  (t) => [uniqueIndex('jobs_one_running_per_kind').on(t.kind).where(sql`state = 'running'`), index('jobs_started_at_idx').on(t.startedAt)],
);
