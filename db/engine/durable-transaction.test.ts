/**
 * `transaction(work, { durable: true })`: the commit is on disk when it resolves (SQLite:
 * synchronous=FULL for that commit, then back to the connection's setting; PostgreSQL:
 * synchronous_commit on for that transaction, whatever the server's default). A mail merge's
 * letters move into place only after such a commit.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestEngine, type TestEngine } from '../../tests/support/test-engine';

describe.each(ENGINES)('durable transaction on %s', (kind) => {
  let handle: TestEngine;
  beforeAll(async () => {
    handle = await openTestEngine(kind, 'durable_transaction');
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  /** The setting that decides whether a commit waits for the disk, as the engine reports it. */
  const durability = async (): Promise<string> => {
    const { rows } = await handle.engine.db.execute(kind === 'sqlite' ? sql`pragma synchronous` : sql`show synchronous_commit`);
    return String(Object.values(rows[0]!)[0]);
  };
  // SQLite: 2 = FULL (the app opens with NORMAL = 1); PostgreSQL: the test cluster runs with it off.
  const DURABLE = kind === 'sqlite' ? '2' : 'on';

  it('commits durably and leaves the connection as it was, also when the work fails', async () => {
    const before = await durability();
    expect(before).not.toBe(DURABLE);
    const { db, t } = handle.engine;
    const during = await handle.engine.transaction(
      async () => {
        await db.insert(t.settings).values({ key: 'durable', value: 1, updatedAt: 'x' });
        return durability();
      },
      { durable: true },
    );
    expect(during).toBe(DURABLE);
    expect(await durability()).toBe(before);
    await expect(
      handle.engine.transaction(
        async () => {
          await db.insert(t.settings).values({ key: 'lost', value: 1, updatedAt: 'x' });
          throw new Error('Abbruch');
        },
        { durable: true },
      ),
    ).rejects.toThrow('Abbruch');
    expect(await durability()).toBe(before);
    expect((await db.select({ key: t.settings.key }).from(t.settings)).map((row) => row.key)).toEqual(['durable']);
    // An ordinary transaction keeps the connection's setting.
    expect(await handle.engine.transaction(() => durability())).toBe(before);
  });
});
