import { AsyncLocalStorage } from 'node:async_hooks';

/** First come, first served: one `run` at a time, the others wait in order. */
export class FifoMutex {
  private locked = false;
  private readonly waiting: Array<() => void> = [];

  async run<T>(work: () => T | Promise<T>): Promise<T> {
    if (this.locked) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.locked = true;
    try {
      return await work();
    } finally {
      // Hand the lock straight to the next in line (it stays locked), or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.locked = false;
    }
  }
}

/** One open transaction (depth 0) or savepoint (depth 1, 2 …) and what runs on it. */
export interface Scope<Handle> {
  depth: number;
  /** The engine's handle for statements inside (PostgreSQL: drizzle's transaction). */
  handle: Handle;
  open: boolean;
  /** Nested transactions of this one take turns (two savepoints never interleave). */
  children: FifoMutex;
}

/**
 * Which transaction the running code is in, carried along its awaits (AsyncLocalStorage): code
 * called from inside `engine.transaction(…)` finds it, an unrelated concurrent call does not.
 */
export class TransactionScopes<Handle> {
  private readonly storage = new AsyncLocalStorage<Scope<Handle>>();

  /** The open transaction of the running code, if any. */
  current(): Scope<Handle> | undefined {
    const scope = this.storage.getStore();
    if (scope && !scope.open) {
      throw new Error(
        'A statement ran after its transaction ended (a promise started inside engine.transaction() was not awaited).',
      );
    }
    return scope;
  }

  /** Runs `work` inside `scope`; the scope is closed when `work` settles. */
  async within<T>(scope: Scope<Handle>, work: () => Promise<T>): Promise<T> {
    try {
      return await this.storage.run(scope, work);
    } finally {
      scope.open = false;
    }
  }
}
