import { and, asc, eq, isNull, lt, notExists, or, sql } from 'drizzle-orm';
import type { Engine, Tables } from '../../../db/engine';
import { fullTextRepository } from '../search/repository';

export type CitizenRow = Tables['citizens']['$inferSelect'];
export type AttachmentRow = Tables['requestAttachments']['$inferSelect'];

/**
 * SQL of the privacy area (DSGVO): everything stored about one citizen, the records the
 * retention rules erase, and the anonymising itself (in the caller's transaction when there is
 * one). Anonymising keeps what the statistics count (kind, channel, category, district, dates,
 * status, department) and clears the rest. Lists of ids are bound as one value each (dsql.inIds).
 */
export function privacyRepository(engine: Engine) {
  const { db, t, dsql } = engine;
  const {
    auditLog,
    citizenEvents,
    citizenRequests,
    citizens,
    contacts,
    departments,
    eventRegistrations,
    letters,
    onlinePosts,
    requestAttachments,
    requestHistory,
    requestLinks,
    volunteerEnquiries,
  } = t;
  const requestIndex = fullTextRepository(engine, 'request_search');
  const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);
  /** Deletes the persons and clears the audit log's summaries about them. */
  const deleteCitizens = async (citizenIds: readonly number[]): Promise<void> => {
    if (citizenIds.length === 0) return;
    await db
      .update(auditLog)
      .set({ summary: '' })
      .where(and(eq(auditLog.entity, 'citizen'), dsql.inIds(auditLog.entityId, citizenIds)));
    await db.delete(citizens).where(dsql.inIds(citizens.id, citizenIds));
  };

  return {
    async citizen(id: number): Promise<CitizenRow | undefined> {
      const [row] = await db.select().from(citizens).where(eq(citizens.id, id)).limit(1);
      return row;
    },

    // ------------------------------------------------------------ one person's data

    requestsOf(citizenId: number) {
      return db
        .select({ request: citizenRequests, department: departments.name })
        .from(citizenRequests)
        .leftJoin(departments, eq(departments.id, citizenRequests.departmentId))
        .where(eq(citizenRequests.citizenId, citizenId))
        .orderBy(asc(citizenRequests.receivedOn), asc(citizenRequests.id));
    },
    historyOf(requestIds: readonly number[]) {
      return db
        .select()
        .from(requestHistory)
        .where(dsql.inIds(requestHistory.requestId, requestIds))
        .orderBy(asc(requestHistory.at), asc(requestHistory.id));
    },
    attachmentsOf(requestIds: readonly number[]): Promise<AttachmentRow[]> {
      return db.select().from(requestAttachments).where(dsql.inIds(requestAttachments.requestId, requestIds)).orderBy(asc(requestAttachments.id));
    },
    linksOf(requestIds: readonly number[]) {
      return db
        .select()
        .from(requestLinks)
        .where(or(dsql.inIds(requestLinks.requestId, requestIds), dsql.inIds(requestLinks.linkedId, requestIds)))
        .orderBy(asc(requestLinks.requestId), asc(requestLinks.linkedId));
    },
    /** Letters written to a person of the citizen dialogue without a contact: by name (the caller checks the address). */
    lettersAddressedTo(name: string) {
      return db
        .select({ id: letters.id, file: letters.file, subject: letters.subject, letterDate: letters.letterDate, recipientLines: letters.recipientLines })
        .from(letters)
        .where(and(isNull(letters.contactId), eq(letters.recipientName, name)))
        .orderBy(asc(letters.id));
    },
    /** Clears the audit log's summaries of letters (they name the recipient); who did what when stays. */
    async scrubLetterAudit(letterIds: readonly number[]): Promise<void> {
      if (letterIds.length === 0) return;
      await db
        .update(auditLog)
        .set({ summary: '' })
        .where(and(eq(auditLog.entity, 'letter'), dsql.inIds(auditLog.entityId, letterIds)));
    },
    letters(letterIds: readonly number[]) {
      return db
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
        .where(dsql.inIds(letters.id, letterIds))
        .orderBy(asc(letters.id));
    },
    registrationsOf(citizenId: number) {
      return db
        .select({ registration: eventRegistrations, event: citizenEvents })
        .from(eventRegistrations)
        .innerJoin(citizenEvents, eq(citizenEvents.id, eventRegistrations.eventId))
        .where(eq(eventRegistrations.citizenId, citizenId))
        .orderBy(asc(citizenEvents.start), asc(eventRegistrations.id));
    },
    enquiriesOf(citizenId: number) {
      return db
        .select({ enquiry: volunteerEnquiries, organisation: contacts })
        .from(volunteerEnquiries)
        .leftJoin(contacts, eq(contacts.id, volunteerEnquiries.organisationId))
        .where(eq(volunteerEnquiries.citizenId, citizenId))
        .orderBy(asc(volunteerEnquiries.receivedOn), asc(volunteerEnquiries.id));
    },
    /** The audit log of some records of one kind, oldest first. */
    auditOf(entity: string, entityIds: readonly number[]) {
      return db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, entity), dsql.inIds(auditLog.entityId, entityIds)))
        .orderBy(asc(auditLog.at), asc(auditLog.id));
    },
    async requestExists(id: number): Promise<boolean> {
      const [row] = await db.select({ id: citizenRequests.id }).from(citizenRequests).where(eq(citizenRequests.id, id)).limit(1);
      return row !== undefined;
    },

    // ------------------------------------------------------------ what the retention rules erase

    /** Requests closed before the day, not yet anonymised. */
    async requestsClosedBefore(day: string): Promise<number[]> {
      return ids(
        await db
          .select({ id: citizenRequests.id })
          .from(citizenRequests)
          .where(and(lt(citizenRequests.closedOn, day), isNull(citizenRequests.anonymisedAt)))
          .orderBy(asc(citizenRequests.id)),
      );
    },
    /** Volunteering enquiries last changed before the instant (ISO), not yet anonymised. */
    async enquiriesUpdatedBefore(instant: string): Promise<number[]> {
      return ids(
        await db
          .select({ id: volunteerEnquiries.id })
          .from(volunteerEnquiries)
          .where(and(lt(volunteerEnquiries.updatedAt, instant), isNull(volunteerEnquiries.anonymisedAt)))
          .orderBy(asc(volunteerEnquiries.id)),
      );
    },
    /** Registrations for events that ended before the day (events hold Berlin wall-clock times). */
    async registrationsOfEventsEndedBefore(day: string): Promise<number[]> {
      return ids(
        await db
          .select({ id: eventRegistrations.id })
          .from(eventRegistrations)
          .innerJoin(citizenEvents, eq(citizenEvents.id, eventRegistrations.eventId))
          .where(lt(sql`substr(${citizenEvents.end}, 1, 10)`, day))
          .orderBy(asc(eventRegistrations.id)),
      );
    },
    async enquiryIdsOf(citizenId: number): Promise<number[]> {
      return ids(await db.select({ id: volunteerEnquiries.id }).from(volunteerEnquiries).where(eq(volunteerEnquiries.citizenId, citizenId)).orderBy(asc(volunteerEnquiries.id)));
    },
    async registrationIdsOf(citizenId: number): Promise<number[]> {
      return ids(await db.select({ id: eventRegistrations.id }).from(eventRegistrations).where(eq(eventRegistrations.citizenId, citizenId)).orderBy(asc(eventRegistrations.id)));
    },

    // ------------------------------------------------------------ anonymising (in the caller's transaction)

    /**
     * Clears a request's personal content: the person, subject, text, place, the statement,
     * history notes, link notes, the audit log's summaries; removes the attachment rows (the
     * caller deletes the files) and the full-text entry. Kind, channel, category, district,
     * dates, status and department stay for the statistics.
     */
    async anonymiseRequests(requestIds: readonly number[], at: string, subject: string): Promise<void> {
      if (requestIds.length === 0) return;
      await db
        .update(citizenRequests)
        .set({ citizenId: null, subject, text: '', place: '', link: '', statementText: '', anonymisedAt: at, updatedAt: at, revision: sql`${citizenRequests.revision} + 1` })
        .where(dsql.inIds(citizenRequests.id, requestIds));
      await db.update(requestHistory).set({ note: '' }).where(dsql.inIds(requestHistory.requestId, requestIds));
      await db
        .update(requestLinks)
        .set({ note: '' })
        .where(or(dsql.inIds(requestLinks.requestId, requestIds), dsql.inIds(requestLinks.linkedId, requestIds)));
      await db.delete(requestAttachments).where(dsql.inIds(requestAttachments.requestId, requestIds));
      await db
        .update(auditLog)
        .set({ summary: '' })
        .where(and(eq(auditLog.entity, 'request'), dsql.inIds(auditLog.entityId, requestIds)));
      for (const id of requestIds) await requestIndex.remove(id);
      await requestIndex.compact();
    },
    /** Clears the person, their interests and the notes; fields, organisation and outcome stay. */
    async anonymiseEnquiries(enquiryIds: readonly number[], at: string): Promise<void> {
      if (enquiryIds.length === 0) return;
      await db
        .update(volunteerEnquiries)
        .set({ citizenId: null, interests: '', notes: '', anonymisedAt: at, updatedAt: at, revision: sql`${volunteerEnquiries.revision} + 1` })
        .where(dsql.inIds(volunteerEnquiries.id, enquiryIds));
      await db
        .update(auditLog)
        .set({ summary: '' })
        .where(and(eq(auditLog.entity, 'volunteer_enquiry'), dsql.inIds(auditLog.entityId, enquiryIds)));
    },
    async deleteRegistrations(registrationIds: readonly number[]): Promise<void> {
      if (registrationIds.length === 0) return;
      await db.delete(eventRegistrations).where(dsql.inIds(eventRegistrations.id, registrationIds));
    },
    /** Deletes the person (the requests' and enquiries' references become null). */
    deleteCitizen: (id: number): Promise<void> => deleteCitizens([id]),
    /** Deletes the persons nothing refers to any more; returns how many. */
    async deleteCitizensLeftWithNothing(): Promise<number> {
      const orphans = ids(
        await db
          .select({ id: citizens.id })
          .from(citizens)
          .where(
            and(
              notExists(db.select({ one: sql`1` }).from(citizenRequests).where(eq(citizenRequests.citizenId, citizens.id))),
              notExists(db.select({ one: sql`1` }).from(eventRegistrations).where(eq(eventRegistrations.citizenId, citizens.id))),
              notExists(db.select({ one: sql`1` }).from(volunteerEnquiries).where(eq(volunteerEnquiries.citizenId, citizens.id))),
            ),
          ),
      );
      await deleteCitizens(orphans);
      return orphans.length;
    },
    /**
     * Whether a record still points at this file (recovering an interrupted removal): a request's
     * attachment row, or an online post's media entry (its key in the media JSON; keys are made of
     * letters, digits, "-", "." and "/", nothing LIKE treats specially).
     */
    async attachmentPathInUse(relativePath: string): Promise<boolean> {
      const [row] = await db.select({ id: requestAttachments.id }).from(requestAttachments).where(eq(requestAttachments.path, relativePath)).limit(1);
      if (row) return true;
      const [post] = await db
        .select({ id: onlinePosts.id })
        .from(onlinePosts)
        .where(sql`cast(${onlinePosts.media} as text) like ${`%"key":${JSON.stringify(relativePath)}%`}`)
        .limit(1);
      return post !== undefined;
    },
  };
}
export type PrivacyRepository = ReturnType<typeof privacyRepository>;
