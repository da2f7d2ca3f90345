CREATE TABLE `online_crisis_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`user` text NOT NULL,
	`channel` text,
	`post_id` integer,
	`statement_id` integer,
	`summary` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `online_posts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`statement_id`) REFERENCES `online_holding_statements`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `online_holding_statements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scenario` text NOT NULL,
	`text` text NOT NULL,
	`approved_by` text,
	`approved_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `online_posts` ADD `paused_at` text;