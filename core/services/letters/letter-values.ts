import type { Language } from '../../api/schemas/addressing';
import type { LetterFields, OfficeSettings, Signer, TemplateManifestEntry } from '../../api/schemas/letters';
import { formatDateLong, formatDateNumeric } from '../../domain/dates/format';
import { weddingJubileeName } from '../../domain/jubilees/names';
import { placeholderSpec, resolvePlaceholders } from '../../documents/vocabulary';

/** What a letter says to and about its recipient (from the addressing engine or typed in). */
export interface RecipientForms {
  name: string;
  addressBlock: string[];
  salutation: string;
  oralSalutation: string;
  closing: string;
}

export interface LetterContext {
  entry: TemplateManifestEntry;
  office: OfficeSettings;
  signer: Signer;
  recipient: RecipientForms;
  /** ISO date of the letter. */
  date: string;
  fields: LetterFields;
  subject?: string;
  body?: string;
}

export interface LetterValues {
  values: Record<string, string>;
  subject: string;
  body: string;
  occasion: string;
  /** Problems that make the letter wrong (unknown or empty placeholders in subject or body). */
  errors: string[];
}

const ON_BEHALF: Record<Language, string> = {
  de: 'In Vertretung',
  en: 'On behalf of the Lord Mayor',
  fr: 'Par délégation du Maire',
};

/** The occasion as the register shows it: "90. Geburtstag", "Goldene Hochzeit", or the typed occasion. */
export function occasionOf(entry: TemplateManifestEntry, fields: LetterFields): string {
  if (fields.anlass) return fields.anlass;
  if (entry.kind === 'geburtstag' && fields.alter) return `${fields.alter}. Geburtstag`;
  if (entry.kind === 'ehejubilaeum' && fields.ehejahre) return weddingJubileeName(fields.ehejahre);
  return '';
}

/**
 * All placeholder values of one letter, with the subject and body (which may use the same
 * placeholders) resolved. Pure: the caller loads settings, signer and recipient.
 */
export function buildLetterValues(ctx: LetterContext): LetterValues {
  const { entry, office, signer, recipient, fields } = ctx;
  const language = entry.language;
  const contact = office.contactPersons[fields.contactPerson ?? 0];
  const occasion = occasionOf(entry, fields);
  const values: Record<string, string> = {
    stadt: office.stadt,
    dienststelle: office.dienststelle,
    amt: office.amt,
    absenderzeile: office.absenderzeile,
    hausanschrift: office.hausanschrift,
    internet: office.internet,
    ansprechpartner: contact?.name ?? '',
    telefon: contact?.phone ?? '',
    email: contact?.email ?? '',
    anschrift: recipient.addressBlock.join('\n'),
    empfaenger_name: recipient.name,
    anrede: `${recipient.salutation},`,
    anrede_muendlich: recipient.oralSalutation,
    grussformel: (language === 'de' && entry.closing) || recipient.closing,
    datum: formatDateLong(ctx.date, language),
    datum_numerisch: formatDateNumeric(ctx.date),
    anlass: occasion,
    anlass_datum: fields.anlassDatum ? formatDateLong(fields.anlassDatum, language) : '',
    alter: String(fields.alter ?? fields.ehejahre ?? ''),
    jubilaeum: fields.ehejahre ? weddingJubileeName(fields.ehejahre) : '',
    verstorbene_person: fields.verstorbenePerson ?? '',
    partnerstadt: fields.partnerstadt ?? '',
    aktenzeichen: fields.aktenzeichen ?? '',
    vertretung: signer.deputy ? ON_BEHALF[language] : '',
    unterzeichner_name: signer.name,
    unterzeichner_amt: signer.office,
  };
  const errors: string[] = [];
  const resolve = (text: string, where: string): string => {
    const result = resolvePlaceholders(text, values);
    for (const name of result.unknown) errors.push(`${where} enthält den unbekannten Platzhalter {{${name}}}.`);
    for (const name of result.empty) {
      errors.push(`${where} verwendet {{${name}}}, aber „${placeholderSpec(name)?.label ?? name}“ ist nicht angegeben.`);
    }
    return result.text;
  };
  const subject = resolve(ctx.subject ?? entry.subject, 'Der Betreff');
  const body = resolve(ctx.body ?? entry.body, 'Der Brieftext');
  values.betreff = subject;
  values.brieftext = body;
  return { values, subject, body, occasion, errors };
}
