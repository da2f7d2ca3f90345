import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { contacts, letters, partnershipEvents, partnerships } from '../../../db/schema';

export type PartnershipRow = typeof partnerships.$inferSelect;
export type PartnershipValues = Omit<typeof partnerships.$inferInsert, 'id'>;
export type PartnershipEventRow = typeof partnershipEvents.$inferSelect;
export type PartnershipEventValues = Omit<typeof partnershipEvents.$inferInsert, 'id'>;
export type ContactRow = typeof contacts.$inferSelect;

/** Offices whose holder heads a city (receives the city's greetings). */
export const MAYOR_ROLES = ['oberbuergermeister', 'buergermeister', 'lord_mayor', 'maire', 'mayor'] as const;

/** SQL of the partnerships register and its history. */
export function partnershipsRepository(db: Db) {
  return {
    list(): PartnershipRow[] {
      return db.select().from(partnerships).orderBy(asc(partnerships.sortOrder), asc(partnerships.city)).all();
    },
    find(id: number): PartnershipRow | undefined {
      return db.select().from(partnerships).where(eq(partnerships.id, id)).get();
    },
    insert(values: PartnershipValues): PartnershipRow {
      return db.insert(partnerships).values(values).returning().get();
    },
    update(id: number, values: Partial<PartnershipValues>): PartnershipRow | undefined {
      return db.update(partnerships).set(values).where(eq(partnerships.id, id)).returning().get();
    },
    nextSortOrder(): number {
      return (db.select({ max: sql<number>`coalesce(max(${partnerships.sortOrder}), 0)` }).from(partnerships).get()?.max ?? 0) + 1;
    },

    contacts(ids: number[]): ContactRow[] {
      return ids.length ? db.select().from(contacts).where(inArray(contacts.id, ids)).all() : [];
    },
    contactExists(id: number): boolean {
      return db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, id)).get() !== undefined;
    },
    /** Persons holding a mayor's office (not former ones), to find a city's head where none is linked. */
    mayors(): ContactRow[] {
      return db
        .select()
        .from(contacts)
        .where(and(eq(contacts.kind, 'person'), eq(contacts.former, false), inArray(contacts.roleKey, [...MAYOR_ROLES])))
        .all();
    },

    events(partnershipId: number): PartnershipEventRow[] {
      return db
        .select()
        .from(partnershipEvents)
        .where(eq(partnershipEvents.partnershipId, partnershipId))
        .orderBy(desc(partnershipEvents.date), desc(partnershipEvents.id))
        .all();
    },
    /** The latest history entry of every partnership. */
    lastEvents(): Map<number, { date: string; title: string }> {
      const rows = db
        .select({ partnershipId: partnershipEvents.partnershipId, date: partnershipEvents.date, title: partnershipEvents.title, id: partnershipEvents.id })
        .from(partnershipEvents)
        .orderBy(asc(partnershipEvents.date), asc(partnershipEvents.id))
        .all();
      return new Map(rows.map((r) => [r.partnershipId, { date: r.date, title: r.title }]));
    },
    findEvent(id: number): PartnershipEventRow | undefined {
      return db.select().from(partnershipEvents).where(eq(partnershipEvents.id, id)).get();
    },
    insertEvent(values: PartnershipEventValues): PartnershipEventRow {
      return db.insert(partnershipEvents).values(values).returning().get();
    },
    updateEvent(id: number, values: Partial<PartnershipEventValues>): PartnershipEventRow | undefined {
      return db.update(partnershipEvents).set(values).where(eq(partnershipEvents.id, id)).returning().get();
    },
    letterExists(id: number): boolean {
      return db.select({ id: letters.id }).from(letters).where(eq(letters.id, id)).get() !== undefined;
    },
  };
}

export type PartnershipsRepository = ReturnType<typeof partnershipsRepository>;
