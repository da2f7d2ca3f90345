import type { z } from 'zod';
import { contract, isMethodName, type Handlers, type MethodName, type MethodSpec, type Output } from './contract';
import { AppError, type ApiError } from './errors';
import { describePath } from './field-labels';
import { omittedFields, withoutReadOnlyFields, type OmittedField } from './record-inputs';

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
  const spec: MethodSpec<z.ZodType, z.ZodType> = contract[name];
  const input = spec.replaces ? withoutReadOnlyFields(spec.input, spec.read ?? spec.output, rawInput) : rawInput;
  const parsed = spec.input.safeParse(input);
  const omitted = spec.replaces ? omittedFields(spec.input, input, spec.replaces) : [];
  if (!parsed.success || omitted.length > 0) {
    return { ok: false, error: validationError(name, parsed.error?.issues ?? [], omitted) };
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

function validationError(method: string, zodIssues: z.core.$ZodIssue[], omitted: OmittedField[]): ApiError {
  const describe = (issue: { path: PropertyKey[]; message: string }) => ({ path: issue.path.map(String), field: describePath(issue.path), message: issue.message });
  const wrong = zodIssues.flatMap(concreteIssues).map(describe);
  const missing = omitted.map(describe);
  const parts = wrong.slice(0, 5).map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message));
  if (wrong.length > 5) parts[parts.length - 1] += ` (und ${wrong.length - 5} weitere)`;
  // Fields left out of an update: named together, explained once.
  if (missing.length > 0) {
    parts.push(
      `Beim Ändern wird der ganze Eintrag gespeichert; ${missing.length === 1 ? 'dieses Feld fehlt' : 'diese Felder fehlen'} ` +
        `(ohne Angabe würde der gespeicherte Wert zurückgesetzt): ${missing.map((issue) => issue.field).join(', ')}`,
    );
  }
  return {
    code: 'INVALID_INPUT',
    message: `Ungültige Eingabe für „${method}“: ${parts.join('; ')}`,
    details: { issues: [...wrong, ...missing] },
  };
}

/**
 * A value that fits none of a union's forms: the problems of the form it came closest to (the
 * fewest issues), so the message names the field and what is wrong with it. An unknown
 * discriminator ("type": "brief") is reported at that field.
 */
function concreteIssues(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const discriminator = (issue as { discriminator?: string }).discriminator;
  if (discriminator) return [{ ...issue, path: [...issue.path, discriminator] }];
  const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0];
  if (!closest || closest.length === 0) return [issue];
  return closest.flatMap((inner) => concreteIssues({ ...inner, path: [...issue.path, ...inner.path] }));
}

/**
 * The database's own error where the query builder wrapped it (drizzle's DrizzleQueryError: the
 * statement and its values — personal data — in the message, the driver's error as `cause`).
 */
function driverErrorOf(error: unknown): unknown {
  const wrapped = error as { query?: unknown; params?: unknown; cause?: unknown } | null;
  return wrapped && typeof wrapped.query === 'string' && Array.isArray(wrapped.params) && wrapped.cause instanceof Error ? wrapped.cause : error;
}

function toApiError(error: unknown, method: string, options: DispatchOptions): ApiError {
  if (error instanceof AppError) return error.toJSON();
  const known = driverErrorOf(error) as { name?: string; code?: string; message?: string; details?: unknown };
  if (known?.name === 'DatabaseOpenError' && (known.code === 'DB_TOO_NEW' || known.code === 'DB_UNREADABLE' || known.code === 'DB_UNREACHABLE')) {
    return { code: known.code, message: known.message ?? '', details: known.details };
  }
  options.onUnexpectedError?.(error, method);
  return {
    code: 'INTERNAL',
    message: `Bei „${method}“ ist ein unerwarteter Fehler aufgetreten: ${known?.message ?? String(error)}`,
    details: { method },
  };
}
