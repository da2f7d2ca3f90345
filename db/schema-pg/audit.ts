// PostgreSQL twin of db/schema/audit.ts (office mode): the same tables, columns and keys; what they mean is written there.
import { pgTable, index, integer, text } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    at: text('at').notNull(),
    user: text('user').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    summary: text('summary').notNull().default(''),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId)],
);
