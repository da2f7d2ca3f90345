/**
 * The Word documents of a speech, built from its SpeechBody:
 * - the manuscript for speaking: a cover sheet, then the text large and in 1.5 line spacing with
 *   a wide right margin for handwritten notes, stage notes and pause marks printed;
 * - the written Grußwort for a programme booklet or Festschrift: one page with a photo
 *   placeholder, the text without stage notes and pauses, and the signature block. The font size
 *   steps down until the docx layout engine lays the page out as one page.
 * Both documents turn the body into paragraphs with the same function (speechParagraphs).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  HeightRule,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { estimatePageNumbers, layoutDocument } from 'docx/layout';
import { HEADER_FOOTER_STYLES, pageNumberFooter, runningHeader, THIN_RULE } from './page-furniture';
import { PAUSE_MARK, countWords, spokenText, type SpeechBlock, type SpeechBody, type SpeechInline } from '../api/speech-body';

export interface SpeechDocumentInput {
  /** "Stadt Duisburg · Amt für Kommunikation"; the part before the first „·“ is the city. */
  office: string;
  /** "Grußwort zum Hafenfest 2027" */
  title: string;
  /** "Grußwort (gesprochen)" */
  kindLabel: string;
  /** The appointment's title: "Hafenfest Ruhrort". */
  occasion: string | null;
  /** Formatted German: "Samstag, 19. Juni 2027, 15:00 Uhr". */
  date: string | null;
  place: string | null;
  /** "Dr. Petra Hovestadt" */
  speakerName: string | null;
  /** "Oberbürgermeisterin" */
  speakerOffice: string | null;
  /** Formatted: "ca. 6:30 Min. (715 Wörter; Vorgabe 5 Min.)". */
  speakingTime: string;
  /** "Entwurf" */
  statusLabel: string;
  /** "Version 3 vom 27.11.2026, 10:42 Uhr" */
  version: string | null;
  body: SpeechBody;
}

const FONT = 'Arial';
const GREY = '6E6E6E';
const RULE = 'A6A6A6';
/** Millimetres to twips (as in scripts/build-templates.ts). */
const mm = (value: number): number => Math.round(value * 56.7);
/** Points to half-points (run sizes). */
const pt = (value: number): number => Math.round(value * 2);
/** Points to twips (spacing). */
const twips = (points: number): number => Math.round(points * 20);
const A4 = { width: 11906, height: 16838 } as const;

// --- The body as paragraphs -------------------------------------------------------------------

/** How speechParagraphs sets the text. */
interface TextStyle {
  /** Body text size in points. */
  size: number;
  /** Line spacing in 240ths of a line: 360 = 1.5 lines, 276 = 1.15 lines. */
  line: number;
  /** Space after a paragraph, in points. */
  after: number;
  /**
   * Manuscript: stage notes in [brackets] and pause marks are printed, empty paragraphs kept.
   * Written text: both left out, and paragraphs left empty dropped.
   */
  forSpeaking: boolean;
}

/** A heading is this many points larger than the body text, by level. */
const HEADING_STEP = { 1: 4, 2: 2, 3: 1 } as const;
const HEADING_LEVEL = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
/** Stage notes are set smaller than the spoken text. */
const STAGE_NOTE_SIZE = 12;

type Piece = { text: string; bold?: boolean; italic?: boolean; underline?: boolean; stageNote?: boolean } | { lineBreak: true };

const hasMark = (node: SpeechInline, mark: string): boolean => node.type === 'text' && (node.marks ?? []).some((m) => m.type === mark);
const isText = (piece: Piece | undefined): piece is Extract<Piece, { text: string }> => piece !== undefined && 'text' in piece;

/**
 * The inline content of a block as pieces of formatted text. Neighbouring stage-note nodes share
 * one pair of brackets; spaces are collapsed across pieces as they are in the plain text.
 */
function inlinePieces(content: readonly SpeechInline[], forSpeaking: boolean): Piece[] {
  const isStageNote = (i: number) => i >= 0 && i < content.length && hasMark(content[i], 'stageNote');
  const raw: Piece[] = [];
  content.forEach((node, i) => {
    if (node.type === 'hardBreak') raw.push({ lineBreak: true });
    else if (node.type === 'pause') raw.push(forSpeaking ? { text: ` ${PAUSE_MARK} `, bold: true } : { text: ' ' });
    else if (isStageNote(i) && !forSpeaking) raw.push({ text: ' ' });
    else if (isStageNote(i)) {
      // Spaces at the ends of a stage note go outside its brackets.
      const opens = !isStageNote(i - 1);
      const closes = !isStageNote(i + 1);
      let text = node.text;
      if (opens && /^\s/.test(text)) raw.push({ text: ' ' });
      if (opens) text = `[${text.trimStart()}`;
      if (closes) text = `${text.trimEnd()}]`;
      raw.push({ text, italic: true, bold: hasMark(node, 'bold'), stageNote: true });
      if (closes && /\s$/.test(node.text)) raw.push({ text: ' ' });
    } else {
      raw.push({ text: node.text, bold: hasMark(node, 'bold'), italic: hasMark(node, 'italic'), underline: hasMark(node, 'underline') });
    }
  });

  // Collapse spaces: none at the start of a line, one between words, none before a break or the end.
  const pieces: Piece[] = [];
  let afterSpace = true;
  for (const piece of raw) {
    if (!isText(piece)) {
      const last = pieces[pieces.length - 1];
      if (isText(last)) last.text = last.text.trimEnd();
      pieces.push(piece);
      afterSpace = true;
      continue;
    }
    let text = piece.text.replace(/[ \t]+/g, ' ');
    if (afterSpace) text = text.replace(/^ /, '');
    if (!text) continue;
    pieces.push({ ...piece, text });
    afterSpace = text.endsWith(' ');
  }
  const last = pieces[pieces.length - 1];
  if (isText(last)) last.text = last.text.trimEnd();
  const kept = pieces.filter((p) => !isText(p) || p.text.length > 0);
  // A written paragraph of nothing but line breaks (stage notes on lines of their own) is empty.
  return forSpeaking || kept.some(isText) ? kept : [];
}

function pieceRun(piece: Piece, size: number, allBold: boolean): TextRun {
  if (!isText(piece)) return new TextRun({ break: 1 });
  return new TextRun({
    text: piece.text,
    font: FONT,
    size: pt(piece.stageNote ? Math.min(STAGE_NOTE_SIZE, size) : size),
    bold: allBold || piece.bold || undefined,
    italics: piece.italic || undefined,
    underline: piece.underline ? {} : undefined,
    color: piece.stageNote ? GREY : undefined,
  });
}

function blockParagraph(block: SpeechBlock, style: TextStyle): Paragraph | undefined {
  const pieces = inlinePieces(block.content ?? [], style.forSpeaking);
  if (pieces.length === 0 && !style.forSpeaking) return undefined;
  const spacing = { line: style.line, lineRule: LineRuleType.AUTO };
  if (block.type === 'heading') {
    const size = style.size + HEADING_STEP[block.attrs.level];
    return new Paragraph({
      heading: HEADING_LEVEL[block.attrs.level],
      keepNext: true,
      keepLines: true,
      widowControl: true,
      spacing: { ...spacing, before: twips(size * 1.1), after: twips(size * 0.4) },
      children: pieces.map((p) => pieceRun(p, size, true)),
    });
  }
  return new Paragraph({
    keepLines: true,
    widowControl: true,
    spacing: { ...spacing, after: twips(style.after) },
    // An empty paragraph keeps the height of a line of body text.
    run: { font: FONT, size: pt(style.size) },
    children: pieces.map((p) => pieceRun(p, style.size, false)),
  });
}

/** The speech's blocks as Word paragraphs, set as the style says. */
function speechParagraphs(body: SpeechBody, style: TextStyle): Paragraph[] {
  return body.content.map((block) => blockParagraph(block, style)).filter((p): p is Paragraph => p !== undefined);
}

const run = (text: string, options: { size: number; bold?: boolean; color?: string }) =>
  new TextRun({ text, font: FONT, size: pt(options.size), bold: options.bold, color: options.color });

/** Arial in German; headings and the title black and bold (not the blue of Word's own styles). */
const documentStyles = (size: number) => {
  const heading = { run: { font: FONT, bold: true, color: '000000' } };
  return {
    default: {
      document: { run: { font: FONT, size: pt(size), language: { value: 'de-DE' } } },
      title: heading,
      heading1: heading,
      heading2: heading,
      heading3: heading,
    },
    paragraphStyles: HEADER_FOOTER_STYLES,
  };
};

// --- The manuscript for speaking --------------------------------------------------------------

const MANUSCRIPT: TextStyle = { size: 16, line: 360, after: 12, forSpeaking: true };
/** Left margin of the text pages, and the wide right one for handwritten notes. */
const MANUSCRIPT_MARGIN = { left: 25, right: 60 } as const;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** The facts of the cover sheet: label on the left, value on the right, thin rules between. */
function coverFacts(input: SpeechDocumentInput): Table {
  const speaker = [input.speakerName, input.speakerOffice].filter((s): s is string => Boolean(s?.trim())).join(', ');
  const rows: Array<[string, string | null]> = [
    ['Anlass', input.occasion],
    ['Datum', input.date],
    ['Ort', input.place],
    ['Rednerin/Redner', speaker || null],
    ['Art', input.kindLabel],
    ['Redezeit', input.speakingTime],
    ['Status', input.statusLabel],
    ['Stand', input.version],
  ];
  const width = A4.width - mm(25) - mm(25);
  const labelWidth = mm(45);
  const cell = (text: string, cellWidth: number, bold: boolean) =>
    new TableCell({
      width: { size: cellWidth, type: WidthType.DXA },
      margins: { top: twips(5), bottom: twips(5), left: 0, right: twips(6) },
      children: text.split(/\r?\n/).map((line) => new Paragraph({ children: [run(line, { size: 13, bold })] })),
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [labelWidth, width - labelWidth],
    layout: TableLayoutType.FIXED,
    borders: { top: THIN_RULE, bottom: THIN_RULE, insideHorizontal: THIN_RULE, left: NO_BORDER, right: NO_BORDER, insideVertical: NO_BORDER },
    rows: rows
      .filter((row): row is [string, string] => Boolean(row[1]?.trim()))
      .map(([label, value]) => new TableRow({ cantSplit: true, children: [cell(label, labelWidth, true), cell(value, width - labelWidth, false)] })),
  });
}

function coverSection(input: SpeechDocumentInput): ISectionOptions {
  return {
    properties: { page: { size: A4, margin: { top: mm(25), bottom: mm(20), left: mm(25), right: mm(25) } } },
    children: [
      new Paragraph({ children: [run(input.office, { size: 11, color: GREY })] }),
      new Paragraph({ spacing: { before: mm(55), after: twips(6) }, children: [run('Redemanuskript', { size: 14, color: GREY })] }),
      new Paragraph({ heading: HeadingLevel.TITLE, keepNext: true, spacing: { after: twips(24) }, children: [run(input.title, { size: 26, bold: true })] }),
      coverFacts(input),
    ],
  };
}

function textSection(input: SpeechDocumentInput): ISectionOptions {
  return {
    properties: {
      page: {
        size: A4,
        margin: { top: mm(25), bottom: mm(22), left: mm(MANUSCRIPT_MARGIN.left), right: mm(MANUSCRIPT_MARGIN.right), header: mm(12), footer: mm(10) },
        // The cover sheet is not counted: the text starts on page 1.
        pageNumbers: { start: 1 },
      },
    },
    headers: { default: runningHeader(input.title) },
    // SECTIONPAGES, not NUMPAGES: the number of text pages, without the cover sheet.
    footers: { default: pageNumberFooter('SECTIONPAGES') },
    children: speechParagraphs(input.body, MANUSCRIPT),
  };
}

/** The manuscript for speaking: a cover sheet, then the text in large type with room for notes. */
export async function speechManuscriptDocx(input: SpeechDocumentInput): Promise<Uint8Array> {
  const doc = new Document({
    creator: input.office,
    title: input.title,
    styles: documentStyles(MANUSCRIPT.size),
    // Writes the number of text pages into the footer's SECTIONPAGES field as its last result,
    // for viewers that show that instead of working it out (Word updates it itself).
    pageNumbers: estimatePageNumbers,
    sections: [coverSection(input), textSection(input)],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

// --- The written Grußwort for a programme booklet ---------------------------------------------

/** Body sizes tried in turn until the page holds the text. */
const FESTSCHRIFT_SIZES = [11, 10.5, 10, 9.5] as const;
const FESTSCHRIFT_MARGIN = { top: 20, bottom: 20, left: 25, right: 25 } as const;
const PHOTO = { width: 40, height: 50 } as const;

/** „Oberbürgermeisterin der Stadt Duisburg“: the office with the city from the office line, if it names one. */
function signatureOffice(input: SpeechDocumentInput): string | null {
  const office = input.speakerOffice?.trim();
  if (!office) return null;
  const city = input.office.split('·')[0].trim();
  return /^(\p{L}*stadt|Stadt|Gemeinde)\s/u.test(city) ? `${office} der ${city}` : office;
}

/** The heading „Grußwort“ on the left, the photo placeholder (a framed box) on the right. */
function headingWithPhoto(): Table {
  const width = A4.width - mm(FESTSCHRIFT_MARGIN.left) - mm(FESTSCHRIFT_MARGIN.right);
  const photoBorder = { style: BorderStyle.SINGLE, size: 6, color: RULE };
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width - mm(PHOTO.width), mm(PHOTO.width)],
    layout: TableLayoutType.FIXED,
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
    rows: [
      new TableRow({
        cantSplit: true,
        height: { value: mm(PHOTO.height), rule: HeightRule.EXACT },
        children: [
          new TableCell({
            width: { size: width - mm(PHOTO.width), type: WidthType.DXA },
            margins: { left: 0, right: twips(6) },
            verticalAlign: VerticalAlignTable.BOTTOM,
            children: [new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { after: 0 }, children: [run('Grußwort', { size: 22, bold: true })] })],
          }),
          new TableCell({
            width: { size: mm(PHOTO.width), type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            borders: { top: photoBorder, bottom: photoBorder, left: photoBorder, right: photoBorder },
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run('Foto', { size: 10, color: GREY })] })],
          }),
        ],
      }),
    ],
  });
}

function signature(input: SpeechDocumentInput, size: number): Paragraph[] {
  const name = input.speakerName?.trim();
  const office = signatureOffice(input);
  const lines = [
    ...(name ? [run(name, { size, bold: true })] : []),
    ...(office ? [run(office, { size })] : []),
  ];
  return lines.map(
    (line, i) =>
      new Paragraph({
        keepNext: i < lines.length - 1,
        keepLines: true,
        spacing: { before: i === 0 ? twips(size * 1.8) : 0, after: 0 },
        children: [line],
      }),
  );
}

function festschriftDocument(input: SpeechDocumentInput, size: number): Document {
  const style: TextStyle = { size, line: 276, after: size * 0.6, forSpeaking: false };
  return new Document({
    creator: input.office,
    title: input.title,
    styles: documentStyles(size),
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: mm(FESTSCHRIFT_MARGIN.top), bottom: mm(FESTSCHRIFT_MARGIN.bottom), left: mm(FESTSCHRIFT_MARGIN.left), right: mm(FESTSCHRIFT_MARGIN.right) },
          },
        },
        children: [
          headingWithPhoto(),
          new Paragraph({ spacing: { after: twips(10) }, children: [] }),
          ...speechParagraphs(input.body, style),
          ...signature(input, size),
        ],
      },
    ],
  });
}

/**
 * How many pages of text the document fills as the docx layout engine lays it out (Word's rules
 * and font metrics): the used height of each page, added up, over the height of a page's text
 * area. 0.8 = four fifths of one page; over 1 = it runs onto a second page. Undefined when the
 * engine could not lay it out.
 */
function pagesFilled(doc: Document): number | undefined {
  const layout = layoutDocument(doc, { guess: true });
  if (layout.stoppedAt || layout.pages.length === 0) return undefined;
  // Lengths are in pixels, 96 per inch.
  const px = (millimetres: number) => (millimetres / 25.4) * 96;
  const top = px(FESTSCHRIFT_MARGIN.top);
  let used = 0;
  for (const page of layout.pages) {
    let bottom = top;
    for (const block of page.body) {
      if (block.type === 'paragraph') for (const line of block.lines) bottom = Math.max(bottom, line.y + line.height);
      else for (const row of block.rows) bottom = Math.max(bottom, row.y + row.height);
    }
    used += (bottom - top) / (page.height - top - px(FESTSCHRIFT_MARGIN.bottom));
  }
  // On more than one page it does not fit, however little the pages hold.
  return layout.pages.length > 1 ? Math.max(used, 1.001) : used;
}

/**
 * The written Grußwort on one page: the largest body size that keeps it on one page; at the
 * smallest, a warning with the number of words to cut to.
 */
export async function festschriftGrusswortDocx(input: SpeechDocumentInput): Promise<{ bytes: Uint8Array; warnings: string[] }> {
  const warnings: string[] = [];
  if (!input.speakerName?.trim() && !input.speakerOffice?.trim()) {
    warnings.push('Für das Grußwort ist keine Rednerin und kein Redner eingetragen; die Unterschrift fehlt.');
  }
  let doc: Document | undefined;
  let filled: number | undefined;
  const last = FESTSCHRIFT_SIZES.length - 1;
  for (let i = 0; i <= last; i++) {
    doc = festschriftDocument(input, FESTSCHRIFT_SIZES[i]);
    filled = pagesFilled(doc);
    if (filled === undefined || filled <= 1) break;
    // Half as long again as a page: the sizes in between cannot hold it either (the text's
    // area shrinks with the square of the size, (9.5 / 11)² ≈ 0.75), so go to the smallest.
    if (filled > 1.5) i = Math.max(i, last - 1);
  }
  if (filled === undefined) {
    warnings.push('Ob das Grußwort auf eine Seite passt, ließ sich nicht prüfen. Bitte in Word nachsehen.');
  } else if (filled > 1) {
    const words = countWords(spokenText(input.body));
    // The text alone, without the fixed parts (heading, photo, signature), sets the limit.
    const fixed = pagesFilled(festschriftDocument({ ...input, body: { type: 'doc', content: [] } }, FESTSCHRIFT_SIZES[FESTSCHRIFT_SIZES.length - 1])) ?? 0;
    // A little less than the share that fits: a page never fills to its last line.
    const limit = Math.floor((0.96 * (words * (1 - fixed))) / (filled - fixed) / 10) * 10;
    warnings.push(`Der Text ist für eine Seite zu lang (ca. ${words} Wörter; höchstens etwa ${limit}). Bitte kürzen.`);
  }
  return { bytes: new Uint8Array(await Packer.toBuffer(doc as Document)), warnings };
}
