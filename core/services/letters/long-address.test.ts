/**
 * Long addresses (DOMAIN.md D): the address field's 9 lines are shared — beyond 6 address lines
 * the dividing line moves up into the free part of the remark zone — and an address that cannot
 * fit is refused before anything is written, naming the lines to shorten: in a single letter,
 * its preview, a mail merge (the others still succeed), and in the staff's own template copies,
 * whose address field is read from their structure. (long-address-render.test.ts renders them.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, type LetterDraft, type MergeStatus } from '../../api';
import { documentText } from '../../documents/docx-template';
import { createTempApp, TEMPLATES_DIR } from '../../../tests/support/temp-app';
import { attributes, openDocx, paragraphs, paragraphWith, rewritePart } from '../../../tests/support/docx-layout';

let app: ReturnType<typeof createTempApp>;
let signerId: number;
let returnLine: string;
beforeEach(async () => {
  app = createTempApp();
  await call(app.handlers, 'demo.load', {});
  signerId = (await call(app.handlers, 'signers.list', {})).find((s) => !s.deputy)!.id;
  returnLine = (await call(app.handlers, 'letters.prepare', draft(['Frau', 'Anna Beispiel', 'Burgplatz 1', '47051 Duisburg']))).values.absenderzeile;
});
afterEach(() => app.cleanup());

const LINES = [
  'Frau',
  'Dr. Erika Langenbeck-Hoffmann',
  'Vorsitzende des Heimatvereins',
  'Rheinhausen-Hochemmerich e. V.',
  'Geschäftsstelle im Bürgerhaus',
  'z. Hd. Frau Annegret Wiesemann',
  'Hinterhaus, 2. Obergeschoss',
  'Eingang über den Hof',
  'Krefelder Straße 221',
  '47226 Duisburg',
];
/** n lines: the first n − 2, then street and town. */
const address = (n: number) => [...LINES.slice(0, n - 2), ...LINES.slice(-2)];

function draft(lines: string[], templateId = 'geburtstag'): LetterDraft {
  return {
    templateId,
    recipient: { type: 'free', name: lines[1], lines, salutation: 'Sehr geehrte Frau Dr. Langenbeck-Hoffmann' },
    signerId,
    date: '2026-11-27',
    fields: { alter: 90, anlassDatum: '2026-12-03' },
  };
}

const bytesOf = (file: string) => new Uint8Array(fs.readFileSync(path.join(app.dataDir, file)));
/** The spacing before the return address, the first paragraph of the address field (twips). */
const returnSpacing = (bytes: Uint8Array): number => {
  const paragraph = paragraphWith(openDocx(bytes).document, returnLine);
  const spacing = /<w:spacing\b[^>]*>/.exec(paragraph);
  return Number(attributes(spacing?.[0] ?? '')['w:before']);
};
const briefeFiles = () => {
  const dir = path.join(app.dataDir, 'Briefe');
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String) : [];
};
const errorOf = async (method: 'letters.create' | 'letters.preview', input: LetterDraft) => {
  const result = await dispatch(app.handlers, method, input);
  expect(result.ok, `${method} should refuse`).toBe(false);
  return result.ok ? null : result.error;
};

describe('long addresses in a single letter', () => {
  it('moves the dividing line up one address line for each line beyond six, up to nine', async () => {
    const spacings: number[] = [];
    for (const n of [4, 6, 7, 8, 9]) {
      const letter = await call(app.handlers, 'letters.create', draft(address(n)));
      const bytes = bytesOf(letter.file);
      expect(documentText(bytes).body).toContain(address(n).join('\n'));
      spacings.push(returnSpacing(bytes));
    }
    // 17.7 mm zone = 1004 twips, less the 9 pt return line (180); address lines of 12.75 pt (255).
    expect(spacings).toEqual([824, 824, 569, 314, 59]);
  });

  it('refuses a 10-line address before anything is written, naming the line to shorten; the preview too', async () => {
    const lines = address(10);
    const message =
      'Die Anschrift passt nicht in das Anschriftfeld der Vorlage „Glückwunsch zum Geburtstag“: sie braucht 10 Zeilen, Platz ist für höchstens 9. ' +
      'Bitte eine Zeile einsparen – kürzen oder weglassen: Zeile 3 „Vorsitzende des Heimatvereins“.';
    const prepared = await call(app.handlers, 'letters.prepare', draft(lines));
    expect(prepared.warnings).toContain(message);
    const created = await errorOf('letters.create', draft(lines));
    expect(created).toMatchObject({ code: 'INVALID_INPUT' });
    expect(created?.message).toContain(message);
    expect((await errorOf('letters.preview', draft(lines)))?.message).toContain(message);
    expect(briefeFiles()).toEqual([]);
    expect((await call(app.handlers, 'letters.list', {})).total).toBe(0);
  });

  it('refuses a too-wide address: lines that wrap count twice and are named', async () => {
    const lines = [
      'Frau',
      'Dr. Erika Langenbeck-Hoffmann',
      'Vorsitzende des Heimat- und Bürgervereins Rheinhausen-Hochemmerich e. V.',
      'Geschäftsstelle im Bürgerhaus Hochemmerich, Erdgeschoss links, Zimmer 4',
      'z. Hd. Frau Annegret Wiesemann',
      'Hinterhaus, 2. Obergeschoss',
      'Krefelder Straße 221',
      '47226 Duisburg',
    ];
    const created = await errorOf('letters.create', draft(lines));
    expect(created?.message).toContain('sie braucht mit Zeilenumbrüchen 10 Zeilen, Platz ist für höchstens 9.');
    expect(created?.message).toContain('Zeile 3 „Vorsitzende des Heimat- und Bürgervereins …“ (bricht auf 2 Zeilen um)');
    expect(created?.message).toContain('Zeile 4 „Geschäftsstelle im Bürgerhaus Hochemmerich, …“ (bricht auf 2 Zeilen um)');
    expect(briefeFiles()).toEqual([]);
    expect((await call(app.handlers, 'letters.list', {})).total).toBe(0);
  });

  it('takes the same limits in every shipped letter template', async () => {
    for (const template of (await call(app.handlers, 'templates.list', {})).filter((t) => t.layout === 'letter')) {
      const nine = await call(app.handlers, 'letters.prepare', draft(address(9), template.id));
      expect(nine.warnings.join(' '), template.id).not.toContain('Anschriftfeld');
      const ten = await call(app.handlers, 'letters.prepare', draft(address(10), template.id));
      expect(ten.warnings.join(' '), template.id).toContain(`Anschriftfeld der Vorlage „${template.name}“: sie braucht 10 Zeilen, Platz ist für höchstens 9.`);
    }
  });
});

describe('long addresses in a mail merge', () => {
  const waitFor = async (jobId: string): Promise<MergeStatus> => {
    for (let i = 0; i < 400; i++) {
      const status = await call(app.handlers, 'letters.merge.status', { jobId });
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('merge did not finish');
  };

  it('leaves out the recipient whose address cannot fit, naming the lines; the others get their letters', async () => {
    const person = (over: Record<string, unknown>) =>
      call(app.handlers, 'contacts.create', {
        kind: 'person',
        gender: 'female',
        givenName: 'Erna',
        surname: 'Groß-Müller',
        street: 'Königstraße',
        houseNumber: '5',
        postcode: '47051',
        city: 'Duisburg',
        tags: ['Langtest'],
        ...over,
      });
    const short = await person({});
    const org = await call(app.handlers, 'contacts.create', { kind: 'organisation', name: 'Förderverein der Freiwilligen Feuerwehr Duisburg-Homberg-Ruhrort-Baerl e. V.' });
    const long = await person({
      givenName: 'Waltraud',
      surname: 'Schimmelpfennig-Oberhausen',
      roleKey: 'vorsitz_verein',
      roleDetail: 'des Fördervereins der Freiwilligen Feuerwehr Duisburg-Homberg-Ruhrort-Baerl e. V.',
      organisationId: org.id,
      addressAddition: 'Geschäftsstelle im Gerätehaus der Löschgruppe Baerl, Hintereingang über den Hof, 1. Obergeschoss',
    });
    const started = await call(app.handlers, 'letters.merge.start', {
      templateId: 'weihnachtsgruss',
      recipients: { type: 'tag', tag: 'Langtest' },
      signerId,
      date: '2026-12-10',
      output: 'files',
    });
    const done = await waitFor(started.jobId);
    expect(done.state).toBe('done');
    expect(done.letterIds).toHaveLength(1);
    expect(done.problems).toHaveLength(1);
    expect(done.problems[0]).toMatchObject({ contactId: long.id, name: 'Waltraud Schimmelpfennig-Oberhausen' });
    expect(done.problems[0].message).toMatch(/^Die Anschrift passt nicht in das Anschriftfeld der Vorlage „Weihnachts- und Neujahrsgruß“: sie braucht mit Zeilenumbrüchen \d+ Zeilen, Platz ist für höchstens 9\./);
    expect(done.problems[0].message).toContain('(bricht auf');
    const list = await call(app.handlers, 'letters.list', { kind: 'weihnachtsgruss' });
    expect(list.items.map((l) => l.contactId)).toEqual([short.id]);
  });
});

describe('long addresses in the staff’s own template copies', () => {
  const shipped = () => new Uint8Array(fs.readFileSync(path.join(TEMPLATES_DIR, 'geburtstag.docx')));
  const importCopy = async (bytes: Uint8Array) => {
    const info = await call(app.handlers, 'templates.import', { id: 'geburtstag', fileName: 'Geburtstag.docx', contentBase64: Buffer.from(bytes).toString('base64') });
    expect(info.source).toBe('user');
  };
  /** The return address paragraph, found by its placeholder. */
  const returnParagraph = (xml: string) => paragraphWith(xml, '{{absenderzeile}}');

  it('finds the field of a copy with a two-line return address: 8 address lines fit, 9 are refused', async () => {
    await importCopy(
      rewritePart(shipped(), 'word/document.xml', (xml) => {
        const paragraph = returnParagraph(xml);
        return xml.replace(paragraph, paragraph.replace('{{absenderzeile}}</w:t>', '{{absenderzeile}}</w:t><w:br/><w:t>Postfach 10 19 61 · 47019 Duisburg</w:t>'));
      }),
    );
    const letter = await call(app.handlers, 'letters.create', draft(address(8)));
    expect(documentText(bytesOf(letter.file)).body).toContain(`${returnLine}\nPostfach 10 19 61 · 47019 Duisburg\n${address(8).join('\n')}`);
    expect(returnSpacing(bytesOf(letter.file))).toBe(59);
    const refused = await errorOf('letters.create', draft(address(9)));
    expect(refused?.message).toContain('Anschriftfeld der Vorlage „Glückwunsch zum Geburtstag (eigene Fassung)“: sie braucht 9 Zeilen, Platz ist für höchstens 8.');
  });

  it('reads the frame height and the address style of a copy: a 40 mm field, or smaller type that holds more lines', async () => {
    await importCopy(rewritePart(shipped(), 'word/document.xml', (xml) => xml.replaceAll('w:h="2552"', 'w:h="2268"')));
    expect((await errorOf('letters.create', draft(address(9))))?.message).toContain('sie braucht 9 Zeilen, Platz ist für höchstens 8.');

    // The Anschrift style at 10 pt on exact 11.5 pt lines, the frame as shipped.
    await importCopy(
      rewritePart(shipped(), 'word/styles.xml', (xml) =>
        xml.replace(/(<w:style [^>]*w:styleId="Anschrift"[\s\S]*?<\/w:style>)/, (style) =>
          style.replace('w:line="255"', 'w:line="230"').replaceAll('w:val="22"', 'w:val="20"'),
        ),
      ),
    );
    const ten = await call(app.handlers, 'letters.create', draft(address(10)));
    expect(documentText(bytesOf(ten.file)).body).toContain(address(10).join('\n'));
    // 1004 − 180 − 230 × 10 leaves no room above: the return address moves to the top of the field.
    expect(returnSpacing(bytesOf(ten.file))).toBe(0);
  });

  it('gives way in a copy whose first paragraph takes its spacing from the style, not from its own properties', async () => {
    await importCopy(
      rewritePart(shipped(), 'word/document.xml', (xml) => {
        const paragraph = returnParagraph(xml);
        return xml.replace(paragraph, paragraph.replace(/<w:spacing w:before="\d+"\/>/, ''));
      }),
    );
    await importCopy(
      rewritePart(fs.readFileSync(path.join(app.dataDir, 'Vorlagen', 'geburtstag.docx')), 'word/styles.xml', (xml) =>
        xml.replace(/(<w:style [^>]*w:styleId="Absenderzeile"[\s\S]*?<\/w:style>)/, (style) => style.replace('w:before="0"', 'w:before="824"')),
      ),
    );
    const six = await call(app.handlers, 'letters.create', draft(address(6)));
    expect(returnSpacing(bytesOf(six.file))).toBe(824);
    const nine = await call(app.handlers, 'letters.create', draft(address(9)));
    expect(returnSpacing(bytesOf(nine.file))).toBe(59);
    expect(paragraphs(openDocx(bytesOf(nine.file)).document).length).toBeGreaterThan(5);
  });
});
