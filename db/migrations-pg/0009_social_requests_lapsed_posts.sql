ALTER TABLE "citizen_requests" ADD COLUMN "link" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "online_posts" ADD COLUMN "lapsed_at" text;