/**
 * Partner cities carry a revision on both engines: a save against an older one is refused with
 * STALE naming who changed it and when, and nothing is overwritten.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, type PartnershipInput } from '../../api';
import { openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';
import { errorOf } from '../../../tests/support/api-result';

let app: Awaited<ReturnType<typeof openTempApp>>;
let clock: Date;

const portsmouth = (more: Partial<PartnershipInput> = {}): PartnershipInput => ({
  city: 'Portsmouth',
  country: 'GB',
  kind: 'partnerschaft',
  since: '1950',
  status: 'aktiv',
  language: 'en',
  notes: '',
  mayorContactId: null,
  officeContactId: null,
  ...more,
});

describe.each(ENGINES)('partnership revisions on %s', (kind) => {
  beforeEach(async () => {
    clock = new Date('2026-11-27T09:00:00Z');
    app = await openTempApp(kind, { label: 'partnership_revisions', now: () => clock });
  }, 60_000);
  afterEach(async () => app.cleanup());

  it('a save against an older revision is refused with STALE naming who changed it; nothing is overwritten', async () => {
    const saved = await call(app.handlers, 'partnerships.save', portsmouth());
    expect(saved.revision).toBe(1);
    expect((await call(app.handlers, 'partnerships.list', {})).find((p) => p.id === saved.id)?.revision).toBe(1);

    // PC A notes the new Lord Mayor's visit an hour later; PC B still has revision 1.
    clock = new Date('2026-11-27T10:00:00Z');
    const first = await call(app.handlers, 'partnerships.save', portsmouth({ id: saved.id, revision: 1, notes: 'Besuch des Lord Mayor im Mai' }));
    expect(first.revision).toBe(2);
    const stale = await errorOf(dispatch(app.handlers, 'partnerships.save', portsmouth({ id: saved.id, revision: 1, status: 'ruhend' })));
    expect(stale).toMatchObject({
      code: 'STALE',
      message: 'Diese Partnerschaft wurde inzwischen von test geändert (27.11.2026, 11:00 Uhr). Bitte laden Sie sie neu; Ihre Änderungen sind nicht gespeichert.',
    });
    expect(await call(app.handlers, 'partnerships.get', { id: saved.id })).toMatchObject({ notes: 'Besuch des Lord Mayor im Mai', status: 'aktiv', revision: 2 });
    expect((await errorOf(dispatch(app.handlers, 'partnerships.save', portsmouth({ id: saved.id }))))?.message).toContain('Der Bearbeitungsstand (revision) fehlt.');
  });
});
