import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Files users produce or attach (letters, attachments of requests and invitations, the staff's
 * template copies), stored in the database. Office mode (PostgreSQL) keeps them here so every
 * PC opens every letter; a single PC keeps them in its data folder as files (this table stays
 * empty there, it exists so both schemas are the same and `db copy` moves files both ways).
 * See core/services/file-store.ts.
 */
export const storedFiles = sqliteTable('stored_files', {
  /** The file's path relative to the data folder, with "/" ("Briefe/2026/000001-….docx"): what the records point at. */
  key: text('key').primaryKey(),
  content: blob('content', { mode: 'buffer' }).notNull(),
  size: integer('size').notNull(),
  storedAt: text('stored_at').notNull(),
});
