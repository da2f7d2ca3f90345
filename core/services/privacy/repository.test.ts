/**
 * The privacy repository on both engines: one person's records found, what the retention rules
 * pick, and the erasing statements with their id lists bound as one value (update, delete,
 * "left with nothing"). The full-text part of anonymising a request is covered by
 * privacy-service.test.ts and erasure-traces.test.ts (the index has no PostgreSQL twin yet).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestEngine, type TestEngine } from '../../../tests/support/test-engine';
import { privacyRepository } from './repository';

describe.each(ENGINES)('privacy repository on %s', (kind) => {
  let handle: TestEngine;
  let repo: ReturnType<typeof privacyRepository>;
  const id: Record<string, number> = {};
  const stamp = '2025-01-10T09:00:00Z';

  beforeAll(async () => {
    handle = await openTestEngine(kind, 'privacy_repository');
    repo = privacyRepository(handle.engine);
    const { db, t } = handle.engine;
    const person = async (surname: string) =>
      (await db.insert(t.citizens).values({ surname, searchName: surname.toLowerCase(), createdAt: stamp, updatedAt: stamp }).returning({ id: t.citizens.id }))[0]!.id;
    id.hedwig = await person('Wolkenstein');
    id.otto = await person('Ohnegleichen');
    id.lonely = await person('Einsam');
    const event = async (end: string) =>
      (await db.insert(t.citizenEvents).values({ kind: 'gespraech', title: 'Bürgergespräch', start: `${end.slice(0, 10)}T18:00`, end, route: [], createdAt: stamp, updatedAt: stamp }).returning({ id: t.citizenEvents.id }))[0]!.id;
    const past = await event('2025-02-01T20:00');
    const coming = await event('2027-02-01T20:00');
    const registration = async (eventId: number, citizenId: number) =>
      (await db.insert(t.eventRegistrations).values({ eventId, citizenId, topic: 'Radwege', registeredOn: '2025-01-10' }).returning({ id: t.eventRegistrations.id }))[0]!.id;
    id.pastRegistration = await registration(past, id.hedwig!);
    id.comingRegistration = await registration(coming, id.otto!);
    const enquiry = async (citizenId: number, updatedAt: string) =>
      (await db.insert(t.volunteerEnquiries).values({ citizenId, receivedOn: '2025-01-10', interests: 'Lesepatin', fields: ['Bildung'], notes: 'ruft zurück', createdAt: stamp, updatedAt }).returning({ id: t.volunteerEnquiries.id }))[0]!.id;
    id.oldEnquiry = await enquiry(id.hedwig!, '2020-05-01T10:00:00Z');
    id.newEnquiry = await enquiry(id.otto!, '2026-05-01T10:00:00Z');
    const request = async (closedOn: string | null) =>
      (await db.insert(t.citizenRequests).values({ kind: 'idee', channel: 'email', citizenId: id.hedwig!, subject: 'Bank am Rhein', receivedOn: '2024-01-02', closedOn, createdAt: stamp, updatedAt: stamp }).returning({ id: t.citizenRequests.id }))[0]!.id;
    id.closed = await request('2024-03-01');
    id.open = await request(null);
    await db.insert(t.requestLinks).values({ requestId: id.open!, linkedId: id.closed!, note: 'gleiche Stelle' });
    await db.insert(t.requestHistory).values({ requestId: id.closed!, at: stamp, user: 'test', action: 'Notiz', status: 'erledigt', note: 'Frau Wolkenstein angerufen' });
    for (const [entity, entityId] of [['citizen', id.hedwig!], ['volunteer_enquiry', id.oldEnquiry!], ['request', id.closed!], ['citizen', id.otto!]] as const) {
      await db.insert(t.auditLog).values({ at: stamp, user: 'test', action: 'view', entity, entityId, summary: 'Wolkenstein' });
    }
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  it("finds one person's records and what the retention rules pick", async () => {
    expect((await repo.citizen(id.hedwig!))?.surname).toBe('Wolkenstein');
    expect((await repo.requestsOf(id.hedwig!)).map((r) => r.request.id)).toEqual([id.closed, id.open]);
    expect((await repo.linksOf([id.closed!])).map((l) => l.note)).toEqual(['gleiche Stelle']);
    expect((await repo.historyOf([id.closed!, id.open!])).map((h) => h.note)).toEqual(['Frau Wolkenstein angerufen']);
    expect((await repo.auditOf('request', [id.closed!, 999])).map((a) => a.entityId)).toEqual([id.closed]);
    expect(await repo.requestsClosedBefore('2025-01-01')).toEqual([id.closed]);
    expect(await repo.enquiriesUpdatedBefore('2024-01-01T00:00:00Z')).toEqual([id.oldEnquiry]);
    expect(await repo.registrationsOfEventsEndedBefore('2026-01-01')).toEqual([id.pastRegistration]);
    expect(await repo.enquiryIdsOf(id.otto!)).toEqual([id.newEnquiry]);
    expect(await repo.registrationIdsOf(id.otto!)).toEqual([id.comingRegistration]);
    expect(await repo.requestExists(id.open!)).toBe(true);
    expect(await repo.requestExists(999_999)).toBe(false);
  });

  it('erases in one statement per table and removes the persons left with nothing', async () => {
    const { db, t } = handle.engine;
    await handle.engine.transaction(async () => {
      await repo.anonymiseEnquiries([id.oldEnquiry!], '2026-11-27T09:00:00Z');
      await repo.deleteRegistrations([id.pastRegistration!]);
      await repo.anonymiseEnquiries([], 'x');
      await repo.deleteRegistrations([]);
    });
    const [enquiry] = await db.select().from(t.volunteerEnquiries).where(eq(t.volunteerEnquiries.id, id.oldEnquiry!));
    expect(enquiry).toMatchObject({ citizenId: null, interests: '', notes: '', fields: ['Bildung'], anonymisedAt: '2026-11-27T09:00:00Z' });
    expect(await repo.registrationIdsOf(id.hedwig!)).toEqual([]);
    // Hedwig still has requests; Otto a registration and an enquiry; only the lonely one goes.
    expect(await repo.deleteCitizensLeftWithNothing()).toBe(1);
    expect(await repo.citizen(id.lonely!)).toBeUndefined();
    await repo.deleteCitizen(id.otto!);
    expect(await repo.citizen(id.otto!)).toBeUndefined();
    const summaries = await db.select({ entity: t.auditLog.entity, entityId: t.auditLog.entityId, summary: t.auditLog.summary }).from(t.auditLog).orderBy(t.auditLog.id);
    expect(summaries).toEqual([
      { entity: 'citizen', entityId: id.hedwig, summary: 'Wolkenstein' },
      { entity: 'volunteer_enquiry', entityId: id.oldEnquiry, summary: '' },
      { entity: 'request', entityId: id.closed, summary: 'Wolkenstein' },
      { entity: 'citizen', entityId: id.otto, summary: '' },
    ]);
  });
});
