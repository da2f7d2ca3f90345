import { z } from 'zod';
import { letterDraftSchema } from './letters';
import { isoDate, multiLine, optionalEmail, optionalWebAddress, recordId, requireRevisionWithId, revisionSchema, singleLine } from './common';

const text = (max: number) => multiLine(max).default('');
const line = (max: number) => singleLine(max).default('');

export const requestKindSchema = z.enum(['idee', 'anregung', 'beschwerde', 'hilfe', 'lob']);
export type RequestKind = z.infer<typeof requestKindSchema>;
export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  idee: 'Idee',
  anregung: 'Anregung',
  beschwerde: 'Beschwerde',
  hilfe: 'Bitte um Hilfe',
  lob: 'Lob',
};

export const requestChannelSchema = z.enum(['brief', 'email', 'telefon', 'persoenlich', 'buergergespraech', 'buergerspaziergang', 'social_media']);
export type RequestChannel = z.infer<typeof requestChannelSchema>;
export const REQUEST_CHANNEL_LABELS: Record<RequestChannel, string> = {
  brief: 'Brief',
  email: 'E-Mail',
  telefon: 'Telefon',
  persoenlich: 'persönlich',
  buergergespraech: 'Bürgergespräch',
  buergerspaziergang: 'Bürgerspaziergang',
  social_media: 'Social Media',
};

export const requestStatusSchema = z.enum(['eingegangen', 'bestaetigt', 'in_bearbeitung', 'weitergeleitet', 'stellungnahme', 'beantwortet', 'erledigt']);
export type RequestStatus = z.infer<typeof requestStatusSchema>;
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  eingegangen: 'eingegangen',
  bestaetigt: 'Eingang bestätigt',
  in_bearbeitung: 'in Bearbeitung',
  weitergeleitet: 'an Fachbereich weitergeleitet',
  stellungnahme: 'Stellungnahme eingegangen',
  beantwortet: 'beantwortet',
  erledigt: 'erledigt',
};

/** Duisburg's seven city districts (Stadtbezirke). */
export const DISTRICTS = ['Walsum', 'Hamborn', 'Meiderich/Beeck', 'Homberg/Ruhrort/Baerl', 'Mitte', 'Rheinhausen', 'Süd'] as const;

/** Topic categories proposed for requests (staff may type others). */
export const REQUEST_CATEGORIES = [
  'Verkehr und Straßen',
  'Sauberkeit und Müll',
  'Grün und Spielplätze',
  'Ordnung und Sicherheit',
  'Soziales und Gesundheit',
  'Schule und Kita',
  'Kultur und Sport',
  'Wohnen und Bauen',
  'Verwaltung und Service',
  'Sonstiges',
] as const;

/** A citizen's personal data (kept apart from the contacts, erased by the retention rules). */
export const citizenInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  gender: z.enum(['female', 'male', 'diverse', 'unknown']).default('unknown'),
  degrees: line(100),
  givenName: line(200),
  surname: singleLine(200).min(1, 'Bitte den Nachnamen angeben.'),
  street: line(200),
  houseNumber: line(20),
  postcode: line(10),
  city: line(100),
  email: optionalEmail().default(''),
  phone: line(50),
});
export type CitizenInput = z.input<typeof citizenInputSchema>;
export const citizenSchema = z.object({
  id: z.number().int(),
  gender: z.enum(['female', 'male', 'diverse', 'unknown']),
  degrees: z.string(),
  givenName: z.string(),
  surname: z.string(),
  street: z.string(),
  houseNumber: z.string(),
  postcode: z.string(),
  city: z.string(),
  email: z.string(),
  phone: z.string(),
  /** "Dr. Ayşe Kaya". */
  displayName: z.string(),
});
export type Citizen = z.infer<typeof citizenSchema>;

export const requestInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  /** With `id`: the revision the request was loaded at (required; STALE when it moved on). */
  revision: revisionSchema.optional(),
  kind: requestKindSchema,
  channel: requestChannelSchema,
  /** The person: new or changed data (`id` for an existing one); null: anonymous. */
  citizen: citizenInputSchema.nullable().default(null),
  subject: singleLine(300).min(1, 'Bitte einen Betreff angeben.'),
  text: text(100_000),
  category: line(100),
  district: line(100),
  place: line(300),
  receivedOn: isoDate,
  followUpOn: isoDate.nullable().default(null),
  eventId: z.number().int().positive().nullable().default(null),
  /** Where it was seen: the address of the post (social media); empty otherwise. */
  link: optionalWebAddress('Bitte die Internetadresse des Beitrags angeben; sie beginnt mit https:// (oder http://).').default(''),
}).superRefine(requireRevisionWithId);
export type RequestInput = z.input<typeof requestInputSchema>;

const attachmentSchema = z.object({ id: z.number().int(), fileName: z.string(), size: z.number().int() });

/** The next workflow steps a request allows now (what the UI offers). */
export const requestStepNameSchema = z.enum(['acknowledge', 'start', 'forward', 'remind', 'statement', 'noStatement', 'answer', 'replied', 'close', 'reopen']);
export type RequestStepName = z.infer<typeof requestStepNameSchema>;

export const requestSchema = z.object({
  id: z.number().int(),
  kind: requestKindSchema,
  channel: requestChannelSchema,
  citizen: citizenSchema.nullable(),
  subject: z.string(),
  text: z.string(),
  category: z.string(),
  district: z.string(),
  place: z.string(),
  receivedOn: z.string(),
  /** Where it was seen: the address of the post (social media); empty otherwise. */
  link: z.string(),
  status: requestStatusSchema,
  acknowledgedOn: z.string().nullable(),
  departmentId: z.number().int().nullable(),
  department: z.string().nullable(),
  statementRequestedOn: z.string().nullable(),
  statementDue: z.string().nullable(),
  statementReceivedOn: z.string().nullable(),
  statementText: z.string(),
  statementUnnecessary: z.boolean(),
  remindedOn: z.string().nullable(),
  answeredOn: z.string().nullable(),
  replyLetterId: z.number().int().nullable(),
  closedOn: z.string().nullable(),
  followUpOn: z.string().nullable(),
  eventId: z.number().int().nullable(),
  /** The personal data was erased (retention or on request). */
  anonymised: z.boolean(),
  /** A statement was asked for and its deadline has passed without it. */
  overdue: z.boolean(),
  /** The follow-up date (Wiedervorlage) has come. */
  followUpDue: z.boolean(),
  nextSteps: z.array(requestStepNameSchema),
  attachments: z.array(attachmentSchema),
  links: z.array(z.object({ id: z.number().int(), subject: z.string(), status: requestStatusSchema, receivedOn: z.string(), note: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: revisionSchema,
});
export type CitizenRequest = z.infer<typeof requestSchema>;

/** A row of the requests register: no text, the person's name only. */
export const requestListItemSchema = requestSchema
  .pick({
    id: true,
    kind: true,
    channel: true,
    subject: true,
    category: true,
    district: true,
    receivedOn: true,
    status: true,
    department: true,
    statementDue: true,
    followUpOn: true,
    overdue: true,
    followUpDue: true,
    anonymised: true,
    revision: true,
  })
  .extend({ citizenName: z.string().nullable() });
export type RequestListItem = z.infer<typeof requestListItemSchema>;

export const requestListInputSchema = z.strictObject({
  status: requestStatusSchema.optional(),
  /** Everything not yet erledigt. */
  open: z.boolean().optional(),
  /** Statement overdue or follow-up due. */
  attention: z.boolean().optional(),
  kind: requestKindSchema.optional(),
  channel: requestChannelSchema.optional(),
  district: singleLine(100).optional(),
  departmentId: z.number().int().positive().optional(),
  citizenId: z.number().int().positive().optional(),
  eventId: z.number().int().positive().optional(),
  /** Full-text search over subject, text, place and statement. */
  text: singleLine(200).optional(),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});
export const requestListSchema = z.object({ total: z.number().int(), items: z.array(requestListItemSchema) });

/** The request a change is meant for, as the user loaded it (STALE when someone changed it since). */
const loaded = { id: recordId, revision: revisionSchema };

/**
 * One workflow step (DOMAIN rules in core/domain/requests/workflow.ts): eingegangen →
 * Eingangsbestätigung → in Bearbeitung → an Fachbereich weitergeleitet → Stellungnahme → Antwort
 * → erledigt. No answer before a statement was asked for and received, unless marked unnecessary.
 */
export const requestStepSchema = z.discriminatedUnion('step', [
  z.strictObject({ ...loaded, step: z.literal('acknowledge'), via: z.enum(['brief', 'email']) }),
  z.strictObject({ ...loaded, step: z.literal('start') }),
  z.strictObject({
    ...loaded,
    step: z.literal('forward'),
    departmentId: z.number().int().positive(),
    /** Default: ten working days (weekends and NRW holidays do not count). */
    due: isoDate.optional(),
    note: text(2000),
  }),
  z.strictObject({ ...loaded, step: z.literal('remind') }),
  z.strictObject({ ...loaded, step: z.literal('statement'), receivedOn: isoDate, text: multiLine(50_000).min(1, 'Bitte die Stellungnahme eintragen.') }),
  z.strictObject({ ...loaded, step: z.literal('noStatement'), note: multiLine(2000).min(1, 'Bitte kurz begründen, warum keine Stellungnahme nötig ist.') }),
  z.strictObject({ ...loaded, step: z.literal('answer'), signerId: z.number().int().positive() }),
  z.strictObject({ ...loaded, step: z.literal('replied'), letterId: z.number().int().positive() }),
  z.strictObject({ ...loaded, step: z.literal('close'), note: text(2000) }),
  z.strictObject({ ...loaded, step: z.literal('reopen'), note: multiLine(2000).min(1, 'Bitte den Grund angeben.') }),
]);
export type RequestStep = z.input<typeof requestStepSchema>;

export const requestStepResultSchema = z.object({
  request: requestSchema,
  /** A letter to create with letters.create (acknowledgement by post, the reply). */
  letter: letterDraftSchema.nullable(),
  /** An e-mail text to copy (acknowledgement by e-mail, request for a statement, reminder). */
  email: z.object({ to: z.string(), subject: z.string(), text: z.string() }).nullable(),
});
export type RequestStepResult = z.infer<typeof requestStepResultSchema>;

export const requestHistoryEntrySchema = z.object({
  at: z.string(),
  user: z.string(),
  action: z.string(),
  status: requestStatusSchema.nullable(),
  note: z.string(),
});

export const departmentInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  name: singleLine(200).min(1, 'Bitte den Namen des Fachbereichs angeben.'),
  email: optionalEmail().default(''),
  active: z.boolean().default(true),
  sortOrder: z.number().int().default(0),
});
export const departmentSchema = departmentInputSchema.extend({ id: z.number().int() });
export type Department = z.infer<typeof departmentSchema>;

/** Statistics of requests received in a period (for charts and the annual report). */
export const requestStatsInputSchema = z.strictObject({ from: isoDate, to: isoDate });
const countsSchema = z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() }));
export const requestStatsSchema = z.object({
  total: z.number().int(),
  byKind: countsSchema,
  byCategory: countsSchema,
  byDistrict: countsSchema,
  byChannel: countsSchema,
  /** key "2026-11", label "Nov. 2026"; every month of the period, also those with none. */
  byMonth: countsSchema,
  /** Days from receipt to the answer (answered ones) and to closing (closed ones). */
  handlingDays: z.object({ answeredMedian: z.number().nullable(), answeredAverage: z.number().nullable(), closedMedian: z.number().nullable() }),
  open: z.number().int(),
  overdue: z.number().int(),
});
export type RequestStats = z.infer<typeof requestStatsSchema>;
