import { z } from 'zod';
import { languageSchema } from './addressing';
import { isoDate, multiLine, requireRevisionWithId, revisionSchema, singleLine, yearlyOrOnceDate } from './common';

/**
 * Partner cities (Partnerstädte) and the greetings plan (Grußkalender), DOMAIN.md E, issue 8.
 * `greetings.plan` keeps the exact shape other tools rely on; the UI reads the richer
 * `greetings.overview` and `greetings.occasion`.
 */

const text = (max: number) => multiLine(max).default('');
const year = z.number().int().min(1900, 'Der Grußkalender rechnet ab 1900.').max(2100, 'Der Grußkalender rechnet bis 2100.');
/** An occasion's key: 'rosch-ha-schana', 'nationalfeiertag-fr', a staff-added 'eigener-nouruz'. */
const occasionKey = z
  .string()
  .max(80)
  .regex(/^[a-z0-9-]{1,80}$/, 'Schlüssel aus Kleinbuchstaben, Ziffern und Bindestrichen erwartet.');

// --- Partnerships -----------------------------------------------------------------------------

export const partnershipKindSchema = z.enum(['partnerschaft', 'freundschaft', 'patenschaft', 'solidaritaet']);
export type PartnershipKind = z.infer<typeof partnershipKindSchema>;
export const PARTNERSHIP_KIND_LABELS: Record<PartnershipKind, string> = {
  partnerschaft: 'Städtepartnerschaft',
  freundschaft: 'Städtefreundschaft',
  patenschaft: 'Patenschaft',
  solidaritaet: 'Solidaritätspartnerschaft',
};

/** A greeting to a city that is not active needs an explicit approval. */
export const partnershipStatusSchema = z.enum(['aktiv', 'ruhend', 'ausgesetzt']);
export type PartnershipStatus = z.infer<typeof partnershipStatusSchema>;
export const PARTNERSHIP_STATUS_LABELS: Record<PartnershipStatus, string> = { aktiv: 'aktiv', ruhend: 'ruhend', ausgesetzt: 'ausgesetzt' };

export const GREETING_LANGUAGE_LABELS: Record<z.infer<typeof languageSchema>, string> = { de: 'Deutsch', en: 'Englisch', fr: 'Französisch' };

export const partnershipInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  /** With `id`: the revision the partnership was loaded at (required; STALE when it moved on). */
  revision: revisionSchema.optional(),
  city: singleLine(200).min(1, 'Bitte die Stadt angeben.'),
  /** ISO 3166-1 alpha-2 ("GB", "FR"). */
  country: singleLine(2)
    .transform((v) => v.toUpperCase())
    .pipe(z.string().max(2).regex(/^[A-Z]{2}$/, 'Ländercode mit zwei Buchstaben erwartet (z. B. FR).')),
  kind: partnershipKindSchema,
  since: singleLine(40).default(''),
  status: partnershipStatusSchema,
  language: languageSchema,
  mayorContactId: z.number().int().positive().nullable().default(null),
  officeContactId: z.number().int().positive().nullable().default(null),
  notes: text(5000),
  sortOrder: z.number().int().optional(),
}).superRefine(requireRevisionWithId);
export type PartnershipInput = z.input<typeof partnershipInputSchema>;

/** A contact of a partnership. `linked: false`: not stored, found by city and office (a proposal to take over). */
export const partnershipContactSchema = z.object({
  contactId: z.number().int(),
  name: z.string(),
  /** Office or function ("Lord Mayor of Portsmouth"). */
  description: z.string(),
  linked: z.boolean(),
});
export type PartnershipContact = z.infer<typeof partnershipContactSchema>;

export const partnershipSchema = z.object({
  id: z.number().int(),
  city: z.string(),
  country: z.string(),
  /** German name of the country ("Vereinigtes Königreich"). */
  countryName: z.string(),
  kind: partnershipKindSchema,
  since: z.string(),
  status: partnershipStatusSchema,
  language: languageSchema,
  /** The mayor (Oberbürgermeister/in, Lord Mayor, Maire): receives the city's greetings. */
  mayor: partnershipContactSchema.nullable(),
  /** The international office (Büro für internationale Beziehungen). */
  office: partnershipContactSchema.nullable(),
  notes: z.string(),
  sortOrder: z.number().int(),
  /** The latest entry of the history (date and title), if any. */
  lastEvent: z.object({ date: z.string(), title: z.string() }).nullable(),
  revision: revisionSchema,
});
export type Partnership = z.infer<typeof partnershipSchema>;

export const partnershipEventKindSchema = z.enum(['besuch', 'projekt', 'brief', 'sonstiges']);
export type PartnershipEventKind = z.infer<typeof partnershipEventKindSchema>;
export const PARTNERSHIP_EVENT_KIND_LABELS: Record<PartnershipEventKind, string> = {
  besuch: 'Besuch',
  projekt: 'Projekt',
  brief: 'Brief',
  sonstiges: 'Sonstiges',
};

export const partnershipEventInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  partnershipId: z.number().int().positive(),
  date: isoDate,
  kind: partnershipEventKindSchema,
  title: singleLine(300).min(1, 'Bitte angeben, worum es ging.'),
  notes: text(5000),
  /** A letter of the Postausgang (the greeting, a reply). */
  letterId: z.number().int().positive().nullable().default(null),
});
export type PartnershipEventInput = z.input<typeof partnershipEventInputSchema>;

export const partnershipEventSchema = z.object({
  id: z.number().int(),
  partnershipId: z.number().int(),
  date: z.string(),
  kind: partnershipEventKindSchema,
  title: z.string(),
  notes: z.string(),
  letterId: z.number().int().nullable(),
  visitId: z.number().int().nullable(),
});
export type PartnershipEvent = z.infer<typeof partnershipEventSchema>;

// --- Greetings plan ---------------------------------------------------------------------------

export const occasionCalendarSchema = z.enum(['gregorian', 'hebrew', 'islamic', 'chinese', 'julian']);
export type OccasionCalendarName = z.infer<typeof occasionCalendarSchema>;
export const OCCASION_CALENDAR_LABELS: Record<OccasionCalendarName, string> = {
  gregorian: 'gregorianisch',
  hebrew: 'jüdisch',
  islamic: 'islamisch',
  chinese: 'chinesisch',
  julian: 'julianisch',
};

/**
 * `greetings.plan`: EXACTLY this shape (other tools rely on it). `date` is the day itself,
 * `recipients` counts the letters due (partnerships not active are not counted).
 */
export const greetingPlanSchema = z.object({
  occasions: z.array(
    z.object({
      date: isoDate,
      key: z.string(),
      /** German. */
      name: z.string(),
      calendar: occasionCalendarSchema,
      recipients: z.number().int(),
      sendBy: isoDate,
    }),
  ),
});
export type GreetingPlan = z.infer<typeof greetingPlanSchema>;

/** Whom an occasion's greeting goes to. */
export const greetingRecipientsRuleSchema = z.strictObject({
  /** 'country': the mayors of the partner cities in the occasion's countries; 'all': of every partnership; 'none'. */
  partnerCities: z.enum(['country', 'all', 'none']),
  /** Contacts with any of these tags ("Jüdische Gemeinde", "Konsularisches Korps"). */
  tags: z.array(singleLine(100).min(1)).max(30).default([]),
  contactIds: z.array(z.number().int().positive()).max(500).default([]),
});
export type GreetingRecipientsRule = z.infer<typeof greetingRecipientsRuleSchema>;
export const PARTNER_CITIES_LABELS: Record<GreetingRecipientsRule['partnerCities'], string> = {
  country: 'Partnerstädte im Land des Anlasses',
  all: 'alle Partnerstädte',
  none: 'keine Partnerstädte',
};

export const greetingRuleInputSchema = z.strictObject({
  key: occasionKey,
  active: z.boolean(),
  recipients: greetingRecipientsRuleSchema,
  /**
   * The template for the recipients by tag and by contact, in `language`. Partner cities always
   * get the Grußbotschaft an eine Partnerstadt in the partnership's language (partnerstadt-de/-en/-fr).
   */
  templateId: singleLine(100).min(1, 'Bitte eine Vorlage wählen.'),
  language: languageSchema,
  /** Calendar days before the occasion (or its evening before) the letters must go out. */
  leadDays: z.number().int().min(0, 'Die Vorlaufzeit kann nicht negativ sein.').max(180, 'Höchstens 180 Tage Vorlauf.'),
});
export type GreetingRuleInput = z.input<typeof greetingRuleInputSchema>;

export const greetingRuleSchema = greetingRuleInputSchema.extend({
  /** German name of the occasion. */
  name: z.string(),
  /** No rule stored: the shipped default applies. */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type GreetingRule = z.infer<typeof greetingRuleSchema>;

/** One occasion of the year as the Grußkalender page shows it. */
export const greetingOverviewItemSchema = z.object({
  date: isoDate,
  key: z.string(),
  name: z.string(),
  calendar: occasionCalendarSchema,
  recipients: z.number().int(),
  sendBy: isoDate,
  /** The date the calendars give (differs from `date` when staff confirmed another day). */
  computedDate: isoDate,
  /** A computed date still to confirm (Islamic days, the King's official birthday). */
  proposal: z.boolean(),
  /** Staff confirmed the date. */
  confirmed: z.boolean(),
  eveBefore: z.boolean(),
  beginsEvening: isoDate.nullable(),
  /** Staff-added date. */
  extra: z.boolean(),
  /** The rule is switched on. */
  active: z.boolean(),
  /** Mayors of partnerships not active: greeted only with approval (not in `recipients`). */
  pendingApproval: z.number().int(),
  /** Partnerships the rule names without a mayor contact. */
  withoutContact: z.number().int(),
  /** Letters produced for this occasion. */
  produced: z.number().int(),
});
export type GreetingOverviewItem = z.infer<typeof greetingOverviewItemSchema>;

export const greetingOverviewSchema = z.object({
  year: z.number().int(),
  /** Today (the service's clock), for overdue marks. */
  today: isoDate,
  occasions: z.array(greetingOverviewItemSchema),
});
export type GreetingOverview = z.infer<typeof greetingOverviewSchema>;

export const greetingYearInputSchema = z.strictObject({ year });
export const greetingKeyInputSchema = z.strictObject({ key: occasionKey });
export const greetingOccasionInputSchema = z.strictObject({ year, key: occasionKey, date: isoDate });

export const greetingRecipientSchema = z.object({
  /** null: a partnership without a mayor contact. */
  contactId: z.number().int().nullable(),
  name: z.string(),
  /** Why: partner city, tag, or named contact. */
  via: z.enum(['partnerstadt', 'merkmal', 'kontakt']),
  tag: z.string().nullable(),
  partnership: z
    .object({ id: z.number().int(), city: z.string(), status: partnershipStatusSchema, kind: partnershipKindSchema })
    .nullable(),
  templateId: z.string(),
  language: languageSchema,
  /** A partnership not active: the greeting needs an approval. */
  needsApproval: z.boolean(),
  /** Why no letter can be produced (no contact), or null. */
  problem: z.string().nullable(),
  /** The letter already produced for this occasion, if any. */
  letterId: z.number().int().nullable(),
  approvedBy: z.string(),
});
export type GreetingRecipient = z.infer<typeof greetingRecipientSchema>;

export const greetingOccasionSchema = z.object({
  occasion: greetingOverviewItemSchema,
  rule: greetingRuleSchema,
  recipients: z.array(greetingRecipientSchema),
  /** The letters produced for this occasion (Postausgang). */
  letters: z.array(
    z.object({
      letterId: z.number().int(),
      recipientName: z.string(),
      templateId: z.string(),
      status: z.string(),
      letterDate: z.string(),
      approvedBy: z.string(),
    }),
  ),
});
export type GreetingOccasion = z.infer<typeof greetingOccasionSchema>;

export const greetingExtraInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  /** Omitted: made from the name ("eigener-nouruz"). */
  key: occasionKey.optional(),
  name: singleLine(200).min(1, 'Bitte den Anlass benennen.'),
  /** MM-TT (every year) or JJJJ-MM-TT (once). */
  date: yearlyOrOnceDate,
  calendar: occasionCalendarSchema.default('gregorian'),
  /** Default: true for Jewish and Islamic days. */
  eveBefore: z.boolean().optional(),
});
export type GreetingExtraInput = z.input<typeof greetingExtraInputSchema>;

export const greetingExtraSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  name: z.string(),
  date: z.string(),
  calendar: occasionCalendarSchema,
  eveBefore: z.boolean(),
});
export type GreetingExtra = z.infer<typeof greetingExtraSchema>;

/** Staff confirm a proposed date (an Islamic high day): the plan then uses `date`. */
export const greetingConfirmInputSchema = z.strictObject({ key: occasionKey, year, computedDate: isoDate, date: isoDate });
export const greetingConfirmationSchema = z.object({
  key: z.string(),
  year: z.number().int(),
  computedDate: z.string(),
  date: z.string(),
  confirmedAt: z.string(),
  confirmedBy: z.string(),
});

export const greetingProduceInputSchema = z.strictObject({
  year,
  key: occasionKey,
  /** The day of the occasion as the plan shows it. */
  date: isoDate,
  /** Greet partner cities whose partnership is not active (the approver is recorded). */
  approve: z.boolean().default(false),
  /** Default: the Oberbürgermeister/in (first active signer who is nobody's deputy). */
  signerId: z.number().int().positive().optional(),
  /** Only these recipients (default: all of the occasion). */
  contactIds: z.array(z.number().int().positive()).max(5000).optional(),
});
export type GreetingProduceInput = z.input<typeof greetingProduceInputSchema>;

export const greetingProducedSchema = z.object({
  produced: z.array(
    z.object({
      contactId: z.number().int(),
      name: z.string(),
      letterId: z.number().int(),
      templateId: z.string(),
      language: languageSchema,
      /** The partner city, for letters to its mayor. */
      partnership: z.string().nullable(),
      approvedBy: z.string(),
    }),
  ),
  /** Recipients left out, with the reason in German. */
  skipped: z.array(z.object({ contactId: z.number().int().nullable(), name: z.string(), reason: z.string() })),
});
export type GreetingProduced = z.infer<typeof greetingProducedSchema>;

export const islamicCalendarSourceSchema = z.enum(['islamic-umalqura', 'islamic-civil', 'islamic-tbla']);
export const ISLAMIC_CALENDAR_LABELS: Record<z.infer<typeof islamicCalendarSourceSchema>, string> = {
  'islamic-umalqura': 'Umm-al-Qura-Kalender (Saudi-Arabien)',
  'islamic-civil': 'tabellarischer Kalender (Epoche 16. Juli 622)',
  'islamic-tbla': 'tabellarischer Kalender (astronomische Epoche 15. Juli 622)',
};
export const greetingSettingsSchema = z.strictObject({ islamicCalendar: islamicCalendarSourceSchema });
export type GreetingSettings = z.infer<typeof greetingSettingsSchema>;
