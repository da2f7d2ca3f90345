DROP INDEX "residents_district_idx";--> statement-breakpoint
CREATE INDEX "residents_current_district_idx" ON "residents" USING btree ("district") WHERE gone = false;