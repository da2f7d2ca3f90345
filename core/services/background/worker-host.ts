/**
 * Runs long work (a register import of half a million rows) in a worker thread, so the main
 * process keeps answering the window: progress can be polled and a cancel arrives at once.
 * The worker opens its own connection to the data file; a task that writes does so in one
 * transaction there, which a cancel or a failure rolls back.
 */
import { Worker } from 'node:worker_threads';
import type { ApiError } from '../../api/errors';
import type { TaskInput, TaskName, TaskOutput } from './tasks';

/** The database a worker connects to: the single PC's SQLite file, or the office database. */
export type DatabaseLocation = { kind?: 'sqlite'; file: string; migrationsFolder: string; nativeBinding?: string } | { kind: 'postgres'; url: string };

/** What a worker is started with. */
export interface WorkerData {
  task: TaskName;
  input: unknown;
  database: DatabaseLocation;
  user: string;
  /** The start time (ISO): the task's "now". */
  now: string;
  /** Int32 cancel flag at 0, two Float64 (done, total) at 8. */
  shared: SharedArrayBuffer;
}

export type WorkerOutcome = { ok: true; value: unknown } | { ok: false; cancelled: true } | { ok: false; error: ApiError };

export type JobEnd<T> = { state: 'done'; value: T } | { state: 'cancelled' } | { state: 'failed'; error: ApiError };

export interface BackgroundJob<T> {
  /** Settles when the worker has finished; never rejects. */
  readonly end: Promise<JobEnd<T>>;
  /** How far the task says it is. */
  progress(): { done: number; total: number };
  /** Asks the task to stop; it rolls back what it began. */
  cancel(): void;
}

export interface WorkerHost {
  start<N extends TaskName>(task: N, input: TaskInput<N>): BackgroundJob<TaskOutput<N>>;
}

export interface WorkerHostOptions {
  database: DatabaseLocation;
  user: string;
  now: () => Date;
  /**
   * The built worker script (the desktop app's bundle). Without it the TypeScript source runs
   * through tsx, as everywhere else (CLI, browser mode, tests).
   */
  script?: URL;
}

const SOURCE_SCRIPT = new URL('./worker-main.ts', import.meta.url);

function spawn(data: WorkerData, script: URL | undefined): Worker {
  if (script) return new Worker(script, { workerData: data });
  // The TypeScript source: register tsx in the worker, then load the entry.
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(SOURCE_SCRIPT.href)}); })`;
  return new Worker(code, { eval: true, workerData: data });
}

export function createWorkerHost(options: WorkerHostOptions): WorkerHost {
  return {
    start(task, input) {
      const shared = new SharedArrayBuffer(24);
      const flags = new Int32Array(shared, 0, 1);
      const progress = new Float64Array(shared, 8, 2);
      const worker = spawn({ task, input, database: options.database, user: options.user, now: options.now().toISOString(), shared }, options.script);
      const end = new Promise<JobEnd<TaskOutput<typeof task>>>((resolve) => {
        let settled = false;
        const settle = (value: JobEnd<TaskOutput<typeof task>>) => {
          if (settled) return;
          settled = true;
          resolve(value);
          void worker.terminate();
        };
        worker.once('message', (outcome: WorkerOutcome) => {
          if (outcome.ok) settle({ state: 'done', value: outcome.value as TaskOutput<typeof task> });
          else if ('cancelled' in outcome) settle({ state: 'cancelled' });
          else settle({ state: 'failed', error: outcome.error });
        });
        worker.once('error', (error) => settle({ state: 'failed', error: { code: 'INTERNAL', message: error.message } }));
        worker.once('exit', (code) =>
          settle({ state: 'failed', error: { code: 'INTERNAL', message: `Der Hintergrundprozess wurde unerwartet beendet (Code ${code}).` } }),
        );
      });
      return {
        end,
        progress: () => ({ done: progress[0], total: progress[1] }),
        cancel: () => void Atomics.store(flags, 0, 1),
      };
    },
  };
}
