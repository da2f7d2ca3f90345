import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/temp-app';
import {
  configFilePath,
  databaseInfo,
  describeTarget,
  readConfigFile,
  resolveDatabaseTarget,
  targetOptionsFromArgv,
  type DatabaseTarget,
  type TargetInputs,
} from './database-target';

const OFFICE = 'postgres://dbserver.stadt.local:5432/rathausbuero';
const LINUX_CONFIG = '/etc/rathausbuero/config.json';
const HOME = path.resolve('/home/erika/.config/Rathausbüro');

interface Case {
  name: string;
  options?: TargetInputs['options'];
  env?: Record<string, string>;
  platform?: NodeJS.Platform;
  /** Configuration files by path (text). */
  files?: Record<string, string>;
  expected: DatabaseTarget;
}

function resolve(c: Omit<Case, 'expected' | 'name'>, read: string[] = []): DatabaseTarget {
  return resolveDatabaseTarget({
    options: c.options ?? {},
    env: c.env ?? {},
    platform: c.platform ?? 'linux',
    readConfigFile: (file) => {
      read.push(file);
      const text = c.files?.[file];
      return text === undefined ? undefined : Buffer.from(text);
    },
    defaultDataDir: HOME,
  });
}

const everywhere = { env: { RATHAUSBUERO_DATABASE: 'postgres://aus-der-umgebung/rb' }, files: { [LINUX_CONFIG]: JSON.stringify({ database: 'postgres://aus-der-datei/rb' }) } };

const cases: Case[] = [
  {
    name: '--database wins over everything',
    options: { database: OFFICE },
    ...everywhere,
    expected: { kind: 'postgres', url: OFFICE, source: { kind: 'option', option: '--database' }, localDir: HOME },
  },
  {
    name: '--database with --data-dir: the office database, the folder for this PC\'s own files',
    options: { database: OFFICE, dataDir: '/srv/rb' },
    expected: { kind: 'postgres', url: OFFICE, source: { kind: 'option', option: '--database' }, localDir: path.resolve('/srv/rb') },
  },
  {
    name: 'an explicit --data-dir stays on SQLite even where the environment and the configuration name an office database',
    options: { dataDir: '/tmp/test-daten' },
    ...everywhere,
    expected: { kind: 'sqlite', dataDir: path.resolve('/tmp/test-daten'), source: { kind: 'option', option: '--data-dir' } },
  },
  {
    name: 'the environment variable before the configuration file',
    ...everywhere,
    expected: { kind: 'postgres', url: 'postgres://aus-der-umgebung/rb', source: { kind: 'environment', variable: 'RATHAUSBUERO_DATABASE' }, localDir: HOME },
  },
  {
    name: 'an empty environment variable counts as not set',
    env: { RATHAUSBUERO_DATABASE: '' },
    files: everywhere.files,
    expected: { kind: 'postgres', url: 'postgres://aus-der-datei/rb', source: { kind: 'config-file', file: LINUX_CONFIG }, localDir: HOME },
  },
  {
    name: 'the configuration file /etc/rathausbuero/config.json (postgresql:// works as well)',
    files: { [LINUX_CONFIG]: '{ "database": "postgresql://db/rb" }\n' },
    expected: { kind: 'postgres', url: 'postgresql://db/rb', source: { kind: 'config-file', file: LINUX_CONFIG }, localDir: HOME },
  },
  {
    name: 'Windows: %ProgramData%\\Rathausbüro\\config.json, written by Notepad with a byte order mark',
    platform: 'win32',
    env: { ProgramData: 'D:\\ProgramData' },
    files: { 'D:\\ProgramData\\Rathausbüro\\config.json': `\uFEFF{\r\n  "database": "${OFFICE}"\r\n}\r\n` },
    expected: { kind: 'postgres', url: OFFICE, source: { kind: 'config-file', file: 'D:\\ProgramData\\Rathausbüro\\config.json' }, localDir: HOME },
  },
  {
    name: 'RATHAUSBUERO_CONFIG names another configuration file',
    env: { RATHAUSBUERO_CONFIG: '/opt/probe.json' },
    files: { '/opt/probe.json': `{"database":"${OFFICE}"}`, [LINUX_CONFIG]: '{"database":"postgres://nicht-diese/rb"}' },
    expected: { kind: 'postgres', url: OFFICE, source: { kind: 'config-file', file: '/opt/probe.json' }, localDir: HOME },
  },
  {
    name: 'a configuration file without "database" leaves this PC on its own SQLite file',
    files: { [LINUX_CONFIG]: '{}' },
    expected: { kind: 'sqlite', dataDir: HOME, source: { kind: 'default' } },
  },
  {
    name: 'nothing set: the SQLite file in this user\'s data folder',
    expected: { kind: 'sqlite', dataDir: HOME, source: { kind: 'default' } },
  },
];

describe('resolveDatabaseTarget', () => {
  it.each(cases)('$name', ({ expected, ...c }) => {
    expect(resolve(c)).toEqual(expected);
  });

  it('reads the configuration file only when neither an option nor the environment decided', () => {
    const read: string[] = [];
    resolve({ options: { dataDir: '/x' }, files: { [LINUX_CONFIG]: 'kaputt' } }, read);
    resolve({ env: { RATHAUSBUERO_DATABASE: OFFICE }, files: { [LINUX_CONFIG]: 'kaputt' } }, read);
    expect(read).toEqual([]);
    resolve({}, read);
    expect(read).toEqual([LINUX_CONFIG]);
  });

  it('reads UTF-16 with its byte order mark (PowerShell 5 writes it so)', () => {
    const text = `{ "database": "${OFFICE}" }`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const target = resolveDatabaseTarget({ options: {}, env: {}, platform: 'win32', readConfigFile: () => utf16, defaultDataDir: HOME });
    expect(target).toMatchObject({ kind: 'postgres', url: OFFICE });
  });
});

describe('resolveDatabaseTarget refuses what it cannot use, in German, saying what and where', () => {
  const config = (text: string) => ({ files: { [LINUX_CONFIG]: text } });
  const refusals: Array<{ name: string; input: Omit<Case, 'expected' | 'name'>; code: string; message: string }> = [
    {
      name: 'a folder given as --database',
      input: { options: { database: '/home/erika/daten' } },
      code: 'DATABASE_ADDRESS_INVALID',
      message:
        'Die Option --database ist keine PostgreSQL-Adresse: „/home/erika/daten“. Erwartet wird z. B. postgres://server:5432/rathausbuero (für die SQLite-Datei eines Datenordners: --data-dir ORDNER).',
    },
    {
      name: 'another kind of database in the environment variable (its password is not repeated)',
      input: { env: { RATHAUSBUERO_DATABASE: 'mysql://erika:geheim@db/rb' } },
      code: 'DATABASE_ADDRESS_INVALID',
      message: 'Die Umgebungsvariable RATHAUSBUERO_DATABASE ist keine PostgreSQL-Adresse: „mysql://erika:***@db/rb“. Erwartet wird z. B. postgres://server:5432/rathausbuero.',
    },
    {
      name: 'broken JSON: the line and column',
      input: config('{\n  "database": "postgres://db/rb"\n  "x": 1\n}'),
      code: 'CONFIG_INVALID',
      message:
        'Die Konfigurationsdatei „/etc/rathausbuero/config.json“ ist kein gültiges JSON (Zeile 3, Spalte 3). Bitte prüfen Sie Anführungszeichen, Kommas und Klammern.',
    },
    {
      name: 'JSON cut short',
      input: config('{ "database": '),
      code: 'CONFIG_INVALID',
      message:
        'Die Konfigurationsdatei „/etc/rathausbuero/config.json“ ist kein gültiges JSON (Zeile 1, Spalte 15). Bitte prüfen Sie Anführungszeichen, Kommas und Klammern.',
    },
    {
      name: 'an empty file',
      input: config('  \n'),
      code: 'CONFIG_INVALID',
      message: 'Die Konfigurationsdatei „/etc/rathausbuero/config.json“ ist leer. Erwartet wird ein JSON-Objekt, z. B. { "database": "postgres://server:5432/rathausbuero" }.',
    },
    {
      name: 'a list instead of an object',
      input: config('["postgres://db/rb"]'),
      code: 'CONFIG_INVALID',
      message: 'Die Konfigurationsdatei „/etc/rathausbuero/config.json“ muss ein JSON-Objekt enthalten ({ … }), sie enthält eine Liste.',
    },
    {
      name: 'a misspelt key',
      input: config('{ "datenbank": "postgres://db/rb" }'),
      code: 'CONFIG_INVALID',
      message: 'Die Konfigurationsdatei „/etc/rathausbuero/config.json“ enthält den unbekannten Eintrag „datenbank“. Bekannt ist: „database“.',
    },
    {
      name: '"database" not a text',
      input: config('{ "database": 5432 }'),
      code: 'CONFIG_INVALID',
      message:
        'Die Konfigurationsdatei „/etc/rathausbuero/config.json“: Der Eintrag „database“ muss eine PostgreSQL-Adresse als Text sein (z. B. "postgres://server:5432/rathausbuero"), er ist eine Zahl.',
    },
    {
      name: '"database" not a PostgreSQL address',
      input: config('{ "database": "dbserver/rathausbuero" }'),
      code: 'CONFIG_INVALID',
      message:
        'Der Eintrag „database“ der Konfigurationsdatei „/etc/rathausbuero/config.json“ ist keine PostgreSQL-Adresse: „dbserver/rathausbuero“. Erwartet wird z. B. postgres://server:5432/rathausbuero (für die SQLite-Datei eines Datenordners: --data-dir ORDNER).',
    },
  ];

  it.each(refusals)('$name', ({ input, code, message }) => {
    let error: unknown;
    try {
      resolve(input);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code, message });
  });
});

describe('the configuration file on disk', () => {
  it('is where the platform keeps machine-wide settings', () => {
    expect(configFilePath({}, 'linux')).toBe('/etc/rathausbuero/config.json');
    expect(configFilePath({}, 'darwin')).toBe('/etc/rathausbuero/config.json');
    expect(configFilePath({ ProgramData: 'C:\\ProgramData' }, 'win32')).toBe('C:\\ProgramData\\Rathausbüro\\config.json');
    expect(configFilePath({}, 'win32')).toBe('C:\\ProgramData\\Rathausbüro\\config.json');
  });

  it('a missing file is no configuration; one that cannot be read is a German error naming it', () => {
    const dir = tempDir();
    try {
      expect(readConfigFile(path.join(dir, 'config.json'))).toBeUndefined();
      fs.writeFileSync(path.join(dir, 'config.json'), '{}');
      expect(Buffer.from(readConfigFile(path.join(dir, 'config.json'))!).toString()).toBe('{}');
      expect(() => readConfigFile(dir)).toThrow(`Die Konfigurationsdatei „${dir}“ kann nicht gelesen werden (das ist ein Ordner). Bitte wenden Sie sich an die IT.`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('targetOptionsFromArgv (the desktop app, among Electron\'s own switches)', () => {
  it.each([
    [['/usr/lib/electron', '.', '--no-sandbox', '--database', OFFICE], { database: OFFICE }],
    [['electron', '.', `--database=${OFFICE}`, '--data-dir=/tmp/x'], { database: OFFICE, dataDir: '/tmp/x' }],
    [['electron', '.', '--data-dir', '/tmp/x'], { dataDir: '/tmp/x' }],
    [['electron', '.', '--data-dir'], {}],
  ])('%j', (argv, expected) => {
    expect(targetOptionsFromArgv(argv)).toEqual(expected);
  });
});

describe('describeTarget', () => {
  it('names the database and what chose it, never the password', () => {
    const office = describeTarget({
      kind: 'postgres',
      url: 'postgres://hmueller:geheim@dbserver:5432/rathausbuero',
      source: { kind: 'config-file', file: LINUX_CONFIG },
      localDir: HOME,
    });
    expect(office).toEqual({
      label: 'PostgreSQL-Datenbank „rathausbuero“ auf „dbserver:5432“ (Anmeldung als „hmueller“)',
      source: 'Konfigurationsdatei „/etc/rathausbuero/config.json“',
    });
    expect(describeTarget({ kind: 'sqlite', dataDir: HOME, source: { kind: 'default' } })).toEqual({
      label: `SQLite-Datei „${path.join(HOME, 'rathausbuero.sqlite')}“`,
      source: 'Voreinstellung (Datenordner dieses Benutzers)',
    });
    expect(describeTarget({ kind: 'postgres', url: OFFICE, source: { kind: 'environment', variable: 'RATHAUSBUERO_DATABASE' }, localDir: HOME }).source).toBe(
      'Umgebungsvariable RATHAUSBUERO_DATABASE',
    );
  });
});

describe('databaseInfo (what app.info reports)', () => {
  it('a SQLite file: the file; PostgreSQL: host, database and login, never the password', () => {
    expect(databaseInfo({ kind: 'sqlite', dataDir: HOME, source: { kind: 'option', option: '--data-dir' } })).toEqual({
      kind: 'sqlite',
      file: path.join(HOME, 'rathausbuero.sqlite'),
      label: `SQLite-Datei „${path.join(HOME, 'rathausbuero.sqlite')}“`,
      source: 'Option --data-dir',
    });
    const office = databaseInfo({ kind: 'postgres', url: 'postgresql://hmueller:geheim@dbserver:5432/rathausbuero', source: { kind: 'option', option: '--database' }, localDir: HOME });
    expect(office).toEqual({
      kind: 'postgres',
      host: 'dbserver:5432',
      database: 'rathausbuero',
      user: 'hmueller',
      label: 'PostgreSQL-Datenbank „rathausbuero“ auf „dbserver:5432“ (Anmeldung als „hmueller“)',
      source: 'Option --database',
    });
    expect(JSON.stringify(office)).not.toMatch(/geheim/);
  });
});
