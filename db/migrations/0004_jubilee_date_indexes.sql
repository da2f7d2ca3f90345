DROP INDEX `residents_birth_md_idx`;--> statement-breakpoint
DROP INDEX `residents_marriage_md_idx`;--> statement-breakpoint
CREATE INDEX `residents_birth_date_idx` ON `residents` (`birth_date`);--> statement-breakpoint
CREATE INDEX `residents_marriage_date_idx` ON `residents` (`marriage_date`);--> statement-breakpoint
ALTER TABLE `residents` DROP COLUMN `birth_month_day`;--> statement-breakpoint
ALTER TABLE `residents` DROP COLUMN `marriage_month_day`;