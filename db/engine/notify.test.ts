/**
 * Office mode's messages between PCs: a NOTIFY from one PC's engine reaches another PC's
 * listener on the same database; a dropped LISTEN connection comes back and says so.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, PG_MIGRATIONS_FOLDER, type TestEngine } from '../../tests/support/test-engine';
import { LISTENER_APPLICATION_NAME, listen, notify, type Listener } from './notify';
import { openPostgresEngine } from './postgres';
import type { OpenEngine } from './types';

async function terminateListeners(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ ended: boolean }>(
      `select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = $1 and datname = current_database()`,
      [LISTENER_APPLICATION_NAME],
    );
    return rows.filter((row) => row.ended).length;
  } finally {
    await client.end();
  }
}

describe('NOTIFY/LISTEN between two PCs on one PostgreSQL database', () => {
  let database: TestEngine;
  /** The second PC: its own engine (pool) on the same database. */
  let other: OpenEngine;
  let listener: Listener;
  const received: string[] = [];
  const events: string[] = [];

  beforeAll(async () => {
    database = await openTestEngine('postgres', 'notify');
    other = await openPostgresEngine(database.location, { migrationsFolder: PG_MIGRATIONS_FOLDER });
    listener = listen(database.location, {
      onMessage: (payload) => received.push(payload),
      onReconnected: () => events.push('reconnected'),
      onDisconnected: () => events.push('disconnected'),
      retryDelayMs: 50,
    });
    await listener.ready;
  }, 120_000);
  afterAll(async () => {
    await listener?.close();
    await other?.close();
    await database?.cleanup();
  });

  it('a message sent by one PC arrives at the other PC’s listener', async () => {
    await notify(other, '{"hallo":"Büro"}');
    await expect.poll(() => received).toContain('{"hallo":"Büro"}');
  });

  it('inside a transaction the message goes out with the commit; after a rollback never', async () => {
    received.length = 0;
    await expect(
      other.transaction(async () => {
        await notify(other, 'verworfen');
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await other.transaction(async () => {
      await notify(other, 'gespeichert');
    });
    await notify(database.engine, 'danach');
    // Delivered in commit order: once the last one is here, the rolled-back one would be, too.
    await expect.poll(() => received).toContain('danach');
    expect(received).toEqual(['gespeichert', 'danach']);
  });

  it('a dropped LISTEN connection connects again, says that messages may be missed, and receives again', async () => {
    received.length = 0;
    events.length = 0;
    expect(await terminateListeners(database.location)).toBe(1);
    await expect.poll(() => events).toEqual(['disconnected', 'reconnected']);
    await notify(other, 'wieder da');
    await expect.poll(() => received).toEqual(['wieder da']);
  });

  it('refuses a message PostgreSQL would not take', async () => {
    await expect(notify(other, 'x'.repeat(8000))).rejects.toThrow('zu lang');
  });

  it('after close, nothing more arrives and nothing reconnects', async () => {
    const late: string[] = [];
    const second = listen(database.location, { onMessage: (payload) => late.push(payload), onReconnected: () => late.push('reconnected') });
    await second.ready;
    await second.close();
    await notify(other, 'zu spät');
    // The first listener hears it; the closed one must not have by then.
    await expect.poll(() => received).toContain('zu spät');
    expect(late).toEqual([]);
  });
});

describe('NOTIFY on SQLite', () => {
  it('does not exist: a single PC needs no messages between PCs', async () => {
    const sqlite = await openTestEngine('sqlite');
    try {
      await expect(notify(sqlite.engine, 'x')).rejects.toThrow('nur in PostgreSQL');
    } finally {
      await sqlite.cleanup();
    }
  });
});
