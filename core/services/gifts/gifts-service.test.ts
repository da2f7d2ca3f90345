import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema';
import { call, dispatch } from '../../api';
import { createTempApp } from '../../../tests/support/temp-app';
import { errorOf } from '../../../tests/support/api-result';

let app: ReturnType<typeof createTempApp>;
beforeEach(async () => {
  app = createTempApp({ now: () => new Date('2027-05-20T09:00:00Z') });
  await call(app.handlers, 'demo.load', {});
});
afterEach(() => app.cleanup());

async function contactId(query: string): Promise<number> {
  const { items } = await call(app.handlers, 'contacts.list', { query, kind: 'person', limit: 5, sort: 'name' });
  if (items.length !== 1) throw new Error(`${query}: ${items.length}`);
  return items[0]!.id;
}

describe('gifts given', () => {
  it('warns before the same person gets the same gift again, naming the earlier date; takes it from the stock', async () => {
    const lordMayor = await contactId('Pendleton Helen');
    const maire = await contactId('Delacourt');
    const plate = await call(app.handlers, 'gifts.items.save', { name: 'Porzellanteller mit Stadtansicht', quantity: 3, unitValueCents: 4500 });
    expect(plate).toMatchObject({ quantity: 3, unitValueCents: 4500, active: true, given: 0 });
    const visit = await call(app.handlers, 'visits.save', { direction: 'eingehend', title: 'Delegation aus Portsmouth', from: '2026-06-10', to: '2026-06-12' });

    const first = await call(app.handlers, 'gifts.give', { itemId: plate.id, contactId: lordMayor, givenOn: '2026-06-10', occasion: 'Besuch der Delegation', visitId: visit.id });
    expect(first).toMatchObject({ gift: 'Porzellanteller mit Stadtansicht', recipientName: 'Helen Pendleton', quantity: 1, valueCents: 4500, visit: 'Delegation aus Portsmouth' });
    const stockOf = async (id: number) => (await call(app.handlers, 'gifts.items', {})).find((i) => i.id === id)!;
    expect(await stockOf(plate.id)).toMatchObject({ quantity: 2, given: 1 });

    // Asked before giving: the earlier gift.
    expect((await call(app.handlers, 'gifts.check', { itemId: plate.id, contactId: lordMayor })).map((g) => g.givenOn)).toEqual(['2026-06-10']);
    expect(await call(app.handlers, 'gifts.check', { itemId: plate.id, contactId: maire })).toEqual([]);

    const repeat = await errorOf(dispatch(app.handlers, 'gifts.give', { itemId: plate.id, contactId: lordMayor, givenOn: '2027-06-10' }));
    expect(repeat).toMatchObject({
      code: 'CONFLICT',
      message: 'Helen Pendleton hat „Porzellanteller mit Stadtansicht“ bereits am 10. Juni 2026 bekommen (Besuch der Delegation). Soll es trotzdem noch einmal geschenkt werden?',
      details: { repeat: true, previous: [{ id: first.id, givenOn: '2026-06-10' }] },
    });
    // Nothing was taken from the stock.
    expect((await stockOf(plate.id)).quantity).toBe(2);

    const confirmed = await call(app.handlers, 'gifts.give', { itemId: plate.id, contactId: lordMayor, givenOn: '2027-06-10', confirmRepeat: true });
    expect(confirmed.givenOn).toBe('2027-06-10');
    const third = await errorOf(dispatch(app.handlers, 'gifts.give', { itemId: plate.id, contactId: lordMayor, givenOn: '2028-06-10' }));
    expect(third?.message).toBe('Helen Pendleton hat „Porzellanteller mit Stadtansicht“ bereits am 10. Juni 2026 und am 10. Juni 2027 bekommen (Besuch der Delegation). Soll es trotzdem noch einmal geschenkt werden?');

    expect((await call(app.handlers, 'gifts.given', { contactId: lordMayor })).map((g) => g.givenOn)).toEqual(['2027-06-10', '2026-06-10']);
    expect((await call(app.handlers, 'gifts.given', { visitId: visit.id })).map((g) => g.id)).toEqual([first.id]);
    const audit = app.db.select().from(auditLog).where(eq(auditLog.entity, 'gift')).all().filter((a) => a.summary.includes('Porzellanteller mit Stadtansicht'));
    expect(audit.map((a) => a.summary)).toEqual([
      '1 × Porzellanteller mit Stadtansicht an Helen Pendleton (2026-06-10)',
      '1 × Porzellanteller mit Stadtansicht an Helen Pendleton (2027-06-10), Wiederholung bestätigt',
    ]);
  });

  it('counts for each item of the stock what was given of it', async () => {
    const pin = await call(app.handlers, 'gifts.items.save', { name: 'Anstecknadel', quantity: 10 });
    const mug = await call(app.handlers, 'gifts.items.save', { name: 'Rathaus-Tasse', quantity: 10 });
    await call(app.handlers, 'gifts.give', { itemId: mug.id, quantity: 2, recipientName: 'Kammerchor Vilnius', givenOn: '2027-03-01' });
    await call(app.handlers, 'gifts.give', { itemId: mug.id, recipientName: 'Jugendorchester Calais', givenOn: '2027-03-02' });
    const stock = await call(app.handlers, 'gifts.items', {});
    expect([pin.id, mug.id].map((id) => stock.find((i) => i.id === id)).map((i) => [i!.name, i!.quantity, i!.given])).toEqual([
      ['Anstecknadel', 10, 0],
      ['Rathaus-Tasse', 7, 3],
    ]);
  });

  it('refuses when the stock is short, and checks a recipient without a contact by name', async () => {
    const maire = await contactId('Delacourt');
    const book = await call(app.handlers, 'gifts.items.save', { name: 'Bildband Duisburg', quantity: 1, unitValueCents: 2990 });
    expect(await errorOf(dispatch(app.handlers, 'gifts.give', { itemId: book.id, contactId: maire, quantity: 2, givenOn: '2027-07-14' }))).toMatchObject({
      code: 'CONFLICT',
      message: 'Von „Bildband Duisburg“ ist nur noch 1 Stück vorrätig; 2 werden gebraucht.',
    });
    await call(app.handlers, 'gifts.give', { itemId: book.id, recipientName: 'Kammerchor Vilnius', givenOn: '2027-03-01' });
    expect(await errorOf(dispatch(app.handlers, 'gifts.give', { itemId: book.id, contactId: maire, givenOn: '2027-07-14' }))).toMatchObject({
      code: 'CONFLICT',
      message: 'Von „Bildband Duisburg“ sind nur noch 0 Stück vorrätig; 1 werden gebraucht.',
    });
    // Restocked from the stock as it is now (the gift above changed it: the item as created is an older revision).
    const current = (await call(app.handlers, 'gifts.items', {})).find((i) => i.id === book.id)!;
    await call(app.handlers, 'gifts.items.save', { ...current, quantity: 5 });
    const byName = await errorOf(dispatch(app.handlers, 'gifts.give', { itemId: book.id, recipientName: ' kammerchor vilnius ', givenOn: '2027-09-01' }));
    expect(byName).toMatchObject({ code: 'CONFLICT' });
    expect(byName?.message).toContain('bereits am 1. März 2027 bekommen');
    expect((await call(app.handlers, 'gifts.check', { itemId: book.id, recipientName: 'Kammerchor Vilnius' })).length).toBe(1);
    // The name as written is compared folded: case, umlauts and ß do not matter.
    await call(app.handlers, 'gifts.give', { itemId: book.id, recipientName: 'Männerchor Großenbaum', givenOn: '2027-03-02' });
    expect((await call(app.handlers, 'gifts.check', { itemId: book.id, recipientName: 'MÄNNERCHOR GROSSENBAUM' })).length).toBe(1);

    // Something not from the stock: no stock, no repeat check; it must say what it is.
    const flowers = await call(app.handlers, 'gifts.give', { description: 'Blumenstrauß', contactId: maire, givenOn: '2027-07-14' });
    expect(flowers).toMatchObject({ itemId: null, gift: 'Blumenstrauß', recipientName: 'Philippe Delacourt', valueCents: 0 });
    expect(await errorOf(dispatch(app.handlers, 'gifts.give', { contactId: maire, givenOn: '2027-07-14' }))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await errorOf(dispatch(app.handlers, 'gifts.give', { itemId: book.id, givenOn: '2027-07-14' }))).toMatchObject({ code: 'INVALID_INPUT', message: 'Bitte angeben, wer das Geschenk bekommt.' });
    expect(await errorOf(dispatch(app.handlers, 'gifts.give', { itemId: 9999, contactId: maire, givenOn: '2027-07-14' }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('gifts received', () => {
  it('flags a gift above the reporting limit (default 35 €) until it is reported; the limit is a setting', async () => {
    expect(await call(app.handlers, 'gifts.settings', {})).toEqual({ reportLimitCents: 3500 });
    const consul = await contactId('Karaca Mehmet');
    const vase = await call(app.handlers, 'gifts.received.save', {
      fromContactId: consul,
      receivedOn: '2027-05-02',
      receivedBy: 'Dr. Petra Hovestadt',
      description: 'Handbemalte Vase',
      valueCents: 12000,
      disposition: 'im Amtszimmer ausgestellt (Eigentum der Stadt)',
    });
    expect(vase).toMatchObject({ fromName: 'Mehmet Ali Karaca', reportRequired: true, reportMissing: true, reportedOn: null });
    const chocolates = await call(app.handlers, 'gifts.received.save', { fromName: 'Kita Sonnenschein', receivedOn: '2027-05-03', description: 'Pralinen', valueCents: 1500 });
    expect(chocolates).toMatchObject({ reportRequired: false, reportMissing: false });
    const atLimit = await call(app.handlers, 'gifts.received.save', { fromName: 'Heimatverein', receivedOn: '2026-12-03', description: 'Buch', valueCents: 3500 });
    expect(atLimit.reportRequired).toBe(false);

    const reported = await call(app.handlers, 'gifts.received.save', { ...vase, id: vase.id, reportedOn: '2027-05-04' });
    expect(reported).toMatchObject({ reportRequired: true, reportMissing: false, reportedOn: '2027-05-04' });
    // The demo office has gifts of its own: look at these three.
    const mine = async (filter: { year?: number } = {}) =>
      (await call(app.handlers, 'gifts.received', filter)).filter((g) => [vase.id, chocolates.id, atLimit.id].includes(g.id));
    expect((await mine({ year: 2027 })).map((g) => g.description)).toEqual(['Pralinen', 'Handbemalte Vase']);
    expect((await call(app.handlers, 'gifts.received', { year: 2027 })).every((g) => g.receivedOn.startsWith('2027'))).toBe(true);

    await call(app.handlers, 'gifts.settings.save', { reportLimitCents: 15000 });
    expect((await mine()).map((g) => g.reportRequired)).toEqual([false, false, false]);
    await call(app.handlers, 'gifts.settings.save', { reportLimitCents: 1000 });
    expect((await mine()).map((g) => [g.description, g.reportMissing])).toEqual([
      ['Pralinen', true],
      ['Handbemalte Vase', false],
      ['Buch', true],
    ]);
    expect(await errorOf(dispatch(app.handlers, 'gifts.received.save', { receivedOn: '2027-05-03', description: 'Pralinen' }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Bitte angeben, von wem das Geschenk kommt.',
    });
    const audit = app.db.select().from(auditLog).where(and(eq(auditLog.entity, 'gift-received'), eq(auditLog.entityId, vase.id))).all();
    expect(audit[0]!.summary).toBe('Handbemalte Vase von Mehmet Ali Karaca, 120,00\u00a0€ (meldepflichtig)');
  });
});
