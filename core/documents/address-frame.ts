/**
 * Finds the DIN 5008 address field in a letter template by its structure, whatever the bytes:
 * the paragraph holding {{anschrift}}, the frame it stands in (w:framePr, given directly or by its
 * paragraph style; Word joins adjacent paragraphs with the same frame properties into one
 * frame), and the layout of each paragraph of that frame (spacing, line spacing, indents, font
 * size), resolved through the paragraph styles and the document defaults of styles.xml.
 *
 * Staff may edit the shipped templates in Word: the return address may get a second line, a
 * remark line may be added, the font or the frame may change; the geometry follows.
 */
import type { AddressFieldGeometry, FieldParagraph } from './address-field';

/** One body paragraph, as the template engine sees it. */
export interface SourceParagraph {
  /** The paragraph's <w:pPr>…</w:pPr> ('' if it has none). */
  pPr: string;
  /** The <w:rPr> of each run that holds text ('' for a run without one). */
  runProps: string[];
  /** Its text, line breaks as "\n", placeholders as written ("{{anschrift}}"). */
  text: string;
  /** False for paragraphs in text boxes, tables' nested content or fallback copies. */
  topLevel: boolean;
}

/** An address field found in a template. */
export interface AddressFrame {
  /** Index (into the paragraphs given) of the frame's first paragraph. */
  first: number;
  geometry: AddressFieldGeometry;
  /** The text of each paragraph of the frame, with placeholders. */
  texts: string[];
}

/** The DIN 5008 field (85 × 45 mm), for frames that leave a size to Word. */
const DIN_FIELD = { widthTwips: Math.round(85 * 56.7), heightTwips: Math.round(45 * 56.7) };

// ---------------------------------------------------------------------------------------------
// styles.xml

interface Style {
  basedOn: string | null;
  pPr: string;
  rPr: string;
}

interface Styles {
  byId: Map<string, Style>;
  defaultParagraph: string | null;
  defaultPPr: string;
  defaultRPr: string;
}

function attrs(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:.-]+)="([^"]*)"/g)) result[match[1]] = match[2];
  return result;
}

/** The first element `<name …>` that is a direct property of the given pPr/rPr (not inside a nested rPr or change record). */
function property(props: string, name: string): Record<string, string> | null {
  const own = props.replace(/^<w:[pr]Pr\b[^>]*>/, '').split(/<w:(?:rPr|pPrChange|rPrChange|sectPr)\b/)[0];
  const match = new RegExp(`<${name}(?=[\\s/>])[^>]*>`).exec(own);
  return match ? attrs(match[0]) : null;
}

function element(xml: string, name: string): string {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</${name}>)`).exec(xml);
  return match ? match[0] : '';
}

export function readStyles(stylesXml: string): Styles {
  const byId = new Map<string, Style>();
  let defaultParagraph: string | null = null;
  for (const match of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const head = attrs(match[1]);
    if (head['w:type'] !== 'paragraph' || !head['w:styleId']) continue;
    const body = match[2];
    byId.set(head['w:styleId'], {
      basedOn: /<w:basedOn\s+w:val="([^"]*)"/.exec(body)?.[1] ?? null,
      pPr: element(body, 'w:pPr'),
      rPr: element(body.replace(/<w:pPr\b[\s\S]*?<\/w:pPr>/, ''), 'w:rPr'),
    });
    if (head['w:default'] === '1' || head['w:default'] === 'true') defaultParagraph = head['w:styleId'];
  }
  const defaults = element(stylesXml, 'w:docDefaults');
  return {
    byId,
    defaultParagraph,
    defaultPPr: element(element(defaults, 'w:pPrDefault'), 'w:pPr'),
    defaultRPr: element(element(defaults, 'w:rPrDefault'), 'w:rPr'),
  };
}

/** The property sets that apply to a paragraph, nearest first: its own, its style chain, the defaults. */
function chain(styles: Styles, pPr: string): { pPrs: string[]; rPrs: string[] } {
  const pPrs = [pPr];
  const rPrs: string[] = [];
  let id: string | null = /<w:pStyle\s+w:val="([^"]*)"/.exec(pPr.split(/<w:(?:rPr|pPrChange)\b/)[0])?.[1] ?? styles.defaultParagraph;
  const seen = new Set<string>();
  while (id && !seen.has(id)) {
    seen.add(id);
    const style = styles.byId.get(id);
    if (!style) break;
    pPrs.push(style.pPr);
    rPrs.push(style.rPr);
    id = style.basedOn;
  }
  pPrs.push(styles.defaultPPr);
  rPrs.push(styles.defaultRPr);
  return { pPrs, rPrs };
}

/** One attribute of a property, from the nearest level that sets it. */
function inherited(levels: readonly string[], name: string, attr: string | readonly string[]): string | undefined {
  const names = typeof attr === 'string' ? [attr] : attr;
  for (const level of levels) {
    const found = property(level, name);
    if (!found) continue;
    for (const a of names) if (found[a] !== undefined) return found[a];
  }
  return undefined;
}

/** The frame properties of a paragraph (own or from its style), as a comparable key; null outside a frame. */
function frameOf(levels: readonly string[]): Record<string, string> | null {
  for (const level of levels) {
    const found = property(level, 'w:framePr');
    if (found) return found;
  }
  return null;
}

const num = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value);
  return value !== undefined && Number.isFinite(parsed) ? parsed : fallback;
};

function fieldParagraph(paragraph: SourceParagraph, styles: Styles, frameWidth: number): FieldParagraph {
  const { pPrs, rPrs } = chain(styles, paragraph.pPr);
  const left = num(inherited(pPrs, 'w:ind', ['w:left', 'w:start']), 0);
  const right = num(inherited(pPrs, 'w:ind', ['w:right', 'w:end']), 0);
  const sizes = (paragraph.runProps.length ? paragraph.runProps : ['']).map((rPr) => num(inherited([rPr, ...rPrs], 'w:sz', 'w:val'), 20));
  const rule = inherited(pPrs, 'w:spacing', 'w:lineRule');
  const line = num(inherited(pPrs, 'w:spacing', 'w:line'), 240);
  return {
    box: { widthMm: Math.max(1, frameWidth - left - right) / 56.7, fontSizePt: Math.max(...sizes) / 2 },
    line: { rule: rule === 'exact' ? 'exact' : rule === 'atLeast' ? 'atLeast' : 'auto', value: line },
    beforeTwips: num(inherited(pPrs, 'w:spacing', 'w:before'), 0),
    afterTwips: num(inherited(pPrs, 'w:spacing', 'w:after'), 0),
  };
}

const sameFrame = (a: Record<string, string> | null, b: Record<string, string> | null): boolean =>
  a !== null && b !== null && JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * The address fields of a template body: every frame with a {{anschrift}} paragraph. A
 * {{anschrift}} outside a frame has no field of the template's own (the caller applies DIN 5008).
 */
export function findAddressFrames(paragraphs: readonly SourceParagraph[], stylesXml: string): AddressFrame[] {
  const styles = readStyles(stylesXml);
  const frames = paragraphs.map((p) => (p.topLevel ? frameOf(chain(styles, p.pPr).pPrs) : null));
  const found: AddressFrame[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    if (!frames[i]) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < paragraphs.length && sameFrame(frames[i], frames[end])) end++;
    const members = paragraphs.slice(i, end);
    const address = members.findIndex((p) => /\{\{\s*anschrift\s*\}\}/.test(p.text));
    if (address >= 0) {
      const frame = frames[i]!;
      const width = num(frame['w:w'], 0) || DIN_FIELD.widthTwips;
      const height = num(frame['w:h'], 0) || DIN_FIELD.heightTwips;
      found.push({
        first: i,
        geometry: { heightTwips: height, address, paragraphs: members.map((p) => fieldParagraph(p, styles, width)) },
        texts: members.map((p) => p.text),
      });
    }
    i = end;
  }
  return found;
}

/** Where a paragraph's own spacing-before goes, as an edit of its pPr: the attribute value to replace, or text to insert. */
export function spacingBeforeSlot(pPr: string): { kind: 'value'; start: number; end: number } | { kind: 'insert'; at: number; prefix: string; suffix: string } {
  const ownEnd = (() => {
    const stop = /<w:(?:rPr|pPrChange|sectPr)\b|<\/w:pPr>/.exec(pPr);
    return stop ? stop.index : pPr.length;
  })();
  const own = pPr.slice(0, ownEnd);
  const spacing = /<w:spacing\b[^>]*>/.exec(own);
  if (spacing) {
    const before = /\sw:before="([^"]*)"/.exec(spacing[0]);
    if (before) {
      const start = spacing.index + before.index + before[0].indexOf('"') + 1;
      return { kind: 'value', start, end: start + before[1].length };
    }
    const at = spacing.index + '<w:spacing'.length;
    return { kind: 'insert', at, prefix: ' w:before="', suffix: '"' };
  }
  // CT_PPr order: w:spacing comes before these.
  const next = /<w:(?:ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle)\b/.exec(own);
  return { kind: 'insert', at: next ? next.index : ownEnd, prefix: '<w:spacing w:before="', suffix: '"/>' };
}
