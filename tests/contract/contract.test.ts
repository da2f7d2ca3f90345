import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, METHOD_NAMES } from '../../core/api';
import { createBridgeListener, startBridge } from '../../cli/http-bridge';
import { openApp } from '../../core/app/open-app';
import { createTempApp, MIGRATIONS_FOLDER, tempDir, TEMPLATES_DIR } from '../support/temp-app';
import { writeNewerDatabase } from '../support/newer-database';
import { bridgeCaller, type Caller } from '../support/bridge-caller';

/** The same expectations, once in-process and once through the HTTP bridge. */
function contractSuite(door: string, setup: () => Promise<{ caller: Caller; dataDir: string; teardown(): Promise<void> }>) {
  describe(`contract through ${door}`, () => {
    let caller: Caller;
    let dataDir: string;
    let teardown: () => Promise<void>;
    beforeAll(async () => {
      ({ caller, dataDir, teardown } = await setup());
    });
    afterAll(async () => teardown());

    it('addressing.compose answers the documented shape', async () => {
      const result = await caller('addressing.compose', {
        person: { gender: 'female', degrees: 'Prof. Dr.', givenName: 'Erika', surname: 'Beispiel', role: 'buergermeister' },
      });
      expect(result).toEqual({
        ok: true,
        data: {
          addressLines: ['Frau Bürgermeisterin', 'Prof. Dr. Erika Beispiel'],
          salutation: 'Sehr geehrte Frau Bürgermeisterin',
          closing: 'Mit freundlichen Grüßen',
          oralSalutation: 'Frau Bürgermeisterin',
        },
      });
    });

    it('creates and reads a contact', async () => {
      const created = await caller('contacts.create', { kind: 'person', gender: 'male', givenName: 'Max', surname: 'Muster' });
      expect(created.ok).toBe(true);
      const id = created.ok ? (created.data as { id: number }).id : 0;
      const read = await caller('contacts.get', { id });
      expect(read).toMatchObject({ ok: true, data: { id, surname: 'Muster', kind: 'person' } });
    });

    it('refuses an unknown method by name', async () => {
      expect(await caller('contacts.dropAll', {})).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: 'Die Funktion „contacts.dropAll“ gibt es nicht.', details: { method: 'contacts.dropAll' } },
      });
    });

    it('rejects invalid input with a German message naming the field', async () => {
      const result = await caller('addressing.compose', { person: { gender: 'weiblich', surname: '' } });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toContain('Person › Geschlecht');
        expect(result.error.message).toContain('Person › Nachname: Der Nachname fehlt.');
      }
    });

    it('app.backup writes only into the data folder\'s backups folder: a caller cannot name the target', async () => {
      const outside = path.join(os.tmpdir(), `rathausbuero-fremd-${process.pid}.sh`);
      const refused = await caller('app.backup', { target: outside });
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(fs.existsSync(outside)).toBe(false);
      const written = await caller('app.backup', {});
      if (!written.ok) throw new Error(written.error.message);
      const { file, bytes } = written.data as { file: string; bytes: number };
      expect(path.dirname(file)).toBe(path.join(dataDir, 'Sicherungen'));
      expect(path.basename(file)).toMatch(/^rathausbuero-[\d-]+\.sqlite$/);
      expect(fs.statSync(file).size).toBe(bytes);
    });

    it('reports a missing record as NOT_FOUND', async () => {
      const result = await caller('contacts.get', { id: 424242 });
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Der Kontakt Nr. 424242 wurde nicht gefunden.' } });
    });
  });
}

contractSuite('the dispatcher (in-process)', async () => {
  const app = createTempApp();
  return {
    caller: (method, input) => dispatch(app.handlers, method, input),
    dataDir: app.dataDir,
    teardown: async () => app.cleanup(),
  };
});

const TOKEN = 'test-token-123';
contractSuite('the HTTP bridge', async () => {
  const app = createTempApp();
  const http = await bridgeCaller(app, TOKEN);
  return {
    caller: http.caller,
    dataDir: app.dataDir,
    teardown: async () => {
      await http.close();
      app.cleanup();
    },
  };
});

describe('HTTP bridge security', () => {
  let app: ReturnType<typeof createTempApp>;
  let port: number;
  let server: http.Server;
  beforeAll(async () => {
    app = createTempApp();
    ({ server, port } = await startBridge({ handlers: app.handlers, token: TOKEN, staticDir: path.join(app.dataDir, 'no-ui') }));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    app.cleanup();
  });

  /** Raw request, so Host and Origin can be set freely. */
  const request = (options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path ?? '/api/app.info', headers: options.headers },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(options.method === 'GET' ? undefined : (options.body ?? '{}'));
    });
  const json = { 'content-type': 'application/json' };

  it.each([
    ['no token', { ...json }, 401],
    ['a wrong token', { ...json, 'x-rathaus-token': 'falsch' }, 401],
    ['a foreign Host (DNS rebinding)', { ...json, 'x-rathaus-token': TOKEN, host: 'evil.example:80' }, 403],
    ['a foreign Origin', { ...json, 'x-rathaus-token': TOKEN, origin: 'http://evil.example' }, 403],
    ['a form post (not JSON)', { 'content-type': 'text/plain', 'x-rathaus-token': TOKEN }, 415],
  ])('refuses a call with %s', async (_, headers, status) => {
    const response = await request({ headers });
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body).error.message).toMatch(/Zugriff verweigert|erwartet JSON/);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each(['application/jsonp', 'application/json-seq', 'application/json5', 'application/json; charset=latin1', 'application/json; boundary=x', 'text/json'])(
    'refuses the content type %s (JSON exactly, with an optional UTF-8 charset)',
    async (contentType) => {
      const response = await request({ headers: { 'content-type': contentType, 'x-rathaus-token': TOKEN } });
      expect(response.status).toBe(415);
      expect(JSON.parse(response.body).error).toEqual({ code: 'INVALID_INPUT', message: 'Die Schnittstelle erwartet JSON (Content-Type: application/json).' });
    },
  );

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"'])('accepts the content type %s', async (contentType) => {
    const response = await request({ headers: { 'content-type': contentType, 'x-rathaus-token': TOKEN } });
    expect(response.status).toBe(200);
  });

  it('answers a proper call and sends no CORS headers', async () => {
    const response = await request({ headers: { ...json, 'x-rathaus-token': TOKEN, origin: `http://127.0.0.1:${port}` } });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).data.appName).toBe('Rathausbüro');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses GET on the API and broken JSON', async () => {
    expect((await request({ method: 'GET', headers: { 'x-rathaus-token': TOKEN } })).status).toBe(405);
    const broken = await request({ headers: { ...json, 'x-rathaus-token': TOKEN }, body: '{nicht json' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.message).toBe('Die Anfrage ist kein gültiges JSON.');
  });

  it('serves the page with a strict Content-Security-Policy, and never files outside it', async () => {
    const page = await request({ method: 'GET', path: '/' });
    expect(page.status).toBe(503);
    expect(page.body).toContain('npm run build');
    const escape = await request({ method: 'GET', path: '/../../etc/passwd' });
    expect(escape.body).not.toContain('root:');
    const sibling = await request({ method: 'GET', path: '/..%2Fno-ui-x%2Fsecret.txt' });
    expect(sibling.status).toBe(403);
  });

  it('answers a malformed address with 400 and keeps running', async () => {
    const broken = await request({ method: 'GET', path: '/%E0' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.message).toBe('Die Adresse ist ungültig.');
    expect((await request({ headers: { ...json, 'x-rathaus-token': TOKEN } })).status).toBe(200);
  });

  it('is a plain listener that knows every contract method', () => {
    expect(typeof createBridgeListener({ handlers: app.handlers, token: TOKEN, staticDir: '.' })).toBe('function');
    for (const method of METHOD_NAMES) expect(typeof app.handlers[method]).toBe('function');
  });
});

describe('a data file this version cannot use', () => {
  const open = (dataDir: string) => openApp({ dataDir, migrationsFolder: MIGRATIONS_FOLDER, templatesDir: TEMPLATES_DIR, appVersion: '0.0.0-test' });

  it.each([
    ['written by a newer version', (file: string) => void writeNewerDatabase(file), 'DB_TOO_NEW', /wurde mit einer neueren Version von Rathausbüro angelegt/],
    ['not a database', (file: string) => fs.writeFileSync(file, 'kein SQLite '.repeat(400)), 'DB_UNREADABLE', /ist keine Rathausbüro-Datenbank oder sie ist beschädigt/],
  ])('%s: the in-process door refuses it with the German message and changes nothing', (_, write, code, message) => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'rathausbuero.sqlite');
    write(file);
    const before = fs.readFileSync(file);
    let error: { code?: string; message?: string } | undefined;
    try {
      open(dataDir).close();
    } catch (e) {
      error = e as typeof error;
    }
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dataDir)).toEqual(['rathausbuero.sqlite']);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
