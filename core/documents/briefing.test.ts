/**
 * The Terminmappe read back from its WordprocessingML (header and footer parts, page fields) and
 * rendered through LibreOffice: „Seite X von Y“ on every page, the running header (person, date)
 * from the second page on.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { elements, openDocx, paragraphText, paragraphs } from '../../tests/support/docx-layout';
import { briefingDocx, type Briefing, type BriefingItem } from './briefing';

const item = (time: string, title: string, more: Partial<BriefingItem> = {}): BriefingItem => ({
  time,
  day: 'Dienstag, 8. Dezember 2026',
  title,
  status: 'bestätigt',
  place: 'Rathaus, Ratssaal',
  routeNote: 'Dienstwagen ab Rathaus, Haupteingang Burgplatz',
  programme: '11:00 Begrüßung\n11:30 Eintrag in das Goldene Buch\n12:00 Imbiss',
  contacts: [{ name: 'Frau Anna Beispiel', oralSalutation: 'Frau Beispiel', note: 'am Eingang' }],
  guests: [{ name: 'The Right Worshipful the Lord Mayor of Portsmouth, Helen Pendleton', oralSalutation: 'Lord Mayor', note: '' }],
  dressCode: 'dunkler Anzug',
  press: 'WAZ und Radio Duisburg, Fototermin 11:25 Uhr',
  gift: 'Bildband Duisburg',
  speech: 'Grußwort (gesprochen) „Begrüßung der Delegation“: freigegeben, 5 Minuten',
  transport: 'Jürgen Brinkmann (0203 283-2210), Dienstwagen 1 (DU-OB 1)',
  notes: 'Dolmetscherin ist bestellt.',
  warnings: [],
  ...more,
});

const DAY: Briefing = {
  office: 'Stadt Duisburg · Amt für Kommunikation',
  title: 'Terminmappe für Dr. Petra Hovestadt, Oberbürgermeisterin',
  subtitle: 'Dienstag, 8. Dezember 2026',
  person: 'Dr. Petra Hovestadt, Oberbürgermeisterin',
  date: 'Dienstag, 8. Dezember 2026',
  items: [
    item('09:00–10:00 Uhr', 'Jour fixe mit den Dezernenten'),
    item('11:00–13:00 Uhr', 'Empfang der Delegation aus Portsmouth'),
    item('19:00–21:00 Uhr', 'Weihnachtskonzert der Musikschule'),
  ],
};

const RUNNING_HEADER = 'Terminmappe Dr. Petra Hovestadt, Oberbürgermeisterin · Dienstag, 8. Dezember 2026';

describe('Terminmappe (calendar.briefing): page numbers and running header', () => {
  it('numbers every page „Seite X von Y“ with PAGE and NUMPAGES fields in the footer', async () => {
    const docx = openDocx(await briefingDocx(DAY));
    for (const type of ['first', 'default'] as const) {
      const footer = docx.parts[docx.referencedPart('footer', type) ?? ''] ?? '';
      expect(footer, type).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(footer, type).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>|<w:fldSimple w:instr="\s*NUMPAGES\s*"/);
      expect(paragraphs(footer).map(paragraphText), type).toEqual([expect.stringMatching(/^Seite \d* von \d*$/)]);
    }
  });

  it('repeats person and date in the header of the following pages, not on the first', async () => {
    const docx = openDocx(await briefingDocx(DAY));
    // A different first page: the first page has the title itself.
    expect(docx.document).toMatch(/<w:titlePg\/>|<w:titlePg w:val="(1|true)"\/>/);
    const following = docx.parts[docx.referencedPart('header', 'default') ?? ''] ?? '';
    expect(paragraphs(following).map(paragraphText)).toEqual([RUNNING_HEADER]);
    const first = docx.parts[docx.referencedPart('header', 'first') ?? ''] ?? '';
    expect(paragraphs(first).map(paragraphText).join('')).toBe('');
    // One section: the numbers count the whole folder.
    expect(elements(docx.document, 'w:sectPr')).toHaveLength(1);
  });

  it('a single appointment gets the same page furniture', async () => {
    const one: Briefing = { ...DAY, subtitle: 'Empfang der Delegation aus Portsmouth – Dienstag, 8. Dezember 2026', items: [DAY.items[1]!] };
    const docx = openDocx(await briefingDocx(one));
    expect(paragraphs(docx.parts[docx.referencedPart('header', 'default') ?? ''] ?? '').map(paragraphText)).toEqual([RUNNING_HEADER]);
    expect(paragraphText(docx.parts[docx.referencedPart('footer', 'default') ?? ''] ?? '')).toMatch(/^Seite \d* von \d*$/);
  });

  describe('rendered by LibreOffice', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'terminmappe-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** The text of each page of the PDF LibreOffice makes of the document. */
    const renderedPages = async (briefing: Briefing): Promise<string[]> => {
      const file = path.join(dir, 'Terminmappe.docx');
      fs.writeFileSync(file, await briefingDocx(briefing));
      const convert = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(convert.status, convert.stderr).toBe(0);
      const text = spawnSync('pdftotext', ['-layout', path.join(dir, 'Terminmappe.pdf'), '-'], { encoding: 'utf8' });
      expect(text.status, text.stderr).toBe(0);
      return text.stdout.split('\f').filter((page) => page.trim());
    };

    it('a day of three appointments: four pages, „Seite 2 von 4“, the header from page 2', async () => {
      const pages = await renderedPages(DAY);
      expect(pages).toHaveLength(4);
      pages.forEach((page, i) => {
        const lines = page.split('\n').map((line) => line.trim()).filter(Boolean);
        expect(lines.at(-1), `page ${i + 1}`).toBe(`Seite ${i + 1} von 4`);
        if (i === 0) {
          expect(lines[0]).toBe('Stadt Duisburg · Amt für Kommunikation');
          expect(page).not.toContain(RUNNING_HEADER);
        } else {
          expect(lines[0], `page ${i + 1}`).toBe(RUNNING_HEADER);
        }
      });
      expect(pages[2]).toContain('Empfang der Delegation aus Portsmouth');
    }, 120_000);
  });
});
