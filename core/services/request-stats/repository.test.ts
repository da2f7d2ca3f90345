/**
 * The request statistics' SQL on both engines: months, the breakdown with handling days (through
 * the index and on a table scan), open and overdue ones — the same figures on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestEngine, type TestEngine } from '../../../tests/support/test-engine';
import { requestStatsRepository, type RequestStatsFigures } from './repository';
import { requestStatsPostgresRepository } from './stats-postgres-repository';

describe.each(ENGINES)('request statistics on %s', (kind) => {
  let handle: TestEngine;
  let repo: ReturnType<typeof requestStatsRepository>;
  /** What the statistics service reads on this engine. */
  let figures: RequestStatsFigures;
  beforeAll(async () => {
    handle = await openTestEngine(kind, 'request_stats');
    const { db, t } = handle.engine;
    repo = requestStatsRepository(handle.engine);
    figures = kind === 'postgres' ? requestStatsPostgresRepository(handle.engine) : repo;
    type Values = typeof t.citizenRequests.$inferInsert;
    const request = (values: Partial<Values> & Pick<Values, 'kind' | 'channel' | 'receivedOn'>): Values => ({
      subject: 'Anliegen',
      createdAt: 'x',
      updatedAt: 'x',
      ...values,
    });
    await db.insert(t.citizenRequests).values([
      request({ kind: 'idee', channel: 'brief', receivedOn: '2026-01-10', category: 'Verkehr', district: 'Mitte', status: 'erledigt', answeredOn: '2026-01-20', closedOn: '2026-01-25' }),
      request({ kind: 'idee', channel: 'brief', receivedOn: '2026-01-28', category: 'Verkehr', district: 'Mitte', status: 'beantwortet', answeredOn: '2026-02-01', closedOn: null }),
      request({ kind: 'beschwerde', channel: 'email', receivedOn: '2026-03-01', status: 'weitergeleitet', statementDue: '2026-03-10' }),
      request({ kind: 'beschwerde', channel: 'email', receivedOn: '2026-03-02', status: 'weitergeleitet', statementDue: '2026-12-31' }),
      request({ kind: 'lob', channel: 'telefon', receivedOn: '2025-12-31', status: 'erledigt', answeredOn: '2026-01-02', closedOn: '2026-01-02' }),
      // Answered before it was received (a typing error); across the end of February of a leap year.
      request({ kind: 'hilfe', channel: 'email', receivedOn: '2028-02-27', category: ' Verkehr', district: 'Mitte ', status: 'erledigt', answeredOn: '2028-02-20', closedOn: '2028-03-01' }),
    ]);
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  it('counts per month, what is stored, open and overdue ones', async () => {
    const months = await repo.byMonth('2026-01-01', '2026-12-31');
    expect(months.sort((a, b) => a.month.localeCompare(b.month))).toEqual([
      { month: '2026-01', count: 2 },
      { month: '2026-03', count: 2 },
    ]);
    expect(await repo.stored()).toBe(6);
    expect(await repo.openAndOverdue('2026-01-01', '2026-12-31', '2026-06-01')).toEqual({ open: 3, overdue: 1 });
  });

  it('sums up a period in one go: months, the values of each field as stored, handling-day histograms, open and overdue ones', async () => {
    const sorted = <T,>(list: T[], key: (item: T) => string | number) => [...list].sort((a, b) => String(key(a)).localeCompare(String(key(b))));
    const period = await figures.figures('2026-01-01', '2026-12-31', '2026-06-01');
    expect(sorted(period.months, (m) => m.month)).toEqual([
      { month: '2026-01', count: 2 },
      { month: '2026-03', count: 2 },
    ]);
    expect(sorted(period.kinds, (v) => v.value)).toEqual([
      { value: 'beschwerde', count: 2 },
      { value: 'idee', count: 2 },
    ]);
    expect(sorted(period.channels, (v) => v.value)).toEqual([
      { value: 'brief', count: 2 },
      { value: 'email', count: 2 },
    ]);
    expect(sorted(period.categories, (v) => v.value)).toEqual([
      { value: '', count: 2 },
      { value: 'Verkehr', count: 2 },
    ]);
    expect(sorted(period.districts, (v) => v.value)).toEqual([
      { value: '', count: 2 },
      { value: 'Mitte', count: 2 },
    ]);
    expect(sorted(period.answeredDays, (d) => d.days)).toEqual([
      { days: 10, count: 1 },
      { days: 4, count: 1 },
    ]);
    expect(period.closedDays).toEqual([{ days: 15, count: 1 }]);
    expect({ open: period.open, overdue: period.overdue }).toEqual({ open: 3, overdue: 1 });

    const leap = await figures.figures('2028-01-01', '2028-12-31', '2028-06-01');
    expect(leap).toMatchObject({
      months: [{ month: '2028-02', count: 1 }],
      categories: [{ value: ' Verkehr', count: 1 }],
      districts: [{ value: 'Mitte ', count: 1 }],
      answeredDays: [{ days: -7, count: 1 }],
      closedDays: [{ days: 3, count: 1 }],
      open: 0,
      overdue: 0,
    });
    expect(await figures.figures('2030-01-01', '2030-12-31', '2030-06-01')).toEqual({
      months: [],
      kinds: [],
      channels: [],
      categories: [],
      districts: [],
      answeredDays: [],
      closedDays: [],
      open: 0,
      overdue: 0,
    });
  });

  it.each([false, true])('groups by kind, channel, category and district with the handling days (table scan: %s)', async (wide) => {
    const groups = await repo.breakdown('2026-01-01', '2026-12-31', wide);
    const sorted = groups
      .map((g) => ({ ...g, answeredDays: [...g.answeredDays].sort((a, b) => a - b) }))
      .sort((a, b) => a.kind.localeCompare(b.kind));
    expect(sorted).toEqual([
      { kind: 'beschwerde', channel: 'email', category: '', district: '', count: 2, answeredDays: [], closedDays: [] },
      { kind: 'idee', channel: 'brief', category: 'Verkehr', district: 'Mitte', count: 2, answeredDays: [4, 10], closedDays: [15] },
    ]);
  });
});
