import { Document, Footer, Header, Packer, PageNumber, Paragraph, Tab, Textbox, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../api/errors';
import {
  addressFieldProblem,
  checkTemplate,
  compileTemplate,
  documentText,
  fillCombined,
  fillTemplate,
  TemplateError,
  type CompiledTemplate,
} from './docx-template';

// ---------------------------------------------------------------------------------------------
// Fixtures: built with the docx library, then edited like Word would have saved them.

const para = (text: string): Paragraph => new Paragraph({ children: [new TextRun(text)] });

interface FixtureOptions {
  body: Paragraph[];
  header?: string[];
  footer?: Paragraph[];
}

async function buildDocx({ body, header = ['{{stadt}}'], footer = [] }: FixtureOptions): Promise<Uint8Array> {
  const doc = new Document({
    styles: {
      paragraphStyles: [{ id: 'Brieftext', name: 'Brieftext', run: { size: 22 }, paragraph: { spacing: { after: 120 } } }],
    },
    sections: [
      {
        properties: { titlePage: true },
        headers: {
          first: new Header({ children: header.map(para) }),
          default: new Header({ children: [para('{{stadt}}')] }),
        },
        footers: { default: new Footer({ children: footer }) },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Rewrites one XML part of a .docx. */
function editPart(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const before = strFromU8(files[part]);
  const after = edit(before);
  expect(after, `edit of ${part} changed nothing`).not.toBe(before);
  files[part] = strToU8(after);
  return zipSync(files);
}

function xmlOf(bytes: Uint8Array, part = 'word/document.xml'): string {
  return strFromU8(unzipSync(bytes)[part]);
}

function allXml(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  return Object.keys(files)
    .filter((name) => name.endsWith('.xml') || name.endsWith('.rels'))
    .map((name) => strFromU8(files[name]))
    .join('\n');
}

function errorOf(action: () => unknown): TemplateError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return error as TemplateError;
  }
  throw new Error('expected a TemplateError');
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** A letter template: text box with sender line and address, subject, salutation, body, closing. */
async function letterTemplate(): Promise<Uint8Array> {
  const bytes = await buildDocx({
    header: ['{{stadt}}', '{{dienststelle}}'],
    footer: [
      new Paragraph({ children: [new TextRun('{{internet}}'), new TextRun({ children: [new Tab()] }), new TextRun('Seite '), new TextRun({ children: [PageNumber.CURRENT] })] }),
    ],
    body: [
      new Paragraph({
        children: [
          new Textbox({
            children: [para('{{absenderzeile}}'), para('{{anschrift}}')],
            style: { width: '3in', height: '1.5in' },
          }),
        ],
      }),
      para('{{datum}}'),
      para('{{betreff}}'),
      new Paragraph({ children: [new TextRun({ text: '{{anrede}}', bold: true })] }),
      new Paragraph({ style: 'Brieftext', children: [new TextRun({ text: '{{brieftext}}', size: 24 })] }),
      para('{{grussformel}}'),
      para('{{vertretung}}'),
      para('{{unterzeichner_name}}'),
    ],
  });
  return editPart(bytes, 'word/document.xml', (xml) =>
    xml
      // The subject split over three runs with different formatting, a proofErr and a bookmark
      // in between, and literal text after it — as Word saves it.
      .replace(
        '<w:p><w:r><w:t xml:space="preserve">{{betreff}}</w:t></w:r></w:p>',
        '<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:r w:rsidRPr="00D4E5F6"><w:t>{{be</w:t></w:r>' +
          '<w:proofErr w:type="spellStart"/><w:r w:rsidR="00112233"><w:rPr><w:b/></w:rPr><w:t>tr</w:t></w:r>' +
          '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>' +
          '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">eff}} zum &amp; Fest</w:t></w:r><w:proofErr w:type="spellEnd"/></w:p>',
      )
      // The address inside the text box (a nested paragraph) split over two runs.
      .replace(
        '<w:t xml:space="preserve">{{anschrift}}</w:t></w:r>',
        '<w:t>{{ansch</w:t></w:r><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>rift }}</w:t></w:r>',
      ),
  );
}

const OFFICE = {
  stadt: 'Stadt Duisburg',
  dienststelle: 'Der Oberbürgermeister',
  internet: 'www.duisburg.de',
  absenderzeile: 'Stadt Duisburg · Der Oberbürgermeister · 47049 Duisburg',
};

function letter(name: string, street = 'Königstraße 1'): Record<string, string> {
  return {
    ...OFFICE,
    anschrift: `Frau\n${name}\n${street}\n47051 Duisburg`,
    datum: '27. November 2026',
    betreff: 'Ihr 90. Geburtstag',
    anrede: 'Sehr geehrte Jubilarin,',
    brieftext: 'zu Ihrem Geburtstag gratuliere ich Ihnen herzlich.\nAlles Gute!\n\n' + 'Groß & Klein <feiern> mit.\n\n' + 'Bleiben Sie gesund.',
    grussformel: ' Mit freundlichen Grüßen ',
    vertretung: '',
    unterzeichner_name: 'Dr. Petra Hovestadt',
  };
}

// ---------------------------------------------------------------------------------------------

describe('checkTemplate', () => {
  it('accepts a valid template and lists its placeholders, including split ones', async () => {
    const result = checkTemplate(await letterTemplate(), 'Geburtstag');
    expect(result.problems).toEqual([]);
    expect(result.placeholders).toEqual([
      'absenderzeile',
      'anrede',
      'anschrift',
      'betreff',
      'brieftext',
      'datum',
      'dienststelle',
      'grussformel',
      'internet',
      'stadt',
      'unterzeichner_name',
      'vertretung',
    ]);
  });

  it('finds unknown, split and misplaced placeholders with exact German messages', async () => {
    let bytes = await buildDocx({
      header: ['{{stadt}} {{anschrift}}'],
      body: [
        para('Hallo {{anrde}}'),
        para('Sehr geehrte {{anre'),
        para('de}}, willkommen'),
        para('Wie besprochen {{brieftext}}'),
        para('TEXTBOX'),
      ],
    });
    // An unknown placeholder split over runs inside a text box paragraph (nested paragraph).
    bytes = editPart(bytes, 'word/document.xml', (xml) =>
      xml.replace(
        '<w:p><w:r><w:t xml:space="preserve">TEXTBOX</w:t></w:r></w:p>',
        '<w:p><w:r><w:t>Vor</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>' +
          '<w:p><w:r><w:t>{{gru</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>ss}}</w:t></w:r></w:p>' +
          '</w:txbxContent></v:textbox></v:shape></w:pict></w:r><w:r><w:t xml:space="preserve"> nach</w:t></w:r></w:p>',
      ),
    );
    const result = checkTemplate(bytes, 'Geburtstag');
    expect(result.problems).toEqual([
      'Die Vorlage „Geburtstag“ enthält den unbekannten Platzhalter {{anrde}} (Haupttext).',
      'Die Vorlage „Geburtstag“ enthält einen unvollständigen oder getrennten Platzhalter: „{{anre“ (Haupttext, Absatz „Sehr geehrte {{anre…“).',
      'Die Vorlage „Geburtstag“ enthält einen unvollständigen oder getrennten Platzhalter: „de}}“ (Haupttext, Absatz „de}}…“).',
      'Die Vorlage „Geburtstag“ enthält den Platzhalter {{brieftext}} zusammen mit anderem Text (Haupttext, Absatz „Wie besprochen {{brieftext}}“). Der Platzhalter {{brieftext}} muss allein in einem eigenen Absatz stehen.',
      'Die Vorlage „Geburtstag“ enthält den unbekannten Platzhalter {{gruss}} (Haupttext).',
      'Die Vorlage „Geburtstag“ enthält den Platzhalter {{anschrift}} in der Kopfzeile. Der Platzhalter {{anschrift}} darf nicht in der Kopf- oder Fußzeile stehen.',
    ]);
    expect(result.placeholders).toEqual(['anschrift', 'brieftext', 'stadt']);

    const error = errorOf(() => compileTemplate(bytes, 'Geburtstag'));
    expect(error.code).toBe('TEMPLATE_INVALID');
    expect(error.message).toBe(result.problems.join('\n'));
  });

  it('reports a placeholder in a footer and in footnotes', async () => {
    let bytes = await buildDocx({ body: [para('{{anrede}}')], footer: [para('{{datum}} {{internet}}')] });
    bytes = editPart(bytes, 'word/footnotes.xml', (xml) =>
      xml.replace('</w:footnotes>', '<w:footnote w:id="1"><w:p><w:r><w:t>{{betreff}}</w:t></w:r></w:p></w:footnote></w:footnotes>'),
    );
    expect(checkTemplate(bytes, 'Jubiläum').problems).toEqual([
      'Die Vorlage „Jubiläum“ enthält den Platzhalter {{datum}} in der Fußzeile. Der Platzhalter {{datum}} darf nicht in der Kopf- oder Fußzeile stehen.',
      'Die Vorlage „Jubiläum“ enthält den Platzhalter {{betreff}} in den Fußnoten. Dort werden Platzhalter nicht ausgefüllt; bitte in den Haupttext verschieben.',
    ]);
  });

  it('says when a file is not a Word document', () => {
    const expected = 'Die Vorlage „Geburtstag“ ist keine Word-Datei (.docx).';
    expect(checkTemplate(strToU8('Das ist kein Zip-Archiv'), 'Geburtstag')).toEqual({ placeholders: [], problems: [expected] });
    const zipWithoutDocument = zipSync({ 'word/other.xml': strToU8('<x/>') });
    expect(checkTemplate(zipWithoutDocument, 'Geburtstag').problems).toEqual([expected]);
    expect(errorOf(() => compileTemplate(zipWithoutDocument, 'Geburtstag')).message).toBe(expected);
  });
});

describe('fillTemplate', () => {
  let template: CompiledTemplate;
  beforeAll(async () => {
    template = compileTemplate(await letterTemplate(), 'Geburtstag');
  });

  it('fills all parts, keeps umlauts and ß, escapes XML and leaves no {{', () => {
    const output = fillTemplate(template, letter('Erika Müller'));
    const text = documentText(output);
    expect(text.body.split('\n')).toEqual([
      '', // the paragraph holding the text box
      'Stadt Duisburg · Der Oberbürgermeister · 47049 Duisburg',
      'Frau',
      'Erika Müller',
      'Königstraße 1',
      '47051 Duisburg',
      '27. November 2026',
      'Ihr 90. Geburtstag zum & Fest',
      'Sehr geehrte Jubilarin,',
      'zu Ihrem Geburtstag gratuliere ich Ihnen herzlich.',
      'Alles Gute!',
      'Groß & Klein <feiern> mit.',
      'Bleiben Sie gesund.',
      ' Mit freundlichen Grüßen ',
      '',
      'Dr. Petra Hovestadt',
    ]);
    expect(text.headers).toContain('Stadt Duisburg\nDer Oberbürgermeister');
    expect(text.headers).toContain('Stadt Duisburg');
    expect(text.footers).toEqual(['www.duisburg.de\tSeite ']);

    const xml = xmlOf(output);
    expect(xml).toContain('Groß &amp; Klein &lt;feiern&gt; mit.');
    expect(xml).not.toMatch(/Groß & |<feiern>/);
    expect(xml).toContain('<w:t xml:space="preserve"> Mit freundlichen Grüßen </w:t>');
    expect(allXml(output)).not.toContain('{{');
    expect(allXml(output)).not.toContain('}}');
    expect(Object.keys(unzipSync(output))[0]).toBe('[Content_Types].xml');
  });

  it('normalises split runs: the value goes into the first run, the other runs stay (emptied)', () => {
    const xml = xmlOf(fillTemplate(template, letter('Erika Müller')));
    expect(xml).toContain(
      '<w:r w:rsidRPr="00D4E5F6"><w:t xml:space="preserve">Ihr 90. Geburtstag</w:t></w:r>' +
        '<w:proofErr w:type="spellStart"/><w:r w:rsidR="00112233"><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"></w:t></w:r>' +
        '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>' +
        '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> zum &amp; Fest</w:t></w:r>',
    );
    // The address in the nested text-box paragraph: line breaks in the run of the placeholder.
    expect(xml).toContain(
      '<w:t xml:space="preserve">Frau</w:t><w:br/><w:t xml:space="preserve">Erika Müller</w:t><w:br/>' +
        '<w:t xml:space="preserve">Königstraße 1</w:t><w:br/><w:t xml:space="preserve">47051 Duisburg</w:t></w:r>' +
        '<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"></w:t></w:r>',
    );
  });

  it('turns the block value into paragraphs with the original pPr and rPr', () => {
    const xml = xmlOf(fillTemplate(template, letter('Erika Müller')));
    const paragraphs = xml.match(/<w:p>(?:(?!<w:p>).)*?Brieftext.*?<\/w:p>/g) ?? [];
    expect(paragraphs).toHaveLength(3);
    for (const paragraph of paragraphs) {
      expect(paragraph).toMatch(/^<w:p><w:pPr><w:pStyle w:val="Brieftext"\/><\/w:pPr><w:r><w:rPr><w:sz w:val="24"\/><w:szCs w:val="24"\/><\/w:rPr><w:t xml:space="preserve">/);
    }
    expect(paragraphs[0]).toContain('herzlich.</w:t><w:br/><w:t xml:space="preserve">Alles Gute!');
    expect(paragraphs[1]).toContain('Groß &amp; Klein');
    expect(paragraphs[2]).toContain('Bleiben Sie gesund.');
  });

  it('gives one empty paragraph for an empty block value', () => {
    const output = fillTemplate(template, { ...letter('Erika Müller'), brieftext: '' });
    expect(count(xmlOf(output), '<w:pStyle w:val="Brieftext"/>')).toBe(1);
    expect(documentText(output).body).toContain('Sehr geehrte Jubilarin,\n\n Mit freundlichen Grüßen ');
  });

  it('requires a value for every placeholder (an empty string is fine)', () => {
    const values: Record<string, string> = letter('Erika Müller');
    delete values.datum;
    expect(errorOf(() => fillTemplate(template, values)).message).toBe(
      'Für den Platzhalter {{datum}} der Vorlage „Geburtstag“ fehlt ein Wert.',
    );
    expect(() => fillTemplate(template, { ...letter('Erika Müller'), vertretung: '' })).not.toThrow();
  });

  it('fills both copies of a Word text box (mc:Choice and mc:Fallback); documentText shows it once', async () => {
    const box = (inner: string): string =>
      `<w:txbxContent><w:p><w:pPr><w:pStyle w:val="Anschrift"/></w:pPr><w:r><w:t>{{an</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>schrift}}</w:t></w:r>${inner}</w:p></w:txbxContent>`;
    const bytes = editPart(await buildDocx({ body: [para('BOX'), para('{{anrede}}')] }), 'word/document.xml', (xml) =>
      xml.replace(
        '<w:p><w:r><w:t xml:space="preserve">BOX</w:t></w:r></w:p>',
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="3" name="Textfeld 1"/>' +
          `<a:graphic><a:graphicData><wps:wsp><wps:txbx>${box('')}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
          `<mc:Fallback><w:pict><v:shape><v:textbox>${box('')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
      ),
    );
    const compiled = compileTemplate(bytes, 'Textfeld');
    expect([...compiled.placeholders].sort()).toEqual(['anrede', 'anschrift', 'stadt']);
    const values = { stadt: 'Stadt Duisburg', anrede: 'Guten Tag,', anschrift: 'Herrn\nJürgen Groß' };
    const output = fillTemplate(compiled, values);
    const xml = xmlOf(output);
    expect(count(xml, '<w:t xml:space="preserve">Herrn</w:t><w:br/><w:t xml:space="preserve">Jürgen Groß</w:t>')).toBe(2);
    expect(documentText(output).body).toBe('\nHerrn\nJürgen Groß\nGuten Tag,');

    // In a combined document the drawing ids differ per letter.
    const combined = xmlOf(fillCombined(compiled, [values, values, values]));
    expect([...combined.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1])).toEqual(['3', '7', '11']);
  });

  it('keeps a compiled template reusable (no state between fills)', () => {
    const first = documentText(fillTemplate(template, letter('Erika Müller'))).body;
    documentText(fillTemplate(template, letter('Hans Groß')));
    expect(documentText(fillTemplate(template, letter('Erika Müller'))).body).toBe(first);
  });
});

describe('fillCombined', () => {
  let template: CompiledTemplate;
  beforeAll(async () => {
    template = compileTemplate(await letterTemplate(), 'Geburtstag');
  });

  it('puts one letter per section, restarts page numbers and keeps the letterhead', () => {
    const names = ['Erika Müller', 'Hans Groß', 'Änne Weiß'];
    const output = fillCombined(template, names.map((name) => letter(name)));
    const xml = xmlOf(output);
    expect(count(xml, '<w:sectPr')).toBe(3);
    expect(count(xml, '<w:pgNumType w:start="1"/>')).toBe(3);
    expect(count(xml, '<w:titlePg/>')).toBe(3);
    expect(count(xml, 'w:type="first"')).toBe(3);
    // The body ends with the template's own final sectPr.
    expect(xml).toMatch(/<w:sectPr>(?:(?!<w:sectPr).)*<\/w:sectPr><\/w:body><\/w:document>$/);

    const body = documentText(output).body;
    const positions = names.map((name) => body.indexOf(name));
    for (const [index, name] of names.entries()) {
      expect(count(body, name)).toBe(1);
      expect(positions[index]).toBeGreaterThanOrEqual(0);
    }
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(count(body, 'Bleiben Sie gesund.')).toBe(3);

    // Bookmark ids stay unique across letters.
    const ids = [...xml.matchAll(/<w:bookmarkStart w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(3);
    expect(allXml(output)).not.toContain('{{');
  });

  it('fills the shared header from the first letter and accepts a single letter', () => {
    const output = fillCombined(template, [{ ...letter('Erika Müller'), stadt: 'Stadt Moers' }, letter('Hans Groß')]);
    expect(documentText(output).headers).toContain('Stadt Moers\nDer Oberbürgermeister');
    const single = fillCombined(template, [letter('Erika Müller')]);
    expect(count(xmlOf(single), '<w:sectPr')).toBe(1);
  });

  it('rejects an empty list and names the letter with a missing value', () => {
    expect(errorOf(() => fillCombined(template, [])).message).toBe(
      'Für die Vorlage „Geburtstag“ wurde kein Brief zum Zusammenfassen übergeben.',
    );
    const incomplete: Record<string, string> = letter('Hans Groß');
    delete incomplete.anrede;
    expect(errorOf(() => fillCombined(template, [letter('Erika Müller'), incomplete])).message).toBe(
      'Für den Platzhalter {{anrede}} der Vorlage „Geburtstag“ fehlt ein Wert (Brief 2).',
    );
  });

  it('refuses an address that cannot fit the address field, naming the letter (a text box gets DIN 5008’s 9 lines)', () => {
    const tenLines = { ...letter('Hans Groß'), anschrift: Array.from({ length: 10 }, (_, i) => `Zeile ${i + 1}`).join('\n') };
    expect(addressFieldProblem(template, letter('Erika Müller'))).toBeNull();
    expect(addressFieldProblem(template, tenLines)).toContain('sie braucht 10 Zeilen, Platz ist für höchstens 9.');
    for (const fill of [() => fillTemplate(template, tenLines), () => fillCombined(template, [letter('Erika Müller'), tenLines])]) {
      let error: unknown = null;
      try {
        fill();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('INVALID_INPUT');
      expect((error as AppError).message).toMatch(/^(Brief 2: )?Die Anschrift passt nicht in das Anschriftfeld der Vorlage „Geburtstag“/);
    }
  });

  it('adds a separate section-break paragraph when the body does not end with a paragraph', async () => {
    const bytes = editPart(await buildDocx({ body: [para('{{anrede}}')] }), 'word/document.xml', (xml) =>
      xml.replace('<w:sectPr>', '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Zelle</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:sectPr>'),
    );
    const compiled = compileTemplate(bytes, 'Tabelle');
    const xml = xmlOf(fillCombined(compiled, [{ ...OFFICE, anrede: 'Eins' }, { ...OFFICE, anrede: 'Zwei' }]));
    expect(count(xml, '</w:tbl><w:p><w:pPr><w:sectPr>')).toBe(1);
    expect(count(xml, '<w:sectPr')).toBe(2);
    expect(documentText(fillTemplate(compiled, { ...OFFICE, anrede: 'Eins' })).body).toBe('Eins\nZelle');
  });
});
