import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum im Format JJJJ-MM-TT erwartet.');

export const registerFileSchema = z.object({
  fileName: z.string().default('Melderegister.csv'),
  contentBase64: z.string().min(1, 'Die Datei ist leer.'),
});

export const residentImportPreviewSchema = z.object({
  encoding: z.enum(['utf-8', 'windows-1252']),
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

export const jubileeActionSchema = z.enum(['letter', 'visit', 'notify_federal', 'notify_land']);

export const jubileesListInputSchema = z.object({
  from: isoDate,
  to: isoDate,
  district: z.string().optional(),
});

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
});
export type JubileeEntry = z.infer<typeof jubileeEntrySchema>;

export const jubileeVisitInputSchema = z.object({
  jubileeDate: isoDate,
  kind: z.enum(['birthday', 'wedding']),
  registerIds: z.array(z.string().min(1)).min(1).max(2),
  visitDate: isoDate,
  visitor: z.string().trim().min(1, 'Bitte angeben, wer besucht.').max(200),
  note: z.string().trim().max(2000).default(''),
});
export const jubileeVisitSchema = jubileeVisitInputSchema.extend({ id: z.number().int() });
export type JubileeVisit = z.infer<typeof jubileeVisitSchema>;

export type { HonourRules as HonourRulesSettings } from '../../domain/jubilees/honour-rules';
