/**
 * Reading the layout of a .docx (templates or generated letters) from its WordprocessingML,
 * and the DIN 5008 Form B checks (DOMAIN.md D) shared by the template and letter tests.
 * Small regex helpers: enough for the XML our templates and the fill engine produce.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { expect } from 'vitest';

/** Twips (1/20 pt) per millimetre: 1440 per inch / 25.4 mm. */
export const TWIPS_PER_MM = 1440 / 25.4;
/** 1 mm, in twips. */
export const TOLERANCE_TWIPS = 57;

export interface Docx {
  /** word/document.xml */
  document: string;
  /** Every XML part (and .rels) by its name in the zip. */
  parts: Record<string, string>;
  /** The part (e.g. "word/header2.xml") a header/footer reference of the document points to. */
  referencedPart(kind: 'header' | 'footer', type: 'first' | 'default'): string | undefined;
}

/** The XML parts of a .docx. */
export function openDocx(bytes: Uint8Array): Docx {
  const zip = unzipSync(bytes);
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(zip)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) parts[name] = strFromU8(data);
  }
  const document = parts['word/document.xml'] ?? '';
  const rels = new Map(elements(parts['word/_rels/document.xml.rels'] ?? '', 'Relationship').map((rel) => [rel.Id, rel.Target]));
  return {
    document,
    parts,
    referencedPart(kind, type) {
      const ref = elements(document, `w:${kind}Reference`).find((r) => r['w:type'] === type);
      const target = ref ? rels.get(ref['r:id']) : undefined;
      return target ? `word/${target.replace(/^\/?word\//, '')}` : undefined;
    },
  };
}

/** A copy of a .docx with one XML part rewritten (staff's edits of a template, in tests). */
export function rewritePart(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files[part]);
  const changed = edit(xml);
  expect(changed, `${part} unchanged by the edit`).not.toBe(xml);
  files[part] = strToU8(changed);
  return zipSync(files);
}

/** The paragraph of a body that holds `text` (e.g. "{{anschrift}}"), as XML. */
export function paragraphWith(xml: string, text: string): string {
  const found = paragraphs(xml).find((p) => p.includes(text));
  expect(found, `paragraph with ${text}`).toBeDefined();
  return found!;
}

/** The attributes of one start tag, keyed by qualified name ("w:x"). */
export function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:.-]+)="([^"]*)"/g)) result[match[1]] = match[2];
  return result;
}

/** The attributes of every element `tag` (e.g. "w:framePr") in the XML, in document order. */
export function elements(xml: string, tag: string): Record<string, string>[] {
  const pattern = new RegExp(`<${tag}(?=[\\s/>])[^>]*>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => attributes(match[0]));
}

/** Every <w:p> element as XML (not for paragraphs nested in text boxes). */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?(?:\/>|>[\s\S]*?<\/w:p>)/g)].map((match) => match[0]);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of a paragraph's XML: <w:t> contents decoded, <w:br/> as "\n", <w:tab/> as "\t". */
export function paragraphText(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(br|cr|tab)(?=[\s/>])[^>]*>/g)) {
    if (match[2]) text += match[2] === 'tab' ? '\t' : '\n';
    else text += match[1].replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]);
  }
  return text;
}

/** Twips as millimetres. */
export function mmOf(twips: number | string | undefined): number {
  return Number(twips ?? NaN) / TWIPS_PER_MM;
}

const isNear = (twips: string | undefined, millimetres: number): boolean =>
  Math.abs(Number(twips ?? NaN) - millimetres * TWIPS_PER_MM) <= TOLERANCE_TWIPS;

function expectMm(twips: string | undefined, millimetres: number, what: string): void {
  const value = Number(twips ?? NaN);
  expect(Number.isFinite(value), `${what}: attribute missing`).toBe(true);
  expect(
    Math.abs(value - millimetres * TWIPS_PER_MM),
    `${what}: ${value} twips = ${mmOf(value).toFixed(1)} mm, expected ${millimetres} mm ± 1 mm`,
  ).toBeLessThanOrEqual(TOLERANCE_TWIPS);
}

const pageAnchored = (frame: Record<string, string>) => frame['w:hAnchor'] === 'page' && frame['w:vAnchor'] === 'page';

/** A4 portrait and the DIN 5008 side margins (left 25 mm, right 20 mm), in every section. */
export function expectDin5008Margins(bytes: Uint8Array): void {
  const { document } = openDocx(bytes);
  const sizes = elements(document, 'w:pgSz');
  const margins = elements(document, 'w:pgMar');
  expect(sizes.length, 'page size (w:pgSz)').toBeGreaterThan(0);
  expect(margins.length, 'page margins (w:pgMar)').toBeGreaterThan(0);
  for (const size of sizes) {
    expectMm(size['w:w'], 210, 'page width');
    expectMm(size['w:h'], 297, 'page height');
  }
  for (const margin of margins) {
    expectMm(margin['w:left'], 25, 'left margin');
    expectMm(margin['w:right'], 20, 'right margin');
  }
}

/**
 * DIN 5008 Form B: A4 with the side margins; ONE page-anchored address frame at 20 mm / 45 mm,
 * 85 × 45 mm with exact height; the information block frame at 125 mm / 50 mm, 75 mm wide; fold
 * marks at 105 and 210 mm and the hole mark at 148.5 mm in the first-page header. Within 1 mm.
 */
export function expectDin5008FormB(bytes: Uint8Array): void {
  expectDin5008Margins(bytes);
  const docx = openDocx(bytes);
  const frames = elements(docx.document, 'w:framePr');

  // Every paragraph of a frame carries the same frame properties: one distinct set = one frame.
  const address = frames.filter((f) => isNear(f['w:x'], 20) && isNear(f['w:y'], 45));
  expect(address.length, 'address frame at 20 mm / 45 mm').toBeGreaterThan(0);
  expect(new Set(address.map((f) => JSON.stringify(f))).size, 'one address frame').toBe(1);
  const [frame] = address;
  expect(pageAnchored(frame), 'address frame anchored to the page').toBe(true);
  expectMm(frame['w:w'], 85, 'address frame width');
  expectMm(frame['w:h'], 45, 'address frame height');
  expect(frame['w:hRule'], 'address frame height rule').toBe('exact');

  const info = frames.filter((f) => isNear(f['w:x'], 125) && isNear(f['w:y'], 50));
  expect(info.length, 'information block frame at 125 mm / 50 mm').toBeGreaterThan(0);
  expect(new Set(info.map((f) => JSON.stringify(f))).size, 'one information block frame').toBe(1);
  expect(pageAnchored(info[0]), 'information block anchored to the page').toBe(true);
  expectMm(info[0]['w:w'], 75, 'information block width');

  expect(
    elements(docx.document, 'w:titlePg').filter((t) => t['w:val'] !== 'false' && t['w:val'] !== '0').length,
    'different first page (w:titlePg)',
  ).toBeGreaterThan(0);
  const headerName = docx.referencedPart('header', 'first');
  expect(headerName, 'first-page header').toBeDefined();
  const header = docx.parts[headerName ?? ''] ?? '';
  const marks = elements(header, 'w:framePr').filter(pageAnchored);
  for (const [top, what] of [
    [105, 'upper fold mark'],
    [148.5, 'hole mark'],
    [210, 'lower fold mark'],
  ] as const) {
    expect(
      marks.some((f) => isNear(f['w:y'], top)),
      `${what} at ${top} mm in the first-page header (found: ${marks.map((f) => mmOf(f['w:y']).toFixed(1)).join(', ') || 'none'})`,
    ).toBe(true);
  }
}
