CREATE TABLE `speeches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`speaker_id` integer,
	`appointment_id` integer,
	`invitation_id` integer,
	`audience` text DEFAULT '' NOT NULL,
	`target_minutes` integer,
	`deadline` text,
	`author` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'auftrag' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`speaker_id`) REFERENCES `signers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `speeches_appointment_idx` ON `speeches` (`appointment_id`);--> statement-breakpoint
CREATE INDEX `speeches_deadline_idx` ON `speeches` (`status`,`deadline`);