import type { LetterFields, TemplateKind } from '../../../../core/api';

export type OccasionField = 'alter' | 'ehejahre' | 'anlassDatum' | 'anlass' | 'verstorbenePerson' | 'partnerstadt';

/** Which occasion data each kind of letter asks for, and how the fields are labelled. */
export const OCCASION_FIELDS: Record<TemplateKind, OccasionField[]> = {
  geburtstag: ['alter', 'anlassDatum'],
  ehejubilaeum: ['ehejahre', 'anlassDatum'],
  vereinsjubilaeum: ['anlass', 'alter', 'anlassDatum'],
  kondolenz: ['verstorbenePerson'],
  nachruf: ['verstorbenePerson'],
  weihnachtsgruss: [],
  feiertagsgruss: ['anlass', 'anlassDatum'],
  partnerstadt: ['partnerstadt', 'anlass', 'anlassDatum'],
  dankschreiben: ['anlass'],
  zusage: ['anlass', 'anlassDatum'],
  absage: ['anlass', 'anlassDatum'],
  buergeranliegen: ['anlass'],
};

export const OCCASION_LABELS: Record<OccasionField, string> = {
  alter: 'Alter bzw. Jahre',
  ehejahre: 'Ehejahre',
  anlassDatum: 'Datum des Anlasses',
  anlass: 'Anlass',
  verstorbenePerson: 'Verstorbene Person',
  partnerstadt: 'Partnerstadt',
};

/** Form strings → the contract's fields (numbers parsed, empty left out). */
export function fieldsOf(values: Partial<Record<OccasionField, string>>, contactPerson: number): LetterFields {
  const number = (v?: string) => (v && /^\d+$/.test(v.trim()) ? Number(v.trim()) : undefined);
  const text = (v?: string) => (v?.trim() ? v.trim() : undefined);
  return {
    alter: number(values.alter),
    ehejahre: number(values.ehejahre),
    anlassDatum: text(values.anlassDatum),
    anlass: text(values.anlass),
    verstorbenePerson: text(values.verstorbenePerson),
    partnerstadt: text(values.partnerstadt),
    contactPerson,
  };
}
