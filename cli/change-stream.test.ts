/**
 * Browser mode's change stream: a page that holds the start's token gets a short-lived ticket and
 * with it a server-sent-events stream of what changes (core/app/change-feed.ts).
 */
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../core/api';
import { createTempApp } from '../tests/support/temp-app';
import { startBridge } from './http-bridge';

const TOKEN = 'stream-token-456';

/** Reads server-sent events from a response body, one `data:` frame at a time. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    /** The next event's data (comments and heartbeats skipped); null when the stream ended. */
    async next(): Promise<unknown> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trimStart());
          if (data.length > 0) return JSON.parse(data.join('\n'));
          continue;
        }
        const { value, done } = await reader.read();
        if (done) return null;
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe('the change stream of the HTTP bridge', () => {
  let app: ReturnType<typeof createTempApp>;
  let bridge: Awaited<ReturnType<typeof startBridge>>;
  let clock = 0;
  const base = () => `http://127.0.0.1:${bridge.port}`;
  const ticket = async (headers: Record<string, string> = { 'x-rathaus-token': TOKEN }) => {
    const response = await fetch(`${base()}/events/ticket`, { method: 'POST', headers });
    return { status: response.status, body: (await response.json()) as { data?: { ticket: string }; error?: { message: string } } };
  };
  const open = async () => {
    const { body } = await ticket();
    return fetch(`${base()}/events?ticket=${body.data!.ticket}`);
  };
  const post = (method: string, input: unknown) =>
    fetch(`${base()}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rathaus-token': TOKEN },
      body: JSON.stringify(input),
    });

  beforeAll(async () => {
    app = createTempApp();
    bridge = await startBridge({
      handlers: app.handlers,
      changes: app.changes,
      token: TOKEN,
      staticDir: path.join(app.dataDir, 'no-ui'),
      clock: () => clock,
    });
  });
  afterAll(async () => {
    await bridge.close();
    app.cleanup();
  });

  it('streams each saved change to the page with the areas to read again', async () => {
    const response = await open();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const events = eventReader(response.body!);
    // A query changes nothing: the first event is the contact's.
    expect((await post('contacts.list', {})).status).toBe(200);
    expect((await post('contacts.create', { kind: 'person', gender: 'female', givenName: 'Erika', surname: 'Beispiel' })).status).toBe(200);
    const event = (await events.next()) as ChangeEvent;
    expect(event).toMatchObject({ type: 'change', method: 'contacts.create', origin: app.changes.origin });
    expect(event.type === 'change' && event.areas).toEqual(expect.arrayContaining(['contacts', 'calendar']));
    await events.cancel();
  });

  it('refuses a ticket without the token, and a stream without a valid ticket', async () => {
    for (const headers of [{}, { 'x-rathaus-token': 'falsch' }] as Record<string, string>[]) {
      const refused = await ticket(headers);
      expect(refused.status).toBe(401);
      expect(refused.body.error?.message).toMatch(/^Zugriff verweigert/);
    }
    for (const query of ['', '?ticket=', '?ticket=erfunden']) {
      const response = await fetch(`${base()}/events${query}`);
      expect(response.status, query).toBe(401);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^Zugriff verweigert/);
    }
    expect((await fetch(`${base()}/events/ticket`, { headers: { 'x-rathaus-token': TOKEN } })).status).toBe(405);
  });

  it('takes a ticket once, and only while it is fresh', async () => {
    const first = (await ticket()).body.data!.ticket;
    const used = await fetch(`${base()}/events?ticket=${first}`);
    expect(used.status).toBe(200);
    await used.body!.cancel();
    expect((await fetch(`${base()}/events?ticket=${first}`)).status).toBe(401);
    const late = (await ticket()).body.data!.ticket;
    clock += 60_000;
    expect((await fetch(`${base()}/events?ticket=${late}`)).status).toBe(401);
  });

  it('refuses a stream asked for from a foreign page', async () => {
    const { body } = await ticket();
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: bridge.port, path: `/events?ticket=${body.data!.ticket}`, headers: { origin: 'http://evil.example' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(status).toBe(403);
  });
});

describe('closing the bridge', () => {
  it('ends open streams, lets go of the feed, and closes', async () => {
    const listeners = new Set<(event: ChangeEvent) => void>();
    const source = { subscribe: (listener: (event: ChangeEvent) => void) => (listeners.add(listener), () => void listeners.delete(listener)) };
    const app = createTempApp();
    const bridge = await startBridge({ handlers: app.handlers, changes: source, token: TOKEN, staticDir: path.join(app.dataDir, 'no-ui') });
    try {
      const streamFor = async () => {
        const issued = await fetch(`http://127.0.0.1:${bridge.port}/events/ticket`, { method: 'POST', headers: { 'x-rathaus-token': TOKEN } });
        const { data } = (await issued.json()) as { data: { ticket: string } };
        return eventReader((await fetch(`http://127.0.0.1:${bridge.port}/events?ticket=${data.ticket}`)).body!);
      };
      // A page that goes away lets go of the feed.
      const gone = await streamFor();
      await expect.poll(() => listeners.size).toBe(1);
      await gone.cancel();
      await expect.poll(() => listeners.size).toBe(0);
      // A page still open when the server stops sees its stream end.
      const open = await streamFor();
      await expect.poll(() => listeners.size).toBe(1);
      for (const listener of listeners) listener({ type: 'resync', at: '2026-11-27T09:00:00.000Z' });
      expect(await open.next()).toEqual({ type: 'resync', at: '2026-11-27T09:00:00.000Z' });
      await bridge.close();
      expect(await open.next()).toBeNull();
      expect(listeners.size).toBe(0);
    } finally {
      await bridge.close();
      app.cleanup();
    }
  });
});
