/**
 * One generated letter of EVERY template, read back from the file: placeholders all filled, the
 * recipient's address block and salutation exactly as the addressing engine composed them,
 * umlauts and ß intact, and the DIN 5008 Form B layout (Nachruf: margins only).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type LetterDraft } from '../../api';
import type { LetterFields, TemplateManifestEntry } from '../../api/schemas/letters';
import { templateManifestSchema } from '../../api/schemas/letters';
import { documentText } from '../../documents/docx-template';
import { createTempApp, TEMPLATES_DIR } from '../../../tests/support/temp-app';
import { elements, expectDin5008FormB, expectDin5008Margins, openDocx, paragraphs, paragraphText, TWIPS_PER_MM } from '../../../tests/support/docx-layout';

const manifest: TemplateManifestEntry[] = templateManifestSchema.parse(
  JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, 'manifest.json'), 'utf8')),
).templates;

const LETTER_DATE = '2026-11-27';

type App = ReturnType<typeof createTempApp>;
/** Chooses a recipient (a contact id). */
type Chooser = (app: App) => Promise<number>;

interface Case {
  /** Chooses the recipient (a contact id) in the demo data. */
  recipient: Chooser;
  /** A letter to a couple (the contact's partner included). */
  includePartner?: boolean;
  fields: LetterFields;
  /** Text the filled subject/body must contain (from the fields). */
  expectText: string[];
}

/** The first contact a filter finds that satisfies `accept`. */
const first =
  (filter: Record<string, unknown>, accept: (c: { partnerId: number | null }) => boolean = () => true): Chooser =>
  async (app) => {
    const { items } = await call(app.handlers, 'contacts.list', filter);
    for (const item of items) {
      const contact = await call(app.handlers, 'contacts.get', { id: item.id });
      if (accept({ partnerId: contact.kind === 'person' ? (contact.partnerId ?? null) : null })) return item.id;
    }
    throw new Error(`no demo contact for ${JSON.stringify(filter)}`);
  };
const single = (c: { partnerId: number | null }) => c.partnerId === null;
const couple = (c: { partnerId: number | null }) => c.partnerId !== null;

let juergenId = 0;
const juergen: Chooser = async () => juergenId;

const CASES: Record<string, Case> = {
  geburtstag: {
    recipient: juergen,
    fields: { alter: 95, anlassDatum: '2026-12-03' },
    expectText: ['Ihr 95. Geburtstag', 'zu Ihrem 95. Geburtstag am 3. Dezember 2026'],
  },
  ehejubilaeum: {
    recipient: first({ kind: 'person', tag: 'Bürgerschaft' }, couple),
    includePartner: true,
    fields: { ehejahre: 60, anlassDatum: '2026-12-12' },
    expectText: ['Diamantene Hochzeit am 12. Dezember 2026', 'Sie feiern Diamantene Hochzeit', 'Seit 60 Jahren'],
  },
  vereinsjubilaeum: {
    recipient: first({ kind: 'organisation', tag: 'Vereine' }),
    fields: { alter: 125, anlassDatum: '2027-01-16' },
    expectText: ['zum 125-jährigen Bestehen', 'am 16. Januar 2027'],
  },
  kondolenz: {
    recipient: first({ kind: 'person', tag: 'Bürgerschaft' }, single),
    fields: { verstorbenePerson: 'Dr. Käthe Großkreuz' },
    expectText: ['Zum Tod von Dr. Käthe Großkreuz'],
  },
  nachruf: {
    recipient: first({ kind: 'person', tag: 'Bürgerschaft' }, single),
    fields: { verstorbenePerson: 'Dr. Käthe Großkreuz' },
    expectText: ['Die Stadt Duisburg trauert um Dr. Käthe Großkreuz', 'hat sich Dr. Käthe Großkreuz mit großem persönlichem Einsatz'],
  },
  weihnachtsgruss: {
    recipient: first({ kind: 'person', tag: 'Vereine' }, single),
    fields: {},
    expectText: ['Frohe Weihnachten und ein gutes neues Jahr'],
  },
  feiertagsgruss: {
    recipient: first({ kind: 'organisation', tag: 'Religionsgemeinschaften' }),
    fields: { anlass: 'Pessachfest' },
    expectText: ['Grüße zum Pessachfest'],
  },
  'partnerstadt-de': {
    recipient: first({ roleKey: 'oberbuergermeister' }, single),
    fields: { anlass: 'Nationalfeiertag', partnerstadt: 'Wolfenbüttel' },
    expectText: ['Grüße aus Duisburg zum Nationalfeiertag', 'Bürgern von Wolfenbüttel'],
  },
  'partnerstadt-en': {
    recipient: first({ roleKey: 'lord_mayor' }),
    fields: { anlass: "St George's Day", partnerstadt: 'Portsmouth' },
    expectText: ["On the occasion of St George's Day", 'citizens of Portsmouth'],
  },
  'partnerstadt-fr': {
    recipient: first({ roleKey: 'maire' }),
    fields: { anlass: 'la fête nationale', partnerstadt: 'Calais' },
    expectText: ['À l’occasion de la fête nationale', 'habitants de Calais'],
  },
  dankschreiben: {
    recipient: first({ kind: 'person', tag: 'Vereine' }, single),
    fields: { anlass: 'Ehrenamt' },
    expectText: ['Herzlichen Dank'],
  },
  zusage: {
    recipient: first({ kind: 'organisation', tag: 'Wirtschaft' }),
    fields: { anlass: 'Jahresempfang', anlassDatum: '2027-01-22' },
    expectText: ['Ihre Einladung zum Jahresempfang am 22. Januar 2027'],
  },
  absage: {
    recipient: first({ kind: 'organisation', tag: 'Vereine' }),
    fields: { anlass: 'Sommerfest', anlassDatum: '2027-07-03' },
    expectText: ['Ihre Einladung zum Sommerfest am 3. Juli 2027'],
  },
  buergeranliegen: {
    recipient: first({ kind: 'person', tag: 'Bürgerschaft' }, single),
    fields: { anlassDatum: '2026-11-02', aktenzeichen: 'OB-13/2026' },
    expectText: ['Ihr Schreiben vom 2. November 2026'],
  },
  eingangsbestaetigung: {
    recipient: first({ kind: 'person', tag: 'Bürgerschaft' }, single),
    fields: { anlassDatum: '2026-11-23' },
    expectText: ['Ihr Anliegen vom 23. November 2026'],
  },
  'schirmherrschaft-zusage': {
    recipient: first({ kind: 'organisation', tag: 'Vereine' }),
    fields: { anlass: 'Kinder- und Jugendsporttag', anlassDatum: '2027-06-12' },
    expectText: ['Schirmherrschaft für „Kinder- und Jugendsporttag“ am 12. Juni 2027', 'Gern übernehme ich die Schirmherrschaft'],
  },
  'schirmherrschaft-absage': {
    recipient: first({ kind: 'organisation', tag: 'Wirtschaft' }),
    fields: { anlass: 'Frühjahrsmesse', anlassDatum: '2027-04-17' },
    expectText: ['Schirmherrschaft für „Frühjahrsmesse“ am 17. April 2027', 'nicht entsprechen'],
  },
};

let app: App;
let signerId: number;
beforeAll(async () => {
  app = createTempApp();
  await call(app.handlers, 'demo.load', {});
  signerId = (await call(app.handlers, 'signers.list', {})).find((s) => !s.deputy)!.id;
  const contact = await call(app.handlers, 'contacts.create', {
    kind: 'person',
    gender: 'male',
    givenName: 'Jürgen',
    surname: 'Weißmüller',
    street: 'Größere Gasse',
    houseNumber: '7',
    postcode: '47057',
    city: 'Duisburg',
  });
  juergenId = contact.id;
});
afterAll(() => app?.cleanup());

/**
 * The forms the letter must show, as the addressing engine composes them: `contacts.addressing`
 * (organisations, single persons, couples). For a person with a partner written to alone, the
 * person's own forms (`addressing.compose` without partner) above the postal lines.
 */
async function expectedForms(contactId: number, includePartner: boolean): Promise<{ addressBlock: string[]; salutation: string }> {
  const addressing = await call(app.handlers, 'contacts.addressing', { id: contactId });
  const contact = await call(app.handlers, 'contacts.get', { id: contactId });
  if (contact.kind === 'organisation' || includePartner || !contact.partnerId) return addressing;
  const person = await call(app.handlers, 'contacts.toPerson', { id: contactId });
  const alone = await call(app.handlers, 'addressing.compose', { person });
  const postal = addressing.addressBlock.slice(addressing.addressLines.length);
  return { addressBlock: [...alone.addressLines, ...postal], salutation: alone.salutation };
}

const readBytes = (file: string) => new Uint8Array(fs.readFileSync(path.join(app.dataDir, file)));

describe('generated letters', () => {
  it('covers every template the app lists', async () => {
    const listed = (await call(app.handlers, 'templates.list', {})).map((t) => t.id);
    expect(listed).toEqual(manifest.map((t) => t.id));
    expect(Object.keys(CASES).sort()).toEqual([...listed].sort());
  });

  it.each(manifest.map((t) => [t.id, t] as const))('%s: filled completely, addressed as composed, laid out per DIN 5008', async (id, entry) => {
    const c = CASES[id];
    expect(c, `no test case for template ${id}`).toBeDefined();
    const contactId = await c.recipient(app);
    const includePartner = c.includePartner ?? false;
    const draft: LetterDraft = {
      templateId: id,
      recipient: { type: 'contact', contactId, includePartner },
      signerId,
      date: LETTER_DATE,
      fields: c.fields,
    };
    const letter = await call(app.handlers, 'letters.create', draft);
    expect(letter.file).toMatch(/\.docx$/);
    const bytes = readBytes(letter.file);
    const text = documentText(bytes);

    // Every placeholder filled: body, headers, footers.
    for (const part of [text.body, ...text.headers, ...text.footers]) {
      expect(part).not.toContain('{{');
      expect(part).not.toContain('}}');
    }
    for (const expected of c.expectText) expect(text.body).toContain(expected);
    expect(text.body).toContain('Dr. Petra Hovestadt');

    const bodyLines = text.body.split('\n');
    if (entry.layout === 'letter') {
      const forms = await expectedForms(contactId, includePartner);
      expect(forms.addressBlock.length).toBeGreaterThan(1);
      // The address block: its lines consecutively, nothing else in their lines.
      expect(`\n${text.body}\n`).toContain(`\n${forms.addressBlock.join('\n')}\n`);
      expect(letter.recipientLines).toEqual(forms.addressBlock);
      // The salutation on a line of its own.
      expect(bodyLines).toContain(`${forms.salutation},`);
      // The address sits in the address frame (20 mm / 45 mm).
      const { document } = openDocx(bytes);
      const inAddressFrame = paragraphs(document)
        .filter((p) =>
          elements(p, 'w:framePr').some(
            (f) => Math.abs(Number(f['w:x']) - 20 * TWIPS_PER_MM) <= 57 && Math.abs(Number(f['w:y']) - 45 * TWIPS_PER_MM) <= 57,
          ),
        )
        .map(paragraphText)
        .join('\n');
      expect(inAddressFrame).toContain(forms.addressBlock.join('\n'));
      expectDin5008FormB(bytes);
    } else {
      // Nachruf: no address, no salutation; only the page margins.
      expect(text.body).not.toMatch(/Sehr geehrte/);
      expectDin5008Margins(bytes);
    }
  });

  it('keeps umlauts and ß of the data intact (Jürgen Weißmüller, Größere Gasse)', async () => {
    const letter = await call(app.handlers, 'letters.create', {
      templateId: 'geburtstag',
      recipient: { type: 'contact', contactId: juergenId, includePartner: false },
      signerId,
      date: LETTER_DATE,
      fields: { alter: 100, anlassDatum: '2026-12-24' },
    } satisfies LetterDraft);
    const bytes = readBytes(letter.file);
    const { body } = documentText(bytes);
    expect(body).toContain('Herrn Jürgen Weißmüller\nGrößere Gasse 7\n47057 Duisburg');
    expect(body.split('\n')).toContain('Sehr geehrter Herr Weißmüller,');
    expect(body).toContain('Oberbürgermeisterin');
    expect(body).toContain('Mit herzlichen Grüßen');
    // Written as UTF-8 characters, not mangled or lost.
    const { document } = openDocx(bytes);
    expect(document).toContain('Weißmüller');
    expect(document).not.toMatch(/Ã|Â|\uFFFD/);
    expect(letter.recipientName).toBe('Jürgen Weißmüller');
    expect(path.basename(letter.file)).toMatch(/^\d{6}-juergen-weissmueller-100-geburtstag\.docx$/);
  });
});
