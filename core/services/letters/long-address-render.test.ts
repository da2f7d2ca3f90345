/**
 * Long addresses, rendered by a real word processor (DOMAIN.md D "Long addresses"): letters whose
 * address takes 6, 7, 8 and 9 lines — in every shipped letter template, and an 8-line foreign
 * address with a wrapping office line in the English partner-city letter — are converted to PDF
 * by LibreOffice, and `pdftotext -bbox` says where every word landed: each word of the address
 * must lie inside the 85 × 45 mm field at 20 mm / 45 mm, none clipped or hidden, with the return
 * address as the field's top line. Also a staff's copy with a remark line ("Persönlich") in the
 * field, which leaves room for 8 address lines. One LibreOffice run converts all letters.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type LetterDraft } from '../../api';
import { createTempApp, tempDir } from '../../../tests/support/temp-app';
import { paragraphWith, rewritePart } from '../../../tests/support/docx-layout';

const hasTool = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return !result.error && result.status === 0;
};
const RENDERER = hasTool('soffice', ['--version']) && hasTool('pdftotext', ['-v']);

const PT_PER_MM = 72 / 25.4;
/** The DIN 5008 address field, in points from the page's top-left corner. */
const FIELD = { left: 20 * PT_PER_MM, top: 45 * PT_PER_MM, right: 105 * PT_PER_MM, bottom: 90 * PT_PER_MM };
/** pdftotext's word boxes are the font's box (ascent + descent ≈ 1.3 em), a little taller than an exact 12.75 pt line. */
const GLYPH_OVERHANG = 1 * PT_PER_MM;
/** Words left of the information block (125 mm). */
const LEFT_COLUMN = 125 * PT_PER_MM;

const GERMAN_LINES = [
  'Frau',
  'Dr. Erika Langenbeck-Hoffmann',
  'Vorsitzende des Heimatvereins',
  'Rheinhausen-Hochemmerich e. V.',
  'Geschäftsstelle im Bürgerhaus',
  'z. Hd. Frau Annegret Wiesemann',
  'Hinterhaus, 2. Obergeschoss',
  'Krefelder Straße 221',
  '47226 Duisburg',
];
/** n lines: the first n − 2 lines, then street and town. */
const germanAddress = (n: number) => [...GERMAN_LINES.slice(0, n - 2), ...GERMAN_LINES.slice(-2)];

/** 8 lines, the first wraps: 9 printed lines, as many as the field holds. */
const LORD_MAYOR = [
  'The Right Worshipful the Lord Mayor of Portsmouth',
  'Councillor Jonathan Whitmore-Hughes',
  'Lord Mayor’s Office',
  'The Guildhall',
  'Guildhall Square',
  'PORTSMOUTH',
  'PO1 2AL',
  'GROSSBRITANNIEN',
];

/** Every occasion field any template asks for. */
const FIELDS: LetterDraft['fields'] = {
  alter: 90,
  ehejahre: 50,
  anlass: 'Sommerfest',
  anlassDatum: '2027-06-20',
  verstorbenePerson: 'Heinrich Beispiel',
  partnerstadt: 'Portsmouth',
};

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e.startsWith('#') ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e],
  );

/** The words of the first page with their boxes (points), as pdftotext -bbox reports them. */
function firstPageWords(pdf: string): Word[] {
  const result = spawnSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return [...result.stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: decode(m[5]),
  }));
}

/** The words of `lines`, found in order in the page's left column; fails naming the first word not found. */
function findSequence(words: readonly Word[], lines: readonly string[], what: string): Word[] {
  const tokens = lines.flatMap((line) => line.split(/\s+/).filter(Boolean));
  const column = words.filter((w) => w.xMax < LEFT_COLUMN);
  let best: { at: number; matched: number } = { at: -1, matched: 0 };
  for (let start = 0; start < column.length; start++) {
    let matched = 0;
    while (matched < tokens.length && column[start + matched]?.text === tokens[matched]) matched++;
    if (matched === tokens.length) return column.slice(start, start + matched);
    if (matched > best.matched) best = { at: start, matched };
  }
  throw new Error(
    `${what}: „${tokens[best.matched]}“ (Wort ${best.matched + 1} von ${tokens.length}) fehlt auf Seite 1 – verdeckt oder abgeschnitten. ` +
      `Gefunden: ${column.map((w) => w.text).join(' ')}`,
  );
}

const mm = (points: number) => (points / PT_PER_MM).toFixed(1);

function expectInsideField(word: Word, what: string): void {
  const where = `${what} „${word.text}“ at x ${mm(word.xMin)}–${mm(word.xMax)} mm, y ${mm(word.yMin)}–${mm(word.yMax)} mm`;
  expect(word.xMin, where).toBeGreaterThanOrEqual(FIELD.left);
  expect(word.xMax, where).toBeLessThanOrEqual(FIELD.right);
  expect(word.yMin, where).toBeGreaterThanOrEqual(FIELD.top);
  expect(word.yMax, where).toBeLessThanOrEqual(FIELD.bottom + GLYPH_OVERHANG);
}

interface Rendered {
  name: string;
  lines: string[];
  returnLine: string;
  /** A remark line between return address and address (a staff's copy of a template). */
  remark?: string;
  pdf: string;
}

/** A staff's copy of a template with a remark line ("Persönlich") between the return address and the address, in the address frame. */
function withRemarkLine(bytes: Uint8Array, remark: string): Uint8Array {
  return rewritePart(bytes, 'word/document.xml', (xml) => {
    const address = paragraphWith(xml, '{{anschrift}}');
    const remarkParagraph = address.replace('{{anschrift}}', remark).replace('<w:r>', '<w:r><w:rPr><w:b/></w:rPr>');
    return xml.replace(address, remarkParagraph + address);
  });
}

describe.skipIf(!RENDERER)('long addresses rendered by LibreOffice (skipped when soffice or pdftotext is missing)', () => {
  let app: ReturnType<typeof createTempApp>;
  let out: string;
  const rendered: Rendered[] = [];

  beforeAll(async () => {
    app = createTempApp();
    out = tempDir('rathausbuero-render-');
    await call(app.handlers, 'demo.load', {});
    const signerId = (await call(app.handlers, 'signers.list', {}))[0].id;
    const templates = (await call(app.handlers, 'templates.list', {})).filter((t) => t.layout === 'letter');
    const cases: Array<{ name: string; templateId: string; lines: string[]; salutation: string; remark?: string }> = [
      ...[6, 7, 8].map((n) => ({ name: `geburtstag-${n}`, templateId: 'geburtstag', lines: germanAddress(n), salutation: 'Sehr geehrte Frau Dr. Langenbeck-Hoffmann' })),
      ...templates.map((t) => ({ name: `${t.id}-9`, templateId: t.id, lines: germanAddress(9), salutation: 'Sehr geehrte Frau Dr. Langenbeck-Hoffmann' })),
      { name: 'partnerstadt-en-lord-mayor', templateId: 'partnerstadt-en', lines: LORD_MAYOR, salutation: 'Dear Lord Mayor' },
      // Last: a staff's copy of the Absage with a remark line leaves room for 8 address lines.
      { name: 'absage-eigene-fassung-8', templateId: 'absage', lines: germanAddress(8), salutation: 'Sehr geehrte Frau Dr. Langenbeck-Hoffmann', remark: 'Persönlich' },
    ];
    const files: string[] = [];
    for (const c of cases) {
      if (c.remark) {
        const shipped = await call(app.handlers, 'templates.file', { id: c.templateId });
        const copy = withRemarkLine(new Uint8Array(Buffer.from(shipped.contentBase64, 'base64')), c.remark);
        await call(app.handlers, 'templates.import', { id: c.templateId, fileName: 'Absage.docx', contentBase64: Buffer.from(copy).toString('base64') });
      }
      const draft: LetterDraft = {
        templateId: c.templateId,
        recipient: { type: 'free', name: c.lines[1], lines: c.lines, salutation: c.salutation },
        signerId,
        date: '2026-11-27',
        fields: FIELDS,
      };
      const prepared = await call(app.handlers, 'letters.prepare', draft);
      const letter = await call(app.handlers, 'letters.create', draft);
      const docx = path.join(out, `${c.name}.docx`);
      fs.copyFileSync(path.join(app.dataDir, letter.file), docx);
      files.push(docx);
      rendered.push({ name: c.name, lines: c.lines, returnLine: prepared.values.absenderzeile, remark: c.remark, pdf: path.join(out, `${c.name}.pdf`) });
    }
    // A profile of its own: a LibreOffice already running elsewhere would swallow the conversion.
    const profile = `file://${path.join(out, 'profile')}`;
    const result = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(result.status, `soffice: ${result.stderr}`).toBe(0);
  }, 300_000);

  afterAll(() => {
    app?.cleanup();
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it('renders every address word inside the field, with the return address as its top line (6 to 9 lines, every template, 8-line foreign address)', () => {
    expect(rendered.length).toBeGreaterThanOrEqual(20);
    for (const letter of rendered) {
      expect(fs.existsSync(letter.pdf), `${letter.name}.pdf`).toBe(true);
      const words = firstPageWords(letter.pdf);
      const address = findSequence(words, letter.lines, `${letter.name}: Anschrift`);
      for (const word of address) expectInsideField(word, `${letter.name}: Anschrift`);
      const returnAddress = findSequence(words, [letter.returnLine], `${letter.name}: Rücksendeangabe`);
      for (const word of returnAddress) expectInsideField(word, `${letter.name}: Rücksendeangabe`);
      const addressTop = Math.min(...address.map((w) => w.yMin));
      for (const word of returnAddress) {
        expect((word.yMin + word.yMax) / 2, `${letter.name}: Rücksendeangabe „${word.text}“ über der Anschrift`).toBeLessThan(addressTop);
      }
      if (letter.remark) {
        const remark = findSequence(words, [letter.remark], `${letter.name}: Vermerk`);
        for (const word of remark) {
          expectInsideField(word, `${letter.name}: Vermerk`);
          expect(word.yMin, `${letter.name}: Vermerk unter der Rücksendeangabe`).toBeGreaterThan(Math.max(...returnAddress.map((w) => w.yMin)));
          expect((word.yMin + word.yMax) / 2, `${letter.name}: Vermerk über der Anschrift`).toBeLessThan(addressTop);
        }
      }
      // Nothing of the field's content above the return address.
      const returnTop = Math.min(...returnAddress.map((w) => w.yMin));
      const inField = words.filter((w) => w.xMax < LEFT_COLUMN && w.yMin >= FIELD.top - 1 && w.yMin <= FIELD.bottom);
      for (const word of inField) expect(word.yMin, `${letter.name}: „${word.text}“ über der Rücksendeangabe`).toBeGreaterThanOrEqual(returnTop - 0.5);
    }
  });
});
