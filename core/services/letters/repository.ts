import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { letterEvents, letters } from '../../../db/schema';
import { foldGerman } from '../../domain/text/fold';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | '$client'>;
export type LetterRow = typeof letters.$inferSelect;
export type NewLetter = typeof letters.$inferInsert;

export interface LetterFilter {
  query?: string;
  kind?: string;
  status?: LetterRow['status'];
  contactId?: number;
  from?: string;
  to?: string;
  limit: number;
}

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

/** SQL of the outgoing-letters register. */
export function lettersRepository(db: Executor) {
  return {
    find(id: number): LetterRow | undefined {
      return db.select().from(letters).where(eq(letters.id, id)).get();
    },
    insert(values: NewLetter): number {
      return db.insert(letters).values(values).returning({ id: letters.id }).get().id;
    },
    update(id: number, values: Partial<NewLetter>): void {
      db.update(letters).set(values).where(eq(letters.id, id)).run();
    },
    /** The files the register rows of one mail merge point at (a combined print file once). */
    filesOfBatch(batchId: string): string[] {
      return [...new Set(db.select({ file: letters.file }).from(letters).where(eq(letters.batchId, batchId)).all().map((row) => row.file))];
    },
    /** Letters not yet sent that were written to any of these residents (jubilee letters). */
    unsentForResidents(registerIds: readonly string[]): Array<{ id: number; recipientName: string; status: LetterRow['status']; letterDate: string }> {
      if (registerIds.length === 0) return [];
      const found = new Map<number, { id: number; recipientName: string; status: LetterRow['status']; letterDate: string }>();
      const statement = db.$client.prepare(
        `select id, recipient_name as recipientName, status, letter_date as letterDate from letters
         where status <> 'versandt' and exists (select 1 from json_each(letters.fields, '$.registerIds') where value = ?)`,
      );
      for (const id of registerIds) {
        for (const row of statement.all(id) as Array<{ id: number; recipientName: string; status: LetterRow['status']; letterDate: string }>) found.set(row.id, row);
      }
      return [...found.values()].sort((a, b) => a.id - b.id);
    },
    /**
     * Letters written for a jubilee from the residents' register (their fields name the register
     * ids and the day) whose day lies between `from` and `to`: any status, oldest first.
     */
    jubileeLetters(from: string, to: string): JubileeLetterRow[] {
      const day = sql<string>`json_extract(${letters.fields}, '$.anlassDatum')`;
      const rows = db
        .select({
          id: letters.id,
          status: letters.status,
          letterDate: letters.letterDate,
          date: day,
          registerIds: sql<string>`json_extract(${letters.fields}, '$.registerIds')`,
          wedding: sql<number>`json_type(${letters.fields}, '$.ehejahre') is not null`,
        })
        .from(letters)
        .where(and(sql`${day} between ${from} and ${to}`, sql`json_type(${letters.fields}, '$.registerIds') = 'array'`))
        .orderBy(letters.id)
        .all();
      return rows.map((r) => ({ ...r, registerIds: JSON.parse(r.registerIds) as string[], wedding: Boolean(r.wedding) }));
    },
    addEvent(letterId: number, at: string, user: string, action: string, detail = ''): void {
      db.insert(letterEvents).values({ letterId, at, user, action, detail }).run();
    },
    events(letterId: number) {
      return db
        .select({ at: letterEvents.at, user: letterEvents.user, action: letterEvents.action, detail: letterEvents.detail })
        .from(letterEvents)
        .where(eq(letterEvents.letterId, letterId))
        .orderBy(letterEvents.id)
        .all();
    },
    list(filter: LetterFilter): { total: number; rows: LetterRow[] } {
      const conditions: SQL[] = [];
      if (filter.kind) conditions.push(eq(letters.kind, filter.kind));
      if (filter.status) conditions.push(eq(letters.status, filter.status));
      if (filter.contactId) conditions.push(eq(letters.contactId, filter.contactId));
      if (filter.from) conditions.push(gte(letters.letterDate, filter.from));
      if (filter.to) conditions.push(lte(letters.letterDate, filter.to));
      for (const word of (filter.query ?? '').split(/\s+/).filter(Boolean)) {
        const pattern = `%${foldGerman(word).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conditions.push(
          sql`fold(${letters.recipientName} || ' ' || ${letters.subject} || ' ' || ${letters.occasion} || ' ' || ${letters.body} || ' ' || ${letters.signerName}) like ${pattern} escape '\\'`,
        );
      }
      const where = conditions.length ? and(...conditions) : undefined;
      const rows = db.select().from(letters).where(where).orderBy(desc(letters.letterDate), desc(letters.id)).limit(filter.limit).all();
      const total = db.select({ n: sql<number>`count(*)` }).from(letters).where(where).get()!.n;
      return { total, rows };
    },
  };
}
