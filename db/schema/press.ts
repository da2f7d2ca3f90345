import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { appointments } from './calendar';
import { contacts } from './contacts';

/** Press releases (Pressemitteilungen): draft, approval, release time and embargo. */
export const pressReleases = sqliteTable(
  'press_releases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    subtitle: text('subtitle').notNull().default(''),
    /** The text, paragraphs separated by blank lines. */
    body: text('body').notNull().default(''),
    /** Who to ask (name, phone, e-mail of the press office). */
    contactInfo: text('contact_info').notNull().default(''),
    status: text('status', { enum: ['entwurf', 'abstimmung', 'freigegeben', 'veroeffentlicht', 'zurueckgezogen'] })
      .notNull()
      .default('entwurf'),
    approvedBy: text('approved_by'),
    approvedAt: text('approved_at'),
    /** When it goes out: wall-clock "2027-01-15T10:00" Europe/Berlin. */
    releaseAt: text('release_at'),
    /** Not to be published before (Sperrfrist). */
    embargoUntil: text('embargo_until'),
    appointmentId: integer('appointment_id').references(() => appointments.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('press_releases_status_idx').on(t.status, t.releaseAt)],
);

/** Media contacts: outlets and editors are contacts; this adds their press details. */
export const mediaContacts = sqliteTable('media_contacts', {
  contactId: integer('contact_id')
    .primaryKey()
    .references(() => contacts.id, { onDelete: 'cascade' }),
  /** Zeitung, Radio, Fernsehen, Online, Agentur. */
  mediaType: text('media_type').notNull().default(''),
  /** JSON string[] of topics („Kultur“, „Sport“, „Wirtschaft“). */
  topics: text('topics', { mode: 'json' }).notNull(),
  notes: text('notes').notNull().default(''),
});

export const distributionLists = sqliteTable('distribution_lists', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  description: text('description').notNull().default(''),
});

export const distributionListMembers = sqliteTable(
  'distribution_list_members',
  {
    listId: integer('list_id')
      .notNull()
      .references(() => distributionLists.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.listId, t.contactId] })],
);

/** Media invited to a press appointment (the appointment lives in the calendar). */
export const pressInvitations = sqliteTable(
  'press_invitations',
  {
    appointmentId: integer('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    response: text('response', { enum: ['offen', 'zugesagt', 'abgesagt'] })
      .notNull()
      .default('offen'),
  },
  (t) => [primaryKey({ columns: [t.appointmentId, t.contactId] })],
);

/** Press enquiries with their deadline and answer. */
export const pressEnquiries = sqliteTable(
  'press_enquiries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    outlet: text('outlet').notNull().default(''),
    journalist: text('journalist').notNull().default(''),
    receivedAt: text('received_at').notNull(),
    topic: text('topic').notNull(),
    question: text('question').notNull().default(''),
    /** Wall-clock "2026-11-27T16:00". */
    deadline: text('deadline'),
    answer: text('answer').notNull().default(''),
    answeredAt: text('answered_at'),
    answeredBy: text('answered_by'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('press_enquiries_deadline_idx').on(t.answeredAt, t.deadline)],
);
