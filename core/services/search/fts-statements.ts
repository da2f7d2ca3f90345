import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';

/**
 * The full-text tables (SQLite: FTS5 tables of migration 0007–0009; PostgreSQL: tsvector tables of
 * migration 0005 and their `_terms` tables of 0017): row id = the id of the indexed row.
 */
export type FullTextTable = 'speech_search' | 'text_block_search' | 'request_search' | 'press_search';

/** One record's entry: its id and the terms of its title and body. */
export interface FullTextEntry {
  id: number;
  title: string;
  body: string;
}

/** Every statement of the full-text search for one table, said once per engine. */
export interface FullTextStatements {
  remove(id: number): SQL;
  /** `title` and `body` are the terms to index (core/domain/text/search-terms.ts indexTerms). */
  insert(id: number, title: string, body: string): SQL;
  /** The statements that replace the entries of many records at once (terms as for insert). */
  replace(entries: readonly FullTextEntry[]): SQL[];
  /**
   * The best matches as rows `{ id }`, best first by bm25 (a hit in the title counts five times as
   * much as one in the body; rarer words weigh more; longer records less), then by id.
   */
  search(match: string, limit: number): SQL;
  /** `{ n }`: how many rows the index holds. */
  count(): SQL;
  /** `{ n }`: how many rows of the index match. */
  matchCount(match: string): SQL;
  /** After an erasure: what makes the index forget removed terms; null when nothing is needed. */
  optimize(): SQL | null;
  /** After many records were replaced (an index rebuilt): what makes the next searches fast. */
  settle(): SQL[];
  /**
   * `column in (rows matching match)`, to filter another table's query by the index without
   * ranking. With `scan`, SQLite reads the outer table in its own order (many hits).
   */
  filter(column: SQLWrapper, match: string, options?: { scan?: boolean }): SQL;
}

/**
 * Every statement of the full-text search, in one place, for both engines. The terms bound here
 * are already folded and stemmed (core/domain/text/search-terms.ts) and `match` is that module's
 * match expression (`"hafen"* "fest"*`, or joined by ` OR `), so both engines index and match the
 * same terms and rank them alike. Nothing outside this file writes full-text SQL.
 */
export function fullTextStatements(kind: Engine['kind'], table: FullTextTable): FullTextStatements {
  return kind === 'postgres' ? postgresStatements(table) : sqliteStatements(table);
}

/** SQLite's FTS5: contentless tables of title and body, ranked by bm25. */
function sqliteStatements(table: FullTextTable): FullTextStatements {
  const name = sql.raw(table);
  const remove = (id: number) => sql`delete from ${name} where rowid = ${id}`;
  const insert = (id: number, title: string, body: string) => sql`insert into ${name} (rowid, title, body) values (${id}, ${title}, ${body})`;
  return {
    remove,
    insert,
    // One statement per row costs nothing on a local file.
    replace: (entries) => entries.flatMap(({ id, title, body }) => [remove(id), insert(id, title, body)]),
    search: (match, limit) => sql`select rowid as "id" from ${name} where ${name} match ${match} order by bm25(${name}, 5.0, 1.0), rowid limit ${limit}`,
    count: () => sql`select count(*) as "n" from ${name}`,
    matchCount: (match) => sql`select count(*) as "n" from ${name} where ${name} match ${match}`,
    // Merges the index into one segment. Until then the terms of a removed row stay in the index,
    // only marked as deleted (contentless FTS5): after an erasure they must go.
    optimize: () => sql`insert into ${name} (${name}) values ('optimize')`,
    // FTS5 merges its segments as it goes.
    settle: () => [],
    filter(column, match, options = {}) {
      const subquery = sql`(select rowid from ${name} where ${name} match ${match})`;
      return options.scan ? sql`+${column} in ${subquery}` : sql`${column} in ${subquery}`;
    },
  };
}

/**
 * PostgreSQL: two tables per index. `<table>` holds each record's terms as a tsvector written here
 * from the terms as they are (no parser, no dictionary: PostgreSQL changes nothing), with a GIN
 * index that finds the matches (`term:*` is FTS5's `"term"*`): what filters and counts use.
 * `<table>_terms` is the same index inverted, one row per record and term with the term's
 * weighted number of occurrences (`f`: 5 for each in the title, 1 for each in the body, as
 * bm25(…, 5.0, 1.0) counts them) and the record's number of terms (`words`): what ranks. A term
 * typed reads only its own rows (a range of the primary key in byte order: `term ^@ start` uses
 * the btree from PostgreSQL 15 on, index only), so ranking costs a few microseconds a match,
 * not a pass over each match's terms (ts_rank_cd over the matching tsvectors cost ~20 ms a
 * thousand matches). Unlike a tsvector, the rows count every occurrence (a tsvector keeps 256
 * a term, none after the 16,383rd word). Both tables are written in one statement.
 */
function postgresStatements(table: FullTextTable): FullTextStatements {
  const name = sql.raw(`"${table}"`);
  const terms = sql.raw(`"${table}_terms"`);
  const matching = (match: string, column = sql.raw('terms')) => sql`${column} @@ ${tsquery(parseMatch(match))}::tsquery`;
  const ids = (list: readonly number[]) => sql`${sql.param(list)}::integer[]`;
  const remove = (list: readonly number[]) => sql`with removed as (delete from ${name} where id = any(${ids(list)})) delete from ${terms} where id = any(${ids(list)})`;
  /** Inserts records (ids, their tsvectors and lengths) and their rows of terms, in one statement. */
  function insert(entries: readonly FullTextEntry[]): SQL {
    const written = entries.map((e) => ({ id: e.id, ...tsvectorOf(e.title, e.body) }));
    const rows = written.flatMap((w) => [...w.counts].map(([term, f]) => ({ id: w.id, term, f, words: w.words })));
    const column = <T>(pick: (row: (typeof rows)[number]) => T) => sql.param(rows.map(pick));
    return sql`with records as (
        insert into ${name} (id, words, terms)
        select * from unnest(${ids(written.map((w) => w.id))}, ${sql.param(written.map((w) => w.words))}::integer[], ${sql.param(written.map((w) => w.vector))}::tsvector[])
      )
      insert into ${terms} (term, id, f, words)
      select * from unnest(${column((r) => r.term)}::text[], ${column((r) => r.id)}::integer[], ${column((r) => r.f)}::integer[], ${column((r) => r.words)}::integer[])`;
  }
  return {
    remove: (id) => remove([id]),
    insert: (id, title, body) => insert([{ id, title, body }]),
    // Two statements for all of them (each statement is a round trip to the server).
    replace: (entries) => [remove(entries.map((e) => e.id)), insert(entries)],
    search(match, limit) {
      const { terms: typed, any } = parseMatch(match);
      // FTS5's bm25 (fts5_aux.c): per term idf · f·(k1+1) / (f + k1·(1 − b + b·D/avgdl)), summed
      // in the order typed; idf = ln((N − n + 0.5)/(n + 0.5)), 1e-6 when not above 0; D = the
      // record's number of terms, avgdl = the index's average; k1 = 1.2, b = 0.75.
      const raw = (text: string) => sql.raw(text);
      // The rows of each term typed (each a range of the key, read from the index alone), then
      // one row per record holding any of them, each term's count in a column of its own (null
      // where absent; a term typed as a word or its start may be several terms of a record:
      // their counts added).
      const rows = sql.join(
        typed.map(
          (term, i) =>
            sql`select id, words, ${raw(typed.map((_, j) => (i === j ? 'f' : 'null::integer')).join(', '))} from ${terms} where term ^@ ${term}`,
        ),
        sql` union all `,
      );
      const counts = typed.map((_, i) => raw(`sum(f${i})::float8 as f${i}`));
      // How many records hold each term (FTS5's nHit): counted before keeping only the records
      // with every term.
      const hits = typed.map((_, i) => raw(`count(f${i}) over ()::float8 as h${i}`));
      const holdsEvery = sql.join(
        typed.map((_, i) => raw(`m.f${i} is not null`)),
        sql` and `,
      );
      // The index's size and average length: read once, and only when a record matches.
      const [n, avgdl] = [sql`(select n from stats)`, sql`(select avgdl from stats)`];
      const score = sql.join(
        typed.map((_, i) => {
          const [h, f] = [raw(`m.h${i}`), raw(`coalesce(m.f${i}, 0)`)];
          const idf = sql`(case when ln((${n} - ${h} + 0.5::float8) / (${h} + 0.5::float8)) <= 0 then 1e-6::float8 else ln((${n} - ${h} + 0.5::float8) / (${h} + 0.5::float8)) end)`;
          return sql`${idf} * ((${f} * (1.2::float8 + 1.0::float8)) / (${f} + 1.2::float8 * (1::float8 - 0.75::float8 + 0.75::float8 * m.words / ${avgdl})))`;
        }),
        sql` + `,
      );
      // When every term must be there and no record has them all (the GIN index knows at once),
      // nothing else is read. (Materialized: planned for all its rows, so on the GIN index; an
      // EXISTS alone would be planned to stop early and read the table.)
      const every = !any && typed.length > 1;
      return sql`with ${every ? sql`matches as materialized (select id from ${name} where ${matching(match)}), ` : sql``}stats as materialized (
          select count(*)::float8 as n, coalesce(sum(words), 0)::float8 / greatest(count(*), 1)::float8 as avgdl from ${name}
        )
        select m.id as "id"
        from (
          select id, words, ${raw(typed.map((_, i) => `f${i}`).join(', '))}, ${sql.join(hits, sql`, `)}
          from (
            select id, min(words) as words, ${sql.join(counts, sql`, `)}
            from (${rows}) as r (id, words, ${raw(typed.map((_, i) => `f${i}`).join(', '))})
            ${every ? sql`where exists (select from matches)` : sql``}
            group by id
          ) a
        ) m
        ${every ? sql`where ${holdsEvery}` : sql``}
        order by ${score} desc, m.id
        limit ${limit}`;
    },
    count: () => sql`select count(*) as "n" from ${name}`,
    matchCount: (match) => sql`select count(*) as "n" from ${name} where ${matching(match)}`,
    // A removed row leaves the tables and their indexes with PostgreSQL's own (auto)vacuum; the
    // server's files and logs are the office's IT's, as for engine.emptyLog.
    optimize: () => null,
    // The planner learns the new rows (a rebuilt index holds hundreds of thousands of terms rows
    // it would otherwise guess at), and the GIN index takes in its list of pending entries now
    // instead of every search reading it until autovacuum comes.
    settle: () => [sql.raw(`analyze "${table}", "${table}_terms"`), sql.raw(`select gin_clean_pending_list('"${table}_terms_idx"'::regclass)`)],
    // PostgreSQL's planner chooses between the index and reading the outer table itself.
    filter: (column, match) => sql`${column} in (select id from ${name} where ${matching(match)})`,
  };
}

/** The terms of a match expression of search-terms.ts and whether any of them suffices. */
function parseMatch(match: string): { terms: string[]; any: boolean } {
  const terms = [...match.matchAll(/"([^"]+)"\*/g)].map((m) => m[1]!);
  const any = terms.length > 1 && match.includes('"* OR "');
  if (!terms.length || terms.map((t) => `"${t}"*`).join(any ? ' OR ' : ' ') !== match) {
    throw new Error(`Not a match expression of core/domain/text/search-terms.ts: ${match}`);
  }
  return { terms, any };
}

/** A tsvector or tsquery lexeme, quoted. */
const lexeme = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** `'hafen':* & 'fest':*` (or `|`): every term as a word or the start of one. */
function tsquery({ terms, any }: { terms: string[]; any: boolean }): string {
  return terms.map((t) => `${lexeme(t)}:*`).join(any ? ' | ' : ' & ');
}

/**
 * The tsvector of a record's terms (title first, weighted A), how many terms it has, and each
 * term's weighted number of occurrences (5 in the title, 1 in the body).
 */
function tsvectorOf(title: string, body: string): { vector: string; words: number; counts: Map<string, number> } {
  const positions = new Map<string, string[]>();
  const counts = new Map<string, number>();
  let position = 0;
  for (const [terms, weight, f] of [
    [title, 'A', 5],
    [body, '', 1],
  ] as const) {
    for (const term of terms.split(' ')) {
      if (!term) continue;
      position++;
      let list = positions.get(term);
      if (!list) positions.set(term, (list = []));
      list.push(`${position}${weight}`);
      counts.set(term, (counts.get(term) ?? 0) + f);
    }
  }
  return { vector: [...positions].map(([term, list]) => `${lexeme(term)}:${list.join(',')}`).join(' '), words: position, counts };
}
