import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../core/api';
import { createTempApp, tempDir } from '../../tests/support/temp-app';
import { CHANGE_CHANNEL } from '../ipc-channels';
import { createIpcHandler, forwardChanges, trustedUrlCheck } from './ipc';

const app = createTempApp();
afterAll(() => app.cleanup());
const trusted = (url: string) => url.startsWith('file:///app/renderer/index.html');
const handle = createIpcHandler(app.handlers, trusted);
const fromApp = { senderFrame: { url: 'file:///app/renderer/index.html' } } as never;

describe('IPC binding against the contract table', () => {
  it('has a service handler for every method of the contract', () => {
    expect(METHOD_NAMES.filter((name) => typeof app.handlers[name] !== 'function')).toEqual([]);
  });

  it('forwards a contract method to the dispatcher', async () => {
    const result = await handle(fromApp, 'addressing.compose', { person: { gender: 'male', surname: 'Muster' } });
    expect(result).toMatchObject({ ok: true, data: { salutation: 'Sehr geehrter Herr Muster' } });
  });

  it('refuses names outside the contract, including prototype tricks', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'contacts', 42]) {
      const result = await handle(fromApp, name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('a call that arrives while the app is still loading waits for it and gets its answer', async () => {
    let loaded!: (handlers: typeof app.handlers) => void;
    const loading = createIpcHandler(new Promise((resolve) => (loaded = resolve)), trusted);
    let answered = false;
    const pending = loading(fromApp, 'addressing.compose', { person: { gender: 'female', surname: 'Groß' } }).then((result) => {
      answered = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    loaded(app.handlers);
    expect(await pending).toMatchObject({ ok: true, data: { salutation: 'Sehr geehrte Frau Groß' } });
  });

  it('refuses calls from any other page', async () => {
    const result = await handle({ senderFrame: { url: 'https://evil.example/' } } as never, 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });
});

describe('backup through IPC', () => {
  it('writes where the user chose in the main process\'s save dialog; the page cannot name a target', async () => {
    const folder = tempDir();
    let answer: string | null = path.join(folder, 'Sicherung vom Freitag');
    const desktop = createTempApp({ chooseBackupFile: async () => answer });
    try {
      const handleDesktop = createIpcHandler(desktop.handlers, trusted);
      const planted = path.join(folder, 'autostart.sh');
      expect(await handleDesktop(fromApp, 'app.backup', { target: planted })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(fs.existsSync(planted)).toBe(false);
      const written = await handleDesktop(fromApp, 'app.backup', {});
      expect(written).toMatchObject({ ok: true, data: { file: path.join(folder, 'Sicherung vom Freitag.sqlite') } });
      answer = null;
      expect(await handleDesktop(fromApp, 'app.backup', {})).toEqual({ ok: true, data: { file: null, bytes: 0 } });
      expect(fs.readdirSync(folder)).toEqual(['Sicherung vom Freitag.sqlite']);
    } finally {
      desktop.cleanup();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('trusted pages', () => {
  const trusted = trustedUrlCheck('/opt/Rathausbüro/resources/app.asar/out/renderer/index.html');
  it.each([
    ['file:///opt/Rathausb%C3%BCro/resources/app.asar/out/renderer/index.html', true],
    ['file:///opt/Rathausb%C3%BCro/resources/app.asar/out/renderer/index.html#/kontakte', true],
    ['file:///tmp/evil/renderer/index.html', false],
    ['file:///opt/Rathausb%C3%BCro/resources/app.asar/out/renderer/other.html', false],
    ['https://evil.example/renderer/index.html', false],
    ['not a url %E0', false],
  ])('%s → %s', (url, expected) => {
    expect(trusted(url)).toBe(expected);
  });

  it('trusts only the dev server origin in development', () => {
    const dev = trustedUrlCheck('/x/index.html', 'http://localhost:5173/');
    expect(dev('http://localhost:5173/index.html')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
  });
});

describe('change events to the window', () => {
  /** A stand-in for the window's webContents: the page it shows and what it was sent. */
  const contents = (url: string) => {
    const sent: unknown[][] = [];
    return { sent, getURL: () => url, isDestroyed: () => false, send: (...args: unknown[]) => void sent.push(args) };
  };

  it('sends each saved change to the app\'s page as one named event', async () => {
    const page = contents('file:///app/renderer/index.html#/kontakte');
    const stop = forwardChanges(app.changes, () => page, trusted);
    try {
      expect(await handle(fromApp, 'contacts.create', { kind: 'person', gender: 'male', givenName: 'Max', surname: 'Muster' })).toMatchObject({ ok: true });
      expect(page.sent).toHaveLength(1);
      const [channel, event] = page.sent[0];
      expect(channel).toBe(CHANGE_CHANNEL);
      expect(event).toMatchObject({ type: 'change', method: 'contacts.create', origin: app.changes.origin });
    } finally {
      stop();
    }
    await handle(fromApp, 'contacts.create', { kind: 'person', gender: 'male', givenName: 'Moritz', surname: 'Muster' });
    expect(page.sent).toHaveLength(1);
  });

  it('sends nothing to another page, a closed window or none', async () => {
    const foreign = contents('https://evil.example/');
    const closed = { ...contents('file:///app/renderer/index.html'), isDestroyed: () => true };
    const targets = [foreign, closed, null];
    const stops = targets.map((target) => forwardChanges(app.changes, () => target, trusted));
    try {
      expect(await handle(fromApp, 'contacts.create', { kind: 'person', gender: 'female', givenName: 'Eva', surname: 'Muster' })).toMatchObject({ ok: true });
      expect(foreign.sent).toEqual([]);
      expect(closed.sent).toEqual([]);
    } finally {
      for (const stop of stops) stop();
    }
  });
});
