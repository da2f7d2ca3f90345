/**
 * The app opened on either engine does the same office work: the demo office loads, and a
 * contact, an appointment, a letter and a citizen's request are created and listed back through
 * the handlers. In office mode (PostgreSQL) the app's backup is a new SQLite data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, dispatch } from '../api';
import { ENGINES } from '../../tests/support/test-engine';
import { MIGRATIONS_FOLDER, openTempApp, TEMPLATES_DIR } from '../../tests/support/temp-app';
import { openApp } from './open-app';

describe.each(ENGINES)('the app on %s', (kind) => {
  let app: Awaited<ReturnType<typeof openTempApp>>;
  beforeAll(async () => {
    app = await openTempApp(kind, { label: 'office_app' });
  }, 120_000);
  afterAll(async () => app?.cleanup());

  it('says which database it works on', async () => {
    const info = await call(app.handlers, 'app.info', {});
    expect(info.database.kind).toBe(kind);
    expect(info.contactCount).toBe(0);
  });

  it('loads the demo office and records a citizen’s request and lists it', async () => {
    const demo = await call(app.handlers, 'demo.load', {});
    expect(demo.contacts).toBeGreaterThan(10);
    const request = await call(app.handlers, 'requests.save', {
      kind: 'beschwerde',
      channel: 'brief',
      citizen: { gender: 'female', degrees: '', givenName: 'Ayşe', surname: 'Kaya', street: 'Königstraße', houseNumber: '12', postcode: '47051', city: 'Duisburg', email: 'a.kaya@example.org', phone: '' },
      subject: 'Defekte Straßenlaterne',
      text: 'Seit drei Wochen ist die Laterne vor meinem Haus aus.',
      category: 'Verkehr und Straßen',
      district: 'Mitte',
      place: 'Königstraße 12',
      receivedOn: '2026-11-23',
    });
    const requests = await call(app.handlers, 'requests.list', { open: true });
    expect(requests.items.map((r) => r.id)).toContain(request.id);
    expect((await call(app.handlers, 'requests.list', { text: 'strassenlaterne' })).items.map((r) => r.id)).toContain(request.id);
    expect((await call(app.handlers, 'requests.get', { id: request.id })).citizen?.displayName).toBe('Ayşe Kaya');
  });

  it('creates and lists a contact, an appointment and a letter', async () => {
    const contactsBefore = (await call(app.handlers, 'app.info', {})).contactCount;
    const contact = await call(app.handlers, 'contacts.create', {
      kind: 'person',
      gender: 'female',
      givenName: 'Jülide',
      surname: 'Özdemir-Straßburger',
      street: 'Königstraße',
      houseNumber: '5',
      postcode: '47051',
      city: 'Duisburg',
      tags: [],
    });
    const found = await call(app.handlers, 'contacts.list', { query: 'oezdemir strassburger' });
    expect(found.items.map((c) => c.id)).toEqual([contact.id]);

    const mayor = await call(app.handlers, 'signers.save', { name: 'Dr. Petra Hovestadt', gender: 'female', office: 'Oberbürgermeisterin', deputy: false });
    const calendars = await call(app.handlers, 'calendar.calendars.save', { signerId: mayor.id, color: '#1f6feb', sortOrder: 9 });
    const calendarId = calendars.find((c) => c.signerId === mayor.id)!.id;
    const saved = await call(app.handlers, 'calendar.appointments.save', { calendarId, title: 'Empfang im Rathaus', start: '2027-02-05T18:00', end: '2027-02-05T20:00' });
    const week = await call(app.handlers, 'calendar.view', { from: '2027-02-01', to: '2027-02-07', calendarIds: [calendarId] });
    expect(week.occurrences.map((o) => o.title)).toEqual(['Empfang im Rathaus']);
    expect((await call(app.handlers, 'calendar.appointments.get', { id: saved.appointment.id })).title).toBe('Empfang im Rathaus');

    const letter = await call(app.handlers, 'letters.create', {
      templateId: 'geburtstag',
      recipient: { type: 'contact', contactId: contact.id, includePartner: false },
      signerId: mayor.id,
      date: '2026-11-27',
      fields: { alter: 90, anlassDatum: '2026-12-03' },
    });
    const letters = await call(app.handlers, 'letters.list', { query: 'özdemir' });
    expect(letters.items.map((l) => l.id)).toEqual([letter.id]);
    // Office mode: the letter's file is in the office database, not on this PC's disk; the document query returns it.
    expect(fs.existsSync(path.join(app.dataDir, letters.items[0]!.file))).toBe(kind === 'sqlite');
    expect((await call(app.handlers, 'letters.file', { id: letter.id })).fileName).toBe(path.basename(letters.items[0]!.file));
    expect((await call(app.handlers, 'app.info', {})).contactCount).toBe(contactsBefore + 1);
  });

  it.runIf(kind === 'postgres')('backs the office database up as a new SQLite data folder that opens read-only, with every letter file', async () => {
    const backup = await call(app.handlers, 'app.backup', {});
    // Beside this PC's own files, in „Sicherungen“, as a folder of its own (no PostgreSQL tools needed).
    expect(path.relative(app.dataDir, backup.file!)).toMatch(/^Sicherungen[\\/]rathausbuero-[\d-]+[\\/]rathausbuero\.sqlite$/);
    expect(backup.bytes).toBe(fs.statSync(backup.file!).size);
    const copy = openApp({ dataDir: path.dirname(backup.file!), migrationsFolder: MIGRATIONS_FOLDER, templatesDir: TEMPLATES_DIR, appVersion: '0.0.0-test' });
    try {
      expect((await call(copy.handlers, 'app.info', {})).contactCount).toBe((await call(app.handlers, 'app.info', {})).contactCount);
      const letters = await call(copy.handlers, 'letters.list', { query: 'özdemir' });
      expect(letters.items).toHaveLength(1);
      expect((await call(copy.handlers, 'letters.file', { id: letters.items[0]!.id })).contentBase64).toBe(
        (await call(app.handlers, 'letters.file', { id: letters.items[0]!.id })).contentBase64,
      );
      expect((await dispatch(copy.handlers, 'contacts.create', { kind: 'person', gender: 'male', surname: 'Neu', tags: [] })).ok).toBe(false);
    } finally {
      copy.close();
    }
    // A second backup into the same folder (the same second) is refused; the first stays as it was.
    const again = await dispatch(app.handlers, 'app.backup', {});
    expect(!again.ok && again.error.message).toMatch(/^Die Sicherung „.*rathausbuero-[\d-]+“ gibt es schon/);
    expect(fs.statSync(backup.file!).size).toBe(backup.bytes);
  });

  it.runIf(kind === 'postgres')('reads the register: the demo office brings no register extract there', async () => {
    expect(await call(app.handlers, 'residents.status', {})).toMatchObject({ residents: 0, lastImport: null, districts: [] });
  });
});
