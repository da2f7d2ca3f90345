import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';

/**
 * The full-text tables (SQLite: FTS5 tables of migration 0007–0009; PostgreSQL: tsvector tables of
 * migration 0005): row id = the id of the indexed row.
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
    filter(column, match, options = {}) {
      const subquery = sql`(select rowid from ${name} where ${name} match ${match})`;
      return options.scan ? sql`+${column} in ${subquery}` : sql`${column} in ${subquery}`;
    },
  };
}

/**
 * PostgreSQL: `terms` is a tsvector written here from the terms as they are (no parser, no
 * dictionary: PostgreSQL changes nothing), the title's positions weighted A, the body's D; a GIN
 * index finds the matches (`term:*` is FTS5's `"term"*`). The ranking is FTS5's bm25, computed the
 * same way: ts_rank_cd of one term with the weights below is that term's weighted number of
 * occurrences (each occurrence is its own cover), times 8 the title's 5 to the body's 1 as
 * bm25(…, 5.0, 1.0) counts them (both weights are exact binary fractions, so sums are exact).
 * Limits of tsvector: a term counts at most 256 times per record, and its occurrences after the
 * 16,383rd word count once (records that long rank a little differently from SQLite).
 */
function postgresStatements(table: FullTextTable): FullTextStatements {
  const name = sql.raw(`"${table}"`);
  const WEIGHTS = sql.raw(`'{0.125,0.125,0.125,0.625}'::float4[]`);
  const matching = (match: string, terms = sql.raw('terms')) => sql`${terms} @@ ${tsquery(parseMatch(match))}::tsquery`;
  return {
    remove: (id) => sql`delete from ${name} where id = ${id}`,
    insert(id, title, body) {
      const { vector, words } = tsvectorOf(title, body);
      return sql`insert into ${name} (id, words, terms) values (${id}, ${words}, ${vector}::tsvector)`;
    },
    // Two statements for all of them (each statement is a round trip to the server).
    replace(entries) {
      const ids = entries.map((e) => e.id);
      const written = entries.map((e) => tsvectorOf(e.title, e.body));
      return [
        sql`delete from ${name} where id = any(${sql.param(ids)}::integer[])`,
        sql`insert into ${name} (id, words, terms)
          select * from unnest(${sql.param(ids)}::integer[], ${sql.param(written.map((w) => w.words))}::integer[], ${sql.param(written.map((w) => w.vector))}::tsvector[])`,
      ];
    },
    search(match, limit) {
      const { terms, any } = parseMatch(match);
      // FTS5's bm25 (fts5_aux.c): per term idf · f·(k1+1) / (f + k1·(1 − b + b·D/avgdl)), summed
      // in the order typed; idf = ln((N − n + 0.5)/(n + 0.5)), 1e-6 when not above 0; D = the
      // record's number of terms, avgdl = the index's average; k1 = 1.2, b = 0.75.
      const single = (term: string) => sql`${tsquery({ terms: [term], any })}::tsquery`;
      const raw = (text: string) => sql.raw(text);
      // Each term's weighted count in a record (computed once per record: `offset 0` keeps it apart).
      const frequencies = terms.map((term, i) => sql`8::float8 * ts_rank_cd(${WEIGHTS}, s.terms, ${single(term)}, 0)::float8 as ${raw(`f${i}`)}`);
      // How many records hold each term (FTS5's nHit). When any term suffices (or there is one),
      // every such record is among the matches: counted on them. Else each term on its own.
      const counted = any || terms.length === 1;
      const hits = counted
        ? terms.map((_, i) => sql`count(*) filter (where ${raw(`r.f${i}`)} > 0) over ()::float8 as ${raw(`h${i}`)}`)
        : terms.map((term, i) => sql`(select count(*)::float8 from ${name} where terms @@ ${single(term)}) as ${raw(`h${i}`)}`);
      const score = sql.join(
        terms.map((_, i) => {
          const [h, f] = [raw(`m.h${i}`), raw(`m.f${i}`)];
          const idf = sql`(case when ln((stats.n - ${h} + 0.5::float8) / (${h} + 0.5::float8)) <= 0 then 1e-6::float8 else ln((stats.n - ${h} + 0.5::float8) / (${h} + 0.5::float8)) end)`;
          return sql`${idf} * ((${f} * (1.2::float8 + 1.0::float8)) / (${f} + 1.2::float8 * (1::float8 - 0.75::float8 + 0.75::float8 * m.words / stats.avgdl)))`;
        }),
        sql` + `,
      );
      return sql`select m.id as "id"
        from (
          select s.id, s.words, ${sql.join(terms.map((_, i) => raw(`r.f${i}`)), sql`, `)}, ${sql.join(hits, sql`, `)}
          from ${name} s cross join lateral (select ${sql.join(frequencies, sql`, `)} offset 0) r
          where ${matching(match, raw('s.terms'))}
        ) m,
          (select count(*)::float8 as n, coalesce(sum(words), 0)::float8 / greatest(count(*), 1)::float8 as avgdl from ${name}) stats
        order by ${score} desc, m.id
        limit ${limit}`;
    },
    count: () => sql`select count(*) as "n" from ${name}`,
    matchCount: (match) => sql`select count(*) as "n" from ${name} where ${matching(match)}`,
    // A removed row leaves the table and the GIN index with PostgreSQL's own (auto)vacuum; the
    // server's files and logs are the office's IT's, as for engine.emptyLog.
    optimize: () => null,
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

/** The tsvector of a record's terms (title first, weighted A) and how many terms it has. */
function tsvectorOf(title: string, body: string): { vector: string; words: number } {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const [terms, weight] of [
    [title, 'A'],
    [body, ''],
  ] as const) {
    for (const term of terms.split(' ')) {
      if (!term) continue;
      position++;
      let list = positions.get(term);
      if (!list) positions.set(term, (list = []));
      list.push(`${position}${weight}`);
    }
  }
  return { vector: [...positions].map(([term, list]) => `${lexeme(term)}:${list.join(',')}`).join(' '), words: position };
}
