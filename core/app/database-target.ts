import fs from 'node:fs';
import path from 'node:path';
import { describePostgresUrl } from '../../db/engine/postgres-url';
import type { DatabaseInfo } from '../api/contract';
import { dataFileIn, defaultDataDir } from './data-dir';

/**
 * Which database this process works on, decided in one place for every door (the desktop app,
 * browser mode, every command), in this order:
 * 1. `--database postgres://…` — the office's PostgreSQL database (office mode);
 * 2. `--data-dir DIR` — the SQLite file in DIR (tests and scripts stay on SQLite);
 * 3. the environment variable `RATHAUSBUERO_DATABASE` (a PostgreSQL address);
 * 4. the machine-wide configuration file IT deploys (`database`; see `configFilePath`);
 * 5. the SQLite file in this user's data folder (a single PC, nothing to set up).
 */
export type DatabaseTarget =
  | { kind: 'sqlite'; dataDir: string; source: TargetSource }
  | {
      kind: 'postgres';
      /** The connection URL; it may hold a password, so never print it (`describeTarget`). */
      url: string;
      source: TargetSource;
      /** This PC's own folder in office mode (uploads in transfer, window state): `--data-dir`, else the default. */
      localDir: string;
    };

/** Where the choice of database came from (the app names it, so IT can find it). */
export type TargetSource =
  | { kind: 'option'; option: '--database' | '--data-dir' }
  | { kind: 'environment'; variable: typeof DATABASE_VARIABLE }
  | { kind: 'config-file'; file: string }
  | { kind: 'default' };

/** The environment variable that names the office database. */
export const DATABASE_VARIABLE = 'RATHAUSBUERO_DATABASE';
/** Points at another configuration file than the machine-wide one (IT trying a configuration, tests). */
export const CONFIG_VARIABLE = 'RATHAUSBUERO_CONFIG';

/**
 * The keys of the machine-wide configuration file (a JSON object). Any other key is refused
 * (a misspelt key would otherwise be ignored without a word).
 */
export interface MachineConfig {
  /** The office's PostgreSQL database, e.g. "postgres://dbserver.stadt.local:5432/rathausbuero". */
  database?: string;
}
const CONFIG_KEYS: ReadonlyArray<keyof MachineConfig> = ['database'];

/** A database that cannot be chosen as given: `message` is German and says what and where. */
export class DatabaseTargetError extends Error {
  constructor(
    readonly code: 'CONFIG_INVALID' | 'DATABASE_ADDRESS_INVALID',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DatabaseTargetError';
  }
}

export interface TargetInputs {
  /** What the command line (or the desktop app's arguments) said. */
  options: { database?: string; dataDir?: string };
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** The configuration file's bytes, or undefined when there is none (see `readConfigFile`). */
  readConfigFile(file: string): Uint8Array | undefined;
  /** This user's data folder (desktop: Electron's userData; elsewhere `defaultDataDir()`). */
  defaultDataDir: string;
}

/** Decides the database (see `DatabaseTarget`); reads the configuration file only when it gets that far. */
export function resolveDatabaseTarget(inputs: TargetInputs): DatabaseTarget {
  const { options, env } = inputs;
  const localDir = path.resolve(options.dataDir ?? inputs.defaultDataDir);
  if (options.database !== undefined) {
    return { kind: 'postgres', url: checkedUrl(options.database, 'Die Option --database'), source: { kind: 'option', option: '--database' }, localDir };
  }
  if (options.dataDir !== undefined) return { kind: 'sqlite', dataDir: localDir, source: { kind: 'option', option: '--data-dir' } };
  const fromEnv = env[DATABASE_VARIABLE];
  if (fromEnv) {
    return {
      kind: 'postgres',
      url: checkedUrl(fromEnv, `Die Umgebungsvariable ${DATABASE_VARIABLE}`),
      source: { kind: 'environment', variable: DATABASE_VARIABLE },
      localDir,
    };
  }
  const file = configFilePath(env, inputs.platform);
  const bytes = inputs.readConfigFile(file);
  const config = bytes === undefined ? {} : parseMachineConfig(bytes, file);
  if (config.database !== undefined) return { kind: 'postgres', url: config.database, source: { kind: 'config-file', file }, localDir };
  return { kind: 'sqlite', dataDir: localDir, source: { kind: 'default' } };
}

/** The target of this process: its environment, its platform, the configuration file on this machine. */
export function resolveProcessTarget(options: TargetInputs['options'], dataDir = defaultDataDir()): DatabaseTarget {
  return resolveDatabaseTarget({ options, env: process.env, platform: process.platform, readConfigFile, defaultDataDir: dataDir });
}

/** `--database X`, `--database=X`, `--data-dir X` among other arguments (Electron adds its own switches). */
export function targetOptionsFromArgv(argv: readonly string[]): TargetInputs['options'] {
  const options: TargetInputs['options'] = {};
  const names = { '--database': 'database', '--data-dir': 'dataDir' } as const;
  argv.forEach((arg, i) => {
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const key = names[name as keyof typeof names];
    const value = inline ?? argv[i + 1];
    if (key && value !== undefined) options[key] = value;
  });
  return options;
}

/**
 * The machine-wide configuration file: `%ProgramData%\Rathausbüro\config.json` on Windows,
 * `/etc/rathausbuero/config.json` elsewhere; `RATHAUSBUERO_CONFIG` names another one.
 */
export function configFilePath(env: TargetInputs['env'], platform: NodeJS.Platform): string {
  if (env[CONFIG_VARIABLE]) return env[CONFIG_VARIABLE];
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Rathausbüro', 'config.json');
  return '/etc/rathausbuero/config.json';
}

/** The file's bytes; undefined when there is none; a German error when it cannot be read. */
export function readConfigFile(file: string): Uint8Array | undefined {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    const why = code === 'EACCES' || code === 'EPERM' ? 'Zugriff verweigert' : code === 'EISDIR' ? 'das ist ein Ordner' : (error as Error).message;
    throw new DatabaseTargetError('CONFIG_INVALID', `Die Konfigurationsdatei „${file}“ kann nicht gelesen werden (${why}). Bitte wenden Sie sich an die IT.`, {
      file,
      cause: (error as Error).message,
    });
  }
}

/** The configuration file's content, checked: a German error says what is wrong and where. */
export function parseMachineConfig(bytes: Uint8Array, file: string): MachineConfig {
  const fail = (what: string, details: Record<string, unknown> = {}) =>
    new DatabaseTargetError('CONFIG_INVALID', `Die Konfigurationsdatei „${file}“${what}`, { file, ...details });
  const text = decodeText(bytes);
  if (text.trim() === '') throw fail(' ist leer. Erwartet wird ein JSON-Objekt, z. B. { "database": "postgres://server:5432/rathausbuero" }.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const position = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? text.length);
    const before = text.slice(0, position).split('\n');
    throw fail(
      ` ist kein gültiges JSON (Zeile ${before.length}, Spalte ${before.at(-1)!.length + 1}). Bitte prüfen Sie Anführungszeichen, Kommas und Klammern.`,
      { cause: (error as Error).message },
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw fail(` muss ein JSON-Objekt enthalten ({ … }), sie enthält ${kindOf(value)}.`);
  }
  for (const key of Object.keys(value)) {
    if (!(CONFIG_KEYS as string[]).includes(key)) {
      throw fail(` enthält den unbekannten Eintrag „${key}“. Bekannt ${CONFIG_KEYS.length === 1 ? 'ist' : 'sind'}: ${CONFIG_KEYS.map((k) => `„${k}“`).join(', ')}.`, { key });
    }
  }
  const { database } = value as Record<string, unknown>;
  if (database === undefined) return {};
  if (typeof database !== 'string') {
    throw fail(`: Der Eintrag „database“ muss eine PostgreSQL-Adresse als Text sein (z. B. "postgres://server:5432/rathausbuero"), er ist ${kindOf(database)}.`, { key: 'database' });
  }
  return { database: checkedUrl(database, `Der Eintrag „database“ der Konfigurationsdatei „${file}“`, 'CONFIG_INVALID') };
}

/** UTF-8 (with or without the byte order mark Notepad writes) or UTF-16 with its mark (PowerShell 5's Out-File). */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'eine Liste';
  return { string: 'ein Text', number: 'eine Zahl', boolean: 'ein Wahrheitswert' }[typeof value as string] ?? 'etwas anderes';
}

/** A PostgreSQL address, or the German error naming where the wrong value came from (never its password). */
function checkedUrl(value: string, where: string, code: 'CONFIG_INVALID' | 'DATABASE_ADDRESS_INVALID' = 'DATABASE_ADDRESS_INVALID'): string {
  let parsed: URL | null = null;
  try {
    parsed = new URL(value);
  } catch {
    // Not a URL at all (a path, a host name).
  }
  if (parsed && (parsed.protocol === 'postgres:' || parsed.protocol === 'postgresql:')) return value;
  const looksLikeFolder = !parsed || /^[a-z]:$/i.test(parsed.protocol);
  throw new DatabaseTargetError(
    code,
    `${where} ist keine PostgreSQL-Adresse: „${withoutPassword(value)}“. Erwartet wird z. B. postgres://server:5432/rathausbuero` +
      (looksLikeFolder ? ' (für die SQLite-Datei eines Datenordners: --data-dir ORDNER).' : '.'),
    { value: withoutPassword(value) },
  );
}

/** The address with its password replaced by ***, for messages. */
export function withoutPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*:)[^@/]*@/i, '$1***@');
}

/** The database for people: which one, and what chose it (start page, `app.info`, the command line). */
export function describeTarget(target: DatabaseTarget): { label: string; source: string } {
  let label: string;
  if (target.kind === 'sqlite') {
    label = `SQLite-Datei „${dataFileIn(target.dataDir)}“`;
  } else {
    const where = describePostgresUrl(target.url);
    label = `PostgreSQL-Datenbank „${where.database}“ auf „${where.host}“ (Anmeldung als „${where.user}“)`;
  }
  return { label, source: describeSource(target.source) };
}

export function describeSource(source: TargetSource): string {
  switch (source.kind) {
    case 'option':
      return `Option ${source.option}`;
    case 'environment':
      return `Umgebungsvariable ${source.variable}`;
    case 'config-file':
      return `Konfigurationsdatei „${source.file}“`;
    case 'default':
      return 'Voreinstellung (Datenordner dieses Benutzers)';
  }
}

/** The database as `app.info` reports it (never the password). */
export function databaseInfo(target: DatabaseTarget): DatabaseInfo {
  const { label, source } = describeTarget(target);
  if (target.kind === 'sqlite') return { kind: 'sqlite', file: dataFileIn(target.dataDir), label, source };
  const { host, database, user } = describePostgresUrl(target.url);
  return { kind: 'postgres', host, database, user, label, source };
}

