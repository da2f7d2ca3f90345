import { describe, it, expect } from 'vitest';
import { roleSchema } from '../../api/schemas/addressing';
import type { AddressForms, Person } from '../../api/schemas/addressing';
import {
  ROLE_CATALOGUE,
  closingForSalutation,
  composeAddress,
  composeOrganisation,
  formatFullName,
  roleMap,
  sortName,
} from './index';

// Every expected value below is written out by hand from DOMAIN.md A.1/A.2.

const FRIENDLY = 'Mit freundlichen Grüßen';
const FORMAL = 'Mit vorzüglicher Hochachtung';
// French closings use the typographic apostrophe (’), as the letter bodies do.
const FR_PRIVATE = (s: string) => `Veuillez agréer, ${s}, l’expression de mes salutations distinguées.`;
const FR_MAIRE = (s: string) => `Je vous prie d’agréer, ${s}, l’expression de ma haute considération.`;

const roles = roleMap(ROLE_CATALOGUE);

interface Case {
  name: string;
  person: Person;
  partner?: Person;
  expected: AddressForms;
}

function forms(
  addressLines: string[],
  salutation: string,
  closing: string,
  oralSalutation: string,
): AddressForms {
  return { addressLines, salutation, closing, oralSalutation };
}

const man = (fields: Partial<Person> = {}): Person => ({
  gender: 'male',
  givenName: 'Max',
  surname: 'Muster',
  ...fields,
});

const woman = (fields: Partial<Person> = {}): Person => ({
  gender: 'female',
  givenName: 'Anna',
  surname: 'Beispiel',
  ...fields,
});

const nonBinary = (fields: Partial<Person> = {}): Person => ({
  gender: 'diverse',
  givenName: 'Kim',
  surname: 'Beispiel',
  ...fields,
});

function runCases(cases: Case[]): void {
  it.each(cases)('$name', ({ person, partner, expected }) => {
    const input = partner ? { person, partner } : { person };
    expect(composeAddress(input, roles)).toEqual(expected);
  });
}

describe('catalogue roles, office first (A.1.2a)', () => {
  runCases([
    {
      name: 'bundespraesident, male: weakly declined accusative, formal closing',
      person: man({ givenName: 'Frank', role: 'bundespraesident' }),
      expected: forms(
        ['Herrn Bundespräsidenten', 'Frank Muster'],
        'Sehr geehrter Herr Bundespräsident',
        FORMAL,
        'Herr Bundespräsident',
      ),
    },
    {
      name: 'bundespraesident, female',
      person: woman({ degrees: 'Dr.', role: 'bundespraesident' }),
      expected: forms(
        ['Frau Bundespräsidentin', 'Dr. Anna Beispiel'],
        'Sehr geehrte Frau Bundespräsidentin',
        FORMAL,
        'Frau Bundespräsidentin',
      ),
    },
    {
      name: 'bundeskanzler, male: not declined',
      person: man({ role: 'bundeskanzler' }),
      expected: forms(
        ['Herrn Bundeskanzler', 'Max Muster'],
        'Sehr geehrter Herr Bundeskanzler',
        FORMAL,
        'Herr Bundeskanzler',
      ),
    },
    {
      name: 'bundeskanzler, female',
      person: woman({ degrees: 'Dr.', givenName: 'Angela', role: 'bundeskanzler' }),
      expected: forms(
        ['Frau Bundeskanzlerin', 'Dr. Angela Beispiel'],
        'Sehr geehrte Frau Bundeskanzlerin',
        FORMAL,
        'Frau Bundeskanzlerin',
      ),
    },
    {
      name: 'bundestagspraesident, male: "Präsidenten des Deutschen Bundestages", salutation "Präsident"',
      person: man({ role: 'bundestagspraesident' }),
      expected: forms(
        ['Herrn Präsidenten des Deutschen Bundestages', 'Max Muster'],
        'Sehr geehrter Herr Präsident',
        FORMAL,
        'Herr Präsident',
      ),
    },
    {
      name: 'bundestagspraesident, female',
      person: woman({ givenName: 'Julia', role: 'bundestagspraesident' }),
      expected: forms(
        ['Frau Präsidentin des Deutschen Bundestages', 'Julia Beispiel'],
        'Sehr geehrte Frau Präsidentin',
        FORMAL,
        'Frau Präsidentin',
      ),
    },
    {
      name: 'bundesminister, male: ministry in the address, not in the salutation',
      person: man({ degrees: 'Dr.', role: 'bundesminister', roleDetail: 'des Innern' }),
      expected: forms(
        ['Herrn Bundesminister des Innern', 'Dr. Max Muster'],
        'Sehr geehrter Herr Bundesminister',
        FRIENDLY,
        'Herr Bundesminister',
      ),
    },
    {
      name: 'bundesminister, female',
      person: woman({ role: 'bundesminister' }),
      expected: forms(
        ['Frau Bundesministerin', 'Anna Beispiel'],
        'Sehr geehrte Frau Bundesministerin',
        FRIENDLY,
        'Frau Bundesministerin',
      ),
    },
    {
      name: 'ministerpraesident, male: default detail NRW',
      person: man({ givenName: 'Hendrik', role: 'ministerpraesident' }),
      expected: forms(
        ['Herrn Ministerpräsidenten des Landes Nordrhein-Westfalen', 'Hendrik Muster'],
        'Sehr geehrter Herr Ministerpräsident',
        FRIENDLY,
        'Herr Ministerpräsident',
      ),
    },
    {
      name: 'ministerpraesident, female: own detail replaces the default',
      person: woman({ role: 'ministerpraesident', roleDetail: 'des Freistaates Bayern' }),
      expected: forms(
        ['Frau Ministerpräsidentin des Freistaates Bayern', 'Anna Beispiel'],
        'Sehr geehrte Frau Ministerpräsidentin',
        FRIENDLY,
        'Frau Ministerpräsidentin',
      ),
    },
    {
      name: 'landtagspraesident, male',
      person: man({ givenName: 'André', role: 'landtagspraesident' }),
      expected: forms(
        ['Herrn Präsidenten des Landtags Nordrhein-Westfalen', 'André Muster'],
        'Sehr geehrter Herr Präsident',
        FRIENDLY,
        'Herr Präsident',
      ),
    },
    {
      name: 'landtagspraesident, female',
      person: woman({ role: 'landtagspraesident' }),
      expected: forms(
        ['Frau Präsidentin des Landtags Nordrhein-Westfalen', 'Anna Beispiel'],
        'Sehr geehrte Frau Präsidentin',
        FRIENDLY,
        'Frau Präsidentin',
      ),
    },
    {
      name: 'landesminister, male with ministry',
      person: man({ role: 'landesminister', roleDetail: 'für Heimat, Kommunales, Bau und Digitalisierung' }),
      expected: forms(
        ['Herrn Minister für Heimat, Kommunales, Bau und Digitalisierung', 'Max Muster'],
        'Sehr geehrter Herr Minister',
        FRIENDLY,
        'Herr Minister',
      ),
    },
    {
      name: 'landesminister, female',
      person: woman({ givenName: 'Ina', role: 'landesminister' }),
      expected: forms(['Frau Ministerin', 'Ina Beispiel'], 'Sehr geehrte Frau Ministerin', FRIENDLY, 'Frau Ministerin'),
    },
    {
      name: 'regierungspraesident, male',
      person: man({ givenName: 'Thomas', role: 'regierungspraesident' }),
      expected: forms(
        ['Herrn Regierungspräsidenten', 'Thomas Muster'],
        'Sehr geehrter Herr Regierungspräsident',
        FRIENDLY,
        'Herr Regierungspräsident',
      ),
    },
    {
      name: 'regierungspraesident, female',
      person: woman({ givenName: 'Birgitta', role: 'regierungspraesident' }),
      expected: forms(
        ['Frau Regierungspräsidentin', 'Birgitta Beispiel'],
        'Sehr geehrte Frau Regierungspräsidentin',
        FRIENDLY,
        'Frau Regierungspräsidentin',
      ),
    },
    {
      name: 'generalkonsul, male',
      person: man({ role: 'generalkonsul', roleDetail: 'der Republik Türkei' }),
      expected: forms(
        ['Herrn Generalkonsul der Republik Türkei', 'Max Muster'],
        'Sehr geehrter Herr Generalkonsul',
        FRIENDLY,
        'Herr Generalkonsul',
      ),
    },
    {
      name: 'generalkonsul, female',
      person: woman({ role: 'generalkonsul', roleDetail: 'der Republik Polen' }),
      expected: forms(
        ['Frau Generalkonsulin der Republik Polen', 'Anna Beispiel'],
        'Sehr geehrte Frau Generalkonsulin',
        FRIENDLY,
        'Frau Generalkonsulin',
      ),
    },
    {
      name: 'honorarkonsul, male: salutation "Konsul"',
      person: man({ role: 'honorarkonsul', roleDetail: 'der Republik Litauen' }),
      expected: forms(
        ['Herrn Honorarkonsul der Republik Litauen', 'Max Muster'],
        'Sehr geehrter Herr Konsul',
        FRIENDLY,
        'Herr Konsul',
      ),
    },
    {
      name: 'honorarkonsul, female: salutation "Konsulin"',
      person: woman({ role: 'honorarkonsul', roleDetail: 'der Republik Litauen' }),
      expected: forms(
        ['Frau Honorarkonsulin der Republik Litauen', 'Anna Beispiel'],
        'Sehr geehrte Frau Konsulin',
        FRIENDLY,
        'Frau Konsulin',
      ),
    },
    {
      name: 'praeses, male',
      person: man({ givenName: 'Thorsten', role: 'praeses' }),
      expected: forms(['Herrn Präses', 'Thorsten Muster'], 'Sehr geehrter Herr Präses', FRIENDLY, 'Herr Präses'),
    },
    {
      name: 'praeses, female: "Präses" for both genders',
      person: woman({ degrees: 'Dr.', givenName: 'Annette', role: 'praeses' }),
      expected: forms(['Frau Präses', 'Dr. Annette Beispiel'], 'Sehr geehrte Frau Präses', FRIENDLY, 'Frau Präses'),
    },
    {
      name: 'landesbischof, male',
      person: man({ role: 'landesbischof' }),
      expected: forms(
        ['Herrn Landesbischof', 'Max Muster'],
        'Sehr geehrter Herr Landesbischof',
        FRIENDLY,
        'Herr Landesbischof',
      ),
    },
    {
      name: 'landesbischof, female: "Landesbischöfin"',
      person: woman({ role: 'landesbischof' }),
      expected: forms(
        ['Frau Landesbischöfin', 'Anna Beispiel'],
        'Sehr geehrte Frau Landesbischöfin',
        FRIENDLY,
        'Frau Landesbischöfin',
      ),
    },
    {
      name: 'rabbiner, male: office and surname, no degree',
      person: man({ degrees: 'Dr.', givenName: 'David', role: 'rabbiner' }),
      expected: forms(
        ['Herrn Rabbiner', 'Dr. David Muster'],
        'Sehr geehrter Herr Rabbiner Muster',
        FRIENDLY,
        'Herr Rabbiner Muster',
      ),
    },
    {
      name: 'rabbiner, female',
      person: woman({ role: 'rabbiner' }),
      expected: forms(
        ['Frau Rabbinerin', 'Anna Beispiel'],
        'Sehr geehrte Frau Rabbinerin Beispiel',
        FRIENDLY,
        'Frau Rabbinerin Beispiel',
      ),
    },
    {
      name: 'superintendent, male',
      person: man({ role: 'superintendent' }),
      expected: forms(
        ['Herrn Superintendent', 'Max Muster'],
        'Sehr geehrter Herr Superintendent',
        FRIENDLY,
        'Herr Superintendent',
      ),
    },
    {
      name: 'superintendent, female',
      person: woman({ role: 'superintendent' }),
      expected: forms(
        ['Frau Superintendentin', 'Anna Beispiel'],
        'Sehr geehrte Frau Superintendentin',
        FRIENDLY,
        'Frau Superintendentin',
      ),
    },
    {
      name: 'pfarrer, male',
      person: man({ role: 'pfarrer' }),
      expected: forms(['Herrn Pfarrer', 'Max Muster'], 'Sehr geehrter Herr Pfarrer Muster', FRIENDLY, 'Herr Pfarrer Muster'),
    },
    {
      name: 'pfarrer, female with Dr.: no degree in the salutation',
      person: woman({ degrees: 'Dr.', surname: 'Muster', role: 'pfarrer' }),
      expected: forms(
        ['Frau Pfarrerin', 'Dr. Anna Muster'],
        'Sehr geehrte Frau Pfarrerin Muster',
        FRIENDLY,
        'Frau Pfarrerin Muster',
      ),
    },
    {
      name: 'oberbuergermeister, male',
      person: man({ role: 'oberbuergermeister' }),
      expected: forms(
        ['Herrn Oberbürgermeister', 'Max Muster'],
        'Sehr geehrter Herr Oberbürgermeister',
        FRIENDLY,
        'Herr Oberbürgermeister',
      ),
    },
    {
      name: 'oberbuergermeister, female (the issue example)',
      person: woman({ degrees: 'Dr.', role: 'oberbuergermeister' }),
      expected: forms(
        ['Frau Oberbürgermeisterin', 'Dr. Anna Beispiel'],
        'Sehr geehrte Frau Oberbürgermeisterin',
        FRIENDLY,
        'Frau Oberbürgermeisterin',
      ),
    },
    {
      name: 'landrat, male with district',
      person: man({ role: 'landrat', roleDetail: 'des Kreises Wesel' }),
      expected: forms(['Herrn Landrat des Kreises Wesel', 'Max Muster'], 'Sehr geehrter Herr Landrat', FRIENDLY, 'Herr Landrat'),
    },
    {
      name: 'landrat, female: "Landrätin"',
      person: woman({ role: 'landrat' }),
      expected: forms(['Frau Landrätin', 'Anna Beispiel'], 'Sehr geehrte Frau Landrätin', FRIENDLY, 'Frau Landrätin'),
    },
    {
      name: 'buergermeister, male',
      person: man({ role: 'buergermeister' }),
      expected: forms(
        ['Herrn Bürgermeister', 'Max Muster'],
        'Sehr geehrter Herr Bürgermeister',
        FRIENDLY,
        'Herr Bürgermeister',
      ),
    },
    {
      name: 'buergermeister, female',
      person: woman({ role: 'buergermeister' }),
      expected: forms(
        ['Frau Bürgermeisterin', 'Anna Beispiel'],
        'Sehr geehrte Frau Bürgermeisterin',
        FRIENDLY,
        'Frau Bürgermeisterin',
      ),
    },
    {
      name: 'bezirksbuergermeister, male with district',
      person: man({ role: 'bezirksbuergermeister', roleDetail: 'des Stadtbezirks Homberg/Ruhrort/Baerl' }),
      expected: forms(
        ['Herrn Bezirksbürgermeister des Stadtbezirks Homberg/Ruhrort/Baerl', 'Max Muster'],
        'Sehr geehrter Herr Bezirksbürgermeister',
        FRIENDLY,
        'Herr Bezirksbürgermeister',
      ),
    },
    {
      name: 'bezirksbuergermeister, female',
      person: woman({ role: 'bezirksbuergermeister' }),
      expected: forms(
        ['Frau Bezirksbürgermeisterin', 'Anna Beispiel'],
        'Sehr geehrte Frau Bezirksbürgermeisterin',
        FRIENDLY,
        'Frau Bezirksbürgermeisterin',
      ),
    },
    {
      name: 'beigeordneter, male: "Herrn Beigeordneten", salutation "Herr Beigeordneter"',
      person: man({ role: 'beigeordneter' }),
      expected: forms(
        ['Herrn Beigeordneten', 'Max Muster'],
        'Sehr geehrter Herr Beigeordneter',
        FRIENDLY,
        'Herr Beigeordneter',
      ),
    },
    {
      name: 'beigeordneter, female',
      person: woman({ role: 'beigeordneter' }),
      expected: forms(
        ['Frau Beigeordnete', 'Anna Beispiel'],
        'Sehr geehrte Frau Beigeordnete',
        FRIENDLY,
        'Frau Beigeordnete',
      ),
    },
    {
      name: 'polizeipraesident, male',
      person: man({ role: 'polizeipraesident' }),
      expected: forms(
        ['Herrn Polizeipräsidenten', 'Max Muster'],
        'Sehr geehrter Herr Polizeipräsident',
        FRIENDLY,
        'Herr Polizeipräsident',
      ),
    },
    {
      name: 'polizeipraesident, female',
      person: woman({ role: 'polizeipraesident' }),
      expected: forms(
        ['Frau Polizeipräsidentin', 'Anna Beispiel'],
        'Sehr geehrte Frau Polizeipräsidentin',
        FRIENDLY,
        'Frau Polizeipräsidentin',
      ),
    },
    {
      name: 'gerichtspraesident, male: "Herrn Präsidenten des Landgerichts …"',
      person: man({ degrees: 'Dr.', role: 'gerichtspraesident', roleDetail: 'des Landgerichts Duisburg' }),
      expected: forms(
        ['Herrn Präsidenten des Landgerichts Duisburg', 'Dr. Max Muster'],
        'Sehr geehrter Herr Präsident',
        FRIENDLY,
        'Herr Präsident',
      ),
    },
    {
      name: 'gerichtspraesident, female',
      person: woman({ role: 'gerichtspraesident', roleDetail: 'des Amtsgerichts Duisburg-Hamborn' }),
      expected: forms(
        ['Frau Präsidentin des Amtsgerichts Duisburg-Hamborn', 'Anna Beispiel'],
        'Sehr geehrte Frau Präsidentin',
        FRIENDLY,
        'Frau Präsidentin',
      ),
    },
    {
      name: 'richter, male: office first, salutation by name with degree',
      person: man({ degrees: 'Dr.', role: 'richter', roleDetail: 'am Amtsgericht Duisburg' }),
      expected: forms(
        ['Herrn Richter am Amtsgericht Duisburg', 'Dr. Max Muster'],
        'Sehr geehrter Herr Dr. Muster',
        FRIENDLY,
        'Herr Dr. Muster',
      ),
    },
    {
      name: 'richter, female',
      person: woman({ role: 'richter', roleDetail: 'am Landgericht Duisburg' }),
      expected: forms(
        ['Frau Richterin am Landgericht Duisburg', 'Anna Beispiel'],
        'Sehr geehrte Frau Beispiel',
        FRIENDLY,
        'Frau Beispiel',
      ),
    },
    {
      name: 'rektor, male: office, not "Professor", in the salutation',
      person: man({ degrees: 'Prof. Dr.', role: 'rektor', roleDetail: 'der Universität Duisburg-Essen' }),
      expected: forms(
        ['Herrn Rektor der Universität Duisburg-Essen', 'Prof. Dr. Max Muster'],
        'Sehr geehrter Herr Rektor',
        FRIENDLY,
        'Herr Rektor',
      ),
    },
    {
      name: 'rektor, female',
      person: woman({ degrees: 'Prof. Dr.', role: 'rektor', roleDetail: 'der Universität Duisburg-Essen' }),
      expected: forms(
        ['Frau Rektorin der Universität Duisburg-Essen', 'Prof. Dr. Anna Beispiel'],
        'Sehr geehrte Frau Rektorin',
        FRIENDLY,
        'Frau Rektorin',
      ),
    },
    {
      name: 'unknown role key is treated as a private person',
      person: man({ role: 'astronaut', roleDetail: 'der ESA' }),
      expected: forms(['Herrn Max Muster'], 'Sehr geehrter Herr Muster', FRIENDLY, 'Herr Muster'),
    },
    {
      name: 'German role keeps German forms even with language "en"',
      person: man({ role: 'oberbuergermeister', language: 'en' }),
      expected: forms(
        ['Herrn Oberbürgermeister', 'Max Muster'],
        'Sehr geehrter Herr Oberbürgermeister',
        FRIENDLY,
        'Herr Oberbürgermeister',
      ),
    },
  ]);
});

describe('catalogue roles, name first, suffix, excellency, bishop', () => {
  runCases([
    {
      name: 'vorsitz_verein, male: name first, salutation by office',
      person: man({ degrees: 'Dr.', role: 'vorsitz_verein', roleDetail: 'des Duisburger Schwimmvereins e. V.' }),
      expected: forms(
        ['Herrn', 'Dr. Max Muster', 'Vorsitzender des Duisburger Schwimmvereins e. V.'],
        'Sehr geehrter Herr Vorsitzender',
        FRIENDLY,
        'Herr Vorsitzender',
      ),
    },
    {
      name: 'vorsitz_verein, female: "Vorsitzende des …"',
      person: woman({ role: 'vorsitz_verein', roleDetail: 'des Duisburger Schwimmvereins e. V.' }),
      expected: forms(
        ['Frau', 'Anna Beispiel', 'Vorsitzende des Duisburger Schwimmvereins e. V.'],
        'Sehr geehrte Frau Vorsitzende',
        FRIENDLY,
        'Frau Vorsitzende',
      ),
    },
    {
      name: 'geschaeftsfuehrung, male: organisation as last line',
      person: man({ role: 'geschaeftsfuehrung', organisation: 'Muster Logistik GmbH' }),
      expected: forms(
        ['Herrn', 'Max Muster', 'Geschäftsführer', 'Muster Logistik GmbH'],
        'Sehr geehrter Herr Muster',
        FRIENDLY,
        'Herr Muster',
      ),
    },
    {
      name: 'geschaeftsfuehrung, female with Dipl.-Ing.: not in the salutation',
      person: woman({ degrees: 'Dipl.-Ing.', role: 'geschaeftsfuehrung', organisation: 'Beispiel Bau GmbH' }),
      expected: forms(
        ['Frau', 'Dipl.-Ing. Anna Beispiel', 'Geschäftsführerin', 'Beispiel Bau GmbH'],
        'Sehr geehrte Frau Beispiel',
        FRIENDLY,
        'Frau Beispiel',
      ),
    },
    {
      name: 'imam, male',
      person: man({ givenName: 'Ahmet', surname: 'Yılmaz', role: 'imam', roleDetail: 'der Merkez-Moschee' }),
      expected: forms(
        ['Herrn', 'Ahmet Yılmaz', 'Imam der Merkez-Moschee'],
        'Sehr geehrter Herr Yılmaz',
        FRIENDLY,
        'Herr Yılmaz',
      ),
    },
    {
      name: 'imam, female with Dr.',
      person: woman({ degrees: 'Dr.', givenName: 'Ayşe', surname: 'Demir', role: 'imam', roleDetail: 'der Merkez-Moschee' }),
      expected: forms(
        ['Frau', 'Dr. Ayşe Demir', 'Imamin der Merkez-Moschee'],
        'Sehr geehrte Frau Dr. Demir',
        FRIENDLY,
        'Frau Dr. Demir',
      ),
    },
    {
      name: 'ehrenbuerger, male with Prof. Dr.: default detail, salutation by name',
      person: man({ degrees: 'Prof. Dr.', role: 'ehrenbuerger' }),
      expected: forms(
        ['Herrn', 'Prof. Dr. Max Muster', 'Ehrenbürger der Stadt Duisburg'],
        'Sehr geehrter Herr Professor Muster',
        FRIENDLY,
        'Herr Professor Muster',
      ),
    },
    {
      name: 'ehrenbuerger, female',
      person: woman({ role: 'ehrenbuerger' }),
      expected: forms(
        ['Frau', 'Anna Beispiel', 'Ehrenbürgerin der Stadt Duisburg'],
        'Sehr geehrte Frau Beispiel',
        FRIENDLY,
        'Frau Beispiel',
      ),
    },
    {
      name: 'ratsmitglied, male',
      person: man({ role: 'ratsmitglied' }),
      expected: forms(
        ['Herrn', 'Max Muster', 'Mitglied des Rates der Stadt Duisburg'],
        'Sehr geehrter Herr Muster',
        FRIENDLY,
        'Herr Muster',
      ),
    },
    {
      name: 'ratsmitglied, female with Dr.',
      person: woman({ degrees: 'Dr.', role: 'ratsmitglied' }),
      expected: forms(
        ['Frau', 'Dr. Anna Beispiel', 'Mitglied des Rates der Stadt Duisburg'],
        'Sehr geehrte Frau Dr. Beispiel',
        FRIENDLY,
        'Frau Dr. Beispiel',
      ),
    },
    {
      name: 'mdb, male: suffix "MdB", salutation "Abgeordneter"',
      person: man({ degrees: 'Dr.', role: 'mdb' }),
      expected: forms(
        ['Herrn', 'Dr. Max Muster MdB'],
        'Sehr geehrter Herr Abgeordneter',
        FRIENDLY,
        'Herr Abgeordneter',
      ),
    },
    {
      name: 'mdb, female: "Abgeordnete"',
      person: woman({ role: 'mdb' }),
      expected: forms(['Frau', 'Anna Beispiel MdB'], 'Sehr geehrte Frau Abgeordnete', FRIENDLY, 'Frau Abgeordnete'),
    },
    {
      name: 'mdl, male',
      person: man({ role: 'mdl' }),
      expected: forms(['Herrn', 'Max Muster MdL'], 'Sehr geehrter Herr Abgeordneter', FRIENDLY, 'Herr Abgeordneter'),
    },
    {
      name: 'mdl, female',
      person: woman({ degrees: 'Dr.', role: 'mdl' }),
      expected: forms(['Frau', 'Dr. Anna Beispiel MdL'], 'Sehr geehrte Frau Abgeordnete', FRIENDLY, 'Frau Abgeordnete'),
    },
    {
      name: 'mdep, male',
      person: man({ role: 'mdep' }),
      expected: forms(['Herrn', 'Max Muster MdEP'], 'Sehr geehrter Herr Abgeordneter', FRIENDLY, 'Herr Abgeordneter'),
    },
    {
      name: 'mdep, female',
      person: woman({ role: 'mdep' }),
      expected: forms(['Frau', 'Anna Beispiel MdEP'], 'Sehr geehrte Frau Abgeordnete', FRIENDLY, 'Frau Abgeordnete'),
    },
    {
      name: 'botschafter, male: Excellency in the dative',
      person: man({ degrees: 'Dr.', givenName: 'Ali', surname: 'Beispiel', role: 'botschafter', roleDetail: 'der Republik Türkei' }),
      expected: forms(
        ['Seiner Exzellenz', 'dem Botschafter der Republik Türkei', 'Herrn Dr. Ali Beispiel'],
        'Exzellenz',
        FORMAL,
        'Exzellenz',
      ),
    },
    {
      name: 'botschafter, female',
      person: woman({ givenName: 'Ramunė', role: 'botschafter', roleDetail: 'der Republik Litauen' }),
      expected: forms(
        ['Ihrer Exzellenz', 'der Botschafterin der Republik Litauen', 'Frau Ramunė Beispiel'],
        'Exzellenz',
        FORMAL,
        'Exzellenz',
      ),
    },
    {
      name: 'bischof_kath, male',
      person: man({ degrees: 'Dr.', givenName: 'Franz', surname: 'Beispiel', role: 'bischof_kath', roleDetail: 'von Essen' }),
      expected: forms(
        ['Seiner Exzellenz', 'dem Hochwürdigsten Herrn', 'Dr. Franz Beispiel', 'Bischof von Essen'],
        'Sehr geehrter Herr Bischof',
        FORMAL,
        'Herr Bischof',
      ),
    },
    {
      name: 'bischof_kath, female: falls back to office first',
      person: woman({ role: 'bischof_kath', roleDetail: 'von Essen' }),
      expected: forms(
        ['Frau Bischöfin von Essen', 'Anna Beispiel'],
        'Sehr geehrte Frau Bischöfin',
        FORMAL,
        'Frau Bischöfin',
      ),
    },
  ]);
});

describe('foreign roles (A.1.12)', () => {
  runCases([
    {
      name: 'lord_mayor, female',
      person: woman({ givenName: 'Jane', surname: 'Smith', role: 'lord_mayor', roleDetail: 'Portsmouth' }),
      expected: forms(
        ['The Right Worshipful the Lord Mayor of Portsmouth', 'Jane Smith'],
        'Dear Lord Mayor',
        'Yours sincerely',
        'Lord Mayor',
      ),
    },
    {
      name: 'lord_mayor, male: same forms',
      person: man({ givenName: 'John', surname: 'Smith', role: 'lord_mayor', roleDetail: 'Portsmouth' }),
      expected: forms(
        ['The Right Worshipful the Lord Mayor of Portsmouth', 'John Smith'],
        'Dear Lord Mayor',
        'Yours sincerely',
        'Lord Mayor',
      ),
    },
    {
      name: 'mayor, male',
      person: man({ givenName: 'Dean', surname: 'Miller', role: 'mayor', roleDetail: 'Fort Lauderdale' }),
      expected: forms(
        ['The Honorable Dean Miller', 'Mayor of Fort Lauderdale'],
        'Dear Mayor Miller',
        'Sincerely',
        'Mayor Miller',
      ),
    },
    {
      name: 'mayor, female',
      person: woman({ givenName: 'Jane', surname: 'Miller', role: 'mayor', roleDetail: 'Fort Lauderdale' }),
      expected: forms(
        ['The Honorable Jane Miller', 'Mayor of Fort Lauderdale'],
        'Dear Mayor Miller',
        'Sincerely',
        'Mayor Miller',
      ),
    },
    {
      name: 'maire, male',
      person: man({ givenName: 'Jean', surname: 'Dupont', role: 'maire', roleDetail: 'Calais' }),
      expected: forms(
        ['Monsieur le Maire de Calais', 'Jean Dupont'],
        'Monsieur le Maire',
        FR_MAIRE('Monsieur le Maire'),
        'Monsieur le Maire',
      ),
    },
    {
      name: 'maire, female',
      person: woman({ givenName: 'Marie', surname: 'Dupont', role: 'maire', roleDetail: 'Calais' }),
      expected: forms(
        ['Madame la Maire de Calais', 'Marie Dupont'],
        'Madame la Maire',
        FR_MAIRE('Madame la Maire'),
        'Madame la Maire',
      ),
    },
    {
      name: 'maire, diverse, city with a vowel: d’Arras (typographic apostrophe)',
      person: nonBinary({ givenName: 'Camille', surname: 'Dupont', role: 'maire', roleDetail: 'Arras' }),
      expected: forms(
        ['Madame, Monsieur le Maire d’Arras', 'Camille Dupont'],
        'Madame, Monsieur le Maire',
        FR_MAIRE('Madame, Monsieur le Maire'),
        'Madame, Monsieur le Maire',
      ),
    },
    {
      name: 'maire of Le Havre: "du Havre"',
      person: man({ givenName: 'Jean', surname: 'Dupont', role: 'maire', roleDetail: 'Le Havre' }),
      expected: forms(
        ['Monsieur le Maire du Havre', 'Jean Dupont'],
        'Monsieur le Maire',
        FR_MAIRE('Monsieur le Maire'),
        'Monsieur le Maire',
      ),
    },
    // A detail that already carries its preposition is taken as it is, like the German
    // „am Amtsgericht Duisburg“ of a Richter.
    {
      name: 'lord_mayor with „of Portsmouth“: the preposition is not doubled',
      person: woman({ givenName: 'Jane', surname: 'Smith', role: 'lord_mayor', roleDetail: 'of Portsmouth' }),
      expected: forms(
        ['The Right Worshipful the Lord Mayor of Portsmouth', 'Jane Smith'],
        'Dear Lord Mayor',
        'Yours sincerely',
        'Lord Mayor',
      ),
    },
    {
      name: 'mayor with „of Fort Lauderdale“: the preposition is not doubled',
      person: man({ givenName: 'Dean', surname: 'Miller', role: 'mayor', roleDetail: 'of Fort Lauderdale' }),
      expected: forms(['The Honorable Dean Miller', 'Mayor of Fort Lauderdale'], 'Dear Mayor Miller', 'Sincerely', 'Mayor Miller'),
    },
    {
      name: 'maire with „de Calais“: the preposition is not doubled',
      person: man({ givenName: 'Jean', surname: 'Dupont', role: 'maire', roleDetail: 'de Calais' }),
      expected: forms(['Monsieur le Maire de Calais', 'Jean Dupont'], 'Monsieur le Maire', FR_MAIRE('Monsieur le Maire'), 'Monsieur le Maire'),
    },
  ]);
});

describe('private persons and degrees (A.1.4)', () => {
  runCases([
    {
      name: 'male with Dr.',
      person: man({ degrees: 'Dr.' }),
      expected: forms(['Herrn Dr. Max Muster'], 'Sehr geehrter Herr Dr. Muster', FRIENDLY, 'Herr Dr. Muster'),
    },
    {
      name: 'female without degree',
      person: woman(),
      expected: forms(['Frau Anna Beispiel'], 'Sehr geehrte Frau Beispiel', FRIENDLY, 'Frau Beispiel'),
    },
    {
      name: 'female Prof.: "Professorin" written out',
      person: woman({ degrees: 'Prof.' }),
      expected: forms(
        ['Frau Prof. Anna Beispiel'],
        'Sehr geehrte Frau Professorin Beispiel',
        FRIENDLY,
        'Frau Professorin Beispiel',
      ),
    },
    {
      name: 'male Prof. Dr.: Dr. dropped in the salutation',
      person: man({ degrees: 'Prof. Dr.' }),
      expected: forms(
        ['Herrn Prof. Dr. Max Muster'],
        'Sehr geehrter Herr Professor Muster',
        FRIENDLY,
        'Herr Professor Muster',
      ),
    },
    {
      name: 'male Prof. Dr. Dr. h. c.: all degrees in the address',
      person: man({ degrees: 'Prof. Dr. Dr. h. c.' }),
      expected: forms(
        ['Herrn Prof. Dr. Dr. h. c. Max Muster'],
        'Sehr geehrter Herr Professor Muster',
        FRIENDLY,
        'Herr Professor Muster',
      ),
    },
    {
      name: 'female Dr. h. c. counts like Dr.',
      person: woman({ degrees: 'Dr. h. c.' }),
      expected: forms(['Frau Dr. h. c. Anna Beispiel'], 'Sehr geehrte Frau Dr. Beispiel', FRIENDLY, 'Frau Dr. Beispiel'),
    },
    {
      name: 'male Dr.-Ing. → "Dr."',
      person: man({ degrees: 'Dr.-Ing.' }),
      expected: forms(['Herrn Dr.-Ing. Max Muster'], 'Sehr geehrter Herr Dr. Muster', FRIENDLY, 'Herr Dr. Muster'),
    },
    {
      name: 'female Dr. med. → "Dr.", never feminised',
      person: woman({ degrees: 'Dr. med.' }),
      expected: forms(['Frau Dr. med. Anna Beispiel'], 'Sehr geehrte Frau Dr. Beispiel', FRIENDLY, 'Frau Dr. Beispiel'),
    },
    {
      name: 'male Dipl.-Ing.: address only',
      person: man({ degrees: 'Dipl.-Ing.' }),
      expected: forms(['Herrn Dipl.-Ing. Max Muster'], 'Sehr geehrter Herr Muster', FRIENDLY, 'Herr Muster'),
    },
    {
      name: 'male Dipl.-Ing. Dr.-Ing.',
      person: man({ degrees: 'Dipl.-Ing. Dr.-Ing.' }),
      expected: forms(['Herrn Dipl.-Ing. Dr.-Ing. Max Muster'], 'Sehr geehrter Herr Dr. Muster', FRIENDLY, 'Herr Dr. Muster'),
    },
    {
      name: 'whitespace is normalised',
      person: man({ degrees: '  Prof.   Dr. ', givenName: ' Max ', surname: 'Muster ' }),
      expected: forms(
        ['Herrn Prof. Dr. Max Muster'],
        'Sehr geehrter Herr Professor Muster',
        FRIENDLY,
        'Herr Professor Muster',
      ),
    },
    {
      name: 'private person with organisation as last line',
      person: man({ organisation: 'Muster Logistik GmbH' }),
      expected: forms(['Herrn Max Muster', 'Muster Logistik GmbH'], 'Sehr geehrter Herr Muster', FRIENDLY, 'Herr Muster'),
    },
    {
      name: 'female without given name',
      person: { gender: 'female', surname: 'Beispiel' },
      expected: forms(['Frau Beispiel'], 'Sehr geehrte Frau Beispiel', FRIENDLY, 'Frau Beispiel'),
    },
  ]);
});

describe('names with former nobility (A.1.8)', () => {
  runCases([
    {
      name: 'Graf von',
      person: man({ givenName: 'Theo', nameAffix: 'Graf von', surname: 'Hinckelstein' }),
      expected: forms(
        ['Herrn Theo Graf von Hinckelstein'],
        'Sehr geehrter Herr Graf von Hinckelstein',
        FRIENDLY,
        'Herr Graf von Hinckelstein',
      ),
    },
    {
      name: 'woman: Graf → Gräfin',
      person: woman({ givenName: 'Theda', nameAffix: 'Graf von', surname: 'Hinckelstein' }),
      expected: forms(
        ['Frau Theda Gräfin von Hinckelstein'],
        'Sehr geehrte Frau Gräfin von Hinckelstein',
        FRIENDLY,
        'Frau Gräfin von Hinckelstein',
      ),
    },
    {
      name: 'von',
      person: man({ nameAffix: 'von' }),
      expected: forms(['Herrn Max von Muster'], 'Sehr geehrter Herr von Muster', FRIENDLY, 'Herr von Muster'),
    },
    {
      name: 'von with Dr.',
      person: man({ degrees: 'Dr.', nameAffix: 'von' }),
      expected: forms(['Herrn Dr. Max von Muster'], 'Sehr geehrter Herr Dr. von Muster', FRIENDLY, 'Herr Dr. von Muster'),
    },
    {
      name: 'woman: Freiherr → Freifrau',
      person: woman({ nameAffix: 'Freiherr von' }),
      expected: forms(
        ['Frau Anna Freifrau von Beispiel'],
        'Sehr geehrte Frau Freifrau von Beispiel',
        FRIENDLY,
        'Frau Freifrau von Beispiel',
      ),
    },
    {
      name: 'woman with Prof. Dr.: Prinz → Prinzessin',
      person: woman({ degrees: 'Prof. Dr.', nameAffix: 'Prinz zu' }),
      expected: forms(
        ['Frau Prof. Dr. Anna Prinzessin zu Beispiel'],
        'Sehr geehrte Frau Professorin Prinzessin zu Beispiel',
        FRIENDLY,
        'Frau Professorin Prinzessin zu Beispiel',
      ),
    },
    {
      name: 'woman whose affix is already female stays unchanged',
      person: woman({ nameAffix: 'Freifrau von' }),
      expected: forms(
        ['Frau Anna Freifrau von Beispiel'],
        'Sehr geehrte Frau Freifrau von Beispiel',
        FRIENDLY,
        'Frau Freifrau von Beispiel',
      ),
    },
    {
      name: 'office holder with nobility: pfarrer names the affix',
      person: man({ nameAffix: 'von', role: 'pfarrer' }),
      expected: forms(['Herrn Pfarrer', 'Max von Muster'], 'Sehr geehrter Herr Pfarrer von Muster', FRIENDLY, 'Herr Pfarrer von Muster'),
    },
  ]);
});

describe('former offices (A.1.7)', () => {
  runCases([
    {
      name: 'oberbuergermeister a. D.',
      person: man({ role: 'oberbuergermeister', former: true }),
      expected: forms(
        ['Herrn Oberbürgermeister a. D.', 'Max Muster'],
        'Sehr geehrter Herr Oberbürgermeister',
        FRIENDLY,
        'Herr Oberbürgermeister',
      ),
    },
    {
      name: 'bundesminister a. D., female',
      person: woman({ degrees: 'Dr.', role: 'bundesminister', former: true }),
      expected: forms(
        ['Frau Bundesministerin a. D.', 'Dr. Anna Beispiel'],
        'Sehr geehrte Frau Bundesministerin',
        FRIENDLY,
        'Frau Bundesministerin',
      ),
    },
    {
      name: 'bundesminister a. D., male',
      person: man({ role: 'bundesminister', former: true }),
      expected: forms(
        ['Herrn Bundesminister a. D.', 'Max Muster'],
        'Sehr geehrter Herr Bundesminister',
        FRIENDLY,
        'Herr Bundesminister',
      ),
    },
    {
      name: 'bundespraesident a. D.: still formal',
      person: man({ role: 'bundespraesident', former: true }),
      expected: forms(
        ['Herrn Bundespräsidenten a. D.', 'Max Muster'],
        'Sehr geehrter Herr Bundespräsident',
        FORMAL,
        'Herr Bundespräsident',
      ),
    },
    {
      name: 'ministerpraesident a. D. after the detail',
      person: man({ role: 'ministerpraesident', former: true }),
      expected: forms(
        ['Herrn Ministerpräsidenten des Landes Nordrhein-Westfalen a. D.', 'Max Muster'],
        'Sehr geehrter Herr Ministerpräsident',
        FRIENDLY,
        'Herr Ministerpräsident',
      ),
    },
    {
      name: 'former ambassador is no Excellency',
      person: man({ degrees: 'Dr.', givenName: 'Ali', surname: 'Beispiel', role: 'botschafter', former: true }),
      expected: forms(
        ['Herrn Botschafter a. D.', 'Dr. Ali Beispiel'],
        'Sehr geehrter Herr Botschafter',
        FORMAL,
        'Herr Botschafter',
      ),
    },
    {
      name: 'former ambassador, female, with country',
      person: woman({ role: 'botschafter', roleDetail: 'der Republik Litauen', former: true }),
      expected: forms(
        ['Frau Botschafterin der Republik Litauen a. D.', 'Anna Beispiel'],
        'Sehr geehrte Frau Botschafterin',
        FORMAL,
        'Frau Botschafterin',
      ),
    },
    {
      name: 'mdb a. D.',
      person: man({ role: 'mdb', former: true }),
      expected: forms(['Herrn', 'Max Muster MdB a. D.'], 'Sehr geehrter Herr Abgeordneter', FRIENDLY, 'Herr Abgeordneter'),
    },
    {
      name: 'retired bishop: "Bischof em."',
      person: man({ degrees: 'Dr.', givenName: 'Franz', surname: 'Beispiel', role: 'bischof_kath', roleDetail: 'von Essen', former: true }),
      expected: forms(
        ['Seiner Exzellenz', 'dem Hochwürdigsten Herrn', 'Dr. Franz Beispiel', 'Bischof em. von Essen'],
        'Sehr geehrter Herr Bischof',
        FORMAL,
        'Herr Bischof',
      ),
    },
  ]);
});

// Diverse or unknown gender (A.1.9; no official rule, this is the office's practice): no
// „Frau/Herrn“, the name first, the office on the next line in a form that is neither masculine
// nor feminine — a neutral noun where German has one („Vorsitz“, „Geschäftsführung“, „Mitglied
// des Rates …“), otherwise the gender colon („Oberbürgermeister:in“, „Beigeordnete:r“), as the
// municipal guides on gender-fair language recommend. The salutation names the person, never the
// office: „Guten Tag Dr. Kim Beispiel“.
describe('diverse or unknown gender (A.1.9)', () => {
  runCases([
    {
      name: 'diverse private person',
      person: nonBinary(),
      expected: forms(['Kim Beispiel'], 'Guten Tag Kim Beispiel', FRIENDLY, 'Kim Beispiel'),
    },
    {
      name: 'unknown gender with Dr.',
      person: nonBinary({ gender: 'unknown', degrees: 'Dr.' }),
      expected: forms(['Dr. Kim Beispiel'], 'Guten Tag Dr. Kim Beispiel', FRIENDLY, 'Dr. Kim Beispiel'),
    },
    {
      name: 'diverse with Prof. Dr.: "Prof." abbreviated, all degrees in the address',
      person: nonBinary({ degrees: 'Prof. Dr.' }),
      expected: forms(['Prof. Dr. Kim Beispiel'], 'Guten Tag Prof. Kim Beispiel', FRIENDLY, 'Prof. Kim Beispiel'),
    },
    {
      name: 'unknown gender, surname only',
      person: { gender: 'unknown', surname: 'Beispiel' },
      expected: forms(['Beispiel'], 'Guten Tag Beispiel', FRIENDLY, 'Beispiel'),
    },
    {
      name: 'diverse with affix: affix as entered',
      person: nonBinary({ nameAffix: 'Graf von', surname: 'Hinckelstein' }),
      expected: forms(
        ['Kim Graf von Hinckelstein'],
        'Guten Tag Kim Graf von Hinckelstein',
        FRIENDLY,
        'Kim Graf von Hinckelstein',
      ),
    },
    {
      name: 'diverse oberbuergermeister: name, then the gender-neutral office',
      person: nonBinary({ degrees: 'Dr.', role: 'oberbuergermeister' }),
      expected: forms(['Dr. Kim Beispiel', 'Oberbürgermeister:in'], 'Guten Tag Dr. Kim Beispiel', FRIENDLY, 'Dr. Kim Beispiel'),
    },
    {
      name: 'unknown bundestagspraesident a. D.: neutral office, formal',
      person: nonBinary({ gender: 'unknown', role: 'bundestagspraesident', former: true }),
      expected: forms(
        ['Kim Beispiel', 'Präsident:in des Deutschen Bundestages a. D.'],
        'Guten Tag Kim Beispiel',
        FORMAL,
        'Kim Beispiel',
      ),
    },
    {
      name: 'diverse vorsitz_verein with organisation: the neutral noun „Vorsitz“',
      person: nonBinary({ role: 'vorsitz_verein', roleDetail: 'des Vorstands', organisation: 'Duisburger Schwimmverein e. V.' }),
      expected: forms(
        ['Kim Beispiel', 'Vorsitz des Vorstands', 'Duisburger Schwimmverein e. V.'],
        'Guten Tag Kim Beispiel',
        FRIENDLY,
        'Kim Beispiel',
      ),
    },
    {
      name: 'diverse mdb: suffix only',
      person: nonBinary({ role: 'mdb' }),
      expected: forms(['Kim Beispiel MdB'], 'Guten Tag Kim Beispiel', FRIENDLY, 'Kim Beispiel'),
    },
    {
      name: 'unknown-gender ambassador: no Excellency lines, neutral office',
      person: nonBinary({ gender: 'unknown', role: 'botschafter', roleDetail: 'der Republik Korea' }),
      expected: forms(
        ['Kim Beispiel', 'Botschafter:in der Republik Korea'],
        'Guten Tag Kim Beispiel',
        FORMAL,
        'Kim Beispiel',
      ),
    },
    {
      name: 'diverse pfarrer: by name, no office in the salutation',
      person: nonBinary({ role: 'pfarrer' }),
      expected: forms(['Kim Beispiel', 'Pfarrer:in'], 'Guten Tag Kim Beispiel', FRIENDLY, 'Kim Beispiel'),
    },
    {
      name: 'diverse richter with a detail carrying its preposition',
      person: nonBinary({ degrees: 'Dr.', role: 'richter', roleDetail: 'am Amtsgericht Duisburg' }),
      expected: forms(['Dr. Kim Beispiel', 'Richter:in am Amtsgericht Duisburg'], 'Guten Tag Dr. Kim Beispiel', FRIENDLY, 'Dr. Kim Beispiel'),
    },
    {
      name: 'diverse beigeordneter: adjectival noun „Beigeordnete:r“',
      person: nonBinary({ role: 'beigeordneter' }),
      expected: forms(['Kim Beispiel', 'Beigeordnete:r'], 'Guten Tag Kim Beispiel', FRIENDLY, 'Kim Beispiel'),
    },
    {
      name: 'diverse landrat: „Landrät:in“',
      person: nonBinary({ gender: 'unknown', role: 'landrat' }),
      expected: forms(['Kim Beispiel', 'Landrät:in'], 'Guten Tag Kim Beispiel', FRIENDLY, 'Kim Beispiel'),
    },
    {
      name: 'diverse geschaeftsfuehrung: the neutral noun „Geschäftsführung“, organisation after it',
      person: nonBinary({ role: 'geschaeftsfuehrung', organisation: 'Duisburger Hafen AG' }),
      expected: forms(['Kim Beispiel', 'Geschäftsführung', 'Duisburger Hafen AG'], 'Guten Tag Kim Beispiel', FRIENDLY, 'Kim Beispiel'),
    },
    {
      name: 'diverse ratsmitglied: the office is the same for everybody',
      person: nonBinary({ role: 'ratsmitglied' }),
      expected: forms(['Kim Beispiel', 'Mitglied des Rates der Stadt Duisburg'], 'Guten Tag Kim Beispiel', FRIENDLY, 'Kim Beispiel'),
    },
    {
      name: 'diverse ministerpraesident: neutral office with the default detail',
      person: nonBinary({ role: 'ministerpraesident' }),
      expected: forms(['Kim Beispiel', 'Ministerpräsident:in des Landes Nordrhein-Westfalen'], 'Guten Tag Kim Beispiel', FRIENDLY, 'Kim Beispiel'),
    },
    {
      name: 'diverse bischof_kath: no „Seiner Exzellenz“, neutral office',
      person: nonBinary({ role: 'bischof_kath', roleDetail: 'von Essen' }),
      expected: forms(['Kim Beispiel', 'Bischöf:in von Essen'], 'Guten Tag Kim Beispiel', FORMAL, 'Kim Beispiel'),
    },
    {
      name: 'diverse lord mayor: same forms as for everybody',
      person: nonBinary({ givenName: 'Alex', surname: 'Smith', role: 'lord_mayor', roleDetail: 'Portsmouth' }),
      expected: forms(
        ['The Right Worshipful the Lord Mayor of Portsmouth', 'Alex Smith'],
        'Dear Lord Mayor',
        'Yours sincerely',
        'Lord Mayor',
      ),
    },
  ]);
});

describe('English and French private persons', () => {
  runCases([
    {
      name: 'en, male',
      person: man({ givenName: 'John', surname: 'Smith', language: 'en' }),
      expected: forms(['Mr John Smith'], 'Dear Mr Smith', 'Yours sincerely', 'Mr Smith'),
    },
    {
      name: 'en, female',
      person: woman({ givenName: 'Jane', surname: 'Smith', language: 'en' }),
      expected: forms(['Ms Jane Smith'], 'Dear Ms Smith', 'Yours sincerely', 'Ms Smith'),
    },
    {
      name: 'en, female with Dr.: "Dr" replaces "Ms"',
      person: woman({ degrees: 'Dr.', givenName: 'Jane', surname: 'Smith', language: 'en' }),
      expected: forms(['Dr Jane Smith'], 'Dear Dr Smith', 'Yours sincerely', 'Dr Smith'),
    },
    {
      name: 'en, male with Prof. Dr.',
      person: man({ degrees: 'Prof. Dr.', givenName: 'John', surname: 'Smith', language: 'en' }),
      expected: forms(['Professor John Smith'], 'Dear Professor Smith', 'Yours sincerely', 'Professor Smith'),
    },
    {
      name: 'en, diverse: name only',
      person: nonBinary({ givenName: 'Alex', surname: 'Smith', language: 'en' }),
      expected: forms(['Alex Smith'], 'Dear Alex Smith', 'Yours sincerely', 'Alex Smith'),
    },
    {
      name: 'fr, male',
      person: man({ givenName: 'Jean', surname: 'Dupont', language: 'fr' }),
      expected: forms(
        ['Monsieur Jean Dupont'],
        'Monsieur',
        FR_PRIVATE('Monsieur'),
        'Monsieur Dupont',
      ),
    },
    {
      name: 'fr, female',
      person: woman({ givenName: 'Marie', surname: 'Dupont', language: 'fr' }),
      expected: forms(['Madame Marie Dupont'], 'Madame', FR_PRIVATE('Madame'), 'Madame Dupont'),
    },
    {
      name: 'fr, diverse',
      person: nonBinary({ givenName: 'Camille', surname: 'Dupont', language: 'fr' }),
      expected: forms(['Camille Dupont'], 'Madame, Monsieur', FR_PRIVATE('Madame, Monsieur'), 'Camille Dupont'),
    },
    {
      name: 'fr, female professor',
      person: woman({ degrees: 'Prof. Dr.', givenName: 'Marie', surname: 'Dupont', language: 'fr' }),
      expected: forms(
        ['Madame la Professeure Marie Dupont'],
        'Madame la Professeure',
        FR_PRIVATE('Madame la Professeure'),
        'Madame la Professeure Dupont',
      ),
    },
  ]);
});

describe('couples (A.1.6)', () => {
  runCases([
    {
      name: 'same surname: one line, the lady first in the salutation',
      person: man({ givenName: 'Manfred', surname: 'Maier' }),
      partner: woman({ givenName: 'Maria', surname: 'Maier' }),
      expected: forms(
        ['Herrn Manfred Maier und Frau Maria Maier'],
        'Sehr geehrte Frau Maier, sehr geehrter Herr Maier',
        FRIENDLY,
        'Frau Maier, Herr Maier',
      ),
    },
    {
      name: 'different surnames, she holds the degree: she comes first',
      person: man({ givenName: 'Martin', surname: 'Schmidt' }),
      partner: woman({ degrees: 'Dr.', givenName: 'Eva', surname: 'Müller' }),
      expected: forms(
        ['Frau Dr. Eva Müller und Herrn Martin Schmidt'],
        'Sehr geehrte Frau Dr. Müller, sehr geehrter Herr Schmidt',
        FRIENDLY,
        'Frau Dr. Müller, Herr Schmidt',
      ),
    },
    {
      name: 'DOMAIN example is 51 characters: split in two lines',
      person: man({ givenName: 'Martin', surname: 'Schmidt' }),
      partner: woman({ degrees: 'Dr.', givenName: 'Christiane', surname: 'Müller' }),
      expected: forms(
        ['Frau Dr. Christiane Müller', 'und Herrn Martin Schmidt'],
        'Sehr geehrte Frau Dr. Müller, sehr geehrter Herr Schmidt',
        FRIENDLY,
        'Frau Dr. Müller, Herr Schmidt',
      ),
    },
    {
      name: 'long names: split in two lines',
      person: woman({ degrees: 'Dr.', givenName: 'Christiane', surname: 'Müller-Lüdenscheidt' }),
      partner: man({ givenName: 'Martin', surname: 'Schmidt' }),
      expected: forms(
        ['Frau Dr. Christiane Müller-Lüdenscheidt', 'und Herrn Martin Schmidt'],
        'Sehr geehrte Frau Dr. Müller-Lüdenscheidt, sehr geehrter Herr Schmidt',
        FRIENDLY,
        'Frau Dr. Müller-Lüdenscheidt, Herr Schmidt',
      ),
    },
    {
      name: 'he holds the degree: he comes first in the address, she in the salutation',
      person: woman({ givenName: 'Maria', surname: 'Maier' }),
      partner: man({ degrees: 'Dr.', givenName: 'Manfred', surname: 'Maier' }),
      expected: forms(
        ['Herrn Dr. Manfred Maier und Frau Maria Maier'],
        'Sehr geehrte Frau Maier, sehr geehrter Herr Dr. Maier',
        FRIENDLY,
        'Frau Maier, Herr Dr. Maier',
      ),
    },
    {
      name: 'office holder and partner',
      person: man({ givenName: 'Max', surname: 'Link', role: 'oberbuergermeister' }),
      partner: woman({ givenName: 'Maria', surname: 'Link' }),
      expected: forms(
        ['Herrn Oberbürgermeister', 'Max Link', 'und Frau Maria Link'],
        'Sehr geehrte Frau Link, sehr geehrter Herr Oberbürgermeister',
        FRIENDLY,
        'Frau Link, Herr Oberbürgermeister',
      ),
    },
    {
      name: 'office holder given as partner still comes first',
      person: man({ degrees: 'Dr.', givenName: 'Paul' }),
      partner: woman({ surname: 'Muster', role: 'buergermeister' }),
      expected: forms(
        ['Frau Bürgermeisterin', 'Anna Muster', 'und Herrn Dr. Paul Muster'],
        'Sehr geehrte Frau Bürgermeisterin, sehr geehrter Herr Dr. Muster',
        FRIENDLY,
        'Frau Bürgermeisterin, Herr Dr. Muster',
      ),
    },
    {
      name: 'two women: address order, degree first',
      person: woman(),
      partner: woman({ degrees: 'Dr.', givenName: 'Eva', surname: 'Muster' }),
      expected: forms(
        ['Frau Dr. Eva Muster und Frau Anna Beispiel'],
        'Sehr geehrte Frau Dr. Muster, sehr geehrte Frau Beispiel',
        FRIENDLY,
        'Frau Dr. Muster, Frau Beispiel',
      ),
    },
    {
      name: 'two men, same surname: person first',
      person: man({ givenName: 'Jonas', surname: 'Maier' }),
      partner: man({ givenName: 'Lukas', surname: 'Maier' }),
      expected: forms(
        ['Herrn Jonas Maier und Herrn Lukas Maier'],
        'Sehr geehrter Herr Maier, sehr geehrter Herr Maier',
        FRIENDLY,
        'Herr Maier, Herr Maier',
      ),
    },
    {
      name: 'diverse partner: "guten Tag …"',
      person: man({ surname: 'Maier' }),
      partner: nonBinary({ surname: 'Maier' }),
      expected: forms(
        ['Herrn Max Maier und Kim Maier'],
        'Sehr geehrter Herr Maier, guten Tag Kim Maier',
        FRIENDLY,
        'Herr Maier, Kim Maier',
      ),
    },
    {
      name: 'nobility couple: Graf and Gräfin, split lines',
      person: man({ givenName: 'Theo', nameAffix: 'Graf von', surname: 'Hinckelstein' }),
      partner: woman({ givenName: 'Theda', nameAffix: 'Graf von', surname: 'Hinckelstein' }),
      expected: forms(
        ['Herrn Theo Graf von Hinckelstein', 'und Frau Theda Gräfin von Hinckelstein'],
        'Sehr geehrte Frau Gräfin von Hinckelstein, sehr geehrter Herr Graf von Hinckelstein',
        FRIENDLY,
        'Frau Gräfin von Hinckelstein, Herr Graf von Hinckelstein',
      ),
    },
    {
      name: 'ambassador and wife: Exzellenz keeps its capital',
      person: man({ degrees: 'Dr.', givenName: 'Ali', surname: 'Beispiel', role: 'botschafter', roleDetail: 'der Republik Türkei' }),
      partner: woman({ givenName: 'Ayşe', surname: 'Beispiel' }),
      expected: forms(
        ['Seiner Exzellenz', 'dem Botschafter der Republik Türkei', 'Herrn Dr. Ali Beispiel', 'und Frau Ayşe Beispiel'],
        'Sehr geehrte Frau Beispiel, Exzellenz',
        FORMAL,
        'Frau Beispiel, Exzellenz',
      ),
    },
    {
      name: 'formal closing wins',
      person: man({ givenName: 'Paul', surname: 'Beispiel' }),
      partner: woman({ degrees: 'Dr.', role: 'bundespraesident' }),
      expected: forms(
        ['Frau Bundespräsidentin', 'Dr. Anna Beispiel', 'und Herrn Paul Beispiel'],
        'Sehr geehrte Frau Bundespräsidentin, sehr geehrter Herr Beispiel',
        FORMAL,
        'Frau Bundespräsidentin, Herr Beispiel',
      ),
    },
    {
      name: 'two office holders: person first, name-first lines follow',
      person: woman({ role: 'buergermeister' }),
      partner: man({ surname: 'Beispiel', role: 'ratsmitglied' }),
      expected: forms(
        ['Frau Bürgermeisterin', 'Anna Beispiel', 'und Herrn', 'Max Beispiel', 'Mitglied des Rates der Stadt Duisburg'],
        'Sehr geehrte Frau Bürgermeisterin, sehr geehrter Herr Beispiel',
        FRIENDLY,
        'Frau Bürgermeisterin, Herr Beispiel',
      ),
    },
    {
      name: 'each keeps only own titles: mdb and partner',
      person: man({ degrees: 'Dr.', role: 'mdb' }),
      partner: woman({ surname: 'Muster' }),
      expected: forms(
        ['Herrn', 'Dr. Max Muster MdB', 'und Frau Anna Muster'],
        'Sehr geehrte Frau Muster, sehr geehrter Herr Abgeordneter',
        FRIENDLY,
        'Frau Muster, Herr Abgeordneter',
      ),
    },
    {
      name: 'English couple: partner inherits the language',
      person: man({ givenName: 'John', surname: 'Smith', language: 'en' }),
      partner: woman({ givenName: 'Jane', surname: 'Smith' }),
      expected: forms(['Mr John Smith and Ms Jane Smith'], 'Dear Mr Smith and Ms Smith', 'Yours sincerely', 'Mr Smith, Ms Smith'),
    },
    {
      name: 'French couple: the lady first, closing repeats the salutation',
      person: man({ givenName: 'Jean', surname: 'Dupont', language: 'fr' }),
      partner: woman({ givenName: 'Marie', surname: 'Dupont', language: 'fr' }),
      expected: forms(
        ['Monsieur Jean Dupont et Madame Marie Dupont'],
        'Madame et Monsieur',
        FR_PRIVATE('Madame et Monsieur'),
        'Madame Dupont, Monsieur Dupont',
      ),
    },
    {
      name: 'maire and wife',
      person: man({ givenName: 'Jean', surname: 'Dupont', role: 'maire', roleDetail: 'Calais' }),
      partner: woman({ givenName: 'Marie', surname: 'Dupont' }),
      expected: forms(
        ['Monsieur le Maire de Calais', 'Jean Dupont', 'et Madame Marie Dupont'],
        'Madame et Monsieur le Maire',
        FR_MAIRE('Madame et Monsieur le Maire'),
        'Madame Dupont, Monsieur le Maire',
      ),
    },
    {
      name: 'lord mayor and husband: English keeps the address order',
      person: man({ givenName: 'John', surname: 'Smith' }),
      partner: woman({ givenName: 'Jane', surname: 'Smith', role: 'lord_mayor', roleDetail: 'Portsmouth' }),
      expected: forms(
        ['The Right Worshipful the Lord Mayor of Portsmouth', 'Jane Smith', 'and Mr John Smith'],
        'Dear Lord Mayor and Mr Smith',
        'Yours sincerely',
        'Lord Mayor, Mr Smith',
      ),
    },
  ]);
});

describe('composeOrganisation', () => {
  it.each([
    {
      name: 'German',
      org: 'Duisburger Schwimmverein e. V.',
      language: 'de' as const,
      expected: forms(['Duisburger Schwimmverein e. V.'], 'Sehr geehrte Damen und Herren', FRIENDLY, 'meine Damen und Herren'),
    },
    {
      name: 'German is the default, whitespace normalised',
      org: '  Muster   Logistik GmbH ',
      language: undefined,
      expected: forms(['Muster Logistik GmbH'], 'Sehr geehrte Damen und Herren', FRIENDLY, 'meine Damen und Herren'),
    },
    {
      name: 'English',
      org: 'Portsmouth City Council',
      language: 'en' as const,
      expected: forms(['Portsmouth City Council'], 'Dear Sir or Madam', 'Yours faithfully', 'Ladies and Gentlemen'),
    },
    {
      name: 'French',
      org: 'Mairie de Calais',
      language: 'fr' as const,
      expected: forms(
        ['Mairie de Calais'],
        'Madame, Monsieur',
        FR_PRIVATE('Madame, Monsieur'),
        'Mesdames et Messieurs',
      ),
    },
  ])('$name', ({ org, language, expected }) => {
    expect(composeOrganisation(org, language)).toEqual(expected);
  });
});

describe('closingForSalutation: a recipient typed in (no contact) gets the closing of the letter’s language', () => {
  it.each([
    { language: 'de' as const, salutation: 'Sehr geehrte Damen und Herren', expected: FRIENDLY },
    { language: 'de' as const, salutation: 'Sehr geehrter Herr Krause', expected: FRIENDLY },
    // British usage, as for contacts: an unnamed reader "faithfully", a named one "sincerely".
    { language: 'en' as const, salutation: 'Dear Sir or Madam', expected: 'Yours faithfully' },
    { language: 'en' as const, salutation: 'Dear Sirs,', expected: 'Yours faithfully' },
    { language: 'en' as const, salutation: 'Dear Madam', expected: 'Yours faithfully' },
    { language: 'en' as const, salutation: 'Dear Ms Carter', expected: 'Yours sincerely' },
    { language: 'en' as const, salutation: 'Dear Lord Mayor', expected: 'Yours sincerely' },
    { language: 'en' as const, salutation: '', expected: 'Yours faithfully' },
    // French closings repeat the salutation; a mayor is assured of "ma haute considération".
    { language: 'fr' as const, salutation: 'Madame, Monsieur', expected: FR_PRIVATE('Madame, Monsieur') },
    { language: 'fr' as const, salutation: 'Madame la Directrice,', expected: FR_PRIVATE('Madame la Directrice') },
    { language: 'fr' as const, salutation: 'Monsieur le Maire', expected: FR_MAIRE('Monsieur le Maire') },
    { language: 'fr' as const, salutation: 'Madame la Maire', expected: FR_MAIRE('Madame la Maire') },
    { language: 'fr' as const, salutation: '  ', expected: FR_PRIVATE('Madame, Monsieur') },
  ])('$language, „$salutation“ → „$expected“', ({ language, salutation, expected }) => {
    expect(closingForSalutation(salutation, language)).toBe(expected);
  });
});

describe('formatFullName and sortName (A.1.8)', () => {
  it.each([
    {
      person: man({ degrees: 'Prof. Dr.', givenName: 'Theo', nameAffix: 'Graf von', surname: 'Hinckelstein' }),
      full: 'Prof. Dr. Theo Graf von Hinckelstein',
      sort: 'Hinckelstein, Prof. Dr. Theo Graf von',
    },
    {
      person: man({ givenName: 'Theo', nameAffix: 'Graf von', surname: 'Hinckelstein' }),
      full: 'Theo Graf von Hinckelstein',
      sort: 'Hinckelstein, Theo Graf von',
    },
    {
      person: man({ nameAffix: 'von' }),
      full: 'Max von Muster',
      sort: 'Muster, Max von',
    },
    {
      person: woman({ givenName: 'Theda', nameAffix: 'Graf von', surname: 'Hinckelstein' }),
      full: 'Theda Gräfin von Hinckelstein',
      sort: 'Hinckelstein, Theda Gräfin von',
    },
    {
      person: woman({ degrees: 'Dr.' }),
      full: 'Dr. Anna Beispiel',
      sort: 'Beispiel, Dr. Anna',
    },
    {
      person: { gender: 'unknown' as const, surname: 'Beispiel' },
      full: 'Beispiel',
      sort: 'Beispiel',
    },
  ])('$full → $sort', ({ person, full, sort }) => {
    expect(formatFullName(person)).toBe(full);
    expect(sortName(person)).toBe(sort);
  });
});

describe('ROLE_CATALOGUE', () => {
  const A2_KEYS = [
    'bundespraesident',
    'bundeskanzler',
    'bundestagspraesident',
    'bundesminister',
    'ministerpraesident',
    'landtagspraesident',
    'landesminister',
    'botschafter',
    'mdep',
    'mdb',
    'mdl',
    'regierungspraesident',
    'generalkonsul',
    'honorarkonsul',
    'bischof_kath',
    'praeses',
    'landesbischof',
    'rabbiner',
    'superintendent',
    'pfarrer',
    'imam',
    'oberbuergermeister',
    'landrat',
    'ehrenbuerger',
    'buergermeister',
    'bezirksbuergermeister',
    'ratsmitglied',
    'beigeordneter',
    'polizeipraesident',
    'gerichtspraesident',
    'richter',
    'rektor',
    'vorsitz_verein',
    'geschaeftsfuehrung',
    'lord_mayor',
    'maire',
    'mayor',
  ];

  it('has unique keys', () => {
    const keys = ROLE_CATALOGUE.map((role) => role.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('contains exactly the A.2 keys', () => {
    expect(ROLE_CATALOGUE.map((role) => role.key).sort()).toEqual([...A2_KEYS].sort());
  });

  it('every German entry has an office form for diverse persons that is not the masculine one', () => {
    for (const role of ROLE_CATALOGUE.filter((r) => r.language === 'de')) {
      const neutral = role.officeNeutral ?? (role.officeMale === role.officeFemale ? role.officeMale : undefined);
      expect(neutral, role.key).toBeTruthy();
      if (role.officeMale !== role.officeFemale) expect([role.officeMale, role.officeFemale], role.key).not.toContain(neutral);
    }
  });

  it('every entry is a valid role', () => {
    for (const role of ROLE_CATALOGUE) expect(roleSchema.parse(role)).toEqual(role);
  });

  it.each([
    ['bundespraesident', 10, 'formal', 'de'],
    ['bundestagspraesident', 15, 'formal', 'de'],
    ['landtagspraesident', 48, 'friendly', 'de'],
    ['botschafter', 70, 'formal', 'de'],
    ['bischof_kath', 110, 'formal', 'de'],
    ['oberbuergermeister', 130, 'friendly', 'de'],
    ['richter', 170, 'friendly', 'de'],
    ['geschaeftsfuehrung', 185, 'friendly', 'de'],
    ['lord_mayor', 95, 'formal', 'en'],
    ['maire', 95, 'formal', 'fr'],
    ['mayor', 95, 'formal', 'en'],
  ])('%s: precedence %i, closing %s, language %s', (key, precedence, closing, language) => {
    const role = roles.get(key);
    expect(role).toMatchObject({ precedence, closing, language });
  });
});
