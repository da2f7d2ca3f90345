/**
 * Patronage requests carry a revision on both engines: a save, a decision or the linking of the
 * reply letter against an older one is refused with STALE naming who changed it and when, and
 * nothing is overwritten.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, type PatronageInput } from '../../api';
import { openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';
import { errorOf } from '../../../tests/support/api-result';

let app: Awaited<ReturnType<typeof openTempApp>>;
let clock: Date;

const request = (more: Partial<PatronageInput> = {}): PatronageInput => ({
  organisationName: 'Förderverein Jugendsport Meiderich-Ost e. V.',
  event: 'Kinder- und Jugendsporttag am Kaiserberg',
  eventFrom: '2027-06-12',
  receivedOn: '2026-11-20',
  ...more,
});

describe.each(ENGINES)('patronage revisions on %s', (kind) => {
  beforeEach(async () => {
    clock = new Date('2026-11-27T09:00:00Z');
    app = await openTempApp(kind, { label: 'patronage_revisions', now: () => clock });
  }, 60_000);
  afterEach(async () => app.cleanup());

  it('a save, a decision or a linked reply against an older revision is refused with STALE naming who changed it; nothing is overwritten', async () => {
    const saved = await call(app.handlers, 'patronages.save', request());
    expect(saved.revision).toBe(1);
    expect((await call(app.handlers, 'patronages.list', {})).find((p) => p.id === saved.id)?.revision).toBe(1);

    // Two PCs loaded revision 1; the first saves an hour later.
    clock = new Date('2026-11-27T10:00:00Z');
    const first = await call(app.handlers, 'patronages.save', { ...saved, place: 'Sportpark Wedau' });
    expect(first.revision).toBe(2);
    const old = { id: saved.id, revision: 1 };
    const attempts = [
      dispatch(app.handlers, 'patronages.save', { ...saved, place: 'Rathaus' }),
      dispatch(app.handlers, 'patronages.decide', { ...old, decision: 'abgelehnt', reasons: '' }),
      dispatch(app.handlers, 'patronages.linkReply', { ...old, letterId: 1 }),
    ];
    for (const attempt of attempts) {
      expect(await errorOf(attempt)).toMatchObject({
        code: 'STALE',
        message: 'Diese Schirmherrschaft wurde inzwischen von test geändert (27.11.2026, 11:00 Uhr). Bitte laden Sie sie neu; Ihre Änderungen sind nicht gespeichert.',
      });
    }
    expect(await call(app.handlers, 'patronages.get', { id: saved.id })).toMatchObject({ place: 'Sportpark Wedau', decision: 'offen', replyLetterId: null, revision: 2 });

    // At the current revision the decision goes through and raises it.
    const decided = await call(app.handlers, 'patronages.decide', { id: saved.id, revision: 2, decision: 'abgelehnt', reasons: '' });
    expect(decided.patronage.revision).toBe(3);

    for (const [method, input] of [
      ['patronages.save', { ...saved, revision: undefined }],
      ['patronages.decide', { id: saved.id, decision: 'abgelehnt', reasons: '' }],
      ['patronages.linkReply', { id: saved.id, letterId: 1 }],
    ] as const) {
      expect((await errorOf(dispatch(app.handlers, method, input as never)))?.message, method).toContain('Der Bearbeitungsstand (revision) fehlt.');
    }
  });
});
