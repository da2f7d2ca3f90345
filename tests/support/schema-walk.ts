import type { z } from 'zod';

/**
 * Walks a zod 4 schema (its `_zod.def` tree) for the tests that check the contract as a whole:
 * every text has a size limit, every object refuses unknown fields, every method survives bad
 * input. Only the schema kinds the contract uses are known; an unknown kind fails loudly.
 */

export type Schema = z.core.$ZodType;
export type Def = { type: string } & Record<string, unknown>;

export const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers whose inner schema is `def.innerType`. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);
/** Leaves without inner schemas. */
const LEAVES = new Set(['string', 'number', 'int', 'boolean', 'enum', 'literal', 'unknown', 'any', 'null', 'undefined', 'never', 'bigint', 'date', 'custom', 'transform']);

export interface Node {
  /** Where it sits: field names, `[]` for list entries, `{key}` for a record's keys, `|n` for a union's n-th form. */
  path: string[];
  schema: Schema;
  /** The node is a record's key schema. */
  recordKey?: boolean;
}

/** Every schema node of a tree, depth first. */
export function* nodes(schema: Schema, path: string[] = [], seen = new Set<Schema>()): Generator<Node> {
  if (seen.has(schema)) return;
  seen.add(schema);
  yield { path, schema };
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) {
    yield* nodes(def.innerType as Schema, path, seen);
  } else if (def.type === 'pipe') {
    yield* nodes(def.in as Schema, path, seen);
    yield* nodes(def.out as Schema, path, seen);
  } else if (def.type === 'object') {
    for (const [key, field] of Object.entries(def.shape as Record<string, Schema>)) yield* nodes(field, [...path, key], seen);
  } else if (def.type === 'array') {
    yield* nodes(def.element as Schema, [...path, '[]'], seen);
  } else if (def.type === 'union') {
    for (const [index, option] of (def.options as Schema[]).entries()) yield* nodes(option, [...path, `|${index}`], seen);
  } else if (def.type === 'record') {
    for (const node of nodes(def.keyType as Schema, [...path, '{key}'], seen)) yield { ...node, recordKey: true };
    yield* nodes(def.valueType as Schema, [...path, '{value}'], seen);
  } else if (def.type === 'lazy') {
    yield* nodes((def.getter as () => Schema)(), path, seen);
  } else if (!LEAVES.has(def.type)) {
    throw new Error(`schema-walk: unknown schema kind "${def.type}" at ${path.join('.') || '(top)'}`);
  }
}

/** The checks attached to a schema (`.max()`, `.regex()`, `.int()` …) as their defs. */
export function checksOf(schema: Schema): Array<Record<string, unknown> & { check: string }> {
  const checks = (defOf(schema).checks ?? []) as Array<{ _zod: { def: Record<string, unknown> & { check: string } } }>;
  return checks.map((check) => check._zod.def);
}

/** The largest length a string schema accepts (undefined: unlimited). */
export function maxLength(schema: Schema): number | undefined {
  const limits = checksOf(schema)
    .filter((check) => check.check === 'max_length' || check.check === 'length_equals')
    .map((check) => Number(check.maximum ?? check.length));
  return limits.length ? Math.min(...limits) : undefined;
}

export function minLength(schema: Schema): number {
  const limits = checksOf(schema)
    .filter((check) => check.check === 'min_length' || check.check === 'length_equals')
    .map((check) => Number(check.minimum ?? check.length));
  return limits.length ? Math.max(...limits) : 0;
}

/** Whether an object schema refuses keys it does not know (`z.strictObject`). */
export function isStrict(schema: Schema): boolean {
  const catchall = defOf(schema).catchall as Schema | undefined;
  return catchall !== undefined && defOf(catchall).type === 'never';
}
