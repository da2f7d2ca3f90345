import { afterAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../core/api';
import { createTempApp } from '../../tests/support/temp-app';
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
