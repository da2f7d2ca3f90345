import { describe, expect, it } from 'vitest';
import { julianToGregorian, orthodoxChristmas, orthodoxEaster, westernEaster } from './computus';

describe('computus', () => {
  it.each([
    // Quelle: Ökumenisches Heiligenlexikon, Tabelle der Ostertermine (westlich / orthodox).
    [2024, '2024-03-31', '2024-05-05'],
    [2025, '2025-04-20', '2025-04-20'], // both churches on the same Sunday
    [2031, '2031-04-13', '2031-04-13'],
    [2017, '2017-04-16', '2017-04-16'],
    [2008, '2008-03-23', '2008-04-27'],
  ])('%i: Western %s, Orthodox %s', (year, western, orthodox) => {
    expect(westernEaster(year)).toBe(western);
    expect(orthodoxEaster(year)).toBe(orthodox);
  });

  it('converts the Julian calendar across the century rule', () => {
    expect(julianToGregorian(1582, 10, 5)).toBe('1582-10-15'); // the Gregorian reform
    expect(julianToGregorian(2025, 12, 25)).toBe('2026-01-07');
    expect(orthodoxChristmas(2100)).toBe('2100-01-07');
    expect(orthodoxChristmas(2101)).toBe('2101-01-08'); // 14 days from March 2100
  });

  it('refuses years outside the Gregorian calendar', () => {
    expect(() => westernEaster(1500)).toThrow(RangeError);
    expect(() => orthodoxEaster(2026.5)).toThrow(RangeError);
  });
});
