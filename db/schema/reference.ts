import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

/**
 * The forms-of-address catalogue (DOMAIN.md A.2). Shipped entries are refreshed at every
 * start; entries staff add (builtin = false) are kept as they are.
 */
export const roles = sqliteTable('roles', {
  key: text('key').primaryKey(),
  label: text('label').notNull(),
  precedence: integer('precedence').notNull(),
  builtin: integer('builtin', { mode: 'boolean' }).notNull().default(true),
  /** The complete role definition as JSON (core/api/schemas/addressing.ts `roleSchema`). */
  definition: text('definition', { mode: 'json' }).notNull(),
});
