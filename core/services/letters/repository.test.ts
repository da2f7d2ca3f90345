/**
 * The outgoing-letters register on both engines: the folded search over recipient, subject,
 * occasion, text and signer, the filters, the newest first with the id as tie-breaker, the
 * total as a number, JSON columns and booleans as written, the history in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestEngine, type TestEngine } from '../../../tests/support/test-engine';
import { lettersRepository, type NewLetter } from './repository';

describe.each(ENGINES)('letters repository on %s', (kind) => {
  let handle: TestEngine;
  let repo: ReturnType<typeof lettersRepository>;
  const ids: Record<string, number> = {};
  const letter = (over: Partial<NewLetter>): NewLetter => ({
    recipientName: 'Erika Albers',
    recipientLines: ['Frau', 'Erika Albers', 'Burgplatz 1', '47051 Duisburg'],
    templateId: 'geburtstag',
    kind: 'glueckwunsch',
    language: 'de',
    occasion: '',
    subject: 'Glückwunsch',
    body: '',
    fields: {},
    signerName: 'Dr. Petra Hovestadt',
    author: 'test',
    letterDate: '2026-11-27',
    file: '',
    createdAt: 'x',
    updatedAt: 'x',
    ...over,
  });

  beforeAll(async () => {
    handle = await openTestEngine(kind, 'letters_repository');
    repo = lettersRepository(handle.engine);
    ids.albers = await repo.insert(letter({ occasion: '90. Geburtstag', fields: { alter: 90, registerIds: ['R1'] } }));
    ids.strasse = await repo.insert(letter({ recipientName: 'Jülide Özdemir', subject: 'Dank für die Straßenfeier', kind: 'dank', letterDate: '2026-11-27' }));
    ids.later = await repo.insert(letter({ recipientName: 'Ole Öhm', subject: 'Einladung', kind: 'einladung', letterDate: '2026-12-03', status: 'versandt', includePartner: true }));
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  const found = async (filter: Partial<Parameters<typeof repo.list>[0]>) => {
    const { total, rows } = await repo.list({ limit: 100, ...filter });
    return { total, refs: rows.map((row) => Object.keys(ids).find((ref) => ids[ref] === row.id)) };
  };

  it('finds letters by folded words and filters, newest first (the later entry first on the same day)', async () => {
    expect(await found({})).toEqual({ total: 3, refs: ['later', 'strasse', 'albers'] });
    expect(await found({ query: 'STRASSENFEIER oezdemir' })).toEqual({ total: 1, refs: ['strasse'] });
    expect(await found({ query: 'hovestadt geburtstag' })).toEqual({ total: 1, refs: ['albers'] });
    expect(await found({ status: 'versandt' })).toEqual({ total: 1, refs: ['later'] });
    expect(await found({ from: '2026-12-01', to: '2026-12-31' })).toEqual({ total: 1, refs: ['later'] });
    expect(await found({ kind: 'dank', query: 'feier' })).toEqual({ total: 1, refs: ['strasse'] });
    expect(await found({ limit: 1 })).toEqual({ total: 3, refs: ['later'] });
  });

  it('reads a letter back as written and keeps its history in order', async () => {
    await repo.update(ids.albers!, { file: 'Briefe/2026/000001-erika-albers.docx', status: 'zur_unterschrift' });
    await repo.addEvent(ids.albers!, '2026-11-27T09:00:00Z', 'test', 'erstellt', 'Geburtstag');
    await repo.addEvent(ids.albers!, '2026-11-27T09:00:00Z', 'test', 'Status');
    const row = await repo.find(ids.albers!);
    expect(row).toMatchObject({ file: 'Briefe/2026/000001-erika-albers.docx', status: 'zur_unterschrift', includePartner: false, fields: { alter: 90, registerIds: ['R1'] } });
    expect(row!.recipientLines).toEqual(['Frau', 'Erika Albers', 'Burgplatz 1', '47051 Duisburg']);
    expect((await repo.find(ids.later!))!.includePartner).toBe(true);
    expect((await repo.events(ids.albers!)).map((event) => [event.action, event.detail])).toEqual([
      ['erstellt', 'Geburtstag'],
      ['Status', ''],
    ]);
    expect(await repo.find(999_999)).toBeUndefined();
  });

  it('gives the residents’ register its letters: jubilee letters of a period, unsent ones to residents, the files of a merge', async () => {
    const jubilee = (registerIds: string[], day: string, more: Record<string, unknown>, over: Partial<NewLetter> = {}) =>
      repo.insert(letter({ fields: { registerIds, anlassDatum: day, ...more }, ...over }));
    const birthday = await jubilee(['R7'], '2026-12-10', { alter: 100 }, { batchId: 'serie-1', file: 'Briefe/2026/serie.docx' });
    const wedding = await jubilee(['R8', 'R9'], '2026-12-20', { ehejahre: 60 }, { batchId: 'serie-1', file: 'Briefe/2026/serie.docx', status: 'versandt' });
    await jubilee(['R7'], '2027-01-05', { alter: 101 }, { batchId: 'serie-2', file: 'Briefe/2027/einzeln.docx' });
    // Named but not a list of ids, or no day: not a jubilee letter of the register.
    await repo.insert(letter({ fields: { registerIds: 'R7', anlassDatum: '2026-12-11' } }));
    await repo.insert(letter({ fields: { registerIds: ['R7'] } }));

    expect(await repo.jubileeLetters('2026-12-01', '2026-12-31')).toEqual([
      { id: birthday, status: 'entwurf', letterDate: '2026-11-27', date: '2026-12-10', registerIds: ['R7'], wedding: false },
      { id: wedding, status: 'versandt', letterDate: '2026-11-27', date: '2026-12-20', registerIds: ['R8', 'R9'], wedding: true },
    ]);
    expect(await repo.jubileeLetters('2026-12-21', '2026-12-31')).toEqual([]);
    const unsent = await repo.unsentForResidents(['R9', 'R1', 'R404']);
    expect(unsent.map((l) => l.id)).toEqual([ids.albers]);
    expect(unsent[0]).toEqual({ id: ids.albers, recipientName: 'Erika Albers', status: 'zur_unterschrift', letterDate: '2026-11-27' });
    expect((await repo.unsentForResidents(['R7'])).length).toBe(3);
    expect(await repo.unsentForResidents([])).toEqual([]);
    expect(await repo.filesOfBatch('serie-1')).toEqual(['Briefe/2026/serie.docx']);
    expect(await repo.filesOfBatch('serie-404')).toEqual([]);
  });
});
