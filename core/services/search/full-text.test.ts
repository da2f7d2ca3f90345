import { asc, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTempApp } from '../../../tests/support/temp-app';
import { ENGINES, openTestEngine, type TestEngine } from '../../../tests/support/test-engine';
import { fullTextIndex, textBlockIndex } from './full-text';
import { fullTextIndexSync } from './full-text-sync';
import { fullTextCount, fullTextFilter, fullTextRepository } from './repository';
import { matchExpression } from '../../domain/text/search-terms';

/** A small corpus where bm25's parts decide the order: title weight, term frequency, length, rare words. */
const CORPUS: Array<[number, string, string]> = [
  [1, 'Hafenfest 2026', 'Liebe Gäste, der Hafen feiert mit der ganzen Stadt.'],
  [2, 'Weihnachtsmarkt', 'Der Hafenfest-Gedanke lebt auch im Winter: Lichter am Hafen der Stadt.'],
  [3, 'Sportlerehrung', 'Glückwunsch an alle Sportlerinnen und Sportler unserer Stadt.'],
  [4, 'Stadtgeschichte', 'Die Stadt und ihr Hafen, der Hafen und die Stadt: Hafen, Hafen, Hafen.'],
  [5, 'Grußwort Partnerstadt', 'Herzliche Grüße aus der Stadt nach Portsmouth, Straße für Straße.'],
  [6, 'Ehrenamt', 'Ihr Engagement trägt unsere Stadt, jeden Tag und in jeder Straße, in jedem Verein und jeder Nachbarschaft der Stadt.'],
  [7, 'Bürgerinnen und Bürger', 'Bürgerfest am Rhein.'],
  [8, 'Rede', 'Ein Fest für Bürgerinnen und Bürger der Stadt mit einer sehr langen Rede über die Geschichte der Stadt und des Rheins.'],
];

describe.each(ENGINES)('full-text index on the engine (%s)', (kind) => {
  let test: TestEngine;
  beforeAll(async () => {
    test = await openTestEngine(kind, 'fulltext');
  }, 120_000);
  afterAll(() => test?.cleanup());

  async function fresh(table: 'speech_search' | 'press_search' = 'speech_search') {
    const index = fullTextIndex(test.engine, table);
    const repo = fullTextRepository(test.engine, table);
    for (let id = 1; id <= 20; id++) await repo.remove(id);
    return index;
  }

  it('writes, finds best first, falls back to any word, forgets removed records', async () => {
    const index = await fresh();
    await test.engine.transaction(async () => {
      await index.put(1, 'Hafenfest 2026', 'Liebe Gäste, der Hafen feiert.');
      await index.put(2, 'Weihnachtsmarkt', 'Der Hafenfest-Gedanke lebt auch im Winter: Lichter am Hafen.');
      await index.put(3, 'Sportlerehrung', 'Glückwunsch an alle Sportlerinnen und Sportler.');
    });
    expect(await index.count()).toBe(3);
    // A hit in the title ranks first.
    expect(await index.search('hafenfest', 10)).toEqual([1, 2]);
    // Folded and stemmed: umlauts and endings do not matter.
    expect(await index.search('GAESTE', 10)).toEqual([1]);
    expect(await index.search('gäste', 10)).toEqual([1]);
    expect(await index.search('Gast', 10)).toEqual([1]);
    expect(await index.search('Hafenfestes', 10)).toEqual([1, 2]);
    expect(await index.search('Glueckwunsch sportlerin', 10)).toEqual([3]);
    // Word starts: „Hafen“ finds „Hafenfest“ too.
    expect(await index.search('hafen', 10)).toEqual([1, 2]);
    expect(await index.search('weihnacht', 10)).toEqual([2]);
    // No record has all words: those with any of them.
    expect((await index.search('Hafen Sportler Mond', 10)).sort()).toEqual([1, 2, 3]);
    expect(await index.search('', 10)).toEqual([]);
    expect(await index.search(' – !? ', 10)).toEqual([]);
    expect(await index.search('Mond', 10)).toEqual([]);
    expect(await index.search('hafen', 1)).toEqual([1]);

    // Put again replaces; remove forgets.
    await index.put(1, 'Stadtfest', 'Ohne Hafen.');
    expect(await index.search('hafenfest', 10)).toEqual([2]);
    expect(await index.search('stadtfest', 10)).toEqual([1]);
    await index.remove(2);
    expect(await index.search('hafenfest', 10)).toEqual([]);
    expect(await index.count()).toBe(2);
    // A rolled-back transaction leaves the index as it was.
    await expect(
      test.engine.transaction(async () => {
        await index.put(9, 'Karneval', 'Helau');
        await index.remove(3);
        throw new Error('abgebrochen');
      }),
    ).rejects.toThrow('abgebrochen');
    expect(await index.search('karneval', 10)).toEqual([]);
    expect(await index.search('sportler', 10)).toEqual([3]);
    expect(await index.count()).toBe(2);
  });

  it('folds ß, umlauts and the ae/oe/ue spellings alike', async () => {
    const index = await fresh('press_search');
    await index.put(1, 'Straßenfest', 'Die Bürgerinnen und Bürger feiern auf der Königstraße.');
    await index.put(2, 'Spielplätze', 'Neue Plätze für Kinder in Meiderich.');
    for (const text of ['strassenfest', 'STRASSE', 'Straße', 'koenigstrasse', 'Königstrasse', 'Bürgerin', 'buergerinnen', 'Burger']) {
      expect(await index.search(text, 10), text).toEqual([1]);
    }
    for (const text of ['Spielplatz', 'Plaetze', 'platze', 'Plätzen']) expect(await index.search(text, 10), text).toEqual([2]);
  });

  it('ranks as bm25 does: title over body, more hits, shorter records, rarer words first', async () => {
    const index = await fresh();
    for (const [id, title, body] of CORPUS) await index.put(id, title, body);
    // The title counts five times as much as the body; then how often the word occurs, for the length of the record.
    expect(await index.search('Hafen', 10)).toEqual([1, 4, 2]);
    // The same hits, the shorter record first (7 before 8: „Bürger…“ twice in a title each).
    expect(await index.search('Bürgerinnen', 10)).toEqual([7, 8]);
    // More hits of the same word first (6 has „Straße“ once, 5 twice; 6 is the longer).
    expect(await index.search('Straße', 10)).toEqual([5, 6]);
    // Typed as a sentence: none has every word, so any word, the telling ones first („Stadt“, „der“ and
    // „und“ are in most records and count for nearly nothing; „Sportler“ and „Portsmouth“ are rare).
    const any = await index.search('Grüße der Stadt an Portsmouth und die Sportler', 10);
    expect(any.slice(0, 2)).toEqual([3, 5]);
    expect([...any].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('writes many records at once (an index built again) as put does one by one', async () => {
    const one = await fresh();
    for (const [id, title, body] of CORPUS) await one.put(id, title, body);
    const many = fullTextIndex(test.engine, 'request_search');
    await many.put(1, 'Alter Eintrag', 'Wird ersetzt.');
    await many.putMany(CORPUS.map(([id, title, text]) => ({ id, title, text })));
    expect(await many.count()).toBe(CORPUS.length);
    expect(await many.search('ersetzt', 10)).toEqual([]);
    // The same hits (their order is the ranking tests' concern: FTS5's totals keep traces of
    // removed rows, and the two tables here have different pasts).
    const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
    for (const query of ['Hafen', 'Bürgerinnen', 'Straße', 'Hafen Stadt', 'Grüße der Stadt an Portsmouth', "O'Neill"]) {
      expect(sorted(await many.search(query, 20)), query).toEqual(sorted(await one.search(query, 20)));
    }
    // Thousands at once, in parts; a record without words counts, too.
    const extra = Array.from({ length: 2100 }, (_, i) => ({ id: 100 + i, title: `Eintrag ${i}`, text: i % 2 ? 'Gerade Zahl' : '' }));
    await many.putMany(extra);
    expect(await many.count()).toBe(CORPUS.length + extra.length);
    expect(await many.search('Eintrag 2099', 10)).toEqual([2199]);
    expect(await fullTextCount(test.engine, 'request_search', matchExpression('gerade')!)).toBe(1050);
  });

  it.runIf(kind === 'postgres')('an index built again leaves the planner knowing its rows, not guessing at hundreds of thousands of new ones', async () => {
    const many = fullTextIndex(test.engine, 'speech_search');
    const entries = Array.from({ length: 1200 }, (_, i) => ({ id: 9000 + i, title: `Rede ${i}`, text: 'Hafen Stadt Rhein' }));
    await test.engine.transaction(() => many.putMany(entries));
    const { rows } = await test.engine.db.execute<{ reltuples: unknown }>(sql`select reltuples from pg_class where relname = 'speech_search_terms'`);
    // Never analysed: -1. Each speech has five terms (rede, its number, hafen, stadt, rhein).
    expect(Number(rows[0]!.reltuples)).toBeGreaterThanOrEqual(entries.length * 4);
    for (const { id } of entries) await fullTextRepository(test.engine, 'speech_search').remove(id);
  });

  it('counts matches and filters another table by them', async () => {
    const { db, t } = test.engine;
    const blocks = textBlockIndex(test.engine);
    const rows = await db
      .insert(t.textBlocks)
      .values([
        { title: 'Dank Ehrenamt', category: 'Dank', text: 'Ihr Engagement trägt unsere Stadt.', updatedAt: 'x' },
        { title: 'Gruß Partnerstadt', category: 'Gruß', text: 'Herzliche Grüße nach Portsmouth.', updatedAt: 'x' },
        { title: 'Dank Feuerwehr', category: 'Dank', text: 'Danke für Ihren Einsatz in unserer Stadt.', updatedAt: 'x' },
      ])
      .returning();
    for (const row of rows) await blocks.put(row);
    expect(await fullTextCount(test.engine, 'text_block_search', matchExpression('engagement')!)).toBe(1);
    expect(await fullTextCount(test.engine, 'text_block_search', matchExpression('stadt')!)).toBe(2);
    expect(await fullTextCount(test.engine, 'text_block_search', matchExpression('stadt mond')!)).toBe(0);
    expect(await fullTextCount(test.engine, 'text_block_search', matchExpression('stadt mond', 'any')!)).toBe(2);
    const titles = (match: string, scan = false) =>
      db
        .select({ title: t.textBlocks.title })
        .from(t.textBlocks)
        .where(fullTextFilter(test.engine, 'text_block_search', t.textBlocks.id, match, { scan }))
        .orderBy(asc(t.textBlocks.id));
    expect(await titles(matchExpression('gruß')!)).toEqual([{ title: 'Gruß Partnerstadt' }]);
    expect(await titles(matchExpression('unsere stadt')!, true)).toEqual([{ title: 'Dank Ehrenamt' }, { title: 'Dank Feuerwehr' }]);
    expect(await titles(matchExpression('Portsmouth Feuerwehr', 'any')!)).toEqual([{ title: 'Gruß Partnerstadt' }, { title: 'Dank Feuerwehr' }]);
    // The category counts as title.
    expect(await blocks.search('dank', 10)).toEqual([rows[0]!.id, rows[2]!.id]);
    expect(await blocks.count()).toBe(3);
  });
});

describe('both engines rank alike', () => {
  let engines: TestEngine[] = [];
  beforeAll(async () => {
    engines = await Promise.all(ENGINES.map((kind) => openTestEngine(kind, 'fulltext_rank')));
  }, 120_000);
  afterAll(async () => {
    for (const e of engines) await e.cleanup();
  });

  it('gives the same hits in the same order for the same records', async () => {
    const queries = ['Stadt', 'Hafen', 'Hafen Stadt', 'Bürger', 'Straße Stadt', 'die Stadt und der Rhein', 'Fest', 'Sportler Hafen Portsmouth', 'Rede Geschichte'];
    const results = [];
    for (const { engine } of engines) {
      const index = fullTextIndex(engine, 'speech_search');
      await engine.transaction(async () => {
        for (const [id, title, body] of CORPUS) await index.put(id, title, body);
      });
      results.push(await Promise.all(queries.map((q) => index.search(q, 20))));
    }
    expect(results[0]!.every((hits) => hits.length > 0)).toBe(true);
    expect(results[1]).toEqual(results[0]);
  });

  it('counts every occurrence of a word, also beyond the 256 a tsvector keeps', async () => {
    // The longer record holds the word more often: bm25 puts it first (with 256 counted for
    // both, the shorter would win).
    const results = [];
    for (const { engine } of engines) {
      const index = fullTextIndex(engine, 'press_search');
      await index.put(1, 'Chronik', Array(260).fill('Hafen').join(' '));
      await index.put(2, 'Chronik', Array(300).fill('Hafen').join(' '));
      results.push(await index.search('Hafen', 10));
    }
    expect(results).toEqual([
      [2, 1],
      [2, 1],
    ]);
  });
});

describe('the synchronous twin (services not yet on the engine)', () => {
  let app: ReturnType<typeof createTempApp> | undefined;
  afterEach(() => app?.cleanup());

  it('sees the same SQLite index as the engine and compacts it', async () => {
    app = createTempApp();
    const index = fullTextIndex(app.engine, 'speech_search');
    await index.put(1, 'Sportlerehrung', 'Glückwunsch an alle Sportlerinnen und Sportler.');
    await index.put(2, 'Hafenfest', 'Sportler am Hafen.');
    expect(fullTextIndexSync(app.db, 'speech_search').search('sportler', 10)).toEqual(await index.search('sportler', 10));
    fullTextIndexSync(app.db, 'speech_search').compact();
    expect(await index.count()).toBe(2);
  });
});
