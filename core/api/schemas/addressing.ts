import { z } from 'zod';
import { singleLine } from './common';

/** Genders as the residents' register and the contacts register know them. */
export const genderSchema = z.enum(['female', 'male', 'diverse', 'unknown']);
export type Gender = z.infer<typeof genderSchema>;

export const languageSchema = z.enum(['de', 'en', 'fr']);
export type Language = z.infer<typeof languageSchema>;

const optionalText = singleLine(200).optional();

/**
 * The person as the forms-of-address engine sees it. Stable shape: other tools
 * (letters, speeches) pass exactly this.
 */
export const personSchema = z.strictObject({
  gender: genderSchema,
  degrees: optionalText,
  givenName: optionalText,
  nameAffix: optionalText,
  surname: singleLine(200).min(1, 'Der Nachname fehlt.'),
  role: optionalText,
  roleDetail: optionalText,
  former: z.boolean().optional(),
  organisation: optionalText,
  /** Correspondence language; optional addition to the stable shape (default "de"). */
  language: languageSchema.optional(),
});
export type Person = z.infer<typeof personSchema>;

export const composeInputSchema = z.strictObject({
  person: personSchema,
  partner: personSchema.optional(),
});
export type ComposeInput = z.infer<typeof composeInputSchema>;

export const addressFormsSchema = z.object({
  addressLines: z.array(z.string()),
  salutation: z.string(),
  closing: z.string(),
  oralSalutation: z.string(),
});
export type AddressForms = z.infer<typeof addressFormsSchema>;

export const roleLayoutSchema = z.enum([
  'office-first',
  'name-first',
  'name-suffix',
  'excellency',
  'bishop',
  'foreign',
]);

/** One entry of the forms-of-address catalogue (DOMAIN.md A.2). */
export const roleSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'Schlüssel: nur Kleinbuchstaben, Ziffern und _'),
  label: z.string().min(1),
  officeMale: z.string().min(1),
  officeFemale: z.string().min(1),
  /**
   * The office for a diverse person or one of unknown gender (A.1.9), neither masculine nor
   * feminine: „Vorsitz“, „Oberbürgermeister:in“. Not needed where both forms are the same.
   */
  officeNeutral: z.string().optional(),
  /** Accusative of the male office where it is weakly declined ("Präsidenten"). */
  officeMaleAccusative: z.string().optional(),
  /** Office word used in the salutation when it differs ("Präsident", "Konsul", "Abgeordneter"). */
  salutationMale: z.string().optional(),
  salutationFemale: z.string().optional(),
  layout: roleLayoutSchema,
  /** How the salutation names the person: by office, office plus surname, or by name only. */
  salutationBy: z.enum(['office', 'office-and-name', 'name']),
  nameSuffix: z.string().optional(),
  defaultDetail: z.string().optional(),
  closing: z.enum(['formal', 'friendly']),
  precedence: z.number().int(),
  language: languageSchema,
  builtin: z.boolean().default(true),
});
export type Role = z.infer<typeof roleSchema>;
