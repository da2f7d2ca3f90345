import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';
import { refuseUnlessCurrent, updateAtRevision, type RevisionedRecord, type RevisionTarget } from '../../../db/engine/revision';

type Tables = Engine['t'];
export type OnlineTopicRow = Tables['onlineTopics']['$inferSelect'];
export type OnlineTopicValues = Omit<Tables['onlineTopics']['$inferInsert'], 'id' | 'createdAt' | 'updatedAt'>;
export type OnlinePostRow = Tables['onlinePosts']['$inferSelect'];
export type OnlinePostValues = Omit<Tables['onlinePosts']['$inferInsert'], 'id' | 'createdAt' | 'updatedAt'>;
export type ChannelKey = OnlinePostRow['channel'];

/** How STALE names a topic and a post (the audit log's entities, as the service writes them). */
const TOPIC: RevisionedRecord = { entity: 'online-topic', thisOne: 'Dieses Thema', it: 'es' };
const POST: RevisionedRecord = { entity: 'online-post', thisOne: 'Dieser Beitrag', it: 'ihn' };

/** SQL of the editorial plan: topics and their posts per channel. */
export function onlineRepository(engine: Engine) {
  const { db, t, dsql } = engine;
  const { onlinePosts: posts, onlineTopics: topics } = t;
  /** Each post with its topic's title. */
  const postsWithTopic = () => db.select({ post: posts, topic: topics.title }).from(posts).leftJoin(topics, eq(topics.id, posts.topicId));
  /** When the post is in the plan: published, else planned. */
  const planTime = sql<string | null>`coalesce(${posts.publishedAt}, ${posts.plannedAt})`;

  return {
    // ---------------------------------------------------------------- topics
    /** Those starting first first (open start last), then by title. */
    async topics() {
      const counts = db.select({ topicId: posts.topicId, n: count().as('n') }).from(posts).groupBy(posts.topicId).as('counts');
      return db
        .select({ topic: topics, postCount: sql<number>`coalesce(${counts.n}, 0)`.mapWith(Number) })
        .from(topics)
        .leftJoin(counts, eq(counts.topicId, topics.id))
        .orderBy(sql`${topics.startsOn} is null`, asc(topics.startsOn), asc(topics.title), asc(topics.id));
    },
    async topic(id: number): Promise<OnlineTopicRow | undefined> {
      const [row] = await db.select().from(topics).where(eq(topics.id, id)).limit(1);
      return row;
    },
    async topicPostCount(id: number): Promise<number> {
      const [row] = await db.select({ n: count() }).from(posts).where(eq(posts.topicId, id));
      return row?.n ?? 0;
    },
    async insertTopic(values: OnlineTopicValues, at: string): Promise<OnlineTopicRow> {
      const [row] = await db
        .insert(topics)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning();
      return row!;
    },
    /** Saves the topic as loaded at `target.revision` (STALE when someone saved it since) and raises the revision. */
    async updateTopic(target: RevisionTarget, values: OnlineTopicValues, at: string): Promise<OnlineTopicRow> {
      await updateAtRevision(engine, topics, TOPIC, target, { ...values, updatedAt: at });
      return (await this.topic(target.id))!;
    },

    // ---------------------------------------------------------------- posts
    /**
     * Posts planned or published from the start of `from` to the end of `to` (days), by their time
     * in the plan (wall-clock text, compared as text on both engines), then id; with `unplanned`,
     * the posts without either time first. `channels`: only these (all when left out).
     */
    postsBetween(from: string, toExclusive: string, channels?: readonly ChannelKey[], unplanned = false) {
      const inRange = (column: typeof posts.plannedAt | typeof posts.publishedAt) => and(gte(column, from), lt(column, toExclusive));
      return postsWithTopic()
        .where(
          and(
            or(inRange(posts.plannedAt), inRange(posts.publishedAt), unplanned ? and(isNull(posts.plannedAt), isNull(posts.publishedAt)) : undefined),
            channels ? inArray(posts.channel, [...channels]) : undefined,
          ),
        )
        .orderBy(sql`${planTime} is not null`, asc(planTime), asc(posts.id));
    },
    /** The posts crisis mode paused, by planned time, then id. */
    pausedPosts() {
      return postsWithTopic()
        .where(isNotNull(posts.pausedAt))
        .orderBy(asc(posts.plannedAt), asc(posts.id));
    },
    /** The posts whose planned time passed while crisis mode paused them, by planned time, then id. */
    lapsedPosts() {
      return postsWithTopic()
        .where(isNotNull(posts.lapsedAt))
        .orderBy(asc(posts.plannedAt), asc(posts.id));
    },
    /** The channels with a post at any time (withdrawn ones too): those the office uses. */
    async usedChannels(): Promise<ChannelKey[]> {
      return (await db.selectDistinct({ channel: posts.channel }).from(posts)).map((r) => r.channel);
    },
    /** A topic's posts: planned ones by time, then those without a time, each by id. */
    postsOfTopic(topicId: number) {
      return postsWithTopic()
        .where(eq(posts.topicId, topicId))
        .orderBy(sql`${planTime} is null`, asc(planTime), asc(posts.id));
    },
    async post(id: number) {
      const [row] = await postsWithTopic().where(eq(posts.id, id)).limit(1);
      return row;
    },
    /** Locks the post's row until the transaction ends (a step reads its status, then writes it). */
    async lockPost(id: number): Promise<void> {
      await dsql.forUpdate(db.select({ id: posts.id }).from(posts).where(eq(posts.id, id)));
    },
    async insertPost(values: OnlinePostValues, at: string): Promise<number> {
      const [row] = await db
        .insert(posts)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning({ id: posts.id });
      return row!.id;
    },
    /** Saves the post as loaded at `target.revision` (STALE when someone changed it since) and raises the revision. */
    async updatePost(target: RevisionTarget, values: Partial<OnlinePostValues>, at: string): Promise<void> {
      await updateAtRevision(engine, posts, POST, target, { ...values, updatedAt: at });
    },
    /**
     * A proposal's origin changed its embargo (a press release's Sperrfrist): the posts taken from
     * it that are still to go out get it as their earliest time, and a planned time before it moves
     * to it; each such post's revision rises. Returns the posts changed (id and title for the log).
     */
    async followEmbargo(origin: string, embargo: string | null, at: string): Promise<Array<{ id: number; channel: ChannelKey }>> {
      const moveTo = embargo === null ? posts.plannedAt : sql`case when ${posts.plannedAt} < ${embargo} then ${embargo} else ${posts.plannedAt} end`;
      return db
        .update(posts)
        .set({ notBefore: embargo, plannedAt: moveTo, revision: sql`${posts.revision} + 1`, updatedAt: at })
        .where(
          and(
            eq(posts.origin, origin),
            inArray(posts.status, ['idee', 'entwurf', 'zur_freigabe', 'freigegeben', 'geplant']),
            embargo === null ? isNotNull(posts.notBefore) : or(isNull(posts.notBefore), sql`${posts.notBefore} <> ${embargo}`),
          ),
        )
        .returning({ id: posts.id, channel: posts.channel });
    },
    /** The media of a post just inserted in this transaction (its files are named after its id): not a change of anyone's, the revision stays. */
    async setNewPostMedia(id: number, media: OnlinePostValues['media']): Promise<void> {
      await db.update(posts).set({ media }).where(eq(posts.id, id));
    },
    /** The refusal of a change against an older revision than the stored `current` one (before anything else is checked). */
    async refuseUnlessCurrentPost(current: OnlinePostRow, loadedRevision: number): Promise<void> {
      await refuseUnlessCurrent(engine, posts, POST, current, loadedRevision);
    },
  };
}
export type OnlineRepository = ReturnType<typeof onlineRepository>;
