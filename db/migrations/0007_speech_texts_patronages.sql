CREATE TABLE `speech_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`speech_id` integer NOT NULL,
	`number` integer NOT NULL,
	`body` text NOT NULL,
	`plain_text` text NOT NULL,
	`words` integer NOT NULL,
	`saved_at` text NOT NULL,
	`saved_by` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`speech_id`) REFERENCES `speeches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `speech_versions_number_idx` ON `speech_versions` (`speech_id`,`number`);--> statement-breakpoint
CREATE TABLE `patronages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer,
	`organisation_name` text NOT NULL,
	`event` text NOT NULL,
	`event_from` text NOT NULL,
	`event_to` text,
	`place` text DEFAULT '' NOT NULL,
	`received_on` text NOT NULL,
	`patron_id` integer,
	`criteria` text NOT NULL,
	`decision` text DEFAULT 'offen' NOT NULL,
	`reasons` text DEFAULT '' NOT NULL,
	`decided_on` text,
	`speech_id` integer,
	`appointment_id` integer,
	`reply_letter_id` integer,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`patron_id`) REFERENCES `signers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`speech_id`) REFERENCES `speeches`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reply_letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `patronages_decision_idx` ON `patronages` (`decision`,`event_from`);--> statement-breakpoint
ALTER TABLE `speeches` ADD `background` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `speeches` ADD `greeting` text;--> statement-breakpoint
-- Full-text search (FTS5, contentless): rowid = speeches.id / text_blocks.id. The application
-- writes folded and stemmed terms (core/domain/text/search-terms.ts), so umlauts, ß and German
-- word endings match however they are typed. drizzle-kit does not know virtual tables.
CREATE VIRTUAL TABLE `speech_search` USING fts5(`title`, `body`, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');--> statement-breakpoint
CREATE VIRTUAL TABLE `text_block_search` USING fts5(`title`, `body`, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
