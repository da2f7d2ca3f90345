import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { appointments } from './calendar';
import { contacts } from './contacts';
import { letters } from './letters';

/**
 * The city's partnerships, friendships, patronages and solidarity partnerships (DOMAIN.md E).
 * The nine partner cities are shipped as reference data (migration 0009); staff keep the rest.
 */
export const partnerships = sqliteTable('partnerships', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  city: text('city').notNull(),
  /** ISO 3166-1 alpha-2 ("GB", "FR"). */
  country: text('country').notNull(),
  kind: text('kind', { enum: ['partnerschaft', 'freundschaft', 'patenschaft', 'solidaritaet'] }).notNull(),
  /** "1950", "1993/2008". */
  since: text('since').notNull().default(''),
  /** A greeting to a city that is not active needs an explicit approval. */
  status: text('status', { enum: ['aktiv', 'ruhend', 'ausgesetzt'] })
    .notNull()
    .default('aktiv'),
  /** Language of letters to the city. */
  language: text('language', { enum: ['de', 'en', 'fr'] })
    .notNull()
    .default('en'),
  mayorContactId: integer('mayor_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  officeContactId: integer('office_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  notes: text('notes').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(0),
  /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
  revision: integer('revision').notNull().default(1),
});

/** The history of a partnership: visits, projects, letters. */
export const partnershipEvents = sqliteTable(
  'partnership_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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

/**
 * How the city greets on an occasion of the greetings plan (key as in core/domain/greetings):
 * who receives it, in which language and template, how long before.
 */
export const greetingRules = sqliteTable('greeting_rules', {
  key: text('key').primaryKey(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** { partnerCities: 'country' | 'all' | 'none', tags: string[], contactIds: number[] } */
  recipients: text('recipients', { mode: 'json' }).notNull(),
  templateId: text('template_id').notNull(),
  language: text('language', { enum: ['de', 'en', 'fr'] })
    .notNull()
    .default('de'),
  /** Days before the occasion (or its evening before) the letters must be sent. */
  leadDays: integer('lead_days').notNull().default(14),
  updatedAt: text('updated_at').notNull(),
});

/** Occasions staff add to the plan (a community's high day, a city's anniversary). */
export const greetingExtras = sqliteTable('greeting_extras', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  /** "MM-DD" every year, or "YYYY-MM-DD" once. */
  date: text('date').notNull(),
  calendar: text('calendar', { enum: ['gregorian', 'hebrew', 'islamic', 'chinese', 'julian'] })
    .notNull()
    .default('gregorian'),
  eveBefore: integer('eve_before', { mode: 'boolean' }).notNull().default(false),
});

/** A computed date (an Islamic high day) as staff confirmed it for one year. */
export const greetingConfirmations = sqliteTable(
  'greeting_confirmations',
  {
    key: text('key').notNull(),
    year: integer('year').notNull(),
    /** The computed date the confirmation replaces (an Islamic month can come twice a year). */
    computedDate: text('computed_date').notNull(),
    date: text('date').notNull(),
    confirmedAt: text('confirmed_at').notNull(),
    confirmedBy: text('confirmed_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.year, t.computedDate] })],
);

/** Letters produced for an occasion of the plan, and approvals for cities not active. */
export const greetingDispatches = sqliteTable(
  'greeting_dispatches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    /** The day of the occasion. */
    date: text('date').notNull(),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    letterId: integer('letter_id').references(() => letters.id, { onDelete: 'set null' }),
    /** Who approved a greeting to a partnership that is not active ('' when none was needed). */
    approvedBy: text('approved_by').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('greeting_dispatches_occasion_idx').on(t.key, t.date)],
);

/** Incoming and outgoing visits and delegations. */
export const visits = sqliteTable(
  'visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('visits_from_idx').on(t.from)],
);

/** The people of a visit: guests (the delegation) and hosts, for the programme and the seating. */
export const visitPeople = sqliteTable(
  'visit_people',
  {
    visitId: integer('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['gast', 'gastgeber'] }).notNull(),
    /** The guest of honour (sits to the host's right). */
    honour: integer('honour', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.contactId] })],
);

export const visitAppointments = sqliteTable(
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

/** Entries in the city's Golden Book (Goldenes Buch). */
export const goldenBookEntries = sqliteTable('golden_book_entries', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  visitId: integer('visit_id').references(() => visits.id, { onDelete: 'set null' }),
  date: text('date').notNull(),
  person: text('person').notNull(),
  contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  occasion: text('occasion').notNull().default(''),
  text: text('text').notNull().default(''),
});

/** The seating order of an official meal: tables and who sits where (staff can move places). */
export const seatingPlans = sqliteTable('seating_plans', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  visitId: integer('visit_id').references(() => visits.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  date: text('date').notNull(),
  /** [{ name, seats: [{ contactId | null, label }] }] — seat 0 is the host's. */
  tables: text('tables', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** The stock of standard gifts (Gastgeschenke). */
export const giftItems = sqliteTable('gift_items', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  quantity: integer('quantity').notNull().default(0),
  /** Value of one piece in cents. */
  unitValueCents: integer('unit_value_cents').notNull().default(0),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
  revision: integer('revision').notNull().default(1),
});

export const giftsGiven = sqliteTable(
  'gifts_given',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id').references(() => giftItems.id, { onDelete: 'set null' }),
    /** What was given when it is not from the stock (or the stock item is gone). */
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

/** Gifts received by the mayor's office, for the compliance record. */
export const giftsReceived = sqliteTable('gifts_received', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fromContactId: integer('from_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  fromName: text('from_name').notNull(),
  receivedOn: text('received_on').notNull(),
  receivedBy: text('received_by').notNull().default(''),
  description: text('description').notNull(),
  valueCents: integer('value_cents').notNull().default(0),
  /** What happened to it: kept by the office, handed on, returned, donated … */
  disposition: text('disposition').notNull().default(''),
  /** Reported to the compliance office (required above the value limit setting). */
  reportedOn: text('reported_on'),
  visitId: integer('visit_id').references(() => visits.id, { onDelete: 'set null' }),
  notes: text('notes').notNull().default(''),
  createdAt: text('created_at').notNull(),
  /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
  revision: integer('revision').notNull().default(1),
});
