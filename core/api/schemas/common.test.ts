import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  base64Content,
  clockTime,
  isoDate,
  localDateOrDateTime,
  localDateTime,
  multiLine,
  optionalEmail,
  singleLine,
  yearlyOrOnceDate,
} from './common';

const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues.map((issue) => issue.message);
};

describe('dates and times are real ones', () => {
  it.each([
    ['2026-11-27', null],
    ['2024-02-29', null],
    ['2000-02-29', null],
    ['2027-02-30', ['Den 30.02.2027 gibt es nicht.']],
    ['2026-02-29', ['Den 29.02.2026 gibt es nicht.']],
    ['2100-02-29', ['Den 29.02.2100 gibt es nicht.']],
    ['2026-13-01', ['Den 01.13.2026 gibt es nicht.']],
    ['2026-04-31', ['Den 31.04.2026 gibt es nicht.']],
    ['2026-00-10', ['Den 10.00.2026 gibt es nicht.']],
    ['0999-01-01', ['Den 01.01.0999 gibt es nicht.']],
    ['1800-01-01', null],
    ['2200-12-31', null],
    ['1799-12-31', ['Das Datum 31.12.1799 liegt außerhalb der Jahre 1800 bis 2200, mit denen Rathausbüro rechnet.']],
    ['9999-12-31', ['Das Datum 31.12.9999 liegt außerhalb der Jahre 1800 bis 2200, mit denen Rathausbüro rechnet.']],
    ['27.11.2026', ['„27.11.2026“: ein Datum im Format JJJJ-MM-TT (z. B. 2026-11-27) erwartet.']],
    ['2026-11-27T10:00', ['„2026-11-27T10:00“: ein Datum im Format JJJJ-MM-TT (z. B. 2026-11-27) erwartet.']],
    [' 2026-11-27', ['„ 2026-11-27“: ein Datum im Format JJJJ-MM-TT (z. B. 2026-11-27) erwartet.']],
    [20261127, ['Bitte ein Datum im Format JJJJ-MM-TT (z. B. 2026-11-27) angeben.']],
  ])('isoDate %s', (value, expected) => {
    expect(messages(isoDate, value)).toEqual(expected);
  });

  it.each([
    ['00:00', null],
    ['23:59', null],
    ['24:00', ['Die Uhrzeit 24:00 gibt es nicht (00:00 bis 23:59).']],
    ['25:61', ['Die Uhrzeit 25:61 gibt es nicht (00:00 bis 23:59).']],
    ['12:60', ['Die Uhrzeit 12:60 gibt es nicht (00:00 bis 23:59).']],
    ['9:30', ['„9:30“: eine Uhrzeit im Format HH:MM (z. B. 09:30) erwartet.']],
    ['09:30:00', ['„09:30:00“: eine Uhrzeit im Format HH:MM (z. B. 09:30) erwartet.']],
  ])('clockTime %s', (value, expected) => {
    expect(messages(clockTime, value)).toEqual(expected);
  });

  it.each([
    ['2026-11-27T09:30', null],
    ['2024-02-29T23:59', null],
    ['2026-11-27T25:61', ['Die Uhrzeit 25:61 gibt es nicht (00:00 bis 23:59).']],
    ['2026-11-27T24:00', ['Die Uhrzeit 24:00 gibt es nicht (00:00 bis 23:59).']],
    ['2027-02-30T10:00', ['Den 30.02.2027 gibt es nicht.']],
    ['2201-01-01T00:00', ['Das Datum 01.01.2201 liegt außerhalb der Jahre 1800 bis 2200, mit denen Rathausbüro rechnet.']],
    ['2026-11-27', ['„2026-11-27“: Datum und Uhrzeit im Format JJJJ-MM-TTTHH:MM (z. B. 2026-11-27T09:30) erwartet.']],
    // The contract takes wall-clock times in Berlin: an instant with a zone is refused, not reinterpreted.
    ['2026-11-27T09:30Z', ['„2026-11-27T09:30Z“: Datum und Uhrzeit im Format JJJJ-MM-TTTHH:MM (z. B. 2026-11-27T09:30) erwartet.']],
    ['2026-11-27T09:30+01:00', ['„2026-11-27T09:30+01:00“: Datum und Uhrzeit im Format JJJJ-MM-TTTHH:MM (z. B. 2026-11-27T09:30) erwartet.']],
  ])('localDateTime %s', (value, expected) => {
    expect(messages(localDateTime, value)).toEqual(expected);
  });

  it.each([
    ['2026-11-27', null],
    ['2026-11-27T09:30', null],
    ['2027-02-30', ['Den 30.02.2027 gibt es nicht.']],
    ['2026-11-27T25:61', ['Die Uhrzeit 25:61 gibt es nicht (00:00 bis 23:59).']],
  ])('localDateOrDateTime %s', (value, expected) => {
    expect(messages(localDateOrDateTime, value)).toEqual(expected);
  });

  it.each([
    ['12-25', null],
    ['02-29', null],
    ['2027-03-20', null],
    ['02-30', ['Den 30.02. gibt es in keinem Jahr.']],
    ['2027-02-29', ['Den 29.02.2027 gibt es nicht.']],
  ])('yearlyOrOnceDate %s', (value, expected) => {
    expect(messages(yearlyOrOnceDate, value)).toEqual(expected);
  });

  it('quotes a long wrong value only in part', () => {
    expect(messages(isoDate, 'x'.repeat(5000))).toEqual([`„${'x'.repeat(40)}…“: ein Datum im Format JJJJ-MM-TT (z. B. 2026-11-27) erwartet.`]);
  });
});

describe('text has no control characters and a size limit', () => {
  it('one line: line breaks and tabs become spaces, other controls go, then it is trimmed', () => {
    expect(singleLine(100).parse(' Erika\u0000 \tMuster\r\nBeispiel\u000Bstraße\u0007 ')).toBe('Erika  Muster Beispiel straße');
  });

  it('several lines: line breaks normalised to \\n, tabs kept, Word line and page breaks become \\n', () => {
    expect(multiLine(100).parse('Erste Zeile\r\nZweite\u000BDritte\u000CVierte\rFünfte\tmit Tab\u0001\u001B\u007F\u0085')).toBe(
      'Erste Zeile\nZweite\nDritte\nVierte\nFünfte\tmit Tab',
    );
    expect(multiLine(100, { trim: false }).parse('\n  eingerückt\n')).toBe('\n  eingerückt\n');
  });

  it('keeps umlauts, ß, emoji and right-to-left names, drops lone surrogates and non-characters', () => {
    expect(singleLine(100).parse('Groß Düsseldorf 🎉 שלום')).toBe('Groß Düsseldorf 🎉 שלום');
    expect(singleLine(100).parse('a\uD800b\uDC00c\uFFFEd')).toBe('abcd');
  });

  it('counts the limit after cleaning and says it in German', () => {
    expect(singleLine(3).parse('ab\u0000c')).toBe('abc');
    expect(messages(singleLine(3), 'abcd')).toEqual(['Höchstens 3 Zeichen.']);
    expect(messages(multiLine(20_000), 'x'.repeat(20_001))).toEqual(['Höchstens 20.000 Zeichen.']);
  });

  it('an e-mail address or nothing', () => {
    expect(optionalEmail().parse('  ')).toBe('');
    expect(optionalEmail().parse(' info@duisburg.de ')).toBe('info@duisburg.de');
    expect(messages(optionalEmail(), 'keine-adresse')).toEqual(['Bitte eine gültige E-Mail-Adresse angeben.']);
  });

  it('file content must be base64 and not too large', () => {
    expect(base64Content(10).parse('SGFsbG8=')).toBe('SGFsbG8=');
    expect(messages(base64Content(10), 'kein base64!')).toEqual(['Der Dateiinhalt ist nicht Base64-kodiert.']);
    expect(messages(base64Content(3 * 1024 * 1024), 'A'.repeat(4 * 1024 * 1024 + 4))).toEqual(['Die Datei ist zu groß (höchstens 3 MB).']);
  });
});
