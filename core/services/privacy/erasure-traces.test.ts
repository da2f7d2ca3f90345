import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../api';
import { createTempApp } from '../../../tests/support/temp-app';

/**
 * Erasing a person (DSGVO Art. 17) must leave nothing recoverable: not in the rows, not in the
 * pages SQLite freed, not in the full-text index, not in the write-ahead log, not in the audit
 * log and not in any file of the data folder — except the official letters the erase report
 * names as kept. Checked on the raw bytes, as someone with a hex editor would.
 */
const SURNAME = 'Wolkenstein-Brückner';
const EMAIL = 'h.wolkenstein@example.org';
const PERSON = {
  gender: 'female',
  givenName: 'Hedwig',
  surname: SURNAME,
  street: 'Lindenallee',
  houseNumber: '7',
  postcode: '47166',
  city: 'Duisburg',
  email: EMAIL,
  phone: '0203 4711',
} as const;

let app: ReturnType<typeof createTempApp>;
afterEach(() => app.cleanup());

/** How often a text occurs in bytes, ignoring ASCII case, as UTF-8 and as UTF-16 (both byte orders). */
function occurrences(bytes: Buffer, needle: string): number {
  const lower = Buffer.from(bytes.map((b) => (b >= 65 && b <= 90 ? b + 32 : b)));
  const text = needle.toLowerCase();
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  let n = 0;
  for (const pattern of [Buffer.from(text, 'utf8'), le, be]) {
    for (let at = lower.indexOf(pattern); at !== -1; at = lower.indexOf(pattern, at + 1)) n++;
  }
  return n;
}

/** The bytes of a file and, for a zip container (.docx, .xlsx), of everything inside it. */
function contentsOf(file: string): Buffer[] {
  const bytes = fs.readFileSync(file);
  if (bytes.subarray(0, 4).toString('latin1') !== 'PK\x03\x04') return [bytes];
  return [bytes, ...Object.values(unzipSync(new Uint8Array(bytes))).map((entry) => Buffer.from(entry))];
}

/** Every file of the data folder (database, WAL, letters, attachments, staging, trash …) holding the text. */
function filesHolding(dataDir: string, needles: string[]): Record<string, number> {
  const found: Record<string, number> = {};
  for (const entry of fs.readdirSync(dataDir, { recursive: true, withFileTypes: true }) as fs.Dirent[]) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const contents = contentsOf(file);
    for (const needle of needles) {
      const n = contents.reduce((sum, bytes) => sum + occurrences(bytes, needle), 0);
      if (n > 0) found[`${path.relative(dataDir, file)}: ${needle}`] = n;
    }
  }
  return found;
}

/**
 * The terms of the full-text index that hold the person's name, each as a segment stores it:
 * the part after the prefix it may share with a neighbouring term (FTS5 prefix compression).
 */
function storedIndexTerms(): string[] {
  const sqlite = app.db.$client;
  sqlite.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.request_terms USING fts5vocab(main, request_search, row)');
  const terms = (sqlite.prepare('select term from temp.request_terms').all() as Array<{ term: string }>).map((row) => row.term);
  const shared = (a: string, b: string) => [...a].findIndex((c, i) => b[i] !== c);
  return terms
    .filter((term) => /^(wolken|bruck)/.test(term))
    .map((term) => term.slice(Math.max(0, ...terms.filter((other) => other !== term).map((other) => shared(term, other)))));
}

/** Hedwig Wolkenstein-Brückner in every part of the citizen dialogue, among other people; with letters: her acknowledgement and reply. */
async function personEverywhere(withLetters = false): Promise<{ citizenId: number; requestId: number; letterIds: number[] }> {
  const letterIds: number[] = [];
  const signer = withLetters ? await call(app.handlers, 'signers.save', { name: 'Dr. Petra Hovestadt', gender: 'female', office: 'Oberbürgermeisterin', deputy: false }) : null;
  for (let i = 0; i < 30; i++) {
    await call(app.handlers, 'requests.save', {
      kind: 'anregung',
      channel: 'brief',
      citizen: { surname: `Nachbar${i}`, givenName: 'Karl', email: `karl${i}@example.org` },
      subject: `Parkbank Nummer ${i}`,
      text: 'Die Bank ist wackelig.',
      receivedOn: '2026-10-01',
    });
  }
  const request = await call(app.handlers, 'requests.save', {
    kind: 'beschwerde',
    channel: 'email',
    citizen: PERSON,
    subject: `Straßenlaterne vor Haus ${SURNAME} defekt`,
    text: `Frau ${SURNAME} (${EMAIL}) meldet, dass die Laterne seit Wochen nicht brennt.`,
    district: 'Hamborn',
    place: 'Lindenallee 7',
    receivedOn: '2026-11-02',
  });
  const citizenId = request.citizen!.id;
  const requestId = request.id;
  await call(app.handlers, 'requests.get', { id: requestId });
  // Each step at the revision the one before left (as the form holds it).
  let revision = request.revision;
  const step = async (input: Record<string, unknown>) => {
    const result = await call(app.handlers, 'requests.step', { id: requestId, revision, ...input } as never);
    revision = result.request.revision;
    return result;
  };
  if (withLetters) {
    const acknowledged = await step({ step: 'acknowledge', via: 'brief' });
    letterIds.push((await call(app.handlers, 'letters.create', acknowledged.letter!)).id);
  }
  const department = await call(app.handlers, 'requests.departments.save', { name: 'Amt für Straßenbau und Verkehr (66)' });
  await step({ step: 'forward', departmentId: department.id, note: `Bitte Frau ${SURNAME} zurückrufen.` });
  await step({ step: 'statement', receivedOn: '2026-11-27', text: `Laterne bei ${SURNAME} repariert.` });
  if (signer) {
    const answered = await step({ step: 'answer', signerId: signer.id });
    const reply = await call(app.handlers, 'letters.create', answered.letter!);
    await step({ step: 'replied', letterId: reply.id });
    letterIds.push(reply.id);
  }
  const upload = await call(app.handlers, 'uploads.append', {
    fileName: `Foto ${SURNAME}.txt`,
    chunkBase64: Buffer.from(`Foto der Laterne, aufgenommen von ${SURNAME}, ${EMAIL}`).toString('base64'),
  });
  await call(app.handlers, 'requests.attach', { id: requestId, revision, uploadId: upload.uploadId });
  await call(app.handlers, 'volunteering.enquiries.save', {
    citizen: request.citizen!,
    receivedOn: '2026-11-03',
    interests: `Frau ${SURNAME} möchte im Stadtteil vorlesen.`,
    fields: ['Soziales'],
    notes: `Rückruf unter ${EMAIL}`,
  });
  const event = await call(app.handlers, 'citizenEvents.save', {
    kind: 'gespraech',
    title: 'Bürgersprechstunde Hamborn',
    start: '2026-12-01T18:00',
    end: '2026-12-01T20:00',
    district: 'Hamborn',
    place: 'Bezirksrathaus Hamborn',
  });
  await call(app.handlers, 'citizenEvents.register', { eventId: event.id, citizen: request.citizen!, topic: `Laterne vor Haus ${SURNAME}` });
  await call(app.handlers, 'privacy.citizen.export', { citizenId, format: 'json' });
  return { citizenId, requestId, letterIds };
}

describe('erasing a person', () => {
  it('leaves neither the surname nor the e-mail address in the database file, its WAL or any file of the data folder', async () => {
    app = createTempApp();
    const { citizenId } = await personEverywhere();
    expect(Object.keys(filesHolding(app.dataDir, ['Wolkenstein', EMAIL])).length).toBeGreaterThan(0);
    const indexTerms = storedIndexTerms();
    expect(indexTerms.length).toBeGreaterThan(0);

    const report = await call(app.handlers, 'privacy.citizen.erase', { citizenId, confirm: SURNAME });
    expect(report.erased).toMatchObject({ requests: 1, attachments: 1, volunteerEnquiries: 1, eventRegistrations: 1, citizens: 1 });

    expect(filesHolding(app.dataDir, ['Wolkenstein', 'Brückner', 'Bruckner', EMAIL])).toEqual({});
    // Not even the full-text index's own form of the name (folded, stemmed, prefix-compressed).
    expect(filesHolding(app.dataDir, indexTerms)).toEqual({});
    // An anonymised entry says that an erasure happened, and who did it when.
    const entries = app.db.$client.prepare("select user, action, entity from audit_log where action = 'erase'").all();
    expect(entries).toEqual([{ user: 'test', action: 'erase', entity: 'citizen' }]);
    app.close();
    expect(filesHolding(app.dataDir, ['Wolkenstein', 'Brückner', 'Bruckner', EMAIL])).toEqual({});
  });
});

describe('erasing a person who was written to', () => {
  it('keeps only the official letters the report lists: their files and register rows hold the name, nothing else does', async () => {
    app = createTempApp();
    const { citizenId, letterIds } = await personEverywhere(true);
    const report = await call(app.handlers, 'privacy.citizen.erase', { citizenId, confirm: SURNAME });

    const kept = (await Promise.all(letterIds.map((id) => call(app.handlers, 'letters.get', { id })))).map((l) => ({ id: l.id, file: l.file }));
    expect(report.keptLetters.map(({ id, file }) => ({ id, file }))).toEqual(kept);
    expect(report.notes.join(' ')).toContain(`Nr. ${letterIds[0]}`);

    const holding = Object.keys(filesHolding(app.dataDir, ['Wolkenstein', EMAIL])).map((key) => key.replace(/: .*$/, ''));
    const keptFiles = kept.map((l) => path.normalize(l.file));
    expect([...new Set(holding)].sort()).toEqual([...keptFiles, 'rathausbuero.sqlite'].sort());
    // In the database the name is in the kept letters' register rows and nowhere else (audit log, freed pages, log …).
    const rows = app.db.$client.prepare(`select * from letters where id in (${letterIds.join(',')})`).all() as Array<Record<string, unknown>>;
    const inRows = rows.flatMap((row) => Object.values(row)).reduce<number>((n, value) => n + occurrences(Buffer.from(String(value)), 'Wolkenstein'), 0);
    expect(inRows).toBeGreaterThan(0);
    const database = fs.readFileSync(path.join(app.dataDir, 'rathausbuero.sqlite'));
    expect(occurrences(database, 'Wolkenstein')).toBe(inRows);
    expect(occurrences(database, EMAIL)).toBe(0);
  });
});
