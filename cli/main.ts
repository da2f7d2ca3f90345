import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { call, contract, dispatch, isApiError, METHOD_NAMES, type ApiError, type DispatchResult, type MethodName, type RegisterMapping } from '../core/api';
import { runRegisterImport, uploadBytes, uploadFile } from '../core/app/register-import';
import { openApp, type App } from '../core/app/open-app';
import { startDailyTasks } from '../core/app/daily-tasks';
import { readOnlyMessage } from '../core/app/read-only-copy';
import { defaultDataDir } from '../core/app/data-dir';
import { describeTarget, requireLocalDatabase, resolveProcessTarget, type DatabaseTarget, type TargetSource } from '../core/app/database-target';
import { dbCommand, officeBackup } from './db-commands';
import { startBridge } from './http-bridge';
import { appVersion, MIGRATIONS_FOLDER, RENDERER_DIR, TEMPLATES_DIR, WORKER_SCRIPT } from './paths';
import { UsageError } from './usage-error';

/** Methods that take an uploaded file (`uploadId`): `call --file` uploads it and fills the field. */
export const FILE_METHODS = METHOD_NAMES.filter((method) => {
  const input = contract[method].input as z.ZodType;
  return !method.startsWith('uploads.') && input instanceof z.ZodObject && 'uploadId' in input.shape;
});

const USAGE = `Rathausbüro – Kommandozeile

Aufruf:
  rathausbuero serve  [--data-dir DIR] [--demo] [--port N] [--now ZEIT]
                                                            Browser-Modus starten
  rathausbuero call   METHODE ['JSON' | --input DATEI | --input -] [--file PFAD] [--data-dir DIR]
                                                            eine API-Funktion aufrufen
  rathausbuero backup [--to DATEI] [--data-dir DIR]          Datenbank sichern
  rathausbuero backup [--to ORDNER] --database URL           Bürodatenbank in einen neuen Datenordner sichern
  rathausbuero import residents DATEI [--profile NAME] [--data-dir DIR]
                                                            Melderegister-Auszug einlesen (CSV oder Excel)
  rathausbuero methods                                       alle API-Funktionen auflisten
  rathausbuero info [--database URL | --data-dir DIR]        zeigen, welche Datenbank verwendet wird und warum

Büromodus (für die IT; URL: postgres://benutzer@server:5432/datenbank):
  rathausbuero db migrate --database URL                     Bürodatenbank auf den Stand dieser Version bringen
  rathausbuero db copy --data-dir DIR --database URL         Datenbestand eines Arbeitsplatzes in die leere
                                                            Bürodatenbank übernehmen
  rathausbuero db copy --database URL --to-data-dir DIR      Bürodatenbank in einen neuen Datenordner kopieren
  rathausbuero db copy --from QUELLE --to ZIEL               dasselbe, Quelle und Ziel je ein Ordner oder eine URL

call: Die Eingabe ist JSON, als Argument oder mit --input aus einer Datei (--input - liest sie
  von der Standardeingabe; für große Eingaben, Argumente sind auf etwa 128 KB begrenzt).
  --file PFAD lädt eine Datei hoch, wie es die Oberfläche tut, und setzt ihre Kennung als
  „uploadId“ in die Eingabe. Das geht bei: ${FILE_METHODS.join(', ')}.
  Startet die Funktion eine Arbeit im Hintergrund (Serienbrief, Melderegister-Import), wartet
  der Aufruf auf ihr Ende und gibt den Endstand aus.

--now ZEIT (nur für Tests und Vorführungen): Die Uhr der App beginnt bei diesem Zeitpunkt
  (ISO, z. B. 2026-11-27T09:00:00+01:00) und läuft von dort weiter; so lassen sich Fristen
  ablaufen lassen, ohne die Rechneruhr zu verstellen.

Welche Datenbank: --database URL (Büromodus), sonst --data-dir DIR (die SQLite-Datei dort),
  sonst die Umgebungsvariable RATHAUSBUERO_DATABASE, sonst die Konfigurationsdatei der IT
  (/etc/rathausbuero/config.json, unter Windows %ProgramData%\\Rathausbüro\\config.json),
  sonst die SQLite-Datei im Datenordner der App:
  ${defaultDataDir()}
  Die Befehle „db …“ brauchen immer --database (bzw. --from/--to).`;

// Exit codes: 0 ok, 1 the call failed, 2 wrong usage (UsageError).

/** Doors that work only on a SQLite file so far say so in office mode, and what works there. */
const OFFICE_HINT = 'möglich sind dort „info“, „backup“, „db migrate“ und „db copy“. Für die SQLite-Datei eines Datenordners: --data-dir ORDNER.';

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      database: { type: 'string' },
      'to-data-dir': { type: 'string' },
      from: { type: 'string' },
      demo: { type: 'boolean', default: false },
      port: { type: 'string' },
      to: { type: 'string' },
      profile: { type: 'string' },
      now: { type: 'string' },
      input: { type: 'string' },
      file: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (command === 'db') {
    return dbCommand(rest, { database: values.database, dataDir: values['data-dir'], toDataDir: values['to-data-dir'], from: values.from, to: values.to }, out);
  }
  const target = () => resolveProcessTarget({ database: values.database, dataDir: values['data-dir'] });
  /** The SQLite data folder for a door that cannot work on the office database yet. */
  const local = () => requireLocalDatabase(target(), `„rathausbuero ${command}“`, OFFICE_HINT);
  switch (command) {
    case 'serve':
      return serve(local(), values.demo ?? false, parsePort(values.port), parseNow(values.now));
    case 'call':
      return callMethod(local(), rest, { input: values.input, file: values.file });
    case 'backup': {
      const chosen = target();
      if (chosen.kind === 'postgres') return officeBackup(chosen, values.to, out, process.stderr.isTTY ? (line) => process.stderr.write(`${line}\n`) : null);
      return withApp(chosen, async (app) => {
        const result = values.to ? await app.backupTo(path.resolve(values.to)) : await call(app.handlers, 'app.backup', {});
        out(`Sicherung geschrieben: ${result.file} (${result.bytes} Bytes)`);
        return 0;
      });
    }
    case 'import':
      return importCommand(local(), rest, values.profile);
    case 'info':
      return info(target(), out);
    case 'methods':
      process.stdout.write(`${METHOD_NAMES.join('\n')}\n`);
      return 0;
    default:
      throw new UsageError(`Unbekannter Befehl „${command}“. „rathausbuero help“ zeigt alle Befehle.`);
  }
}

/** Which database the commands use and what chose it (the password never shown); opens nothing. */
function info(target: DatabaseTarget, out: (line: string) => void): number {
  const { label, source } = describeTarget(target);
  out(`Datenbank: ${label}`);
  out(`Gewählt durch: ${source}`);
  out(`Version: Rathausbüro ${appVersion()}`);
  return 0;
}

/** A data folder (SQLite) and what chose it. */
type Local = Extract<DatabaseTarget, { kind: 'sqlite' }>;

async function importCommand(local: Local, args: string[], profileName: string | undefined): Promise<number> {
  const [what, file] = args;
  if (what !== 'residents' || !file) throw new UsageError('Aufruf: rathausbuero import residents DATEI [--profile NAME] [--data-dir DIR]');
  const content = readFile(file);
  if ('error' in content) return fail(content.error);
  return withApp(local, async (app) => {
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

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port: „${value}“ ist keine gültige Portnummer (0–65535).`);
  }
  return port;
}

/**
 * `--now`: a clock that starts at the given instant and runs on from there (for tests and
 * demonstrations: let a deadline pass by restarting three weeks later). Without it, the real clock.
 */
export function parseNow(value: string | undefined, realNow: () => number = Date.now): (() => Date) | undefined {
  if (value === undefined) return undefined;
  const start = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(start)) {
    throw new UsageError(`--now: „${value}“ ist kein Zeitpunkt. Erwartet wird z. B. 2026-11-27T09:00:00+01:00.`);
  }
  const realStart = realNow();
  return () => new Date(start + (realNow() - realStart));
}

function open(local: { dataDir: string; source: TargetSource }, now?: () => Date): App {
  return openApp({ dataDir: local.dataDir, source: local.source, migrationsFolder: MIGRATIONS_FOLDER, templatesDir: TEMPLATES_DIR, appVersion: appVersion(), now, workerScript: WORKER_SCRIPT });
}

async function withApp(local: Local, work: (app: App) => Promise<number>): Promise<number> {
  const app = open(local);
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

async function callMethod(local: Local, args: string[], options: CallOptions): Promise<number> {
  const [method, json, ...extra] = args;
  const usage = 'Aufruf: rathausbuero call METHODE [\'JSON\' | --input DATEI | --input -] [--file PFAD] [--data-dir DIR]';
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
  return withApp(local, async (app) => {
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
async function untilJobEnds(app: App, method: string, result: DispatchResult): Promise<DispatchResult> {
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

async function serve(local: Local, demo: boolean, port: number, now: (() => Date) | undefined): Promise<number> {
  const app = open(local, now);
  if (demo && (await call(app.handlers, 'app.info', {})).contactCount === 0) {
    const loaded = await call(app.handlers, 'demo.load', {});
    process.stdout.write(`Beispieldaten geladen: ${loaded.contacts} Kontakte.\n`);
  }
  const token = crypto.randomBytes(24).toString('base64url');
  const bridge = await startBridge({
    handlers: app.handlers,
    changes: app.changes,
    token,
    staticDir: RENDERER_DIR,
    port,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`Rathausbüro läuft im Browser-Modus (nur auf diesem Rechner erreichbar):\n${bridge.url}\n`);
  const database = describeTarget(local);
  process.stdout.write(`Datenbank: ${database.label} (gewählt durch: ${database.source})\nBeenden mit Strg+C.\n`);
  if (now) process.stdout.write(`Uhr der App (--now): ${now().toISOString()}\n`);
  if (app.readOnlyCopy) process.stdout.write(`${readOnlyMessage(app.readOnlyCopy)}\n`);
  // A read-only copy changes nothing, the daily retention check included (the office database runs it).
  const daily = app.readOnlyCopy ? null : startDailyTasks(app.handlers, { now, log: (line) => process.stderr.write(`${line}\n`) });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // Open pages' change streams end first; they would keep the server from closing.
  await bridge.close();
  daily?.stop();
  app.close();
  return 0;
}

/**
 * Prints the error as `{ code, message, details }` on stderr. Built field by field: an Error's
 * `message` is not an own enumerable property, JSON.stringify would drop it.
 */
function fail(error: ApiError): number {
  const { code, message, details } = error;
  process.stderr.write(`${JSON.stringify({ code, message, details }, null, 2)}\n`);
  return 1;
}

export async function run(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('ERR_PARSE_ARGS')) {
      const option = /option '([^']+)'/i.exec((error as Error).message)?.[1];
      const what = option ? `Die Option „${option.replace(/\s*<value>$/, '')}“ gibt es nicht oder sie braucht einen Wert.` : 'Ungültiger Aufruf.';
      process.stderr.write(`${what} „rathausbuero help“ zeigt alle Befehle und Optionen.\n`);
      process.exitCode = 2;
    } else if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    } else if (isApiError(error)) {
      process.exitCode = fail(error);
    } else {
      const err = error as { code?: string; message?: string; details?: unknown };
      process.exitCode = fail({
        code: err.code === 'DB_TOO_NEW' || err.code === 'DB_UNREADABLE' ? err.code : 'INTERNAL',
        message: err.message ?? String(error),
        details: err.details,
      });
    }
  }
}
