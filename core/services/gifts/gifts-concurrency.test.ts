/**
 * Gifts given at the same moment by two people (office mode: two PCs, PostgreSQL's READ
 * COMMITTED): the repeat warning and the stock hold as they do one after the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../api';
import { ENGINES, openTestEngine, type TestEngine } from '../../../tests/support/test-engine';
import type { ServiceDeps } from '../deps';
import { createGiftsService } from './gifts-service';

describe.each(ENGINES)('gifts given at once on %s', (kind) => {
  let handle: TestEngine;
  let handlers: Handlers;
  beforeAll(async () => {
    handle = await openTestEngine(kind, 'gifts_concurrency');
    // Giving a gift from the stock needs no setting: only the engine.
    const deps = { engine: handle.engine, now: () => new Date('2027-05-20T09:00:00Z'), user: 'test' } as unknown as ServiceDeps;
    handlers = createGiftsService(deps).handlers as unknown as Handlers;
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  const save = async (name: string, quantity: number) => {
    const result = await dispatch(handlers, 'gifts.items.save', { name, quantity, unitValueCents: 1000 });
    if (!result.ok) throw new Error(result.error.message);
    return (result.data as { id: number }).id;
  };
  const give = (itemId: number, recipientName: string) => dispatch(handlers, 'gifts.give', { itemId, recipientName, givenOn: '2027-05-20' });

  it('gives the last pieces only once', async () => {
    const itemId = await save('Stadtwappen aus Zinn', 2);
    const results = await Promise.all(['Chor Vilnius', 'Chor Portsmouth', 'Chor Lomé', 'Chor Wuhan', 'Chor Perm'].map((name) => give(itemId, name)));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    const items = await dispatch(handlers, 'gifts.items', {});
    expect(items.ok && items.data).toEqual([expect.objectContaining({ id: itemId, quantity: 0, given: 2 })]);
  });

  it('warns the second of two giving the same gift to the same person at once', async () => {
    const itemId = await save('Bildband Duisburg', 10);
    const results = await Promise.all([give(itemId, 'Städtepartnerschaftsverein'), give(itemId, 'STÄDTEPARTNERSCHAFTSVEREIN ')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.error).toMatchObject({ code: 'CONFLICT', details: { repeat: true } });
  });
});
