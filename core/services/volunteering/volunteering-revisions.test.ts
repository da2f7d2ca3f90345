/**
 * Volunteering enquiries and offers carry a revision on both engines: a save (or an offer's
 * deletion) against an older one is refused with STALE naming who changed it and when; nothing is
 * overwritten or removed. The retention check's anonymisation raises an enquiry's revision too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../api';
import { openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';
import { errorOf } from '../../../tests/support/api-result';

let app: Awaited<ReturnType<typeof openTempApp>>;
let clock: Date;
const JONAS = { gender: 'male' as const, givenName: 'Jonas', surname: 'Terhorst', email: 'jonas.terhorst@example.org' };
/** What a change sends besides its own fields: the whole enquiry. */
const REST = { interests: '', organisationId: null, referredOn: null, outcome: 'offen' as const, notes: '' };

describe.each(ENGINES)('volunteering revisions on %s', (kind) => {
  beforeEach(async () => {
    clock = new Date('2026-11-27T09:00:00Z');
    app = await openTempApp(kind, { label: 'volunteering_revisions', now: () => clock });
  }, 60_000);
  afterEach(async () => app.cleanup());

  it('an enquiry saved against an older revision is refused with STALE naming who changed it; nothing is overwritten', async () => {
    const saved = await call(app.handlers, 'volunteering.enquiries.save', { citizen: JONAS, receivedOn: '2026-11-25', fields: ['Sport'] });
    expect(saved.revision).toBe(1);
    expect((await call(app.handlers, 'volunteering.enquiries', {})).find((e) => e.id === saved.id)?.revision).toBe(1);
    clock = new Date('2026-11-27T10:00:00Z');
    const first = await call(app.handlers, 'volunteering.enquiries.save', { ...REST, id: saved.id, revision: 1, citizen: saved.citizen!, receivedOn: '2026-11-25', fields: ['Sport'], notes: 'Rückruf am Montag' });
    expect(first.revision).toBe(2);
    const stale = await errorOf(
      dispatch(app.handlers, 'volunteering.enquiries.save', { ...REST, id: saved.id, revision: 1, citizen: saved.citizen!, receivedOn: '2026-11-25', fields: ['Kultur'], outcome: 'kein_angebot' }),
    );
    expect(stale).toMatchObject({
      code: 'STALE',
      message: 'Diese Anfrage wurde inzwischen von test geändert (27.11.2026, 11:00 Uhr). Bitte laden Sie sie neu; Ihre Änderungen sind nicht gespeichert.',
    });
    expect(await call(app.handlers, 'volunteering.enquiries.get', { id: saved.id })).toMatchObject({ notes: 'Rückruf am Montag', fields: ['Sport'], outcome: 'offen', revision: 2 });
    expect((await errorOf(dispatch(app.handlers, 'volunteering.enquiries.save', { ...REST, id: saved.id, citizen: JONAS, receivedOn: '2026-11-25' })))?.message).toContain('Der Bearbeitungsstand (revision) fehlt.');
  });

  it('an offer saved or deleted against an older revision is refused with STALE; nothing is overwritten or removed', async () => {
    const club = await call(app.handlers, 'contacts.create', { kind: 'organisation', name: 'Schwimmverein Wedau-Süd 1921 e. V.', city: 'Duisburg' });
    const saved = await call(app.handlers, 'volunteering.offers.save', { organisationId: club.id, field: 'Sport', description: 'Helferinnen und Helfer beim Kinderschwimmen' });
    expect(saved.revision).toBe(1);
    clock = new Date('2026-11-27T10:00:00Z');
    const first = await call(app.handlers, 'volunteering.offers.save', { id: saved.id, revision: 1, organisationId: club.id, field: 'Sport', description: 'Übungsleitung Aquafitness', active: true });
    expect(first.revision).toBe(2);
    const message = 'Dieses Angebot wurde inzwischen von test geändert (27.11.2026, 11:00 Uhr). Bitte laden Sie es neu; Ihre Änderungen sind nicht gespeichert.';
    expect(await errorOf(dispatch(app.handlers, 'volunteering.offers.save', { id: saved.id, revision: 1, organisationId: club.id, field: 'Sport', description: 'x', active: false }))).toMatchObject({ code: 'STALE', message });
    expect(await errorOf(dispatch(app.handlers, 'volunteering.offers.delete', { id: saved.id, revision: 1 }))).toMatchObject({ code: 'STALE', message });
    const [group] = await call(app.handlers, 'volunteering.offers', { includeInactive: true });
    expect(group!.offers).toMatchObject([{ id: saved.id, description: 'Übungsleitung Aquafitness', active: true, revision: 2 }]);
    expect(await call(app.handlers, 'volunteering.offers.delete', { id: saved.id, revision: 2 })).toEqual({ id: saved.id });
  });
});
