/**
 * The contacts repository on both engines: the folded search (stored search text, the
 * organisation's sort key, role labels), the orders with their tie-breaker, counts as numbers,
 * and the tags of many contacts in one statement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../api/schemas/contacts';
import { ENGINES, openTestEngine, type TestEngine } from '../../../tests/support/test-engine';
import { contactsRepository, type ContactsRepository } from './repository';

describe.each(ENGINES)('contacts repository on %s', (kind) => {
  let handle: TestEngine;
  let repo: ContactsRepository;
  const ids: Record<string, number> = {};
  const add = async (ref: string, input: Record<string, unknown>, sortName: string) => {
    ids[ref] = await repo.insert(contactInputSchema.parse(input), sortName, `2026-11-2${Object.keys(ids).length}T09:00:00Z`);
  };

  beforeAll(async () => {
    handle = await openTestEngine(kind, 'contacts_repository');
    repo = contactsRepository(handle.engine);
    const { db, t } = handle.engine;
    await db.insert(t.roles).values({ key: 'mdb', label: 'Mitglied des Deutschen Bundestages', precedence: 1, builtin: true, definition: {} });
    await add('verein', { kind: 'organisation', name: 'Straßenbahnfreunde e.V.', city: 'Essen', tags: ['Vereine'] }, 'Straßenbahnfreunde e.V.');
    await add('juelide', { kind: 'person', gender: 'female', givenName: 'Jülide', surname: 'Özdemir', city: 'Duisburg', tags: ['Vereine', 'Presse'] }, 'Özdemir, Jülide');
    await add('anna', { kind: 'person', gender: 'female', givenName: 'Anna', surname: 'Müller', organisationId: ids.verein, roleKey: 'mdb' }, 'Müller, Anna');
    await add('anna2', { kind: 'person', gender: 'female', givenName: 'Anna', surname: 'Müller', city: 'Duisburg' }, 'Müller, Anna');
    await add('ole', { kind: 'person', gender: 'male', givenName: 'Ole', surname: 'Öhm', city: 'Dinslaken', tags: ['100%_sicher'] }, 'Öhm, Ole');
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  const found = async (query: string, sort: 'name' | 'city' | 'updated' = 'name', limit = 100) => {
    const { total, rows } = await repo.list({ query, sort, limit });
    return { total, refs: rows.map((row) => Object.keys(ids).find((ref) => ids[ref] === row.id)) };
  };

  it('finds contacts by folded words: name, place, tag, the organisation, a role label', async () => {
    expect((await found('oezdemir')).refs).toEqual(['juelide']);
    expect((await found('ÖZDEMİR duisburg')).refs).toEqual(['juelide']);
    expect((await found('presse')).refs).toEqual(['juelide']);
    // The organisation itself and its member (the organisation's sort key).
    expect((await found('strassenbahn')).refs).toEqual(['anna', 'verein']);
    expect((await found('bundestag')).refs).toEqual(['anna']);
    // LIKE's own characters are matched as themselves.
    expect((await found('100%_')).refs).toEqual(['ole']);
    expect((await found('100%x')).refs).toEqual([]);
  });

  it('sorts by name, place (without a place last) and last change, equal names in the order they were entered', async () => {
    expect((await found('')).refs).toEqual(['anna', 'anna2', 'ole', 'juelide', 'verein']);
    expect((await found('', 'city')).refs).toEqual(['ole', 'anna2', 'juelide', 'verein', 'anna']);
    expect((await found('', 'updated')).refs).toEqual(['ole', 'anna2', 'anna', 'juelide', 'verein']);
  });

  it('counts as numbers, also when the limit cuts the list', async () => {
    expect(await found('', 'name', 2)).toEqual({ total: 5, refs: ['anna', 'anna2'] });
    expect(await repo.count()).toBe(5);
    expect(await repo.tagCounts()).toEqual([
      { tag: '100%_sicher', count: 1 },
      { tag: 'Presse', count: 1 },
      { tag: 'Vereine', count: 2 },
    ]);
  });

  it('reads the tags of many contacts at once and replaces them on update', async () => {
    const tags = await repo.tagsOf([ids.juelide!, ids.verein!, ids.anna!, 999_999]);
    expect(Object.fromEntries(tags)).toEqual({ [ids.juelide!]: ['Presse', 'Vereine'], [ids.verein!]: ['Vereine'] });
    await repo.update({ id: ids.ole!, revision: 1 }, contactInputSchema.parse({ kind: 'person', gender: 'male', givenName: 'Ole', surname: 'Öhm', city: 'Dinslaken', tags: ['Presse', ' Presse '] }), 'Öhm, Ole', '2026-11-30T09:00:00Z');
    expect((await repo.tagsOf([ids.ole!])).get(ids.ole!)).toEqual(['Presse']);
    expect((await found('sicher')).refs).toEqual([]);
    expect((await repo.find(ids.ole!))?.updatedAt).toBe('2026-11-30T09:00:00Z');
    expect(await repo.find(999_999)).toBeUndefined();
  });
});
