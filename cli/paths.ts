import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/**
 * The checkout (or installed package) this CLI runs from: the nearest folder above with the
 * app's package.json. The same from the sources (cli/) and from the build (out/main/, chunks).
 */
export const PROJECT_ROOT = findProjectRoot(HERE);
export const MIGRATIONS_FOLDER = path.join(PROJECT_ROOT, 'db', 'migrations');
/** Office mode: the PostgreSQL migrations (`db migrate`). */
export const PG_MIGRATIONS_FOLDER = path.join(PROJECT_ROOT, 'db', 'migrations-pg');
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');
export const RENDERER_DIR = path.join(PROJECT_ROOT, 'out', 'renderer');

/**
 * The background worker: when this CLI runs from the build (cli/bin.mjs), the worker built beside
 * it; from the TypeScript sources (tests, tsx), none, and the worker host runs the source.
 */
export const WORKER_SCRIPT = import.meta.url.endsWith('.ts') ? undefined : pathToFileURL(path.join(PROJECT_ROOT, 'out', 'main', 'worker.js'));

export function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file) && (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string }).name === 'rathausbuero') return dir;
    if (path.dirname(dir) === dir) throw new Error(`Rathausbüro: Programmordner über „${from}“ nicht gefunden (package.json fehlt).`);
  }
}
