/**
 * The citizens' events' SQL on both engines: the counts of registrations and concerns read as
 * numbers (PostgreSQL counts as bigint), open requests of a list of persons, the row lock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestEngine, type TestEngine } from '../../../tests/support/test-engine';
import { citizenEventsRepository } from './repository';

describe.each(ENGINES)('citizens’ events on %s', (kind) => {
  let handle: TestEngine;
  beforeAll(async () => {
    handle = await openTestEngine(kind, 'citizen_events');
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  it('counts registrations and concerns as numbers and finds the open requests of the registered', async () => {
    const { db, t } = handle.engine;
    const repo = citizenEventsRepository(handle.engine);
    const event = await repo.insert(
      { kind: 'gespraech', title: 'Bürgergespräch in Walsum', start: '2026-12-10T18:00', end: '2026-12-10T20:00', district: 'Walsum', capacity: 60, route: [] },
      'x',
    );
    const people = await db
      .insert(t.citizens)
      .values([
        { surname: 'Brömmelkamp', givenName: 'Ilka', searchName: 'broemmelkamp ilka', createdAt: 'x', updatedAt: 'x' },
        { surname: 'Doğan', givenName: 'Kemal', searchName: 'dogan kemal', createdAt: 'x', updatedAt: 'x' },
      ])
      .returning({ id: t.citizens.id });
    for (const person of people) await repo.insertRegistration({ eventId: event.id, citizenId: person.id, topic: '', registeredOn: '2026-12-01' });
    const request = (subject: string, citizenId: number, status: 'eingegangen' | 'erledigt', eventId: number | null) =>
      ({ kind: 'anregung', channel: 'buergergespraech', subject, citizenId, status, eventId, receivedOn: '2026-12-02', createdAt: 'x', updatedAt: 'x' }) as const;
    const [open] = await db.insert(t.citizenRequests).values(request('Schulweg', people[0]!.id, 'eingegangen', event.id)).returning({ id: t.citizenRequests.id });
    await db.insert(t.citizenRequests).values(request('Hallenbad', people[1]!.id, 'erledigt', null));

    await handle.engine.transaction(async () => repo.lock(event.id));
    const found = await repo.find(event.id);
    expect(found).toMatchObject({ registered: 2, concerns: 1, appointmentTitle: null });
    expect((await repo.list({ district: 'Walsum' })).map((r) => [r.event.id, r.registered])).toEqual([[event.id, 2]]);
    expect(await repo.openRequestsOf(people.map((p) => p.id))).toEqual([{ id: open!.id, citizenId: people[0]!.id, subject: 'Schulweg' }]);
    expect((await repo.requestsOfEvent(event.id)).map((r) => r.request.subject)).toEqual(['Schulweg']);
  });
});
