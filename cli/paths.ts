import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout (or installed package) this CLI runs from. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MIGRATIONS_FOLDER = path.join(PROJECT_ROOT, 'db', 'migrations');
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');
export const RENDERER_DIR = path.join(PROJECT_ROOT, 'out', 'renderer');

export function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
