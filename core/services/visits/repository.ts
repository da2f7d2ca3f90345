import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { appointments, contacts, goldenBookEntries, partnershipEvents, partnerships, seatingPlans, visitAppointments, visitPeople, visits } from '../../../db/schema';

export type VisitRow = typeof visits.$inferSelect;
export type VisitValues = Omit<typeof visits.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type VisitPersonRow = typeof visitPeople.$inferSelect;
export type GoldenBookRow = typeof goldenBookEntries.$inferSelect;
export type GoldenBookValues = Omit<typeof goldenBookEntries.$inferInsert, 'id'>;
export type SeatingPlanRow = typeof seatingPlans.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;

/** SQL of visits and delegations, the Golden Book and the seating plans. */
export function visitsRepository(db: Db) {
  const counts = () =>
    db
      .select({
        visit: visits,
        partnership: partnerships.city,
        guests: sql<number>`(select count(*) from ${visitPeople} where ${visitPeople.visitId} = ${visits.id} and ${visitPeople.role} = 'gast')`,
        hosts: sql<number>`(select count(*) from ${visitPeople} where ${visitPeople.visitId} = ${visits.id} and ${visitPeople.role} = 'gastgeber')`,
        appointments: sql<number>`(select count(*) from ${visitAppointments} where ${visitAppointments.visitId} = ${visits.id})`,
        hasSeating: sql<number>`exists (select 1 from ${seatingPlans} where ${seatingPlans.visitId} = ${visits.id})`,
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
        .orderBy(desc(visits.from), desc(visits.id))
        .all();
    },
    find(id: number) {
      return counts().where(eq(visits.id, id)).get();
    },
    insert(values: VisitValues, at: string): VisitRow {
      return db
        .insert(visits)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning()
        .get();
    },
    update(id: number, values: VisitValues, at: string): void {
      db.update(visits)
        .set({ ...values, updatedAt: at })
        .where(eq(visits.id, id))
        .run();
    },
    delete(id: number): void {
      db.delete(partnershipEvents).where(eq(partnershipEvents.visitId, id)).run();
      db.delete(visits).where(eq(visits.id, id)).run();
    },
    /** The visit as an entry in its partnership's history (kind „besuch“), kept in step with the visit. */
    syncPartnershipHistory(visitId: number, visit: { partnershipId: number | null; from: string; title: string; direction: VisitRow['direction'] }): void {
      db.delete(partnershipEvents).where(eq(partnershipEvents.visitId, visitId)).run();
      if (visit.partnershipId === null) return;
      db.insert(partnershipEvents)
        .values({
          partnershipId: visit.partnershipId,
          date: visit.from.slice(0, 10),
          kind: 'besuch',
          title: visit.title,
          notes: visit.direction === 'eingehend' ? 'Besuch in Duisburg' : 'Besuch der Partnerstadt',
          visitId,
        })
        .run();
    },
    touch(id: number, at: string): void {
      db.update(visits).set({ updatedAt: at }).where(eq(visits.id, id)).run();
    },

    people(visitId: number): Array<{ link: VisitPersonRow; contact: ContactRow }> {
      return db
        .select({ link: visitPeople, contact: contacts })
        .from(visitPeople)
        .innerJoin(contacts, eq(contacts.id, visitPeople.contactId))
        .where(eq(visitPeople.visitId, visitId))
        .all();
    },
    replacePeople(visitId: number, people: Array<Omit<VisitPersonRow, 'visitId'>>): void {
      db.delete(visitPeople).where(eq(visitPeople.visitId, visitId)).run();
      if (people.length) db.insert(visitPeople).values(people.map((p) => ({ ...p, visitId }))).run();
    },

    appointments(visitId: number) {
      return db
        .select({ appointment: appointments })
        .from(visitAppointments)
        .innerJoin(appointments, eq(appointments.id, visitAppointments.appointmentId))
        .where(eq(visitAppointments.visitId, visitId))
        .orderBy(asc(appointments.start), asc(appointments.id))
        .all()
        .map((r) => r.appointment);
    },
    replaceAppointments(visitId: number, ids: number[]): void {
      db.delete(visitAppointments).where(eq(visitAppointments.visitId, visitId)).run();
      if (ids.length) db.insert(visitAppointments).values(ids.map((appointmentId) => ({ visitId, appointmentId }))).run();
    },

    contact(id: number): ContactRow | undefined {
      return db.select().from(contacts).where(eq(contacts.id, id)).get();
    },
    contacts(ids: number[]): ContactRow[] {
      return ids.length ? db.select().from(contacts).where(inArray(contacts.id, ids)).all() : [];
    },
    missingAppointments(ids: number[]): number[] {
      if (ids.length === 0) return [];
      const found = new Set(
        db
          .select({ id: appointments.id })
          .from(appointments)
          .where(inArray(appointments.id, ids))
          .all()
          .map((r) => r.id),
      );
      return ids.filter((id) => !found.has(id));
    },
    partnershipExists(id: number): boolean {
      return db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.id, id)).get() !== undefined;
    },
    goldenBook(filter: { visitId?: number }) {
      return db
        .select({ entry: goldenBookEntries, visit: visits.title })
        .from(goldenBookEntries)
        .leftJoin(visits, eq(visits.id, goldenBookEntries.visitId))
        .where(filter.visitId !== undefined ? eq(goldenBookEntries.visitId, filter.visitId) : undefined)
        .orderBy(desc(goldenBookEntries.date), desc(goldenBookEntries.id))
        .all();
    },
    goldenBookEntry(id: number) {
      return db
        .select({ entry: goldenBookEntries, visit: visits.title })
        .from(goldenBookEntries)
        .leftJoin(visits, eq(visits.id, goldenBookEntries.visitId))
        .where(eq(goldenBookEntries.id, id))
        .get();
    },
    insertGoldenBook(values: GoldenBookValues): number {
      return db.insert(goldenBookEntries).values(values).returning({ id: goldenBookEntries.id }).get().id;
    },
    updateGoldenBook(id: number, values: GoldenBookValues): void {
      db.update(goldenBookEntries).set(values).where(eq(goldenBookEntries.id, id)).run();
    },
    deleteGoldenBook(id: number): void {
      db.delete(goldenBookEntries).where(eq(goldenBookEntries.id, id)).run();
    },

    seatingPlan(visitId: number): SeatingPlanRow | undefined {
      return db.select().from(seatingPlans).where(eq(seatingPlans.visitId, visitId)).orderBy(asc(seatingPlans.id)).get();
    },
    saveSeatingPlan(visitId: number, values: { title: string; date: string; tables: unknown }, at: string): SeatingPlanRow {
      const existing = db.select({ id: seatingPlans.id }).from(seatingPlans).where(eq(seatingPlans.visitId, visitId)).orderBy(asc(seatingPlans.id)).get();
      if (existing) {
        return db
          .update(seatingPlans)
          .set({ ...values, updatedAt: at })
          .where(eq(seatingPlans.id, existing.id))
          .returning()
          .get();
      }
      return db
        .insert(seatingPlans)
        .values({ ...values, visitId, updatedAt: at })
        .returning()
        .get();
    },
  };
}
