import crypto from 'node:crypto';
import type http from 'node:http';
import type { ChangeEvent } from '../core/api';

/**
 * Browser mode's change stream: what the app saves (core/app/change-feed.ts) goes to every open
 * page as server-sent events, and the page reads those areas again. A page's `EventSource`
 * cannot send the token header the API calls carry, so the page first asks for a ticket with the
 * token (POST /events/ticket) and opens the stream with it (GET /events?ticket=…). A ticket is
 * taken once and only while it is fresh: it never works as a second token in a log or a history.
 */

/** Where the changes come from (the app's change feed). */
export interface ChangeSource {
  subscribe(listener: (event: ChangeEvent) => void): () => void;
}

export interface ChangeStreamOptions {
  /** How long a ticket may wait before it is taken (default 30 s). */
  ticketLifetimeMs?: number;
  /** How often an idle stream says it is alive (default 25 s), so a page notices a dead connection. */
  heartbeatMs?: number;
  /** Milliseconds, for the tickets' lifetime (tests move it on). */
  clock?: () => number;
}

export interface ChangeStream {
  /** A new ticket for one stream. */
  issueTicket(): { ticket: string; expiresInMs: number };
  /** Takes the ticket; false when it is unknown, taken or too old (nothing is sent then). */
  open(ticket: string | null, res: http.ServerResponse): boolean;
  /** Ends every open stream (the server stops). */
  closeAll(): void;
}

export function createChangeStream(source: ChangeSource, options: ChangeStreamOptions = {}): ChangeStream {
  const lifetime = options.ticketLifetimeMs ?? 30_000;
  const heartbeat = options.heartbeatMs ?? 25_000;
  const clock = options.clock ?? Date.now;
  /** Ticket → the time after which it is refused. */
  const tickets = new Map<string, number>();
  const open = new Set<() => void>();

  const forgetOld = () => {
    const now = clock();
    for (const [ticket, expires] of tickets) if (expires < now) tickets.delete(ticket);
  };

  return {
    issueTicket() {
      forgetOld();
      const ticket = crypto.randomBytes(24).toString('base64url');
      tickets.set(ticket, clock() + lifetime);
      return { ticket, expiresInMs: lifetime };
    },

    open(ticket, res) {
      forgetOld();
      if (!ticket || !tickets.has(ticket)) return false;
      tickets.delete(ticket);
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      // The first bytes: the page's EventSource reports the stream open now, not with the first change.
      res.write(': verbunden\n\n');
      const unsubscribe = source.subscribe((event) => {
        res.write(`data: ${JSON.stringify(event)}\n\n`);
      });
      const alive = setInterval(() => res.write(': \n\n'), heartbeat);
      alive.unref();
      const end = () => {
        if (!open.delete(end)) return;
        clearInterval(alive);
        unsubscribe();
        res.end();
      };
      open.add(end);
      // The page went away (tab closed, reloaded, connection lost).
      res.on('close', end);
      res.on('error', end);
      return true;
    },

    closeAll() {
      for (const end of [...open]) end();
      tickets.clear();
    },
  };
}
