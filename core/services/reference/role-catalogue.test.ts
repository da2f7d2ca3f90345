import { afterEach, describe, expect, it } from 'vitest';
import { createTempApp } from '../../../tests/support/temp-app';
import { ROLE_CATALOGUE, roleMap } from '../../domain/addressing';
import { createRoleCatalogue, roleLabelFor } from './role-catalogue';
import { seedRoleCatalogue } from './roles-repository';

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

describe('role catalogue: a snapshot taken at start, taken again on refresh', () => {
  let app: ReturnType<typeof createTempApp> | undefined;
  afterEach(() => app?.cleanup());

  it('starts from the roles as stored and sees a role added later only after refresh', async () => {
    app = createTempApp();
    const atStart = seedRoleCatalogue(app.db);
    expect(atStart.map((r) => r.key).sort()).toEqual(ROLE_CATALOGUE.map((r) => r.key).sort());
    const catalogue = createRoleCatalogue(app.engine, atStart);
    expect(catalogue.map().get('oberbuergermeister')?.label).toBe(roles.get('oberbuergermeister')?.label);

    const base = ROLE_CATALOGUE.find((r) => r.key === 'vorsitz_verein')!;
    const added = { ...base, key: 'vorsitz_heimatverein', label: 'Vorsitz Heimatverein', precedence: base.precedence };
    const { db, t } = app.engine;
    await db.insert(t.roles).values({ key: added.key, label: added.label, precedence: added.precedence, builtin: false, definition: added });
    expect(catalogue.map().has(added.key)).toBe(false);

    await catalogue.refresh();
    expect(catalogue.map().get(added.key)?.label).toBe('Vorsitz Heimatverein');
    const keys = catalogue.list().map((r) => r.key);
    expect(keys).toContain(added.key);
    // Precedence order, as before.
    const precedences = catalogue.list().map((r) => r.precedence);
    expect(precedences).toEqual([...precedences].sort((a, b) => a - b));
  });
});
