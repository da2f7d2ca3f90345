import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';
import { deleteAtRevision, updateAtRevision, type RevisionedRecord, type RevisionTarget } from '../../../db/engine/revision';

type Tables = Engine['t'];
export type VisitRow = Tables['visits']['$inferSelect'];
export type VisitValues = Omit<Tables['visits']['$inferInsert'], 'id' | 'createdAt' | 'updatedAt'>;
export type VisitPersonRow = Tables['visitPeople']['$inferSelect'];
export type GoldenBookRow = Tables['goldenBookEntries']['$inferSelect'];
export type GoldenBookValues = Omit<Tables['goldenBookEntries']['$inferInsert'], 'id'>;
export type SeatingPlanRow = Tables['seatingPlans']['$inferSelect'];
export type ContactRow = Tables['contacts']['$inferSelect'];

/** SQL of visits and delegations, the Golden Book and the seating plans. */
/** How STALE names a visit (the audit log's entity, as the service writes it). */
const VISIT: RevisionedRecord = { entity: 'visit', thisOne: 'Dieser Besuch', it: 'ihn' };

export function visitsRepository(engine: Engine) {
  const { db, t, dsql } = engine;
  const { appointments, contacts, goldenBookEntries, partnershipEvents, partnerships, seatingPlans, visitAppointments, visitPeople, visits } = t;
  // Counts read as numbers (PostgreSQL returns count(*) as bigint text); `exists` as 1/0 or true/false.
  const counts = () =>
    db
      .select({
        visit: visits,
        partnership: partnerships.city,
        guests: sql<number>`(select count(*) from ${visitPeople} where ${visitPeople.visitId} = ${visits.id} and ${visitPeople.role} = 'gast')`.mapWith(Number),
        hosts: sql<number>`(select count(*) from ${visitPeople} where ${visitPeople.visitId} = ${visits.id} and ${visitPeople.role} = 'gastgeber')`.mapWith(Number),
        appointments: sql<number>`(select count(*) from ${visitAppointments} where ${visitAppointments.visitId} = ${visits.id})`.mapWith(Number),
        hasSeating: sql<boolean>`exists (select 1 from ${seatingPlans} where ${seatingPlans.visitId} = ${visits.id})`.mapWith((raw) => dsql.bool(raw) === true),
      })
      .from(visits)
      .leftJoin(partnerships, eq(partnerships.id, visits.partnershipId));

  return {
    /** Newest first (by the first day). */
    list(filter: { direction?: VisitRow['direction']; year?: number }) {
      const conditions = [
        filter.direction ? eq(visits.direction, filter.direction) : undefined,
        filter.year !== undefined ? lte(visits.from, `${filter.year}-12-31`) : undefined,
        filter.year !== undefined ? gte(visits.to, `${filter.year}-01-01`) : undefined,
      ].filter((c) => c !== undefined);
      return counts()
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(visits.from), desc(visits.id));
    },
    async find(id: number) {
      const [row] = await counts().where(eq(visits.id, id)).limit(1);
      return row;
    },
    async insert(values: VisitValues, at: string): Promise<VisitRow> {
      const [row] = await db
        .insert(visits)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning();
      return row!;
    },
    /** Saves the visit as loaded at `target.revision` (STALE when someone changed it since) and raises the revision. */
    async update(target: RevisionTarget, values: VisitValues, at: string): Promise<void> {
      await updateAtRevision(engine, visits, VISIT, target, { ...values, updatedAt: at });
    },
    /** Deletes the visit as loaded at `target.revision` (STALE when someone changed it since), with its entry in the partnership's history. */
    async delete(target: RevisionTarget): Promise<void> {
      await deleteAtRevision(engine, visits, VISIT, target);
      await db.delete(partnershipEvents).where(eq(partnershipEvents.visitId, target.id));
    },
    /** The visit as an entry in its partnership's history (kind „besuch“), kept in step with the visit. */
    async syncPartnershipHistory(
      visitId: number,
      visit: { partnershipId: number | null; from: string; title: string; direction: VisitRow['direction'] },
    ): Promise<void> {
      await db.delete(partnershipEvents).where(eq(partnershipEvents.visitId, visitId));
      if (visit.partnershipId === null) return;
      await db.insert(partnershipEvents).values({
        partnershipId: visit.partnershipId,
        date: visit.from.slice(0, 10),
        kind: 'besuch',
        title: visit.title,
        notes: visit.direction === 'eingehend' ? 'Besuch in Duisburg' : 'Besuch der Partnerstadt',
        visitId,
      });
    },
    async touch(id: number, at: string): Promise<void> {
      await db.update(visits).set({ updatedAt: at }).where(eq(visits.id, id));
    },

    people(visitId: number): Promise<Array<{ link: VisitPersonRow; contact: ContactRow }>> {
      return db
        .select({ link: visitPeople, contact: contacts })
        .from(visitPeople)
        .innerJoin(contacts, eq(contacts.id, visitPeople.contactId))
        .where(eq(visitPeople.visitId, visitId))
        .orderBy(asc(contacts.id));
    },
    async replacePeople(visitId: number, people: Array<Omit<VisitPersonRow, 'visitId'>>): Promise<void> {
      await db.delete(visitPeople).where(eq(visitPeople.visitId, visitId));
      if (people.length) await db.insert(visitPeople).values(people.map((p) => ({ ...p, visitId })));
    },

    async appointments(visitId: number) {
      const rows = await db
        .select({ appointment: appointments })
        .from(visitAppointments)
        .innerJoin(appointments, eq(appointments.id, visitAppointments.appointmentId))
        .where(eq(visitAppointments.visitId, visitId))
        .orderBy(asc(appointments.start), asc(appointments.id));
      return rows.map((r) => r.appointment);
    },
    async replaceAppointments(visitId: number, ids: number[]): Promise<void> {
      await db.delete(visitAppointments).where(eq(visitAppointments.visitId, visitId));
      if (ids.length) await db.insert(visitAppointments).values(ids.map((appointmentId) => ({ visitId, appointmentId })));
    },

    async contact(id: number): Promise<ContactRow | undefined> {
      const [row] = await db.select().from(contacts).where(eq(contacts.id, id)).limit(1);
      return row;
    },
    async contacts(ids: number[]): Promise<ContactRow[]> {
      return ids.length ? db.select().from(contacts).where(dsql.inIds(contacts.id, ids)) : [];
    },
    async missingAppointments(ids: number[]): Promise<number[]> {
      if (ids.length === 0) return [];
      const rows = await db.select({ id: appointments.id }).from(appointments).where(dsql.inIds(appointments.id, ids));
      const found = new Set(rows.map((r) => r.id));
      return ids.filter((id) => !found.has(id));
    },
    async partnershipExists(id: number): Promise<boolean> {
      const [row] = await db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.id, id)).limit(1);
      return row !== undefined;
    },
    goldenBook(filter: { visitId?: number }) {
      return db
        .select({ entry: goldenBookEntries, visit: visits.title })
        .from(goldenBookEntries)
        .leftJoin(visits, eq(visits.id, goldenBookEntries.visitId))
        .where(filter.visitId !== undefined ? eq(goldenBookEntries.visitId, filter.visitId) : undefined)
        .orderBy(desc(goldenBookEntries.date), desc(goldenBookEntries.id));
    },
    async goldenBookEntry(id: number) {
      const [row] = await db
        .select({ entry: goldenBookEntries, visit: visits.title })
        .from(goldenBookEntries)
        .leftJoin(visits, eq(visits.id, goldenBookEntries.visitId))
        .where(eq(goldenBookEntries.id, id))
        .limit(1);
      return row;
    },
    async insertGoldenBook(values: GoldenBookValues): Promise<number> {
      const [row] = await db.insert(goldenBookEntries).values(values).returning({ id: goldenBookEntries.id });
      return row!.id;
    },
    async updateGoldenBook(id: number, values: GoldenBookValues): Promise<void> {
      await db.update(goldenBookEntries).set(values).where(eq(goldenBookEntries.id, id));
    },
    async deleteGoldenBook(id: number): Promise<void> {
      await db.delete(goldenBookEntries).where(eq(goldenBookEntries.id, id));
    },

    async seatingPlan(visitId: number): Promise<SeatingPlanRow | undefined> {
      const [row] = await db.select().from(seatingPlans).where(eq(seatingPlans.visitId, visitId)).orderBy(asc(seatingPlans.id)).limit(1);
      return row;
    },
    /** In the caller's transaction: the visit's row is locked first, so two people saving at once do not both add a plan. */
    async saveSeatingPlan(visitId: number, values: { title: string; date: string; tables: unknown }, at: string): Promise<SeatingPlanRow> {
      await dsql.forUpdate(db.select({ id: visits.id }).from(visits).where(eq(visits.id, visitId)));
      const [existing] = await db
        .select({ id: seatingPlans.id })
        .from(seatingPlans)
        .where(eq(seatingPlans.visitId, visitId))
        .orderBy(asc(seatingPlans.id))
        .limit(1);
      if (existing) {
        const [row] = await db
          .update(seatingPlans)
          .set({ ...values, updatedAt: at })
          .where(eq(seatingPlans.id, existing.id))
          .returning();
        return row!;
      }
      const [row] = await db
        .insert(seatingPlans)
        .values({ ...values, visitId, updatedAt: at })
        .returning();
      return row!;
    },
  };
}
