/**
 * `emptyLog()` after an erasure: on SQLite the committed changes go into the database file and
 * the write-ahead log is emptied (an erased row must not stay readable in it); PostgreSQL's log
 * belongs to the server, nothing to do. Never inside a transaction (it would wait for itself).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestEngine, type TestEngine } from '../../tests/support/test-engine';

describe.each(ENGINES)('emptyLog on %s', (kind) => {
  let handle: TestEngine;
  beforeAll(async () => {
    handle = await openTestEngine(kind, 'empty_log');
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  it('empties the write-ahead log after a commit', async () => {
    const { db, t } = handle.engine;
    await db.insert(t.settings).values({ key: 'geheim', value: 'Wolkenstein', updatedAt: 'x' });
    const wal = `${handle.location}-wal`;
    if (kind === 'sqlite') expect(fs.statSync(wal).size).toBeGreaterThan(0);
    expect(await handle.engine.emptyLog()).toBe(true);
    if (kind === 'sqlite') expect(fs.statSync(wal).size).toBe(0);
  });

  // PostgreSQL has nothing to wait for.
  it.runIf(kind === 'sqlite')('refuses inside a transaction instead of waiting for itself', async () => {
    await expect(handle.engine.transaction(() => handle.engine.emptyLog())).rejects.toThrow('only outside a transaction');
  });
});
