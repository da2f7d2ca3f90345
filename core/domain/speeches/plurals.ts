/**
 * Gender-fair plural greetings for several guests of one office (DOMAIN.md A.1.10, B):
 * "sehr geehrte Abgeordnete", "sehr geehrte Mitglieder des Rates", "sehr geehrte
 * Bürgermeisterinnen und Bürgermeister". Pure data, keyed by the catalogue's role key.
 *
 * Roles missing here (offices held by one person at a time, foreign offices, staff-defined
 * roles) have no plural: their holders are greeted one by one. There is no generic fallback
 * ("Damen und Herren …"), because a correct German plural cannot be derived from the
 * catalogue's singular forms.
 */

export interface PluralForm {
  /** Shared by several role keys that are greeted together ("Abgeordnete" for MdEP, MdB, MdL). */
  group?: string;
  /** One form for every gender ("Abgeordnete", "Mitglieder des Rates"). */
  neutral?: string;
  /** Female and male plural; a mixed group gets "female und male". */
  female?: string;
  male?: string;
  /** Spoken without "sehr geehrte" ("Exzellenzen"); used only for holders addressed so. */
  bare?: string;
}

export const PLURALS: Readonly<Record<string, PluralForm>> = {
  bundesminister: { female: 'Bundesministerinnen', male: 'Bundesminister' },
  landesminister: { female: 'Ministerinnen', male: 'Minister' },
  botschafter: { bare: 'Exzellenzen', female: 'Botschafterinnen', male: 'Botschafter' },
  mdep: { group: 'abgeordnete', neutral: 'Abgeordnete' },
  mdb: { group: 'abgeordnete', neutral: 'Abgeordnete' },
  mdl: { group: 'abgeordnete', neutral: 'Abgeordnete' },
  regierungspraesident: { female: 'Regierungspräsidentinnen', male: 'Regierungspräsidenten' },
  generalkonsul: { female: 'Generalkonsulinnen', male: 'Generalkonsuln' },
  honorarkonsul: { female: 'Konsulinnen', male: 'Konsuln' },
  bischof_kath: { female: 'Bischöfinnen', male: 'Bischöfe' },
  praeses: { neutral: 'Präsides' },
  landesbischof: { female: 'Landesbischöfinnen', male: 'Landesbischöfe' },
  rabbiner: { female: 'Rabbinerinnen', male: 'Rabbiner' },
  superintendent: { female: 'Superintendentinnen', male: 'Superintendenten' },
  pfarrer: { female: 'Pfarrerinnen', male: 'Pfarrer' },
  oberbuergermeister: { female: 'Oberbürgermeisterinnen', male: 'Oberbürgermeister' },
  landrat: { female: 'Landrätinnen', male: 'Landräte' },
  ehrenbuerger: { female: 'Ehrenbürgerinnen', male: 'Ehrenbürger' },
  buergermeister: { female: 'Bürgermeisterinnen', male: 'Bürgermeister' },
  bezirksbuergermeister: { female: 'Bezirksbürgermeisterinnen', male: 'Bezirksbürgermeister' },
  ratsmitglied: { neutral: 'Mitglieder des Rates' },
  beigeordneter: { neutral: 'Beigeordnete' },
  polizeipraesident: { female: 'Polizeipräsidentinnen', male: 'Polizeipräsidenten' },
  gerichtspraesident: { female: 'Präsidentinnen', male: 'Präsidenten' },
  richter: { female: 'Richterinnen', male: 'Richter' },
  rektor: { female: 'Rektorinnen', male: 'Rektoren' },
  vorsitz_verein: { neutral: 'Vorsitzende' },
  geschaeftsfuehrung: { female: 'Geschäftsführerinnen', male: 'Geschäftsführer' },
};

type Gender = 'female' | 'male' | 'diverse' | 'unknown';

/**
 * The plural office term for a group: the neutral form if there is one; only women → female
 * form, only men → male form; mixed, diverse or unknown → "Bürgermeisterinnen und
 * Bürgermeister". Undefined when the table has no usable form.
 */
export function pluralTerm(form: PluralForm, genders: readonly Gender[]): string | undefined {
  if (form.neutral) return form.neutral;
  if (!form.female || !form.male) return undefined;
  if (genders.every((g) => g === 'female')) return form.female;
  if (genders.every((g) => g === 'male')) return form.male;
  return `${form.female} und ${form.male}`;
}
