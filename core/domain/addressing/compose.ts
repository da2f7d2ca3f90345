/**
 * Forms-of-address engine (DOMAIN.md A.1/A.2): address block, salutation,
 * closing and oral salutation for persons, couples and organisations.
 * Pure functions only: no I/O, no state.
 */
import type {
  AddressForms,
  ComposeInput,
  Language,
  Person,
  Role,
} from '../../api/schemas/addressing';

type Gender = Person['gender'];
type BinaryGender = 'male' | 'female';
type DegreeRank = 'professor' | 'doctor' | 'none';

const CLOSING_FORMAL_DE = 'Mit vorzüglicher Hochachtung';
const CLOSING_FRIENDLY_DE = 'Mit freundlichen Grüßen';
const FORMER_OFFICE = 'a. D.';
const FORMER_BISHOP = 'em.';
/** Longer combined couple lines are split in two (DIN 5008 address field width). */
const COUPLE_LINE_MAX = 50;

const AND: Readonly<Record<Language, string>> = { de: 'und', en: 'and', fr: 'et' };

/** Male particles of former nobility and the form a woman bears (A.1.8). */
const FEMALE_NAME_PARTICLES: Readonly<Record<string, string>> = {
  Graf: 'Gräfin',
  Freiherr: 'Freifrau',
  Fürst: 'Fürstin',
  Prinz: 'Prinzessin',
  Herzog: 'Herzogin',
  Baron: 'Baronin',
};

/** One person's forms plus what is needed to combine two of them. */
interface Composed extends AddressForms {
  language: Language;
  gender: Gender;
  hasOffice: boolean;
  /** The lines used when the person is part of a couple (no organisation for private persons). */
  coupleLines: string[];
  /** French closings repeat the salutation; couples need to rebuild them. */
  closingFor?: (salutation: string) => string;
}

// ---------------------------------------------------------------------------
// Text and name helpers

function clean(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function joinWords(...parts: (string | undefined)[]): string {
  return parts.map(clean).filter(Boolean).join(' ');
}

function isBinary(gender: Gender): gender is BinaryGender {
  return gender === 'male' || gender === 'female';
}

/** The name affix in the form the person bears ("Gräfin" for a woman). */
function nameAffix(p: Person): string {
  const affix = clean(p.nameAffix);
  if (p.gender !== 'female') return affix;
  return affix
    .split(' ')
    .map((word) => FEMALE_NAME_PARTICLES[word] ?? word)
    .join(' ');
}

/** Surname with its affix, as used after "Herr"/"Frau" ("Graf von Hinckelstein"). */
function surnameWithAffix(p: Person): string {
  return joinWords(nameAffix(p), p.surname);
}

/** Given name, affix and surname without degrees. */
function plainName(p: Person): string {
  return joinWords(p.givenName, nameAffix(p), p.surname);
}

/** Full name with all degrees: "Prof. Dr. Theo Graf von Hinckelstein". */
export function formatFullName(p: Person): string {
  return joinWords(p.degrees, plainName(p));
}

/** Name for sorted lists, under the name proper: "Hinckelstein, Theo Graf von". */
export function sortName(p: Person): string {
  const rest = joinWords(p.degrees, p.givenName, nameAffix(p));
  const surname = clean(p.surname);
  return rest ? `${surname}, ${rest}` : surname;
}

/** The highest degree that counts in a salutation (A.1.4). */
function highestDegree(degrees: string | undefined): DegreeRank {
  const text = clean(degrees);
  if (/(^|[\s.-])Prof(essor(in)?)?\b/i.test(text)) return 'professor';
  if (/(^|[\s.-])Dr\b/i.test(text)) return 'doctor';
  return 'none';
}

function withOrganisation(lines: string[], p: Person): string[] {
  const organisation = clean(p.organisation);
  return organisation ? [...lines, organisation] : lines;
}

function findRole(p: Person, roles: ReadonlyMap<string, Role>): Role | undefined {
  const key = clean(p.role);
  return key ? roles.get(key) : undefined;
}

function roleDetail(p: Person, role: Role): string {
  return clean(p.roleDetail) || clean(role.defaultDetail);
}

function toForms(c: AddressForms): AddressForms {
  return {
    addressLines: c.addressLines,
    salutation: c.salutation,
    closing: c.closing,
    oralSalutation: c.oralSalutation,
  };
}

export function roleMap(roles: readonly Role[]): Map<string, Role> {
  return new Map(roles.map((role) => [role.key, role]));
}

// ---------------------------------------------------------------------------
// German forms

/** "Herr"/"Frau" as used in the salutation; empty for diverse/unknown. */
function herrFrau(gender: Gender): string {
  if (gender === 'male') return 'Herr';
  if (gender === 'female') return 'Frau';
  return '';
}

/** "Herrn"/"Frau" as the accusative in the address block (A.1.1). */
function herrnFrau(gender: Gender): string {
  return gender === 'male' ? 'Herrn' : herrFrau(gender);
}

function germanDegreeTitle(rank: DegreeRank, gender: Gender): string {
  if (rank === 'doctor') return 'Dr.';
  if (rank !== 'professor') return '';
  if (gender === 'male') return 'Professor';
  if (gender === 'female') return 'Professorin';
  return 'Prof.';
}

function germanSalutation(gender: Gender, term: string): string {
  if (gender === 'male') return `Sehr geehrter ${term}`;
  if (gender === 'female') return `Sehr geehrte ${term}`;
  return `Guten Tag ${term}`;
}

/** "Herr Dr. Muster", "Frau Professorin Beispiel", diverse: "Dr. Kim Beispiel". */
function germanNameTerm(p: Person): string {
  const degree = germanDegreeTitle(highestDegree(p.degrees), p.gender);
  if (isBinary(p.gender)) return joinWords(herrFrau(p.gender), degree, surnameWithAffix(p));
  return joinWords(degree, plainName(p));
}

function germanClosing(closing: Role['closing']): string {
  return closing === 'formal' ? CLOSING_FORMAL_DE : CLOSING_FRIENDLY_DE;
}

function composeGermanPrivate(p: Person): Composed {
  const nameLine = joinWords(herrnFrau(p.gender), formatFullName(p));
  const term = germanNameTerm(p);
  return {
    addressLines: withOrganisation([nameLine], p),
    coupleLines: [nameLine],
    salutation: germanSalutation(p.gender, term),
    oralSalutation: term,
    closing: CLOSING_FRIENDLY_DE,
    language: 'de',
    gender: p.gender,
    hasOffice: false,
  };
}

// ---------------------------------------------------------------------------
// German office holders

function officeNominative(role: Role, gender: BinaryGender): string {
  return gender === 'female' ? role.officeFemale : role.officeMale;
}

/**
 * The office of a diverse person or one of unknown gender (A.1.9): neither masculine nor
 * feminine. The catalogue's neutral form („Vorsitz“, „Oberbürgermeister:in“), the one form of an
 * office that is the same for everybody („Mitglied des Rates …“), else none (a staff-defined
 * role without a neutral form: the office is left out rather than given in the masculine).
 */
function officeNeutral(role: Role): string {
  if (role.officeNeutral) return role.officeNeutral;
  return role.officeMale === role.officeFemale ? role.officeMale : '';
}

/** The office in the nominative for a person of this gender: „Bürgermeisterin“, „Bürgermeister:in“. */
export function officeName(role: Role, gender: Gender): string {
  return isBinary(gender) ? officeNominative(role, gender) : officeNeutral(role);
}

function officeAccusative(role: Role, gender: BinaryGender): string {
  return gender === 'female' ? role.officeFemale : (role.officeMaleAccusative ?? role.officeMale);
}

/** Office with detail and the mark of a former office ("a. D."; bishops: "em."). */
function officeLine(p: Person, role: Role, office: string): string {
  const detail = roleDetail(p, role);
  if (role.layout === 'bishop') return joinWords(office, p.former ? FORMER_BISHOP : '', detail);
  return joinWords(office, detail, p.former ? FORMER_OFFICE : '');
}

function suffixedName(p: Person, role: Role): string {
  return joinWords(formatFullName(p), role.nameSuffix, p.former ? FORMER_OFFICE : '');
}

/** (A.1.2a) "Herrn Oberbürgermeister" / "Dr. Max Muster". */
function officeFirstLines(p: Person, role: Role, gender: BinaryGender): string[] {
  const office = officeLine(p, role, officeAccusative(role, gender));
  return [joinWords(herrnFrau(gender), office), formatFullName(p)];
}

/** (A.1.2b) "Herrn" / "Dr. Max Muster" / "Vorsitzender des …" / organisation. */
function nameFirstLines(p: Person, role: Role, gender: BinaryGender): string[] {
  const office = officeLine(p, role, officeNominative(role, gender));
  return withOrganisation([herrnFrau(gender), formatFullName(p), office], p);
}

/** "Herrn" / "Dr. Max Muster MdB". */
function nameSuffixLines(p: Person, role: Role, gender: BinaryGender): string[] {
  return [herrnFrau(gender), suffixedName(p, role)];
}

/** "Seiner Exzellenz" / "dem Botschafter der …" / "Herrn Dr. Ali Beispiel". */
function excellencyLines(p: Person, role: Role, gender: BinaryGender): string[] {
  const office = officeLine(p, role, officeNominative(role, gender));
  if (gender === 'female') {
    return ['Ihrer Exzellenz', joinWords('der', office), joinWords('Frau', formatFullName(p))];
  }
  return ['Seiner Exzellenz', joinWords('dem', office), joinWords('Herrn', formatFullName(p))];
}

/** "Seiner Exzellenz" / "dem Hochwürdigsten Herrn" / name / "Bischof von …". */
function bishopLines(p: Person, role: Role): string[] {
  return [
    'Seiner Exzellenz',
    'dem Hochwürdigsten Herrn',
    formatFullName(p),
    officeLine(p, role, role.officeMale),
  ];
}

/**
 * (A.1.9) No "Frau/Herrn", whatever the layout: the name first, then the office in its neutral
 * form (neither masculine nor feminine), then for functions in organisations the organisation.
 * No Excellency lines: they are gendered ("Seiner/Ihrer Exzellenz").
 */
function genderNeutralRoleLines(p: Person, role: Role): string[] {
  if (role.layout === 'name-suffix') return [suffixedName(p, role)];
  const office = officeNeutral(role);
  const lines = office ? [formatFullName(p), officeLine(p, role, office)] : [formatFullName(p)];
  return role.layout === 'name-first' ? withOrganisation(lines, p) : lines;
}

function isExcellency(p: Person, role: Role): boolean {
  return role.layout === 'excellency' && isBinary(p.gender) && !p.former;
}

function germanRoleLines(p: Person, role: Role): string[] {
  const gender = p.gender;
  if (!isBinary(gender)) return genderNeutralRoleLines(p, role);
  switch (role.layout) {
    case 'name-first':
      return nameFirstLines(p, role, gender);
    case 'name-suffix':
      return nameSuffixLines(p, role, gender);
    case 'excellency':
      return isExcellency(p, role) ? excellencyLines(p, role, gender) : officeFirstLines(p, role, gender);
    case 'bishop':
      return gender === 'male' ? bishopLines(p, role) : officeFirstLines(p, role, gender);
    default:
      return officeFirstLines(p, role, gender);
  }
}

/** Salutation term without "Sehr geehrte/r": "Herr Oberbürgermeister", "Frau Pfarrerin Muster". */
function germanRoleTerm(p: Person, role: Role): string {
  if (isExcellency(p, role)) return 'Exzellenz';
  const gender = p.gender;
  if (!isBinary(gender) || role.salutationBy === 'name') return germanNameTerm(p);
  const word =
    gender === 'female'
      ? (role.salutationFemale ?? role.officeFemale)
      : (role.salutationMale ?? role.officeMale);
  const name = role.salutationBy === 'office-and-name' ? surnameWithAffix(p) : '';
  return joinWords(herrFrau(gender), word, name);
}

function composeGermanRole(p: Person, role: Role): Composed {
  const lines = germanRoleLines(p, role);
  const term = germanRoleTerm(p, role);
  return {
    addressLines: lines,
    coupleLines: lines,
    salutation: isExcellency(p, role) ? term : germanSalutation(p.gender, term),
    oralSalutation: term,
    closing: germanClosing(role.closing),
    language: 'de',
    gender: p.gender,
    hasOffice: true,
  };
}

// ---------------------------------------------------------------------------
// English and French private persons

/** "Professor", "Dr", "Mr", "Ms" – one title only, British style without dots. */
function englishTitle(p: Person): string {
  const rank = highestDegree(p.degrees);
  if (rank === 'professor') return 'Professor';
  if (rank === 'doctor') return 'Dr';
  if (p.gender === 'male') return 'Mr';
  if (p.gender === 'female') return 'Ms';
  return '';
}

function composeEnglishPrivate(p: Person): Composed {
  const title = englishTitle(p);
  const nameLine = joinWords(title, plainName(p));
  const term = title ? joinWords(title, surnameWithAffix(p)) : plainName(p);
  return {
    addressLines: withOrganisation([nameLine], p),
    coupleLines: [nameLine],
    salutation: `Dear ${term}`,
    oralSalutation: term,
    closing: 'Yours sincerely',
    language: 'en',
    gender: p.gender,
    hasOffice: false,
  };
}

/** "Monsieur", "Madame", with a professorship "Monsieur le Professeur"; empty otherwise. */
function frenchCivility(p: Person): string {
  const professor = highestDegree(p.degrees) === 'professor';
  if (p.gender === 'male') return professor ? 'Monsieur le Professeur' : 'Monsieur';
  if (p.gender === 'female') return professor ? 'Madame la Professeure' : 'Madame';
  return '';
}

/** French text uses the typographic apostrophe (’), as the letter bodies do. */
function frenchPrivateClosing(salutation: string): string {
  return `Veuillez agréer, ${salutation}, l’expression de mes salutations distinguées.`;
}

function composeFrenchPrivate(p: Person): Composed {
  const civility = frenchCivility(p);
  const nameLine = joinWords(civility, plainName(p));
  const salutation = civility || 'Madame, Monsieur';
  return {
    addressLines: withOrganisation([nameLine], p),
    coupleLines: [nameLine],
    salutation,
    oralSalutation: civility ? joinWords(civility, surnameWithAffix(p)) : plainName(p),
    closing: frenchPrivateClosing(salutation),
    closingFor: frenchPrivateClosing,
    language: 'fr',
    gender: p.gender,
    hasOffice: false,
  };
}

function composePrivate(p: Person, language: Language): Composed {
  if (language === 'en') return composeEnglishPrivate(p);
  if (language === 'fr') return composeFrenchPrivate(p);
  return composeGermanPrivate(p);
}

// ---------------------------------------------------------------------------
// Foreign office holders (A.1.12)

type ForeignForms = Omit<Composed, 'hasOffice' | 'coupleLines' | 'gender'>;

function foreignOffice(p: Person, forms: ForeignForms): Composed {
  return { ...forms, coupleLines: forms.addressLines, gender: p.gender, hasOffice: true };
}

/** "The Right Worshipful the Lord Mayor of Portsmouth" – same for every gender. */
function composeLordMayor(p: Person, role: Role): Composed {
  const title = joinWords('The Right Worshipful the Lord Mayor', officePlace(role, roleDetail(p, role)));
  return foreignOffice(p, {
    addressLines: [title, formatFullName(p)],
    salutation: 'Dear Lord Mayor',
    oralSalutation: 'Lord Mayor',
    closing: 'Yours sincerely',
    language: 'en',
  });
}

/** "The Honorable Dean Miller" / "Mayor of Fort Lauderdale". */
function composeMayor(p: Person, role: Role): Composed {
  const term = joinWords('Mayor', surnameWithAffix(p));
  return foreignOffice(p, {
    addressLines: [joinWords('The Honorable', formatFullName(p)), joinWords('Mayor', officePlace(role, roleDetail(p, role)))],
    salutation: `Dear ${term}`,
    oralSalutation: term,
    closing: 'Sincerely',
    language: 'en',
  });
}

/**
 * The place of a foreign office as it follows the office's name: „Lord Mayor of Portsmouth“,
 * „Maire de Calais“. A detail that already carries its preposition („of Portsmouth“, „de
 * Calais“) is taken as it is, never doubled; German details always carry their own („des
 * Turnvereins …“, „am Amtsgericht Duisburg“).
 */
export function officePlace(role: Role, detail: string): string {
  if (!detail || role.layout !== 'foreign') return detail;
  if (role.language === 'en') return /^of /i.test(detail) ? detail : `of ${detail}`;
  if (role.language === 'fr') return frenchOf(detail);
  return detail;
}

/** French "of" before a place: "de Calais", "d’Arras", "du Havre", "des Lilas". */
function frenchOf(place: string): string {
  if (/^(de|du|des) /i.test(place) || /^d['’]/i.test(place)) return place;
  if (place.startsWith('Les ')) return `des ${place.slice(4)}`;
  if (place.startsWith('Le ')) return `du ${place.slice(3)}`;
  if (/^[aeiouyàâäæéèêëîïôöœùûü]/i.test(place)) return `d’${place}`;
  return `de ${place}`;
}

function maireTerm(gender: Gender): string {
  if (gender === 'male') return 'Monsieur le Maire';
  if (gender === 'female') return 'Madame la Maire';
  return 'Madame, Monsieur le Maire';
}

function maireClosing(salutation: string): string {
  return `Je vous prie d’agréer, ${salutation}, l’expression de ma haute considération.`;
}

/** "Monsieur le Maire de Calais" / name; salutation "Monsieur le Maire". */
function composeMaire(p: Person, role: Role): Composed {
  const term = maireTerm(p.gender);
  const city = roleDetail(p, role);
  return {
    ...foreignOffice(p, {
      addressLines: [joinWords(term, city && frenchOf(city)), formatFullName(p)],
      salutation: term,
      oralSalutation: term,
      closing: maireClosing(term),
      language: 'fr',
    }),
    closingFor: maireClosing,
  };
}

/** Staff-defined foreign roles: private forms of the role's language plus an office line. */
function composeOtherForeignRole(p: Person, role: Role): Composed {
  const base = composePrivate(p, role.language);
  const office = joinWords(officeName(role, p.gender), roleDetail(p, role));
  const lines = [...base.coupleLines, office];
  return { ...base, addressLines: lines, coupleLines: lines, hasOffice: true };
}

function composeForeignRole(p: Person, role: Role): Composed {
  switch (role.key) {
    case 'lord_mayor':
      return composeLordMayor(p, role);
    case 'mayor':
      return composeMayor(p, role);
    case 'maire':
      return composeMaire(p, role);
    default:
      return composeOtherForeignRole(p, role);
  }
}

// ---------------------------------------------------------------------------
// One person

function composePerson(p: Person, roles: ReadonlyMap<string, Role>, inherited?: Language): Composed {
  const role = findRole(p, roles);
  if (!role) return composePrivate(p, p.language ?? inherited ?? 'de');
  if (role.layout === 'foreign' && role.language !== 'de') return composeForeignRole(p, role);
  return composeGermanRole(p, role);
}

// ---------------------------------------------------------------------------
// Couples (A.1.6)

/** Office holders first, then holders of a degree; otherwise the person before the partner. */
function addressRank(p: Person, roles: ReadonlyMap<string, Role>): number {
  if (findRole(p, roles)) return 2;
  return clean(p.degrees) ? 1 : 0;
}

function inAddressOrder(person: Person, partner: Person, roles: ReadonlyMap<string, Role>): [Person, Person] {
  return addressRank(partner, roles) > addressRank(person, roles) ? [partner, person] : [person, partner];
}

function coupleAddressLines(first: Composed, second: Composed): string[] {
  const and = AND[first.language];
  const [secondHead = '', ...secondRest] = second.coupleLines;
  if (first.hasOffice || second.hasOffice) {
    return [...first.coupleLines, `${and} ${secondHead}`, ...secondRest];
  }
  const firstLine = first.coupleLines[0] ?? '';
  const combined = `${firstLine} ${and} ${secondHead}`;
  return combined.length <= COUPLE_LINE_MAX ? [combined] : [firstLine, `${and} ${secondHead}`];
}

/** German and French name the lady first; English keeps the address order. */
function inSalutationOrder(first: Composed, second: Composed): [Composed, Composed] {
  const ladyFirst = first.language !== 'en' && second.gender === 'female' && first.gender !== 'female';
  return ladyFirst ? [second, first] : [first, second];
}

/** The second salutation continues the sentence: "…, sehr geehrter Herr Maier". */
function continuedGermanSalutation(salutation: string): string {
  return salutation.replace(/^(Sehr|Guten)\b/, (opener) => opener.toLowerCase());
}

function joinSalutations(a: Composed, b: Composed, language: Language): string {
  if (language === 'en') return `${a.salutation} and ${b.salutation.replace(/^Dear /, '')}`;
  if (language === 'fr') return `${a.salutation} et ${b.salutation}`;
  return `${a.salutation}, ${continuedGermanSalutation(b.salutation)}`;
}

function coupleClosing(first: Composed, second: Composed, salutation: string): string {
  if (first.closingFor) return first.closingFor(salutation);
  if (first.language === 'de' && second.closing === CLOSING_FORMAL_DE) return CLOSING_FORMAL_DE;
  return first.closing;
}

function composeCouple(person: Person, partner: Person, roles: ReadonlyMap<string, Role>): AddressForms {
  const [firstPerson, secondPerson] = inAddressOrder(person, partner, roles);
  const first = composePerson(firstPerson, roles);
  const second = composePerson(secondPerson, roles, first.language);
  const [a, b] = inSalutationOrder(first, second);
  const salutation = joinSalutations(a, b, first.language);
  return {
    addressLines: coupleAddressLines(first, second),
    salutation,
    closing: coupleClosing(first, second, salutation),
    oralSalutation: `${a.oralSalutation}, ${b.oralSalutation}`,
  };
}

// ---------------------------------------------------------------------------
// Public entry points

/** Forms of address for a person, or a couple when `partner` is given. */
export function composeAddress(input: ComposeInput, roles: ReadonlyMap<string, Role>): AddressForms {
  if (input.partner) return composeCouple(input.person, input.partner, roles);
  return toForms(composePerson(input.person, roles));
}

/**
 * The closing for a recipient typed in (no contact): the one the letter's language uses with that
 * salutation, as for contacts. German: „Mit freundlichen Grüßen“; English: an unnamed reader
 * („Dear Sir or Madam“) „Yours faithfully“, a named one „Yours sincerely“; French: the closing
 * repeats the salutation, a mayor's („Monsieur le Maire“) assures „ma haute considération“.
 */
export function closingForSalutation(salutation: string, language: Language): string {
  const term = clean(salutation).replace(/,$/, '').trim();
  if (language === 'en') return !term || /^Dear (Sir or Madam|Sirs?|Madam|Sir\/Madam)$/i.test(term) ? 'Yours faithfully' : 'Yours sincerely';
  if (language === 'fr') {
    if (/\b(le|la) Maire$/i.test(term)) return maireClosing(term);
    return frenchPrivateClosing(term || 'Madame, Monsieur');
  }
  return CLOSING_FRIENDLY_DE;
}

/** Forms of address for an organisation ("Sehr geehrte Damen und Herren"). */
export function composeOrganisation(name: string, language: Language = 'de'): AddressForms {
  const lines = [clean(name)];
  if (language === 'en') {
    return {
      addressLines: lines,
      salutation: 'Dear Sir or Madam',
      closing: 'Yours faithfully',
      oralSalutation: 'Ladies and Gentlemen',
    };
  }
  if (language === 'fr') {
    return {
      addressLines: lines,
      salutation: 'Madame, Monsieur',
      closing: frenchPrivateClosing('Madame, Monsieur'),
      oralSalutation: 'Mesdames et Messieurs',
    };
  }
  return {
    addressLines: lines,
    salutation: 'Sehr geehrte Damen und Herren',
    closing: CLOSING_FRIENDLY_DE,
    oralSalutation: 'meine Damen und Herren',
  };
}
