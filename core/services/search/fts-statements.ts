import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** The full-text tables (migration 0007): row id = the id of the indexed row. */
export type FullTextTable = 'speech_search' | 'text_block_search' | 'request_search' | 'press_search';

/**
 * Every statement of the full-text search, in one place: SQLite's FTS5 (contentless tables of
 * title and body, ranked by bm25). The terms bound here are already folded and stemmed
 * (core/domain/text/search-terms.ts). A PostgreSQL twin (tsvector, ts_rank) says the same
 * statements with the same results; nothing outside this file writes FTS SQL.
 */
export function fullTextStatements(table: FullTextTable) {
  const name = sql.raw(table);
  return {
    remove: (id: number): SQL => sql`delete from ${name} where rowid = ${id}`,
    insert: (id: number, title: string, body: string): SQL => sql`insert into ${name} (rowid, title, body) values (${id}, ${title}, ${body})`,
    /** The best matches as rows `{ id }`, best first: a hit in the title counts five times as much as one in the body. */
    search: (match: string, limit: number): SQL =>
      sql`select rowid as "id" from ${name} where ${name} match ${match} order by bm25(${name}, 5.0, 1.0) limit ${limit}`,
    /** `{ n }`: how many rows the index holds. */
    count: (): SQL => sql`select count(*) as "n" from ${name}`,
    /** `{ n }`: how many rows of the index match. */
    matchCount: (match: string): SQL => sql`select count(*) as "n" from ${name} where ${name} match ${match}`,
    /**
     * Merges the index into one segment. Until then the terms of a removed row stay in the
     * index, only marked as deleted (contentless FTS5): after an erasure they must go.
     */
    optimize: (): SQL => sql`insert into ${name} (${name}) values ('optimize')`,
    /**
     * `column in (rows matching match)`, to filter another table's query by the index without
     * ranking: SQLite stops where the page and the count let it. With `scan`, the column is
     * written `+column` so that SQLite reads the outer table in its own order (many hits).
     */
    filter(column: SQLWrapper, match: string, options: { scan?: boolean } = {}): SQL {
      const subquery = sql`(select rowid from ${name} where ${name} match ${match})`;
      return options.scan ? sql`+${column} in ${subquery}` : sql`${column} in ${subquery}`;
    },
  };
}
