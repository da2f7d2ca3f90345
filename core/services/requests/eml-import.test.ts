import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citizenRequests, citizens, requestAttachments } from '../../../db/schema';
import { call, dispatch } from '../../api';
import { AppError } from '../../api/errors';
import { createTempApp } from '../../../tests/support/temp-app';
import { htmlToText, parseEml, splitName } from './eml-import';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const TODAY = '2026-11-27';

describe('reading .eml files', () => {
  it('UTF-8: Q-encoded sender and subject, quoted-printable text, attachments with umlaut file names (RFC 2231, encoded word)', async () => {
    const mail = await parseEml(fixture('laterne-utf8.eml'), 'laterne-utf8.eml', TODAY);
    expect(mail.sender).toEqual({ address: 'ayse.kaya@example.org', degrees: '', givenName: 'Ayşe', surname: 'Kaya' });
    // 23:30 UTC on 23 November is already the 24th in Berlin.
    expect(mail.receivedOn).toBe('2026-11-24');
    expect(mail.subject).toBe('Defekte Straßenlaterne in der Königstraße');
    expect(mail.text).toMatch(/^Sehr geehrte Frau Oberbürgermeisterin,\n\nseit drei Wochen ist die Straßenlaterne vor dem Haus Königstraße 12/);
    expect(mail.text).toContain('ältere Nachbarinnen');
    expect(mail.text).toMatch(/Mit freundlichen Grüßen\nAyşe Kaya$/);
    expect(mail.attachments.map((a) => [a.fileName, a.bytes.length])).toEqual([
      ['Foto_Straßenlaterne_Königstraße.jpg', 286],
      ['Lageplan Königstraße.pdf', 38],
    ]);
    expect(new TextDecoder().decode(mail.attachments[1]!.bytes)).toContain('%PDF-1.4');
    expect(mail.warnings).toEqual([]);
  });

  it('ISO-8859-1: B-encoded "Surname, Given name", Q-encoded subject, quoted-printable Latin-1 text', async () => {
    const mail = await parseEml(fixture('spielplatz-latin1.eml'), 'spielplatz-latin1.eml', TODAY);
    expect(mail.sender).toEqual({ address: 'J.Weissmueller@example.com', degrees: '', givenName: 'Jürgen', surname: 'Weißmüller' });
    expect(mail.receivedOn).toBe('2026-11-03');
    expect(mail.subject).toBe('Spielgeräte am Grüngürtel - bitte prüfen');
    expect(mail.text).toContain('die Spielgeräte am Grüngürtel in Walsum sind in einem schlechten Zustand');
    expect(mail.text).toContain('Übrigens: Die Müllabfuhr klappt hier großartig!');
    expect(mail.text).toContain('Friedrich-Ebert-Straße 3');
    expect(mail.attachments).toEqual([]);
  });

  it('HTML only: readable text with paragraphs, list items and links; no styles or scripts; the inline logo skipped with a warning', async () => {
    const mail = await parseEml(fixture('hafenfest-html.eml'), 'hafenfest-html.eml', TODAY);
    expect(mail.sender).toMatchObject({ givenName: 'Grete', surname: 'Öztürk' });
    expect(mail.subject).toBe('Danke für das Hafenfest!');
    expect(mail.receivedOn).toBe('2026-06-28');
    expect(mail.text).toBe(
      [
        'Sehr geehrte Frau Oberbürgermeisterin,',
        '',
        'ich möchte mich herzlich für das Hafenfest bedanken – es war wunderbar!',
        'Besonders gefallen haben mir:',
        '',
        '• die Musik am Leinpfad',
        '• das Feuerwerk & die Schiffsparade',
        '',
        'Mehr dazu auf unserer Seite (https://example.net/hafenfest).',
        '',
        'Viele Grüße',
        'Grete Öztürk',
      ].join('\n'),
    );
    expect(mail.attachments).toEqual([]);
    expect(mail.warnings).toEqual([
      'Die E-Mail enthielt nur HTML; übernommen wurde ihr Text ohne Formatierung und Bilder.',
      'Das eingebettete Bild „logo.png“ (Teil des HTML-Textes, z. B. ein Logo der Signatur) wurde nicht übernommen.',
    ]);
  });

  it.each([
    ['kaputt.eml', 'Die Datei „kaputt.eml“ kann nicht als E-Mail übernommen werden: Sie ist keine Textdatei, also keine gespeicherte E-Mail (.eml).'],
    ['notiz.eml', 'Die Datei „notiz.eml“ kann nicht als E-Mail übernommen werden: Es fehlen die Kopfzeilen einer E-Mail (Absender, Datum, Betreff). Bitte die E-Mail aus dem E-Mail-Programm als .eml speichern.'],
  ])('refuses %s with a clear German message', async (name, message) => {
    const error = await parseEml(fixture(name), name, TODAY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'IMPORT_INVALID', message });
  });

  it('refuses an empty file and an Outlook .msg file', async () => {
    await expect(parseEml(new Uint8Array(), 'leer.eml', TODAY)).rejects.toMatchObject({ code: 'IMPORT_INVALID', message: 'Die Datei „leer.eml“ kann nicht als E-Mail übernommen werden: Sie ist leer.' });
    const msg = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(parseEml(msg, 'Anliegen.msg', TODAY)).rejects.toMatchObject({ code: 'IMPORT_INVALID', message: expect.stringContaining('Outlook-Nachricht im .msg-Format') });
  });

  it('mails without sender, date or subject: taken with warnings', async () => {
    const raw = 'Message-ID: <x@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBitte die Bank am Rheinufer reparieren.\r\n';
    const mail = await parseEml(new TextEncoder().encode(raw), 'ohne.eml', TODAY);
    expect(mail).toMatchObject({ sender: null, receivedOn: TODAY, subject: 'E-Mail ohne Betreff', text: 'Bitte die Bank am Rheinufer reparieren.' });
    expect(mail.warnings).toEqual([
      'Die E-Mail nennt keinen Absender; das Anliegen wurde ohne Person (anonym) erfasst.',
      'Die E-Mail hat kein gültiges Datum; als Eingang gilt heute (27. November 2026).',
      'Die E-Mail hat keinen Betreff; bitte einen treffenden Betreff eintragen.',
    ]);
    const future = await parseEml(new TextEncoder().encode(`From: x@example.org\r\nDate: Wed, 2 Dec 2026 10:00:00 +0100\r\nSubject: Hallo\r\n\r\nText\r\n`), 'f.eml', TODAY);
    expect(future).toMatchObject({ receivedOn: TODAY, sender: { surname: 'x', givenName: '' } });
    expect(future.warnings[0]).toContain('keinen Namen');
    expect(future.warnings[1]).toBe('Das Datum der E-Mail (2. Dezember 2026) liegt in der Zukunft; als Eingang gilt heute (27. November 2026).');
  });

  it.each([
    ['Ayşe Kaya', { degrees: '', givenName: 'Ayşe', surname: 'Kaya' }],
    ['Kaya, Ayşe', { degrees: '', givenName: 'Ayşe', surname: 'Kaya' }],
    ['Dr. Jürgen Weißmüller', { degrees: 'Dr.', givenName: 'Jürgen', surname: 'Weißmüller' }],
    ['Prof. Dr. Erika Beispiel (Bürgerverein)', { degrees: 'Prof. Dr.', givenName: 'Erika', surname: 'Beispiel' }],
    ['Grete Maria Öztürk-Müller', { degrees: '', givenName: 'Grete Maria', surname: 'Öztürk-Müller' }],
    ['', { degrees: '', givenName: '', surname: '' }],
    ['kaya@example.org', { degrees: '', givenName: '', surname: '' }],
  ])('the display name %j as given name and surname', (display, expected) => {
    expect(splitName(display)).toEqual(expected);
  });

  it('HTML to text: entities, line breaks, tables', () => {
    expect(htmlToText('<p>A&nbsp;&amp;&nbsp;B</p><table><tr><td>Straße</td><td>Nr.</td></tr><tr><td>K&ouml;nigstra&szlig;e</td><td>12</td></tr></table><!-- x --><p>mailto: <a href="mailto:a@b.de">a@b.de</a></p>')).toBe(
      'A & B\n\nStraße Nr.\nKönigstraße 12\n\nmailto: a@b.de',
    );
  });
});

describe('requests.importEml', () => {
  let app: ReturnType<typeof createTempApp>;
  beforeEach(() => {
    app = createTempApp({ now: () => new Date('2026-11-27T09:00:00Z') });
  });
  afterEach(() => app.cleanup());

  const upload = async (name: string, bytes: Uint8Array = fixture(name)) =>
    (await call(app.handlers, 'uploads.append', { fileName: name, chunkBase64: Buffer.from(bytes).toString('base64') })).uploadId;
  const filesIn = (folder: string): string[] =>
    fs.existsSync(folder) ? fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];

  it('turns the e-mail into a request: the sender as citizen, date, subject, text, attachments in the data folder', async () => {
    const { request, warnings } = await call(app.handlers, 'requests.importEml', { uploadId: await upload('laterne-utf8.eml') });
    expect(warnings).toEqual([]);
    expect(request).toMatchObject({
      kind: 'anregung',
      channel: 'email',
      status: 'eingegangen',
      subject: 'Defekte Straßenlaterne in der Königstraße',
      receivedOn: '2026-11-24',
      citizen: { gender: 'unknown', givenName: 'Ayşe', surname: 'Kaya', email: 'ayse.kaya@example.org' },
    });
    expect(request.text).toContain('Königstraße 12');
    expect(request.attachments.map((a) => a.fileName)).toEqual(['Foto_Straßenlaterne_Königstraße.jpg', 'Lageplan Königstraße.pdf']);
    const pdf = await call(app.handlers, 'requests.attachment', { id: request.id, attachmentId: request.attachments[1]!.id });
    expect(Buffer.from(pdf.contentBase64, 'base64').toString()).toContain('%PDF-1.4');
    expect(filesIn(path.join(app.dataDir, 'Anliegen'))).toHaveLength(2);
    expect(filesIn(path.join(app.dataDir, 'Anliegen')).every((f) => !f.endsWith('.tmp'))).toBe(true);
    expect((await call(app.handlers, 'requests.history', { id: request.id }))[0]).toMatchObject({ action: 'Anliegen aus E-Mail übernommen', status: 'eingegangen' });
    // Searchable at once.
    expect((await call(app.handlers, 'requests.list', { text: 'Strassenlaterne' })).items.map((r) => r.id)).toEqual([request.id]);

    // The same sender again (address in other case): the known citizen is reused.
    const raw = new TextEncoder().encode('From: "A. Kaya" <AYSE.KAYA@example.org>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0100\r\nSubject: Nachtrag\r\n\r\nDie Laterne flackert jetzt.\r\n');
    const again = await call(app.handlers, 'requests.importEml', { uploadId: await upload('nachtrag.eml', raw) });
    expect(again.request.citizen?.id).toBe(request.citizen!.id);
    expect(app.db.select().from(citizens).all()).toHaveLength(1);
    expect((await call(app.handlers, 'requests.related', { id: again.request.id })).map((r) => r.id)).toEqual([request.id]);
  });

  it('a broken file: a clear German error and nothing written', async () => {
    for (const name of ['kaputt.eml', 'notiz.eml']) {
      const result = await dispatch(app.handlers, 'requests.importEml', { uploadId: await upload(name) });
      expect(result).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID', message: expect.stringContaining(`Die Datei „${name}“ kann nicht als E-Mail übernommen werden`) } });
    }
    expect(app.db.select().from(citizenRequests).all()).toEqual([]);
    expect(app.db.select().from(citizens).all()).toEqual([]);
    expect(filesIn(path.join(app.dataDir, 'Anliegen'))).toEqual([]);
  });

  it('all or nothing: when the database refuses, no request, no person and no file remain', async () => {
    app.db.$client.exec("create trigger refuse_attachment before insert on request_attachments begin select raise(abort, 'Platte voll (Test)'); end");
    const result = await dispatch(app.handlers, 'requests.importEml', { uploadId: await upload('laterne-utf8.eml') });
    expect(result.ok).toBe(false);
    expect(app.db.select().from(citizenRequests).all()).toEqual([]);
    expect(app.db.select().from(citizens).all()).toEqual([]);
    expect(app.db.select().from(requestAttachments).all()).toEqual([]);
    expect(filesIn(path.join(app.dataDir, 'Anliegen'))).toEqual([]);
    expect(fs.existsSync(path.join(app.dataDir, 'Anliegen')) ? fs.readdirSync(path.join(app.dataDir, 'Anliegen')).filter((n) => n.startsWith('.eingang-')) : []).toEqual([]);
  });
});
