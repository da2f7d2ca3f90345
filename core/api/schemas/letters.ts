import { z } from 'zod';
import { languageSchema } from './addressing';
import { importFieldSchema } from './contacts';
import { base64Content, fileNameSchema, isoDate, MAX_INLINE_FILE_BYTES, multiLine, revisionSchema, singleLine } from './common';

export const templateKindSchema = z.enum([
  'geburtstag',
  'ehejubilaeum',
  'vereinsjubilaeum',
  'kondolenz',
  'nachruf',
  'weihnachtsgruss',
  'feiertagsgruss',
  'partnerstadt',
  'dankschreiben',
  'zusage',
  'absage',
  'buergeranliegen',
  'eingangsbestaetigung',
  'schirmherrschaft',
]);
export type TemplateKind = z.infer<typeof templateKindSchema>;

export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = {
  geburtstag: 'Geburtstag (Altersjubiläum)',
  ehejubilaeum: 'Ehejubiläum',
  vereinsjubilaeum: 'Vereins- und Firmenjubiläum',
  kondolenz: 'Kondolenz',
  nachruf: 'Nachruf',
  weihnachtsgruss: 'Weihnachts- und Neujahrsgruß',
  feiertagsgruss: 'Gruß zu einem religiösen Feiertag',
  partnerstadt: 'Grußbotschaft an eine Partnerstadt',
  dankschreiben: 'Dankschreiben',
  zusage: 'Zusage auf eine Einladung',
  absage: 'Absage auf eine Einladung',
  buergeranliegen: 'Antwort auf ein Bürgeranliegen',
  eingangsbestaetigung: 'Eingangsbestätigung eines Bürgeranliegens',
  schirmherrschaft: 'Antwort auf eine Bitte um Schirmherrschaft',
};

/** One entry of templates/manifest.json: a shipped template and its default texts. */
export const templateManifestEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  file: z.string().regex(/^[a-z0-9-]+\.docx$/),
  name: z.string().min(1),
  kind: templateKindSchema,
  language: languageSchema,
  /** 'letter': DIN 5008 Form B letter; 'plain': text without letter layout (Nachruf). */
  layout: z.enum(['letter', 'plain']),
  description: z.string(),
  /** Default subject; may contain placeholders. */
  subject: z.string(),
  /** Default body: paragraphs separated by a blank line; may contain placeholders. */
  body: z.string(),
  /** Closing the template prescribes ("Mit herzlichen Grüßen"); null = the catalogue's formal default. */
  closing: z.string().nullable(),
});
export type TemplateManifestEntry = z.infer<typeof templateManifestEntrySchema>;
export const templateManifestSchema = z.object({ templates: z.array(templateManifestEntrySchema) });

const shortText = singleLine(300);

/** Letterhead and footer of the office: settings, not code. */
export const officeSettingsSchema = z.strictObject({
  stadt: shortText.min(1, 'Der Name der Stadt fehlt.'),
  dienststelle: shortText,
  amt: shortText,
  absenderzeile: shortText,
  hausanschrift: shortText,
  internet: shortText,
  contactPersons: z
    .array(z.strictObject({ name: shortText.min(1, 'Der Name fehlt.'), phone: shortText, email: shortText }))
    .max(20)
    .default([]),
});
export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

/** The office by grammatical case, in the form of its holder ("Die Oberbürgermeisterin", "der Oberbürgermeisterin", …). */
const officeTitleSchema = z.object({ nominative: z.string(), genitive: z.string(), dative: z.string(), accusative: z.string() });

/**
 * Who holds the office (the first active signer who signs for nobody) and the form it takes
 * for her or him; `form` null: not known (no such signer, or neither office nor gender says),
 * the office texts stay as written and `title` names both forms.
 */
export const officeHolderSchema = z.object({
  signerId: z.number().int().nullable(),
  name: z.string(),
  form: z.enum(['female', 'male']).nullable(),
  title: officeTitleSchema,
});
export type OfficeHolder = z.infer<typeof officeHolderSchema>;

/** The office settings as documents use them: the office put into its holder's form, and the holder. */
export type Office = OfficeSettings & { holder: OfficeHolder };

export const signerInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  name: shortText.min(1, 'Der Name fehlt.'),
  gender: z.enum(['female', 'male', 'diverse', 'unknown']),
  office: shortText.min(1, 'Das Amt fehlt.'),
  /** Signs for the Oberbürgermeister ("In Vertretung"). */
  deputy: z.boolean(),
  active: z.boolean().default(true),
  sortOrder: z.number().int().default(0),
});
export const signerSchema = signerInputSchema.extend({ id: z.number().int() });
export type Signer = z.infer<typeof signerSchema>;

export const textBlockInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  title: shortText.min(1, 'Der Titel fehlt.'),
  category: shortText.default(''),
  text: multiLine(20000, { trim: false }).min(1, 'Der Text fehlt.'),
});
export const textBlockSchema = textBlockInputSchema.extend({ id: z.number().int(), updatedAt: z.string() });
export type TextBlock = z.infer<typeof textBlockSchema>;

export const placeholderInfoSchema = z.object({
  name: z.string(),
  label: z.string(),
  example: z.string(),
  scope: z.enum(['letter', 'office']),
  block: z.boolean().optional(),
});

/**
 * Office mode: this PC's working copy of a template opened with „In Word bearbeiten“ and what
 * became of its last save from Word — `watching` (nothing saved yet), `saved` (stored in the
 * office database), `refused` (not stored: the message says why and where the file is).
 */
export const templateEditingSchema = z.object({
  file: z.string(),
  state: z.enum(['watching', 'saved', 'refused']),
  message: z.string(),
  at: z.string(),
});
export type TemplateEditing = z.infer<typeof templateEditingSchema>;

export const templateInfoSchema = templateManifestEntrySchema.extend({
  /** 'user': a copy in the data folder overrides the shipped template. */
  source: z.enum(['shipped', 'user']),
  placeholders: z.array(z.string()),
  /** Problems of the user's copy (then the shipped template is used) or of the template. */
  problems: z.array(z.string()),
  userFile: z.string().nullable(),
  /** Office mode: this PC's working copy in Word (null: none, and always on a single PC). */
  editing: templateEditingSchema.nullable(),
});
export type TemplateInfo = z.infer<typeof templateInfoSchema>;

/** The occasion data of a letter; each fills its placeholder. */
export const letterFieldsSchema = z
  .strictObject({
    anlass: shortText.optional(),
    anlassDatum: isoDate.optional(),
    alter: z.number().int().min(0).max(200).optional(),
    ehejahre: z.number().int().min(1).max(100).optional(),
    verstorbenePerson: shortText.optional(),
    partnerstadt: shortText.optional(),
    aktenzeichen: shortText.optional(),
    contactPerson: z.number().int().min(0).optional(),
    /** Residents' register ids of a jubilee letter (to warn when a later extract blocks them). */
    registerIds: z.array(singleLine(100)).max(10).optional(),
  })
  .default({});
export type LetterFields = z.infer<typeof letterFieldsSchema>;

export const recipientSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('contact'), contactId: z.number().int().positive(), includePartner: z.boolean().default(false) }),
  z.strictObject({
    type: z.literal('free'),
    name: shortText.min(1, 'Der Name des Empfängers fehlt.'),
    lines: z.array(shortText).min(1, 'Die Anschrift fehlt.').max(20, 'Die Anschrift hat mehr als 20 Zeilen.'),
    salutation: shortText.min(1, 'Die Anrede fehlt.'),
    oralSalutation: shortText.optional(),
    closing: shortText.optional(),
  }),
]);
export type Recipient = z.infer<typeof recipientSchema>;

export const letterDraftSchema = z.strictObject({
  templateId: singleLine(100).min(1, 'Bitte eine Vorlage wählen.'),
  recipient: recipientSchema,
  signerId: z.number().int().positive({ message: 'Bitte die unterzeichnende Person wählen.' }),
  date: isoDate.optional(),
  fields: letterFieldsSchema,
  /** Omitted: the template's default subject / body. May contain placeholders. */
  subject: singleLine(500).optional(),
  body: multiLine(50000, { trim: false }).optional(),
});
export type LetterDraft = z.input<typeof letterDraftSchema>;

export const letterStatusSchema = z.enum(['entwurf', 'zur_unterschrift', 'versandt']);
export type LetterStatus = z.infer<typeof letterStatusSchema>;
export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = {
  entwurf: 'Entwurf',
  zur_unterschrift: 'zur Unterschrift',
  versandt: 'versandt',
};

export const letterPreparationSchema = z.object({
  subject: z.string(),
  body: z.string(),
  /** The placeholder values the letter is filled with (resolved). */
  values: z.record(z.string(), z.string()),
  warnings: z.array(z.string()),
});

export const fileContentSchema = z.object({ fileName: z.string(), contentBase64: z.string() });

export const letterSummarySchema = z.object({
  id: z.number().int(),
  contactId: z.number().int().nullable(),
  recipientName: z.string(),
  templateId: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  occasion: z.string(),
  subject: z.string(),
  signerName: z.string(),
  author: z.string(),
  status: letterStatusSchema,
  letterDate: z.string(),
  /** The generated file's own numbering (Fassung 1, 2 …). */
  version: z.number().int(),
  file: z.string(),
  /** Rises with every change of the register entry (status, a new version); not `version`. */
  revision: revisionSchema,
});
export type LetterSummary = z.infer<typeof letterSummarySchema>;

export const letterSchema = letterSummarySchema.extend({
  recipientLines: z.array(z.string()),
  body: z.string(),
  includePartner: z.boolean(),
  fields: z.record(z.string(), z.unknown()),
  signerId: z.number().int().nullable(),
  language: z.string(),
  events: z.array(z.object({ at: z.string(), user: z.string(), action: z.string(), detail: z.string() })),
});
export type Letter = z.infer<typeof letterSchema>;

export const letterListInputSchema = z
  .strictObject({
    query: singleLine(200).optional(),
    kind: templateKindSchema.optional(),
    status: letterStatusSchema.optional(),
    contactId: z.number().int().positive().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    limit: z.number().int().min(1).max(5000).default(500),
  })
  .default({ limit: 500 });

export const mergeRecipientsSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('contacts'), contactIds: z.array(z.number().int().positive()).min(1, 'Keine Empfänger gewählt.').max(50_000) }),
  z.strictObject({ type: z.literal('tag'), tag: singleLine(80).min(1) }),
  z.strictObject({ type: z.literal('query'), query: singleLine(200).min(1) }),
  /** The jubilees of a period from the residents' register (those due a letter), of one kind. */
  z.strictObject({
    type: z.literal('jubilees'),
    from: isoDate,
    to: isoDate,
    district: singleLine(100).optional(),
    kind: z.enum(['birthday', 'wedding']),
    /** Only the jubilee of these persons (one person, or both spouses). */
    registerIds: z.array(singleLine(100).min(1)).min(1).max(2).optional(),
    /** A jubilee that already has a letter is skipped, unless writing again is chosen. */
    existing: z.enum(['skip', 'again']).default('skip'),
  }),
  /** A recipient list as CSV (same columns as the contacts import); nothing is stored as a contact. */
  z.strictObject({
    type: z.literal('csv'),
    fileName: fileNameSchema.default('Empfänger.csv'),
    contentBase64: base64Content(MAX_INLINE_FILE_BYTES).min(1, 'Die Datei ist leer.'),
    mapping: z.record(z.string().max(500), importFieldSchema.nullable()).optional(),
  }),
]);

export const mergeInputSchema = z.strictObject({
  templateId: singleLine(100).min(1),
  recipients: mergeRecipientsSchema,
  includePartner: z.boolean().default(false),
  signerId: z.number().int().positive({ message: 'Bitte die unterzeichnende Person wählen.' }),
  date: isoDate.optional(),
  fields: letterFieldsSchema,
  subject: singleLine(500).optional(),
  body: multiLine(50000, { trim: false }).optional(),
  output: z.enum(['files', 'combined']),
});
export type MergeInput = z.input<typeof mergeInputSchema>;

export const mergeStatusSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  total: z.number().int(),
  done: z.number().int(),
  problems: z.array(z.object({ contactId: z.number().int().nullable(), name: z.string(), message: z.string() })),
  letterIds: z.array(z.number().int()),
  /** Recipients left out because they already have a letter (jubilees). */
  skipped: z.number().int(),
  /** Combined output: the one print file. */
  combinedFile: z.string().nullable(),
  folder: z.string().nullable(),
  error: z.string().nullable(),
});
export type MergeStatus = z.infer<typeof mergeStatusSchema>;
