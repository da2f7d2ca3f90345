import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Engine } from '../../../db/engine/types';
import { refuseStale, updateAtRevision, type RevisionedRecord, type RevisionTarget } from '../../../db/engine/revision';

type Tables = Engine['t'];
export type PressReleaseRow = Tables['pressReleases']['$inferSelect'];
export type PressReleaseValues = Omit<Tables['pressReleases']['$inferInsert'], 'id' | 'createdAt' | 'updatedAt'>;
export type PressEnquiryRow = Tables['pressEnquiries']['$inferSelect'];
export type PressEnquiryValues = Omit<Tables['pressEnquiries']['$inferInsert'], 'id' | 'createdAt' | 'updatedAt'>;
export type PressResponse = Tables['pressInvitations']['$inferSelect']['response'];

/** How STALE names a press release and a press enquiry. */
const RELEASE: RevisionedRecord = { entity: 'press-release', thisOne: 'Diese Pressemitteilung', it: 'sie' };
const ENQUIRY: RevisionedRecord = { entity: 'press-enquiry', thisOne: 'Diese Presseanfrage', it: 'sie' };

/** SQL of the press office: releases, media contacts, distribution lists, press invitations, enquiries. */
export function pressRepository(engine: Engine) {
  const { db, t, dsql } = engine;
  const { appointments, contacts, distributionListMembers, distributionLists, mediaContacts, pressEnquiries, pressInvitations, pressReleases } = t;
  const organisations = alias(contacts, 'organisations');
  /** A contact with its organisation's name and its press details (when it has them). */
  const personColumns = { contact: contacts, organisationName: organisations.name, media: mediaContacts };
  const people = () =>
    db
      .select(personColumns)
      .from(contacts)
      .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
      .leftJoin(mediaContacts, eq(mediaContacts.contactId, contacts.id));
  /** How many invitations of the group have this response (PostgreSQL sums as bigint: read as a number). */
  const responded = (response: NonNullable<PressResponse>) =>
    sql<number>`sum(case when ${pressInvitations.response} = ${response} then 1 else 0 end)`.mapWith(Number);

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
        .orderBy(desc(sql`${pressReleases.releaseAt} is null`), desc(pressReleases.releaseAt), desc(pressReleases.id));
    },
    async release(id: number): Promise<PressReleaseRow | undefined> {
      const [row] = await db.select().from(pressReleases).where(eq(pressReleases.id, id)).limit(1);
      return row;
    },
    /** Locks the release's row until the transaction ends (a workflow step reads its status, then writes it). */
    async lockRelease(id: number): Promise<void> {
      await dsql.forUpdate(db.select({ id: pressReleases.id }).from(pressReleases).where(eq(pressReleases.id, id)));
    },
    async insertRelease(values: PressReleaseValues, at: string): Promise<PressReleaseRow> {
      const [row] = await db
        .insert(pressReleases)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning();
      return row!;
    },
    /** Saves the release as loaded at `target.revision` (STALE when someone changed it since) and raises the revision. */
    async updateRelease(target: RevisionTarget, values: Partial<PressReleaseValues>, at: string): Promise<PressReleaseRow> {
      await updateAtRevision(engine, pressReleases, RELEASE, target, { ...values, updatedAt: at });
      const [row] = await db.select().from(pressReleases).where(eq(pressReleases.id, target.id)).limit(1);
      return row!;
    },
    /** The refusal of a change against an older revision than the stored `current` one (before the workflow rules are asked). */
    async refuseUnlessCurrentRelease(current: PressReleaseRow, loadedRevision: number): Promise<void> {
      if (current.revision !== loadedRevision) await refuseStale(engine, pressReleases, RELEASE, { id: current.id, revision: loadedRevision });
    },
    /** Title and start of these appointments (those of a page of releases, in one query). */
    async appointments(ids: number[]) {
      if (!ids.length) return [];
      return db.select({ id: appointments.id, title: appointments.title, start: appointments.start }).from(appointments).where(dsql.inIds(appointments.id, [...new Set(ids)]));
    },
    async releaseCount(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(pressReleases);
      return row?.n ?? 0;
    },
    async appointment(id: number) {
      const [row] = await db
        .select({ id: appointments.id, title: appointments.title, start: appointments.start })
        .from(appointments)
        .where(eq(appointments.id, id))
        .limit(1);
      return row;
    },

    // ---------------------------------------------------------------- contacts and media contacts
    /** Contacts with their organisation and press details (all media contacts when `ids` is absent). */
    async people(ids?: number[]) {
      if (ids) return ids.length ? people().where(dsql.inIds(contacts.id, ids)) : [];
      return people().where(sql`${mediaContacts.contactId} is not null`).orderBy(asc(contacts.sortName), asc(contacts.id));
    },
    async contactExists(id: number): Promise<boolean> {
      const [row] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, id)).limit(1);
      return row !== undefined;
    },
    async existingContacts(ids: number[]): Promise<number[]> {
      return ids.length ? (await db.select({ id: contacts.id }).from(contacts).where(dsql.inIds(contacts.id, ids))).map((r) => r.id) : [];
    },
    async putMediaContact(values: Tables['mediaContacts']['$inferInsert']): Promise<void> {
      await db
        .insert(mediaContacts)
        .values(values)
        .onConflictDoUpdate({ target: mediaContacts.contactId, set: { mediaType: values.mediaType, topics: values.topics, notes: values.notes } });
    },
    async deleteMediaContact(contactId: number): Promise<boolean> {
      return (await db.delete(mediaContacts).where(eq(mediaContacts.contactId, contactId)).returning({ id: mediaContacts.contactId })).length > 0;
    },
    /** Names of the distribution lists each contact is on. */
    async listNamesByContact(): Promise<Map<number, string[]>> {
      const rows = await db
        .select({ contactId: distributionListMembers.contactId, name: distributionLists.name })
        .from(distributionListMembers)
        .innerJoin(distributionLists, eq(distributionLists.id, distributionListMembers.listId))
        .orderBy(asc(distributionLists.name), asc(distributionLists.id));
      const byContact = new Map<number, string[]>();
      for (const row of rows) byContact.set(row.contactId, [...(byContact.get(row.contactId) ?? []), row.name]);
      return byContact;
    },

    // ---------------------------------------------------------------- distribution lists
    lists() {
      return db.select().from(distributionLists).orderBy(asc(distributionLists.name), asc(distributionLists.id));
    },
    async list(id: number) {
      const [row] = await db.select().from(distributionLists).where(eq(distributionLists.id, id)).limit(1);
      return row;
    },
    /** The list of this name, case, umlauts and ß ignored ("Presse Düsseldorf" = "presse duesseldorf"). */
    async listByName(name: string) {
      const [row] = await db.select().from(distributionLists).where(dsql.foldedEquals(distributionLists.name, name)).orderBy(asc(distributionLists.id)).limit(1);
      return row;
    },
    /** Member ids of lists, in the lists' order. */
    async memberIds(listIds: number[]): Promise<Array<{ listId: number; contactId: number }>> {
      return listIds.length ? db.select().from(distributionListMembers).where(dsql.inIds(distributionListMembers.listId, listIds)) : [];
    },
    async saveList(values: { id?: number; name: string; description: string }, memberIds: number[]): Promise<number> {
      const [saved] = values.id
        ? await db.update(distributionLists).set({ name: values.name, description: values.description }).where(eq(distributionLists.id, values.id)).returning()
        : await db.insert(distributionLists).values({ name: values.name, description: values.description }).returning();
      const id = saved!.id;
      await db.delete(distributionListMembers).where(eq(distributionListMembers.listId, id));
      if (memberIds.length) await db.insert(distributionListMembers).values(memberIds.map((contactId) => ({ listId: id, contactId })));
      return id;
    },
    async deleteList(id: number): Promise<boolean> {
      return (await db.delete(distributionLists).where(eq(distributionLists.id, id)).returning({ id: distributionLists.id })).length > 0;
    },

    // ---------------------------------------------------------------- press invitations
    async appointmentExists(id: number): Promise<boolean> {
      const [row] = await db.select({ id: appointments.id }).from(appointments).where(eq(appointments.id, id)).limit(1);
      return row !== undefined;
    },
    invitations(appointmentId: number) {
      return db.select().from(pressInvitations).where(eq(pressInvitations.appointmentId, appointmentId));
    },
    /** Invites (those already invited keep their response). */
    async invite(appointmentId: number, contactIds: number[]): Promise<void> {
      if (!contactIds.length) return;
      await db
        .insert(pressInvitations)
        .values(contactIds.map((contactId) => ({ appointmentId, contactId })))
        .onConflictDoNothing();
    },
    async respond(appointmentId: number, contactId: number, response: PressResponse): Promise<boolean> {
      const rows = await db
        .update(pressInvitations)
        .set({ response })
        .where(and(eq(pressInvitations.appointmentId, appointmentId), eq(pressInvitations.contactId, contactId)))
        .returning({ contactId: pressInvitations.contactId });
      return rows.length > 0;
    },
    async uninvite(appointmentId: number, contactIds: number[]): Promise<void> {
      if (!contactIds.length) return;
      await db.delete(pressInvitations).where(and(eq(pressInvitations.appointmentId, appointmentId), inArray(pressInvitations.contactId, contactIds)));
    },
    invitationCounts() {
      return db
        .select({
          appointmentId: pressInvitations.appointmentId,
          invited: count(),
          accepted: responded('zugesagt'),
          declined: responded('abgesagt'),
        })
        .from(pressInvitations)
        .groupBy(pressInvitations.appointmentId)
        .orderBy(asc(pressInvitations.appointmentId));
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
        );
    },
    async enquiry(id: number): Promise<PressEnquiryRow | undefined> {
      const [row] = await db.select().from(pressEnquiries).where(eq(pressEnquiries.id, id)).limit(1);
      return row;
    },
    async insertEnquiry(values: PressEnquiryValues, at: string): Promise<PressEnquiryRow> {
      const [row] = await db
        .insert(pressEnquiries)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning();
      return row!;
    },
    /** Saves the enquiry as loaded at `target.revision` (STALE when someone changed it since) and raises the revision. */
    async updateEnquiry(target: RevisionTarget, values: Partial<PressEnquiryValues>, at: string): Promise<PressEnquiryRow> {
      await updateAtRevision(engine, pressEnquiries, ENQUIRY, target, { ...values, updatedAt: at });
      const [row] = await db.select().from(pressEnquiries).where(eq(pressEnquiries.id, target.id)).limit(1);
      return row!;
    },
  };
}
export type PressRepository = ReturnType<typeof pressRepository>;
