import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../core/api';
import { createTempApp, tempDir } from '../../tests/support/temp-app';
import { createIpcHandler, trustedUrlCheck } from './ipc';

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
