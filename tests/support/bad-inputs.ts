import fc from 'fast-check';
import {
  clockTime,
  isoDate,
  jobIdSchema,
  localDateOrDateTime,
  localDateTime,
  uploadIdSchema,
  yearlyOrOnceDate,
} from '../../core/api';
import { checksOf, defOf, maxLength, minLength, type Schema } from './schema-walk';

/**
 * Inputs for a method derived from its contract schema: first a plausible, valid-shaped value
 * (real dates, ids of the demo data, short texts), then one thing made wrong — a field of the
 * wrong type, an impossible date, a huge text, control characters, an unknown or a missing
 * field, an id that does not exist — or the whole input replaced.
 */

/** The contract's shared value types, by identity: values of the right kind for them. */
const KNOWN = new Map<unknown, fc.Arbitrary<unknown>>([
  [isoDate, fc.constantFrom('2026-11-27', '2026-12-10', '2027-01-15', '2026-02-28')],
  [clockTime, fc.constantFrom('09:30', '18:00')],
  [localDateTime, fc.constantFrom('2026-12-10T10:00', '2027-01-15T18:30')],
  [localDateOrDateTime, fc.constantFrom('2026-12-10T10:00', '2026-12-11T12:00', '2026-12-10')],
  [yearlyOrOnceDate, fc.constantFrom('12-25', '2027-03-20')],
  [uploadIdSchema, fc.uuid()],
  [jobIdSchema, fc.uuid()],
]);

const TEXTS = ['Test', 'Grußwort für die Bürgerinnen und Bürger', 'Müller-Lüdenscheidt', 'Hafenfest'];

function numberBounds(schema: Schema): { min: number; max: number } {
  let min = -1_000_000;
  let max = 1_000_000;
  for (const check of checksOf(schema)) {
    if (check.check === 'greater_than') min = Math.max(min, Number(check.value) + (check.inclusive ? 0 : 1));
    if (check.check === 'less_than') max = Math.min(max, Number(check.value) - (check.inclusive ? 0 : 1));
  }
  // Ids and counts: mostly small numbers, which name records of the demo data.
  if (min >= 0) return { min, max: Math.min(max, min + 40) };
  return { min: Math.max(min, -1000), max: Math.min(max, 1000) };
}

/** A valid-shaped value for a schema. */
export function plausible(schema: Schema): fc.Arbitrary<unknown> {
  const known = KNOWN.get(schema);
  if (known) return known;
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const formats = checksOf(schema).filter((check) => check.check === 'string_format');
      const regex = formats.find((check) => check.format === 'regex')?.pattern as RegExp | undefined;
      const max = maxLength(schema) ?? 1000;
      const min = minLength(schema);
      if (formats.some((check) => check.format === 'uuid')) return fc.uuid();
      if (formats.some((check) => check.format === 'email')) return fc.constant('presse@stadt-duisburg.example.de');
      if (regex) return fc.stringMatching(regex, { maxLength: max }).filter((value) => value.length <= max);
      return fc.constantFrom(...TEXTS).map((text) => text.padEnd(min, 'x').slice(0, max));
    }
    case 'number': {
      const { min, max } = numberBounds(schema);
      return fc.integer({ min, max });
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array': {
      const minItems = checksOf(schema).find((check) => check.check === 'min_length')?.minimum as number | undefined;
      return fc.array(plausible(def.element as Schema), { minLength: minItems ?? 0, maxLength: Math.max(minItems ?? 0, 2) });
    }
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(def.shape as Record<string, Schema>).map(([key, field]) => [key, plausible(field)])));
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(plausible(def.innerType as Schema), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(plausible(def.innerType as Schema), { nil: null, freq: 3 });
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return plausible(def.innerType as Schema);
    case 'pipe':
      return plausible(def.in as Schema);
    case 'union':
      return fc.oneof(...(def.options as Schema[]).map(plausible));
    case 'record':
      return fc.constant({});
    case 'lazy':
      return plausible((def.getter as () => Schema)());
    default:
      return fc.constant(undefined);
  }
}

/** What a field may be made into. */
export const BAD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  2 ** 31,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  999_999,
  true,
  '',
  '   ',
  [],
  {},
  [null],
  'NaN',
  '2027-02-30',
  '2026-13-01',
  '2026-02-29',
  '25:61',
  '24:00',
  '2026-11-27T24:00',
  '2026-11-27T25:61',
  '2027-02-30T10:00',
  '0000-00-00',
  '0999-12-31',
  '9999-12-31',
  '9999-12-31T23:59',
  '2026-11-27T09:30Z',
  '2026-11-27T09:30:00+01:00',
  'x'.repeat(200_000),
  'Zeile\u0000eins\u0007\u001b[31m\r\nzwei\u000b\u007f',
  '\uD800',
  '💥'.repeat(3000),
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE contacts; --",
  '{{name}}',
  '%s%n',
  'FREQ=SECONDLY;COUNT=100000000',
  'FREQ=DAILY;INTERVAL=0',
];

const UNKNOWN_KEYS = ['anlass_datum', 'constructor', '__proto__', 'Id', 'createdBy'];

type Path = Array<string | number>;

function paths(value: unknown, path: Path = [], found: Path[] = []): Path[] {
  found.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => paths(item, [...path, index], found));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths(item, [...path, key], found);
  return found;
}

function clone(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function setAt(root: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  if (path.length === 0) return root;
  let parent = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path[path.length - 1]);
  return root;
}

export type Mutation = { kind: 'none' } | { kind: 'replace'; value: number; at: number } | { kind: 'unknownKey'; key: number; at: number } | { kind: 'drop'; at: number } | { kind: 'whole'; value: number };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('replace' as const), value: fc.nat({ max: BAD_VALUES.length - 1 }), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('unknownKey' as const), key: fc.nat({ max: UNKNOWN_KEYS.length - 1 }), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('whole' as const), value: fc.nat({ max: BAD_VALUES.length - 1 }) }) },
);

/** The valid-shaped value with one thing made wrong. */
export function mutate(valid: unknown, mutation: Mutation): unknown {
  const value = clone(valid);
  if (mutation.kind === 'none') return value;
  if (mutation.kind === 'whole') return clone(BAD_VALUES[mutation.value]);
  const all = paths(value);
  if (mutation.kind === 'replace') {
    const path = all[mutation.at % all.length];
    if (path.length === 0) return clone(BAD_VALUES[mutation.value]);
    return setAt(value, path, (parent, key) => (parent[key] = clone(BAD_VALUES[mutation.value])));
  }
  if (mutation.kind === 'unknownKey') {
    const objects = all.filter((path) => {
      const target = path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], value);
      return target !== null && typeof target === 'object' && !Array.isArray(target);
    });
    if (objects.length === 0) return value;
    const path = objects[mutation.at % objects.length];
    // An own key, also for "__proto__", as JSON.parse makes it from an HTTP body.
    const add = (target: object) =>
      Object.defineProperty(target, UNKNOWN_KEYS[mutation.key], { value: '2027-02-30', enumerable: true, writable: true, configurable: true });
    if (path.length === 0) return add(value as object);
    return setAt(value, path, (parent, key) => add(parent[key] as object));
  }
  const keyed = all.filter((path) => path.length > 0);
  if (keyed.length === 0) return undefined;
  return setAt(value, keyed[mutation.at % keyed.length], (parent, key) => {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  });
}

/** Inputs for one method: valid-shaped, then one thing made wrong. */
export function badInputs(schema: Schema): fc.Arbitrary<unknown> {
  return fc.tuple(plausible(schema), mutationArb).map(([valid, mutation]) => mutate(valid, mutation));
}
