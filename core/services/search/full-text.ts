import type { Db } from '../../../db/open';
import { indexTerms, matchExpression } from '../../domain/text/search-terms';
import { fullTextRepository, type FullTextTable } from './repository';

/**
 * A German-aware full-text index over one kind of record (speeches, text blocks): what is
 * written and searched are folded, stemmed terms (core/domain/text/search-terms.ts). The
 * records themselves stay in their tables; snippets are cut from them by the caller.
 */
export function fullTextIndex(db: Db, table: FullTextTable) {
  const repo = fullTextRepository(db, table);
  return {
    put(id: number, title: string, text: string): void {
      repo.put(id, indexTerms(title), indexTerms(text));
    },
    remove(id: number): void {
      repo.remove(id);
    },
    /**
     * Ids of the records matching every word typed (as a word or its start), best first; when
     * none has them all (a question typed as a sentence), those with the most telling of them.
     */
    search(text: string, limit: number): number[] {
      const all = matchExpression(text, 'all');
      if (!all) return [];
      const hits = repo.search(all, limit);
      const any = matchExpression(text, 'any')!;
      return hits.length || any === all ? hits : repo.search(any, limit);
    },
    count: repo.count,
  };
}
export type FullTextIndex = ReturnType<typeof fullTextIndex>;

/** The index of the text blocks (Textbausteine): title and category as the title, the text as the body. */
export function textBlockIndex(db: Db) {
  const index = fullTextIndex(db, 'text_block_search');
  return {
    ...index,
    put(block: { id: number; title: string; category: string; text: string }): void {
      index.put(block.id, `${block.title} ${block.category}`, block.text);
    },
  };
}
