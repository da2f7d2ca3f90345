import type { SQL, SQLWrapper } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';
import { fullTextStatements, type FullTextEntry, type FullTextTable } from './fts-statements';

export type { FullTextEntry, FullTextTable } from './fts-statements';

/** From this many replaced entries on, the index is settled afterwards (fullTextStatements().settle). */
const SETTLE_AFTER = 1000;

/** The full-text index of one table on the engine (in the caller's transaction when there is one). */
export function fullTextRepository({ kind, db, dsql }: Engine, table: FullTextTable) {
  const fts = fullTextStatements(kind, table);
  const number = async (statement: SQL) => dsql.number((await db.execute<{ n: unknown }>(statement)).rows[0]?.n) ?? 0;
  return {
    async put(id: number, title: string, body: string): Promise<void> {
      await db.execute(fts.remove(id));
      await db.execute(fts.insert(id, title, body));
    },
    /** Replaces the entries of many records (rebuilding an index): a few statements per thousand. */
    async putMany(entries: readonly FullTextEntry[]): Promise<void> {
      for (let i = 0; i < entries.length; i += 1000) {
        for (const statement of fts.replace(entries.slice(i, i + 1000))) await db.execute(statement);
      }
      if (entries.length >= SETTLE_AFTER) for (const statement of fts.settle()) await db.execute(statement);
    },
    async remove(id: number): Promise<void> {
      await db.execute(fts.remove(id));
    },
    /** See fullTextStatements().optimize: after an erasure the removed terms must go. */
    async compact(): Promise<void> {
      const optimize = fts.optimize();
      if (optimize) await db.execute(optimize);
    },
    /** Ids of the best matches, best first. */
    async search(match: string, limit: number): Promise<number[]> {
      const { rows } = await db.execute<{ id: unknown }>(fts.search(match, limit));
      return rows.map((r) => dsql.number(r.id)!);
    },
    count: (): Promise<number> => number(fts.count()),
    /** How many rows of the index match. */
    matchCount: (match: string): Promise<number> => number(fts.matchCount(match)),
  };
}

/** `column in (rows of table matching match)`: see FullTextStatements.filter. */
export function fullTextFilter(engine: Engine, table: FullTextTable, column: SQLWrapper, match: string, options: { scan?: boolean } = {}): SQL {
  return fullTextStatements(engine.kind, table).filter(column, match, options);
}

/** How many rows of the index match. */
export function fullTextCount(engine: Engine, table: FullTextTable, match: string): Promise<number> {
  return fullTextRepository(engine, table).matchCount(match);
}
