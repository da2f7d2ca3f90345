import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, type JubileeEntry } from '../../api';
import { STANDARD_COLUMNS } from './register-extract';
import { createTempApp } from '../../../tests/support/temp-app';
import { importExtract } from '../../../tests/support/register-import';
import { documentText } from '../../documents/docx-template';

/**
 * Notifications to the Federal President and the Land NRW: produced (the export, with who and
 * when) and sent (a step the user marks); overdue = not sent and the deadline passed. The start
 * page's overview is computed from the same list.
 */

type Row = Partial<Record<(typeof STANDARD_COLUMNS)[number], string>>;
const csv = (rows: Row[]) =>
  Buffer.from([STANDARD_COLUMNS.join(';'), ...rows.map((r) => STANDARD_COLUMNS.map((c) => r[c] ?? '').join(';'))].join('\r\n')).toString('base64');
const EXTRACT: Row[] = [
  // 90th on 3 December: a letter only.
  { register_id: 'R1', surname: 'Groß', given_names: 'Erna', gender: 'w', birth_date: '03.12.1936', street: 'Königstraße', house_number: '5', postcode: '47051', city: 'Duisburg' },
  // Diamond wedding on 12 December: the Land's certificate, due 31 October (overdue on 27 November).
  { register_id: 'R2', surname: 'Maier', given_names: 'Manfred', gender: 'm', birth_date: '1940-05-01', marriage_date: '12.12.1966', spouse_register_id: 'R3', city: 'Duisburg' },
  { register_id: 'R3', surname: 'Maier', given_names: 'Maria', gender: 'w', birth_date: '1942-06-01', marriage_date: '12.12.1966', spouse_register_id: 'R2', city: 'Duisburg' },
  // 100th on 10 December: Federal President due 12 November, Land due 29 October (both overdue).
  { register_id: 'R5', surname: 'Alt', given_names: 'Anton', degree: 'Dr.', gender: 'm', birth_date: '10.12.1926', street: 'Rheinweg', house_number: '1', postcode: '47198', city: 'Duisburg' },
  // 100th on 20 January: Federal President due 23 December, Land due 9 December (both still open).
  { register_id: 'R6', surname: 'Neu', given_names: 'Nora', gender: 'w', birth_date: '20.01.1927', city: 'Duisburg' },
];
const TODAY = '2026-11-27';

let app: ReturnType<typeof createTempApp>;
let clock: Date;
beforeEach(async () => {
  clock = new Date('2026-11-27T09:00:00Z');
  app = createTempApp({ now: () => clock });
  await importExtract(app.handlers, csv(EXTRACT));
});
afterEach(() => app.cleanup());

const list = async (from = '2026-12-01', to = '2027-01-31') => (await call(app.handlers, 'jubilees.list', { from, to })).entries;
const byPerson = async () => Object.fromEntries((await list()).map((e) => [e.persons.map((p) => p.registerId).join('+'), e.notifications]));
const anton = { date: '2026-12-10', kind: 'birthday' as const, registerIds: ['R5'] };

describe('jubilee notifications', () => {
  it('the list shows each notification due with its deadline, overdue when it passed unsent', async () => {
    expect(await byPerson()).toEqual({
      R1: [],
      R5: [
        { action: 'notify_federal', by: '2026-11-12', overdue: true, produced: null, sent: null },
        { action: 'notify_land', by: '2026-10-29', overdue: true, produced: null, sent: null },
      ],
      'R2+R3': [{ action: 'notify_land', by: '2026-10-31', overdue: true, produced: null, sent: null }],
      R6: [
        { action: 'notify_federal', by: '2026-12-23', overdue: false, produced: null, sent: null },
        { action: 'notify_land', by: '2026-12-09', overdue: false, produced: null, sent: null },
      ],
    });
  });

  it('records who produced the notification to the Federal President and when (the export), for its jubilees only', async () => {
    await call(app.handlers, 'jubilees.export', { from: '2026-12-01', to: '2026-12-31', target: 'federal', format: 'xlsx' });
    const after = await byPerson();
    expect(after.R5[0]).toEqual({ action: 'notify_federal', by: '2026-11-12', overdue: true, produced: { at: '2026-11-27T09:00:00.000Z', user: 'test' }, sent: null });
    expect(after.R5[1].produced).toBeNull();
    expect(after.R6.map((n) => n.produced)).toEqual([null, null]);
    await call(app.handlers, 'jubilees.export', { from: '2026-12-01', to: '2026-12-31', target: 'land', format: 'docx' });
    expect((await byPerson())['R2+R3'][0].produced).toEqual({ at: '2026-11-27T09:00:00.000Z', user: 'test' });
  });

  it('a notification list made again leaves out the jubilees already sent, or names them, and keeps when their notification was first produced', async () => {
    const period = { from: '2026-12-01', to: '2027-01-31', target: 'federal' as const, format: 'docx' as const };
    const listed = async (more: { includeSent?: boolean } = {}) => {
      const file = await call(app.handlers, 'jubilees.export', { ...period, ...more });
      return documentText(new Uint8Array(Buffer.from(file.contentBase64, 'base64'))).body;
    };
    const first = await listed();
    expect(first).toContain('Dr. Anton Alt');
    expect(first).toContain('Nora Neu');
    await call(app.handlers, 'jubilees.notifications.mark', { action: 'notify_federal', jubilees: [anton], sent: true });
    const produced = { at: '2026-11-27T09:00:00.000Z', user: 'test' };
    const sent = { at: '2026-11-27T09:00:00.000Z', user: 'test' };

    clock = new Date('2026-12-02T10:00:00Z');
    const again = await listed();
    expect(again).not.toContain('Anton Alt');
    expect(again).toContain('Nora Neu');
    expect(again).toContain('1 Eintrag; 1 bereits als versandt vermerkte Meldung nicht aufgeführt');
    // The sent one keeps its first record; the open one was produced again, now.
    expect((await byPerson()).R5[0]).toEqual({ action: 'notify_federal', by: '2026-11-12', overdue: false, produced, sent });
    expect((await byPerson()).R6[0].produced).toEqual({ at: '2026-12-02T10:00:00.000Z', user: 'test' });

    const all = await listed({ includeSent: true });
    expect(all).toContain('Dr. Anton Alt');
    expect(all).toContain('Versandt am');
    expect(all).toContain('27.11.2026');
    expect(all).toContain('2 Einträge, davon 1 bereits als versandt vermerkt');
    expect((await byPerson()).R5[0]).toEqual({ action: 'notify_federal', by: '2026-11-12', overdue: false, produced, sent });
  });

  it('a notification marked as sent is no longer overdue; taking the mark back makes it overdue again', async () => {
    const marked = await call(app.handlers, 'jubilees.notifications.mark', { action: 'notify_federal', jubilees: [anton], sent: true });
    expect(marked).toEqual({ marked: 1 });
    const sent = (await byPerson()).R5;
    expect(sent[0]).toEqual({ action: 'notify_federal', by: '2026-11-12', overdue: false, produced: null, sent: { at: '2026-11-27T09:00:00.000Z', user: 'test' } });
    expect(sent[1].overdue).toBe(true);
    await call(app.handlers, 'jubilees.notifications.mark', { action: 'notify_federal', jubilees: [anton], sent: false });
    expect((await byPerson()).R5[0]).toMatchObject({ overdue: true, sent: null });
  });

  it('refuses to mark a notification that is not due for that jubilee, in German, and marks nothing', async () => {
    const erna = { date: '2026-12-03', kind: 'birthday' as const, registerIds: ['R1'] };
    const refused = await dispatch(app.handlers, 'jubilees.notifications.mark', { action: 'notify_federal', jubilees: [anton, erna], sent: true });
    expect(refused.ok ? null : refused.error.message).toBe(
      'Für den 90. Geburtstag am 03.12.2026 (Frau Erna Groß) ist keine Meldung an den Bundespräsidenten vorgesehen.',
    );
    expect((await byPerson()).R5[0].sent).toBeNull();
  });

  it("the start page's overview is the list's: the same counts, and exactly the open deadlines of the next four weeks", async () => {
    await call(app.handlers, 'jubilees.notifications.mark', { action: 'notify_land', jubilees: [anton], sent: true });
    const overview = await call(app.handlers, 'jubilees.overview', {});
    expect([overview.from, overview.to]).toEqual([TODAY, '2026-12-25']);
    const soon = await list(overview.from, overview.to);
    expect([overview.birthdays, overview.weddings]).toEqual([soon.filter((e) => e.kind === 'birthday').length, soon.filter((e) => e.kind === 'wedding').length]);
    expect([overview.birthdays, overview.weddings]).toEqual([2, 1]);
    // Every open notification with a deadline up to `to`, from all jubilees ahead (here up to 20 January).
    const open = (entries: JubileeEntry[]) =>
      entries.flatMap((e) => e.notifications.filter((n) => !n.sent && n.by <= overview.to).map((n) => [n.by, n.action, e.date, n.overdue]));
    const expected = open(await list(TODAY, '2027-03-31')).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(overview.deadlines.map((d) => [d.by, d.action, d.date, d.overdue])).toEqual(expected);
    expect(overview.deadlines.map((d) => [d.by, d.action, d.label, d.name, d.overdue])).toEqual([
      ['2026-10-31', 'notify_land', 'Diamantene Hochzeit', 'Herrn Manfred Maier und Frau Maria Maier', true],
      ['2026-11-12', 'notify_federal', '100. Geburtstag', 'Herrn Dr. Anton Alt', true],
      ['2026-12-09', 'notify_land', '100. Geburtstag', 'Frau Nora Neu', false],
      ['2026-12-23', 'notify_federal', '100. Geburtstag', 'Frau Nora Neu', false],
    ]);
  });
});
