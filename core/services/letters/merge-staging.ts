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
