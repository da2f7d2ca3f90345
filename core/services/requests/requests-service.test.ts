import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open';
import { call, dispatch, type RequestInput } from '../../api';
import { documentText } from '../../documents/docx-template';
import { createTempApp, openOtherOfficePc, openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';
import { requestIndexSync } from './requests-service';
import { errorOf } from '../../../tests/support/api-result';

let app: Awaited<ReturnType<typeof openTempApp>>;
/** The SQLite file's handle, for the cases that write rows around the services (SQLite runs only). */
const sqliteOf = (opened: typeof app): Db => (opened as unknown as { db: Db }).db;
/** The injected clock: tests move it forward to let deadlines pass. */
let now: Date;
const setToday = (isoDate: string) => {
  now = new Date(`${isoDate}T09:00:00Z`);
};


/** Signers (fictional), the office's contact person and two departments. */
async function setup() {
  const head = await call(app.handlers, 'signers.save', { name: 'Dr. Petra Hovestadt', gender: 'female', office: 'Oberbürgermeisterin', deputy: false, sortOrder: 0 });
  const deputy = await call(app.handlers, 'signers.save', { name: 'Volker Sandmann', gender: 'male', office: 'Bürgermeister', deputy: true, sortOrder: 1 });
  const office = await call(app.handlers, 'settings.office.get', {});
  await call(app.handlers, 'settings.office.update', {
    ...office,
    contactPersons: [{ name: 'Herr Yıldız', phone: '0203 283-4712', email: 'buergerdialog@stadt-duisburg.example' }],
  });
  const roads = await call(app.handlers, 'requests.departments.save', { name: 'Amt für Straßenbau und Verkehr (66)', email: 'strassenbau@stadt-duisburg.example' });
  const parks = await call(app.handlers, 'requests.departments.save', { name: 'Grünflächenamt (67)', email: 'gruen@stadt-duisburg.example', sortOrder: 1 });
  return { head, deputy, roads, parks };
}

const KAYA = {
  gender: 'female' as const,
  givenName: 'Ayşe',
  surname: 'Kaya',
  street: 'Königstraße',
  houseNumber: '12',
  postcode: '47051',
  city: 'Duisburg',
  email: 'ayse.kaya@example.org',
};

const lantern = (more: Partial<RequestInput> = {}): RequestInput => ({
  kind: 'beschwerde',
  channel: 'brief',
  citizen: KAYA,
  subject: 'Defekte Straßenlaterne',
  text: 'Seit drei Wochen ist die Straßenlaterne vor meinem Haus ausgefallen. Abends ist der Gehweg völlig dunkel.',
  category: 'Verkehr und Straßen',
  district: 'Mitte',
  place: 'Königstraße 12',
  receivedOn: '2026-11-23',
  ...more,
});

const auditOf = (entity: string, action?: string) => {
  const { db, t } = app.engine;
  const { auditLog } = t;
  return db
    .select()
    .from(auditLog)
    .where(action ? and(eq(auditLog.entity, entity), eq(auditLog.action, action)) : eq(auditLog.entity, entity))
    .orderBy(asc(auditLog.id));
};
/** The revision a request is stored at now: what a form freshly loaded holds (read without recording a view). */
const revisionOf = async (id: number): Promise<number> => {
  const { db, t } = app.engine;
  const [row] = await db.select({ revision: t.citizenRequests.revision }).from(t.citizenRequests).where(eq(t.citizenRequests.id, id));
  return row!.revision;
};
describe.each(ENGINES)('requests on %s', (kind) => {
  beforeEach(async () => {
    setToday('2026-11-27'); // a Friday
    app = await openTempApp(kind, { label: 'requests_service', now: () => now });
  }, 60_000);
  afterEach(async () => app.cleanup());

  describe('recording a request', () => {
    it('creates the person and the request, records who did it, and every view of it', async () => {
      const saved = await call(app.handlers, 'requests.save', lantern());
      expect(saved).toMatchObject({
        kind: 'beschwerde',
        status: 'eingegangen',
        citizen: { givenName: 'Ayşe', surname: 'Kaya', displayName: 'Ayşe Kaya', email: 'ayse.kaya@example.org' },
        overdue: false,
        followUpDue: false,
        anonymised: false,
        nextSteps: ['acknowledge', 'start', 'forward', 'noStatement'],
      });
      expect(await call(app.handlers, 'requests.history', { id: saved.id })).toEqual([
        { at: '2026-11-27T09:00:00.000Z', user: 'test', action: 'Anliegen erfasst', status: 'eingegangen', note: 'Beschwerde, Brief' },
      ]);

      // DSGVO: every view recorded (who, when).
      expect(await auditOf('request', 'view')).toHaveLength(0);
      await call(app.handlers, 'requests.get', { id: saved.id });
      setToday('2026-11-28');
      await call(app.handlers, 'requests.get', { id: saved.id });
      expect((await auditOf('request', 'view')).map((a) => [a.user, a.at, a.entityId])).toEqual([
        ['test', '2026-11-27T09:00:00.000Z', saved.id],
        ['test', '2026-11-28T09:00:00.000Z', saved.id],
      ]);
      expect((await auditOf('request', 'create')).map((a) => a.entityId)).toEqual([saved.id]);
      expect(await auditOf('citizen', 'create')).toHaveLength(1);

      // Changes: recorded as 'update', the history names what changed.
      const changed = await call(app.handlers, 'requests.save', { ...saved, citizen: { ...saved.citizen!, phone: '0203 555 01' }, place: 'Königstraße 14' });
      expect(changed.place).toBe('Königstraße 14');
      expect(changed.citizen).toMatchObject({ id: saved.citizen!.id, phone: '0203 555 01' });
      expect((await call(app.handlers, 'requests.history', { id: saved.id })).at(-1)).toMatchObject({ action: 'Angaben geändert', note: 'Ort, Angaben zur Person' });
      expect(await auditOf('request', 'update')).toHaveLength(1);
      expect(await auditOf('citizen', 'update')).toHaveLength(1);
    });

    it('refuses a date of receipt in the future and an unknown event; takes anonymous requests', async () => {
      const future = await errorOf(dispatch(app.handlers, 'requests.save', lantern({ receivedOn: '2026-11-28' })));
      expect(future).toMatchObject({ code: 'INVALID_INPUT', message: 'Das Eingangsdatum (28. November 2026) liegt in der Zukunft.' });
      const event = await errorOf(dispatch(app.handlers, 'requests.save', lantern({ eventId: 99 })));
      expect(event).toMatchObject({ code: 'NOT_FOUND', message: 'Die Veranstaltung Nr. 99 wurde nicht gefunden.' });
      const noSubject = await errorOf(dispatch(app.handlers, 'requests.save', lantern({ subject: ' ' })));
      expect(noSubject?.message).toContain('Bitte einen Betreff angeben.');
      const anonymous = await call(app.handlers, 'requests.save', lantern({ citizen: null }));
      expect(anonymous).toMatchObject({ citizen: null, nextSteps: ['start', 'forward', 'noStatement', 'close'] });
    });

    it('finds known citizens by folded name or e-mail', async () => {
      await call(app.handlers, 'requests.save', lantern());
      await call(app.handlers, 'requests.save', lantern({ citizen: { gender: 'male', givenName: 'Jürgen', surname: 'Weißmüller', email: 'j.weissmueller@example.com' } }));
      const names = async (text: string) => (await call(app.handlers, 'citizens.search', { text })).map((c) => c.displayName);
      expect(await names('kaya')).toEqual(['Ayşe Kaya']);
      expect(await names('Ayse Kaya')).toEqual(['Ayşe Kaya']);
      expect(await names('WEISSMÜLLER')).toEqual(['Jürgen Weißmüller']);
      expect(await names('weissmueller jue')).toEqual(['Jürgen Weißmüller']);
      expect(await names('AYSE.KAYA@EXAMPLE')).toEqual(['Ayşe Kaya']);
      expect(await names('Beispiel')).toEqual([]);
    });
  });

  describe('the workflow through the handlers', () => {
    it('from receipt to answer: acknowledgement letter, forwarding with deadline, overdue, reminder, statement, reply in deputy, closing', async () => {
      const { head, deputy, roads } = await setup();
      const { id } = await call(app.handlers, 'requests.save', lantern());

      // Acknowledgement by letter: a draft of the new template, addressed by the addressing engine, signed by the Oberbürgermeisterin.
      const ack = await call(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'acknowledge', via: 'brief' });
      expect(ack.request).toMatchObject({ status: 'bestaetigt', acknowledgedOn: '2026-11-27' });
      expect(ack.email).toBeNull();
      expect(ack.letter).toMatchObject({
        templateId: 'eingangsbestaetigung',
        signerId: head.id,
        fields: { anlassDatum: '2026-11-23' },
        recipient: { type: 'free', name: 'Ayşe Kaya', lines: ['Frau Ayşe Kaya', 'Königstraße 12', '47051 Duisburg'], salutation: 'Sehr geehrte Frau Kaya' },
      });
      const ackLetter = await call(app.handlers, 'letters.create', ack.letter!);
      const ackText = documentText((await app.files.get(ackLetter.file))!).body;
      expect(ackText).toContain('Sehr geehrte Frau Kaya,');
      expect(ackText).toContain('Ihr Anliegen vom 23. November 2026');
      expect(ackText).toContain('Dr. Petra Hovestadt');

      // No answer before a statement was asked for.
      const early = await errorOf(dispatch(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'answer', signerId: head.id }));
      expect(early).toMatchObject({
        code: 'CONFLICT',
        message: 'Vor der Antwort bitte den zuständigen Fachbereich um eine Stellungnahme bitten – oder vermerken, dass keine Stellungnahme nötig ist (mit Begründung).',
      });

      // Forwarding: ten working days → Friday 11 December; the e-mail to the department.
      const forwarded = await call(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'forward', departmentId: roads.id, note: 'Bitte auch die Nachbarlaterne prüfen.' });
      expect(forwarded.request).toMatchObject({
        status: 'weitergeleitet',
        department: 'Amt für Straßenbau und Verkehr (66)',
        statementRequestedOn: '2026-11-27',
        statementDue: '2026-12-11',
        overdue: false,
        nextSteps: ['forward', 'remind', 'statement', 'noStatement'],
      });
      expect(forwarded.email).toMatchObject({
        to: 'strassenbau@stadt-duisburg.example',
        subject: `Bitte um Stellungnahme bis 11. Dezember 2026: Defekte Straßenlaterne (Anliegen Nr. ${id})`,
      });
      expect(forwarded.email!.text).toContain('an Oberbürgermeisterin Dr. Petra Hovestadt hat sich Frau Ayşe Kaya mit dem folgenden Anliegen gewandt (eingegangen am 23. November 2026, per Brief):');
      expect(forwarded.email!.text).toContain('Ort: Königstraße 12');
      expect(forwarded.email!.text).toContain('Hinweis: Bitte auch die Nachbarlaterne prüfen.');
      expect(forwarded.email!.text).toContain('Wir bitten Sie um eine Stellungnahme bis zum 11. Dezember 2026.');
      expect(forwarded.email!.text).not.toContain('{{');
      const pending = await errorOf(dispatch(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'answer', signerId: head.id }));
      expect(pending?.message).toBe('Die Stellungnahme des Fachbereichs steht noch aus (Frist bis 11. Dezember 2026). Bitte erst die Stellungnahme eintragen – oder vermerken, dass keine nötig ist.');

      // The deadline day itself is not overdue; the day after is.
      setToday('2026-12-11');
      expect((await call(app.handlers, 'requests.get', { id })).overdue).toBe(false);
      setToday('2026-12-14');
      expect((await call(app.handlers, 'requests.get', { id })).overdue).toBe(true);
      const attention = await call(app.handlers, 'requests.list', { attention: true });
      expect(attention.items.map((r) => [r.id, r.overdue])).toEqual([[id, true]]);

      // The reminder names the original request date and the deadline.
      const reminded = await call(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'remind' });
      expect(reminded.request).toMatchObject({ status: 'weitergeleitet', remindedOn: '2026-12-14' });
      expect(reminded.email).toMatchObject({ to: 'strassenbau@stadt-duisburg.example' });
      expect(reminded.email!.subject).toContain('Erinnerung');
      expect(reminded.email!.text).toContain('am 27. November 2026 hatten wir Sie um eine Stellungnahme zum Anliegen „Defekte Straßenlaterne“ gebeten, das am 23. November 2026 eingegangen ist');
      expect(reminded.email!.text).toContain('Die Frist dafür war der 11. Dezember 2026');

      // The statement; then the reply, proposed with the statement's text, signed in deputy.
      const statementText = 'Die Laterne wurde am 15. Dezember 2026 repariert. Die Nachbarlaterne war in Ordnung.';
      const early2 = await errorOf(dispatch(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'statement', receivedOn: '2026-11-26', text: statementText }));
      expect(early2?.message).toBe('Die Stellungnahme kann nicht vor der Bitte darum (27. November 2026) eingegangen sein.');
      const statement = await call(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'statement', receivedOn: '2026-12-14', text: statementText });
      expect(statement.request).toMatchObject({ status: 'stellungnahme', statementReceivedOn: '2026-12-14', overdue: false, nextSteps: ['forward', 'answer', 'replied'] });

      const answer = await call(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'answer', signerId: deputy.id });
      expect(answer.request.status).toBe('stellungnahme');
      expect(answer.letter).toMatchObject({ templateId: 'buergeranliegen', signerId: deputy.id, subject: 'Ihr Schreiben vom {{anlass_datum}}' });
      const paragraphs = answer.letter!.body!.split('\n\n');
      expect(paragraphs[0]).toMatch(/^vielen Dank für Ihr Schreiben vom \{\{anlass_datum\}\}/);
      expect(paragraphs[1]).toBe(statementText);
      const reply = await call(app.handlers, 'letters.create', answer.letter!);
      const replyText = documentText((await app.files.get(reply.file))!).body;
      expect(replyText).toContain('In Vertretung');
      expect(replyText).toContain('Volker Sandmann');
      expect(replyText).toContain(statementText);

      const closeEarly = await errorOf(dispatch(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'close', note: '' }));
      expect(closeEarly?.message).toBe('Abschließen ist erst möglich, wenn das Anliegen beantwortet ist (Antwortschreiben erstellt).');
      const unknownLetter = await errorOf(dispatch(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'replied', letterId: 999 }));
      expect(unknownLetter).toMatchObject({ code: 'NOT_FOUND', message: 'Der Brief Nr. 999 wurde nicht gefunden.' });
      const replied = await call(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'replied', letterId: reply.id });
      expect(replied.request).toMatchObject({ status: 'beantwortet', answeredOn: '2026-12-14', replyLetterId: reply.id, nextSteps: ['close'] });
      const closed = await call(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'close', note: '' });
      expect(closed.request).toMatchObject({ status: 'erledigt', closedOn: '2026-12-14', nextSteps: ['reopen'] });

      const noReason = await errorOf(dispatch(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'reopen', note: '' }));
      expect(noReason?.message).toContain('Bitte den Grund angeben.');
      const reopened = await call(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'reopen', note: 'Frau Kaya meldet: Laterne wieder aus.' });
      expect(reopened.request).toMatchObject({ status: 'in_bearbeitung', closedOn: null });

      const historyRows = await call(app.handlers, 'requests.history', { id });
      expect(historyRows.map((h) => [h.action, h.status])).toEqual([
        ['Anliegen erfasst', 'eingegangen'],
        ['Eingang bestätigt (Brief)', 'bestaetigt'],
        ['An Fachbereich weitergeleitet', 'weitergeleitet'],
        ['Fachbereich an die Stellungnahme erinnert', null],
        ['Stellungnahme eingegangen', 'stellungnahme'],
        ['Antwortschreiben vorbereitet', null],
        ['Beantwortet', 'beantwortet'],
        ['Erledigt', 'erledigt'],
        ['Wieder geöffnet', 'in_bearbeitung'],
      ]);
      expect(historyRows.every((h) => h.user === 'test')).toBe(true);
      expect(historyRows[2]!.note).toBe('Amt für Straßenbau und Verkehr (66); Stellungnahme bis 11. Dezember 2026. Bitte auch die Nachbarlaterne prüfen.');
      expect(historyRows[5]!.note).toBe('Unterschrift: Volker Sandmann (in Vertretung)');
      expect(historyRows[8]!.note).toBe('Frau Kaya meldet: Laterne wieder aus.');
      // Every step is an 'update' in the audit log.
      expect(await auditOf('request', 'update')).toHaveLength(8);
    });

    it('a deadline given on a holiday moves to the next working day; forwarding to an inactive department is refused', async () => {
      const { roads, parks } = await setup();
      setToday('2026-12-18');
      const { id } = await call(app.handlers, 'requests.save', lantern());
      const byDefault = await call(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'forward', departmentId: roads.id });
      // 1. Weihnachtstag (Fri 25 Dec) and Neujahr (Fri 1 Jan) do not count.
      expect(byDefault.request.statementDue).toBe('2027-01-05');
      const onChristmas = await call(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'forward', departmentId: parks.id, due: '2026-12-25' });
      expect(onChristmas.request).toMatchObject({ statementDue: '2026-12-28', department: 'Grünflächenamt (67)' });
      expect(onChristmas.email!.subject).toContain('bis 28. Dezember 2026');
      const past = await errorOf(dispatch(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'forward', departmentId: parks.id, due: '2026-12-17' }));
      expect(past).toMatchObject({ code: 'INVALID_INPUT', message: 'Die Frist (17. Dezember 2026) liegt vor dem heutigen Tag.' });
      await call(app.handlers, 'requests.departments.save', { ...parks, email: '', active: false });
      const inactive = await errorOf(dispatch(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'forward', departmentId: parks.id }));
      expect(inactive?.message).toBe('Der Fachbereich „Grünflächenamt (67)“ ist nicht mehr aktiv; bitte einen anderen wählen.');
      expect((await call(app.handlers, 'requests.departments', {})).map((d) => [d.name, d.active])).toEqual([
        ['Amt für Straßenbau und Verkehr (66)', true],
        ['Grünflächenamt (67)', false],
      ]);
    });

    it('acknowledgement by e-mail: the salutation of the addressing engine, the staff’s own text block if there is one', async () => {
      await setup();
      const unknownGender = await call(app.handlers, 'requests.save', lantern({ channel: 'email', citizen: { ...KAYA, gender: 'unknown', street: '', city: '' } }));
      const noPost = await errorOf(dispatch(app.handlers, 'requests.step', { id: unknownGender.id, revision: await revisionOf(unknownGender.id), step: 'acknowledge', via: 'brief' }));
      expect(noPost?.message).toBe('Für eine Eingangsbestätigung per Brief fehlt die Postanschrift (Straße und Ort).');
      const byDefault = await call(app.handlers, 'requests.step', { id: unknownGender.id, revision: await revisionOf(unknownGender.id), step: 'acknowledge', via: 'email' });
      expect(byDefault.letter).toBeNull();
      expect(byDefault.email).toMatchObject({ to: 'ayse.kaya@example.org', subject: 'Ihr Anliegen vom 23. November 2026: Defekte Straßenlaterne' });
      expect(byDefault.email!.text.split('\n\n')[0]).toBe('Guten Tag Ayşe Kaya,');
      expect(byDefault.email!.text).toContain('mit dem Sie sich an Oberbürgermeisterin Dr. Petra Hovestadt gewandt haben');
      expect(byDefault.email!.text).toContain('Herr Yıldız\nAmt für Kommunikation');

      await call(app.handlers, 'textBlocks.save', {
        title: 'E-Mail: Eingangsbestätigung',
        category: 'Bürgerdialog',
        text: 'Betreff: Eingangsbestätigung Nr. {{nummer}}\n{{anrede}}\n\nIhr Anliegen „{{betreff}}“ vom {{eingang}} ist bei uns eingegangen.{{unbekannt}}\n\n{{ansprechpartner}}\nTelefon {{telefon}}',
      });
      const female = await call(app.handlers, 'requests.save', lantern({ channel: 'email' }));
      const own = await call(app.handlers, 'requests.step', { id: female.id, revision: await revisionOf(female.id), step: 'acknowledge', via: 'email' });
      expect(own.email).toEqual({
        to: 'ayse.kaya@example.org',
        subject: `Eingangsbestätigung Nr. ${female.id}`,
        text: 'Sehr geehrte Frau Kaya,\n\nIhr Anliegen „Defekte Straßenlaterne“ vom 23. November 2026 ist bei uns eingegangen.{{unbekannt}}\n\nHerr Yıldız\nTelefon 0203 283-4712',
      });
    });

    it('without a statement: marked unnecessary with a reason; anonymous requests are closed with a note; praise after the acknowledgement', async () => {
      const { head } = await setup();
      const { id } = await call(app.handlers, 'requests.save', lantern({ channel: 'telefon' }));
      await call(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'start' });
      const noReason = await errorOf(dispatch(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'noStatement', note: '' }));
      expect(noReason?.message).toContain('Bitte kurz begründen, warum keine Stellungnahme nötig ist.');
      const marked = await call(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'noStatement', note: 'Reparatur ist bereits beauftragt.' });
      expect(marked.request).toMatchObject({ statementUnnecessary: true, status: 'in_bearbeitung', nextSteps: ['forward', 'answer', 'replied'] });
      const answer = await call(app.handlers, 'requests.step', { id, revision: await revisionOf(id), step: 'answer', signerId: head.id });
      // A phone call: "Ihr Anliegen"; the paragraph about the department is left out.
      expect(answer.letter!.subject).toBe('Ihr Anliegen vom {{anlass_datum}}');
      expect(answer.letter!.body).toMatch(/^vielen Dank für Ihr Anliegen vom/);
      expect(answer.letter!.body).not.toContain('Fachverwaltung gebeten');

      const anonymous = await call(app.handlers, 'requests.save', lantern({ citizen: null }));
      const answerAnonymous = await errorOf(dispatch(app.handlers, 'requests.step', { id: anonymous.id, revision: await revisionOf(anonymous.id), step: 'answer', signerId: head.id }));
      expect(answerAnonymous?.message).toBe('Das Anliegen ist anonym; eine Antwort ist nicht möglich. Bitte mit einem Vermerk abschließen.');
      const withoutNote = await errorOf(dispatch(app.handlers, 'requests.step', { id: anonymous.id, revision: await revisionOf(anonymous.id), step: 'close', note: '' }));
      expect(withoutNote).toMatchObject({ code: 'INVALID_INPUT', message: 'Das Anliegen ist anonym; bitte kurz vermerken, wie es erledigt wurde.' });
      const closed = await call(app.handlers, 'requests.step', { id: anonymous.id, revision: await revisionOf(anonymous.id), step: 'close', note: 'An die Wirtschaftsbetriebe zur Kenntnis gegeben.' });
      expect(closed.request.status).toBe('erledigt');

      const praise = await call(app.handlers, 'requests.save', lantern({ kind: 'lob', subject: 'Danke für die schnelle Reparatur' }));
      expect((await errorOf(dispatch(app.handlers, 'requests.step', { id: praise.id, revision: await revisionOf(praise.id), step: 'close', note: '' })))?.message).toBe(
        'Ein Lob kann abgeschlossen werden, sobald der Eingang bestätigt ist.',
      );
      await call(app.handlers, 'requests.step', { id: praise.id, revision: await revisionOf(praise.id), step: 'acknowledge', via: 'email' });
      expect((await call(app.handlers, 'requests.step', { id: praise.id, revision: await revisionOf(praise.id), step: 'close', note: '' })).request.status).toBe('erledigt');
    });

    it('follow-up dates (Wiedervorlage) come due and show in the attention list', async () => {
      const { id } = await call(app.handlers, 'requests.save', lantern());
      const set = await call(app.handlers, 'requests.followUp', { id, revision: await revisionOf(id), on: '2026-12-01' });
      expect(set).toMatchObject({ followUpOn: '2026-12-01', followUpDue: false });
      expect((await call(app.handlers, 'requests.list', { attention: true })).total).toBe(0);
      setToday('2026-12-01');
      expect((await call(app.handlers, 'requests.list', { attention: true })).items).toMatchObject([{ id, followUpDue: true }]);
      const cleared = await call(app.handlers, 'requests.followUp', { id, revision: await revisionOf(id), on: null });
      expect(cleared.followUpOn).toBeNull();
      expect((await call(app.handlers, 'requests.history', { id })).slice(1).map((h) => [h.action, h.note])).toEqual([
        ['Wiedervorlage gesetzt', '1. Dezember 2026'],
        ['Wiedervorlage entfernt', 'war 1. Dezember 2026'],
      ]);
    });
  });

  describe('the register', () => {
    it('full-text search with umlauts and stems (subject, text, place, statement), combined with the filters', async () => {
      const { roads } = await setup();
      const a = await call(app.handlers, 'requests.save', lantern());
      const b = await call(app.handlers, 'requests.save', lantern({
        kind: 'idee',
        subject: 'Neue Spielgeräte am Grüngürtel',
        text: 'Die Schaukel ist abgerissen; Kinder wünschen sich ein Klettergerüst.',
        category: 'Grün und Spielplätze',
        district: 'Walsum',
        place: 'Grüngürtel Walsum',
      }));
      const c = await call(app.handlers, 'requests.save', lantern({ subject: 'Laterne in der Mühlenstraße', text: 'Auch diese Straßenlaterne ist dunkel.', place: 'Mühlenstraße', district: 'Süd', citizen: null }));
      const ids = async (input: Record<string, unknown>) => (await call(app.handlers, 'requests.list', input)).items.map((r) => r.id).sort();

      expect(await ids({ text: 'strassenlaterne' })).toEqual([a.id, c.id].sort());
      expect(await ids({ text: 'Straßenlaternen' })).toEqual([a.id, c.id].sort());
      expect(await ids({ text: 'Straßenlaterne', district: 'Süd' })).toEqual([c.id]);
      expect(await ids({ text: 'Straßenlaterne', kind: 'idee' })).toEqual([]);
      expect(await ids({ text: 'GRUENGUERTEL' })).toEqual([b.id]);
      expect(await ids({ text: 'Spielgerät' })).toEqual([b.id]);
      expect(await ids({ text: 'Klettergerüste' })).toEqual([b.id]);
      expect(await ids({ text: 'Mühlenstr' })).toEqual([c.id]);
      // A search word matches words starting with it, so „Laterne“ finds the title, not the compound.
      expect(await ids({ text: 'Laterne' })).toEqual([c.id]);
      expect(await ids({ text: 'Rathaus' })).toEqual([]);

      // The statement becomes searchable when it is recorded.
      await call(app.handlers, 'requests.step', { id: a.id, revision: await revisionOf(a.id), step: 'forward', departmentId: roads.id });
      expect(await ids({ text: 'Leuchtmittel' })).toEqual([]);
      await call(app.handlers, 'requests.step', { id: a.id, revision: await revisionOf(a.id), step: 'statement', receivedOn: '2026-11-27', text: 'Das Leuchtmittel wird getauscht.' });
      expect(await ids({ text: 'leuchtmittel' })).toEqual([a.id]);
      // A changed text is found by its new words only.
      await call(app.handlers, 'requests.save', { ...c, subject: 'Ampel an der Düsseldorfer Straße', text: 'Die Ampel ist zu kurz grün.', place: '' });
      expect(await ids({ text: 'Mühlenstraße' })).toEqual([]);
      expect(await ids({ text: 'duesseldorfer' })).toEqual([c.id]);

      const all = await call(app.handlers, 'requests.list', { limit: 2 });
      expect(all.total).toBe(3);
      expect(all.items).toHaveLength(2);
      expect(all.items.map((r) => [r.id, r.citizenName])).toEqual([
        [c.id, null],
        [b.id, 'Ayşe Kaya'],
      ]);
      expect(await ids({ status: 'weitergeleitet' })).toEqual([]);
      expect(await ids({ status: 'stellungnahme', departmentId: roads.id })).toEqual([a.id]);
      expect(await ids({ citizenId: a.citizen!.id })).toEqual([a.id]);
      expect(await ids({ open: true })).toEqual([a.id, b.id, c.id].sort());
    });

    // 2,100 rows written straight into the SQLite file for speed (the index on the synchronous handle).
    it.skipIf(kind === 'postgres')('many hits: the total, pages newest first, filters; a sentence nobody wrote finds the best matches of its words', async () => {
      const index = requestIndexSync(sqliteOf(app));
      const insert = sqliteOf(app).$client.prepare(
        "insert into citizen_requests (kind, channel, subject, text, district, place, received_on, status, created_at, updated_at) values ('beschwerde', 'email', ?, ?, ?, '', ?, 'eingegangen', 'x', 'x')",
      );
      sqliteOf(app).transaction(() => {
        for (let i = 0; i < 2100; i++) {
          const receivedOn = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
          const row = { subject: `Laterne Nr. ${i}`, text: i % 3 ? 'Die Lampe ist dunkel.' : 'Die Lampe flackert am Rheinpark.', place: '', statementText: '' };
          const id = Number(insert.run(row.subject, row.text, i % 2 ? 'Mitte' : 'Süd', receivedOn).lastInsertRowid);
          index.put({ id, ...row });
        }
      });
      const all = await call(app.handlers, 'requests.list', { text: 'Laterne', limit: 100 });
      expect(all.total).toBe(2100);
      expect(all.items).toHaveLength(100);
      const dates = all.items.map((r) => r.receivedOn);
      expect(dates).toEqual([...dates].sort().reverse());
      const next = await call(app.handlers, 'requests.list', { text: 'Laterne', limit: 100, offset: 100 });
      expect(next.items[0]!.receivedOn <= dates.at(-1)!).toBe(true);
      expect(new Set([...all.items, ...next.items].map((r) => r.id)).size).toBe(200);
      expect((await call(app.handlers, 'requests.list', { text: 'Laterne', district: 'Mitte' })).total).toBe(1050);
      expect((await call(app.handlers, 'requests.list', { text: 'Rheinpark flackert' })).total).toBe(700);
      // No request holds all of these words: the best matches of any of them, by relevance.
      const sentence = await call(app.handlers, 'requests.list', { text: 'Wo flackert es am Rheinpark', limit: 10 });
      expect(sentence.total).toBe(500);
      expect(sentence.items).toHaveLength(10);
      expect((await call(app.handlers, 'requests.list', { text: 'Laterne', offset: 5000 })).items).toEqual([]);
    });

    it('related requests: same person, same place, same topic and district within 90 days; links stored once per pair', async () => {
      const base = await call(app.handlers, 'requests.save', lantern());
      const samePerson = await call(app.handlers, 'requests.save', lantern({ subject: 'Lärm', category: 'Ordnung und Sicherheit', place: '', receivedOn: '2025-01-10', citizen: base.citizen }));
      const samePlace = await call(app.handlers, 'requests.save', lantern({ subject: 'Müll', category: 'Sauberkeit und Müll', district: 'Süd', place: ' KÖNIGSTRASSE 12 ', citizen: null }));
      const sameTopic = await call(app.handlers, 'requests.save', lantern({ subject: 'Ampel', place: 'Sonnenwall', receivedOn: '2026-09-01', citizen: null }));
      await call(app.handlers, 'requests.save', lantern({ subject: 'Zu alt', place: 'Sonnenwall', receivedOn: '2026-08-20', citizen: null }));
      await call(app.handlers, 'requests.save', lantern({ subject: 'Anderer Bezirk', place: '', district: 'Süd', citizen: null }));

      const related = async (id: number) => (await call(app.handlers, 'requests.related', { id })).map((r) => r.subject);
      expect(await related(base.id)).toEqual(['Lärm', 'Müll', 'Ampel']);

      const linked = await call(app.handlers, 'requests.link', { id: samePlace.id, revision: await revisionOf(samePlace.id), otherId: base.id, note: 'gleiche Adresse' });
      expect(linked.links).toEqual([{ id: base.id, subject: 'Defekte Straßenlaterne', status: 'eingegangen', receivedOn: '2026-11-23', note: 'gleiche Adresse' }]);
      await call(app.handlers, 'requests.link', { id: base.id, revision: await revisionOf(base.id), otherId: samePlace.id, note: 'gleiche Adresse, Nr. 12' });
      const { db, t } = app.engine;
      expect(await db.select().from(t.requestLinks)).toEqual([{ requestId: base.id, linkedId: samePlace.id, note: 'gleiche Adresse, Nr. 12' }]);
      expect((await call(app.handlers, 'requests.get', { id: base.id })).links.map((l) => l.id)).toEqual([samePlace.id]);
      expect(await related(base.id)).toEqual(['Lärm', 'Ampel']);
      const self = await errorOf(dispatch(app.handlers, 'requests.link', { id: base.id, revision: await revisionOf(base.id), otherId: base.id }));
      expect(self?.message).toBe('Ein Anliegen kann nicht mit sich selbst verknüpft werden.');

      const unlinked = await call(app.handlers, 'requests.unlink', { id: samePlace.id, revision: await revisionOf(samePlace.id), otherId: base.id });
      expect(unlinked.links).toEqual([]);
      expect(await related(base.id)).toEqual(['Lärm', 'Müll', 'Ampel']);
      // Same place (Sonnenwall) first; the old one is outside 90 days of the base but within 90 days of this one.
      expect(await related(sameTopic.id)).toEqual(['Zu alt', 'Defekte Straßenlaterne']);
      expect(samePerson.citizen?.id).toBe(base.citizen!.id);
    });

    it('attachments: stored in the data folder, read back, removed', async () => {
      const { id } = await call(app.handlers, 'requests.save', lantern());
      const bytes = Buffer.from('%PDF-1.4 Foto der Laterne');
      const { uploadId } = await call(app.handlers, 'uploads.append', { fileName: 'Foto Königstraße.pdf', chunkBase64: bytes.toString('base64') });
      const attached = await call(app.handlers, 'requests.attach', { id, revision: await revisionOf(id), uploadId });
      expect(attached.attachments).toEqual([{ id: expect.any(Number), fileName: 'Foto Königstraße.pdf', size: bytes.length }]);
      const folder = path.join('Anliegen', String(id));
      expect(await app.files.list(folder)).toEqual([expect.stringMatching(/-Foto Königstraße\.pdf$/)]);
      const file = await call(app.handlers, 'requests.attachment', { id, attachmentId: attached.attachments[0]!.id });
      expect(file).toEqual({ fileName: 'Foto Königstraße.pdf', contentBase64: bytes.toString('base64') });
      const detached = await call(app.handlers, 'requests.detach', { id, revision: await revisionOf(id), attachmentId: attached.attachments[0]!.id });
      expect(detached.attachments).toEqual([]);
      expect(await app.files.list(folder)).toEqual([]);
      expect((await call(app.handlers, 'requests.history', { id })).slice(1).map((h) => h.action)).toEqual(['Anhang hinzugefügt', 'Anhang entfernt']);
      const missing = await errorOf(dispatch(app.handlers, 'requests.attachment', { id, attachmentId: 999 }));
      expect(missing?.message).toBe('Den Anhang Nr. 999 gibt es bei diesem Anliegen nicht.');
    });

    it.runIf(kind === 'postgres')('attachments of a request are in the office database: attached on one PC, opened and removed on another', async () => {
      const { id } = await call(app.handlers, 'requests.save', lantern());
      const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x0a]);
      const { uploadId } = await call(app.handlers, 'uploads.append', { fileName: 'Foto Königstraße.pdf', chunkBase64: bytes.toString('base64') });
      const attached = await call(app.handlers, 'requests.attach', { id, revision: await revisionOf(id), uploadId });
      const other = await openOtherOfficePc(app.url!);
      try {
        const file = await call(other.handlers, 'requests.attachment', { id, attachmentId: attached.attachments[0]!.id });
        expect(file).toEqual({ fileName: 'Foto Königstraße.pdf', contentBase64: bytes.toString('base64') });
        // Nothing of it lives on the PC that attached it.
        expect(fs.existsSync(path.join(app.dataDir, 'Anliegen'))).toBe(false);
        await call(other.handlers, 'requests.detach', { id, revision: attached.revision, attachmentId: attached.attachments[0]!.id });
        expect(await app.files.list('Anliegen')).toEqual([]);
      } finally {
        await other.close();
      }
    });
  });

  describe('the full-text index', () => {
    // Rows written by hand into the SQLite file, then the same data folder opened again.
    it.skipIf(kind === 'postgres')('finds requests written without the index (a restored backup, rows written by hand) once the app is opened again; anonymised ones stay out', async () => {
      const insert = sqliteOf(app).$client.prepare(
        "insert into citizen_requests (kind, channel, subject, text, place, received_on, anonymised_at, created_at, updated_at) values ('beschwerde', 'email', ?, ?, ?, '2026-11-20', ?, 'x', 'x')",
      );
      const lamp = Number(insert.run('Laterne defekt', 'Die Straßenlaterne an der Haltestelle ist aus.', 'Kuhlenwall', null).lastInsertRowid);
      insert.run('Laterne erloschen', 'Die Straßenlaterne brennt nicht.', '', '2026-11-01T02:00:00Z');
      await app.close();
      const reopened = createTempApp({ dataDir: app.dataDir, now: () => now });
      app = { ...reopened, cleanup: async () => reopened.cleanup() };

      const found = await call(app.handlers, 'requests.list', { text: 'Straßenlaterne Kuhlenwall' });
      expect(found.items.map((i) => i.id)).toEqual([lamp]);
      expect((await call(app.handlers, 'requests.list', { text: 'Straßenlaterne' })).total).toBe(1);
    });
  });

  describe('working together (revisions)', () => {
    it('the record and the register carry the revision; every change raises it', async () => {
      const { roads } = await setup();
      const saved = await call(app.handlers, 'requests.save', lantern());
      expect(saved.revision).toBe(1);
      expect((await call(app.handlers, 'requests.list', {})).items.map((i) => [i.id, i.revision])).toEqual([[saved.id, 1]]);
      const other = await call(app.handlers, 'requests.save', lantern({ subject: 'Laterne gegenüber', citizen: null }));

      let revision = saved.revision;
      const next = async (changed: Promise<{ revision: number }>) => {
        const { revision: now } = await changed;
        expect(now).toBe(revision + 1);
        revision = now;
      };
      await next(call(app.handlers, 'requests.save', { ...saved, revision, place: 'Königstraße 14' }));
      await next((async () => (await call(app.handlers, 'requests.step', { id: saved.id, revision, step: 'start' })).request)());
      await next(call(app.handlers, 'requests.followUp', { id: saved.id, revision, on: '2026-12-01' }));
      await next(call(app.handlers, 'requests.link', { id: saved.id, revision, otherId: other.id, note: '' }));
      await next(call(app.handlers, 'requests.unlink', { id: saved.id, revision, otherId: other.id }));
      const { uploadId } = await call(app.handlers, 'uploads.append', { fileName: 'Foto.pdf', chunkBase64: Buffer.from('%PDF-1.4').toString('base64') });
      const attached = call(app.handlers, 'requests.attach', { id: saved.id, revision, uploadId });
      await next(attached);
      await next(call(app.handlers, 'requests.detach', { id: saved.id, revision, attachmentId: (await attached).attachments[0]!.id }));
      await next((async () => (await call(app.handlers, 'requests.step', { id: saved.id, revision, step: 'forward', departmentId: roads.id, note: '' })).request)());
      expect((await call(app.handlers, 'requests.get', { id: saved.id })).revision).toBe(revision);
      // Linking from the other request changed this one's record too (its links).
      expect((await call(app.handlers, 'requests.get', { id: other.id })).revision).toBe(3);
    });

    it('refuses every change against an older revision with STALE naming who changed it and when; nothing is changed', async () => {
      const { roads } = await setup();
      const saved = await call(app.handlers, 'requests.save', lantern());
      const other = await call(app.handlers, 'requests.save', lantern({ subject: 'Laterne gegenüber', citizen: null }));
      // PC A forwards the request; PC B still shows it as loaded before.
      setToday('2026-11-30');
      await call(app.handlers, 'requests.step', { id: saved.id, revision: saved.revision, step: 'forward', departmentId: roads.id, note: '' });
      // Somebody else only looked at it afterwards: a view is no change.
      await app.engine.db.insert(app.engine.t.auditLog).values({ at: '2026-11-30T12:00:00.000Z', user: 'Petra Schmitz', action: 'view', entity: 'request', entityId: saved.id });
      const historyBefore = await call(app.handlers, 'requests.history', { id: saved.id });
      const stored = await call(app.handlers, 'requests.get', { id: saved.id });

      const { uploadId } = await call(app.handlers, 'uploads.append', { fileName: 'Foto.pdf', chunkBase64: Buffer.from('%PDF-1.4').toString('base64') });
      const old = { id: saved.id, revision: saved.revision };
      const attempts = [
        dispatch(app.handlers, 'requests.save', { ...saved, place: 'Königstraße 14' }),
        dispatch(app.handlers, 'requests.step', { ...old, step: 'start' }),
        dispatch(app.handlers, 'requests.step', { ...old, step: 'forward', departmentId: roads.id, note: 'noch einmal' }),
        dispatch(app.handlers, 'requests.step', { ...old, step: 'close', note: '' }),
        dispatch(app.handlers, 'requests.followUp', { ...old, on: '2026-12-01' }),
        dispatch(app.handlers, 'requests.link', { ...old, otherId: other.id, note: '' }),
        dispatch(app.handlers, 'requests.unlink', { ...old, otherId: other.id }),
        dispatch(app.handlers, 'requests.attach', { ...old, uploadId }),
      ];
      for (const attempt of attempts) {
        expect(await errorOf(attempt)).toMatchObject({
          code: 'STALE',
          message: 'Dieses Anliegen wurde inzwischen von test geändert (30.11.2026, 10:00 Uhr). Bitte laden Sie es neu; Ihre Änderungen sind nicht gespeichert.',
        });
      }
      expect(await call(app.handlers, 'requests.history', { id: saved.id })).toEqual(historyBefore);
      expect(await call(app.handlers, 'requests.get', { id: saved.id })).toEqual(stored);
      expect(fs.existsSync(path.join(app.dataDir, 'Anliegen', String(saved.id))) ? fs.readdirSync(path.join(app.dataDir, 'Anliegen', String(saved.id))) : []).toEqual([]);
      // At the current revision the same change goes through.
      expect((await call(app.handlers, 'requests.followUp', { id: saved.id, revision: stored.revision, on: '2026-12-01' })).followUpOn).toBe('2026-12-01');
    });

    it('requires the revision for every change of a stored request', async () => {
      const saved = await call(app.handlers, 'requests.save', lantern());
      const withoutRevision = { ...saved, revision: undefined };
      for (const [method, input] of [
        ['requests.save', withoutRevision],
        ['requests.step', { id: saved.id, step: 'start' }],
        ['requests.followUp', { id: saved.id, on: null }],
        ['requests.link', { id: saved.id, otherId: saved.id }],
        ['requests.unlink', { id: saved.id, otherId: saved.id }],
        ['requests.detach', { id: saved.id, attachmentId: 1 }],
      ] as const) {
        const refused = await errorOf(dispatch(app.handlers, method, input as never));
        expect(refused?.code, method).toBe('INVALID_INPUT');
        expect(refused?.message, method).toContain('Der Bearbeitungsstand (revision) fehlt.');
      }
    });
  });

  describe('demo data', () => {
    it('six departments and eight requests in various states, dated relative to today', async () => {
      await call(app.handlers, 'demo.load', {});
      expect(await call(app.handlers, 'requests.departments', {})).toHaveLength(6);
      const { total, items } = await call(app.handlers, 'requests.list', {});
      expect(total).toBe(8);
      expect(new Set(items.map((r) => r.status))).toEqual(new Set(['eingegangen', 'bestaetigt', 'weitergeleitet', 'stellungnahme', 'beantwortet', 'erledigt']));
      const attention = (await call(app.handlers, 'requests.list', { attention: true })).items;
      expect(attention.map((r) => [r.subject, r.overdue, r.followUpDue])).toEqual([
        ['Mehr Sitzbänke am Marktplatz Walsum', false, true],
        ['Defekte Straßenlaterne in der Königstraße', true, false],
      ]);
      const lantern = attention[1]!;
      expect((await call(app.handlers, 'requests.related', { id: lantern.id })).map((r) => r.subject)).toContain('Beleuchtung am Fußweg zur Königstraße');
      expect((await call(app.handlers, 'requests.list', { text: 'Trinkbrunnen' })).items.map((r) => r.subject)).toEqual(['Trinkbrunnen im Kantpark']);
      // The one waiting for its answer can be answered.
      const ready = items.find((r) => r.status === 'stellungnahme')!;
      const signers = await call(app.handlers, 'signers.list', {});
      const answer = await call(app.handlers, 'requests.step', { id: ready.id, revision: await revisionOf(ready.id), step: 'answer', signerId: signers.find((s) => !s.deputy)!.id });
      expect(answer.letter!.body).toContain('Wohnungsnotfallhilfe');
      expect((await call(app.handlers, 'requests.history', { id: lantern.id })).map((h) => h.action)).toEqual(['Anliegen erfasst', 'Eingang bestätigt (Brief)', 'An Fachbereich weitergeleitet']);
    });
  });
});
