/**
 * Visits carry a revision on both engines: a save or a delete against an older one is refused
 * with STALE naming who changed it and when, and nothing is overwritten or removed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, type VisitInput } from '../../api';
import { openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';
import { errorOf } from '../../../tests/support/api-result';

let app: Awaited<ReturnType<typeof openTempApp>>;
let clock: Date;

const visit = (more: Partial<VisitInput> = {}): VisitInput => ({
  direction: 'eingehend',
  title: 'Delegation aus Portsmouth',
  from: '2027-05-01',
  to: '2027-05-03',
  ...more,
});
const fields = { partnershipId: null, interpreter: '', press: '', notes: '', people: [], appointmentIds: [] };

describe.each(ENGINES)('visit revisions on %s', (kind) => {
  beforeEach(async () => {
    clock = new Date('2026-11-27T09:00:00Z');
    app = await openTempApp(kind, { label: 'visit_revisions', now: () => clock });
  }, 60_000);
  afterEach(async () => app.cleanup());

  it('a save or a delete against an older revision is refused with STALE naming who changed it; nothing is overwritten or removed', async () => {
    const saved = await call(app.handlers, 'visits.save', visit());
    expect(saved.revision).toBe(1);
    expect((await call(app.handlers, 'visits.list', {})).find((v) => v.id === saved.id)?.revision).toBe(1);

    // PC A adds the interpreter an hour later; PC B still has revision 1.
    clock = new Date('2026-11-27T10:00:00Z');
    const first = await call(app.handlers, 'visits.save', visit({ ...fields, id: saved.id, revision: 1, interpreter: 'Frau Kowalski' }));
    expect(first.revision).toBe(2);
    const message = 'Dieser Besuch wurde inzwischen von test geändert (27.11.2026, 11:00 Uhr). Bitte laden Sie ihn neu; Ihre Änderungen sind nicht gespeichert.';
    expect(await errorOf(dispatch(app.handlers, 'visits.save', visit({ ...fields, id: saved.id, revision: 1, press: 'Pressetermin im Rathaus' })))).toMatchObject({ code: 'STALE', message });
    expect(await errorOf(dispatch(app.handlers, 'visits.delete', { id: saved.id, revision: 1 }))).toMatchObject({ code: 'STALE', message });
    expect(await call(app.handlers, 'visits.get', { id: saved.id })).toMatchObject({ interpreter: 'Frau Kowalski', press: '', revision: 2 });

    for (const [method, input] of [
      ['visits.save', visit({ ...fields, id: saved.id })],
      ['visits.delete', { id: saved.id }],
    ] as const) {
      expect((await errorOf(dispatch(app.handlers, method, input as never)))?.message, method).toContain('Der Bearbeitungsstand (revision) fehlt.');
    }
    expect(await call(app.handlers, 'visits.delete', { id: saved.id, revision: 2 })).toEqual({ id: saved.id });
  });
});
