import { and, asc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';
import { deleteAtRevision, updateAtRevision, type RevisionedRecord, type RevisionTarget } from '../../../db/engine/revision';

type Tables = Engine['t'];
export type CitizenEventRow = Tables['citizenEvents']['$inferSelect'];
export type CitizenEventValues = Omit<Tables['citizenEvents']['$inferInsert'], 'id' | 'createdAt' | 'updatedAt'>;
export type SignerRow = Tables['signers']['$inferSelect'];

/** How many registered for the event, and how many concerns were recorded at it (PostgreSQL counts as bigint: read as numbers). */
const registeredCount = sql<number>`(select count(*) from event_registrations r where r.event_id = "citizen_events"."id")`.mapWith(Number);
const concernCount = sql<number>`(select count(*) from citizen_requests q where q.event_id = "citizen_events"."id")`.mapWith(Number);

/** SQL of the citizens' talks and walks, their registrations, and the requests raised there. */
/** How STALE names a citizens' talk or walk (the audit log's entity, as the service writes it). */
const CITIZEN_EVENT: RevisionedRecord = { entity: 'citizen_event', thisOne: 'Diese Veranstaltung', it: 'sie' };

export function citizenEventsRepository(engine: Engine) {
  const { db, t, dsql } = engine;
  const { appointments, calendars, citizenEvents, citizenRequests, citizens, departments, eventRegistrations, signers } = t;
  const withCounts = () =>
    db
      .select({ event: citizenEvents, registered: registeredCount, concerns: concernCount, appointmentTitle: appointments.title, appointmentStart: appointments.start })
      .from(citizenEvents)
      .leftJoin(appointments, eq(appointments.id, citizenEvents.appointmentId));

  const requestColumns = {
    request: citizenRequests,
    department: departments.name,
    citizen: citizens,
  };
  const requestsWhere = (where: SQL | undefined) =>
    db
      .select(requestColumns)
      .from(citizenRequests)
      .leftJoin(departments, eq(departments.id, citizenRequests.departmentId))
      .leftJoin(citizens, eq(citizens.id, citizenRequests.citizenId))
      .where(where)
      .orderBy(asc(citizenRequests.receivedOn), asc(citizenRequests.id));

  return {
    /** In order of their start. */
    list(filter: { kind?: CitizenEventRow['kind']; district?: string }) {
      const conditions: SQL[] = [];
      if (filter.kind) conditions.push(eq(citizenEvents.kind, filter.kind));
      if (filter.district) conditions.push(eq(citizenEvents.district, filter.district));
      return withCounts()
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(asc(citizenEvents.start), asc(citizenEvents.id));
    },
    async find(id: number) {
      const [row] = await withCounts().where(eq(citizenEvents.id, id)).limit(1);
      return row;
    },
    /**
     * Locks the event's row until the transaction ends, so two registrations at once cannot both
     * take the last place (inside `engine.transaction`, before counting).
     */
    async lock(id: number): Promise<void> {
      await dsql.forUpdate(db.select({ id: citizenEvents.id }).from(citizenEvents).where(eq(citizenEvents.id, id)));
    },
    async insert(values: CitizenEventValues, at: string): Promise<CitizenEventRow> {
      const [row] = await db
        .insert(citizenEvents)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning();
      return row!;
    },
    /** Saves the event as loaded at `target.revision` (STALE when someone changed it since) and raises the revision. */
    async update(target: RevisionTarget, values: Partial<CitizenEventValues>, at: string): Promise<void> {
      await updateAtRevision(engine, citizenEvents, CITIZEN_EVENT, target, { ...values, updatedAt: at });
    },
    /** A registration came or went: the event's time of change moves on, its revision not (registrations are records of their own). */
    async touch(id: number, at: string): Promise<void> {
      await db.update(citizenEvents).set({ updatedAt: at }).where(eq(citizenEvents.id, id));
    },
    /** Deletes the event as loaded at `target.revision` (STALE when someone changed it since). */
    async delete(target: RevisionTarget): Promise<void> {
      await deleteAtRevision(engine, citizenEvents, CITIZEN_EVENT, target);
    },

    /** The registrations of an event in the order they came in, with the persons. */
    registrations(eventId: number) {
      return db
        .select({ registration: eventRegistrations, citizen: citizens })
        .from(eventRegistrations)
        .leftJoin(citizens, eq(citizens.id, eventRegistrations.citizenId))
        .where(eq(eventRegistrations.eventId, eventId))
        .orderBy(asc(eventRegistrations.registeredOn), asc(eventRegistrations.id));
    },
    async registration(id: number) {
      const [row] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.id, id)).limit(1);
      return row;
    },
    async insertRegistration(values: { eventId: number; citizenId: number; topic: string; registeredOn: string }) {
      const [row] = await db.insert(eventRegistrations).values(values).returning();
      return row!;
    },
    async deleteRegistration(id: number): Promise<void> {
      await db.delete(eventRegistrations).where(eq(eventRegistrations.id, id));
    },

    async appointment(id: number) {
      const [row] = await db
        .select({ id: appointments.id, title: appointments.title, start: appointments.start })
        .from(appointments)
        .where(eq(appointments.id, id))
        .limit(1);
      return row;
    },
    /** Whose calendar the appointment is in (the person the briefing is for). */
    async appointmentOwner(appointmentId: number): Promise<SignerRow | undefined> {
      const [row] = await db
        .select({ signer: signers })
        .from(appointments)
        .innerJoin(calendars, eq(calendars.id, appointments.calendarId))
        .innerJoin(signers, eq(signers.id, calendars.signerId))
        .where(eq(appointments.id, appointmentId))
        .limit(1);
      return row?.signer;
    },
    /** The Oberbürgermeister/in: the first active signer who is nobody's deputy. */
    async headSigner(): Promise<SignerRow | undefined> {
      const [row] = await db
        .select()
        .from(signers)
        .where(and(eq(signers.deputy, false), eq(signers.active, true)))
        .orderBy(asc(signers.sortOrder), asc(signers.id))
        .limit(1);
      return row;
    },

    /** Requests from the district not yet erledigt, oldest first. */
    openRequestsInDistrict(district: string) {
      return requestsWhere(and(eq(citizenRequests.district, district), ne(citizenRequests.status, 'erledigt')));
    },
    /** The concerns raised at the event (recorded as requests with its id). */
    requestsOfEvent(eventId: number) {
      return requestsWhere(eq(citizenRequests.eventId, eventId));
    },
    /** Open requests of these persons (those registered): id, subject, whose. */
    async openRequestsOf(citizenIds: readonly number[]) {
      if (citizenIds.length === 0) return [];
      return db
        .select({ id: citizenRequests.id, citizenId: citizenRequests.citizenId, subject: citizenRequests.subject })
        .from(citizenRequests)
        .where(and(dsql.inIds(citizenRequests.citizenId, citizenIds), ne(citizenRequests.status, 'erledigt')))
        .orderBy(asc(citizenRequests.receivedOn), asc(citizenRequests.id));
    },
  };
}
