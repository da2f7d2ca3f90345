import type { z } from 'zod';
import { contract, isMethodName, type Handlers, type MethodName, type Output } from './contract';
import { AppError, type ApiError } from './errors';
import { describePath } from './field-labels';

export type DispatchResult<T = unknown> = { ok: true; data: T } | { ok: false; error: ApiError };

export interface DispatchOptions {
  /** Called for failures that were not raised on purpose (bugs, I/O): log them. */
  onUnexpectedError?: (error: unknown, method: string) => void;
}

/**
 * The one entry point behind every door: checks the method name against the contract,
 * validates the input, calls the handler and turns every failure into an ApiError.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<DispatchResult> {
  if (!isMethodName(name)) {
    return {
      ok: false,
      error: {
        code: 'UNKNOWN_METHOD',
        message: `Die Funktion „${String(name)}“ gibt es nicht.`,
        details: { method: name },
      },
    };
  }
  const spec = contract[name];
  const parsed = (spec.input as z.ZodType).safeParse(rawInput);
  if (!parsed.success) {
    return { ok: false, error: validationError(name, parsed.error) };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    const data = await handler(parsed.data);
    return { ok: true, data };
  } catch (error) {
    return { ok: false, error: toApiError(error, name, options) };
  }
}

/** Same as dispatch, but throws an AppError: for in-process callers that want exceptions. */
export async function call<N extends MethodName>(
  handlers: Handlers,
  name: N,
  input: unknown,
): Promise<Output<N>> {
  const result = await dispatch(handlers, name, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
  return result.data as Output<N>;
}

function validationError(method: string, error: z.ZodError): ApiError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String),
    field: describePath(issue.path),
    message: issue.message,
  }));
  const text = issues
    .slice(0, 5)
    .map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message))
    .join('; ');
  return {
    code: 'INVALID_INPUT',
    message: `Ungültige Eingabe für „${method}“: ${text}`,
    details: { issues },
  };
}

function toApiError(error: unknown, method: string, options: DispatchOptions): ApiError {
  if (error instanceof AppError) return error.toJSON();
  const known = error as { name?: string; code?: string; message?: string; details?: unknown };
  if (known?.name === 'DatabaseOpenError' && (known.code === 'DB_TOO_NEW' || known.code === 'DB_UNREADABLE')) {
    return { code: known.code, message: known.message ?? '', details: known.details };
  }
  options.onUnexpectedError?.(error, method);
  return {
    code: 'INTERNAL',
    message: `Bei „${method}“ ist ein unerwarteter Fehler aufgetreten: ${known?.message ?? String(error)}`,
    details: { method },
  };
}
