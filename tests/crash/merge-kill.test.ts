import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../core/services/demo/demo-contacts';
import { startServer, type RunningServer } from '../e2e/browser-mode';
import { tempDir } from '../support/temp-app';

/**
 * A mail merge runs in the serving process; a crash or power loss can stop it anywhere. Here
 * `rathausbuero serve` is SIGKILLed at random moments of a merge of a few hundred letters (and
 * of an unfinished upload), started again, and the letters folder must agree with the register:
 * every file in Briefe/ has its register row and every row its file, no staging folder and no
 * upload is left over.
 */
const ROUNDS = 10;
const LETTERS = 300;
const random = createRandom(13);
const dataDir = tempDir('rathausbuero-kill-');
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function api<T = unknown>(method: string, input: unknown = {}): Promise<T> {
  const url = new URL(server!.url);
  const token = /token=([\w-]+)/.exec(url.hash)![1];
  const response = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-rathaus-token': token },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { data?: T; message?: string };
  if (!response.ok) throw new Error(`${method}: ${response.status} ${body.message}`);
  return body.data as T;
}

const csv = Buffer.from(
  [
    'Anrede;Vorname;Nachname;Straße;Hausnummer;PLZ;Ort',
    ...Array.from({ length: LETTERS }, (_, i) => `${i % 2 ? 'Herr' : 'Frau'};Vorname${i};Müller-Lüdenscheidt${i};Königstraße;${i + 1};47051;Duisburg`),
  ].join('\n'),
).toString('base64');

const startMerge = (signerId: number) =>
  api<{ jobId: string }>('letters.merge.start', {
    templateId: 'weihnachtsgruss',
    recipients: { type: 'csv', fileName: 'empfaenger.csv', contentBase64: csv },
    signerId,
    date: '2026-12-10',
    output: 'files',
  });

const status = (jobId: string) => api<{ state: string; done: number; total: number }>('letters.merge.status', { jobId });

/** Every file below a folder, relative to the data folder, with `/` as separator. */
function filesBelow(folder: string): string[] {
  const root = path.join(dataDir, folder);
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dataDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

async function expectFolderAgreesWithRegister(): Promise<number> {
  const register = await api<{ total: number; items: Array<{ file: string }> }>('letters.list', { limit: 5000 });
  const rows = register.items.map((item) => item.file.split(path.sep).join('/')).sort();
  expect(register.total).toBe(rows.length);
  expect(filesBelow('Briefe')).toEqual(rows);
  expect(fs.readdirSync(path.join(dataDir, 'Briefe')).filter((name) => name.startsWith('.entstehend-'))).toEqual([]);
  expect(filesBelow('.uploads')).toEqual([]);
  return rows.length;
}

async function waitUntil<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('a mail merge killed at any moment', { timeout: 600_000 }, () => {
  it(`leaves the letters folder and the register in agreement after ${ROUNDS} kills`, async () => {
    server = await startServer(dataDir);
    const signer = await api<{ id: number }>('signers.save', { name: 'Dr. Petra Hovestadt', gender: 'female', office: 'Oberbürgermeisterin', deputy: false });

    // A merge run to its end tells how long rendering and committing take on this machine.
    const began = Date.now();
    const { jobId } = await startMerge(signer.id);
    const rendered = await waitUntil(async () => ((await status(jobId)).done === LETTERS ? Date.now() - began : undefined));
    const finished = await waitUntil(async () => ((await status(jobId)).state === 'done' ? Date.now() - began : undefined));
    let letters = await expectFolderAgreesWithRegister();
    expect(letters).toBe(LETTERS);

    for (let round = 0; round < ROUNDS; round++) {
      // An upload the user never finished, as with a register extract in transfer.
      await api('uploads.append', { fileName: 'auszug.csv', chunkBase64: Buffer.from('Familienname;Vorname\n').toString('base64') });
      const started = await startMerge(signer.id);
      if (round % 2 === 0) {
        // Anywhere in the merge.
        await new Promise((resolve) => setTimeout(resolve, random() * finished * 1.1));
      } else {
        // Once every letter is rendered: while the register rows and the files are committed.
        await waitUntil(async () => ((await status(started.jobId)).done === LETTERS ? true : undefined));
        await new Promise((resolve) => setTimeout(resolve, random() * Math.max(finished - rendered, 20) * 1.5));
      }
      await server.kill();
      server = await startServer(dataDir);
      const now = await expectFolderAgreesWithRegister();
      expect([letters, letters + LETTERS]).toContain(now);
      letters = now;
    }
  });
});
