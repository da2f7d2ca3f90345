import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, primaryKey, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { appointments } from './calendar';
import { contacts } from './contacts';
import { letters } from './letters';

/**
 * Citizens who write to the mayor, register for a citizens' talk or ask about volunteering.
 * Kept apart from the protocol's contacts: their data leaves the system when the retention
 * rules say so (DSGVO), and one person's data can be exported and erased as a whole.
 */
export const citizens = sqliteTable(
  'citizens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    /** Folded "surname given name" for finding the same person again. */
    searchName: text('search_name').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('citizens_search_name_idx').on(t.searchName), index('citizens_email_idx').on(t.email)],
);

/** The departments (Fachbereiche) requests are forwarded to for a statement (a settings list). */
export const departments = sqliteTable('departments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** "Amt für Straßenbau und Verkehr (66)". */
  name: text('name').notNull(),
  email: text('email').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Citizens' talks (Bürgergespräche) and walks through a district (Bürgerspaziergänge). */
export const citizenEvents = sqliteTable(
  'citizen_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['gespraech', 'spaziergang'] }).notNull(),
    title: text('title').notNull(),
    /** Wall-clock times in Europe/Berlin, "2027-03-04T18:00". */
    start: text('start').notNull(),
    end: text('end').notNull(),
    district: text('district').notNull().default(''),
    place: text('place').notNull().default(''),
    /** Walks: the stops, JSON [{ time: "18:30", place, note }]. */
    route: text('route', { mode: 'json' }).notNull(),
    capacity: integer('capacity'),
    appointmentId: integer('appointment_id').references(() => appointments.id, { onDelete: 'set null' }),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('citizen_events_start_idx').on(t.start)],
);

export const eventRegistrations = sqliteTable(
  'event_registrations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => citizenEvents.id, { onDelete: 'cascade' }),
    citizenId: integer('citizen_id').references(() => citizens.id, { onDelete: 'set null' }),
    /** The topic the person wants to raise. */
    topic: text('topic').notNull().default(''),
    registeredOn: text('registered_on').notNull(),
    attended: integer('attended', { mode: 'boolean' }),
  },
  (t) => [index('event_registrations_event_idx').on(t.eventId), index('event_registrations_citizen_idx').on(t.citizenId)],
);

/** Requests to the mayor (Anliegenmanagement): ideas, suggestions, complaints, requests for help, praise. */
export const citizenRequests = sqliteTable(
  'citizen_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['idee', 'anregung', 'beschwerde', 'hilfe', 'lob'] }).notNull(),
    channel: text('channel', { enum: ['brief', 'email', 'telefon', 'persoenlich', 'buergergespraech', 'buergerspaziergang', 'social_media'] }).notNull(),
    /** Where it was seen: the address (URL) of the post on social media; empty for the other channels. */
    link: text('link').notNull().default(''),
    /** Null: anonymous, or the person's data was erased. */
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
    /** Staff decided no department needs to be asked (the answer is known). */
    statementUnnecessary: integer('statement_unnecessary', { mode: 'boolean' }).notNull().default(false),
    remindedOn: text('reminded_on'),
    answeredOn: text('answered_on'),
    replyLetterId: integer('reply_letter_id').references(() => letters.id, { onDelete: 'set null' }),
    closedOn: text('closed_on'),
    /** Wiedervorlage. */
    followUpOn: text('follow_up_on'),
    eventId: integer('event_id').references(() => citizenEvents.id, { onDelete: 'set null' }),
    /** When the personal data was erased (retention or on request); the statistics stay. */
    anonymisedAt: text('anonymised_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    index('citizen_requests_status_idx').on(t.status, t.statementDue),
    index('citizen_requests_received_idx').on(t.receivedOn),
    index('citizen_requests_citizen_idx').on(t.citizenId),
    index('citizen_requests_event_idx').on(t.eventId),
    index('citizen_requests_closed_idx').on(t.closedOn),
    // Covers the statistics (core/services/request-stats): counted from the index alone.
    // The handling days too: the same expression as dsql.daysBetween (db/engine/dialect.ts).
    index('citizen_requests_stats_idx').on(
      t.receivedOn,
      t.kind,
      t.channel,
      t.category,
      t.district,
      t.status,
      t.answeredOn,
      t.closedOn,
      sql`cast(julianday(${t.answeredOn}) - julianday(${t.receivedOn}) as integer)`,
      sql`cast(julianday(${t.closedOn}) - julianday(${t.receivedOn}) as integer)`,
    ),
  ],
);

/** Who did what with a request, and when (the workflow's history). */
export const requestHistory = sqliteTable(
  'request_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => citizenRequests.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    user: text('user').notNull(),
    action: text('action').notNull(),
    /** The status after the step (null for steps that do not change it). */
    status: text('status'),
    note: text('note').notNull().default(''),
  },
  (t) => [index('request_history_request_idx').on(t.requestId)],
);

export const requestAttachments = sqliteTable(
  'request_attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => citizenRequests.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    /** Relative to the data folder. */
    path: text('path').notNull(),
    size: integer('size').notNull(),
    addedAt: text('added_at').notNull(),
  },
  (t) => [index('request_attachments_request_idx').on(t.requestId)],
);

/** Related requests (same place or topic, same person again); stored once per pair, lower id first. */
export const requestLinks = sqliteTable(
  'request_links',
  {
    requestId: integer('request_id')
      .notNull()
      .references((): AnySQLiteColumn => citizenRequests.id, { onDelete: 'cascade' }),
    linkedId: integer('linked_id')
      .notNull()
      .references((): AnySQLiteColumn => citizenRequests.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.linkedId] }), index('request_links_linked_idx').on(t.linkedId)],
);

/** Enquiries about volunteering (bürgerschaftliches Engagement) and where they were referred. */
export const volunteerEnquiries = sqliteTable(
  'volunteer_enquiries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    citizenId: integer('citizen_id').references(() => citizens.id, { onDelete: 'set null' }),
    receivedOn: text('received_on').notNull(),
    /** What the person is interested in, in their words. */
    interests: text('interests').notNull().default(''),
    /** Fields of engagement (Sport, Kultur, Soziales …), JSON string[]. */
    fields: text('fields', { mode: 'json' }).notNull(),
    organisationId: integer('organisation_id').references(() => contacts.id, { onDelete: 'set null' }),
    referredOn: text('referred_on'),
    outcome: text('outcome', { enum: ['offen', 'vermittelt', 'kein_angebot', 'zurueckgezogen'] })
      .notNull()
      .default('offen'),
    notes: text('notes').notNull().default(''),
    anonymisedAt: text('anonymised_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('volunteer_enquiries_citizen_idx').on(t.citizenId)],
);

/** Organisations (contacts) looking for volunteers, by field. */
export const volunteerOffers = sqliteTable(
  'volunteer_offers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    field: text('field').notNull(),
    description: text('description').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    updatedAt: text('updated_at').notNull(),
    /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('volunteer_offers_field_idx').on(t.field)],
);
