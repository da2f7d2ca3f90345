import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { appointments, contacts, letters, patronages, signers, speeches } from '../../../db/schema';

export type PatronageRow = typeof patronages.$inferSelect;
export type PatronageValues = Omit<typeof patronages.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type PatronageLink = 'contact' | 'signer' | 'speech' | 'appointment' | 'letter';

const LINKED = { contact: contacts, signer: signers, speech: speeches, appointment: appointments, letter: letters } as const;

/** SQL of the patronage requests (Schirmherrschaften). */
export function patronagesRepository(db: Db) {
  const withPatron = () =>
    db
      .select({ patronage: patronages, patronName: signers.name, patronOffice: signers.office })
      .from(patronages)
      .leftJoin(signers, eq(signers.id, patronages.patronId));

  return {
    /** Open requests first, then by the event's (first) date. */
    list(decision?: PatronageRow['decision']) {
      return withPatron()
        .where(decision ? eq(patronages.decision, decision) : undefined)
        .orderBy(desc(sql`${patronages.decision} = 'offen'`), asc(patronages.eventFrom), asc(patronages.id))
        .all();
    },
    find(id: number) {
      return withPatron().where(eq(patronages.id, id)).get();
    },
    insert(values: PatronageValues, at: string): PatronageRow {
      return db
        .insert(patronages)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning()
        .get();
    },
    update(id: number, values: Partial<PatronageValues>, at: string): PatronageRow | undefined {
      return db
        .update(patronages)
        .set({ ...values, updatedAt: at })
        .where(eq(patronages.id, id))
        .returning()
        .get();
    },
    exists(table: PatronageLink, id: number): boolean {
      const source = LINKED[table];
      return db.select({ id: source.id }).from(source).where(eq(source.id, id)).get() !== undefined;
    },
    contact(id: number) {
      return db.select().from(contacts).where(eq(contacts.id, id)).get();
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
  };
}
