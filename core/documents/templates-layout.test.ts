/**
 * Checks the shipped Word templates (built by scripts/build-templates.ts) against DIN 5008
 * Form B and the placeholder vocabulary, by reading their WordprocessingML.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { templateManifestSchema, type TemplateManifestEntry } from '../api/schemas/letters';
import { PLACEHOLDER_NAMES, PLACEHOLDER_PATTERN, placeholderSpec } from './vocabulary';

const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
const TWIPS_PER_MM = 56.7;
const TOLERANCE = 57; // 1 mm

const EXPECTED_IDS = [
  'geburtstag',
  'ehejubilaeum',
  'vereinsjubilaeum',
  'kondolenz',
  'nachruf',
  'weihnachtsgruss',
  'feiertagsgruss',
  'partnerstadt-de',
  'partnerstadt-en',
  'partnerstadt-fr',
  'dankschreiben',
  'zusage',
  'absage',
  'buergeranliegen',
  'eingangsbestaetigung',
  'schirmherrschaft-zusage',
  'schirmherrschaft-absage',
];

function readManifest(): TemplateManifestEntry[] {
  const raw: unknown = JSON.parse(fs.readFileSync(`${TEMPLATES_DIR}manifest.json`, 'utf8'));
  return templateManifestSchema.parse(raw).templates;
}

// --- small XML helpers ------------------------------------------------------------------

/** The attributes of one start tag, keyed by qualified name ("w:x"). */
function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:]+)="([^"]*)"/g)) result[match[1]] = match[2];
  return result;
}

/** Attributes of every element `name` (e.g. "w:framePr") in the XML. */
function elements(xml: string, name: string): Record<string, string>[] {
  const pattern = new RegExp(`<${name}(?=[\\s/>])[^>]*>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => attributes(match[0]));
}

function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?(?:\/>|>[\s\S]*?<\/w:p>)/g)].map((match) => match[0]);
}

function textsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]);
}

function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER_PATTERN)].map((match) => match[1]);
}

const num = (value: string | undefined): number => Number(value ?? NaN);

function expectMm(twips: string | undefined, millimetres: number, what: string): void {
  const value = num(twips);
  expect(Number.isFinite(value), `${what}: attribute missing`).toBe(true);
  expect(Math.abs(value - millimetres * TWIPS_PER_MM), `${what}: ${value} twips, expected ${millimetres} mm`).toBeLessThanOrEqual(
    TOLERANCE,
  );
}

const near = (twips: string | undefined, millimetres: number): boolean =>
  Math.abs(num(twips) - millimetres * TWIPS_PER_MM) <= TOLERANCE;

interface Docx {
  parts: Record<string, string>;
  document: string;
  /** The part (e.g. "word/header2.xml") a header/footer reference of the body's sectPr points to. */
  referencedPart(kind: 'header' | 'footer', type: 'default' | 'first'): string | undefined;
}

function openDocx(file: string): Docx {
  const zip = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(zip)) if (name.endsWith('.xml') || name.endsWith('.rels')) parts[name] = strFromU8(data);
  const document = parts['word/document.xml'] ?? '';
  const rels = new Map(
    elements(parts['word/_rels/document.xml.rels'] ?? '', 'Relationship').map((rel) => [rel.Id, rel.Target]),
  );
  return {
    parts,
    document,
    referencedPart(kind, type) {
      const ref = elements(document, `w:${kind}Reference`).find((r) => r['w:type'] === type);
      const target = ref ? rels.get(ref['r:id']) : undefined;
      return target ? `word/${target.replace(/^\/?word\//, '')}` : undefined;
    },
  };
}

// --- the manifest -------------------------------------------------------------------------

const manifest = readManifest();

describe('templates/manifest.json', () => {
  it('lists the shipped templates, one file per id', () => {
    expect(manifest.map((t) => t.id)).toEqual(EXPECTED_IDS);
    for (const t of manifest) expect(t.file).toBe(`${t.id}.docx`);
  });

  it('uses only vocabulary placeholders in subjects and bodies', () => {
    for (const t of manifest) {
      for (const name of placeholdersIn(`${t.subject}\n${t.body}`)) {
        expect(PLACEHOLDER_NAMES.has(name), `${t.id}: unknown placeholder {{${name}}}`).toBe(true);
      }
      // Every "{{" belongs to a well-formed placeholder.
      const text = `${t.subject}\n${t.body}`;
      expect(text.split('{{').length - 1, t.id).toBe(placeholdersIn(text).length);
    }
  });

  it('gives bodies without salutation or closing; German letter bodies continue the salutation', () => {
    for (const t of manifest) {
      expect(t.body.trim().length, t.id).toBeGreaterThan(0);
      expect(t.body, t.id).not.toMatch(/^(Sehr geehrte|Liebe|Dear|Madame|Monsieur)/);
      expect(t.body, t.id).not.toMatch(/(Mit (freundlichen|herzlichen) Grüßen|Yours sincerely|salutations distinguées)\s*$/);
      // After "Sehr geehrte …," German continues in lower case (polite Sie/Ihr forms excepted).
      if (t.language === 'de' && t.layout === 'letter') expect(t.body, t.id).toMatch(/^([a-zäöüß]|(Sie|Ihr|Ihre|Ihnen)\b)/);
    }
  });
});

// --- the files ----------------------------------------------------------------------------

describe.each(manifest.map((t) => [t.id, t] as const))('template %s', (_id, entry) => {
  const file = `${TEMPLATES_DIR}${entry.file}`;
  const letter = entry.layout === 'letter';

  it('exists and is a zip with word/document.xml', () => {
    expect(fs.existsSync(file), `${entry.file} missing – run npm run build:templates`).toBe(true);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(openDocx(file).document).toContain('<w:body>');
  });

  it('is A4 with DIN 5008 side margins', () => {
    const { document } = openDocx(file);
    const [size] = elements(document, 'w:pgSz');
    expect(num(size['w:w'])).toBe(11906);
    expect(num(size['w:h'])).toBe(16838);
    const [margin] = elements(document, 'w:pgMar');
    expectMm(margin['w:left'], 25, 'left margin');
    expectMm(margin['w:right'], 20, 'right margin');
  });

  if (!letter) {
    it('is plain text without letter furniture (no frames, no fold marks)', () => {
      const docx = openDocx(file);
      expect(elements(docx.document, 'w:framePr')).toEqual([]);
      expect(elements(docx.document, 'w:titlePg').filter((t) => t['w:val'] !== 'false')).toEqual([]);
    });
  }

  if (letter) it('has the address field and the information block as page-anchored frames', () => {
    const { document } = openDocx(file);
    const frames = elements(document, 'w:framePr');
    const address = frames.filter((f) => near(f['w:x'], 20) && near(f['w:y'], 45));
    expect(address.length, 'address frame').toBeGreaterThan(0);
    for (const f of address) {
      expect(f['w:hAnchor']).toBe('page');
      expect(f['w:vAnchor']).toBe('page');
      expectMm(f['w:w'], 85, 'address width');
      expectMm(f['w:h'], 45, 'address height');
      expect(f['w:hRule']).toBe('exact');
    }
    // One frame: every paragraph of the address field carries identical frame properties.
    expect(new Set(address.map((f) => JSON.stringify(f))).size).toBe(1);

    const info = frames.filter((f) => near(f['w:x'], 125) && near(f['w:y'], 50));
    expect(info.length, 'information block frame').toBeGreaterThan(0);
    for (const f of info) {
      expect(f['w:hAnchor']).toBe('page');
      expect(f['w:vAnchor']).toBe('page');
      expectMm(f['w:w'], 75, 'information block width');
    }
    expect(new Set(info.map((f) => JSON.stringify(f))).size).toBe(1);

    // The return address and the recipient's address sit in the address frame.
    for (const name of ['absenderzeile', 'anschrift']) {
      const paragraph = paragraphs(document).find((p) => p.includes(`{{${name}}}`));
      expect(paragraph, name).toBeDefined();
      const [frame] = elements(paragraph ?? '', 'w:framePr');
      expect(frame && near(frame['w:x'], 20) && near(frame['w:y'], 45), `{{${name}}} in the address frame`).toBe(true);
    }
  });

  if (letter) it('has fold marks and the hole mark in the first-page header', () => {
    const docx = openDocx(file);
    expect(elements(docx.document, 'w:titlePg').length).toBe(1);
    const partName = docx.referencedPart('header', 'first');
    expect(partName, 'first-page header').toBeDefined();
    const header = docx.parts[partName ?? ''] ?? '';
    const marks = elements(header, 'w:framePr').filter((f) => near(f['w:x'], 5) && f['w:hAnchor'] === 'page' && f['w:vAnchor'] === 'page');
    for (const top of [105, 148.5, 210]) {
      expect(marks.some((f) => near(f['w:y'], top)), `mark at ${top} mm`).toBe(true);
    }
  });

  it('keeps the required placeholders intact in one text run', () => {
    const texts = textsOf(openDocx(file).document);
    const required = letter
      ? ['anschrift', 'anrede', 'betreff', 'brieftext', 'grussformel', 'unterzeichner_name']
      : ['betreff', 'brieftext', 'unterzeichner_name'];
    for (const name of required) {
      expect(texts.some((t) => t.includes(`{{${name}}}`)), `{{${name}}}`).toBe(true);
    }
  });

  it('has {{brieftext}} alone in its paragraph', () => {
    const { document } = openDocx(file);
    const holders = paragraphs(document).filter((p) => textsOf(p).join('').includes('{{brieftext}}'));
    expect(holders).toHaveLength(1);
    expect(textsOf(holders[0]).join('').trim()).toBe('{{brieftext}}');
    expect(elements(holders[0], 'w:pStyle')[0]?.['w:val']).toBe('Brieftext');
    expect(elements(openDocx(file).parts['word/styles.xml'] ?? '', 'w:style').some((s) => s['w:styleId'] === 'Brieftext')).toBe(true);
  });

  it('uses only vocabulary placeholders, each whole within one <w:t>', () => {
    const { parts } = openDocx(file);
    for (const [name, xml] of Object.entries(parts)) {
      if (!name.startsWith('word/') || !name.endsWith('.xml')) continue;
      for (const text of textsOf(xml)) {
        const found = placeholdersIn(text);
        for (const p of found) expect(PLACEHOLDER_NAMES.has(p), `${name}: {{${p}}}`).toBe(true);
        expect(text.split('{{').length - 1, `${name}: broken placeholder in "${text}"`).toBe(found.length);
      }
    }
  });

  it('has only office-scope placeholders in headers and footers', () => {
    const { parts } = openDocx(file);
    for (const [name, xml] of Object.entries(parts)) {
      if (!/^word\/(header|footer)\d*\.xml$/.test(name)) continue;
      for (const p of placeholdersIn(textsOf(xml).join('\n'))) {
        expect(placeholderSpec(p)?.scope, `${name}: {{${p}}}`).toBe('office');
      }
    }
  });
});
