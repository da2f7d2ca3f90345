/** The work that runs off the main thread (in a worker, see worker-host.ts), by name. */
import { runResidentsImport, runResidentsImportOnPostgres } from '../residents/residents-import';

/** Each task on the SQLite data file (the single PC) and its twin on the office database. */
export const TASKS = {
  'residents-import': { sqlite: runResidentsImport, postgres: runResidentsImportOnPostgres },
} as const;

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]['sqlite']>[1];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]['sqlite']>>;
