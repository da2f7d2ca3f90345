/**
 * Browser mode starts fast: the bridge listens and serves the page's files while the app (the
 * API's modules, the database) is still loading; calls that arrive meanwhile wait for it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../core/api';
import type { ChangeSource } from './change-stream';
import { createTempApp, tempDir } from '../tests/support/temp-app';
import { startBridge } from './http-bridge';

const TOKEN = 'loading-token-789';

/** A promise and its resolve/reject, settled by the test. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

let cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** A built page (index.html) in a temp folder, and a bridge in front of an app still loading. */
async function loadingBridge() {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Rathausbüro</title>');
  const handlers = deferred<Handlers>();
  const changes = deferred<ChangeSource>();
  const bridge = await startBridge({ handlers: handlers.promise, changes: changes.promise, token: TOKEN, staticDir });
  cleanups.push(() => fs.rmSync(staticDir, { recursive: true, force: true }), () => bridge.close());
  const base = `http://127.0.0.1:${bridge.port}`;
  const post = (method: string, input: unknown) =>
    fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rathaus-token': TOKEN },
      body: JSON.stringify(input),
    });
  return { bridge, base, post, handlers, changes };
}

describe('the HTTP bridge while the app is still loading', () => {
  it('serves the page at once and answers a call that arrived before the app was loaded', async () => {
    const { base, post, handlers, changes } = await loadingBridge();
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Rathausbüro</title>');

    let answered = false;
    const pending = post('addressing.compose', { person: { gender: 'female', givenName: 'Erna', surname: 'Groß' } }).then((response) => {
      answered = true;
      return response;
    });
    // The call waits (the page's file is still served meanwhile) …
    expect((await fetch(`${base}/index.html`)).status).toBe(200);
    expect(answered).toBe(false);

    // … and gets its answer once the app is there.
    const app = createTempApp();
    cleanups.push(() => app.cleanup());
    handlers.resolve(app.handlers);
    changes.resolve(app.changes);
    const response = await pending;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { addressLines: string[] } }).data.addressLines).toEqual(['Frau Erna Groß']);
  });

  it('a change stream opened while the app loads reports what is saved once it is there', async () => {
    const { base, post, handlers, changes } = await loadingBridge();
    const ticket = (await (await fetch(`${base}/events/ticket`, { method: 'POST', headers: { 'x-rathaus-token': TOKEN } })).json()) as { data: { ticket: string } };
    const stream = await fetch(`${base}/events?ticket=${ticket.data.ticket}`);
    expect(stream.status).toBe(200);
    const app = createTempApp();
    cleanups.push(() => app.cleanup());
    handlers.resolve(app.handlers);
    changes.resolve(app.changes);
    expect((await post('contacts.create', { kind: 'organisation', name: 'Hafenverein e. V.' })).status).toBe(200);
    const reader = stream.body!.getReader();
    cleanups.push(() => reader.cancel());
    let text = '';
    while (!text.includes('"contacts"')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('"type":"change"');
  });

  it('an app that cannot be opened: the calls answer its German message', async () => {
    const { post, handlers } = await loadingBridge();
    const pending = post('app.info', {});
    handlers.reject(Object.assign(new Error('Die Datenbank „x.sqlite“ wurde mit einer neueren Version von Rathausbüro angelegt.'), { code: 'DB_TOO_NEW', details: { file: 'x.sqlite' } }));
    const response = await pending;
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: unknown }).error).toEqual({
      code: 'DB_TOO_NEW',
      message: 'Die Datenbank „x.sqlite“ wurde mit einer neueren Version von Rathausbüro angelegt.',
      details: { file: 'x.sqlite' },
    });
  });

  it('quiet: settles once the page has had its answers, not before its first call', async () => {
    const { bridge, post, handlers } = await loadingBridge();
    let quiet = false;
    void bridge.quiet(20).then(() => (quiet = true));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(quiet).toBe(false);
    const pending = post('app.info', {});
    await new Promise((resolve) => setTimeout(resolve, 60));
    // A call in flight (waiting for the app): not quiet.
    expect(quiet).toBe(false);
    const app = createTempApp();
    cleanups.push(() => app.cleanup());
    handlers.resolve(app.handlers);
    expect((await pending).status).toBe(200);
    await bridge.quiet(20);
  });
});
