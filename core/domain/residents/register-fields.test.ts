import { describe, expect, it } from 'vitest';
import {
  isStandardColumnSet,
  mappingProblems,
  parseFlag,
  parseGender,
  parseRegisterDate,
  REGISTER_FIELDS,
  splitPostcodeAndCity,
  splitStreetAndNumber,
  suggestMapping,
  unmappedProtectingFields,
} from './register-fields';

describe('suggestMapping', () => {
  it('maps the standard column set onto itself, in any case and order', () => {
    const headers = [...REGISTER_FIELDS].reverse().map((h) => h.toUpperCase());
    expect(isStandardColumnSet(headers)).toBe(true);
    const mapping = suggestMapping(headers);
    expect(headers.every((h) => mapping[h] === h.toLowerCase())).toBe(true);
  });

  it.each([
    ['Ordnungsmerkmal', 'register_id'],
    ['Familienname', 'surname'],
    ['Vornamen', 'given_names'],
    ['Doktorgrad', 'degree'],
    ['Geschlecht', 'gender'],
    ['Geburtsdatum', 'birth_date'],
    ['Geboren am', 'birth_date'],
    ['Straße', 'street'],
    ['Haus-Nr.', 'house_number'],
    ['PLZ', 'postcode'],
    ['Wohnort', 'city'],
    ['Stadtbezirk', 'district'],
    ['Datum der Eheschließung', 'marriage_date'],
    ['OM Ehegatte', 'spouse_register_id'],
    ['Sterbedatum', 'death_date'],
    ['Wegzug', 'moved_away'],
    ['Widerspruch (§ 50 Abs. 5 BMG)', 'objection'],
    ['Auskunftssperre', 'information_block'],
    ['Bedingter Sperrvermerk', 'conditional_block'],
    ['Lieblingsfarbe', null],
  ] as const)('„%s“ → %s', (header, field) => {
    expect(suggestMapping([header])[header]).toBe(field);
  });

  it('prefers the exact name over a loose one and gives each field one column', () => {
    expect(suggestMapping(['Name', 'Nachname', 'ID', 'Ordnungsmerkmal'])).toEqual({
      Name: null,
      Nachname: 'surname',
      ID: null,
      Ordnungsmerkmal: 'register_id',
    });
  });
});

describe('mappingProblems', () => {
  it('asks for the required fields and refuses one field in two columns', () => {
    expect(mappingProblems({ A: 'surname', B: 'surname' }, ['A', 'B'])).toEqual([
      'Bitte ordnen Sie eine Spalte dem Feld „Melderegister-Nummer (Ordnungsmerkmal)“ zu.',
      'Bitte ordnen Sie eine Spalte dem Feld „Geburtsdatum“ zu.',
      'Das Feld „Familienname“ ist mehreren Spalten zugeordnet („A“, „B“); bitte nur einer.',
    ]);
    expect(mappingProblems({ OM: 'register_id', Name: 'surname', Geb: 'birth_date' }, ['OM', 'Name', 'Geb'])).toEqual([]);
  });

  it('names the protecting fields that have no column', () => {
    expect(unmappedProtectingFields({ OM: 'register_id', Tod: 'death_date', W: 'objection' }, ['OM', 'Tod', 'W'])).toEqual([
      'moved_away',
      'information_block',
      'conditional_block',
    ]);
  });
});

describe('cell values', () => {
  it.each([
    ['w', 'female'],
    ['W', 'female'],
    ['weiblich', 'female'],
    ['m', 'male'],
    ['männlich', 'male'],
    ['d', 'diverse'],
    ['divers', 'diverse'],
    ['x', 'unknown'],
    ['', 'unknown'],
  ] as const)('gender „%s“ → %s', (value, gender) => expect(parseGender(value)).toBe(gender));

  it('refuses an unknown gender in German', () => {
    expect(() => parseGender('q')).toThrow('Geschlecht „q“ ist unbekannt (erwartet w, m, d oder x).');
  });

  it.each([
    ['1', true],
    ['ja', true],
    ['J', true],
    ['X', true],
    ['0', false],
    ['', false],
    ['nein', false],
  ] as const)('flag „%s“ → %s', (value, flag) => expect(parseFlag(value, 'objection')).toBe(flag));

  it('refuses an unclear flag, naming the field', () => {
    expect(() => parseFlag('vielleicht', 'objection')).toThrow('Widerspruch (§ 50 Abs. 5 BMG): „vielleicht“ ist kein gültiger Wert (1, 0 oder leer).');
  });

  it.each([
    ['03.12.1936', '1936-12-03'],
    ['3.2.1936', '1936-02-03'],
    ['1936-12-03', '1936-12-03'],
    ['29.02.1936', '1936-02-29'],
    ['', null],
  ])('date „%s“ → %s', (value, iso) => expect(parseRegisterDate(value, 'Das Geburtsdatum')).toBe(iso));

  it.each([
    ['31.02.1930', 'Das Geburtsdatum „31.02.1930“ gibt es nicht.'],
    ['29.02.1930', 'Das Geburtsdatum „29.02.1930“ gibt es nicht.'],
    ['1.1.30', 'Das Geburtsdatum „1.1.30“ ist kein Datum (erwartet TT.MM.JJJJ).'],
  ])('date „%s“ is refused', (value, message) => expect(() => parseRegisterDate(value, 'Das Geburtsdatum')).toThrow(message));

  it.each([
    ['Königstraße 5', 'Königstraße', '5'],
    ['Am Buchenbaum 12a', 'Am Buchenbaum', '12a'],
    ['Düsseldorfer Str. 112 - 114', 'Düsseldorfer Str.', '112 - 114'],
    ['Marktplatz', 'Marktplatz', ''],
  ])('street „%s“ → %s | %s', (value, street, houseNumber) => expect(splitStreetAndNumber(value)).toEqual({ street, houseNumber }));

  it.each([
    ['47051 Duisburg', '47051', 'Duisburg'],
    ['Duisburg', '', 'Duisburg'],
  ])('place „%s“ → %s | %s', (value, postcode, city) => expect(splitPostcodeAndCity(value)).toEqual({ postcode, city }));
});
