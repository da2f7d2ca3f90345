import { describe, expect, it } from 'vitest';
import { weddingJubileeName } from './names';

describe('wedding jubilee names', () => {
  it.each([
    [25, 'Silberne Hochzeit'],
    [50, 'Goldene Hochzeit'],
    [60, 'Diamantene Hochzeit'],
    [65, 'Eiserne Hochzeit'],
    [70, 'Gnadenhochzeit'],
    [75, 'Kronjuwelenhochzeit'],
    [80, 'Eichenhochzeit'],
    [55, '55. Hochzeitstag'],
  ])('%i years → %s', (years, name) => {
    expect(weddingJubileeName(years)).toBe(name);
  });
});
