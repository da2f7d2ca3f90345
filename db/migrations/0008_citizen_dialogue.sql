CREATE TABLE `citizen_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`district` text DEFAULT '' NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`route` text NOT NULL,
	`capacity` integer,
	`appointment_id` integer,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `citizen_events_start_idx` ON `citizen_events` (`start`);--> statement-breakpoint
CREATE TABLE `citizen_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`citizen_id` integer,
	`subject` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`district` text DEFAULT '' NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`received_on` text NOT NULL,
	`status` text DEFAULT 'eingegangen' NOT NULL,
	`acknowledged_on` text,
	`department_id` integer,
	`statement_requested_on` text,
	`statement_due` text,
	`statement_received_on` text,
	`statement_text` text DEFAULT '' NOT NULL,
	`statement_unnecessary` integer DEFAULT false NOT NULL,
	`reminded_on` text,
	`answered_on` text,
	`reply_letter_id` integer,
	`closed_on` text,
	`follow_up_on` text,
	`event_id` integer,
	`anonymised_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reply_letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`event_id`) REFERENCES `citizen_events`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `citizen_requests_status_idx` ON `citizen_requests` (`status`,`statement_due`);--> statement-breakpoint
CREATE INDEX `citizen_requests_received_idx` ON `citizen_requests` (`received_on`);--> statement-breakpoint
CREATE INDEX `citizen_requests_citizen_idx` ON `citizen_requests` (`citizen_id`);--> statement-breakpoint
CREATE INDEX `citizen_requests_event_idx` ON `citizen_requests` (`event_id`);--> statement-breakpoint
CREATE INDEX `citizen_requests_closed_idx` ON `citizen_requests` (`closed_on`);--> statement-breakpoint
CREATE TABLE `citizens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`gender` text DEFAULT 'unknown' NOT NULL,
	`degrees` text DEFAULT '' NOT NULL,
	`given_name` text DEFAULT '' NOT NULL,
	`surname` text NOT NULL,
	`street` text DEFAULT '' NOT NULL,
	`house_number` text DEFAULT '' NOT NULL,
	`postcode` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`search_name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `citizens_search_name_idx` ON `citizens` (`search_name`);--> statement-breakpoint
CREATE INDEX `citizens_email_idx` ON `citizens` (`email`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `event_registrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`citizen_id` integer,
	`topic` text DEFAULT '' NOT NULL,
	`registered_on` text NOT NULL,
	`attended` integer,
	FOREIGN KEY (`event_id`) REFERENCES `citizen_events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `event_registrations_event_idx` ON `event_registrations` (`event_id`);--> statement-breakpoint
CREATE INDEX `event_registrations_citizen_idx` ON `event_registrations` (`citizen_id`);--> statement-breakpoint
CREATE TABLE `request_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`path` text NOT NULL,
	`size` integer NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `citizen_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `request_attachments_request_idx` ON `request_attachments` (`request_id`);--> statement-breakpoint
CREATE TABLE `request_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`at` text NOT NULL,
	`user` text NOT NULL,
	`action` text NOT NULL,
	`status` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `citizen_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `request_history_request_idx` ON `request_history` (`request_id`);--> statement-breakpoint
CREATE TABLE `request_links` (
	`request_id` integer NOT NULL,
	`linked_id` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`request_id`, `linked_id`),
	FOREIGN KEY (`request_id`) REFERENCES `citizen_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`linked_id`) REFERENCES `citizen_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `request_links_linked_idx` ON `request_links` (`linked_id`);--> statement-breakpoint
CREATE TABLE `volunteer_enquiries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`citizen_id` integer,
	`received_on` text NOT NULL,
	`interests` text DEFAULT '' NOT NULL,
	`fields` text NOT NULL,
	`organisation_id` integer,
	`referred_on` text,
	`outcome` text DEFAULT 'offen' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`anonymised_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`organisation_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `volunteer_enquiries_citizen_idx` ON `volunteer_enquiries` (`citizen_id`);--> statement-breakpoint
CREATE TABLE `volunteer_offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`field` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `volunteer_offers_field_idx` ON `volunteer_offers` (`field`);--> statement-breakpoint
-- Full-text search over requests (rowid = citizen_requests.id), written like speech_search.
CREATE VIRTUAL TABLE `request_search` USING fts5(`title`, `body`, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
