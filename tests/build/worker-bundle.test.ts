/**
 * The desktop app runs the background worker from its bundle (out/main/worker.js, built by
 * `npm run build`, which `npm test` runs first), not from the TypeScript source: import a
 * register extract through that bundle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { openApp } from '../../core/app/open-app';
import { runRegisterImport, uploadBytes } from '../../core/app/register-import';
import { STANDARD_COLUMNS } from '../../core/services/residents/register-extract';
import { MIGRATIONS_FOLDER, TEMPLATES_DIR, tempDir } from '../support/temp-app';

const BUNDLE = path.resolve(__dirname, '../../out/main/worker.js');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

it('imports a register extract with the bundled worker', async () => {
  expect(fs.existsSync(BUNDLE), `${BUNDLE} fehlt: erst „npm run build“`).toBe(true);
  const dataDir = tempDir();
  dirs.push(dataDir);
  const app = openApp({ dataDir, migrationsFolder: MIGRATIONS_FOLDER, templatesDir: TEMPLATES_DIR, appVersion: 'test', user: 'test', workerScript: pathToFileURL(BUNDLE) });
  try {
    const row = ['R1', 'Groß', 'Erna', '', 'w', '03.12.1936', 'Königstraße', '5', '47051', 'Duisburg', 'Mitte', '', '', '', '', '', '', ''];
    const csv = new TextEncoder().encode(`${STANDARD_COLUMNS.join(';')}\n${row.join(';')}\n`);
    const uploadId = await uploadBytes(app.handlers, csv, 'auszug.csv');
    const job = await runRegisterImport(app.handlers, { uploadId, commit: true, pollMs: 10 });
    expect(job).toMatchObject({ state: 'done', result: { added: 1, rejectedTotal: 0 } });
  } finally {
    app.close();
  }
});
