import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';
import { refuseStale, updateAtRevision, type RevisionedRecord, type RevisionTarget } from '../../../db/engine/revision';
import { addDays } from '../../domain/calendar/time';
import { fullTextFilter } from '../search/repository';

type Tables = Engine['t'];
export type RequestRow = Tables['citizenRequests']['$inferSelect'];
export type RequestValues = Omit<Tables['citizenRequests']['$inferInsert'], 'id' | 'createdAt' | 'updatedAt'>;
export type CitizenRow = Tables['citizens']['$inferSelect'];
export type CitizenValues = Omit<Tables['citizens']['$inferInsert'], 'id' | 'createdAt' | 'updatedAt'>;
export type DepartmentRow = Tables['departments']['$inferSelect'];

/** What the register's filters say (the full-text part arrives as the matching ids, best first). */
export interface RequestFilter {
  status?: RequestRow['status'];
  open?: boolean;
  attention?: boolean;
  kind?: RequestRow['kind'];
  channel?: RequestRow['channel'];
  district?: string;
  departmentId?: number;
  citizenId?: number;
  eventId?: number;
  /**
   * A MATCH expression over the requests' full-text index (core/domain/text/search-terms.ts),
   * with how many rows of the index it matches (the index answers that, core/services/search).
   */
  match?: { expression: string; hits: number };
  /** Only these, in this order (the best full-text hits). */
  ids?: number[];
}

/** How STALE names a request. */
const REQUEST: RevisionedRecord = { entity: 'request', thisOne: 'Dieses Anliegen', it: 'es' };

/** From this many hits on, reading the register newest first is faster than looking every hit up. */
const MANY_HITS = 2000;

/** SQL of the requests to the mayor, the citizens who sent them, the departments asked for statements. */
export function requestsRepository(engine: Engine) {
  const { db, t, dsql } = engine;
  const { citizenEvents, citizenRequests, citizens, departments, letters, requestAttachments, requestHistory, requestLinks, signers, textBlocks } = t;
  const listColumns = {
    id: citizenRequests.id,
    kind: citizenRequests.kind,
    channel: citizenRequests.channel,
    subject: citizenRequests.subject,
    category: citizenRequests.category,
    district: citizenRequests.district,
    receivedOn: citizenRequests.receivedOn,
    status: citizenRequests.status,
    statementDue: citizenRequests.statementDue,
    followUpOn: citizenRequests.followUpOn,
    anonymisedAt: citizenRequests.anonymisedAt,
    revision: citizenRequests.revision,
    department: departments.name,
    citizenDegrees: citizens.degrees,
    citizenGivenName: citizens.givenName,
    citizenSurname: citizens.surname,
  };
  /** `id in (…)` for many ids: one parameter instead of one parameter per id. */
  const idIn = (ids: number[]): SQL => dsql.inIds(citizenRequests.id, ids);
  /**
   * The requests whose full-text index entry (request_search, written through
   * core/services/search/full-text.ts) matches. As a filter in the register's own query: no ranking
   * of thousands of hits, the page and the count stop where the database can.
   */
  const matching = (match: string): SQL => fullTextFilter(engine, 'request_search', citizenRequests.id, match);
  /** The same, written so that the register is read in date order and stops when the page is full. */
  const matchingScan = (match: string): SQL => fullTextFilter(engine, 'request_search', citizenRequests.id, match, { scan: true });
  /** 1 when `condition` holds, else 0 (booleans sort alike on both engines). */
  const oneIf = (condition: SQL) => sql`case when ${condition} then 1 else 0 end`;

  const conditionsOf = (filter: RequestFilter, today: string): SQL[] => {
    const c: SQL[] = [];
    if (filter.status) c.push(eq(citizenRequests.status, filter.status));
    if (filter.open) c.push(ne(citizenRequests.status, 'erledigt'));
    if (filter.attention) {
      c.push(
        or(
          and(eq(citizenRequests.status, 'weitergeleitet'), lt(citizenRequests.statementDue, today)),
          and(lte(citizenRequests.followUpOn, today), ne(citizenRequests.status, 'erledigt')),
        )!,
      );
    }
    if (filter.kind) c.push(eq(citizenRequests.kind, filter.kind));
    if (filter.channel) c.push(eq(citizenRequests.channel, filter.channel));
    if (filter.district) c.push(eq(citizenRequests.district, filter.district));
    if (filter.departmentId) c.push(eq(citizenRequests.departmentId, filter.departmentId));
    if (filter.citizenId) c.push(eq(citizenRequests.citizenId, filter.citizenId));
    if (filter.eventId) c.push(eq(citizenRequests.eventId, filter.eventId));
    if (filter.match) c.push(matching(filter.match.expression));
    if (filter.ids) c.push(idIn(filter.ids));
    return c;
  };

  const listRows = (where: SQL | undefined) =>
    db
      .select(listColumns)
      .from(citizenRequests)
      .leftJoin(departments, eq(departments.id, citizenRequests.departmentId))
      .leftJoin(citizens, eq(citizens.id, citizenRequests.citizenId))
      .where(where);
  type ListRow = Awaited<ReturnType<typeof listRows>>[number];

  return {
    // ------------------------------------------------------------------ requests
    async find(id: number) {
      const [row] = await db
        .select({ request: citizenRequests, department: departments.name, citizen: citizens })
        .from(citizenRequests)
        .leftJoin(departments, eq(departments.id, citizenRequests.departmentId))
        .leftJoin(citizens, eq(citizens.id, citizenRequests.citizenId))
        .where(eq(citizenRequests.id, id))
        .limit(1);
      return row;
    },
    /** Locks the request's row until the transaction ends (a workflow step reads its state, then writes it). */
    async lock(id: number): Promise<void> {
      await dsql.forUpdate(db.select({ id: citizenRequests.id }).from(citizenRequests).where(eq(citizenRequests.id, id)));
    },
    async insert(values: RequestValues, at: string): Promise<RequestRow> {
      const [row] = await db
        .insert(citizenRequests)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning();
      return row!;
    },
    /** Saves the request as loaded at `target.revision` (STALE when someone changed it since) and raises the revision. */
    async update(target: RevisionTarget, values: Partial<RequestValues>, at: string): Promise<RequestRow> {
      await updateAtRevision(engine, citizenRequests, REQUEST, target, { ...values, updatedAt: at });
      const [row] = await db.select().from(citizenRequests).where(eq(citizenRequests.id, target.id)).limit(1);
      return row!;
    },
    /** The refusal of a change against an older revision than the stored `current` one (before anything else is done). */
    async refuseUnlessCurrent(current: RequestRow, loadedRevision: number): Promise<void> {
      if (current.revision !== loadedRevision) await refuseStale(engine, citizenRequests, REQUEST, { id: current.id, revision: loadedRevision });
    },
    /** A change made from another request (a link to it) changed this one's record too: its revision rises. */
    async changedAlongside(id: number, at: string): Promise<void> {
      await db
        .update(citizenRequests)
        .set({ revision: sql`${citizenRequests.revision} + 1`, updatedAt: at })
        .where(eq(citizenRequests.id, id));
    },
    /**
     * One page of the register: newest first, or — with `ids` from the full-text search — in the
     * order of the ids (best hit first). `total` counts all that match.
     */
    async list(filter: RequestFilter, today: string, page: { limit: number; offset: number }): Promise<{ total: number; rows: ListRow[] }> {
      const conditions = conditionsOf(filter, today);
      const where = conditions.length ? and(...conditions) : undefined;
      if (filter.ids) {
        if (!filter.ids.length) return { total: 0, rows: [] };
        // Thousands of hits: handed over as one JSON parameter, not one parameter each.
        const others = conditionsOf({ ...filter, ids: undefined }, today);
        let ordered = filter.ids;
        if (others.length) {
          const matching = new Set(
            (await db
              .select({ id: citizenRequests.id })
              .from(citizenRequests)
              .where(and(idIn(filter.ids), ...others))).map((r) => r.id),
          );
          ordered = filter.ids.filter((id) => matching.has(id));
        }
        const pageIds = ordered.slice(page.offset, page.offset + page.limit);
        const byId = new Map((await listRows(idIn(pageIds))).map((r) => [r.id, r]));
        return { total: ordered.length, rows: pageIds.flatMap((id) => byId.get(id) ?? []) };
      }
      if (filter.match) {
        // Full-text: the index alone says how many hold the words (it holds exactly the requests
        // not anonymised). Few hits: looked up by id; many: the register read in date order, so the
        // page stops when it is full.
        const others = conditionsOf({ ...filter, match: undefined }, today);
        const hitCount = filter.match.hits;
        if (hitCount === 0) return { total: 0, rows: [] };
        const hits = hitCount > MANY_HITS ? matchingScan(filter.match.expression) : matching(filter.match.expression);
        const total = others.length ? ((await db.select({ n: count() }).from(citizenRequests).where(and(hits, ...others)))[0]?.n ?? 0) : hitCount;
        if (total === 0 || page.offset >= total) return { total, rows: [] };
        const rows = await listRows(and(hits, ...others))
          .orderBy(desc(citizenRequests.receivedOn), desc(citizenRequests.id))
          .limit(page.limit)
          .offset(page.offset);
        return { total, rows };
      }
      const [counted] = await db.select({ n: count() }).from(citizenRequests).where(where);
      const rows = await listRows(where).orderBy(desc(citizenRequests.receivedOn), desc(citizenRequests.id)).limit(page.limit).offset(page.offset);
      return { total: counted?.n ?? 0, rows };
    },
    /** Rows by id (for proposals and links), in no particular order. */
    async listItems(ids: number[]) {
      return ids.length ? listRows(idIn(ids)) : [];
    },
    /**
     * Proposals of related requests: the same person, the same place (folded, non-empty), or the
     * same category and district received within `days` days; not `id` itself nor those in
     * `exclude`. Same person first, then same place, then the newest.
     */
    async related(row: RequestRow, exclude: number[], days: number, limit: number): Promise<number[]> {
      const samePerson = row.citizenId !== null ? eq(citizenRequests.citizenId, row.citizenId) : undefined;
      const place = row.place.trim();
      const samePlace = place ? and(ne(citizenRequests.place, ''), dsql.foldedEquals(sql`trim(${citizenRequests.place})`, place)) : undefined;
      // The day the request came in, `days` either side (as dates: a time of day is dropped).
      const received = row.receivedOn.slice(0, 10);
      const sameTopic =
        row.category && row.district
          ? and(
              eq(citizenRequests.category, row.category),
              eq(citizenRequests.district, row.district),
              gte(citizenRequests.receivedOn, addDays(received, -days)),
              lte(citizenRequests.receivedOn, addDays(received, days)),
            )
          : undefined;
      const any = [samePerson, samePlace, sameTopic].filter((c): c is SQL => c !== undefined);
      if (!any.length) return [];
      const rows = await db
        .select({ id: citizenRequests.id })
        .from(citizenRequests)
        .where(and(ne(citizenRequests.id, row.id), exclude.length ? notInArray(citizenRequests.id, exclude) : undefined, or(...any)))
        .orderBy(
          ...(samePerson ? [desc(oneIf(samePerson))] : []),
          ...(samePlace ? [desc(oneIf(samePlace))] : []),
          desc(citizenRequests.receivedOn),
          desc(citizenRequests.id),
        )
        .limit(limit);
      return rows.map((r) => r.id);
    },
    /** Requests whose text belongs in the full-text index (not anonymised), with what is indexed. */
    searchable(ids?: number[]) {
      return db
        .select({
          id: citizenRequests.id,
          subject: citizenRequests.subject,
          place: citizenRequests.place,
          text: citizenRequests.text,
          statementText: citizenRequests.statementText,
        })
        .from(citizenRequests)
        .where(and(isNull(citizenRequests.anonymisedAt), ids ? inArray(citizenRequests.id, ids) : undefined))
        .orderBy(asc(citizenRequests.id));
    },
    async countSearchable(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(citizenRequests).where(isNull(citizenRequests.anonymisedAt));
      return row?.n ?? 0;
    },

    // ------------------------------------------------------------------ history, attachments, links
    async addHistory(values: Tables['requestHistory']['$inferInsert']): Promise<void> {
      await db.insert(requestHistory).values(values);
    },
    history(requestId: number) {
      return db.select().from(requestHistory).where(eq(requestHistory.requestId, requestId)).orderBy(asc(requestHistory.at), asc(requestHistory.id));
    },
    attachments(requestId: number) {
      return db.select().from(requestAttachments).where(eq(requestAttachments.requestId, requestId)).orderBy(asc(requestAttachments.id));
    },
    async addAttachment(values: Tables['requestAttachments']['$inferInsert']) {
      const [row] = await db.insert(requestAttachments).values(values).returning();
      return row!;
    },
    async deleteAttachment(id: number): Promise<void> {
      await db.delete(requestAttachments).where(eq(requestAttachments.id, id));
    },
    /** The requests linked with `id`, in either direction. */
    async links(id: number) {
      const rows = await db
        .select()
        .from(requestLinks)
        .where(or(eq(requestLinks.requestId, id), eq(requestLinks.linkedId, id)));
      const notes = new Map(rows.map((l) => [l.requestId === id ? l.linkedId : l.requestId, l.note]));
      if (!notes.size) return [];
      const linked = await db
        .select({ id: citizenRequests.id, subject: citizenRequests.subject, status: citizenRequests.status, receivedOn: citizenRequests.receivedOn })
        .from(citizenRequests)
        .where(inArray(citizenRequests.id, [...notes.keys()]))
        .orderBy(desc(citizenRequests.receivedOn), desc(citizenRequests.id));
      return linked.map((r) => ({ ...r, note: notes.get(r.id) ?? '' }));
    },
    /** Stored once per pair, the lower id first; linking again replaces the note. */
    async link(a: number, b: number, note: string): Promise<void> {
      const [requestId, linkedId] = a < b ? [a, b] : [b, a];
      await db
        .insert(requestLinks)
        .values({ requestId, linkedId, note })
        .onConflictDoUpdate({ target: [requestLinks.requestId, requestLinks.linkedId], set: { note } });
    },
    async unlink(a: number, b: number): Promise<boolean> {
      const [requestId, linkedId] = a < b ? [a, b] : [b, a];
      const removed = await db
        .delete(requestLinks)
        .where(and(eq(requestLinks.requestId, requestId), eq(requestLinks.linkedId, linkedId)))
        .returning({ requestId: requestLinks.requestId });
      return removed.length > 0;
    },

    // ------------------------------------------------------------------ citizens
    async citizen(id: number) {
      const [row] = await db.select().from(citizens).where(eq(citizens.id, id)).limit(1);
      return row;
    },
    /** Citizens whose folded name holds every folded word, or whose e-mail holds the text. */
    async searchCitizens(words: string[], text: string, limit: number): Promise<CitizenRow[]> {
      // The search name is stored folded (fold() leaves it as it is); the words come folded.
      const byName = words.length ? dsql.foldedContains(citizens.searchName, words.join(' ')) : undefined;
      const byEmail = text ? dsql.foldedContains(citizens.email, text) : undefined;
      const conditions = [byName, byEmail].filter((c): c is SQL => c !== undefined);
      if (!conditions.length) return [];
      return db
        .select()
        .from(citizens)
        .where(or(...conditions))
        .orderBy(asc(citizens.searchName), asc(citizens.id))
        .limit(limit);
    },

    // ------------------------------------------------------------------ departments
    departments(): Promise<DepartmentRow[]> {
      return db.select().from(departments).orderBy(asc(departments.sortOrder), asc(departments.name), asc(departments.id));
    },
    async department(id: number): Promise<DepartmentRow | undefined> {
      const [row] = await db.select().from(departments).where(eq(departments.id, id)).limit(1);
      return row;
    },
    async saveDepartment(values: Omit<Tables['departments']['$inferInsert'], 'id'>, id?: number): Promise<DepartmentRow | undefined> {
      const [row] = id ? await db.update(departments).set(values).where(eq(departments.id, id)).returning() : await db.insert(departments).values(values).returning();
      return row;
    },

    // ------------------------------------------------------------------ what the workflow refers to
    /** The text of the staff's text block with this exact title (the oldest if there are several). */
    async textBlock(title: string): Promise<string | undefined> {
      const [row] = await db.select({ text: textBlocks.text }).from(textBlocks).where(eq(textBlocks.title, title)).orderBy(asc(textBlocks.id)).limit(1);
      return row?.text;
    },
    async signer(id: number) {
      const [row] = await db.select().from(signers).where(eq(signers.id, id)).limit(1);
      return row;
    },
    /** The Oberbürgermeister/in: the first active signer who is nobody's deputy. */
    async headSigner() {
      const [row] = await db
        .select()
        .from(signers)
        .where(and(eq(signers.deputy, false), eq(signers.active, true)))
        .orderBy(asc(signers.sortOrder), asc(signers.id))
        .limit(1);
      return row;
    },
    async letterExists(id: number): Promise<boolean> {
      const [row] = await db.select({ id: letters.id }).from(letters).where(eq(letters.id, id)).limit(1);
      return row !== undefined;
    },
    async eventExists(id: number): Promise<boolean> {
      const [row] = await db.select({ id: citizenEvents.id }).from(citizenEvents).where(eq(citizenEvents.id, id)).limit(1);
      return row !== undefined;
    },
  };
}
export type RequestsRepository = ReturnType<typeof requestsRepository>;
export type RequestListRow = Awaited<ReturnType<RequestsRepository['listItems']>>[number];
