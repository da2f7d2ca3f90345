CREATE TABLE `roles` (
	`key` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`precedence` integer NOT NULL,
	`builtin` integer DEFAULT true NOT NULL,
	`definition` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contact_tags` (
	`contact_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`contact_id`, `tag`),
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_tags_tag_idx` ON `contact_tags` (`tag`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`gender` text DEFAULT 'unknown' NOT NULL,
	`degrees` text DEFAULT '' NOT NULL,
	`given_name` text DEFAULT '' NOT NULL,
	`name_affix` text DEFAULT '' NOT NULL,
	`surname` text DEFAULT '' NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`role_key` text,
	`role_detail` text DEFAULT '' NOT NULL,
	`former` integer DEFAULT false NOT NULL,
	`organisation_id` integer,
	`partner_id` integer,
	`street` text DEFAULT '' NOT NULL,
	`house_number` text DEFAULT '' NOT NULL,
	`address_addition` text DEFAULT '' NOT NULL,
	`postcode` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`language` text DEFAULT 'de' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`sort_name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`role_key`) REFERENCES `roles`(`key`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`organisation_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`partner_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `contacts_sort_name_idx` ON `contacts` (`sort_name`);--> statement-breakpoint
CREATE INDEX `contacts_organisation_idx` ON `contacts` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `contacts_partner_idx` ON `contacts` (`partner_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`summary` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);