import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { contacts } from './contacts';

/** Office-wide settings as JSON values (letterhead, contact persons, …). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Who may sign letters: the Oberbürgermeister and the Bürgermeister (deputies sign "In Vertretung"). */
export const signers = sqliteTable('signers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  gender: text('gender', { enum: ['female', 'male', 'diverse', 'unknown'] }).notNull(),
  office: text('office').notNull(),
  deputy: integer('deputy', { mode: 'boolean' }).notNull().default(true),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Reusable passages (Textbausteine), with the same placeholders as the templates. */
export const textBlocks = sqliteTable('text_blocks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  category: text('category').notNull().default(''),
  text: text('text').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** The outgoing-letters register (Postausgang). */
export const letters = sqliteTable(
  'letters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    includePartner: integer('include_partner', { mode: 'boolean' }).notNull().default(false),
    recipientName: text('recipient_name').notNull(),
    recipientLines: text('recipient_lines', { mode: 'json' }).$type<string[]>().notNull(),
    templateId: text('template_id').notNull(),
    kind: text('kind').notNull(),
    language: text('language', { enum: ['de', 'en', 'fr'] }).notNull(),
    occasion: text('occasion').notNull().default(''),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The letter's own fields (occasion data, free address …), to generate it again. */
    fields: text('fields', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    signerId: integer('signer_id').references(() => signers.id, { onDelete: 'set null' }),
    signerName: text('signer_name').notNull(),
    author: text('author').notNull(),
    status: text('status', { enum: ['entwurf', 'zur_unterschrift', 'versandt'] }).notNull().default('entwurf'),
    letterDate: text('letter_date').notNull(),
    /** Path of the .docx below the data folder. */
    file: text('file').notNull(),
    version: integer('version').notNull().default(1),
    batchId: text('batch_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    index('letters_contact_idx').on(t.contactId),
    index('letters_date_idx').on(t.letterDate),
    index('letters_kind_idx').on(t.kind),
  ],
);

/** History of one letter: created, generated again, status changes. */
export const letterEvents = sqliteTable(
  'letter_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    letterId: integer('letter_id')
      .notNull()
      .references(() => letters.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    user: text('user').notNull(),
    action: text('action').notNull(),
    detail: text('detail').notNull().default(''),
  },
  (t) => [index('letter_events_letter_idx').on(t.letterId)],
);
