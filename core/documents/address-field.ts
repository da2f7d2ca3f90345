/**
 * The DIN 5008 address field (DOMAIN.md D "Long addresses"): how many printed lines a text takes
 * (wrapping), whether an address fits the field of a template, how far the dividing line between
 * the remark zone and the address zone moves up for it, and which lines to shorten when it does
 * not fit.
 *
 * Widths are Arial's advance widths (1/1000 em; Liberation Sans has the same metrics); unknown
 * characters count as a wide letter. Heights are in twips (1/20 pt).
 */
const MM_PER_PT = 25.4 / 72;

/** Where a paragraph's text runs: the width between its indents and its font size. */
export interface TextBox {
  widthMm: number;
  fontSizePt: number;
}

/** The shipped templates' address text: 85 mm field less the 5 mm inner indent, Arial 11 pt. */
export const DIN_ADDRESS_TEXT: TextBox = { widthMm: 80, fontSizePt: 11 };

const WIDTHS: Record<string, number> = {
  ' ': 278, '.': 278, ',': 278, ':': 278, ';': 278, '-': 333, '–': 556, '/': 278, '(': 333, ')': 333, '&': 667, "'": 191, '’': 222, '"': 355, '„': 333, '“': 333, '·': 278,
  a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556, i: 222, j: 222, k: 500, l: 222, m: 833,
  n: 556, o: 556, p: 556, q: 556, r: 333, s: 500, t: 278, u: 556, v: 500, w: 722, x: 500, y: 500, z: 500, ß: 611,
  A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556, M: 833,
  N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
};
const DEFAULT_WIDTH = 600;

function widthMm(text: string, fontSizePt: number): number {
  let units = 0;
  for (const char of text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')) units += /\d/.test(char) ? 556 : (WIDTHS[char] ?? DEFAULT_WIDTH);
  return (units / 1000) * fontSizePt * MM_PER_PT;
}

/**
 * Printed lines of one line of text: words wrap at spaces (and after hyphens), as Word does; a
 * word wider than the box is broken where it reaches the edge.
 */
export function printedLines(line: string, box: TextBox = DIN_ADDRESS_TEXT): number {
  const words = line.trim().split(/(?<=-)|\s+/).filter(Boolean);
  const space = widthMm(' ', box.fontSizePt);
  let lines = 1;
  let used = 0;
  let previous = '';
  for (const word of words) {
    const gap = used > 0 && !previous.endsWith('-') ? space : 0;
    previous = word;
    const width = widthMm(word, box.fontSizePt);
    if (used > 0 && used + gap + width > box.widthMm) {
      lines++;
      used = 0;
    } else used += gap;
    lines += Math.max(0, Math.ceil((used + width) / box.widthMm) - 1);
    used = (used + width) % box.widthMm || (used + width > 0 ? box.widthMm : 0);
  }
  return lines;
}

/** The number of printed lines an address block takes in the shipped templates' field. */
export function addressFieldLines(lines: readonly string[], box: TextBox = DIN_ADDRESS_TEXT): number {
  return lines.reduce((sum, line) => sum + printedLines(line, box), 0);
}

// ---------------------------------------------------------------------------------------------
// The field of a template

/** One paragraph of the address frame, as the template lays it out. */
export interface FieldParagraph {
  box: TextBox;
  /** Line spacing: 'exact' and 'atLeast' in twips, 'auto' in 240ths of a single line. */
  line: { rule: 'exact' | 'atLeast' | 'auto'; value: number };
  beforeTwips: number;
  afterTwips: number;
}

/** The address frame of a template: its height and its paragraphs, one of them the address. */
export interface AddressFieldGeometry {
  heightTwips: number;
  paragraphs: readonly FieldParagraph[];
  /** Index of the paragraph that holds the recipient's address. */
  address: number;
}

/**
 * DIN 5008's field as the shipped templates lay it out (scripts/build-templates.ts): 45 mm high,
 * a one-line return address (7 pt on 9 pt lines) at the foot of the 17.7 mm remark zone, the
 * address on 12.75 pt lines below. Applied where a template's {{anschrift}} stands outside a frame.
 */
export const DIN_ADDRESS_FIELD: { geometry: AddressFieldGeometry; texts: string[] } = {
  geometry: {
    heightTwips: Math.round(45 * 56.7),
    address: 1,
    paragraphs: [
      { box: { widthMm: 80, fontSizePt: 7 }, line: { rule: 'exact', value: 180 }, beforeTwips: Math.round(17.7 * 56.7) - 180, afterTwips: 0 },
      { box: DIN_ADDRESS_TEXT, line: { rule: 'exact', value: 255 }, beforeTwips: 0, afterTwips: 0 },
    ],
  },
  texts: ['', '{{anschrift}}'],
};

/** Arial's line height (ascent + descent + line gap) per point of font size. */
const ARIAL_LINE = 1.15;

/** The height of one printed line of a paragraph, in twips. */
export function lineTwips(paragraph: FieldParagraph): number {
  const natural = paragraph.box.fontSizePt * 20 * ARIAL_LINE;
  switch (paragraph.line.rule) {
    case 'exact':
      return paragraph.line.value;
    case 'atLeast':
      return Math.max(paragraph.line.value, natural);
    case 'auto':
      return (natural * paragraph.line.value) / 240;
  }
}

export type AddressFit =
  | {
      fits: true;
      /** The first paragraph's spacing before (twips): the free top of the field, less what the address needs. */
      firstBeforeTwips: number;
    }
  | {
      fits: false;
      /** Printed lines of the address, and of each of its lines. */
      needed: number;
      perLine: number[];
      /** The most printed address lines the field holds (dividing line moved up as far as it goes). */
      capacity: number;
    };

/**
 * Whether the address fits the field, and how far the dividing line moves up for it: the first
 * paragraph's spacing before (the free part of the remark zone above the return address) shrinks
 * in whole address lines until the address fits; every other paragraph keeps its height.
 * `texts`: the filled text of each paragraph of the field, split at line breaks.
 */
export function fitAddressField(geometry: AddressFieldGeometry, texts: readonly (readonly string[])[]): AddressFit {
  const { paragraphs, address } = geometry;
  const last = paragraphs.length - 1;
  const slack = paragraphs[0].beforeTwips;
  let fixed = 0;
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) fixed += paragraph.beforeTwips;
    if (index < last) fixed += paragraph.afterTwips;
    if (index !== address) fixed += (texts[index] ?? ['']).reduce((sum, line) => sum + printedLines(line, paragraph.box), 0) * lineTwips(paragraph);
  });
  const pitch = lineTwips(paragraphs[address]);
  const perLine = (texts[address] ?? ['']).map((line) => printedLines(line, paragraphs[address].box));
  const needed = perLine.reduce((a, b) => a + b, 0);
  const used = fixed + needed * pitch;
  // One twip of rounding: frame heights are whole twips, millimetres are not.
  if (used > geometry.heightTwips + 1) {
    return { fits: false, needed, perLine, capacity: Math.max(0, Math.floor((geometry.heightTwips + 1 - fixed) / pitch)) };
  }
  const over = used + slack - geometry.heightTwips;
  const steps = over > 1 ? Math.ceil((over - 1) / pitch) : 0;
  return { fits: true, firstBeforeTwips: Math.max(0, Math.round(slack - steps * pitch)) };
}

// ---------------------------------------------------------------------------------------------
// Telling staff what to shorten

const SALUTATION_LINE = /^(?:(?:Herrn|Herr|Frau|Familie|Eheleute|und|Firma)\s*)+$/;

/**
 * The lines worth shortening: those that wrap first (each wrap costs a line), then lines between
 * the name and the street (office, organisation, addition) until the excess is covered. The first
 * line, the name after a bare "Herrn"/"Frau", and the street, town and country lines are kept.
 */
function linesToShorten(lines: readonly string[], perLine: readonly number[], excess: number): number[] {
  const wrapping = lines.map((_, i) => i).filter((i) => perLine[i] > 1);
  let saved = wrapping.reduce((sum, i) => sum + perLine[i] - 1, 0);
  const protectedLines = new Set<number>([0, lines.length - 1, lines.length - 2]);
  if (SALUTATION_LINE.test(lines[0]?.trim() ?? '')) protectedLines.add(1);
  // A last line without digits after a line with a postcode is a country: keep three.
  if (!/\d/.test(lines[lines.length - 1] ?? '')) protectedLines.add(lines.length - 3);
  const chosen = [...wrapping];
  for (let i = 0; i < lines.length && saved < excess; i++) {
    if (protectedLines.has(i) || chosen.includes(i)) continue;
    chosen.push(i);
    saved += perLine[i];
  }
  for (let i = 0; i < lines.length && chosen.length === 0; i++) if (!protectedLines.has(i)) chosen.push(i);
  return chosen.sort((a, b) => a - b);
}

function quote(line: string): string {
  const flat = line.replace(/\s+/g, ' ').trim();
  if (flat.length <= 45) return `„${flat}“`;
  const cut = flat.slice(0, 45);
  return `„${(cut.lastIndexOf(' ') > 20 ? cut.slice(0, cut.lastIndexOf(' ')) : cut).trimEnd()} …“`;
}

/**
 * The German message for an address that does not fit, naming the lines to shorten:
 * "Die Anschrift passt nicht in das Anschriftfeld …: sie braucht 10 Zeilen, Platz ist für 9. …"
 */
export function addressTooLongMessage(
  lines: readonly string[],
  fit: Extract<AddressFit, { fits: false }>,
  templateName: string,
): string {
  const excess = fit.needed - fit.capacity;
  const named = linesToShorten(lines, fit.perLine, excess).map(
    (i) => `Zeile ${i + 1} ${quote(lines[i])}${fit.perLine[i] > 1 ? ` (bricht auf ${fit.perLine[i]} Zeilen um)` : ''}`,
  );
  const wraps = fit.perLine.some((n) => n > 1) ? ' mit Zeilenumbrüchen' : '';
  return (
    `Die Anschrift passt nicht in das Anschriftfeld der Vorlage „${templateName}“: sie braucht${wraps} ${fit.needed} Zeilen, ` +
    `Platz ist für höchstens ${fit.capacity}. Bitte ${excess === 1 ? 'eine Zeile' : `${excess} Zeilen`} einsparen – ` +
    `kürzen oder weglassen: ${named.join(', ')}.`
  );
}
