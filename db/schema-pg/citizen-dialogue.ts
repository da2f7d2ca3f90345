// PostgreSQL twin of db/schema/citizen-dialogue.ts (office mode): the same tables, columns and keys; what they mean is written there.
import { sql, type SQLWrapper } from 'drizzle-orm';
import { pgTable, boolean, index, integer, json, primaryKey, text, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { appointments } from './calendar';
import { contacts } from './contacts';
import { letters } from './letters';

export const citizens = pgTable(
  'citizens',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    gender: text('gender', { enum: ['female', 'male', 'diverse', 'unknown'] })
      .notNull()
      .default('unknown'),
    degrees: text('degrees').notNull().default(''),
    givenName: text('given_name').notNull().default(''),
    surname: text('surname').notNull(),
    street: text('street').notNull().default(''),
    houseNumber: text('house_number').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    city: text('city').notNull().default(''),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    searchName: text('search_name').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('citizens_search_name_idx').on(t.searchName), index('citizens_email_idx').on(t.email)],
);

export const departments = pgTable('departments', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  email: text('email').notNull().default(''),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const citizenEvents = pgTable(
  'citizen_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind', { enum: ['gespraech', 'spaziergang'] }).notNull(),
    title: text('title').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    district: text('district').notNull().default(''),
    place: text('place').notNull().default(''),
    route: json('route').notNull(),
    capacity: integer('capacity'),
    appointmentId: integer('appointment_id').references(() => appointments.id, { onDelete: 'set null' }),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('citizen_events_start_idx').on(t.start)],
);

export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    eventId: integer('event_id')
      .notNull()
      .references(() => citizenEvents.id, { onDelete: 'cascade' }),
    citizenId: integer('citizen_id').references(() => citizens.id, { onDelete: 'set null' }),
    topic: text('topic').notNull().default(''),
    registeredOn: text('registered_on').notNull(),
    attended: boolean('attended'),
  },
  (t) => [index('event_registrations_event_idx').on(t.eventId), index('event_registrations_citizen_idx').on(t.citizenId)],
);

/** An ISO date column as a date, as dsql.daysBetween writes it (db/engine/dialect.ts). */
const isoDay = (value: SQLWrapper) => sql`make_date(substr(${value}, 1, 4)::integer, substr(${value}, 6, 2)::integer, substr(${value}, 9, 2)::integer)`;

export const citizenRequests = pgTable(
  'citizen_requests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind', { enum: ['idee', 'anregung', 'beschwerde', 'hilfe', 'lob'] }).notNull(),
    channel: text('channel', { enum: ['brief', 'email', 'telefon', 'persoenlich', 'buergergespraech', 'buergerspaziergang', 'social_media'] }).notNull(),
    link: text('link').notNull().default(''),
    citizenId: integer('citizen_id').references(() => citizens.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    text: text('text').notNull().default(''),
    category: text('category').notNull().default(''),
    district: text('district').notNull().default(''),
    place: text('place').notNull().default(''),
    receivedOn: text('received_on').notNull(),
    status: text('status', {
      enum: ['eingegangen', 'bestaetigt', 'in_bearbeitung', 'weitergeleitet', 'stellungnahme', 'beantwortet', 'erledigt'],
    })
      .notNull()
      .default('eingegangen'),
    acknowledgedOn: text('acknowledged_on'),
    departmentId: integer('department_id').references(() => departments.id, { onDelete: 'set null' }),
    statementRequestedOn: text('statement_requested_on'),
    statementDue: text('statement_due'),
    statementReceivedOn: text('statement_received_on'),
    statementText: text('statement_text').notNull().default(''),
    statementUnnecessary: boolean('statement_unnecessary').notNull().default(false),
    remindedOn: text('reminded_on'),
    answeredOn: text('answered_on'),
    replyLetterId: integer('reply_letter_id').references(() => letters.id, { onDelete: 'set null' }),
    closedOn: text('closed_on'),
    followUpOn: text('follow_up_on'),
    eventId: integer('event_id').references(() => citizenEvents.id, { onDelete: 'set null' }),
    anonymisedAt: text('anonymised_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    index('citizen_requests_status_idx').on(t.status, t.statementDue),
    index('citizen_requests_received_idx').on(t.receivedOn),
    index('citizen_requests_citizen_idx').on(t.citizenId),
    index('citizen_requests_event_idx').on(t.eventId),
    index('citizen_requests_closed_idx').on(t.closedOn),
    // Covers the statistics (core/services/request-stats), the handling days included: the same
    // expression as dsql.daysBetween (db/engine/dialect.ts), read from the index, not computed per row.
    index('citizen_requests_stats_idx').on(
      t.receivedOn,
      t.kind,
      t.channel,
      t.category,
      t.district,
      t.status,
      t.answeredOn,
      t.closedOn,
      sql`(${isoDay(t.answeredOn)} - ${isoDay(t.receivedOn)})`,
      sql`(${isoDay(t.closedOn)} - ${isoDay(t.receivedOn)})`,
    ),
  ],
);

export const requestHistory = pgTable(
  'request_history',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    requestId: integer('request_id')
      .notNull()
      .references(() => citizenRequests.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    user: text('user').notNull(),
    action: text('action').notNull(),
    status: text('status'),
    note: text('note').notNull().default(''),
  },
  (t) => [index('request_history_request_idx').on(t.requestId)],
);

export const requestAttachments = pgTable(
  'request_attachments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    requestId: integer('request_id')
      .notNull()
      .references(() => citizenRequests.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    path: text('path').notNull(),
    size: integer('size').notNull(),
    addedAt: text('added_at').notNull(),
  },
  (t) => [index('request_attachments_request_idx').on(t.requestId)],
);

export const requestLinks = pgTable(
  'request_links',
  {
    requestId: integer('request_id')
      .notNull()
      .references((): AnyPgColumn => citizenRequests.id, { onDelete: 'cascade' }),
    linkedId: integer('linked_id')
      .notNull()
      .references((): AnyPgColumn => citizenRequests.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.linkedId] }), index('request_links_linked_idx').on(t.linkedId)],
);

export const volunteerEnquiries = pgTable(
  'volunteer_enquiries',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    citizenId: integer('citizen_id').references(() => citizens.id, { onDelete: 'set null' }),
    receivedOn: text('received_on').notNull(),
    interests: text('interests').notNull().default(''),
    fields: json('fields').notNull(),
    organisationId: integer('organisation_id').references(() => contacts.id, { onDelete: 'set null' }),
    referredOn: text('referred_on'),
    outcome: text('outcome', { enum: ['offen', 'vermittelt', 'kein_angebot', 'zurueckgezogen'] })
      .notNull()
      .default('offen'),
    notes: text('notes').notNull().default(''),
    anonymisedAt: text('anonymised_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('volunteer_enquiries_citizen_idx').on(t.citizenId)],
);

export const volunteerOffers = pgTable(
  'volunteer_offers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    field: text('field').notNull(),
    description: text('description').notNull().default(''),
    active: boolean('active').notNull().default(true),
    updatedAt: text('updated_at').notNull(),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('volunteer_offers_field_idx').on(t.field)],
);
