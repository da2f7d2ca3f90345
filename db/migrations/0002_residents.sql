CREATE TABLE `resident_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user` text NOT NULL,
	`file_name` text NOT NULL,
	`added` integer NOT NULL,
	`changed` integer NOT NULL,
	`unchanged` integer NOT NULL,
	`gone` integer NOT NULL,
	`rejected` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `residents` (
	`register_id` text PRIMARY KEY NOT NULL,
	`surname` text NOT NULL,
	`given_names` text DEFAULT '' NOT NULL,
	`degree` text DEFAULT '' NOT NULL,
	`gender` text NOT NULL,
	`birth_date` text NOT NULL,
	`birth_month_day` text NOT NULL,
	`street` text DEFAULT '' NOT NULL,
	`house_number` text DEFAULT '' NOT NULL,
	`postcode` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`district` text DEFAULT '' NOT NULL,
	`marriage_date` text,
	`marriage_month_day` text,
	`spouse_register_id` text,
	`death_date` text,
	`moved_away` integer DEFAULT false NOT NULL,
	`objection` integer DEFAULT false NOT NULL,
	`information_block` integer DEFAULT false NOT NULL,
	`conditional_block` integer DEFAULT false NOT NULL,
	`gone` integer DEFAULT false NOT NULL,
	`row_hash` text NOT NULL,
	`import_id` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `residents_birth_md_idx` ON `residents` (`birth_month_day`);--> statement-breakpoint
CREATE INDEX `residents_marriage_md_idx` ON `residents` (`marriage_month_day`);--> statement-breakpoint
CREATE INDEX `residents_district_idx` ON `residents` (`district`);