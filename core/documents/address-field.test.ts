import { describe, expect, it } from 'vitest';
import { addressFieldLines } from './address-field';

describe('addressFieldLines', () => {
  it.each([
    { name: 'a short address: one printed line per line', lines: ['Frau', 'Anna Beispiel', 'Musterstraße 12', '47051 Duisburg'], printed: 4 },
    {
      name: 'a long office wraps onto a second line',
      lines: ['Frau', 'Dr. Miriam Feldheim', 'Vorsitzende der Jüdischen Kultusgemeinde Rhein-Ruhr', 'Springwall 16', '47051 Duisburg'],
      printed: 6,
    },
    {
      name: 'six logical lines with a wrapping one do not fit',
      lines: ['Herrn', 'Dr. Max Mustermann', 'Vorsitzender des Fördervereins der Freiwilligen Feuerwehr Duisburg-Homberg e. V.', 'z. Hd. Geschäftsstelle', 'Am Rheindeich 5', '47198 Duisburg'],
      printed: 8,
    },
    { name: 'a word wider than the field is broken', lines: ['Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenkasse'], printed: 2 },
  ])('$name', ({ lines, printed }) => {
    expect(addressFieldLines(lines)).toBe(printed);
  });
});
