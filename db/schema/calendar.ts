import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { contacts } from './contacts';
import { letters, signers } from './letters';

/**
 * Whose appointments the office keeps: the Oberbürgermeister/in and each Bürgermeister/in, who
 * are also the signers of letters (a delegated invitation is answered "In Vertretung").
 */
export const calendars = sqliteTable('calendars', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  signerId: integer('signer_id')
    .notNull()
    .unique()
    .references(() => signers.id),
  /** The person's colour in the combined view ("#0f6cbd"). */
  color: text('color').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Drivers of the car pool (Fahrbereitschaft). */
export const drivers = sqliteTable('drivers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  phone: text('phone').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  notes: text('notes').notNull().default(''),
});

/** Cars of the car pool. */
export const vehicles = sqliteTable('vehicles', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  plate: text('plate').notNull().default(''),
  seats: integer('seats').notNull().default(4),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  notes: text('notes').notNull().default(''),
});

/** When a driver or a car is not available (leave, workshop): from/to as wall-clock times in Europe/Berlin. */
export const carPoolAbsences = sqliteTable('car_pool_absences', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  driverId: integer('driver_id').references(() => drivers.id, { onDelete: 'cascade' }),
  vehicleId: integer('vehicle_id').references(() => vehicles.id, { onDelete: 'cascade' }),
  from: text('from').notNull(),
  to: text('to').notNull(),
  reason: text('reason').notNull().default(''),
});

/** Invitations to the Oberbürgermeister/in, from receipt to the decision and the reply. */
export const invitations = sqliteTable(
  'invitations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Who invites: a contact (person or organisation) … */
    inviterContactId: integer('inviter_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    /** … or, without one, as written on the invitation. */
    inviterName: text('inviter_name').notNull().default(''),
    event: text('event').notNull(),
    /** The proposed dates: JSON [{ start, end, allDay }] in wall-clock time (Europe/Berlin). */
    dates: text('dates', { mode: 'json' }).notNull().$type<Array<{ start: string; end: string; allDay: boolean }>>(),
    place: text('place').notNull().default(''),
    /** To whom it is addressed (as written: "Oberbürgermeister", "Bürgermeisterin Sandmann"). */
    addressedTo: text('addressed_to').notNull().default(''),
    receivedOn: text('received_on').notNull(),
    replyBy: text('reply_by'),
    /** What is asked: JSON ['attendance', 'grusswort', 'speech', 'patronage', 'written_greeting']. */
    requests: text('requests', { mode: 'json' }).notNull().$type<string[]>(),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: ['open', 'accepted', 'delegated', 'declined', 'written_greeting'] })
      .notNull()
      .default('open'),
    /** Who attends (accepted: the Oberbürgermeister/in's calendar; delegated: a Bürgermeister/in's). */
    calendarId: integer('calendar_id').references(() => calendars.id),
    decidedAt: text('decided_at'),
    decidedBy: text('decided_by'),
    decisionNote: text('decision_note').notNull().default(''),
    replyLetterId: integer('reply_letter_id').references(() => letters.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('invitations_status_idx').on(t.status, t.replyBy)],
);

/** Files that came with an invitation (programme, map), kept in the data folder. */
export const invitationAttachments = sqliteTable('invitation_attachments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  invitationId: integer('invitation_id')
    .notNull()
    .references(() => invitations.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  /** Relative to the data folder: "Einladungen/12/Programm.pdf". */
  path: text('path').notNull(),
  size: integer('size').notNull(),
  addedAt: text('added_at').notNull(),
});

/** One appointment (or a recurring series) in one person's calendar. */
export const appointments = sqliteTable(
  'appointments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    calendarId: integer('calendar_id')
      .notNull()
      .references(() => calendars.id),
    title: text('title').notNull(),
    /** Wall-clock time in Europe/Berlin ("2026-12-10T14:00"), or a date for all-day ones. */
    start: text('start').notNull(),
    /** Exclusive end (all-day: the day after the last day). */
    end: text('end').notNull(),
    allDay: integer('all_day', { mode: 'boolean' }).notNull().default(false),
    place: text('place').notNull().default(''),
    /** Address and how to get there. */
    routeNote: text('route_note').notNull().default(''),
    status: text('status', { enum: ['geplant', 'bestätigt', 'abgesagt'] })
      .notNull()
      .default('geplant'),
    /** RRULE without DTSTART, for a series; exceptions: JSON list of cancelled occurrence starts. */
    recurrenceRule: text('recurrence_rule'),
    recurrenceExceptions: text('recurrence_exceptions', { mode: 'json' }).notNull().$type<string[]>(),
    /** The programme (Ablauf). */
    programme: text('programme').notNull().default(''),
    dressCode: text('dress_code').notNull().default(''),
    press: text('press').notNull().default(''),
    gift: text('gift').notNull().default(''),
    notes: text('notes').notNull().default(''),
    invitationId: integer('invitation_id').references(() => invitations.id, { onDelete: 'set null' }),
    driverId: integer('driver_id').references(() => drivers.id, { onDelete: 'set null' }),
    vehicleId: integer('vehicle_id').references(() => vehicles.id, { onDelete: 'set null' }),
    /** The iCalendar UID it came from (an imported invitation), so a re-import updates it. */
    externalUid: text('external_uid').unique(),
    /** Öffentlich: the press and online team may announce it („Termine der Woche“); off unless staff mark it. */
    public: integer('public', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('appointments_calendar_start_idx').on(t.calendarId, t.start), index('appointments_start_idx').on(t.start)],
);

/** People at an appointment: contact persons on site and guests of honour (their forms of address come from the contact). */
export const appointmentPeople = sqliteTable(
  'appointment_people',
  {
    appointmentId: integer('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['contact', 'guest'] }).notNull(),
    note: text('note').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.appointmentId, t.contactId, t.role] })],
);
