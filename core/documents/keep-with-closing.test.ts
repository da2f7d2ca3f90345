import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compileTemplate, fillTemplate } from './docx-template';
import { VOCABULARY } from './vocabulary';

describe('body paragraphs and the closing', () => {
  it('keeps only the last body paragraph with the closing, so the body can still break across pages', () => {
    const bytes = new Uint8Array(fs.readFileSync(path.resolve(__dirname, '../../templates/geburtstag.docx')));
    const template = compileTemplate(bytes, 'Geburtstag');
    const values = Object.fromEntries(VOCABULARY.map((p) => [p.name, p.example]));
    values.brieftext = 'Erster Absatz.\n\nZweiter Absatz.\n\nDritter Absatz.';
    const xml = strFromU8(unzipSync(fillTemplate(template, values))['word/document.xml']);
    const body = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?w:val="Brieftext"[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    expect(body.map((p) => /Erster|Zweiter|Dritter/.exec(p)?.[0])).toEqual(['Erster', 'Zweiter', 'Dritter']);
    expect(body.map((p) => p.includes('<w:keepNext'))).toEqual([false, false, true]);
  });
});
