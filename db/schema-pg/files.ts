// PostgreSQL twin of db/schema/files.ts (office mode): the same table; what it means is written there.
import { customType, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** Binary content (node-postgres reads and writes `bytea` as a Buffer). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

export const storedFiles = pgTable('stored_files', {
  key: text('key').primaryKey(),
  content: bytea('content').notNull(),
  size: integer('size').notNull(),
  storedAt: text('stored_at').notNull(),
});
