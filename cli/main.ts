import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { call, dispatch, isApiError, METHOD_NAMES, type ApiError, type RegisterMapping } from '../core/api';
import { runRegisterImport, uploadBytes } from '../core/app/register-import';
import { openApp, type App } from '../core/app/open-app';
import { startDailyTasks } from '../core/app/daily-tasks';
import { defaultDataDir } from '../core/app/data-dir';
import { startBridge } from './http-bridge';
import { appVersion, MIGRATIONS_FOLDER, RENDERER_DIR, TEMPLATES_DIR } from './paths';

const USAGE = `Rathausbüro – Kommandozeile

Aufruf:
  rathausbuero serve  [--data-dir DIR] [--demo] [--port N] [--now ZEIT]
                                                            Browser-Modus starten
  rathausbuero call   METHODE 'JSON' [--data-dir DIR]        eine API-Funktion aufrufen
  rathausbuero backup [--to DATEI] [--data-dir DIR]          Datenbank sichern
  rathausbuero import residents DATEI [--profile NAME] [--data-dir DIR]
                                                            Melderegister-Auszug einlesen (CSV oder Excel)
  rathausbuero methods                                       alle API-Funktionen auflisten

--now ZEIT (nur für Tests und Vorführungen): Die Uhr der App beginnt bei diesem Zeitpunkt
  (ISO, z. B. 2026-11-27T09:00:00+01:00) und läuft von dort weiter; so lassen sich Fristen
  ablaufen lassen, ohne die Rechneruhr zu verstellen.

Ohne --data-dir wird der Datenordner der App verwendet:
  ${defaultDataDir()}`;

/** Exit codes: 0 ok, 1 the call failed, 2 wrong usage. */
class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      port: { type: 'string' },
      to: { type: 'string' },
      profile: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  switch (command) {
    case 'serve':
      return serve(dataDir, values.demo ?? false, parsePort(values.port), parseNow(values.now));
    case 'call':
      return callMethod(dataDir, rest);
    case 'backup':
      return withApp(dataDir, async (app) => {
        const result = values.to ? await app.backupTo(path.resolve(values.to)) : await call(app.handlers, 'app.backup', {});
        process.stdout.write(`Sicherung geschrieben: ${result.file} (${result.bytes} Bytes)\n`);
        return 0;
      });
    case 'import':
      return importCommand(dataDir, rest, values.profile);
    case 'methods':
      process.stdout.write(`${METHOD_NAMES.join('\n')}\n`);
      return 0;
    default:
      throw new UsageError(`Unbekannter Befehl „${command}“. „rathausbuero help“ zeigt alle Befehle.`);
  }
}

async function importCommand(dataDir: string, args: string[], profileName: string | undefined): Promise<number> {
  const [what, file] = args;
  if (what !== 'residents' || !file) throw new UsageError('Aufruf: rathausbuero import residents DATEI [--profile NAME] [--data-dir DIR]');
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch (error) {
    return fail({ code: 'NOT_FOUND', message: `Die Datei „${file}“ kann nicht gelesen werden: ${(error as Error).message}` });
  }
  return withApp(dataDir, async (app) => {
    let mapping: RegisterMapping | undefined;
    if (profileName) {
      const profile = (await call(app.handlers, 'residents.import.profiles', {})).find((p) => p.name === profileName);
      if (!profile) return fail({ code: 'NOT_FOUND', message: `Das Zuordnungsprofil „${profileName}“ gibt es nicht.` });
      mapping = profile.mapping;
    }
    const uploadId = await uploadBytes(app.handlers, content, path.basename(file));
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

function open(dataDir: string, now?: () => Date): App {
  return openApp({ dataDir, migrationsFolder: MIGRATIONS_FOLDER, templatesDir: TEMPLATES_DIR, appVersion: appVersion(), now });
}

async function withApp(dataDir: string, work: (app: App) => Promise<number>): Promise<number> {
  const app = open(dataDir);
  try {
    return await work(app);
  } finally {
    app.close();
  }
}

async function callMethod(dataDir: string, args: string[]): Promise<number> {
  const [method, json] = args;
  if (!method) throw new UsageError('Aufruf: rathausbuero call METHODE \'JSON\' [--data-dir DIR]');
  let input: unknown = undefined;
  if (json !== undefined) {
    try {
      input = JSON.parse(json);
    } catch (error) {
      return fail({
        code: 'INVALID_INPUT',
        message: `Die Eingabe ist kein gültiges JSON: ${(error as Error).message}`,
        details: { input: json },
      });
    }
  }
  return withApp(dataDir, async (app) => {
    const result = await dispatch(app.handlers, method, input, {
      onUnexpectedError: (error) => process.stderr.write(`${(error as Error)?.stack ?? error}\n`),
    });
    if (!result.ok) return fail(result.error);
    process.stdout.write(`${JSON.stringify(result.data ?? null, null, 2)}\n`);
    return 0;
  });
}

async function serve(dataDir: string, demo: boolean, port: number, now: (() => Date) | undefined): Promise<number> {
  const app = open(dataDir, now);
  if (demo && (await call(app.handlers, 'app.info', {})).contactCount === 0) {
    const loaded = await call(app.handlers, 'demo.load', {});
    process.stdout.write(`Beispieldaten geladen: ${loaded.contacts} Kontakte.\n`);
  }
  const token = crypto.randomBytes(24).toString('base64url');
  const bridge = await startBridge({
    handlers: app.handlers,
    token,
    staticDir: RENDERER_DIR,
    port,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`Rathausbüro läuft im Browser-Modus (nur auf diesem Rechner erreichbar):\n${bridge.url}\n`);
  process.stdout.write(`Daten: ${app.dataFile}\nBeenden mit Strg+C.\n`);
  if (now) process.stdout.write(`Uhr der App (--now): ${now().toISOString()}\n`);
  const daily = startDailyTasks(app.handlers, { now, log: (line) => process.stderr.write(`${line}\n`) });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await new Promise<void>((resolve) => bridge.server.close(() => resolve()));
  bridge.server.closeAllConnections?.();
  daily.stop();
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
