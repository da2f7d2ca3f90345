import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { letters } from '../../../db/schema';
import type { LetterRow } from './repository';

type Executor = Pick<Db, 'select' | '$client'>;

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

/**
 * What of the outgoing-letters register the residents' register and the start-up sweep read, on
 * the synchronous SQLite handle: they are not yet moved to the engine (the letters themselves
 * are, see repository.ts). Moves to the engine with them.
 */
export function lettersRepositorySync(db: Executor) {
  return {
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
  };
}
