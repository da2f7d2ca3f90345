/**
 * The persons of the citizen dialogue on both engines: found by id and by e-mail address with
 * the case ignored (the last recorded first), updated, and removed only when nothing refers to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestEngine, type TestEngine } from '../../../tests/support/test-engine';
import { citizenRecords } from './repository';

describe.each(ENGINES)('citizen records on %s', (kind) => {
  let handle: TestEngine;
  beforeAll(async () => {
    handle = await openTestEngine(kind, 'citizens_repo');
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  it('finds, updates and removes the unreferenced person only', async () => {
    const { db, t } = handle.engine;
    const people = citizenRecords(handle.engine);
    const person = (surname: string, email: string) => ({ gender: 'female' as const, degrees: '', givenName: 'Ayşe', surname, street: '', houseNumber: '', postcode: '', city: '', email, phone: '', searchName: surname.toLowerCase() });
    const older = await people.insert(person('Kaya', 'A.Kaya@Example.org'), '2026-11-01T08:00:00Z');
    const newer = await people.insert(person('Kaya-Demir', 'a.kaya@example.org'), '2026-11-02T08:00:00Z');
    expect(older).toMatchObject({ surname: 'Kaya', createdAt: '2026-11-01T08:00:00Z', updatedAt: '2026-11-01T08:00:00Z' });
    expect((await people.byEmail('A.KAYA@example.ORG'))!.id).toBe(newer.id);
    expect(await people.byEmail('niemand@example.org')).toBeUndefined();
    const updated = await people.update(older.id, person('Kaya', 'ayse@example.org'), '2026-11-03T08:00:00Z');
    expect(updated).toMatchObject({ id: older.id, email: 'ayse@example.org', createdAt: '2026-11-01T08:00:00Z', updatedAt: '2026-11-03T08:00:00Z' });
    expect(await people.update(999_999, person('X', ''), 'x')).toBeUndefined();
    expect((await people.find(older.id))!.email).toBe('ayse@example.org');

    await db.insert(t.citizenRequests).values({ kind: 'idee', channel: 'email', subject: 'Bank am Rhein', receivedOn: '2026-11-20', citizenId: newer.id, createdAt: 'x', updatedAt: 'x' });
    expect(await people.deleteIfUnreferenced(newer.id)).toBe(false);
    expect(await people.deleteIfUnreferenced(older.id)).toBe(true);
    expect(await people.find(older.id)).toBeUndefined();
    expect(await people.deleteIfUnreferenced(older.id)).toBe(false);
  });
});
