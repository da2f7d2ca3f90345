// PostgreSQL twin of db/schema/residents.ts (office mode): the same tables, columns and keys; what they mean is written there.
import { sql } from 'drizzle-orm';
import { pgTable, boolean, index, integer, text, uniqueIndex } from 'drizzle-orm/pg-core';

export const residents = pgTable(
  'residents',
  {
    registerId: text('register_id').primaryKey(),
    surname: text('surname').notNull(),
    givenNames: text('given_names').notNull().default(''),
    degree: text('degree').notNull().default(''),
    gender: text('gender', { enum: ['female', 'male', 'diverse', 'unknown'] }).notNull(),
    birthDate: text('birth_date').notNull(),
    street: text('street').notNull().default(''),
    houseNumber: text('house_number').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    city: text('city').notNull().default(''),
    district: text('district').notNull().default(''),
    marriageDate: text('marriage_date'),
    spouseRegisterId: text('spouse_register_id'),
    deathDate: text('death_date'),
    movedAway: boolean('moved_away').notNull().default(false),
    objection: boolean('objection').notNull().default(false),
    informationBlock: boolean('information_block').notNull().default(false),
    conditionalBlock: boolean('conditional_block').notNull().default(false),
    gone: boolean('gone').notNull().default(false),
    rowHash: text('row_hash').notNull(),
    importId: integer('import_id').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('residents_birth_date_idx').on(t.birthDate),
    index('residents_marriage_date_idx').on(t.marriageDate),
    // Only the current residents, by district: the start page counts them and lists the districts.
    index('residents_current_district_idx').on(t.district).where(sql`gone = false`),
  ],
);

export const residentImports = pgTable('resident_imports', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  at: text('at').notNull(),
  user: text('user').notNull(),
  fileName: text('file_name').notNull(),
  added: integer('added').notNull(),
  changed: integer('changed').notNull(),
  unchanged: integer('unchanged').notNull(),
  gone: integer('gone').notNull(),
  rejected: integer('rejected').notNull(),
});

export const jubileeVisits = pgTable(
  'jubilee_visits',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    jubileeKey: text('jubilee_key').notNull().unique(),
    visitDate: text('visit_date').notNull(),
    visitor: text('visitor').notNull(),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
);

export const jubileeNotifications = pgTable(
  'jubilee_notifications',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    jubileeKey: text('jubilee_key').notNull(),
    action: text('action', { enum: ['notify_federal', 'notify_land'] }).notNull(),
    producedAt: text('produced_at'),
    producedBy: text('produced_by'),
    sentAt: text('sent_at'),
    sentBy: text('sent_by'),
  },
  (t) => [uniqueIndex('jubilee_notifications_key_action_idx').on(t.jubileeKey, t.action)],
);
