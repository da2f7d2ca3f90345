/**
 * Builds the shipped Word letter templates: one templates/<id>.docx for every entry of
 * templates/manifest.json. Run with `npm run build:templates`.
 *
 * Layout 'letter' follows DIN 5008 Form B (A4, letterhead 45 mm): address field and
 * information block are page-anchored frames (w:framePr) so that they stay put whatever the
 * body holds; fold and hole marks are page-anchored frames in the first-page header.
 * Layout 'plain' is text without letter layout (Nachruf for the newspaper).
 *
 * Placeholders are written as {{name}} in single runs so that the filling code finds them
 * intact in one <w:t>. Headers and footers hold office-scope placeholders only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FrameAnchorType,
  FrameWrap,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type IFrameOptions,
  type IParagraphOptions,
  type IParagraphStyleOptions,
} from 'docx';
import { templateManifestSchema, type TemplateManifestEntry } from '../core/api/schemas/letters';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATES_DIR = path.join(ROOT, 'templates');

/** Millimetres to twips (1 mm = 56.7 twips). */
const mm = (value: number): number => Math.round(value * 56.7);
/** Points to half-points (run sizes). */
const pt = (value: number): number => Math.round(value * 2);

const FONT = 'Arial';
const GREY = '505050';

const PAGE = { width: 11906, height: 16838 } as const; // A4 in twips
const TEXT_WIDTH = PAGE.width - mm(25) - mm(20);

/** DIN 5008 Form B geometry (mm from the page's top-left corner). */
const FORM_B = {
  marginTop: 27,
  marginBottom: 20,
  marginLeft: 25,
  marginRight: 20,
  header: 12,
  footer: 10,
  address: { x: 20, y: 45, width: 85, height: 45, remarkZone: 17.7, innerIndent: 5 },
  info: { x: 125, y: 50, width: 75 },
  letterhead: { x: 125, y: 13, width: 75 },
  subjectTop: 98.5,
  foldMarks: [105, 210],
  holeMark: 148.5,
} as const;

type Language = TemplateManifestEntry['language'];

interface LanguageTexts {
  locale: string;
  page: string;
  info: { label: string; value: string }[];
}

const TEXTS: Record<Language, LanguageTexts> = {
  de: {
    locale: 'de-DE',
    page: 'Seite',
    info: [
      { label: 'Ansprechpartner/in', value: 'ansprechpartner' },
      { label: 'Telefon', value: 'telefon' },
      { label: 'E-Mail', value: 'email' },
      { label: 'Datum', value: 'datum_numerisch' },
    ],
  },
  en: {
    locale: 'en-GB',
    page: 'Page',
    info: [
      { label: 'Contact', value: 'ansprechpartner' },
      { label: 'Telephone', value: 'telefon' },
      { label: 'E-mail', value: 'email' },
      { label: 'Date', value: 'datum' },
    ],
  },
  fr: {
    locale: 'fr-FR',
    page: 'Page',
    info: [
      { label: 'Interlocuteur', value: 'ansprechpartner' },
      { label: 'Téléphone', value: 'telefon' },
      { label: 'Courriel', value: 'email' },
      { label: 'Date', value: 'datum' },
    ],
  },
};

const ph = (name: string): string => `{{${name}}}`;

/** Paragraph styles the filling code may rely on (ids are stable). */
function paragraphStyles(): IParagraphStyleOptions[] {
  const base = { basedOn: 'Normal', quickFormat: true } as const;
  return [
    {
      id: 'Brieftext',
      name: 'Brieftext',
      ...base,
      next: 'Brieftext',
      run: { font: FONT, size: pt(11) },
      // One line (Arial 11 pt, single spacing ≈ 12.65 pt) after each paragraph.
      paragraph: { spacing: { before: 0, after: 253, line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'Betreff',
      name: 'Betreff',
      ...base,
      next: 'Normal',
      run: { font: FONT, size: pt(11), bold: true },
      paragraph: { keepNext: true },
    },
    {
      id: 'Absenderzeile',
      name: 'Rücksendeangabe',
      ...base,
      run: { font: FONT, size: pt(7) },
      paragraph: { spacing: { before: 0, after: 0, line: 180, lineRule: LineRuleType.EXACT } },
    },
    {
      id: 'Anschrift',
      name: 'Anschrift',
      ...base,
      run: { font: FONT, size: pt(11) },
      // 6 lines fill the 27.3 mm address zone.
      paragraph: { spacing: { before: 0, after: 0, line: 255, lineRule: LineRuleType.EXACT } },
    },
    {
      id: 'InfoBezeichnung',
      name: 'Informationsblock Bezeichnung',
      ...base,
      next: 'InfoWert',
      run: { font: FONT, size: pt(7.5), color: GREY },
      paragraph: { spacing: { before: 80, after: 0, line: 180, lineRule: LineRuleType.EXACT }, keepNext: true },
    },
    {
      id: 'InfoWert',
      name: 'Informationsblock Wert',
      ...base,
      next: 'InfoBezeichnung',
      run: { font: FONT, size: pt(10) },
      paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'Unterschrift',
      name: 'Unterschriftsblock',
      ...base,
      next: 'Unterschrift',
      run: { font: FONT, size: pt(11) },
      paragraph: { keepNext: true, keepLines: true },
    },
    {
      id: 'Kopfzeile',
      name: 'Kopf- und Fußzeile Brief',
      ...base,
      run: { font: FONT, size: pt(7.5), color: GREY },
      paragraph: { spacing: { before: 0, after: 0 } },
    },
    {
      id: 'Nachrufkopf',
      name: 'Überschrift Nachruf',
      ...base,
      next: 'Brieftext',
      run: { font: FONT, size: pt(14), bold: true },
      paragraph: { spacing: { before: 0, after: 360 }, keepNext: true },
    },
  ];
}

function pageFrame(x: number, y: number, width: number, height?: number): IFrameOptions {
  return {
    type: 'absolute',
    position: { x: mm(x), y: mm(y) },
    width: mm(width),
    ...(height === undefined ? {} : { height: mm(height), rule: HeightRule.EXACT }),
    anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
    wrap: FrameWrap.AROUND,
    space: { horizontal: 0, vertical: 0 },
  };
}

/** A short horizontal line (top border of an empty framed paragraph) at `top` mm. */
function markLine(top: number, width: number): Paragraph {
  return new Paragraph({
    frame: pageFrame(5, top, width, 1),
    border: { top: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 0 } },
    spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

/** An empty paragraph that takes no room (headers need one non-framed paragraph). */
function tinyParagraph(): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

function letterhead(): Paragraph[] {
  const frame = pageFrame(FORM_B.letterhead.x, FORM_B.letterhead.y, FORM_B.letterhead.width);
  const line = (options: IParagraphOptions): Paragraph => new Paragraph({ frame, ...options });
  return [
    line({
      spacing: { before: 0, after: 40 },
      children: [new TextRun({ text: ph('stadt'), font: FONT, size: pt(20), bold: true })],
    }),
    line({
      spacing: { before: 0, after: 0 },
      children: [new TextRun({ text: ph('dienststelle'), font: FONT, size: pt(11), bold: true })],
    }),
    line({
      spacing: { before: 0, after: 0 },
      children: [new TextRun({ text: ph('amt'), font: FONT, size: pt(10), color: GREY })],
    }),
  ];
}

function firstPageHeader(): Header {
  return new Header({
    children: [
      ...letterhead(),
      markLine(FORM_B.foldMarks[0], 5),
      markLine(FORM_B.holeMark, 8),
      markLine(FORM_B.foldMarks[1], 5),
      tinyParagraph(),
    ],
  });
}

function followingPageHeader(texts: LanguageTexts): Header {
  return new Header({
    children: [
      new Paragraph({
        style: 'Kopfzeile',
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          new TextRun(`${ph('stadt')} · ${ph('dienststelle')}`),
          new TextRun({ children: ['\t', `${texts.page} `, PageNumber.CURRENT] }),
        ],
      }),
    ],
  });
}

function letterFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'Kopfzeile',
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: 'A0A0A0', space: 4 } },
        children: [new TextRun(`${ph('hausanschrift')} · ${ph('internet')}`)],
      }),
    ],
  });
}

function addressField(): Paragraph[] {
  const a = FORM_B.address;
  const frame = pageFrame(a.x, a.y, a.width, a.height);
  const indent = { left: mm(a.innerIndent), right: 0 };
  const returnLineHeight = 180; // exact line of the Absenderzeile style
  return [
    new Paragraph({
      style: 'Absenderzeile',
      frame,
      indent,
      // The return address sits on the last line of the 17.7 mm remark zone. This spacing is the
      // free part of the zone: for an address of more than 6 lines the filling code shrinks it
      // line by line (core/documents/address-field.ts), so the address moves up, never out.
      spacing: { before: mm(a.remarkZone) - returnLineHeight },
      children: [new TextRun(ph('absenderzeile'))],
    }),
    new Paragraph({ style: 'Anschrift', frame, indent, children: [new TextRun(ph('anschrift'))] }),
  ];
}

function informationBlock(texts: LanguageTexts): Paragraph[] {
  const frame = pageFrame(FORM_B.info.x, FORM_B.info.y, FORM_B.info.width);
  return texts.info.flatMap(({ label, value }, index) => [
    new Paragraph({
      style: 'InfoBezeichnung',
      frame,
      ...(index === 0 ? { spacing: { before: 0 } } : {}),
      children: [new TextRun(label)],
    }),
    new Paragraph({ style: 'InfoWert', frame, children: [new TextRun(ph(value))] }),
  ]);
}

const empty = (style?: string): Paragraph => new Paragraph({ ...(style ? { style } : {}), children: [] });

function letterBody(texts: LanguageTexts): Paragraph[] {
  return [
    ...addressField(),
    ...informationBlock(texts),
    new Paragraph({
      style: 'Betreff',
      spacing: { before: mm(FORM_B.subjectTop - FORM_B.marginTop) },
      children: [new TextRun(ph('betreff'))],
    }),
    empty(),
    empty(),
    new Paragraph({ children: [new TextRun(ph('anrede'))] }),
    empty(),
    // Alone in its paragraph: the filling code replaces it by one paragraph per text paragraph.
    // Its spacing after (one line) is the blank line before the closing.
    // keepNext: the last body paragraph stays on the page of the closing (the filler drops it
    // from the copies made for the other paragraphs).
    new Paragraph({ style: 'Brieftext', widowControl: true, keepNext: true, children: [new TextRun(ph('brieftext'))] }),
    new Paragraph({ style: 'Unterschrift', children: [new TextRun(ph('grussformel'))] }),
    new Paragraph({ style: 'Unterschrift', children: [new TextRun(ph('vertretung'))] }),
    empty('Unterschrift'),
    empty('Unterschrift'),
    empty('Unterschrift'),
    new Paragraph({ style: 'Unterschrift', children: [new TextRun(ph('unterzeichner_name'))] }),
    new Paragraph({ children: [new TextRun(ph('unterzeichner_amt'))] }),
  ];
}

function plainBody(): Paragraph[] {
  return [
    new Paragraph({ style: 'Nachrufkopf', children: [new TextRun(ph('betreff'))] }),
    new Paragraph({ style: 'Brieftext', widowControl: true, children: [new TextRun(ph('brieftext'))] }),
    new Paragraph({ style: 'Unterschrift', children: [new TextRun(ph('unterzeichner_name'))] }),
    new Paragraph({ children: [new TextRun(ph('unterzeichner_amt'))] }),
  ];
}

function buildDocument(entry: TemplateManifestEntry): Document {
  const texts = TEXTS[entry.language];
  const letter = entry.layout === 'letter';
  const margin = letter
    ? {
        top: mm(FORM_B.marginTop),
        bottom: mm(FORM_B.marginBottom),
        left: mm(FORM_B.marginLeft),
        right: mm(FORM_B.marginRight),
        header: mm(FORM_B.header),
        footer: mm(FORM_B.footer),
      }
    : { top: mm(25), bottom: mm(20), left: mm(25), right: mm(20), header: mm(12), footer: mm(10) };

  return new Document({
    creator: 'Rathausbüro',
    lastModifiedBy: 'Rathausbüro',
    title: entry.name,
    description: entry.description,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: pt(11), language: { value: texts.locale } },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
      paragraphStyles: paragraphStyles(),
    },
    sections: [
      {
        properties: {
          titlePage: letter,
          page: { size: { width: PAGE.width, height: PAGE.height }, margin },
        },
        ...(letter
          ? {
              headers: { first: firstPageHeader(), default: followingPageHeader(texts) },
              footers: { first: letterFooter(), default: letterFooter() },
            }
          : {}),
        children: letter ? letterBody(texts) : plainBody(),
      },
    ],
  });
}

function writeAtomically(file: string, data: Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

function readManifest(): TemplateManifestEntry[] {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, 'manifest.json'), 'utf8'));
  return templateManifestSchema.parse(raw).templates;
}

async function main(): Promise<void> {
  const entries = readManifest();
  for (const entry of entries) {
    const buffer = await Packer.toBuffer(buildDocument(entry));
    writeAtomically(path.join(TEMPLATES_DIR, entry.file), new Uint8Array(buffer));
    console.log(`templates/${entry.file}`);
  }
  console.log(`${entries.length} Vorlagen geschrieben.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
