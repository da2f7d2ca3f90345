import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../../db/open';
import {
  appointments,
  contacts,
  distributionListMembers,
  distributionLists,
  mediaContacts,
  pressEnquiries,
  pressInvitations,
  pressReleases,
} from '../../../db/schema';

export type PressReleaseRow = typeof pressReleases.$inferSelect;
export type PressReleaseValues = Omit<typeof pressReleases.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type PressEnquiryRow = typeof pressEnquiries.$inferSelect;
export type PressEnquiryValues = Omit<typeof pressEnquiries.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type PressResponse = (typeof pressInvitations.$inferSelect)['response'];

const organisations = alias(contacts, 'organisations');
/** A contact with its organisation's name and its press details (when it has them). */
const personColumns = { contact: contacts, organisationName: organisations.name, media: mediaContacts };

/** SQL of the press office: releases, media contacts, distribution lists, press invitations, enquiries. */
export function pressRepository(db: Db) {
  const people = () =>
    db
      .select(personColumns)
      .from(contacts)
      .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
      .leftJoin(mediaContacts, eq(mediaContacts.contactId, contacts.id));

  return {
    // ---------------------------------------------------------------- releases
    /** Unscheduled first, then by release time, newest first. */
    releases(filter: { status?: PressReleaseRow['status']; ids?: number[] }) {
      const conditions = [
        filter.status ? eq(pressReleases.status, filter.status) : undefined,
        filter.ids ? inArray(pressReleases.id, filter.ids) : undefined,
      ].filter((c) => c !== undefined);
      return db
        .select()
        .from(pressReleases)
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(sql`${pressReleases.releaseAt} is null`), desc(pressReleases.releaseAt), desc(pressReleases.id))
        .all();
    },
    release(id: number): PressReleaseRow | undefined {
      return db.select().from(pressReleases).where(eq(pressReleases.id, id)).get();
    },
    insertRelease(values: PressReleaseValues, at: string): PressReleaseRow {
      return db
        .insert(pressReleases)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning()
        .get();
    },
    updateRelease(id: number, values: Partial<PressReleaseValues>, at: string): PressReleaseRow {
      return db
        .update(pressReleases)
        .set({ ...values, updatedAt: at })
        .where(eq(pressReleases.id, id))
        .returning()
        .get()!;
    },
    releaseCount(): number {
      return db.select({ n: sql<number>`count(*)` }).from(pressReleases).get()!.n;
    },
    appointment(id: number) {
      return db.select({ id: appointments.id, title: appointments.title, start: appointments.start }).from(appointments).where(eq(appointments.id, id)).get();
    },

    // ---------------------------------------------------------------- contacts and media contacts
    /** Contacts with their organisation and press details (all media contacts when `ids` is absent). */
    people(ids?: number[]) {
      if (ids) return ids.length ? people().where(inArray(contacts.id, ids)).all() : [];
      return people().where(sql`${mediaContacts.contactId} is not null`).orderBy(asc(contacts.sortName)).all();
    },
    contactExists(id: number): boolean {
      return db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, id)).get() !== undefined;
    },
    existingContacts(ids: number[]): number[] {
      return ids.length ? db.select({ id: contacts.id }).from(contacts).where(inArray(contacts.id, ids)).all().map((r) => r.id) : [];
    },
    putMediaContact(values: typeof mediaContacts.$inferInsert): void {
      db.insert(mediaContacts)
        .values(values)
        .onConflictDoUpdate({ target: mediaContacts.contactId, set: { mediaType: values.mediaType, topics: values.topics, notes: values.notes } })
        .run();
    },
    deleteMediaContact(contactId: number): boolean {
      return db.delete(mediaContacts).where(eq(mediaContacts.contactId, contactId)).run().changes > 0;
    },
    /** Names of the distribution lists each contact is on. */
    listNamesByContact(): Map<number, string[]> {
      const rows = db
        .select({ contactId: distributionListMembers.contactId, name: distributionLists.name })
        .from(distributionListMembers)
        .innerJoin(distributionLists, eq(distributionLists.id, distributionListMembers.listId))
        .orderBy(asc(distributionLists.name))
        .all();
      const byContact = new Map<number, string[]>();
      for (const row of rows) byContact.set(row.contactId, [...(byContact.get(row.contactId) ?? []), row.name]);
      return byContact;
    },

    // ---------------------------------------------------------------- distribution lists
    lists() {
      return db.select().from(distributionLists).orderBy(asc(distributionLists.name)).all();
    },
    list(id: number) {
      return db.select().from(distributionLists).where(eq(distributionLists.id, id)).get();
    },
    listByName(name: string) {
      return db.select().from(distributionLists).where(sql`lower(${distributionLists.name}) = lower(${name})`).get();
    },
    /** Member ids of lists, in the lists' order. */
    memberIds(listIds: number[]): Array<{ listId: number; contactId: number }> {
      return listIds.length
        ? db.select().from(distributionListMembers).where(inArray(distributionListMembers.listId, listIds)).all()
        : [];
    },
    saveList(values: { id?: number; name: string; description: string }, memberIds: number[]): number {
      const id = values.id
        ? db.update(distributionLists).set({ name: values.name, description: values.description }).where(eq(distributionLists.id, values.id)).returning().get()!.id
        : db.insert(distributionLists).values({ name: values.name, description: values.description }).returning().get().id;
      db.delete(distributionListMembers).where(eq(distributionListMembers.listId, id)).run();
      if (memberIds.length) db.insert(distributionListMembers).values(memberIds.map((contactId) => ({ listId: id, contactId }))).run();
      return id;
    },
    deleteList(id: number): boolean {
      return db.delete(distributionLists).where(eq(distributionLists.id, id)).run().changes > 0;
    },

    // ---------------------------------------------------------------- press invitations
    appointmentExists(id: number): boolean {
      return db.select({ id: appointments.id }).from(appointments).where(eq(appointments.id, id)).get() !== undefined;
    },
    invitations(appointmentId: number) {
      return db.select().from(pressInvitations).where(eq(pressInvitations.appointmentId, appointmentId)).all();
    },
    /** Invites (those already invited keep their response). */
    invite(appointmentId: number, contactIds: number[]): void {
      if (!contactIds.length) return;
      db.insert(pressInvitations)
        .values(contactIds.map((contactId) => ({ appointmentId, contactId })))
        .onConflictDoNothing()
        .run();
    },
    respond(appointmentId: number, contactId: number, response: PressResponse): boolean {
      return (
        db
          .update(pressInvitations)
          .set({ response })
          .where(and(eq(pressInvitations.appointmentId, appointmentId), eq(pressInvitations.contactId, contactId)))
          .run().changes > 0
      );
    },
    uninvite(appointmentId: number, contactIds: number[]): void {
      if (!contactIds.length) return;
      db.delete(pressInvitations)
        .where(and(eq(pressInvitations.appointmentId, appointmentId), inArray(pressInvitations.contactId, contactIds)))
        .run();
    },
    invitationCounts() {
      return db
        .select({
          appointmentId: pressInvitations.appointmentId,
          invited: sql<number>`count(*)`,
          accepted: sql<number>`sum(${pressInvitations.response} = 'zugesagt')`,
          declined: sql<number>`sum(${pressInvitations.response} = 'abgesagt')`,
        })
        .from(pressInvitations)
        .groupBy(pressInvitations.appointmentId)
        .orderBy(asc(pressInvitations.appointmentId))
        .all();
    },

    // ---------------------------------------------------------------- enquiries
    /** Open ones first (by deadline, those without last), then the answered ones, newest first. */
    enquiries(filter: { open?: boolean }) {
      const where = filter.open === undefined ? undefined : filter.open ? isNull(pressEnquiries.answeredAt) : sql`${pressEnquiries.answeredAt} is not null`;
      return db
        .select()
        .from(pressEnquiries)
        .where(where)
        .orderBy(
          desc(sql`${pressEnquiries.answeredAt} is null`),
          asc(sql`case when ${pressEnquiries.answeredAt} is null then coalesce(${pressEnquiries.deadline}, '9999') end`),
          desc(pressEnquiries.receivedAt),
          desc(pressEnquiries.id),
        )
        .all();
    },
    enquiry(id: number): PressEnquiryRow | undefined {
      return db.select().from(pressEnquiries).where(eq(pressEnquiries.id, id)).get();
    },
    insertEnquiry(values: PressEnquiryValues, at: string): PressEnquiryRow {
      return db
        .insert(pressEnquiries)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning()
        .get();
    },
    updateEnquiry(id: number, values: Partial<PressEnquiryValues>, at: string): PressEnquiryRow {
      return db
        .update(pressEnquiries)
        .set({ ...values, updatedAt: at })
        .where(eq(pressEnquiries.id, id))
        .returning()
        .get()!;
    },
  };
}
export type PressRepository = ReturnType<typeof pressRepository>;
