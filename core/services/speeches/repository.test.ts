/**
 * The speech register's SQL on both engines: the newest version's number, words and text read
 * through a correlated subquery, versions numbered one after the other, counts as numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestEngine, type TestEngine } from '../../../tests/support/test-engine';
import { speechesRepository } from './repository';

describe.each(ENGINES)('speech register on %s', (kind) => {
  let handle: TestEngine;
  beforeAll(async () => {
    handle = await openTestEngine(kind, 'speeches_repo');
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  it('reads the newest version with each speech and numbers new versions', async () => {
    const repo = speechesRepository(handle.engine);
    const values = { kind: 'grusswort', audience: 'Hafenwirtschaft', speakerId: null, appointmentId: null, invitationId: null } as const;
    const harbour = await repo.insert({ ...values, title: 'Grußwort zum Hafenfest' }, 'x');
    const empty = await repo.insert({ ...values, title: 'Noch ohne Text' }, 'x');
    const version = (text: string, words: number) => ({ speechId: harbour.id, body: { blocks: [text] }, plainText: text, words, savedAt: 'x', savedBy: 'test', note: '' });
    await handle.engine.transaction(async () => {
      await repo.lock(harbour.id);
      expect((await repo.insertVersion(version('Liebe Gäste,', 2))).number).toBe(1);
      expect((await repo.insertVersion(version('Liebe Gäste, willkommen in Ruhrort!', 5))).number).toBe(2);
    });
    expect(await repo.find(harbour.id)).toMatchObject({ speech: { title: 'Grußwort zum Hafenfest' }, version: 2, words: 5, speakerName: null });
    expect(await repo.find(empty.id)).toMatchObject({ version: null, words: null });
    expect((await repo.list({})).map((r) => [r.speech.id, r.version])).toEqual([
      [harbour.id, 2],
      [empty.id, null],
    ]);
    expect(await repo.searchable([harbour.id])).toEqual([{ id: harbour.id, title: 'Grußwort zum Hafenfest', audience: 'Hafenwirtschaft', text: 'Liebe Gäste, willkommen in Ruhrort!' }]);
    expect((await repo.versions(harbour.id)).map((v) => v.number)).toEqual([2, 1]);
    expect(await repo.count()).toBe(2);
    expect(await repo.exists('signer', 999)).toBe(false);
  });
});
