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
  return {
    put(id: number, title: string, body: string): void {
      remove.run(id);
      insert.run(id, title, body);
    },
    remove(id: number): void {
      remove.run(id);
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
