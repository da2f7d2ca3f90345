/**
 * Office mode when the office's PostgreSQL goes away during work (the server is stopped, the
 * network drops): the call answers with a German message, nothing of it is half-written, and the
 * next call after the server is back works without restarting the app. A cluster of its own
 * (tests/support/pg-cluster.ts), since it is stopped and started again.
 */
import { asc, count, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../core/api/dispatcher';
import type { Handlers } from '../../core/api/contract';
import { textBlockIndex } from '../../core/services/search/full-text';
import { adminUrl, startCluster, startServer, stopCluster, stopServer, type ClusterInfo } from '../../tests/support/pg-cluster';
import { PG_MIGRATIONS_FOLDER } from '../../tests/support/test-engine';
import { listen, notify, type Listener } from './notify';
import { migratePostgres, openPostgresEngine } from './postgres';
import type { OpenEngine } from './types';

const LOST = 'Die Verbindung zur Datenbank des Amts ist unterbrochen. Ihre Eingaben sind nicht gespeichert; bitte versuchen Sie es gleich noch einmal.';

describe('the office database goes away during work and comes back', () => {
  let cluster: ClusterInfo;
  let url: string;
  let engine: OpenEngine;
  let listener: Listener;
  const received: string[] = [];
  const events: string[] = [];

  beforeAll(async () => {
    cluster = await startCluster();
    const admin = new pg.Client({ connectionString: adminUrl(cluster) });
    await admin.connect();
    await admin.query(`CREATE DATABASE office TEMPLATE template0 ENCODING 'UTF8'`);
    await admin.end();
    url = adminUrl(cluster).replace(/\/postgres$/, '/office');
    await migratePostgres(url, { migrationsFolder: PG_MIGRATIONS_FOLDER });
    engine = await openPostgresEngine(url, { migrationsFolder: PG_MIGRATIONS_FOLDER });
    listener = listen(url, {
      onMessage: (payload) => received.push(payload),
      onReconnected: () => events.push('reconnected'),
      onDisconnected: () => events.push('disconnected'),
      retryDelayMs: 50,
      maxRetryDelayMs: 200,
    });
    await listener.ready;
  }, 120_000);
  afterAll(async () => {
    await listener?.close();
    await engine?.close();
    if (cluster) await stopCluster(cluster);
  });

  /** A save of several statements: a text block, its full-text entry, then (after `between`) a second block. */
  const save = (title: string, between: () => void = () => {}) =>
    engine.transaction(async () => {
      const { db, t } = engine;
      const [first] = await db.insert(t.textBlocks).values({ title, category: 'Test', text: 'Erster Teil.', updatedAt: 'x' }).returning();
      await textBlockIndex(engine).put(first!);
      between();
      await db.insert(t.textBlocks).values({ title: `${title} (2)`, category: 'Test', text: 'Zweiter Teil.', updatedAt: 'x' });
      return first!.id;
    });
  const titles = async () => (await engine.db.select({ title: engine.t.textBlocks.title }).from(engine.t.textBlocks).orderBy(asc(engine.t.textBlocks.id))).map((r) => r.title);
  /** The save as the API answers it (any door: IPC, HTTP bridge, CLI). */
  const handlers = (work: () => Promise<unknown>) => ({ 'app.backup': async () => (await work(), { file: null, bytes: 0 }) }) as unknown as Handlers;

  it('a save cut off in the middle answers in German, keeps nothing of it, and the next save works', async () => {
    const answer = await dispatch(
      handlers(() => save('Halb gespeichert', () => stopServer(cluster))),
      'app.backup',
      {},
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'DB_UNREACHABLE', message: LOST } });

    // While the server is away, every call says the same (nothing waits forever).
    const away = await dispatch(handlers(() => titles()), 'app.backup', {});
    expect(away).toMatchObject({ ok: false, error: { code: 'DB_UNREACHABLE' } });
    expect((away as { error: { message: string } }).error.message).toMatch(/^Die Verbindung zur Datenbank des Amts ist unterbrochen/);
    await expect(save('Ohne Server')).rejects.toMatchObject({ code: 'DB_UNREACHABLE', message: LOST });

    startServer(cluster);
    // The same engine (no restart of the app): nothing of the cut-off save, and a new save works.
    expect(await titles()).toEqual([]);
    expect((await engine.db.select({ n: count() }).from(engine.t.textBlocks))[0]!.n).toBe(0);
    expect(await textBlockIndex(engine).count()).toBe(0);
    const answerAfter = await dispatch(handlers(() => save('Wieder da')), 'app.backup', {});
    expect(answerAfter).toMatchObject({ ok: true });
    expect(await titles()).toEqual(['Wieder da', 'Wieder da (2)']);
    expect(await textBlockIndex(engine).search('wieder', 10)).toHaveLength(1);
  });

  it('a connection reset in the middle of a save (the server stays up) answers the same and keeps nothing', async () => {
    const before = await titles();
    // The server ends this connection (as after a network reset or an administrator's kill).
    const cut = () => engine.db.execute(sql`select pg_terminate_backend(pg_backend_pid())`);
    await expect(
      engine.transaction(async () => {
        await engine.db.insert(engine.t.textBlocks).values({ title: 'Abgerissen', category: 'Test', text: '', updatedAt: 'x' });
        await cut();
        await engine.db.insert(engine.t.textBlocks).values({ title: 'Abgerissen (2)', category: 'Test', text: '', updatedAt: 'x' });
      }),
    ).rejects.toMatchObject({ code: 'DB_UNREACHABLE', message: LOST });
    expect(await titles()).toEqual(before);
    await save('Gleich danach');
    expect(await titles()).toEqual([...before, 'Gleich danach', 'Gleich danach (2)']);
  });

  it('the listener for changes of other PCs comes back when the server is back', async () => {
    await notify(engine, 'vorher');
    await expect.poll(() => received).toEqual(['vorher']);
    events.length = 0;
    stopServer(cluster, 'fast');
    await expect.poll(() => events).toContain('disconnected');
    startServer(cluster);
    await expect.poll(() => events, { timeout: 15_000 }).toContain('reconnected');
    await notify(engine, 'nachher');
    await expect.poll(() => received).toEqual(['vorher', 'nachher']);
  });
});
