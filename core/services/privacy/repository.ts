import { and, asc, eq, inArray, isNull, lt, notExists, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  auditLog,
  citizenEvents,
  citizenRequests,
  citizens,
  contacts,
  departments,
  eventRegistrations,
  letters,
  requestAttachments,
  requestHistory,
  requestLinks,
  volunteerEnquiries,
} from '../../../db/schema';
import { fullTextIndexSync } from '../search/full-text-sync';

export type CitizenRow = typeof citizens.$inferSelect;
export type AttachmentRow = typeof requestAttachments.$inferSelect;

/** SQLite allows ~32,000 bound values; ids go in slices well below. */
const SLICE = 500;
function sliced<T>(ids: readonly number[], work: (slice: number[]) => T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += SLICE) out.push(...work(ids.slice(i, i + SLICE)));
  return out;
}
function eachSlice(ids: readonly number[], work: (slice: number[]) => void): void {
  for (let i = 0; i < ids.length; i += SLICE) work(ids.slice(i, i + SLICE));
}

/**
 * SQL of the privacy area (DSGVO): everything stored about one citizen, the records the
 * retention rules erase, and the anonymising itself. Anonymising keeps what the statistics
 * count (kind, channel, category, district, dates, status, department) and clears the rest.
 */
export function privacyRepository(db: Db) {
  const requestIndex = fullTextIndexSync(db, 'request_search');
  const deleteCitizen = (id: number): void => {
    db.update(auditLog)
      .set({ summary: '' })
      .where(and(eq(auditLog.entity, 'citizen'), eq(auditLog.entityId, id)))
      .run();
    db.delete(citizens).where(eq(citizens.id, id)).run();
  };

  return {
    citizen(id: number): CitizenRow | undefined {
      return db.select().from(citizens).where(eq(citizens.id, id)).get();
    },

    // ------------------------------------------------------------ one person's data

    requestsOf(citizenId: number) {
      return db
        .select({ request: citizenRequests, department: departments.name })
        .from(citizenRequests)
        .leftJoin(departments, eq(departments.id, citizenRequests.departmentId))
        .where(eq(citizenRequests.citizenId, citizenId))
        .orderBy(asc(citizenRequests.receivedOn), asc(citizenRequests.id))
        .all();
    },
    historyOf(requestIds: readonly number[]) {
      return sliced(requestIds, (ids) =>
        db.select().from(requestHistory).where(inArray(requestHistory.requestId, ids)).orderBy(asc(requestHistory.at), asc(requestHistory.id)).all(),
      );
    },
    attachmentsOf(requestIds: readonly number[]): AttachmentRow[] {
      return sliced(requestIds, (ids) =>
        db.select().from(requestAttachments).where(inArray(requestAttachments.requestId, ids)).orderBy(asc(requestAttachments.id)).all(),
      );
    },
    linksOf(requestIds: readonly number[]) {
      return sliced(requestIds, (ids) =>
        db
          .select()
          .from(requestLinks)
          .where(or(inArray(requestLinks.requestId, ids), inArray(requestLinks.linkedId, ids)))
          .all(),
      );
    },
    /** Letters written to a person of the citizen dialogue without a contact: by name (the caller checks the address). */
    lettersAddressedTo(name: string) {
      return db
        .select({ id: letters.id, file: letters.file, subject: letters.subject, letterDate: letters.letterDate, recipientLines: letters.recipientLines })
        .from(letters)
        .where(and(isNull(letters.contactId), eq(letters.recipientName, name)))
        .orderBy(asc(letters.id))
        .all();
    },
    /** Clears the audit log's summaries of letters (they name the recipient); who did what when stays. */
    scrubLetterAudit(ids: readonly number[]): void {
      eachSlice(ids, (slice) =>
        db.update(auditLog)
          .set({ summary: '' })
          .where(and(eq(auditLog.entity, 'letter'), inArray(auditLog.entityId, slice)))
          .run(),
      );
    },
    letters(ids: readonly number[]) {
      return sliced(ids, (slice) =>
        db
          .select({
            id: letters.id,
            recipientName: letters.recipientName,
            recipientLines: letters.recipientLines,
            subject: letters.subject,
            letterDate: letters.letterDate,
            status: letters.status,
            signerName: letters.signerName,
            file: letters.file,
          })
          .from(letters)
          .where(inArray(letters.id, slice))
          .all(),
      );
    },
    registrationsOf(citizenId: number) {
      return db
        .select({ registration: eventRegistrations, event: citizenEvents })
        .from(eventRegistrations)
        .innerJoin(citizenEvents, eq(citizenEvents.id, eventRegistrations.eventId))
        .where(eq(eventRegistrations.citizenId, citizenId))
        .orderBy(asc(citizenEvents.start))
        .all();
    },
    enquiriesOf(citizenId: number) {
      return db
        .select({ enquiry: volunteerEnquiries, organisation: contacts })
        .from(volunteerEnquiries)
        .leftJoin(contacts, eq(contacts.id, volunteerEnquiries.organisationId))
        .where(eq(volunteerEnquiries.citizenId, citizenId))
        .orderBy(asc(volunteerEnquiries.receivedOn), asc(volunteerEnquiries.id))
        .all();
    },
    /** The audit log of some records of one kind, oldest first. */
    auditOf(entity: string, ids: readonly number[]) {
      return sliced(ids, (slice) =>
        db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.entity, entity), inArray(auditLog.entityId, slice)))
          .orderBy(asc(auditLog.at), asc(auditLog.id))
          .all(),
      );
    },
    requestExists(id: number): boolean {
      return db.select({ id: citizenRequests.id }).from(citizenRequests).where(eq(citizenRequests.id, id)).get() !== undefined;
    },

    // ------------------------------------------------------------ what the retention rules erase

    /** Requests closed before the day, not yet anonymised. */
    requestsClosedBefore(day: string): number[] {
      return db
        .select({ id: citizenRequests.id })
        .from(citizenRequests)
        .where(and(lt(citizenRequests.closedOn, day), isNull(citizenRequests.anonymisedAt)))
        .all()
        .map((r) => r.id);
    },
    /** Volunteering enquiries last changed before the instant (ISO), not yet anonymised. */
    enquiriesUpdatedBefore(instant: string): number[] {
      return db
        .select({ id: volunteerEnquiries.id })
        .from(volunteerEnquiries)
        .where(and(lt(volunteerEnquiries.updatedAt, instant), isNull(volunteerEnquiries.anonymisedAt)))
        .all()
        .map((r) => r.id);
    },
    /** Registrations for events that ended before the day (events hold Berlin wall-clock times). */
    registrationsOfEventsEndedBefore(day: string): number[] {
      return db
        .select({ id: eventRegistrations.id })
        .from(eventRegistrations)
        .innerJoin(citizenEvents, eq(citizenEvents.id, eventRegistrations.eventId))
        .where(lt(sql`substr(${citizenEvents.end}, 1, 10)`, day))
        .all()
        .map((r) => r.id);
    },
    enquiryIdsOf(citizenId: number): number[] {
      return db.select({ id: volunteerEnquiries.id }).from(volunteerEnquiries).where(eq(volunteerEnquiries.citizenId, citizenId)).all().map((r) => r.id);
    },
    registrationIdsOf(citizenId: number): number[] {
      return db.select({ id: eventRegistrations.id }).from(eventRegistrations).where(eq(eventRegistrations.citizenId, citizenId)).all().map((r) => r.id);
    },

    // ------------------------------------------------------------ anonymising (in the caller's transaction)

    /**
     * Clears a request's personal content: the person, subject, text, place, the statement,
     * history notes, link notes, the audit log's summaries; removes the attachment rows (the
     * caller deletes the files) and the full-text entry. Kind, channel, category, district,
     * dates, status and department stay for the statistics.
     */
    anonymiseRequests(ids: readonly number[], at: string, subject: string): void {
      eachSlice(ids, (slice) => {
        db.update(citizenRequests)
          .set({ citizenId: null, subject, text: '', place: '', statementText: '', anonymisedAt: at, updatedAt: at })
          .where(inArray(citizenRequests.id, slice))
          .run();
        db.update(requestHistory).set({ note: '' }).where(inArray(requestHistory.requestId, slice)).run();
        db.update(requestLinks)
          .set({ note: '' })
          .where(or(inArray(requestLinks.requestId, slice), inArray(requestLinks.linkedId, slice)))
          .run();
        db.delete(requestAttachments).where(inArray(requestAttachments.requestId, slice)).run();
        db.update(auditLog)
          .set({ summary: '' })
          .where(and(eq(auditLog.entity, 'request'), inArray(auditLog.entityId, slice)))
          .run();
      });
      for (const id of ids) requestIndex.remove(id);
      if (ids.length) requestIndex.compact();
    },
    /** Clears the person, their interests and the notes; fields, organisation and outcome stay. */
    anonymiseEnquiries(ids: readonly number[], at: string): void {
      eachSlice(ids, (slice) => {
        db.update(volunteerEnquiries)
          .set({ citizenId: null, interests: '', notes: '', anonymisedAt: at, updatedAt: at })
          .where(inArray(volunteerEnquiries.id, slice))
          .run();
        db.update(auditLog)
          .set({ summary: '' })
          .where(and(eq(auditLog.entity, 'volunteer_enquiry'), inArray(auditLog.entityId, slice)))
          .run();
      });
    },
    deleteRegistrations(ids: readonly number[]): void {
      eachSlice(ids, (slice) => db.delete(eventRegistrations).where(inArray(eventRegistrations.id, slice)).run());
    },
    /** Deletes the person (the requests' and enquiries' references become null). */
    deleteCitizen,
    /** Deletes the persons nothing refers to any more; returns how many. */
    deleteCitizensLeftWithNothing(): number {
      const orphans = db
        .select({ id: citizens.id })
        .from(citizens)
        .where(
          and(
            notExists(db.select({ one: sql`1` }).from(citizenRequests).where(eq(citizenRequests.citizenId, citizens.id))),
            notExists(db.select({ one: sql`1` }).from(eventRegistrations).where(eq(eventRegistrations.citizenId, citizens.id))),
            notExists(db.select({ one: sql`1` }).from(volunteerEnquiries).where(eq(volunteerEnquiries.citizenId, citizens.id))),
          ),
        )
        .all()
        .map((r) => r.id);
      for (const id of orphans) deleteCitizen(id);
      return orphans.length;
    },
    /** Whether an attachment row still points at this file (recovering an interrupted erasure). */
    attachmentPathInUse(relativePath: string): boolean {
      return db.select({ id: requestAttachments.id }).from(requestAttachments).where(eq(requestAttachments.path, relativePath)).get() !== undefined;
    },
  };
}
export type PrivacyRepository = ReturnType<typeof privacyRepository>;
