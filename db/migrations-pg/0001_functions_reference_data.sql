-- fold(): German folding in SQL, the same as core/domain/text/fold.ts and SQLite's fold() of the
-- connection (db/open.ts): lower case (ICU, independent of the database's locale), umlauts
-- spelled out, ß → ss, other diacritics removed. Searches compare fold(column) with the folded
-- words, so „Müller“, „MUELLER“ and „mueller“ meet on both engines.
CREATE FUNCTION fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN regexp_replace(
    normalize(replace(replace(replace(replace(lower(normalize(value, NFC) COLLATE "und-x-icu"), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), NFKD),
    '[\u0300-\u036f]', '', 'g');--> statement-breakpoint
-- Reference data (DOMAIN.md E), as SQLite's migration 0009: the nine partner cities, the
-- friendship, the patronage and the solidarity partnership.
INSERT INTO "partnerships" ("city", "country", "kind", "since", "status", "language", "notes", "sort_order") VALUES
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
