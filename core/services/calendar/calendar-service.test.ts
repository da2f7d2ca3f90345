import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, type AppointmentInput } from '../../api';
import { documentText } from '../../documents/docx-template';
import { openDocx, paragraphText } from '../../../tests/support/docx-layout';
import { openOtherOfficePc, openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';

let app: Awaited<ReturnType<typeof openTempApp>>;

const calendars = () => call(app.handlers, 'calendar.calendars', {});
async function ids() {
  const [ob, bm1, bm2] = await calendars();
  const contact = (await call(app.handlers, 'contacts.list', { kind: 'organisation', limit: 1 })).items[0];
  return { ob: ob.id, bm1: bm1.id, bm2: bm2.id, obSigner: ob.signerId, bm1Signer: bm1.signerId, contact: contact.id };
}
const appointment = (calendarId: number, title: string, start: string, end: string, more: Partial<AppointmentInput> = {}): AppointmentInput => ({
  calendarId,
  title,
  start,
  end,
  ...more,
});
describe.each(ENGINES)('calendar on %s', (kind) => {
  beforeEach(async () => {
    app = await openTempApp(kind, { label: 'calendar_service', now: () => new Date('2026-11-27T09:00:00Z') });
    await call(app.handlers, 'demo.load', {});
  }, 60_000);
  afterEach(async () => app.cleanup());

  describe('invitations', () => {
    it('records an invitation, delegates it to a Bürgermeister: appointment in his calendar and a reply "In Vertretung"', async () => {
      const { bm1, bm1Signer, contact } = await ids();
      const invitation = await call(app.handlers, 'invitations.save', {
        inviterContactId: contact,
        event: 'Jahresempfang des Hafenvereins',
        dates: [{ start: '2027-02-05T18:00', end: '2027-02-05T20:00' }],
        place: 'Haus Ruhrort',
        receivedOn: '2026-11-20',
        replyBy: '2026-12-15',
        requests: ['attendance', 'grusswort'],
      });
      expect(invitation).toMatchObject({ status: 'open', overdue: false, appointmentIds: [] });

      const decided = await call(app.handlers, 'invitations.decide', { id: invitation.id, revision: invitation.revision, decision: 'delegated', calendarId: bm1 });
      expect(decided.invitation).toMatchObject({ status: 'delegated', calendarId: bm1, decidedBy: 'test' });
      expect(decided.appointment).toMatchObject({
        calendarId: bm1,
        title: 'Jahresempfang des Hafenvereins',
        start: '2027-02-05T18:00',
        end: '2027-02-05T20:00',
        place: 'Haus Ruhrort',
        status: 'bestätigt',
        invitationId: invitation.id,
      });
      expect(decided.reply).toMatchObject({ templateId: 'zusage', signerId: bm1Signer, recipient: { type: 'contact', contactId: contact }, fields: { anlass: 'Jahresempfang des Hafenvereins', anlassDatum: '2027-02-05' } });
      expect(decided.reply?.body).toContain('nehme ich die Einladung gern in Vertretung an');

      // The reply letter is a real letter of the correspondence module, signed "In Vertretung".
      const letter = await call(app.handlers, 'letters.create', decided.reply!);
      expect(letter.subject).toBe('Ihre Einladung zur Veranstaltung „Jahresempfang des Hafenvereins“ am 5. Februar 2027');
      expect(letter.body).toContain('an Oberbürgermeisterin Dr. Petra Hovestadt danke ich Ihnen sehr herzlich');
      expect(letter.signerName).toContain('Volker Sandmann');

      // The week view shows it in the Bürgermeister's calendar.
      const view = await call(app.handlers, 'calendar.view', { from: '2027-02-01', to: '2027-02-07', calendarIds: [bm1] });
      expect(view.occurrences.map((o) => [o.title, o.calendarId])).toEqual([['Jahresempfang des Hafenvereins', bm1]]);
    });

    it('accepting for the Oberbürgermeisterin, then declining, keeps one appointment and cancels it', async () => {
      const { ob, obSigner, contact } = await ids();
      const invitation = await call(app.handlers, 'invitations.save', {
        inviterContactId: contact,
        event: 'Sommerfest',
        dates: [{ start: '2027-06-19T15:00', end: '2027-06-19T19:00' }, { start: '2027-06-20T11:00', end: '2027-06-20T15:00' }],
        receivedOn: '2026-11-20',
      });
      const accepted = await call(app.handlers, 'invitations.decide', { id: invitation.id, revision: invitation.revision, decision: 'accepted', calendarId: ob, dateIndex: 1 });
      expect(accepted.appointment).toMatchObject({ calendarId: ob, start: '2027-06-20T11:00' });
      expect(accepted.reply).toMatchObject({ templateId: 'zusage', signerId: obSigner });
      expect(accepted.reply?.body).toContain('Gern sage ich meine Teilnahme zu');

      const declined = await call(app.handlers, 'invitations.decide', { id: invitation.id, revision: accepted.invitation.revision, decision: 'declined' });
      expect(declined.reply).toMatchObject({ templateId: 'absage', signerId: obSigner });
      expect(declined.invitation.appointmentIds).toEqual([accepted.appointment!.id]);
      expect((await call(app.handlers, 'calendar.appointments.get', { id: accepted.appointment!.id })).status).toBe('abgesagt');
    });

    it('refuses to delegate to the Oberbürgermeisterin and to accept for a Bürgermeister, in German', async () => {
      const { ob, bm1 } = await ids();
      const invitation = await call(app.handlers, 'invitations.save', {
        inviterName: 'Bürgerverein',
        event: 'Fest',
        dates: [{ start: '2027-06-19T15:00', end: '2027-06-19T19:00' }],
        receivedOn: '2026-11-20',
      });
      const delegated = await dispatch(app.handlers, 'invitations.decide', { id: invitation.id, revision: invitation.revision, decision: 'delegated', calendarId: ob });
      expect(delegated.ok ? null : delegated.error.message).toBe('In Vertretung geht eine Bürgermeisterin oder ein Bürgermeister; bitte wählen Sie deren Kalender.');
      const accepted = await dispatch(app.handlers, 'invitations.decide', { id: invitation.id, revision: invitation.revision, decision: 'accepted', calendarId: bm1 });
      expect(accepted.ok ? null : accepted.error.message).toContain('nimmt „in Vertretung“ teil');
      // Without an inviting contact there is no letter to prepare yet.
      const declined = await call(app.handlers, 'invitations.decide', { id: invitation.id, revision: invitation.revision, decision: 'declined' });
      expect(declined.reply).toBeNull();
    });

    it('keeps attachments in the data folder, hands them out and removes them', async () => {
      const [invitation] = await call(app.handlers, 'invitations.list', {});
      const uploadId = (await call(app.handlers, 'uploads.append', { fileName: 'Programm Empfang.pdf', chunkBase64: Buffer.from('%PDF-1.4 Programm').toString('base64') })).uploadId;
      const attached = await call(app.handlers, 'invitations.attach', { id: invitation.id, revision: invitation.revision, uploadId });
      expect(attached.attachments).toEqual([{ id: expect.any(Number), fileName: 'Programm Empfang.pdf', size: 17 }]);
      const file = await call(app.handlers, 'invitations.attachment', { id: invitation.id, attachmentId: attached.attachments[0].id });
      expect(Buffer.from(file.contentBase64, 'base64').toString()).toBe('%PDF-1.4 Programm');
      const detached = await call(app.handlers, 'invitations.detach', { id: invitation.id, revision: attached.revision, attachmentId: attached.attachments[0].id });
      expect(detached.attachments).toEqual([]);
      const gone = await dispatch(app.handlers, 'invitations.attachment', { id: invitation.id, attachmentId: attached.attachments[0].id });
      expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
    });

    it('saves, decides and attaches against the revision it was loaded at; an older one is refused with STALE and nothing changes', async () => {
      const { bm1 } = await ids();
      const invitation = await call(app.handlers, 'invitations.save', {
        inviterName: 'Bürgerverein Neudorf',
        event: 'Sommerfest',
        dates: [{ start: '2027-06-19T15:00', end: '2027-06-19T19:00' }],
        receivedOn: '2026-11-20',
      });
      expect(invitation.revision).toBe(1);
      expect((await call(app.handlers, 'invitations.list', {})).find((i) => i.id === invitation.id)?.revision).toBe(1);
      // Two PCs loaded revision 1; the first saves, every change of the second is refused.
      const saved = await call(app.handlers, 'invitations.save', { ...invitation, place: 'Stadtpark Neudorf' });
      expect(saved.revision).toBe(2);
      const uploadId = (await call(app.handlers, 'uploads.append', { fileName: 'Programm.pdf', chunkBase64: Buffer.from('%PDF-1.4').toString('base64') })).uploadId;
      for (const [method, input] of [
        ['invitations.save', { ...invitation, place: 'Rathaus' }],
        ['invitations.decide', { id: invitation.id, revision: 1, decision: 'delegated', calendarId: bm1 }],
        ['invitations.attach', { id: invitation.id, revision: 1, uploadId }],
      ] as const) {
        const refused = await dispatch(app.handlers, method, input as never);
        expect(refused.ok ? null : refused.error, method).toMatchObject({
          code: 'STALE',
          message: 'Diese Einladung wurde inzwischen von test geändert (27.11.2026, 10:00 Uhr). Bitte laden Sie sie neu; Ihre Änderungen sind nicht gespeichert.',
        });
      }
      expect(await call(app.handlers, 'invitations.get', { id: invitation.id })).toMatchObject({ place: 'Stadtpark Neudorf', status: 'open', attachments: [], appointmentIds: [], revision: 2 });

      const decided = await call(app.handlers, 'invitations.decide', { id: invitation.id, revision: 2, decision: 'delegated', calendarId: bm1 });
      expect(decided.invitation.revision).toBe(3);
      const attached = await call(app.handlers, 'invitations.attach', { id: invitation.id, revision: 3, uploadId });
      expect(attached.revision).toBe(4);
      const staleDetach = await dispatch(app.handlers, 'invitations.detach', { id: invitation.id, revision: 3, attachmentId: attached.attachments[0]!.id });
      expect(staleDetach.ok ? null : staleDetach.error.code).toBe('STALE');
      expect((await call(app.handlers, 'invitations.detach', { id: invitation.id, revision: 4, attachmentId: attached.attachments[0]!.id })).revision).toBe(5);

      for (const [method, input] of [
        ['invitations.save', { ...invitation, revision: undefined }],
        ['invitations.decide', { id: invitation.id, decision: 'declined' }],
        ['invitations.attach', { id: invitation.id, uploadId }],
        ['invitations.detach', { id: invitation.id, attachmentId: 1 }],
      ] as const) {
        const refused = await dispatch(app.handlers, method, input as never);
        expect(refused.ok ? null : refused.error.message, method).toContain('Der Bearbeitungsstand (revision) fehlt.');
      }
    });

    it.runIf(kind === 'postgres')('keeps attachments in the office database: attached on one PC, opened on another', async () => {
      const [invitation] = await call(app.handlers, 'invitations.list', {});
      const uploadId = (await call(app.handlers, 'uploads.append', { fileName: 'Programm Empfang.pdf', chunkBase64: Buffer.from('%PDF-1.4 Programm').toString('base64') })).uploadId;
      const attached = await call(app.handlers, 'invitations.attach', { id: invitation.id, revision: invitation.revision, uploadId });
      const other = await openOtherOfficePc(app.url!);
      try {
        const file = await call(other.handlers, 'invitations.attachment', { id: invitation.id, attachmentId: attached.attachments[0].id });
        expect(Buffer.from(file.contentBase64, 'base64').toString()).toBe('%PDF-1.4 Programm');
        expect(fs.existsSync(path.join(app.dataDir, 'Einladungen'))).toBe(false);
      } finally {
        await other.close();
      }
    });

    it('marks open invitations past their reply date as overdue', async () => {
      const list = await call(app.handlers, 'invitations.list', {});
      const overdue = list.find((i) => i.event === 'Neujahrsempfang des Freundeskreises Duisburg–Portsmouth');
      expect(overdue).toMatchObject({ status: 'open', replyBy: '2026-11-25', overdue: true });
      expect(list.find((i) => i.event === 'Sommerfest am Hafen')?.overdue).toBe(false);
    });
  });

  describe('appointments', () => {
    it('saves, moves and deletes against the revision it was loaded at; an older one is refused with STALE and nothing changes', async () => {
      const { bm2 } = await ids();
      const { appointment: created } = await call(app.handlers, 'calendar.appointments.save', appointment(bm2, 'Kranzniederlegung', '2027-03-10T10:00', '2027-03-10T11:00'));
      expect(created.revision).toBe(1);
      const inView = (await call(app.handlers, 'calendar.view', { from: '2027-03-10', to: '2027-03-10', calendarIds: [bm2] })).occurrences;
      expect(inView.map((o) => [o.appointmentId, o.revision])).toEqual([[created.id, 1]]);

      // Two PCs loaded revision 1; the first saves, the second's save, move and delete are refused.
      const saved = await call(app.handlers, 'calendar.appointments.save', { ...created, place: 'Ehrenfriedhof' });
      expect(saved.appointment.revision).toBe(2);
      const staleMessage =
        'Dieser Termin wurde inzwischen von test geändert (27.11.2026, 10:00 Uhr). Bitte laden Sie ihn neu; Ihre Änderungen sind nicht gespeichert.';
      for (const [method, input] of [
        ['calendar.appointments.save', { ...created, place: 'Rathaus' }],
        ['calendar.appointments.move', { id: created.id, revision: 1, start: '2027-03-10T12:00', end: '2027-03-10T13:00' }],
        ['calendar.appointments.delete', { id: created.id, revision: 1 }],
      ] as const) {
        const refused = await dispatch(app.handlers, method, input as never);
        expect(refused.ok ? null : refused.error).toMatchObject({ code: 'STALE', message: staleMessage });
      }
      expect(await call(app.handlers, 'calendar.appointments.get', { id: created.id })).toMatchObject({ place: 'Ehrenfriedhof', start: '2027-03-10T10:00', revision: 2 });

      const moved = await call(app.handlers, 'calendar.appointments.move', { id: created.id, revision: 2, start: '2027-03-10T12:00', end: '2027-03-10T13:00' });
      expect(moved.appointment.revision).toBe(3);
      expect(await call(app.handlers, 'calendar.appointments.delete', { id: created.id, revision: 3 })).toEqual({ id: created.id });
      const missingRevision = await dispatch(app.handlers, 'calendar.appointments.save', { ...created, revision: undefined });
      expect(missingRevision.ok ? null : missingRevision.error.code).toBe('INVALID_INPUT');
    });

    it('flags an overlapping appointment when saving, and shows the conflict in the view', async () => {
      const { bm2 } = await ids();
      const first = await call(app.handlers, 'calendar.appointments.save', appointment(bm2, 'Kranzniederlegung', '2027-03-10T10:00', '2027-03-10T11:00', { place: 'Ehrenfriedhof' }));
      expect(first.conflicts).toEqual([]);
      const second = await call(app.handlers, 'calendar.appointments.save', appointment(bm2, 'Schulbesuch', '2027-03-10T10:30', '2027-03-10T12:00', { place: 'Gesamtschule Meiderich' }));
      expect(second.conflicts).toHaveLength(1);
      expect(second.conflicts[0]).toContain('Kranzniederlegung');
      const view = await call(app.handlers, 'calendar.view', { from: '2027-03-10', to: '2027-03-10', calendarIds: [bm2] });
      expect(view.occurrences.every((o) => o.conflicts.length === 1)).toBe(true);
    });

    it('never books a driver twice at once and names the other appointment', async () => {
      const { ob, bm1 } = await ids();
      const [driver] = await call(app.handlers, 'carpool.drivers', {});
      await call(app.handlers, 'calendar.appointments.save', appointment(ob, 'Ortstermin Hafen', '2027-04-01T09:00', '2027-04-01T11:00', { driverId: driver.id }));
      const clash = await dispatch(app.handlers, 'calendar.appointments.save', appointment(bm1, 'Grundsteinlegung', '2027-04-01T10:00', '2027-04-01T12:00', { driverId: driver.id }));
      expect(clash.ok ? null : clash.error).toMatchObject({ code: 'CONFLICT' });
      expect(clash.ok ? '' : clash.error.message).toBe(
        `Die Fahrerin bzw. der Fahrer „${driver.name}“ ist zu dieser Zeit schon für „Ortstermin Hafen“ am 01.04.2027 um 09:00 Uhr eingeteilt.`,
      );
      // Nothing was saved.
      const view = await call(app.handlers, 'calendar.view', { from: '2027-04-01', to: '2027-04-01' });
      expect(view.occurrences.map((o) => o.title)).toEqual(['Ortstermin Hafen']);
      // Later the same day is fine.
      const later = await call(app.handlers, 'calendar.appointments.save', appointment(bm1, 'Grundsteinlegung', '2027-04-01T11:00', '2027-04-01T12:00', { driverId: driver.id }));
      expect(later.appointment.driverId).toBe(driver.id);
    });

    it('moves one date of a series on its own; the series keeps its other dates', async () => {
      const { ob } = await ids();
      const view = await call(app.handlers, 'calendar.view', { from: '2027-01-01', to: '2027-01-31', calendarIds: [ob] });
      const january = view.occurrences.find((o) => o.title === 'Bürgersprechstunde')!;
      expect(january.start).toBe('2027-01-06T16:00');
      const moved = await call(app.handlers, 'calendar.appointments.move', { id: january.appointmentId, revision: january.revision, occurrenceStart: january.start, start: '2027-01-07T16:00', end: '2027-01-07T18:00' });
      expect(moved.appointment).toMatchObject({ title: 'Bürgersprechstunde', start: '2027-01-07T16:00', recurrence: null });
      expect(moved.appointment.id).not.toBe(january.appointmentId);
      const after = await call(app.handlers, 'calendar.view', { from: '2026-12-01', to: '2027-02-28', calendarIds: [ob] });
      expect(after.occurrences.filter((o) => o.title === 'Bürgersprechstunde').map((o) => [o.start, o.recurring])).toEqual([
        ['2026-12-02T16:00', true],
        ['2027-01-07T16:00', false],
        ['2027-02-03T16:00', true],
      ]);
    });

    it('treats a whole-day trip with a driver as booking the driver all day', async () => {
      const { ob, bm1 } = await ids();
      const [, driver] = await call(app.handlers, 'carpool.drivers', {});
      await call(app.handlers, 'calendar.appointments.save', appointment(ob, 'Tagesfahrt zum Landtag', '2027-06-02', '2027-06-03', { allDay: true, driverId: driver.id }));
      const clash = await dispatch(app.handlers, 'calendar.appointments.save', appointment(bm1, 'Schulfest', '2027-06-02T15:00', '2027-06-02T16:00', { driverId: driver.id }));
      expect(clash.ok ? null : clash.error.message).toContain('schon für „Tagesfahrt zum Landtag“ am 02.06.2027 eingeteilt');
    });

    it('refuses a driver or car that is not available, naming the absence', async () => {
      const { ob } = await ids();
      const [, car] = await call(app.handlers, 'carpool.vehicles', {});
      await call(app.handlers, 'carpool.absences.save', { vehicleId: car.id, from: '2027-05-03', to: '2027-05-07', reason: 'Werkstatt' });
      const refused = await dispatch(app.handlers, 'calendar.appointments.save', appointment(ob, 'Stadtteilbesuch', '2027-05-05T09:00', '2027-05-05T10:00', { vehicleId: car.id }));
      expect(refused.ok ? null : refused.error.message).toBe(`Das Fahrzeug „${car.name}“ ist vom 03.05.2027 bis 07.05.2027 nicht verfügbar (Werkstatt).`);
      const after = await call(app.handlers, 'calendar.appointments.save', appointment(ob, 'Stadtteilbesuch', '2027-05-08T09:00', '2027-05-08T10:00', { vehicleId: car.id }));
      expect(after.appointment.vehicleId).toBe(car.id);
      const mixed = await dispatch(app.handlers, 'carpool.absences.save', { from: '2027-05-03', to: '2027-05-07' });
      expect(mixed.ok ? null : mixed.error.message).toContain('Bitte entweder eine Fahrerin bzw. einen Fahrer oder ein Fahrzeug wählen.');
    });

    it('shows each date of a series, the NRW holidays, and moves an appointment', async () => {
      const { ob } = await ids();
      const view = await call(app.handlers, 'calendar.view', { from: '2026-12-01', to: '2027-02-28', calendarIds: [ob] });
      const consultation = view.occurrences.filter((o) => o.title === 'Bürgersprechstunde');
      expect(consultation.map((o) => o.start)).toEqual(['2026-12-02T16:00', '2027-01-06T16:00', '2027-02-03T16:00']);
      expect(consultation.every((o) => o.recurring)).toBe(true);
      expect(view.holidays.map((h) => h.date)).toEqual(['2026-12-25', '2026-12-26', '2027-01-01']);

      const concert = view.occurrences.find((o) => o.title === 'Weihnachtskonzert der Musikschule')!;
      expect(concert.conflicts).toHaveLength(1); // overlaps the delegation's reception
      const moved = await call(app.handlers, 'calendar.appointments.move', { id: concert.appointmentId, revision: concert.revision, start: '2026-12-08T15:00', end: '2026-12-08T16:30' });
      expect(moved.appointment).toMatchObject({ start: '2026-12-08T15:00', end: '2026-12-08T16:30', title: 'Weihnachtskonzert der Musikschule' });
      expect(moved.conflicts).toEqual([]);
    });

    it('flags too little time for the way between two places, with the travel time of the settings', async () => {
      const { bm2 } = await ids();
      expect(await call(app.handlers, 'calendar.settings', {})).toEqual({ travelMinutes: 30 });
      await call(app.handlers, 'calendar.appointments.save', appointment(bm2, 'Grußwort Sportgala', '2027-03-12T18:00', '2027-03-12T19:00', { place: 'Mercatorhalle' }));
      const next = appointment(bm2, 'Empfang Feuerwehr', '2027-03-12T19:20', '2027-03-12T20:00', { place: 'Feuerwache 1' });
      expect((await call(app.handlers, 'calendar.appointments.save', next)).conflicts).toHaveLength(1);
      await call(app.handlers, 'calendar.settings.save', { travelMinutes: 15 });
      const view = await call(app.handlers, 'calendar.view', { from: '2027-03-12', to: '2027-03-12', calendarIds: [bm2] });
      expect(view.occurrences.every((o) => o.conflicts.length === 0)).toBe(true);
    });

    it('sees a conflict across midnight at the end of a month in either month loaded on its own', async () => {
      const { bm2 } = await ids();
      await call(app.handlers, 'calendar.appointments.save', appointment(bm2, 'Silvesterempfang', '2027-01-31T23:00', '2027-02-01T00:30', { place: 'Rathaus' }));
      await call(app.handlers, 'calendar.appointments.save', appointment(bm2, 'Nachtwanderung', '2027-02-01T00:15', '2027-02-01T02:00', { place: 'Rathaus' }));
      for (const month of [{ from: '2027-01-01', to: '2027-01-31' }, { from: '2027-02-01', to: '2027-02-28' }]) {
        const view = await call(app.handlers, 'calendar.view', { ...month, calendarIds: [bm2] });
        const shown = view.occurrences.filter((o) => o.title === 'Silvesterempfang' || o.title === 'Nachtwanderung');
        expect(shown.length).toBeGreaterThan(0);
        expect(shown.every((o) => o.conflicts.length === 1)).toBe(true);
      }
    });

    it('refuses an end before the start and a series rule it cannot read, in German', async () => {
      const { ob } = await ids();
      const badRule = await dispatch(app.handlers, 'calendar.appointments.save', appointment(ob, 'Serie', '2027-01-10T12:00', '2027-01-10T13:00', { recurrence: { rule: 'FREQ=SOMETIMES', exceptions: [] } }));
      expect(badRule.ok ? null : badRule.error.code).toBe('INVALID_INPUT');
      const result = await dispatch(app.handlers, 'calendar.appointments.save', appointment(ob, 'Falsch', '2027-01-10T12:00', '2027-01-10T11:00'));
      expect(result.ok ? null : result.error.message).toContain('Das Ende muss nach dem Beginn liegen.');
    });
  });

  describe('briefing documents', () => {
    const textOf = (file: { contentBase64: string }) => documentText(new Uint8Array(Buffer.from(file.contentBase64, 'base64'))).body;

    it('writes the Terminmappe of one appointment with programme, guests and their oral salutation, and transport', async () => {
      const { ob, contact } = await ids();
      const view = await call(app.handlers, 'calendar.view', { from: '2026-12-08', to: '2026-12-08', calendarIds: [ob] });
      const reception = view.occurrences.find((o) => o.title === 'Empfang der Delegation aus Portsmouth')!;
      const current = await call(app.handlers, 'calendar.appointments.get', { id: reception.appointmentId });
      const person = (await call(app.handlers, 'contacts.list', { kind: 'person', limit: 1 })).items[0];
      await call(app.handlers, 'calendar.appointments.save', {
        ...current,
        people: [
          { contactId: contact, role: 'contact', note: 'am Eingang' },
          { contactId: person.id, role: 'guest', note: '' },
        ],
      });
      const file = await call(app.handlers, 'calendar.briefing', { appointmentId: reception.appointmentId });
      expect(file.fileName).toBe('Terminmappe-2026-12-08-Empfang-der-Delegation-aus-Portsmouth.docx');
      const text = textOf(file);
      for (const words of [
        'Terminmappe für Dr. Petra Hovestadt, Oberbürgermeisterin',
        '11:00–13:00 Uhr',
        'Dienstag, 8. Dezember 2026',
        '11:30 Eintrag in das Goldene Buch',
        'dunkler Anzug',
        'Bildband Duisburg',
        'Jürgen Brinkmann (0203 283-2210), Dienstwagen 1 (DU-OB 1)',
        'Ehrengäste',
        `${person.displayName}${person.roleLabel ? `, ${person.roleLabel}` : ''} – Anrede: „`,
        '(am Eingang)',
      ]) {
        expect(text).toContain(words);
      }
    });

    it('writes a day for one person with an overview, and a driver\'s day plan', async () => {
      const { ob } = await ids();
      const dayFile = await call(app.handlers, 'calendar.briefing', { calendarId: ob, date: '2026-12-08' });
      const day = textOf(dayFile);
      // From the second page on, the header says whose folder and which day.
      const docx = openDocx(new Uint8Array(Buffer.from(dayFile.contentBase64, 'base64')));
      expect(paragraphText(docx.parts[docx.referencedPart('header', 'default') ?? ''] ?? '')).toBe(
        'Terminmappe Dr. Petra Hovestadt, Oberbürgermeisterin · Dienstag, 8. Dezember 2026',
      );
      expect(day).toContain('Empfang der Delegation aus Portsmouth');
      expect(day).toContain('Weihnachtskonzert der Musikschule');
      expect(day.indexOf('Empfang der Delegation')).toBeLessThan(day.indexOf('Weihnachtskonzert'));
      // The two overlap: the overview marks them and each page says so.
      expect(day).toContain('⚠ Weihnachtskonzert der Musikschule');
      expect(day).toMatch(/Achtung: Überschneidung/);
      const [driver] = await call(app.handlers, 'carpool.drivers', {});
      const plan = await call(app.handlers, 'carpool.dayPlan', { driverId: driver.id, date: '2026-12-08' });
      expect(plan.fileName).toBe('Tagesplan-2026-12-08-Juergen-Brinkmann.docx');
      const text = textOf(plan);
      expect(text).toContain('Tagesplan Fahrdienst: Jürgen Brinkmann');
      expect(text).toContain('Dr. Petra Hovestadt, Oberbürgermeisterin');
      expect(text).not.toContain('Weihnachtskonzert');
    });
  });

  describe('the öffentlich flag', () => {
    it('is off unless staff mark an appointment öffentlich; saving keeps it, with the revision rising', async () => {
      const { ob } = await ids();
      const plain = (await call(app.handlers, 'calendar.appointments.save', appointment(ob, 'Internes Gespräch', '2027-01-11T09:00', '2027-01-11T10:00'))).appointment;
      expect(plain.public).toBe(false);
      const saved = (await call(app.handlers, 'calendar.appointments.save', appointment(ob, 'Neujahrsempfang', '2027-01-12T18:00', '2027-01-12T20:00', { public: true }))).appointment;
      expect(saved).toMatchObject({ public: true, revision: 1 });
      // An update sends the whole record, as the form does.
      const { speeches: _speeches, createdAt: _created, updatedAt: _updated, people: _people, ...record } = saved;
      const { id } = saved;
      const again = (await call(app.handlers, 'calendar.appointments.save', { ...record, people: [], place: 'Rathaus' })).appointment;
      expect(again).toMatchObject({ public: true, place: 'Rathaus', revision: 2 });
      expect(await call(app.handlers, 'calendar.appointments.get', { id })).toMatchObject({ public: true, revision: 2 });
      const off = (await call(app.handlers, 'calendar.appointments.save', { ...record, people: [], revision: 2, public: false })).appointment;
      expect(off).toMatchObject({ public: false, revision: 3 });
    });

    it('goes out in the .ics export and comes back on its re-import; an appointment not marked stays unmarked', async () => {
      const { ob } = await ids();
      const marked = (await call(app.handlers, 'calendar.appointments.save', appointment(ob, 'Neujahrsempfang', '2027-01-12T18:00', '2027-01-12T20:00', { public: true }))).appointment;
      const plain = (await call(app.handlers, 'calendar.appointments.save', appointment(ob, 'Internes Gespräch', '2027-01-11T09:00', '2027-01-11T10:00'))).appointment;
      const exported = await call(app.handlers, 'calendar.ics.export', { calendarId: ob });
      const text = Buffer.from(exported.contentBase64, 'base64').toString('utf8');
      expect(text.match(/X-RATHAUSBUERO-OEFFENTLICH:TRUE/g)).toHaveLength(1);

      // Into a second office: the flag arrives with the appointments.
      const other = await openTempApp(kind, { label: 'calendar_public_ics', now: () => new Date('2026-11-27T09:00:00Z') });
      try {
        await call(other.handlers, 'demo.load', {});
        const [otherOb] = await call(other.handlers, 'calendar.calendars', {});
        const foreign = text.replace(/@[a-z.-]*rathausbuero[a-z.-]*/gi, '@anderes-amt.example');
        const uploadId = (await call(other.handlers, 'uploads.append', { fileName: 'termine.ics', chunkBase64: Buffer.from(foreign).toString('base64') })).uploadId;
        await call(other.handlers, 'calendar.ics.import', { uploadId, calendarId: otherOb!.id });
        const january = (await call(other.handlers, 'calendar.view', { from: '2027-01-11', to: '2027-01-12', calendarIds: [otherOb!.id] })).occurrences;
        const byTitle = async (title: string) => call(other.handlers, 'calendar.appointments.get', { id: january.find((o) => o.title === title)!.appointmentId });
        expect((await byTitle('Neujahrsempfang')).public).toBe(true);
        expect((await byTitle('Internes Gespräch')).public).toBe(false);
      } finally {
        await other.cleanup();
      }

      // Re-imported into this office: updates, the flags as they were.
      const uploadId = (await call(app.handlers, 'uploads.append', { fileName: 'termine.ics', chunkBase64: exported.contentBase64 })).uploadId;
      await call(app.handlers, 'calendar.ics.import', { uploadId, calendarId: ob });
      expect((await call(app.handlers, 'calendar.appointments.get', { id: marked.id })).public).toBe(true);
      expect((await call(app.handlers, 'calendar.appointments.get', { id: plain.id })).public).toBe(false);
    });
  });

  describe('iCalendar', () => {
    it('exports a calendar and re-imports it as updates, not duplicates', async () => {
      const { ob } = await ids();
      const exported = await call(app.handlers, 'calendar.ics.export', { calendarId: ob });
      expect(exported.fileName).toBe('Termine-Dr-Petra-Hovestadt.ics');
      const text = Buffer.from(exported.contentBase64, 'base64').toString('utf8');
      expect(text).toContain('DTSTART;TZID=Europe/Berlin:20261208T110000');
      expect(text).toContain('RRULE:FREQ=MONTHLY;BYDAY=1WE');
      const before = (await call(app.handlers, 'calendar.view', { from: '2026-12-01', to: '2026-12-31', calendarIds: [ob] })).occurrences.length;

      const uploadId = (await call(app.handlers, 'uploads.append', { fileName: 'termine.ics', chunkBase64: exported.contentBase64 })).uploadId;
      const result = await call(app.handlers, 'calendar.ics.import', { uploadId, calendarId: ob });
      // The same appointments again (the demo office has a few): nothing to update.
      const events = text.match(/BEGIN:VEVENT/g)!.length;
      expect(events).toBeGreaterThanOrEqual(3);
      expect(result).toEqual({ created: 0, updated: 0, unchanged: events, problems: [] });
      const after = (await call(app.handlers, 'calendar.view', { from: '2026-12-01', to: '2026-12-31', calendarIds: [ob] })).occurrences.length;
      expect(after).toBe(before);
    });

    it('raises SEQUENCE only when an appointment really changed: not on a re-import of the same file, nor on saving it unchanged', async () => {
      let clock = new Date('2026-11-27T09:00:00Z');
      const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
      const own = await openTempApp(kind, { label: 'calendar_own', now: () => clock });
      try {
        await call(own.handlers, 'demo.load', {});
        const [ob] = await call(own.handlers, 'calendar.calendars', {});
        // A series as the app writes it: ends on 28 June 2027 (Berlin time, no "Z").
        const rule = 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20270628T235959';
        const { appointment: series } = await call(own.handlers, 'calendar.appointments.save', appointment(ob.id, 'Sprechstunde der Bezirksvertretung Mitte', '2027-01-04T16:00', '2027-01-04T18:00', { place: 'Rathaus', recurrence: { rule, exceptions: [] } }));
        const exportText = async () => Buffer.from((await call(own.handlers, 'calendar.ics.export', { calendarId: ob.id })).contentBase64, 'base64').toString('utf8');
        const sequences = (text: string) =>
          Object.fromEntries(
            [...text.replace(/\r\n[ \t]/g, '').matchAll(/^UID:(.+)\r\n(?:(?!END:VEVENT).*\r\n)*?SEQUENCE:(\d+)/gm)].map((m) => [m[1], Number(m[2])]),
          );
        const importText = async (text: string) => {
          const uploadId = (await call(own.handlers, 'uploads.append', { fileName: 'termine.ics', chunkBase64: Buffer.from(text).toString('base64') })).uploadId;
          return call(own.handlers, 'calendar.ics.import', { uploadId, calendarId: ob.id });
        };

        later(60);
        const first = await exportText();
        const uid = `${series.id}@rathausbuero.stadt-duisburg.de`;
        expect(first).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270628T215959Z');
        const count = Object.keys(sequences(first)).length;
        expect(count).toBeGreaterThan(1);

        later(60);
        const reimported = await importText(first);
        expect(sequences(await exportText())).toEqual(sequences(first));
        expect(await exportText()).toBe(first);
        expect(reimported).toEqual({ created: 0, updated: 0, unchanged: count, problems: [] });
        // The series keeps the rule as staff wrote it.
        expect((await call(own.handlers, 'calendar.appointments.get', { id: series.id })).recurrence?.rule).toBe(rule);

        // Saved without a change: the same.
        later(60);
        const current = await call(own.handlers, 'calendar.appointments.get', { id: series.id });
        await call(own.handlers, 'calendar.appointments.save', { ...current, people: [] });
        expect(await exportText()).toBe(first);

        // A real change (in the app, or in the file) raises that appointment's SEQUENCE, and only its.
        later(60);
        await call(own.handlers, 'calendar.appointments.save', { ...current, people: [], place: 'Rathaus, Raum 100' });
        const changed = sequences(await exportText());
        expect(changed[uid]).toBeGreaterThan(sequences(first)[uid]!);
        expect({ ...changed, [uid]: 0 }).toEqual({ ...sequences(first), [uid]: 0 });
        later(60);
        const renamed = (await exportText()).replace('SUMMARY:Sprechstunde der Bezirksvertretung Mitte', 'SUMMARY:Sprechstunde der Bezirksvertretung Mitte (verlegt)');
        expect(renamed).toContain('(verlegt)');
        expect(await importText(renamed)).toEqual({ created: 0, updated: 1, unchanged: count - 1, problems: [] });
        expect(sequences(await exportText())[uid]).toBeGreaterThan(changed[uid]!);
      } finally {
        await own.cleanup();
      }
    });

    it('imports an invitation from Outlook once; a second import of the same UID updates it', async () => {
      const { bm1 } = await ids();
      const ics = (time: string) =>
        [
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'PRODID:-//Test//DE',
          'METHOD:REQUEST',
          'BEGIN:VEVENT',
          'UID:einladung-42@verein.example',
          'DTSTAMP:20261120T100000Z',
          `DTSTART:20270115T${time}Z`,
          'DTEND:20270115T200000Z',
          'SUMMARY:Neujahrsempfang des Sportbunds',
          'LOCATION:Sportpark Wedau',
          'ORGANIZER;CN=Sportbund Duisburg:mailto:info@sportbund.example',
          'END:VEVENT',
          'END:VCALENDAR',
        ].join('\r\n');
      const upload = async (text: string) => (await call(app.handlers, 'uploads.append', { fileName: 'einladung.ics', chunkBase64: Buffer.from(text).toString('base64') })).uploadId;
      expect(await call(app.handlers, 'calendar.ics.import', { uploadId: await upload(ics('170000')), calendarId: bm1 })).toMatchObject({ created: 1, updated: 0 });
      expect(await call(app.handlers, 'calendar.ics.import', { uploadId: await upload(ics('173000')), calendarId: bm1 })).toMatchObject({ created: 0, updated: 1 });
      const view = await call(app.handlers, 'calendar.view', { from: '2027-01-15', to: '2027-01-15', calendarIds: [bm1] });
      // 17:30 UTC is 18:30 in Duisburg in January.
      expect(view.occurrences.map((o) => [o.title, o.start, o.place])).toEqual([['Neujahrsempfang des Sportbunds', '2027-01-15T18:30', 'Sportpark Wedau']]);
    });
  });
});
