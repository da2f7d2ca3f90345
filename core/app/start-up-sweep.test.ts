import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, type MergeStatus } from '../api';
import { createTempApp } from '../../tests/support/temp-app';

/** The id of a process that has ended. */
const endedPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;

let app: ReturnType<typeof createTempApp>;
afterEach(() => app.cleanup());

/** The same data folder opened again, as at the next start, once its start-up sweep is done. */
const reopen = async () => {
  app.close();
  app = createTempApp({ dataDir: app.dataDir });
  await app.ready;
};

async function mergeOf(count: number): Promise<MergeStatus> {
  const signer = await call(app.handlers, 'signers.save', { name: 'Dr. Petra Hovestadt', gender: 'female', office: 'Oberbürgermeisterin', deputy: false });
  const rows = Array.from({ length: count }, (_, i) => `Frau;Anna;Nummer${i};Königstraße;${i + 1};47051;Duisburg`);
  const csv = ['Anrede;Vorname;Nachname;Straße;Hausnummer;PLZ;Ort', ...rows].join('\n');
  const { jobId } = await call(app.handlers, 'letters.merge.start', {
    templateId: 'weihnachtsgruss',
    recipients: { type: 'csv', fileName: 'liste.csv', contentBase64: Buffer.from(csv).toString('base64') },
    signerId: signer.id,
    date: '2026-12-10',
    output: 'files',
  });
  for (;;) {
    const status = await call(app.handlers, 'letters.merge.status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const registerFiles = async () => (await call(app.handlers, 'letters.list', {})).items.map((l) => l.file).sort();
const lettersFolder = () => path.join(app.dataDir, 'Briefe');
const filesIn = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []);

describe('start-up sweep after a crash', () => {
  it('completes a merge killed after its register rows were committed: the files move to where the rows point', async () => {
    app = createTempApp();
    const done = await mergeOf(3);
    const files = await registerFiles();
    expect(files).toHaveLength(3);
    // As if killed while moving the files out of the staging folder: two are still there.
    const staging = path.join(lettersFolder(), `.entstehend-${endedPid()}-${done.jobId}`);
    fs.mkdirSync(staging);
    for (const file of files.slice(1)) fs.renameSync(path.join(app.dataDir, file), path.join(staging, path.basename(file)));
    await reopen();
    expect(filesIn(path.join(lettersFolder(), '2026')).map((name) => `Briefe/2026/${name}`)).toEqual(files);
    expect(filesIn(lettersFolder())).toEqual(['2026']);
  });

  it('removes a merge killed before its commit: no file without a register row', async () => {
    app = createTempApp();
    const staging = path.join(lettersFolder(), `.entstehend-${endedPid()}-7013f85c-f92e-4b65-a2ca-5d6d94c6741c`);
    fs.mkdirSync(staging, { recursive: true });
    fs.writeFileSync(path.join(staging, '0.docx'), 'halb');
    fs.writeFileSync(path.join(staging, '000001-anna-nummer0.docx'), 'halb');
    // A staging folder of the version before, without a process id.
    fs.mkdirSync(path.join(lettersFolder(), '.entstehend-1d9a4b52-6b3e-4f0e-9d43-0c2f4a1f5e77'));
    await reopen();
    expect(filesIn(lettersFolder())).toEqual([]);
    expect(await registerFiles()).toEqual([]);
  });

  it('removes half-written files and unfinished uploads of ended processes, and leaves a running process its work', async () => {
    app = createTempApp();
    const running = process.ppid;
    const gone = endedPid();
    const year = path.join(lettersFolder(), '2026');
    fs.mkdirSync(year, { recursive: true });
    fs.writeFileSync(path.join(year, `000007-brief.docx.${gone}.1767225600000.tmp`), 'halb');
    fs.writeFileSync(path.join(year, `000008-brief.docx.${running}.1767225600000.tmp`), 'wird geschrieben');
    fs.mkdirSync(path.join(lettersFolder(), `.entstehend-${running}-7013f85c-f92e-4b65-a2ca-5d6d94c6741c`));
    for (const owner of [gone, running]) {
      fs.mkdirSync(path.join(app.dataDir, '.uploads', String(owner)), { recursive: true });
      fs.writeFileSync(path.join(app.dataDir, '.uploads', String(owner), '5b0c1a2e-3f4d-4e5f-8a9b-0c1d2e3f4a5b'), 'Teil 1');
    }
    fs.writeFileSync(path.join(app.dataDir, '.uploads', '5b0c1a2e-3f4d-4e5f-8a9b-0c1d2e3f4a5b'), 'aus älterer Version');
    await reopen();
    expect(filesIn(year)).toEqual([`000008-brief.docx.${running}.1767225600000.tmp`]);
    expect(filesIn(lettersFolder())).toEqual([`.entstehend-${running}-7013f85c-f92e-4b65-a2ca-5d6d94c6741c`, '2026']);
    expect(filesIn(path.join(app.dataDir, '.uploads'))).toEqual([String(running)]);
  });

  it('keeps the uploads of this process usable until they are taken over', async () => {
    app = createTempApp();
    const first = await call(app.handlers, 'uploads.append', { fileName: 'a.csv', chunkBase64: Buffer.from('Hallo ').toString('base64') });
    const second = await call(app.handlers, 'uploads.append', { uploadId: first.uploadId, fileName: 'a.csv', chunkBase64: Buffer.from('Welt').toString('base64') });
    expect(second.size).toBe(10);
    expect(fs.readFileSync(path.join(app.dataDir, '.uploads', String(process.pid), first.uploadId), 'utf8')).toBe('Hallo Welt');
    await reopen();
    expect(filesIn(path.join(app.dataDir, '.uploads'))).toEqual([]);
  });
});
