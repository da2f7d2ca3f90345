import { z } from 'zod';
import { letterDraftSchema } from './letters';
import { isoDate, localDateOrDateTime, multiLine, requireRevisionWithId, revisionSchema, singleLine } from './common';

/** Wall-clock time in Europe/Berlin ("2026-12-10T14:00") or, for all-day entries, a date. */
const localTime = localDateOrDateTime;
const text = (max: number) => multiLine(max).default('');
const line = (max: number) => singleLine(max).default('');

/** A span of time; all-day spans are dates with an exclusive end. */
const spanShape = { start: localTime, end: localTime, allDay: z.boolean().default(false) };
const checkSpan = <T extends { start: string; end: string; allDay: boolean }>(span: T, ctx: z.RefinementCtx) => {
  const dateOnly = (value: string) => value.length === 10;
  if (span.allDay ? !dateOnly(span.start) || !dateOnly(span.end) : dateOnly(span.start) || dateOnly(span.end)) {
    ctx.addIssue({ code: 'custom', path: ['start'], message: span.allDay ? 'Ganztägig: nur Daten ohne Uhrzeit.' : 'Bitte Datum und Uhrzeit angeben.' });
  } else if (span.end <= span.start) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'Das Ende muss nach dem Beginn liegen.' });
  }
};
export const timeSpanSchema = z.strictObject(spanShape).superRefine(checkSpan);

export const appointmentStatusSchema = z.enum(['geplant', 'bestätigt', 'abgesagt']);

export const calendarSchema = z.object({
  id: z.number().int(),
  signerId: z.number().int(),
  /** The person and office: "Dr. Petra Hovestadt, Oberbürgermeisterin". */
  name: z.string(),
  office: z.string(),
  /** Deputies answer delegated invitations "In Vertretung". */
  deputy: z.boolean(),
  color: z.string(),
  sortOrder: z.number().int(),
});
export type CalendarInfo = z.infer<typeof calendarSchema>;

export const calendarInputSchema = z.strictObject({
  signerId: z.number().int().positive(),
  color: z.string().max(7).regex(/^#[0-9a-fA-F]{6}$/, 'Farbe als #RRGGBB angeben.'),
  sortOrder: z.number().int().default(0),
});

export const appointmentPersonSchema = z.strictObject({
  contactId: z.number().int().positive(),
  role: z.enum(['contact', 'guest']),
  note: text(500),
});

export const appointmentInputSchema = z
  .strictObject({
    id: z.number().int().positive().optional(),
    /** With `id`: the revision the appointment was loaded at (required; STALE when it moved on). */
    revision: revisionSchema.optional(),
    calendarId: z.number().int().positive({ message: 'Bitte wählen Sie, in wessen Kalender der Termin gehört.' }),
    title: singleLine(300).min(1, 'Bitte einen Titel angeben.'),
    ...spanShape,
    place: line(300),
    routeNote: text(2000),
    status: appointmentStatusSchema.default('geplant'),
    recurrence: z
      .strictObject({ rule: singleLine(500).min(1), exceptions: z.array(localTime).max(5000).default([]) })
      .nullable()
      .default(null),
    programme: text(10000),
    dressCode: line(300),
    press: text(2000),
    gift: text(500),
    notes: text(10000),
    invitationId: z.number().int().positive().nullable().default(null),
    driverId: z.number().int().positive().nullable().default(null),
    vehicleId: z.number().int().positive().nullable().default(null),
    people: z.array(appointmentPersonSchema).max(500).default([]),
    /** Öffentlich: may be announced („Termine der Woche“ in the online plan); off unless marked. */
    public: z.boolean().default(false),
  })
  .superRefine(checkSpan)
  .superRefine(requireRevisionWithId);
export type AppointmentInput = z.input<typeof appointmentInputSchema>;

export const appointmentSchema = z.object({
  id: z.number().int(),
  calendarId: z.number().int(),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  allDay: z.boolean(),
  place: z.string(),
  routeNote: z.string(),
  status: appointmentStatusSchema,
  recurrence: z.object({ rule: z.string(), exceptions: z.array(z.string()) }).nullable(),
  programme: z.string(),
  dressCode: z.string(),
  press: z.string(),
  gift: z.string(),
  notes: z.string(),
  invitationId: z.number().int().nullable(),
  driverId: z.number().int().nullable(),
  vehicleId: z.number().int().nullable(),
  /** Öffentlich: may be announced. */
  public: z.boolean(),
  people: z.array(appointmentPersonSchema.extend({ name: z.string(), oralSalutation: z.string() })),
  /** Speeches and Grußworte written for it (speech register). */
  speeches: z.array(z.object({ id: z.number().int(), title: z.string(), kind: z.string(), status: z.string(), deadline: z.string().nullable() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: revisionSchema,
});
export type Appointment = z.infer<typeof appointmentSchema>;

/** What saving an appointment says: the record and the conflicts it has (German). */
export const appointmentSavedSchema = z.object({ appointment: appointmentSchema, conflicts: z.array(z.string()) });

export const calendarRangeSchema = z.strictObject({
  from: isoDate,
  to: isoDate,
  /** Only these calendars; all when absent. */
  calendarIds: z.array(z.number().int()).max(1000).optional(),
});

/** One occurrence in a view (a series shows each of its dates). */
export const occurrenceSchema = z.object({
  appointmentId: z.number().int(),
  calendarId: z.number().int(),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  allDay: z.boolean(),
  place: z.string(),
  status: appointmentStatusSchema,
  recurring: z.boolean(),
  /** German descriptions of the conflicts this occurrence is part of. */
  conflicts: z.array(z.string()),
  driver: z.string().nullable(),
  /** The appointment's revision (moving or deleting it from the view sends it back). */
  revision: revisionSchema,
});
export type CalendarOccurrence = z.infer<typeof occurrenceSchema>;

export const calendarViewSchema = z.object({
  occurrences: z.array(occurrenceSchema),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
});

export const driverSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  phone: z.string(),
  active: z.boolean(),
  notes: z.string(),
});
export const driverInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  name: singleLine(200).min(1, 'Bitte den Namen angeben.'),
  phone: line(100),
  active: z.boolean().default(true),
  notes: text(2000),
});
export const vehicleSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  plate: z.string(),
  seats: z.number().int(),
  active: z.boolean(),
  notes: z.string(),
});
export const vehicleInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  name: singleLine(200).min(1, 'Bitte eine Bezeichnung angeben.'),
  plate: line(20),
  seats: z.number().int().min(1).max(60).default(4),
  active: z.boolean().default(true),
  notes: text(2000),
});

export const invitationRequestSchema = z.enum(['attendance', 'grusswort', 'speech', 'patronage', 'written_greeting']);
export const INVITATION_REQUEST_LABELS: Record<z.infer<typeof invitationRequestSchema>, string> = {
  attendance: 'Teilnahme',
  grusswort: 'Grußwort',
  speech: 'Rede',
  patronage: 'Schirmherrschaft',
  written_greeting: 'schriftliches Grußwort (Festschrift)',
};
export const invitationStatusSchema = z.enum(['open', 'accepted', 'delegated', 'declined', 'written_greeting']);
export const INVITATION_STATUS_LABELS: Record<z.infer<typeof invitationStatusSchema>, string> = {
  open: 'offen',
  accepted: 'zugesagt',
  delegated: 'in Vertretung',
  declined: 'abgesagt',
  written_greeting: 'nur schriftliches Grußwort',
};

export const invitationInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  /** With `id`: the revision the invitation was loaded at (required; STALE when it moved on). */
  revision: revisionSchema.optional(),
  inviterContactId: z.number().int().positive().nullable().default(null),
  inviterName: line(300),
  event: singleLine(300).min(1, 'Bitte die Veranstaltung angeben.'),
  dates: z.array(timeSpanSchema).min(1, 'Bitte mindestens einen Termin angeben.').max(20),
  place: line(300),
  addressedTo: line(300),
  receivedOn: isoDate,
  replyBy: isoDate.nullable().default(null),
  requests: z.array(invitationRequestSchema).max(10).default(['attendance']),
  notes: text(10000),
}).superRefine(requireRevisionWithId);
export type InvitationInput = z.input<typeof invitationInputSchema>;

export const invitationSchema = z.object({
  id: z.number().int(),
  inviterContactId: z.number().int().nullable(),
  inviterName: z.string(),
  /** The contact's name, or what was written. */
  inviter: z.string(),
  event: z.string(),
  dates: z.array(z.object(spanShape)),
  place: z.string(),
  addressedTo: z.string(),
  receivedOn: z.string(),
  replyBy: z.string().nullable(),
  requests: z.array(invitationRequestSchema),
  notes: z.string(),
  status: invitationStatusSchema,
  calendarId: z.number().int().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string(),
  replyLetterId: z.number().int().nullable(),
  appointmentIds: z.array(z.number().int()),
  attachments: z.array(z.object({ id: z.number().int(), fileName: z.string(), size: z.number().int() })),
  /** Still open after the reply-by date. */
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: revisionSchema,
});
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationDecisionSchema = z
  .strictObject({
    id: z.number().int().positive(),
    /** The revision the invitation was loaded at (STALE when it moved on). */
    revision: revisionSchema,
    decision: invitationStatusSchema.exclude(['open']),
    /** Who attends: accepted → the Oberbürgermeister/in's calendar; delegated → a Bürgermeister/in's. */
    calendarId: z.number().int().positive().optional(),
    /** Which of the proposed dates (default the first). */
    dateIndex: z.number().int().min(0).default(0),
    note: text(2000),
  })
  .superRefine((d, ctx) => {
    if ((d.decision === 'accepted' || d.decision === 'delegated') && !d.calendarId) {
      ctx.addIssue({ code: 'custom', path: ['calendarId'], message: 'Bitte wählen Sie, wer den Termin wahrnimmt.' });
    }
  });

export const invitationDecidedSchema = z.object({
  invitation: invitationSchema,
  appointment: appointmentSchema.nullable(),
  conflicts: z.array(z.string()),
  /** The reply letter, ready for letters.create (null without an inviting contact: choose one first). */
  reply: letterDraftSchema.nullable(),
});

/** A driver or a car not available (leave, workshop), as wall-clock times or whole days (inclusive). */
export const absenceSchema = z.object({
  id: z.number().int(),
  driverId: z.number().int().nullable(),
  vehicleId: z.number().int().nullable(),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
});
export const absenceInputSchema = z
  .strictObject({
    id: z.number().int().positive().optional(),
    driverId: z.number().int().positive().nullable().default(null),
    vehicleId: z.number().int().positive().nullable().default(null),
    from: localTime,
    to: localTime,
    reason: line(300),
  })
  .superRefine((a, ctx) => {
    if ((a.driverId === null) === (a.vehicleId === null)) ctx.addIssue({ code: 'custom', path: ['driverId'], message: 'Bitte entweder eine Fahrerin bzw. einen Fahrer oder ein Fahrzeug wählen.' });
    if (a.to < a.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Das Ende muss nach dem Beginn liegen.' });
  });

export const calendarSettingsSchema = z.strictObject({
  /** Minutes needed between two appointments at different places (default 30). */
  travelMinutes: z
    .number({ error: 'Bitte eine Zahl angeben.' })
    .int({ error: 'Bitte ganze Minuten angeben.' })
    .min(0, { error: 'Die Wegezeit darf nicht negativ sein.' })
    .max(600, { error: 'Höchstens 600 Minuten.' })
    .default(30),
});
