// PostgreSQL twin of db/schema/reference.ts (office mode): the same tables, columns and keys; what they mean is written there.
import { pgTable, boolean, integer, json, text } from 'drizzle-orm/pg-core';

export const roles = pgTable('roles', {
  key: text('key').primaryKey(),
  label: text('label').notNull(),
  precedence: integer('precedence').notNull(),
  builtin: boolean('builtin').notNull().default(true),
  definition: json('definition').notNull(),
});
