ALTER TABLE "contacts" ADD COLUMN "sort_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "contacts_sort_key_idx" ON "contacts" USING btree ("sort_key");--> statement-breakpoint
-- Fill the new columns as the contacts repository writes them (storedColumnsOf, searchTextOf),
-- with the fold() of migration 0001.
UPDATE "contacts" SET
  "sort_key" = fold("sort_name"),
  "search_text" = fold("surname" || ' ' || "given_name" || ' ' || "name_affix" || ' ' || "name" || ' ' || "degrees" || ' ' || "city" || ' ' ||
    "postcode" || ' ' || "email" || ' ' || "role_detail" ||
    coalesce(' ' || (SELECT string_agg("tag", ' ' ORDER BY "tag") FROM "contact_tags" WHERE "contact_id" = "contacts"."id"), ''));
