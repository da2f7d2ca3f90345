/** Error codes every door understands. */
export type ErrorCode =
  | 'UNKNOWN_METHOD'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  /** The record was changed by someone else since it was loaded (its `revision` moved on); nothing was saved. */
  | 'STALE'
  | 'IMPORT_INVALID'
  | 'TEMPLATE_INVALID'
  | 'DB_TOO_NEW'
  | 'DB_UNREADABLE'
  /** Office mode: the connection to the office's database broke off (server stopped, network down); the call changed nothing. */
  | 'DB_UNREACHABLE'
  | 'UNAUTHORIZED'
  | 'INTERNAL';

/** The plain object that crosses every boundary (IPC, HTTP, CLI). */
export interface ApiError {
  code: ErrorCode;
  /** German, for the user: what went wrong and where. */
  message: string;
  details?: unknown;
}

/** A failure the services raise on purpose; its message is shown to the user as is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON(): ApiError {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    typeof (value as ApiError).message === 'string'
  );
}
