import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentText } from '../../documents/docx-template';
import { call, dispatch } from '../../api';
import { STANDARD_COLUMNS } from './register-extract';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { IMPORT_LOCK } from './import-postgres-repository';
import { openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';
import { importExtract, previewExtract } from '../../../tests/support/register-import';

let app: Awaited<ReturnType<typeof openTempApp>>;

type Row = Partial<Record<(typeof STANDARD_COLUMNS)[number], string>>;
const csv = (rows: Row[]) =>
  Buffer.from([STANDARD_COLUMNS.join(';'), ...rows.map((r) => STANDARD_COLUMNS.map((c) => r[c] ?? '').join(';'))].join('\r\n')).toString('base64');

const base: Row[] = [
  { register_id: 'R1', surname: 'Groß', given_names: 'Erna', gender: 'w', birth_date: '03.12.1936', street: 'Königstraße', house_number: '5', postcode: '47051', city: 'Duisburg', district: 'Mitte' },
  { register_id: 'R2', surname: 'Maier', given_names: 'Manfred', gender: 'm', birth_date: '1940-05-01', marriage_date: '12.12.1966', spouse_register_id: 'R3', street: 'Hofweg', house_number: '2', postcode: '47057', city: 'Duisburg', district: 'Süd' },
  { register_id: 'R3', surname: 'Maier', given_names: 'Maria', gender: 'w', birth_date: '1942-06-01', marriage_date: '12.12.1966', spouse_register_id: 'R2', street: 'Hofweg', house_number: '2', postcode: '47057', city: 'Duisburg', district: 'Süd' },
  { register_id: 'R4', surname: 'Still', given_names: 'Stefan', gender: 'm', birth_date: '05.12.1946', objection: '1', city: 'Duisburg' },
  { register_id: 'R5', surname: 'Alt', given_names: 'Anton', degree: 'Dr.', gender: 'm', birth_date: '10.12.1926', street: 'Rheinweg', house_number: '1', postcode: '47198', city: 'Duisburg', district: 'Homberg' },
];
const bad: Row[] = [
  { register_id: 'B1', surname: 'Unmöglich', gender: 'w', birth_date: '31.02.1930' },
  { register_id: 'B2', surname: 'Zukunft', gender: 'm', birth_date: '01.01.2030' },
  { register_id: 'B3', surname: '', gender: 'm', birth_date: '01.01.1950' },
  { register_id: 'R1', surname: 'Doppelt', gender: 'w', birth_date: '01.01.1950' },
];
const DECEMBER = { from: '2026-12-01', to: '2026-12-31' };

// The register import runs in its worker on either engine: SQLite statements on the data file, COPY and SQL on the office database.
describe.each(ENGINES)('residents on %s', (kind) => {
  beforeEach(async () => {
    app = await openTempApp(kind, { now: () => new Date('2026-11-27T09:00:00Z'), label: 'residents' });
  }, 60_000);
  afterEach(async () => app.cleanup());

  describe('residents import', () => {
    it('previews counts and every rejected row with line and reason, writing nothing', async () => {
      const preview = await previewExtract(app.handlers, csv([...base, ...bad]));
      expect(preview).toMatchObject({ rows: 5, added: 5, changed: 0, unchanged: 0, gone: 0, rejectedTotal: 4 });
      expect(preview.rejected).toEqual([
        { line: 7, message: 'Zeile 7: Das Geburtsdatum „31.02.1930“ gibt es nicht.' },
        { line: 8, message: 'Zeile 8: Das Geburtsdatum 01.01.2030 liegt in der Zukunft.' },
        { line: 9, message: 'Zeile 9: Der Nachname fehlt.' },
        { line: 10, message: 'Zeile 10: Die Melderegister-Nummer „R1“ steht schon in Zeile 2.' },
      ]);
      expect((await call(app.handlers, 'jubilees.list', DECEMBER)).entries).toEqual([]);
    });

    it('imports, then updates by register id, marks the missing as gone and keeps rejected people', async () => {
      const first = await importExtract(app.handlers, csv(base), { fileName: 'auszug-11.csv' });
      expect(first).toMatchObject({ added: 5, changed: 0, gone: 0 });
      const next = [
        { ...base[0], street: 'Neue Straße' },
        base[1],
        base[2],
        { ...base[4], birth_date: '31.02.1926' }, // rejected now: stays as it was, not gone
      ];
      const second = await importExtract(app.handlers, csv(next), { fileName: 'auszug-12.csv' });
      expect(second).toMatchObject({ added: 0, changed: 1, unchanged: 2, gone: 1, rejectedTotal: 1 });
      const { db, t } = app.engine;
      expect((await db.select({ id: t.residents.registerId }).from(t.residents).where(eq(t.residents.gone, true))).map((r) => r.id)).toEqual(['R4']);
      expect(await db.select({ street: t.residents.street }).from(t.residents).where(eq(t.residents.registerId, 'R1'))).toEqual([{ street: 'Neue Straße' }]);
    });

    it.runIf(kind === 'postgres')('leaves the planner statistics of the register current, so the first jubilee list after an import is planned on the real rows', async () => {
      await importExtract(app.handlers, csv(base));
      const client = new pg.Client({ connectionString: app.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from pg_stats where tablename = 'residents' and attname = 'birth_date'`);
        expect(rows[0]!.n).toBe(1);
      } finally {
        await client.end();
      }
    });

    it.runIf(kind === 'postgres')('the first import into an empty register (its other indexes built after the rows) leaves every index of the register as it was', async () => {
      const indexes = async () => {
        const client = new pg.Client({ connectionString: app.url });
        await client.connect();
        try {
          return (await client.query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'residents' ORDER BY indexname")).rows;
        } finally {
          await client.end();
        }
      };
      const before = await indexes();
      expect(before.map((i) => i.indexname)).toEqual(expect.arrayContaining(['residents_birth_date_idx', 'residents_current_district_idx', 'residents_marriage_date_idx']));
      expect(await importExtract(app.handlers, csv([...base, ...bad]))).toMatchObject({ added: 5, rejectedTotal: 4 });
      expect(await indexes()).toEqual(before);
      // A later import (the register not empty) keeps them too.
      expect(await importExtract(app.handlers, csv(base.slice(1)))).toMatchObject({ gone: 1 });
      expect(await indexes()).toEqual(before);
    });

    it.runIf(kind === 'postgres')('imports on one PC at a time: while another PC imports, a second one is told so and nothing is written', async () => {
    // Another PC in the middle of its import: it holds the office's import lock in its transaction.
    const other = new pg.Client({ connectionString: app.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
      await expect(importExtract(app.handlers, csv(base))).rejects.toThrow(
        'An einem anderen Arbeitsplatz wird gerade ein Melderegister-Auszug übernommen. Bitte warten Sie, bis er fertig ist, und lesen Sie den Auszug danach erneut ein.',
      );
      // A preview writes nothing and needs no lock.
      expect(await previewExtract(app.handlers, csv(base))).toMatchObject({ added: 5 });
      expect((await call(app.handlers, 'residents.status', {})).residents).toBe(0);
      await other.query('ROLLBACK');
    } finally {
      await other.end();
    }
    expect(await importExtract(app.handlers, csv(base))).toMatchObject({ added: 5 });
  });

  it('refuses a file without valid rows and a file with other columns, in German', async () => {
      await expect(importExtract(app.handlers, csv(bad.slice(0, 2)), { fileName: 'leer.csv' })).rejects.toThrow(
        'Die Datei „leer.csv“ enthält keine gültige Zeile; es wurde nichts importiert.',
      );
      await expect(previewExtract(app.handlers, Buffer.from('Name;Vorname\nA;B').toString('base64'))).rejects.toThrow(
        /^Die Datei hat nicht den Standard-Spaltensatz .* es fehlen die Spalten: register_id, surname/,
      );
    });
  });

  describe('jubilees.list', () => {
    it('lists December jubilees in the documented shape; objections never appear', async () => {
      await importExtract(app.handlers, csv(base));
      const { entries } = await call(app.handlers, 'jubilees.list', DECEMBER);
      expect(entries.map((e) => [e.date, e.label, e.persons.map((p) => p.registerId)])).toEqual([
        ['2026-12-03', '90. Geburtstag', ['R1']],
        ['2026-12-10', '100. Geburtstag', ['R5']],
        ['2026-12-12', 'Diamantene Hochzeit', ['R2', 'R3']],
      ]);
      expect(entries[0]).toEqual({
        date: '2026-12-03',
        kind: 'birthday',
        number: 90,
        label: '90. Geburtstag',
        persons: [{ registerId: 'R1', addressLines: ['Frau Erna Groß', 'Königstraße 5', '47051 Duisburg'], salutation: 'Sehr geehrte Frau Groß' }],
        due: [{ action: 'letter', by: '2026-11-19' }],
        letters: [],
        notifications: [],
      });
      expect(entries[1].persons[0].salutation).toBe('Sehr geehrter Herr Dr. Alt');
      expect(entries[1].due.map((d) => d.action)).toEqual(['letter', 'visit', 'notify_federal', 'notify_land']);
      expect(entries[2].persons[0].salutation).toBe('Sehr geehrte Frau Maier, sehr geehrter Herr Maier');
      expect(entries[2].persons[0].addressLines[0]).toBe('Herrn Manfred Maier und Frau Maria Maier');
    });

    it('drops a person at once when a later extract brings an objection or a death', async () => {
      await importExtract(app.handlers, csv(base));
      await importExtract(app.handlers, csv([{ ...base[0], objection: '1' }, { ...base[1], death_date: '01.11.2026' }, base[2], base[3], base[4]]));
      const { entries } = await call(app.handlers, 'jubilees.list', DECEMBER);
      expect(entries.map((e) => e.persons.map((p) => p.registerId))).toEqual([['R5']]);
    });

    it('filters by district and refuses illegal honour rules', async () => {
      await importExtract(app.handlers, csv(base));
      const { entries } = await call(app.handlers, 'jubilees.list', { ...DECEMBER, district: 'Süd' });
      expect(entries.map((e) => e.label)).toEqual(['Diamantene Hochzeit']);
      const rules = await call(app.handlers, 'jubilees.rules.get', {});
      const illegal = await dispatch(app.handlers, 'jubilees.rules.update', { ...rules, letterBirthdays: [72, 80] });
      expect(illegal.ok ? null : illegal.error.message).toContain('Der 72. Geburtstag darf nach § 50 Abs. 2 BMG nicht aus dem Melderegister gelistet werden.');
    });

    it('writes the letters of a month from the list: birthdays and wedding jubilees, each with its own age and date', async () => {
      await importExtract(app.handlers, csv(base));
      await call(app.handlers, 'demo.load', {});
      const signerId = (await call(app.handlers, 'signers.list', {}))[0].id;
      const run = async (kind: 'birthday' | 'wedding', templateId: string) => {
        const started = await call(app.handlers, 'letters.merge.start', {
          templateId,
          recipients: { type: 'jubilees', ...DECEMBER, kind },
          signerId,
          date: '2026-11-27',
          output: 'files',
        });
        for (let i = 0; i < 200; i++) {
          const status = await call(app.handlers, 'letters.merge.status', { jobId: started.jobId });
          if (status.state !== 'running') return status;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error('merge did not finish');
      };
      expect((await run('birthday', 'geburtstag')).letterIds).toHaveLength(2);
      expect((await run('wedding', 'ehejubilaeum')).letterIds).toHaveLength(1);
      const letters = await call(app.handlers, 'letters.list', {});
      expect(letters.items.map((l) => [l.recipientName, l.subject]).sort()).toEqual([
        ['Dr. Anton Alt', 'Ihr 100. Geburtstag'],
        ['Erna Groß', 'Ihr 90. Geburtstag'],
        ['Manfred Maier und Maria Maier', 'Diamantene Hochzeit am 12. Dezember 2026'],
      ]);
    });

    it('warns about jubilee letters not yet sent when a later extract blocks the person', async () => {
      await importExtract(app.handlers, csv(base));
      await call(app.handlers, 'demo.load', {});
      const signerId = (await call(app.handlers, 'signers.list', {}))[0].id;
      const started = await call(app.handlers, 'letters.merge.start', {
        templateId: 'geburtstag',
        recipients: { type: 'jubilees', ...DECEMBER, kind: 'birthday' },
        signerId,
        date: '2026-11-27',
        output: 'files',
      });
      for (let i = 0; i < 200 && (await call(app.handlers, 'letters.merge.status', { jobId: started.jobId })).state === 'running'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const erna = (await call(app.handlers, 'letters.list', { query: 'Erna' })).items[0];
      const second = await importExtract(app.handlers, csv([{ ...base[0], objection: '1' }, ...base.slice(1)]));
      expect(second.warnings).toEqual([
        `Brief Nr. ${erna.id} an „Erna Groß“ vom 27.11.2026 ist noch nicht versandt, die Person ist laut Melderegister jetzt gesperrt, verstorben, weggezogen oder nicht mehr enthalten: bitte nicht versenden.`,
      ]);
    });

    it('plans a visit for a jubilee, changes it and cancels it', async () => {
      const visit = await call(app.handlers, 'jubilees.visits.plan', {
        jubileeDate: '2026-12-10', kind: 'birthday', registerIds: ['R5'], visitDate: '2026-12-10', visitor: 'Volker Sandmann, Bürgermeister',
      });
      const moved = await call(app.handlers, 'jubilees.visits.plan', {
        jubileeDate: '2026-12-10', kind: 'birthday', registerIds: ['R5'], visitDate: '2026-12-11', visitor: 'Dr. Petra Hovestadt, Oberbürgermeisterin',
      });
      expect(moved.id).toBe(visit.id);
      expect(await call(app.handlers, 'jubilees.visits.list', DECEMBER)).toEqual([
        { id: visit.id, jubileeDate: '2026-12-10', kind: 'birthday', registerIds: ['R5'], visitDate: '2026-12-11', visitor: 'Dr. Petra Hovestadt, Oberbürgermeisterin', note: '' },
      ]);
      expect(await call(app.handlers, 'jubilees.visits.list', { from: '2027-01-01', to: '2027-01-31' })).toEqual([]);
      await call(app.handlers, 'jubilees.visits.cancel', { id: visit.id });
      expect(await call(app.handlers, 'jubilees.visits.list', DECEMBER)).toEqual([]);
      const again = await dispatch(app.handlers, 'jubilees.visits.cancel', { id: visit.id });
      expect(again.ok ? null : again.error.message).toBe(`Der geplante Besuch Nr. ${visit.id} wurde nicht gefunden.`);
    });

    it('takes a person off planned visits when a later extract brings a death, and says so', async () => {
      await importExtract(app.handlers, csv(base));
      await call(app.handlers, 'jubilees.visits.plan', {
        jubileeDate: '2026-12-10', kind: 'birthday', registerIds: ['R5'], visitDate: '2026-12-10', visitor: 'Volker Sandmann, Bürgermeister',
      });
      const second = await importExtract(app.handlers, csv([...base.slice(0, 4), { ...base[4], death_date: '20.11.2026' }]));
      expect(second.warnings).toEqual([
        'Der für den 10.12.2026 geplante Besuch (Volker Sandmann, Bürgermeister) zum Jubiläum am 10.12.2026 entfällt: die Person ist laut Melderegister jetzt gesperrt, verstorben, weggezogen oder nicht mehr enthalten.',
      ]);
      expect(await call(app.handlers, 'jubilees.visits.list', DECEMBER)).toEqual([]);
    });

    it('exports the notifications for the Federal President and the Land as .docx and .xlsx, and the district list', async () => {
      await importExtract(app.handlers, csv(base));
      const federal = await call(app.handlers, 'jubilees.export', { ...DECEMBER, target: 'federal', format: 'docx' });
      expect(federal.fileName).toBe('Meldung-Bundespraesident-2026-12-01-bis-2026-12-31.docx');
      const text = documentText(new Uint8Array(Buffer.from(federal.contentBase64, 'base64'))).body;
      expect(text).toContain('Meldung an den Bundespräsidenten (Bundesverwaltungsamt)');
      expect(text).toContain('Dr. Anton Alt');
      expect(text).toContain('100. Geburtstag');
      expect(text).not.toContain('Erna Groß');
      expect(text).not.toContain('Still');

      const land = await call(app.handlers, 'jubilees.export', { ...DECEMBER, target: 'land', format: 'xlsx' });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(land.contentBase64, 'base64') as unknown as ArrayBuffer);
      const rows = workbook.worksheets[0].getSheetValues().slice(2).map((r) => (r as unknown[]).slice(2, 4));
      expect(rows).toEqual([
        ['100. Geburtstag', 'Dr. Anton Alt'],
        ['Diamantene Hochzeit', 'Manfred Maier und Maria Maier'],
      ]);

      const district = await call(app.handlers, 'jubilees.export', { ...DECEMBER, district: 'Mitte', target: 'district', format: 'xlsx' });
      const districtBook = new ExcelJS.Workbook();
      await districtBook.xlsx.load(Buffer.from(district.contentBase64, 'base64') as unknown as ArrayBuffer);
      expect(districtBook.worksheets[0].rowCount).toBe(2);
      expect(districtBook.worksheets[0].getRow(2).getCell(3).value).toBe('Erna Groß');
    });
  });
});
