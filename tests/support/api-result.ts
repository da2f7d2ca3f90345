import type { ApiError, dispatch } from '../../core/api';

/** The error a dispatched call answered with, or null when it succeeded. */
export async function errorOf(result: ReturnType<typeof dispatch>): Promise<ApiError | null> {
  const r = await result;
  return r.ok ? null : r.error;
}
