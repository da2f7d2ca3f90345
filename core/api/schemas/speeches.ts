import { z } from 'zod';
import { personSchema } from './addressing';
import { DEFAULT_WORDS_PER_MINUTE, speechBodySchema } from '../speech-body';
import { isoDate, multiLine, requireRevisionWithId, revisionSchema, singleLine } from './common';

/**
 * Greeting the guests of a speech (DOMAIN.md B). Persons have exactly the shape
 * `addressing.compose` takes. Without `speaker` the host speaks.
 */
export const greetingClosingSchema = z.enum(['damen_herren', 'buergerschaft']);
/** The last greeting: „meine sehr geehrten Damen und Herren,“ or „liebe Duisburgerinnen und Duisburger,“. */
export const GREETING_CLOSING_LABELS: Record<z.infer<typeof greetingClosingSchema>, string> = {
  damen_herren: 'meine sehr geehrten Damen und Herren',
  buergerschaft: 'liebe Duisburgerinnen und Duisburger',
};

/**
 * A guest to greet: the person, and whether staff marked them as a guest of honour (the person
 * celebrated, a prize winner, a donor). Guests without an office are greeted by name only when
 * so marked; the others are the „Damen und Herren“ of the closing (DOMAIN.md B).
 */
export const greetingGuestSchema = personSchema.extend({
  guestOfHonour: z.boolean().optional(),
});
export type GreetingGuest = z.infer<typeof greetingGuestSchema>;

export const greetingInputSchema = z.strictObject({
  speaker: personSchema.optional(),
  host: personSchema.optional(),
  guests: z.array(greetingGuestSchema).max(500),
  /**
   * The guests are already in the order staff want (a reordered proposal): they are merged and
   * phrased as usual, but not sorted by precedence.
   */
  keepOrder: z.boolean().optional(),
  /** Default „meine sehr geehrten Damen und Herren“. */
  closing: greetingClosingSchema.optional(),
});
export type GreetingInput = z.infer<typeof greetingInputSchema>;

/**
 * Stable shape (other tools rely on it): the spoken text, ending with a comma, and the persons
 * greeted in that order — merged groups and the closing group with all their members (each
 * with the guest-of-honour mark it came with).
 */
export const greetingSchema = z.object({
  text: z.string(),
  order: z.array(greetingGuestSchema),
});
export type Greeting = z.infer<typeof greetingSchema>;


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

/** A guest of a speech: the contact (if picked from the contacts) and the person to greet. */
export const speechGuestSchema = z.strictObject({
  contactId: z.number().int().positive().nullable(),
  name: singleLine(300),
  person: greetingGuestSchema,
});
export type SpeechGuest = z.infer<typeof speechGuestSchema>;

/** The greeting of a speech as staff last composed it, stored with the speech. */
export const speechGreetingSchema = z.strictObject({
  guests: z.array(speechGuestSchema).max(500),
  /** Who hosts, when it is not the speaker. */
  host: speechGuestSchema.nullable(),
  closing: greetingClosingSchema.default('damen_herren'),
  /** The persons greeted, in the order chosen. */
  order: z.array(greetingGuestSchema).max(500),
  text: multiLine(20000, { trim: false }),
});
export type SpeechGreeting = z.infer<typeof speechGreetingSchema>;

export const speechInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  /** With `id`: the revision the speech was loaded at (required; STALE when it moved on). */
  revision: revisionSchema.optional(),
  title: singleLine(300).min(1, 'Bitte einen Titel angeben.'),
  kind: speechKindSchema,
  speakerId: z.number().int().positive().nullable().default(null),
  appointmentId: z.number().int().positive().nullable().default(null),
  invitationId: z.number().int().positive().nullable().default(null),
  audience: multiLine(500).default(''),
  targetMinutes: z.number().int().min(1, 'Mindestens eine Minute.').max(240).nullable().default(null),
  deadline: isoDate.nullable().default(null),
  author: singleLine(200).default(''),
  status: speechStatusSchema.default('auftrag'),
  notes: multiLine(10000).default(''),
  background: multiLine(50000).default(''),
  greeting: speechGreetingSchema.nullable().optional(),
  /** The text; when given and different from the last version, it becomes a new version. */
  body: speechBodySchema.optional(),
}).superRefine(requireRevisionWithId);
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
  background: z.string(),
  greeting: speechGreetingSchema.nullable(),
  /** Number of the current version (null: no text yet) and its spoken words. */
  version: z.number().int().nullable(),
  words: z.number().int(),
  /** Not yet given or released, and past its deadline. */
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Rises with every change of the speech (details or text; not `version`, the text's own numbering). */
  revision: revisionSchema,
});
export type Speech = z.infer<typeof speechSchema>;

export const speechListInputSchema = z.strictObject({
  status: speechStatusSchema.optional(),
  speakerId: z.number().int().positive().optional(),
  appointmentId: z.number().int().positive().optional(),
});

/** One speech with its current text. */
export const speechDetailSchema = speechSchema.extend({ body: speechBodySchema });
export type SpeechDetail = z.infer<typeof speechDetailSchema>;

export const speechVersionSchema = z.object({
  id: z.number().int(),
  speechId: z.number().int(),
  number: z.number().int(),
  savedAt: z.string(),
  savedBy: z.string(),
  words: z.number().int(),
  note: z.string(),
});
export type SpeechVersion = z.infer<typeof speechVersionSchema>;
export const speechVersionDetailSchema = speechVersionSchema.extend({ body: speechBodySchema, plainText: z.string() });

/** What changed between two versions, as runs of unchanged, added and removed text. */
export const speechComparisonSchema = z.object({
  from: speechVersionSchema,
  to: speechVersionSchema,
  changes: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
  addedWords: z.number().int(),
  removedWords: z.number().int(),
});
export type SpeechComparison = z.infer<typeof speechComparisonSchema>;

/** A piece of text around a hit; `hit` parts are what matched. */
export const snippetSchema = z.array(z.object({ text: z.string(), hit: z.boolean() }));
export type Snippet = z.infer<typeof snippetSchema>;

export const speechSearchInputSchema = z.strictObject({
  text: singleLine(200).min(1, 'Bitte einen Suchbegriff eingeben.'),
  limit: z.number().int().min(1).max(200).default(30),
});
export const speechSearchResultSchema = z.object({
  speeches: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      kind: speechKindSchema,
      status: speechStatusSchema,
      speaker: z.string().nullable(),
      /** The occasion's date (appointment) or else the deadline. */
      date: z.string().nullable(),
      audience: z.string(),
      snippet: snippetSchema,
    }),
  ),
  textBlocks: z.array(z.object({ id: z.number().int(), title: z.string(), category: z.string(), snippet: snippetSchema })),
});
export type SpeechSearchResult = z.infer<typeof speechSearchResultSchema>;

export const speechSettingsSchema = z.strictObject({
  /** Speaking rate for the speaking time (words per minute). */
  wordsPerMinute: z
    .number({ error: 'Bitte eine Zahl angeben.' })
    .int({ error: 'Bitte ganze Wörter pro Minute angeben.' })
    .min(60, { error: 'Mindestens 60 Wörter pro Minute.' })
    .max(200, { error: 'Höchstens 200 Wörter pro Minute.' })
    .default(DEFAULT_WORDS_PER_MINUTE),
});
export type SpeechSettings = z.infer<typeof speechSettingsSchema>;

/** An older version's text becomes the newest: against the revision the speech was loaded at. */
export const speechRestoreInputSchema = z.strictObject({ versionId: z.number().int().positive(), revision: revisionSchema });

/** The Word manuscript for speaking, or the one-page Grußwort for a programme booklet. */
export const speechDocumentInputSchema = z.strictObject({
  id: z.number().int().positive(),
  format: z.enum(['manuskript', 'festschrift']),
});
