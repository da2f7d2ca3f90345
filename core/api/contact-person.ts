import type { Person } from './schemas/addressing';
import type { ContactInput } from './schemas/contacts';

type PersonLike = Extract<ContactInput, { kind: 'person' }>;

const orUndefined = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * A person contact in the shape of the forms-of-address engine (`addressing.compose`).
 * Used by the services and by the form's live preview, so both show the same result.
 */
export function contactToPerson(contact: PersonLike, organisationName?: string | null): Person {
  return {
    gender: contact.gender,
    degrees: orUndefined(contact.degrees),
    givenName: orUndefined(contact.givenName),
    nameAffix: orUndefined(contact.nameAffix),
    surname: contact.surname.trim(),
    role: orUndefined(contact.roleKey),
    roleDetail: orUndefined(contact.roleDetail),
    former: contact.former || undefined,
    organisation: orUndefined(organisationName),
    language: contact.language ?? 'de',
  };
}

/** The street and city lines below the name lines (DIN 5008 address zone). */
export function postalLines(contact: {
  street?: string;
  houseNumber?: string;
  addressAddition?: string;
  postcode?: string;
  city?: string;
  country?: string;
}): string[] {
  const lines: string[] = [];
  if (contact.addressAddition?.trim()) lines.push(contact.addressAddition.trim());
  const street = [contact.street, contact.houseNumber].map((s) => s?.trim()).filter(Boolean).join(' ');
  if (street) lines.push(street);
  const city = [contact.postcode, contact.city].map((s) => s?.trim()).filter(Boolean).join(' ');
  if (city) lines.push(city);
  const country = contact.country?.trim();
  if (country && !/^(deutschland|germany|de)$/i.test(country)) lines.push(country.toLocaleUpperCase('de-DE'));
  return lines;
}
