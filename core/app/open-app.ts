import os from 'node:os';
import type { Db } from '../../db/open';
import type { Engine } from '../../db/engine';
import { openSqliteEngine } from '../../db/engine/sqlite';
import type { Handlers } from '../api/contract';
import { createServices } from '../services';
import { writeBackup } from '../services/app/app-service';
import { createWorkerHost } from '../services/background/worker-host';
import { seedRoleCatalogue } from '../services/reference/roles-repository';
import { createChangeFeed, publishChanges, type ChangeFeed } from './change-feed';
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
  now?: () => Date;
  /** The built background worker (desktop bundle); elsewhere the TypeScript source runs. */
  workerScript?: URL;
}

export interface App {
  /** The database every service uses (see ServiceDeps.engine). */
  engine: Engine;
  db: Db;
  handlers: Handlers;
  /** Resolves once the start-up sweep is done (the handlers wait for it by themselves). */
  ready: Promise<void>;
  /** What changed, for the windows to refresh (the doors pass it on: SSE, an IPC event). */
  changes: ChangeFeed;
  /** A read-only copy of the office database (read-only-copy.ts): changes are refused, daily tasks do not run. */
  readOnlyCopy: SnapshotMark | null;
  dataFile: string;
  /** A backup to a file the operating-system user named (command line only: no page reaches it). */
  backupTo(file: string): Promise<{ file: string; bytes: number }>;
  close(): void;
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
  const roles = seedRoleCatalogue(db);
  const ready = sweepInterruptedWork(engine, options.dataDir);
  const user = options.user ?? safeUserName();
  const now = options.now ?? (() => new Date());
  // Single PC: the windows of this process only (office mode adds postgresChangeTransport).
  const changes = createChangeFeed({ now });
  const readOnlyCopy = readOnlyCopyMark(db);
  const database = databaseInfo({ kind: 'sqlite', dataDir: options.dataDir, source: options.source ?? { kind: 'option', option: '--data-dir' } });
  const services = createServices(
    {
      engine,
      sqliteFile: db,
      database: readOnlyCopy && database.kind === 'sqlite' ? { ...database, readOnlyCopy } : database,
      dataFile,
      appVersion: options.appVersion,
      templatesDir: options.templatesDir,
      openFile: options.openFile,
      chooseBackupFile: options.chooseBackupFile,
      user,
      now,
      background: createWorkerHost({
        database: { file: dataFile, migrationsFolder: options.migrationsFolder, nativeBinding: options.nativeBinding },
        user,
        now,
        script: options.workerScript,
      }),
      changes,
    },
    { roles },
  );
  const handlers = afterSweep(publishChanges(readOnlyCopy ? refuseChanges(services, readOnlyCopy) : services, changes), ready);
  return {
    engine,
    db,
    handlers,
    ready,
    changes,
    readOnlyCopy,
    dataFile,
    backupTo: async (file) => {
      await ready;
      return writeBackup({ sqliteFile: db, engine, now, user }, file);
    },
    close: () => {
      void changes.close();
      db.$client.close();
    },
  };
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unbekannt';
  }
}
