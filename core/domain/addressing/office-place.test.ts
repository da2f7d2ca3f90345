import { describe, expect, it } from 'vitest';
import { ROLE_CATALOGUE, officePlace, roleMap } from '.';

const roles = roleMap(ROLE_CATALOGUE);

describe('officePlace', () => {
  it.each([
    ['lord_mayor', 'Portsmouth', 'of Portsmouth'],
    ['lord_mayor', 'of Portsmouth', 'of Portsmouth'],
    ['mayor', 'Fort Lauderdale', 'of Fort Lauderdale'],
    ['maire', 'Calais', 'de Calais'],
    ['maire', 'Arras', 'd’Arras'],
    ['maire', 'd’Arras', 'd’Arras'],
    ['maire', "d'Arras", "d'Arras"],
    ['vorsitz_verein', 'des Turnvereins Duisburg-Neudorf', 'des Turnvereins Duisburg-Neudorf'],
    ['lord_mayor', '', ''],
  ])('%s with „%s“ → „%s“', (key, detail, expected) => {
    expect(officePlace(roles.get(key)!, detail)).toBe(expected);
  });
});
