CREATE TABLE "jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"started_by" text NOT NULL,
	"workstation" text NOT NULL,
	"started_at" text NOT NULL,
	"reported_at" text NOT NULL,
	"finished_at" text,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"state" text NOT NULL,
	"message" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_one_running_per_kind" ON "jobs" USING btree ("kind") WHERE state = 'running';--> statement-breakpoint
CREATE INDEX "jobs_started_at_idx" ON "jobs" USING btree ("started_at");