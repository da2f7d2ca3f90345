import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { calendars, patronages, settings, signers, speeches, textBlocks } from '../../../db/schema';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

/**
 * The settings repository on the synchronous SQLite handle, for services not yet moved to the
 * engine (in their `db.transaction`). Goes away with `ServiceDeps.db`; see repository.ts.
 */
export function settingsRepositorySync(db: Executor) {
  return {
    getSetting(key: string): unknown {
      return db.select().from(settings).where(eq(settings.key, key)).get()?.value;
    },
    putSetting(key: string, value: unknown, at: string): void {
      db.insert(settings)
        .values({ key, value, updatedAt: at })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } })
        .run();
    },
    signers() {
      return db.select().from(signers).orderBy(asc(signers.sortOrder), asc(signers.name)).all();
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
    signer(id: number) {
      return db.select().from(signers).where(eq(signers.id, id)).get();
    },
    insertSigner(values: typeof signers.$inferInsert): number {
      return db.insert(signers).values(values).returning({ id: signers.id }).get().id;
    },
    updateSigner(id: number, values: Partial<typeof signers.$inferInsert>): void {
      db.update(signers).set(values).where(eq(signers.id, id)).run();
    },
    /** What still names the signer (letters keep their copy of the name and lose only the link). */
    signerUses(id: number): { calendars: number; speeches: number; patronages: number } {
      const n = (rows: { n: number } | undefined) => rows?.n ?? 0;
      return {
        calendars: n(db.select({ n: count() }).from(calendars).where(eq(calendars.signerId, id)).get()),
        speeches: n(db.select({ n: count() }).from(speeches).where(eq(speeches.speakerId, id)).get()),
        patronages: n(db.select({ n: count() }).from(patronages).where(eq(patronages.patronId, id)).get()),
      };
    },
    deleteSigner(id: number): void {
      db.delete(signers).where(eq(signers.id, id)).run();
    },
    textBlocks() {
      return db.select().from(textBlocks).orderBy(asc(textBlocks.category), asc(textBlocks.title)).all();
    },
    textBlock(id: number) {
      return db.select().from(textBlocks).where(eq(textBlocks.id, id)).get();
    },
    insertTextBlock(values: typeof textBlocks.$inferInsert): number {
      return db.insert(textBlocks).values(values).returning({ id: textBlocks.id }).get().id;
    },
    updateTextBlock(id: number, values: Partial<typeof textBlocks.$inferInsert>): void {
      db.update(textBlocks).set(values).where(eq(textBlocks.id, id)).run();
    },
    deleteTextBlock(id: number): void {
      db.delete(textBlocks).where(eq(textBlocks.id, id)).run();
    },
  };
}
