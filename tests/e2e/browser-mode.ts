import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { tempDir } from '../support/temp-app';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL: no clean-up runs, as after a crash or power loss). */
  kill(): Promise<void>;
}

/**
 * Starts `rathausbuero serve` on a free loopback port and waits for its URL and then for the
 * API's first answer (the app open); `urlOnly` waits for the URL alone (the start-up bench).
 */
export async function startServer(dataDir: string, extra: string[] = [], options: { urlOnly?: boolean } = {}): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'cli/bin.mjs'), 'serve', '--data-dir', dataDir, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Server exited with ${code}:\n${output}`)));
  });
  if (!options.urlOnly) await apiAnswered(url);
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return { url, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

/**
 * The server prints its URL at once and opens the app (and loads `--demo`'s data) behind it; the
 * first API call waits for that. Waiting for one answer here (whatever it says: a database the
 * version refuses answers its message) lets a test use the data folder beside the server.
 */
async function apiAnswered(url: string): Promise<void> {
  const { origin, hash } = new URL(url);
  const token = new URLSearchParams(hash.slice(1)).get('token') ?? '';
  try {
    await fetch(`${origin}/api/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rathaus-token': token },
      body: '{}',
      signal: AbortSignal.timeout(60_000),
    });
  } catch {
    // A server that ended (its database refused) has said why on its output; the test reads that.
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium in a language (German unless told); Playwright gives every launch a fresh, empty profile. */
export async function launchBrowser(locale = 'de-DE'): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium fehlt unter ${CHROMIUM}: bitte „apt-get install -y chromium“ ausführen (siehe README).`);
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${locale}`,
    ],
  });
}

/** What a test file drives: one Chromium page on one browser-mode server with its own data folder. */
export interface BrowserSession {
  page: Page;
  server: RunningServer;
  dataDir: string;
  /** Stops the server and starts it again on the same data folder (new URL and token), e.g. with `--now` later. */
  restart(extra?: string[]): Promise<void>;
}

/**
 * Starts Chromium and a server before the file's tests and removes both, and the data folder,
 * after them. With `open`, the page is already on the app; with `locale` (default de-DE), Chromium
 * and the page speak that language.
 */
export function useBrowserSession(
  name: string,
  options: { serverArgs?: string[]; viewport?: { width: number; height: number }; open?: boolean; locale?: string } = {},
): BrowserSession {
  const session = { dataDir: tempDir(`rathausbuero-e2e-${name}-`) } as BrowserSession;
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(options.locale);
    session.server = await startServer(session.dataDir, options.serverArgs ?? []);
    session.page = await browser.newPage({ viewport: options.viewport ?? { width: 1600, height: 1000 }, locale: options.locale ?? 'de-DE' });
    session.restart = async (extra = []) => {
      await session.server.stop();
      session.server = await startServer(session.dataDir, extra);
    };
    if (options.open) await session.page.goto(session.server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await session.server?.stop();
    fs.rmSync(session.dataDir, { recursive: true, force: true });
  });
  return session;
}
