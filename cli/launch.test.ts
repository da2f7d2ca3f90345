import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../tests/support/temp-app';
import { chooseEntry } from './launch.mjs';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A checkout: files with their modification times (seconds after an epoch). */
function checkout(files: Record<string, number>): string {
  const root = tempDir();
  dirs.push(root);
  for (const [file, at] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), '');
    fs.utimesSync(path.join(root, file), 1_700_000_000 + at, 1_700_000_000 + at);
  }
  return root;
}

describe('which code the rathausbuero command runs', () => {
  it('runs the build when it is newer than every source of the CLI', () => {
    const root = checkout({ 'cli/main.ts': 1, 'core/services/x.ts': 2, 'db/schema/y.ts': 3, 'out/main/cli.js': 10 });
    expect(chooseEntry(root)).toEqual({ file: path.join(root, 'out/main/cli.js'), built: true });
  });

  it('runs the sources through tsx, with one line saying why, when the build is missing', () => {
    const root = checkout({ 'cli/main.ts': 1 });
    const entry = chooseEntry(root);
    expect(entry).toMatchObject({ file: path.join(root, 'cli/main.ts'), built: false });
    expect(entry.reason).toMatch(/^Rathausbüro: Die gebaute Kommandozeile \(out\/main\/cli\.js\) fehlt .*„npm run build“/);
    expect(entry.reason).not.toContain('\n');
  });

  it('runs the sources when one of them changed after the build', () => {
    const root = checkout({ 'cli/main.ts': 1, 'out/main/cli.js': 10, 'core/services/contacts/repository.ts': 11 });
    const entry = chooseEntry(root);
    expect(entry).toMatchObject({ file: path.join(root, 'cli/main.ts'), built: false });
    expect(entry.reason).toMatch(/Quellen sind neuer als die gebaute Kommandozeile/);
  });

  it('does not count tests, the renderer or other files as sources of the CLI', () => {
    const root = checkout({ 'cli/main.ts': 1, 'out/main/cli.js': 10, 'core/a.test.ts': 20, 'renderer/src/App.tsx': 20, 'db/migrations/0001.sql': 20 });
    expect(chooseEntry(root).built).toBe(true);
  });

  it('runs the build of an installed app that has no sources beside it', () => {
    const root = checkout({ 'out/main/cli.js': 10 });
    expect(chooseEntry(root).built).toBe(true);
  });
});
