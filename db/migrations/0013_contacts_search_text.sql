ALTER TABLE `contacts` ADD `sort_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `search_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `contacts_sort_key_idx` ON `contacts` (`sort_key`);--> statement-breakpoint
-- Fill the new columns as the contacts repository writes them (storedColumnsOf, searchTextOf);
-- fold() is the app's own function, registered on every connection before migrating (db/open.ts).
UPDATE `contacts` SET
  `sort_key` = fold(`sort_name`),
  `search_text` = fold(`surname` || ' ' || `given_name` || ' ' || `name_affix` || ' ' || `name` || ' ' || `degrees` || ' ' || `city` || ' ' ||
    `postcode` || ' ' || `email` || ' ' || `role_detail` ||
    coalesce(' ' || (SELECT group_concat(`tag`, ' ') FROM (SELECT `tag` FROM `contact_tags` WHERE `contact_id` = `contacts`.`id` ORDER BY `tag`)), ''));
