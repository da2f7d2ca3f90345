/**
 * The file store on each place files live: the data folder (single PC) and the database's
 * `stored_files` table on both engines (office mode uses it on PostgreSQL; SQLite has the same
 * table, which `db copy` fills). The same assertions for each.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../../tests/support/test-engine';
import { databaseFileStore, fileKey, folderFileStore, type FileStore } from './file-store';

const STORES = ['folder', 'database on sqlite', 'database on postgres'] as const;
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const textOf = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString('utf8') : null);

describe.each(STORES)('file store: %s', (kind) => {
  let testEngine: TestEngine;
  let store: FileStore;
  let dir: string;

  beforeAll(async () => {
    testEngine = await openTestEngine(kind === 'database on postgres' ? 'postgres' : 'sqlite', 'file_store');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-files-'));
    store = kind === 'folder' ? folderFileStore(dir) : databaseFileStore(testEngine.engine, { localDir: dir, now: () => new Date('2026-11-27T09:00:00Z') });
  });
  afterAll(async () => {
    await testEngine.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a file under its key and gives back the same bytes, every byte value included', async () => {
    const all = new Uint8Array(256).map((_, i) => i);
    await store.put('Briefe/2026/000001-erika-beispiel.docx', all);
    expect(await store.get('Briefe/2026/000001-erika-beispiel.docx')).toEqual(all);
    // The key as a Windows record keeps it names the same file.
    expect(await store.get('Briefe\\2026\\000001-erika-beispiel.docx')).toEqual(all);
    expect(await store.get('Briefe/2026/fehlt.docx')).toBeNull();
  });

  it('replaces a file stored again under the same key', async () => {
    await store.put('Vorlagen/geburtstag.docx', bytesOf('erste Fassung'));
    await store.put('Vorlagen/geburtstag.docx', bytesOf('zweite Fassung für Straße'));
    expect(textOf(await store.get('Vorlagen/geburtstag.docx'))).toBe('zweite Fassung für Straße');
  });

  it('stores many files at once, more than one statement carries; a key given twice keeps the last, a stored one is replaced', async () => {
    await store.put('Briefe/2027/000002-vorher.docx', bytesOf('vorher'));
    const big = new Uint8Array(300 * 1024).map((_, i) => i % 251);
    const files = Array.from({ length: 600 }, (_, i) => ({ key: `Briefe/2027/${String(i).padStart(6, '0')}-brief.docx`, bytes: i % 100 === 0 ? big : bytesOf(`Brief ${i} für Straße`) }));
    files.splice(2, 0, { key: 'Briefe/2027/000003-brief.docx', bytes: bytesOf('früher') });
    await store.putMany([...files, { key: 'Briefe/2027/000002-vorher.docx', bytes: bytesOf('nachher') }, { key: 'Briefe\\2027\\000001-brief.docx', bytes: bytesOf('zuletzt') }]);
    expect(textOf(await store.get('Briefe/2027/000599-brief.docx'))).toBe('Brief 599 für Straße');
    expect(await store.get('Briefe/2027/000300-brief.docx')).toEqual(big);
    expect(textOf(await store.get('Briefe/2027/000002-vorher.docx'))).toBe('nachher');
    expect(textOf(await store.get('Briefe/2027/000001-brief.docx'))).toBe('zuletzt');
    expect(textOf(await store.get('Briefe/2027/000003-brief.docx'))).toBe('Brief 3 für Straße');
    expect((await store.list('Briefe/2027')).length).toBe(601);
    await store.remove(await store.list('Briefe/2027'));
  });

  it('replaces a file only while its content is still the expected one (the revision check for files edited outside)', async () => {
    const key = 'Vorlagen/kondolenz.docx';
    expect(await store.replaceIf(key, bytesOf('meine'), bytesOf('gibt es nicht'))).toBe(false);
    expect(await store.get(key)).toBeNull();
    expect(await store.replaceIf(key, bytesOf('erste'), null)).toBe(true);
    // Someone else's copy is there now: a second "first" copy is refused.
    expect(await store.replaceIf(key, bytesOf('zweite erste'), null)).toBe(false);
    expect(await store.replaceIf(key, bytesOf('von Word'), bytesOf('erste'))).toBe(true);
    expect(await store.replaceIf(key, bytesOf('veraltet'), bytesOf('erste'))).toBe(false);
    expect(textOf(await store.get(key))).toBe('von Word');
  });

  it('lists the files below a folder, sorted, and nothing of other folders', async () => {
    await store.put('Anliegen/7/b.pdf', bytesOf('b'));
    await store.put('Anliegen/7/a.pdf', bytesOf('a'));
    await store.put('Anliegen/12/Foto_1.jpg', bytesOf('c'));
    await store.put('Anliegenliste/x.txt', bytesOf('d'));
    expect(await store.list('Anliegen')).toEqual(['Anliegen/12/Foto_1.jpg', 'Anliegen/7/a.pdf', 'Anliegen/7/b.pdf']);
    expect(await store.list('anliegen')).toEqual([]);
    expect(await store.list('Einladungen')).toEqual([]);
  });

  it('removes files; missing ones are no error', async () => {
    await store.put('Einladungen/3/Programm.pdf', bytesOf('p'));
    await store.remove(['Einladungen/3/Programm.pdf', 'Einladungen/3/fehlt.pdf']);
    expect(await store.get('Einladungen/3/Programm.pdf')).toBeNull();
  });

  it('removes files together with the records: undone on failure, gone after the commit', async () => {
    await store.put('Anliegen/20/Brief.pdf', bytesOf('x'));
    const failed = await store.removal(['Anliegen/20/Brief.pdf', 'Anliegen/20/fehlt.pdf']);
    expect(failed.count).toBe(1);
    await expect(
      testEngine.engine.transaction(async () => {
        await failed.inTransaction();
        throw new Error('Abbruch');
      }),
    ).rejects.toThrow('Abbruch');
    failed.undo();
    expect(textOf(await store.get('Anliegen/20/Brief.pdf'))).toBe('x');

    const removal = await store.removal(['Anliegen/20/Brief.pdf']);
    await testEngine.engine.transaction(() => removal.inTransaction());
    removal.done();
    expect(await store.get('Anliegen/20/Brief.pdf')).toBeNull();
  });

  it('gives a local file with the content for a program to open', async () => {
    await store.put('Briefe/2026/000002-hans-groß.docx', bytesOf('Brief an Hans Groß'));
    const file = await store.localFile('Briefe/2026/000002-hans-groß.docx');
    expect(file).not.toBeNull();
    expect(fs.readFileSync(file!, 'utf8')).toBe('Brief an Hans Groß');
    expect(await store.localFile('Briefe/2026/fehlt.docx')).toBeNull();
  });

  it.runIf(kind !== 'folder')('stores a file with the records of its transaction: a failed transaction leaves none', async () => {
    await expect(
      testEngine.engine.transaction(async () => {
        await store.put('Briefe/2026/000003.docx', bytesOf('halb'));
        throw new Error('Abbruch');
      }),
    ).rejects.toThrow('Abbruch');
    expect(await store.get('Briefe/2026/000003.docx')).toBeNull();
  });
});

describe('fileKey', () => {
  it.each([
    ['Briefe/2026/a.docx', 'Briefe/2026/a.docx'],
    ['Briefe\\2026\\a.docx', 'Briefe/2026/a.docx'],
    ['Briefe//2026/a.docx', 'Briefe/2026/a.docx'],
  ])('%s → %s', (given, key) => expect(fileKey(given)).toBe(key));
});
