/**
 * The request statistics' SQL on both engines: months, the breakdown with handling days (through
 * the index and on a table scan), open and overdue ones — the same figures on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestEngine, type TestEngine } from '../../../tests/support/test-engine';
import { requestStatsRepository } from './repository';

describe.each(ENGINES)('request statistics on %s', (kind) => {
  let handle: TestEngine;
  let repo: ReturnType<typeof requestStatsRepository>;
  beforeAll(async () => {
    handle = await openTestEngine(kind, 'request_stats');
    const { db, t } = handle.engine;
    repo = requestStatsRepository(handle.engine);
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
    ]);
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  it('counts per month, what is stored, open and overdue ones', async () => {
    const months = await repo.byMonth('2026-01-01', '2026-12-31');
    expect(months.sort((a, b) => a.month.localeCompare(b.month))).toEqual([
      { month: '2026-01', count: 2 },
      { month: '2026-03', count: 2 },
    ]);
    expect(await repo.stored()).toBe(5);
    expect(await repo.openAndOverdue('2026-01-01', '2026-12-31', '2026-06-01')).toEqual({ open: 3, overdue: 1 });
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
