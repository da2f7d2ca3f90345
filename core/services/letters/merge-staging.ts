import fs from 'node:fs';
import path from 'node:path';
import { leftByEndedProcess } from '../work-folders';

/**
 * Where a mail merge's letters wait until they are in the register. The order makes a merge
 * reconcilable after a kill or a power loss at any moment:
 * 1. every letter is written (and flushed) into `Briefe/.entstehend-<pid>-<jobId>/`;
 * 2. one transaction records the register rows and, inside it, renames each staged file to
 *    the name its row gives it (still in the staging folder);
 * 3. after the commit the files move to where the rows point (`Briefe/<Jahr>/…`).
 * So `Briefe/<Jahr>/` only ever holds files whose rows are committed. A staging folder left by
 * an ended process is settled at the next start: with rows (killed in step 3) its files are
 * moved into place, the merge is completed; without rows (killed in step 1 or 2) it is removed,
 * the merge never happened. Rows are never removed: the register is the record of what was
 * written, and what the register shows has its file.
 */
const PREFIX = '.entstehend-';
const STAGING = /^\.entstehend-(?:(\d+)-)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The staging folder of a merge run by this process. */
export function stagingFolder(dataDir: string, jobId: string): string {
  return path.join(dataDir, 'Briefe', `${PREFIX}${process.pid}-${jobId}`);
}

/** Where a letter waits in a spool: its bytes' place in the spool file. */
export interface Spooled {
  offset: number;
  length: number;
}

/**
 * Office mode: the letters of a merge wait in ONE file of the staging folder, one after the
 * other, until the commit stores them in the office database — not one file each (creating a
 * thousand files costs more than filling the letters). Nothing is read from it after a kill: the
 * staging folder is removed like any other (the office database holds the files of the rows).
 */
export function letterSpool(staging: string) {
  let fd: number | null = null;
  let end = 0;
  return {
    add(bytes: Uint8Array): Spooled {
      if (fd === null) {
        fs.mkdirSync(staging, { recursive: true });
        fd = fs.openSync(path.join(staging, 'briefe.spool'), 'w+');
      }
      const spooled = { offset: end, length: bytes.byteLength };
      for (let written = 0; written < bytes.byteLength; ) written += fs.writeSync(fd, bytes, written, bytes.byteLength - written, end + written);
      end += bytes.byteLength;
      return spooled;
    },
    read({ offset, length }: Spooled): Uint8Array {
      const bytes = new Uint8Array(length);
      for (let read = 0; read < length; ) {
        const n = fs.readSync(fd!, bytes, read, length - read, offset + read);
        if (n === 0) throw new Error('Die Zwischendatei des Serienbriefs ist kürzer als erwartet.');
        read += n;
      }
      return bytes;
    },
    close(): void {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    },
  };
}

/**
 * Moves a committed merge's staged files to where its register rows point (`files`, relative
 * to the data folder). A file already in place or not staged is left as it is.
 */
export function publishStaged(dataDir: string, staging: string, files: readonly string[]): void {
  for (const file of new Set(files)) {
    const staged = path.join(staging, path.basename(file));
    const target = path.join(dataDir, file);
    if (!fs.existsSync(staged) || fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(staged, target);
  }
}

/**
 * At start: settles the staging folders of merges whose process has ended (see above).
 * `filesOfBatch`: the files the register rows of a merge point at.
 */
export async function settleInterruptedMerges(dataDir: string, filesOfBatch: (jobId: string) => Promise<string[]>): Promise<void> {
  const letters = path.join(dataDir, 'Briefe');
  let names: string[];
  try {
    names = fs.readdirSync(letters);
  } catch {
    return; // no letters yet
  }
  for (const name of names) {
    const match = STAGING.exec(name);
    if (!match || !leftByEndedProcess(match[1] === undefined ? undefined : Number(match[1]))) continue;
    const staging = path.join(letters, name);
    const files = await filesOfBatch(match[2]);
    try {
      publishStaged(dataDir, staging, files);
      fs.rmSync(staging, { recursive: true, force: true });
    } catch {
      // A file in the way or locked (Windows): left for the next start; the app starts all the same.
    }
  }
}
