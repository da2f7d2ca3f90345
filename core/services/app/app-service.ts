import path from 'node:path';
import fs from 'node:fs';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import { backupDatabase } from '../../../db/open';
import type { ServiceDeps } from '../deps';
import { contactsRepository } from '../contacts/repository';
import { audit } from '../audit';

/**
 * Facts about the running app, and the backup of the data file. The whole database leaves the
 * data folder only where the user chose (desktop: a save dialog of the main process) or the
 * operating-system user named it (command line, `writeBackup`); a page, through IPC or HTTP,
 * cannot name a target: without a dialog the backup goes to the data folder's `Sicherungen/`.
 */
export function createAppService(deps: ServiceDeps): Pick<Handlers, 'app.info' | 'app.backup'> {
  return {
    'app.info': async () => ({
      appName: 'Rathausbüro',
      version: deps.appVersion,
      dataFile: deps.dataFile,
      database: deps.database,
      schemaVersion: await deps.engine.schemaVersion(),
      contactCount: await contactsRepository(deps.engine).count(),
    }),
    'app.backup': async () => {
      const suggested = defaultBackupFile(deps);
      const target = deps.chooseBackupFile ? await deps.chooseBackupFile(suggested) : suggested;
      if (target === null) return { file: null, bytes: 0 };
      return writeBackup(deps, withBackupExtension(target));
    },
  };
}

/**
 * Writes a backup of the database to a new place and records it. Single PC: SQLite's online
 * backup of the data file, on the file's own handle. Office mode: a consistent snapshot of the
 * office database as a new SQLite data folder named like the file without „.sqlite“ (it opens
 * read-only; no PostgreSQL tools needed on the PC) — IT's own backups stay PostgreSQL's.
 */
export async function writeBackup(
  deps: Pick<ServiceDeps, 'sqliteFile' | 'snapshotToFolder' | 'engine' | 'now' | 'user'>,
  file: string,
): Promise<{ file: string; bytes: number }> {
  if (deps.sqliteFile) {
    if (fs.existsSync(file)) {
      throw new AppError('CONFLICT', `Die Sicherungsdatei „${file}“ gibt es schon; bitte einen anderen Namen wählen.`);
    }
    const sqliteFile = deps.sqliteFile;
    await backingUp(file, () => backupDatabase(sqliteFile, file));
  } else if (deps.snapshotToFolder) {
    const folder = file.slice(0, -path.extname(file).length);
    if (fs.existsSync(folder)) {
      throw new AppError('CONFLICT', `Die Sicherung „${folder}“ gibt es schon; bitte einen anderen Namen wählen.`);
    }
    const snapshot = deps.snapshotToFolder;
    let written = '';
    await backingUp(folder, async () => (written = await snapshot(folder)));
    file = written;
  } else {
    throw new AppError('CONFLICT', 'Diese Datenbank lässt sich aus dem Programm nicht sichern.');
  }
  await audit(deps, { action: 'backup', entity: 'database', summary: file });
  return { file, bytes: fs.statSync(file).size };
}

/** Runs the backup; its failure in German, naming the target (nothing is left half-written: both ways write beside and rename). */
async function backingUp(target: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('INTERNAL', `Die Sicherung nach „${target}“ ist fehlgeschlagen: ${(error as Error).message}`);
  }
}

/** A backup is a SQLite file and is named so. */
function withBackupExtension(file: string): string {
  return path.extname(file).toLowerCase() === '.sqlite' ? file : `${file}.sqlite`;
}

function defaultBackupFile(deps: ServiceDeps): string {
  return path.join(path.dirname(deps.dataFile), BACKUP_FOLDER, `${backupName(deps.now())}.sqlite`);
}

/** The folder of the data folder where backups go when no one chose another place. */
export const BACKUP_FOLDER = 'Sicherungen';

/** A backup's name without extension: `rathausbuero-2026-11-27-09-30-00` (UTC). */
export function backupName(at: Date): string {
  return `rathausbuero-${at.toISOString().slice(0, 19).replace(/[:T]/g, '-')}`;
}
