import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../api';
import { createTempApp, openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';
import { documentText } from '../../documents/docx-template';

let app: ReturnType<typeof createTempApp>;
beforeEach(() => {
  app = createTempApp();
});
afterEach(() => app.cleanup());

describe('speeches.greeting', () => {
  it('greets a guest speaker\'s audience in protocol order, host included, guests of honour by name, with the catalogue of the database', async () => {
    const mayor = { gender: 'male', surname: 'Sandmann', role: 'oberbuergermeister' } as const;
    const minister = { gender: 'male', surname: 'Tiefenbach', role: 'landesminister' } as const;
    const result = await call(app.handlers, 'speeches.greeting', {
      speaker: minister,
      host: mayor,
      guests: [
        { gender: 'female', surname: 'Schulz', role: 'ratsmitglied' },
        { gender: 'male', surname: 'Maier', role: 'ratsmitglied' },
        minister,
        { gender: 'female', surname: 'Paschke', role: 'mdb' },
        { gender: 'male', surname: 'Lemmerz', role: 'mdl' },
        // A guest of honour is greeted by name; a guest without an office and without the mark
        // is one of the „Damen und Herren“ (DOMAIN.md B).
        { gender: 'female', surname: 'Müller', degrees: 'Dr.', guestOfHonour: true },
        { gender: 'male', surname: 'Kaya' },
      ],
    });
    expect(result.text).toBe(
      'Sehr geehrte Abgeordnete, sehr geehrter Herr Oberbürgermeister, sehr geehrte Mitglieder des Rates, ' +
        'sehr geehrte Frau Dr. Müller, meine sehr geehrten Damen und Herren,',
    );
    expect(result.order.map((p) => p.surname)).toEqual(['Paschke', 'Lemmerz', 'Sandmann', 'Schulz', 'Maier', 'Müller', 'Kaya']);
  });

  it('refuses a guest without a surname', async () => {
    const result = await dispatch(app.handlers, 'speeches.greeting', { guests: [{ gender: 'male', surname: '' }] });
    expect(result.ok ? null : result.error.code).toBe('INVALID_INPUT');
  });
});

describe('speech register', () => {
  it('records a Grußwort for an appointment; the appointment and its Terminmappe show it', async () => {
    await call(app.handlers, 'demo.load', {});
    const [ob] = await call(app.handlers, 'calendar.calendars', {});
    const view = await call(app.handlers, 'calendar.view', { from: '2026-12-08', to: '2026-12-08', calendarIds: [ob.id] });
    const reception = view.occurrences.find((o) => o.title === 'Empfang der Delegation aus Portsmouth')!;
    const speech = await call(app.handlers, 'speeches.save', {
      title: 'Begrüßung der Delegation aus Portsmouth',
      kind: 'grusswort',
      speakerId: ob.signerId,
      appointmentId: reception.appointmentId,
      targetMinutes: 5,
      deadline: '2026-12-01',
      author: 'Frau Kemper',
      status: 'entwurf',
    });
    expect(speech).toMatchObject({ speaker: 'Dr. Petra Hovestadt, Oberbürgermeisterin', status: 'entwurf', overdue: false });
    const appointment = await call(app.handlers, 'calendar.appointments.get', { id: reception.appointmentId });
    expect(appointment.speeches).toEqual([{ id: speech.id, title: 'Begrüßung der Delegation aus Portsmouth', kind: 'grusswort', status: 'entwurf', deadline: '2026-12-01' }]);
    const file = await call(app.handlers, 'calendar.briefing', { appointmentId: reception.appointmentId });
    const text = documentText(new Uint8Array(Buffer.from(file.contentBase64, 'base64'))).body;
    expect(text).toContain('Grußwort (gesprochen) „Begrüßung der Delegation aus Portsmouth“: Entwurf, 5 Minuten, Frist 01.12.2026, verfasst von Frau Kemper');
    expect((await call(app.handlers, 'speeches.list', { appointmentId: reception.appointmentId })).map((s) => s.id)).toEqual([speech.id]);
  });

  it('marks a speech past its deadline as overdue until it is released, and refuses unknown links', async () => {
    const late = await call(app.handlers, 'speeches.save', { title: 'Neujahrsrede', kind: 'rede', deadline: '2026-11-20', status: 'entwurf' });
    expect(late.overdue).toBe(true);
    expect((await call(app.handlers, 'speeches.save', { ...late, status: 'freigegeben' })).overdue).toBe(false);
    const broken = await dispatch(app.handlers, 'speeches.save', { title: 'X', kind: 'rede', appointmentId: 999 });
    expect(broken.ok ? null : broken.error.message).toBe('Der Termin Nr. 999 wurde nicht gefunden.');
  });
});

const paragraph = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
const bodyOf = (...texts: string[]) => ({ type: 'doc' as const, content: texts.map(paragraph) });

describe('speech texts and versions', () => {
  it('keeps every changed save as a version, compares two and restores one as a new version', async () => {
    const first = await call(app.handlers, 'speeches.save', {
      title: 'Grußwort Hafenfest',
      kind: 'grusswort',
      body: bodyOf('Liebe Gäste,', 'heute feiern wir das Hafenfest in Ruhrort.'),
    });
    expect(first).toMatchObject({ version: 1, words: 9 });
    const second = await call(app.handlers, 'speeches.save', { ...first, body: bodyOf('Liebe Gäste,', 'heute feiern wir das 25. Hafenfest in Ruhrort.') });
    expect(second).toMatchObject({ version: 2, words: 10 });
    // Saving the details without a changed text adds no version.
    const third = await call(app.handlers, 'speeches.save', { ...second, status: 'abstimmung' });
    expect(third.version).toBe(2);

    const versions = await call(app.handlers, 'speeches.versions', { id: first.id });
    expect(versions.map((v) => [v.number, v.words])).toEqual([
      [2, 10],
      [1, 9],
    ]);
    const comparison = await call(app.handlers, 'speeches.compare', { from: versions[1]!.id, to: versions[0]!.id });
    expect(comparison.changes.filter((c) => c.kind !== 'same')).toEqual([{ kind: 'added', text: '25. ' }]);
    expect(comparison).toMatchObject({ addedWords: 1, removedWords: 0 });

    const restored = await call(app.handlers, 'speeches.restore', { versionId: versions[1]!.id, revision: third.revision });
    expect(restored.version).toBe(3);
    expect(restored.body).toEqual(bodyOf('Liebe Gäste,', 'heute feiern wir das Hafenfest in Ruhrort.'));
    const [newest] = await call(app.handlers, 'speeches.versions', { id: first.id });
    expect(newest).toMatchObject({ number: 3, note: 'wiederhergestellt aus Fassung 1', savedBy: expect.any(String) });
  });

  it('counts only spoken words: stage notes and pause marks are left out', async () => {
    const speech = await call(app.handlers, 'speeches.save', {
      title: 'Rede',
      kind: 'rede',
      body: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Begrüßung' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Glück auf!' },
              { type: 'pause' },
              { type: 'text', text: 'Blick in den Saal', marks: [{ type: 'stageNote' }] },
              { type: 'text', text: ' Schön, dass Sie da sind.' },
            ],
          },
        ],
      },
    });
    expect(speech.words).toBe(8);
    const [version] = await call(app.handlers, 'speeches.versions', { id: speech.id });
    expect((await call(app.handlers, 'speeches.version', { id: version!.id })).plainText).toBe('Begrüßung\n\nGlück auf! // [Blick in den Saal] Schön, dass Sie da sind.');
  });

  it('refuses a text the editor cannot have produced, and comparing versions of two speeches', async () => {
    const bad = await dispatch(app.handlers, 'speeches.save', { title: 'X', kind: 'rede', body: { type: 'doc', content: [{ type: 'bulletList' }] } });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT');
    const a = await call(app.handlers, 'speeches.save', { title: 'A', kind: 'rede', body: bodyOf('Eins') });
    const b = await call(app.handlers, 'speeches.save', { title: 'B', kind: 'rede', body: bodyOf('Zwei') });
    const [va] = await call(app.handlers, 'speeches.versions', { id: a.id });
    const [vb] = await call(app.handlers, 'speeches.versions', { id: b.id });
    const mixed = await dispatch(app.handlers, 'speeches.compare', { from: va!.id, to: vb!.id });
    expect(mixed.ok ? null : mixed.error.message).toBe('Verglichen werden können nur Fassungen derselben Rede.');
  });

  it('stores the greeting with the speech', async () => {
    const guest = { contactId: null, name: 'Max Severin', person: { gender: 'male' as const, surname: 'Severin', role: 'landesminister' } };
    const speech = await call(app.handlers, 'speeches.save', {
      title: 'Rede',
      kind: 'rede',
      greeting: { guests: [guest], host: null, closing: 'buergerschaft', order: [guest.person], text: 'Sehr geehrter Herr Minister, liebe Duisburgerinnen und Duisburger,' },
    });
    expect((await call(app.handlers, 'speeches.get', { id: speech.id })).greeting).toMatchObject({ closing: 'buergerschaft', guests: [guest] });
  });
});

describe('speeches.search', () => {
  it('finds speeches and text blocks by German word forms, umlauts and ß however typed, with a snippet', async () => {
    const harbour = await call(app.handlers, 'speeches.save', {
      title: 'Grußwort zum Hafenfest 2025',
      kind: 'grusswort',
      audience: 'Hafenwirtschaft',
      body: bodyOf('Liebe Gäste,', 'beim Hafenfest zeigt Ruhrort, was die Duisburgerinnen und Duisburger können.', 'Glück auf!'),
    });
    await call(app.handlers, 'speeches.save', { title: 'Neujahrsempfang', kind: 'rede', body: bodyOf('Ein gutes neues Jahr für unsere Stadt.') });
    const block = await call(app.handlers, 'textBlocks.save', { title: 'Dank an die Feuerwehr', category: 'Rede', text: 'Mein Dank gilt den Kameradinnen und Kameraden der Feuerwehren.' });

    const hits = await call(app.handlers, 'speeches.search', { text: 'Hafenfestes' });
    expect(hits.speeches.map((s) => s.id)).toEqual([harbour.id]);
    expect(hits.speeches[0]!.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['Hafenfest']);
    expect((await call(app.handlers, 'speeches.search', { text: 'duisburgerin ruhrort' })).speeches.map((s) => s.id)).toEqual([harbour.id]);
    expect((await call(app.handlers, 'speeches.search', { text: 'GRUSSWORT' })).speeches.map((s) => s.id)).toEqual([harbour.id]);
    // Every word must match; a question typed as a sentence falls back to the most telling words.
    expect((await call(app.handlers, 'speeches.search', { text: 'Hafenfest Ruhrort' })).speeches.map((s) => s.id)).toEqual([harbour.id]);
    expect((await call(app.handlers, 'speeches.search', { text: 'Was haben wir beim Hafenfest gesagt?' })).speeches[0]!.id).toBe(harbour.id);
    expect((await call(app.handlers, 'speeches.search', { text: 'Karneval' })).speeches).toEqual([]);

    const fire = await call(app.handlers, 'speeches.search', { text: 'feuerwehr' });
    expect(fire.textBlocks.map((b) => b.id)).toEqual([block.id]);
    await call(app.handlers, 'textBlocks.delete', { id: block.id });
    expect((await call(app.handlers, 'speeches.search', { text: 'feuerwehr' })).textBlocks).toEqual([]);
  });

  it('finds speeches and text blocks written without the index (an older build, rows written by hand) once the app is opened again', async () => {
    const sqlite = app.db.$client;
    const speech = Number(
      sqlite.prepare("insert into speeches (title, kind, audience, created_at, updated_at) values ('Rede zur Brückeneinweihung', 'rede', 'Bürgerschaft', 'x', 'x')").run().lastInsertRowid,
    );
    sqlite
      .prepare("insert into speech_versions (speech_id, number, body, plain_text, words, saved_at, saved_by) values (?, 1, '{}', 'Die neue Brücke verbindet Homberg und Ruhrort.', 7, 'x', 'x')")
      .run(speech);
    sqlite.prepare("insert into text_blocks (title, category, text, updated_at) values ('Dank an den Bauhof', 'Rede', 'Den Beschäftigten des Bauhofs danke ich.', 'x')").run();
    app.close();
    app = createTempApp({ dataDir: app.dataDir });

    expect((await call(app.handlers, 'speeches.search', { text: 'Brücke Homberg' })).speeches.map((s) => s.id)).toEqual([speech]);
    expect((await call(app.handlers, 'speeches.search', { text: 'Bauhof' })).textBlocks.map((b) => b.title)).toEqual(['Dank an den Bauhof']);
  });

  it('searches the newest version only, and a changed title at once', async () => {
    const speech = await call(app.handlers, 'speeches.save', { title: 'Rede', kind: 'rede', body: bodyOf('Wir danken dem Stadtsportbund.') });
    await call(app.handlers, 'speeches.save', { ...speech, title: 'Sportlerehrung', body: bodyOf('Wir danken den Vereinen.') });
    expect((await call(app.handlers, 'speeches.search', { text: 'Stadtsportbund' })).speeches).toEqual([]);
    expect((await call(app.handlers, 'speeches.search', { text: 'Vereine' })).speeches.map((s) => s.title)).toEqual(['Sportlerehrung']);
    expect((await call(app.handlers, 'speeches.search', { text: 'sportlerehrungen' })).speeches).toHaveLength(1);
  });

  it('ignores search syntax typed by users instead of failing', async () => {
    await call(app.handlers, 'speeches.save', { title: 'Rede', kind: 'rede', body: bodyOf('Text') });
    for (const text of ['"', 'NEAR(', 'a OR', '*', '-x', '—']) {
      const result = await dispatch(app.handlers, 'speeches.search', { text });
      expect(result.ok).toBe(true);
    }
  });
});

describe('speech settings', () => {
  it('has 110 words per minute by default and refuses unrealistic rates', async () => {
    expect(await call(app.handlers, 'speeches.settings', {})).toEqual({ wordsPerMinute: 110 });
    expect(await call(app.handlers, 'speeches.settings.save', { wordsPerMinute: 95 })).toEqual({ wordsPerMinute: 95 });
    const bad = await dispatch(app.handlers, 'speeches.settings.save', { wordsPerMinute: 20 });
    expect(bad.ok ? null : bad.error.message).toContain('Mindestens 60 Wörter pro Minute.');
  });
});

describe('demo speeches', () => {
  it('come with texts as versions, linked to their appointment and findable by full-text search', async () => {
    await call(app.handlers, 'demo.load', {});
    const list = await call(app.handlers, 'speeches.list', {});
    expect(list.map((s) => [s.title, s.status, s.version !== null])).toEqual(
      expect.arrayContaining([
        ['Grußwort zum Hafenfest 2026', 'gehalten', true],
        ['Grußwort zur Eröffnung des Adventsmarkts', 'entwurf', true],
        ['Neujahrsansprache 2027', 'auftrag', false],
      ]),
    );
    expect(list.find((s) => s.title.includes('Adventsmarkts'))!.appointmentId).not.toBeNull();
    const hits = await call(app.handlers, 'speeches.search', { text: 'Ehrenamtliche' });
    expect(hits.speeches.map((s) => s.title)).toEqual(['Grußwort zum Hafenfest 2026']);
    expect(hits.textBlocks.map((b) => b.title)).toEqual(['Dank für das Ehrenamt']);
  });
});

describe('speeches.document', () => {
  it('writes the manuscript with its cover sheet and the Festschrift page, warning when a Grußwort is too long for one page', async () => {
    await call(app.handlers, 'demo.load', {});
    const advent = (await call(app.handlers, 'speeches.list', {})).find((s) => s.title.includes('Adventsmarkts'))!;
    const manuscript = await call(app.handlers, 'speeches.document', { id: advent.id, format: 'manuskript' });
    expect(manuscript.fileName).toBe('Redemanuskript-Grusswort-zur-Eroeffnung-des-Adventsmarkts.docx');
    const text = documentText(new Uint8Array(Buffer.from(manuscript.contentBase64, 'base64'))).body;
    expect(text).toContain('Adventsmarkt Eröffnung');
    expect(text).toContain('Samstag, 5. Dezember 2026, 16:00 Uhr');
    expect(text).toContain('König-Heinrich-Platz');
    expect(text).toContain('Edeltraud Klasen');
    expect(text).toMatch(/ca\. 0:\d\d Min\. \(\d+ Wörter; Vorgabe 3 Min\.\)/);
    expect(text).toContain('[Glocke läuten]');
    expect(manuscript.warnings).toEqual([]);

    const short = await call(app.handlers, 'speeches.document', { id: advent.id, format: 'festschrift' });
    expect(short.warnings).toEqual([]);
    expect(documentText(new Uint8Array(Buffer.from(short.contentBase64, 'base64'))).body).not.toContain('Glocke');

    const long = await call(app.handlers, 'speeches.save', { title: 'Festschrift', kind: 'grusswort_schriftlich', body: bodyOf(...Array.from({ length: 14 }, () => 'Wort '.repeat(60).trim())) });
    const tooLong = await call(app.handlers, 'speeches.document', { id: long.id, format: 'festschrift' });
    expect(tooLong.warnings.join(' ')).toContain('Der Text ist für eine Seite zu lang');
  });
});

describe.each(ENGINES)('speech revisions on %s', (kind) => {
  let office: Awaited<ReturnType<typeof openTempApp>>;
  beforeEach(async () => {
    office = await openTempApp(kind, { label: 'speech_revisions' });
  }, 60_000);
  afterEach(async () => office.cleanup());

  it('saves and restores against the revision the speech was loaded at; an older one is refused with STALE naming who changed it, and nothing is overwritten', async () => {
    const speech = await call(office.handlers, 'speeches.save', { title: 'Grußwort Hafenfest', kind: 'grusswort', body: bodyOf('Liebe Gäste,', 'willkommen in Ruhrort.') });
    expect(speech.revision).toBe(1);
    expect((await call(office.handlers, 'speeches.list', {})).find((s) => s.id === speech.id)?.revision).toBe(1);
    // Two PCs loaded revision 1; the first saves a new text, the second's save and restore are refused.
    const saved = await call(office.handlers, 'speeches.save', { ...speech, body: bodyOf('Liebe Gäste,', 'herzlich willkommen in Ruhrort.') });
    expect(saved).toMatchObject({ revision: 2, version: 2 });
    const [, first] = await call(office.handlers, 'speeches.versions', { id: speech.id });
    for (const [method, input] of [
      ['speeches.save', { ...speech, title: 'Grußwort zum Hafenfest', body: bodyOf('Liebe Gäste!') }],
      ['speeches.restore', { versionId: first!.id, revision: speech.revision }],
    ] as const) {
      const refused = await dispatch(office.handlers, method, input as never);
      expect(refused.ok ? null : refused.error, method).toMatchObject({
        code: 'STALE',
        message: 'Diese Rede wurde inzwischen von test geändert (27.11.2026, 10:00 Uhr). Bitte laden Sie sie neu; Ihre Änderungen sind nicht gespeichert.',
      });
    }
    expect(await call(office.handlers, 'speeches.get', { id: speech.id })).toMatchObject({
      title: 'Grußwort Hafenfest',
      version: 2,
      revision: 2,
      body: bodyOf('Liebe Gäste,', 'herzlich willkommen in Ruhrort.'),
    });
    expect(await call(office.handlers, 'speeches.versions', { id: speech.id })).toHaveLength(2);

    const restored = await call(office.handlers, 'speeches.restore', { versionId: first!.id, revision: 2 });
    expect(restored).toMatchObject({ version: 3, revision: 3 });
    for (const [method, input] of [
      ['speeches.save', { ...restored, revision: undefined }],
      ['speeches.restore', { versionId: first!.id }],
    ] as const) {
      const refused = await dispatch(office.handlers, method, input as never);
      expect(refused.ok ? null : refused.error.message, method).toContain('Der Bearbeitungsstand (revision) fehlt.');
    }
  });
});
