// PostgreSQL twin of db/schema/online.ts (office mode): the same tables, columns and keys; what they mean is written there.
import { pgTable, index, integer, json, text } from 'drizzle-orm/pg-core';

export const onlineTopics = pgTable('online_topics', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  title: text('title').notNull(),
  goal: text('goal').notNull().default(''),
  owner: text('owner').notNull().default(''),
  startsOn: text('starts_on'),
  endsOn: text('ends_on'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  revision: integer('revision').notNull().default(1),
});

export const onlinePosts = pgTable(
  'online_posts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    topicId: integer('topic_id').references(() => onlineTopics.id, { onDelete: 'set null' }),
    channel: text('channel', {
      enum: ['portal', 'intranet', 'facebook', 'instagram', 'x', 'mastodon', 'bluesky', 'threads', 'linkedin', 'youtube', 'whatsapp'],
    }).notNull(),
    text: text('text').notNull().default(''),
    link: text('link').notNull().default(''),
    media: json('media').notNull(),
    plannedAt: text('planned_at'),
    status: text('status', { enum: ['idee', 'entwurf', 'zur_freigabe', 'freigegeben', 'geplant', 'veroeffentlicht', 'zurueckgezogen'] })
      .notNull()
      .default('idee'),
    approvedBy: text('approved_by'),
    approvedAt: text('approved_at'),
    publishedAt: text('published_at'),
    publishedUrl: text('published_url'),
    pausedAt: text('paused_at'),
    origin: text('origin'),
    notBefore: text('not_before'),
    lapsedAt: text('lapsed_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('online_posts_planned_idx').on(t.plannedAt), index('online_posts_topic_idx').on(t.topicId), index('online_posts_origin_idx').on(t.origin)],
);

export const onlineProposalDismissals = pgTable('online_proposal_dismissals', {
  key: text('key').primaryKey(),
  dismissedBy: text('dismissed_by').notNull(),
  dismissedAt: text('dismissed_at').notNull(),
});

export const onlineHoldingStatements = pgTable('online_holding_statements', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  scenario: text('scenario').notNull(),
  text: text('text').notNull(),
  approvedBy: text('approved_by'),
  approvedAt: text('approved_at'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const onlineCrisisLog = pgTable('online_crisis_log', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  kind: text('kind', { enum: ['start', 'end', 'post', 'statement'] }).notNull(),
  at: text('at').notNull(),
  user: text('user').notNull(),
  channel: text('channel'),
  postId: integer('post_id').references(() => onlinePosts.id, { onDelete: 'set null' }),
  statementId: integer('statement_id').references(() => onlineHoldingStatements.id, { onDelete: 'set null' }),
  summary: text('summary').notNull().default(''),
});
