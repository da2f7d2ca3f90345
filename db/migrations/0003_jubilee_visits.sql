CREATE TABLE `jubilee_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`jubilee_key` text NOT NULL,
	`visit_date` text NOT NULL,
	`visitor` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jubilee_visits_jubilee_key_unique` ON `jubilee_visits` (`jubilee_key`);