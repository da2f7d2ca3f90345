/**
 * A press release (Pressemitteilung) in the city's layout, three ways:
 * - Word (.docx, built in code with docx): the office line, „Pressemitteilung“, the embargo
 *   („Sperrfrist: 15. Januar 2027, 10:00 Uhr“) boxed in red at the top when there is one, the
 *   date line („Duisburg, 27. November 2026“), title, subtitle, the text, the press contact;
 * - HTML for the city portal: clean semantic markup (h1, p, h2), everything escaped, no styles;
 * - plain text (no line wrapping: the portal and e-mail programs wrap themselves).
 * The service prepares the words (date line, embargo in words, contact lines); this module lays
 * them out.
 */
import { AlignmentType, BorderStyle, Document, Footer, HeadingLevel, Packer, Paragraph, ShadingType, TextRun } from 'docx';

export interface PressReleaseDocument {
  /** "Stadt Duisburg · Der Oberbürgermeister · Amt für Kommunikation" */
  office: string;
  /** "www.duisburg.de" (footer), or empty. */
  internet: string;
  /** "Duisburg, 27. November 2026" */
  dateLine: string;
  /** The day of the date line, "2026-11-27" (for HTML's <time>). */
  date: string;
  title: string;
  subtitle: string;
  /** Paragraphs separated by blank lines; a single line break stays a line break. */
  body: string;
  /** "15. Januar 2027, 10:00 Uhr", or null without embargo. */
  embargo: string | null;
  /** The press contact, a line each (empty: no contact block). */
  contact: string[];
}

/** The paragraphs of a text: blocks between blank lines, each a list of its lines. */
export function paragraphsOf(body: string): string[][] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0);
}

// ------------------------------------------------------------------ Word

const FONT = 'Arial';
const RED = 'C00000';
const run = (text: string, options: { bold?: boolean; size?: number; color?: string; break?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: options.size ?? 22, bold: options.bold, color: options.color, break: options.break ? 1 : undefined });
/** Lines of one paragraph, joined by line breaks. */
const runs = (lines: string[], options: { bold?: boolean; size?: number; color?: string } = {}) => lines.map((line, i) => run(line, { ...options, break: i > 0 }));

export async function pressReleaseDocx(input: PressReleaseDocument): Promise<Uint8Array> {
  const box = { style: BorderStyle.SINGLE, size: 12, color: RED, space: 4 };
  const children: Paragraph[] = [
    new Paragraph({ spacing: { after: 120 }, children: [run(input.office, { size: 18, color: '595959' })] }),
    new Paragraph({
      spacing: { after: 240 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: '404040', space: 4 } },
      children: [run('Pressemitteilung', { bold: true, size: 40 })],
    }),
  ];
  if (input.embargo) {
    // One paragraph, so the box is one box (Word and LibreOffice draw a line between two).
    children.push(
      new Paragraph({
        spacing: { before: 120, after: 240 },
        // The border lies outside the text: indented by its spacing, the box lines up with the margins.
        indent: { left: 100, right: 100 },
        border: { top: box, bottom: box, left: box, right: box },
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FDECEA' },
        children: [
          run(`Sperrfrist: ${input.embargo}`, { bold: true, size: 28, color: RED }),
          run('Bitte nicht vor Ablauf der Sperrfrist veröffentlichen.', { size: 20, color: RED, break: true }),
        ],
      }),
    );
  }
  children.push(
    new Paragraph({ spacing: { before: 120, after: 240 }, children: [run(input.dateLine)] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, spacing: { after: 120 }, children: [run(input.title, { bold: true, size: 32, color: '000000' })] }),
  );
  if (input.subtitle) {
    children.push(new Paragraph({ keepNext: true, spacing: { after: 240 }, children: [run(input.subtitle, { bold: true, size: 24, color: '404040' })] }));
  }
  for (const lines of paragraphsOf(input.body)) {
    children.push(new Paragraph({ spacing: { after: 160, line: 320 }, children: runs(lines) }));
  }
  if (input.contact.length) {
    children.push(
      new Paragraph({
        spacing: { before: 360, after: 80 },
        keepNext: true,
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 6 } },
        children: [run('Pressekontakt', { bold: true, size: 20 })],
      }),
      new Paragraph({ children: runs(input.contact, { size: 20 }) }),
    );
  }
  const footerText = [input.office, input.internet].filter(Boolean).join(' · ');
  const doc = new Document({
    creator: input.office,
    title: `Pressemitteilung: ${input.title}`,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        properties: { page: { margin: { left: 1418, right: 1134, top: 1134, bottom: 1134 } } },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(footerText, { size: 16, color: '808080' })] })] }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

// ------------------------------------------------------------------ HTML and plain text

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const htmlLines = (lines: string[]) => lines.map(escapeHtml).join('<br>\n');

/** The release as an HTML page for the city portal; its <article> is what the portal's editor takes over. */
export function pressReleaseHtml(input: PressReleaseDocument): string {
  const place = input.dateLine.slice(0, input.dateLine.indexOf(', ') + 2);
  const day = input.dateLine.slice(place.length);
  const article = [
    '<article>',
    ...(input.embargo ? [`<p><strong>Sperrfrist: ${escapeHtml(input.embargo)}</strong></p>`] : []),
    `<h1>${escapeHtml(input.title)}</h1>`,
    ...(input.subtitle ? [`<p><strong>${escapeHtml(input.subtitle)}</strong></p>`] : []),
    `<p>${escapeHtml(place)}<time datetime="${escapeHtml(input.date)}">${escapeHtml(day)}</time></p>`,
    ...paragraphsOf(input.body).map((lines) => `<p>${htmlLines(lines)}</p>`),
    ...(input.contact.length ? ['<h2>Pressekontakt</h2>', `<p>${htmlLines(input.contact)}</p>`] : []),
    '</article>',
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="de">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(input.title)}</title>`,
    '</head>',
    '<body>',
    ...article,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The release as plain text: paragraphs separated by blank lines. */
export function pressReleaseText(input: PressReleaseDocument): string {
  const blocks = [
    ['PRESSEMITTEILUNG', input.office],
    ...(input.embargo ? [[`SPERRFRIST: ${input.embargo}`, 'Bitte nicht vor Ablauf der Sperrfrist veröffentlichen.']] : []),
    [input.dateLine],
    [input.title, ...(input.subtitle ? [input.subtitle] : [])],
    ...paragraphsOf(input.body),
    ...(input.contact.length ? [['Pressekontakt:', ...input.contact]] : []),
  ];
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
