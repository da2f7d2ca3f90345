import type { ApiError } from '../core/api/errors';

/**
 * Prints the error as `{ code, message, details }` on stderr. Built field by field: an Error's
 * `message` is not an own enumerable property, JSON.stringify would drop it.
 */
export function fail(error: ApiError): number {
  const { code, message, details } = error;
  process.stderr.write(`${JSON.stringify({ code, message, details }, null, 2)}\n`);
  return 1;
}
