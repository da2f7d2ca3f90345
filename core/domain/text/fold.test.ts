import { describe, expect, it } from 'vitest';
import { foldGerman } from './fold';

describe('foldGerman', () => {
  it.each([
    ['Müller', 'mueller'],
    ['MÜLLER', 'mueller'],
    ['mueller', 'mueller'],
    ['Straße', 'strasse'],
    ['Özdemir', 'oezdemir'],
    ['Gülşen Arslan', 'guelsen arslan'],
    ['Élise Lefèvre', 'elise lefevre'],
    ['Groß-Ärzte', 'gross-aerzte'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(foldGerman(input)).toBe(expected);
  });
});
