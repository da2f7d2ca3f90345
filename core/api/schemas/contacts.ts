import { z } from 'zod';
import { genderSchema, languageSchema, addressFormsSchema } from './addressing';
import { base64Content, fileNameSchema, MAX_INLINE_FILE_BYTES, multiLine, optionalEmail, revisionSchema, singleLine } from './common';

const text = (max = 200) => singleLine(max);
const optText = (max = 200) => text(max).optional().default('');

export const contactKindSchema = z.enum(['person', 'organisation']);
export type ContactKind = z.infer<typeof contactKindSchema>;

/** Postal address and channels, shared by persons and organisations. */
const contactFields = {
  street: optText(),
  houseNumber: optText(20),
  addressAddition: optText(),
  postcode: optText(10),
  city: optText(),
  country: optText(100),
  email: optionalEmail('Die E-Mail-Adresse ist ungültig.').optional().default(''),
  phone: optText(50),
  language: languageSchema.default('de'),
  tags: z.array(text(80).min(1)).max(100).default([]),
  notes: multiLine(5000).optional().default(''),
};

export const personContactInputSchema = z.strictObject({
  kind: z.literal('person'),
  gender: genderSchema,
  degrees: optText(),
  givenName: optText(),
  nameAffix: optText(),
  surname: text().min(1, 'Der Nachname fehlt.'),
  roleKey: optText(60),
  roleDetail: optText(),
  former: z.boolean().default(false),
  organisationId: z.number().int().positive().nullable().default(null),
  partnerId: z.number().int().positive().nullable().default(null),
  ...contactFields,
});

export const organisationContactInputSchema = z.strictObject({
  kind: z.literal('organisation'),
  name: text().min(1, 'Der Name der Organisation fehlt.'),
  ...contactFields,
});

export const contactInputSchema = z.discriminatedUnion('kind', [
  personContactInputSchema,
  organisationContactInputSchema,
]);
/** What a caller sends (defaults may be left out). */
export type ContactInput = z.input<typeof contactInputSchema>;
/** What the service works with after validation. */
export type ContactData = z.output<typeof contactInputSchema>;
export type PersonContactData = z.output<typeof personContactInputSchema>;

const contactMeta = {
  id: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: revisionSchema,
};

export const contactSchema = z.discriminatedUnion('kind', [
  personContactInputSchema.extend({
    ...contactMeta,
    organisationName: z.string().nullable(),
    partnerName: z.string().nullable(),
  }),
  organisationContactInputSchema.extend(contactMeta),
]);
export type Contact = z.output<typeof contactSchema>;

export const contactSummarySchema = z.object({
  id: z.number().int(),
  kind: contactKindSchema,
  displayName: z.string(),
  sortName: z.string(),
  roleLabel: z.string(),
  organisationName: z.string(),
  city: z.string(),
  email: z.string(),
  tags: z.array(z.string()),
  updatedAt: z.string(),
  revision: revisionSchema,
});
export type ContactSummary = z.infer<typeof contactSummarySchema>;

export const contactListInputSchema = z
  .strictObject({
    query: singleLine(200).optional(),
    kind: contactKindSchema.optional(),
    tag: singleLine(80).optional(),
    roleKey: singleLine(60).optional(),
    sort: z.enum(['name', 'city', 'updated']).default('name'),
    limit: z.number().int().min(1).max(5000).default(2000),
  })
  .default({ sort: 'name', limit: 2000 });

export const contactListOutputSchema = z.object({
  total: z.number().int(),
  items: z.array(contactSummarySchema),
});

export const contactAddressingSchema = addressFormsSchema.extend({
  /** Complete address block: name lines plus street and city lines. */
  addressBlock: z.array(z.string()),
});

/** CSV import: the fields a column can be mapped to. */
export const importFieldSchema = z.enum([
  'kind',
  'gender',
  'degrees',
  'givenName',
  'nameAffix',
  'surname',
  'name',
  'roleKey',
  'roleDetail',
  'former',
  'organisation',
  'street',
  'houseNumber',
  'addressAddition',
  'postcode',
  'city',
  'country',
  'email',
  'phone',
  'language',
  'tags',
  'notes',
]);
export type ImportField = z.infer<typeof importFieldSchema>;

export const csvFileSchema = z.strictObject({
  /** File content, base64-encoded (bytes as read, any encoding). */
  contentBase64: base64Content(MAX_INLINE_FILE_BYTES).min(1, 'Die Datei ist leer.'),
  fileName: fileNameSchema.default('Import.csv'),
});

export const csvAnalysisSchema = z.object({
  encoding: z.enum(['utf-8', 'windows-1252']),
  delimiter: z.enum([';', ',']),
  headers: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  rowCount: z.number().int(),
  suggestedMapping: z.record(z.string(), importFieldSchema.nullable()),
});
export type CsvAnalysis = z.infer<typeof csvAnalysisSchema>;

/**
 * Column header → contact field (null: ignore the column). The headers are taken exactly as
 * `contacts.import.analyze` returned them (not cleaned: they must match the file).
 */
export const columnMappingSchema = z.record(z.string().max(500), importFieldSchema.nullable());
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const importIssueSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importPreviewSchema = z.object({
  validCount: z.number().int(),
  newOrganisations: z.array(z.string()),
  errors: z.array(importIssueSchema),
  sample: z.array(z.object({ line: z.number().int(), displayName: z.string(), city: z.string() })),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
