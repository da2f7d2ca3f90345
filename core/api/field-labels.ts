/** German names of input fields, used in validation messages ("Nachname: …"). */
export const FIELD_LABELS: Record<string, string> = {
  kind: 'Art',
  gender: 'Geschlecht',
  degrees: 'Akademische Grade',
  givenName: 'Vorname',
  nameAffix: 'Namenszusatz',
  surname: 'Nachname',
  name: 'Name',
  role: 'Amt/Funktion',
  roleKey: 'Amt/Funktion',
  roleDetail: 'Zusatz zum Amt',
  former: 'a. D.',
  organisation: 'Organisation',
  organisationId: 'Organisation',
  partnerId: 'Ehe-/Lebenspartner/in',
  street: 'Straße',
  houseNumber: 'Hausnummer',
  addressAddition: 'Adresszusatz',
  postcode: 'PLZ',
  city: 'Ort',
  country: 'Land',
  email: 'E-Mail',
  phone: 'Telefon',
  language: 'Korrespondenzsprache',
  tags: 'Gruppen',
  notes: 'Notizen',
  person: 'Person',
  partner: 'Partner/in',
  id: 'ID',
  query: 'Suche',
};

/** "person.surname" → "Person › Nachname" */
export function describePath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .filter((part) => typeof part === 'string')
    .map((part) => FIELD_LABELS[part as string] ?? String(part))
    .join(' › ');
}
