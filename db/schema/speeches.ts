import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
    /** Background material: facts, figures, what was said to this audience before. */
    background: text('background').notNull().default(''),
    /** The guests to greet and the greeting as last composed (SpeechGreeting in core/api). */
    greeting: text('greeting', { mode: 'json' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('speeches_appointment_idx').on(t.appointmentId), index('speeches_deadline_idx').on(t.status, t.deadline)],
);

/** Every save of a speech's text is a version; restoring one adds a new version. */
export const speechVersions = sqliteTable(
  'speech_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    speechId: integer('speech_id')
      .notNull()
      .references(() => speeches.id, { onDelete: 'cascade' }),
    /** 1, 2, 3 … per speech. */
    number: integer('number').notNull(),
    /** The document (SpeechBody in core/api/speech-body.ts) as JSON. */
    body: text('body', { mode: 'json' }).notNull(),
    /** Plain text of the body (stage notes in brackets, pauses as „//“). */
    plainText: text('plain_text').notNull(),
    words: integer('words').notNull(),
    savedAt: text('saved_at').notNull(),
    savedBy: text('saved_by').notNull().default(''),
    /** Why the version exists when it is not an ordinary save („wiederhergestellt aus Version 2“). */
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('speech_versions_number_idx').on(t.speechId, t.number)],
);
