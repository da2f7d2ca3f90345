import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ApiError } from '../core/api/errors';
import type { Handlers } from '../core/api/contract';
import { createCallTraffic } from '../core/app/call-traffic';
import { createChangeStream, type ChangeSource, type ChangeStream } from './change-stream';

/**
 * The HTTP door of browser mode: loopback only, one token per start, no CORS. It imports only
 * light modules: it can listen and serve the page's files while the API's modules (the contract,
 * the services) are still loading; the API's calls wait for them.
 */
export interface BridgeOptions {
  /** The app's handlers, or their promise while the app is being loaded: calls wait for it; if it fails, they answer its error. */
  handlers: Handlers | Promise<Handlers>;
  token: string;
  /** What the app saves (or its promise); open pages get it as server-sent events (change-stream.ts). Without it, /events answers 404. */
  changes?: ChangeSource | Promise<ChangeSource>;
  /** Milliseconds for the stream tickets' lifetime (tests move it on). */
  clock?: () => number;
  /** Built renderer (index.html and assets); served without the token, it holds no data. */
  staticDir: string;
  maxBodyBytes?: number;
  log?: (line: string) => void;
}

const STATUS: Record<string, number> = {
  UNKNOWN_METHOD: 404,
  INVALID_INPUT: 400,
  IMPORT_INVALID: 400,
  TEMPLATE_INVALID: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE: 409,
  UNAUTHORIZED: 401,
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** A request listener that knows nothing of ports: tests call it through any server. */
export type BridgeListener = http.RequestListener & {
  /** Ends the open change streams (they would keep the server from closing). */
  closeStreams(): void;
  /** Resolves once the page has had its answers (core/app/call-traffic.ts): work that can wait waits for it. */
  quiet(ms: number): Promise<void>;
};

/** The dispatcher and the app's handlers, once both are loaded; a failure is every call's answer. */
interface ApiDoor {
  dispatch: typeof import('../core/api/dispatcher').dispatch;
  handlers: Handlers;
}

/** A change source that is still being loaded: a page's stream follows it once it is there (nothing can change before). */
function laterSource(loading: Promise<ChangeSource>): ChangeSource {
  return {
    subscribe(listener) {
      let unsubscribe: (() => void) | null = null;
      let ended = false;
      void loading.then(
        (source) => {
          if (!ended) unsubscribe = source.subscribe(listener);
        },
        () => {},
      );
      return () => {
        ended = true;
        unsubscribe?.();
      };
    },
  };
}

export function createBridgeListener(options: BridgeOptions): BridgeListener {
  const maxBody = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const changes = options.changes instanceof Promise ? laterSource(options.changes) : options.changes;
  const stream = changes ? createChangeStream(changes, { clock: options.clock }) : null;
  // A failure to load shows in the calls' answers (and to whoever started the load), not as an unhandled rejection.
  for (const loading of [options.handlers, options.changes]) if (loading instanceof Promise) loading.catch(() => {});
  let door: Promise<ApiDoor> | null = null;
  /** The dispatcher is imported at the first call (with the contract and its schemas), not at start. */
  const api = () =>
    (door ??= Promise.all([import('../core/api/dispatcher'), options.handlers]).then(([{ dispatch }, handlers]) => ({ dispatch, handlers })));
  const traffic = createCallTraffic();
  const listener: http.RequestListener = (req, res) => {
    const port = (req.socket.address() as AddressInfo).port;
    const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
    if (!allowedHosts.has(req.headers.host ?? '')) {
      return sendError(res, 403, { code: 'UNAUTHORIZED', message: 'Zugriff verweigert: unbekannter Host.' });
    }
    const origin = req.headers.origin;
    if (origin && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return sendError(res, 403, { code: 'UNAUTHORIZED', message: 'Zugriff verweigert: fremde Herkunft.' });
    }
    req.on('error', () => res.destroy());
    let url: URL;
    let pathname: string;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return sendError(res, 400, { code: 'INVALID_INPUT', message: 'Die Adresse ist ungültig.' });
    }
    if (pathname.startsWith('/api/')) {
      res.once('close', traffic.begin());
      return handleApi(req, res, pathname.slice('/api/'.length), options, maxBody, api);
    }
    if (pathname === '/events' || pathname === '/events/ticket') return handleEvents(req, res, pathname, url, options, stream);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, { code: 'INVALID_INPUT', message: 'Methode nicht erlaubt.' });
    }
    return serveStatic(res, options.staticDir, pathname);
  };
  return Object.assign(listener, { closeStreams: () => stream?.closeAll(), quiet: traffic.quiet });
}

const NO_TOKEN: ApiError = {
  code: 'UNAUTHORIZED',
  message: 'Zugriff verweigert: Der Zugangsschlüssel fehlt oder ist falsch. Bitte die beim Start ausgegebene Adresse verwenden.',
};

/** Every call from the page carries the start's token in this header. */
function hasToken(req: http.IncomingMessage, options: BridgeOptions): boolean {
  return req.headers['x-rathaus-token'] === options.token;
}

/** POST /events/ticket (with the token) → a ticket; GET /events?ticket=… → the stream of changes. */
function handleEvents(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
  url: URL,
  options: BridgeOptions,
  stream: ChangeStream | null,
): void {
  if (!stream) return sendError(res, 404, { code: 'NOT_FOUND', message: 'Änderungsmeldungen gibt es hier nicht.' });
  req.resume();
  if (pathname === '/events/ticket') {
    if (req.method !== 'POST') return sendError(res, 405, { code: 'INVALID_INPUT', message: 'Die Schnittstelle erwartet POST.' });
    if (!hasToken(req, options)) return sendError(res, 401, NO_TOKEN);
    return sendJson(res, 200, { data: stream.issueTicket() });
  }
  if (req.method !== 'GET') return sendError(res, 405, { code: 'INVALID_INPUT', message: 'Die Änderungsmeldungen werden mit GET abgerufen.' });
  if (!stream.open(url.searchParams.get('ticket'), res)) {
    sendError(res, 401, {
      code: 'UNAUTHORIZED',
      message: 'Zugriff verweigert: Die Eintrittskarte für die Änderungsmeldungen fehlt, ist schon benutzt oder abgelaufen.',
    });
  }
}

/**
 * `application/json`, exactly, with at most a UTF-8 charset (the body is read as UTF-8). Anything
 * else (`text/plain` from a form, `application/jsonp`, another charset) is refused.
 */
export function isJsonContentType(header: string | undefined): boolean {
  return /^application\/json\s*(;\s*charset\s*=\s*("utf-8"|utf-8)\s*)?$/i.test(header ?? '');
}

function handleApi(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  method: string,
  options: BridgeOptions,
  maxBody: number,
  api: () => Promise<ApiDoor>,
): void {
  if (req.method !== 'POST') {
    return sendError(res, 405, { code: 'INVALID_INPUT', message: 'Die Schnittstelle erwartet POST.' });
  }
  if (!hasToken(req, options)) return sendError(res, 401, NO_TOKEN);
  if (!isJsonContentType(req.headers['content-type'])) {
    return sendError(res, 415, { code: 'INVALID_INPUT', message: 'Die Schnittstelle erwartet JSON (Content-Type: application/json).' });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let aborted = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBody && !aborted) {
      aborted = true;
      sendError(res, 413, { code: 'INVALID_INPUT', message: 'Die Anfrage ist zu groß.' });
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', async () => {
    if (aborted) return;
    let input: unknown;
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      input = text.trim() ? JSON.parse(text) : undefined;
    } catch {
      return sendError(res, 400, { code: 'INVALID_INPUT', message: 'Die Anfrage ist kein gültiges JSON.' });
    }
    let loaded: ApiDoor;
    try {
      loaded = await api();
    } catch (error) {
      return sendError(res, 503, notLoaded(error));
    }
    const result = await loaded.dispatch(loaded.handlers, method, input, {
      onUnexpectedError: (error, name) => options.log?.(`Fehler in ${name}: ${(error as Error)?.stack ?? error}`),
    });
    if (result.ok) return sendJson(res, 200, { data: result.data ?? null });
    return sendError(res, STATUS[result.error.code] ?? 500, result.error);
  });
}

/** The app could not be opened (a database of a newer version, an unreadable file): its own German message. */
function notLoaded(error: unknown): ApiError {
  const known = error as { code?: unknown; message?: unknown; details?: unknown };
  const code = known?.code === 'DB_TOO_NEW' || known?.code === 'DB_UNREADABLE' ? known.code : 'INTERNAL';
  const message = typeof known?.message === 'string' ? known.message : String(error);
  return { code, message: code === 'INTERNAL' ? `Rathausbüro konnte nicht gestartet werden: ${message}` : message, details: known?.details };
}

function serveStatic(res: http.ServerResponse, staticDir: string, pathname: string): void {
  const root = path.resolve(staticDir);
  const requested = path.resolve(root, `.${pathname}`);
  if (requested !== root && !requested.startsWith(root + path.sep)) return sendError(res, 403, { code: 'UNAUTHORIZED', message: 'Zugriff verweigert.' });
  let file = requested;
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Die Oberfläche ist noch nicht gebaut. Bitte zuerst „npm run build“ ausführen.');
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  fs.createReadStream(file).pipe(res);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

function sendError(res: http.ServerResponse, status: number, error: ApiError): void {
  sendJson(res, status, { error });
}

/** Starts the bridge on 127.0.0.1 (port 0 = a free one) and resolves with its address. */
export function startBridge(
  options: BridgeOptions & { port?: number },
): Promise<{ server: http.Server; port: number; url: string; close(): Promise<void>; quiet: BridgeListener['quiet'] }> {
  const listener = createBridgeListener(options);
  const server = http.createServer(listener);
  /** Ends the pages' change streams, then waits for the calls under way. */
  const close = () =>
    new Promise<void>((resolve) => {
      listener.closeStreams();
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({ server, port, url: `http://127.0.0.1:${port}/#token=${options.token}`, close, quiet: listener.quiet });
    });
  });
}
