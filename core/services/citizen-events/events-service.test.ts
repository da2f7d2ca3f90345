import { and, eq, inArray, ne } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, citizenRequests, citizens, departments } from '../../../db/schema';
import { call, dispatch, type CitizenEventInput, type CitizenInput } from '../../api';
import { documentText } from '../../documents/docx-template';
import { createTempApp } from '../../../tests/support/temp-app';
import { whenInWords, whenLabel } from './events-service';
import { errorOf } from '../../../tests/support/api-result';

let app: ReturnType<typeof createTempApp>;
beforeEach(async () => {
  // 27 November 2026, 10:00 in Duisburg.
  app = createTempApp({ now: () => new Date('2026-11-27T09:00:00Z') });
  await call(app.handlers, 'demo.load', {});
});
afterEach(() => app.cleanup());

const WALK: CitizenEventInput = {
  kind: 'spaziergang',
  title: 'Unterwegs in Hochfeld',
  start: '2027-03-04T18:00',
  end: '2027-03-04T20:00',
  district: 'Mitte',
  place: 'Vorplatz der Pauluskirche, Hochfeld',
  route: [
    { time: '18:15', place: 'Spielplatz Brückenstraße', note: 'neue Spielgeräte, Beleuchtung' },
    { time: '19:00', place: 'Rheinpark, Eingang Wörthstraße', note: 'Sauberkeit am Wochenende' },
  ],
  capacity: 2,
};

const MARLENE: CitizenInput = { gender: 'female', givenName: 'Marlene', surname: 'Quadflieg', street: 'Brückenstraße', houseNumber: '12', postcode: '47053', city: 'Duisburg', email: 'm.quadflieg@example.org' };
const OSKAR: CitizenInput = { gender: 'male', degrees: 'Dr.', givenName: 'Oskar', surname: 'Wengenroth', street: 'Wörthstraße', houseNumber: '3', postcode: '47053', city: 'Duisburg' };
const FRIEDA: CitizenInput = { gender: 'female', givenName: 'Frieda', surname: 'Ollenhauer', city: 'Duisburg' };

const textOf = async (id: number, kind: 'einladung' | 'pressenotiz' | 'briefing' | 'nachbericht') => {
  const file = await call(app.handlers, 'citizenEvents.document', { id, kind });
  const bytes = Buffer.from(file.contentBase64, 'base64');
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  return { fileName: file.fileName, body: documentText(new Uint8Array(bytes)).body };
};

/** A request as the requests service records it (rows written directly: that service is built elsewhere). */
function addRequest(values: Partial<typeof citizenRequests.$inferInsert> & { subject: string }) {
  const at = '2026-11-20T10:00:00.000Z';
  return app.db
    .insert(citizenRequests)
    .values({ kind: 'beschwerde', channel: 'brief', receivedOn: '2026-11-02', createdAt: at, updatedAt: at, ...values })
    .returning()
    .get();
}

describe('citizenEvents.save', () => {
  it('records a walk with its stops and capacity, and lists it among the upcoming events', async () => {
    const saved = await call(app.handlers, 'citizenEvents.save', WALK);
    expect(saved).toMatchObject({
      kind: 'spaziergang',
      title: 'Unterwegs in Hochfeld',
      route: WALK.route,
      capacity: 2,
      registered: 0,
      free: 2,
      concerns: 0,
      past: false,
      appointment: null,
      registrations: [],
    });
    const past = await call(app.handlers, 'citizenEvents.save', { ...WALK, kind: 'gespraech', title: 'Bürgergespräch Rheinhausen', start: '2026-10-08T18:00', end: '2026-10-08T19:30', district: 'Rheinhausen' });
    // A talk has no route.
    expect(past).toMatchObject({ route: [], past: true });

    // The demo office has events of its own: look at these two.
    const listed = (filter: object) => call(app.handlers, 'citizenEvents.list', filter);
    const ours = async (filter: object) => (await listed(filter)).map((e) => e.id).filter((id) => id === saved.id || id === past.id);
    expect(await ours({ period: 'upcoming' })).toEqual([saved.id]);
    expect((await listed({ period: 'upcoming' })).every((e) => !e.past)).toBe(true);
    expect(await ours({ period: 'past' })).toEqual([past.id]);
    expect((await listed({ period: 'past' })).every((e) => e.past)).toBe(true);
    expect(await ours({})).toEqual([saved.id, past.id]);
    expect(await ours({ district: 'Rheinhausen' })).toEqual([past.id]);
    expect((await listed({ district: 'Rheinhausen' })).every((e) => e.district === 'Rheinhausen')).toBe(true);

    const audit = app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'citizen_event'), inArray(auditLog.entityId, [saved.id, past.id])))
      .orderBy(auditLog.id)
      .all();
    expect(audit.map((a) => [a.action, a.summary])).toEqual([
      ['create', 'Bürgerspaziergang: Unterwegs in Hochfeld'],
      ['create', 'Bürgergespräch: Bürgergespräch Rheinhausen'],
    ]);
  });

  it('checks the stops: times in the order of the way, within the event', async () => {
    const swapped = await errorOf(dispatch(app.handlers, 'citizenEvents.save', { ...WALK, route: [WALK.route![1], WALK.route![0]] }));
    expect(swapped).toMatchObject({ code: 'INVALID_INPUT' });
    expect(swapped?.message).toContain('Halt 2 (18:15 Uhr) liegt vor Halt 1 (19:00 Uhr)');
    const early = await errorOf(dispatch(app.handlers, 'citizenEvents.save', { ...WALK, route: [{ time: '17:30', place: 'Bahnhof Hochfeld-Süd' }] }));
    expect(early?.message).toBe('Halt 1 (17:30 Uhr) liegt vor dem Beginn (18:00 Uhr).');
    const noPlace = await errorOf(dispatch(app.handlers, 'citizenEvents.save', { ...WALK, route: [{ time: '18:30', place: ' ' }] }));
    expect(noPlace?.message).toContain('Bitte den Ort des Halts angeben.');
    const backwards = await errorOf(dispatch(app.handlers, 'citizenEvents.save', { ...WALK, end: '2027-03-04T17:00' }));
    expect(backwards?.message).toContain('Das Ende muss nach dem Beginn liegen.');
    // Stops without a time are fine.
    const untimed = await call(app.handlers, 'citizenEvents.save', { ...WALK, route: [{ place: 'Hochfelder Markt' }, WALK.route![1]] });
    expect(untimed.route).toEqual([{ time: '', place: 'Hochfelder Markt', note: '' }, WALK.route![1]]);
  });

  it('links an existing appointment; an unknown one is refused', async () => {
    const calendars = await call(app.handlers, 'calendar.calendars', {});
    const head = calendars.find((c) => !c.deputy)!;
    const appointment = await call(app.handlers, 'calendar.appointments.save', { calendarId: head.id, title: 'Bürgerspaziergang Hochfeld', start: '2027-03-04T18:00', end: '2027-03-04T20:00' });
    const saved = await call(app.handlers, 'citizenEvents.save', { ...WALK, appointmentId: appointment.appointment.id });
    expect(saved.appointment).toEqual({ id: appointment.appointment.id, title: 'Bürgerspaziergang Hochfeld', start: '2027-03-04T18:00' });
    const unknown = await errorOf(dispatch(app.handlers, 'citizenEvents.save', { ...WALK, appointmentId: 99999 }));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'Der Termin Nr. 99999 wurde nicht gefunden.' });
  });
});

describe('citizenEvents.register', () => {
  it('registers persons with their topics up to the capacity, then refuses with a clear message', async () => {
    const walk = await call(app.handlers, 'citizenEvents.save', WALK);
    await call(app.handlers, 'citizenEvents.register', { eventId: walk.id, citizen: MARLENE, topic: 'Beleuchtung am Spielplatz' });
    const full = await call(app.handlers, 'citizenEvents.register', { eventId: walk.id, citizen: OSKAR, topic: 'Müll im Rheinpark', registeredOn: '2026-11-26' });
    expect(full).toMatchObject({ registered: 2, free: 0 });
    // In the order they came in.
    expect(full.registrations.map((r) => [r.citizen?.displayName, r.topic, r.registeredOn])).toEqual([
      ['Dr. Oskar Wengenroth', 'Müll im Rheinpark', '2026-11-26'],
      ['Marlene Quadflieg', 'Beleuchtung am Spielplatz', '2026-11-27'],
    ]);

    const refused = await errorOf(dispatch(app.handlers, 'citizenEvents.register', { eventId: walk.id, citizen: FRIEDA, topic: 'Radweg' }));
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      message:
        'Bürgerspaziergang „Unterwegs in Hochfeld“ ist ausgebucht: Alle 2 Plätze sind vergeben. Bitte erhöhen Sie die Zahl der Plätze oder weisen Sie auf eine spätere Veranstaltung hin.',
    });
    // Nobody was recorded for the refused registration.
    expect(app.db.select().from(citizens).where(eq(citizens.surname, 'Ollenhauer')).all()).toEqual([]);

    // Fewer places than registered: refused; more: then Frieda gets in.
    const cut = await errorOf(dispatch(app.handlers, 'citizenEvents.save', { ...walk, capacity: 1 }));
    expect(cut?.message).toBe('Es sind bereits 2 Personen angemeldet; die Zahl der Plätze kann nicht kleiner sein (eingegeben: 1).');
    await call(app.handlers, 'citizenEvents.save', { ...walk, capacity: 3 });
    const three = await call(app.handlers, 'citizenEvents.register', { eventId: walk.id, citizen: FRIEDA, topic: '' });
    expect(three).toMatchObject({ registered: 3, free: 0 });
  });

  it('registers a person once per event (same name and e-mail, or the same known person)', async () => {
    const walk = await call(app.handlers, 'citizenEvents.save', { ...WALK, capacity: null });
    const once = await call(app.handlers, 'citizenEvents.register', { eventId: walk.id, citizen: MARLENE, topic: 'Beleuchtung' });
    const again = await errorOf(dispatch(app.handlers, 'citizenEvents.register', { eventId: walk.id, citizen: { ...MARLENE, surname: 'QUADFLIEG' }, topic: 'Noch etwas' }));
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'Marlene Quadflieg ist für Bürgerspaziergang „Unterwegs in Hochfeld“ bereits angemeldet.' });
    const known = once.registrations[0].citizen!;
    const byId = await errorOf(dispatch(app.handlers, 'citizenEvents.register', { eventId: walk.id, citizen: { ...known, email: '' }, topic: '' }));
    expect(byId?.code).toBe('CONFLICT');
    // Same name, another address: another person.
    const namesake = await call(app.handlers, 'citizenEvents.register', { eventId: walk.id, citizen: { ...MARLENE, email: 'marlene.q@example.net' }, topic: '' });
    expect(namesake.registered).toBe(2);
  });

  it('refuses registrations for an event that is over', async () => {
    const past = await call(app.handlers, 'citizenEvents.save', { ...WALK, start: '2026-10-08T18:00', end: '2026-10-08T20:00', route: [] });
    const refused = await errorOf(dispatch(app.handlers, 'citizenEvents.register', { eventId: past.id, citizen: MARLENE, topic: '' }));
    expect(refused?.message).toBe('Bürgerspaziergang „Unterwegs in Hochfeld“ ist vorbei; Anmeldungen sind nicht mehr möglich.');
  });

  it('unregisters: the place is free again and the person, referred to by nothing else, is removed', async () => {
    const walk = await call(app.handlers, 'citizenEvents.save', WALK);
    await call(app.handlers, 'citizenEvents.register', { eventId: walk.id, citizen: MARLENE, topic: 'Beleuchtung' });
    const two = await call(app.handlers, 'citizenEvents.register', { eventId: walk.id, citizen: OSKAR, topic: 'Rheinpark' });
    const oskar = two.registrations.find((r) => r.citizen?.surname === 'Wengenroth')!;
    addRequest({ subject: 'Sperrmüll an der Wörthstraße', citizenId: oskar.citizen!.id, district: 'Mitte' });
    const marlene = two.registrations.find((r) => r.citizen?.surname === 'Quadflieg')!;

    const one = await call(app.handlers, 'citizenEvents.unregister', { registrationId: marlene.id });
    expect(one).toMatchObject({ registered: 1, free: 1 });
    expect(app.db.select().from(citizens).where(eq(citizens.id, marlene.citizen!.id)).get()).toBeUndefined();
    // Oskar has a request: he stays.
    await call(app.handlers, 'citizenEvents.unregister', { registrationId: oskar.id });
    expect(app.db.select().from(citizens).where(eq(citizens.id, oskar.citizen!.id)).get()).toBeDefined();
    const missing = await errorOf(dispatch(app.handlers, 'citizenEvents.unregister', { registrationId: oskar.id }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: `Die Anmeldung Nr. ${oskar.id} wurde nicht gefunden.` });
  });
});

describe('citizenEvents.delete', () => {
  it('deletes an event without concerns; one with concerns recorded stays', async () => {
    const walk = await call(app.handlers, 'citizenEvents.save', WALK);
    await call(app.handlers, 'citizenEvents.register', { eventId: walk.id, citizen: MARLENE, topic: 'Beleuchtung' });
    addRequest({ subject: 'Laterne defekt', eventId: walk.id, channel: 'buergerspaziergang' });
    const kept = await errorOf(dispatch(app.handlers, 'citizenEvents.delete', { id: walk.id, revision: walk.revision }));
    expect(kept).toMatchObject({ code: 'CONFLICT', message: 'Bei „Unterwegs in Hochfeld“ wurde ein Anliegen aufgenommen; die Veranstaltung bleibt deshalb erhalten und kann nicht gelöscht werden.' });

    const other = await call(app.handlers, 'citizenEvents.save', { ...WALK, title: 'Rund um den Kantpark' });
    await call(app.handlers, 'citizenEvents.register', { eventId: other.id, citizen: FRIEDA, topic: '' });
    expect(await call(app.handlers, 'citizenEvents.delete', { id: other.id, revision: other.revision })).toEqual({ id: other.id });
    expect(app.db.select().from(citizens).where(eq(citizens.surname, 'Ollenhauer')).all()).toEqual([]);
    const gone = await errorOf(dispatch(app.handlers, 'citizenEvents.get', { id: other.id }));
    expect(gone?.message).toBe(`Die Veranstaltung Nr. ${other.id} wurde nicht gefunden.`);
  });
});

describe('citizenEvents.document', () => {
  async function walkWithPeople() {
    const walk = await call(app.handlers, 'citizenEvents.save', WALK);
    await call(app.handlers, 'citizenEvents.register', { eventId: walk.id, citizen: MARLENE, topic: 'Beleuchtung am Spielplatz' });
    const detail = await call(app.handlers, 'citizenEvents.register', { eventId: walk.id, citizen: OSKAR, topic: 'Müll im Rheinpark' });
    return { walk, detail };
  }

  it('writes the time in words', () => {
    expect(whenLabel('2027-03-04T18:00', '2027-03-04T20:00')).toBe('Donnerstag, 4. März 2027, 18:00–20:00 Uhr');
    expect(whenInWords('2027-03-04T18:00', '2027-03-04T20:00')).toBe('am Donnerstag, 4. März 2027, von 18:00 bis 20:00 Uhr');
    expect(whenLabel('2027-03-04T22:00', '2027-03-05T01:00')).toBe('Donnerstag, 4. März 2027, 22:00 Uhr bis Freitag, 5. März 2027, 01:00 Uhr');
  });

  it('the invitation: when, meeting point, the way, how to register, signed by the Oberbürgermeisterin', async () => {
    const { walk } = await walkWithPeople();
    const { fileName, body } = await textOf(walk.id, 'einladung');
    expect(fileName).toBe('Einladung-Unterwegs-in-Hochfeld-2027-03-04.docx');
    expect(body).toContain('Einladung zum Bürgerspaziergang\nUnterwegs in Hochfeld\nLiebe Bürgerinnen und Bürger,\nich lade Sie herzlich zu einem Bürgerspaziergang durch den Stadtbezirk Mitte ein.');
    expect(body).toContain('Wann\nDonnerstag, 4. März 2027, 18:00–20:00 Uhr\nTreffpunkt\nVorplatz der Pauluskirche, Hochfeld\nPlätze\n2 – bitte melden Sie sich an.');
    expect(body).toContain('18:15 Uhr\nSpielplatz Brückenstraße\nneue Spielgeräte, Beleuchtung\n19:00 Uhr\nRheinpark, Eingang Wörthstraße');
    expect(body).toContain('Herr Yıldız\nTelefon 0203 283-4712\nE-Mail buergerdialog@stadt-duisburg.example');
    expect(body).toMatch(/Ich freue mich auf das Gespräch mit Ihnen\.\nDr\. Petra Hovestadt\nOberbürgermeisterin$/);
    // Nobody's personal data in a public invitation.
    expect(body).not.toContain('Quadflieg');
  });

  it('the press note: headline, date line, when and where, how to register', async () => {
    const { walk } = await walkWithPeople();
    const { fileName, body } = await textOf(walk.id, 'pressenotiz');
    expect(fileName).toBe('Pressenotiz-Unterwegs-in-Hochfeld-2027-03-04.docx');
    expect(body).toContain('Pressenotiz\nBürgerspaziergang mit Oberbürgermeisterin Dr. Petra Hovestadt: „Unterwegs in Hochfeld“\nDuisburg, 27. November 2026\n');
    expect(body).toContain(
      'Oberbürgermeisterin Dr. Petra Hovestadt lädt die Bürgerinnen und Bürger des Stadtbezirks Mitte am Donnerstag, 4. März 2027, von 18:00 bis 20:00 Uhr zu einem Bürgerspaziergang ein. Treffpunkt ist Vorplatz der Pauluskirche, Hochfeld.',
    );
    expect(body).toContain('Der Spaziergang führt über Spielplatz Brückenstraße und Rheinpark, Eingang Wörthstraße.');
    expect(body).toContain(
      'Die Zahl der Plätze ist auf 2 begrenzt; um Anmeldung wird gebeten. Anmeldungen nimmt das Amt für Kommunikation telefonisch unter 0203 283-4712 oder per E-Mail an buergerdialog@stadt-duisburg.example entgegen.',
    );
    expect(body).not.toContain('Quadflieg');
  });

  it('the briefing: facts, route, who registered with which topic, the open requests of the district', async () => {
    const { walk, detail } = await walkWithPeople();
    const oskar = detail.registrations.find((r) => r.citizen?.surname === 'Wengenroth')!.citizen!;
    const department = app.db.insert(departments).values({ name: 'Wirtschaftsbetriebe, Stadtreinigung' }).returning().get();
    const forwarded = addRequest({ subject: 'Müllsäcke am Rheinpark', district: 'Mitte', place: 'Rheinpark', status: 'weitergeleitet', departmentId: department.id, statementDue: '2026-11-16', citizenId: oskar.id });
    const fresh = addRequest({ subject: 'Radweg Heerstraße zugeparkt', district: 'Mitte', kind: 'anregung', receivedOn: '2026-11-20' });
    addRequest({ subject: 'Bank am Kantpark', district: 'Mitte', status: 'erledigt' });
    addRequest({ subject: 'Ampel in Rheinhausen', district: 'Rheinhausen' });
    // A deputy's appointment: the briefing is for him.
    const deputy = (await call(app.handlers, 'calendar.calendars', {})).find((c) => c.deputy && c.name.startsWith('Volker Sandmann'))!;
    const appointment = await call(app.handlers, 'calendar.appointments.save', { calendarId: deputy.id, title: 'Bürgerspaziergang Hochfeld', start: '2027-03-04T18:00', end: '2027-03-04T20:00' });
    await call(app.handlers, 'citizenEvents.save', { ...WALK, id: walk.id, revision: walk.revision, appointmentId: appointment.appointment.id, notes: 'Presse ist angefragt.' });

    const { fileName, body } = await textOf(walk.id, 'briefing');
    expect(fileName).toBe('Unterlage-Unterwegs-in-Hochfeld-2027-03-04.docx');
    expect(body).toContain('Bürgerspaziergang: Unterwegs in Hochfeld\nUnterlage für Volker Sandmann, Bürgermeister · Stand: 27.11.2026');
    expect(body).toContain('Plätze\n2, davon 2 belegt\nTermin\nBürgerspaziergang Hochfeld (Donnerstag, 4. März 2027, 18:00 Uhr)\nHinweise\nPresse ist angefragt.');
    expect(body).toContain('Route\nZeit\nHalt\nWorum es dort geht\n18:15 Uhr\nSpielplatz Brückenstraße');
    expect(body).toContain('Angemeldet (2)');
    expect(body).toContain(`2\nDr. Oskar Wengenroth\nWörthstraße 3\nMüll im Rheinpark\noffenes Anliegen Nr. ${forwarded.id}: Müllsäcke am Rheinpark`);
    expect(body).toContain('1\nMarlene Quadflieg\nBrückenstraße 12\nBeleuchtung am Spielplatz\n—');
    // The demo office may hold requests from Mitte too: all open ones count.
    const openInMitte = app.db.select().from(citizenRequests).where(and(eq(citizenRequests.district, 'Mitte'), ne(citizenRequests.status, 'erledigt'))).all();
    expect(body).toContain(`Offene Anliegen aus dem Stadtbezirk Mitte (${openInMitte.length})`);
    expect(body).toContain(
      `${forwarded.id}\n02.11.2026\nMüllsäcke am Rheinpark\nRheinpark\nBeschwerde\nan Fachbereich weitergeleitet\nWirtschaftsbetriebe, Stadtreinigung, Frist 16.11.2026`,
    );
    expect(body).toContain(`${fresh.id}\n20.11.2026\nRadweg Heerstraße zugeparkt\nAnregung\neingegangen\n—`);
    expect(body).not.toContain('Bank am Kantpark');
    expect(body).not.toContain('Ampel in Rheinhausen');
  });

  it('the follow-up report: every concern raised at the event and where it stands', async () => {
    const { walk, detail } = await walkWithPeople();
    const marlene = detail.registrations.find((r) => r.citizen?.surname === 'Quadflieg')!.citizen!;
    const department = app.db.insert(departments).values({ name: 'Amt für Straßenbau und Verkehr' }).returning().get();
    const lamp = addRequest({
      subject: 'Laterne am Spielplatz defekt',
      kind: 'beschwerde',
      channel: 'buergerspaziergang',
      eventId: walk.id,
      citizenId: marlene.id,
      place: 'Spielplatz Brückenstraße',
      status: 'beantwortet',
      departmentId: department.id,
      answeredOn: '2026-12-02',
    });
    const bench = addRequest({ subject: 'Mehr Bänke im Rheinpark', kind: 'idee', channel: 'buergerspaziergang', eventId: walk.id, status: 'in_bearbeitung' });
    addRequest({ subject: 'Nicht von diesem Spaziergang', district: 'Mitte' });

    const { fileName, body } = await textOf(walk.id, 'nachbericht');
    expect(fileName).toBe('Nachbericht-Unterwegs-in-Hochfeld-2027-03-04.docx');
    expect(body).toContain('Nachbericht: Bürgerspaziergang „Unterwegs in Hochfeld“\nStand: 27.11.2026');
    expect(body).toContain('Mit\nDr. Petra Hovestadt, Oberbürgermeisterin\nAngemeldet\n2');
    expect(body).toContain('2 Anliegen wurden aufgenommen: 1 beantwortet, 1 in Bearbeitung.');
    expect(body).toContain(
      `${lamp.id}\nLaterne am Spielplatz defekt\nBeschwerde · Spielplatz Brückenstraße\nMarlene Quadflieg\nbeantwortet\nAmt für Straßenbau und Verkehr\n02.12.2026`,
    );
    expect(body).toContain(`${bench.id}\nMehr Bänke im Rheinpark\nIdee\nanonym\nin Bearbeitung\n—\n—`);
    expect(body).not.toContain('Nicht von diesem Spaziergang');

    const empty = await call(app.handlers, 'citizenEvents.save', { ...WALK, kind: 'gespraech', title: 'Bürgergespräch im Rathaus', place: 'Ratssaal' });
    expect((await textOf(empty.id, 'nachbericht')).body).toContain('Bei der Veranstaltung wurden keine Anliegen aufgenommen.');
  });

  it('a talk without district, capacity or contact persons still gives complete documents', async () => {
    await call(app.handlers, 'settings.office.update', { ...(await call(app.handlers, 'settings.office.get', {})), contactPersons: [] });
    const talk = await call(app.handlers, 'citizenEvents.save', { kind: 'gespraech', title: 'Offene Sprechstunde', start: '2027-01-14T17:00', end: '2027-01-14T18:30', place: 'Rathaus, Ratssaal' });
    const invitation = (await textOf(talk.id, 'einladung')).body;
    expect(invitation).toContain('ich lade Sie herzlich zu einem Bürgergespräch ein.');
    expect(invitation).toContain('Ort\nRathaus, Ratssaal');
    expect(invitation).toContain('Damit wir gut planen können, bitten wir um Anmeldung.');
    expect(invitation).toContain('Amt für Kommunikation\nBurgplatz 19 · 47051 Duisburg');
    const press = (await textOf(talk.id, 'pressenotiz')).body;
    expect(press).toContain('lädt die Bürgerinnen und Bürger am Donnerstag, 14. Januar 2027, von 17:00 bis 18:30 Uhr zu einem Bürgergespräch ein. Veranstaltungsort ist Rathaus, Ratssaal.');
    expect(press).toContain('Um Anmeldung wird gebeten. Anmeldungen nimmt das Amt für Kommunikation, Burgplatz 19 · 47051 Duisburg, entgegen.');
    const briefing = (await textOf(talk.id, 'briefing')).body;
    expect(briefing).toContain('Plätze\nohne Begrenzung; 0 angemeldet');
    expect(briefing).toContain('Bisher hat sich niemand angemeldet.');
    expect(briefing).toContain('Für die Veranstaltung ist kein Stadtbezirk angegeben.');
    expect(briefing).not.toContain('Route');
  });
});
