ALTER TABLE `contacts` ADD `revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `appointments` ADD `revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `citizen_requests` ADD `revision` integer DEFAULT 1 NOT NULL;