/**
 * Optimistic concurrency on both engines: a change saves only against the revision the user
 * loaded, raises it by one, and of two PCs saving the same revision exactly one wins.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/api/errors';
import { ENGINES, openTestEngine, PG_MIGRATIONS_FOLDER, type TestEngine } from '../../tests/support/test-engine';
import { openPostgresEngine } from './postgres';
import { deleteAtRevision, updateAtRevision, type RevisionedRecord } from './revision';
import type { Engine, OpenEngine } from './types';

const CONTACT: RevisionedRecord = { entity: 'contact', thisOne: 'Dieser Kontakt', it: 'ihn' };

async function addContact({ db, t }: Engine, surname: string): Promise<number> {
  const [row] = await db
    .insert(t.contacts)
    .values({ kind: 'person', surname, sortName: surname, createdAt: '2026-12-07T13:00:00.000Z', updatedAt: '2026-12-07T13:00:00.000Z' })
    .returning({ id: t.contacts.id });
  return row!.id;
}

async function read({ db, t }: Engine, id: number) {
  const [row] = await db.select({ surname: t.contacts.surname, revision: t.contacts.revision }).from(t.contacts).where(eq(t.contacts.id, id));
  return row;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(ENGINES)('revisions on %s', (kind) => {
  let handle: TestEngine;
  /**
   * The other PC: on PostgreSQL a second connection pool to the same database. SQLite serves one
   * PC (its windows, CLI and HTTP bridge share the app's one connection), so there it is the same engine.
   */
  let other: Engine;
  let otherPool: OpenEngine | undefined;
  let engine: Engine;

  beforeAll(async () => {
    handle = await openTestEngine(kind, 'revisions');
    engine = handle.engine;
    if (kind === 'postgres') otherPool = await openPostgresEngine(handle.location, { migrationsFolder: PG_MIGRATIONS_FOLDER });
    other = otherPool ?? engine;
  });
  afterAll(async () => {
    await otherPool?.close();
    await handle?.cleanup();
  });

  it('a new row starts at revision 1', async () => {
    const id = await addContact(engine, 'Albers');
    expect(await read(engine, id)).toEqual({ surname: 'Albers', revision: 1 });
  });

  it('a save at the loaded revision is stored and raises it by one', async () => {
    const id = await addContact(engine, 'Albers');
    expect(await updateAtRevision(engine, engine.t.contacts, CONTACT, { id, revision: 1 }, { surname: 'Albers-Kurz' })).toBe(2);
    expect(await updateAtRevision(engine, engine.t.contacts, CONTACT, { id, revision: 2 }, { surname: 'Kurz' })).toBe(3);
    expect(await read(engine, id)).toEqual({ surname: 'Kurz', revision: 3 });
  });

  it('a save at an older revision is refused with STALE naming who changed it and when; nothing changes', async () => {
    const id = await addContact(engine, 'Albers');
    await engine.db.insert(engine.t.auditLog).values({ at: '2026-12-07T14:42:00.000Z', user: 'Petra Schmitz', action: 'update', entity: 'contact', entityId: id });
    await updateAtRevision(engine, engine.t.contacts, CONTACT, { id, revision: 1 }, { surname: 'Schmitz-Albers' });

    const error = await refusal(updateAtRevision(engine, engine.t.contacts, CONTACT, { id, revision: 1 }, { surname: 'Meier' }));
    expect(error.code).toBe('STALE');
    expect(error.message).toBe(
      'Dieser Kontakt wurde inzwischen von Petra Schmitz geändert (07.12.2026, 15:42 Uhr). Bitte laden Sie ihn neu; Ihre Änderungen sind nicht gespeichert.',
    );
    expect(error.details).toMatchObject({ id, revision: 2, yourRevision: 1, changedBy: 'Petra Schmitz' });
    expect(await read(engine, id)).toEqual({ surname: 'Schmitz-Albers', revision: 2 });
  });

  it('names who changed the record, not who only looked at it or exported it later', async () => {
    const id = await addContact(engine, 'Albers');
    const entry = (at: string, user: string, action: string) => ({ at, user, action, entity: 'contact', entityId: id });
    await engine.db.insert(engine.t.auditLog).values([
      entry('2026-12-07T14:42:00.000Z', 'Petra Schmitz', 'update'),
      entry('2026-12-07T14:50:00.000Z', 'Jonas Kurz', 'view'),
      entry('2026-12-07T14:55:00.000Z', 'Jonas Kurz', 'export'),
    ]);
    await updateAtRevision(engine, engine.t.contacts, CONTACT, { id, revision: 1 }, { surname: 'Schmitz-Albers' });
    const error = await refusal(updateAtRevision(engine, engine.t.contacts, CONTACT, { id, revision: 1 }, { surname: 'Meier' }));
    expect(error.message).toBe(
      'Dieser Kontakt wurde inzwischen von Petra Schmitz geändert (07.12.2026, 15:42 Uhr). Bitte laden Sie ihn neu; Ihre Änderungen sind nicht gespeichert.',
    );
  });

  it('without an audit entry the message names the time of the last change', async () => {
    const id = await addContact(engine, 'Albers');
    await engine.db.update(engine.t.contacts).set({ revision: 4, updatedAt: '2026-07-01T08:05:00.000Z' }).where(eq(engine.t.contacts.id, id));
    const error = await refusal(updateAtRevision(engine, engine.t.contacts, CONTACT, { id, revision: 3 }, { surname: 'Meier' }));
    expect(error.code).toBe('STALE');
    expect(error.message).toBe('Dieser Kontakt wurde inzwischen geändert (01.07.2026, 10:05 Uhr). Bitte laden Sie ihn neu; Ihre Änderungen sind nicht gespeichert.');
  });

  it('a save to a deleted record is NOT_FOUND', async () => {
    const error = await refusal(updateAtRevision(engine, engine.t.contacts, CONTACT, { id: 999_999, revision: 1 }, { surname: 'Meier' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('Dieser Kontakt wurde inzwischen gelöscht; Ihre Änderungen sind nicht gespeichert.');
  });

  it('a delete at an older revision is refused and keeps the row; at the current one it deletes', async () => {
    const id = await addContact(engine, 'Albers');
    await updateAtRevision(engine, engine.t.contacts, CONTACT, { id, revision: 1 }, { surname: 'Kurz' });
    expect((await refusal(deleteAtRevision(engine, engine.t.contacts, CONTACT, { id, revision: 1 }))).code).toBe('STALE');
    expect(await read(engine, id)).toEqual({ surname: 'Kurz', revision: 2 });
    await deleteAtRevision(engine, engine.t.contacts, CONTACT, { id, revision: 2 });
    expect(await read(engine, id)).toBeUndefined();
  });

  it('two PCs saving the same revision at once: exactly one wins, the other gets STALE', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await addContact(engine, 'Albers');
      const results = await Promise.allSettled([
        engine.transaction(() => updateAtRevision(engine, engine.t.contacts, CONTACT, { id, revision: 1 }, { surname: 'Erster' })),
        other.transaction(() => updateAtRevision(other, other.t.contacts, CONTACT, { id, revision: 1 }, { surname: 'Zweiter' })),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0]!.reason as AppError).code).toBe('STALE');
      const winner = results[0]!.status === 'fulfilled' ? 'Erster' : 'Zweiter';
      expect(await read(engine, id)).toEqual({ surname: winner, revision: 2 });
    }
  });
});
