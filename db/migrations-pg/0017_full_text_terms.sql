-- Full-text search in office mode, ranked from an inverted index: next to each tsvector table of
-- migration 0005 (which finds and counts the matches), one row per indexed record and term with
-- the term's weighted number of occurrences (`f`: 5 for each in the title, 1 for each in the body)
-- and the record's number of terms (`words`), written by core/services/search/fts-statements.ts
-- with the tsvector. The key (term, id) in byte order ("C") finds every term starting with what
-- was typed as one range, and carries f and words, so ranking reads the index alone; the index
-- on id removes a record's rows. Not in db/schema-pg (drizzle-kit knows no INCLUDE and no
-- collation), like the tables of 0005. The rows are made here from the tsvectors already written
-- (a term there counts at most 256 times; a record written again counts them all).
CREATE TABLE "speech_search_terms" ("term" text COLLATE "C" NOT NULL, "id" integer NOT NULL, "f" integer NOT NULL, "words" integer NOT NULL, PRIMARY KEY ("term", "id") INCLUDE ("f", "words"));--> statement-breakpoint
CREATE INDEX "speech_search_terms_id_idx" ON "speech_search_terms" ("id");--> statement-breakpoint
CREATE TABLE "text_block_search_terms" ("term" text COLLATE "C" NOT NULL, "id" integer NOT NULL, "f" integer NOT NULL, "words" integer NOT NULL, PRIMARY KEY ("term", "id") INCLUDE ("f", "words"));--> statement-breakpoint
CREATE INDEX "text_block_search_terms_id_idx" ON "text_block_search_terms" ("id");--> statement-breakpoint
CREATE TABLE "request_search_terms" ("term" text COLLATE "C" NOT NULL, "id" integer NOT NULL, "f" integer NOT NULL, "words" integer NOT NULL, PRIMARY KEY ("term", "id") INCLUDE ("f", "words"));--> statement-breakpoint
CREATE INDEX "request_search_terms_id_idx" ON "request_search_terms" ("id");--> statement-breakpoint
CREATE TABLE "press_search_terms" ("term" text COLLATE "C" NOT NULL, "id" integer NOT NULL, "f" integer NOT NULL, "words" integer NOT NULL, PRIMARY KEY ("term", "id") INCLUDE ("f", "words"));--> statement-breakpoint
CREATE INDEX "press_search_terms_id_idx" ON "press_search_terms" ("id");--> statement-breakpoint
INSERT INTO "speech_search_terms" SELECT v.lexeme, s.id, (SELECT count(*) FILTER (WHERE w = 'A') * 5 + count(*) FILTER (WHERE w <> 'A') FROM unnest(v.weights) w), s.words FROM "speech_search" s, unnest(s.terms) v;--> statement-breakpoint
INSERT INTO "text_block_search_terms" SELECT v.lexeme, s.id, (SELECT count(*) FILTER (WHERE w = 'A') * 5 + count(*) FILTER (WHERE w <> 'A') FROM unnest(v.weights) w), s.words FROM "text_block_search" s, unnest(s.terms) v;--> statement-breakpoint
INSERT INTO "request_search_terms" SELECT v.lexeme, s.id, (SELECT count(*) FILTER (WHERE w = 'A') * 5 + count(*) FILTER (WHERE w <> 'A') FROM unnest(v.weights) w), s.words FROM "request_search" s, unnest(s.terms) v;--> statement-breakpoint
INSERT INTO "press_search_terms" SELECT v.lexeme, s.id, (SELECT count(*) FILTER (WHERE w = 'A') * 5 + count(*) FILTER (WHERE w <> 'A') FROM unnest(v.weights) w), s.words FROM "press_search" s, unnest(s.terms) v;
