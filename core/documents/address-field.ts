/**
 * How many printed lines an address takes in the DIN 5008 address field of the shipped letter
 * templates (scripts/build-templates.ts: field 85 mm wide, 5 mm inner indent, Arial 11 pt): a
 * line longer than the field wraps and pushes the postcode and city out of the window.
 * Widths are Arial's advance widths (1/1000 em); unknown characters count as a wide letter.
 */
const FIELD_WIDTH_MM = 80;
const FONT_SIZE_PT = 11;
const MM_PER_PT = 25.4 / 72;

const WIDTHS: Record<string, number> = {
  ' ': 278, '.': 278, ',': 278, ':': 278, ';': 278, '-': 333, '–': 556, '/': 278, '(': 333, ')': 333, '&': 667, "'": 191, '’': 222, '"': 355, '„': 333, '“': 333,
  a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556, i: 222, j: 222, k: 500, l: 222, m: 833,
  n: 556, o: 556, p: 556, q: 556, r: 333, s: 500, t: 278, u: 556, v: 500, w: 722, x: 500, y: 500, z: 500, ß: 611,
  A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556, M: 833,
  N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
};
const DEFAULT_WIDTH = 600;

function widthMm(text: string): number {
  let units = 0;
  for (const char of text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')) units += /\d/.test(char) ? 556 : (WIDTHS[char] ?? DEFAULT_WIDTH);
  return (units / 1000) * FONT_SIZE_PT * MM_PER_PT;
}

/**
 * Printed lines of one address line: words wrap at spaces (and after hyphens), as Word does; a
 * word wider than the field is broken where it reaches the edge.
 */
function wrappedLines(line: string): number {
  const words = line.trim().split(/(?<=-)|\s+/).filter(Boolean);
  let lines = 1;
  let used = 0;
  let previous = '';
  for (const word of words) {
    const gap = used > 0 && !previous.endsWith('-') ? widthMm(' ') : 0;
    previous = word;
    const width = widthMm(word);
    if (used > 0 && used + gap + width > FIELD_WIDTH_MM) {
      lines++;
      used = 0;
    } else used += gap;
    lines += Math.max(0, Math.ceil((used + width) / FIELD_WIDTH_MM) - 1);
    used = (used + width) % FIELD_WIDTH_MM || (used + width > 0 ? FIELD_WIDTH_MM : 0);
  }
  return lines;
}

/** The number of printed lines the address block takes in the field. */
export function addressFieldLines(lines: readonly string[]): number {
  return lines.reduce((sum, line) => sum + wrappedLines(line), 0);
}
