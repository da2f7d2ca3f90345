/**
 * Word template engine: a .docx with {{placeholders}} (see vocabulary.ts) is parsed and checked
 * ONCE (`compileTemplate`), then filled many times by concatenating precomputed XML segments
 * (`fillTemplate`, `fillCombined`) and zipped with fflate. Unchanged zip entries are compressed
 * once at compile time and copied into every output as they are.
 *
 * Parts that are filled: word/document.xml (Haupttext), word/header*.xml (Kopfzeile),
 * word/footer*.xml (Fußzeile). Footnotes and endnotes are checked only: a placeholder there is
 * reported, because it would not be filled.
 *
 * Word splits text across runs arbitrarily; per paragraph the texts of its own <w:t> nodes are
 * concatenated, {{…}} spans are located, and each placeholder is moved as a whole into the
 * <w:t> where it starts (the following <w:t> nodes lose the moved characters; their runs stay).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync, Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate';
import { AppError } from '../api/errors';
import { addressTooLongMessage, DIN_ADDRESS_FIELD, fitAddressField, type AddressFieldGeometry } from './address-field';
import { findAddressFrames, spacingBeforeSlot, type SourceParagraph } from './address-frame';
import { PLACEHOLDER_NAMES, PLACEHOLDER_PATTERN, placeholderSpec } from './vocabulary';

/** A template that cannot be used, or values that do not fit it. The message is German. */
export class TemplateError extends AppError {
  constructor(message: string, details?: unknown) {
    super('TEMPLATE_INVALID', message, details);
    this.name = 'TemplateError';
  }
}

// ---------------------------------------------------------------------------------------------
// Compiled representation

/**
 * One piece of an XML part: static XML, or something computed from the values per letter.
 * - 'v': an inline value (escaped; "\n" → <w:br/>, "\t" → <w:tab/>), placed inside a <w:t>;
 * - 'bp': the paragraphs of a block value except the last one, as whole <w:p> elements;
 * - 'bl': the last paragraph of a block value, inline (it goes into the original paragraph);
 * - 'sect': where a letter's section break goes in a combined document;
 * - 'ids': static XML with drawing/bookmark ids that must stay unique in a combined document;
 * - 'af': the spacing before the first paragraph of address field `field` (twips), which gives
 *   way to a long address (see address-field.ts).
 */
type Segment =
  | string
  | { readonly t: 'v'; readonly name: string }
  | { readonly t: 'bp'; readonly name: string; readonly pPr: string; readonly rPr: string }
  | { readonly t: 'bl'; readonly name: string }
  | { readonly t: 'sect'; readonly mode: 'inPPr' | 'newPPr' | 'para' }
  | { readonly t: 'ids'; readonly xml: string; readonly parts: readonly string[]; readonly ids: readonly number[] }
  | { readonly t: 'af'; readonly field: number };

interface CompiledBody {
  /** XML up to and including <w:body>. */
  readonly head: string;
  /** Everything between <w:body> and the body's final <w:sectPr>. */
  readonly content: readonly Segment[];
  /** The body's final <w:sectPr> as in the template ('' if there is none). */
  readonly sectPr: string;
  /** A copy of it that restarts page numbering and starts a new page (combined documents). */
  readonly sectPrRestart: string;
  /** XML after the final sectPr (</w:body></w:document>). */
  readonly tail: string;
  /** Offset between the drawing/bookmark ids of consecutive letters in a combined document. */
  readonly idStep: number;
}

type CompiledEntry =
  | {
      readonly kind: 'cached';
      readonly name: string;
      readonly compression: number;
      readonly crc: number;
      readonly size: number;
      readonly data: Uint8Array<ArrayBuffer>;
    }
  | { readonly kind: 'body'; readonly name: string; readonly body: CompiledBody }
  | { readonly kind: 'part'; readonly name: string; readonly segments: readonly Segment[] };

/** An address field of a template: its geometry and the text of each of its paragraphs (with placeholders). */
interface CompiledAddressField {
  readonly geometry: AddressFieldGeometry;
  readonly texts: readonly string[];
}

/** A checked template, ready to be filled many times. Treat everything but the first two fields as opaque. */
export interface CompiledTemplate {
  readonly templateName: string;
  /** The placeholder names the template uses (each needs a value when filling). */
  readonly placeholders: ReadonlySet<string>;
  /** Where {{anschrift}} stands: the template's address frames, or DIN 5008's field for an address outside a frame. */
  readonly addressFields: readonly CompiledAddressField[];
  /** Zip entries in output order ([Content_Types].xml first). */
  readonly entries: readonly CompiledEntry[];
}

/** Deflate level for the parts filled per letter. Measured on a 15 KB template (fflate): level 1 ≈ 1,300–1,600 fills/s,
 * levels 3/6 ≈ 1,100/s; single letters only ~1 % larger (a 1,000-letter combined file 150 KB instead of 90 KB).
 * With node:zlib a fill takes about two thirds of the CPU time it took with fflate's deflate. */
const FILL_LEVEL = 1;
/** Deflate level for entries compressed once at compile time. */
const CACHE_LEVEL = 6;
/** Entries that are compressed already and are stored as they are. */
const STORED_EXTENSIONS: ReadonlySet<string> = new Set(['png', 'jpg', 'jpeg', 'jpe', 'gif', 'emf', 'wdp']);

type PartKind = 'body' | 'header' | 'footer' | 'footnotes' | 'endnotes';

function partKind(entryName: string): PartKind | null {
  if (entryName === 'word/document.xml') return 'body';
  if (/^word\/header\d*\.xml$/.test(entryName)) return 'header';
  if (/^word\/footer\d*\.xml$/.test(entryName)) return 'footer';
  if (entryName === 'word/footnotes.xml') return 'footnotes';
  if (entryName === 'word/endnotes.xml') return 'endnotes';
  return null;
}

function partLabel(kind: PartKind): string {
  switch (kind) {
    case 'body':
      return 'Haupttext';
    case 'header':
      return 'Kopfzeile';
    case 'footer':
      return 'Fußzeile';
    case 'footnotes':
      return 'Fußnoten';
    case 'endnotes':
      return 'Endnoten';
  }
}

// ---------------------------------------------------------------------------------------------
// XML text helpers

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, entity: string) => {
    if (entity.charCodeAt(0) !== 35 /* # */) return NAMED_ENTITIES[entity] ?? whole;
    const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function escapeXml(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Line breaks normalised to "\n"; characters XML 1.0 forbids removed. */
function cleanValue(value: string): string {
  if (!/[\r\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/.test(value)) return value;
  return value.replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, '');
}

const RUN_TEXT_BREAK = '</w:t><w:br/><w:t xml:space="preserve">';
const RUN_TEXT_TAB = '</w:t><w:tab/><w:t xml:space="preserve">';

/** A value as the content of a <w:t xml:space="preserve"> (may close and reopen it for breaks). */
function inlineXml(value: string): string {
  if (!/[&<>\n\t\r\x00-\x1F\uFFFE\uFFFF]/.test(value)) return value;
  const escaped = escapeXml(cleanValue(value));
  return escaped.replace(/[\n\t]/g, (c) => (c === '\n' ? RUN_TEXT_BREAK : RUN_TEXT_TAB));
}

/** A block value split into paragraphs at blank lines (at least one, possibly empty). */
function blockParagraphs(value: string): string[] {
  const cleaned = cleanValue(value)
    .replace(/^(?:[ \t]*\n)+/, '')
    .replace(/(?:\n[ \t]*)+$/, '');
  return cleaned.split(/\n(?:[ \t]*\n)+/);
}

// ---------------------------------------------------------------------------------------------
// Scanning an XML part

interface RunInfo {
  rPrStart: number;
  rPrEnd: number;
  rPrDepth: number;
}

interface TextNode {
  /** Offset of "<w:t". */
  readonly openStart: number;
  /** Offset after the opening tag's ">". */
  readonly openEnd: number;
  /** Offset of "</w:t>". */
  closeStart: number;
  /** Decoded text. */
  text: string;
  readonly run: RunInfo | null;
}

interface ParaInfo {
  readonly start: number;
  readonly openEnd: number;
  end: number;
  readonly selfClosing: boolean;
  /** Nesting level: 0 for paragraphs not inside another paragraph. */
  readonly depth: number;
  readonly inFallback: boolean;
  pPrStart: number;
  pPrEnd: number;
  /** Offset of "</w:pPr>" or of "<w:pPrChange" inside it: where a sectPr may be inserted. */
  pPrInsert: number;
  pPrDepth: number;
  hasSectPr: boolean;
  run: RunInfo | null;
  openText: TextNode | null;
  readonly texts: TextNode[];
  /** Plain text pieces in order (text, "\t", "\n"), for documentText. */
  readonly pieces: string[];
}

interface ScannedPart {
  readonly paras: ParaInfo[];
  bodyOpenEnd: number;
  bodyCloseStart: number;
  sectStart: number;
  sectEnd: number;
}

function scanPart(xml: string): ScannedPart {
  const result: ScannedPart = { paras: [], bodyOpenEnd: -1, bodyCloseStart: -1, sectStart: -1, sectEnd: -1 };
  const tags =
    /<(?:!--[\s\S]*?-->|\?[\s\S]*?\?>|!\[CDATA\[[\s\S]*?\]\]>|![A-Za-z][^>]*>|(\/?)([^\s/>!?]+)((?:[^>"']|"[^"]*"|'[^']*')*)>)/g;
  const stack: ParaInfo[] = [];
  let fallbackDepth = 0;
  let bodySectDepth = 0;
  let match: RegExpExecArray | null;
  while ((match = tags.exec(xml)) !== null) {
    const name = match[2];
    if (name === undefined) continue;
    const closing = match[1] === '/';
    const selfClosing = !closing && match[3].endsWith('/');
    const start = match.index;
    const end = tags.lastIndex;
    const para = stack.length > 0 ? stack[stack.length - 1] : undefined;

    if (bodySectDepth > 0 && name === 'w:sectPr') {
      if (closing) {
        bodySectDepth--;
        if (bodySectDepth === 0) result.sectEnd = end;
      } else if (!selfClosing) bodySectDepth++;
      continue;
    }

    switch (name) {
      case 'w:p': {
        if (closing) {
          const done = stack.pop();
          if (done) done.end = end;
        } else {
          const info: ParaInfo = {
            start,
            openEnd: end,
            end: selfClosing ? end : -1,
            selfClosing,
            depth: stack.length,
            inFallback: fallbackDepth > 0,
            pPrStart: -1,
            pPrEnd: -1,
            pPrInsert: -1,
            pPrDepth: 0,
            hasSectPr: false,
            run: null,
            openText: null,
            texts: [],
            pieces: [],
          };
          result.paras.push(info);
          if (!selfClosing) stack.push(info);
        }
        break;
      }
      case 'w:pPr': {
        if (!para || para.run) break;
        if (closing) {
          para.pPrDepth--;
          if (para.pPrDepth === 0 && para.pPrEnd < 0) {
            para.pPrEnd = end;
            if (para.pPrInsert < 0) para.pPrInsert = start;
          }
        } else if (para.pPrStart < 0) {
          para.pPrStart = start;
          if (selfClosing) para.pPrEnd = end;
          else para.pPrDepth = 1;
        } else if (!selfClosing && para.pPrDepth > 0) para.pPrDepth++;
        break;
      }
      case 'w:pPrChange':
        if (para && para.pPrDepth === 1 && !closing && para.pPrInsert < 0) para.pPrInsert = start;
        break;
      case 'w:sectPr':
        if (para) {
          if (para.pPrDepth > 0 && !closing) para.hasSectPr = true;
        } else if (!closing && result.bodyOpenEnd >= 0 && result.bodyCloseStart < 0) {
          // A body-level sectPr: the last one is the body's final section properties.
          result.sectStart = start;
          if (selfClosing) result.sectEnd = end;
          else {
            result.sectEnd = -1;
            bodySectDepth = 1;
          }
        }
        break;
      case 'w:r': {
        if (!para || selfClosing) break;
        para.run = closing ? null : { rPrStart: -1, rPrEnd: -1, rPrDepth: 0 };
        break;
      }
      case 'w:rPr': {
        const run = para?.run;
        if (!run || run.rPrEnd >= 0) break;
        if (closing) {
          run.rPrDepth--;
          if (run.rPrDepth === 0) run.rPrEnd = end;
        } else if (run.rPrStart < 0) {
          run.rPrStart = start;
          if (selfClosing) run.rPrEnd = end;
          else run.rPrDepth = 1;
        } else if (!selfClosing) run.rPrDepth++;
        break;
      }
      case 'w:t': {
        if (!para || selfClosing) break;
        if (!closing) {
          para.openText = { openStart: start, openEnd: end, closeStart: -1, text: '', run: para.run };
        } else if (para.openText) {
          const node = para.openText;
          node.closeStart = start;
          node.text = decodeXml(xml.slice(node.openEnd, start));
          para.texts.push(node);
          para.pieces.push(node.text);
          para.openText = null;
        }
        break;
      }
      case 'w:tab':
        if (para?.run && !closing) para.pieces.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (para?.run && !closing) para.pieces.push('\n');
        break;
      case 'mc:Fallback':
        if (!selfClosing) fallbackDepth += closing ? -1 : 1;
        break;
      case 'w:body':
        if (closing) result.bodyCloseStart = start;
        else if (!selfClosing) result.bodyOpenEnd = end;
        break;
      default:
        break;
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Finding placeholders in a paragraph

const NAME_PATTERN = /^[A-Za-z0-9_äöüÄÖÜß]+$/;

interface Span {
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

interface ParagraphFindings {
  readonly spans: Span[];
  readonly problems: string[];
}

function shorten(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max).trimEnd()}…` : flat;
}

/** The paragraph text up to `end` (at most ~40 characters before it), as an excerpt ending in "…". */
function excerptUpTo(text: string, end: number): string {
  const from = Math.max(0, end - 40);
  const piece = text.slice(from, end).replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${from > 0 ? piece.trimStart() : piece}…`;
}

function findPlaceholders(text: string, templateName: string, label: string): ParagraphFindings {
  const spans: Span[] = [];
  const problems: string[] = [];
  const broken = (fragment: string, end: number): void => {
    problems.push(
      `Die Vorlage „${templateName}“ enthält einen unvollständigen oder getrennten Platzhalter: „${fragment}“ (${label}, Absatz „${excerptUpTo(text, end)}“).`,
    );
  };
  let i = 0;
  for (;;) {
    const open = text.indexOf('{{', i);
    const close = text.indexOf('}}', i);
    if (open < 0 && close < 0) break;
    if (close >= 0 && (open < 0 || close < open)) {
      // "}}" without an opening "{{" in this paragraph.
      const before = /[A-Za-z0-9_äöüÄÖÜß ]*$/.exec(text.slice(i, close))?.[0].trimStart() ?? '';
      broken(`${before}}}`, close + 2);
      i = close + 2;
      continue;
    }
    const closeAfter = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (closeAfter < 0 || (nextOpen >= 0 && nextOpen < closeAfter)) {
      // "{{" without a closing "}}" before the paragraph ends or the next "{{".
      const fragment = /^\{\{\s*[A-Za-z0-9_äöüÄÖÜß]*/.exec(text.slice(open))?.[0] ?? '{{';
      broken(fragment, open + fragment.length);
      i = nextOpen >= 0 ? nextOpen : text.length;
      continue;
    }
    const inner = text.slice(open + 2, closeAfter).trim();
    const name = NAME_PATTERN.test(inner) ? inner : '';
    if (!name || !PLACEHOLDER_NAMES.has(name)) {
      problems.push(
        `Die Vorlage „${templateName}“ enthält den unbekannten Platzhalter {{${shorten(inner)}}} (${label}).`,
      );
    } else {
      spans.push({ start: open, end: closeAfter + 2, name });
    }
    i = closeAfter + 2;
  }
  return { spans, problems };
}

// ---------------------------------------------------------------------------------------------
// Analysing a part: problems, placeholder names and the edits that normalise and fill it

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly segments: readonly Segment[];
}

interface PartAnalysis {
  readonly problems: string[];
  readonly names: Set<string>;
  readonly edits: Edit[];
}

function analysePart(xml: string, scan: ScannedPart, kind: PartKind, templateName: string): PartAnalysis {
  const label = partLabel(kind);
  const problems: string[] = [];
  const names = new Set<string>();
  const edits: Edit[] = [];

  for (const para of scan.paras) {
    if (para.texts.length === 0) continue;
    let text = '';
    const offsets: number[] = [];
    for (const node of para.texts) {
      offsets.push(text.length);
      text += node.text;
    }
    if (text.indexOf('{{') < 0 && text.indexOf('}}') < 0) continue;

    const found = findPlaceholders(text, templateName, label);
    problems.push(...found.problems);
    const spans = found.spans;
    if (spans.length === 0) continue;

    let block: Span | null = null;
    for (const span of spans) {
      names.add(span.name);
      const spec = placeholderSpec(span.name);
      if (kind === 'footnotes' || kind === 'endnotes') {
        problems.push(
          `Die Vorlage „${templateName}“ enthält den Platzhalter {{${span.name}}} in den ${label}. Dort werden Platzhalter nicht ausgefüllt; bitte in den Haupttext verschieben.`,
        );
        continue;
      }
      if ((kind === 'header' || kind === 'footer') && spec?.scope === 'letter') {
        problems.push(
          `Die Vorlage „${templateName}“ enthält den Platzhalter {{${span.name}}} in der ${label}. Der Platzhalter {{${span.name}}} darf nicht in der Kopf- oder Fußzeile stehen.`,
        );
      }
      if (spec?.block) {
        const alone = spans.length === 1 && text.trim() === text.slice(span.start, span.end);
        if (!alone) {
          problems.push(
            `Die Vorlage „${templateName}“ enthält den Platzhalter {{${span.name}}} zusammen mit anderem Text (${label}, Absatz „${shorten(text)}“). Der Platzhalter {{${span.name}}} muss allein in einem eigenen Absatz stehen.`,
          );
        } else block = span;
      }
    }
    if (kind === 'footnotes' || kind === 'endnotes') continue;

    // Normalise: every node that overlaps a placeholder is rewritten; each placeholder goes
    // whole into the node where it starts, following nodes lose the moved characters.
    let j = 0;
    let blockNode: TextNode | null = null;
    for (let n = 0; n < para.texts.length; n++) {
      const node = para.texts[n];
      const from = offsets[n];
      const to = from + node.text.length;
      const pieces: Segment[] = [];
      let literal = '';
      let touched = false;
      let pos = from;
      while (pos < to) {
        while (j < spans.length && spans[j].end <= pos) j++;
        const span = j < spans.length ? spans[j] : undefined;
        if (span && span.start < pos) {
          touched = true; // inside a placeholder that started in an earlier node
          pos = Math.min(span.end, to);
        } else if (span && span.start < to) {
          touched = true;
          literal += text.slice(pos, span.start);
          if (literal) pieces.push(escapeXml(literal));
          literal = '';
          if (block && span === block) {
            pieces.push({ t: 'bl', name: span.name });
            blockNode = node;
          } else pieces.push({ t: 'v', name: span.name });
          pos = span.end;
        } else {
          literal += text.slice(pos, to);
          pos = to;
        }
      }
      if (literal) pieces.push(escapeXml(literal));
      if (block) {
        // The block paragraph keeps only the block value (surrounding whitespace is dropped).
        touched = true;
        for (let k = pieces.length - 1; k >= 0; k--) if (typeof pieces[k] === 'string') pieces.splice(k, 1);
      }
      if (touched) {
        edits.push({ start: node.openStart, end: node.closeStart, segments: ['<w:t xml:space="preserve">', ...pieces] });
      }
    }

    if (block && blockNode) {
      const pPr = para.pPrStart >= 0 ? xml.slice(para.pPrStart, para.pPrEnd) : '';
      const run = blockNode.run;
      const rPr = run && run.rPrStart >= 0 && run.rPrEnd >= 0 ? xml.slice(run.rPrStart, run.rPrEnd) : '';
      // The copies before the last paragraph must not chain "keep with next": only the last
      // body paragraph keeps the closing on its page (the template sets it on the placeholder).
      const copyPPr = withoutSectPr(pPr).replace(/<w:keepNext(?:\s+w:val="[^"]*")?\s*\/>/g, '');
      edits.push({ start: para.start, end: para.start, segments: [{ t: 'bp', name: block.name, pPr: copyPPr, rPr }] });
    }
  }
  return { problems, names, edits };
}

function withoutSectPr(pPr: string): string {
  return pPr.replace(/<w:sectPr\b[^>]*\/>|<w:sectPr\b[\s\S]*<\/w:sectPr>/, '');
}

/** Static XML with edits applied, as segments (adjacent strings merged). */
function buildSegments(xml: string, from: number, to: number, edits: readonly Edit[]): Segment[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Segment[] = [];
  const push = (segment: Segment): void => {
    if (typeof segment === 'string') {
      if (!segment) return;
      const last = out.length - 1;
      if (last >= 0 && typeof out[last] === 'string') {
        out[last] = (out[last] as string) + segment;
        return;
      }
    }
    out.push(segment);
  };
  let pos = from;
  for (const edit of sorted) {
    if (edit.start < pos || edit.end > to) throw new Error(`Overlapping template edit at ${edit.start}`);
    push(xml.slice(pos, edit.start));
    for (const segment of edit.segments) push(segment);
    pos = edit.end;
  }
  push(xml.slice(pos, to));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Body specifics: section breaks and unique ids in combined documents

/** A copy of the final sectPr that starts a new page and restarts page numbering at 1. */
function restartingSectPr(sectPr: string): string {
  if (!sectPr) return '<w:sectPr><w:pgNumType w:start="1"/></w:sectPr>';
  if (/^<w:sectPr\b[^>]*\/>$/.test(sectPr)) return `${sectPr.slice(0, -2)}><w:pgNumType w:start="1"/></w:sectPr>`;
  // Only the section's own properties, not those inside a tracked change (w:sectPrChange).
  const changeAt = sectPr.indexOf('<w:sectPrChange');
  let own = changeAt >= 0 ? sectPr.slice(0, changeAt) : sectPr.slice(0, sectPr.lastIndexOf('</w:sectPr>'));
  const rest = sectPr.slice(own.length);
  own = own.replace(/<w:type\s+w:val="(?:continuous|nextColumn)"\s*\/>/, '<w:type w:val="nextPage"/>');
  const existing = /<w:pgNumType\b((?:[^>"']|"[^"]*")*?)(\/?)>/.exec(own);
  if (existing) {
    const attrs = existing[1].replace(/\s+w:start="[^"]*"/, '');
    const tag = `<w:pgNumType${attrs} w:start="1"${existing[2]}>`;
    return own.slice(0, existing.index) + tag + own.slice(existing.index + existing[0].length) + rest;
  }
  // CT_SectPr order: pgNumType comes before these elements.
  const next = /<w:(?:cols|formProt|vAlign|noEndnote|titlePg|textDirection|bidi|rtlGutter|docGrid|printerSettings)\b/.exec(own);
  const at = next ? next.index : own.length;
  return `${own.slice(0, at)}<w:pgNumType w:start="1"/>${own.slice(at)}${rest}`;
}

/** Where the section break of a letter goes: into the last paragraph when possible. */
function sectionBreakEdit(xml: string, scan: ScannedPart, contentEnd: number): Edit {
  const atEnd: Edit = { start: contentEnd, end: contentEnd, segments: [{ t: 'sect', mode: 'para' }] };
  let last: ParaInfo | undefined;
  for (const para of scan.paras) if (para.depth === 0 && para.end <= contentEnd) last = para;
  if (!last || last.selfClosing || last.hasSectPr || xml.slice(last.end, contentEnd).trim() !== '') return atEnd;
  if (last.pPrStart < 0) return { start: last.openEnd, end: last.openEnd, segments: [{ t: 'sect', mode: 'newPPr' }] };
  if (last.pPrInsert < 0 || xml.startsWith('/>', last.pPrEnd - 2)) return atEnd;
  return { start: last.pPrInsert, end: last.pPrInsert, segments: [{ t: 'sect', mode: 'inPPr' }] };
}

/** Drawing and bookmark ids, which must be unique in the whole document. */
function idAttributes(): RegExp {
  return /(<(?:wp:docPr|w:bookmarkStart|w:bookmarkEnd)\b(?:[^>"]|"[^"]*")*?\s(?:w:)?id=")(\d+)(")/g;
}

function maxIdIn(xml: string): number {
  let max = 0;
  for (const match of xml.matchAll(idAttributes())) max = Math.max(max, Number(match[2]));
  return max;
}

/** Splits static body XML at drawing and bookmark ids, which are renumbered per letter. */
function withIdSegments(segments: readonly Segment[]): { segments: Segment[]; maxId: number } {
  let maxId = 0;
  const out: Segment[] = [];
  for (const segment of segments) {
    if (typeof segment !== 'string') {
      out.push(segment);
      continue;
    }
    // w14:paraId/textId must be unique too; they are optional, so they are dropped.
    const xml = segment.replace(/\sw14:(?:paraId|textId)="[^"]*"/g, '');
    const idPattern = idAttributes();
    const parts: string[] = [];
    const ids: number[] = [];
    let pos = 0;
    let match: RegExpExecArray | null;
    while ((match = idPattern.exec(xml)) !== null) {
      const idAt = match.index + match[1].length;
      parts.push(xml.slice(pos, idAt));
      const id = Number(match[2]);
      ids.push(id);
      if (id > maxId) maxId = id;
      pos = idAt + match[2].length;
    }
    if (ids.length === 0) out.push(xml);
    else {
      parts.push(xml.slice(pos));
      out.push({ t: 'ids', xml, parts, ids });
    }
  }
  return { segments: out, maxId };
}

/** `otherMaxId`: the highest id in the other parts, so renumbered ids never collide with them. */
function compileBody(xml: string, scan: ScannedPart, edits: readonly Edit[], otherMaxId: number): CompiledBody {
  if (scan.bodyOpenEnd < 0 || scan.bodyCloseStart < 0) throw new Error('no body');
  const hasSect = scan.sectStart >= 0 && scan.sectEnd > scan.sectStart;
  const contentEnd = hasSect ? scan.sectStart : scan.bodyCloseStart;
  const sectPr = hasSect ? xml.slice(scan.sectStart, scan.sectEnd) : '';
  const all = [...edits, sectionBreakEdit(xml, scan, contentEnd)];
  const { segments, maxId } = withIdSegments(buildSegments(xml, scan.bodyOpenEnd, contentEnd, all));
  return {
    head: xml.slice(0, scan.bodyOpenEnd),
    content: segments,
    sectPr,
    sectPrRestart: restartingSectPr(sectPr),
    tail: xml.slice(hasSect ? scan.sectEnd : scan.bodyCloseStart),
    idStep: Math.max(maxId, otherMaxId) + 1,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the template

type Unzipped = Record<string, Uint8Array>;

function notDocx(templateName: string): string {
  return `Die Vorlage „${templateName}“ ist keine Word-Datei (.docx).`;
}

function unzipDocx(bytes: Uint8Array): Unzipped | null {
  try {
    const files = unzipSync(bytes);
    return files['word/document.xml'] ? files : null;
  } catch {
    return null;
  }
}

interface Analysis {
  readonly files: Unzipped;
  readonly problems: string[];
  readonly names: Set<string>;
  readonly parts: Map<string, { xml: string; scan: ScannedPart; kind: PartKind; edits: Edit[] }>;
  readonly addressFields: CompiledAddressField[];
}

/**
 * The address fields of the body (see address-frame.ts), and the edits that let the first
 * paragraph of each give way to a long address. Without a frame, DIN 5008's field applies.
 */
function addressFieldsOf(xml: string, scan: ScannedPart, stylesXml: string): { fields: CompiledAddressField[]; edits: Edit[] } {
  const paras = scan.paras.filter((para) => para.depth === 0 && !para.inFallback);
  const sources: SourceParagraph[] = paras.map((para) => ({
    pPr: para.pPrStart >= 0 ? xml.slice(para.pPrStart, para.pPrEnd) : '',
    runProps: para.texts.map((node) => (node.run && node.run.rPrStart >= 0 && node.run.rPrEnd >= 0 ? xml.slice(node.run.rPrStart, node.run.rPrEnd) : '')),
    text: para.pieces.join(''),
    topLevel: true,
  }));
  const frames = findAddressFrames(sources, stylesXml);
  const fields: CompiledAddressField[] = [];
  const edits: Edit[] = [];
  for (const frame of frames) {
    const para = paras[frame.first];
    const segment: Segment = { t: 'af', field: fields.length };
    fields.push({ geometry: frame.geometry, texts: frame.texts });
    if (para.pPrStart < 0) {
      edits.push({ start: para.openEnd, end: para.openEnd, segments: ['<w:pPr><w:spacing w:before="', segment, '"/></w:pPr>'] });
    } else if (xml.startsWith('/>', para.pPrEnd - 2)) {
      edits.push({ start: para.pPrStart, end: para.pPrEnd, segments: ['<w:pPr><w:spacing w:before="', segment, '"/></w:pPr>'] });
    } else {
      const slot = spacingBeforeSlot(xml.slice(para.pPrStart, para.pPrEnd));
      if (slot.kind === 'value') edits.push({ start: para.pPrStart + slot.start, end: para.pPrStart + slot.end, segments: [segment] });
      else edits.push({ start: para.pPrStart + slot.at, end: para.pPrStart + slot.at, segments: [slot.prefix, segment, slot.suffix] });
    }
  }
  // {{anschrift}} outside a frame (a text box, a table, the text itself): DIN 5008's field.
  const anywhere = scan.paras.some((para) => !para.inFallback && /\{\{\s*anschrift\s*\}\}/.test(para.pieces.join('')));
  if (fields.length === 0 && anywhere) fields.push(DIN_ADDRESS_FIELD);
  return { fields, edits };
}

function analyse(bytes: Uint8Array, templateName: string): Analysis | { notDocx: string } {
  const files = unzipDocx(bytes);
  if (!files) return { notDocx: notDocx(templateName) };
  const decoder = new TextDecoder('utf-8');
  const problems = new Set<string>();
  const names = new Set<string>();
  const parts: Analysis['parts'] = new Map();
  let addressFields: CompiledAddressField[] = [];
  const entryNames = Object.keys(files).sort((a, b) => order(a) - order(b) || a.localeCompare(b, 'en', { numeric: true }));
  for (const name of entryNames) {
    const kind = partKind(name);
    if (!kind) continue;
    const xml = decoder.decode(files[name]);
    const scan = scanPart(xml);
    if (kind === 'body' && (scan.bodyOpenEnd < 0 || scan.bodyCloseStart < 0)) {
      return { notDocx: notDocx(templateName) };
    }
    const result = analysePart(xml, scan, kind, templateName);
    for (const problem of result.problems) problems.add(problem);
    for (const used of result.names) names.add(used);
    if (kind === 'body' && result.problems.length === 0) {
      const styles = files['word/styles.xml'] ? decoder.decode(files['word/styles.xml']) : '';
      const address = addressFieldsOf(xml, scan, styles);
      addressFields = address.fields;
      result.edits.push(...address.edits);
    }
    parts.set(name, { xml, scan, kind, edits: result.edits });
  }
  return { files, problems: [...problems], names, parts, addressFields };
}

/** Body first, then headers, then footers (for the order of problems). */
function order(entryName: string): number {
  const kind = partKind(entryName);
  return kind === 'body' ? 0 : kind === 'header' ? 1 : kind === 'footer' ? 2 : 3;
}

/**
 * Checks a template and lists ALL problems (German sentences naming the template and the
 * placeholder) and the known placeholders it uses (sorted).
 */
export function checkTemplate(bytes: Uint8Array, templateName: string): { placeholders: string[]; problems: string[] } {
  const result = analyse(bytes, templateName);
  if ('notDocx' in result) return { placeholders: [], problems: [result.notDocx] };
  return { placeholders: [...result.names].sort(), problems: result.problems };
}

function cacheEntry(name: string, data: Uint8Array): CompiledEntry {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const stream = STORED_EXTENSIONS.has(extension) || data.length === 0 ? new ZipPassThrough(name) : new ZipDeflate(name, { level: CACHE_LEVEL });
  stream.ondata = (error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  };
  stream.push(data, true);
  return { kind: 'cached', name, compression: stream.compression, crc: stream.crc, size: stream.size, data: concat(chunks) };
}

/** Parses and checks a template once; throws TemplateError listing all problems. */
export function compileTemplate(bytes: Uint8Array, templateName: string): CompiledTemplate {
  const result = analyse(bytes, templateName);
  if ('notDocx' in result) throw new TemplateError(result.notDocx, { problems: [result.notDocx] });
  if (result.problems.length > 0) {
    throw new TemplateError(result.problems.join('\n'), { problems: result.problems });
  }
  const names = Object.keys(result.files);
  const contentTypes = names.indexOf('[Content_Types].xml');
  if (contentTypes > 0) names.unshift(...names.splice(contentTypes, 1));

  let otherMaxId = 0;
  for (const part of result.parts.values()) if (part.kind !== 'body') otherMaxId = Math.max(otherMaxId, maxIdIn(part.xml));
  const entries: CompiledEntry[] = [];
  for (const name of names) {
    const part = result.parts.get(name);
    if (part && part.kind === 'body') {
      entries.push({ kind: 'body', name, body: compileBody(part.xml, part.scan, part.edits, otherMaxId) });
    } else if (part && part.edits.length > 0 && (part.kind === 'header' || part.kind === 'footer')) {
      entries.push({ kind: 'part', name, segments: buildSegments(part.xml, 0, part.xml.length, part.edits) });
    } else {
      entries.push(cacheEntry(name, result.files[name]));
    }
  }
  return { templateName, placeholders: new Set(result.names), addressFields: result.addressFields, entries };
}

// ---------------------------------------------------------------------------------------------
// Filling

interface RenderContext {
  readonly values: Readonly<Record<string, string>>;
  /** The section break for a combined document's letter, or null (single letter / last letter). */
  readonly sectPr: string | null;
  readonly idOffset: number;
  /** Per address field: the spacing before its first paragraph for this letter (twips). */
  readonly addressBefore: readonly number[];
}

function render(segments: readonly Segment[], ctx: RenderContext): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'string') {
      out += segment;
      continue;
    }
    switch (segment.t) {
      case 'v':
        out += inlineXml(ctx.values[segment.name]);
        break;
      case 'bl': {
        const paragraphs = blockParagraphs(ctx.values[segment.name]);
        out += inlineXml(paragraphs[paragraphs.length - 1]);
        break;
      }
      case 'bp': {
        const paragraphs = blockParagraphs(ctx.values[segment.name]);
        for (let i = 0; i < paragraphs.length - 1; i++) {
          out += `<w:p>${segment.pPr}<w:r>${segment.rPr}<w:t xml:space="preserve">${inlineXml(paragraphs[i])}</w:t></w:r></w:p>`;
        }
        break;
      }
      case 'sect':
        if (ctx.sectPr !== null) {
          if (segment.mode === 'inPPr') out += ctx.sectPr;
          else if (segment.mode === 'newPPr') out += `<w:pPr>${ctx.sectPr}</w:pPr>`;
          else out += `<w:p><w:pPr>${ctx.sectPr}</w:pPr></w:p>`;
        }
        break;
      case 'ids':
        if (ctx.idOffset === 0) out += segment.xml;
        else {
          for (let i = 0; i < segment.ids.length; i++) out += segment.parts[i] + String(segment.ids[i] + ctx.idOffset);
          out += segment.parts[segment.ids.length];
        }
        break;
      case 'af':
        out += String(ctx.addressBefore[segment.field]);
        break;
    }
  }
  return out;
}

function requireValues(template: CompiledTemplate, values: Readonly<Record<string, string>>, letter?: number): void {
  for (const name of template.placeholders) {
    if (typeof values[name] !== 'string') {
      const where = letter === undefined ? '' : ` (Brief ${letter})`;
      throw new TemplateError(`Für den Platzhalter {{${name}}} der Vorlage „${template.templateName}“ fehlt ein Wert${where}.`, {
        placeholder: name,
        letter,
      });
    }
  }
}

function concat(chunks: readonly Uint8Array<ArrayBuffer>[]): Uint8Array<ArrayBuffer> {
  if (chunks.length === 1) return chunks[0];
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Builds the zip: cached entries are copied, the others are produced by `write` (their pieces in
 * order) and deflated with the platform's zlib — several times faster than deflating in
 * JavaScript, and the largest part of filling a letter.
 */
function writeZip(entries: readonly CompiledEntry[], write: (entry: Exclude<CompiledEntry, { kind: 'cached' }>) => readonly string[]): Uint8Array {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let failure: unknown = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure ??= error;
    else chunks.push(chunk);
  });
  for (const entry of entries) {
    const { name, compression, crc, size, data } = entry.kind === 'cached' ? entry : deflated(entry.name, Buffer.from(write(entry).join(''), 'utf8'));
    const file: ZipInputFile = { filename: name, compression, crc, size };
    zip.add(file);
    file.ondata?.(null, data, true);
  }
  zip.end();
  if (failure) throw failure;
  return concat(chunks);
}

/** A filled part as a zip entry: deflated (method 8) at FILL_LEVEL, with its checksum and size. */
function deflated(name: string, bytes: Buffer): { name: string; compression: number; crc: number; size: number; data: Uint8Array<ArrayBuffer> } {
  return { name, compression: 8, crc: crc32(bytes), size: bytes.length, data: new Uint8Array(deflateRawSync(bytes, { level: FILL_LEVEL })) };
}

/** The filled text of each paragraph of an address field, split at line breaks. */
function fieldTexts(field: CompiledAddressField, values: Readonly<Record<string, string>>): string[][] {
  return field.texts.map((text) => cleanValue(text.replace(PLACEHOLDER_PATTERN, (_, name: string) => values[name] ?? '')).split('\n'));
}

/**
 * Lays the letter's address out in each address field of the template (DOMAIN.md D "Long
 * addresses"): the spacing before each field's first paragraph, or the German refusal naming
 * the lines to shorten when the address cannot fit the field whole.
 */
function layoutAddress(template: CompiledTemplate, values: Readonly<Record<string, string>>): { before: number[]; problem: null } | { before: null; problem: string } {
  const before: number[] = [];
  for (const field of template.addressFields) {
    const texts = fieldTexts(field, values);
    const fit = fitAddressField(field.geometry, texts);
    if (!fit.fits) return { before: null, problem: addressTooLongMessage(texts[field.geometry.address], fit, template.templateName) };
    before.push(fit.firstBeforeTwips);
  }
  return { before, problem: null };
}

/**
 * Null when the letter's address fits the template's address field whole; otherwise the German
 * message that names the lines to shorten. `fillTemplate` refuses such a letter with it.
 */
export function addressFieldProblem(template: CompiledTemplate, values: Readonly<Record<string, string>>): string | null {
  return layoutAddress(template, values).problem;
}

function addressBefore(template: CompiledTemplate, values: Readonly<Record<string, string>>, letter?: number): number[] {
  const layout = layoutAddress(template, values);
  if (layout.problem !== null) {
    throw new AppError('INVALID_INPUT', letter === undefined ? layout.problem : `Brief ${letter}: ${layout.problem}`, { address: layout.problem, letter });
  }
  return layout.before;
}

/** Fills a compiled template with one letter's values; returns the .docx bytes. Refuses an address that does not fit the field. */
export function fillTemplate(template: CompiledTemplate, values: Readonly<Record<string, string>>): Uint8Array {
  requireValues(template, values);
  const ctx: RenderContext = { values, sectPr: null, idOffset: 0, addressBefore: addressBefore(template, values) };
  return writeZip(template.entries, (entry) =>
    entry.kind === 'body' ? [entry.body.head, render(entry.body.content, ctx), entry.body.sectPr, entry.body.tail] : [render(entry.segments, ctx)],
  );
}

/**
 * ONE .docx with one letter per section (page numbers restart, the first-page letterhead
 * repeats). Headers and footers are shared and filled from the first letter's values.
 */
export function fillCombined(
  template: CompiledTemplate,
  letters: ReadonlyArray<Readonly<Record<string, string>>>,
): Uint8Array {
  if (letters.length === 0) {
    throw new TemplateError(`Für die Vorlage „${template.templateName}“ wurde kein Brief zum Zusammenfassen übergeben.`);
  }
  letters.forEach((values, index) => requireValues(template, values, index + 1));
  const before = letters.map((values, index) => addressBefore(template, values, index + 1));
  return writeZip(template.entries, (entry) => {
    if (entry.kind === 'part') return [render(entry.segments, { values: letters[0], sectPr: null, idOffset: 0, addressBefore: before[0] })];
    const body = entry.body;
    return [
      body.head,
      ...letters.map((values, index) => {
        const last = index === letters.length - 1;
        return render(body.content, { values, sectPr: last ? null : body.sectPrRestart, idOffset: index * body.idStep, addressBefore: before[index] });
      }),
      body.sectPrRestart + body.tail,
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// Plain text (tests, previews)

/**
 * The plain text of a .docx: body, headers and footers (in file-name order), paragraphs joined
 * by "\n", <w:br/> as "\n", tabs as "\t". Text boxes appear after the paragraph that holds them;
 * their fallback copy (mc:Fallback) is skipped.
 */
export function documentText(bytes: Uint8Array): { body: string; headers: string[]; footers: string[] } {
  const files = unzipDocx(bytes);
  if (!files) throw new TemplateError('Die Datei ist keine Word-Datei (.docx).');
  const decoder = new TextDecoder('utf-8');
  const text = (name: string): string =>
    scanPart(decoder.decode(files[name]))
      .paras.filter((para) => !para.inFallback)
      .map((para) => para.pieces.join(''))
      .join('\n');
  const names = Object.keys(files).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return {
    body: text('word/document.xml'),
    headers: names.filter((name) => partKind(name) === 'header').map(text),
    footers: names.filter((name) => partKind(name) === 'footer').map(text),
  };
}
