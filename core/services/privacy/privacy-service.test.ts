import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  auditLog,
  citizenEvents,
  citizenRequests,
  citizens,
  departments,
  eventRegistrations,
  requestAttachments,
  requestHistory,
  volunteerEnquiries,
} from '../../../db/schema';
import { call, dispatch } from '../../api';
import { documentText } from '../../documents/docx-template';
import { createTempApp, openTempApp } from '../../../tests/support/temp-app';
import { recordAudit } from '../audit';
import { fullTextIndexSync } from '../search/full-text-sync';

/** 10:00 in Berlin on Friday, 27 November 2026. */
const NOW = new Date('2026-11-27T09:00:00Z');

let app: ReturnType<typeof createTempApp>;
const open = (now: Date = NOW) => {
  app = createTempApp({ now: () => now });
  return app;
};
/** Another app on the same data folder with its own clock (another PC of the office, or a restart later). */
const others: Array<{ close(): void }> = [];
const appAt = (now: Date) => {
  const other = createTempApp({ dataDir: app.dataDir, now: () => now });
  others.push(other);
  return other;
};
afterEach(() => {
  for (const other of others.splice(0)) other.close();
  app?.cleanup();
});

// ---------------------------------------------------------------- fixtures (SQL, as the requests service would write them)

const stamp = '2020-01-01T10:00:00.000Z';

function addCitizen(surname: string, more: Partial<typeof citizens.$inferInsert> = {}): number {
  return app.db
    .insert(citizens)
    .values({ surname, givenName: 'Erika', searchName: surname.toLowerCase(), createdAt: stamp, updatedAt: stamp, ...more })
    .returning({ id: citizens.id })
    .get().id;
}

function addRequest(values: Partial<typeof citizenRequests.$inferInsert> & { subject: string }): number {
  const id = app.db
    .insert(citizenRequests)
    .values({ kind: 'beschwerde', channel: 'email', receivedOn: '2020-03-02', createdAt: stamp, updatedAt: stamp, ...values })
    .returning({ id: citizenRequests.id })
    .get().id;
  fullTextIndexSync(app.db, 'request_search').put(id, values.subject, values.text ?? '');
  return id;
}

function addAttachment(requestId: number, fileName: string, content = 'PDF-Inhalt'): string {
  const relative = path.join('Anliegen', String(requestId), fileName);
  const file = path.join(app.dataDir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  app.db.insert(requestAttachments).values({ requestId, fileName, path: relative, size: content.length, addedAt: stamp }).run();
  return file;
}

function addHistory(requestId: number, action: string, note: string, status: string | null = null) {
  app.db.insert(requestHistory).values({ requestId, at: stamp, user: 'sachbearbeitung', action, status, note }).run();
}

function addEvent(title: string, start: string, end: string): number {
  return app.db
    .insert(citizenEvents)
    .values({ kind: 'gespraech', title, start, end, district: 'Hamborn', place: 'Bezirksrathaus Hamborn', route: [], createdAt: stamp, updatedAt: stamp })
    .returning({ id: citizenEvents.id })
    .get().id;
}

function register(eventId: number, citizenId: number | null, topic: string): number {
  return app.db.insert(eventRegistrations).values({ eventId, citizenId, topic, registeredOn: '2025-01-10' }).returning({ id: eventRegistrations.id }).get().id;
}

function addEnquiry(citizenId: number | null, interests: string, updatedAt: string): number {
  return app.db
    .insert(volunteerEnquiries)
    .values({ citizenId, receivedOn: updatedAt.slice(0, 10), interests, fields: ['Soziales'], outcome: 'vermittelt', notes: 'Rückruf vereinbart', createdAt: updatedAt, updatedAt })
    .returning({ id: volunteerEnquiries.id })
    .get().id;
}

const requestRow = (id: number) => app.db.select().from(citizenRequests).where(eq(citizenRequests.id, id)).get()!;
const citizenExists = (id: number) => app.db.select().from(citizens).where(eq(citizens.id, id)).get() !== undefined;
const searchHits = (text: string) => fullTextIndexSync(app.db, 'request_search').search(text, 50);

/** What the statistics count, by hand: per kind, channel, category, district, status, month; handling days. */
function statistics() {
  const by = (column: string) =>
    app.db.all<{ key: string; n: number }>(sql.raw(`select ${column} as key, count(*) as n from citizen_requests group by 1 order by 1`));
  return {
    kind: by('kind'),
    channel: by('channel'),
    category: by('category'),
    district: by('district'),
    status: by('status'),
    month: by('substr(received_on, 1, 7)'),
    department: by('department_id'),
    handlingDays: by(`cast(julianday(closed_on) - julianday(received_on) as integer)`),
  };
}

/** The statistics service's own figures (`requests.stats`), where it is registered; null otherwise. */
async function serviceStats(): Promise<unknown> {
  const method: string = 'requests.stats';
  if (typeof (app.handlers as Record<string, unknown>)[method] !== 'function') return null;
  const result = await dispatch(app.handlers, method, { from: '2015-01-01', to: '2026-12-31' });
  return result.ok ? result.data : null;
}

/** A small office: Ms Sonnenschein with an old closed and an open request, Mr Quellenberg anonymous-ish, and more. */
function office() {
  const sonnenschein = addCitizen('Sonnenschein', { street: 'Lindenallee', houseNumber: '7', postcode: '47166', city: 'Duisburg', email: 'e.sonnenschein@example.org' });
  const quellenberg = addCitizen('Quellenberg', { givenName: 'Bodo' });
  const dept = app.db.insert(departments).values({ name: 'Amt für Straßenbau und Verkehr (66)' }).returning({ id: departments.id }).get().id;
  // Closed one day more than three years before 27 Nov 2026: erased.
  const old = addRequest({
    citizenId: sonnenschein,
    subject: 'Schlaglöcher in der Lindenallee',
    text: 'Vor meinem Haus Lindenallee 7 sind tiefe Schlaglöcher.',
    category: 'Verkehr und Straßen',
    district: 'Hamborn',
    place: 'Lindenallee 7',
    status: 'erledigt',
    departmentId: dept,
    statementText: 'Die Ausbesserung ist für März beauftragt.',
    receivedOn: '2023-09-01',
    closedOn: '2023-11-26',
  });
  addAttachment(old, 'foto-schlagloch.jpg');
  addHistory(old, 'forward', 'Frau Sonnenschein rief an, bitte eilig', 'weitergeleitet');
  // Closed exactly three years before: kept (not "more than" three years).
  const boundary = addRequest({
    citizenId: quellenberg,
    subject: 'Laternen am Spielplatz Rheinaue',
    text: 'Abends ist es dunkel.',
    category: 'Ordnung und Sicherheit',
    district: 'Süd',
    place: 'Spielplatz Rheinaue',
    status: 'erledigt',
    receivedOn: '2023-10-10',
    closedOn: '2023-11-27',
  });
  // Open for years: never erased by the retention check.
  const open = addRequest({ citizenId: sonnenschein, subject: 'Bank im Stadtpark', text: 'Bitte eine Bank aufstellen.', kind: 'idee', receivedOn: '2019-05-05', status: 'in_bearbeitung' });
  // Anonymous, closed long ago: erased too (the text may name people).
  const anonymous = addRequest({ subject: 'Lärm an der Baustelle Kuhstraße', text: 'Herr Nachtigall von nebenan beschwert sich auch.', kind: 'beschwerde', channel: 'telefon', receivedOn: '2020-06-01', status: 'erledigt', closedOn: '2020-06-30', district: 'Mitte' });
  const anonymousFile = addAttachment(anonymous, 'gedaechtnisprotokoll.txt', 'Notiz');
  return { sonnenschein, quellenberg, old, boundary, open, anonymous, anonymousFile };
}

// ---------------------------------------------------------------- settings

describe('privacy.settings', () => {
  it('has the defaults, saves changes and refuses periods out of range in German', async () => {
    open();
    expect(await call(app.handlers, 'privacy.settings', {})).toEqual({ requestRetentionYears: 3, eventRetentionMonths: 12, volunteeringRetentionYears: 3 });
    const saved = await call(app.handlers, 'privacy.settings.save', { requestRetentionYears: 5, eventRetentionMonths: 6, volunteeringRetentionYears: 2 });
    expect(saved).toEqual({ requestRetentionYears: 5, eventRetentionMonths: 6, volunteeringRetentionYears: 2 });
    expect(await call(app.handlers, 'privacy.settings', {})).toEqual(saved);
    const refused = await dispatch(app.handlers, 'privacy.settings.save', { requestRetentionYears: 0, eventRetentionMonths: 12, volunteeringRetentionYears: 31 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('INVALID_INPUT');
      expect(refused.error.message).toContain('Mindestens 1 Jahr');
      expect(refused.error.message).toContain('Höchstens 30 Jahre');
    }
  });
});

// ---------------------------------------------------------------- retention

describe('privacy.retention.run', () => {
  it('erases exactly the requests closed more than three years ago; the statistics stay the same', async () => {
    open();
    const o = office();
    const before = statistics();
    const statsBefore = await serviceStats();
    expect(await call(app.handlers, 'privacy.retention.last', {})).toBeNull();

    const report = await call(app.handlers, 'privacy.retention.run', {});

    expect(report).toMatchObject({
      at: NOW.toISOString(),
      date: '2026-11-27',
      automatic: false,
      cutoffs: { requestsClosedBefore: '2023-11-27', eventsEndedBefore: '2025-11-27', volunteeringUpdatedBefore: '2023-11-27' },
      erased: { requests: 2, attachments: 2, volunteerEnquiries: 0, eventRegistrations: 0, citizens: 0 },
    });
    const erased = requestRow(o.old);
    expect(erased).toMatchObject({
      // A change like any other: a form still open on it is refused (STALE) instead of writing the person back.
      revision: 2,
      citizenId: null,
      subject: '(anonymisiert)',
      text: '',
      place: '',
      statementText: '',
      anonymisedAt: NOW.toISOString(),
      // What the statistics need stays.
      kind: 'beschwerde',
      channel: 'email',
      category: 'Verkehr und Straßen',
      district: 'Hamborn',
      status: 'erledigt',
      receivedOn: '2023-09-01',
      closedOn: '2023-11-26',
    });
    expect(erased.departmentId).not.toBeNull();
    expect(requestRow(o.anonymous)).toMatchObject({ text: '', subject: '(anonymisiert)', anonymisedAt: NOW.toISOString() });
    expect(requestRow(o.boundary)).toMatchObject({ subject: 'Laternen am Spielplatz Rheinaue', citizenId: o.quellenberg, anonymisedAt: null });
    expect(requestRow(o.open)).toMatchObject({ subject: 'Bank im Stadtpark', citizenId: o.sonnenschein, anonymisedAt: null });

    // History kept without its notes; attachments' rows and files gone; not found by the search any more.
    expect(app.db.select().from(requestHistory).where(eq(requestHistory.requestId, o.old)).all()).toMatchObject([
      { action: 'forward', status: 'weitergeleitet', note: '' },
    ]);
    expect(app.db.select().from(requestAttachments).all()).toEqual([]);
    expect(fs.existsSync(o.anonymousFile)).toBe(false);
    expect(fs.existsSync(path.join(app.dataDir, 'Anliegen', String(o.old)))).toBe(false);
    expect(fs.readdirSync(path.join(app.dataDir, '.papierkorb'))).toEqual([]);
    expect(searchHits('Schlaglöcher')).toEqual([]);
    expect(searchHits('Nachtigall')).toEqual([]);
    expect(searchHits('Laternen')).toEqual([o.boundary]);

    // Ms Sonnenschein still has an open request: her data stays.
    expect(citizenExists(o.sonnenschein)).toBe(true);

    expect(statistics()).toEqual(before);
    expect(await serviceStats()).toEqual(statsBefore);

    // The report is kept, recorded in the audit log, and names nobody.
    expect(await call(app.handlers, 'privacy.retention.last', {})).toEqual(report);
    const audit = app.db.select().from(auditLog).where(eq(auditLog.action, 'retention')).all();
    expect(audit).toMatchObject([{ entity: 'privacy', summary: 'Aufbewahrungsfristen geprüft: 2 Anliegen anonymisiert, 2 Anhänge gelöscht' }]);
    expect(JSON.stringify(report)).not.toMatch(/Sonnenschein|Quellenberg|Lindenallee|Schlagl/);

    // A second run finds nothing new.
    expect((await call(app.handlers, 'privacy.retention.run', {})).erased).toEqual({ requests: 0, attachments: 0, volunteerEnquiries: 0, eventRegistrations: 0, citizens: 0 });
  });

  it('runs the daily check once a day for the office: a second PC (or a restart) the same day gets the first report, the next day runs again', async () => {
    open(new Date('2026-11-27T08:00:00Z'));
    office();
    const first = await call(app.handlers, 'privacy.retention.run', { automatic: true });
    expect(first.erased.requests).toBeGreaterThan(0);
    // Another PC of the office starts its daily check later that day.
    const second = await call(appAt(new Date('2026-11-27T15:00:00Z')).handlers, 'privacy.retention.run', { automatic: true });
    expect(second).toEqual(first);
    expect(app.db.select().from(auditLog).where(eq(auditLog.action, 'retention')).all()).toHaveLength(1);
    // By hand it always runs; the next day the daily check runs again.
    expect((await call(app.handlers, 'privacy.retention.run', {})).automatic).toBe(false);
    const nextDay = await call(appAt(new Date('2026-11-28T07:00:00Z')).handlers, 'privacy.retention.run', { automatic: true });
    expect(nextDay).toMatchObject({ date: '2026-11-28', automatic: true });
    expect(app.db.select().from(auditLog).where(eq(auditLog.action, 'retention')).all()).toHaveLength(3);
  });

  it('counts the day in Berlin: half past midnight on 28 November the request closed on 27 November 2023 goes too', async () => {
    open(new Date('2026-11-27T23:30:00Z'));
    const o = office();
    const report = await call(app.handlers, 'privacy.retention.run', { automatic: true });
    expect(report).toMatchObject({ date: '2026-11-28', automatic: true, cutoffs: { requestsClosedBefore: '2023-11-28' }, erased: { requests: 3, citizens: 1 } });
    expect(requestRow(o.boundary).anonymisedAt).not.toBeNull();
    // Mr Quellenberg had nothing else: his data is gone.
    expect(citizenExists(o.quellenberg)).toBe(false);
    expect(citizenExists(o.sonnenschein)).toBe(true);
  });

  it('follows the periods set: five years keep what three years would erase', async () => {
    open();
    const o = office();
    await call(app.handlers, 'privacy.settings.save', { requestRetentionYears: 5, eventRetentionMonths: 12, volunteeringRetentionYears: 3 });
    const report = await call(app.handlers, 'privacy.retention.run', {});
    expect(report.cutoffs.requestsClosedBefore).toBe('2021-11-27');
    expect(report.erased.requests).toBe(1);
    expect(requestRow(o.anonymous).anonymisedAt).not.toBeNull();
    expect(requestRow(o.old).anonymisedAt).toBeNull();
  });

  it('deletes registrations of events ended more than twelve months ago and anonymises old volunteering enquiries', async () => {
    open();
    const hansen = addCitizen('Hansen-Oberkamp');
    const weiland = addCitizen('Weiland');
    const oldTalk = addEvent('Bürgergespräch Hamborn 2025', '2025-11-26T18:00', '2025-11-26T20:00');
    const recentTalk = addEvent('Bürgergespräch Walsum', '2025-11-27T18:00', '2025-11-27T20:00');
    const gone = register(oldTalk, hansen, 'Parkplätze am Markt');
    const kept = register(recentTalk, weiland, 'Radweg');
    // 23:59:59 on 26 Nov 2023 in Berlin: erased; midnight 27 Nov 2023 in Berlin: kept.
    const oldEnquiry = addEnquiry(hansen, 'Vorlesen in der Kita', '2023-11-26T22:59:59.000Z');
    const keptEnquiry = addEnquiry(weiland, 'Sporttrainer', '2023-11-26T23:00:00.000Z');

    const report = await call(app.handlers, 'privacy.retention.run', {});

    expect(report.erased).toEqual({ requests: 0, attachments: 0, volunteerEnquiries: 1, eventRegistrations: 1, citizens: 1 });
    expect(app.db.select({ id: eventRegistrations.id }).from(eventRegistrations).all()).toEqual([{ id: kept }]);
    expect(gone).not.toBe(kept);
    const enquiries = app.db.select().from(volunteerEnquiries).all();
    expect(enquiries.find((e) => e.id === oldEnquiry)).toMatchObject({ citizenId: null, interests: '', notes: '', fields: ['Soziales'], outcome: 'vermittelt', anonymisedAt: NOW.toISOString() });
    expect(enquiries.find((e) => e.id === keptEnquiry)).toMatchObject({ citizenId: weiland, interests: 'Sporttrainer', anonymisedAt: null });
    expect(citizenExists(hansen)).toBe(false);
    expect(citizenExists(weiland)).toBe(true);
  });
});

// ---------------------------------------------------------------- one person: export, erase

describe('privacy.citizen.export', () => {
  function personWithEverything() {
    const o = office();
    addHistory(o.open, 'start', 'Rücksprache mit Grünflächenamt', 'in_bearbeitung');
    addAttachment(o.open, 'skizze-bank.pdf', 'x'.repeat(2048));
    const talk = addEvent('Bürgerspaziergang Marxloh', '2026-10-01T17:00', '2026-10-01T19:00');
    register(talk, o.sonnenschein, 'Sauberkeit am Pollmann-Eck');
    addEnquiry(o.sonnenschein, 'Lesepatenschaft an einer Grundschule', '2026-09-01T08:00:00.000Z');
    recordAudit({ db: app.db, now: () => new Date('2026-11-20T14:15:00Z'), user: 'k.brandt' }, { action: 'view', entity: 'request', entityId: o.open });
    return o;
  }

  it('as JSON: the person, requests with texts, statement, history, attachments, registrations, enquiries and access log', async () => {
    open();
    const o = personWithEverything();
    const file = await call(app.handlers, 'privacy.citizen.export', { citizenId: o.sonnenschein, format: 'json' });
    expect(file.fileName).toBe('Datenauskunft-Sonnenschein-2026-11-27.json');
    const data = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8'));

    expect(data.person).toMatchObject({ surname: 'Sonnenschein', givenName: 'Erika', street: 'Lindenallee', email: 'e.sonnenschein@example.org' });
    expect(data.requests.map((r: { subject: string }) => r.subject)).toEqual(['Bank im Stadtpark', 'Schlaglöcher in der Lindenallee']);
    const [bank, potholes] = data.requests;
    expect(potholes).toMatchObject({
      text: 'Vor meinem Haus Lindenallee 7 sind tiefe Schlaglöcher.',
      statementText: 'Die Ausbesserung ist für März beauftragt.',
      department: 'Amt für Straßenbau und Verkehr (66)',
      history: [{ action: 'forward', note: 'Frau Sonnenschein rief an, bitte eilig', status: 'weitergeleitet' }],
      attachments: [{ fileName: 'foto-schlagloch.jpg', size: 10 }],
    });
    expect(bank.attachments).toEqual([{ fileName: 'skizze-bank.pdf', size: 2048, addedAt: stamp }]);
    expect(bank.history).toMatchObject([{ action: 'start', note: 'Rücksprache mit Grünflächenamt' }]);
    // The access log: the earlier view, and the export itself.
    expect(bank.accessLog).toMatchObject([
      { at: '2026-11-20T14:15:00.000Z', user: 'k.brandt', action: 'view', actionLabel: 'angesehen' },
      { at: NOW.toISOString(), user: 'test', action: 'view', summary: 'Datenauskunft (JSON)' },
    ]);
    expect(data.eventRegistrations).toMatchObject([{ event: { title: 'Bürgerspaziergang Marxloh' }, topic: 'Sauberkeit am Pollmann-Eck' }]);
    expect(data.volunteerEnquiries).toMatchObject([{ interests: 'Lesepatenschaft an einer Grundschule', fields: ['Soziales'], notes: 'Rückruf vereinbart' }]);
    // Mr Quellenberg's request is not part of it.
    expect(JSON.stringify(data)).not.toContain('Laternen');
    // Exporting is recorded: a view of each request and the export of the person.
    const entries = app.db.select().from(auditLog).where(eq(auditLog.user, 'test')).all();
    expect(entries.filter((e) => e.action === 'view').map((e) => e.entityId).sort()).toEqual([o.old, o.open].sort());
    expect(entries.filter((e) => e.action === 'export')).toMatchObject([{ entity: 'citizen', entityId: o.sonnenschein }]);
  });

  it('as Word: the same, readable', async () => {
    open();
    const o = personWithEverything();
    const file = await call(app.handlers, 'privacy.citizen.export', { citizenId: o.sonnenschein, format: 'docx' });
    expect(file.fileName).toBe('Datenauskunft-Sonnenschein-2026-11-27.docx');
    const { body } = documentText(Buffer.from(file.contentBase64, 'base64'));
    for (const expected of [
      'Auskunft über gespeicherte personenbezogene Daten',
      'Erika Sonnenschein',
      'Lindenallee 7, 47166 Duisburg',
      'e.sonnenschein@example.org',
      'Anliegen Nr. ',
      'Schlaglöcher in der Lindenallee',
      'Vor meinem Haus Lindenallee 7 sind tiefe Schlaglöcher.',
      'Die Ausbesserung ist für März beauftragt.',
      'Amt für Straßenbau und Verkehr (66)',
      'Beschwerde',
      'erledigt',
      'Frau Sonnenschein rief an, bitte eilig',
      'foto-schlagloch.jpg',
      'skizze-bank.pdf (2 KB',
      'k.brandt',
      '20.11.2026, 15:15 Uhr',
      'Bürgerspaziergang Marxloh',
      'Sauberkeit am Pollmann-Eck',
      'Lesepatenschaft an einer Grundschule',
    ]) {
      expect(body).toContain(expected);
    }
    expect(body).not.toContain('Laternen');
  });

  it('says when the person is not (any more) there', async () => {
    open();
    const result = await dispatch(app.handlers, 'privacy.citizen.export', { citizenId: 4711, format: 'json' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('privacy.citizen.erase', () => {
  it('refuses a surname that does not match and changes nothing', async () => {
    open();
    const o = office();
    const result = await dispatch(app.handlers, 'privacy.citizen.erase', { citizenId: o.sonnenschein, confirm: 'Sonnenscheinn' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toBe('Der eingegebene Nachname stimmt nicht mit dem gespeicherten überein. Es wurde nichts gelöscht.');
    }
    const empty = await dispatch(app.handlers, 'privacy.citizen.erase', { citizenId: o.sonnenschein, confirm: '  ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(citizenExists(o.sonnenschein)).toBe(true);
    expect(requestRow(o.old).text).not.toBe('');
    expect(fs.existsSync(path.join(app.dataDir, 'Anliegen', String(o.old), 'foto-schlagloch.jpg'))).toBe(true);
  });

  it('erases everything about the person, open requests too; statistics unchanged', async () => {
    open();
    const o = office();
    const talk = addEvent('Bürgergespräch Rheinhausen', '2026-12-03T18:00', '2026-12-03T20:00');
    register(talk, o.sonnenschein, 'Busverbindung');
    const other = register(talk, o.quellenberg, 'Spielplatz');
    const enquiry = addEnquiry(o.sonnenschein, 'Hausaufgabenhilfe', '2026-10-01T08:00:00.000Z');
    const before = statistics();
    const statsBefore = await serviceStats();

    const report = await call(app.handlers, 'privacy.citizen.erase', { citizenId: o.sonnenschein, confirm: ' sonnenschein ' });

    expect(report).toEqual({
      at: NOW.toISOString(),
      erased: { requests: 2, attachments: 1, volunteerEnquiries: 1, eventRegistrations: 1, citizens: 1 },
      keptLetters: [],
      notes: [],
    });
    expect(citizenExists(o.sonnenschein)).toBe(false);
    for (const id of [o.old, o.open]) {
      expect(requestRow(id)).toMatchObject({ citizenId: null, subject: '(anonymisiert)', text: '', place: '', statementText: '', anonymisedAt: NOW.toISOString() });
    }
    expect(requestRow(o.open).status).toBe('in_bearbeitung');
    expect(fs.existsSync(path.join(app.dataDir, 'Anliegen', String(o.old)))).toBe(false);
    expect(app.db.select({ id: eventRegistrations.id }).from(eventRegistrations).all()).toEqual([{ id: other }]);
    expect(app.db.select().from(volunteerEnquiries).where(eq(volunteerEnquiries.id, enquiry)).get()).toMatchObject({ citizenId: null, interests: '', notes: '' });
    expect(searchHits('Stadtpark')).toEqual([]);
    // Others are untouched: Mr Quellenberg, the anonymous request (and its file).
    expect(citizenExists(o.quellenberg)).toBe(true);
    expect(requestRow(o.anonymous).text).not.toBe('');
    expect(fs.existsSync(o.anonymousFile)).toBe(true);

    expect(statistics()).toEqual(before);
    expect(await serviceStats()).toEqual(statsBefore);
    // Recorded, without the name.
    const audit = app.db.select().from(auditLog).where(eq(auditLog.action, 'erase')).all();
    expect(audit).toMatchObject([{ entity: 'citizen', entityId: o.sonnenschein }]);
    expect(audit[0].summary).not.toContain('Sonnenschein');
    expect(await dispatch(app.handlers, 'privacy.citizen.export', { citizenId: o.sonnenschein, format: 'json' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('leaves everything as it was, files included, when the database refuses the change', async () => {
    open();
    const o = office();
    app.db.$client.exec(`create trigger refuse_update before update on citizen_requests begin select raise(abort, 'gesperrt'); end`);
    const result = await dispatch(app.handlers, 'privacy.citizen.erase', { citizenId: o.sonnenschein, confirm: 'Sonnenschein' });
    expect(result.ok).toBe(false);
    expect(citizenExists(o.sonnenschein)).toBe(true);
    expect(requestRow(o.old)).toMatchObject({ anonymisedAt: null, text: 'Vor meinem Haus Lindenallee 7 sind tiefe Schlaglöcher.' });
    expect(app.db.select().from(requestAttachments).where(eq(requestAttachments.requestId, o.old)).all()).toHaveLength(1);
    expect(fs.readFileSync(path.join(app.dataDir, 'Anliegen', String(o.old), 'foto-schlagloch.jpg'), 'utf8')).toBe('PDF-Inhalt');
    expect(searchHits('Schlaglöcher')).toEqual([o.old]);
    expect(fs.readdirSync(path.join(app.dataDir, '.papierkorb'))).toEqual([]);
  });
});

describe('privacy.accessLog', () => {
  it('lists who viewed or changed a request, when, oldest first', async () => {
    open();
    const o = office();
    const as = (user: string, at: string) => ({ db: app.db, user, now: () => new Date(at) });
    recordAudit(as('k.brandt', '2026-11-02T08:00:00Z'), { action: 'view', entity: 'request', entityId: o.open });
    recordAudit(as('m.yilmaz', '2026-11-03T12:30:00Z'), { action: 'update', entity: 'request', entityId: o.open, summary: 'Kategorie geändert' });
    recordAudit(as('m.yilmaz', '2026-11-03T12:31:00Z'), { action: 'view', entity: 'request', entityId: o.old });
    recordAudit(as('m.yilmaz', '2026-11-04T09:00:00Z'), { action: 'view', entity: 'letter', entityId: o.open });

    expect(await call(app.handlers, 'privacy.accessLog', { requestId: o.open })).toEqual([
      { at: '2026-11-02T08:00:00.000Z', user: 'k.brandt', action: 'view', actionLabel: 'angesehen', summary: '' },
      { at: '2026-11-03T12:30:00.000Z', user: 'm.yilmaz', action: 'update', actionLabel: 'geändert', summary: 'Kategorie geändert' },
    ]);
    expect(await dispatch(app.handlers, 'privacy.accessLog', { requestId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps who and when after the erasure, but not what the summaries said', async () => {
    open();
    const o = office();
    recordAudit({ db: app.db, user: 'k.brandt', now: () => new Date('2026-11-02T08:00:00Z') }, { action: 'update', entity: 'request', entityId: o.old, summary: 'Betreff: Schlaglöcher Lindenallee' });
    await call(app.handlers, 'privacy.retention.run', {});
    expect(await call(app.handlers, 'privacy.accessLog', { requestId: o.old })).toEqual([
      { at: '2026-11-02T08:00:00.000Z', user: 'k.brandt', action: 'update', actionLabel: 'geändert', summary: '' },
      { at: NOW.toISOString(), user: 'test', action: 'anonymise', actionLabel: 'personenbezogene Daten gelöscht', summary: 'Aufbewahrungsfrist abgelaufen' },
    ]);
  });
});

describe('privacy.citizen.erase in office mode', () => {
  it('removes the attachments stored in the office database with the rows, in the one transaction', async () => {
    const office = await openTempApp('postgres', { label: 'privacy_files', now: () => NOW });
    try {
      const request = await call(office.handlers, 'requests.save', {
        kind: 'beschwerde',
        channel: 'brief',
        citizen: { gender: 'female', givenName: 'Erika', surname: 'Sonnenschein', street: 'Königstraße', houseNumber: '1', postcode: '47051', city: 'Duisburg' },
        subject: 'Schlaglöcher Lindenallee',
        text: 'Die Schlaglöcher werden immer größer.',
        receivedOn: '2026-11-23',
      });
      const { uploadId } = await call(office.handlers, 'uploads.append', { fileName: 'foto-schlagloch.jpg', chunkBase64: Buffer.from('JPEG-Inhalt').toString('base64') });
      await call(office.handlers, 'requests.attach', { id: request.id, revision: request.revision, uploadId });
      const other = await call(office.handlers, 'requests.save', {
        kind: 'lob',
        channel: 'brief',
        citizen: { gender: 'male', givenName: 'Max', surname: 'Quellenberg', street: '', houseNumber: '', postcode: '', city: '' },
        subject: 'Danke für den Spielplatz',
        text: 'Sehr schön geworden.',
        receivedOn: '2026-11-23',
      });
      const kept = await call(office.handlers, 'uploads.append', { fileName: 'dank.pdf', chunkBase64: Buffer.from('PDF').toString('base64') });
      await call(office.handlers, 'requests.attach', { id: other.id, revision: other.revision, uploadId: kept.uploadId });
      expect(await office.files.list('Anliegen')).toHaveLength(2);

      const report = await call(office.handlers, 'privacy.citizen.erase', { citizenId: request.citizen!.id, confirm: 'Sonnenschein' });

      expect(report.erased).toMatchObject({ requests: 1, attachments: 1, citizens: 1 });
      expect(await office.files.list(path.join('Anliegen', String(request.id)))).toEqual([]);
      expect(await office.files.list(path.join('Anliegen', String(other.id)))).toHaveLength(1);
    } finally {
      await office.cleanup();
    }
  });
});
