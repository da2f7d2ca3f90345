import { describe, expect, it } from 'vitest';
import type { TemplateManifestEntry } from '../../api/schemas/letters';
import { buildLetterValues } from './letter-values';
import { DEFAULT_OFFICE } from '../settings/settings-service';

const entry: TemplateManifestEntry = {
  id: 'geburtstag',
  file: 'geburtstag.docx',
  name: 'Geburtstag',
  kind: 'geburtstag',
  language: 'de',
  layout: 'letter',
  description: '',
  subject: 'Ihr {{alter}}. Geburtstag',
  body: 'zu Ihrem {{alter}}. Geburtstag am {{anlass_datum}} gratuliere ich Ihnen herzlich.',
  closing: 'Mit herzlichen Grüßen',
};
const office = { ...DEFAULT_OFFICE, contactPersons: [{ name: 'Frau Kemper', phone: '0203 283-1234', email: 'protokoll@example.org' }] };
const mayor = { id: 1, name: 'Dr. Petra Hovestadt', gender: 'female' as const, office: 'Oberbürgermeisterin', deputy: false, active: true, sortOrder: 0 };
const deputy = { ...mayor, id: 2, name: 'Volker Sandmann', gender: 'male' as const, office: 'Bürgermeister', deputy: true };
const recipient = {
  name: 'Erna Groß',
  addressBlock: ['Frau Erna Groß', 'Königstraße 5', '47051 Duisburg'],
  salutation: 'Sehr geehrte Frau Groß',
  oralSalutation: 'Frau Groß',
  closing: 'Mit freundlichen Grüßen',
};

describe('letter values', () => {
  it('fills every field of a birthday letter from settings, signer, recipient and occasion', () => {
    const result = buildLetterValues({ entry, office, signer: mayor, recipient, date: '2026-11-27', fields: { alter: 90, anlassDatum: '2026-12-03' } });
    expect(result.errors).toEqual([]);
    expect(result.subject).toBe('Ihr 90. Geburtstag');
    expect(result.body).toBe('zu Ihrem 90. Geburtstag am 3. Dezember 2026 gratuliere ich Ihnen herzlich.');
    expect(result.occasion).toBe('90. Geburtstag');
    expect(result.values).toMatchObject({
      anschrift: 'Frau Erna Groß\nKönigstraße 5\n47051 Duisburg',
      anrede: 'Sehr geehrte Frau Groß,',
      grussformel: 'Mit herzlichen Grüßen',
      datum: '27. November 2026',
      datum_numerisch: '27.11.2026',
      ansprechpartner: 'Frau Kemper',
      vertretung: '',
      unterzeichner_name: 'Dr. Petra Hovestadt',
      unterzeichner_amt: 'Oberbürgermeisterin',
      betreff: 'Ihr 90. Geburtstag',
    });
  });

  it('signs "In Vertretung" for a deputy and keeps the catalogue closing where the template sets none', () => {
    const result = buildLetterValues({ entry: { ...entry, closing: null }, office, signer: deputy, recipient, date: '2026-11-27', fields: { alter: 90, anlassDatum: '2026-12-03' } });
    expect(result.values.vertretung).toBe('In Vertretung');
    expect(result.values.grussformel).toBe('Mit freundlichen Grüßen');
  });

  it('names the wedding jubilee from the years', () => {
    const wedding = { ...entry, kind: 'ehejubilaeum' as const, subject: 'Ihre {{jubilaeum}}', body: 'zur {{jubilaeum}}' };
    const result = buildLetterValues({ entry: wedding, office, signer: mayor, recipient, date: '2026-11-27', fields: { ehejahre: 65 } });
    expect(result.subject).toBe('Ihre Eiserne Hochzeit');
    expect(result.occasion).toBe('Eiserne Hochzeit');
    expect(result.values.alter).toBe('65');
  });

  it('reports unknown placeholders and missing occasion data in German', () => {
    const result = buildLetterValues({ entry, office, signer: mayor, recipient, date: '2026-11-27', fields: {}, body: 'Gruß an {{namen}} zum {{alter}}.' });
    expect(result.errors).toEqual([
      'Der Betreff verwendet {{alter}}, aber „Alter bzw. Jubiläumsjahre (Zahl)“ ist nicht angegeben.',
      'Der Brieftext enthält den unbekannten Platzhalter {{namen}}.',
      'Der Brieftext verwendet {{alter}}, aber „Alter bzw. Jubiläumsjahre (Zahl)“ ist nicht angegeben.',
    ]);
  });

  it('writes the date in the template language', () => {
    const en = { ...entry, language: 'en' as const, subject: 'Greetings', body: 'Text' };
    const result = buildLetterValues({ entry: en, office, signer: deputy, recipient, date: '2026-07-04', fields: {} });
    expect(result.values.datum).toBe('4 July 2026');
    expect(result.values.vertretung).toBe('On behalf of the Lord Mayor');
    expect(result.values.grussformel).toBe('Mit freundlichen Grüßen');
  });
});
