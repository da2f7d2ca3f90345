import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, DISTRICTS, type RequestStats } from '../../api';
import { createTempApp } from '../../../tests/support/temp-app';
import { averageOf, medianOf, monthLabel, monthsOf } from './stats-service';

let app: ReturnType<typeof createTempApp>;
// 23:30 UTC on 27 November is already 28 November in Duisburg.
beforeEach(() => {
  app = createTempApp({ now: () => new Date('2026-11-27T23:30:00Z') });
});
afterEach(() => app.cleanup());

interface Row {
  kind: string;
  channel: string;
  received: string;
  category?: string;
  district?: string;
  status?: string;
  due?: string | null;
  answered?: string | null;
  closed?: string | null;
  citizen?: boolean;
}

/** Inserts requests directly (the statistics depend on nothing but the table). */
function insert(rows: Row[]): void {
  const sqlite = app.db.$client;
  const citizen = sqlite.prepare("insert into citizens (surname, given_name, email, search_name, created_at, updated_at) values (?, ?, ?, ?, 'x', 'x')");
  const request = sqlite.prepare(
    `insert into citizen_requests (kind, channel, citizen_id, subject, text, category, district, received_on, status, statement_due, answered_on, closed_on, created_at, updated_at)
     values (?, ?, ?, ?, 'Text', ?, ?, ?, ?, ?, ?, ?, 'x', 'x')`,
  );
  rows.forEach((r, i) => {
    const citizenId = r.citizen ? Number(citizen.run('Kaya', 'Ayşe', `a${i}@example.org`, `kaya ayse ${i}`).lastInsertRowid) : null;
    request.run(r.kind, r.channel, citizenId, `Anliegen ${i}`, r.category ?? '', r.district ?? '', r.received, r.status ?? 'eingegangen', r.due ?? null, r.answered ?? null, r.closed ?? null);
  });
}

const YEAR: Row[] = [
  // answered after 10 days, closed after 15
  { kind: 'idee', channel: 'brief', received: '2026-01-10', category: 'Verkehr und Straßen', district: 'Mitte', status: 'erledigt', answered: '2026-01-20', closed: '2026-01-25', citizen: true },
  // answered after 4 days, closed after 5
  { kind: 'beschwerde', channel: 'email', received: '2026-03-01', category: 'Verkehr und Straßen', district: 'Walsum', status: 'erledigt', answered: '2026-03-05', closed: '2026-03-06', citizen: true },
  // statement due yesterday (in Duisburg): overdue
  { kind: 'beschwerde', channel: 'telefon', received: '2026-03-15', status: 'weitergeleitet', due: '2026-11-27', citizen: true },
  { kind: 'beschwerde', channel: 'telefon', received: '2026-03-20', district: 'Rheinhausen', category: 'Sauberkeit und Müll', status: 'weitergeleitet' },
  // due today: not yet overdue
  { kind: 'lob', channel: 'persoenlich', received: '2026-06-30', category: 'Sonstiges', district: 'Mitte', status: 'weitergeleitet', due: '2026-11-28' },
  // answered after 20 days; a statement was overdue but has come in
  { kind: 'hilfe', channel: 'email', received: '2026-11-02', district: 'Hamborn', category: 'Sauberkeit und Müll', status: 'beantwortet', due: '2026-11-10', answered: '2026-11-22', citizen: true },
  // the last day of the period counts
  { kind: 'anregung', channel: 'brief', received: '2026-12-31', category: 'Verkehr und Straßen', district: 'Mitte' },
];
const OUTSIDE: Row[] = [
  { kind: 'idee', channel: 'brief', received: '2025-12-31', status: 'weitergeleitet', due: '2026-01-15' },
  { kind: 'lob', channel: 'telefon', received: '2027-01-01' },
];

const counts = (list: RequestStats['byKind']) => Object.fromEntries(list.map((c) => [c.label, c.count]));

describe('requests.stats', () => {
  it('counts the requests received in the period by kind, category, district, channel and month', async () => {
    insert([...YEAR, ...OUTSIDE]);
    const stats = await call(app.handlers, 'requests.stats', { from: '2026-01-01', to: '2026-12-31' });
    expect(stats.total).toBe(7);
    expect(stats.byKind).toEqual([
      { key: 'idee', label: 'Idee', count: 1 },
      { key: 'anregung', label: 'Anregung', count: 1 },
      { key: 'beschwerde', label: 'Beschwerde', count: 3 },
      { key: 'hilfe', label: 'Bitte um Hilfe', count: 1 },
      { key: 'lob', label: 'Lob', count: 1 },
    ]);
    expect(counts(stats.byChannel)).toEqual({ Brief: 2, 'E-Mail': 2, Telefon: 2, persönlich: 1, Bürgergespräch: 0, Bürgerspaziergang: 0, 'Social Media': 0 });
    // Most frequent first, the requests without a category last.
    expect(stats.byCategory).toEqual([
      { key: 'Verkehr und Straßen', label: 'Verkehr und Straßen', count: 3 },
      { key: 'Sauberkeit und Müll', label: 'Sauberkeit und Müll', count: 2 },
      { key: 'Sonstiges', label: 'Sonstiges', count: 1 },
      { key: '', label: 'ohne Kategorie', count: 1 },
    ]);
    // All seven districts in their order (also those without requests), then "ohne Angabe".
    expect(stats.byDistrict.map((d) => d.label)).toEqual([...DISTRICTS, 'ohne Angabe']);
    expect(counts(stats.byDistrict)).toMatchObject({ Walsum: 1, Hamborn: 1, Mitte: 3, Rheinhausen: 1, Süd: 0, 'ohne Angabe': 1 });
    for (const breakdown of [stats.byKind, stats.byCategory, stats.byDistrict, stats.byChannel, stats.byMonth]) {
      expect(breakdown.reduce((sum, c) => sum + c.count, 0)).toBe(7);
    }
  });

  it('lists every month of the period, those without requests with zero, labelled in German', async () => {
    insert([...YEAR, ...OUTSIDE]);
    const year = await call(app.handlers, 'requests.stats', { from: '2026-01-01', to: '2026-12-31' });
    expect(year.byMonth.map((m) => m.count)).toEqual([1, 0, 3, 0, 0, 1, 0, 0, 0, 0, 1, 1]);
    expect(year.byMonth[0]).toEqual({ key: '2026-01', label: 'Jan. 2026', count: 1 });
    expect(year.byMonth.map((m) => m.label).slice(2, 9)).toEqual(['März 2026', 'Apr. 2026', 'Mai 2026', 'Juni 2026', 'Juli 2026', 'Aug. 2026', 'Sept. 2026']);
    expect(year.byMonth[10]).toEqual({ key: '2026-11', label: 'Nov. 2026', count: 1 });

    // A period starting mid-month: only the days inside count.
    const part = await call(app.handlers, 'requests.stats', { from: '2026-03-15', to: '2026-06-30' });
    expect(part.byMonth).toEqual([
      { key: '2026-03', label: 'März 2026', count: 2 },
      { key: '2026-04', label: 'Apr. 2026', count: 0 },
      { key: '2026-05', label: 'Mai 2026', count: 0 },
      { key: '2026-06', label: 'Juni 2026', count: 1 },
    ]);
    expect(part.total).toBe(3);
  });

  it('gives handling times in days: median and average to the answer, median to closing', async () => {
    insert([...YEAR, ...OUTSIDE]);
    const stats = await call(app.handlers, 'requests.stats', { from: '2026-01-01', to: '2026-12-31' });
    // Answered after 10, 4 and 20 days; closed after 15 and 5 days.
    expect(stats.handlingDays).toEqual({ answeredMedian: 10, answeredAverage: 11.3, closedMedian: 10 });
  });

  it('has no handling times and zeros everywhere for a period without requests', async () => {
    insert(YEAR);
    const stats = await call(app.handlers, 'requests.stats', { from: '2024-02-01', to: '2024-03-31' });
    expect(stats).toMatchObject({ total: 0, open: 0, overdue: 0, byCategory: [], handlingDays: { answeredMedian: null, answeredAverage: null, closedMedian: null } });
    expect(stats.byMonth.map((m) => m.label)).toEqual(['Feb. 2024', 'März 2024']);
    expect(stats.byKind.every((k) => k.count === 0)).toBe(true);
    expect(stats.byDistrict.map((d) => d.label)).toEqual([...DISTRICTS]);
  });

  it('counts open ones and those whose statement is overdue by the day in Duisburg', async () => {
    insert([...YEAR, ...OUTSIDE]);
    const stats = await call(app.handlers, 'requests.stats', { from: '2026-01-01', to: '2026-12-31' });
    expect(stats.open).toBe(5);
    // Due 27 November: overdue on 28 November in Duisburg (still the 27th in UTC). Due today is not
    // overdue, nor a statement already received, nor one forwarded in 2025 (outside the period).
    expect(stats.overdue).toBe(1);

    const dayBefore = createTempApp({ now: () => new Date('2026-11-27T22:59:00Z') });
    try {
      const sqlite = dayBefore.db.$client;
      sqlite
        .prepare("insert into citizen_requests (kind, channel, subject, received_on, status, statement_due, created_at, updated_at) values ('idee', 'brief', 'x', '2026-03-15', 'weitergeleitet', '2026-11-27', 'x', 'x')")
        .run();
      // 23:59 in Duisburg on the 27th: due today, not overdue yet.
      expect((await call(dayBefore.handlers, 'requests.stats', { from: '2026-01-01', to: '2026-12-31' })).overdue).toBe(0);
    } finally {
      dayBefore.cleanup();
    }
  });

  it('still counts requests whose personal data was erased: the figures do not change', async () => {
    insert([...YEAR, ...OUTSIDE]);
    const before = await call(app.handlers, 'requests.stats', { from: '2026-01-01', to: '2026-12-31' });
    // Erase the personal data as the retention rules do: the person goes, the request stays anonymised.
    const sqlite = app.db.$client;
    sqlite.prepare("update citizen_requests set citizen_id = null, subject = '(anonymisiert)', text = '', place = '', anonymised_at = '2026-11-27T09:00:00Z'").run();
    sqlite.prepare('delete from citizens').run();
    const after = await call(app.handlers, 'requests.stats', { from: '2026-01-01', to: '2026-12-31' });
    expect(sqlite.prepare('select count(*) as n from citizens').get()).toEqual({ n: 0 });
    expect(after).toEqual(before);
    expect(after.total).toBe(7);
  });

  it('refuses a period that ends before it starts or an impossible date', async () => {
    const reversed = await dispatch(app.handlers, 'requests.stats', { from: '2026-12-31', to: '2026-01-01' });
    expect(reversed.ok ? null : reversed.error).toMatchObject({ code: 'INVALID_INPUT', message: 'Der Zeitraum endet vor seinem Beginn.' });
    const impossible = await dispatch(app.handlers, 'requests.stats', { from: '2026-02-30', to: '2026-03-31' });
    expect(impossible.ok ? null : impossible.error).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('requests.stats.export', () => {
  it('writes an .xlsx with an overview and one sheet per breakdown', async () => {
    insert([...YEAR, ...OUTSIDE]);
    const file = await call(app.handlers, 'requests.stats.export', { from: '2026-01-01', to: '2026-12-31' });
    expect(file.fileName).toBe('Buergeranliegen-Statistik-2026-01-01-bis-2026-12-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Übersicht', 'Nach Art', 'Nach Kategorie', 'Nach Stadtbezirk', 'Nach Eingangsweg', 'Nach Monat']);

    const overview = workbook.getWorksheet('Übersicht')!;
    expect(overview.getCell('A1').value).toBe('Bürgeranliegen an die Oberbürgermeisterin bzw. den Oberbürgermeister – Statistik');
    expect(overview.getCell('A2').value).toBe('Zeitraum: 01.01.2026 bis 31.12.2026 (Eingang)');
    const figures = new Map<string, unknown>();
    overview.eachRow((row) => figures.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(figures.get('Eingegangene Anliegen')).toBe(7);
    expect(figures.get('davon noch nicht erledigt')).toBe(5);
    expect(figures.get('davon Stellungnahme des Fachbereichs überfällig')).toBe(1);
    expect(figures.get('Tage bis zur Antwort (Median)')).toBe(10);
    expect(figures.get('Tage bis zur Antwort (Durchschnitt)')).toBe(11.3);
    expect(figures.get('Tage bis zur Erledigung (Median)')).toBe(10);

    const byKind = workbook.getWorksheet('Nach Art')!;
    expect(byKind.getCell('A1').value).toBe('Anliegen nach Art');
    const header = byKind.getRow(6);
    expect([1, 2, 3].map((c) => header.getCell(c).value)).toEqual(['Art', 'Anzahl', 'Anteil']);
    const beschwerde = byKind.getRow(9);
    expect(beschwerde.getCell(1).value).toBe('Beschwerde');
    expect(beschwerde.getCell(2).value).toBe(3);
    expect(beschwerde.getCell(3).value).toBeCloseTo(3 / 7);
    expect(beschwerde.getCell(3).numFmt).toBe('0.0 %');
    expect(byKind.getRow(12).getCell(1).value).toBe('Summe');
    expect(byKind.getRow(12).getCell(2).value).toMatchObject({ formula: 'SUM(B7:B11)', result: 7 });
    expect(byKind.getColumn(1).width).toBeGreaterThan(20);

    const byMonth = workbook.getWorksheet('Nach Monat')!;
    expect(byMonth.getRow(7).getCell(1).value).toBe('Jan. 2026');
    expect(byMonth.getRow(8).getCell(2).value).toBe(0);
    expect(byMonth.getRow(18).getCell(1).value).toBe('Dez. 2026');
    expect(workbook.getWorksheet('Nach Kategorie')!.getRow(10).getCell(1).value).toBe('ohne Kategorie');
  });
});

describe('helpers', () => {
  it('months of a period, their labels, medians and averages of a histogram', () => {
    expect(monthsOf('2025-11-20', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthLabel('2026-05')).toBe('Mai 2026');
    expect(medianOf([])).toBeNull();
    expect(medianOf([{ days: 3, count: 1 }, { days: 7, count: 1 }])).toBe(5);
    expect(medianOf([{ days: 1, count: 5 }, { days: 30, count: 4 }])).toBe(1);
    expect(averageOf([{ days: 1, count: 2 }, { days: 2, count: 1 }])).toBe(1.3);
  });
});
