import { z } from 'zod';
import { personSchema } from './addressing';

/**
 * Greeting the guests of a speech (DOMAIN.md B). Persons have exactly the shape
 * `addressing.compose` takes. Without `speaker` the host speaks.
 */
export const greetingInputSchema = z.object({
  speaker: personSchema.optional(),
  host: personSchema.optional(),
  guests: z.array(personSchema).max(500),
});
export type GreetingInput = z.infer<typeof greetingInputSchema>;

/**
 * Stable shape (other tools rely on it): the spoken text, ending with a comma, and the persons
 * greeted in that order — merged groups and the closing group with all their members.
 */
export const greetingSchema = z.object({
  text: z.string(),
  order: z.array(personSchema),
});
export type Greeting = z.infer<typeof greetingSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum im Format JJJJ-MM-TT erwartet.');

export const speechKindSchema = z.enum(['rede', 'grusswort', 'grusswort_schriftlich', 'nachruf']);
export const SPEECH_KIND_LABELS: Record<z.infer<typeof speechKindSchema>, string> = {
  rede: 'Rede',
  grusswort: 'Grußwort (gesprochen)',
  grusswort_schriftlich: 'Grußwort (schriftlich, Festschrift)',
  nachruf: 'Nachruf-Rede',
};
export const speechStatusSchema = z.enum(['auftrag', 'entwurf', 'abstimmung', 'freigegeben', 'gehalten']);
export const SPEECH_STATUS_LABELS: Record<z.infer<typeof speechStatusSchema>, string> = {
  auftrag: 'Auftrag',
  entwurf: 'Entwurf',
  abstimmung: 'Abstimmung',
  freigegeben: 'freigegeben',
  gehalten: 'gehalten',
};

export const speechInputSchema = z.object({
  id: z.number().int().positive().optional(),
  title: z.string().trim().min(1, 'Bitte einen Titel angeben.').max(300),
  kind: speechKindSchema,
  speakerId: z.number().int().positive().nullable().default(null),
  appointmentId: z.number().int().positive().nullable().default(null),
  invitationId: z.number().int().positive().nullable().default(null),
  audience: z.string().trim().max(500).default(''),
  targetMinutes: z.number().int().min(1, 'Mindestens eine Minute.').max(240).nullable().default(null),
  deadline: isoDate.nullable().default(null),
  author: z.string().trim().max(200).default(''),
  status: speechStatusSchema.default('auftrag'),
  notes: z.string().trim().max(10000).default(''),
});
export type SpeechInput = z.input<typeof speechInputSchema>;

export const speechSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  kind: speechKindSchema,
  speakerId: z.number().int().nullable(),
  /** "Dr. Petra Hovestadt, Oberbürgermeisterin". */
  speaker: z.string().nullable(),
  appointmentId: z.number().int().nullable(),
  invitationId: z.number().int().nullable(),
  audience: z.string(),
  targetMinutes: z.number().int().nullable(),
  deadline: z.string().nullable(),
  author: z.string(),
  status: speechStatusSchema,
  notes: z.string(),
  /** Not yet given or released, and past its deadline. */
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Speech = z.infer<typeof speechSchema>;

export const speechListInputSchema = z.object({
  status: speechStatusSchema.optional(),
  speakerId: z.number().int().positive().optional(),
  appointmentId: z.number().int().positive().optional(),
});
