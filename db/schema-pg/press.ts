// PostgreSQL twin of db/schema/press.ts (office mode): the same tables, columns and keys; what they mean is written there.
import { pgTable, index, integer, json, primaryKey, text } from 'drizzle-orm/pg-core';
import { appointments } from './calendar';
import { contacts } from './contacts';

export const pressReleases = pgTable(
  'press_releases',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    title: text('title').notNull(),
    subtitle: text('subtitle').notNull().default(''),
    body: text('body').notNull().default(''),
    contactInfo: text('contact_info').notNull().default(''),
    status: text('status', { enum: ['entwurf', 'abstimmung', 'freigegeben', 'veroeffentlicht', 'zurueckgezogen'] })
      .notNull()
      .default('entwurf'),
    approvedBy: text('approved_by'),
    approvedAt: text('approved_at'),
    releaseAt: text('release_at'),
    embargoUntil: text('embargo_until'),
    appointmentId: integer('appointment_id').references(() => appointments.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('press_releases_status_idx').on(t.status, t.releaseAt)],
);

export const mediaContacts = pgTable('media_contacts', {
  // SQLite's INTEGER PRIMARY KEY numbers a row left without one: identity does the same here.
  contactId: integer('contact_id')
    .primaryKey()
    .generatedByDefaultAsIdentity()
    .references(() => contacts.id, { onDelete: 'cascade' }),
  mediaType: text('media_type').notNull().default(''),
  topics: json('topics').notNull(),
  notes: text('notes').notNull().default(''),
});

export const distributionLists = pgTable('distribution_lists', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull().unique(),
  description: text('description').notNull().default(''),
});

export const distributionListMembers = pgTable(
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

export const pressInvitations = pgTable(
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

export const pressEnquiries = pgTable(
  'press_enquiries',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    outlet: text('outlet').notNull().default(''),
    journalist: text('journalist').notNull().default(''),
    receivedAt: text('received_at').notNull(),
    topic: text('topic').notNull(),
    question: text('question').notNull().default(''),
    deadline: text('deadline'),
    answer: text('answer').notNull().default(''),
    answeredAt: text('answered_at'),
    answeredBy: text('answered_by'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('press_enquiries_deadline_idx').on(t.answeredAt, t.deadline)],
);
