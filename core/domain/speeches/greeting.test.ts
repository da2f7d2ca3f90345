import { describe, expect, it } from 'vitest';
import type { Person } from '../../api/schemas/addressing';
import type { GreetingGuest, GreetingInput } from '../../api/schemas/speeches';
import { ROLE_CATALOGUE, roleMap } from '../addressing';
import { composeGreeting } from './greeting';

// Every expected text below is written out by hand from DOMAIN.md A.1 and B.

const roles = roleMap(ROLE_CATALOGUE);
const CLOSE = 'meine sehr geehrten Damen und Herren,';

const man = (surname: string, role?: string, extra: Partial<Person> = {}): Person => ({
  gender: 'male',
  givenName: 'Max',
  surname,
  ...(role ? { role } : {}),
  ...extra,
});
const woman = (surname: string, role?: string, extra: Partial<Person> = {}): Person => ({
  gender: 'female',
  givenName: 'Anna',
  surname,
  ...(role ? { role } : {}),
  ...extra,
});

const mayor = man('Sandmann', 'oberbuergermeister');
const minister = man('Severin', 'landesminister');
const premier = woman('Brackelmann', 'ministerpraesident');
const ambassador = man('Ozturk', 'botschafter');
const mdb = woman('Paschke', 'mdb');
const mdl = man('Lemmerz', 'mdl');
const mdep = man('Radewald', 'mdep');
const consul = man('Yilmaz', 'generalkonsul');
const bishop = man('Oberwinter', 'bischof_kath');
const deputy = woman('Kocak', 'buergermeister');
const council1 = man('Maier', 'ratsmitglied');
const council2 = woman('Schulz', 'ratsmitglied');
const lordMayor = man('Smith', 'lord_mayor', { roleDetail: 'Portsmouth' });
const maire = woman('Bouvier', 'maire', { roleDetail: 'Calais' });
const drMueller = woman('Müller', undefined, { degrees: 'Dr.' });
/** Staff marked the guest as a guest of honour (the person celebrated, a prize winner, a donor). */
const honoured = (p: Person): GreetingGuest => ({ ...p, guestOfHonour: true });
const winner = woman('Yıldız', undefined, { givenName: 'Elif' });

interface Case {
  name: string;
  input: GreetingInput;
  text: string;
  /** Surnames of `order`. */
  order: string[];
  maxGreetings?: number;
}

const cases: Case[] = [
  {
    name: 'the example of DOMAIN.md B, guests given in any order, the mayor speaking as host',
    input: {
      host: mayor,
      guests: [council1, deputy, minister, mdb, ambassador, mdl, premier, consul, bishop, council2, mayor],
    },
    text:
      'Sehr geehrte Frau Ministerpräsidentin, sehr geehrter Herr Minister, Exzellenz, sehr geehrte Abgeordnete, ' +
      'sehr geehrter Herr Generalkonsul, sehr geehrter Herr Bischof, sehr geehrte Frau Bürgermeisterin, ' +
      `sehr geehrte Mitglieder des Rates, ${CLOSE}`,
    order: ['Brackelmann', 'Severin', 'Ozturk', 'Paschke', 'Lemmerz', 'Yilmaz', 'Oberwinter', 'Kocak', 'Maier', 'Schulz'],
  },
  { name: 'empty guest list: only the closing', input: { guests: [] }, text: 'Meine sehr geehrten Damen und Herren,', order: [] },
  {
    name: 'one guest: capital first letter',
    input: { guests: [minister] },
    text: `Sehr geehrter Herr Minister, ${CLOSE}`,
    order: ['Severin'],
  },
  {
    name: 'precedence, not input order',
    input: { guests: [deputy, woman('Klöckner', 'bundestagspraesident'), minister] },
    text: `Sehr geehrte Frau Präsidentin, sehr geehrter Herr Minister, sehr geehrte Frau Bürgermeisterin, ${CLOSE}`,
    order: ['Klöckner', 'Severin', 'Kocak'],
  },
  {
    name: 'Landtag president (48) before the Ministerpräsident (50)',
    input: { guests: [man('Tiefenbach', 'ministerpraesident'), woman('Kupfermann', 'landtagspraesident')] },
    text: `Sehr geehrte Frau Präsidentin, sehr geehrter Herr Ministerpräsident, ${CLOSE}`,
    order: ['Kupfermann', 'Tiefenbach'],
  },
  {
    name: 'MPs of Europe, Bund and Land merged into "Abgeordnete"',
    input: { guests: [mdl, mdb, mdep] },
    text: `Sehr geehrte Abgeordnete, ${CLOSE}`,
    order: ['Radewald', 'Paschke', 'Lemmerz'],
  },
  {
    name: 'a single MP keeps the individual form',
    input: { guests: [mdb, deputy] },
    text: `Sehr geehrte Frau Abgeordnete, sehr geehrte Frau Bürgermeisterin, ${CLOSE}`,
    order: ['Paschke', 'Kocak'],
  },
  {
    name: 'mixed mayors: gender-fair pair form',
    input: { guests: [deputy, man('Krützberg', 'buergermeister'), woman('Ghalib', 'buergermeister')] },
    text: `Sehr geehrte Bürgermeisterinnen und Bürgermeister, ${CLOSE}`,
    order: ['Kocak', 'Krützberg', 'Ghalib'],
  },
  {
    name: 'only women: female plural',
    input: { guests: [deputy, woman('Ghalib', 'buergermeister')] },
    text: `Sehr geehrte Bürgermeisterinnen, ${CLOSE}`,
    order: ['Kocak', 'Ghalib'],
  },
  {
    name: 'only men: male plural (Landräte)',
    input: { guests: [man('Brücher', 'landrat'), man('Müller', 'landrat')] },
    text: `Sehr geehrte Landräte, ${CLOSE}`,
    order: ['Brücher', 'Müller'],
  },
  {
    name: 'several ambassadors: Exzellenzen',
    input: { guests: [ambassador, woman('Dubois', 'botschafter')] },
    text: `Exzellenzen, ${CLOSE}`,
    order: ['Ozturk', 'Dubois'],
  },
  {
    name: 'council members merged, a guest of honour after them keeps the name',
    input: { guests: [honoured(drMueller), council2, council1] },
    text: `Sehr geehrte Mitglieder des Rates, sehr geehrte Frau Dr. Müller, ${CLOSE}`,
    order: ['Schulz', 'Maier', 'Müller'],
  },
  {
    name: 'a single council member is greeted by name',
    input: { guests: [council1] },
    text: `Sehr geehrter Herr Maier, ${CLOSE}`,
    order: ['Maier'],
  },
  {
    name: 'foreign office holders before German ones of the same precedence (Person.language)',
    input: { guests: [consul, man('Jansen', 'generalkonsul', { language: 'en' }), man('Brun', 'honorarkonsul')] },
    text: `Sehr geehrte Generalkonsuln, sehr geehrter Herr Konsul, ${CLOSE}`,
    order: ['Jansen', 'Yilmaz', 'Brun'],
  },
  {
    name: 'foreign roles: greeted bare in their language, between Regierungspräsident and consul',
    input: { guests: [consul, maire, man('Radefeld', 'regierungspraesident'), lordMayor] },
    text: `Sehr geehrter Herr Regierungspräsident, Madame la Maire, Lord Mayor, sehr geehrter Herr Generalkonsul, ${CLOSE}`,
    order: ['Radefeld', 'Bouvier', 'Smith', 'Yilmaz'],
  },
  {
    name: 'the speaker is never greeted (speaker among the guests, compared by value)',
    input: { speaker: { ...minister }, host: mayor, guests: [deputy, minister, mayor] },
    text: `Sehr geehrter Herr Oberbürgermeister, sehr geehrte Frau Bürgermeisterin, ${CLOSE}`,
    order: ['Sandmann', 'Kocak'],
  },
  {
    name: 'host speaking (no speaker): the host is not greeted even when listed',
    input: { host: mayor, guests: [mayor, deputy] },
    text: `Sehr geehrte Frau Bürgermeisterin, ${CLOSE}`,
    order: ['Kocak'],
  },
  {
    name: 'host speaking (speaker equals host)',
    input: { speaker: mayor, host: { ...mayor }, guests: [minister, mayor] },
    text: `Sehr geehrter Herr Minister, ${CLOSE}`,
    order: ['Severin'],
  },
  {
    name: 'guest speaking: host first among the local dignitaries, after higher offices',
    input: { speaker: minister, host: mayor, guests: [council1, man('Krützberg', 'buergermeister'), premier, minister] },
    text:
      'Sehr geehrte Frau Ministerpräsidentin, sehr geehrter Herr Oberbürgermeister, sehr geehrter Herr Bürgermeister, ' +
      `sehr geehrter Herr Maier, ${CLOSE}`,
    order: ['Brackelmann', 'Sandmann', 'Krützberg', 'Maier'],
  },
  {
    name: 'guest speaking: host ahead of an equal office and not merged with it',
    input: { speaker: minister, host: mayor, guests: [woman('Kellermann', 'oberbuergermeister'), man('Zell', 'oberbuergermeister')] },
    text:
      'Sehr geehrter Herr Oberbürgermeister, sehr geehrte Oberbürgermeisterinnen und Oberbürgermeister, ' + CLOSE,
    order: ['Sandmann', 'Kellermann', 'Zell'],
  },
  {
    name: 'guest speaking with only a speaker given: nobody but the speaker left out',
    input: { speaker: bishop, guests: [bishop, deputy] },
    text: `Sehr geehrte Frau Bürgermeisterin, ${CLOSE}`,
    order: ['Kocak'],
  },
  {
    name: 'couple with the same surname: one by one, in the given order (lady first)',
    input: { guests: [honoured(woman('Maier', undefined, { givenName: 'Maria' })), honoured(man('Maier', undefined, { givenName: 'Manfred' }))] },
    text: `Sehr geehrte Frau Maier, sehr geehrter Herr Maier, ${CLOSE}`,
    order: ['Maier', 'Maier'],
  },
  {
    name: 'couple, office holder and spouse: each at their own place, titles not shared',
    input: { guests: [honoured(drMueller), man('Schmidt', 'bundesminister'), deputy, honoured(man('Schmidt', undefined, { givenName: 'Martin' }))] },
    text:
      'Sehr geehrter Herr Bundesminister, sehr geehrte Frau Bürgermeisterin, sehr geehrte Frau Dr. Müller, ' +
      `sehr geehrter Herr Schmidt, ${CLOSE}`,
    order: ['Schmidt', 'Kocak', 'Müller', 'Schmidt'],
  },
  {
    name: 'the unmarked spouse of an office holder belongs to the closing group',
    input: { guests: [man('Schmidt', 'bundesminister'), woman('Schmidt', undefined, { givenName: 'Petra' })] },
    text: `Sehr geehrter Herr Bundesminister, ${CLOSE}`,
    order: ['Schmidt', 'Schmidt'],
  },
  {
    name: 'diverse gender: "guten Tag" with the name, in the middle of the sequence',
    input: { guests: [honoured({ gender: 'diverse', givenName: 'Kim', surname: 'Beispiel', degrees: 'Dr.' }), deputy] },
    text: `Sehr geehrte Frau Bürgermeisterin, guten Tag Dr. Kim Beispiel, ${CLOSE}`,
    order: ['Kocak', 'Beispiel'],
  },
  {
    name: 'diverse gender first: capital "Guten"',
    input: { guests: [honoured({ gender: 'unknown', givenName: 'Kim', surname: 'Beispiel' })] },
    text: `Guten Tag Kim Beispiel, ${CLOSE}`,
    order: ['Beispiel'],
  },
  {
    name: 'diverse MPs in the neutral plural',
    input: { guests: [{ gender: 'diverse', givenName: 'Kim', surname: 'Beispiel', role: 'mdb' }, mdl] },
    text: `Sehr geehrte Abgeordnete, ${CLOSE}`,
    order: ['Beispiel', 'Lemmerz'],
  },
  {
    name: 'guests of honour after all office holders, in input order; professor',
    input: { guests: [honoured(man('Muster', undefined, { degrees: 'Prof. Dr.' })), honoured(drMueller), man('Kaya', 'geschaeftsfuehrung')] },
    text: `Sehr geehrter Herr Kaya, sehr geehrter Herr Professor Muster, sehr geehrte Frau Dr. Müller, ${CLOSE}`,
    order: ['Kaya', 'Muster', 'Müller'],
  },
  {
    name: 'unknown role key counts as no role: not greeted one by one',
    input: { guests: [man('Xaver', 'hofnarr'), deputy] },
    text: `Sehr geehrte Frau Bürgermeisterin, ${CLOSE}`,
    order: ['Kocak', 'Xaver'],
  },
  {
    name: 'same precedence: holders of one office stand together (first appearance of the role)',
    input: { guests: [man('A', 'pfarrer'), man('B', 'imam'), woman('C', 'pfarrer')] },
    text: `Sehr geehrte Pfarrerinnen und Pfarrer, sehr geehrter Herr B, ${CLOSE}`,
    order: ['A', 'C', 'B'],
  },
  {
    name: 'offices without a plural are greeted one by one (two Lord Mayors)',
    input: { guests: [lordMayor, man('Jones', 'lord_mayor')] },
    text: `Lord Mayor, Lord Mayor, ${CLOSE}`,
    order: ['Smith', 'Jones'],
  },
  {
    name: 'former and serving holders are not merged',
    input: { guests: [man('HÃ¼lsmann', 'oberbuergermeister', { former: true }), woman('Kellermann', 'oberbuergermeister')] },
    text: `Sehr geehrter Herr Oberbürgermeister, sehr geehrte Frau Oberbürgermeisterin, ${CLOSE}`,
    order: ['HÃ¼lsmann', 'Kellermann'],
  },
  {
    name: 'a guest listed twice is greeted once',
    input: { guests: [deputy, { ...deputy }] },
    text: `Sehr geehrte Frau Bürgermeisterin, ${CLOSE}`,
    order: ['Kocak'],
  },
  {
    name: 'more than ten distinct offices: the rest go to the closing group',
    input: {
      guests: [
        man('A', 'bundesminister'),
        man('B', 'ministerpraesident'),
        man('C', 'landesminister'),
        ambassador,
        mdb,
        man('D', 'regierungspraesident'),
        consul,
        bishop,
        man('E', 'superintendent'),
        man('F', 'landrat'),
        deputy,
        man('G', 'bezirksbuergermeister'),
        council1,
      ],
    },
    text:
      'Sehr geehrter Herr Bundesminister, sehr geehrter Herr Ministerpräsident, sehr geehrter Herr Minister, Exzellenz, ' +
      'sehr geehrte Frau Abgeordnete, sehr geehrter Herr Regierungspräsident, sehr geehrter Herr Generalkonsul, ' +
      'sehr geehrter Herr Bischof, sehr geehrter Herr Superintendent, sehr geehrter Herr Landrat, ' +
      CLOSE,
    order: ['A', 'B', 'C', 'Ozturk', 'Paschke', 'D', 'Yilmaz', 'Oberwinter', 'E', 'F', 'Kocak', 'G', 'Maier'],
  },
  {
    name: 'a plural counts as one greeting towards the limit',
    input: { guests: [mdb, mdl, mdep, deputy, council1] },
    maxGreetings: 2,
    text: `Sehr geehrte Abgeordnete, sehr geehrte Frau Bürgermeisterin, ${CLOSE}`,
    order: ['Radewald', 'Paschke', 'Lemmerz', 'Kocak', 'Maier'],
  },
  // DOMAIN.md B: guests without an office are the „Damen und Herren“ of the closing, unless
  // staff mark them as guests of honour, who are greeted by name after the office holders.
  {
    name: 'guests without an office are not greeted one by one: they are the closing group',
    input: { guests: [drMueller, man('Kaya'), deputy] },
    text: `Sehr geehrte Frau Bürgermeisterin, ${CLOSE}`,
    order: ['Kocak', 'Müller', 'Kaya'],
  },
  {
    name: 'only guests without an office: the closing alone',
    input: { guests: [drMueller, man('Kaya')] },
    text: 'Meine sehr geehrten Damen und Herren,',
    order: ['Müller', 'Kaya'],
  },
  {
    name: 'a guest of honour is greeted by name after the office holders, before the closing group',
    input: { guests: [honoured(winner), council1, man('Kaya'), council2, deputy] },
    text: `Sehr geehrte Frau Bürgermeisterin, sehr geehrte Mitglieder des Rates, sehr geehrte Frau Yıldız, ${CLOSE}`,
    order: ['Kocak', 'Maier', 'Schulz', 'Yıldız', 'Kaya'],
  },
  {
    name: 'a guest of honour with an office keeps the place of the office',
    input: { guests: [minister, honoured(lordMayor), honoured(winner)] },
    text: `Sehr geehrter Herr Minister, Lord Mayor, sehr geehrte Frau Yıldız, ${CLOSE}`,
    order: ['Severin', 'Smith', 'Yıldız'],
  },
  {
    name: 'guests of honour are greeted also beyond the limit of individual greetings',
    input: { guests: [deputy, honoured(winner), minister] },
    maxGreetings: 1,
    text: `Sehr geehrter Herr Minister, sehr geehrte Frau Yıldız, ${CLOSE}`,
    order: ['Severin', 'Yıldız', 'Kocak'],
  },
  {
    name: 'keepOrder: a guest of honour placed first stays first; a guest without an office joins the closing group',
    input: { guests: [honoured(winner), man('Kaya'), deputy], keepOrder: true },
    text: `Sehr geehrte Frau Yıldız, sehr geehrte Frau Bürgermeisterin, ${CLOSE}`,
    order: ['Yıldız', 'Kocak', 'Kaya'],
  },
  {
    name: 'citizens closing: „liebe Duisburgerinnen und Duisburger“',
    input: { guests: [minister], closing: 'buergerschaft' },
    text: 'Sehr geehrter Herr Minister, liebe Duisburgerinnen und Duisburger,',
    order: ['Severin'],
  },
  {
    name: 'keepOrder: a reordered proposal is phrased in the order given, not re-sorted',
    input: { host: mayor, guests: [council1, deputy, minister], keepOrder: true },
    text: `Sehr geehrter Herr Maier, sehr geehrte Frau Bürgermeisterin, sehr geehrter Herr Minister, ${CLOSE}`,
    order: ['Maier', 'Kocak', 'Severin'],
  },
  {
    name: 'keepOrder: holders of one office next to each other are still merged',
    input: { guests: [deputy, mdb, mdl, minister], keepOrder: true },
    text: `Sehr geehrte Frau Bürgermeisterin, sehr geehrte Abgeordnete, sehr geehrter Herr Minister, ${CLOSE}`,
    order: ['Kocak', 'Paschke', 'Lemmerz', 'Severin'],
  },
  {
    name: 'keepOrder with a guest speaking: the host stays where staff put them',
    input: { speaker: minister, host: mayor, guests: [premier, council1, mayor], keepOrder: true },
    text: `Sehr geehrte Frau Ministerpräsidentin, sehr geehrter Herr Maier, sehr geehrter Herr Oberbürgermeister, ${CLOSE}`,
    order: ['Brackelmann', 'Maier', 'Sandmann'],
  },
  {
    name: 'keepOrder with a guest speaking: a host missing from the list goes first',
    input: { speaker: minister, host: mayor, guests: [council1], keepOrder: true },
    text: `Sehr geehrter Herr Oberbürgermeister, sehr geehrter Herr Maier, ${CLOSE}`,
    order: ['Sandmann', 'Maier'],
  },
];

describe('composeGreeting', () => {
  it('has a table of at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('$name', ({ input, text, order, maxGreetings }) => {
    const result = composeGreeting(input, roles, { maxGreetings });
    expect(result.text).toBe(text);
    expect(result.order.map((p) => p.surname)).toEqual(order);
  });

  it('keeps the guest-of-honour mark in the order, so a reordered greeting can be rebuilt from it', () => {
    const { order } = composeGreeting({ guests: [honoured(winner), man('Kaya'), deputy] }, roles);
    expect(order.map((p) => [p.surname, p.guestOfHonour ?? false])).toEqual([['Kocak', false], ['Yıldız', true], ['Kaya', false]]);
    const again = composeGreeting({ guests: order, keepOrder: true }, roles);
    expect(again.text).toBe(`Sehr geehrte Frau Bürgermeisterin, sehr geehrte Frau Yıldız, ${CLOSE}`);
  });

  it('ends with a comma and starts with a capital letter, whatever the input', () => {
    for (const { input } of cases) {
      const { text } = composeGreeting(input, roles);
      expect(text.endsWith(',')).toBe(true);
      expect(text.charAt(0)).toBe(text.charAt(0).toUpperCase());
    }
  });
});
