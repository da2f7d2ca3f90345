import { z } from 'zod';
import { REGISTER_FIELDS } from '../../domain/residents/register-fields';
import { letterStatusSchema } from './letters';
import { base64Content, fileNameSchema, isoDate, MAX_UPLOAD_PIECE_BYTES, multiLine, singleLine, uploadIdSchema } from './common';

export {
  REGISTER_FIELDS,
  REGISTER_FIELD_LABELS,
  REQUIRED_FIELDS as REQUIRED_REGISTER_FIELDS,
  mappingProblems,
  unmappedProtectingFields,
  type RegisterField,
} from '../../domain/residents/register-fields';

export const registerFieldSchema = z.enum(REGISTER_FIELDS);
/** Column header (exactly as in the file) → register field (null: not imported). */
export const registerMappingSchema = z.record(z.string().max(500), registerFieldSchema.nullable());
export type RegisterMapping = z.infer<typeof registerMappingSchema>;

const uploadId = uploadIdSchema;

/** A file that arrives in pieces (see uploads-service.ts). */
export const uploadChunkSchema = z.strictObject({
  /** Absent for the first piece; then the id the first piece returned. */
  uploadId: uploadId.optional(),
  fileName: fileNameSchema.min(1),
  chunkBase64: base64Content(MAX_UPLOAD_PIECE_BYTES),
});
export const uploadSchema = z.object({ uploadId: z.string(), fileName: z.string(), size: z.number().int() });

/** What the column-mapping step shows: the file's columns, its first rows, a proposed mapping. */
export const registerInspectionSchema = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'windows-1252']).nullable(),
  headers: z.array(z.string()),
  /** The first rows, cells in the order of `headers`. */
  sample: z.array(z.array(z.string())),
  /** The standard column set: no mapping needed. */
  standard: z.boolean(),
  mapping: registerMappingSchema,
  /** The saved profile the mapping comes from, when one fits the file. */
  profile: z.string().nullable(),
});
export type RegisterInspection = z.infer<typeof registerInspectionSchema>;

export const mappingProfileSchema = z.strictObject({
  name: singleLine(100).min(1, 'Bitte einen Namen für das Profil angeben.'),
  mapping: registerMappingSchema,
});
export type MappingProfile = z.infer<typeof mappingProfileSchema>;

export const residentImportStartSchema = z.strictObject({
  uploadId,
  /** Without a mapping the file must have the standard column set. */
  mapping: registerMappingSchema.optional(),
  /** false: only check and count (preview); true: take the extract over, all or nothing. */
  commit: z.boolean(),
});

export const residentImportPreviewSchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'windows-1252']).nullable(),
  rows: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  gone: z.number().int(),
  /** The first rejected rows (line and German reason); `rejectedTotal` counts all. */
  rejected: z.array(z.object({ line: z.number().int(), message: z.string() })),
  rejectedTotal: z.number().int(),
});
export type ResidentImportPreview = z.infer<typeof residentImportPreviewSchema>;

export const residentImportResultSchema = residentImportPreviewSchema.extend({
  importId: z.number().int(),
  /** Letters not yet sent to people this extract now blocks (objection, block, death, moved away). */
  warnings: z.array(z.string()),
});
export type ResidentImportResult = z.infer<typeof residentImportResultSchema>;

/** A preview or an import running in the background. */
export const residentImportJobSchema = z.object({
  jobId: z.string(),
  commit: z.boolean(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  /** Bytes of the file read so far, of `total`. */
  done: z.number(),
  total: z.number(),
  preview: residentImportPreviewSchema.nullable(),
  result: residentImportResultSchema.nullable(),
  /** German, when failed; `details.rejected` lists the rows when none was valid. */
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
});
export type ResidentImportJob = z.infer<typeof residentImportJobSchema>;

export const jubileeActionSchema = z.enum(['letter', 'visit', 'notify_federal', 'notify_land']);

export const jubileesListInputSchema = z.strictObject({
  from: isoDate,
  to: isoDate,
  district: singleLine(100).optional(),
});

/** Who did a step and when (ISO instant). */
const stampSchema = z.object({ at: z.string(), user: z.string() });

export const jubileeNotificationActionSchema = z.enum(['notify_federal', 'notify_land']);

/** A notification due for a jubilee: produced (the exported list) and sent (marked by the office). */
export const jubileeNotificationSchema = z.object({
  action: jubileeNotificationActionSchema,
  /** The deadline (ISO date). */
  by: z.string(),
  /** Not sent and the deadline passed (today in Europe/Berlin). */
  overdue: z.boolean(),
  produced: stampSchema.nullable(),
  sent: stampSchema.nullable(),
});
export type JubileeNotification = z.infer<typeof jubileeNotificationSchema>;

/** Stable shape (other tools rely on it). */
export const jubileeEntrySchema = z.object({
  date: z.string(),
  kind: z.enum(['birthday', 'wedding']),
  number: z.number().int(),
  label: z.string(),
  persons: z.array(
    z.object({
      registerId: z.string(),
      /** The complete address block: name lines as the addressing engine composes them, then street and city. */
      addressLines: z.array(z.string()),
      salutation: z.string(),
    }),
  ),
  due: z.array(z.object({ action: jubileeActionSchema, by: z.string() })),
  /** The letters written for this jubilee (any status), oldest first; empty: none yet. */
  letters: z.array(z.object({ id: z.number().int(), status: letterStatusSchema, letterDate: z.string() })),
  /** The notifications due (those of `due` to the Federal President or the Land), with their record. */
  notifications: z.array(jubileeNotificationSchema),
});
export type JubileeEntry = z.infer<typeof jubileeEntrySchema>;

/** One jubilee: its day, its kind and the persons (one, or both spouses). */
export const jubileeRefSchema = z.strictObject({
  date: isoDate,
  kind: z.enum(['birthday', 'wedding']),
  registerIds: z.array(singleLine(100).min(1)).min(1).max(2),
});

/** Marks the notification of these jubilees as sent (or takes the mark back). */
export const jubileeNotificationsMarkSchema = z.strictObject({
  action: jubileeNotificationActionSchema,
  jubilees: z.array(jubileeRefSchema).min(1, 'Bitte mindestens ein Jubiläum angeben.').max(5000),
  sent: z.boolean(),
});

/** The start page: the jubilees of the next four weeks and the notification deadlines still open until then. */
export const jubileesOverviewSchema = z.object({
  /** Today (Europe/Berlin) and four weeks ahead, ISO dates. */
  from: z.string(),
  to: z.string(),
  birthdays: z.number().int(),
  weddings: z.number().int(),
  /** Not sent, deadline up to `to` (overdue ones included), by deadline. */
  deadlines: z.array(
    jubileeNotificationSchema.extend({
      date: z.string(),
      kind: z.enum(['birthday', 'wedding']),
      label: z.string(),
      registerIds: z.array(z.string()),
      /** The first line of the address ("Herrn Dr. Anton Alt"). */
      name: z.string(),
    }),
  ),
});
export type JubileesOverview = z.infer<typeof jubileesOverviewSchema>;

export const jubileeVisitInputSchema = z.strictObject({
  jubileeDate: isoDate,
  kind: z.enum(['birthday', 'wedding']),
  registerIds: z.array(singleLine(100).min(1)).min(1).max(2),
  visitDate: isoDate,
  visitor: singleLine(200).min(1, 'Bitte angeben, wer besucht.'),
  note: multiLine(2000).default(''),
});
export const jubileeVisitSchema = jubileeVisitInputSchema.extend({ id: z.number().int() });
export type JubileeVisit = z.infer<typeof jubileeVisitSchema>;

export type { HonourRules as HonourRulesSettings, HonourRulesPatch } from '../../domain/jubilees/honour-rules';
export { BMG_EVERY_BIRTHDAY_FROM, BMG_EVERY_WEDDING_FROM, honourRulesPatchSchema, honourRulesSchema } from '../../domain/jubilees/honour-rules';
