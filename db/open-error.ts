/** Office mode (PostgreSQL, db/engine/postgres.ts): why the office's database cannot be used. */
export type OfficeDatabaseErrorCode = 'DB_NEEDS_MIGRATION' | 'DB_UNREACHABLE' | 'DB_LOGIN_FAILED' | 'DB_MISSING' | 'DB_UNSUPPORTED';

/**
 * Thrown when the database cannot be used; `code` tells the caller which case. Its own module,
 * without the database drivers: the doors name a wrong address before any driver is loaded.
 */
export class DatabaseOpenError extends Error {
  constructor(
    readonly code: 'DB_TOO_NEW' | 'DB_UNREADABLE' | OfficeDatabaseErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}
