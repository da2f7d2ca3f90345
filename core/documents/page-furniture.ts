/**
 * What the pages of a document built in code carry besides its text: a running header (one line
 * of small grey text over a thin rule) and the footer „Seite X von Y“. Used by the speech
 * manuscript and the Terminmappe, so both look and count alike.
 */
import { AlignmentType, BorderStyle, Footer, Header, PageNumber, Paragraph, SimpleField, TextRun } from 'docx';

const FONT = 'Arial';
const GREY = '6E6E6E';
const RULE = 'A6A6A6';
/** The thin grey rule under the running header (and between rows of a cover sheet). */
export const THIN_RULE = { style: BorderStyle.SINGLE, size: 4, color: RULE } as const;

/** Word's own header and footer styles („Kopfzeile“, „Fußzeile“): Arial 9 pt, grey, also for the numbers the fields write. */
export const HEADER_FOOTER_STYLES = (['Header', 'Footer'] as const).map((id) => ({
  id,
  name: id.toLowerCase(),
  basedOn: 'Normal',
  run: { font: FONT, size: 18, color: GREY },
}));

/** The running header: the text on one line over a thin rule. */
export function runningHeader(text: string): Header {
  return new Header({
    children: [new Paragraph({ style: 'Header', border: { bottom: { ...THIN_RULE, space: 4 } }, children: [new TextRun(text)] })],
  });
}

/** A header with nothing in it (a first page that has its own title). */
export function emptyHeader(): Header {
  return new Header({ children: [new Paragraph({ style: 'Header', children: [] })] });
}

/**
 * „Seite X von Y“, right-aligned. Y counts the pages of the document (NUMPAGES, which Word and
 * LibreOffice work out themselves) or of the section (SECTIONPAGES: the manuscript's text pages
 * without its cover sheet; a simple field, whose last result the document's page-number
 * estimator writes for viewers that do not work it out, as LibreOffice).
 */
export function pageNumberFooter(count: 'NUMPAGES' | 'SECTIONPAGES'): Footer {
  const total = count === 'NUMPAGES' ? [new TextRun({ children: [PageNumber.TOTAL_PAGES] })] : [new SimpleField('SECTIONPAGES')];
  return new Footer({
    children: [
      new Paragraph({
        style: 'Footer',
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ children: ['Seite ', PageNumber.CURRENT, ' von '] }), ...total],
      }),
    ],
  });
}
