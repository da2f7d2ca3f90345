import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-app';
import { fileTrash } from './file-trash';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function files(...names: string[]): string[] {
  return names.map((name, i) => {
    const relative = path.join('Anliegen', String(i + 1), name);
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), name);
    return relative;
  });
}
const exists = (relative: string) => fs.existsSync(path.join(dir, relative));

describe('fileTrash', () => {
  it('moves files aside, then deletes them for good (and the folders they leave empty)', () => {
    dir = tempDir();
    const [a, b] = files('brief.pdf', 'foto.jpg');
    const batch = fileTrash(dir).moveAway([a, b, 'Anliegen/9/fehlt.pdf']);
    expect(batch.count).toBe(2);
    expect(exists(a) || exists(b)).toBe(false);
    batch.purge();
    expect(fs.existsSync(path.join(dir, 'Anliegen'))).toBe(false);
    expect(fs.readdirSync(path.join(dir, '.papierkorb'))).toEqual([]);
  });

  it('puts everything back when the erasure fails', () => {
    dir = tempDir();
    const [a, b] = files('brief.pdf', 'foto.jpg');
    fileTrash(dir).moveAway([a, b]).restore();
    expect(fs.readFileSync(path.join(dir, a), 'utf8')).toBe('brief.pdf');
    expect(fs.readFileSync(path.join(dir, b), 'utf8')).toBe('foto.jpg');
  });

  it('never touches files outside the data folder', () => {
    dir = tempDir();
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'fremd.txt'), 'x');
    const batch = fileTrash(dir).moveAway([path.relative(dir, path.join(outside, 'fremd.txt'))]);
    expect(batch.count).toBe(0);
    expect(fs.existsSync(path.join(outside, 'fremd.txt'))).toBe(true);
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('settles a batch a crash left behind: files still in use go back, the others are deleted', async () => {
    dir = tempDir();
    const [kept, erased] = files('noch-da.pdf', 'geloescht.pdf');
    fileTrash(dir).moveAway([kept, erased]); // neither purged nor restored: the process died
    await fileTrash(dir).recover(async (relative) => relative === kept);
    expect(exists(kept)).toBe(true);
    expect(exists(erased)).toBe(false);
    expect(fs.readdirSync(path.join(dir, '.papierkorb'))).toEqual([]);
  });
});
