import { sqliteTable, integer, text, primaryKey, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { roles } from './reference';

/** Persons and organisations of the contacts register (Kontakte). */
export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['person', 'organisation'] }).notNull(),
    gender: text('gender', { enum: ['female', 'male', 'diverse', 'unknown'] })
      .notNull()
      .default('unknown'),
    degrees: text('degrees').notNull().default(''),
    givenName: text('given_name').notNull().default(''),
    nameAffix: text('name_affix').notNull().default(''),
    /** Persons: the surname. Organisations: empty. */
    surname: text('surname').notNull().default(''),
    /** Organisations: the name. Persons: empty. */
    name: text('name').notNull().default(''),
    roleKey: text('role_key').references(() => roles.key, { onDelete: 'set null' }),
    roleDetail: text('role_detail').notNull().default(''),
    former: integer('former', { mode: 'boolean' }).notNull().default(false),
    organisationId: integer('organisation_id').references((): AnySQLiteColumn => contacts.id, {
      onDelete: 'set null',
    }),
    partnerId: integer('partner_id').references((): AnySQLiteColumn => contacts.id, {
      onDelete: 'set null',
    }),
    street: text('street').notNull().default(''),
    houseNumber: text('house_number').notNull().default(''),
    addressAddition: text('address_addition').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    city: text('city').notNull().default(''),
    country: text('country').notNull().default(''),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    language: text('language', { enum: ['de', 'en', 'fr'] }).notNull().default('de'),
    notes: text('notes').notNull().default(''),
    /** "Hinckelstein, Theo Graf von" — the protocol sort order, written by the service. */
    sortName: text('sort_name').notNull(),
    /** The sort name folded (ö → oe, lower case): the list's order, and an organisation's name its people are found by. */
    sortKey: text('sort_key').notNull().default(''),
    /** Folded text the search looks in (name parts, degrees, city, postcode, e-mail, office detail, tags); written by the repository. */
    searchText: text('search_text').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Rises by one with every saved change: a save that brings an older one back is refused (STALE; db/engine/revision.ts). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    index('contacts_sort_name_idx').on(t.sortName),
    index('contacts_sort_key_idx').on(t.sortKey),
    index('contacts_organisation_idx').on(t.organisationId),
    index('contacts_partner_idx').on(t.partnerId),
  ],
);

/** Groups / tags of a contact (Konsularisches Korps, Vereine, Presse …). */
export const contactTags = sqliteTable(
  'contact_tags',
  {
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.tag] }), index('contact_tags_tag_idx').on(t.tag)],
);
