/** The work that runs off the main thread (in a worker, see worker-host.ts), by name. */
import { runResidentsImport } from '../residents/residents-import';

export const TASKS = {
  'residents-import': runResidentsImport,
} as const;

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[1];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>;
