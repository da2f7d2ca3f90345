/**
 * The register of requests on both engines: a page and its total, ids in the order given,
 * related requests (same person, same place however spelled, same topic within days) in the
 * same order, links in either direction, citizens found by folded name or e-mail; the register
 * filtered by the full-text index (FTS5 on SQLite, tsvector on PostgreSQL) the same on both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestEngine, type TestEngine } from '../../../tests/support/test-engine';
import { matchExpression } from '../../domain/text/search-terms';
import { fullTextCount } from '../search/repository';
import { requestsRepository, type RequestValues } from './repository';
import { requestIndex } from './requests-service';

describe.each(ENGINES)('requests repository on %s', (kind) => {
  let handle: TestEngine;
  beforeAll(async () => {
    handle = await openTestEngine(kind, 'requests_repo');
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  it('pages the register, proposes related requests, links them and finds citizens', async () => {
    const { db, t } = handle.engine;
    const repo = requestsRepository(handle.engine);
    const [ayse, bernd] = await db
      .insert(t.citizens)
      .values([
        { surname: 'Kaya', givenName: 'Ayşe', email: 'A.Kaya@Example.org', searchName: 'kaya ayse', createdAt: 'x', updatedAt: 'x' },
        { surname: 'Hollmann', givenName: 'Bernd', email: 'b.hollmann@example.com', searchName: 'hollmann bernd', createdAt: 'x', updatedAt: 'x' },
      ])
      .returning();
    const request = (subject: string, receivedOn: string, more: Partial<RequestValues> = {}): RequestValues => ({
      kind: 'beschwerde',
      channel: 'email',
      subject,
      receivedOn,
      status: 'eingegangen',
      ...more,
    });
    const lamp = await repo.insert(request('Laterne defekt', '2026-11-20', { citizenId: ayse!.id, place: ' Königstraße 12', category: 'Verkehr', district: 'Mitte' }), 'x');
    const samePerson = await repo.insert(request('Schlagloch', '2025-01-10', { citizenId: ayse!.id }), 'x');
    const samePlace = await repo.insert(request('Laterne flackert', '2026-10-01', { place: 'KOENIGSTRASSE 12 ' }), 'x');
    const sameTopic = await repo.insert(request('Ampel', '2026-11-25', { category: 'Verkehr', district: 'Mitte' }), 'x');
    await repo.insert(request('Ampel alt', '2026-08-01', { category: 'Verkehr', district: 'Mitte' }), 'x');
    await repo.insert(request('Lob', '2026-11-21', { kind: 'lob', status: 'erledigt' }), 'x');

    const page = await repo.list({ open: true }, '2026-11-27', { limit: 2, offset: 1 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.subject)).toEqual(['Laterne defekt', 'Laterne flackert']);
    expect(page.rows[0]).toMatchObject({ citizenSurname: 'Kaya', department: null });
    const ordered = await repo.list({ ids: [samePlace.id, lamp.id, samePerson.id], kind: 'beschwerde', citizenId: ayse!.id }, '2026-11-27', { limit: 10, offset: 0 });
    expect(ordered).toMatchObject({ total: 2, rows: [{ id: lamp.id }, { id: samePerson.id }] });

    expect(await repo.related(lamp, [], 30, 10)).toEqual([samePerson.id, samePlace.id, sameTopic.id]);
    expect(await repo.related(lamp, [samePerson.id], 30, 10)).toEqual([samePlace.id, sameTopic.id]);

    await repo.link(sameTopic.id, lamp.id, 'dieselbe Kreuzung');
    await repo.link(lamp.id, sameTopic.id, 'gleiche Kreuzung');
    expect(await repo.links(lamp.id)).toEqual([{ id: sameTopic.id, subject: 'Ampel', status: 'eingegangen', receivedOn: '2026-11-25', note: 'gleiche Kreuzung' }]);
    expect(await repo.unlink(sameTopic.id, lamp.id)).toBe(true);
    expect(await repo.unlink(sameTopic.id, lamp.id)).toBe(false);

    expect((await repo.searchCitizens(['kay'], 'kay', 10)).map((c) => c.surname)).toEqual(['Kaya']);
    expect((await repo.searchCitizens([], 'a.kaya@example', 10)).map((c) => c.surname)).toEqual(['Kaya']);
    expect((await repo.searchCitizens(['hollmann', 'bernd'], 'hollmann bernd', 10)).map((c) => c.id)).toEqual([bernd!.id]);
    expect(await repo.searchCitizens(['100%'], '100%', 10)).toEqual([]);
    expect(await repo.countSearchable()).toBe(6);
  });

  it('filters the register by the words of the full-text index, newest first, few hits or many', async () => {
    const repo = requestsRepository(handle.engine);
    const index = requestIndex(handle.engine);
    const values = (subject: string, receivedOn: string, more: Partial<RequestValues> = {}): RequestValues => ({
      kind: 'beschwerde',
      channel: 'email',
      subject,
      receivedOn,
      status: 'eingegangen',
      ...more,
    });
    const written = [
      await repo.insert(values('Straßenlaterne aus', '2026-03-02', { place: 'Königstraße 3', text: 'Seit Tagen dunkel.' }), 'x'),
      await repo.insert(values('Spielplatz verschmutzt', '2026-03-05', { text: 'Glasscherben unter der Schaukel.', district: 'Süd' }), 'x'),
      await repo.insert(values('Laternen im Park', '2026-03-09', { text: 'Die Straßenlaternen am Weg flackern.', district: 'Süd' }), 'x'),
    ];
    for (const row of written) await index.put(row);
    const list = async (text: string, filter: { district?: string } = {}, hits?: number) => {
      const expression = matchExpression(text)!;
      const match = { expression, hits: hits ?? (await fullTextCount(handle.engine, 'request_search', expression)) };
      const page = await repo.list({ ...filter, match }, '2026-11-27', { limit: 10, offset: 0 });
      return { total: page.total, subjects: page.rows.map((r) => r.subject) };
    };
    expect(await list('Strassenlaterne')).toEqual({ total: 2, subjects: ['Laternen im Park', 'Straßenlaterne aus'] });
    expect(await list('laterne süd', { district: 'Süd' })).toEqual({ total: 0, subjects: [] });
    expect(await list('laterne', { district: 'Süd' })).toEqual({ total: 1, subjects: ['Laternen im Park'] });
    expect(await list('KOENIGSTRASSE')).toEqual({ total: 1, subjects: ['Straßenlaterne aus'] });
    expect(await list('Scherben')).toEqual({ total: 0, subjects: [] });
    expect(await list('Glasscherbe')).toEqual({ total: 1, subjects: ['Spielplatz verschmutzt'] });
    // Many hits (as the index counts them): the register is read in date order instead.
    expect((await list('laterne', { district: 'Süd' }, 5000)).subjects).toEqual(['Laternen im Park']);
  });
});
