import { describe, expect, it } from 'vitest';
import { addressFieldLines, addressTooLongMessage, DIN_ADDRESS_FIELD, fitAddressField } from './address-field';

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

describe('fitAddressField (the shipped field: 45 mm, one-line return address, 12.75 pt address lines)', () => {
  const { geometry } = DIN_ADDRESS_FIELD;
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `Zeile ${i + 1}`);
  it.each([
    { n: 1, before: 824 },
    { n: 6, before: 824 },
    { n: 7, before: 569 },
    { n: 8, before: 314 },
    { n: 9, before: 59 },
  ])('$n address lines: the return address starts $before twips below the top of the field', ({ n, before }) => {
    expect(fitAddressField(geometry, [['Stadt Duisburg · Die Oberbürgermeisterin · 47049 Duisburg'], lines(n)])).toEqual({ fits: true, firstBeforeTwips: before });
  });

  it('refuses 10 lines, and 9 when the return address takes two', () => {
    expect(fitAddressField(geometry, [[''], lines(10)])).toEqual({ fits: false, needed: 10, perLine: Array(10).fill(1), capacity: 9 });
    expect(fitAddressField(geometry, [['Stadt Duisburg', 'Postfach 10 19 61'], lines(9)])).toMatchObject({ fits: false, needed: 9, capacity: 8 });
  });

  it('counts wrapped lines', () => {
    const long = 'Vorsitzender des Fördervereins der Freiwilligen Feuerwehr Duisburg-Homberg e. V.';
    expect(fitAddressField(geometry, [[''], [...lines(7), long]])).toMatchObject({ fits: false, needed: 10, perLine: [1, 1, 1, 1, 1, 1, 1, 3] });
  });
});

describe('addressTooLongMessage', () => {
  const fit = (perLine: number[], capacity = 9) => ({ fits: false as const, needed: perLine.reduce((a, b) => a + b, 0), perLine, capacity });
  it.each([
    {
      name: 'names the wrapping line first',
      lines: ['Herrn', 'Dr. Max Mustermann', 'Vorsitzender des Fördervereins der Freiwilligen Feuerwehr Duisburg-Homberg e. V.', 'z. Hd. Geschäftsstelle', 'Am Rheindeich 5', '47198 Duisburg'],
      perLine: [1, 1, 3, 1, 1, 1],
      capacity: 7,
      expected: 'sie braucht mit Zeilenumbrüchen 8 Zeilen, Platz ist für höchstens 7. Bitte eine Zeile einsparen – kürzen oder weglassen: Zeile 3 „Vorsitzender des Fördervereins der …“ (bricht auf 3 Zeilen um).',
    },
    {
      name: 'keeps salutation, name, street, town and country; names lines in between',
      lines: ['Herrn', 'John Smith', 'Chairman', 'Friends of Duisburg', 'Twinning Association', 'c/o Civic Offices', 'Guildhall Square', 'PORTSMOUTH', 'PO1 2AL', 'GROSSBRITANNIEN'],
      perLine: Array(10).fill(1),
      capacity: 8,
      expected: 'sie braucht 10 Zeilen, Platz ist für höchstens 8. Bitte 2 Zeilen einsparen – kürzen oder weglassen: Zeile 3 „Chairman“, Zeile 4 „Friends of Duisburg“.',
    },
  ])('$name', ({ lines, perLine, capacity, expected }) => {
    expect(addressTooLongMessage(lines, fit(perLine, capacity), 'Geburtstag')).toBe(`Die Anschrift passt nicht in das Anschriftfeld der Vorlage „Geburtstag“: ${expected}`);
  });
});
