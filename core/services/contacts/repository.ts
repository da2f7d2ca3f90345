import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../../db/open';
import { contacts, contactTags, roles } from '../../../db/schema';
import { foldGerman } from '../../domain/text/fold';
import type { ContactData } from '../../api/schemas/contacts';

export type ContactRow = typeof contacts.$inferSelect;

/** The columns a list row shows (name parts for the display name, office, place); 2,000 rows of them at once. */
const LIST_COLUMNS = {
  id: contacts.id,
  kind: contacts.kind,
  gender: contacts.gender,
  degrees: contacts.degrees,
  givenName: contacts.givenName,
  nameAffix: contacts.nameAffix,
  surname: contacts.surname,
  name: contacts.name,
  roleKey: contacts.roleKey,
  roleDetail: contacts.roleDetail,
  former: contacts.former,
  language: contacts.language,
  city: contacts.city,
  email: contacts.email,
  sortName: contacts.sortName,
  updatedAt: contacts.updatedAt,
};
export type ContactListRow = Pick<ContactRow, keyof typeof LIST_COLUMNS> & { organisationName: string | null };
type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

export interface ListFilter {
  query?: string;
  kind?: 'person' | 'organisation';
  tag?: string;
  roleKey?: string;
  sort: 'name' | 'city' | 'updated';
  limit: number;
}

const organisations = alias(contacts, 'organisations');

/** Data access for contacts; all SQL of the contacts area lives here. */
export function contactsRepository(db: Executor) {
  const tagsOf = (ids: number[]): Map<number, string[]> => {
    const result = new Map<number, string[]>();
    if (ids.length === 0) return result;
    // The ids as one JSON parameter: a list of 2,000 is one statement with one value to bind.
    const rows = db
      .select()
      .from(contactTags)
      .where(sql`${contactTags.contactId} in (select value from json_each(${JSON.stringify(ids)}))`)
      .orderBy(contactTags.tag)
      .all();
    for (const row of rows) {
      const list = result.get(row.contactId) ?? [];
      list.push(row.tag);
      result.set(row.contactId, list);
    }
    return result;
  };

  return {
    tagsOf,

    find(id: number): ContactRow | undefined {
      return db.select().from(contacts).where(eq(contacts.id, id)).get();
    },

    list(filter: ListFilter): { total: number; rows: ContactListRow[] } {
      const conditions: SQL[] = [];
      if (filter.kind) conditions.push(eq(contacts.kind, filter.kind));
      if (filter.roleKey) conditions.push(eq(contacts.roleKey, filter.roleKey));
      if (filter.tag) {
        conditions.push(
          sql`exists (select 1 from ${contactTags} where ${contactTags.contactId} = ${contacts.id} and ${contactTags.tag} = ${filter.tag})`,
        );
      }
      // Folded once on writing (sortKey, searchText): a search compares stored text, no fold() per row.
      const words = (filter.query ?? '').split(/\s+/).filter(Boolean).map(foldGerman);
      const roleLabels = words.length ? db.select({ key: roles.key, label: roles.label }).from(roles).all() : [];
      for (const word of words) {
        const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const holders = roleLabels.filter((r) => foldGerman(r.label).includes(word)).map((r) => r.key);
        conditions.push(sql`(
          ${contacts.searchText} like ${pattern} escape '\\'
          or ${organisations.sortKey} like ${pattern} escape '\\'
          ${holders.length ? sql`or ${inArray(contacts.roleKey, holders)}` : sql``}
        )`);
      }
      const where = conditions.length ? and(...conditions) : undefined;
      const order =
        filter.sort === 'city'
          ? [sql`${contacts.city} = ''`, sql`fold(${contacts.city})`, contacts.sortKey]
          : filter.sort === 'updated'
            ? [sql`${contacts.updatedAt} desc`, contacts.sortName]
            : [contacts.sortKey];
      const rows = db
        .select({ ...LIST_COLUMNS, organisationName: organisations.name })
        .from(contacts)
        .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
        .where(where)
        .orderBy(...order)
        .limit(filter.limit)
        .all();
      // Counting runs the whole filter again: only needed when the limit cut the list.
      const total =
        rows.length < filter.limit
          ? rows.length
          : db
              .select({ n: sql<number>`count(*)` })
              .from(contacts)
              .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
              .where(where)
              .get()!.n;
      return { total, rows };
    },

    insert(data: ContactData, sortName: string, at: string): number {
      const row = db
        .insert(contacts)
        .values({ ...storedColumnsOf(data, sortName), createdAt: at, updatedAt: at })
        .returning({ id: contacts.id })
        .get();
      replaceTags(db, row.id, data.tags);
      return row.id;
    },

    update(id: number, data: ContactData, sortName: string, at: string): void {
      db.update(contacts)
        .set({ ...storedColumnsOf(data, sortName), updatedAt: at })
        .where(eq(contacts.id, id))
        .run();
      replaceTags(db, id, data.tags);
    },

    setPartner(id: number, partnerId: number | null): void {
      db.update(contacts).set({ partnerId }).where(eq(contacts.id, id)).run();
    },

    delete(id: number): void {
      db.delete(contacts).where(eq(contacts.id, id)).run();
    },

    count(): number {
      return db.select({ n: sql<number>`count(*)` }).from(contacts).get()!.n;
    },

    tagCounts(): Array<{ tag: string; count: number }> {
      return db
        .select({ tag: contactTags.tag, count: sql<number>`count(*)` })
        .from(contactTags)
        .groupBy(contactTags.tag)
        .orderBy(contactTags.tag)
        .all();
    },

    organisationsByFoldedName(): Map<string, number> {
      const rows = db
        .select({ id: contacts.id, name: contacts.name })
        .from(contacts)
        .where(eq(contacts.kind, 'organisation'))
        .all();
      return new Map(rows.map((r) => [foldGerman(r.name.trim()), r.id]));
    },
  };
}

export type ContactsRepository = ReturnType<typeof contactsRepository>;

function replaceTags(db: Executor, contactId: number, tags: readonly string[]): void {
  db.delete(contactTags).where(eq(contactTags.contactId, contactId)).run();
  const unique = uniqueTags(tags);
  if (unique.length) db.insert(contactTags).values(unique.map((tag) => ({ contactId, tag }))).run();
}

const uniqueTags = (tags: readonly string[]): string[] => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

/** The row as stored: the contact's columns, its sort name, and both folded forms the list searches and sorts by. */
function storedColumnsOf(data: ContactData, sortName: string) {
  const columns = columnsOf(data);
  return { ...columns, sortName, sortKey: foldGerman(sortName), searchText: searchTextOf(columns, uniqueTags(data.tags)) };
}

/**
 * The folded text a search looks in. Migration 0012 fills it the same way for older rows (one
 * space between the fields, the tags in alphabetical order at the end).
 */
export function searchTextOf(
  c: Pick<ContactRow, 'surname' | 'givenName' | 'nameAffix' | 'name' | 'degrees' | 'city' | 'postcode' | 'email' | 'roleDetail'>,
  tags: readonly string[],
): string {
  return foldGerman([c.surname, c.givenName, c.nameAffix, c.name, c.degrees, c.city, c.postcode, c.email, c.roleDetail, ...[...tags].sort()].join(' '));
}

function columnsOf(data: ContactData) {
  const common = {
    kind: data.kind,
    street: data.street,
    houseNumber: data.houseNumber,
    addressAddition: data.addressAddition,
    postcode: data.postcode,
    city: data.city,
    country: data.country,
    email: data.email,
    phone: data.phone,
    language: data.language,
    notes: data.notes,
  };
  if (data.kind === 'organisation') {
    return {
      ...common,
      name: data.name,
      gender: 'unknown' as const,
      degrees: '',
      givenName: '',
      nameAffix: '',
      surname: '',
      roleKey: null,
      roleDetail: '',
      former: false,
      organisationId: null,
      partnerId: null,
    };
  }
  return {
    ...common,
    name: '',
    gender: data.gender,
    degrees: data.degrees,
    givenName: data.givenName,
    nameAffix: data.nameAffix,
    surname: data.surname,
    roleKey: data.roleKey || null,
    roleDetail: data.roleDetail,
    former: data.former,
    organisationId: data.organisationId,
    partnerId: data.partnerId,
  };
}
