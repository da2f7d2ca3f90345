import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema';
import { call, dispatch, type PatronageInput } from '../../api';
import { documentText } from '../../documents/docx-template';
import { createTempApp } from '../../../tests/support/temp-app';
import { eventDatesInWords } from './patronages-service';
import { errorOf } from '../../../tests/support/api-result';

let app: ReturnType<typeof createTempApp>;
beforeEach(async () => {
  app = createTempApp({ now: () => new Date('2026-11-27T23:30:00Z') });
  await call(app.handlers, 'demo.load', {});
});
afterEach(() => app.cleanup());

const ALL_MET = { publicBenefit: true, cityRelevance: true, noCommercialPurpose: true, politicalNeutrality: true };

async function setup() {
  const signers = await call(app.handlers, 'signers.list', {});
  const head = signers.find((s) => !s.deputy)!;
  const deputy = signers.find((s) => s.deputy)!;
  const verein = await call(app.handlers, 'contacts.create', {
    kind: 'organisation',
    name: 'Förderverein Jugendsport Meiderich-Ost e. V.',
    street: 'Am Sportplatz',
    houseNumber: '4',
    postcode: '47137',
    city: 'Duisburg',
  });
  return { head, deputy, verein };
}

const request = (more: Partial<PatronageInput> = {}): PatronageInput => ({
  event: 'Kinder- und Jugendsporttag am Kaiserberg',
  eventFrom: '2027-06-12',
  receivedOn: '2026-11-20',
  ...more,
});

describe('patronages.save', () => {
  it('records a request of an organisation contact: its name, the patron, the criteria checklist', async () => {
    const { head, verein } = await setup();
    const saved = await call(app.handlers, 'patronages.save', request({ organisationId: verein.id, patronId: head.id, place: 'Sportpark Wedau' }));
    expect(saved).toMatchObject({
      organisationId: verein.id,
      organisationName: 'Förderverein Jugendsport Meiderich-Ost e. V.',
      organisation: 'Förderverein Jugendsport Meiderich-Ost e. V.',
      patron: 'Dr. Petra Hovestadt, Oberbürgermeisterin',
      criteria: { publicBenefit: null, cityRelevance: null, noCommercialPurpose: null, politicalNeutrality: null },
      criteriaMet: false,
      decision: 'offen',
      decidedOn: null,
      replyLetterId: null,
    });
    const updated = await call(app.handlers, 'patronages.save', { ...saved, patronId: null, criteria: ALL_MET, notes: 'Telefonat mit dem Vorstand' });
    expect(updated).toMatchObject({ id: saved.id, criteriaMet: true, notes: 'Telefonat mit dem Vorstand', patron: null });
    expect(await call(app.handlers, 'patronages.get', { id: saved.id })).toEqual(updated);

    const audit = app.db.select().from(auditLog).where(and(eq(auditLog.entity, 'patronage'), eq(auditLog.entityId, saved.id))).all();
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([
      ['create', saved.id],
      ['update', saved.id],
    ]);
  });

  it('takes a free organisation name without a contact, and asks for one when neither is given', async () => {
    const saved = await call(app.handlers, 'patronages.save', request({ organisationName: 'Initiative Lesepaten Hochfeld' }));
    expect(saved).toMatchObject({ organisationId: null, organisation: 'Initiative Lesepaten Hochfeld' });

    const missing = await errorOf(dispatch(app.handlers, 'patronages.save', request()));
    expect(missing).toMatchObject({ code: 'INVALID_INPUT', message: 'Bitte die anfragende Organisation angeben (Kontakt oder Name).' });
    const noEvent = await errorOf(dispatch(app.handlers, 'patronages.save', request({ organisationName: 'X', event: ' ' })));
    expect(noEvent?.message).toContain('Bitte die Veranstaltung angeben.');
    const backwards = await errorOf(dispatch(app.handlers, 'patronages.save', request({ organisationName: 'X', eventTo: '2027-06-10' })));
    expect(backwards?.message).toBe('Das Ende der Veranstaltung liegt vor ihrem Beginn.');
  });

  it('refuses links that do not exist, with German messages', async () => {
    const before = await call(app.handlers, 'patronages.list', {});
    const cases: Array<[Partial<PatronageInput>, string]> = [
      [{ organisationId: 9999 }, 'Der Kontakt Nr. 9999 wurde nicht gefunden.'],
      [{ organisationName: 'X', patronId: 9999 }, 'Die unterzeichnende Person (Schirmherr/in) Nr. 9999 wurde nicht gefunden.'],
      [{ organisationName: 'X', speechId: 9999 }, 'Die Rede bzw. das Grußwort Nr. 9999 wurde nicht gefunden.'],
      [{ organisationName: 'X', appointmentId: 9999 }, 'Der Termin Nr. 9999 wurde nicht gefunden.'],
      [
        // An update names every field (see core/api/record-inputs.ts).
        { organisationId: null, organisationName: 'X', eventTo: null, place: '', patronId: null, speechId: null, appointmentId: null, notes: '', criteria: ALL_MET, id: 9999, revision: 1 },
        'Die Schirmherrschaft Nr. 9999 wurde nicht gefunden.',
      ],
    ];
    for (const [more, message] of cases) {
      expect(await errorOf(dispatch(app.handlers, 'patronages.save', request(more)))).toMatchObject({ code: 'NOT_FOUND', message });
    }
    expect(await call(app.handlers, 'patronages.list', {})).toEqual(before);
  });

  it('links a Grußwort and an appointment', async () => {
    const [ob] = await call(app.handlers, 'calendar.calendars', {});
    const { appointment } = await call(app.handlers, 'calendar.appointments.save', {
      calendarId: ob.id,
      title: 'Kinder- und Jugendsporttag',
      start: '2027-06-12T10:00',
      end: '2027-06-12T12:00',
    });
    const speech = await call(app.handlers, 'speeches.save', { title: 'Grußwort zum Jugendsporttag', kind: 'grusswort_schriftlich' });
    const saved = await call(app.handlers, 'patronages.save', request({ organisationName: 'Stadtsportbund Duisburg', speechId: speech.id, appointmentId: appointment.id }));
    expect(saved).toMatchObject({ speechId: speech.id, appointmentId: appointment.id });
  });
});

describe('patronages.decide', () => {
  it('refuses to take on a patronage whose criteria are not all met, naming them', async () => {
    const { verein } = await setup();
    const saved = await call(app.handlers, 'patronages.save', request({ organisationId: verein.id, criteria: { ...ALL_MET, noCommercialPurpose: false, politicalNeutrality: null } }));
    const refused = await errorOf(dispatch(app.handlers, 'patronages.decide', { id: saved.id, revision: saved.revision, decision: 'uebernommen' }));
    expect(refused).toMatchObject({ code: 'INVALID_INPUT' });
    expect(refused?.message).toBe(
      'Die Schirmherrschaft kann nur übernommen werden, wenn alle Kriterien erfüllt sind – nicht erfüllt: „kein kommerzieller Zweck“; ' +
        'nicht geprüft: „parteipolitische Neutralität“. Soll sie dennoch übernommen werden, begründen Sie die Ausnahme bitte unter „Begründung“.',
    );
    expect((await call(app.handlers, 'patronages.get', { id: saved.id })).decision).toBe('offen');
  });

  it('takes it on as an exception when reasons are given', async () => {
    const { verein } = await setup();
    const saved = await call(app.handlers, 'patronages.save', request({ organisationId: verein.id, criteria: { ...ALL_MET, noCommercialPurpose: false } }));
    const reasons = 'Der Erlös der Tombola geht vollständig an die Jugendarbeit; Ausnahme nach Rücksprache mit der Oberbürgermeisterin.';
    const decided = await call(app.handlers, 'patronages.decide', { id: saved.id, revision: saved.revision, decision: 'uebernommen', reasons });
    expect(decided.patronage).toMatchObject({ decision: 'uebernommen', reasons, criteriaMet: false });
  });

  it('takes on a patronage: Berlin date, reply draft "Schirmherrschaft-Zusage" signed by the Oberbürgermeisterin, letter and link', async () => {
    const { head, verein } = await setup();
    const saved = await call(app.handlers, 'patronages.save', request({ organisationId: verein.id, criteria: ALL_MET }));
    const decided = await call(app.handlers, 'patronages.decide', { id: saved.id, revision: saved.revision, decision: 'uebernommen' });
    // 23:30 UTC on 27 November is already the 28th in Duisburg.
    expect(decided.patronage).toMatchObject({ decision: 'uebernommen', decidedOn: '2026-11-28', reasons: '' });
    expect(decided.reply).toMatchObject({
      templateId: 'schirmherrschaft-zusage',
      signerId: head.id,
      recipient: { type: 'contact', contactId: verein.id },
      fields: { anlass: 'Kinder- und Jugendsporttag am Kaiserberg', anlassDatum: '2027-06-12' },
    });

    const letter = await call(app.handlers, 'letters.create', decided.reply!);
    expect(letter.subject).toBe('Schirmherrschaft für „Kinder- und Jugendsporttag am Kaiserberg“ am 12. Juni 2027');
    expect(letter.signerName).toBe('Dr. Petra Hovestadt');
    const text = documentText(new Uint8Array(Buffer.from((await call(app.handlers, 'letters.file', { id: letter.id })).contentBase64, 'base64'))).body;
    expect(text).toContain('Förderverein Jugendsport Meiderich-Ost e. V.');
    expect(text).toContain('Gern übernehme ich die Schirmherrschaft für „Kinder- und Jugendsporttag am Kaiserberg“ am 12. Juni 2027.');
    expect(text).toContain('Bitte senden Sie mir das Programm der Veranstaltung');
    expect(text).not.toContain('{{');

    const linked = await call(app.handlers, 'patronages.linkReply', { id: saved.id, revision: decided.patronage.revision, letterId: letter.id });
    expect(linked.replyLetterId).toBe(letter.id);
    const audit = app.db.select().from(auditLog).where(and(eq(auditLog.entity, 'patronage'), eq(auditLog.entityId, saved.id))).all();
    expect(audit.map((a) => a.action)).toEqual(['create', 'decide', 'link-reply']);
  });

  it('declines: "Schirmherrschaft-Absage" signed by the patron, with the dates of a multi-day event in words', async () => {
    const { deputy, verein } = await setup();
    const saved = await call(app.handlers, 'patronages.save', request({ organisationId: verein.id, patronId: deputy.id, eventFrom: '2027-06-30', eventTo: '2027-07-02' }));
    const decided = await call(app.handlers, 'patronages.decide', { id: saved.id, revision: saved.revision, decision: 'abgelehnt', reasons: 'Kommerzielle Messe' });
    expect(decided.patronage).toMatchObject({ decision: 'abgelehnt', reasons: 'Kommerzielle Messe', decidedOn: '2026-11-28' });
    expect(decided.reply).toMatchObject({ templateId: 'schirmherrschaft-absage', signerId: deputy.id });
    const letter = await call(app.handlers, 'letters.create', decided.reply!);
    expect(letter.subject).toBe('Schirmherrschaft für „Kinder- und Jugendsporttag am Kaiserberg“ vom 30. Juni bis 2. Juli 2027');
    const text = documentText(new Uint8Array(Buffer.from((await call(app.handlers, 'letters.file', { id: letter.id })).contentBase64, 'base64'))).body;
    expect(text).toContain('die Schirmherrschaft für „Kinder- und Jugendsporttag am Kaiserberg“ vom 30. Juni bis 2. Juli 2027 zu übernehmen');
    expect(text).toContain('nur nach festen Grundsätzen');
    expect(letter.signerName).toBe('Volker Sandmann');
  });

  it('prepares no reply without an organisation contact; refuses unknown requests and letters', async () => {
    const saved = await call(app.handlers, 'patronages.save', request({ organisationName: 'Initiative Lesepaten Hochfeld' }));
    const decided = await call(app.handlers, 'patronages.decide', { id: saved.id, revision: saved.revision, decision: 'abgelehnt' });
    expect(decided.reply).toBeNull();
    expect(await errorOf(dispatch(app.handlers, 'patronages.decide', { id: 9999, revision: 1, decision: 'abgelehnt' }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Die Schirmherrschaft Nr. 9999 wurde nicht gefunden.',
    });
    expect(await errorOf(dispatch(app.handlers, 'patronages.decide', { id: saved.id, revision: saved.revision, decision: 'offen' }))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await errorOf(dispatch(app.handlers, 'patronages.linkReply', { id: saved.id, revision: decided.patronage.revision, letterId: 9999 }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Der Brief Nr. 9999 wurde nicht gefunden.',
    });
  });
});

describe('patronages.list', () => {
  it('lists open requests first, then by event date, and filters by decision', async () => {
    const make = (event: string, eventFrom: string) => call(app.handlers, 'patronages.save', request({ organisationName: 'Bürgerstiftung Rheinhausen', event, eventFrom }));
    const late = await make('Herbstlauf', '2027-09-05');
    const early = await make('Frühlingskonzert', '2027-03-21');
    const decided = await make('Neujahrsempfang', '2027-01-10');
    await call(app.handlers, 'patronages.decide', { id: decided.id, revision: decided.revision, decision: 'abgelehnt' });
    // The demo office has requests of its own: look at these three.
    const mine = async (decision?: 'offen' | 'abgelehnt') =>
      (await call(app.handlers, 'patronages.list', decision ? { decision } : {})).filter((p) => p.organisation === 'Bürgerstiftung Rheinhausen');
    expect((await mine()).map((p) => p.event)).toEqual(['Frühlingskonzert', 'Herbstlauf', 'Neujahrsempfang']);
    expect((await mine('offen')).map((p) => p.id)).toEqual([early.id, late.id]);
    expect((await mine('abgelehnt')).map((p) => p.id)).toEqual([decided.id]);
    expect((await call(app.handlers, 'patronages.list', { decision: 'abgelehnt' })).every((p) => p.decision === 'abgelehnt')).toBe(true);
  });
});

describe('eventDatesInWords', () => {
  it.each([
    ['2027-06-05', null, 'am 5. Juni 2027'],
    ['2027-06-05', '2027-06-05', 'am 5. Juni 2027'],
    ['2027-06-05', '2027-06-07', 'vom 5. bis 7. Juni 2027'],
    ['2027-06-30', '2027-07-02', 'vom 30. Juni bis 2. Juli 2027'],
    ['2027-12-30', '2028-01-02', 'vom 30. Dezember 2027 bis 2. Januar 2028'],
  ])('%s – %s: %s', (from, to, words) => {
    expect(eventDatesInWords(from, to)).toBe(words);
  });
});
