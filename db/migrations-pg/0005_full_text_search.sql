-- Full-text search in office mode: the twins of SQLite's FTS5 tables (migrations 0007, 0008 and
-- 0009 there; drizzle-kit knows neither, so they are not in db/schema-pg). One row per indexed
-- record (id = the record's id). `terms` holds the folded, stemmed terms that
-- core/domain/text/search-terms.ts made, written by core/services/search/fts-statements.ts with
-- their positions (title weight A, body D) and without PostgreSQL's own parsing or stemming, so
-- both engines index and match the same terms. `words` is the number of terms (title and body),
-- which the ranking needs (bm25, as FTS5's; its index lets the average be read without the
-- terms). Like the FTS5 tables, no text of the record is kept.
CREATE TABLE "speech_search" ("id" integer PRIMARY KEY, "words" integer NOT NULL, "terms" tsvector NOT NULL);--> statement-breakpoint
CREATE INDEX "speech_search_terms_idx" ON "speech_search" USING gin ("terms");--> statement-breakpoint
CREATE INDEX "speech_search_words_idx" ON "speech_search" ("words");--> statement-breakpoint
CREATE TABLE "text_block_search" ("id" integer PRIMARY KEY, "words" integer NOT NULL, "terms" tsvector NOT NULL);--> statement-breakpoint
CREATE INDEX "text_block_search_terms_idx" ON "text_block_search" USING gin ("terms");--> statement-breakpoint
CREATE INDEX "text_block_search_words_idx" ON "text_block_search" ("words");--> statement-breakpoint
CREATE TABLE "request_search" ("id" integer PRIMARY KEY, "words" integer NOT NULL, "terms" tsvector NOT NULL);--> statement-breakpoint
CREATE INDEX "request_search_terms_idx" ON "request_search" USING gin ("terms");--> statement-breakpoint
CREATE INDEX "request_search_words_idx" ON "request_search" ("words");--> statement-breakpoint
CREATE TABLE "press_search" ("id" integer PRIMARY KEY, "words" integer NOT NULL, "terms" tsvector NOT NULL);--> statement-breakpoint
CREATE INDEX "press_search_terms_idx" ON "press_search" USING gin ("terms");--> statement-breakpoint
CREATE INDEX "press_search_words_idx" ON "press_search" ("words");
