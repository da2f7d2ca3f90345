/** Writing users' files safely: flushing many written files to the disk at once. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushToDisk } from './files';

describe('flushToDisk', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-flush-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('flushes every file, more than run at once, and leaves each content as written', async () => {
    const files = Array.from({ length: 40 }, (_, i) => path.join(dir, `${i}.docx`));
    files.forEach((file, i) => fs.writeFileSync(file, `Brief ${i} an Frau Groß`));
    await flushToDisk(files, 4);
    expect(files.map((file) => fs.readFileSync(file, 'utf8'))).toEqual(files.map((_, i) => `Brief ${i} an Frau Groß`));
  });

  it('names a file it cannot flush, in German', async () => {
    const missing = path.join(dir, 'fehlt.docx');
    await expect(flushToDisk([missing])).rejects.toThrow(`Die Datei „${missing}“ konnte nicht auf den Datenträger geschrieben werden`);
  });

  it('has nothing to do for no files', async () => {
    await expect(flushToDisk([])).resolves.toBeUndefined();
  });
});
