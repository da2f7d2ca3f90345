import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { appointments, invitations } from './calendar';
import { signers } from './letters';

/**
 * The speech register: speeches and Grußworte for the Oberbürgermeister/in and the
 * Bürgermeister/innen, from the commission to the day they are given.
 */
export const speeches = sqliteTable(
  'speeches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['rede', 'grusswort', 'grusswort_schriftlich', 'nachruf'] }).notNull(),
    /** Who speaks (a signer: the Oberbürgermeister/in or a Bürgermeister/in). */
    speakerId: integer('speaker_id').references(() => signers.id),
    /** The occasion: an appointment and/or the invitation it came from. */
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
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('speeches_appointment_idx').on(t.appointmentId), index('speeches_deadline_idx').on(t.status, t.deadline)],
);
