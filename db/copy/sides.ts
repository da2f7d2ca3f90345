import type { Value } from './copy-text';
import type { CopyTable } from './plan';

/** One engine's side as the copier reads it. */
export interface CopySource {
  /** Runs `work` on one consistent view of the data (every count and row as of its start). */
  snapshot<T>(work: () => Promise<T>): Promise<T>;
  count(table: CopyTable): Promise<number>;
  rows(table: CopyTable): AsyncIterable<Value[][]>;
}

/** One engine's side as the copier writes it. */
export interface CopyTarget {
  /** One transaction: committed when `work` resolves, rolled back (nothing written) when it throws. */
  transaction<T>(plan: CopyTable[], work: () => Promise<T>): Promise<T>;
  count(table: CopyTable): Promise<number>;
  clear(table: CopyTable): Promise<void>;
  /** Writes the rows; returns how many. */
  write(table: CopyTable, rows: AsyncIterable<Value[][]>): Promise<number>;
  /** Once every table is in: deferred references, identity sequences, foreign key checks. */
  finish(plan: CopyTable[]): Promise<void>;
}
