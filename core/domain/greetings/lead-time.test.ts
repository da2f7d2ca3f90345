import { describe, expect, it } from 'vitest';
import { dayOfWeek } from '../calendar/time';
import { occasionsOfYear, previousWorkingDay, sendByDate, sendByForOccasion } from './index';

describe('send-by date: date − lead days, back to a working day in NRW', () => {
  it.each([
    // date, lead days, expected, why
    ['2026-12-25', 21, '2026-12-04', 'three weeks, a Friday'],
    ['2026-03-03', 7, '2026-02-24', 'across a month boundary'],
    ['2028-03-07', 7, '2028-02-29', 'into a leap day'],
    ['2027-01-01', 14, '2026-12-18', 'across the year boundary'],
    ['2026-07-14', 10, '2026-07-03', 'Saturday → Friday'],
    ['2026-07-14', 9, '2026-07-03', 'Sunday → Friday'],
    ['2026-04-12', 6, '2026-04-02', 'Ostermontag, Easter weekend and Karfreitag → Gründonnerstag'],
    ['2027-01-08', 7, '2026-12-31', 'Neujahr → Silvester (a working day), across the year'],
    ['2026-12-27', 0, '2026-12-24', 'Sunday, Saturday, 1. Weihnachtstag → Heiligabend (a working day)'],
    ['2027-10-10', 7, '2027-10-01', 'Tag der Deutschen Einheit on a Sunday → Friday'],
    ['2026-09-15', 0, '2026-09-15', 'no lead time, a working day stays'],
  ])('%s − %i days → %s (%s)', (date, lead, expected) => {
    expect(sendByDate(date, lead)).toBe(expected);
  });
});

describe('occasions that begin the evening before count from that evening', () => {
  it.each([
    // date, begins evening, lead days, expected with the evening, expected from the day itself
    ['2027-04-22', '2027-04-21', 14, '2027-04-07', '2027-04-08', 'Pessach 2027'],
    ['2026-09-12', '2026-09-11', 28, '2026-08-14', '2026-08-14', 'Rosch ha-Schana 2026: Saturday, so the same Friday'],
    ['2026-05-27', '2026-05-26', 21, '2026-05-05', '2026-05-06', 'Eid al-Adha 2026'],
    ['2030-01-05', '2030-01-04', 10, '2029-12-24', '2029-12-24', 'Ramadan 2030: 1. Weihnachtstag 2029 → Heiligabend'],
  ])('%s (evening %s), %i days → %s, not %s (%s)', (date, evening, lead, withEvening, fromDay) => {
    expect(sendByDate(date, lead, { beginsEvening: evening })).toBe(withEvening);
    expect(sendByDate(date, lead)).toBe(fromDay);
    expect(sendByDate(date, lead, { beginsEvening: null })).toBe(fromDay);
  });

  it('takes the plan’s occasions as they are', () => {
    const plan = occasionsOfYear(2027);
    const chanukka = plan.find((o) => o.key === 'chanukka')!; // 2027-12-25, evening of 12-24
    const christmas = plan.find((o) => o.key === 'weihnachten')!; // 2027-12-25, no evening
    expect(sendByForOccasion(chanukka, 15)).toBe('2027-12-09');
    expect(sendByForOccasion(christmas, 15)).toBe('2027-12-10');
  });
});

describe('previous working day and errors', () => {
  it('is always a working day and never after the date', () => {
    for (let d = 1; d <= 31; d++) {
      const date = `2026-12-${String(d).padStart(2, '0')}`;
      const day = previousWorkingDay(date);
      expect(day <= date).toBe(true);
      expect(dayOfWeek(day)).toBeLessThanOrEqual(5);
    }
  });

  it.each([
    [() => sendByDate('2026-12-25', -1), 'negative lead time'],
    [() => sendByDate('2026-12-25', 1.5), 'fractional lead time'],
    [() => sendByDate('25.12.2026', 7), 'not an ISO date'],
    [() => sendByDate('2026-02-30', 7), 'no such day'],
    [() => sendByDate('2026-12-25', 7, { beginsEvening: '2026-12-26' }), 'evening after the day'],
  ])('throws a RangeError: %#', (call) => {
    expect(call).toThrow(RangeError);
  });
});
