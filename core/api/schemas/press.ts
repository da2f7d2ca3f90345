import { z } from 'zod';
import { snippetSchema } from './speeches';
import { localDateTime, multiLine, requireRevisionWithId, revisionSchema, singleLine } from './common';

const text = (max: number) => multiLine(max).default('');
const line = (max: number) => singleLine(max).default('');

/** Wall-clock time in Europe/Berlin: "2027-01-15T10:00". */
export const pressDateTimeSchema = localDateTime;

// ------------------------------------------------------------------ press releases

export const pressReleaseStatusSchema = z.enum(['entwurf', 'abstimmung', 'freigegeben', 'veroeffentlicht', 'zurueckgezogen']);
export type PressReleaseStatus = z.infer<typeof pressReleaseStatusSchema>;
export const PRESS_RELEASE_STATUS_LABELS: Record<PressReleaseStatus, string> = {
  entwurf: 'Entwurf',
  abstimmung: 'in Abstimmung',
  freigegeben: 'freigegeben',
  veroeffentlicht: 'veröffentlicht',
  zurueckgezogen: 'zurückgezogen',
};

/** The workflow steps (rules: core/domain/press/release-rules.ts). */
export const pressStepSchema = z.enum(['submit', 'approve', 'publish', 'withdraw']);
export type PressStep = z.infer<typeof pressStepSchema>;
export const PRESS_STEP_LABELS: Record<PressStep, string> = {
  submit: 'Zur Freigabe vorlegen',
  approve: 'Freigeben',
  publish: 'Veröffentlichen',
  withdraw: 'Zurückziehen',
};

export const pressReleaseInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  /** With `id`: the revision the release was loaded at (required; STALE when it moved on). */
  revision: revisionSchema.optional(),
  title: singleLine(300).min(1, 'Bitte den Titel angeben.'),
  subtitle: line(500),
  /** Paragraphs separated by blank lines. */
  body: multiLine(100_000, { trim: false }).default(''),
  /** Who to ask (name, phone, e-mail of the press office); empty: the office's contact persons. */
  contactInfo: text(2000),
  /** Planned publication, Berlin wall-clock. */
  releaseAt: pressDateTimeSchema.nullable().default(null),
  /** Sperrfrist: not to be published before, Berlin wall-clock. */
  embargoUntil: pressDateTimeSchema.nullable().default(null),
  appointmentId: z.number().int().positive().nullable().default(null),
}).superRefine(requireRevisionWithId);
export type PressReleaseInput = z.input<typeof pressReleaseInputSchema>;

export const pressReleaseSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  subtitle: z.string(),
  body: z.string(),
  contactInfo: z.string(),
  status: pressReleaseStatusSchema,
  approvedBy: z.string().nullable(),
  /** ISO instant. */
  approvedAt: z.string().nullable(),
  releaseAt: z.string().nullable(),
  embargoUntil: z.string().nullable(),
  /** The embargo has not passed yet. */
  embargoActive: z.boolean(),
  appointmentId: z.number().int().nullable(),
  /** "Pressekonferenz Hafenfest, 15.01.2027" or null. */
  appointment: z.string().nullable(),
  /** The steps allowed now, in workflow order. */
  steps: z.array(pressStepSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: revisionSchema,
});
export type PressRelease = z.infer<typeof pressReleaseSchema>;

export const pressReleaseListInputSchema = z.strictObject({
  status: pressReleaseStatusSchema.optional(),
  /** Full-text search over title, subtitle and text (German word forms). */
  text: singleLine(200).optional(),
});

export const pressReleaseListItemSchema = pressReleaseSchema.omit({ body: true }).extend({
  /** With a search: the text around the first hit, hits marked. */
  snippet: snippetSchema.nullable(),
});
export type PressReleaseListItem = z.infer<typeof pressReleaseListItemSchema>;

export const pressReleaseStepInputSchema = z.strictObject({
  id: z.number().int().positive(),
  /** The revision the release was loaded at (STALE when it moved on). */
  revision: revisionSchema,
  step: pressStepSchema,
});

export const pressExportFormatSchema = z.enum(['docx', 'text', 'html']);
export type PressExportFormat = z.infer<typeof pressExportFormatSchema>;
export const pressReleaseExportInputSchema = z.strictObject({ id: z.number().int().positive(), format: pressExportFormatSchema });

// ------------------------------------------------------------------ media contacts and distribution lists

/** Suggestions; the field takes any word. */
export const MEDIA_TYPES = ['Zeitung', 'Radio', 'Fernsehen', 'Online', 'Agentur', 'Zeitschrift'] as const;

export const mediaContactInputSchema = z.strictObject({
  contactId: z.number().int().positive(),
  mediaType: line(100),
  topics: z.array(singleLine(100).min(1)).max(50).default([]),
  notes: text(5000),
});
export type MediaContactInput = z.input<typeof mediaContactInputSchema>;

export const mediaContactSchema = z.object({
  contactId: z.number().int(),
  /** The contact's name ("Jens Kuhlmann" or "Radio Hafenstadt 98,4"). */
  name: z.string(),
  /** A person's outlet (their organisation); empty for an outlet itself. */
  organisation: z.string(),
  email: z.string(),
  phone: z.string(),
  mediaType: z.string(),
  topics: z.array(z.string()),
  notes: z.string(),
  /** Names of the distribution lists the contact is on. */
  lists: z.array(z.string()),
});
export type MediaContact = z.infer<typeof mediaContactSchema>;

export const distributionListInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  name: singleLine(200).min(1, 'Bitte den Namen des Verteilers angeben.'),
  description: text(2000),
  memberIds: z.array(z.number().int().positive()).max(2000).default([]),
});
export type DistributionListInput = z.input<typeof distributionListInputSchema>;

export const distributionListMemberSchema = z.object({
  contactId: z.number().int(),
  name: z.string(),
  organisation: z.string(),
  email: z.string(),
  /** Empty when the contact has no press details. */
  mediaType: z.string(),
});

export const distributionListSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  members: z.array(distributionListMemberSchema),
});
export type DistributionList = z.infer<typeof distributionListSchema>;

// ------------------------------------------------------------------ press appointments

export const pressResponseSchema = z.enum(['offen', 'zugesagt', 'abgesagt']);
export type PressResponse = z.infer<typeof pressResponseSchema>;
export const PRESS_RESPONSE_LABELS: Record<PressResponse, string> = { offen: 'offen', zugesagt: 'zugesagt', abgesagt: 'abgesagt' };

export const pressInviteeSchema = distributionListMemberSchema.extend({ response: pressResponseSchema });
export type PressInvitee = z.infer<typeof pressInviteeSchema>;

export const pressInvitationsSchema = z.object({
  appointmentId: z.number().int(),
  invitees: z.array(pressInviteeSchema),
});

export const pressInvitationsSaveSchema = z.strictObject({
  appointmentId: z.number().int().positive(),
  /** Every member of these lists is invited (those already invited keep their response). */
  listIds: z.array(z.number().int().positive()).max(200).default([]),
  /** Single media contacts (or any contact) invited. */
  contactIds: z.array(z.number().int().positive()).max(2000).default([]),
  responses: z.array(z.strictObject({ contactId: z.number().int().positive(), response: pressResponseSchema })).max(2000).default([]),
  /** Invitations taken back. */
  remove: z.array(z.number().int().positive()).max(2000).default([]),
});
export type PressInvitationsSave = z.input<typeof pressInvitationsSaveSchema>;

export const pressInvitationCountSchema = z.object({
  appointmentId: z.number().int(),
  invited: z.number().int(),
  accepted: z.number().int(),
  declined: z.number().int(),
});

// ------------------------------------------------------------------ press enquiries

export const pressEnquiryInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  /** With `id`: the revision the enquiry was loaded at (required; STALE when it moved on). */
  revision: revisionSchema.optional(),
  /** The journalist (or outlet) from the contacts; names below are then taken from it when empty. */
  contactId: z.number().int().positive().nullable().default(null),
  outlet: line(300),
  journalist: line(300),
  receivedAt: pressDateTimeSchema,
  topic: singleLine(300).min(1, 'Bitte das Thema der Anfrage angeben.'),
  question: text(20_000),
  deadline: pressDateTimeSchema.nullable().default(null),
}).superRefine(requireRevisionWithId);
export type PressEnquiryInput = z.input<typeof pressEnquiryInputSchema>;

export const pressEnquirySchema = z.object({
  id: z.number().int(),
  contactId: z.number().int().nullable(),
  outlet: z.string(),
  journalist: z.string(),
  receivedAt: z.string(),
  topic: z.string(),
  question: z.string(),
  deadline: z.string().nullable(),
  answer: z.string(),
  /** ISO instant. */
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  /** The deadline has passed without an answer. */
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: revisionSchema,
});
export type PressEnquiry = z.infer<typeof pressEnquirySchema>;

export const pressEnquiryListInputSchema = z.strictObject({ open: z.boolean().optional() });
export const pressEnquiryAnswerSchema = z.strictObject({
  id: z.number().int().positive(),
  /** The revision the enquiry was loaded at (STALE when it moved on). */
  revision: revisionSchema,
  answer: multiLine(20_000).min(1, 'Bitte die Antwort eintragen.'),
});
