import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { appointments } from './calendar';
import { contacts } from './contacts';
import { letters, signers } from './letters';
import { speeches } from './speeches';

/**
 * Requests for a patronage (Schirmherrschaft) of the Oberbürgermeister/in: who asks, for which
 * event, how it meets the criteria, the decision with its reasons, and what follows from it
 * (a Grußwort, an appointment, the reply letter).
 */
export const patronages = sqliteTable(
  'patronages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The requesting organisation as a contact, and its name as given (kept if the contact goes). */
    organisationId: integer('organisation_id').references(() => contacts.id, { onDelete: 'set null' }),
    organisationName: text('organisation_name').notNull(),
    event: text('event').notNull(),
    eventFrom: text('event_from').notNull(),
    eventTo: text('event_to'),
    place: text('place').notNull().default(''),
    receivedOn: text('received_on').notNull(),
    /** Patron asked for (a signer). */
    patronId: integer('patron_id').references(() => signers.id),
    /** { publicBenefit, cityRelevance, noCommercialPurpose, politicalNeutrality }: true, false or null (not yet checked). */
    criteria: text('criteria', { mode: 'json' }).notNull(),
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
    /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('patronages_decision_idx').on(t.decision, t.eventFrom)],
);
