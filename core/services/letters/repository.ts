import { and, asc, between, count, desc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Engine, Tables } from '../../../db/engine/types';
import { refuseStale, updateAtRevision, type RevisionedRecord, type RevisionTarget } from '../../../db/engine/revision';

export type LetterRow = Tables['letters']['$inferSelect'];
export type NewLetter = Tables['letters']['$inferInsert'];

export interface LetterFilter {
  query?: string;
  kind?: string;
  status?: LetterRow['status'];
  contactId?: number;
  from?: string;
  to?: string;
  limit: number;
}

/** A letter written for a jubilee from the residents' register. */
export interface JubileeLetterRow {
  id: number;
  status: LetterRow['status'];
  letterDate: string;
  /** The day of the jubilee (the letter's `anlassDatum`). */
  date: string;
  registerIds: string[];
  /** A wedding jubilee (the letter names years of marriage), else a birthday. */
  wedding: boolean;
}

/** A letter not yet sent to a resident whom the register now blocks. */
export interface UnsentResidentLetter {
  id: number;
  recipientName: string;
  status: LetterRow['status'];
  letterDate: string;
}

/** Rows a multi-row statement writes at most (well within both engines' limits on parameters). */
const CHUNK = 200;

/** How STALE names a letter of the register. */
const LETTER: RevisionedRecord = { entity: 'letter', thisOne: 'Dieser Brief', it: 'ihn' };

/** SQL of the outgoing-letters register (in the caller's transaction when there is one). */
export function lettersRepository(engine: Engine) {
  const { db, t, dsql } = engine;
  const { letters, letterEvents } = t;
  return {
    async find(id: number): Promise<LetterRow | undefined> {
      const [row] = await db.select().from(letters).where(eq(letters.id, id)).limit(1);
      return row;
    },
    async insert(values: NewLetter): Promise<number> {
      const [row] = await db.insert(letters).values(values).returning({ id: letters.id });
      return row!.id;
    },
    /** Inserts letters, at most CHUNK rows a statement; their ids in the order given. */
    async insertMany(values: readonly NewLetter[]): Promise<number[]> {
      const ids: number[] = [];
      for (let i = 0; i < values.length; i += CHUNK) {
        const rows = await db.insert(letters).values(values.slice(i, i + CHUNK)).returning({ id: letters.id });
        // The ids are drawn in the order of the rows; the order RETURNING lists them in is not promised.
        ids.push(...rows.map((row) => row.id).sort((a, b) => a - b));
      }
      return ids;
    },
    async update(id: number, values: Partial<NewLetter>): Promise<void> {
      await db.update(letters).set(values).where(eq(letters.id, id));
    },
    /** Completes letters being recorded (their files' paths), in the transaction that inserts them. */
    async setFiles(files: ReadonlyArray<{ id: number; file: string }>): Promise<void> {
      for (let i = 0; i < files.length; i += CHUNK) {
        const chunk = files.slice(i, i + CHUNK);
        const file = sql`case ${letters.id} ${sql.join(chunk.map((f) => sql`when ${f.id} then ${f.file}`), sql` `)} end`;
        await db.update(letters).set({ file }).where(inArray(letters.id, chunk.map((f) => f.id)));
      }
    },
    /** Changes the letter as loaded at `target.revision` (STALE when someone changed it since) and raises the revision. */
    async updateAtRevision(target: RevisionTarget, values: Partial<NewLetter>): Promise<void> {
      await updateAtRevision(engine, letters, LETTER, target, values);
    },
    /** The refusal of a change against an older revision than the stored `current` one (before anything is generated). */
    async refuseUnlessCurrent(current: LetterRow, loadedRevision: number): Promise<void> {
      if (current.revision !== loadedRevision) await refuseStale(engine, letters, LETTER, { id: current.id, revision: loadedRevision });
    },
    async addEvent(letterId: number, at: string, user: string, action: string, detail = ''): Promise<void> {
      await db.insert(letterEvents).values({ letterId, at, user, action, detail });
    },
    async addEvents(events: ReadonlyArray<Tables['letterEvents']['$inferInsert']>): Promise<void> {
      for (let i = 0; i < events.length; i += CHUNK) await db.insert(letterEvents).values(events.slice(i, i + CHUNK));
    },
    events: (letterId: number) =>
      db
        .select({ at: letterEvents.at, user: letterEvents.user, action: letterEvents.action, detail: letterEvents.detail })
        .from(letterEvents)
        .where(eq(letterEvents.letterId, letterId))
        .orderBy(asc(letterEvents.id)),
    async list(filter: LetterFilter): Promise<{ total: number; rows: LetterRow[] }> {
      const conditions: SQL[] = [];
      if (filter.kind) conditions.push(eq(letters.kind, filter.kind));
      if (filter.status) conditions.push(eq(letters.status, filter.status));
      if (filter.contactId) conditions.push(eq(letters.contactId, filter.contactId));
      if (filter.from) conditions.push(gte(letters.letterDate, filter.from));
      if (filter.to) conditions.push(lte(letters.letterDate, filter.to));
      const words = dsql.foldedContains(
        sql`${letters.recipientName} || ' ' || ${letters.subject} || ' ' || ${letters.occasion} || ' ' || ${letters.body} || ' ' || ${letters.signerName}`,
        filter.query ?? '',
      );
      if (words) conditions.push(words);
      const where = conditions.length ? and(...conditions) : undefined;
      const rows = await db.select().from(letters).where(where).orderBy(desc(letters.letterDate), desc(letters.id)).limit(filter.limit);
      const [counted] = await db.select({ n: count() }).from(letters).where(where);
      return { total: counted!.n, rows };
    },
    /** The files the register rows of one mail merge point at (a combined print file once). */
    async filesOfBatch(batchId: string): Promise<string[]> {
      const rows = await db.select({ file: letters.file }).from(letters).where(eq(letters.batchId, batchId)).orderBy(asc(letters.id));
      return [...new Set(rows.map((row) => row.file))];
    },
    /** Letters not yet sent that were written to any of these residents (jubilee letters). */
    async unsentForResidents(registerIds: readonly string[]): Promise<UnsentResidentLetter[]> {
      if (registerIds.length === 0) return [];
      // The unsent letters to residents are few; the ids may be thousands (a whole district gone).
      const wanted = new Set(registerIds);
      const rows = await db
        .select({ id: letters.id, recipientName: letters.recipientName, status: letters.status, letterDate: letters.letterDate, fields: letters.fields })
        .from(letters)
        .where(and(ne(letters.status, 'versandt'), dsql.jsonIsArray(letters.fields, 'registerIds')))
        .orderBy(asc(letters.id));
      return rows
        .filter((row) => (row.fields.registerIds as unknown[]).some((id) => wanted.has(id as string)))
        .map(({ fields: _fields, ...letter }) => letter);
    },
    /**
     * Letters written for a jubilee from the residents' register (their fields name the register
     * ids and the day) whose day lies between `from` and `to`: any status, oldest first.
     */
    async jubileeLetters(from: string, to: string): Promise<JubileeLetterRow[]> {
      const day = dsql.jsonText(letters.fields, 'anlassDatum');
      const rows = await db
        .select({ id: letters.id, status: letters.status, letterDate: letters.letterDate, date: day, fields: letters.fields })
        .from(letters)
        .where(and(between(day, from, to), dsql.jsonIsArray(letters.fields, 'registerIds')))
        .orderBy(asc(letters.id));
      return rows.map(({ fields, date, ...r }) => ({
        ...r,
        date: date!,
        registerIds: fields.registerIds as string[],
        wedding: fields.ehejahre !== undefined && fields.ehejahre !== null,
      }));
    },
  };
}
