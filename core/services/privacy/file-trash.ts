import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../api/errors';

/** Below the data folder; hidden like `.uploads/`. */
export const TRASH_FOLDER = '.papierkorb';

interface Moved {
  /** Relative to the data folder, as stored in the database. */
  from: string;
  /** The name inside the trash batch. */
  to: string;
}

export interface TrashBatch {
  /** Files moved (missing ones are skipped: nothing to delete). */
  readonly count: number;
  /** The erasure was committed: delete the files for good. */
  purge(): void;
  /** The erasure failed: put every file back. */
  restore(): void;
}

/**
 * Deleting files and rows together, all or nothing: the files are first moved (renamed, same
 * disk) into a trash batch below the data folder, then the rows are changed in one transaction;
 * after the commit the batch is deleted, after a failure the files go back. A batch left over
 * by a crash is settled by `recover`: files whose rows still exist go back, the others are deleted.
 */
export function fileTrash(dataDir: string) {
  const trashDir = path.join(dataDir, TRASH_FOLDER);
  const absolute = (relative: string) => path.join(dataDir, relative);
  /** Only files inside the data folder are ever touched. */
  const inside = (relative: string) => {
    const resolved = path.resolve(dataDir, relative);
    return resolved.startsWith(path.resolve(dataDir) + path.sep) && !resolved.startsWith(path.resolve(trashDir) + path.sep);
  };
  const manifestOf = (batchDir: string) => path.join(batchDir, 'manifest.json');

  const putBack = (batchDir: string, moved: Moved[]): void => {
    for (const entry of moved) {
      const target = absolute(entry.from);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(path.join(batchDir, entry.to), target);
    }
    fs.rmSync(batchDir, { recursive: true, force: true });
  };

  /** Removes the folders a file leaves empty, up to (not including) the data folder. */
  const removeEmptyParents = (relative: string): void => {
    let dir = path.dirname(absolute(relative));
    const root = path.resolve(dataDir);
    while (path.resolve(dir).startsWith(root + path.sep) && path.resolve(dir) !== root) {
      try {
        fs.rmdirSync(dir);
      } catch {
        return; // not empty, or gone
      }
      dir = path.dirname(dir);
    }
  };

  return {
    /**
     * Moves the files away. A file that cannot be moved (open in another program) puts the
     * others back and fails with a German message: nothing has been erased then.
     */
    moveAway(relativePaths: readonly string[]): TrashBatch {
      const batchDir = path.join(trashDir, `${Date.now()}-${crypto.randomUUID()}`);
      const moved: Moved[] = [];
      const files = relativePaths.filter((relative) => inside(relative) && fs.existsSync(absolute(relative)));
      if (files.length) {
        fs.mkdirSync(batchDir, { recursive: true });
        // The manifest comes first: a crash after any rename can still be settled.
        const planned = files.map((from, i) => ({ from, to: String(i) }));
        fs.writeFileSync(manifestOf(batchDir), JSON.stringify(planned));
        for (const entry of planned) {
          try {
            fs.renameSync(absolute(entry.from), path.join(batchDir, entry.to));
            moved.push(entry);
          } catch (error) {
            putBack(batchDir, moved);
            throw new AppError(
              'CONFLICT',
              `Die Datei „${entry.from}“ lässt sich nicht löschen (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); vielleicht ist sie in einem anderen Programm geöffnet. Es wurde nichts gelöscht. Bitte die Datei schließen und erneut versuchen.`,
              { file: entry.from },
            );
          }
        }
      }
      return {
        count: moved.length,
        purge() {
          if (!moved.length) return;
          fs.rmSync(batchDir, { recursive: true, force: true });
          for (const entry of moved) removeEmptyParents(entry.from);
        },
        restore() {
          if (moved.length) putBack(batchDir, moved);
        },
      };
    },

    /** Settles batches an interrupted erasure left behind (`inUse`: a row still points at the file). */
    async recover(inUse: (relativePath: string) => Promise<boolean>): Promise<void> {
      let batches: string[];
      try {
        batches = fs.readdirSync(trashDir);
      } catch {
        return; // no trash folder: nothing left over
      }
      for (const name of batches) {
        const batchDir = path.join(trashDir, name);
        let planned: Moved[] = [];
        try {
          planned = JSON.parse(fs.readFileSync(manifestOf(batchDir), 'utf8')) as Moved[];
        } catch {
          // No manifest: the batch was never filled.
        }
        try {
          const back: Moved[] = [];
          for (const entry of planned) {
            if (inside(entry.from) && fs.existsSync(path.join(batchDir, entry.to)) && (await inUse(entry.from))) back.push(entry);
          }
          putBack(batchDir, back);
        } catch {
          // Left for the next run (a file in the way, a locked folder).
        }
      }
    },
  };
}
