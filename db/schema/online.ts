import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

/** Topics of the editorial plan (Redaktionsplan): what the office wants to say, why, who looks after it, when. */
export const onlineTopics = sqliteTable('online_topics', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  /** What the topic is meant to achieve. */
  goal: text('goal').notNull().default(''),
  /** Who looks after it (a name). */
  owner: text('owner').notNull().default(''),
  /** The days the topic runs: "2027-06-01", each may be open. */
  startsOn: text('starts_on'),
  endsOn: text('ends_on'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
  revision: integer('revision').notNull().default(1),
});

/** One contribution of a topic on one channel (the city portal, the intranet, a social media channel). */
export const onlinePosts = sqliteTable(
  'online_posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    topicId: integer('topic_id').references(() => onlineTopics.id, { onDelete: 'set null' }),
    channel: text('channel', {
      enum: ['portal', 'intranet', 'facebook', 'instagram', 'x', 'mastodon', 'bluesky', 'threads', 'linkedin', 'youtube', 'whatsapp'],
    }).notNull(),
    text: text('text').notNull().default(''),
    /** The address the post points to (posted after the text unless the text has it). */
    link: text('link').notNull().default(''),
    /** JSON [{ kind: 'image' | 'video', alt }]. */
    media: text('media', { mode: 'json' }).notNull(),
    /** Planned publishing time: wall-clock "2027-06-18T10:00" Europe/Berlin. */
    plannedAt: text('planned_at'),
    status: text('status', { enum: ['idee', 'entwurf', 'zur_freigabe', 'freigegeben', 'geplant', 'veroeffentlicht', 'zurueckgezogen'] })
      .notNull()
      .default('idee'),
    approvedBy: text('approved_by'),
    approvedAt: text('approved_at'),
    /** When it was marked published (wall-clock) and where it is. */
    publishedAt: text('published_at'),
    publishedUrl: text('published_url'),
    /** Crisis mode paused it (ISO instant): it keeps its state and planned time, and goes out again when crisis mode ends. */
    pausedAt: text('paused_at'),
    /** The proposal it was taken from ("press:12", "week:2026-12-14"; core/domain/online/proposals.ts); null: written freely. */
    origin: text('origin'),
    /** Its earliest time (wall-clock): the embargo of the press release it was taken from. */
    notBefore: text('not_before'),
    /** Its planned time passed while crisis mode paused it (ISO instant of the crisis's end): it needs a new time before it goes out. */
    lapsedAt: text('lapsed_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('online_posts_planned_idx').on(t.plannedAt), index('online_posts_topic_idx').on(t.topicId), index('online_posts_origin_idx').on(t.origin)],
);

/** Proposals staff dismissed (Verwerfen): not proposed again. */
export const onlineProposalDismissals = sqliteTable('online_proposal_dismissals', {
  /** The proposal's key ("greeting:weihnachten:2026-12-25"). */
  key: text('key').primaryKey(),
  dismissedBy: text('dismissed_by').notNull(),
  /** ISO instant. */
  dismissedAt: text('dismissed_at').notNull(),
});

/** Pre-approved holding statements (Wartestellungnahmen) per crisis scenario ("Unwetter", "IT-Ausfall"). */
export const onlineHoldingStatements = sqliteTable('online_holding_statements', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  scenario: text('scenario').notNull(),
  text: text('text').notNull(),
  /** Who approved the text and when (ISO instant); editing it voids the approval. */
  approvedBy: text('approved_by'),
  approvedAt: text('approved_at'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The crisis log: crisis mode switched on and off, and what was published during it (a post, a
 * holding statement) — who, on which channel, when. Crisis mode is on while the latest start has
 * no end after it.
 */
export const onlineCrisisLog = sqliteTable('online_crisis_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['start', 'end', 'post', 'statement'] }).notNull(),
  /** ISO instant. */
  at: text('at').notNull(),
  user: text('user').notNull(),
  channel: text('channel'),
  postId: integer('post_id').references(() => onlinePosts.id, { onDelete: 'set null' }),
  statementId: integer('statement_id').references(() => onlineHoldingStatements.id, { onDelete: 'set null' }),
  /** What it was, in words (the text published, or how many posts were paused). */
  summary: text('summary').notNull().default(''),
});
