// PostgreSQL twin of db/schema/speeches.ts (office mode): the same tables, columns and keys; what they mean is written there.
import { pgTable, index, integer, json, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { appointments, invitations } from './calendar';
import { signers } from './letters';

export const speeches = pgTable(
  'speeches',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['rede', 'grusswort', 'grusswort_schriftlich', 'nachruf'] }).notNull(),
    speakerId: integer('speaker_id').references(() => signers.id),
    appointmentId: integer('appointment_id').references(() => appointments.id, { onDelete: 'set null' }),
    invitationId: integer('invitation_id').references(() => invitations.id, { onDelete: 'set null' }),
    audience: text('audience').notNull().default(''),
    targetMinutes: integer('target_minutes'),
    deadline: text('deadline'),
    author: text('author').notNull().default(''),
    status: text('status', { enum: ['auftrag', 'entwurf', 'abstimmung', 'freigegeben', 'gehalten'] })
      .notNull()
      .default('auftrag'),
    notes: text('notes').notNull().default(''),
    background: text('background').notNull().default(''),
    greeting: json('greeting'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('speeches_appointment_idx').on(t.appointmentId), index('speeches_deadline_idx').on(t.status, t.deadline)],
);

export const speechVersions = pgTable(
  'speech_versions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    speechId: integer('speech_id')
      .notNull()
      .references(() => speeches.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    body: json('body').notNull(),
    plainText: text('plain_text').notNull(),
    words: integer('words').notNull(),
    savedAt: text('saved_at').notNull(),
    savedBy: text('saved_by').notNull().default(''),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('speech_versions_number_idx').on(t.speechId, t.number)],
);
