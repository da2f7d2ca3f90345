import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type DispatchResult } from '../../core/api';
import { bridgeCaller, type Caller } from '../support/bridge-caller';
import { createTempApp } from '../support/temp-app';

/**
 * What testers saw, one case each, at two doors (in-process and the HTTP bridge): impossible
 * dates, unknown fields, updates that lost data by omission, control characters, records in use.
 * The broad search for more such cases is bad-input.property.test.ts.
 */
type App = ReturnType<typeof createTempApp>;

const messageOf = (result: DispatchResult) => (result.ok ? `(kein Fehler: ${JSON.stringify(result.data).slice(0, 200)})` : result.error.message);
const dataOf = <T>(result: DispatchResult): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.data as T;
};

function examples(door: string, setup: () => Promise<{ app: App; caller: Caller; teardown(): Promise<void> }>) {
  describe(`bad input through ${door}`, () => {
    let app: App;
    let call: Caller;
    let teardown: () => Promise<void>;
    const count = (table: string) => app.db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;
    beforeAll(async () => {
      ({ app, caller: call, teardown } = await setup());
      dataOf(await call('demo.load', {}));
    }, 60_000);
    afterAll(async () => teardown());

    it.each([
      ['jubilees.list', { from: '2027-02-30', to: '2027-03-31' }, 'Von: Den 30.02.2027 gibt es nicht.'],
      ['jubilees.visits.list', { from: '2026-12-01', to: '2026-13-01' }, 'Bis: Den 01.13.2026 gibt es nicht.'],
      ['calendar.view', { from: '2026-13-01', to: '2026-12-31' }, 'Von: Den 01.13.2026 gibt es nicht.'],
      ['requests.followUp', { id: 1, revision: 1, on: '2027-02-30' }, 'Datum: Den 30.02.2027 gibt es nicht.'],
      ['calendar.briefing', { calendarId: 1, date: '2027-02-30' }, 'Datum: Den 30.02.2027 gibt es nicht.'],
      ['calendar.briefing', { appointmentId: 1, date: '2026-02-29' }, 'Datum: Den 29.02.2026 gibt es nicht.'],
      ['carpool.dayPlan', { driverId: 1, date: '2027-02-30' }, 'Datum: Den 30.02.2027 gibt es nicht.'],
      ['calendar.appointments.move', { id: 1, revision: 1, start: '2026-12-01T25:61', end: '2026-12-01T23:00' }, 'Beginn: Die Uhrzeit 25:61 gibt es nicht (00:00 bis 23:59).'],
      ['calendar.appointments.save', { calendarId: 1, title: 'Empfang', start: '2027-02-30T10:00', end: '2027-03-01T11:00' }, 'Beginn: Den 30.02.2027 gibt es nicht.'],
      ['press.enquiries.save', { receivedAt: '2026-11-27T24:00', topic: 'Hafenfest' }, 'Eingang: Die Uhrzeit 24:00 gibt es nicht (00:00 bis 23:59).'],
      ['greetings.extras.save', { name: 'Nouruz', date: '02-30' }, 'Datum: Den 30.02. gibt es in keinem Jahr.'],
    ])('%s refuses an impossible date, naming the field: %j', async (method, input, expected) => {
      const result = await call(method, input);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(messageOf(result)).toBe(`Ungültige Eingabe für „${method}“: ${expected}`);
    });

    it.each([
      ['carpool.absences.save', 'car_pool_absences', { driverId: 1, from: '2027-02-30', to: '2027-02-31' }],
      ['jubilees.visits.plan', 'jubilee_visits', { jubileeDate: '2027-02-30', kind: 'birthday', registerIds: ['R1'], visitDate: '2027-02-31', visitor: 'Oberbürgermeisterin' }],
      ['speeches.save', 'speeches', { title: 'Neujahrsempfang', kind: 'rede', deadline: '2027-02-30' }],
      ['citizenEvents.save', 'citizen_events', { kind: 'gespraech', title: 'Bürgergespräch Hochfeld', start: '2027-02-30T18:00', end: '2027-02-30T20:00' }],
    ])('%s stores no impossible date', async (method, table, input) => {
      const before = count(table);
      const result = await call(method, input);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('Den 30.02.2027 gibt es nicht.') } });
      expect(count(table)).toBe(before);
    });

    it('refuses a misspelt field instead of dropping it, and names the field meant', async () => {
      const result = await call('letters.prepare', {
        templateId: 'vereinsjubilaeum',
        recipient: { type: 'contact', contactId: 1 },
        signerId: 1,
        fields: { anlass: '100 Jahre Turnverein', anlass_datum: '2027-05-01' },
      });
      expect(messageOf(result)).toBe(
        'Ungültige Eingabe für „letters.prepare“: Felder: Das Feld „anlass_datum“ (gemeint ist wohl „anlassDatum“) gibt es hier nicht; es würde nicht gespeichert.',
      );
    });

    it('refuses an update that leaves fields out (they would be reset), and keeps the record as it was', async () => {
      const speech = dataOf<{ id: number; revision: number; notes: string }>(
        await call('speeches.save', { title: 'Grußwort Hafenfest', kind: 'grusswort', notes: 'Mit dem Hafenmeister abstimmen', background: 'Seit 1950' }),
      );
      const partial = await call('speeches.save', { id: speech.id, revision: speech.revision, title: 'Grußwort Hafenfest 2027', kind: 'grusswort' });
      expect(partial).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(messageOf(partial)).toBe(
        'Ungültige Eingabe für „speeches.save“: Beim Ändern wird der ganze Eintrag gespeichert; diese Felder fehlen ' +
          '(ohne Angabe würde der gespeicherte Wert zurückgesetzt): Redner/in, Termin, Einladung, Publikum, Redezeit (Minuten), Frist, ' +
          'Verfasser/in, Status, Notizen, Hintergrund',
      );
      expect(dataOf<{ title: string; notes: string }>(await call('speeches.get', { id: speech.id }))).toMatchObject({
        title: 'Grußwort Hafenfest',
        notes: 'Mit dem Hafenmeister abstimmen',
      });

      // Saves keyed by another record (a contact, a signer) replace the stored details the same way.
      const reporter = dataOf<{ id: number }>(await call('contacts.create', { kind: 'person', gender: 'female', givenName: 'Jana', surname: 'Presse' }));
      dataOf(await call('press.media.save', { contactId: reporter.id, mediaType: 'Zeitung', topics: ['Hafen'], notes: 'Nur per E-Mail' }));
      const media = await call('press.media.save', { contactId: reporter.id, mediaType: 'Radio' });
      expect(messageOf(media)).toBe(
        'Ungültige Eingabe für „press.media.save“: Beim Ändern wird der ganze Eintrag gespeichert; diese Felder fehlen ' +
          '(ohne Angabe würde der gespeicherte Wert zurückgesetzt): Themen, Notizen',
      );
      const stored = dataOf<Array<{ contactId: number }>>(await call('press.media.list', {})).find((m) => m.contactId === reporter.id);
      expect(stored).toMatchObject({ mediaType: 'Zeitung', topics: ['Hafen'], notes: 'Nur per E-Mail' });
      const [calendar] = dataOf<Array<{ signerId: number; color: string; sortOrder: number }>>(await call('calendar.calendars', {}));
      dataOf(await call('calendar.calendars.save', { signerId: calendar.signerId, color: calendar.color, sortOrder: 7 }));
      const recoloured = await call('calendar.calendars.save', { signerId: calendar.signerId, color: '#123456' });
      expect(messageOf(recoloured)).toBe(
        'Ungültige Eingabe für „calendar.calendars.save“: Beim Ändern wird der ganze Eintrag gespeichert; dieses Feld fehlt ' +
          '(ohne Angabe würde der gespeicherte Wert zurückgesetzt): Reihenfolge',
      );
      const kept = dataOf<Array<{ signerId: number; color: string; sortOrder: number }>>(await call('calendar.calendars', {})).find((c) => c.signerId === calendar.signerId);
      expect(kept).toMatchObject({ color: calendar.color, sortOrder: 7 });
      // The calendar as read may be sent back, changed.
      const read = dataOf<Array<Record<string, unknown> & { signerId: number }>>(await call('calendar.calendars', {})).find((c) => c.signerId === calendar.signerId)!;
      expect(dataOf<Array<{ signerId: number; color: string }>>(await call('calendar.calendars.save', { ...read, color: '#123456' })).find((c) => c.signerId === calendar.signerId)).toMatchObject({ color: '#123456', sortOrder: 7 });

      const settings = await call('privacy.settings.save', {});
      expect(messageOf(settings)).toContain('diese Felder fehlen (ohne Angabe würde der gespeicherte Wert zurückgesetzt): Aufbewahrung Anliegen (Jahre), ');
    });

    it('takes a record back as it was read, changed: computed fields are passed over', async () => {
      const read = dataOf<Record<string, unknown> & { id: number }>(await call('speeches.get', { id: 1 }));
      const saved = dataOf<{ title: string; notes: string }>(await call('speeches.save', { ...read, title: 'Neuer Titel' }));
      expect(saved).toMatchObject({ title: 'Neuer Titel', notes: read.notes });
      const appointment = dataOf<Record<string, unknown>>(await call('calendar.appointments.get', { id: 1 }));
      const moved = dataOf<{ appointment: { place: string } }>(await call('calendar.appointments.save', { ...appointment, place: 'Rathaus, Ratssaal' }));
      expect(moved.appointment.place).toBe('Rathaus, Ratssaal');
    });

    it('strips control characters from text and keeps the line breaks of multi-line text', async () => {
      const contact = dataOf<{ id: number; surname: string; notes: string }>(
        await call('contacts.create', { kind: 'person', gender: 'female', givenName: 'Erika\u0000', surname: 'Beis\u0007piel\r\n', notes: 'Zeile eins\r\nZeile\u000bzwei\u001b' }),
      );
      expect(contact).toMatchObject({ givenName: 'Erika', surname: 'Beispiel', notes: 'Zeile eins\nZeile\nzwei' });
    });

    it('moves an appointment only to a span a saved one may have', async () => {
      const appointment = dataOf<{ id: number; title: string; allDay: boolean }>(await call('calendar.appointments.get', { id: 1 }));
      expect(appointment.allDay).toBe(false);
      const backwards = await call('calendar.appointments.move', { id: 1, revision: 1, start: '2026-12-10T10:00', end: '2026-12-10T09:00' });
      expect(messageOf(backwards)).toBe(`Der Termin „${appointment.title}“ lässt sich so nicht verschieben: Das Ende muss nach dem Beginn liegen.`);
      const days = await call('calendar.appointments.move', { id: 1, revision: 1, start: '2200-12-31', end: '2026-12-10T10:00' });
      expect(messageOf(days)).toBe(`Der Termin „${appointment.title}“ lässt sich so nicht verschieben: Bitte Datum und Uhrzeit angeben.`);
      const far = await call('calendar.appointments.move', { id: 1, revision: 1, start: '9999-12-31', end: '2026-12-10T10:00' });
      expect(messageOf(far)).toContain('Beginn: Das Datum 31.12.9999 liegt außerhalb der Jahre 1800 bis 2200');
    });

    it('answers a signer still in use with CONFLICT and an unknown signer or driver with NOT_FOUND, not a database error', async () => {
      const inUse = await call('signers.delete', { id: 1 });
      expect(inUse).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^„.+“ kann nicht gelöscht werden: Der Eintrag hat noch einen Kalender/) } });
      const unknown = await call('calendar.calendars.save', { signerId: 4242, color: '#123456', sortOrder: 0 });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Die unterzeichnende Person Nr. 4242 gibt es nicht.' } });
      const absent = await call('carpool.absences.save', { driverId: 4242, from: '2026-12-10', to: '2026-12-11' });
      expect(absent).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Die Fahrerin bzw. der Fahrer Nr. 4242 wurde nicht gefunden.' } });
    });
  });
}

examples('the dispatcher (in-process)', async () => {
  const app = createTempApp();
  return { app, caller: (method, input) => dispatch(app.handlers, method, input), teardown: async () => app.cleanup() };
});

examples('the HTTP bridge', async () => {
  const app = createTempApp();
  const http = await bridgeCaller(app);
  return {
    app,
    caller: http.caller,
    teardown: async () => {
      await http.close();
      app.cleanup();
    },
  };
});
