/**
 * The residents' register as the services read it, on both engines: the jubilee candidates of
 * date ranges (open ranges, marriages only with a spouse on record, never a blocked, deceased,
 * moved or gone person, one district), the count and the districts of current residents, the
 * last import, planned visits (one per jubilee) and the notifications' records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestEngine, type TestEngine } from '../../../tests/support/test-engine';
import { residentsRepository } from './repository';

describe.each(ENGINES)('residents repository on %s', (kind) => {
  let handle: TestEngine;
  let repo: ReturnType<typeof residentsRepository>;
  beforeAll(async () => {
    handle = await openTestEngine(kind, 'residents_repo');
    repo = residentsRepository(handle.engine);
    const { db, t } = handle.engine;
    const person = (registerId: string, birthDate: string, more: Partial<typeof t.residents.$inferInsert> = {}) => ({
      registerId,
      surname: `Name ${registerId}`,
      givenNames: 'Käthe',
      gender: 'female' as const,
      birthDate,
      district: 'Mitte',
      rowHash: 'h',
      importId: 1,
      updatedAt: 'x',
      ...more,
    });
    await db.insert(t.residents).values([
      person('R1', '1926-12-10'),
      person('R2', '1936-12-24', { district: 'Walsum' }),
      person('R3', '1926-12-11', { objection: true }),
      person('R4', '1926-12-12', { deathDate: '2026-01-02' }),
      person('R5', '1926-12-13', { gone: true, district: 'Homberg' }),
      person('R6', '1926-12-14', { movedAway: true }),
      person('R7', '1926-12-15', { informationBlock: true }),
      person('R8', '1926-12-16', { conditionalBlock: true }),
      person('R9', '1950-03-01', { marriageDate: '1966-12-20', spouseRegisterId: 'R10', district: 'Rheinhausen' }),
      person('R10', '1948-05-05', { marriageDate: '1966-12-20', spouseRegisterId: 'R9', district: 'Rheinhausen' }),
      person('R11', '1949-06-06', { marriageDate: '1966-12-21', spouseRegisterId: '' }),
      person('R12', '1920-01-01', { deathDate: '' }),
    ]);
    await db.insert(t.residentImports).values([
      { at: '2026-10-01T08:00:00Z', user: 'a', fileName: 'Oktober.csv', added: 1, changed: 0, unchanged: 0, gone: 0, rejected: 0 },
      { at: '2026-11-01T08:00:00Z', user: 'b', fileName: 'November.csv', added: 0, changed: 1, unchanged: 0, gone: 0, rejected: 0 },
    ]);
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  const ids = (rows: Array<{ registerId: string }>) => rows.map((r) => r.registerId).sort();

  it('finds the listable people born or married within the ranges, each once, optionally of one district', async () => {
    const december1926 = { from: '1926-12-01', to: '1926-12-31' };
    expect(ids(await repo.jubileeCandidates({ births: [december1926], marriages: [] }))).toEqual(['R1']);
    // An open range (every age from some number on) and two ranges at once.
    expect(ids(await repo.jubileeCandidates({ births: [{ from: null, to: '1926-12-31' }, { from: '1936-12-01', to: '1936-12-31' }], marriages: [] }))).toEqual([
      'R1',
      'R12',
      'R2',
    ]);
    // Marriages: only with a spouse on record; a person born and married in the ranges comes once.
    const married = await repo.jubileeCandidates({ births: [{ from: '1950-03-01', to: '1950-03-01' }], marriages: [{ from: '1966-12-01', to: '1966-12-31' }] });
    expect(ids(married)).toEqual(['R10', 'R9']);
    expect(married.find((r) => r.registerId === 'R9')).toEqual({
      registerId: 'R9',
      surname: 'Name R9',
      givenNames: 'Käthe',
      degree: '',
      gender: 'female',
      birthDate: '1950-03-01',
      street: '',
      houseNumber: '',
      postcode: '',
      city: '',
      district: 'Rheinhausen',
      marriageDate: '1966-12-20',
      spouseRegisterId: 'R10',
      deathDate: null,
      movedAway: false,
      objection: false,
      informationBlock: false,
      conditionalBlock: false,
      gone: false,
    });
    expect(ids(await repo.jubileeCandidates({ births: [december1926, { from: '1936-12-01', to: '1936-12-31' }], marriages: [] }, 'Walsum'))).toEqual(['R2']);
    expect(await repo.jubileeCandidates({ births: [], marriages: [] })).toEqual([]);
  });

  it('counts the current residents, names their districts and the last import', async () => {
    expect(await repo.count()).toBe(11);
    expect((await repo.districts()).sort()).toEqual(['Mitte', 'Rheinhausen', 'Walsum']);
    expect(await repo.lastImport()).toMatchObject({ fileName: 'November.csv', user: 'b' });
  });

  it('plans one visit per jubilee (a second plan changes it), lists them by date and cancels them', async () => {
    const first = await repo.saveVisit({ jubileeKey: '2026-12-10|birthday|R1', visitDate: '2026-12-10', visitor: 'OB', note: '' }, 'a');
    const changed = await repo.saveVisit({ jubileeKey: '2026-12-10|birthday|R1', visitDate: '2026-12-11', visitor: 'BM', note: 'Blumen' }, 'b');
    expect(changed).toMatchObject({ id: first.id, visitDate: '2026-12-11', visitor: 'BM', note: 'Blumen', createdAt: 'a', updatedAt: 'b' });
    const other = await repo.saveVisit({ jubileeKey: '2026-12-20|wedding|R10,R9', visitDate: '2026-12-20', visitor: 'OB', note: '' }, 'a');
    expect((await repo.visitsBetween('2026-12-01', '2026-12-31')).map((v) => v.id)).toEqual([first.id, other.id]);
    expect((await repo.visitsBetween('2026-12-10', '2026-12-10')).map((v) => v.id)).toEqual([first.id]);
    expect(await repo.deleteVisit(first.id)).toBe(true);
    expect(await repo.deleteVisit(first.id)).toBe(false);
  });

  it('records notifications produced and sent, keeping when one was first produced', async () => {
    const keys = ['2026-12-10|birthday|R1', '2026-12-20|wedding|R10,R9'];
    await repo.recordNotifications(keys, 'notify_federal', { produced: { at: 'p1', user: 'a' } });
    await repo.recordNotifications([keys[0]!], 'notify_federal', { sent: { at: 's1', user: 'b' } });
    await repo.recordNotifications([keys[0]!], 'notify_federal', { produced: { at: 'p2', user: 'c' } });
    await repo.recordNotifications([keys[1]!], 'notify_federal', { sent: null });
    await repo.recordNotifications([], 'notify_land', { sent: null });
    const rows = (await repo.notificationsBetween('2026-12-01', '2026-12-31')).sort((a, b) => a.jubileeKey.localeCompare(b.jubileeKey));
    expect(rows.map(({ id: _id, ...row }) => row)).toEqual([
      { jubileeKey: keys[0], action: 'notify_federal', producedAt: 'p2', producedBy: 'c', sentAt: 's1', sentBy: 'b' },
      { jubileeKey: keys[1], action: 'notify_federal', producedAt: 'p1', producedBy: 'a', sentAt: null, sentBy: null },
    ]);
    expect(await repo.notificationsBetween('2027-01-01', '2027-01-31')).toEqual([]);
  });
});
