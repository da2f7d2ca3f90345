/**
 * Citizens' talks and walks carry a revision on both engines: a save or a delete against an older
 * one is refused with STALE naming who changed it and when; nothing is overwritten or removed.
 * A registration is a record of its own and leaves the event's revision as it is.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, type CitizenEventInput } from '../../api';
import { openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';
import { errorOf } from '../../../tests/support/api-result';

let app: Awaited<ReturnType<typeof openTempApp>>;
let clock: Date;

const talk = (more: Partial<CitizenEventInput> = {}): CitizenEventInput => ({
  kind: 'gespraech',
  title: 'Bürgergespräch Hamborn',
  start: '2027-03-04T18:00',
  end: '2027-03-04T20:00',
  district: 'Hamborn',
  place: 'Bezirksrathaus Hamborn',
  route: [],
  capacity: null,
  appointmentId: null,
  notes: '',
  ...more,
});

describe.each(ENGINES)('citizen event revisions on %s', (kind) => {
  beforeEach(async () => {
    clock = new Date('2026-11-27T09:00:00Z');
    app = await openTempApp(kind, { label: 'event_revisions', now: () => clock });
  }, 60_000);
  afterEach(async () => app.cleanup());

  it('a save or a delete against an older revision is refused with STALE naming who changed it; nothing is overwritten or removed', async () => {
    const saved = await call(app.handlers, 'citizenEvents.save', talk());
    expect(saved.revision).toBe(1);
    expect((await call(app.handlers, 'citizenEvents.list', {})).find((e) => e.id === saved.id)?.revision).toBe(1);
    // A registration does not change the event's revision.
    await call(app.handlers, 'citizenEvents.register', {
      eventId: saved.id,
      citizen: { gender: 'female', degrees: '', givenName: 'Ayşe', surname: 'Kaya', street: 'Königstraße', houseNumber: '12', postcode: '47051', city: 'Duisburg', email: '', phone: '' },
      topic: 'Spielplatz',
    });
    expect((await call(app.handlers, 'citizenEvents.get', { id: saved.id })).revision).toBe(1);

    clock = new Date('2026-11-27T10:00:00Z');
    const first = await call(app.handlers, 'citizenEvents.save', talk({ id: saved.id, revision: 1, capacity: 80 }));
    expect(first.revision).toBe(2);
    const message = 'Diese Veranstaltung wurde inzwischen von test geändert (27.11.2026, 11:00 Uhr). Bitte laden Sie sie neu; Ihre Änderungen sind nicht gespeichert.';
    expect(await errorOf(dispatch(app.handlers, 'citizenEvents.save', talk({ id: saved.id, revision: 1, notes: 'Presse angefragt' })))).toMatchObject({ code: 'STALE', message });
    expect(await errorOf(dispatch(app.handlers, 'citizenEvents.delete', { id: saved.id, revision: 1 }))).toMatchObject({ code: 'STALE', message });
    expect(await call(app.handlers, 'citizenEvents.get', { id: saved.id })).toMatchObject({ capacity: 80, notes: '', revision: 2 });
    expect((await errorOf(dispatch(app.handlers, 'citizenEvents.save', talk({ id: saved.id }))))?.message).toContain('Der Bearbeitungsstand (revision) fehlt.');
    expect(await call(app.handlers, 'citizenEvents.delete', { id: saved.id, revision: 2 })).toEqual({ id: saved.id });
  });
});
