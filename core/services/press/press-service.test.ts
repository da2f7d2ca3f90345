import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema';
import { call, dispatch, type PressReleaseInput } from '../../api';
import { documentText } from '../../documents/docx-template';
import { openDocx, paragraphs } from '../../../tests/support/docx-layout';
import { createTempApp, openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';
import { errorOf } from '../../../tests/support/api-result';

/** Friday, 27 November 2026, 10:00 in Duisburg; tests move the clock on. */
let clock = new Date('2026-11-27T09:00:00Z');
let app: ReturnType<typeof createTempApp>;
beforeEach(() => {
  clock = new Date('2026-11-27T09:00:00Z');
  app = createTempApp({ now: () => clock });
});
afterEach(() => app.cleanup());

const audit = (entity: string) =>
  app.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.entity, entity))
    .orderBy(auditLog.id)
    .all()
    .map((a) => [a.action, a.summary]);

const HAFENFEST: PressReleaseInput = {
  title: 'Hafenfest Ruhrort 2027: Das Programm steht',
  subtitle: 'Drei Tage Musik, Schiffsparade und Feuerwerk am Eisenbahnhafen',
  body:
    'Das Hafenfest in Ruhrort findet vom 18. bis 20. Juni 2027 statt. Oberbürgermeisterin Dr. Petra Hovestadt eröffnet es am Freitagabend.\n\n' +
    'Zur Schiffsparade am Samstag werden mehr als vierzig Schiffe erwartet.\nDas Feuerwerk beginnt am Sonntag um 22:30 Uhr.',
  contactInfo: 'Marlene Oberdiek, Pressestelle\nTelefon 0203 283-4410\npresse@stadt-duisburg.example.de',
  releaseAt: null,
  embargoUntil: '2027-01-15T10:00',
  appointmentId: null,
};

/** A calendar of the Oberbürgermeisterin (none exist without signers). */
async function calendarId(): Promise<number> {
  const signer = await call(app.handlers, 'signers.save', { name: 'Dr. Petra Hovestadt', gender: 'female', office: 'Oberbürgermeisterin', deputy: false });
  const calendars = await call(app.handlers, 'calendar.calendars.save', { signerId: signer.id, color: '#1f6feb', sortOrder: 0 });
  return calendars.find((c) => c.signerId === signer.id)!.id;
}

/** The release's revision as stored now: the tests of the workflow change it as the one who loaded it last. */
const current = async (id: number) => (await call(app.handlers, 'press.releases.get', { id })).revision;
const save = async (input: PressReleaseInput) => call(app.handlers, 'press.releases.save', input.id ? { ...input, revision: await current(input.id) } : input);
const step = async (id: number, name: 'submit' | 'approve' | 'publish' | 'withdraw') => call(app.handlers, 'press.releases.step', { id, revision: await current(id), step: name });

describe('press releases: approval, embargo, release time', () => {
  it('is written, submitted, approved (who and when), refused before the embargo and published after it', async () => {
    const draft = await save(HAFENFEST);
    expect(draft).toMatchObject({ status: 'entwurf', embargoUntil: '2027-01-15T10:00', embargoActive: true, approvedBy: null, steps: ['submit'] });

    // No publishing before the approval.
    const early = await errorOf(dispatch(app.handlers, 'press.releases.step', { id: draft.id, revision: await current(draft.id), step: 'publish' }));
    expect(early).toMatchObject({
      code: 'CONFLICT',
      message: 'Die Pressemitteilung ist noch nicht freigegeben (ein Entwurf); veröffentlicht werden kann sie erst nach der Freigabe.',
    });

    expect(await step(draft.id, 'submit')).toMatchObject({ status: 'abstimmung', steps: ['approve', 'withdraw'] });
    clock = new Date('2026-11-27T10:15:00Z');
    const approved = await step(draft.id, 'approve');
    expect(approved).toMatchObject({ status: 'freigegeben', approvedBy: 'test', approvedAt: '2026-11-27T10:15:00.000Z', steps: ['publish', 'withdraw'] });

    // No publishing before the embargo: one minute before 10:00 in Duisburg (09:00 UTC in January).
    clock = new Date('2027-01-15T08:59:00Z');
    const embargoed = await errorOf(dispatch(app.handlers, 'press.releases.step', { id: draft.id, revision: await current(draft.id), step: 'publish' }));
    expect(embargoed).toMatchObject({
      code: 'CONFLICT',
      message: 'Die Sperrfrist läuft bis 15. Januar 2027, 10:00 Uhr; vorher darf die Pressemitteilung nicht veröffentlicht werden.',
    });
    expect((await call(app.handlers, 'press.releases.get', { id: draft.id })).status).toBe('freigegeben');

    clock = new Date('2027-01-15T09:00:00Z');
    const published = await step(draft.id, 'publish');
    expect(published).toMatchObject({ status: 'veroeffentlicht', releaseAt: '2027-01-15T10:00', embargoActive: false, approvedBy: 'test', steps: ['withdraw'] });

    expect(audit('press-release')).toEqual([
      ['create', 'Hafenfest Ruhrort 2027: Das Programm steht (entwurf)'],
      ['submit', 'Hafenfest Ruhrort 2027: Das Programm steht: Zur Freigabe vorlegen'],
      ['approve', 'Hafenfest Ruhrort 2027: Das Programm steht: Freigeben'],
      ['publish', 'Hafenfest Ruhrort 2027: Das Programm steht: Veröffentlichen'],
    ]);
  });

  it('sends an approved release back to the draft when its content changes; the release time alone keeps the approval', async () => {
    const { id } = await save({ ...HAFENFEST, releaseAt: '2027-01-15T10:00' });
    await step(id, 'submit');
    await step(id, 'approve');

    const rescheduled = await save({ ...HAFENFEST, id, releaseAt: '2027-01-15T11:30' });
    expect(rescheduled).toMatchObject({ status: 'freigegeben', approvedBy: 'test', releaseAt: '2027-01-15T11:30' });

    const edited = await save({ ...HAFENFEST, id, releaseAt: '2027-01-15T11:30', subtitle: 'Drei Tage Musik und Schiffsparade' });
    expect(edited).toMatchObject({ status: 'entwurf', approvedBy: null, approvedAt: null, steps: ['submit'] });
    expect(audit('press-release').at(-1)).toEqual(['update', 'Hafenfest Ruhrort 2027: Das Programm steht (entwurf), Freigabe aufgehoben']);

    // A later embargo is a change of content, too.
    await step(id, 'submit');
    await step(id, 'approve');
    const later = await save({ ...HAFENFEST, id, releaseAt: '2027-01-16T10:00', embargoUntil: '2027-01-16T10:00', subtitle: 'Drei Tage Musik und Schiffsparade' });
    expect(later).toMatchObject({ status: 'entwurf', approvedBy: null });
  });

  it('refuses release times in the past or before the embargo, and changes to a published release', async () => {
    const past = await errorOf(dispatch(app.handlers, 'press.releases.save', { ...HAFENFEST, releaseAt: '2026-11-27T09:30' }));
    expect(past).toMatchObject({ code: 'INVALID_INPUT', message: 'Der Veröffentlichungszeitpunkt (27. November 2026, 09:30 Uhr) liegt in der Vergangenheit.' });
    expect(past?.details).toMatchObject({ issues: [{ path: ['releaseAt'] }] });

    const beforeEmbargo = await errorOf(dispatch(app.handlers, 'press.releases.save', { ...HAFENFEST, releaseAt: '2027-01-14T10:00' }));
    expect(beforeEmbargo?.message).toContain('Bitte die Veröffentlichung nicht vor das Ende der Sperrfrist legen.');

    const impossible = await errorOf(dispatch(app.handlers, 'press.releases.save', { ...HAFENFEST, embargoUntil: '2027-02-30T10:00' }));
    expect(impossible?.message).toContain('Sperrfrist: Den 30.02.2027 gibt es nicht.');

    const { id } = await save({ ...HAFENFEST, embargoUntil: null });
    await step(id, 'submit');
    await step(id, 'approve');
    await step(id, 'publish');
    const changed = await errorOf(dispatch(app.handlers, 'press.releases.save', { ...HAFENFEST, embargoUntil: null, id, revision: await current(id), title: 'Hafenfest 2027' }));
    expect(changed).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Eine veröffentlichte Pressemitteilung kann nicht mehr geändert werden.') });

    const withdrawn = await step(id, 'withdraw');
    expect(withdrawn).toMatchObject({ status: 'zurueckgezogen', steps: ['submit'] });
    const reworked = await save({ ...HAFENFEST, embargoUntil: null, id, releaseAt: withdrawn.releaseAt, title: 'Hafenfest 2027 (berichtigt)' });
    expect(reworked).toMatchObject({ status: 'entwurf', approvedBy: null });
  });

  it('links an appointment and names it', async () => {
    const { appointment } = await call(app.handlers, 'calendar.appointments.save', {
      calendarId: await calendarId(),
      title: 'Pressekonferenz Hafenfest',
      start: '2027-01-15T10:00',
      end: '2027-01-15T11:00',
    });
    const saved = await save({ ...HAFENFEST, appointmentId: appointment.id });
    expect(saved.appointment).toBe('Pressekonferenz Hafenfest, 15.01.2027, 10:00 Uhr');
    const missing = await errorOf(dispatch(app.handlers, 'press.releases.save', { ...HAFENFEST, appointmentId: 999 }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'Der Termin Nr. 999 wurde nicht gefunden.' });
  });
});

describe('the register: filters and German full-text search', () => {
  beforeEach(async () => {
    await save(HAFENFEST);
    const sport = await save({
      title: 'Sportlerehrung im Rathaus',
      subtitle: 'Die Stadt ehrt ihre Meisterinnen und Meister',
      body: 'Die Oberbürgermeisterin empfängt die erfolgreichen Sportlerinnen und Sportler des Jahres 2026 im Ratssaal.',
    });
    await save({
      title: 'Neue Öffnungszeiten der Bürgerservicestellen',
      body: 'Ab Januar haben die Bürgerservicestellen in allen Bezirken auch samstags geöffnet. Bürgerinnen und Bürger können Termine online buchen.',
    });
    await step(sport.id, 'submit');
  });

  it('finds word forms: „Hafenfestes“, „Bürgerin“, „Sportlerinnen“; marks the hit in a snippet', async () => {
    const search = (text: string) => call(app.handlers, 'press.releases.list', { text });
    expect((await search('Hafenfestes')).map((r) => r.title)).toEqual(['Hafenfest Ruhrort 2027: Das Programm steht']);
    const citizens = await search('Bürgerin');
    expect(citizens.map((r) => r.title)).toEqual(['Neue Öffnungszeiten der Bürgerservicestellen']);
    expect(citizens[0]!.snippet!.filter((p) => p.hit).map((p) => p.text)).toContain('Bürgerinnen');
    const athletes = await search('Sportlerinnen');
    expect(athletes.map((r) => r.title)).toEqual(['Sportlerehrung im Rathaus']);
    expect(athletes[0]!.snippet!.find((p) => p.hit)?.text).toBe('Sportlerinnen');
    // Umlauts may be written out („ue“ for „ü“).
    expect((await search('Oberbuergermeisterin')).map((r) => r.title).sort()).toEqual(['Hafenfest Ruhrort 2027: Das Programm steht', 'Sportlerehrung im Rathaus']);
    expect(await search('Weihnachtsmarkt')).toEqual([]);
  });

  it('filters by status, also together with a search, and lists without snippets when nothing is searched', async () => {
    const all = await call(app.handlers, 'press.releases.list', {});
    expect(all).toHaveLength(3);
    expect(all.every((r) => r.snippet === null && !('body' in r))).toBe(true);
    const inApproval = await call(app.handlers, 'press.releases.list', { status: 'abstimmung' });
    expect(inApproval.map((r) => r.title)).toEqual(['Sportlerehrung im Rathaus']);
    expect(await call(app.handlers, 'press.releases.list', { status: 'abstimmung', text: 'Oberbürgermeisterin' })).toHaveLength(1);
    expect(await call(app.handlers, 'press.releases.list', { status: 'veroeffentlicht', text: 'Oberbürgermeisterin' })).toHaveLength(0);
  });

  it('indexes the new text after an edit', async () => {
    const [hafen] = await call(app.handlers, 'press.releases.list', { text: 'Hafenfest' });
    await save({ ...HAFENFEST, id: hafen!.id, body: 'Der Stadtrat hat den Haushalt beschlossen.' });
    expect(await call(app.handlers, 'press.releases.list', { text: 'vierzig' })).toEqual([]);
    expect((await call(app.handlers, 'press.releases.list', { text: 'Haushalts' })).map((r) => r.id)).toEqual([hafen!.id]);
  });
});

describe('the full-text index', () => {
  it('finds releases written without the index (an older build, rows written by hand) once the app is opened again', async () => {
    const id = Number(
      app.db.$client
        .prepare("insert into press_releases (title, subtitle, body, created_at, updated_at) values ('Neue Rheinbrücke', 'Freigabe am Samstag', 'Die Brücke verbindet Homberg und Ruhrort.', 'x', 'x')")
        .run().lastInsertRowid,
    );
    app.close();
    app = createTempApp({ dataDir: app.dataDir, now: () => clock });
    expect((await call(app.handlers, 'press.releases.list', { text: 'Brücke Ruhrort' })).map((r) => r.id)).toEqual([id]);
  });
});

describe('exports: Word in the city layout, HTML and text for the portal', () => {
  const exported = async (id: number, format: 'docx' | 'text' | 'html') => {
    const file = await call(app.handlers, 'press.releases.export', { id, format });
    return { name: file.fileName, bytes: new Uint8Array(Buffer.from(file.contentBase64, 'base64')) };
  };

  it('writes the Word file: „Pressemitteilung“, the embargo at the top, date line, title, subtitle, text, contact', async () => {
    const { id } = await save(HAFENFEST);
    const file = await exported(id, 'docx');
    expect(file.name).toBe('Pressemitteilung-Hafenfest-Ruhrort-2027-Das-Programm-steht.docx');
    expect(Buffer.from(file.bytes.subarray(0, 2)).toString()).toBe('PK');
    const { body, footers } = documentText(file.bytes);
    const lines = body.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'Stadt Duisburg · Der Oberbürgermeister · Amt für Kommunikation',
      'Pressemitteilung',
      'Sperrfrist: 15. Januar 2027, 10:00 Uhr',
      'Bitte nicht vor Ablauf der Sperrfrist veröffentlichen.',
      'Duisburg, 27. November 2026',
      'Hafenfest Ruhrort 2027: Das Programm steht',
    ]);
    expect(lines).toContain('Drei Tage Musik, Schiffsparade und Feuerwerk am Eisenbahnhafen');
    expect(lines).toContain('Zur Schiffsparade am Samstag werden mehr als vierzig Schiffe erwartet.');
    expect(lines).toContain('Das Feuerwerk beginnt am Sonntag um 22:30 Uhr.');
    expect(lines.slice(-4)).toEqual(['Pressekontakt', 'Marlene Oberdiek, Pressestelle', 'Telefon 0203 283-4410', 'presse@stadt-duisburg.example.de']);
    expect(footers.join('')).toContain('www.duisburg.de');
    // The embargo stands out: bold red text in a red box.
    const embargo = paragraphs(openDocx(file.bytes).document).find((p) => p.includes('Sperrfrist: 15. Januar 2027'))!;
    expect(embargo).toMatch(/<w:pBdr>[\s\S]*<w:top [^>]*w:color="C00000"/);
    expect(embargo).toMatch(/<w:b\/>[\s\S]*<w:color w:val="C00000"\/>[\s\S]*Sperrfrist/);
  });

  it('dates the release by its release time; without embargo or contact there is neither block', async () => {
    const { id } = await save({ title: 'Gedenkstunde', body: 'Text.', releaseAt: '2026-12-03T09:00' });
    const { body } = documentText((await exported(id, 'docx')).bytes);
    expect(body).not.toContain('Sperrfrist');
    expect(body).not.toContain('Pressekontakt');
    expect(body).toContain('Duisburg, 3. Dezember 2026');
  });

  it('writes clean, escaped HTML: h1, p, no inline styles', async () => {
    const { id } = await save({
      ...HAFENFEST,
      title: 'Kunst & Kultur: <Sommer> im "Park"',
      body: 'Erster Absatz mit <script>alert(1)</script> & mehr.\n\nZweiter Absatz,\nmit Zeilenumbruch.',
    });
    const file = await exported(id, 'html');
    expect(file.name).toMatch(/\.html$/);
    const html = new TextDecoder().decode(file.bytes);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<p><strong>Sperrfrist: 15. Januar 2027, 10:00 Uhr</strong></p>');
    expect(html).toContain('<h1>Kunst &amp; Kultur: &lt;Sommer&gt; im &quot;Park&quot;</h1>');
    expect(html).toContain('<p><strong>Drei Tage Musik, Schiffsparade und Feuerwerk am Eisenbahnhafen</strong></p>');
    expect(html).toContain('<p>Duisburg, <time datetime="2026-11-27">27. November 2026</time></p>');
    expect(html).toContain('<p>Erster Absatz mit &lt;script&gt;alert(1)&lt;/script&gt; &amp; mehr.</p>');
    expect(html).toContain('<p>Zweiter Absatz,<br>\nmit Zeilenumbruch.</p>');
    expect(html).toContain('<h2>Pressekontakt</h2>');
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/style=|<style|<font|class=/);
    // The embargo comes before the title.
    expect(html.indexOf('Sperrfrist')).toBeLessThan(html.indexOf('<h1>'));
  });

  it('writes plain text, and leaves the embargo out once it has passed', async () => {
    const { id } = await save(HAFENFEST);
    const text = new TextDecoder().decode((await exported(id, 'text')).bytes);
    expect(text.startsWith('PRESSEMITTEILUNG\nStadt Duisburg · Der Oberbürgermeister · Amt für Kommunikation\n\nSPERRFRIST: 15. Januar 2027, 10:00 Uhr\n')).toBe(true);
    expect(text).toContain('\n\nDuisburg, 27. November 2026\n\nHafenfest Ruhrort 2027: Das Programm steht\nDrei Tage Musik, Schiffsparade und Feuerwerk am Eisenbahnhafen\n\n');
    expect(text).toContain('\n\nPressekontakt:\nMarlene Oberdiek, Pressestelle\n');

    clock = new Date('2027-01-15T09:00:00Z');
    const after = new TextDecoder().decode((await exported(id, 'text')).bytes);
    expect(after).not.toContain('SPERRFRIST');
    expect(after).toContain('Duisburg, 15. Januar 2027');
  });

  it('takes the office contact persons when the release names no contact', async () => {
    const office = await call(app.handlers, 'settings.office.get', {});
    await call(app.handlers, 'settings.office.update', { ...office, contactPersons: [{ name: 'Jonas Terhorst', phone: '0203 283-4411', email: 'j.terhorst@stadt-duisburg.example.de' }] });
    const { id } = await save({ ...HAFENFEST, contactInfo: '' });
    const text = new TextDecoder().decode((await exported(id, 'text')).bytes);
    expect(text).toContain('Pressekontakt:\nJonas Terhorst, Telefon 0203 283-4411, j.terhorst@stadt-duisburg.example.de\n');
  });
});

describe('media contacts, distribution lists and press invitations', () => {
  async function media() {
    const tageblatt = await call(app.handlers, 'contacts.create', { kind: 'organisation', name: 'Rheinhafener Tageblatt', city: 'Duisburg', email: 'redaktion@tageblatt.example.de' });
    const reporter = await call(app.handlers, 'contacts.create', {
      kind: 'person',
      gender: 'female',
      givenName: 'Ilka',
      surname: 'Wendehorst',
      organisationId: tageblatt.id,
      email: 'i.wendehorst@tageblatt.example.de',
    });
    const radio = await call(app.handlers, 'contacts.create', { kind: 'organisation', name: 'Radio Ruhrmündung', city: 'Duisburg' });
    const agency = await call(app.handlers, 'contacts.create', { kind: 'person', gender: 'male', givenName: 'Piet', surname: 'Olderdissen' });
    await call(app.handlers, 'press.media.save', { contactId: reporter.id, mediaType: 'Zeitung', topics: ['Kultur', 'Hafen', 'Kultur'], notes: '' });
    await call(app.handlers, 'press.media.save', { contactId: radio.id, mediaType: 'Radio', topics: ['Sport'], notes: '' });
    await call(app.handlers, 'press.media.save', { contactId: agency.id, mediaType: 'Agentur', topics: [], notes: '' });
    return { tageblatt, reporter, radio, agency };
  }

  it('keeps press details of contacts and the lists they are on', async () => {
    const { reporter, radio } = await media();
    const list = await call(app.handlers, 'press.lists.save', { name: 'Lokalpresse', description: 'Zeitungen und Radio in Duisburg', memberIds: [radio.id, reporter.id] });
    expect(list.members.map((m) => [m.name, m.organisation, m.mediaType])).toEqual([
      ['Radio Ruhrmündung', '', 'Radio'],
      ['Ilka Wendehorst', 'Rheinhafener Tageblatt', 'Zeitung'],
    ]);
    const contacts = await call(app.handlers, 'press.media.list', {});
    expect(contacts.map((c) => [c.name, c.mediaType, c.topics, c.lists])).toEqual([
      ['Piet Olderdissen', 'Agentur', [], []],
      ['Radio Ruhrmündung', 'Radio', ['Sport'], ['Lokalpresse']],
      ['Ilka Wendehorst', 'Zeitung', ['Kultur', 'Hafen'], ['Lokalpresse']],
    ]);

    const duplicate = await errorOf(dispatch(app.handlers, 'press.lists.save', { name: 'lokalpresse' }));
    expect(duplicate).toMatchObject({ code: 'CONFLICT', message: 'Einen Verteiler „Lokalpresse“ gibt es schon.' });
    // Umlauts and ß however typed: the same name on SQLite and PostgreSQL.
    await call(app.handlers, 'press.lists.save', { name: 'Überregionale Presse' });
    const spelled = await errorOf(dispatch(app.handlers, 'press.lists.save', { name: 'ÜBERREGIONALE PRESSE' }));
    expect(spelled).toMatchObject({ code: 'CONFLICT', message: 'Einen Verteiler „Überregionale Presse“ gibt es schon.' });
    expect(await errorOf(dispatch(app.handlers, 'press.lists.save', { name: 'ueberregionale presse' }))).toMatchObject({ code: 'CONFLICT' });
    const unknown = await errorOf(dispatch(app.handlers, 'press.lists.save', { name: 'Überregional', memberIds: [4711] }));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'Der Kontakt Nr. 4711 wurde nicht gefunden.' });

    await call(app.handlers, 'press.media.delete', { id: radio.id });
    expect((await call(app.handlers, 'press.media.list', {})).map((c) => c.name)).toEqual(['Piet Olderdissen', 'Ilka Wendehorst']);
    await call(app.handlers, 'press.lists.delete', { id: list.id });
    expect((await call(app.handlers, 'press.lists.list', {})).map((l) => l.name)).toEqual(['Überregionale Presse']);
    expect(audit('media-contact').map(([action]) => action)).toEqual(['save', 'save', 'save', 'delete']);
    expect(audit('distribution-list')).toEqual([
      ['create', 'Lokalpresse (2 Empfänger)'],
      ['create', 'Überregionale Presse (0 Empfänger)'],
      ['delete', 'Lokalpresse'],
    ]);
  });

  it('invites a distribution list and a single contact to an appointment and records the responses', async () => {
    const { reporter, radio, agency } = await media();
    const list = await call(app.handlers, 'press.lists.save', { name: 'Lokalpresse', memberIds: [reporter.id, radio.id] });
    const { appointment } = await call(app.handlers, 'calendar.appointments.save', {
      calendarId: await calendarId(),
      title: 'Pressekonferenz Hafenfest',
      start: '2027-01-15T10:00',
      end: '2027-01-15T11:00',
    });

    const invited = await call(app.handlers, 'press.invitations.save', { appointmentId: appointment.id, listIds: [list.id], contactIds: [agency.id] });
    expect(invited.invitees.map((i) => [i.name, i.response])).toEqual([
      ['Piet Olderdissen', 'offen'],
      ['Radio Ruhrmündung', 'offen'],
      ['Ilka Wendehorst', 'offen'],
    ]);

    await call(app.handlers, 'press.invitations.save', {
      appointmentId: appointment.id,
      responses: [
        { contactId: reporter.id, response: 'zugesagt' },
        { contactId: radio.id, response: 'abgesagt' },
      ],
    });
    // Inviting the list again keeps the responses.
    const again = await call(app.handlers, 'press.invitations.save', { appointmentId: appointment.id, listIds: [list.id] });
    expect(again.invitees.map((i) => [i.name, i.response])).toEqual([
      ['Piet Olderdissen', 'offen'],
      ['Radio Ruhrmündung', 'abgesagt'],
      ['Ilka Wendehorst', 'zugesagt'],
    ]);
    expect(await call(app.handlers, 'press.invitations.counts', {})).toEqual([{ appointmentId: appointment.id, invited: 3, accepted: 1, declined: 1 }]);

    const fewer = await call(app.handlers, 'press.invitations.save', { appointmentId: appointment.id, remove: [agency.id] });
    expect(fewer.invitees.map((i) => i.name)).toEqual(['Radio Ruhrmündung', 'Ilka Wendehorst']);
    expect(await call(app.handlers, 'press.invitations.list', { appointmentId: appointment.id })).toEqual(fewer);
    expect(audit('press-invitation')).toEqual([
      ['update', '3 eingeladen'],
      ['update', '2 Antworten eingetragen'],
      ['update', '1 ausgeladen'],
    ]);

    const missing = await errorOf(dispatch(app.handlers, 'press.invitations.list', { appointmentId: 999 }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'Der Termin Nr. 999 wurde nicht gefunden.' });
  });
});

describe('press enquiries', () => {
  it('marks an enquiry overdue when the deadline passes without an answer, and records the answer', async () => {
    const reporter = await call(app.handlers, 'contacts.create', { kind: 'person', gender: 'female', givenName: 'Ilka', surname: 'Wendehorst' });
    const today = await call(app.handlers, 'press.enquiries.save', {
      contactId: reporter.id,
      outlet: 'Rheinhafener Tageblatt',
      receivedAt: '2026-11-27T08:30',
      topic: 'Baustelle Friedrich-Wilhelm-Straße',
      question: 'Wie lange dauert die Sperrung noch?',
      deadline: '2026-11-27T16:00',
    });
    expect(today).toMatchObject({ journalist: 'Ilka Wendehorst', outlet: 'Rheinhafener Tageblatt', overdue: false, answeredAt: null });
    const yesterday = await call(app.handlers, 'press.enquiries.save', {
      outlet: 'Radio Ruhrmündung',
      receivedAt: '2026-11-26T11:00',
      topic: 'Weihnachtsmarkt',
      deadline: '2026-11-26T18:00',
    });
    expect(yesterday.overdue).toBe(true);
    await call(app.handlers, 'press.enquiries.save', { outlet: 'Stadtmagazin', receivedAt: '2026-11-25T09:00', topic: 'Ehrenamtspreis' });

    let list = await call(app.handlers, 'press.enquiries.list', {});
    expect(list.map((e) => [e.topic, e.overdue])).toEqual([
      ['Weihnachtsmarkt', true],
      ['Baustelle Friedrich-Wilhelm-Straße', false],
      ['Ehrenamtspreis', false],
    ]);

    // 16:01 in Duisburg: the second one is overdue, too.
    clock = new Date('2026-11-27T15:01:00Z');
    const answered = await call(app.handlers, 'press.enquiries.answer', { id: yesterday.id, revision: yesterday.revision, answer: 'Der Weihnachtsmarkt öffnet am 26. November.' });
    expect(answered).toMatchObject({ overdue: false, answeredBy: 'test', answeredAt: '2026-11-27T15:01:00.000Z' });
    list = await call(app.handlers, 'press.enquiries.list', { open: true });
    expect(list.map((e) => [e.topic, e.overdue])).toEqual([
      ['Baustelle Friedrich-Wilhelm-Straße', true],
      ['Ehrenamtspreis', false],
    ]);
    expect((await call(app.handlers, 'press.enquiries.list', { open: false })).map((e) => e.topic)).toEqual(['Weihnachtsmarkt']);

    const backwards = await errorOf(dispatch(app.handlers, 'press.enquiries.save', { outlet: 'X', receivedAt: '2026-11-27T10:00', topic: 'Y', deadline: '2026-11-27T09:00' }));
    expect(backwards).toMatchObject({ code: 'INVALID_INPUT', message: 'Die Frist liegt vor dem Eingang der Anfrage.' });
    const nobody = await errorOf(dispatch(app.handlers, 'press.enquiries.save', { receivedAt: '2026-11-27T10:00', topic: 'Y' }));
    expect(nobody?.message).toBe('Bitte angeben, wer anfragt (Medium oder Journalistin bzw. Journalist).');
    expect(audit('press-enquiry').map(([action]) => action)).toEqual(['create', 'create', 'create', 'answer']);
  });
});

describe.each(ENGINES)('press revisions on %s', (kind) => {
  let office: Awaited<ReturnType<typeof openTempApp>>;
  beforeEach(async () => {
    office = await openTempApp(kind, { label: 'press_revisions' });
  }, 60_000);
  afterEach(async () => office.cleanup());
  const STALE = (thisOne: string, it: string) =>
    `${thisOne} wurde inzwischen von test geändert (27.11.2026, 10:00 Uhr). Bitte laden Sie ${it} neu; Ihre Änderungen sind nicht gespeichert.`;

  it('saves and steps a press release against the revision it was loaded at; an older one is refused with STALE naming who changed it, and nothing is overwritten', async () => {
    const release = await call(office.handlers, 'press.releases.save', HAFENFEST);
    expect(release.revision).toBe(1);
    expect((await call(office.handlers, 'press.releases.list', {})).find((r) => r.id === release.id)?.revision).toBe(1);
    // Two PCs loaded revision 1; the first submits it for approval, the second's save and step are refused.
    const submitted = await call(office.handlers, 'press.releases.step', { id: release.id, revision: release.revision, step: 'submit' });
    expect(submitted).toMatchObject({ status: 'abstimmung', revision: 2 });
    for (const [method, input] of [
      ['press.releases.save', { ...release, title: 'Hafenfest 2027' }],
      ['press.releases.step', { id: release.id, revision: 1, step: 'submit' }],
    ] as const) {
      const refused = await dispatch(office.handlers, method, input as never);
      expect(refused.ok ? null : refused.error, method).toMatchObject({ code: 'STALE', message: STALE('Diese Pressemitteilung', 'sie') });
    }
    expect(await call(office.handlers, 'press.releases.get', { id: release.id })).toMatchObject({ title: HAFENFEST.title, status: 'abstimmung', revision: 2 });

    const saved = await call(office.handlers, 'press.releases.save', { ...submitted, subtitle: 'Drei Tage Musik am Eisenbahnhafen' });
    expect(saved.revision).toBe(3);
    for (const [method, input] of [
      ['press.releases.save', { ...saved, revision: undefined }],
      ['press.releases.step', { id: release.id, step: 'approve' }],
    ] as const) {
      const refused = await dispatch(office.handlers, method, input as never);
      expect(refused.ok ? null : refused.error.message, method).toContain('Der Bearbeitungsstand (revision) fehlt.');
    }
  });

  it('saves and answers a press enquiry against the revision it was loaded at; an older one is refused with STALE naming who changed it, and nothing is overwritten', async () => {
    const enquiry = await call(office.handlers, 'press.enquiries.save', { outlet: 'Radio Ruhrmündung', receivedAt: '2026-11-27T08:00', topic: 'Weihnachtsmarkt' });
    expect(enquiry.revision).toBe(1);
    expect((await call(office.handlers, 'press.enquiries.list', {})).find((e) => e.id === enquiry.id)?.revision).toBe(1);
    const answered = await call(office.handlers, 'press.enquiries.answer', { id: enquiry.id, revision: 1, answer: 'Er öffnet am 26. November.' });
    expect(answered.revision).toBe(2);
    for (const [method, input] of [
      ['press.enquiries.save', { ...enquiry, topic: 'Weihnachtsmarkt 2026' }],
      ['press.enquiries.answer', { id: enquiry.id, revision: 1, answer: 'Er öffnet am 27. November.' }],
    ] as const) {
      const refused = await dispatch(office.handlers, method, input as never);
      expect(refused.ok ? null : refused.error, method).toMatchObject({ code: 'STALE', message: STALE('Diese Presseanfrage', 'sie') });
    }
    expect((await call(office.handlers, 'press.enquiries.list', {})).find((e) => e.id === enquiry.id)).toMatchObject({
      topic: 'Weihnachtsmarkt',
      answer: 'Er öffnet am 26. November.',
      revision: 2,
    });
    expect((await call(office.handlers, 'press.enquiries.save', { ...answered, question: 'Wann öffnet er?' })).revision).toBe(3);
    for (const [method, input] of [
      ['press.enquiries.save', { ...answered, revision: undefined }],
      ['press.enquiries.answer', { id: enquiry.id, answer: 'Am 26. November.' }],
    ] as const) {
      const refused = await dispatch(office.handlers, method, input as never);
      expect(refused.ok ? null : refused.error.message, method).toContain('Der Bearbeitungsstand (revision) fehlt.');
    }
  });
});
