import crypto from 'node:crypto';
import { AREAS, CHANGED_BY_JOB, changedAreas, type Area, type ChangeEvent } from '../api/change-areas';
import { contract, METHOD_NAMES, type Handlers, type MethodName } from '../api/contract';
import { listen, notify, type ListenOptions } from '../../db/engine/notify';
import type { Engine } from '../../db/engine/types';

/**
 * The change feed of one app process: after a change is saved, every window learns which areas
 * it touched (core/api/change-areas.ts) and reads them again. The windows of this process get it
 * at once; the other PCs of the office, in office mode, through the transport (PostgreSQL's
 * NOTIFY). A single PC (SQLite) has no transport: a second process on the same file — a
 * `rathausbuero call` while the app runs — is not heard.
 */
export interface ChangeFeed {
  /** This process's mark on what it publishes (its own messages coming back are recognised by it). */
  readonly origin: string;
  /** A change by `method` is saved (committed); `result`, its answer, may narrow the areas (changedAreas). */
  publish(method: MethodName, result?: unknown): void;
  /** Data of `areas` changed without a method's call (a long job's progress); `cause` names it in the event. */
  announce(areas: readonly Area[], cause: string): void;
  /** Calls `listener` with every change and resync from now on; returns the unsubscribe. */
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  close(): Promise<void>;
}

type LocalChange = Extract<ChangeEvent, { type: 'change' }>;

/** How changes travel between the app processes of the office. */
export interface ChangeTransport {
  /** Sends this process's change to the others. */
  send(event: LocalChange): Promise<void>;
  /** Starts receiving: the others' changes (and this process's own, which the feed drops), and `missed` after a gap. */
  start(handlers: { received(event: LocalChange): void; missed(): void }): void;
  close(): Promise<void>;
}

export interface ChangeFeedOptions {
  transport?: ChangeTransport;
  /** The app's clock (the time the events carry). */
  now?: () => Date;
  log?: (line: string) => void;
}

export function createChangeFeed(options: ChangeFeedOptions = {}): ChangeFeed {
  const origin = crypto.randomUUID();
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.warn(line));
  const listeners = new Set<(event: ChangeEvent) => void>();
  let closed = false;

  const emit = (event: ChangeEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        log(`Eine Änderungsmeldung konnte nicht zugestellt werden: ${(error as Error).message}`);
      }
    }
  };

  options.transport?.start({
    received(event) {
      // This process's own change came back from the database: its windows have it already.
      if (closed || event.origin === origin) return;
      emit(event);
    },
    missed() {
      if (!closed) emit({ type: 'resync', at: now().toISOString() });
    },
  });

  const announce = (areas: readonly Area[], cause: string) => {
    if (closed) return;
    const event: LocalChange = { type: 'change', areas: [...areas], method: cause, at: now().toISOString(), origin };
    emit(event);
    options.transport?.send(event).catch((error: Error) => {
      log(`Die anderen Arbeitsplätze konnten nicht über die Änderung (${cause}) benachrichtigt werden: ${error.message}`);
    });
  };

  return {
    origin,
    publish: (method, result) => announce(changedAreas(method, result), method),
    announce,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async close() {
      closed = true;
      listeners.clear();
      await options.transport?.close();
    },
  };
}

/**
 * The handlers, each method that changes data publishing its change once it succeeded (not when
 * it fails). Methods whose change a background job makes (CHANGED_BY_JOB) are left to the job.
 * A synchronous handler stays synchronous.
 */
export function publishChanges(handlers: Handlers, feed: Pick<ChangeFeed, 'publish'>): Handlers {
  const published = { ...handlers } as Record<MethodName, (input: unknown) => unknown>;
  for (const name of METHOD_NAMES) {
    if (!contract[name].mutates || CHANGED_BY_JOB.has(name)) continue;
    const handler = published[name];
    published[name] = (input) => {
      const result = handler(input);
      if (result instanceof Promise) {
        return result.then((value: unknown) => {
          feed.publish(name, value);
          return value;
        });
      }
      feed.publish(name, result);
      return result;
    };
  }
  return published as Handlers;
}

/**
 * Office mode: changes travel through PostgreSQL. NOTIFY goes through the engine (inside a
 * transaction, with its commit); a connection of its own LISTENs and comes back after a drop,
 * and the windows then read everything again.
 */
export function postgresChangeTransport(
  engine: Engine,
  url: string,
  tuning: Pick<ListenOptions, 'retryDelayMs' | 'maxRetryDelayMs' | 'checkEveryMs'> = {},
  log: (line: string) => void = (line) => console.warn(line),
): ChangeTransport & { ready(): Promise<void> } {
  let listener: ReturnType<typeof listen> | undefined;
  return {
    send: (event) => notify(engine, JSON.stringify(event)),
    start({ received, missed }) {
      listener = listen(url, {
        ...tuning,
        onMessage(payload) {
          const event = parseChange(payload);
          if (event) received(event);
          else log(`Unverständliche Änderungsmeldung aus der Datenbank übergangen: ${payload.slice(0, 200)}`);
        },
        onReconnected: missed,
        onDisconnected: (error) => log(`Verbindung für Änderungsmeldungen verloren (${error.message}); sie wird wiederhergestellt.`),
      });
    },
    ready: () => listener?.ready ?? Promise.resolve(),
    close: async () => listener?.close(),
  };
}

/**
 * A change from another PC, read defensively (it may come from a newer or older version): areas
 * this version does not know are left out — no window of it shows them.
 */
export function parseChange(payload: string): LocalChange | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  const event = value as Partial<Record<keyof LocalChange, unknown>> | null;
  if (
    !event ||
    event.type !== 'change' ||
    !Array.isArray(event.areas) ||
    typeof event.method !== 'string' ||
    typeof event.at !== 'string' ||
    typeof event.origin !== 'string'
  ) {
    return null;
  }
  const known = new Set<string>(AREAS);
  const areas = event.areas.filter((area): area is Area => typeof area === 'string' && known.has(area));
  return { type: 'change', areas, method: event.method, at: event.at, origin: event.origin };
}
