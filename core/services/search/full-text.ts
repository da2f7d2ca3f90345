import type { Engine } from '../../../db/engine';
import { indexTerms, matchExpression } from '../../domain/text/search-terms';
import { fullTextRepository, type FullTextTable } from './repository';

/**
 * The match expressions a search tries in turn: every word typed (as a word or its start);
 * when none has them all (a question typed as a sentence), any of them, most telling first.
 */
export function matchesToTry(text: string): string[] {
  const all = matchExpression(text, 'all');
  if (!all) return [];
  const any = matchExpression(text, 'any')!;
  return any === all ? [all] : [all, any];
}

/**
 * A German-aware full-text index over one kind of record (speeches, text blocks): what is
 * written and searched are folded, stemmed terms (core/domain/text/search-terms.ts). The
 * records themselves stay in their tables; snippets are cut from them by the caller.
 */
export function fullTextIndex(engine: Engine, table: FullTextTable) {
  const repo = fullTextRepository(engine, table);
  return {
    put: (id: number, title: string, text: string): Promise<void> => repo.put(id, indexTerms(title), indexTerms(text)),
    /** Writes many records at once (an index built again): the same entries as `put` one by one. */
    putMany: (records: ReadonlyArray<{ id: number; title: string; text: string }>): Promise<void> =>
      repo.putMany(records.map((r) => ({ id: r.id, title: indexTerms(r.title), body: indexTerms(r.text) }))),
    remove: (id: number): Promise<void> => repo.remove(id),
    /** Ids of the records matching the words typed, best first (see matchesToTry). */
    async search(text: string, limit: number): Promise<number[]> {
      let hits: number[] = [];
      for (const match of matchesToTry(text)) {
        hits = await repo.search(match, limit);
        if (hits.length) break;
      }
      return hits;
    },
    count: repo.count,
  };
}
export type FullTextIndex = ReturnType<typeof fullTextIndex>;

type TextBlockEntry = { id: number; title: string; category: string; text: string };
const blockText = (block: TextBlockEntry) => [`${block.title} ${block.category}`, block.text] as const;

/** The index of the text blocks (Textbausteine): title and category as the title, the text as the body. */
export function textBlockIndex(engine: Engine) {
  const index = fullTextIndex(engine, 'text_block_search');
  return {
    ...index,
    put: (block: TextBlockEntry): Promise<void> => index.put(block.id, ...blockText(block)),
    putMany: (blocks: readonly TextBlockEntry[]): Promise<void> =>
      index.putMany(
        blocks.map((block) => {
          const [title, text] = blockText(block);
          return { id: block.id, title, text };
        }),
      ),
  };
}
