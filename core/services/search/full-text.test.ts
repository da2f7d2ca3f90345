import { asc } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempApp } from '../../../tests/support/temp-app';
import { fullTextIndex, textBlockIndex } from './full-text';
import { fullTextIndexSync } from './full-text-sync';
import { fullTextCount, fullTextFilter } from './repository';
import { matchExpression } from '../../domain/text/search-terms';

describe('full-text index on the engine', () => {
  let app: ReturnType<typeof createTempApp> | undefined;
  afterEach(() => app?.cleanup());

  it('writes, finds best first, falls back to any word, forgets removed records', async () => {
    app = createTempApp();
    const index = fullTextIndex(app.engine, 'speech_search');
    await app.engine.transaction(async () => {
      await index.put(1, 'Hafenfest 2026', 'Liebe Gäste, der Hafen feiert.');
      await index.put(2, 'Weihnachtsmarkt', 'Der Hafenfest-Gedanke lebt auch im Winter: Lichter am Hafen.');
      await index.put(3, 'Sportlerehrung', 'Glückwunsch an alle Sportlerinnen und Sportler.');
    });
    expect(await index.count()).toBe(3);
    // A hit in the title ranks first.
    expect(await index.search('hafenfest', 10)).toEqual([1, 2]);
    // Folded and stemmed: umlauts and endings do not matter.
    expect(await index.search('GAESTE', 10)).toEqual([1]);
    // No record has all words: those with any of them.
    expect((await index.search('Hafen Sportler Mond', 10)).sort()).toEqual([1, 2, 3]);
    expect(await index.search('', 10)).toEqual([]);

    // Put again replaces; remove forgets; compact keeps what is there.
    await index.put(1, 'Stadtfest', 'Ohne Hafen.');
    expect(await index.search('hafenfest', 10)).toEqual([2]);
    await index.remove(2);
    expect(await index.search('hafenfest', 10)).toEqual([]);
    expect(await index.count()).toBe(2);

    // The synchronous twin (services not yet on the engine) sees the same index.
    expect(fullTextIndexSync(app.db, 'speech_search').search('sportler', 10)).toEqual(await index.search('sportler', 10));
    fullTextIndexSync(app.db, 'speech_search').compact();
    expect(await index.count()).toBe(2);
  });

  it('counts matches and filters another table by them', async () => {
    app = createTempApp();
    const { db, t } = app.engine;
    const blocks = textBlockIndex(app.engine);
    const rows = await db
      .insert(t.textBlocks)
      .values([
        { title: 'Dank Ehrenamt', category: 'Dank', text: 'Ihr Engagement trägt unsere Stadt.', updatedAt: 'x' },
        { title: 'Gruß Partnerstadt', category: 'Gruß', text: 'Herzliche Grüße nach Portsmouth.', updatedAt: 'x' },
      ])
      .returning();
    for (const row of rows) await blocks.put(row);
    const match = matchExpression('engagement')!;
    expect(await fullTextCount(app.engine, 'text_block_search', match)).toBe(1);
    const found = await db
      .select({ title: t.textBlocks.title })
      .from(t.textBlocks)
      .where(fullTextFilter('text_block_search', t.textBlocks.id, matchExpression('gruß')!))
      .orderBy(asc(t.textBlocks.id));
    expect(found).toEqual([{ title: 'Gruß Partnerstadt' }]);
    // The category counts as title.
    expect(await blocks.search('dank', 10)).toEqual([rows[0]!.id]);
  });
});
