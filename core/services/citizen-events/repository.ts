import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  appointments,
  calendars,
  citizenEvents,
  citizenRequests,
  citizens,
  departments,
  eventRegistrations,
  signers,
} from '../../../db/schema';

export type CitizenEventRow = typeof citizenEvents.$inferSelect;
export type CitizenEventValues = Omit<typeof citizenEvents.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type SignerRow = typeof signers.$inferSelect;

/** How many registered for the event, and how many concerns were recorded at it. */
const registeredCount = sql<number>`(select count(*) from event_registrations r where r.event_id = "citizen_events"."id")`;
const concernCount = sql<number>`(select count(*) from citizen_requests q where q.event_id = "citizen_events"."id")`;

/** SQL of the citizens' talks and walks, their registrations, and the requests raised there. */
export function citizenEventsRepository(db: Db) {
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
      .orderBy(asc(citizenRequests.receivedOn), asc(citizenRequests.id))
      .all();

  return {
    /** In order of their start. */
    list(filter: { kind?: CitizenEventRow['kind']; district?: string }) {
      const conditions: SQL[] = [];
      if (filter.kind) conditions.push(eq(citizenEvents.kind, filter.kind));
      if (filter.district) conditions.push(eq(citizenEvents.district, filter.district));
      return withCounts()
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(asc(citizenEvents.start), asc(citizenEvents.id))
        .all();
    },
    find(id: number) {
      return withCounts().where(eq(citizenEvents.id, id)).get();
    },
    insert(values: CitizenEventValues, at: string): CitizenEventRow {
      return db
        .insert(citizenEvents)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning()
        .get();
    },
    update(id: number, values: Partial<CitizenEventValues>, at: string): CitizenEventRow | undefined {
      return db
        .update(citizenEvents)
        .set({ ...values, updatedAt: at })
        .where(eq(citizenEvents.id, id))
        .returning()
        .get();
    },
    delete(id: number): void {
      db.delete(citizenEvents).where(eq(citizenEvents.id, id)).run();
    },

    /** The registrations of an event in the order they came in, with the persons. */
    registrations(eventId: number) {
      return db
        .select({ registration: eventRegistrations, citizen: citizens })
        .from(eventRegistrations)
        .leftJoin(citizens, eq(citizens.id, eventRegistrations.citizenId))
        .where(eq(eventRegistrations.eventId, eventId))
        .orderBy(asc(eventRegistrations.registeredOn), asc(eventRegistrations.id))
        .all();
    },
    registration(id: number) {
      return db.select().from(eventRegistrations).where(eq(eventRegistrations.id, id)).get();
    },
    insertRegistration(values: { eventId: number; citizenId: number; topic: string; registeredOn: string }) {
      return db.insert(eventRegistrations).values(values).returning().get();
    },
    deleteRegistration(id: number): void {
      db.delete(eventRegistrations).where(eq(eventRegistrations.id, id)).run();
    },

    appointment(id: number) {
      return db.select({ id: appointments.id, title: appointments.title, start: appointments.start }).from(appointments).where(eq(appointments.id, id)).get();
    },
    /** Whose calendar the appointment is in (the person the briefing is for). */
    appointmentOwner(appointmentId: number): SignerRow | undefined {
      return db
        .select({ signer: signers })
        .from(appointments)
        .innerJoin(calendars, eq(calendars.id, appointments.calendarId))
        .innerJoin(signers, eq(signers.id, calendars.signerId))
        .where(eq(appointments.id, appointmentId))
        .get()?.signer;
    },
    /** The Oberbürgermeister/in: the first active signer who is nobody's deputy. */
    headSigner(): SignerRow | undefined {
      return db
        .select()
        .from(signers)
        .where(and(eq(signers.deputy, false), eq(signers.active, true)))
        .orderBy(asc(signers.sortOrder), asc(signers.id))
        .get();
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
    openRequestsOf(citizenIds: readonly number[]) {
      if (citizenIds.length === 0) return [];
      return db
        .select({ id: citizenRequests.id, citizenId: citizenRequests.citizenId, subject: citizenRequests.subject })
        .from(citizenRequests)
        .where(and(inArray(citizenRequests.citizenId, [...citizenIds]), ne(citizenRequests.status, 'erledigt')))
        .orderBy(asc(citizenRequests.receivedOn), asc(citizenRequests.id))
        .all();
    },
  };
}
