-- The search terms changed (umlauts fold to the plain vowel, so „Plätze“ meets „Platz“): the
-- full-text indexes are emptied here and rebuilt by the services at the next start (they compare
-- the index's row count with their tables').
INSERT INTO `speech_search` (`speech_search`) VALUES ('delete-all');--> statement-breakpoint
INSERT INTO `text_block_search` (`text_block_search`) VALUES ('delete-all');--> statement-breakpoint
INSERT INTO `request_search` (`request_search`) VALUES ('delete-all');--> statement-breakpoint
INSERT INTO `press_search` (`press_search`) VALUES ('delete-all');
