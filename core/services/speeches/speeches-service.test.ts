import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../api';
import { createTempApp } from '../../../tests/support/temp-app';

let app: ReturnType<typeof createTempApp>;
beforeEach(() => {
  app = createTempApp();
});
afterEach(() => app.cleanup());

describe('speeches.greeting', () => {
  it('greets a guest speaker\'s audience in protocol order, host included, with the catalogue of the database', async () => {
    const mayor = { gender: 'male', surname: 'Link', role: 'oberbuergermeister' } as const;
    const minister = { gender: 'male', surname: 'Reul', role: 'landesminister' } as const;
    const result = await call(app.handlers, 'speeches.greeting', {
      speaker: minister,
      host: mayor,
      guests: [
        { gender: 'female', surname: 'Schulz', role: 'ratsmitglied' },
        { gender: 'male', surname: 'Maier', role: 'ratsmitglied' },
        minister,
        { gender: 'female', surname: 'Bas', role: 'mdb' },
        { gender: 'male', surname: 'Mostofizadeh', role: 'mdl' },
        { gender: 'female', surname: 'Müller', degrees: 'Dr.' },
      ],
    });
    expect(result.text).toBe(
      'Sehr geehrte Abgeordnete, sehr geehrter Herr Oberbürgermeister, sehr geehrte Mitglieder des Rates, ' +
        'sehr geehrte Frau Dr. Müller, meine sehr geehrten Damen und Herren,',
    );
    expect(result.order.map((p) => p.surname)).toEqual(['Bas', 'Mostofizadeh', 'Link', 'Schulz', 'Maier', 'Müller']);
  });

  it('refuses a guest without a surname', async () => {
    const result = await dispatch(app.handlers, 'speeches.greeting', { guests: [{ gender: 'male', surname: '' }] });
    expect(result.ok ? null : result.error.code).toBe('INVALID_INPUT');
  });
});
