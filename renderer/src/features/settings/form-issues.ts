import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { ApiCallError } from '../../api/client';

/** One refused input: where (the schema's path, e.g. ["color"]) and why, in German. */
export interface FieldIssue {
  path: string[];
  message: string;
}

/** The per-field issues of a refused call (INVALID_INPUT); none for any other failure. */
export function issuesOf(error: unknown): FieldIssue[] {
  if (!(error instanceof ApiCallError) || error.code !== 'INVALID_INPUT') return [];
  const issues = (error.details as { issues?: FieldIssue[] } | undefined)?.issues;
  return Array.isArray(issues) ? issues : [];
}

/** The issues of a schema check done before sending (the same rules the server applies). */
export function schemaIssues<S extends z.ZodType>(schema: S, input: unknown): FieldIssue[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
}

/**
 * Marks the form fields the issues point at (`fieldOf` translates an input path into the
 * form's own); true when every issue found its field, so the form alone shows what is wrong.
 */
export function markFields<T extends FieldValues>(
  issues: readonly FieldIssue[],
  setError: UseFormSetError<T>,
  fieldOf: (path: string[]) => Path<T> | undefined,
): boolean {
  let allShown = issues.length > 0;
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field) setError(field, { type: 'server', message: issue.message }, { shouldFocus: false });
    else allShown = false;
  }
  return allShown;
}
