import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';
import { updateAtRevision, type RevisionedRecord, type RevisionTarget } from '../../../db/engine/revision';

type Tables = Engine['t'];
export type PartnershipRow = Tables['partnerships']['$inferSelect'];
export type PartnershipValues = Omit<Tables['partnerships']['$inferInsert'], 'id'>;
export type PartnershipEventRow = Tables['partnershipEvents']['$inferSelect'];
export type PartnershipEventValues = Omit<Tables['partnershipEvents']['$inferInsert'], 'id'>;
export type ContactRow = Tables['contacts']['$inferSelect'];

/** Offices whose holder heads a city (receives the city's greetings). */
export const MAYOR_ROLES = ['oberbuergermeister', 'buergermeister', 'lord_mayor', 'maire', 'mayor'] as const;

/** How STALE names a partnership (the audit log's entity, as the service writes it). */
const PARTNERSHIP: RevisionedRecord = { entity: 'partnership', thisOne: 'Diese Partnerschaft', it: 'sie' };

/** SQL of the partnerships register and its history. */
export function partnershipsRepository(engine: Engine) {
  const { db, t, dsql } = engine;
  const { contacts, letters, partnershipEvents, partnerships } = t;
  return {
    list(): Promise<PartnershipRow[]> {
      return db.select().from(partnerships).orderBy(asc(partnerships.sortOrder), asc(partnerships.city), asc(partnerships.id));
    },
    async find(id: number): Promise<PartnershipRow | undefined> {
      const [row] = await db.select().from(partnerships).where(eq(partnerships.id, id)).limit(1);
      return row;
    },
    async insert(values: PartnershipValues): Promise<PartnershipRow> {
      const [row] = await db.insert(partnerships).values(values).returning();
      return row!;
    },
    /** Saves the partnership as loaded at `target.revision` (STALE when someone changed it since) and raises the revision. */
    async update(target: RevisionTarget, values: Partial<PartnershipValues>): Promise<void> {
      await updateAtRevision(engine, partnerships, PARTNERSHIP, target, values);
    },
    async nextSortOrder(): Promise<number> {
      const [row] = await db.select({ max: sql<number>`coalesce(max(${partnerships.sortOrder}), 0)`.mapWith(Number) }).from(partnerships);
      return (row?.max ?? 0) + 1;
    },

    async contacts(ids: number[]): Promise<ContactRow[]> {
      return ids.length ? db.select().from(contacts).where(dsql.inIds(contacts.id, ids)) : [];
    },
    async contactExists(id: number): Promise<boolean> {
      const [row] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, id)).limit(1);
      return row !== undefined;
    },
    /** Persons holding a mayor's office (not former ones), to find a city's head where none is linked. */
    mayors(): Promise<ContactRow[]> {
      return db
        .select()
        .from(contacts)
        .where(and(eq(contacts.kind, 'person'), eq(contacts.former, false), inArray(contacts.roleKey, [...MAYOR_ROLES])))
        .orderBy(asc(contacts.id));
    },

    events(partnershipId: number): Promise<PartnershipEventRow[]> {
      return db
        .select()
        .from(partnershipEvents)
        .where(eq(partnershipEvents.partnershipId, partnershipId))
        .orderBy(desc(partnershipEvents.date), desc(partnershipEvents.id));
    },
    /** The latest history entry of every partnership. */
    async lastEvents(): Promise<Map<number, { date: string; title: string }>> {
      const rows = await db
        .select({ partnershipId: partnershipEvents.partnershipId, date: partnershipEvents.date, title: partnershipEvents.title, id: partnershipEvents.id })
        .from(partnershipEvents)
        .orderBy(asc(partnershipEvents.date), asc(partnershipEvents.id));
      return new Map(rows.map((r) => [r.partnershipId, { date: r.date, title: r.title }]));
    },
    async findEvent(id: number): Promise<PartnershipEventRow | undefined> {
      const [row] = await db.select().from(partnershipEvents).where(eq(partnershipEvents.id, id)).limit(1);
      return row;
    },
    async insertEvent(values: PartnershipEventValues): Promise<PartnershipEventRow> {
      const [row] = await db.insert(partnershipEvents).values(values).returning();
      return row!;
    },
    async updateEvent(id: number, values: Partial<PartnershipEventValues>): Promise<PartnershipEventRow | undefined> {
      const [row] = await db.update(partnershipEvents).set(values).where(eq(partnershipEvents.id, id)).returning();
      return row;
    },
    async letterExists(id: number): Promise<boolean> {
      const [row] = await db.select({ id: letters.id }).from(letters).where(eq(letters.id, id)).limit(1);
      return row !== undefined;
    },
  };
}

export type PartnershipsRepository = ReturnType<typeof partnershipsRepository>;
