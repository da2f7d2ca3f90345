import type { z } from 'zod';

/**
 * Two rules for the inputs that save a stored record (contract.ts marks them with `replaces`):
 *
 * - Nothing is lost by omission. A save replaces the record whole, and a field left out would
 *   silently take its default (notes emptied, a programme removed). So an input object that
 *   names a stored record by its key — its `id`, or another record's for details kept per
 *   record (a contact's press details by `contactId`, a calendar by `signerId`: such a save
 *   always names a record that may be stored) — or the settings, which have no key, must carry
 *   every field; one left out is refused, naming the field. Nested value objects (a patronage's
 *   criteria) belong to their record; a nested object with an `id` of its own (the person of a
 *   request) is a record of its own; list entries are new values (their defaults apply).
 * - The record as read may be sent back. Fields only the read record has (`createdAt`, a
 *   speaker's name, an appointment's speeches) are computed, not stored: they are dropped before
 *   the input is checked, so read → change → save works. Any other unknown field is refused by
 *   the strict input schema (`anlass_datum` for `anlassDatum` would otherwise be lost).
 */

type Def = { type: string } & Record<string, unknown>;
type Schema = z.core.$ZodType;

const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a field takes a value when left out. */
function hasDefault(schema: Schema): boolean {
  const def = defOf(schema);
  if (def.type === 'default' || def.type === 'prefault') return true;
  if (def.type === 'optional' || def.type === 'nullable' || def.type === 'readonly') return hasDefault(def.innerType as Schema);
  if (def.type === 'pipe') return hasDefault(def.in as Schema);
  return false;
}

/** The object schema a value is checked against (a union's member chosen by its discriminator), or null. */
function objectShape(schema: Schema | undefined, value: unknown): Record<string, Schema> | null {
  if (!schema) return null;
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return def.shape as Record<string, Schema>;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return objectShape(def.innerType as Schema, value);
    case 'pipe':
      return objectShape(def.in as Schema, value);
    case 'lazy':
      return objectShape((def.getter as () => Schema)(), value);
    case 'union': {
      const discriminator = def.discriminator as string | undefined;
      const options = def.options as Schema[];
      if (!discriminator || !isPlainObject(value)) return null;
      for (const option of options) {
        const shape = objectShape(option, value);
        const literal = shape?.[discriminator] ? defOf(shape[discriminator]) : null;
        if (literal?.type === 'literal' && (literal.values as unknown[]).includes(value[discriminator])) return shape;
      }
      return null;
    }
    default:
      return null;
  }
}

function elementSchema(schema: Schema | undefined): Schema | undefined {
  if (!schema) return undefined;
  const def = defOf(schema);
  if (def.type === 'array') return def.element as Schema;
  if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch'].includes(def.type)) return elementSchema(def.innerType as Schema);
  if (def.type === 'pipe') return elementSchema(def.in as Schema);
  return undefined;
}

/** The value without the fields only the read record has (a copy; the caller's value is left alone). */
export function withoutReadOnlyFields(input: Schema, read: Schema, value: unknown): unknown {
  if (Array.isArray(value)) {
    const inElement = elementSchema(input);
    const readElement = elementSchema(read);
    return inElement && readElement ? value.map((item) => withoutReadOnlyFields(inElement, readElement, item)) : value;
  }
  if (!isPlainObject(value)) return value;
  const inShape = objectShape(input, value);
  const readShape = objectShape(read, value);
  if (!inShape || !readShape) return value;
  const kept: Record<string, unknown> = {};
  // defineProperty, so an own "__proto__" key stays a key (and is refused as unknown).
  const keep = (key: string, field: unknown) => Object.defineProperty(kept, key, { value: field, enumerable: true, writable: true, configurable: true });
  for (const [key, field] of Object.entries(value)) {
    if (Object.hasOwn(inShape, key)) keep(key, Object.hasOwn(readShape, key) ? withoutReadOnlyFields(inShape[key], readShape[key], field) : field);
    else if (!Object.hasOwn(readShape, key)) keep(key, field);
  }
  return kept;
}

export interface OmittedField {
  path: (string | number)[];
  message: string;
}

const OMITTED = 'Dieses Feld fehlt: Beim Ändern wird der ganze Eintrag gespeichert, ohne Angabe würde der gespeicherte Wert zurückgesetzt.';

/**
 * How a save names the stored record it replaces: by a key field (`id`; `contactId` for details
 * kept per contact), or `whole` (settings: the input is the record).
 */
export type Replaces = 'whole' | { key: string };

/** Nested records and list entries are named by their own `id`, whatever names the outer record. */
const RECORD_BY_ID: Replaces = { key: 'id' };

/** The fields left out of a record that replaces a stored one (see above). */
export function omittedFields(schema: Schema, value: unknown, replaces: Replaces, path: (string | number)[] = []): OmittedField[] {
  if (Array.isArray(value)) {
    const element = elementSchema(schema);
    return element ? value.flatMap((item, index) => omittedFields(element, item, RECORD_BY_ID, [...path, index])) : [];
  }
  if (!isPlainObject(value)) return [];
  const shape = objectShape(schema, value);
  if (!shape) return [];
  const replacing = replaces === 'whole' || (replaces.key in shape && typeof value[replaces.key] === 'number');
  const found: OmittedField[] = [];
  for (const [key, field] of Object.entries(shape)) {
    if (!Object.hasOwn(value, key) || value[key] === undefined) {
      if (replacing && hasDefault(field)) found.push({ path: [...path, key], message: OMITTED });
      continue;
    }
    // A nested object is part of its record, unless it has an id of its own.
    const nested = objectShape(field, value[key]);
    found.push(...omittedFields(field, value[key], replacing && nested !== null && !('id' in nested) ? 'whole' : RECORD_BY_ID, [...path, key]));
  }
  return found;
}
