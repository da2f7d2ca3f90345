import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { fullTextCount, fullTextFilter } from '../search/repository';
import {
  citizenEvents,
  citizenRequests,
  citizens,
  departments,
  letters,
  requestAttachments,
  requestHistory,
  requestLinks,
  signers,
  textBlocks,
} from '../../../db/schema';

export type RequestRow = typeof citizenRequests.$inferSelect;
export type RequestValues = Omit<typeof citizenRequests.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type CitizenRow = typeof citizens.$inferSelect;
export type CitizenValues = Omit<typeof citizens.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type DepartmentRow = typeof departments.$inferSelect;

/** What the register's filters say (the full-text part arrives as the matching ids, best first). */
export interface RequestFilter {
  status?: RequestRow['status'];
  open?: boolean;
  attention?: boolean;
  kind?: RequestRow['kind'];
  district?: string;
  departmentId?: number;
  citizenId?: number;
  eventId?: number;
  /** An FTS5 MATCH expression over the requests' full-text index (core/domain/text/search-terms.ts). */
  match?: string;
  /** Only these, in this order (the best full-text hits). */
  ids?: number[];
}

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
  department: departments.name,
  citizenDegrees: citizens.degrees,
  citizenGivenName: citizens.givenName,
  citizenSurname: citizens.surname,
};
/** `id in (…)` for many ids: one JSON parameter instead of one parameter per id. */
const idIn = (ids: number[]): SQL => sql`${citizenRequests.id} in (select value from json_each(${JSON.stringify(ids)}))`;

/**
 * The requests whose full-text index entry (request_search, written through
 * core/services/search/full-text.ts) matches. As a filter in the register's own query: no ranking
 * of thousands of hits, the page and the count stop where SQLite can.
 */
const matching = (match: string): SQL => fullTextFilter('request_search', citizenRequests.id, match);
/** The same, written so that SQLite reads the register in date order and stops when the page is full (`+` keeps it off the id). */
const matchingScan = (match: string): SQL => fullTextFilter('request_search', citizenRequests.id, match, { scan: true });
/** From this many hits on, reading the register newest first is faster than looking every hit up. */
const MANY_HITS = 2000;

/** SQL of the requests to the mayor, the citizens who sent them, the departments asked for statements. */
export function requestsRepository(db: Db) {
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
    if (filter.district) c.push(eq(citizenRequests.district, filter.district));
    if (filter.departmentId) c.push(eq(citizenRequests.departmentId, filter.departmentId));
    if (filter.citizenId) c.push(eq(citizenRequests.citizenId, filter.citizenId));
    if (filter.eventId) c.push(eq(citizenRequests.eventId, filter.eventId));
    if (filter.match) c.push(matching(filter.match));
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

  return {
    // ------------------------------------------------------------------ requests
    find(id: number) {
      return db
        .select({ request: citizenRequests, department: departments.name, citizen: citizens })
        .from(citizenRequests)
        .leftJoin(departments, eq(departments.id, citizenRequests.departmentId))
        .leftJoin(citizens, eq(citizens.id, citizenRequests.citizenId))
        .where(eq(citizenRequests.id, id))
        .get();
    },
    insert(values: RequestValues, at: string): RequestRow {
      return db
        .insert(citizenRequests)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning()
        .get();
    },
    update(id: number, values: Partial<RequestValues>, at: string): RequestRow | undefined {
      return db
        .update(citizenRequests)
        .set({ ...values, updatedAt: at })
        .where(eq(citizenRequests.id, id))
        .returning()
        .get();
    },
    /**
     * One page of the register: newest first, or — with `ids` from the full-text search — in the
     * order of the ids (best hit first). `total` counts all that match.
     */
    list(filter: RequestFilter, today: string, page: { limit: number; offset: number }) {
      const conditions = conditionsOf(filter, today);
      const where = conditions.length ? and(...conditions) : undefined;
      if (filter.ids) {
        if (!filter.ids.length) return { total: 0, rows: [] };
        // Thousands of hits: handed over as one JSON parameter, not one parameter each.
        const others = conditionsOf({ ...filter, ids: undefined }, today);
        let ordered = filter.ids;
        if (others.length) {
          const matching = new Set(
            db
              .select({ id: citizenRequests.id })
              .from(citizenRequests)
              .where(and(idIn(filter.ids), ...others))
              .all()
              .map((r) => r.id),
          );
          ordered = filter.ids.filter((id) => matching.has(id));
        }
        const pageIds = ordered.slice(page.offset, page.offset + page.limit);
        const byId = new Map(listRows(idIn(pageIds)).all().map((r) => [r.id, r]));
        return { total: ordered.length, rows: pageIds.flatMap((id) => byId.get(id) ?? []) };
      }
      if (filter.match) {
        // Full-text: the index alone says how many hold the words (it holds exactly the requests
        // not anonymised). Few hits: looked up by id; many: the register read in date order, so the
        // page stops when it is full.
        const others = conditionsOf({ ...filter, match: undefined }, today);
        const hitCount = fullTextCount(db, 'request_search', filter.match);
        if (hitCount === 0) return { total: 0, rows: [] };
        const hits = hitCount > MANY_HITS ? matchingScan(filter.match) : matching(filter.match);
        const total = others.length ? (db.select({ n: sql<number>`count(*)` }).from(citizenRequests).where(and(hits, ...others)).get()?.n ?? 0) : hitCount;
        if (total === 0 || page.offset >= total) return { total, rows: [] };
        const rows = listRows(and(hits, ...others))
          .orderBy(desc(citizenRequests.receivedOn), desc(citizenRequests.id))
          .limit(page.limit)
          .offset(page.offset)
          .all();
        return { total, rows };
      }
      const total = db.select({ n: sql<number>`count(*)` }).from(citizenRequests).where(where).get()?.n ?? 0;
      const rows = listRows(where).orderBy(desc(citizenRequests.receivedOn), desc(citizenRequests.id)).limit(page.limit).offset(page.offset).all();
      return { total, rows };
    },
    /** Rows by id (for proposals and links), in no particular order. */
    listItems(ids: number[]) {
      return ids.length ? listRows(idIn(ids)).all() : [];
    },
    /**
     * Proposals of related requests: the same person, the same place (folded, non-empty), or the
     * same category and district received within `days` days; not `id` itself nor those in
     * `exclude`. Same person first, then same place, then the newest.
     */
    related(row: RequestRow, exclude: number[], days: number, limit: number): number[] {
      const samePerson = row.citizenId !== null ? eq(citizenRequests.citizenId, row.citizenId) : undefined;
      const place = row.place.trim();
      const samePlace = place ? and(ne(citizenRequests.place, ''), sql`fold(trim(${citizenRequests.place})) = fold(${place})`) : undefined;
      const sameTopic =
        row.category && row.district
          ? and(
              eq(citizenRequests.category, row.category),
              eq(citizenRequests.district, row.district),
              gte(citizenRequests.receivedOn, sql`date(${row.receivedOn}, ${`-${days} days`})`),
              lte(citizenRequests.receivedOn, sql`date(${row.receivedOn}, ${`+${days} days`})`),
            )
          : undefined;
      const any = [samePerson, samePlace, sameTopic].filter((c): c is SQL => c !== undefined);
      if (!any.length) return [];
      return db
        .select({ id: citizenRequests.id })
        .from(citizenRequests)
        .where(and(ne(citizenRequests.id, row.id), exclude.length ? notInArray(citizenRequests.id, exclude) : undefined, or(...any)))
        .orderBy(
          ...(samePerson ? [desc(sql`coalesce(${samePerson}, 0)`)] : []),
          ...(samePlace ? [desc(sql`coalesce(${samePlace}, 0)`)] : []),
          desc(citizenRequests.receivedOn),
          desc(citizenRequests.id),
        )
        .limit(limit)
        .all()
        .map((r) => r.id);
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
        .all();
    },
    countSearchable(): number {
      return db.select({ n: sql<number>`count(*)` }).from(citizenRequests).where(isNull(citizenRequests.anonymisedAt)).get()?.n ?? 0;
    },

    // ------------------------------------------------------------------ history, attachments, links
    addHistory(values: typeof requestHistory.$inferInsert): void {
      db.insert(requestHistory).values(values).run();
    },
    history(requestId: number) {
      return db.select().from(requestHistory).where(eq(requestHistory.requestId, requestId)).orderBy(asc(requestHistory.at), asc(requestHistory.id)).all();
    },
    attachments(requestId: number) {
      return db.select().from(requestAttachments).where(eq(requestAttachments.requestId, requestId)).orderBy(asc(requestAttachments.id)).all();
    },
    addAttachment(values: typeof requestAttachments.$inferInsert) {
      return db.insert(requestAttachments).values(values).returning().get();
    },
    deleteAttachment(id: number): void {
      db.delete(requestAttachments).where(eq(requestAttachments.id, id)).run();
    },
    /** The requests linked with `id`, in either direction. */
    links(id: number) {
      const rows = db
        .select()
        .from(requestLinks)
        .where(or(eq(requestLinks.requestId, id), eq(requestLinks.linkedId, id)))
        .all();
      const notes = new Map(rows.map((l) => [l.requestId === id ? l.linkedId : l.requestId, l.note]));
      if (!notes.size) return [];
      return db
        .select({ id: citizenRequests.id, subject: citizenRequests.subject, status: citizenRequests.status, receivedOn: citizenRequests.receivedOn })
        .from(citizenRequests)
        .where(inArray(citizenRequests.id, [...notes.keys()]))
        .orderBy(desc(citizenRequests.receivedOn), desc(citizenRequests.id))
        .all()
        .map((r) => ({ ...r, note: notes.get(r.id) ?? '' }));
    },
    /** Stored once per pair, the lower id first; linking again replaces the note. */
    link(a: number, b: number, note: string): void {
      const [requestId, linkedId] = a < b ? [a, b] : [b, a];
      db.insert(requestLinks)
        .values({ requestId, linkedId, note })
        .onConflictDoUpdate({ target: [requestLinks.requestId, requestLinks.linkedId], set: { note } })
        .run();
    },
    unlink(a: number, b: number): boolean {
      const [requestId, linkedId] = a < b ? [a, b] : [b, a];
      return db.delete(requestLinks).where(and(eq(requestLinks.requestId, requestId), eq(requestLinks.linkedId, linkedId))).run().changes > 0;
    },

    // ------------------------------------------------------------------ citizens
    citizen(id: number) {
      return db.select().from(citizens).where(eq(citizens.id, id)).get();
    },
    /** Citizens whose folded name holds every folded word, or whose e-mail holds the text. */
    searchCitizens(words: string[], text: string, limit: number): CitizenRow[] {
      const byName = words.length ? and(...words.map((w) => sql`instr(${citizens.searchName}, ${w}) > 0`)) : undefined;
      const byEmail = text ? sql`instr(lower(${citizens.email}), ${text.toLowerCase()}) > 0` : undefined;
      const conditions = [byName, byEmail].filter((c): c is SQL => c !== undefined);
      if (!conditions.length) return [];
      return db
        .select()
        .from(citizens)
        .where(or(...conditions))
        .orderBy(asc(citizens.searchName), asc(citizens.id))
        .limit(limit)
        .all();
    },

    // ------------------------------------------------------------------ departments
    departments(): DepartmentRow[] {
      return db.select().from(departments).orderBy(asc(departments.sortOrder), asc(departments.name), asc(departments.id)).all();
    },
    department(id: number): DepartmentRow | undefined {
      return db.select().from(departments).where(eq(departments.id, id)).get();
    },
    saveDepartment(values: Omit<typeof departments.$inferInsert, 'id'>, id?: number): DepartmentRow | undefined {
      if (id) return db.update(departments).set(values).where(eq(departments.id, id)).returning().get();
      return db.insert(departments).values(values).returning().get();
    },

    // ------------------------------------------------------------------ what the workflow refers to
    /** The text of the staff's text block with this exact title (the oldest if there are several). */
    textBlock(title: string): string | undefined {
      return db.select({ text: textBlocks.text }).from(textBlocks).where(eq(textBlocks.title, title)).orderBy(asc(textBlocks.id)).get()?.text;
    },
    signer(id: number) {
      return db.select().from(signers).where(eq(signers.id, id)).get();
    },
    /** The Oberbürgermeister/in: the first active signer who is nobody's deputy. */
    headSigner() {
      return db
        .select()
        .from(signers)
        .where(and(eq(signers.deputy, false), eq(signers.active, true)))
        .orderBy(asc(signers.sortOrder), asc(signers.id))
        .get();
    },
    letterExists(id: number): boolean {
      return db.select({ id: letters.id }).from(letters).where(eq(letters.id, id)).get() !== undefined;
    },
    eventExists(id: number): boolean {
      return db.select({ id: citizenEvents.id }).from(citizenEvents).where(eq(citizenEvents.id, id)).get() !== undefined;
    },
  };
}
export type RequestsRepository = ReturnType<typeof requestsRepository>;
export type RequestListRow = ReturnType<RequestsRepository['listItems']>[number];
