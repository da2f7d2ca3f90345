import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../../../db/open';

/** The FTS5 tables (migration 0007): rowid = the id of the indexed row. */
export type FullTextTable = 'speech_search' | 'text_block_search' | 'request_search' | 'press_search';

/** SQL of the full-text indexes. The terms written here are already folded and stemmed. */
export function fullTextRepository(db: Db, table: FullTextTable) {
  const sqlite = db.$client;
  const remove = sqlite.prepare(`delete from ${table} where rowid = ?`);
  const insert = sqlite.prepare(`insert into ${table} (rowid, title, body) values (?, ?, ?)`);
  // bm25 weights: a hit in the title counts five times as much as one in the text.
  const search = sqlite.prepare<[string, number], { id: number }>(
    `select rowid as id from ${table} where ${table} match ? order by bm25(${table}, 5.0, 1.0) limit ?`,
  );
  const count = sqlite.prepare(`select count(*) from ${table}`).pluck();
  const optimize = sqlite.prepare(`insert into ${table} (${table}) values ('optimize')`);
  return {
    put(id: number, title: string, body: string): void {
      remove.run(id);
      insert.run(id, title, body);
    },
    remove(id: number): void {
      remove.run(id);
    },
    /**
     * Merges the index into one segment. Until then the terms of a removed row stay in the
     * index, only marked as deleted (contentless FTS5): after an erasure they must go.
     */
    compact(): void {
      optimize.run();
    },
    /** Ids of the best matches, best first. */
    search(match: string, limit: number): number[] {
      return search.all(match, limit).map((r) => r.id);
    },
    count(): number {
      return count.get() as number;
    },
  };
}

/**
 * `column in (rows of table matching match)`, to filter another table's query by the index
 * without ranking: SQLite stops where the page and the count let it. With `scan`, the column is
 * written `+column` so that SQLite reads the outer table in its own order (many hits).
 */
export function fullTextFilter(table: FullTextTable, column: SQLWrapper, match: string, options: { scan?: boolean } = {}): SQL {
  const subquery = sql`(select rowid from ${sql.raw(table)} where ${sql.raw(table)} match ${match})`;
  return options.scan ? sql`+${column} in ${subquery}` : sql`${column} in ${subquery}`;
}

/** How many rows of the index match. */
export function fullTextCount(db: Db, table: FullTextTable, match: string): number {
  return db.get<{ n: number }>(sql`select count(*) as n from ${sql.raw(table)} where ${sql.raw(table)} match ${match}`).n;
}
