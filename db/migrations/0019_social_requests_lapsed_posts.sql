ALTER TABLE `citizen_requests` ADD `link` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `online_posts` ADD `lapsed_at` text;