CREATE TABLE `appointment_people` (
	`appointment_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`role` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`appointment_id`, `contact_id`, `role`),
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`calendar_id` integer NOT NULL,
	`title` text NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`all_day` integer DEFAULT false NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`route_note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'geplant' NOT NULL,
	`recurrence_rule` text,
	`recurrence_exceptions` text NOT NULL,
	`programme` text DEFAULT '' NOT NULL,
	`dress_code` text DEFAULT '' NOT NULL,
	`press` text DEFAULT '' NOT NULL,
	`gift` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`invitation_id` integer,
	`driver_id` integer,
	`vehicle_id` integer,
	`external_uid` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`calendar_id`) REFERENCES `calendars`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`driver_id`) REFERENCES `drivers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_external_uid_unique` ON `appointments` (`external_uid`);--> statement-breakpoint
CREATE INDEX `appointments_calendar_start_idx` ON `appointments` (`calendar_id`,`start`);--> statement-breakpoint
CREATE INDEX `appointments_start_idx` ON `appointments` (`start`);--> statement-breakpoint
CREATE TABLE `calendars` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signer_id` integer NOT NULL,
	`color` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`signer_id`) REFERENCES `signers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendars_signer_id_unique` ON `calendars` (`signer_id`);--> statement-breakpoint
CREATE TABLE `car_pool_absences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`driver_id` integer,
	`vehicle_id` integer,
	`from` text NOT NULL,
	`to` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`driver_id`) REFERENCES `drivers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `drivers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`notes` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `invitation_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invitation_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`path` text NOT NULL,
	`size` integer NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inviter_contact_id` integer,
	`inviter_name` text DEFAULT '' NOT NULL,
	`event` text NOT NULL,
	`dates` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`addressed_to` text DEFAULT '' NOT NULL,
	`received_on` text NOT NULL,
	`reply_by` text,
	`requests` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`calendar_id` integer,
	`decided_at` text,
	`decided_by` text,
	`decision_note` text DEFAULT '' NOT NULL,
	`reply_letter_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`inviter_contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`calendar_id`) REFERENCES `calendars`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reply_letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `invitations_status_idx` ON `invitations` (`status`,`reply_by`);--> statement-breakpoint
CREATE TABLE `vehicles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`plate` text DEFAULT '' NOT NULL,
	`seats` integer DEFAULT 4 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`notes` text DEFAULT '' NOT NULL
);
