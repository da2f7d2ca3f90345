import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMinutes,
  dayOfWeek,
  daysBetween,
  localDateTimeToUtc,
  localDateToUtc,
  utcToLocalDate,
  utcToLocalDateTime,
  wallClockMinutes,
} from './time';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';

describe('Berlin wall-clock time → UTC instant', () => {
  it.each([
    ['winter', '2026-01-15T10:00', '2026-01-15T09:00Z'],
    ['summer', '2026-07-15T10:00', '2026-07-15T08:00Z'],
    ['midnight', '2026-12-10T00:00', '2026-12-09T23:00Z'],
    ['just before midnight', '2026-12-31T23:59', '2026-12-31T22:59Z'],
    ['new year', '2027-01-01T00:00', '2026-12-31T23:00Z'],
    ['spring: last minute of winter time', '2026-03-29T01:59', '2026-03-29T00:59Z'],
    ['spring: 02:00 does not exist → 03:00 summer time', '2026-03-29T02:00', '2026-03-29T01:00Z'],
    ['spring: 02:30 does not exist → 03:30 summer time', '2026-03-29T02:30', '2026-03-29T01:30Z'],
    ['spring: 03:00 is the first summer minute', '2026-03-29T03:00', '2026-03-29T01:00Z'],
    ['autumn: 01:59 summer time', '2026-10-25T01:59', '2026-10-24T23:59Z'],
    ['autumn: 02:00 exists twice → the first (summer time)', '2026-10-25T02:00', '2026-10-25T00:00Z'],
    ['autumn: 02:30 exists twice → the first (summer time)', '2026-10-25T02:30', '2026-10-25T00:30Z'],
    ['autumn: 03:00 winter time', '2026-10-25T03:00', '2026-10-25T02:00Z'],
    ['seconds are accepted', '2026-12-10T14:00:30', '2026-12-10T13:00Z'],
  ])('%s: %s → %s', (_label, local, utc) => {
    expect(iso(localDateTimeToUtc(local))).toBe(utc);
  });

  it('refuses impossible values', () => {
    expect(() => localDateTimeToUtc('2026-02-30T10:00')).toThrow('Ungültiges Datum: 2026-02-30T10:00');
    expect(() => localDateTimeToUtc('2026-02-10T24:00')).toThrow('Ungültige Uhrzeit');
    expect(() => localDateTimeToUtc('10.12.2026 14:00')).toThrow('Ungültiges Datum');
  });
});

describe('UTC instant → Berlin wall-clock time', () => {
  it.each([
    ['2026-12-09T23:00:00Z', '2026-12-10T00:00', '2026-12-10'],
    ['2026-12-09T22:59:00Z', '2026-12-09T23:59', '2026-12-09'],
    ['2026-03-29T00:59:00Z', '2026-03-29T01:59', '2026-03-29'],
    ['2026-03-29T01:00:00Z', '2026-03-29T03:00', '2026-03-29'],
    ['2026-10-25T00:30:00Z', '2026-10-25T02:30', '2026-10-25'],
    ['2026-10-25T01:30:00Z', '2026-10-25T02:30', '2026-10-25'],
    ['2026-10-25T02:00:00Z', '2026-10-25T03:00', '2026-10-25'],
    ['2026-07-01T22:00:00Z', '2026-07-02T00:00', '2026-07-02'],
  ])('%s → %s', (utc, local, date) => {
    expect(utcToLocalDateTime(Date.parse(utc))).toBe(local);
    expect(utcToLocalDate(Date.parse(utc))).toBe(date);
  });

  it('round-trips every quarter hour of 2026', () => {
    const wrong: string[] = [];
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 15 * 60_000) {
      const back = localDateTimeToUtc(utcToLocalDateTime(ms));
      // The second pass through the autumn repeat maps back to the first instant.
      const repeat = ms >= Date.UTC(2026, 9, 25, 1) && ms < Date.UTC(2026, 9, 25, 2);
      if (back !== (repeat ? ms - 3_600_000 : ms)) wrong.push(iso(ms));
    }
    expect(wrong).toEqual([]);
  });
});

describe('days', () => {
  it.each([
    ['2026-03-29', '2026-03-28T23:00Z'],
    ['2026-03-30', '2026-03-29T22:00Z'],
    ['2026-10-25', '2026-10-24T22:00Z'],
    ['2026-10-26', '2026-10-25T23:00Z'],
  ])('the day %s starts at %s', (date, utc) => {
    expect(iso(localDateToUtc(date))).toBe(utc);
  });

  it('the DST days are 23 and 25 hours long in real time', () => {
    expect(localDateToUtc('2026-03-30') - localDateToUtc('2026-03-29')).toBe(23 * 3_600_000);
    expect(localDateToUtc('2026-10-26') - localDateToUtc('2026-10-25')).toBe(25 * 3_600_000);
  });

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-28', 2, '2026-03-30'],
  ])('%s + %i days → %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-12-07', 1],
    ['2026-12-10', 4],
    ['2026-12-13', 7],
    ['2026-12-13T23:59', 7],
  ])('%s is ISO weekday %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });

  it('counts calendar days', () => {
    expect(daysBetween('2026-12-24', '2026-12-27')).toBe(3);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
});

describe('wall-clock arithmetic', () => {
  it.each([
    ['2026-12-10T23:30', 90, '2026-12-11T01:00'],
    ['2026-03-29T01:30', 120, '2026-03-29T03:30'],
    ['2026-10-25T01:30', 60, '2026-10-25T02:30'],
    ['2027-01-01T00:15', -30, '2026-12-31T23:45'],
  ])('%s + %i min → %s (clock face)', (start, minutes, expected) => {
    expect(addMinutes(start, minutes)).toBe(expected);
  });

  it('measures on the clock face, not in real time', () => {
    expect(wallClockMinutes('2026-03-29T01:30', '2026-03-29T03:30')).toBe(120);
    expect(localDateTimeToUtc('2026-03-29T03:30') - localDateTimeToUtc('2026-03-29T01:30')).toBe(3_600_000);
  });
});
