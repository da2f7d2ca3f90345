import type { Db } from '../../../db/open';
import { indexTerms } from '../../domain/text/search-terms';
import { matchesToTry } from './full-text';
import { fullTextStatements, type FullTextTable } from './fts-statements';

/**
 * The same full-text index on the synchronous SQLite handle, for services not yet moved to the
 * engine (in their `db.transaction`). The statements are those of fts-statements.ts. Goes away
 * with `ServiceDeps.db`; a service on the engine uses full-text.ts.
 */
export function fullTextIndexSync(db: Db, table: FullTextTable) {
  const fts = fullTextStatements('sqlite', table);
  const put = (id: number, title: string, text: string): void => {
    db.run(fts.remove(id));
    db.run(fts.insert(id, indexTerms(title), indexTerms(text)));
  };
  return {
    put,
    remove(id: number): void {
      db.run(fts.remove(id));
    },
    /** Ids of the records matching the words typed, best first (see matchesToTry). */
    search(text: string, limit: number): number[] {
      let hits: number[] = [];
      for (const match of matchesToTry(text)) {
        hits = db.all<{ id: number }>(fts.search(match, limit)).map((r) => r.id);
        if (hits.length) break;
      }
      return hits;
    },
    count: (): number => db.get<{ n: number }>(fts.count())!.n,
    compact(): void {
      db.run(fts.optimize()!);
    },
  };
}

/** The text blocks' index on the synchronous handle (see textBlockIndex). */
export function textBlockIndexSync(db: Db) {
  const index = fullTextIndexSync(db, 'text_block_search');
  return {
    ...index,
    put(block: { id: number; title: string; category: string; text: string }): void {
      index.put(block.id, `${block.title} ${block.category}`, block.text);
    },
  };
}

/** How many rows of the index match, on the synchronous handle (see fullTextCount). */
export function fullTextCountSync(db: Db, table: FullTextTable, match: string): number {
  return db.get<{ n: number }>(fullTextStatements('sqlite', table).matchCount(match))!.n;
}
