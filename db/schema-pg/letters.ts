// PostgreSQL twin of db/schema/letters.ts (office mode): the same tables, columns and keys; what they mean is written there.
import { pgTable, boolean, index, integer, json, text } from 'drizzle-orm/pg-core';
import { contacts } from './contacts';

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: json('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const signers = pgTable('signers', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  gender: text('gender', { enum: ['female', 'male', 'diverse', 'unknown'] }).notNull(),
  office: text('office').notNull(),
  deputy: boolean('deputy').notNull().default(true),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const textBlocks = pgTable('text_blocks', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  title: text('title').notNull(),
  category: text('category').notNull().default(''),
  text: text('text').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const letters = pgTable(
  'letters',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    includePartner: boolean('include_partner').notNull().default(false),
    recipientName: text('recipient_name').notNull(),
    recipientLines: json('recipient_lines').$type<string[]>().notNull(),
    templateId: text('template_id').notNull(),
    kind: text('kind').notNull(),
    language: text('language', { enum: ['de', 'en', 'fr'] }).notNull(),
    occasion: text('occasion').notNull().default(''),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    fields: json('fields').$type<Record<string, unknown>>().notNull(),
    signerId: integer('signer_id').references(() => signers.id, { onDelete: 'set null' }),
    signerName: text('signer_name').notNull(),
    author: text('author').notNull(),
    status: text('status', { enum: ['entwurf', 'zur_unterschrift', 'versandt'] }).notNull().default('entwurf'),
    letterDate: text('letter_date').notNull(),
    file: text('file').notNull(),
    version: integer('version').notNull().default(1),
    batchId: text('batch_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    index('letters_contact_idx').on(t.contactId),
    index('letters_date_idx').on(t.letterDate),
    index('letters_kind_idx').on(t.kind),
  ],
);

export const letterEvents = pgTable(
  'letter_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
