import { describe, expect, it } from 'vitest';
import { checkDate, checkDateTime, checkTime, parseDateAndTime, parseGermanDate, parseTime, showDate, showTime, splitDateTime, stepDate, stepTime } from '../../renderer/src/components/german-date';

/** Typed in 2026: year-less dates are this year's, two-digit years lie between 1946 and 2045. */
const YEAR = 2026;

describe('a typed date (TT.MM.JJJJ and what people type instead)', () => {
  it.each([
    ['27.11.2026', '2026-11-27'],
    ['27.11.26', '2026-11-27'],
    ['1.3.2027', '2027-03-01'],
    ['01.03.2027', '2027-03-01'],
    ['1.03.27', '2027-03-01'],
    ['  7.5.2026 ', '2026-05-07'],
    ['27. 11. 2026', '2026-11-27'],
    ['29.02.2028', '2028-02-29'],
    ['31.12.45', '2045-12-31'],
    ['1.1.46', '1946-01-01'],
    ['3.10.99', '1999-10-03'],
    ['1.1.00', '2000-01-01'],
    ['24.12.', '2026-12-24'],
    ['24.12', '2026-12-24'],
    ['27112026', '2026-11-27'],
    ['271126', '2026-11-27'],
    ['2026-11-27', '2026-11-27'],
    ['', ''],
    ['   ', ''],
  ])('„%s“ → %s', (text, iso) => {
    expect(parseGermanDate(text, YEAR)).toEqual({ value: iso });
  });

  it.each([
    ['30.02.2027', 'Den 30.02.2027 gibt es nicht: Der Februar 2027 hat 28 Tage.'],
    ['29.2.27', 'Den 29.02.2027 gibt es nicht: Der Februar 2027 hat 28 Tage.'],
    ['31.04.2026', 'Den 31.04.2026 gibt es nicht: Der April 2026 hat 30 Tage.'],
    ['0.5.2026', 'Den 00.05.2026 gibt es nicht: Der Mai 2026 hat 31 Tage.'],
    ['2027-02-30', 'Den 30.02.2027 gibt es nicht: Der Februar 2027 hat 28 Tage.'],
    ['12.13.2026', 'Einen 13. Monat gibt es nicht. Bitte als TT.MM.JJJJ eingeben, z. B. 27.11.2026.'],
    ['12.0.2026', 'Einen 0. Monat gibt es nicht. Bitte als TT.MM.JJJJ eingeben, z. B. 27.11.2026.'],
    ['11/27/2026', '„11/27/2026“ ist kein Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 27.11.2026.'],
    ['27.11.202', '„27.11.202“ ist kein Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 27.11.2026.'],
    ['morgen', '„morgen“ ist kein Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 27.11.2026.'],
    ['2026', '„2026“ ist kein Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 27.11.2026.'],
  ])('refuses „%s“', (text, problem) => {
    expect(parseGermanDate(text, YEAR)).toEqual({ problem });
  });

  it('shows the form value as TT.MM.JJJJ, and anything else as it was typed', () => {
    expect(showDate('2026-11-27')).toBe('27.11.2026');
    expect(showDate('')).toBe('');
    expect(showDate('30.02.2027')).toBe('30.02.2027');
  });

  it('reads back every day it shows, for years of days', () => {
    const misread: string[] = [];
    for (let day = Date.UTC(1999, 0, 1); day <= Date.UTC(2031, 0, 1); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      if (parseGermanDate(showDate(iso), YEAR).value !== iso) misread.push(iso);
    }
    expect(misread).toEqual([]);
  });
});

describe('a typed time (HH:MM)', () => {
  it.each([
    ['14:30', '14:30'],
    ['9:05', '09:05'],
    ['09:05', '09:05'],
    ['14.30', '14:30'],
    ['14', '14:00'],
    ['9', '09:00'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
    ['1430', '14:30'],
    ['930', '09:30'],
    ['18 Uhr', '18:00'],
    ['18:15 Uhr', '18:15'],
    ['', ''],
  ])('„%s“ → %s', (text, time) => {
    expect(parseTime(text)).toEqual({ value: time });
  });

  it.each([
    ['24:00', '„24:00“ gibt es nicht: Die Stunden gehen von 0 bis 23.'],
    ['25', '„25“ gibt es nicht: Die Stunden gehen von 0 bis 23.'],
    ['14:60', '„14:60“ gibt es nicht: Die Minuten gehen von 0 bis 59.'],
    ['14:5', '„14:5“ ist keine Uhrzeit. Bitte als HH:MM eingeben, z. B. 14:30.'],
    ['2 pm', '„2 pm“ ist keine Uhrzeit. Bitte als HH:MM eingeben, z. B. 14:30.'],
    ['abends', '„abends“ ist keine Uhrzeit. Bitte als HH:MM eingeben, z. B. 14:30.'],
  ])('refuses „%s“', (text, problem) => {
    expect(parseTime(text)).toEqual({ problem });
  });

  it('shows the form value as HH:MM, and anything else as it was typed', () => {
    expect(showTime('09:05')).toBe('09:05');
    expect(showTime('25:00')).toBe('25:00');
  });
});

describe('a date with its time (the pair of fields)', () => {
  it.each([
    ['10.12.26', '18', { value: '2026-12-10T18:00' }],
    ['1.3.2027', '9:30', { value: '2027-03-01T09:30' }],
    ['', '', { value: '' }],
    ['10.12.2026', '', { problem: 'Bitte auch die Uhrzeit angeben.' }],
    ['', '18:00', { problem: 'Bitte auch das Datum angeben.' }],
    ['30.02.2027', '18:00', { problem: 'Den 30.02.2027 gibt es nicht: Der Februar 2027 hat 28 Tage.' }],
    ['10.12.2026', '25:00', { problem: '„25:00“ gibt es nicht: Die Stunden gehen von 0 bis 23.' }],
  ])('„%s“ and „%s“', (date, time, parsed) => {
    expect(parseDateAndTime(date, time, YEAR)).toEqual(parsed);
  });

  it('splits the form value into what the two fields show', () => {
    expect(splitDateTime('2026-12-10T18:00')).toEqual(['10.12.2026', '18:00']);
    expect(splitDateTime('')).toEqual(['', '']);
  });
});

describe('the form’s check of a field’s value', () => {
  it.each([
    ['', false, true],
    ['', true, 'Bitte ein Datum angeben.'],
    ['2027-02-27', true, true],
    ['2027-02-30', false, 'Den 30.02.2027 gibt es nicht: Der Februar 2027 hat 28 Tage.'],
    ['30.02.2027', false, 'Den 30.02.2027 gibt es nicht: Der Februar 2027 hat 28 Tage.'],
    ['morgen', false, '„morgen“ ist kein Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 27.11.2026.'],
  ])('date „%s“ (required: %s) → %s', (value, required, result) => {
    expect(checkDate(value, required, YEAR)).toBe(result);
  });

  it.each([
    ['', true, 'Bitte eine Uhrzeit angeben.'],
    ['18:00', true, true],
    ['25:00', false, '„25:00“ gibt es nicht: Die Stunden gehen von 0 bis 23.'],
  ])('time „%s“ (required: %s) → %s', (value, required, result) => {
    expect(checkTime(value, required)).toBe(result);
  });

  it.each([
    ['', false, true],
    ['', true, 'Bitte Datum und Uhrzeit angeben.'],
    ['2026-12-10T18:00', true, true],
    ['2027-02-30T18:00', true, 'Den 30.02.2027 gibt es nicht: Der Februar 2027 hat 28 Tage.'],
    ['2026-12-10T24:00', true, '„24:00“ gibt es nicht: Die Stunden gehen von 0 bis 23.'],
    ['10.12.2026', true, 'Bitte Datum (TT.MM.JJJJ) und Uhrzeit (HH:MM) angeben.'],
  ])('date and time „%s“ (required: %s) → %s', (value, required, result) => {
    expect(checkDateTime(value, required, YEAR)).toBe(result);
  });
});

describe('arrow up and down in a field', () => {
  it.each([
    ['27.02.2027', 1, '28.02.2027'],
    ['28.02.2027', 1, '01.03.2027'],
    ['1.3.28', -1, '29.02.2028'],
    ['31.12.2026', 1, '01.01.2027'],
    ['24.12.', -1, '23.12.2026'],
    ['', 1, null],
    ['30.02.2027', 1, null],
  ])('date „%s“ %i day → %s', (text, days, result) => {
    expect(stepDate(text, days, YEAR)).toBe(result);
  });

  it.each([
    ['14:30', 15, '14:45'],
    ['23:45', 15, '00:00'],
    ['0:10', -15, '23:55'],
    ['18', -15, '17:45'],
    ['', 15, null],
    ['25:00', 15, null],
  ])('time „%s“ %i minutes → %s', (text, minutes, result) => {
    expect(stepTime(text, minutes)).toBe(result);
  });
});
