// PostgreSQL twin of db/schema/representation.ts (office mode): the same tables, columns and keys; what they mean is written there.
import { pgTable, boolean, index, integer, json, primaryKey, text } from 'drizzle-orm/pg-core';
import { appointments } from './calendar';
import { contacts } from './contacts';
import { letters } from './letters';

export const partnerships = pgTable('partnerships', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  city: text('city').notNull(),
  country: text('country').notNull(),
  kind: text('kind', { enum: ['partnerschaft', 'freundschaft', 'patenschaft', 'solidaritaet'] }).notNull(),
  since: text('since').notNull().default(''),
  status: text('status', { enum: ['aktiv', 'ruhend', 'ausgesetzt'] })
    .notNull()
    .default('aktiv'),
  language: text('language', { enum: ['de', 'en', 'fr'] })
    .notNull()
    .default('en'),
  mayorContactId: integer('mayor_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  officeContactId: integer('office_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  notes: text('notes').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(0),
  revision: integer('revision').notNull().default(1),
});

export const partnershipEvents = pgTable(
  'partnership_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    kind: text('kind', { enum: ['besuch', 'projekt', 'brief', 'sonstiges'] }).notNull(),
    title: text('title').notNull(),
    notes: text('notes').notNull().default(''),
    letterId: integer('letter_id').references(() => letters.id, { onDelete: 'set null' }),
    visitId: integer('visit_id'),
  },
  (t) => [index('partnership_events_partnership_idx').on(t.partnershipId, t.date)],
);

export const greetingRules = pgTable('greeting_rules', {
  key: text('key').primaryKey(),
  active: boolean('active').notNull().default(true),
  recipients: json('recipients').notNull(),
  templateId: text('template_id').notNull(),
  language: text('language', { enum: ['de', 'en', 'fr'] })
    .notNull()
    .default('de'),
  leadDays: integer('lead_days').notNull().default(14),
  updatedAt: text('updated_at').notNull(),
});

export const greetingExtras = pgTable('greeting_extras', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  date: text('date').notNull(),
  calendar: text('calendar', { enum: ['gregorian', 'hebrew', 'islamic', 'chinese', 'julian'] })
    .notNull()
    .default('gregorian'),
  eveBefore: boolean('eve_before').notNull().default(false),
});

export const greetingConfirmations = pgTable(
  'greeting_confirmations',
  {
    key: text('key').notNull(),
    year: integer('year').notNull(),
    computedDate: text('computed_date').notNull(),
    date: text('date').notNull(),
    confirmedAt: text('confirmed_at').notNull(),
    confirmedBy: text('confirmed_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.year, t.computedDate] })],
);

export const greetingDispatches = pgTable(
  'greeting_dispatches',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    key: text('key').notNull(),
    date: text('date').notNull(),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    letterId: integer('letter_id').references(() => letters.id, { onDelete: 'set null' }),
    approvedBy: text('approved_by').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('greeting_dispatches_occasion_idx').on(t.key, t.date)],
);

export const visits = pgTable(
  'visits',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    direction: text('direction', { enum: ['eingehend', 'ausgehend'] }).notNull(),
    title: text('title').notNull(),
    partnershipId: integer('partnership_id').references(() => partnerships.id, { onDelete: 'set null' }),
    from: text('from').notNull(),
    to: text('to').notNull(),
    interpreter: text('interpreter').notNull().default(''),
    press: text('press').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('visits_from_idx').on(t.from)],
);

export const visitPeople = pgTable(
  'visit_people',
  {
    visitId: integer('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['gast', 'gastgeber'] }).notNull(),
    honour: boolean('honour').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.contactId] })],
);

export const visitAppointments = pgTable(
  'visit_appointments',
  {
    visitId: integer('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    appointmentId: integer('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.appointmentId] })],
);

export const goldenBookEntries = pgTable('golden_book_entries', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  visitId: integer('visit_id').references(() => visits.id, { onDelete: 'set null' }),
  date: text('date').notNull(),
  person: text('person').notNull(),
  contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  occasion: text('occasion').notNull().default(''),
  text: text('text').notNull().default(''),
});

export const seatingPlans = pgTable('seating_plans', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  visitId: integer('visit_id').references(() => visits.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  date: text('date').notNull(),
  tables: json('tables').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const giftItems = pgTable('gift_items', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  quantity: integer('quantity').notNull().default(0),
  unitValueCents: integer('unit_value_cents').notNull().default(0),
  active: boolean('active').notNull().default(true),
  revision: integer('revision').notNull().default(1),
});

export const giftsGiven = pgTable(
  'gifts_given',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    itemId: integer('item_id').references(() => giftItems.id, { onDelete: 'set null' }),
    description: text('description').notNull().default(''),
    quantity: integer('quantity').notNull().default(1),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    recipientName: text('recipient_name').notNull(),
    givenOn: text('given_on').notNull(),
    occasion: text('occasion').notNull().default(''),
    visitId: integer('visit_id').references(() => visits.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('gifts_given_contact_idx').on(t.contactId, t.itemId)],
);

export const giftsReceived = pgTable('gifts_received', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  fromContactId: integer('from_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  fromName: text('from_name').notNull(),
  receivedOn: text('received_on').notNull(),
  receivedBy: text('received_by').notNull().default(''),
  description: text('description').notNull(),
  valueCents: integer('value_cents').notNull().default(0),
  disposition: text('disposition').notNull().default(''),
  reportedOn: text('reported_on'),
  visitId: integer('visit_id').references(() => visits.id, { onDelete: 'set null' }),
  notes: text('notes').notNull().default(''),
  createdAt: text('created_at').notNull(),
  revision: integer('revision').notNull().default(1),
});
