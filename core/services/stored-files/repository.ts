import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';

/** How much one statement of `putMany` carries at most (bytes of content, rows). */
const PUT_CHUNK_BYTES = 4 * 1024 * 1024;
const PUT_CHUNK_ROWS = 500;

/** The office database's stored files (`stored_files`), by key; see ../file-store.ts. */
export function storedFilesRepository({ db, t }: Engine) {
  return {
    async get(key: string): Promise<Uint8Array | null> {
      const [row] = await db.select({ content: t.storedFiles.content }).from(t.storedFiles).where(eq(t.storedFiles.key, key)).limit(1);
      return row ? new Uint8Array(row.content) : null;
    },
    async put(key: string, bytes: Uint8Array, storedAt: string): Promise<void> {
      const row = { content: Buffer.from(bytes), size: bytes.byteLength, storedAt };
      await db
        .insert(t.storedFiles)
        .values({ key, ...row })
        .onConflictDoUpdate({ target: t.storedFiles.key, set: row });
    },
    /** Stores (or replaces) many files, a few multi-row statements of at most PUT_CHUNK_BYTES each. */
    async putMany(files: ReadonlyArray<{ key: string; bytes: Uint8Array }>, storedAt: string): Promise<void> {
      let chunk: Array<typeof t.storedFiles.$inferInsert> = [];
      let size = 0;
      const write = async () => {
        if (chunk.length === 0) return;
        // The last of one key wins, as with put one after the other (a statement may not touch a row twice).
        const rows = [...new Map(chunk.map((row) => [row.key, row])).values()];
        await db
          .insert(t.storedFiles)
          .values(rows)
          .onConflictDoUpdate({
            target: t.storedFiles.key,
            set: { content: sql.raw('excluded.content'), size: sql.raw('excluded.size'), storedAt: sql.raw('excluded.stored_at') },
          });
        chunk = [];
        size = 0;
      };
      for (const { key, bytes } of files) {
        chunk.push({ key, content: Buffer.from(bytes), size: bytes.byteLength, storedAt });
        size += bytes.byteLength;
        if (size >= PUT_CHUNK_BYTES || chunk.length >= PUT_CHUNK_ROWS) await write();
      }
      await write();
    },
    /**
     * Stores `bytes` only while the stored content is still `expected` (null: none stored), in one
     * statement — of two PCs replacing the same content exactly one wins. False: it had changed.
     */
    async replaceIf(key: string, bytes: Uint8Array, expected: Uint8Array | null, storedAt: string): Promise<boolean> {
      const row = { content: Buffer.from(bytes), size: bytes.byteLength, storedAt };
      const written =
        expected === null
          ? await db.insert(t.storedFiles).values({ key, ...row }).onConflictDoNothing().returning({ key: t.storedFiles.key })
          : await db
              .update(t.storedFiles)
              .set(row)
              .where(and(eq(t.storedFiles.key, key), eq(t.storedFiles.content, Buffer.from(expected))))
              .returning({ key: t.storedFiles.key });
      return written.length > 0;
    },
    async remove(keys: readonly string[]): Promise<void> {
      if (keys.length > 0) await db.delete(t.storedFiles).where(inArray(t.storedFiles.key, [...keys]));
    },
    /** Which of the keys are stored. */
    async existing(keys: readonly string[]): Promise<string[]> {
      if (keys.length === 0) return [];
      return (await db.select({ key: t.storedFiles.key }).from(t.storedFiles).where(inArray(t.storedFiles.key, [...keys]))).map((r) => r.key);
    },
    /** The keys starting with `prefix`, sorted (in JavaScript: PostgreSQL's collation would order them differently). */
    async below(prefix: string): Promise<string[]> {
      // Not `like`: SQLite's ignores case, and "_" in a name would match any character.
      const rows = await db
        .select({ key: t.storedFiles.key })
        .from(t.storedFiles)
        .where(sql`substr(${t.storedFiles.key}, 1, ${prefix.length}) = ${prefix}`);
      return rows.map((r) => r.key).sort();
    },
  };
}
