import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema';
import { call, dispatch, type VisitInput } from '../../api';
import { documentText } from '../../documents/docx-template';
import { createTempApp } from '../../../tests/support/temp-app';
import { errorOf } from '../../../tests/support/api-result';

let app: ReturnType<typeof createTempApp>;
beforeEach(async () => {
  app = createTempApp({ now: () => new Date('2027-05-20T09:00:00Z') });
  await call(app.handlers, 'demo.load', {});
});
afterEach(() => app.cleanup());

async function contactId(query: string): Promise<number> {
  const { items } = await call(app.handlers, 'contacts.list', { query, kind: 'person', limit: 5, sort: 'name' });
  if (items.length !== 1) throw new Error(`${query}: ${items.map((i) => i.displayName).join(', ')}`);
  return items[0]!.id;
}

/** The Portsmouth delegation: the Lord Mayor (guest of honour) and her husband, an ambassador, a staff member of Calais. */
async function delegation() {
  const ids = {
    ob: await contactId('Hovestadt Petra'),
    bm: await contactId('Arslan'),
    lordMayor: await contactId('Pendleton Helen'),
    consort: await contactId('Pendleton Graham'),
    ambassador: await contactId('Whitcombe'),
    staff: await contactId('Fontaine'),
  };
  const portsmouth = (await call(app.handlers, 'partnerships.list', {})).find((p) => p.city === 'Portsmouth')!;
  const [calendar] = await call(app.handlers, 'calendar.calendars', {});
  const reception = await call(app.handlers, 'calendar.appointments.save', {
    calendarId: calendar!.id,
    title: 'Empfang im Rathaus',
    start: '2027-06-10T11:00',
    end: '2027-06-10T12:30',
    place: 'Rathaus, Ratssaal',
  });
  const dinner = await call(app.handlers, 'calendar.appointments.save', {
    calendarId: calendar!.id,
    title: 'Abendessen mit der Delegation',
    start: '2027-06-10T19:00',
    end: '2027-06-10T22:00',
    place: 'Mercatorhalle',
  });
  const input: VisitInput = {
    direction: 'eingehend',
    title: 'Delegation aus Portsmouth',
    partnershipId: portsmouth.id,
    from: '2027-06-10',
    to: '2027-06-12',
    interpreter: 'Dolmetscherdienst: Frau Albers',
    press: 'Fototermin beim Eintrag ins Goldene Buch',
    people: [
      { contactId: ids.staff, role: 'gast' },
      { contactId: ids.consort, role: 'gast' },
      { contactId: ids.ambassador, role: 'gast' },
      { contactId: ids.lordMayor, role: 'gast', honour: true },
      { contactId: ids.bm, role: 'gastgeber' },
      { contactId: ids.ob, role: 'gastgeber' },
    ],
    appointmentIds: [dinner.appointment.id, reception.appointment.id],
  };
  return { ids, input, portsmouth, appointments: [reception.appointment.id, dinner.appointment.id] };
}

describe('visits', () => {
  it('stands in its partnership’s history, once however often it is saved, and leaves it when deleted', async () => {
    const { input, portsmouth } = await delegation();
    const visit = await call(app.handlers, 'visits.save', input);
    const again = await call(app.handlers, 'visits.save', { ...input, id: visit.id, revision: visit.revision, notes: visit.notes });
    // The demo office's own Portsmouth visit stands there too, on another day.
    const visits = async () => (await call(app.handlers, 'partnerships.history', { id: portsmouth.id })).filter((e) => e.kind === 'besuch' && e.date === input.from);
    expect((await visits()).map((e) => [e.title, e.date])).toEqual([['Delegation aus Portsmouth', input.from.slice(0, 10)]]);
    await call(app.handlers, 'visits.delete', { id: visit.id, revision: again.revision });
    expect(await visits()).toEqual([]);
  });

  it('records a delegation with guests, hosts and programme; lists it; audits every change', async () => {
    const { ids, input, portsmouth, appointments } = await delegation();
    const visit = await call(app.handlers, 'visits.save', input);
    expect(visit).toMatchObject({
      direction: 'eingehend',
      title: 'Delegation aus Portsmouth',
      partnershipId: portsmouth.id,
      partnership: 'Portsmouth',
      guests: 4,
      hosts: 2,
      leadGuest: 'Helen Pendleton',
      interpreter: 'Dolmetscherdienst: Frau Albers',
      hasSeating: false,
    });
    // Hosts first, then the guest of honour, then by precedence (the ambassador), then the rest by name.
    expect(visit.people.map((p) => [p.name, p.role, p.honour])).toEqual([
      ['Dr. Petra Hovestadt', 'gastgeber', false],
      ['Gülşen Arslan', 'gastgeber', false],
      ['Helen Pendleton', 'gast', true],
      ['Eleanor Whitcombe', 'gast', false],
      ['Claire Fontaine', 'gast', false],
      ['Graham Pendleton', 'gast', false],
    ]);
    expect(visit.people.find((p) => p.contactId === ids.lordMayor)).toMatchObject({ roleLabel: 'Lord Mayor of Portsmouth', oralSalutation: 'Lord Mayor', precedence: 95, partnerId: ids.consort });
    expect(visit.appointments.map((a) => a.id)).toEqual(appointments);
    expect(visit.appointments[0]).toMatchObject({ title: 'Empfang im Rathaus', place: 'Rathaus, Ratssaal' });

    const changed = await call(app.handlers, 'visits.save', { ...input, id: visit.id, revision: visit.revision, notes: visit.notes, appointmentIds: [appointments[1]!], people: input.people!.slice(1) });
    expect(changed).toMatchObject({ guests: 3, hosts: 2, appointmentCount: 1 });
    expect(await call(app.handlers, 'visits.get', { id: visit.id })).toEqual(changed);

    const outgoing = await call(app.handlers, 'visits.save', { direction: 'ausgehend', title: 'Reise nach Calais', from: '2026-07-13', to: '2026-07-15' });
    // The demo office has visits of its own: look at these two.
    const ours = async (filter: object) => (await call(app.handlers, 'visits.list', filter)).filter((v) => v.id === visit.id || v.id === outgoing.id);
    expect((await ours({})).map((v) => v.title)).toEqual(['Delegation aus Portsmouth', 'Reise nach Calais']);
    expect((await ours({ direction: 'ausgehend' })).map((v) => v.id)).toEqual([outgoing.id]);
    expect((await call(app.handlers, 'visits.list', { direction: 'ausgehend' })).every((v) => v.direction === 'ausgehend')).toBe(true);
    expect((await ours({ year: 2027 })).map((v) => v.id)).toEqual([visit.id]);

    await call(app.handlers, 'visits.delete', { id: outgoing.id, revision: outgoing.revision });
    const audit = app.db.select().from(auditLog).where(and(eq(auditLog.entity, 'visit'), inArray(auditLog.entityId, [visit.id, outgoing.id]))).all();
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([
      ['create', visit.id],
      ['update', visit.id],
      ['create', outgoing.id],
      ['delete', outgoing.id],
    ]);
    expect(await errorOf(dispatch(app.handlers, 'visits.get', { id: outgoing.id }))).toMatchObject({ code: 'NOT_FOUND', message: `Der Besuch Nr. ${outgoing.id} wurde nicht gefunden.` });
  });

  it('refuses what cannot be: dates backwards, unknown links, an organisation or a person twice', async () => {
    const { ids, input } = await delegation();
    const before = await call(app.handlers, 'visits.list', {});
    const organisation = (await call(app.handlers, 'contacts.list', { query: 'Portsmouth', kind: 'organisation', limit: 1, sort: 'name' })).items[0]!;
    const cases: Array<[Partial<VisitInput>, string, string]> = [
      [{ to: '2027-06-09' }, 'INVALID_INPUT', 'Das Ende des Besuchs liegt vor seinem Beginn.'],
      [{ partnershipId: 9999 }, 'NOT_FOUND', 'Die Partnerschaft Nr. 9999 wurde nicht gefunden.'],
      [{ appointmentIds: [9999] }, 'NOT_FOUND', 'Der Termin Nr. 9999 wurde nicht gefunden.'],
      [{ people: [{ contactId: 99999, role: 'gast' }] }, 'NOT_FOUND', 'Der Kontakt Nr. 99999 wurde nicht gefunden.'],
      [{ people: [{ contactId: organisation.id, role: 'gast' }] }, 'INVALID_INPUT', `„${organisation.displayName}“ ist eine Organisation; bitte eine Person als Gast bzw. Gastgeber/in wählen.`],
      [
        {
          people: [
            { contactId: ids.ob, role: 'gastgeber' },
            { contactId: ids.ob, role: 'gast' },
          ],
        },
        'INVALID_INPUT',
        'Dr. Petra Hovestadt steht zweimal auf der Liste des Besuchs.',
      ],
    ];
    for (const [more, code, message] of cases) {
      expect(await errorOf(dispatch(app.handlers, 'visits.save', { ...input, ...more }))).toMatchObject({ code, message });
    }
    expect(await call(app.handlers, 'visits.list', {})).toEqual(before);
  });

  it('keeps Golden Book entries, with the contact’s name and office when no name is written', async () => {
    const { ids, input } = await delegation();
    const visit = await call(app.handlers, 'visits.save', input);
    const entry = await call(app.handlers, 'visits.goldenBook.save', { visitId: visit.id, date: '2027-06-10', contactId: ids.lordMayor, occasion: 'Besuch der Delegation aus Portsmouth', text: 'With warmest wishes …' });
    expect(entry).toMatchObject({ person: 'Helen Pendleton, Lord Mayor of Portsmouth', visit: 'Delegation aus Portsmouth', contactId: ids.lordMayor });
    const other = await call(app.handlers, 'visits.goldenBook.save', { date: '2026-03-01', person: 'Kammerchor Vilnius' });
    expect((await call(app.handlers, 'visits.goldenBook', {})).map((e) => e.id).filter((id) => id === entry.id || id === other.id)).toEqual([entry.id, other.id]);
    expect((await call(app.handlers, 'visits.goldenBook', { visitId: visit.id })).map((e) => e.id)).toEqual([entry.id]);
    expect(await errorOf(dispatch(app.handlers, 'visits.goldenBook.save', { date: '2026-03-01' }))).toMatchObject({ code: 'INVALID_INPUT', message: 'Bitte angeben, wer sich in das Goldene Buch eingetragen hat.' });
    await call(app.handlers, 'visits.goldenBook.delete', { id: other.id });
    const audit = app.db.select().from(auditLog).where(and(eq(auditLog.entity, 'golden-book'), inArray(auditLog.entityId, [entry.id, other.id]))).all();
    expect(audit.map((a) => a.action)).toEqual(['create', 'create', 'delete']);
  });
});

describe('seating', () => {
  it('proposes by precedence, keeps what staff moved, and prints it', async () => {
    const { ids, input } = await delegation();
    const visit = await call(app.handlers, 'visits.save', input);
    expect(await call(app.handlers, 'seating.get', { visitId: visit.id })).toBeNull();

    const proposal = await call(app.handlers, 'seating.propose', { visitId: visit.id, tables: [{ name: 'Ehrentafel', seats: 8 }] });
    // Head: the Oberbürgermeisterin; foot (seat 4): the Bürgermeisterin; seats given out 1, 5, 7, 3:
    // the Lord Mayor (guest of honour), the ambassador, then the two without an office by name.
    const seats = proposal.tables[0]!.seats;
    expect(seats.map((s) => s.label)).toEqual(['Dr. Petra Hovestadt', 'Helen Pendleton', '', 'Graham Pendleton', 'Gülşen Arslan', 'Eleanor Whitcombe', '', 'Claire Fontaine']);
    expect(seats[1]).toMatchObject({ contactId: ids.lordMayor, roleLabel: 'Lord Mayor of Portsmouth', side: 'gast', honour: true });
    expect(seats[0]).toMatchObject({ side: 'gastgeber', roleLabel: 'Oberbürgermeisterin' });
    expect(proposal.unseated).toEqual([]);
    expect(proposal.notes).toEqual([]);

    // Two small tables: the highest-ranked at the first; the rest at the second, headed by its highest-ranked.
    const two = await call(app.handlers, 'seating.propose', {
      visitId: visit.id,
      tables: [
        { name: 'Tisch 1', seats: 3 },
        { name: 'Tisch 2', seats: 2 },
      ],
    });
    expect(two.tables.map((t) => t.seats.map((s) => s.label))).toEqual([
      ['Dr. Petra Hovestadt', 'Helen Pendleton', 'Eleanor Whitcombe'],
      ['Gülşen Arslan', 'Claire Fontaine'],
    ]);
    expect(two.unseated.map((s) => s.label)).toEqual(['Graham Pendleton']);
    expect(two.notes).toEqual(['Zu wenige Plätze: eine Person hat keinen Platz (Graham Pendleton).']);

    // Staff swap the ambassador and Graham Pendleton, and seat the interpreter at seat 2.
    const moved = seats.map((s) => ({ contactId: s.contactId, label: s.label }));
    [moved[3], moved[5]] = [moved[5]!, moved[3]!];
    moved[2] = { contactId: null, label: 'Frau Albers (Dolmetscherin)' };
    const saved = await call(app.handlers, 'seating.save', { visitId: visit.id, tables: [{ name: 'Ehrentafel', seats: moved }] });
    expect(saved).toMatchObject({ visitId: visit.id, title: 'Sitzordnung – Delegation aus Portsmouth', date: '2027-06-10' });
    expect(saved.tables[0]!.seats.map((s) => s.label)).toEqual([
      'Dr. Petra Hovestadt',
      'Helen Pendleton',
      'Frau Albers (Dolmetscherin)',
      'Eleanor Whitcombe',
      'Gülşen Arslan',
      'Graham Pendleton',
      '',
      'Claire Fontaine',
    ]);
    expect(await call(app.handlers, 'seating.get', { visitId: visit.id })).toEqual(saved);
    expect((await call(app.handlers, 'visits.get', { id: visit.id })).hasSeating).toBe(true);

    // Saved again (a second table), the plan is replaced, not doubled; who is left out is listed.
    const again = await call(app.handlers, 'seating.save', {
      visitId: visit.id,
      date: '2027-06-11',
      tables: [
        { name: 'Tisch A', seats: moved.slice(0, 4) },
        { name: 'Tisch B', seats: [moved[4]!] },
      ],
    });
    expect(again.id).toBe(saved.id);
    expect(again.unseated.map((s) => s.label)).toEqual(['Claire Fontaine', 'Graham Pendleton']);

    const audit = app.db.select().from(auditLog).where(and(eq(auditLog.action, 'save-seating'), eq(auditLog.entityId, visit.id))).all();
    expect(audit.map((a) => a.summary)).toEqual([
      'Sitzordnung – Delegation aus Portsmouth: 1 Tisch(e), 7 Plätze besetzt',
      'Sitzordnung – Delegation aus Portsmouth: 2 Tisch(e), 5 Plätze besetzt',
    ]);
  });

  it('refuses a person seated twice and unknown contacts; proposes nothing without people', async () => {
    const { ids, input } = await delegation();
    const visit = await call(app.handlers, 'visits.save', input);
    const twice = await errorOf(
      dispatch(app.handlers, 'seating.save', {
        visitId: visit.id,
        tables: [
          { name: 'Tisch 1', seats: [{ contactId: ids.ob }, { contactId: ids.lordMayor }] },
          { name: 'Tisch 2', seats: [{ contactId: ids.lordMayor }] },
        ],
      }),
    );
    expect(twice).toMatchObject({ code: 'INVALID_INPUT', message: 'Helen Pendleton hat zwei Plätze (Tisch 1, Platz 1 und Tisch 2, Platz 0); bitte einen davon freigeben.' });
    expect(await errorOf(dispatch(app.handlers, 'seating.save', { visitId: visit.id, tables: [{ name: 'T', seats: [{ contactId: 99999 }] }] }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await errorOf(dispatch(app.handlers, 'seating.document', { visitId: visit.id }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Für „Delegation aus Portsmouth“ ist noch keine Sitzordnung gespeichert.',
    });
    const empty = await call(app.handlers, 'visits.save', { direction: 'ausgehend', title: 'Reise', from: '2027-01-01', to: '2027-01-02' });
    expect(await errorOf(dispatch(app.handlers, 'seating.propose', { visitId: empty.id, tables: [{ name: 'T', seats: 4 }] }))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await errorOf(dispatch(app.handlers, 'seating.propose', { visitId: visit.id, tables: [] }))).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('prints the saved plan as .docx: per table the diagram and the seats in order, place cards on request', async () => {
    const { input } = await delegation();
    const visit = await call(app.handlers, 'visits.save', input);
    const proposal = await call(app.handlers, 'seating.propose', {
      visitId: visit.id,
      tables: [
        { name: 'Ehrentafel', seats: 4 },
        { name: 'Tisch 2', seats: 4 },
      ],
    });
    await call(app.handlers, 'seating.save', { visitId: visit.id, tables: proposal.tables.map((t) => ({ name: t.name, seats: t.seats.map((s) => ({ contactId: s.contactId, label: s.label })) })) });
    const file = await call(app.handlers, 'seating.document', { visitId: visit.id });
    expect(file.fileName).toBe('Sitzordnung-Delegation-aus-Portsmouth-2027-06-10.docx');
    const bytes = new Uint8Array(Buffer.from(file.contentBase64, 'base64'));
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    const text = documentText(bytes).body;
    expect(text).toContain('Sitzordnung – Delegation aus Portsmouth');
    expect(text).toContain('Delegation aus Portsmouth – 10. Juni 2027');
    expect(text).toContain('Ehrentafel (4 Plätze)');
    expect(text).toContain('Tisch 2 (4 Plätze)');
    // The list of seats: number, where, name, office.
    const list = text.slice(text.indexOf('Plätze in der Reihenfolge'));
    expect(list).toMatch(/0\nKopf \(Gastgeber\)\nDr\. Petra Hovestadt\nOberbürgermeisterin/);
    expect(list).toMatch(/1\nrechts vom Gastgeber\nHelen Pendleton \(Ehrengast\)\nLord Mayor of Portsmouth/);
    expect(list).toMatch(/2\ngegenüber \(Fußende\)\nGülşen Arslan\nBürgermeisterin/);
    expect(list).toMatch(/3\nlinks vom Gastgeber\nEleanor Whitcombe\nBotschafterin/);
    expect(text).not.toContain('Tischkarten');

    const withCards = await call(app.handlers, 'seating.document', { visitId: visit.id, placeCards: true });
    const cards = documentText(new Uint8Array(Buffer.from(withCards.contentBase64, 'base64'))).body;
    expect(cards.slice(cards.indexOf('Tischkarten'))).toContain('Graham Pendleton');
  });
});
