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

/** Countries whose postal format differs from the German "PLZ Ort" line. */
const COUNTRY_FORMATS: Array<{ pattern: RegExp; format: 'gb' | 'us' }> = [
  { pattern: /^(vereinigtes königreich|großbritannien|england|schottland|wales|nordirland|uk|united kingdom|great britain|gb)$/i, format: 'gb' },
  { pattern: /^(usa|us|vereinigte staaten( von amerika)?|united states( of america)?)$/i, format: 'us' },
];

/**
 * The street and city lines below the name lines (DIN 5008 address zone). Abroad the
 * destination's order applies (United Kingdom: town, then postcode; USA: "City, ST ZIP" on one
 * line) and the country closes the block in capitals; Germany is not written.
 */
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
  const country = contact.country?.trim() ?? '';
  const format = COUNTRY_FORMATS.find((f) => f.pattern.test(country))?.format;
  const streetParts = [contact.street, contact.houseNumber].map((s) => s?.trim()).filter(Boolean);
  // English-speaking countries write the house number first.
  const street = (format ? streetParts.reverse() : streetParts).join(' ');
  if (street) lines.push(street);
  const city = contact.city?.trim() ?? '';
  const postcode = contact.postcode?.trim() ?? '';
  if (format === 'gb') {
    if (city) lines.push(city.toLocaleUpperCase('en-GB'));
    if (postcode) lines.push(postcode.toLocaleUpperCase('en-GB'));
  } else if (format === 'us') {
    const line = [city, postcode].filter(Boolean).join(' ');
    if (line) lines.push(line);
  } else {
    const line = [postcode, city].filter(Boolean).join(' ');
    if (line) lines.push(line);
  }
  if (country && !/^(deutschland|germany|de)$/i.test(country)) lines.push(country.toLocaleUpperCase('de-DE'));
  return lines;
}
