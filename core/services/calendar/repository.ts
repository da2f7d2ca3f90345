import { and, asc, eq, gte, inArray, isNotNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  appointmentPeople,
  appointments,
  calendars,
  carPoolAbsences,
  contacts,
  drivers,
  invitationAttachments,
  invitations,
  signers,
  vehicles,
} from '../../../db/schema';

export type AppointmentRow = typeof appointments.$inferSelect;
export type AppointmentValues = Omit<typeof appointments.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationValues = Omit<typeof invitations.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/** Whether saving `values` would change the appointment (a value differs from the row's). */
export function changesAppointment(row: AppointmentRow, values: Partial<AppointmentValues>): boolean {
  return Object.entries(values).some(
    ([key, value]) => value !== undefined && JSON.stringify(row[key as keyof AppointmentRow]) !== JSON.stringify(value),
  );
}

/** SQL of calendars, appointments, the car pool and invitations. */
export function calendarRepository(db: Db) {
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
        .orderBy(asc(calendars.sortOrder), asc(calendars.id))
        .all();
    },
    signerExists(id: number): boolean {
      return db.select({ id: signers.id }).from(signers).where(eq(signers.id, id)).get() !== undefined;
    },
    saveCalendar(values: { signerId: number; color: string; sortOrder: number }) {
      return db
        .insert(calendars)
        .values(values)
        .onConflictDoUpdate({ target: calendars.signerId, set: { color: values.color, sortOrder: values.sortOrder } })
        .returning()
        .get();
    },

    /**
     * Appointments that may have an occurrence in [from, to): single ones overlapping the window
     * and every series that starts before its end (series are expanded by the caller).
     */
    appointmentsIn(from: string, to: string, calendarIds?: readonly number[]): AppointmentRow[] {
      const inWindow = or(and(lt(appointments.start, to), gte(appointments.end, from)), and(isNotNull(appointments.recurrenceRule), lt(appointments.start, to)));
      const where = calendarIds ? and(inWindow, inArray(appointments.calendarId, [...calendarIds])) : inWindow;
      return db.select().from(appointments).where(where).orderBy(asc(appointments.start)).all();
    },
    appointment(id: number): AppointmentRow | undefined {
      return db.select().from(appointments).where(eq(appointments.id, id)).get();
    },
    appointmentByExternalUid(uid: string): AppointmentRow | undefined {
      return db.select().from(appointments).where(eq(appointments.externalUid, uid)).get();
    },
    appointmentsOfInvitation(invitationId: number): AppointmentRow[] {
      return db.select().from(appointments).where(eq(appointments.invitationId, invitationId)).all();
    },
    insertAppointment(values: AppointmentValues, at: string): AppointmentRow {
      return db
        .insert(appointments)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning()
        .get();
    },
    /**
     * Writes the values and moves `updatedAt`; when none of them differs the row is left as it is
     * (`updatedAt` drives the .ics SEQUENCE, which must not rise without a change).
     */
    updateAppointment(id: number, values: Partial<AppointmentValues>, at: string): AppointmentRow | undefined {
      const current = db.select().from(appointments).where(eq(appointments.id, id)).get();
      if (!current) return undefined;
      if (!changesAppointment(current, values)) return current;
      return db
        .update(appointments)
        .set({ ...values, updatedAt: at })
        .where(eq(appointments.id, id))
        .returning()
        .get();
    },
    deleteAppointment(id: number): boolean {
      return db.delete(appointments).where(eq(appointments.id, id)).run().changes > 0;
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
        .orderBy(asc(appointmentPeople.role), asc(appointmentPeople.sortOrder))
        .all();
    },
    replacePeople(appointmentId: number, people: ReadonlyArray<{ contactId: number; role: 'contact' | 'guest'; note: string }>) {
      db.delete(appointmentPeople).where(eq(appointmentPeople.appointmentId, appointmentId)).run();
      people.forEach((p, sortOrder) => db.insert(appointmentPeople).values({ appointmentId, ...p, sortOrder }).run());
    },

    drivers() {
      return db.select().from(drivers).orderBy(asc(drivers.name)).all();
    },
    saveDriver(values: { id?: number; name: string; phone: string; active: boolean; notes: string }) {
      const { id, ...rest } = values;
      return id
        ? db.update(drivers).set(rest).where(eq(drivers.id, id)).returning().get()
        : db.insert(drivers).values(rest).returning().get();
    },
    vehicles() {
      return db.select().from(vehicles).orderBy(asc(vehicles.name)).all();
    },
    saveVehicle(values: { id?: number; name: string; plate: string; seats: number; active: boolean; notes: string }) {
      const { id, ...rest } = values;
      return id
        ? db.update(vehicles).set(rest).where(eq(vehicles.id, id)).returning().get()
        : db.insert(vehicles).values(rest).returning().get();
    },
    /** Appointments (not cancelled) that use this driver or car; series included. */
    appointmentsUsing(column: 'driver' | 'vehicle', id: number): AppointmentRow[] {
      const field = column === 'driver' ? appointments.driverId : appointments.vehicleId;
      return db.select().from(appointments).where(eq(field, id)).all();
    },

    absences() {
      return db.select().from(carPoolAbsences).orderBy(asc(carPoolAbsences.from)).all();
    },
    saveAbsence(values: { id?: number; driverId: number | null; vehicleId: number | null; from: string; to: string; reason: string }) {
      const { id, ...rest } = values;
      return id
        ? db.update(carPoolAbsences).set(rest).where(eq(carPoolAbsences.id, id)).returning().get()
        : db.insert(carPoolAbsences).values(rest).returning().get();
    },
    deleteAbsence(id: number): boolean {
      return db.delete(carPoolAbsences).where(eq(carPoolAbsences.id, id)).run().changes > 0;
    },

    invitations(): InvitationRow[] {
      return db.select().from(invitations).orderBy(asc(invitations.status), asc(invitations.replyBy), asc(invitations.id)).all();
    },
    invitation(id: number): InvitationRow | undefined {
      return db.select().from(invitations).where(eq(invitations.id, id)).get();
    },
    insertInvitation(values: InvitationValues, at: string): InvitationRow {
      return db
        .insert(invitations)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning()
        .get();
    },
    updateInvitation(id: number, values: Partial<InvitationValues>, at: string): InvitationRow | undefined {
      return db
        .update(invitations)
        .set({ ...values, updatedAt: at })
        .where(eq(invitations.id, id))
        .returning()
        .get();
    },
    attachments(invitationId: number) {
      return db.select().from(invitationAttachments).where(eq(invitationAttachments.invitationId, invitationId)).all();
    },
    addAttachment(values: typeof invitationAttachments.$inferInsert) {
      return db.insert(invitationAttachments).values(values).returning().get();
    },
    deleteAttachment(id: number): void {
      db.delete(invitationAttachments).where(eq(invitationAttachments.id, id)).run();
    },
    contactName(contactId: number): string | undefined {
      const row = db.select({ name: contacts.sortName }).from(contacts).where(eq(contacts.id, contactId)).get();
      return row?.name;
    },
  };
}
