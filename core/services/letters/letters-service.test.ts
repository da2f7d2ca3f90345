import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, type LetterDraft, type MergeStatus } from '../../api';
import { documentText } from '../../documents/docx-template';
import { openOtherOfficePc, openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';

let app: Awaited<ReturnType<typeof openTempApp>>;
let mayorId: number;
let deputyId: number;

const createPerson = (over: Record<string, unknown> = {}) =>
  call(app.handlers, 'contacts.create', {
    kind: 'person',
    gender: 'female',
    givenName: 'Erna',
    surname: 'Groß-Müller',
    street: 'Königstraße',
    houseNumber: '5',
    postcode: '47051',
    city: 'Duisburg',
    tags: ['Testgruppe'],
    ...over,
  });

const birthday = (contactId: number, over: Partial<LetterDraft> = {}): LetterDraft => ({
  templateId: 'geburtstag',
  recipient: { type: 'contact', contactId, includePartner: false },
  signerId: mayorId,
  date: '2026-11-27',
  fields: { alter: 90, anlassDatum: '2026-12-03' },
  ...over,
});

/** A letter's file as the app stores it (data folder or office database). */
const readLetter = async (file: string) => {
  const bytes = (await app.files.get(file))!;
  return { text: documentText(bytes), xml: strFromU8(unzipSync(bytes)['word/document.xml']) };
};
describe.each(ENGINES)('letters on %s', (kind) => {
  beforeEach(async () => {
    app = await openTempApp(kind, { label: 'letters_service' });
    await call(app.handlers, 'demo.load', {});
    const signers = await call(app.handlers, 'signers.list', {});
    mayorId = signers.find((s) => !s.deputy)!.id;
    deputyId = signers.find((s) => s.deputy)!.id;
  }, 60_000);
  afterEach(async () => app.cleanup());

  describe('letters service', () => {
    it.runIf(kind === 'postgres')('a letter produced on one PC opens on another PC of the office, through the document query', async () => {
      const erna = await createPerson();
      const letter = await call(app.handlers, 'letters.create', birthday(erna.id));
      const other = await openOtherOfficePc(app.url!);
      try {
        const file = await call(other.handlers, 'letters.file', { id: letter.id });
        expect(file.fileName).toBe(path.basename(letter.file));
        expect(documentText(new Uint8Array(Buffer.from(file.contentBase64, 'base64'))).body).toContain('Sehr geehrte Frau Groß-Müller,');
        // A new version made on the other PC opens on the first.
        const again = await call(other.handlers, 'letters.regenerate', { id: letter.id, revision: letter.revision, signerId: deputyId });
        const back = await call(app.handlers, 'letters.file', { id: letter.id });
        expect(back.fileName).toBe(path.basename(again.file));
        expect(documentText(new Uint8Array(Buffer.from(back.contentBase64, 'base64'))).body).toContain('In Vertretung');
        // Nothing of it lives on either PC's disk.
        expect(fs.existsSync(path.join(app.dataDir, 'Briefe'))).toBe(false);
        expect(fs.existsSync(path.join(other.dataDir, 'Briefe'))).toBe(false);
      } finally {
        await other.close();
      }
    });

    it('writes a 90th-birthday letter with the composed forms of address and records it as Entwurf', async () => {
      const erna = await createPerson();
      const letter = await call(app.handlers, 'letters.create', birthday(erna.id));
      expect(letter).toMatchObject({ status: 'entwurf', recipientName: 'Erna Groß-Müller', occasion: '90. Geburtstag', subject: 'Ihr 90. Geburtstag', version: 1 });
      const { text, xml } = await readLetter(letter.file);
      expect(text.body).toContain('Frau Erna Groß-Müller\nKönigstraße 5\n47051 Duisburg');
      expect(text.body).toContain('Sehr geehrte Frau Groß-Müller,');
      expect(text.body).toContain('Ihr 90. Geburtstag');
      expect(text.body).toContain('27.11.2026');
      expect(text.body).toContain('Mit herzlichen Grüßen');
      expect(text.body).toContain('Dr. Petra Hovestadt\nOberbürgermeisterin');
      expect(text.body).not.toContain('In Vertretung');
      expect(`${text.body}${text.headers.join('')}${text.footers.join('')}`).not.toContain('{{');
      expect(xml).toContain('w:pStyle w:val="Brieftext"');
      expect(letter.events.map((e) => e.action)).toEqual(['erstellt']);
    });

    it('names the letter\'s file in lower-case ASCII, every letter transliterated', async () => {
      const ayse = await createPerson({ givenName: 'Ayşe', surname: 'Yılmaz-Wróblewska' });
      const letter = await call(app.handlers, 'letters.create', birthday(ayse.id));
      expect(path.basename(letter.file)).toMatch(/^\d{6}-ayse-yilmaz-wroblewska-90-geburtstag\.docx$/);
      const erna = await call(app.handlers, 'letters.create', birthday((await createPerson()).id));
      expect(path.basename(erna.file)).toMatch(/^\d{6}-erna-gross-mueller-90-geburtstag\.docx$/);
    });

    it('signs "In Vertretung" for a Bürgermeister and writes a couple letter for a wedding jubilee', async () => {
      const a = await createPerson({ givenName: 'Maria', surname: 'Maier' });
      const b = await createPerson({ givenName: 'Manfred', surname: 'Maier', gender: 'male', partnerId: a.id });
      const letter = await call(app.handlers, 'letters.create', {
        templateId: 'ehejubilaeum',
        recipient: { type: 'contact', contactId: b.id, includePartner: true },
        signerId: deputyId,
        date: '2026-11-27',
        fields: { ehejahre: 65, anlassDatum: '2026-12-12' },
      });
      const { text } = await readLetter(letter.file);
      expect(letter.occasion).toBe('Eiserne Hochzeit');
      expect(text.body).toContain('Sehr geehrte Frau Maier, sehr geehrter Herr Maier,');
      expect(text.body).toContain('In Vertretung');
      expect(letter.recipientName).toBe('Manfred Maier und Maria Maier');
    });

    it('refuses a letter whose text needs data that is missing, naming the field', async () => {
      const erna = await createPerson();
      const result = await dispatch(app.handlers, 'letters.create', birthday(erna.id, { fields: {} }));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain('verwendet {{alter}}, aber „Alter bzw. Jubiläumsjahre (Zahl)“ ist nicht angegeben');
      expect((await call(app.handlers, 'letters.list', {})).total).toBe(0);
    });

    it('warns about missing address and unknown gender in the preparation', async () => {
      const kim = await createPerson({ gender: 'unknown', givenName: 'Kim', surname: 'Beispiel', street: '', city: '' });
      const prepared = await call(app.handlers, 'letters.prepare', birthday(kim.id));
      expect(prepared.warnings).toEqual([
        'Für „Kim Beispiel“ ist keine vollständige Postanschrift erfasst.',
        'Für „Kim Beispiel“ ist das Geschlecht unbekannt; die Anrede lautet „Guten Tag Kim Beispiel“.',
      ]);
    });

    it('keeps the history when a letter is generated again and its status changes', async () => {
      const erna = await createPerson();
      const letter = await call(app.handlers, 'letters.create', birthday(erna.id));
      const forSignature = await call(app.handlers, 'letters.setStatus', { id: letter.id, revision: letter.revision, status: 'zur_unterschrift' });
      await call(app.handlers, 'contacts.update', {
        id: erna.id,
        revision: erna.revision,
        contact: { ...erna, surname: 'Groß-Müller', street: 'Neue Straße', houseNumber: '1', postcode: '47057', city: 'Duisburg' },
      });
      const again = await call(app.handlers, 'letters.regenerate', { id: letter.id, revision: forSignature.revision });
      expect(again.version).toBe(2);
      expect(again.status).toBe('entwurf');
      expect(again.file).toBe(letter.file.replace('.docx', '-v2.docx'));
      expect((await readLetter(again.file)).text.body).toContain('Neue Straße 1');
      expect((await readLetter(letter.file)).text.body).toContain('Königstraße 5');
      const sent = await call(app.handlers, 'letters.setStatus', { id: letter.id, revision: again.revision, status: 'versandt' });
      expect(sent.events.map((e) => e.action)).toEqual(['erstellt', 'Status', 'neu erzeugt', 'Status']);
      expect(sent.events.slice(1).map((e) => e.detail)).toEqual([
        'Entwurf → zur Unterschrift',
        `Fassung 2; Status zurück auf Entwurf (Fassung 1 bleibt als „${path.basename(letter.file)}“ erhalten)`,
        'Entwurf → versandt',
      ]);
      expect(sent.events[0].detail).toContain('unterzeichnet von Dr. Petra Hovestadt');
    });

    it('changes the status and generates a letter again against the revision it was loaded at; an older one is refused with STALE naming who changed it, and nothing is overwritten', async () => {
      const erna = await createPerson();
      const letter = await call(app.handlers, 'letters.create', birthday(erna.id));
      expect(letter.revision).toBe(1);
      expect((await call(app.handlers, 'letters.list', {})).items.find((l) => l.id === letter.id)?.revision).toBe(1);
      // Two PCs loaded revision 1; the first sends it for signature, the second's status change and new version are refused.
      const forSignature = await call(app.handlers, 'letters.setStatus', { id: letter.id, revision: letter.revision, status: 'zur_unterschrift' });
      expect(forSignature.revision).toBe(2);
      for (const [method, input] of [
        ['letters.setStatus', { id: letter.id, revision: 1, status: 'versandt' }],
        ['letters.regenerate', { id: letter.id, revision: 1, signerId: deputyId }],
      ] as const) {
        const refused = await dispatch(app.handlers, method, input as never);
        expect(refused.ok ? null : refused.error, method).toMatchObject({
          code: 'STALE',
          message: 'Dieser Brief wurde inzwischen von test geändert (27.11.2026, 10:00 Uhr). Bitte laden Sie ihn neu; Ihre Änderungen sind nicht gespeichert.',
        });
      }
      expect(await call(app.handlers, 'letters.get', { id: letter.id })).toMatchObject({ status: 'zur_unterschrift', version: 1, file: letter.file, revision: 2 });
      expect(await app.files.get(letter.file.replace('.docx', '-v2.docx'))).toBeFalsy();
      const { db, t } = app.engine;
      // The audit log knows who changed it (STALE names them from there).
      const changes = await db
        .select({ action: t.auditLog.action, user: t.auditLog.user })
        .from(t.auditLog)
        .where(and(eq(t.auditLog.entity, 'letter'), eq(t.auditLog.entityId, letter.id)))
        .orderBy(asc(t.auditLog.id));
      expect(changes).toEqual([
        { action: 'create', user: 'test' },
        { action: 'status', user: 'test' },
      ]);

      const again = await call(app.handlers, 'letters.regenerate', { id: letter.id, revision: 2, signerId: deputyId });
      expect(again).toMatchObject({ version: 2, revision: 3, status: 'entwurf' });
      for (const [method, input] of [
        ['letters.setStatus', { id: letter.id, status: 'versandt' }],
        ['letters.regenerate', { id: letter.id }],
      ] as const) {
        const refused = await dispatch(app.handlers, method, input as never);
        expect(refused.ok ? null : refused.error.message, method).toContain('Der Bearbeitungsstand (revision) fehlt.');
      }
    });

    it('generates a letter again after its contact was deleted, with the address and salutation it had', async () => {
      const erna = await createPerson();
      const letter = await call(app.handlers, 'letters.create', birthday(erna.id));
      await call(app.handlers, 'contacts.delete', { id: erna.id, revision: erna.revision });
      const again = await call(app.handlers, 'letters.regenerate', { id: letter.id, revision: letter.revision });
      const body = (await readLetter(again.file)).text.body;
      expect(body).toContain('Frau Erna Groß-Müller\nKönigstraße 5\n47051 Duisburg');
      expect(body).toContain('Sehr geehrte Frau Groß-Müller,');
    });

    it('composes the forms of address in the language of the template', async () => {
      const german = await createPerson({ gender: 'male', givenName: 'Karl', surname: 'Krause', city: 'Portsmouth', street: 'High Street' });
      const letter = await call(app.handlers, 'letters.create', {
        templateId: 'partnerstadt-en',
        recipient: { type: 'contact', contactId: german.id, includePartner: false },
        signerId: mayorId,
        date: '2026-04-23',
        fields: { partnerstadt: 'Portsmouth', anlass: "St George's Day" },
      });
      const body = (await readLetter(letter.file)).text.body;
      expect(body).toContain('Dear Mr Krause,');
      expect(body).not.toContain('Sehr geehrter');
    });

    it('closes a letter to a typed-in address in the language of the template, as for a contact', async () => {
      const free = (templateId: string, salutation: string, fields: Record<string, unknown>) =>
        call(app.handlers, 'letters.create', {
          templateId,
          recipient: { type: 'free', name: 'City Council', lines: ['City Council', 'Guildhall Square', 'Portsmouth PO1 2AL'], salutation },
          signerId: mayorId,
          date: '2026-04-23',
          fields,
        });
      const english = (await readLetter((await free('partnerstadt-en', 'Dear Sir or Madam', { partnerstadt: 'Portsmouth', anlass: "St George's Day" })).file)).text.body;
      expect(english).toContain('Dear Sir or Madam,');
      expect(english).toContain('Yours faithfully');
      expect(english).not.toContain('Mit freundlichen Grüßen');
      const named = (await readLetter((await free('partnerstadt-en', 'Dear Ms Carter', { partnerstadt: 'Portsmouth', anlass: "St George's Day" })).file)).text.body;
      expect(named).toContain('Yours sincerely');
      const french = (await readLetter((await free('partnerstadt-fr', 'Monsieur le Maire', { partnerstadt: 'Calais', anlass: 'la fête nationale' })).file)).text.body;
      expect(french).toContain('Je vous prie d’agréer, Monsieur le Maire, l’expression de ma haute considération.');
      expect(french).not.toContain('Mit freundlichen Grüßen');
      // A closing typed in is kept; a German template keeps its own.
      const typed = await call(app.handlers, 'letters.prepare', {
        templateId: 'partnerstadt-en',
        recipient: { type: 'free', name: 'Ms Carter', lines: ['Ms Carter'], salutation: 'Dear Ms Carter', closing: 'With warm regards' },
        signerId: mayorId,
        fields: { partnerstadt: 'Portsmouth', anlass: "St George's Day" },
      });
      expect(typed.values.grussformel).toBe('With warm regards');
      const german = await call(app.handlers, 'letters.prepare', {
        templateId: 'dankschreiben',
        recipient: { type: 'free', name: 'Verein', lines: ['Verein'], salutation: 'Sehr geehrte Damen und Herren' },
        signerId: mayorId,
        fields: { anlass: 'Ehrenamt' },
      });
      expect(german.values.grussformel).toBe('Mit freundlichen Grüßen');
    });

    it('takes an address of 8 lines without a warning: the dividing line moves up (long-address.test.ts has the rest)', async () => {
      const org = await call(app.handlers, 'contacts.create', { kind: 'organisation', name: 'Turnverein Duisburg-Neudorf 1887 e. V.' });
      const chair = await createPerson({ roleKey: 'vorsitz_verein', roleDetail: 'des Turnvereins Duisburg-Neudorf 1887 e. V.', organisationId: org.id, addressAddition: 'Geschäftsstelle, 2. Etage' });
      const prepared = await call(app.handlers, 'letters.prepare', birthday(chair.id));
      expect(prepared.warnings.join(' ')).not.toContain('Anschrift');
      const letter = await call(app.handlers, 'letters.create', birthday(chair.id));
      expect((await readLetter(letter.file)).text.body).toContain('Geschäftsstelle, 2. Etage\nKönigstraße 5\n47051 Duisburg');
    });

    it('finds letters by recipient text, kind, status, contact and period', async () => {
      const erna = await createPerson();
      await call(app.handlers, 'letters.create', birthday(erna.id));
      await call(app.handlers, 'letters.create', { ...birthday(erna.id), templateId: 'dankschreiben', date: '2026-10-01', fields: { anlass: 'Ehrenamt' } });
      const find = async (filter: object) => (await call(app.handlers, 'letters.list', filter)).items.map((l) => l.kind);
      expect(await find({ query: 'gross-mueller' })).toEqual(['geburtstag', 'dankschreiben']);
      expect(await find({ kind: 'dankschreiben' })).toEqual(['dankschreiben']);
      expect(await find({ from: '2026-11-01' })).toEqual(['geburtstag']);
      expect(await find({ contactId: erna.id, to: '2026-10-31' })).toEqual(['dankschreiben']);
      expect(await find({ status: 'versandt' })).toEqual([]);
    });

    it('writes letters in English for a partner city, with the date in English', async () => {
      const mayor = await createPerson({ gender: 'male', givenName: 'John', surname: 'Smith', roleKey: 'lord_mayor', roleDetail: 'Portsmouth', language: 'en', city: 'Portsmouth', country: 'Vereinigtes Königreich' });
      const letter = await call(app.handlers, 'letters.create', {
        templateId: 'partnerstadt-en',
        recipient: { type: 'contact', contactId: mayor.id, includePartner: false },
        signerId: mayorId,
        date: '2026-04-23',
        fields: { partnerstadt: 'Portsmouth', anlass: "St George's Day" },
      });
      const { text } = await readLetter(letter.file);
      expect(text.body).toContain('Dear Lord Mayor,');
      expect(text.body).toContain('23 April 2026');
      expect(text.body).toContain('VEREINIGTES KÖNIGREICH');
    });
  });

  describe('mail merge', () => {
    const waitFor = async (jobId: string): Promise<MergeStatus> => {
      for (let i = 0; i < 400; i++) {
        const status = await call(app.handlers, 'letters.merge.status', { jobId });
        if (status.state !== 'running') return status;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error('merge did not finish');
    };

    it('writes one file per recipient, reports recipients with missing data and still does the rest', async () => {
      const ok1 = await createPerson({ givenName: 'Anna', surname: 'Eins' });
      const ok2 = await createPerson({ givenName: 'Berta', surname: 'Zwei' });
      const noAddress = await createPerson({ givenName: 'Carla', surname: 'Ohneort', street: '', city: '' });
      const started = await call(app.handlers, 'letters.merge.start', {
        templateId: 'weihnachtsgruss',
        recipients: { type: 'tag', tag: 'Testgruppe' },
        signerId: mayorId,
        date: '2026-12-10',
        output: 'files',
      });
      const done = await waitFor(started.jobId);
      expect(done.state).toBe('done');
      expect(done.total).toBe(3);
      expect(done.letterIds).toHaveLength(2);
      expect(done.problems).toEqual([{ contactId: noAddress.id, name: 'Carla Ohneort', message: 'Für „Carla Ohneort“ ist keine vollständige Postanschrift erfasst.' }]);
      const list = await call(app.handlers, 'letters.list', { kind: 'weihnachtsgruss' });
      expect(list.items.map((l) => l.contactId).sort()).toEqual([ok1.id, ok2.id].sort());
      for (const item of list.items) expect((await readLetter(item.file)).text.body).not.toContain('{{');
      expect(fs.readdirSync(path.join(app.dataDir, 'Briefe')).filter((f) => f.startsWith('.'))).toEqual([]);
    });

    it('addresses and closes every letter in the language of the template', async () => {
      await createPerson({ givenName: 'Anna', surname: 'Eins' });
      const started = await call(app.handlers, 'letters.merge.start', {
        templateId: 'partnerstadt-en',
        recipients: { type: 'tag', tag: 'Testgruppe' },
        signerId: mayorId,
        date: '2026-04-23',
        fields: { partnerstadt: 'Portsmouth', anlass: "St George's Day" },
        output: 'files',
      });
      const done = await waitFor(started.jobId);
      expect(done.letterIds).toHaveLength(1);
      const body = (await readLetter((await call(app.handlers, 'letters.get', { id: done.letterIds[0] })).file)).text.body;
      expect(body).toContain('Dear Ms Eins,');
      expect(body).toContain('Yours sincerely');
      expect(body).not.toContain('Mit freundlichen Grüßen');
    });

    it('writes one combined print file with one section per letter', async () => {
      for (const name of ['Eins', 'Zwei', 'Drei']) await createPerson({ givenName: 'Anna', surname: name });
      const started = await call(app.handlers, 'letters.merge.start', {
        templateId: 'weihnachtsgruss',
        recipients: { type: 'tag', tag: 'Testgruppe' },
        signerId: mayorId,
        output: 'combined',
      });
      const done = await waitFor(started.jobId);
      expect(done.state).toBe('done');
      const combined = (await call(app.handlers, 'letters.get', { id: done.letterIds[0] })).file;
      expect(done.combinedFile).toBe(app.files.place(combined));
      const bytes = (await app.files.get(combined))!;
      const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
      expect(xml.match(/<w:sectPr/g)).toHaveLength(3);
      const body = documentText(bytes).body;
      expect(body.indexOf('Frau Anna Drei')).toBeLessThan(body.indexOf('Frau Anna Eins'));
      expect(body.indexOf('Frau Anna Eins')).toBeLessThan(body.indexOf('Frau Anna Zwei'));
      const letters = await call(app.handlers, 'letters.list', { kind: 'weihnachtsgruss' });
      expect(new Set(letters.items.map((l) => l.file)).size).toBe(1);
    });

    it('writes one letter per couple when couples are addressed together', async () => {
      const a = await createPerson({ givenName: 'Maria', surname: 'Maier' });
      await createPerson({ givenName: 'Manfred', surname: 'Maier', gender: 'male', partnerId: a.id });
      await createPerson({ givenName: 'Anna', surname: 'Allein' });
      const started = await call(app.handlers, 'letters.merge.start', {
        templateId: 'weihnachtsgruss',
        recipients: { type: 'tag', tag: 'Testgruppe' },
        includePartner: true,
        signerId: mayorId,
        output: 'files',
      });
      const done = await waitFor(started.jobId);
      expect(done.total).toBe(2);
      const names = (await call(app.handlers, 'letters.list', {})).items.map((l) => l.recipientName).sort();
      expect(names).toEqual(['Anna Allein', 'Manfred Maier und Maria Maier']);
    });

    it('gives a letter of a combined print file its own file when generated again; the print file stays', async () => {
      for (const name of ['Eins', 'Zwei']) await createPerson({ givenName: 'Anna', surname: name });
      const started = await call(app.handlers, 'letters.merge.start', {
        templateId: 'weihnachtsgruss',
        recipients: { type: 'tag', tag: 'Testgruppe' },
        signerId: mayorId,
        output: 'combined',
      });
      const done = await waitFor(started.jobId);
      const combined = (await call(app.handlers, 'letters.get', { id: done.letterIds[0] })).file;
      const before = await app.files.get(combined);
      for (const id of done.letterIds) {
        const again = await call(app.handlers, 'letters.regenerate', { id, revision: (await call(app.handlers, 'letters.get', { id })).revision });
        expect(again.file).not.toBe(combined);
      }
      expect(await app.files.get(combined)).toEqual(before);
    });

    it('leaves neither files nor register entries behind when cancelled', async () => {
      for (let i = 0; i < 60; i++) await createPerson({ givenName: 'Anna', surname: `Nummer${i}` });
      const started = await call(app.handlers, 'letters.merge.start', {
        templateId: 'weihnachtsgruss',
        recipients: { type: 'tag', tag: 'Testgruppe' },
        signerId: mayorId,
        output: 'files',
      });
      await call(app.handlers, 'letters.merge.cancel', { jobId: started.jobId });
      const done = await waitFor(started.jobId);
      expect(done.state).toBe('cancelled');
      expect((await call(app.handlers, 'letters.list', {})).total).toBe(0);
      const folder = path.join(app.dataDir, 'Briefe');
      const left = fs.existsSync(folder) ? fs.readdirSync(folder, { recursive: true }) : [];
      expect(left).toEqual([]);
      expect(await app.files.list('Briefe')).toEqual([]);
    });

    it('writes to a CSV recipient list without storing contacts, reporting unreadable and incomplete rows', async () => {
      const csv = [
        'Anrede;Vorname;Nachname;Amt;Straße;Hausnummer;PLZ;Ort',
        'Frau;Jördis;Weißenfels;;Königstraße;1;47051;Duisburg',
        'Herr;Tom;Brandt;Bürgermeister;Rathausplatz;1;46045;Oberhausen',
        'Frau;Ida;Ohneort;;;;;',
        'Kaiser;Karl;Groß;;Hofweg;2;47051;Duisburg',
      ].join('\n');
      const contactsBefore = (await call(app.handlers, 'app.info', {})).contactCount;
      const started = await call(app.handlers, 'letters.merge.start', {
        templateId: 'weihnachtsgruss',
        recipients: { type: 'csv', fileName: 'empfaenger.csv', contentBase64: Buffer.from(csv).toString('base64') },
        signerId: mayorId,
        output: 'files',
      });
      const done = await waitFor(started.jobId);
      expect(done.state).toBe('done');
      expect(done.letterIds).toHaveLength(2);
      expect(done.problems.map((p) => p.name)).toEqual(['empfaenger.csv, Zeile 5', 'Ida Ohneort']);
      expect(done.problems[0].message).toContain('Geschlecht');
      const letters = await call(app.handlers, 'letters.list', { kind: 'weihnachtsgruss' });
      expect(letters.items.map((l) => [l.recipientName, l.contactId])).toEqual(
        expect.arrayContaining([
          ['Jördis Weißenfels', null],
          ['Tom Brandt', null],
        ]),
      );
      const brandt = letters.items.find((l) => l.recipientName === 'Tom Brandt')!;
      expect((await readLetter(brandt.file)).text.body).toContain('Herrn Bürgermeister\nTom Brandt\nRathausplatz 1\n46045 Oberhausen');
      expect((await readLetter(brandt.file)).text.body).toContain('Sehr geehrter Herr Bürgermeister,');
      expect((await call(app.handlers, 'app.info', {})).contactCount).toBe(contactsBefore);
    });
  });
});
