CREATE TABLE `letter_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`letter_id` integer NOT NULL,
	`at` text NOT NULL,
	`user` text NOT NULL,
	`action` text NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `letter_events_letter_idx` ON `letter_events` (`letter_id`);--> statement-breakpoint
CREATE TABLE `letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_id` integer,
	`include_partner` integer DEFAULT false NOT NULL,
	`recipient_name` text NOT NULL,
	`recipient_lines` text NOT NULL,
	`template_id` text NOT NULL,
	`kind` text NOT NULL,
	`language` text NOT NULL,
	`occasion` text DEFAULT '' NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`fields` text NOT NULL,
	`signer_id` integer,
	`signer_name` text NOT NULL,
	`author` text NOT NULL,
	`status` text DEFAULT 'entwurf' NOT NULL,
	`letter_date` text NOT NULL,
	`file` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`batch_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`signer_id`) REFERENCES `signers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `letters_contact_idx` ON `letters` (`contact_id`);--> statement-breakpoint
CREATE INDEX `letters_date_idx` ON `letters` (`letter_date`);--> statement-breakpoint
CREATE INDEX `letters_kind_idx` ON `letters` (`kind`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `signers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`gender` text NOT NULL,
	`office` text NOT NULL,
	`deputy` integer DEFAULT true NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `text_blocks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`text` text NOT NULL,
	`updated_at` text NOT NULL
);
