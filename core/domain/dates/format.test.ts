import { describe, expect, it } from 'vitest';
import { formatDateLong, formatDateNumeric, isoDateInBerlin, parseIsoDate } from './format';

describe('German date wording (DIN 5008)', () => {
  it.each([
    ['2026-11-27', 'de', '27. November 2026'],
    ['2026-03-01', 'de', '1. März 2026'],
    ['2026-12-24', 'de', '24. Dezember 2026'],
    ['2026-11-27', 'en', '27 November 2026'],
    ['2026-02-01', 'fr', '1 février 2026'],
  ] as const)('%s in %s → %s', (iso, language, expected) => {
    expect(formatDateLong(iso, language)).toBe(expected);
  });

  it.each([
    ['2026-03-01', '01.03.2026'],
    ['2026-11-27', '27.11.2026'],
  ])('numeric %s → %s', (iso, expected) => {
    expect(formatDateNumeric(iso)).toBe(expected);
  });

  it('refuses impossible dates', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow('Ungültiges Datum: 2026-02-30');
  });

  it('takes the Berlin calendar day, also late in the evening UTC', () => {
    expect(isoDateInBerlin(new Date('2026-11-27T23:30:00Z'))).toBe('2026-11-28');
    expect(isoDateInBerlin(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(isoDateInBerlin(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
