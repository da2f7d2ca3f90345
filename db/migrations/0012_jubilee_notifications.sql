CREATE TABLE `jubilee_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`jubilee_key` text NOT NULL,
	`action` text NOT NULL,
	`produced_at` text,
	`produced_by` text,
	`sent_at` text,
	`sent_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jubilee_notifications_key_action_idx` ON `jubilee_notifications` (`jubilee_key`,`action`);