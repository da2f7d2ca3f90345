/**
 * What a background task gets: its own database connection, the time it started, who started
 * it, and a control to report progress and notice a cancel.
 */
import type { Db } from '../../../db/open';
export interface TaskControl {
  /** How far the task is (any unit; the caller shows done/total). */
  progress(done: number, total: number): void;
  /** Throws `TaskCancelled` once a cancel was asked for. */
  checkCancelled(): void;
}

export interface TaskContext {
  /** The worker's own connection to the data file. */
  db: Db;
  now: () => Date;
  user: string;
}

/** The same for a task on the office database (PostgreSQL): it connects itself, with this URL. */
export interface PostgresTaskContext {
  url: string;
  now: () => Date;
  user: string;
}

/** Thrown inside a task when the user cancelled it; the task must leave nothing behind. */
export class TaskCancelled extends Error {
  constructor() {
    super('Abgebrochen.');
    this.name = 'TaskCancelled';
  }
}

