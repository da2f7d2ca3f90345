import { and, asc, eq, gte, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Engine } from '../../../db/engine/types';
import { deleteAtRevision, refuseStale, updateAtRevision, type RevisionedRecord, type RevisionTarget } from '../../../db/engine/revision';

type Tables = Engine['t'];
export type AppointmentRow = Tables['appointments']['$inferSelect'];
export type AppointmentValues = Omit<Tables['appointments']['$inferInsert'], 'id' | 'createdAt' | 'updatedAt'>;
export type InvitationRow = Tables['invitations']['$inferSelect'];
export type InvitationValues = Omit<Tables['invitations']['$inferInsert'], 'id' | 'createdAt' | 'updatedAt'>;

/** Whether saving `values` would change the appointment (a value differs from the row's). */
export function changesAppointment(row: AppointmentRow, values: Partial<AppointmentValues>): boolean {
  return Object.entries(values).some(
    ([key, value]) => value !== undefined && JSON.stringify(row[key as keyof AppointmentRow]) !== JSON.stringify(value),
  );
}

/** How STALE names an appointment. */
const APPOINTMENT: RevisionedRecord = { entity: 'appointment', thisOne: 'Dieser Termin', it: 'ihn' };
/** How STALE names an invitation. */
const INVITATION: RevisionedRecord = { entity: 'invitation', thisOne: 'Diese Einladung', it: 'sie' };

/** SQL of calendars, appointments, the car pool and invitations. */
export function calendarRepository(engine: Engine) {
  const { db, t, dsql } = engine;
  const { appointmentPeople, appointments, calendars, carPoolAbsences, contacts, drivers, invitationAttachments, invitations, signers, vehicles } = t;
  const appointment = async (id: number): Promise<AppointmentRow | undefined> => {
    const [row] = await db.select().from(appointments).where(eq(appointments.id, id)).limit(1);
    return row;
  };
  return {
    calendars() {
      return db
        .select({
          id: calendars.id,
          signerId: calendars.signerId,
          color: calendars.color,
          sortOrder: calendars.sortOrder,
          name: signers.name,
          office: signers.office,
          deputy: signers.deputy,
          gender: signers.gender,
        })
        .from(calendars)
        .innerJoin(signers, eq(signers.id, calendars.signerId))
        .orderBy(asc(calendars.sortOrder), asc(calendars.id));
    },
    async signerExists(id: number): Promise<boolean> {
      const [row] = await db.select({ id: signers.id }).from(signers).where(eq(signers.id, id)).limit(1);
      return row !== undefined;
    },
    async saveCalendar(values: { signerId: number; color: string; sortOrder: number }) {
      const [row] = await db
        .insert(calendars)
        .values(values)
        .onConflictDoUpdate({ target: calendars.signerId, set: { color: values.color, sortOrder: values.sortOrder } })
        .returning();
      return row!;
    },

    /**
     * Appointments that may have an occurrence in [from, to): single ones overlapping the window
     * and every series that starts before its end (series are expanded by the caller).
     */
    appointmentsIn(from: string, to: string, calendarIds?: readonly number[]): Promise<AppointmentRow[]> {
      const inWindow = or(and(lt(appointments.start, to), gte(appointments.end, from)), and(isNotNull(appointments.recurrenceRule), lt(appointments.start, to)));
      const where = calendarIds ? and(inWindow, dsql.inIds(appointments.calendarId, calendarIds)) : inWindow;
      return db.select().from(appointments).where(where).orderBy(asc(appointments.start), asc(appointments.id));
    },
    appointment,
    async appointmentByExternalUid(uid: string): Promise<AppointmentRow | undefined> {
      const [row] = await db.select().from(appointments).where(eq(appointments.externalUid, uid)).orderBy(asc(appointments.id)).limit(1);
      return row;
    },
    appointmentsOfInvitation(invitationId: number): Promise<AppointmentRow[]> {
      return db.select().from(appointments).where(eq(appointments.invitationId, invitationId)).orderBy(asc(appointments.id));
    },
    async insertAppointment(values: AppointmentValues, at: string): Promise<AppointmentRow> {
      const [row] = await db
        .insert(appointments)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning();
      return row!;
    },
    /**
     * Writes the values and moves `updatedAt`; when none of them differs the row is left as it is
     * (`updatedAt` drives the .ics SEQUENCE, which must not rise without a change).
     */
    /**
     * `loaded`: the revision the user loaded it at — an older one is refused (STALE), also when
     * nothing would change; without it (the app's own updates: an .ics import, a declined
     * invitation) the current one. A change raises the revision.
     */
    async updateAppointment(id: number, values: Partial<AppointmentValues>, at: string, loaded?: number): Promise<AppointmentRow | undefined> {
      const current = await appointment(id);
      if (!current) return undefined;
      if (loaded !== undefined && loaded !== current.revision) await refuseStale(engine, appointments, APPOINTMENT, { id, revision: loaded });
      if (!changesAppointment(current, values)) return current;
      await updateAtRevision(engine, appointments, APPOINTMENT, { id, revision: loaded ?? current.revision }, { ...values, updatedAt: at });
      return appointment(id);
    },
    /** Deletes the appointment as loaded at `target.revision` (STALE when someone saved it since). */
    async deleteAppointment(target: RevisionTarget): Promise<void> {
      await deleteAtRevision(engine, appointments, APPOINTMENT, target);
    },
    people(appointmentId: number) {
      return db
        .select({
          contactId: appointmentPeople.contactId,
          role: appointmentPeople.role,
          note: appointmentPeople.note,
          contact: contacts,
        })
        .from(appointmentPeople)
        .innerJoin(contacts, eq(contacts.id, appointmentPeople.contactId))
        .where(eq(appointmentPeople.appointmentId, appointmentId))
        .orderBy(asc(appointmentPeople.role), asc(appointmentPeople.sortOrder));
    },
    async replacePeople(appointmentId: number, people: ReadonlyArray<{ contactId: number; role: 'contact' | 'guest'; note: string }>): Promise<void> {
      await db.delete(appointmentPeople).where(eq(appointmentPeople.appointmentId, appointmentId));
      if (people.length) await db.insert(appointmentPeople).values(people.map((p, sortOrder) => ({ appointmentId, ...p, sortOrder })));
    },

    drivers() {
      return db.select().from(drivers).orderBy(asc(drivers.name), asc(drivers.id));
    },
    async saveDriver(values: { id?: number; name: string; phone: string; active: boolean; notes: string }) {
      const { id, ...rest } = values;
      const [row] = id ? await db.update(drivers).set(rest).where(eq(drivers.id, id)).returning() : await db.insert(drivers).values(rest).returning();
      return row;
    },
    vehicles() {
      return db.select().from(vehicles).orderBy(asc(vehicles.name), asc(vehicles.id));
    },
    async saveVehicle(values: { id?: number; name: string; plate: string; seats: number; active: boolean; notes: string }) {
      const { id, ...rest } = values;
      const [row] = id ? await db.update(vehicles).set(rest).where(eq(vehicles.id, id)).returning() : await db.insert(vehicles).values(rest).returning();
      return row;
    },
    /** Appointments (not cancelled) that use this driver or car; series included. */
    appointmentsUsing(column: 'driver' | 'vehicle', id: number): Promise<AppointmentRow[]> {
      const field = column === 'driver' ? appointments.driverId : appointments.vehicleId;
      return db.select().from(appointments).where(eq(field, id)).orderBy(asc(appointments.id));
    },

    absences() {
      return db.select().from(carPoolAbsences).orderBy(asc(carPoolAbsences.from), asc(carPoolAbsences.id));
    },
    async saveAbsence(values: { id?: number; driverId: number | null; vehicleId: number | null; from: string; to: string; reason: string }) {
      const { id, ...rest } = values;
      const [row] = id
        ? await db.update(carPoolAbsences).set(rest).where(eq(carPoolAbsences.id, id)).returning()
        : await db.insert(carPoolAbsences).values(rest).returning();
      return row;
    },
    async deleteAbsence(id: number): Promise<boolean> {
      return (await db.delete(carPoolAbsences).where(eq(carPoolAbsences.id, id)).returning({ id: carPoolAbsences.id })).length > 0;
    },

    /** Open ones first (by status), then by reply date — those without one first, as SQLite sorts null. */
    invitations(): Promise<InvitationRow[]> {
      return db
        .select()
        .from(invitations)
        .orderBy(asc(invitations.status), sql`${invitations.replyBy} asc nulls first`, asc(invitations.id));
    },
    async invitation(id: number): Promise<InvitationRow | undefined> {
      const [row] = await db.select().from(invitations).where(eq(invitations.id, id)).limit(1);
      return row;
    },
    async insertInvitation(values: InvitationValues, at: string): Promise<InvitationRow> {
      const [row] = await db
        .insert(invitations)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning();
      return row!;
    },
    /** Saves the invitation as loaded at `target.revision` (STALE when someone changed it since) and raises the revision. */
    async updateInvitation(target: RevisionTarget, values: Partial<InvitationValues>, at: string): Promise<InvitationRow> {
      await updateAtRevision(engine, invitations, INVITATION, target, { ...values, updatedAt: at });
      const [row] = await db.select().from(invitations).where(eq(invitations.id, target.id)).limit(1);
      return row!;
    },
    /** The refusal of a change against an older revision than the stored `current` one (before anything else is done). */
    async refuseUnlessCurrentInvitation(current: InvitationRow, loadedRevision: number): Promise<void> {
      if (current.revision !== loadedRevision) await refuseStale(engine, invitations, INVITATION, { id: current.id, revision: loadedRevision });
    },
    attachments(invitationId: number) {
      return db.select().from(invitationAttachments).where(eq(invitationAttachments.invitationId, invitationId)).orderBy(asc(invitationAttachments.id));
    },
    async addAttachment(values: Tables['invitationAttachments']['$inferInsert']) {
      const [row] = await db.insert(invitationAttachments).values(values).returning();
      return row!;
    },
    async deleteAttachment(id: number): Promise<void> {
      await db.delete(invitationAttachments).where(eq(invitationAttachments.id, id));
    },
    async contactName(contactId: number): Promise<string | undefined> {
      const [row] = await db.select({ name: contacts.sortName }).from(contacts).where(eq(contacts.id, contactId)).limit(1);
      return row?.name;
    },
  };
}
