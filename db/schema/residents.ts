import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Residents from the register's extract (Melderegister, BMG § 50): only what jubilee honours
 * need. Updated by register id at every import; people no longer in the extract are marked
 * gone, not deleted silently.
 */
export const residents = sqliteTable(
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
    movedAway: integer('moved_away', { mode: 'boolean' }).notNull().default(false),
    /** § 50 (5) BMG objection. */
    objection: integer('objection', { mode: 'boolean' }).notNull().default(false),
    /** § 51 BMG information block. */
    informationBlock: integer('information_block', { mode: 'boolean' }).notNull().default(false),
    /** § 52 BMG conditional block. */
    conditionalBlock: integer('conditional_block', { mode: 'boolean' }).notNull().default(false),
    /** Not in the latest extract. */
    gone: integer('gone', { mode: 'boolean' }).notNull().default(false),
    /** Hash of the imported fields: unchanged rows are recognised without comparing each field. */
    rowHash: text('row_hash').notNull(),
    importId: integer('import_id').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // The jubilee lists search the birth and marriage dates of the honoured ages (a few ranges).
    index('residents_birth_date_idx').on(t.birthDate),
    index('residents_marriage_date_idx').on(t.marriageDate),
    // Only the current residents (gone = 0), by district: the start page counts them and lists the
    // districts from this small index. Partial, so that no search by "gone = 0" alone is ever
    // preferred to the date indexes above.
    index('residents_current_district_idx').on(t.district).where(sql`gone = 0`),
  ],
);

/** One import of an extract: who, when, which file, what changed. */
export const residentImports = sqliteTable('resident_imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  user: text('user').notNull(),
  fileName: text('file_name').notNull(),
  added: integer('added').notNull(),
  changed: integer('changed').notNull(),
  unchanged: integer('unchanged').notNull(),
  gone: integer('gone').notNull(),
  rejected: integer('rejected').notNull(),
});

/** Visits planned for a jubilee (from 100th birthdays, 65th wedding anniversaries …). */
export const jubileeVisits = sqliteTable(
  'jubilee_visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** "2026-12-10|birthday|R5" or "…|wedding|R2,R3": the jubilee the visit is for. */
    jubileeKey: text('jubilee_key').notNull().unique(),
    visitDate: text('visit_date').notNull(),
    visitor: text('visitor').notNull(),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
);

/**
 * Notifications of a jubilee to the Federal President (Bundesverwaltungsamt) or the Land NRW:
 * when and by whom the list was produced, and when and by whom it was marked as sent.
 */
export const jubileeNotifications = sqliteTable(
  'jubilee_notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** "2026-12-10|birthday|R5" or "…|wedding|R2,R3": the jubilee, as for visits. */
    jubileeKey: text('jubilee_key').notNull(),
    action: text('action', { enum: ['notify_federal', 'notify_land'] }).notNull(),
    producedAt: text('produced_at'),
    producedBy: text('produced_by'),
    sentAt: text('sent_at'),
    sentBy: text('sent_by'),
  },
  (t) => [uniqueIndex('jubilee_notifications_key_action_idx').on(t.jubileeKey, t.action)],
);
