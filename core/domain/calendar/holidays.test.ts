import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, nextWorkingDay, publicHolidaysNRW } from './holidays';

describe('public holidays in NRW', () => {
  it('2026 (Easter Sunday is 5 April)', () => {
    expect(publicHolidaysNRW(2026)).toEqual([
      { date: '2026-01-01', name: 'Neujahr' },
      { date: '2026-04-03', name: 'Karfreitag' },
      { date: '2026-04-06', name: 'Ostermontag' },
      { date: '2026-05-01', name: 'Tag der Arbeit' },
      { date: '2026-05-14', name: 'Christi Himmelfahrt' },
      { date: '2026-05-25', name: 'Pfingstmontag' },
      { date: '2026-06-04', name: 'Fronleichnam' },
      { date: '2026-10-03', name: 'Tag der Deutschen Einheit' },
      { date: '2026-11-01', name: 'Allerheiligen' },
      { date: '2026-12-25', name: '1. Weihnachtstag' },
      { date: '2026-12-26', name: '2. Weihnachtstag' },
    ]);
  });

  it('moves with Easter (2027: Easter Sunday is 28 March)', () => {
    const dates = publicHolidaysNRW(2027).map((h) => h.date);
    expect(dates).toHaveLength(11);
    expect(dates).toEqual(expect.arrayContaining(['2027-03-26', '2027-03-29', '2027-05-06', '2027-05-17', '2027-05-27']));
  });

  it('hands out copies', () => {
    publicHolidaysNRW(2026)[0].name = 'geändert';
    expect(publicHolidaysNRW(2026)[0].name).toBe('Neujahr');
  });
});

describe('working days', () => {
  it.each([
    ['2026-04-02', true, 'Gründonnerstag'],
    ['2026-04-03', false, 'Karfreitag'],
    ['2026-04-04', false, 'Saturday'],
    ['2026-04-05', false, 'Easter Sunday'],
    ['2026-04-06', false, 'Ostermontag'],
    ['2026-04-07', true, 'Tuesday after Easter'],
    ['2026-02-16', true, 'Rosenmontag is not a public holiday'],
    ['2026-12-24', true, 'Heiligabend (a Thursday) is not a public holiday'],
    ['2026-12-25', false, '1. Weihnachtstag'],
    ['2026-11-18', true, 'Buß- und Bettag is a holiday only in Saxony'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2026-04-02', 1, '2026-04-07', 'over Easter'],
    ['2026-04-01', 2, '2026-04-07', 'over Easter'],
    ['2026-03-30', 5, '2026-04-08', 'a week with Easter in it'],
    ['2026-04-07', -1, '2026-04-02', 'backwards over Easter'],
    ['2026-12-23', 1, '2026-12-24', 'Heiligabend counts'],
    ['2026-12-24', 1, '2026-12-28', 'over Christmas and the weekend'],
    ['2026-12-24', 5, '2027-01-04', 'over Christmas and Neujahr (Friday)'],
    ['2026-12-25', 1, '2026-12-28', 'starting on a holiday'],
    ['2026-12-26', 0, '2026-12-26', 'n = 0 leaves the date as it is'],
    ['2026-12-10', 10, '2026-12-24', 'a ten-day reply deadline up to Heiligabend'],
    ['2026-12-10', 11, '2026-12-28', 'one more day: over Christmas and the weekend'],
  ])('%s + %i working days → %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-12-24', '2026-12-24'],
    ['2026-12-25', '2026-12-28'],
    ['2026-05-30', '2026-06-01'],
  ])('next working day from %s → %s', (date, expected) => {
    expect(nextWorkingDay(date)).toBe(expected);
  });
});
