import type { Db } from '../../db/open';
import type { DatabaseInfo } from '../api/contract';
import type { Engine } from '../../db/engine';
import type { MethodName } from '../api/contract';
import type { Area } from '../api/change-areas';
import type { WorkerHost } from './background/worker-host';
import type { FileStore } from './file-store';

/** Everything a service needs from outside, passed in (never taken from globals). */
export interface ServiceDeps {
  /**
   * The database as repositories use it: async query builders, one transaction call, the few
   * dialect differences (db/engine). Written once, it runs on SQLite (single PC) and PostgreSQL
   * (office mode).
   */
  engine: Engine;
  /**
   * Single PC: the SQLite file's synchronous handle (on the engine's connection), for the only
   * work that needs the file itself — SQLite's online backup (`app.backup`) and the register
   * import run inline (the demo's extract). Office mode (PostgreSQL): null, and that work is
   * refused with a German message. Services read and write through `engine`, never through this.
   */
  sqliteFile: Db | null;
  /** The current time (tests pass a fixed clock). */
  now: () => Date;
  /** Who is working (recorded in the audit log). */
  user: string;
  /** Which PC this is (its host name): where the office's long jobs say they run (services/jobs). */
  workstation: string;
  /** Which database this is and what chose it, for people (`app.info`, the start page). */
  database: DatabaseInfo;
  /**
   * The files users produce or attach (letters, attachments, the staff's template copies): the
   * data folder on a single PC, the office database in office mode (file-store.ts). Services
   * read and write them only here, never by a path of the data folder.
   */
  files: FileStore;
  /**
   * Office mode: writes a consistent snapshot of the office database, with its files, as a new
   * SQLite data folder (as `rathausbuero db copy --to-data-dir`) — the app's backup there. Absent
   * on a single PC (SQLite's online backup of `sqliteFile`). Resolves to the new data file.
   */
  snapshotToFolder?: (folder: string) => Promise<string>;
  /** Where the SQLite file lives; backups go beside it by default. */
  dataFile: string;
  appVersion: string;
  /** The shipped Word templates and their manifest (templates/ of the app). */
  templatesDir: string;
  /** Opens a file with the system (Word for .docx). Only the desktop app can; elsewhere absent. */
  openFile?: (file: string) => Promise<void>;
  /**
   * Asks the user where to save a backup of the database (desktop: a save dialog of the main
   * process); null when cancelled. Elsewhere absent: backups go to the data folder's `Sicherungen/`.
   */
  chooseBackupFile?: (suggested: string) => Promise<string | null>;
  /** Runs long work in a worker thread with its own connection (see background/worker-host.ts). */
  background: WorkerHost;
  /**
   * Tells every window that a change is saved (core/app/change-feed.ts). Calls are announced by
   * the handlers' wrapper; a background job that commits later announces its change here, under
   * the method that started it (CHANGED_BY_JOB in core/api/change-areas.ts).
   */
  changes: {
    publish(method: MethodName): void;
    /** Tells every window that data of these areas changed, without a method's call (a long job's progress, services/jobs). */
    announce(areas: readonly Area[], cause: string): void;
  };
}
