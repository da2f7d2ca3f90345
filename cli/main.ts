import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { isApiError } from '../core/api/errors';
import { startPageServed } from '../core/app/call-traffic';
import { defaultDataDir } from '../core/app/data-dir';
import { describeTarget, resolveProcessTarget, type DatabaseTarget } from '../core/app/database-target';
import type { OpenedApp } from '../core/app/open-app';
import { startBridge } from './http-bridge';
import { appVersion, RENDERER_DIR } from './paths';
import { fail } from './print-error';
import { UsageError } from './usage-error';

// Only light modules are imported here: the commands load what they need when they run
// (app-commands.ts, db-commands.ts), and `serve` listens before the API's modules are loaded.

/** The help text; it names the methods that take a file, so it loads the contract. */
async function usage(): Promise<string> {
  const { FILE_METHODS } = await import('./app-commands');
  return `Rathausbüro – Kommandozeile

Aufruf:
  rathausbuero serve  [--database URL | --data-dir DIR] [--demo] [--port N] [--now ZEIT]
                                                            Browser-Modus starten (auch auf der Bürodatenbank)
  rathausbuero call   METHODE ['JSON' | --input DATEI | --input -] [--file PFAD] [--database URL | --data-dir DIR]
                                                            eine API-Funktion aufrufen
  rathausbuero backup [--to DATEI] [--data-dir DIR]          Datenbank sichern
  rathausbuero backup [--to ORDNER] --database URL           Bürodatenbank in einen neuen Datenordner sichern
  rathausbuero import residents DATEI [--profile NAME] [--database URL | --data-dir DIR]
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
}

// Exit codes: 0 ok, 1 the call failed, 2 wrong usage (UsageError).

/** Doors that work only on a SQLite file so far say so in office mode, and what works there. */

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
    process.stdout.write(`${await usage()}\n`);
    return command || values.help ? 0 : 2;
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (command === 'db') {
    const { dbCommand } = await import('./db-commands');
    return dbCommand(rest, { database: values.database, dataDir: values['data-dir'], toDataDir: values['to-data-dir'], from: values.from, to: values.to }, out);
  }
  const target = () => resolveProcessTarget({ database: values.database, dataDir: values['data-dir'] });
  switch (command) {
    case 'serve':
      return serve(target(), values.demo ?? false, parsePort(values.port), parseNow(values.now));
    case 'call':
      return (await import('./app-commands')).callMethod(target(), rest, { input: values.input, file: values.file });
    case 'backup': {
      const chosen = target();
      if (chosen.kind === 'postgres') {
        const { officeBackup } = await import('./db-commands');
        return officeBackup(chosen, values.to, out, process.stderr.isTTY ? (line) => process.stderr.write(`${line}\n`) : null);
      }
      return (await import('./app-commands')).backupCommand(chosen, values.to, out);
    }
    case 'import':
      return (await import('./app-commands')).importCommand(target(), rest, values.profile);
    case 'info':
      return info(target(), out);
    case 'methods':
      return (await import('./app-commands')).listMethods();
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

/**
 * Browser mode. The bridge listens at once and serves the page's files while the app (the API's
 * modules, the database) loads in the background; the page's first calls wait for it. The
 * start-up retention check waits until the start page has its answers.
 */
async function serve(chosen: DatabaseTarget, demo: boolean, port: number, now: (() => Date) | undefined): Promise<number> {
  const app = loadApp(chosen, demo, now);
  const token = crypto.randomBytes(24).toString('base64url');
  const bridge = await startBridge({
    handlers: app.then((opened) => opened.handlers),
    changes: app.then((opened) => opened.changes),
    token,
    staticDir: RENDERER_DIR,
    port,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`Rathausbüro läuft im Browser-Modus (nur auf diesem Rechner erreichbar):\n${bridge.url}\n`);
  const database = describeTarget(chosen);
  process.stdout.write(`Datenbank: ${database.label} (gewählt durch: ${database.source})\nBeenden mit Strg+C.\n`);
  if (now) process.stdout.write(`Uhr der App (--now): ${now().toISOString()}\n`);
  let opened: OpenedApp;
  try {
    opened = await app;
  } catch (error) {
    // A database this version cannot use: the calls answer its message; `run` prints it and the process ends.
    await bridge.close();
    throw error;
  }
  if (opened.readOnlyCopy) process.stdout.write(`${(await import('../core/app/read-only-copy')).readOnlyMessage(opened.readOnlyCopy)}\n`);
  // A read-only copy changes nothing, the daily retention check included (the office database runs it).
  const { startDailyTasks } = await import('../core/app/daily-tasks');
  const firstRunAfter = startPageServed(bridge);
  const daily = opened.readOnlyCopy ? null : startDailyTasks(opened.handlers, { now, log: (line) => process.stderr.write(`${line}\n`), firstRunAfter });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // Open pages' change streams end first; they would keep the server from closing.
  await bridge.close();
  daily?.stop();
  await opened.close();
  return 0;
}

/**
 * Loads the API's modules and opens the app (with the demo data if asked for and the folder is
 * empty). A module's code runs in one piece, so the API loads in layers (the contract and its
 * schemas, the database, the largest libraries each on its own, then the services), giving the
 * bridge a turn between them: the page's files are served in the pauses, not after the API.
 */
async function loadApp(chosen: DatabaseTarget, demo: boolean, now: (() => Date) | undefined): Promise<OpenedApp> {
  const { call } = await import('../core/api/dispatcher');
  await nextTurn();
  if (chosen.kind === 'sqlite') await import('../db/engine/sqlite');
  await nextTurn();
  await import('../core/domain/calendar/holidays');
  await nextTurn();
  await import('../core/domain/online/check');
  await nextTurn();
  const { openTarget } = await import('./app-commands');
  await nextTurn();
  const app = await openTarget(chosen, now);
  if (demo && (await call(app.handlers, 'app.info', {})).contactCount === 0) {
    const loaded = await call(app.handlers, 'demo.load', {});
    process.stdout.write(`Beispieldaten geladen: ${loaded.contacts} Kontakte.\n`);
  }
  return app;
}

/** Lets waiting requests be answered (after the I/O of this turn). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
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
