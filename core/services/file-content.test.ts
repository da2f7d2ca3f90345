import { describe, expect, it } from 'vitest';
import { fileNameOf, fileNamePart } from './file-content';

describe('fileNamePart: a text as part of a generated file name', () => {
  it.each([
    // Every letter transliterated, not only the German ones.
    ['Yılmaz', 'Yilmaz'],
    ['Wróblewska', 'Wroblewska'],
    ['Łukasz Żółć', 'Lukasz-Zolc'],
    ['Nguyễn Thị Ánh', 'Nguyen-Thi-Anh'],
    ['Øster Ærø', 'Oster-AEro'],
    ['Čapek Šťastný', 'Capek-Stastny'],
    ['İstanbul Şişli Ağaoğlu', 'Istanbul-Sisli-Agaoglu'],
    // German umlauts and ß still read well.
    ['Jürgen Brinkmann', 'Juergen-Brinkmann'],
    ['Grußwort zur Eröffnung des Adventsmarkts', 'Grusswort-zur-Eroeffnung-des-Adventsmarkts'],
    ['Ärger über Öl', 'Aerger-ueber-Oel'],
    ['STRAẞE', 'STRASSE'],
    // Everything else becomes one hyphen; none at the ends.
    ['Empfang der Delegation (11:00 Uhr) – „Goldenes Buch“', 'Empfang-der-Delegation-11-00-Uhr-Goldenes-Buch'],
    // At most 60 characters, shortened after a whole word.
    ['Empfang der Delegation aus Portsmouth (11:00 Uhr) – „Goldenes Buch“', 'Empfang-der-Delegation-aus-Portsmouth-11-00-Uhr-Goldenes'],
    ['  Dr. Petra Hovestadt  ', 'Dr-Petra-Hovestadt'],
    ['北京', ''],
    ['', ''],
  ])('„%s“ → „%s“', (text, expected) => {
    expect(fileNamePart(text)).toBe(expected);
  });

  it('is ASCII letters, digits and hyphens only, at most 60 characters, for any text', () => {
    const samples = ['Straßenfest in Duisburg-Marxloh mit dem Deutsch-Türkischen Kulturverein Marxloh e. V. und Gästen aus Gaziantep', 'Ἀθῆναι', 'Ёлка 🎄 Пермь', 'a/b\\c:d*e?f"g<h>i|j'];
    for (const text of samples) {
      const part = fileNamePart(text);
      expect(part, text).toMatch(/^([A-Za-z0-9]+(-[A-Za-z0-9]+)*)?$/);
      expect(part.length, text).toBeLessThanOrEqual(60);
    }
  });
});

describe('fileNameOf: a generated file name from its parts', () => {
  it.each([
    [['Terminmappe', '2026-12-08', 'Dr. Petra Hovestadt'], 'docx', {}, 'Terminmappe-2026-12-08-Dr-Petra-Hovestadt.docx'],
    [['Grußwort-Festschrift', 'Grußwort zum Hafenfest'], 'docx', {}, 'Grusswort-Festschrift-Grusswort-zum-Hafenfest.docx'],
    // A part that leaves nothing is dropped, not left as a double hyphen.
    [['Termine', '北京'], 'ics', {}, 'Termine.ics'],
    // Letters' names are lower-case (as they have always been).
    [['000042', 'Herrn Mehmet Yılmaz Glückwunsch'], 'docx', { lowerCase: true }, '000042-herrn-mehmet-yilmaz-glueckwunsch.docx'],
  ] as const)('%j as .%s %j → %s', (parts, extension, options, expected) => {
    expect(fileNameOf(parts, extension, options)).toBe(expected);
  });
});
