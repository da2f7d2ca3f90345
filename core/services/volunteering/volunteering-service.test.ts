import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, citizens, volunteerEnquiries } from '../../../db/schema';
import { call, dispatch, type CitizenInput } from '../../api';
import { createTempApp } from '../../../tests/support/temp-app';
import { normaliseFields } from './volunteering-service';
import { errorOf } from '../../../tests/support/api-result';

let app: ReturnType<typeof createTempApp>;
beforeEach(() => {
  app = createTempApp({ now: () => new Date('2026-11-27T09:00:00Z') });
});
afterEach(() => app.cleanup());

const organisation = (name: string, more: Record<string, string> = {}) => call(app.handlers, 'contacts.create', { kind: 'organisation', name, city: 'Duisburg', ...more });

const JONAS: CitizenInput = { gender: 'male', givenName: 'Jonas', surname: 'Brackelmann', email: 'jonas.brackelmann@example.org', phone: '0203 555 0101' };

async function offers() {
  const sport = await organisation('Schwimmverein Wedau-Süd 1921 e. V.', { street: 'Am Wasserturm', houseNumber: '2', postcode: '47279', email: 'jugend@sv-wedau-sued.example.org' });
  const tafel = await organisation('Nachbarschaftshilfe Neumühl e. V.', { phone: '0203 555 0199' });
  const chor = await organisation('Stadtteilchor Buchholz e. V.');
  const swim = await call(app.handlers, 'volunteering.offers.save', { organisationId: sport.id, field: 'Sport', description: 'Helferinnen und Helfer beim Kinderschwimmen' });
  const youth = await call(app.handlers, 'volunteering.offers.save', { organisationId: sport.id, field: 'kinder und jugend', description: 'Betreuung von Ferienfreizeiten' });
  const shopping = await call(app.handlers, 'volunteering.offers.save', { organisationId: tafel.id, field: 'Soziales', description: 'Einkaufshilfe für ältere Nachbarinnen und Nachbarn' });
  const singing = await call(app.handlers, 'volunteering.offers.save', { organisationId: chor.id, field: 'Kultur', description: 'Organisation der Konzerte', active: false });
  return { sport, tafel, chor, swim, youth, shopping, singing };
}

describe('volunteering offers', () => {
  it('lists the active offers grouped by field, with how to reach the organisation', async () => {
    const o = await offers();
    expect(o.youth.field).toBe('Kinder und Jugend');
    expect(o.swim).toMatchObject({
      organisation: 'Schwimmverein Wedau-Süd 1921 e. V.',
      reach: 'Am Wasserturm 2, 47279 Duisburg · jugend@sv-wedau-sued.example.org',
      active: true,
      referrals: 0,
    });
    const groups = await call(app.handlers, 'volunteering.offers', {});
    expect(groups.map((g) => [g.field, g.offers.map((x) => x.organisation)])).toEqual([
      ['Kinder und Jugend', ['Schwimmverein Wedau-Süd 1921 e. V.']],
      ['Soziales', ['Nachbarschaftshilfe Neumühl e. V.']],
      ['Sport', ['Schwimmverein Wedau-Süd 1921 e. V.']],
    ]);
    const all = await call(app.handlers, 'volunteering.offers', { includeInactive: true });
    expect(all.map((g) => g.field)).toEqual(['Kinder und Jugend', 'Kultur', 'Soziales', 'Sport']);
  });

  it('takes only organisations; offers can be changed and deleted', async () => {
    const person = await call(app.handlers, 'contacts.create', { kind: 'person', gender: 'female', givenName: 'Helga', surname: 'Rosendahl' });
    const refused = await errorOf(dispatch(app.handlers, 'volunteering.offers.save', { organisationId: person.id, field: 'Sport' }));
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: '„Helga Rosendahl“ ist eine Person, keine Organisation. Bitte eine Organisation aus den Kontakten wählen.' });
    const noField = await errorOf(dispatch(app.handlers, 'volunteering.offers.save', { organisationId: person.id, field: ' ' }));
    expect(noField?.message).toContain('Bitte den Bereich angeben.');

    const o = await offers();
    const changed = await call(app.handlers, 'volunteering.offers.save', { id: o.swim.id, revision: o.swim.revision, organisationId: o.sport.id, field: 'Sport', description: 'Übungsleitung Aquafitness', active: false });
    expect(changed).toMatchObject({ id: o.swim.id, description: 'Übungsleitung Aquafitness', active: false });
    expect(await call(app.handlers, 'volunteering.offers.delete', { id: o.shopping.id, revision: o.shopping.revision })).toEqual({ id: o.shopping.id });
    expect((await call(app.handlers, 'volunteering.offers', {})).map((g) => g.field)).toEqual(['Kinder und Jugend']);
    const audit = app.db.select().from(auditLog).where(eq(auditLog.entity, 'volunteer_offer')).all();
    expect(audit.filter((a) => a.action !== 'create').map((a) => [a.action, a.entityId, a.summary])).toEqual([
      ['update', o.swim.id, 'Sport: Schwimmverein Wedau-Süd 1921 e. V.'],
      ['delete', o.shopping.id, 'Soziales: Nachbarschaftshilfe Neumühl e. V.'],
    ]);
  });
});

describe('volunteering enquiries', () => {
  it('records an enquiry with the person, interests and fields; proposes the matching offers', async () => {
    const o = await offers();
    const enquiry = await call(app.handlers, 'volunteering.enquiries.save', {
      citizen: JONAS,
      receivedOn: '2026-11-25',
      interests: 'Möchte gern mit Kindern arbeiten, am liebsten am Wochenende; war früher Rettungsschwimmer.',
      fields: ['sport ', 'Kinder und Jugend', 'SPORT', 'Kultur'],
    });
    expect(enquiry).toMatchObject({
      citizen: { displayName: 'Jonas Brackelmann', email: 'jonas.brackelmann@example.org' },
      fields: ['Sport', 'Kinder und Jugend', 'Kultur'],
      outcome: 'offen',
      organisationId: null,
      referredOn: null,
      anonymised: false,
    });
    // Inactive offers (the choir's) are not proposed.
    const matching = await call(app.handlers, 'volunteering.offers.matching', { enquiryId: enquiry.id });
    expect(matching.map((g) => [g.field, g.offers.map((x) => x.id)])).toEqual([
      ['Kinder und Jugend', [o.youth.id]],
      ['Sport', [o.swim.id]],
    ]);
    // A dialog not yet saved asks with its fields.
    const unsaved = await call(app.handlers, 'volunteering.offers.matching', { fields: ['soziales'] });
    expect(unsaved.flatMap((g) => g.offers.map((x) => x.id))).toEqual([o.shopping.id]);
  });

  it('refers to an organisation (dated today), counts the referral; „vermittelt“ needs the organisation', async () => {
    const o = await offers();
    const enquiry = await call(app.handlers, 'volunteering.enquiries.save', { citizen: JONAS, receivedOn: '2026-11-25', fields: ['Sport'] });
    const noOrganisation = await errorOf(dispatch(app.handlers, 'volunteering.enquiries.save', { ...enquiry, outcome: 'vermittelt' }));
    expect(noOrganisation).toMatchObject({ code: 'INVALID_INPUT', message: 'Vermittelt an wen? Bitte die Organisation angeben, an die die Person vermittelt wurde.' });

    const referred = await call(app.handlers, 'volunteering.enquiries.save', {
      ...enquiry,
      // As the dialog sends it: the known person with her or his id.
      citizen: { ...enquiry.citizen!, phone: '0203 555 0102' },
      organisationId: o.sport.id,
      outcome: 'vermittelt',
      notes: 'Probetraining am Samstag vereinbart.',
    });
    expect(referred).toMatchObject({
      organisation: 'Schwimmverein Wedau-Süd 1921 e. V.',
      referredOn: '2026-11-27',
      outcome: 'vermittelt',
      citizen: { id: enquiry.citizen!.id, phone: '0203 555 0102' },
    });
    // The same person, updated (not a second one).
    expect(app.db.select().from(citizens).all()).toHaveLength(1);
    expect(await call(app.handlers, 'volunteering.enquiries.get', { id: enquiry.id })).toEqual(referred);
    const swim = (await call(app.handlers, 'volunteering.offers', {})).find((g) => g.field === 'Sport')!.offers[0];
    expect(swim.referrals).toBe(1);

    const person = await call(app.handlers, 'contacts.create', { kind: 'person', gender: 'male', givenName: 'Till', surname: 'Averdung' });
    const notOrganisation = await errorOf(dispatch(app.handlers, 'volunteering.enquiries.save', { citizen: JONAS, receivedOn: '2026-11-25', organisationId: person.id }));
    expect(notOrganisation?.code).toBe('INVALID_INPUT');

    // No personal data in the audit log.
    const audit = app.db.select().from(auditLog).where(eq(auditLog.entity, 'volunteer_enquiry')).orderBy(auditLog.id).all();
    expect(audit.map((a) => a.summary)).toEqual(['Sport: offen', 'Sport: vermittelt']);
  });

  it('lists open enquiries first, then the newest; filters by outcome', async () => {
    const a = await call(app.handlers, 'volunteering.enquiries.save', { citizen: JONAS, receivedOn: '2026-10-01', outcome: 'kein_angebot' });
    const b = await call(app.handlers, 'volunteering.enquiries.save', { citizen: { surname: 'Terlinden', givenName: 'Ruth' }, receivedOn: '2026-09-01' });
    const c = await call(app.handlers, 'volunteering.enquiries.save', { citizen: { surname: 'Hüsken', givenName: 'Ali' }, receivedOn: '2026-11-01', outcome: 'zurueckgezogen' });
    expect((await call(app.handlers, 'volunteering.enquiries', {})).map((e) => e.id)).toEqual([b.id, c.id, a.id]);
    expect((await call(app.handlers, 'volunteering.enquiries', { outcome: 'kein_angebot' })).map((e) => e.id)).toEqual([a.id]);
  });

  it('an enquiry whose personal data was erased is not edited any more', async () => {
    const enquiry = await call(app.handlers, 'volunteering.enquiries.save', { citizen: JONAS, receivedOn: '2026-11-25', fields: ['Sport'] });
    app.db.update(volunteerEnquiries).set({ citizenId: null, interests: '', anonymisedAt: '2026-11-27T09:00:00.000Z' }).where(eq(volunteerEnquiries.id, enquiry.id)).run();
    expect(await call(app.handlers, 'volunteering.enquiries.get', { id: enquiry.id })).toMatchObject({ citizen: null, anonymised: true, fields: ['Sport'] });
    const refused = await errorOf(dispatch(app.handlers, 'volunteering.enquiries.save', { ...enquiry, citizen: JONAS }));
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'Die persönlichen Angaben dieser Anfrage wurden gelöscht (Datenschutz); sie kann nicht mehr bearbeitet werden.' });
  });
});

describe('normaliseFields', () => {
  it.each([
    [['Sport', 'sport', ' Sport '], ['Sport']],
    [['seniorinnen und senioren'], ['Seniorinnen und Senioren']],
    [['Stadtteilgärten', 'STADTTEILGAERTEN'], ['Stadtteilgärten']],
    [['', '  '], []],
  ])('%j → %j', (input, expected) => {
    expect(normaliseFields(input)).toEqual(expected);
  });
});
