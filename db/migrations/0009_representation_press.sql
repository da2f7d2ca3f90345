CREATE TABLE `gift_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`quantity` integer DEFAULT 0 NOT NULL,
	`unit_value_cents` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `gifts_given` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer,
	`description` text DEFAULT '' NOT NULL,
	`quantity` integer DEFAULT 1 NOT NULL,
	`contact_id` integer,
	`recipient_name` text NOT NULL,
	`given_on` text NOT NULL,
	`occasion` text DEFAULT '' NOT NULL,
	`visit_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `gift_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `gifts_given_contact_idx` ON `gifts_given` (`contact_id`,`item_id`);--> statement-breakpoint
CREATE TABLE `gifts_received` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_contact_id` integer,
	`from_name` text NOT NULL,
	`received_on` text NOT NULL,
	`received_by` text DEFAULT '' NOT NULL,
	`description` text NOT NULL,
	`value_cents` integer DEFAULT 0 NOT NULL,
	`disposition` text DEFAULT '' NOT NULL,
	`reported_on` text,
	`visit_id` integer,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`from_contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `golden_book_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer,
	`date` text NOT NULL,
	`person` text NOT NULL,
	`contact_id` integer,
	`occasion` text DEFAULT '' NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `greeting_confirmations` (
	`key` text NOT NULL,
	`year` integer NOT NULL,
	`computed_date` text NOT NULL,
	`date` text NOT NULL,
	`confirmed_at` text NOT NULL,
	`confirmed_by` text NOT NULL,
	PRIMARY KEY(`key`, `year`, `computed_date`)
);
--> statement-breakpoint
CREATE TABLE `greeting_dispatches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`date` text NOT NULL,
	`contact_id` integer,
	`letter_id` integer,
	`approved_by` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `greeting_dispatches_occasion_idx` ON `greeting_dispatches` (`key`,`date`);--> statement-breakpoint
CREATE TABLE `greeting_extras` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`date` text NOT NULL,
	`calendar` text DEFAULT 'gregorian' NOT NULL,
	`eve_before` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `greeting_extras_key_unique` ON `greeting_extras` (`key`);--> statement-breakpoint
CREATE TABLE `greeting_rules` (
	`key` text PRIMARY KEY NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`recipients` text NOT NULL,
	`template_id` text NOT NULL,
	`language` text DEFAULT 'de' NOT NULL,
	`lead_days` integer DEFAULT 14 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `partnership_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partnership_id` integer NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`letter_id` integer,
	`visit_id` integer,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `partnership_events_partnership_idx` ON `partnership_events` (`partnership_id`,`date`);--> statement-breakpoint
CREATE TABLE `partnerships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`city` text NOT NULL,
	`country` text NOT NULL,
	`kind` text NOT NULL,
	`since` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'aktiv' NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`mayor_contact_id` integer,
	`office_contact_id` integer,
	`notes` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`mayor_contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`office_contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `seating_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`tables` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `visit_appointments` (
	`visit_id` integer NOT NULL,
	`appointment_id` integer NOT NULL,
	PRIMARY KEY(`visit_id`, `appointment_id`),
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `visit_people` (
	`visit_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`role` text NOT NULL,
	`honour` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`visit_id`, `contact_id`),
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`direction` text NOT NULL,
	`title` text NOT NULL,
	`partnership_id` integer,
	`from` text NOT NULL,
	`to` text NOT NULL,
	`interpreter` text DEFAULT '' NOT NULL,
	`press` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `visits_from_idx` ON `visits` (`from`);--> statement-breakpoint
CREATE TABLE `distribution_list_members` (
	`list_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	PRIMARY KEY(`list_id`, `contact_id`),
	FOREIGN KEY (`list_id`) REFERENCES `distribution_lists`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `distribution_lists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `distribution_lists_name_unique` ON `distribution_lists` (`name`);--> statement-breakpoint
CREATE TABLE `media_contacts` (
	`contact_id` integer PRIMARY KEY NOT NULL,
	`media_type` text DEFAULT '' NOT NULL,
	`topics` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `press_enquiries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_id` integer,
	`outlet` text DEFAULT '' NOT NULL,
	`journalist` text DEFAULT '' NOT NULL,
	`received_at` text NOT NULL,
	`topic` text NOT NULL,
	`question` text DEFAULT '' NOT NULL,
	`deadline` text,
	`answer` text DEFAULT '' NOT NULL,
	`answered_at` text,
	`answered_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `press_enquiries_deadline_idx` ON `press_enquiries` (`answered_at`,`deadline`);--> statement-breakpoint
CREATE TABLE `press_invitations` (
	`appointment_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`response` text DEFAULT 'offen' NOT NULL,
	PRIMARY KEY(`appointment_id`, `contact_id`),
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `press_releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`subtitle` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`contact_info` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'entwurf' NOT NULL,
	`approved_by` text,
	`approved_at` text,
	`release_at` text,
	`embargo_until` text,
	`appointment_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `press_releases_status_idx` ON `press_releases` (`status`,`release_at`);--> statement-breakpoint
-- Reference data (DOMAIN.md E): the nine partner cities, the friendship, the patronage and the
-- solidarity partnership. Staff keep contacts, status and history from here on.
INSERT INTO `partnerships` (`city`, `country`, `kind`, `since`, `status`, `language`, `notes`, `sort_order`) VALUES
  ('Portsmouth', 'GB', 'partnerschaft', '1950', 'aktiv', 'en', '', 1),
  ('Calais', 'FR', 'partnerschaft', '1964', 'aktiv', 'fr', '', 2),
  ('Lomé', 'TG', 'partnerschaft', '1973', 'ruhend', 'fr', 'Partnerschaft ruht.', 3),
  ('Wuhan', 'CN', 'partnerschaft', '1982', 'aktiv', 'en', '', 4),
  ('Vilnius', 'LT', 'partnerschaft', '1985', 'aktiv', 'en', '', 5),
  ('San Pedro Sula', 'HN', 'partnerschaft', '1993/2008', 'aktiv', 'en', 'Jahr der Begründung prüfen (1993 oder 2008).', 6),
  ('Gaziantep', 'TR', 'partnerschaft', '2005', 'aktiv', 'en', '', 7),
  ('Perm', 'RU', 'partnerschaft', '2007', 'ausgesetzt', 'de', 'Formal bestehend, seit 2022 ohne Kontakte: Grüße nur nach ausdrücklicher Freigabe.', 8),
  ('Fort Lauderdale', 'US', 'partnerschaft', '2011', 'aktiv', 'en', '', 9),
  ('Qingdao', 'CN', 'freundschaft', '2008', 'aktiv', 'en', 'Städtefreundschaft.', 10),
  ('Kaliningrad (Königsberg)', 'RU', 'patenschaft', '1951', 'aktiv', 'de', 'Patenschaft für die ehemaligen Bewohnerinnen und Bewohner Königsbergs (Stadtgemeinschaft Königsberg).', 11),
  ('Krywyj Rih', 'UA', 'solidaritaet', '2023', 'aktiv', 'en', 'Solidaritätspartnerschaft.', 12);
--> statement-breakpoint
-- Full-text search over press releases (rowid = press_releases.id), written like speech_search.
CREATE VIRTUAL TABLE `press_search` USING fts5(`title`, `body`, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
