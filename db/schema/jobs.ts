import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The long jobs of the office (a register import, a mail merge, the greetings plan's letters):
 * who started which on which PC, how far it is, how it ended. Every PC reads them (`jobs.running`),
 * and at most one job of a kind runs at a time (the unique index on running jobs): a PC that
 * starts one while another runs is told who runs it. A running job reports at least every few
 * seconds (`reported_at`); one whose PC stopped reporting is stale and no longer holds its kind.
 * See core/services/jobs/.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    /** residents-import | letters-merge | greetings-letters */
    kind: text('kind').notNull(),
    /** The user who started it. */
    startedBy: text('started_by').notNull(),
    /** The PC it runs on (its host name). */
    workstation: text('workstation').notNull(),
    /** The app's process on that PC (a job of a process that ended there holds nothing). */
    pid: integer('pid'),
    startedAt: text('started_at').notNull(),
    /** The job's last sign of life (its progress or a heartbeat). */
    reportedAt: text('reported_at').notNull(),
    finishedAt: text('finished_at'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    /** running | done | failed | cancelled */
    state: text('state').notNull(),
    /** What it came to, in German (a summary or the reason it failed). */
    message: text('message'),
  },
  (t) => [uniqueIndex('jobs_one_running_per_kind').on(t.kind).where(sql`state = 'running'`), index('jobs_started_at_idx').on(t.startedAt)],
);
