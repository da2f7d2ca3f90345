// PostgreSQL twin of db/schema/calendar.ts (office mode): the same tables, columns and keys; what they mean is written there.
import { pgTable, boolean, index, integer, json, primaryKey, text } from 'drizzle-orm/pg-core';
import { contacts } from './contacts';
import { letters, signers } from './letters';

export const calendars = pgTable('calendars', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  signerId: integer('signer_id')
    .notNull()
    .unique()
    .references(() => signers.id),
  color: text('color').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const drivers = pgTable('drivers', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  phone: text('phone').notNull().default(''),
  active: boolean('active').notNull().default(true),
  notes: text('notes').notNull().default(''),
});

export const vehicles = pgTable('vehicles', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  plate: text('plate').notNull().default(''),
  seats: integer('seats').notNull().default(4),
  active: boolean('active').notNull().default(true),
  notes: text('notes').notNull().default(''),
});

export const carPoolAbsences = pgTable('car_pool_absences', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  driverId: integer('driver_id').references(() => drivers.id, { onDelete: 'cascade' }),
  vehicleId: integer('vehicle_id').references(() => vehicles.id, { onDelete: 'cascade' }),
  from: text('from').notNull(),
  to: text('to').notNull(),
  reason: text('reason').notNull().default(''),
});

export const invitations = pgTable(
  'invitations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    inviterContactId: integer('inviter_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    inviterName: text('inviter_name').notNull().default(''),
    event: text('event').notNull(),
    dates: json('dates').notNull().$type<Array<{ start: string; end: string; allDay: boolean }>>(),
    place: text('place').notNull().default(''),
    addressedTo: text('addressed_to').notNull().default(''),
    receivedOn: text('received_on').notNull(),
    replyBy: text('reply_by'),
    requests: json('requests').notNull().$type<string[]>(),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: ['open', 'accepted', 'delegated', 'declined', 'written_greeting'] })
      .notNull()
      .default('open'),
    calendarId: integer('calendar_id').references(() => calendars.id),
    decidedAt: text('decided_at'),
    decidedBy: text('decided_by'),
    decisionNote: text('decision_note').notNull().default(''),
    replyLetterId: integer('reply_letter_id').references(() => letters.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('invitations_status_idx').on(t.status, t.replyBy)],
);

export const invitationAttachments = pgTable('invitation_attachments', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  invitationId: integer('invitation_id')
    .notNull()
    .references(() => invitations.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  path: text('path').notNull(),
  size: integer('size').notNull(),
  addedAt: text('added_at').notNull(),
});

export const appointments = pgTable(
  'appointments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    calendarId: integer('calendar_id')
      .notNull()
      .references(() => calendars.id),
    title: text('title').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    allDay: boolean('all_day').notNull().default(false),
    place: text('place').notNull().default(''),
    routeNote: text('route_note').notNull().default(''),
    status: text('status', { enum: ['geplant', 'bestätigt', 'abgesagt'] })
      .notNull()
      .default('geplant'),
    recurrenceRule: text('recurrence_rule'),
    recurrenceExceptions: json('recurrence_exceptions').notNull().$type<string[]>(),
    programme: text('programme').notNull().default(''),
    dressCode: text('dress_code').notNull().default(''),
    press: text('press').notNull().default(''),
    gift: text('gift').notNull().default(''),
    notes: text('notes').notNull().default(''),
    invitationId: integer('invitation_id').references(() => invitations.id, { onDelete: 'set null' }),
    driverId: integer('driver_id').references(() => drivers.id, { onDelete: 'set null' }),
    vehicleId: integer('vehicle_id').references(() => vehicles.id, { onDelete: 'set null' }),
    externalUid: text('external_uid').unique(),
    public: boolean('public').notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [index('appointments_calendar_start_idx').on(t.calendarId, t.start), index('appointments_start_idx').on(t.start)],
);

export const appointmentPeople = pgTable(
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
