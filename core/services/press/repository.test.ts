/**
 * The press office's SQL on both engines: the invitation counts per appointment as numbers
 * (PostgreSQL sums as bigint), media contacts with their organisation (an aliased join),
 * distribution lists found by a folded name, responses and releases in the same order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestEngine, type TestEngine } from '../../../tests/support/test-engine';
import { pressRepository } from './repository';

describe.each(ENGINES)('press office on %s', (kind) => {
  let handle: TestEngine;
  beforeAll(async () => {
    handle = await openTestEngine(kind, 'press_repo');
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  it('counts invitations and responses, lists media contacts and finds lists by a folded name', async () => {
    const { db, t } = handle.engine;
    const repo = pressRepository(handle.engine);
    const [paper] = await db.insert(t.contacts).values({ kind: 'organisation', name: 'Rheinhafener Tageblatt', sortName: 'Rheinhafener Tageblatt', createdAt: 'x', updatedAt: 'x' }).returning();
    const people = await db
      .insert(t.contacts)
      .values([
        { kind: 'person', surname: 'Wendehorst', givenName: 'Ilka', sortName: 'Wendehorst, Ilka', organisationId: paper!.id, createdAt: 'x', updatedAt: 'x' },
        { kind: 'person', surname: 'Falk', givenName: 'Robin', sortName: 'Falk, Robin', createdAt: 'x', updatedAt: 'x' },
        { kind: 'person', surname: 'Bolte', givenName: 'Friederike', sortName: 'Bolte, Friederike', createdAt: 'x', updatedAt: 'x' },
      ])
      .returning({ id: t.contacts.id });
    const ids = people.map((p) => p.id);
    for (const id of ids) await repo.putMediaContact({ contactId: id, mediaType: 'Zeitung', topics: ['Hafen'], notes: '' });
    await repo.putMediaContact({ contactId: ids[0]!, mediaType: 'Radio', topics: ['Kultur'], notes: 'neu' });
    const media = await repo.people();
    expect(media.map((p) => [p.contact.surname, p.organisationName, p.media?.mediaType, p.media?.topics])).toEqual([
      ['Bolte', null, 'Zeitung', ['Hafen']],
      ['Falk', null, 'Zeitung', ['Hafen']],
      ['Wendehorst', 'Rheinhafener Tageblatt', 'Radio', ['Kultur']],
    ]);
    expect((await repo.existingContacts([ids[1]!, 999_999])).sort()).toEqual([ids[1]]);

    const listId = await repo.saveList({ name: 'Überregionale Presse', description: '' }, ids);
    expect((await repo.listByName('UEBERREGIONALE presse'))?.id).toBe(listId);
    expect(await repo.listByName('Regionale Presse')).toBeUndefined();
    expect((await repo.listNamesByContact()).get(ids[0]!)).toEqual(['Überregionale Presse']);

    const [signer] = await db.insert(t.signers).values({ name: 'Sören Link', gender: 'male', office: 'Oberbürgermeister', deputy: false }).returning();
    const [calendar] = await db.insert(t.calendars).values({ signerId: signer!.id, color: '#0f6cbd' }).returning();
    const [conference] = await db
      .insert(t.appointments)
      .values({ calendarId: calendar!.id, title: 'Pressekonferenz', start: '2026-12-10T10:30', end: '2026-12-10T11:30', recurrenceExceptions: [], createdAt: 'x', updatedAt: 'x' })
      .returning();
    await repo.invite(conference!.id, ids);
    await repo.invite(conference!.id, ids);
    expect(await repo.respond(conference!.id, ids[0]!, 'zugesagt')).toBe(true);
    expect(await repo.respond(conference!.id, ids[1]!, 'abgesagt')).toBe(true);
    expect(await repo.respond(conference!.id, 999_999, 'zugesagt')).toBe(false);
    expect(await repo.invitationCounts()).toEqual([{ appointmentId: conference!.id, invited: 3, accepted: 1, declined: 1 }]);
    await repo.uninvite(conference!.id, [ids[2]!]);
    expect(await repo.invitationCounts()).toEqual([{ appointmentId: conference!.id, invited: 2, accepted: 1, declined: 1 }]);
    expect(await repo.appointments([conference!.id, conference!.id])).toEqual([{ id: conference!.id, title: 'Pressekonferenz', start: '2026-12-10T10:30' }]);

    expect(await repo.deleteMediaContact(ids[2]!)).toBe(true);
    expect(await repo.deleteMediaContact(ids[2]!)).toBe(false);
    expect(await repo.deleteList(listId)).toBe(true);

    const release = (title: string, releaseAt: string | null) => repo.insertRelease({ title, releaseAt }, 'x');
    const later = await release('Später', '2027-01-10T10:00');
    const unscheduled = await release('Ohne Termin', null);
    const sooner = await release('Früher', '2026-12-01T10:00');
    expect((await repo.releases({})).map((r) => r.id)).toEqual([unscheduled.id, later.id, sooner.id]);
    expect(await repo.releaseCount()).toBe(3);
  });
});
