import { z } from 'zod';
import { letterDraftSchema } from './letters';
import { isoDate, multiLine, requireRevisionWithId, revisionSchema, singleLine } from './common';

const text = (max: number) => multiLine(max).default('');
const line = (max: number) => singleLine(max).default('');

/** The criteria a patronage (Schirmherrschaft) is checked against: met, not met, or not yet checked (null). */
export const patronageCriteriaSchema = z.strictObject({
  publicBenefit: z.boolean().nullable().default(null),
  cityRelevance: z.boolean().nullable().default(null),
  noCommercialPurpose: z.boolean().nullable().default(null),
  politicalNeutrality: z.boolean().nullable().default(null),
});
export type PatronageCriteria = z.infer<typeof patronageCriteriaSchema>;
export const PATRONAGE_CRITERIA_LABELS: Record<keyof PatronageCriteria, string> = {
  publicBenefit: 'Gemeinnützigkeit bzw. öffentliches Interesse',
  cityRelevance: 'Bedeutung für Duisburg',
  noCommercialPurpose: 'kein kommerzieller Zweck',
  politicalNeutrality: 'parteipolitische Neutralität',
};

export const patronageDecisionSchema = z.enum(['offen', 'uebernommen', 'abgelehnt']);
export type PatronageDecision = z.infer<typeof patronageDecisionSchema>;
export const PATRONAGE_DECISION_LABELS: Record<PatronageDecision, string> = {
  offen: 'offen',
  uebernommen: 'übernommen',
  abgelehnt: 'abgelehnt',
};

export const patronageInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  /** With `id`: the revision the request was loaded at (required; STALE when it moved on). */
  revision: revisionSchema.optional(),
  organisationId: z.number().int().positive().nullable().default(null),
  organisationName: line(300),
  event: singleLine(300).min(1, 'Bitte die Veranstaltung angeben.'),
  eventFrom: isoDate,
  eventTo: isoDate.nullable().default(null),
  place: line(300),
  receivedOn: isoDate,
  patronId: z.number().int().positive().nullable().default(null),
  criteria: patronageCriteriaSchema.default({ publicBenefit: null, cityRelevance: null, noCommercialPurpose: null, politicalNeutrality: null }),
  speechId: z.number().int().positive().nullable().default(null),
  appointmentId: z.number().int().positive().nullable().default(null),
  notes: text(10000),
}).superRefine(requireRevisionWithId);
export type PatronageInput = z.input<typeof patronageInputSchema>;

export const patronageSchema = z.object({
  id: z.number().int(),
  organisationId: z.number().int().nullable(),
  organisationName: z.string(),
  /** The contact's name, or what was written. */
  organisation: z.string(),
  event: z.string(),
  eventFrom: z.string(),
  eventTo: z.string().nullable(),
  place: z.string(),
  receivedOn: z.string(),
  patronId: z.number().int().nullable(),
  /** „Dr. Petra Hovestadt, Oberbürgermeisterin“. */
  patron: z.string().nullable(),
  criteria: patronageCriteriaSchema,
  /** Every criterion checked and met. */
  criteriaMet: z.boolean(),
  decision: patronageDecisionSchema,
  reasons: z.string(),
  decidedOn: z.string().nullable(),
  speechId: z.number().int().nullable(),
  appointmentId: z.number().int().nullable(),
  replyLetterId: z.number().int().nullable(),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: revisionSchema,
});
export type Patronage = z.infer<typeof patronageSchema>;

export const patronageDecideSchema = z.strictObject({
  id: z.number().int().positive(),
  /** The revision the request was loaded at (STALE when it moved on). */
  revision: revisionSchema,
  decision: patronageDecisionSchema.exclude(['offen']),
  reasons: text(5000),
});

export const patronageDecidedSchema = z.object({
  patronage: patronageSchema,
  /** The reply letter, ready for letters.create (null without an organisation contact: choose one first). */
  reply: letterDraftSchema.nullable(),
});
