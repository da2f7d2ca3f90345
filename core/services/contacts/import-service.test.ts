import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../api';
import { createTempApp } from '../../../tests/support/temp-app';

let app: ReturnType<typeof createTempApp>;
beforeEach(() => {
  app = createTempApp();
});
afterEach(() => app.cleanup());

const CSV = [
  'Anrede;Titel;Vorname;Nachname;Amt;Organisation;Straße;Hausnummer;PLZ;Ort;E-Mail;Gruppen',
  'Frau;Dr.;Anna;Groß;;Schützenverein Ruhrort e. V.;Königstraße;1;47051;Duisburg;anna@example.org;Vereine',
  'Herr;;Max;Muster;Ratsmitglied;;;;47057;Duisburg;;Rat der Stadt',
  'Frau;;Eva;;;;;;;;;',
  'Herr;;Jan;Fehler;;;;;;Duisburg;kein-at;',
].join('\r\n');

const encode = (text: string, encoding: 'utf-8' | 'windows-1252' = 'utf-8') =>
  (encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'win1252')).toString('base64');

describe('contact import service', () => {
  it('analyses a Windows-1252 file and suggests the mapping', async () => {
    const analysis = await call(app.handlers, 'contacts.import.analyze', { contentBase64: encode(CSV, 'windows-1252') });
    expect(analysis.encoding).toBe('windows-1252');
    expect(analysis.delimiter).toBe(';');
    expect(analysis.rowCount).toBe(4);
    expect(analysis.suggestedMapping).toMatchObject({ Nachname: 'surname', Straße: 'street', 'E-Mail': 'email', Organisation: 'organisation' });
    expect(analysis.sampleRows[0]).toContain('Groß');
  });

  it('previews valid rows, new organisations and every error with its line', async () => {
    const contentBase64 = encode(CSV);
    const { suggestedMapping: mapping } = await call(app.handlers, 'contacts.import.analyze', { contentBase64 });
    const preview = await call(app.handlers, 'contacts.import.preview', { contentBase64, mapping });
    expect(preview.validCount).toBe(2);
    expect(preview.newOrganisations).toEqual(['Schützenverein Ruhrort e. V.']);
    expect(preview.errors.map((e) => e.line)).toEqual([4, 5]);
    expect(preview.errors[0].message).toMatch(/^Zeile 4, Spalte „Nachname“: /);
    expect(preview.errors[1].message).toBe('Zeile 5, Spalte „E-Mail“: Die E-Mail-Adresse ist ungültig.');
    expect(preview.sample.map((s) => s.displayName)).toEqual(['Dr. Anna Groß', 'Max Muster']);
    expect((await call(app.handlers, 'app.info', {})).contactCount).toBe(0);
  });

  it('imports nothing while rows have errors, unless the user chose to skip them', async () => {
    const contentBase64 = encode(CSV);
    const { suggestedMapping: mapping } = await call(app.handlers, 'contacts.import.analyze', { contentBase64 });
    const refused = await dispatch(app.handlers, 'contacts.import.commit', { contentBase64, mapping, fileName: 'kontakte.csv' });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'IMPORT_INVALID',
      message: 'Die Datei „kontakte.csv“ enthält 2 fehlerhafte Zeile(n); es wurde nichts importiert.',
    });
    expect((await call(app.handlers, 'app.info', {})).contactCount).toBe(0);

    const result = await call(app.handlers, 'contacts.import.commit', { contentBase64, mapping, skipInvalidRows: true });
    expect(result).toEqual({ imported: 2, organisationsCreated: 1, skipped: 2 });
    const anna = (await call(app.handlers, 'contacts.list', { query: 'Groß' })).items.find((i) => i.kind === 'person')!;
    expect(anna.organisationName).toBe('Schützenverein Ruhrort e. V.');
    expect(anna.tags).toEqual(['Vereine']);
    const max = (await call(app.handlers, 'contacts.list', { query: 'Muster' })).items[0];
    expect((await call(app.handlers, 'contacts.addressing', { id: max.id })).addressLines).toEqual([
      'Herrn',
      'Max Muster',
      'Mitglied des Rates der Stadt Duisburg',
    ]);
  });

  it('links to an existing organisation instead of creating it twice', async () => {
    await call(app.handlers, 'contacts.create', { kind: 'organisation', name: 'SCHÜTZENVEREIN Ruhrort e. V.' });
    const contentBase64 = encode(CSV.split('\r\n').slice(0, 2).join('\n'));
    const { suggestedMapping: mapping } = await call(app.handlers, 'contacts.import.analyze', { contentBase64 });
    expect((await call(app.handlers, 'contacts.import.preview', { contentBase64, mapping })).newOrganisations).toEqual([]);
    expect(await call(app.handlers, 'contacts.import.commit', { contentBase64, mapping })).toEqual({ imported: 1, organisationsCreated: 0, skipped: 0 });
    expect((await call(app.handlers, 'app.info', {})).contactCount).toBe(2);
  });

  it('links persons to an organisation that is a row of the same file', async () => {
    const contentBase64 = encode(['Art;Name der Organisation;Nachname;Organisation;Ort', 'Organisation;TV Duisburg e. V.;;;Duisburg', 'Person;;Vogt;TV Duisburg e. V.;Duisburg'].join('\n'));
    const { suggestedMapping: mapping } = await call(app.handlers, 'contacts.import.analyze', { contentBase64 });
    expect((await call(app.handlers, 'contacts.import.preview', { contentBase64, mapping })).newOrganisations).toEqual([]);
    expect(await call(app.handlers, 'contacts.import.commit', { contentBase64, mapping })).toEqual({ imported: 2, organisationsCreated: 0, skipped: 0 });
    const orgs = await call(app.handlers, 'contacts.list', { kind: 'organisation' });
    expect(orgs.items.map((o) => [o.displayName, o.city])).toEqual([['TV Duisburg e. V.', 'Duisburg']]);
    const vogt = (await call(app.handlers, 'contacts.list', { query: 'Vogt' })).items[0];
    expect(vogt.organisationName).toBe('TV Duisburg e. V.');
  });

  it('rolls back everything when a row fails while writing', async () => {
    // A trigger makes the database refuse the third contact, after two were written.
    app.db.$client.exec(
      "create trigger refuse_drei before insert on contacts when new.surname = 'Drei' begin select raise(abort, 'Datenträger voll'); end",
    );
    const result = await dispatch(app.handlers, 'contacts.import.commit', {
      contentBase64: encode('Nachname;Organisation\nEins;Neuer Verein\nZwei;\nDrei;\n'),
      mapping: { Nachname: 'surname', Organisation: 'organisation' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('Datenträger voll');
    // The database's message, not the statement with the row's values.
    if (!result.ok) expect(result.error.message).not.toMatch(/insert into|Drei/i);
    expect((await call(app.handlers, 'app.info', {})).contactCount).toBe(0);
    expect(app.db.$client.prepare('select count(*) from audit_log').pluck().get()).toBe(0);
  });

  it('rejects files that are not CSV with a German message', async () => {
    const result = await dispatch(app.handlers, 'contacts.import.analyze', { contentBase64: encode('') });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/leer|keine Kopfzeile/);
  });
});

describe('demo office', () => {
  it('loads about 200 fictional contacts once, with couples and organisations linked', async () => {
    const { contacts } = await call(app.handlers, 'demo.load', {});
    expect(contacts).toBeGreaterThanOrEqual(180);
    expect((await call(app.handlers, 'app.info', {})).contactCount).toBe(contacts);
    const couples = app.db.$client
      .prepare('select count(*) from contacts a join contacts b on a.partner_id = b.id where b.partner_id = a.id')
      .pluck()
      .get() as number;
    expect(couples).toBeGreaterThanOrEqual(30);
    const again = await dispatch(app.handlers, 'demo.load', {});
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
  });
});
