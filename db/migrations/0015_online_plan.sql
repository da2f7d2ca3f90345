CREATE TABLE `online_posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic_id` integer,
	`channel` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`link` text DEFAULT '' NOT NULL,
	`media` text NOT NULL,
	`planned_at` text,
	`status` text DEFAULT 'idee' NOT NULL,
	`approved_by` text,
	`approved_at` text,
	`published_at` text,
	`published_url` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`topic_id`) REFERENCES `online_topics`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `online_posts_planned_idx` ON `online_posts` (`planned_at`);--> statement-breakpoint
CREATE INDEX `online_posts_topic_idx` ON `online_posts` (`topic_id`);--> statement-breakpoint
CREATE TABLE `online_topics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`goal` text DEFAULT '' NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`starts_on` text,
	`ends_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
