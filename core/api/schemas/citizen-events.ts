import { z } from 'zod';
import { citizenInputSchema, citizenSchema } from './citizen-requests';
import { clockTime, isoDate, localDateTime, multiLine, recordId, requireRevisionWithId, revisionSchema, singleLine } from './common';

const text = (max: number) => multiLine(max).default('');
const line = (max: number) => singleLine(max).default('');
const positiveId = recordId;

// ------------------------------------------------------------------ citizens' talks and walks

export const citizenEventKindSchema = z.enum(['gespraech', 'spaziergang']);
export type CitizenEventKind = z.infer<typeof citizenEventKindSchema>;
export const CITIZEN_EVENT_KIND_LABELS: Record<CitizenEventKind, string> = {
  gespraech: 'Bürgergespräch',
  spaziergang: 'Bürgerspaziergang',
};

/** A stop of a walk: "18:30", the place, what to look at there. */
export const routeStopSchema = z.strictObject({
  time: z.union([z.literal(''), clockTime]).default(''),
  place: singleLine(300).min(1, 'Bitte den Ort des Halts angeben.'),
  note: text(1000),
});
export type RouteStop = z.infer<typeof routeStopSchema>;

export const citizenEventInputSchema = z
  .strictObject({
    id: positiveId.optional(),
    /** With `id`: the revision the event was loaded at (required; STALE when it moved on). */
    revision: revisionSchema.optional(),
    kind: citizenEventKindSchema,
    title: singleLine(300).min(1, 'Bitte einen Titel angeben.'),
    start: localDateTime,
    end: localDateTime,
    district: line(100),
    /** Talks: the venue; walks: the meeting point. */
    place: line(300),
    /** Walks only: the stops in order (talks keep none). */
    route: z.array(routeStopSchema).max(40, 'Höchstens 40 Halte.').default([]),
    /** Places available; null: no limit. */
    capacity: z.number().int().positive('Die Zahl der Plätze muss größer als 0 sein.').nullable().default(null),
    /** An appointment already in a calendar (the Oberbürgermeister/in's). */
    appointmentId: positiveId.nullable().default(null),
    notes: text(10_000),
  })
  .superRefine((event, ctx) => {
    requireRevisionWithId(event, ctx);
    if (event.end <= event.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'Das Ende muss nach dem Beginn liegen.' });
  });
export type CitizenEventInput = z.input<typeof citizenEventInputSchema>;

export const citizenEventSchema = z.object({
  id: z.number().int(),
  revision: revisionSchema,
  kind: citizenEventKindSchema,
  title: z.string(),
  start: z.string(),
  end: z.string(),
  district: z.string(),
  place: z.string(),
  route: z.array(routeStopSchema),
  capacity: z.number().int().nullable(),
  appointmentId: z.number().int().nullable(),
  /** The linked appointment: "Bürgerspaziergang Hochfeld" with its start. */
  appointment: z.object({ id: z.number().int(), title: z.string(), start: z.string() }).nullable(),
  notes: z.string(),
  /** How many registered. */
  registered: z.number().int(),
  /** Places left (null: no limit). */
  free: z.number().int().nullable(),
  /** Concerns recorded as requests at this event. */
  concerns: z.number().int(),
  /** The event is over (its end has passed). */
  past: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CitizenEvent = z.infer<typeof citizenEventSchema>;

export const eventRegistrationSchema = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  /** Null when the person's data was erased. */
  citizen: citizenSchema.nullable(),
  topic: z.string(),
  registeredOn: z.string(),
});
export type EventRegistration = z.infer<typeof eventRegistrationSchema>;

export const citizenEventDetailSchema = citizenEventSchema.extend({ registrations: z.array(eventRegistrationSchema) });
export type CitizenEventDetail = z.infer<typeof citizenEventDetailSchema>;

export const citizenEventListInputSchema = z
  .strictObject({
    /** upcoming: not yet over (soonest first); past: over (latest first); all: upcoming, then past. */
    period: z.enum(['upcoming', 'past', 'all']).default('all'),
    kind: citizenEventKindSchema.optional(),
    district: singleLine(100).optional(),
  })
  .default({ period: 'all' });

export const eventRegistrationInputSchema = z.strictObject({
  eventId: positiveId,
  /** The person (with `id`: someone already known, whose data is updated). */
  citizen: citizenInputSchema,
  /** What the person wants to raise. */
  topic: text(1000),
  /** Default: today. */
  registeredOn: isoDate.optional(),
});
export type EventRegistrationInput = z.input<typeof eventRegistrationInputSchema>;

export const citizenEventDocumentKindSchema = z.enum(['einladung', 'pressenotiz', 'briefing', 'nachbericht']);
export type CitizenEventDocumentKind = z.infer<typeof citizenEventDocumentKindSchema>;
export const CITIZEN_EVENT_DOCUMENT_LABELS: Record<CitizenEventDocumentKind, string> = {
  einladung: 'Einladung',
  pressenotiz: 'Pressenotiz',
  briefing: 'Unterlage für die Oberbürgermeisterin bzw. den Oberbürgermeister',
  nachbericht: 'Nachbericht',
};
export const citizenEventDocumentInputSchema = z.strictObject({ id: positiveId, kind: citizenEventDocumentKindSchema });

// ------------------------------------------------------------------ civic engagement

/** Fields of engagement proposed in the forms (staff may type others). */
export const VOLUNTEER_FIELDS = [
  'Sport',
  'Kultur',
  'Soziales',
  'Kinder und Jugend',
  'Seniorinnen und Senioren',
  'Integration',
  'Bildung',
  'Umwelt und Natur',
  'Gesundheit und Pflege',
  'Rettung und Katastrophenschutz',
  'Tierschutz',
  'Stadtteilarbeit',
] as const;

export const volunteerOutcomeSchema = z.enum(['offen', 'vermittelt', 'kein_angebot', 'zurueckgezogen']);
export type VolunteerOutcome = z.infer<typeof volunteerOutcomeSchema>;
export const VOLUNTEER_OUTCOME_LABELS: Record<VolunteerOutcome, string> = {
  offen: 'offen',
  vermittelt: 'vermittelt',
  kein_angebot: 'kein passendes Angebot',
  zurueckgezogen: 'zurückgezogen',
};

const fieldsSchema = z.array(singleLine(100).min(1)).max(20, 'Höchstens 20 Bereiche.').default([]);

export const volunteerEnquiryInputSchema = z.strictObject({
  id: positiveId.optional(),
  /** With `id`: the revision the enquiry was loaded at (required; STALE when it moved on). */
  revision: revisionSchema.optional(),
  citizen: citizenInputSchema,
  receivedOn: isoDate,
  /** What the person is interested in, in their words. */
  interests: text(5000),
  fields: fieldsSchema,
  /** The organisation (a contact of kind organisation) the person was referred to. */
  organisationId: positiveId.nullable().default(null),
  /** Default: today, when an organisation is given. */
  referredOn: isoDate.nullable().default(null),
  outcome: volunteerOutcomeSchema.default('offen'),
  notes: text(10_000),
}).superRefine(requireRevisionWithId);
export type VolunteerEnquiryInput = z.input<typeof volunteerEnquiryInputSchema>;

export const volunteerEnquirySchema = z.object({
  id: z.number().int(),
  /** Null when the person's data was erased. */
  citizen: citizenSchema.nullable(),
  receivedOn: z.string(),
  interests: z.string(),
  fields: z.array(z.string()),
  organisationId: z.number().int().nullable(),
  /** The organisation's name. */
  organisation: z.string().nullable(),
  referredOn: z.string().nullable(),
  outcome: volunteerOutcomeSchema,
  notes: z.string(),
  anonymised: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: revisionSchema,
});
export type VolunteerEnquiry = z.infer<typeof volunteerEnquirySchema>;

export const volunteerOfferInputSchema = z.strictObject({
  id: positiveId.optional(),
  /** With `id`: the revision the offer was loaded at (required; STALE when it moved on). */
  revision: revisionSchema.optional(),
  organisationId: z.number({ error: 'Bitte die Organisation wählen.' }).int().positive(),
  field: singleLine(100).min(1, 'Bitte den Bereich angeben.'),
  /** What the organisation is looking for: "Trainerinnen und Trainer für die Jugendabteilung". */
  description: text(2000),
  active: z.boolean().default(true),
}).superRefine(requireRevisionWithId);
export type VolunteerOfferInput = z.input<typeof volunteerOfferInputSchema>;

export const volunteerOfferSchema = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  organisation: z.string(),
  /** How to reach the organisation: "Am Sportplatz 4, 47198 Duisburg · info@… · 02066 …". */
  reach: z.string(),
  field: z.string(),
  description: z.string(),
  active: z.boolean(),
  /** Enquiries referred to this organisation so far. */
  referrals: z.number().int(),
  updatedAt: z.string(),
  revision: revisionSchema,
});
export type VolunteerOffer = z.infer<typeof volunteerOfferSchema>;

/** Offers grouped by field, fields in alphabetical order. */
export const volunteerOfferGroupsSchema = z.array(z.object({ field: z.string(), offers: z.array(volunteerOfferSchema) }));
export type VolunteerOfferGroups = z.infer<typeof volunteerOfferGroupsSchema>;

export const volunteerOffersInputSchema = z
  .strictObject({ includeInactive: z.boolean().default(false) })
  .default({ includeInactive: false });

/** The active offers in the fields of an enquiry, or in the fields given (a dialog not yet saved). */
export const volunteerMatchingInputSchema = z.union([z.strictObject({ enquiryId: positiveId }), z.strictObject({ fields: z.array(singleLine(100)).max(20) })]);

export const volunteerEnquiryListInputSchema = z.strictObject({ outcome: volunteerOutcomeSchema.optional() }).default({});
