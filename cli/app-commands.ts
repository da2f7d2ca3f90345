// The commands that work on the app's services (call, import, backup of a data folder, methods)
// and the app behind `serve`. Loaded only when one of them runs: `cli/main.ts` stays light, so
// browser mode listens before the API's modules are loaded.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { call, contract, dispatch, METHOD_NAMES, type ApiError, type DispatchResult, type MethodName, type RegisterMapping } from '../core/api';
import { runRegisterImport, uploadBytes, uploadFile } from '../core/app/register-import';
import { openApp, openOfficeApp, type App, type OpenedApp } from '../core/app/open-app';
import type { DatabaseTarget, TargetSource } from '../core/app/database-target';
import { appVersion, MIGRATIONS_FOLDER, PG_MIGRATIONS_FOLDER, TEMPLATES_DIR, WORKER_SCRIPT } from './paths';
import { fail } from './print-error';
import { UsageError } from './usage-error';

/** A data folder (SQLite) and what chose it. */
export type Local = Extract<DatabaseTarget, { kind: 'sqlite' }>;

/** Methods that take an uploaded file (`uploadId`): `call --file` uploads it and fills the field. */
export const FILE_METHODS = METHOD_NAMES.filter((method) => {
  const input = contract[method].input as z.ZodType;
  return !method.startsWith('uploads.') && input instanceof z.ZodObject && 'uploadId' in input.shape;
});

/** `backup` of a data folder: to the file the user named, else into the folder's backups. */
export function backupCommand(local: Local, to: string | undefined, out: (line: string) => void): Promise<number> {
  return withApp(local, async (app) => {
    const result = to ? await app.backupTo(path.resolve(to)) : await call(app.handlers, 'app.backup', {});
    out(`Sicherung geschrieben: ${result.file} (${result.bytes} Bytes)`);
    return 0;
  });
}

/** `methods`: every method of the contract, one a line. */
export function listMethods(): number {
  process.stdout.write(`${METHOD_NAMES.join('\n')}\n`);
  return 0;
}

export async function importCommand(chosen: DatabaseTarget, args: string[], profileName: string | undefined): Promise<number> {
  const [what, file] = args;
  if (what !== 'residents' || !file) throw new UsageError('Aufruf: rathausbuero import residents DATEI [--profile NAME] [--database URL | --data-dir DIR]');
  const content = readFile(file);
  if ('error' in content) return fail(content.error);
  return withAppOn(chosen, async (app) => {
    let mapping: RegisterMapping | undefined;
    if (profileName) {
      const profile = (await call(app.handlers, 'residents.import.profiles', {})).find((p) => p.name === profileName);
      if (!profile) return fail({ code: 'NOT_FOUND', message: `Das Zuordnungsprofil „${profileName}“ gibt es nicht.` });
      mapping = profile.mapping;
    }
    const uploadId = await uploadBytes(app.handlers, content.bytes, path.basename(file));
    const showProgress = process.stderr.isTTY;
    const job = await runRegisterImport(app.handlers, {
      uploadId,
      mapping,
      commit: true,
      pollMs: 250,
      onProgress: (done, total) => {
        if (showProgress && total > 0) process.stderr.write(`\rLese … ${Math.round((done / total) * 100)} %`);
      },
    });
    if (showProgress) process.stderr.write('\r');
    if (job.state !== 'done' || !job.result) {
      const error = job.error ?? { code: 'INTERNAL', message: 'Der Import wurde abgebrochen; es wurde nichts übernommen.' };
      const rejected = (error.details as { rejected?: Array<{ message: string }> } | undefined)?.rejected ?? [];
      for (const row of rejected) process.stdout.write(`${row.message}\n`);
      return fail(error as ApiError);
    }
    const r = job.result;
    process.stdout.write(
      `Melderegister-Auszug „${path.basename(file)}“ eingelesen: ${r.added} neu, ${r.changed} geändert, ` +
        `${r.unchanged} unverändert, ${r.gone} nicht mehr enthalten, ${r.rejectedTotal} abgelehnt.\n`,
    );
    for (const row of r.rejected) process.stdout.write(`${row.message}\n`);
    for (const warning of r.warnings) process.stdout.write(`Achtung: ${warning}\n`);
    if (r.rejectedTotal > r.rejected.length) process.stdout.write(`… und ${r.rejectedTotal - r.rejected.length} weitere abgelehnte Zeilen.\n`);
    return 0;
  });
}

/** Opens the app on a data folder, as every command of this module does. */
export function openLocalApp(local: { dataDir: string; source: TargetSource }, now?: () => Date): App {
  return openApp({ dataDir: local.dataDir, source: local.source, migrationsFolder: MIGRATIONS_FOLDER, templatesDir: TEMPLATES_DIR, appVersion: appVersion(), now, workerScript: WORKER_SCRIPT });
}

/** The app on the chosen database: the data folder's SQLite file, or the office database (office mode). */
export async function openTarget(chosen: DatabaseTarget, now?: () => Date): Promise<OpenedApp> {
  if (chosen.kind === 'sqlite') return openLocalApp(chosen, now);
  return openOfficeApp({
    url: chosen.url,
    localDir: chosen.localDir,
    source: chosen.source,
    migrationsFolder: MIGRATIONS_FOLDER,
    pgMigrationsFolder: PG_MIGRATIONS_FOLDER,
    templatesDir: TEMPLATES_DIR,
    appVersion: appVersion(),
    now,
    workerScript: WORKER_SCRIPT,
  });
}

/** The app on the chosen database (a data folder's SQLite file or the office database) for one command. */
async function withAppOn(chosen: DatabaseTarget, work: (app: OpenedApp) => Promise<number>): Promise<number> {
  const app = await openTarget(chosen);
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

async function withApp(local: Local, work: (app: App) => Promise<number>): Promise<number> {
  const app = openLocalApp(local);
  try {
    return await work(app);
  } finally {
    app.close();
  }
}

/** A file's bytes ("-": standard input), or the German error for a file that cannot be read. */
function readFile(file: string): { bytes: Buffer } | { error: ApiError } {
  try {
    return { bytes: file === '-' ? fs.readFileSync(0) : fs.readFileSync(file) };
  } catch (error) {
    return { error: unreadableFile(file, error) };
  }
}

/** The German error for a file that cannot be read (fs's own words go into `details`). */
function unreadableFile(file: string, error: unknown): ApiError {
  const cause = (error as NodeJS.ErrnoException).code;
  const why = cause === 'ENOENT' ? 'Sie ist nicht vorhanden.' : cause === 'EISDIR' ? 'Das ist ein Ordner.' : cause === 'EACCES' ? 'Der Zugriff ist nicht erlaubt.' : 'Sie lässt sich nicht lesen.';
  return { code: 'NOT_FOUND', message: `Die Datei „${file}“ kann nicht gelesen werden. ${why}`, details: { file, cause: (error as Error).message } };
}

/** JSON text → value, or the German error naming where it breaks. */
function parseJson(text: string, source: string): { value: unknown } | { error: ApiError } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const where = position !== undefined ? ` (bei Zeichen ${Number(position) + 1})` : text.trim() === '' ? ' (sie ist leer)' : '';
    return { error: { code: 'INVALID_INPUT', message: `Die Eingabe ist kein gültiges JSON${where}.`, details: { source, cause: (error as Error).message } } };
  }
}

interface CallOptions {
  /** JSON from a file, or "-" for standard input. */
  input?: string;
  /** A file to upload; its id goes into the input's `uploadId`. */
  file?: string;
}

export async function callMethod(chosen: DatabaseTarget, args: string[], options: CallOptions): Promise<number> {
  const [method, json, ...extra] = args;
  const usage = 'Aufruf: rathausbuero call METHODE [\'JSON\' | --input DATEI | --input -] [--file PFAD] [--database URL | --data-dir DIR]';
  if (!method || extra.length > 0) throw new UsageError(usage);
  if (json !== undefined && options.input !== undefined) throw new UsageError(`Bitte die Eingabe entweder als Argument oder mit --input angeben, nicht beides.\n${usage}`);
  if (options.file !== undefined && !FILE_METHODS.includes(method as MethodName)) {
    throw new UsageError(`Die Funktion „${method}“ nimmt keine Datei (--file). Eine Datei nehmen: ${FILE_METHODS.join(', ')}.`);
  }
  let input: unknown = undefined;
  const text = options.input !== undefined ? readFile(options.input) : json !== undefined ? { bytes: Buffer.from(json) } : undefined;
  if (text && 'error' in text) return fail(text.error);
  if (text) {
    const parsed = parseJson(text.bytes.toString('utf8'), options.input ?? 'Argument');
    if ('error' in parsed) return fail(parsed.error);
    input = parsed.value;
  }
  if (options.file !== undefined) {
    if (input !== undefined && (typeof input !== 'object' || input === null || Array.isArray(input))) {
      return fail({ code: 'INVALID_INPUT', message: 'Mit --file muss die Eingabe ein JSON-Objekt sein (die Datei wird als „uploadId“ eingesetzt).' });
    }
    if (input && 'uploadId' in input) throw new UsageError('Bitte die Datei entweder mit --file oder als „uploadId“ angeben, nicht beides.');
    try {
      fs.closeSync(fs.openSync(options.file, 'r'));
      if (fs.statSync(options.file).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    } catch (error) {
      return fail(unreadableFile(options.file, error));
    }
  }
  return withAppOn(chosen, async (app) => {
    const onUnexpectedError = (error: unknown) => process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
    let uploadId: string | undefined;
    try {
      if (options.file !== undefined) {
        uploadId = await uploadFile(app.handlers, options.file);
        input = { ...(input as object | undefined), uploadId };
      }
      let result = await dispatch(app.handlers, method, input, { onUnexpectedError });
      result = await untilJobEnds(app, method, result);
      if (!result.ok) return fail(result.error);
      process.stdout.write(`${JSON.stringify(result.data ?? null, null, 2)}\n`);
      return 0;
    } finally {
      // A file the method did not take over stays in the staging area only until this process ends.
      if (uploadId) await dispatch(app.handlers, 'uploads.discard', { uploadId });
    }
  });
}

/**
 * A call that started work in the background (a mail merge, a register import) would end with
 * this process: wait for the job's end and answer with its final status.
 */
async function untilJobEnds(app: OpenedApp, method: string, result: DispatchResult): Promise<DispatchResult> {
  const job = result.ok ? (result.data as { jobId?: unknown; state?: unknown } | null) : null;
  const status = method.replace(/\.start$/, '.status');
  if (!job || typeof job.jobId !== 'string' || job.state !== 'running' || status === method || !(METHOD_NAMES as string[]).includes(status)) return result;
  let current = result;
  while (current.ok && (current.data as { state?: unknown }).state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 100));
    current = await dispatch(app.handlers, status, { jobId: job.jobId });
  }
  return current;
}

