import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../../db/open';
import { contacts, contactTags, roles } from '../../../db/schema';
import { foldGerman } from '../../domain/text/fold';
import type { ContactData } from '../../api/schemas/contacts';

export type ContactRow = typeof contacts.$inferSelect;
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
    for (let i = 0; i < ids.length; i += 500) {
      const rows = db
        .select()
        .from(contactTags)
        .where(inArray(contactTags.contactId, ids.slice(i, i + 500)))
        .orderBy(contactTags.tag)
        .all();
      for (const row of rows) {
        const list = result.get(row.contactId) ?? [];
        list.push(row.tag);
        result.set(row.contactId, list);
      }
    }
    return result;
  };

  return {
    tagsOf,

    find(id: number): ContactRow | undefined {
      return db.select().from(contacts).where(eq(contacts.id, id)).get();
    },

    list(filter: ListFilter): { total: number; rows: Array<ContactRow & { organisationName: string | null }> } {
      const conditions: SQL[] = [];
      if (filter.kind) conditions.push(eq(contacts.kind, filter.kind));
      if (filter.roleKey) conditions.push(eq(contacts.roleKey, filter.roleKey));
      if (filter.tag) {
        conditions.push(
          sql`exists (select 1 from ${contactTags} where ${contactTags.contactId} = ${contacts.id} and ${contactTags.tag} = ${filter.tag})`,
        );
      }
      for (const word of (filter.query ?? '').split(/\s+/).filter(Boolean)) {
        const pattern = `%${foldGerman(word).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conditions.push(sql`(
          fold(${contacts.surname} || ' ' || ${contacts.givenName} || ' ' || ${contacts.nameAffix} || ' ' ||
               ${contacts.name} || ' ' || ${contacts.degrees} || ' ' || ${contacts.city} || ' ' ||
               ${contacts.postcode} || ' ' || ${contacts.email} || ' ' || ${contacts.roleDetail}) like ${pattern} escape '\\'
          or fold(coalesce(${organisations.name}, '')) like ${pattern} escape '\\'
          or exists (select 1 from ${roles} where ${roles.key} = ${contacts.roleKey} and fold(${roles.label}) like ${pattern} escape '\\')
          or exists (select 1 from ${contactTags} where ${contactTags.contactId} = ${contacts.id} and fold(${contactTags.tag}) like ${pattern} escape '\\')
        )`);
      }
      const where = conditions.length ? and(...conditions) : undefined;
      const order =
        filter.sort === 'city'
          ? [sql`${contacts.city} = ''`, sql`fold(${contacts.city})`, sql`fold(${contacts.sortName})`]
          : filter.sort === 'updated'
            ? [sql`${contacts.updatedAt} desc`, contacts.sortName]
            : [sql`fold(${contacts.sortName})`];
      const base = db
        .select({ contact: contacts, organisationName: organisations.name })
        .from(contacts)
        .leftJoin(organisations, eq(organisations.id, contacts.organisationId));
      const rows = base.where(where).orderBy(...order).limit(filter.limit).all();
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
      return { total, rows: rows.map((r) => ({ ...r.contact, organisationName: r.organisationName })) };
    },

    insert(data: ContactData, sortName: string, at: string): number {
      const row = db
        .insert(contacts)
        .values({ ...columnsOf(data), sortName, createdAt: at, updatedAt: at })
        .returning({ id: contacts.id })
        .get();
      replaceTags(db, row.id, data.tags);
      return row.id;
    },

    update(id: number, data: ContactData, sortName: string, at: string): void {
      db.update(contacts)
        .set({ ...columnsOf(data), sortName, updatedAt: at })
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
  const unique = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
  if (unique.length) db.insert(contactTags).values(unique.map((tag) => ({ contactId, tag }))).run();
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
