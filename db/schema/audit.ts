import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

/** Who did what, and when (DESIGN.md: data). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    user: text('user').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    summary: text('summary').notNull().default(''),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId)],
);
