import path from 'node:path';
import type { Db } from '../../db/open';
import { removeAbandonedTempFiles } from '../services/files';
import { settleInterruptedMerges } from '../services/letters/merge-staging';
import { lettersRepositorySync } from '../services/letters/repository-sync';
import { removeAbandonedUploads } from '../services/uploads/uploads-service';

/**
 * Before the app serves anyone, settles the work that a crash, a kill or a power loss
 * interrupted, so the letters folder agrees with the register: mail merges are completed or
 * removed (see merge-staging.ts), half-written files and unfinished uploads are removed. Work
 * of another running process (the command line beside the app) is left alone.
 */
export function sweepInterruptedWork(db: Db, dataDir: string): void {
  const letters = lettersRepositorySync(db);
  settleInterruptedMerges(dataDir, letters.filesOfBatch);
  removeAbandonedTempFiles(path.join(dataDir, 'Briefe'));
  removeAbandonedUploads(dataDir);
}
