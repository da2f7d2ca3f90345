import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { omittedFields, withoutReadOnlyFields } from './record-inputs';

const person = z.strictObject({ id: z.number().int().optional(), surname: z.string(), phone: z.string().default('') });
const input = z.strictObject({
  id: z.number().int().optional(),
  title: z.string(),
  notes: z.string().default(''),
  criteria: z.strictObject({ met: z.boolean().nullable().default(null) }).default({ met: null }),
  person: person.nullable().default(null),
  stops: z.array(z.strictObject({ place: z.string(), note: z.string().default('') })).default([]),
});
const read = z.object({
  id: z.number(),
  title: z.string(),
  notes: z.string(),
  createdAt: z.string(),
  person: z.object({ id: z.number(), surname: z.string(), phone: z.string(), displayName: z.string() }).nullable(),
  stops: z.array(z.object({ place: z.string(), note: z.string(), order: z.number() })),
});

describe('the record as read may be sent back', () => {
  it('drops the fields only the read record has, also in nested records and list entries', () => {
    const sent = {
      id: 3,
      title: 'Neu',
      notes: '',
      createdAt: 'x',
      person: { id: 1, surname: 'Kaya', phone: '', displayName: 'Ayşe Kaya' },
      stops: [{ place: 'Rathaus', note: '', order: 1 }],
    };
    expect(withoutReadOnlyFields(input, read, sent)).toEqual({ id: 3, title: 'Neu', notes: '', person: { id: 1, surname: 'Kaya', phone: '' }, stops: [{ place: 'Rathaus', note: '' }] });
  });

  it('keeps what neither knows, so the strict input refuses it, an own "__proto__" included', () => {
    const sent = JSON.parse('{"title": "x", "anlass_datum": "2027-05-01", "__proto__": {"polluted": true}}') as unknown;
    const kept = withoutReadOnlyFields(input, read, sent) as Record<string, unknown>;
    expect(Object.keys(kept)).toEqual(['title', 'anlass_datum', '__proto__']);
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(input.safeParse(kept).error?.issues.map((issue) => issue.code)).toEqual(['unrecognized_keys']);
  });
});

describe('an update names every field', () => {
  const missing = (value: unknown, whole = false) => omittedFields(input, value, whole ? 'whole' : { key: 'id' }).map((field) => field.path.join('.'));

  it('a new record takes the defaults', () => {
    expect(missing({ title: 'Neu' })).toEqual([]);
  });

  it('a record named by its id must carry every field that has a default, its value objects included', () => {
    expect(missing({ id: 3, title: 'Neu' })).toEqual(['notes', 'criteria', 'person', 'stops']);
    expect(missing({ id: 3, title: 'Neu', notes: '', criteria: {}, person: null, stops: [] })).toEqual(['criteria.met']);
  });

  it('a nested object with an id of its own is a record of its own; list entries are new values', () => {
    const base = { title: 'Neu', notes: '', criteria: { met: true }, stops: [{ place: 'Rathaus' }] };
    expect(missing({ ...base, id: 3, person: { surname: 'Kaya' } })).toEqual([]);
    expect(missing({ ...base, id: 3, person: { id: 1, surname: 'Kaya' } })).toEqual(['person.phone']);
    expect(missing({ title: 'Neu', person: { id: 1, surname: 'Kaya' } })).toEqual(['person.phone']);
  });

  it('settings (no id) are replaced whole', () => {
    expect(missing({ title: 'x' }, true)).toEqual(['notes', 'criteria', 'person', 'stops']);
  });

  it('a record named by another key (a contact’s press details by its contact, a calendar by its signer) is replaced whole', () => {
    const keyed = z.strictObject({
      contactId: z.number().int(),
      mediaType: z.string().default(''),
      topics: z.array(z.string()).default([]),
      person: person.nullable().default(null),
    });
    const left = (value: unknown) => omittedFields(keyed, value, { key: 'contactId' }).map((field) => field.path.join('.'));
    expect(left({ contactId: 4, mediaType: 'Radio' })).toEqual(['topics', 'person']);
    expect(left({ contactId: 4, mediaType: 'Radio', topics: [], person: { surname: 'Kaya' } })).toEqual([]);
    // A nested record is still named by its id.
    expect(left({ contactId: 4, mediaType: 'Radio', topics: [], person: { id: 1, surname: 'Kaya' } })).toEqual(['person.phone']);
    // Not named: the key is missing (the strict schema refuses that on its own).
    expect(left({ mediaType: 'Radio' })).toEqual([]);
  });
});
