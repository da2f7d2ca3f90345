import os from 'node:os';
import type { Db } from '../../db/open';
import type { Engine } from '../../db/engine';
import { openSqliteEngine } from '../../db/engine/sqlite';
import type { DatabaseInfo, Handlers } from '../api/contract';
import { AppError } from '../api/errors';
import type { Role } from '../api/schemas/addressing';
import { createServices, type Services } from '../services';
import { fileStoreFor, type FileStore } from '../services/file-store';
import { writeBackup } from '../services/app/app-service';
import { createWorkerHost, type WorkerHost } from '../services/background/worker-host';
import { seedRoleCatalogue, seedRoleCatalogueOn } from '../services/reference/roles-repository';
import { createChangeFeed, postgresChangeTransport, publishChanges, type ChangeFeed } from './change-feed';
import { dataFileIn } from './data-dir';
import { databaseInfo, type TargetSource } from './database-target';
import { readOnlyCopyMark, refuseChanges } from './read-only-copy';
import type { SnapshotMark } from '../../db/copy/snapshot';
import { afterSweep, sweepInterruptedWork } from './start-up-sweep';

export interface OpenAppOptions {
  dataDir: string;
  /** What chose the data folder (`app.info` names it); default: given as --data-dir (tests, scripts). */
  source?: TargetSource;
  migrationsFolder: string;
  /** The shipped Word templates (templates/ of the app). */
  templatesDir: string;
  appVersion: string;
  openFile?: (file: string) => Promise<void>;
  /** Desktop: the save dialog for a backup (see ServiceDeps). */
  chooseBackupFile?: (suggested: string) => Promise<string | null>;
  nativeBinding?: string;
  user?: string;
  /** This PC's name, as the office's long jobs name where they run (default: the computer's host name). */
  workstation?: string;
  now?: () => Date;
  /** The built background worker (desktop bundle); elsewhere the TypeScript source runs. */
  workerScript?: URL;
}

/** An opened app on either engine: what every door needs. */
export interface OpenedApp {
  /** The database every service uses (see ServiceDeps.engine). */
  engine: Engine;
  handlers: Handlers;
  /** Resolves once the start-up sweep is done (the handlers wait for it by themselves). */
  ready: Promise<void>;
  /** What changed, for the windows to refresh (the doors pass it on: SSE, an IPC event). */
  changes: ChangeFeed;
  /** A read-only copy of the office database (read-only-copy.ts): changes are refused, daily tasks do not run. */
  readOnlyCopy: SnapshotMark | null;
  /** Single PC: the SQLite file. Office mode: where this PC keeps its files (its folder), though no such file is used. */
  dataFile: string;
  /** The files users produce or attach (ServiceDeps.files): the data folder, or the office database. */
  files: FileStore;
  /** A backup to a file the operating-system user named (command line only: no page reaches it). */
  backupTo(file: string): Promise<{ file: string; bytes: number }>;
  /** Closes the database (office mode: resolves once its connections are closed). */
  close(): void | Promise<void>;
}

/** The single-PC app on its SQLite file. */
export interface App extends OpenedApp {
  /** The SQLite file's synchronous handle (tests, benchmarks, backups). */
  db: Db;
  close(): void;
}

/** What both engines' apps are built from, once the database is open. */
interface Parts {
  engine: Engine;
  sqliteFile: Db | null;
  /** Office mode: the app's backup (ServiceDeps.snapshotToFolder). */
  snapshotToFolder?: (folder: string) => Promise<string>;
  roles: readonly Role[];
  database: DatabaseInfo;
  /** The folder of this PC's files (letters, uploads, templates' copies). */
  dataDir: string;
  changes: ChangeFeed;
  readOnlyCopy: SnapshotMark | null;
  background: WorkerHost;
  user: string;
  now: () => Date;
}

/** The services on an open database, behind the doors' wrappers (read-only copy, change feed, start-up sweep). */
function assemble(options: OpenAppOptions | OpenOfficeAppOptions, parts: Parts): Pick<OpenedApp, 'handlers' | 'ready' | 'backupTo' | 'files'> & Pick<Services, 'endRunningJobs'> {
  const ready = sweepInterruptedWork(parts.engine, parts.dataDir);
  // Office mode: the office database; single PC: the data folder.
  const files = fileStoreFor(parts.engine, { dataDir: parts.dataDir, now: parts.now });
  const services = createServices(
    {
      engine: parts.engine,
      sqliteFile: parts.sqliteFile,
      snapshotToFolder: parts.snapshotToFolder,
      database: parts.database,
      files,
      dataFile: dataFileIn(parts.dataDir),
      appVersion: options.appVersion,
      templatesDir: options.templatesDir,
      openFile: options.openFile,
      chooseBackupFile: options.chooseBackupFile,
      user: parts.user,
      workstation: options.workstation ?? os.hostname(),
      now: parts.now,
      background: parts.background,
      changes: parts.changes,
    },
    { roles: parts.roles },
  );
  const doors = parts.readOnlyCopy ? refuseChanges(services.handlers, parts.readOnlyCopy) : services.handlers;
  return {
    handlers: afterSweep(publishChanges(doors, parts.changes), ready),
    endRunningJobs: services.endRunningJobs,
    ready,
    files,
    backupTo: async (file) => {
      await ready;
      return writeBackup({ sqliteFile: parts.sqliteFile, snapshotToFolder: parts.snapshotToFolder, engine: parts.engine, now: parts.now, user: parts.user }, file);
    },
  };
}

/**
 * Opens the data file (created and migrated on first start), loads the reference data
 * and builds the services. Every door (Electron, browser mode, CLI, tests) starts here.
 */
export function openApp(options: OpenAppOptions): App {
  const dataFile = dataFileIn(options.dataDir);
  const engine = openSqliteEngine(dataFile, {
    migrationsFolder: options.migrationsFolder,
    nativeBinding: options.nativeBinding,
  });
  const db = engine.sync;
  const user = options.user ?? safeUserName();
  const now = options.now ?? (() => new Date());
  // Single PC: the windows of this process only (office mode adds postgresChangeTransport).
  const changes = createChangeFeed({ now });
  const readOnlyCopy = readOnlyCopyMark(db);
  const database = databaseInfo({ kind: 'sqlite', dataDir: options.dataDir, source: options.source ?? { kind: 'option', option: '--data-dir' } });
  const app = assemble(options, {
    engine,
    sqliteFile: db,
    roles: seedRoleCatalogue(db),
    database: readOnlyCopy && database.kind === 'sqlite' ? { ...database, readOnlyCopy } : database,
    dataDir: options.dataDir,
    changes,
    readOnlyCopy,
    background: createWorkerHost({
      database: { file: dataFile, migrationsFolder: options.migrationsFolder, nativeBinding: options.nativeBinding },
      user,
      now,
      script: options.workerScript,
    }),
    user,
    now,
  });
  return {
    ...app,
    engine,
    db,
    changes,
    readOnlyCopy,
    dataFile,
    close: () => {
      void changes.close();
      db.$client.close();
    },
  };
}

/** `migrationsFolder` is SQLite's here too: the app's backup in office mode is a new SQLite data folder. */
export interface OpenOfficeAppOptions extends Omit<OpenAppOptions, 'dataDir' | 'nativeBinding'> {
  /** The office database (`--database`, the environment, IT's configuration file). */
  url: string;
  /** This PC's own folder: uploads in transfer; letters and documents until files are stored in the database. */
  localDir: string;
  /** The PostgreSQL migrations this build ships (db/migrations-pg): the database must be at their version. */
  pgMigrationsFolder: string;
}

/**
 * Office mode: opens the office's PostgreSQL database (never migrating it: that is IT's step,
 * `rathausbuero db migrate`) and builds the same services on it; changes reach the other PCs
 * through LISTEN/NOTIFY. The register import runs in the background worker on a connection of
 * its own (COPY). `app.backup` writes a snapshot as a new SQLite data folder (IT's own backups
 * stay PostgreSQL's). The demo office comes without the register extract there.
 */
export async function openOfficeApp(options: OpenOfficeAppOptions): Promise<OpenedApp> {
  // node-postgres loads only in office mode (the single-PC start path never needs it).
  const { openPostgresEngine } = await import('../../db/engine/postgres');
  const engine = await openPostgresEngine(options.url, { migrationsFolder: options.pgMigrationsFolder });
  try {
    const now = options.now ?? (() => new Date());
    const user = options.user ?? safeUserName();
    const roles = await seedRoleCatalogueOn(engine);
    const changes = createChangeFeed({ now, transport: postgresChangeTransport(engine, options.url) });
    const target = { kind: 'postgres', url: options.url, localDir: options.localDir, source: options.source ?? { kind: 'option', option: '--database' } } as const;
    const app = assemble(options, {
      engine,
      sqliteFile: null,
      snapshotToFolder: (folder) => snapshotOffice(options, folder, now),
      roles,
      database: databaseInfo(target),
      dataDir: options.localDir,
      changes,
      readOnlyCopy: null,
      background: createWorkerHost({ database: { kind: 'postgres', url: options.url }, user, now, script: options.workerScript }),
      user,
      now,
    });
    return {
      ...app,
      engine,
      changes,
      readOnlyCopy: null,
      dataFile: dataFileIn(options.localDir),
      close: async () => {
        await app.ready.catch(() => {});
        // The other PCs see at once that this PC's jobs ended (a single PC's next start finds its ended process).
        await app.endRunningJobs().catch(() => {});
        await changes.close();
        await engine.close();
      },
    };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unbekannt';
  }
}

/** The office database with its files as a new SQLite data folder (db/copy: all or nothing, counts checked); its German refusals as the app's. */
async function snapshotOffice(options: OpenOfficeAppOptions, folder: string, now: () => Date): Promise<string> {
  // The copy loads node-postgres: only ever in office mode.
  const { copyPostgresToSqlite, DatabaseCopyError } = await import('../../db/copy');
  const sqliteFile = dataFileIn(folder);
  try {
    await copyPostgresToSqlite({ url: options.url, sqliteFile, migrations: { sqlite: options.migrationsFolder, postgres: options.pgMigrationsFolder }, now });
  } catch (error) {
    if (error instanceof DatabaseCopyError) throw new AppError(error.code === 'TARGET_EXISTS' ? 'CONFLICT' : 'INTERNAL', error.message, error.details);
    throw error;
  }
  return sqliteFile;
}
