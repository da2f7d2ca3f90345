import { and, asc, count, eq } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';

/** SQL of the settings area: key/value settings, signers, text blocks (in the caller's transaction when there is one). */
export function settingsRepository({ db, t }: Engine) {
  type SignerValues = typeof t.signers.$inferInsert;
  type TextBlockValues = typeof t.textBlocks.$inferInsert;
  return {
    async getSetting(key: string): Promise<unknown> {
      const [row] = await db.select({ value: t.settings.value }).from(t.settings).where(eq(t.settings.key, key)).limit(1);
      return row?.value;
    },
    async putSetting(key: string, value: unknown, at: string): Promise<void> {
      await db
        .insert(t.settings)
        .values({ key, value, updatedAt: at })
        .onConflictDoUpdate({ target: t.settings.key, set: { value, updatedAt: at } });
    },
    signers() {
      return db.select().from(t.signers).orderBy(asc(t.signers.sortOrder), asc(t.signers.name), asc(t.signers.id));
    },
    /** The Oberbürgermeister/in: the first active signer who is nobody's deputy. */
    async headSigner() {
      const [row] = await db
        .select()
        .from(t.signers)
        .where(and(eq(t.signers.deputy, false), eq(t.signers.active, true)))
        .orderBy(asc(t.signers.sortOrder), asc(t.signers.id))
        .limit(1);
      return row;
    },
    async signer(id: number) {
      const [row] = await db.select().from(t.signers).where(eq(t.signers.id, id)).limit(1);
      return row;
    },
    async insertSigner(values: SignerValues): Promise<number> {
      const [row] = await db.insert(t.signers).values(values).returning({ id: t.signers.id });
      return row!.id;
    },
    async updateSigner(id: number, values: Partial<SignerValues>): Promise<void> {
      await db.update(t.signers).set(values).where(eq(t.signers.id, id));
    },
    /** What still names the signer (letters keep their copy of the name and lose only the link). */
    async signerUses(id: number): Promise<{ calendars: number; speeches: number; patronages: number }> {
      const n = async (query: Promise<Array<{ n: number }>>) => (await query)[0]?.n ?? 0;
      return {
        calendars: await n(db.select({ n: count() }).from(t.calendars).where(eq(t.calendars.signerId, id))),
        speeches: await n(db.select({ n: count() }).from(t.speeches).where(eq(t.speeches.speakerId, id))),
        patronages: await n(db.select({ n: count() }).from(t.patronages).where(eq(t.patronages.patronId, id))),
      };
    },
    async deleteSigner(id: number): Promise<void> {
      await db.delete(t.signers).where(eq(t.signers.id, id));
    },
    textBlocks() {
      return db.select().from(t.textBlocks).orderBy(asc(t.textBlocks.category), asc(t.textBlocks.title), asc(t.textBlocks.id));
    },
    async textBlock(id: number) {
      const [row] = await db.select().from(t.textBlocks).where(eq(t.textBlocks.id, id)).limit(1);
      return row;
    },
    async insertTextBlock(values: TextBlockValues): Promise<number> {
      const [row] = await db.insert(t.textBlocks).values(values).returning({ id: t.textBlocks.id });
      return row!.id;
    },
    async updateTextBlock(id: number, values: Partial<TextBlockValues>): Promise<void> {
      await db.update(t.textBlocks).set(values).where(eq(t.textBlocks.id, id));
    },
    async deleteTextBlock(id: number): Promise<void> {
      await db.delete(t.textBlocks).where(eq(t.textBlocks.id, id));
    },
  };
}

