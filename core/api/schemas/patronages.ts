import { z } from 'zod';
import { letterDraftSchema } from './letters';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum im Format JJJJ-MM-TT erwartet.');
const text = (max: number) => z.string().trim().max(max).default('');

/** The criteria a patronage (Schirmherrschaft) is checked against: met, not met, or not yet checked (null). */
export const patronageCriteriaSchema = z.object({
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

export const patronageInputSchema = z.object({
  id: z.number().int().positive().optional(),
  organisationId: z.number().int().positive().nullable().default(null),
  organisationName: text(300),
  event: z.string().trim().min(1, 'Bitte die Veranstaltung angeben.').max(300),
  eventFrom: isoDate,
  eventTo: isoDate.nullable().default(null),
  place: text(300),
  receivedOn: isoDate,
  patronId: z.number().int().positive().nullable().default(null),
  criteria: patronageCriteriaSchema.default({ publicBenefit: null, cityRelevance: null, noCommercialPurpose: null, politicalNeutrality: null }),
  speechId: z.number().int().positive().nullable().default(null),
  appointmentId: z.number().int().positive().nullable().default(null),
  notes: text(10000),
});
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
});
export type Patronage = z.infer<typeof patronageSchema>;

export const patronageDecideSchema = z.object({
  id: z.number().int().positive(),
  decision: patronageDecisionSchema.exclude(['offen']),
  reasons: text(5000),
});

export const patronageDecidedSchema = z.object({
  patronage: patronageSchema,
  /** The reply letter, ready for letters.create (null without an organisation contact: choose one first). */
  reply: letterDraftSchema.nullable(),
});
