/**
 * The calendar's SQL on both engines: a calendar saved twice for one signer (upsert), the
 * appointments of a window in some calendars, people replaced in one batch, deletes that say
 * whether they found the row, invitations in the same order (those without a reply date first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestEngine, type TestEngine } from '../../../tests/support/test-engine';
import { calendarRepository, type AppointmentValues, type InvitationValues } from './repository';

describe.each(ENGINES)('calendar repository on %s', (kind) => {
  let handle: TestEngine;
  beforeAll(async () => {
    handle = await openTestEngine(kind, 'calendar_repo');
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  it('saves calendars, finds appointments of a window, replaces people, deletes and orders invitations', async () => {
    const { db, t } = handle.engine;
    const repo = calendarRepository(handle.engine);
    const [ob, bm] = await db
      .insert(t.signers)
      .values([
        { name: 'Sören Link', gender: 'male', office: 'Oberbürgermeister', deputy: false },
        { name: 'Edeltraud Klabuhn', gender: 'female', office: 'Bürgermeisterin', deputy: true },
      ])
      .returning();
    await repo.saveCalendar({ signerId: ob!.id, color: '#000000', sortOrder: 1 });
    const first = await repo.saveCalendar({ signerId: ob!.id, color: '#0f6cbd', sortOrder: 0 });
    const second = await repo.saveCalendar({ signerId: bm!.id, color: '#c239b3', sortOrder: 1 });
    expect((await repo.calendars()).map((c) => [c.id, c.name, c.color, c.deputy])).toEqual([
      [first.id, 'Sören Link', '#0f6cbd', false],
      [second.id, 'Edeltraud Klabuhn', '#c239b3', true],
    ]);

    const blank = { place: '', routeNote: '', programme: '', dressCode: '', press: '', gift: '', notes: '', status: 'bestätigt', allDay: false } as const;
    const add = (calendarId: number, title: string, start: string, end: string, more: Partial<AppointmentValues> = {}) =>
      repo.insertAppointment({ ...blank, calendarId, title, start, end, recurrenceExceptions: [], ...more }, 'x');
    const reception = await add(first.id, 'Empfang', '2026-12-08T11:00', '2026-12-08T13:00');
    const series = await add(first.id, 'Sprechstunde', '2026-01-07T16:00', '2026-01-07T18:00', { recurrenceRule: 'FREQ=MONTHLY;BYDAY=1WE' });
    await add(second.id, 'Jubiläum', '2026-12-12T18:00', '2026-12-12T21:00');
    await add(first.id, 'Im Januar', '2027-01-15T10:00', '2027-01-15T11:00');
    expect((await repo.appointmentsIn('2026-12-01', '2027-01-01', [first.id])).map((a) => a.title)).toEqual(['Sprechstunde', 'Empfang']);
    expect((await repo.appointmentsIn('2026-12-01', '2027-01-01')).map((a) => a.title)).toEqual(['Sprechstunde', 'Empfang', 'Jubiläum']);
    expect(await repo.updateAppointment(series.id, { title: 'Sprechstunde' }, 'later')).toMatchObject({ updatedAt: 'x' });

    const [anna, theo] = await db
      .insert(t.contacts)
      .values([
        { kind: 'person', surname: 'Müller', givenName: 'Anna', sortName: 'Müller, Anna', createdAt: 'x', updatedAt: 'x' },
        { kind: 'person', surname: 'Özdemir', givenName: 'Theo', sortName: 'Özdemir, Theo', createdAt: 'x', updatedAt: 'x' },
      ])
      .returning({ id: t.contacts.id });
    await repo.replacePeople(reception.id, [
      { contactId: theo!.id, role: 'guest', note: '' },
      { contactId: anna!.id, role: 'guest', note: 'Ehrengast' },
    ]);
    await repo.replacePeople(reception.id, [{ contactId: anna!.id, role: 'contact', note: '' }, { contactId: theo!.id, role: 'guest', note: 'spricht' }]);
    expect((await repo.people(reception.id)).map((p) => [p.contactId, p.role, p.note])).toEqual([
      [anna!.id, 'contact', ''],
      [theo!.id, 'guest', 'spricht'],
    ]);
    await repo.replacePeople(reception.id, []);
    expect(await repo.people(reception.id)).toEqual([]);

    await repo.deleteAppointment({ id: reception.id, revision: reception.revision });
    expect(await repo.appointment(reception.id)).toBeUndefined();

    const invitation = (event: string, replyBy: string | null): InvitationValues => ({
      inviterName: 'Verein',
      event,
      dates: [{ start: '2027-06-19T15:00', end: '2027-06-19T19:00', allDay: false }],
      receivedOn: '2026-11-20',
      replyBy,
      requests: ['attendance'],
      status: 'open',
    });
    await repo.insertInvitation(invitation('Später', '2027-01-31'), 'x');
    await repo.insertInvitation(invitation('Ohne Frist', null), 'x');
    await repo.insertInvitation(invitation('Bald', '2026-12-15'), 'x');
    expect((await repo.invitations()).map((i) => i.event)).toEqual(['Ohne Frist', 'Bald', 'Später']);
  });
});
