/**
 * The office-mode commands as IT runs them (`rathausbuero db migrate`, `db copy`, `backup`),
 * each as its own process, against real SQLite folders and the run's throw-away PostgreSQL
 * (tests/support/pg-cluster.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../core/api';
import { describePostgresUrl } from '../db/engine';
import { copyPlan } from '../db/copy';
import { FILE_FOLDERS } from '../core/services/file-store';
import { postgresRows, sqliteRows, TABLES, tableName, withoutSnapshotMark, type Rows } from '../tests/support/database-rows';
import { createTestDatabase, type TestDatabase } from '../tests/support/pg-cluster';
import { createTempApp, tempDir } from '../tests/support/temp-app';
import { PG_MIGRATIONS_FOLDER } from '../tests/support/test-engine';
import { knownSchemaVersion } from '../db/open';

/** The rows without stored_files: in the office database they hold the data folder's files (which a data folder keeps as files). */
const withoutStoredFiles = (rows: Rows): Rows => ({ ...rows, storedFiles: [] });

const BIN = path.resolve(__dirname, 'bin.mjs');
const folders: string[] = [];
const databases: TestDatabase[] = [];
const home = tempDir();
folders.push(home);

/** The environment of an office PC without any setting: no variable, no configuration file, a home of its own. */
const cleanEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: home, RATHAUSBUERO_CONFIG: path.join(home, 'keine-config.json') };
  delete env.RATHAUSBUERO_DATABASE;
  return { ...env, ...extra };
};

/** Runs the CLI as its own process (asynchronously: the test process's PostgreSQL must keep answering). */
function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill(), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function emptyOfficeDatabase(): Promise<string> {
  const database = await createTestDatabase('cli_db');
  databases.push(database);
  return database.url;
}

function newFolder(): string {
  const dir = tempDir();
  folders.push(dir);
  return dir;
}

/** Rows per table name (as `copyPlan` names them). */
const countsByTable = (rows: Rows): Map<string, number> => new Map(TABLES.map(([name, table]) => [tableName(table), rows[name]!.length]));

const where = (url: string) => describePostgresUrl(url);
const KNOWN = knownSchemaVersion(PG_MIGRATIONS_FOLDER).count;

/** A single PC's data folder with the demo office and a few awkward values in it. */
let pc: ReturnType<typeof createTempApp>;
let pcFile: string;

beforeAll(async () => {
  pc = createTempApp();
  pcFile = path.join(pc.dataDir, 'rathausbuero.sqlite');
  await call(pc.handlers, 'demo.load', {});
  pc.close();
  // Files of the single PC beside the database (the copy names them; backups are no data).
  for (const file of ['Briefe/2026/Brief an Erika Muster.docx', 'Vorlagen/geburtstag.docx', 'Sicherungen/rathausbuero-2026-11-01.sqlite']) {
    fs.mkdirSync(path.dirname(path.join(pc.dataDir, file)), { recursive: true });
    fs.writeFileSync(path.join(pc.dataDir, file), 'x');
  }
}, 120_000);

afterAll(async () => {
  for (const database of databases) await database.drop();
  fs.rmSync(pc.dataDir, { recursive: true, force: true });
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

describe('rathausbuero db …', { timeout: 240_000 }, () => {
  it('db commands name the office database themselves: without --database they refuse in German, even when the environment names one', async () => {
    const office = await emptyOfficeDatabase();
    for (const args of [['db', 'migrate'], ['db', 'copy', '--data-dir', pc.dataDir], ['db', 'copy', '--to-data-dir', newFolder()]]) {
      const result = await run(args, { RATHAUSBUERO_DATABASE: office });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^„rathausbuero db (migrate|copy)“ arbeitet nur mit einer ausdrücklich genannten Bürodatenbank: bitte --database postgres:\/\/…/);
      expect(result.stderr).toMatch(/RATHAUSBUERO_DATABASE und die Konfigurationsdatei gelten hier nicht/);
    }
    const unknown = await run(['db', 'leeren', '--database', office]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('Unbekannter Befehl „db leeren“. Möglich sind „db migrate“ und „db copy“; „rathausbuero help“ zeigt alle Befehle.\n');
    // Nothing happened to the database: not even a table.
    const client = new pg.Client({ connectionString: office });
    await client.connect();
    const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`);
    await client.end();
    expect(rows[0]!.n).toBe(0);
  });

  it('db migrate brings an empty office database to this version and says from which schema version to which; a second run has nothing to do', async () => {
    const office = await emptyOfficeDatabase();
    const { database, host } = where(office);
    const first = await run(['db', 'migrate', '--database', office]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      `Die Bürodatenbank „${database}“ auf „${host}“ ist jetzt auf dem Stand dieser Version von Rathausbüro: Schemastand 0 → ${KNOWN}.\n`,
    );
    const again = await run(['db', 'migrate', '--database', office]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`Die Bürodatenbank „${database}“ auf „${host}“ ist schon auf dem Stand dieser Version (Schemastand ${KNOWN}); es war nichts zu tun.\n`);

    // A database a newer version set up is left alone.
    const client = new pg.Client({ connectionString: office });
    await client.connect();
    await client.query(`insert into rathausbuero.__drizzle_migrations (hash, created_at) values ('neuer', 99999999999999)`);
    await client.end();
    const newer = await run(['db', 'migrate', '--database', office]);
    expect(newer.code).toBe(1);
    expect(JSON.parse(newer.stderr)).toMatchObject({ code: 'DB_TOO_NEW', message: expect.stringMatching(/^Die Datenbank „.*“ wurde von einer neueren Version von Rathausbüro eingerichtet/) });
  });

  it('db migrate: an unreachable server is a German message naming the server, never the password', async () => {
    const result = await run(['db', 'migrate', '--database', 'postgres://it:geheim@127.0.0.1:1/rathausbuero']);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/geheim/);
    expect(JSON.parse(result.stderr)).toMatchObject({ code: 'DB_UNREACHABLE', message: expect.stringMatching(/^Der Datenbankserver „127\.0\.0\.1:1“ ist nicht erreichbar/) });
  });

  it('db copy --data-dir DIR --database URL moves a single PC into an empty office database, table by table with its count, and refuses to do it twice', async () => {
    const office = await emptyOfficeDatabase();
    const { database, host } = where(office);
    const before = sqliteRows(pcFile);
    const pcFiles = (await Promise.all(FILE_FOLDERS.map((folder) => pc.files.list(folder)))).flat().sort();
    expect(pcFiles.length).toBeGreaterThan(0);
    const result = await run(['db', 'copy', '--data-dir', pc.dataDir, '--database', office]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    const plan = copyPlan();
    expect(lines.slice(0, 3)).toEqual([
      `Von: SQLite-Datei „${pcFile}“`,
      `Nach: PostgreSQL-Datenbank „${database}“ auf „${host}“ (Anmeldung als „postgres“)`,
      `Die Bürodatenbank ist jetzt auf dem Stand dieser Version von Rathausbüro: Schemastand 0 → ${KNOWN}.`,
    ]);
    const counts = countsByTable(before);
    const format = (n: number) => `${n.toLocaleString('de-DE')} ${n === 1 ? 'Zeile' : 'Zeilen'}`;
    expect(lines.slice(3, 3 + plan.length)).toEqual(plan.map((t, i) => `Tabelle ${i + 1} von ${plan.length}: ${t.name} – ${format(counts.get(t.name)!)}`));
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(lines.slice(3 + plan.length)).toEqual([
      `Zeilenzahlen geprüft: Quelle und Ziel stimmen in allen ${plan.length} Tabellen überein (zusammen ${format(total)}).`,
      `Dateien (Briefe, Anhänge, eigene Vorlagen): ${pcFiles.length} ${pcFiles.length === 1 ? 'Datei' : 'Dateien'} in die Bürodatenbank übertragen.`,
      'Fertig: Der Datenbestand steht jetzt in der Bürodatenbank.',
    ]);
    // The data folder's files are rows of stored_files now; every other table as it was.
    const after = await postgresRows(office);
    expect(withoutStoredFiles(after)).toEqual(before);
    expect(after.storedFiles!.map((row) => JSON.parse(row).key).sort()).toEqual(pcFiles);

    const twice = await run(['db', 'copy', '--data-dir', pc.dataDir, '--database', office]);
    expect(twice.code).toBe(1);
    expect(JSON.parse(twice.stderr)).toMatchObject({
      code: 'TARGET_NOT_EMPTY',
      message: expect.stringMatching(/^Die Bürodatenbank „.*“ ist nicht leer: audit_log \(.*\)\. „db copy“ überträgt einen Datenbestand nur in eine leere Datenbank; es wurde nichts geändert\.$/),
    });
    expect(withoutStoredFiles(await postgresRows(office))).toEqual(before);
  });

  it('round trip: a single PC → PostgreSQL (--from DIR --to URL) → a new SQLite folder (--from URL --to DIR): every table has the rows it had', async () => {
    const office = await emptyOfficeDatabase();
    const there = await run(['db', 'copy', '--from', pc.dataDir, '--to', office]);
    expect(there.stderr).toBe('');
    expect(there.code).toBe(0);
    const laptop = path.join(newFolder(), 'Laptop');
    const back = await run(['db', 'copy', '--from', office, '--to', laptop]);
    expect(back.stderr).toBe('');
    expect(back.code).toBe(0);
    expect(back.stdout).toMatch(/^Von: PostgreSQL-Datenbank „.*\nNach: Ordner „.*Laptop“\nTabelle 1 von \d+: /);
    expect(back.stdout.trimEnd().split('\n').at(-1)).toBe(`Fertig: Die Kopie liegt im Ordner „${laptop}“.`);
    const original = sqliteRows(pcFile);
    const copied = sqliteRows(path.join(laptop, 'rathausbuero.sqlite'));
    expect(copied.contacts!.length).toBeGreaterThan(100);
    for (const [name] of TABLES) expect(withoutSnapshotMark(copied)[name], name).toEqual(original[name]);

    // The same with --database and --to-data-dir, into a folder that already holds a database: refused.
    const refused = await run(['db', 'copy', '--database', office, '--to-data-dir', laptop]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr)).toMatchObject({ code: 'TARGET_EXISTS', message: `Im Ordner „${laptop}“ liegt schon eine Rathausbüro-Datenbank. Die Kopie braucht einen neuen oder leeren Ordner; es wurde nichts geändert.` });
  });

  it('db copy refuses what is no copy between a data folder and an office database, in German', async () => {
    const office = await emptyOfficeDatabase();
    const cases: Array<[string[], RegExp]> = [
      [['db', 'copy', '--database', office], /^„rathausbuero db copy“ braucht die Richtung: --data-dir ORDNER \(ein Arbeitsplatz in die Bürodatenbank\) oder --to-data-dir ORDNER/],
      [['db', 'copy', '--database', office, '--data-dir', pc.dataDir, '--to-data-dir', newFolder()], /^Bitte nur eine Richtung angeben: --data-dir ORDNER oder --to-data-dir ORDNER\./],
      [['db', 'copy', '--from', pc.dataDir, '--to', newFolder()], /^„db copy“ kopiert zwischen einem Datenordner und einer Bürodatenbank \(postgres:\/\/…\); für die Sicherung eines Datenordners gibt es „rathausbuero backup“\./],
      [['db', 'copy', '--from', office, '--to', office], /^„db copy“ kopiert zwischen einem Datenordner und einer Bürodatenbank/],
      [['db', 'copy', '--from', pc.dataDir], /^Bitte Quelle und Ziel angeben: --from … --to …/],
      [['db', 'copy', '--from', pc.dataDir, '--to', office, '--database', office], /^Bitte entweder --from\/--to oder --database mit --data-dir bzw\. --to-data-dir angeben, nicht beides\./],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
    const missing = newFolder();
    const noSource = await run(['db', 'copy', '--data-dir', missing, '--database', office]);
    expect(noSource.code).toBe(1);
    expect(JSON.parse(noSource.stderr)).toMatchObject({ code: 'SOURCE_MISSING', message: `Im Ordner „${missing}“ gibt es keine Rathausbüro-Datenbank („rathausbuero.sqlite“). Bitte den Datenordner angeben, in dem sie liegt.` });
  });
});

describe('rathausbuero backup in office mode', { timeout: 240_000 }, () => {
  let office: string;
  let officeRows: Rows;
  beforeAll(async () => {
    office = await emptyOfficeDatabase();
    const moved = await run(['db', 'copy', '--data-dir', pc.dataDir, '--database', office]);
    expect(moved.code).toBe(0);
    officeRows = await postgresRows(office);
  }, 240_000);

  it('backup --database URL --to DIR writes a new SQLite data folder with every row (no PostgreSQL tools needed)', async () => {
    const target = path.join(newFolder(), 'Sicherung 2026-11-27');
    const result = await run(['backup', '--database', office, '--to', target]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { database, host } = where(office);
    const file = path.join(target, 'rathausbuero.sqlite');
    const rows = sqliteRows(file);
    const tables = copyPlan().length;
    const total = Object.values(withoutSnapshotMark(rows)).flat().length;
    // The office's stored files are the backup folder's files.
    const stored = officeRows.storedFiles!.map((row) => JSON.parse(row) as { key: string; size: number });
    expect(stored.length).toBeGreaterThan(0);
    for (const { key, size } of stored) expect(fs.statSync(path.join(target, ...key.split('/'))).size, key).toBe(size);
    expect(result.stdout).toBe(
      `Sicherung der PostgreSQL-Datenbank „${database}“ auf „${host}“ (Anmeldung als „postgres“) geschrieben: Ordner „${target}“ ` +
        `(${tables} Tabellen, ${total.toLocaleString('de-DE')} Zeilen, ${stored.length.toLocaleString('de-DE')} Dateien, ${fs.statSync(file).size.toLocaleString('de-DE')} Bytes).\n`,
    );
    expect(withoutSnapshotMark(rows)).toEqual(withoutStoredFiles(officeRows));

    const again = await run(['backup', '--database', office, '--to', target]);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stderr)).toMatchObject({ code: 'TARGET_EXISTS' });
  });

  it('backup without options follows RATHAUSBUERO_DATABASE and writes into this user\'s Sicherungen folder', async () => {
    const result = await run(['backup'], { RATHAUSBUERO_DATABASE: office });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const folder = /Ordner „([^“]+)“/.exec(result.stdout)![1]!;
    expect(path.dirname(folder)).toBe(path.join(home, 'Rathausbüro', 'Sicherungen'));
    expect(path.basename(folder)).toMatch(/^rathausbuero-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}$/);
    expect(withoutSnapshotMark(sqliteRows(path.join(folder, 'rathausbuero.sqlite')))).toEqual(withoutStoredFiles(officeRows));
  });

  it('the configuration file IT deploys chooses office mode too; a single PC\'s backup stays one SQLite file', async () => {
    const config = path.join(newFolder(), 'config.json');
    fs.writeFileSync(config, JSON.stringify({ database: office }));
    const target = path.join(newFolder(), 'aus-config');
    const byConfig = await run(['backup', '--to', target], { RATHAUSBUERO_CONFIG: config });
    expect(byConfig.code).toBe(0);
    expect(byConfig.stdout).toMatch(/^Sicherung der PostgreSQL-Datenbank/);
    // The database file and the office's files (letters, template copies) as folders beside it.
    expect(fs.readdirSync(target).sort()).toEqual(['Briefe', 'Vorlagen', 'rathausbuero.sqlite']);

    const single = path.join(newFolder(), 'einzel.sqlite');
    const local = await run(['backup', '--data-dir', pc.dataDir, '--to', single], { RATHAUSBUERO_CONFIG: config });
    expect(local.stderr).toBe('');
    expect(local.stdout).toMatch(/^Sicherung geschrieben: .*einzel\.sqlite \(\d+ Bytes\)\n$/);
  });
});

describe('IT\'s steps as the README gives them („Einführung im Amt“)', { timeout: 240_000 }, () => {
  it('a role that owns an empty database, not a superuser, named „rathausbuero“ like the schema db migrate keeps its state in: db migrate, db copy of a single PC, info and backup as that role', async () => {
    // As the server's administrator: CREATE ROLE rathausbuero LOGIN; CREATE DATABASE … OWNER rathausbuero.
    // The role's name is the README's: PostgreSQL's search_path starts with "$user", the schema of that name.
    const admin = new URL(await emptyOfficeDatabase());
    const role = 'rathausbuero';
    const name = `rathausbuero_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const adminQuery = async (text: string) => {
      const client = new pg.Client({ connectionString: admin.href });
      await client.connect();
      try {
        await client.query(text);
      } finally {
        await client.end();
      }
    };
    await adminQuery(`CREATE ROLE "${role}" LOGIN PASSWORD 'geheim'`);
    await adminQuery(`CREATE DATABASE "${name}" OWNER "${role}"`);
    try {
      const office = `postgres://${role}:geheim@${admin.host}/${name}`;
      const migrated = await run(['db', 'migrate', '--database', office]);
      expect(migrated.stderr).toBe('');
      expect(migrated.stdout).toMatch(/ist jetzt auf dem Stand dieser Version von Rathausbüro: Schemastand 0 → \d+\.\n$/);

      const moved = await run(['db', 'copy', '--data-dir', pc.dataDir, '--database', office]);
      expect(moved.stderr).toBe('');
      expect(moved.stdout).toMatch(/Fertig: Der Datenbestand steht jetzt in der Bürodatenbank\./);
      expect(withoutStoredFiles(await postgresRows(office))).toEqual(sqliteRows(pcFile));

      const config = path.join(newFolder(), 'config.json');
      fs.writeFileSync(config, JSON.stringify({ database: office }));
      const shown = await run(['info'], { RATHAUSBUERO_CONFIG: config });
      expect(shown.stdout.split('\n')[0]).toBe(`Datenbank: PostgreSQL-Datenbank „${name}“ auf „${admin.host}“ (Anmeldung als „${role}“)`);
      const saved = path.join(newFolder(), 'Sicherung');
      const backup = await run(['backup', '--to', saved], { RATHAUSBUERO_CONFIG: config });
      expect(backup.stderr).toBe('');
      expect(withoutSnapshotMark(sqliteRows(path.join(saved, 'rathausbuero.sqlite')))).toEqual(sqliteRows(pcFile));
      for (const result of [migrated, moved, shown, backup]) expect(result.stdout).not.toMatch(/geheim/);
    } finally {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await adminQuery(`DROP ROLE IF EXISTS "${role}"`);
    }
  });
});

describe('which database a command uses', { timeout: 240_000 }, () => {
  it('call app.info reports the SQLite file and what chose it', async () => {
    const dir = newFolder();
    const result = await run(['call', 'app.info', '{}', '--data-dir', dir]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).database).toEqual({
      kind: 'sqlite',
      file: path.join(dir, 'rathausbuero.sqlite'),
      label: `SQLite-Datei „${path.join(dir, 'rathausbuero.sqlite')}“`,
      source: 'Option --data-dir',
    });
  });

  it('call and import work on the office database: a register extract imported there is counted by a call', async () => {
    const office = await emptyOfficeDatabase();
    expect((await run(['db', 'migrate', '--database', office])).code).toBe(0);
    const extract = path.join(newFolder(), 'Auszug.csv');
    fs.writeFileSync(
      extract,
      'register_id;surname;given_names;degree;gender;birth_date;street;house_number;postcode;city;district;marriage_date;spouse_register_id;death_date;moved_away;objection;information_block;conditional_block\n' +
        'C-1;Öztürk;Ayşe;;w;03.12.1936;Königstraße;5;47051;Duisburg;Mitte;;;;;;;\n',
    );
    const imported = await run(['import', 'residents', extract, '--database', office]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const status = await run(['call', 'residents.status', '{}', '--database', office]);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ residents: 1, lastImport: { fileName: 'Auszug.csv' } });
  });

  it('serve --database: the browser mode works on the office database (a contact saved over HTTP is in it)', async () => {
    const office = await emptyOfficeDatabase();
    expect((await run(['db', 'migrate', '--database', office])).code).toBe(0);
    const local = newFolder();
    const child = spawn(process.execPath, [BIN, 'serve', '--database', office, '--data-dir', local], { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Server did not start:\n${output}`)), 60_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)[\s\S]*Beenden mit Strg\+C/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(`${match[1]}/#token=${match[2]}`);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`Server exited with ${code}:\n${output}`)));
      });
      const { database, host } = where(office);
      expect(output).toContain(`Datenbank: PostgreSQL-Datenbank „${database}“ auf „${host}“ (Anmeldung als „postgres“) (gewählt durch: Option --database)`);
      const [base, token] = url.split('/#token=');
      const post = (method: string, input: unknown) =>
        fetch(`${base}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-rathaus-token': token! }, body: JSON.stringify(input) });
      const created = await post('contacts.create', { kind: 'organisation', name: 'Hafenverein Ruhrort e. V.' });
      expect(created.status).toBe(200);
      const info = (await (await post('app.info', {})).json()) as { data: { database: { kind: string }; contactCount: number } };
      expect(info.data).toMatchObject({ database: { kind: 'postgres' }, contactCount: 1 });
      const client = new pg.Client({ connectionString: office });
      await client.connect();
      try {
        expect((await client.query('select name from contacts')).rows).toEqual([{ name: 'Hafenverein Ruhrort e. V.' }]);
      } finally {
        await client.end();
      }
    } finally {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
  });

  it('info names the database, what chose it and the version, and never a password: an option, the variable, IT\'s configuration file, else this user\'s folder', async () => {
    const office = 'postgres://hmueller:geheim@dbserver:5432/rathausbuero';
    const label = 'PostgreSQL-Datenbank „rathausbuero“ auf „dbserver:5432“ (Anmeldung als „hmueller“)';
    const version = `Version: Rathausbüro ${JSON.parse(fs.readFileSync(path.resolve(__dirname, '../package.json'), 'utf8')).version}`;
    const byOption = await run(['info', '--database', office]);
    expect(byOption.stderr).toBe('');
    expect(byOption.code).toBe(0);
    expect(byOption.stdout).toBe(`Datenbank: ${label}\nGewählt durch: Option --database\n${version}\n`);

    const byVariable = await run(['info'], { RATHAUSBUERO_DATABASE: office });
    expect(byVariable.stdout).toBe(`Datenbank: ${label}\nGewählt durch: Umgebungsvariable RATHAUSBUERO_DATABASE\n${version}\n`);

    const config = path.join(newFolder(), 'config.json');
    fs.writeFileSync(config, JSON.stringify({ database: office }));
    const byConfig = await run(['info'], { RATHAUSBUERO_CONFIG: config });
    expect(byConfig.stdout).toBe(`Datenbank: ${label}\nGewählt durch: Konfigurationsdatei „${config}“\n${version}\n`);

    const dir = newFolder();
    const byFolder = await run(['info', '--data-dir', dir], { RATHAUSBUERO_CONFIG: config });
    expect(byFolder.stdout).toBe(`Datenbank: SQLite-Datei „${path.join(dir, 'rathausbuero.sqlite')}“\nGewählt durch: Option --data-dir\n${version}\n`);
    for (const result of [byOption, byVariable, byConfig]) expect(result.stdout).not.toMatch(/geheim/);

    const byDefault = await run(['info']);
    expect(byDefault.stdout).toBe(
      `Datenbank: SQLite-Datei „${path.join(home, 'Rathausbüro', 'rathausbuero.sqlite')}“\nGewählt durch: Voreinstellung (Datenordner dieses Benutzers)\n${version}\n`,
    );
  });
});
