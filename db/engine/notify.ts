import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Engine } from './types';

/**
 * Office mode's messages between the PCs: PostgreSQL's NOTIFY on one channel, and on each PC one
 * connection that LISTENs to it (and comes back by itself after a network drop).
 */

/** The one channel of the office database that Rathausbüro's messages go through. */
export const CHANGE_CHANNEL = 'rathausbuero_changes';

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7999;

/**
 * Sends `payload` to every listener of `channel` on the engine's database. Inside
 * `engine.transaction(…)` it goes out when the transaction commits, and not at all when it rolls
 * back; outside, at once.
 */
export async function notify(engine: Engine, payload: string, channel = CHANGE_CHANNEL): Promise<void> {
  if (engine.kind !== 'postgres') throw new Error('NOTIFY gibt es nur in PostgreSQL (Büromodus).');
  if (new TextEncoder().encode(payload).length > MAX_PAYLOAD_BYTES) {
    throw new Error(`Die Nachricht an die anderen Arbeitsplätze ist zu lang (höchstens ${MAX_PAYLOAD_BYTES} Bytes).`);
  }
  await engine.db.execute(sql`select pg_notify(${channel}, ${payload})`);
}

export interface ListenOptions {
  channel?: string;
  /** A message arrived (in the order the sending transactions committed). */
  onMessage(payload: string): void;
  /** The connection was lost and is back: messages sent in between were missed. */
  onReconnected(): void;
  /** The connection was lost (why); the listener keeps trying to come back. */
  onDisconnected?(error: Error): void;
  /** The first wait before connecting again (default 500 ms), doubled after each failure up to `maxRetryDelayMs` (default 10 s). */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /**
   * How often the idle connection is checked (default 15 s): a cable pulled or a PC woken from
   * sleep shows no error by itself; a check not answered within this time counts as a drop.
   */
  checkEveryMs?: number;
}

export interface Listener {
  /** Resolves when the listener first listens (messages sent before are not received). */
  readonly ready: Promise<void>;
  /** Stops listening and closes the connection; no callback runs afterwards. */
  close(): Promise<void>;
}

/** The name the listening connection shows in `pg_stat_activity` (PostgreSQL keeps only ASCII here). */
export const LISTENER_APPLICATION_NAME = 'Rathausbuero changes';

/**
 * Listens to `channel` on a connection of its own (not one of the engine's pool: a LISTEN holds
 * its connection for as long as the app runs). When the connection drops — the server restarts,
 * the network fails, an administrator ends it — it connects again, waiting a little longer after
 * each failure, and then calls `onReconnected`.
 */
export function listen(url: string, options: ListenOptions): Listener {
  const channel = options.channel ?? CHANGE_CHANNEL;
  const firstDelay = options.retryDelayMs ?? 500;
  const maxDelay = options.maxRetryDelayMs ?? 10_000;
  const checkEvery = options.checkEveryMs ?? 15_000;
  let current: pg.Client | null = null;
  let closed = false;
  let listenedOnce = false;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const connect = async (): Promise<void> => {
    retry = undefined;
    // node-postgres loads in office mode only (the SQLite door never reaches here).
    const { default: driver } = await import('pg');
    const client = new driver.Client({
      connectionString: url,
      application_name: LISTENER_APPLICATION_NAME,
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    let check: ReturnType<typeof setInterval> | undefined;
    let lost = false;
    const drop = (error: Error) => {
      if (lost) return;
      lost = true;
      clearInterval(check);
      if (current === client) current = null;
      client.removeAllListeners('notification');
      // A dead network may never answer the goodbye: do not wait for it.
      void client.end().catch(() => {});
      if (closed) return;
      options.onDisconnected?.(error);
      const delay = Math.min(maxDelay, firstDelay * 2 ** failures);
      failures += 1;
      retry = setTimeout(() => void connect(), delay);
      retry.unref?.();
    };
    client.on('error', drop);
    client.on('end', () => drop(new Error('Die Verbindung zur Datenbank wurde beendet.')));
    client.on('notification', (message) => {
      if (closed || message.channel !== channel || message.payload === undefined) return;
      options.onMessage(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    } catch (error) {
      drop(error as Error);
      return;
    }
    if (lost) return;
    if (closed) {
      lost = true;
      await client.end().catch(() => {});
      return;
    }
    current = client;
    failures = 0;
    check = setInterval(() => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const silence = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('Die Datenbank antwortet nicht mehr.')), checkEvery);
      });
      Promise.race([client.query('select 1'), silence]).then(
        () => clearTimeout(timer),
        (error: Error) => {
          clearTimeout(timer);
          drop(error);
          // Unblock a connection whose network is gone (end() would wait for the server).
          (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
        },
      );
    }, checkEvery);
    check.unref?.();
    if (listenedOnce) options.onReconnected();
    listenedOnce = true;
    markReady();
  };

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(retry);
      const client = current;
      current = null;
      if (client) await client.end().catch(() => {});
    },
  };
}
