/**
 * The `rathausbuero` command runs its build (out/main/cli.js, made by `npm run build`, which
 * `npm test` runs first) under plain Node: nothing compiles at start.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { chooseEntry } from '../../cli/launch.mjs';

const ROOT = path.resolve(__dirname, '../..');

it('npm run build leaves a current build of the CLI, and cli/bin.mjs runs it', () => {
  expect(chooseEntry(ROOT), 'erst „npm run build“').toEqual({ file: path.join(ROOT, 'out/main/cli.js'), built: true });
  const run = spawnSync(process.execPath, [path.join(ROOT, 'cli/bin.mjs'), 'methods'], { encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout.split('\n')).toContain('contacts.list');
});

it('starts without loading the Excel library (loaded when a workbook is read or written)', () => {
  const probe = `import(${JSON.stringify(path.join(ROOT, 'out/main/cli.js'))}).then(() => {
    const loaded = Object.keys(require('node:module')._cache);
    process.stdout.write(JSON.stringify(loaded.filter((file) => file.includes('/node_modules/exceljs/')).length));
  })`;
  const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toBe(0);
});
