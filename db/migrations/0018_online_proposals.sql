CREATE TABLE `online_proposal_dismissals` (
	`key` text PRIMARY KEY NOT NULL,
	`dismissed_by` text NOT NULL,
	`dismissed_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `appointments` ADD `public` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `online_posts` ADD `origin` text;--> statement-breakpoint
ALTER TABLE `online_posts` ADD `not_before` text;--> statement-breakpoint
CREATE INDEX `online_posts_origin_idx` ON `online_posts` (`origin`);