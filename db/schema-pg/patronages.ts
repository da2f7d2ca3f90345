// PostgreSQL twin of db/schema/patronages.ts (office mode): the same tables, columns and keys; what they mean is written there.
import { pgTable, index, integer, json, text } from 'drizzle-orm/pg-core';
import { appointments } from './calendar';
import { contacts } from './contacts';
import { letters, signers } from './letters';
import { speeches } from './speeches';

export const patronages = pgTable(
  'patronages',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    organisationId: integer('organisation_id').references(() => contacts.id, { onDelete: 'set null' }),
    organisationName: text('organisation_name').notNull(),
    event: text('event').notNull(),
    eventFrom: text('event_from').notNull(),
    eventTo: text('event_to'),
    place: text('place').notNull().default(''),
    receivedOn: text('received_on').notNull(),
    patronId: integer('patron_id').references(() => signers.id),
    criteria: json('criteria').notNull(),
    decision: text('decision', { enum: ['offen', 'uebernommen', 'abgelehnt'] })
      .notNull()
      .default('offen'),
    reasons: text('reasons').notNull().default(''),
    decidedOn: text('decided_on'),
    speechId: integer('speech_id').references(() => speeches.id, { onDelete: 'set null' }),
    appointmentId: integer('appointment_id').references(() => appointments.id, { onDelete: 'set null' }),
    replyLetterId: integer('reply_letter_id').references(() => letters.id, { onDelete: 'set null' }),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('patronages_decision_idx').on(t.decision, t.eventFrom)],
);
