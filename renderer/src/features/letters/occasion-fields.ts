import type { LetterFields } from '../../../../core/api';

export type OccasionField = 'alter' | 'ehejahre' | 'anlassDatum' | 'anlass' | 'verstorbenePerson' | 'partnerstadt';

/** The placeholder each occasion field fills. */
const FIELD_OF_PLACEHOLDER: Record<string, OccasionField> = {
  alter: 'alter',
  jubilaeum: 'ehejahre',
  anlass: 'anlass',
  anlass_datum: 'anlassDatum',
  verstorbene_person: 'verstorbenePerson',
  partnerstadt: 'partnerstadt',
};

/**
 * The occasion fields a letter needs: those whose placeholders its subject and body use, so a
 * text the staff changed asks for exactly what it uses. The wedding years also give {{alter}}.
 */
export function occasionFieldsFor(subject: string, body: string): OccasionField[] {
  const used = new Set([...`${subject}\n${body}`.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => FIELD_OF_PLACEHOLDER[m[1]]).filter(Boolean));
  if (used.has('ehejahre')) used.delete('alter');
  return (['anlass', 'alter', 'ehejahre', 'anlassDatum', 'verstorbenePerson', 'partnerstadt'] as const).filter((f) => used.has(f));
}

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
