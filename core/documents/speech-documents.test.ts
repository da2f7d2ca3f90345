/**
 * The Word documents of a speech, read back from their WordprocessingML: the manuscript for
 * speaking (cover sheet, large text, wide right margin, page numbers) and the one-page written
 * Grußwort for a Festschrift (no stage notes or pauses, signature, font size stepped down).
 */
import { describe, expect, it } from 'vitest';
import { TWIPS_PER_MM, elements, openDocx, paragraphText, paragraphs } from '../../tests/support/docx-layout';
import { PAUSE_MARK, countWords, spokenText, type SpeechBlock, type SpeechBody, type SpeechInline } from '../api/speech-body';
import { festschriftGrusswortDocx, speechManuscriptDocx, type SpeechDocumentInput } from './speech-documents';

// --- a fictional speech ----------------------------------------------------------------------

type Mark = 'bold' | 'italic' | 'underline' | 'stageNote';
const text = (value: string, ...marks: Mark[]): SpeechInline =>
  marks.length ? { type: 'text', text: value, marks: marks.map((type) => ({ type })) } : { type: 'text', text: value };
const pause: SpeechInline = { type: 'pause' };
const hardBreak: SpeechInline = { type: 'hardBreak' };
const paragraph = (...content: SpeechInline[]): SpeechBlock => ({ type: 'paragraph', content });
const heading = (level: 1 | 2 | 3, value: string): SpeechBlock => ({ type: 'heading', attrs: { level }, content: [text(value)] });

const SPEECH: SpeechBody = {
  type: 'doc',
  content: [
    paragraph(text('Sehr geehrter Herr Vorsitzender Brandhorst,'), hardBreak, text('meine sehr geehrten Damen und Herren,')),
    paragraph(text('Blick ins Publikum', 'stageNote'), text(' herzlich willkommen zum '), text('Hafenfest', 'bold'), text('!'), pause, text(' Es ist mir eine Freude.')),
    heading(1, 'Woher wir kommen'),
    paragraph(text('Ruhrort war immer ein Ort, an dem Menschen '), text('angekommen', 'italic'), text(' sind – und '), text('geblieben', 'underline'), text('.')),
    { type: 'paragraph' },
    heading(2, 'Dank'),
    paragraph(text('Mein Dank gilt allen Ehrenamtlichen.'), pause),
    paragraph(text('Glas heben', 'stageNote')),
  ],
};

const INPUT: SpeechDocumentInput = {
  office: 'Stadt Duisburg · Amt für Kommunikation',
  title: 'Grußwort zum Hafenfest 2027',
  kindLabel: 'Grußwort (gesprochen)',
  occasion: 'Hafenfest Ruhrort',
  date: 'Samstag, 19. Juni 2027, 15:00 Uhr',
  place: 'Leinpfad, Bühne am Eisenbahnhafen',
  speakerName: 'Dr. Petra Hovestadt',
  speakerOffice: 'Oberbürgermeisterin',
  speakingTime: 'ca. 6:30 Min. (715 Wörter; Vorgabe 5 Min.)',
  statusLabel: 'Entwurf',
  version: 'Version 3 vom 27.11.2026, 10:42 Uhr',
  body: SPEECH,
};

const SENTENCES = [
  'Vor über zweihundert Jahren haben Schiffer, Kaufleute und Hafenarbeiter hier den Grundstein für den größten Binnenhafen Europas gelegt.',
  'Das Fest erinnert uns jedes Jahr daran, woher wir kommen, und es ist vor allem ein Fest der Menschen, die heute hier leben und arbeiten.',
  'Mein Dank gilt dem Organisationsteam, den vielen Ehrenamtlichen an den Ständen und den Anwohnerinnen und Anwohnern für ihre Geduld.',
  'Ich wünsche Ihnen allen ein fröhliches, friedliches Wochenende mit Musik, Gesprächen und schönen Stunden am Wasser.',
];

/** A written text of about `words` words in paragraphs of four sentences, with a pause and a stage note. */
function bodyOfWords(words: number): SpeechBody {
  const content: SpeechBlock[] = [paragraph(text('Liebe Gäste,'), pause, text('lächeln', 'stageNote'))];
  let sentences: string[] = [];
  for (let i = 0; countWords(spokenText({ type: 'doc', content })) + countWords(sentences.join(' ')) < words; i++) {
    sentences.push(SENTENCES[i % SENTENCES.length]);
    if (sentences.length === 4) {
      content.push(paragraph(text(sentences.join(' '))));
      sentences = [];
    }
  }
  if (sentences.length) content.push(paragraph(text(sentences.join(' '))));
  return { type: 'doc', content };
}

// --- reading the XML -------------------------------------------------------------------------

/** Every <w:r> with text (not a break or field mark): its text and its run properties. */
function runs(xml: string): Array<{ text: string; props: string }> {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)]
    .filter((m) => m[1].includes('<w:t'))
    .map((m) => ({ text: paragraphText(m[1]), props: /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(m[1])?.[0] ?? '' }));
}
const sizeOf = (props: string) => Number(/<w:sz w:val="(\d+)"/.exec(props)?.[1] ?? NaN);
const pPrOf = (p: string) => /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0] ?? '';
const isHeading = (p: string) => /<w:pStyle w:val="Heading\d"\/>/.test(p);

/** The manuscript split at the end of its cover section. */
async function manuscript(input: SpeechDocumentInput = INPUT) {
  const docx = openDocx(await speechManuscriptDocx(input));
  const body = docx.document.slice(docx.document.indexOf('<w:body>'));
  const coverEnd = body.indexOf('<w:sectPr');
  return { docx, cover: body.slice(0, coverEnd), text: body.slice(body.indexOf('</w:p>', coverEnd) + 6) };
}

/** The paragraphs of the manuscript's text section, without its section properties. */
const textParagraphs = (text: string) => paragraphs(text.slice(0, text.lastIndexOf('<w:sectPr')));

// --- the manuscript --------------------------------------------------------------------------

describe('speechManuscriptDocx', () => {
  it('puts the cover sheet on its own section with office, title and every fact', async () => {
    const { docx, cover } = await manuscript();
    const sections = elements(docx.document, 'w:sectPr');
    expect(sections).toHaveLength(2);
    const coverText = paragraphs(cover).map(paragraphText);
    expect(coverText).toEqual(
      expect.arrayContaining([
        'Stadt Duisburg · Amt für Kommunikation',
        'Grußwort zum Hafenfest 2027',
        'Anlass',
        'Hafenfest Ruhrort',
        'Datum',
        'Samstag, 19. Juni 2027, 15:00 Uhr',
        'Ort',
        'Leinpfad, Bühne am Eisenbahnhafen',
        'Rednerin/Redner',
        'Dr. Petra Hovestadt, Oberbürgermeisterin',
        'Art',
        'Grußwort (gesprochen)',
        'Redezeit',
        'ca. 6:30 Min. (715 Wörter; Vorgabe 5 Min.)',
        'Status',
        'Entwurf',
        'Stand',
        'Version 3 vom 27.11.2026, 10:42 Uhr',
      ]),
    );
    // The speech itself starts after the cover section; the cover has no header or footer.
    expect(coverText.join('\n')).not.toContain('Woher wir kommen');
    const coverSection = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(docx.document)?.[0] ?? '';
    expect(coverSection).not.toMatch(/headerReference|footerReference/);
  });

  it.each<[string, Partial<SpeechDocumentInput>, string[], string[]]>([
    ['no occasion', { occasion: null }, ['Anlass'], ['Datum', 'Ort']],
    ['no date and no place', { date: null, place: null }, ['Datum', 'Ort'], ['Anlass']],
    ['no version', { version: null }, ['Stand'], ['Status']],
    ['no speaker', { speakerName: null, speakerOffice: null }, ['Rednerin/Redner'], ['Art']],
    ['speaker without office', { speakerOffice: null }, ['Dr. Petra Hovestadt, Oberbürgermeisterin'], ['Dr. Petra Hovestadt']],
    ['office without name', { speakerName: null }, ['Dr. Petra Hovestadt'], ['Oberbürgermeisterin']],
  ])('cover sheet, %s: leaves out the rows without a value', async (_, change, absent, present) => {
    const { cover } = await manuscript({ ...INPUT, ...change });
    const cells = paragraphs(cover).map(paragraphText);
    for (const label of absent) expect(cells).not.toContain(label);
    for (const label of present) expect(cells).toContain(label);
  });

  it('sets the text on A4 with a wide right margin for notes, numbered from 1 after the cover', async () => {
    const { docx } = await manuscript();
    for (const size of elements(docx.document, 'w:pgSz')) expect([size['w:w'], size['w:h']]).toEqual(['11906', '16838']);
    const margins = elements(docx.document, 'w:pgMar');
    const textMargin = margins[margins.length - 1];
    expect(Number(textMargin['w:right'])).toBeGreaterThanOrEqual(30 * TWIPS_PER_MM);
    expect(Math.abs(Number(textMargin['w:left']) - 25 * TWIPS_PER_MM)).toBeLessThanOrEqual(57);
    const numbering = elements(docx.document, 'w:pgNumType');
    expect(numbering[numbering.length - 1]['w:start']).toBe('1');
  });

  it('numbers the text pages „Seite X von Y“ in the footer and shows the title in the header', async () => {
    const { docx } = await manuscript();
    const footer = docx.parts[docx.referencedPart('footer', 'default') ?? ''] ?? '';
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    // The pages of the text section, not of the document (which counts the cover sheet).
    expect(footer).toMatch(/<w:fldSimple w:instr="\s*SECTIONPAGES\s*"|<w:instrText[^>]*>\s*SECTIONPAGES\s*</);
    expect(paragraphText(footer)).toMatch(/^Seite \d* von \d*$/);
    const header = docx.parts[docx.referencedPart('header', 'default') ?? ''] ?? '';
    expect(paragraphText(header)).toBe('Grußwort zum Hafenfest 2027');
  });

  it('sets the spoken text in 16 pt with 1.5 line spacing, paragraphs kept together, headings larger and bold', async () => {
    const { text } = await manuscript();
    const paras = textParagraphs(text);
    // One paragraph per block, the empty one included.
    expect(paras).toHaveLength(SPEECH.content.length);
    expect(paras.map(paragraphText)).toContain('');
    for (const p of paras) {
      const pPr = pPrOf(p);
      expect(elements(pPr, 'w:spacing')[0]).toMatchObject({ 'w:line': '360', 'w:lineRule': 'auto' });
      expect(pPr).toContain('<w:keepLines/>');
      expect(pPr).toContain('<w:widowControl/>');
      for (const run of runs(p)) {
        if (run.text.startsWith('[')) continue; // stage notes, below
        expect(sizeOf(run.props), run.text).toBeGreaterThanOrEqual(28);
        if (isHeading(p)) {
          expect(sizeOf(run.props)).toBeGreaterThan(32);
          expect(run.props).toContain('<w:b/>');
        }
      }
      if (isHeading(p)) expect(pPr).toContain('<w:keepNext/>');
    }
    expect(paras.filter(isHeading).map(paragraphText)).toEqual(['Woher wir kommen', 'Dank']);
  });

  it('prints bold, italic and underline as runs, a hard break as a line break', async () => {
    const { text } = await manuscript();
    const all = runs(text);
    expect(all.find((r) => r.text === 'Hafenfest')?.props).toContain('<w:b/>');
    expect(all.find((r) => r.text === 'angekommen')?.props).toContain('<w:i/>');
    expect(all.find((r) => r.text === 'geblieben')?.props).toMatch(/<w:u w:val="single"\/>/);
    expect(paragraphText(textParagraphs(text)[0])).toBe('Sehr geehrter Herr Vorsitzender Brandhorst,\nmeine sehr geehrten Damen und Herren,');
  });

  it('prints stage notes in brackets, italic, grey and smaller, and pauses as a bold „//“', async () => {
    const { text } = await manuscript();
    const paras = textParagraphs(text).map(paragraphText);
    expect(paras[1]).toBe(`[Blick ins Publikum] herzlich willkommen zum Hafenfest! ${PAUSE_MARK} Es ist mir eine Freude.`);
    expect(paras).toContain(`Mein Dank gilt allen Ehrenamtlichen. ${PAUSE_MARK}`);
    expect(paras).toContain('[Glas heben]');
    const notes = runs(text).filter((r) => r.text.includes('Blick ins Publikum') || r.text.includes('Glas heben'));
    expect(notes.map((r) => r.text)).toEqual(['[Blick ins Publikum]', '[Glas heben]']);
    for (const note of notes) {
      expect(note.props).toContain('<w:i/>');
      expect(note.props).toMatch(/<w:color w:val="[0-9A-F]{6}"\/>/);
      expect(sizeOf(note.props)).toBe(24);
    }
    const pauses = runs(text).filter((r) => r.text.trim() === PAUSE_MARK);
    expect(pauses).toHaveLength(2);
    for (const p of pauses) expect(p.props).toContain('<w:b/>');
  });

  it('keeps neighbouring stage-note pieces in one pair of brackets, spaces outside them', async () => {
    const body: SpeechBody = {
      type: 'doc',
      content: [paragraph(text('Danke.'), text(' kurz ', 'stageNote'), text('warten', 'stageNote', 'bold'), text(' Weiter geht es.'))],
    };
    const { text: xml } = await manuscript({ ...INPUT, body });
    expect(paragraphText(textParagraphs(xml)[0])).toBe('Danke. [kurz warten] Weiter geht es.');
  });
});

// --- the written Grußwort --------------------------------------------------------------------

async function festschrift(input: Partial<SpeechDocumentInput> = {}) {
  const result = await festschriftGrusswortDocx({ ...INPUT, kindLabel: 'Grußwort (schriftlich, Festschrift)', ...input });
  const { document } = openDocx(result.bytes);
  const paras = paragraphs(document.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, ''));
  const bodySizes = paras.filter((p) => !isHeading(p)).flatMap((p) => runs(p).map((r) => sizeOf(r.props)));
  return { ...result, document, texts: paras.map(paragraphText).filter(Boolean), bodySize: Math.max(...bodySizes) };
}

describe('festschriftGrusswortDocx', () => {
  it('has the photo placeholder (a framed 4 × 5 cm box with „Foto“) and the heading „Grußwort“ at the top', async () => {
    const { document } = await festschrift();
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(document)?.[0] ?? '';
    expect(document.indexOf('<w:tbl>')).toBeGreaterThan(-1);
    expect(document.indexOf('<w:tbl>')).toBeLessThan(document.indexOf('herzlich willkommen'));
    const height = elements(table, 'w:trHeight')[0];
    expect(height['w:hRule']).toBe('exact');
    expect(Math.abs(Number(height['w:val']) - 50 * TWIPS_PER_MM)).toBeLessThanOrEqual(57);
    const photoCell = [...table.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]).find((c) => paragraphText(c) === 'Foto') ?? '';
    expect(Math.abs(Number(elements(photoCell, 'w:tcW')[0]['w:w']) - 40 * TWIPS_PER_MM)).toBeLessThanOrEqual(57);
    for (const side of ['top', 'bottom', 'left', 'right']) expect(elements(photoCell, `w:${side}`)[0]?.['w:val']).toBe('single');
    expect(photoCell).toMatch(/<w:jc w:val="center"\/>/);
    expect(paragraphs(table).map(paragraphText)).toContain('Grußwort');
  });

  it('prints the written text without stage notes and pause marks, in 11 pt with 1.15 line spacing', async () => {
    const { texts, document, bodySize, warnings } = await festschrift();
    expect(warnings).toEqual([]);
    expect(bodySize).toBe(22);
    const all = texts.join('\n');
    expect(all).not.toContain(PAUSE_MARK);
    expect(all).not.toMatch(/Blick ins Publikum|Glas heben|\[|\]/);
    expect(texts).toContain('herzlich willkommen zum Hafenfest! Es ist mir eine Freude.');
    expect(texts).toContain('Mein Dank gilt allen Ehrenamtlichen.');
    const spacing = elements(document, 'w:spacing').filter((s) => s['w:line']);
    expect(spacing.length).toBeGreaterThan(0);
    for (const s of spacing) expect(s).toMatchObject({ 'w:line': '276', 'w:lineRule': 'auto' });
  });

  it.each<[string, Partial<SpeechDocumentInput>, string[], string[]]>([
    ['name and office', {}, ['Dr. Petra Hovestadt', 'Oberbürgermeisterin der Stadt Duisburg'], []],
    ['name only', { speakerOffice: null }, ['Dr. Petra Hovestadt'], []],
    ['office only', { speakerName: null }, ['Oberbürgermeisterin der Stadt Duisburg'], []],
    ['office line without a city', { office: 'Amt für Kommunikation' }, ['Dr. Petra Hovestadt', 'Oberbürgermeisterin'], []],
    ['neither', { speakerName: null, speakerOffice: null }, [], ['Für das Grußwort ist keine Rednerin und kein Redner eingetragen; die Unterschrift fehlt.']],
  ])('signature block, %s', async (_, change, lines, warnings) => {
    const result = await festschrift(change);
    const end = result.texts.slice(result.texts.indexOf('Mein Dank gilt allen Ehrenamtlichen.') + 1);
    expect(end).toEqual(lines);
    expect(result.warnings).toEqual(warnings);
    if (lines[0] === 'Dr. Petra Hovestadt') {
      const name = runs(result.document).find((r) => r.text === 'Dr. Petra Hovestadt');
      expect(name?.props).toContain('<w:b/>');
    }
  });

  it.each<[number, string, (halfPoints: number) => boolean]>([
    [250, '11 pt', (size) => size === 22],
    [430, 'a smaller size, 10.5 to 9.5 pt', (size) => size < 22 && size >= 19],
  ])('a text of %i words fits on one page at %s without a warning', async (words, _, sizeFits) => {
    const body = bodyOfWords(words);
    expect(countWords(spokenText(body))).toBeGreaterThanOrEqual(words);
    const { warnings, bodySize } = await festschrift({ body });
    expect(warnings).toEqual([]);
    expect(sizeFits(bodySize)).toBe(true);
  });

  it('warns in German, with the number of words to cut to, when the text is too long even at 9.5 pt', async () => {
    const body = bodyOfWords(900);
    const words = countWords(spokenText(body));
    const { warnings, bodySize, texts } = await festschrift({ body });
    expect(bodySize).toBe(19);
    expect(warnings).toHaveLength(1);
    const match = /^Der Text ist für eine Seite zu lang \(ca\. (\d+) Wörter; höchstens etwa (\d+)\)\. Bitte kürzen\.$/.exec(warnings[0]);
    expect(match, warnings[0]).not.toBeNull();
    expect(Number(match?.[1])).toBe(words);
    // The layout of this page holds about 450–500 words at 9.5 pt (checked with LibreOffice).
    expect(Number(match?.[2])).toBeGreaterThanOrEqual(380);
    expect(Number(match?.[2])).toBeLessThanOrEqual(520);
    // Still produced in full, signature included.
    expect(texts[texts.length - 1]).toBe('Oberbürgermeisterin der Stadt Duisburg');
  });
});
