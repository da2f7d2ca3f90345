/**
 * The gift stock and the gifts received carry a revision on both engines: a save against an older
 * one is refused with STALE naming who changed it and when, and nothing is overwritten — not
 * even the stock a gift took after the item was loaded.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../api';
import { openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';
import { errorOf } from '../../../tests/support/api-result';

let app: Awaited<ReturnType<typeof openTempApp>>;
let clock: Date;

describe.each(ENGINES)('gift revisions on %s', (kind) => {
  beforeEach(async () => {
    clock = new Date('2026-11-27T09:00:00Z');
    app = await openTempApp(kind, { label: 'gift_revisions', now: () => clock });
  }, 60_000);
  afterEach(async () => app.cleanup());

  it('a stock item saved against an older revision is refused with STALE; a gift taken from the stock meanwhile is not undone', async () => {
    const item = await call(app.handlers, 'gifts.items.save', { name: 'Porzellanteller mit Stadtansicht', description: '', quantity: 10, unitValueCents: 2500, active: true });
    expect(item.revision).toBe(1);
    expect((await call(app.handlers, 'gifts.items', {})).find((i) => i.id === item.id)?.revision).toBe(1);

    // PC A corrects the stock an hour later; PC B's save of revision 1 is refused.
    clock = new Date('2026-11-27T10:00:00Z');
    const corrected = await call(app.handlers, 'gifts.items.save', { id: item.id, revision: item.revision, name: item.name, description: '', quantity: 12, unitValueCents: 2500, active: true });
    expect(corrected).toMatchObject({ quantity: 12, revision: 2 });
    const staleMessage = 'Dieses Geschenk im Bestand wurde inzwischen von test geändert (27.11.2026, 11:00 Uhr). Bitte laden Sie es neu; Ihre Änderungen sind nicht gespeichert.';
    expect(await errorOf(dispatch(app.handlers, 'gifts.items.save', { id: item.id, revision: 1, name: item.name, description: 'Neu', quantity: 10, unitValueCents: 2500, active: true }))).toMatchObject({
      code: 'STALE',
      message: staleMessage,
    });

    // A gift taken from the stock changes the item: a save of the stock as loaded before is refused, the 11 left stay.
    clock = new Date('2026-11-27T11:00:00Z');
    await call(app.handlers, 'gifts.give', { itemId: item.id, recipientName: 'Lord Mayor of Portsmouth', givenOn: '2026-11-27' });
    const refused = await errorOf(dispatch(app.handlers, 'gifts.items.save', { id: item.id, revision: 2, name: item.name, description: '', quantity: 12, unitValueCents: 2500, active: true }));
    expect(refused).toMatchObject({ code: 'STALE', message: staleMessage.replace('11:00 Uhr', '12:00 Uhr') });
    expect((await call(app.handlers, 'gifts.items', {})).find((i) => i.id === item.id)).toMatchObject({ quantity: 11, description: '', given: 1, revision: 3 });

    const missing = await errorOf(dispatch(app.handlers, 'gifts.items.save', { id: item.id, name: item.name, description: '', quantity: 1, unitValueCents: 0, active: true }));
    expect(missing?.message).toContain('Der Bearbeitungsstand (revision) fehlt.');
  });

  it('a gift received saved against an older revision is refused with STALE naming who changed it; nothing is overwritten', async () => {
    const input = { fromContactId: null, fromName: 'Delegation aus Portsmouth', receivedOn: '2026-11-20', receivedBy: 'Frau Yilmaz', description: 'Bildband', valueCents: 4500, disposition: '', reportedOn: null, visitId: null, notes: '' };
    const received = await call(app.handlers, 'gifts.received.save', input);
    expect(received.revision).toBe(1);
    expect((await call(app.handlers, 'gifts.received', {})).find((g) => g.id === received.id)?.revision).toBe(1);

    clock = new Date('2026-11-27T10:00:00Z');
    const reported = await call(app.handlers, 'gifts.received.save', { ...input, id: received.id, revision: 1, reportedOn: '2026-11-27' });
    expect(reported.revision).toBe(2);
    expect(await errorOf(dispatch(app.handlers, 'gifts.received.save', { ...input, id: received.id, revision: 1, disposition: 'Im Amtszimmer ausgestellt' }))).toMatchObject({
      code: 'STALE',
      message: 'Dieses erhaltene Geschenk wurde inzwischen von test geändert (27.11.2026, 11:00 Uhr). Bitte laden Sie es neu; Ihre Änderungen sind nicht gespeichert.',
    });
    expect((await call(app.handlers, 'gifts.received', {})).find((g) => g.id === received.id)).toMatchObject({ reportedOn: '2026-11-27', disposition: '', revision: 2 });
    const missing = await errorOf(dispatch(app.handlers, 'gifts.received.save', { ...input, id: received.id }));
    expect(missing?.message).toContain('Der Bearbeitungsstand (revision) fehlt.');
  });
});
