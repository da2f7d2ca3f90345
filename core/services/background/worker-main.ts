/**
 * The entry of a background worker thread: opens its own connection to the data file, runs one
 * task and posts the outcome back. Progress and cancel go through shared memory, so a task
 * that never yields still reports and still stops.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../../db/open';
import { AppError } from '../../api/errors';
import { TaskCancelled, type TaskControl } from './task';
import { TASKS, type TaskName } from './tasks';
import type { WorkerData, WorkerOutcome } from './worker-host';

async function main(data: WorkerData): Promise<WorkerOutcome> {
  const flags = new Int32Array(data.shared, 0, 1);
  const progress = new Float64Array(data.shared, 8, 2);
  const control: TaskControl = {
    progress(done, total) {
      progress[0] = done;
      progress[1] = total;
    },
    checkCancelled() {
      if (Atomics.load(flags, 0) === 1) throw new TaskCancelled();
    },
  };
  const location = data.database;
  // Office mode: the task connects to the office database itself (it needs its own connection for COPY).
  const db = location.kind === 'postgres' ? null : openDatabase(location.file, { migrationsFolder: location.migrationsFolder, nativeBinding: location.nativeBinding });
  try {
    const twins = TASKS[data.task as TaskName];
    type Task = (context: unknown, input: unknown, control: TaskControl) => Promise<unknown>;
    const now = () => new Date(data.now);
    const value =
      location.kind === 'postgres'
        ? await (twins.postgres as Task)({ url: location.url, now, user: data.user }, data.input, control)
        : await (twins.sqlite as Task)({ db, now, user: data.user }, data.input, control);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof TaskCancelled) return { ok: false, cancelled: true };
    if (error instanceof AppError) return { ok: false, error: error.toJSON() };
    return { ok: false, error: { code: 'INTERNAL', message: (error as Error).message, details: { stack: (error as Error).stack } } };
  } finally {
    db?.$client.close();
  }
}

main(workerData as WorkerData).then(
  (outcome) => parentPort!.postMessage(outcome),
  (error: unknown) => parentPort!.postMessage({ ok: false, error: { code: 'INTERNAL', message: (error as Error).message } } satisfies WorkerOutcome),
);
