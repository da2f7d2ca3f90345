import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, type RegisterMapping } from '../../api';
import { runRegisterImport, uploadBytes } from '../../app/register-import';
import { createTempApp } from '../../../tests/support/temp-app';
import { importExtract, previewExtract } from '../../../tests/support/register-import';
import { STANDARD_COLUMNS } from './register-extract';

let app: ReturnType<typeof createTempApp>;
beforeEach(() => {
  app = createTempApp({ now: () => new Date('2026-11-27T09:00:00Z') });
});
afterEach(() => app.cleanup());

const GERMAN_HEADERS = ['Ordnungsmerkmal', 'Familienname', 'Vornamen', 'Geschlecht', 'Geburtsdatum', 'Anschrift', 'PLZ Ort', 'Stadtbezirk', 'Widerspruch', 'Bemerkung'];

/** A workbook as a register's spreadsheet export might look: German headers, real Excel dates, one address column. */
async function workbook(rows: unknown[][], headers = GERMAN_HEADERS): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Auszug');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(5).numFmt = 'dd.mm.yyyy';
  return new Uint8Array(await book.xlsx.writeBuffer());
}
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Polls as the window does (a pause between polls lets the worker's answer arrive). */
async function untilFinished(jobId: string) {
  for (;;) {
    const status = await call(app.handlers, 'residents.import.status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const standardCsv = (count: number, change = (i: number) => `Name${i}`) =>
  new TextEncoder().encode(
    [
      STANDARD_COLUMNS.join(';'),
      ...Array.from({ length: count }, (_, i) =>
        [`P${i}`, change(i), 'Eva', '', 'w', '01.12.1946', 'Weg', '1', '47051', 'Duisburg', 'Mitte', '', '', '', '', '', '', ''].join(';'),
      ),
    ].join('\n'),
  );

describe('register extract as Excel with its own columns', () => {
  it('proposes a mapping, checks the rows and imports them; the jubilee list shows them', async () => {
    const bytes = await workbook([
      ['A-1', 'Groß', 'Erna', 'weiblich', utc(1936, 12, 3), 'Königstraße 5', '47051 Duisburg', 'Mitte', 'nein', 'x'],
      ['A-2', 'Still', 'Stefan', 'männlich', utc(1936, 12, 5), 'Hofweg 2', '47057 Duisburg', 'Süd', 'ja', ''],
      ['A-3', 'Falsch', 'Fritz', 'männlich', '31.02.1936', 'Hofweg 3', '47057 Duisburg', 'Süd', '', ''],
    ]);
    const uploadId = await uploadBytes(app.handlers, bytes, 'Auszug Dezember.xlsx');
    const inspection = await call(app.handlers, 'residents.import.inspect', { uploadId });
    expect(inspection).toMatchObject({ fileName: 'Auszug Dezember.xlsx', format: 'xlsx', encoding: null, headers: GERMAN_HEADERS, standard: false, profile: null });
    expect(inspection.sample[0]).toEqual(['A-1', 'Groß', 'Erna', 'weiblich', '1936-12-03', 'Königstraße 5', '47051 Duisburg', 'Mitte', 'nein', 'x']);
    expect(inspection.mapping).toEqual({
      Ordnungsmerkmal: 'register_id',
      Familienname: 'surname',
      Vornamen: 'given_names',
      Geschlecht: 'gender',
      Geburtsdatum: 'birth_date',
      Anschrift: 'street',
      'PLZ Ort': 'city',
      Stadtbezirk: 'district',
      Widerspruch: 'objection',
      Bemerkung: null,
    });

    const preview = await previewExtract(app.handlers, bytes, { mapping: inspection.mapping });
    expect(preview).toMatchObject({ format: 'xlsx', rows: 2, added: 2, rejectedTotal: 1 });
    expect(preview.rejected).toEqual([{ line: 4, message: 'Zeile 4: Das Geburtsdatum „31.02.1936“ gibt es nicht.' }]);

    await importExtract(app.handlers, bytes, { mapping: inspection.mapping });
    const { entries } = await call(app.handlers, 'jubilees.list', { from: '2026-12-01', to: '2026-12-31' });
    expect(entries.map((e) => [e.label, e.persons[0].addressLines])).toEqual([['90. Geburtstag', ['Frau Erna Groß', 'Königstraße 5', '47051 Duisburg']]]);
  });

  it('refuses a mapping without the required fields, in German, before reading rows', async () => {
    const bytes = await workbook([['A-1', 'Groß', 'Erna', 'w', utc(1936, 12, 3), '', '', '', '', '']]);
    const mapping: RegisterMapping = { Familienname: 'surname' };
    await expect(previewExtract(app.handlers, bytes, { mapping })).rejects.toThrow(
      'Die Spaltenzuordnung passt nicht zur Datei: Bitte ordnen Sie eine Spalte dem Feld „Melderegister-Nummer (Ordnungsmerkmal)“ zu. Bitte ordnen Sie eine Spalte dem Feld „Geburtsdatum“ zu.',
    );
  });

  it('says so when a file is neither CSV nor a readable workbook', async () => {
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    await expect(previewExtract(app.handlers, broken)).rejects.toThrow(/^Die Excel-Datei kann nicht gelesen werden\. Bitte speichern Sie sie in Excel erneut als \.xlsx\.$/);
  });
});

describe('mapping profiles', () => {
  it('saves a profile and proposes it for the next file with the same columns', async () => {
    const headers = ['OM', 'Zuname', 'Geb.', 'Sperre 51'];
    const mapping: RegisterMapping = { OM: 'register_id', Zuname: 'surname', 'Geb.': 'birth_date', 'Sperre 51': 'information_block' };
    const saved = await call(app.handlers, 'residents.import.profiles.save', { name: 'Meldebehörde Duisburg', mapping });
    expect(saved).toEqual([{ name: 'Meldebehörde Duisburg', mapping }]);

    const bytes = new TextEncoder().encode(`${headers.join(';')}\nR1;Groß;03.12.1936;0\n`);
    const inspection = await call(app.handlers, 'residents.import.inspect', { uploadId: await uploadBytes(app.handlers, bytes, 'januar.csv') });
    expect(inspection).toMatchObject({ format: 'csv', encoding: 'utf-8', profile: 'Meldebehörde Duisburg', mapping });

    // A file lacking one of the profile's columns does not get it.
    const other = new TextEncoder().encode('OM;Zuname;Geb.\nR1;Groß;03.12.1936\n');
    const second = await call(app.handlers, 'residents.import.inspect', { uploadId: await uploadBytes(app.handlers, other, 'x.csv') });
    expect(second.profile).toBeNull();

    expect(await call(app.handlers, 'residents.import.profiles.delete', { name: 'Meldebehörde Duisburg' })).toEqual([]);
    const missing = await dispatch(app.handlers, 'residents.import.profiles.delete', { name: 'Meldebehörde Duisburg' });
    expect(missing.ok ? null : missing.error.message).toBe('Das Zuordnungsprofil „Meldebehörde Duisburg“ gibt es nicht.');
  });
});

describe('the import in the background', () => {
  it('reports progress up to the file size', async () => {
    const bytes = standardCsv(2000);
    const uploadId = await uploadBytes(app.handlers, bytes, 'auszug.csv');
    const seen: Array<[number, number]> = [];
    const job = await runRegisterImport(app.handlers, { uploadId, commit: true, pollMs: 1, onProgress: (done, total) => seen.push([done, total]) });
    expect(job).toMatchObject({ state: 'done', done: bytes.length, total: bytes.length, result: { added: 2000 } });
    expect(seen.every(([done, total]) => total === bytes.length && done <= total)).toBe(true);
  });

  it('a cancel leaves the database as it was', async () => {
    await importExtract(app.handlers, standardCsv(3000));
    const before = app.db.$client.prepare('select count(*) from residents where surname like ?').pluck().get('Name%');
    const uploadId = await uploadBytes(app.handlers, standardCsv(3000, (i) => `Neu${i}`), 'neu.csv');
    const started = await call(app.handlers, 'residents.import.start', { uploadId, commit: true });
    await call(app.handlers, 'residents.import.cancel', { jobId: started.jobId });
    let status = started;
    status = await untilFinished(started.jobId);
    expect(status.state).toBe('cancelled');
    expect(app.db.$client.prepare('select count(*) from residents where surname like ?').pluck().get('Name%')).toBe(before);
    expect(app.db.$client.prepare('select count(*) from resident_imports').pluck().get()).toBe(1);
  });

  it('refuses other changes while an import writes, and a second import at the same time', async () => {
    const uploadId = await uploadBytes(app.handlers, standardCsv(3000), 'auszug.csv');
    const started = await call(app.handlers, 'residents.import.start', { uploadId, commit: true });
    const blocked = await dispatch(app.handlers, 'demo.load', {});
    expect(blocked.ok ? null : blocked.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^Gerade wird ein Melderegister-Auszug übernommen/) });
    const second = await dispatch(app.handlers, 'residents.import.start', { uploadId, commit: false });
    expect(second.ok ? null : second.error.code).toBe('CONFLICT');
    expect((await call(app.handlers, 'residents.status', {})).residents).toBeGreaterThanOrEqual(0); // reading goes on
    let status = started;
    status = await untilFinished(started.jobId);
    expect(status.state).toBe('done');
    expect((await dispatch(app.handlers, 'demo.load', {})).ok).toBe(true);
  });
});

describe('uploads', () => {
  it('joins the pieces of a file and refuses unknown or malformed ids', async () => {
    const first = await call(app.handlers, 'uploads.append', { fileName: 'a.csv', chunkBase64: Buffer.from('Hallo ').toString('base64') });
    const second = await call(app.handlers, 'uploads.append', { uploadId: first.uploadId, fileName: 'a.csv', chunkBase64: Buffer.from('Welt').toString('base64') });
    expect(second).toEqual({ uploadId: first.uploadId, fileName: 'a.csv', size: 10 });
    await call(app.handlers, 'uploads.discard', { uploadId: first.uploadId });
    const gone = await dispatch(app.handlers, 'residents.import.inspect', { uploadId: first.uploadId });
    expect(gone.ok ? null : gone.error.message).toBe('Die hochgeladene Datei ist nicht mehr vorhanden. Bitte wählen Sie sie erneut.');
    const bad = await dispatch(app.handlers, 'uploads.append', { uploadId: '../../etc/passwd', fileName: 'x', chunkBase64: '' });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT');
  });
});

describe('row fingerprints', () => {
  it('match those of earlier versions, so an unchanged extract stays unchanged after an update', async () => {
    await importExtract(app.handlers, standardCsv(3));
    // The fingerprint earlier versions stored: sha1 of the row's JSON without its line.
    const fields = {
      registerId: 'P1', surname: 'Name1', givenNames: 'Eva', degree: '', gender: 'female', birthDate: '1946-12-01', street: 'Weg', houseNumber: '1',
      postcode: '47051', city: 'Duisburg', district: 'Mitte', marriageDate: null, spouseRegisterId: null, deathDate: null,
      movedAway: false, objection: false, informationBlock: false, conditionalBlock: false,
    };
    const earlier = (await import('node:crypto')).createHash('sha1').update(JSON.stringify(fields)).digest('base64');
    expect(app.db.$client.prepare("select row_hash from residents where register_id = 'P1'").pluck().get()).toBe(earlier);
  });
});
