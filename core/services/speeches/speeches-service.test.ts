import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../api';
import { createTempApp } from '../../../tests/support/temp-app';
import { documentText } from '../../documents/docx-template';

let app: ReturnType<typeof createTempApp>;
beforeEach(() => {
  app = createTempApp();
});
afterEach(() => app.cleanup());

describe('speeches.greeting', () => {
  it('greets a guest speaker\'s audience in protocol order, host included, with the catalogue of the database', async () => {
    const mayor = { gender: 'male', surname: 'Sandmann', role: 'oberbuergermeister' } as const;
    const minister = { gender: 'male', surname: 'Tiefenbach', role: 'landesminister' } as const;
    const result = await call(app.handlers, 'speeches.greeting', {
      speaker: minister,
      host: mayor,
      guests: [
        { gender: 'female', surname: 'Schulz', role: 'ratsmitglied' },
        { gender: 'male', surname: 'Maier', role: 'ratsmitglied' },
        minister,
        { gender: 'female', surname: 'Paschke', role: 'mdb' },
        { gender: 'male', surname: 'Lemmerz', role: 'mdl' },
        { gender: 'female', surname: 'Müller', degrees: 'Dr.' },
      ],
    });
    expect(result.text).toBe(
      'Sehr geehrte Abgeordnete, sehr geehrter Herr Oberbürgermeister, sehr geehrte Mitglieder des Rates, ' +
        'sehr geehrte Frau Dr. Müller, meine sehr geehrten Damen und Herren,',
    );
    expect(result.order.map((p) => p.surname)).toEqual(['Paschke', 'Lemmerz', 'Sandmann', 'Schulz', 'Maier', 'Müller']);
  });

  it('refuses a guest without a surname', async () => {
    const result = await dispatch(app.handlers, 'speeches.greeting', { guests: [{ gender: 'male', surname: '' }] });
    expect(result.ok ? null : result.error.code).toBe('INVALID_INPUT');
  });
});

describe('speech register', () => {
  it('records a Grußwort for an appointment; the appointment and its Terminmappe show it', async () => {
    await call(app.handlers, 'demo.load', {});
    const [ob] = await call(app.handlers, 'calendar.calendars', {});
    const view = await call(app.handlers, 'calendar.view', { from: '2026-12-08', to: '2026-12-08', calendarIds: [ob.id] });
    const reception = view.occurrences.find((o) => o.title === 'Empfang der Delegation aus Portsmouth')!;
    const speech = await call(app.handlers, 'speeches.save', {
      title: 'Begrüßung der Delegation aus Portsmouth',
      kind: 'grusswort',
      speakerId: ob.signerId,
      appointmentId: reception.appointmentId,
      targetMinutes: 5,
      deadline: '2026-12-01',
      author: 'Frau Kemper',
      status: 'entwurf',
    });
    expect(speech).toMatchObject({ speaker: 'Dr. Petra Hovestadt, Oberbürgermeisterin', status: 'entwurf', overdue: false });
    const appointment = await call(app.handlers, 'calendar.appointments.get', { id: reception.appointmentId });
    expect(appointment.speeches).toEqual([{ id: speech.id, title: 'Begrüßung der Delegation aus Portsmouth', kind: 'grusswort', status: 'entwurf', deadline: '2026-12-01' }]);
    const file = await call(app.handlers, 'calendar.briefing', { appointmentId: reception.appointmentId });
    const text = documentText(new Uint8Array(Buffer.from(file.contentBase64, 'base64'))).body;
    expect(text).toContain('Grußwort (gesprochen) „Begrüßung der Delegation aus Portsmouth“: Entwurf, 5 Minuten, Frist 01.12.2026, verfasst von Frau Kemper');
    expect((await call(app.handlers, 'speeches.list', { appointmentId: reception.appointmentId })).map((s) => s.id)).toEqual([speech.id]);
  });

  it('marks a speech past its deadline as overdue until it is released, and refuses unknown links', async () => {
    const late = await call(app.handlers, 'speeches.save', { title: 'Neujahrsrede', kind: 'rede', deadline: '2026-11-20', status: 'entwurf' });
    expect(late.overdue).toBe(true);
    expect((await call(app.handlers, 'speeches.save', { ...late, status: 'freigegeben' })).overdue).toBe(false);
    const broken = await dispatch(app.handlers, 'speeches.save', { title: 'X', kind: 'rede', appointmentId: 999 });
    expect(broken.ok ? null : broken.error.message).toBe('Der Termin Nr. 999 wurde nicht gefunden.');
  });
});
