import { describe, expect, it } from 'vitest';
import { ROLE_CATALOGUE, roleMap } from '../../domain/addressing';
import { roleLabelFor } from './role-catalogue';

const roles = roleMap(ROLE_CATALOGUE);

describe('roleLabelFor: the office as lists show it', () => {
  it.each([
    ['oberbuergermeister', 'female', '', false, 'Oberbürgermeisterin'],
    ['oberbuergermeister', 'male', '', true, 'Oberbürgermeister a. D.'],
    // A.1.9: neither masculine nor feminine for a diverse person or one of unknown gender.
    ['oberbuergermeister', 'diverse', '', false, 'Oberbürgermeister:in'],
    ['vorsitz_verein', 'unknown', 'des Turnvereins Duisburg-Neudorf', false, 'Vorsitz des Turnvereins Duisburg-Neudorf'],
    ['richter', 'diverse', 'am Amtsgericht Duisburg', false, 'Richter:in am Amtsgericht Duisburg'],
    ['ministerpraesident', 'diverse', '', false, 'Ministerpräsident:in des Landes Nordrhein-Westfalen'],
    ['lord_mayor', 'female', 'of Portsmouth', false, 'Lord Mayor of Portsmouth'],
    ['maire', 'diverse', 'Arras', false, 'Maire d’Arras'],
  ] as const)('%s, %s, „%s“, former: %s → „%s“', (key, gender, detail, former, expected) => {
    expect(roleLabelFor(roles.get(key), gender, detail, former)).toBe(expected);
  });
});
