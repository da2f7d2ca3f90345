import path from 'node:path';
import type { Engine } from '../../db/engine';
import type { Handlers } from '../api/contract';
import { removeAbandonedTempFiles } from '../services/files';
import { settleInterruptedMerges } from '../services/letters/merge-staging';
import { lettersRepository } from '../services/letters/repository';
import { removeAbandonedUploads } from '../services/uploads/uploads-service';

/**
 * Before the app serves anyone, settles the work that a crash, a kill or a power loss
 * interrupted, so the letters folder agrees with the register: mail merges are completed or
 * removed (see merge-staging.ts), half-written files and unfinished uploads are removed. Work
 * of another running process (the command line beside the app) is left alone.
 */
export async function sweepInterruptedWork(engine: Engine, dataDir: string): Promise<void> {
  // Files only: done at once, while the app opens (an async function runs up to its first await).
  removeAbandonedTempFiles(path.join(dataDir, 'Briefe'));
  removeAbandonedUploads(dataDir);
  // Merges need the register: finished before the first call is answered (afterSweep).
  await settleInterruptedMerges(dataDir, lettersRepository(engine).filesOfBatch);
}

/**
 * The handlers, each answering only once the start-up sweep is done (it reads the register
 * through the engine, so it finishes after the app has opened); a failed sweep fails every call
 * with its error, as a failed start would.
 */
export function afterSweep(handlers: Handlers, swept: Promise<void>): Handlers {
  // Nobody may call at all: the failure then surfaces at the first call, not as an unhandled rejection.
  swept.catch(() => {});
  const waiting = {} as Record<string, (input: unknown) => Promise<unknown>>;
  for (const [name, handler] of Object.entries(handlers as Record<string, (input: unknown) => unknown>)) {
    waiting[name] = async (input) => {
      await swept;
      return handler(input);
    };
  }
  return waiting as unknown as Handlers;
}
