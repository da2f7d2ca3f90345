import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Engine, Tables } from '../../../db/engine/types';
import { deleteAtRevision, updateAtRevision, type RevisionedRecord, type RevisionTarget } from '../../../db/engine/revision';
import { foldGerman } from '../../domain/text/fold';
import type { ContactData } from '../../api/schemas/contacts';

export type ContactRow = Tables['contacts']['$inferSelect'];

/** The columns a list row shows (name parts for the display name, office, place); 2,000 rows of them at once. */
const listColumns = (contacts: Tables['contacts']) => ({
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
  revision: contacts.revision,
});
export type ContactListRow = Pick<ContactRow, keyof ReturnType<typeof listColumns>> & { organisationName: string | null };

export interface ListFilter {
  query?: string;
  kind?: 'person' | 'organisation';
  tag?: string;
  roleKey?: string;
  sort: 'name' | 'city' | 'updated';
  limit: number;
}

/** `%word%` for LIKE on text stored folded (lower case on both engines), LIKE's own characters escaped. */
const likeFolded = (foldedWord: string): string => `%${foldedWord.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** How STALE names a contact. */
const CONTACT: RevisionedRecord = { entity: 'contact', thisOne: 'Dieser Kontakt', it: 'ihn' };

/** Data access for contacts; all SQL of the contacts area lives here (in the caller's transaction when there is one). */
export function contactsRepository(engine: Engine) {
  const { db, t, dsql } = engine;
  const { contacts, contactTags, roles } = t;
  const organisations = alias(contacts, 'organisations');

  const tagsOf = async (ids: number[]): Promise<Map<number, string[]>> => {
    const result = new Map<number, string[]>();
    if (ids.length === 0) return result;
    // The ids as one parameter: a list of 2,000 is one statement with one value to bind.
    const rows = await db
      .select()
      .from(contactTags)
      .where(dsql.inIds(contactTags.contactId, ids))
      .orderBy(asc(contactTags.tag), asc(contactTags.contactId));
    for (const row of rows) {
      const list = result.get(row.contactId) ?? [];
      list.push(row.tag);
      result.set(row.contactId, list);
    }
    return result;
  };

  return {
    tagsOf,

    async find(id: number): Promise<ContactRow | undefined> {
      const [row] = await db.select().from(contacts).where(eq(contacts.id, id)).limit(1);
      return row;
    },

    /** The rows of these contacts by id, in one statement (missing ones are absent). */
    async findMany(ids: readonly number[]): Promise<Map<number, ContactRow>> {
      if (ids.length === 0) return new Map();
      const rows = await db.select().from(contacts).where(dsql.inIds(contacts.id, [...new Set(ids)]));
      return new Map(rows.map((row) => [row.id, row]));
    },

    async list(filter: ListFilter): Promise<{ total: number; rows: ContactListRow[] }> {
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
      const roleLabels = words.length ? await db.select({ key: roles.key, label: roles.label }).from(roles) : [];
      for (const word of words) {
        // Both sides folded (lower case): LIKE means the same on SQLite and PostgreSQL here.
        const pattern = likeFolded(word);
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
          ? [sql`${contacts.city} = ''`, dsql.fold(contacts.city), asc(contacts.sortKey)]
          : filter.sort === 'updated'
            ? [desc(contacts.updatedAt), asc(contacts.sortName)]
            : [asc(contacts.sortKey)];
      const rows = await db
        .select({ ...listColumns(contacts), organisationName: organisations.name })
        .from(contacts)
        .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
        .where(where)
        // The id last: equal names come in the same order on both engines.
        .orderBy(...order, asc(contacts.id))
        .limit(filter.limit);
      // Counting runs the whole filter again: only needed when the limit cut the list.
      if (rows.length < filter.limit) return { total: rows.length, rows };
      const [counted] = await db
        .select({ n: count() })
        .from(contacts)
        .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
        .where(where);
      return { total: counted!.n, rows };
    },

    async insert(data: ContactData, sortName: string, at: string): Promise<number> {
      const [row] = await db
        .insert(contacts)
        .values({ ...storedColumnsOf(data, sortName), createdAt: at, updatedAt: at })
        .returning({ id: contacts.id });
      await replaceTags(row!.id, data.tags);
      return row!.id;
    },

    /** Saves the contact as loaded at `target.revision` (STALE when someone saved it since); call inside a transaction. */
    async update(target: RevisionTarget, data: ContactData, sortName: string, at: string): Promise<void> {
      await updateAtRevision(engine, contacts, CONTACT, target, { ...storedColumnsOf(data, sortName), updatedAt: at });
      await replaceTags(target.id, data.tags);
    },

    /** The partner link as the other contact's save made it: that contact's record changed too (its revision rises). */
    async setPartner(id: number, partnerId: number | null): Promise<void> {
      await db.update(contacts).set({ partnerId, revision: sql`${contacts.revision} + 1` }).where(eq(contacts.id, id));
    },

    /** Deletes the contact as loaded at `target.revision` (STALE when someone saved it since). */
    async delete(target: RevisionTarget): Promise<void> {
      await deleteAtRevision(engine, contacts, CONTACT, target);
    },

    count: (): Promise<number> => db.$count(contacts),

    tagCounts: (): Promise<Array<{ tag: string; count: number }>> =>
      db
        .select({ tag: contactTags.tag, count: count() })
        .from(contactTags)
        .groupBy(contactTags.tag)
        .orderBy(asc(contactTags.tag)),

    async organisationsByFoldedName(): Promise<Map<string, number>> {
      const rows = await db
        .select({ id: contacts.id, name: contacts.name })
        .from(contacts)
        .where(eq(contacts.kind, 'organisation'))
        .orderBy(asc(contacts.id));
      return new Map(rows.map((r) => [foldGerman(r.name.trim()), r.id]));
    },
  };

  async function replaceTags(contactId: number, tags: readonly string[]): Promise<void> {
    await db.delete(contactTags).where(eq(contactTags.contactId, contactId));
    const unique = uniqueTags(tags);
    if (unique.length) await db.insert(contactTags).values(unique.map((tag) => ({ contactId, tag })));
  }
}

export type ContactsRepository = ReturnType<typeof contactsRepository>;

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
