import {
  contactInputSchema,
  describePath,
  type Contact,
  type ContactInput,
  type Gender,
  type Language,
} from '../../../../core/api';

/** What the form edits: plain strings and booleans, converted to the contract's input on save. */
export interface ContactFormValues {
  kind: 'person' | 'organisation';
  gender: Gender;
  degrees: string;
  givenName: string;
  nameAffix: string;
  surname: string;
  name: string;
  roleKey: string;
  roleDetail: string;
  former: boolean;
  organisationId: string;
  partnerId: string;
  street: string;
  houseNumber: string;
  addressAddition: string;
  postcode: string;
  city: string;
  country: string;
  email: string;
  phone: string;
  language: Language;
  tags: string;
  notes: string;
}

export const EMPTY_FORM: ContactFormValues = {
  kind: 'person',
  gender: 'unknown',
  degrees: '',
  givenName: '',
  nameAffix: '',
  surname: '',
  name: '',
  roleKey: '',
  roleDetail: '',
  former: false,
  organisationId: '',
  partnerId: '',
  street: '',
  houseNumber: '',
  addressAddition: '',
  postcode: '',
  city: '',
  country: '',
  email: '',
  phone: '',
  language: 'de',
  tags: '',
  notes: '',
};

export function formValuesOf(contact: Contact): ContactFormValues {
  const common = {
    ...EMPTY_FORM,
    street: contact.street,
    houseNumber: contact.houseNumber,
    addressAddition: contact.addressAddition,
    postcode: contact.postcode,
    city: contact.city,
    country: contact.country,
    email: contact.email,
    phone: contact.phone,
    language: contact.language,
    tags: contact.tags.join(', '),
    notes: contact.notes,
  };
  if (contact.kind === 'organisation') return { ...common, kind: 'organisation', name: contact.name };
  return {
    ...common,
    kind: 'person',
    gender: contact.gender,
    degrees: contact.degrees,
    givenName: contact.givenName,
    nameAffix: contact.nameAffix,
    surname: contact.surname,
    roleKey: contact.roleKey,
    roleDetail: contact.roleDetail,
    former: contact.former,
    organisationId: contact.organisationId ? String(contact.organisationId) : '',
    partnerId: contact.partnerId ? String(contact.partnerId) : '',
  };
}

const idOrNull = (value: string): number | null => (value ? Number(value) : null);

export function inputOf(values: ContactFormValues): ContactInput {
  const common = {
    street: values.street,
    houseNumber: values.houseNumber,
    addressAddition: values.addressAddition,
    postcode: values.postcode,
    city: values.city,
    country: values.country,
    email: values.email,
    phone: values.phone,
    language: values.language,
    tags: values.tags
      .split(/[,;]/)
      .map((tag) => tag.trim())
      .filter(Boolean),
    notes: values.notes,
  };
  if (values.kind === 'organisation') return { ...common, kind: 'organisation', name: values.name };
  return {
    ...common,
    kind: 'person',
    gender: values.gender,
    degrees: values.degrees,
    givenName: values.givenName,
    nameAffix: values.nameAffix,
    surname: values.surname,
    roleKey: values.roleKey,
    roleDetail: values.roleDetail,
    former: values.former,
    organisationId: idOrNull(values.organisationId),
    partnerId: idOrNull(values.partnerId),
  };
}

/** Field → German message, from the contract's schema (the same rules the server applies). */
export function validateForm(values: ContactFormValues): Partial<Record<keyof ContactFormValues, string>> {
  const result = contactInputSchema.safeParse(inputOf(values));
  if (result.success) return {};
  const errors: Partial<Record<keyof ContactFormValues, string>> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '') as keyof ContactFormValues;
    if (field && !errors[field]) errors[field] = issue.message;
    if (!field) errors.surname = `${describePath(issue.path)} ${issue.message}`;
  }
  return errors;
}

/** "Erika Beispiel" / the organisation's name, for notices and dialogs. */
export function displayName(contact: Contact): string {
  return contact.kind === 'organisation' ? contact.name : [contact.givenName, contact.surname].filter(Boolean).join(' ');
}
