import { and, asc, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Engine, Tables } from '../../../db/engine';

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

/**
 * SQL of the outgoing-letters register (in the caller's transaction when there is one). What the
 * residents' register reads of it is still on the synchronous handle: repository-sync.ts.
 */
export function lettersRepository({ db, t, dsql }: Engine) {
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
    async update(id: number, values: Partial<NewLetter>): Promise<void> {
      await db.update(letters).set(values).where(eq(letters.id, id));
    },
    async addEvent(letterId: number, at: string, user: string, action: string, detail = ''): Promise<void> {
      await db.insert(letterEvents).values({ letterId, at, user, action, detail });
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
  };
}
