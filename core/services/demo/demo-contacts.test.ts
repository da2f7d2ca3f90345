import { describe, it, expect } from 'vitest';
import { contactInputSchema } from '../../api/schemas/contacts';
import { buildDemoContacts } from './demo-contacts';

/** Role keys of the catalogue, DOMAIN.md section A.2. */
const CATALOGUE_KEYS = [
  'bundespraesident', 'bundeskanzler', 'bundestagspraesident', 'bundesminister', 'ministerpraesident',
  'landtagspraesident', 'landesminister', 'botschafter', 'mdep', 'mdb', 'mdl', 'regierungspraesident',
  'generalkonsul', 'honorarkonsul', 'bischof_kath', 'praeses', 'landesbischof', 'rabbiner', 'superintendent',
  'pfarrer', 'imam', 'oberbuergermeister', 'landrat', 'ehrenbuerger', 'buergermeister', 'bezirksbuergermeister',
  'ratsmitglied', 'beigeordneter', 'polizeipraesident', 'gerichtspraesident', 'richter', 'rektor',
  'vorsitz_verein', 'geschaeftsfuehrung', 'lord_mayor', 'maire', 'mayor',
];

const ALLOWED_TAGS = [
  'Konsularisches Korps', 'Vereine', 'Presse', 'Religionsgemeinschaften', 'Partnerstädte', 'Rat der Stadt',
  'Wirtschaft', 'Neujahrsempfang', 'Bürgerschaft',
  'Jüdische Gemeinde', 'Muslimische Gemeinden', 'Orthodoxe Gemeinden', 'Chinesische Gemeinde',
];

describe('buildDemoContacts', () => {
  const contacts = buildDemoContacts();
  const parsed = contacts.map((contact) => ({ ...contact, data: contactInputSchema.parse(contact.data) }));
  const byRef = new Map(parsed.map((contact) => [contact.ref, contact]));
  const persons = parsed.flatMap((contact) => (contact.data.kind === 'person' ? [contact.data] : []));
  const organisations = parsed.filter((contact) => contact.data.kind === 'organisation');

  it('has about 200 contacts, about 40 of them organisations', () => {
    expect(contacts.length).toBeGreaterThanOrEqual(180);
    expect(contacts.length).toBeLessThanOrEqual(230);
    expect(organisations.length).toBeGreaterThanOrEqual(35);
    expect(organisations.length).toBeLessThanOrEqual(45);
  });

  it('is deterministic', () => {
    expect(buildDemoContacts()).toEqual(contacts);
  });

  it('passes the contact schema', () => {
    for (const contact of contacts) {
      const result = contactInputSchema.safeParse(contact.data);
      expect(result.success, `${contact.ref}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  });

  it('has unique refs', () => {
    expect(new Set(contacts.map((contact) => contact.ref)).size).toBe(contacts.length);
  });

  it('leaves the ids to the loader', () => {
    for (const person of persons) {
      expect(person.organisationId).toBeNull();
      expect(person.partnerId).toBeNull();
    }
  });

  it('links organisations by ref', () => {
    const linked = parsed.filter((contact) => contact.organisationRef !== undefined);
    expect(linked.length).toBeGreaterThan(30);
    for (const contact of linked) {
      expect(contact.data.kind, contact.ref).toBe('person');
      expect(byRef.get(contact.organisationRef!)?.data.kind, contact.ref).toBe('organisation');
    }
  });

  it('links about 20 couples both ways', () => {
    const withPartner = parsed.filter((contact) => contact.partnerRef !== undefined);
    expect(withPartner.length / 2).toBeGreaterThanOrEqual(18);
    for (const contact of withPartner) {
      const partner = byRef.get(contact.partnerRef!);
      expect(partner, contact.ref).toBeDefined();
      expect(partner!.data.kind).toBe('person');
      expect(contact.data.kind).toBe('person');
      expect(partner!.partnerRef, contact.ref).toBe(contact.ref);
      expect(partner!.ref).not.toBe(contact.ref);
    }
    const surnames = withPartner.map((contact) => {
      const partner = byRef.get(contact.partnerRef!)!;
      return contact.data.kind === 'person' && partner.data.kind === 'person' && contact.data.surname === partner.data.surname;
    });
    expect(surnames).toContain(true);
    expect(surnames).toContain(false);
  });

  it('uses every role of the catalogue', () => {
    const used = new Set(persons.map((person) => person.roleKey));
    expect(CATALOGUE_KEYS.filter((key) => !used.has(key))).toEqual([]);
    expect([...used].filter((key) => key !== '' && !CATALOGUE_KEYS.includes(key))).toEqual([]);
  });

  it('has every gender, degrees, nobility, former offices and foreign languages', () => {
    const genders = new Set(persons.map((person) => person.gender));
    expect([...genders].sort()).toEqual(['diverse', 'female', 'male', 'unknown']);
    const degrees = new Set(persons.map((person) => person.degrees));
    for (const degree of ['Dr.', 'Prof. Dr.', 'Dr.-Ing.', 'Dr. h. c.']) expect(degrees).toContain(degree);
    const affixes = new Set(persons.map((person) => person.nameAffix));
    for (const affix of ['von', 'Graf von', 'Freifrau von']) expect(affixes).toContain(affix);
    expect(persons.filter((person) => person.former).length).toBeGreaterThanOrEqual(3);
    expect(persons.filter((person) => person.language === 'en').length).toBeGreaterThanOrEqual(2);
    expect(persons.filter((person) => person.language === 'fr').length).toBeGreaterThanOrEqual(1);
  });

  it('uses only the agreed tags, invented domains and Duisburg postcodes', () => {
    for (const contact of parsed) {
      for (const tag of contact.data.tags) expect(ALLOWED_TAGS, contact.ref).toContain(tag);
      if (contact.data.email !== '') expect(contact.data.email, contact.ref).toMatch(/\.example\.(org|de|com|net)$|@example\.(org|de|com|net)$/);
      if (contact.data.city === 'Duisburg') {
        expect(Number(contact.data.postcode), contact.ref).toBeGreaterThanOrEqual(47051);
        expect(Number(contact.data.postcode), contact.ref).toBeLessThanOrEqual(47279);
        expect(contact.data.phone, contact.ref).toMatch(/^(0203 .+)?$/);
      }
    }
  });
});
