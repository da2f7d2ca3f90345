import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, type MergeInput, type MergeStatus } from '../../api';
import { STANDARD_COLUMNS } from './register-extract';
import { createTempApp } from '../../../tests/support/temp-app';
import { importExtract } from '../../../tests/support/register-import';

/** Nothing done twice: each jubilee shows its letter, "all letters" writes only the missing ones. */

type Row = Partial<Record<(typeof STANDARD_COLUMNS)[number], string>>;
const csv = (rows: Row[]) =>
  Buffer.from([STANDARD_COLUMNS.join(';'), ...rows.map((r) => STANDARD_COLUMNS.map((c) => r[c] ?? '').join(';'))].join('\r\n')).toString('base64');
const EXTRACT: Row[] = [
  { register_id: 'R1', surname: 'Groß', given_names: 'Erna', gender: 'w', birth_date: '03.12.1936', street: 'Königstraße', house_number: '5', postcode: '47051', city: 'Duisburg', district: 'Mitte' },
  { register_id: 'R2', surname: 'Maier', given_names: 'Manfred', gender: 'm', birth_date: '1940-05-01', marriage_date: '12.12.1966', spouse_register_id: 'R3', street: 'Hofweg', house_number: '2', postcode: '47057', city: 'Duisburg', district: 'Süd' },
  { register_id: 'R3', surname: 'Maier', given_names: 'Maria', gender: 'w', birth_date: '1942-06-01', marriage_date: '12.12.1966', spouse_register_id: 'R2', street: 'Hofweg', house_number: '2', postcode: '47057', city: 'Duisburg', district: 'Süd' },
  { register_id: 'R5', surname: 'Alt', given_names: 'Anton', degree: 'Dr.', gender: 'm', birth_date: '10.12.1926', street: 'Rheinweg', house_number: '1', postcode: '47198', city: 'Duisburg', district: 'Homberg' },
];
const DECEMBER = { from: '2026-12-01', to: '2026-12-31' };

let app: ReturnType<typeof createTempApp>;
let signerId: number;
beforeEach(async () => {
  app = createTempApp({ now: () => new Date('2026-11-27T09:00:00Z') });
  await importExtract(app.handlers, csv(EXTRACT));
  signerId = (await call(app.handlers, 'signers.save', { name: 'Dr. Petra Hovestadt', gender: 'female', office: 'Oberbürgermeisterin', deputy: false })).id;
});
afterEach(() => app.cleanup());

type Jubilees = Extract<MergeInput['recipients'], { type: 'jubilees' }>;

/** A mail merge of jubilee letters, run to its end. */
async function merge(recipients: Omit<Jubilees, 'type'>): Promise<MergeStatus> {
  let status = await call(app.handlers, 'letters.merge.start', {
    templateId: recipients.kind === 'birthday' ? 'geburtstag' : 'ehejubilaeum',
    recipients: { type: 'jubilees', ...recipients },
    signerId,
    date: '2026-11-27',
    output: 'files',
  });
  for (let i = 0; status.state === 'running' && i < 500; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    status = await call(app.handlers, 'letters.merge.status', { jobId: status.jobId });
  }
  expect(status.state).toBe('done');
  return status;
}

const lettersByJubilee = async () =>
  Object.fromEntries((await call(app.handlers, 'jubilees.list', DECEMBER)).entries.map((e) => [`${e.label} ${e.persons.map((p) => p.registerId).join('+')}`, e.letters]));

describe('jubilee letters', () => {
  it('the list shows each jubilee its letters (any status) or none', async () => {
    expect(await lettersByJubilee()).toEqual({ '90. Geburtstag R1': [], '100. Geburtstag R5': [], 'Diamantene Hochzeit R2+R3': [] });
    const [erna, anton] = (await merge({ ...DECEMBER, kind: 'birthday' })).letterIds;
    await call(app.handlers, 'letters.setStatus', { id: anton, revision: 1, status: 'versandt' });
    expect(await lettersByJubilee()).toEqual({
      '90. Geburtstag R1': [{ id: erna, status: 'entwurf', letterDate: '2026-11-27' }],
      '100. Geburtstag R5': [{ id: anton, status: 'versandt', letterDate: '2026-11-27' }],
      'Diamantene Hochzeit R2+R3': [],
    });
  });

  it('"all letters" writes only the missing ones and says how many it skipped', async () => {
    const first = await merge({ ...DECEMBER, kind: 'birthday', registerIds: ['R1'] });
    expect([first.letterIds.length, first.skipped]).toEqual([1, 0]);
    const all = await merge({ ...DECEMBER, kind: 'birthday' });
    expect([all.letterIds.length, all.skipped]).toEqual([1, 1]);
    const again = await merge({ ...DECEMBER, kind: 'birthday' });
    expect([again.letterIds.length, again.skipped, again.problems]).toEqual([0, 2, []]);
    expect((await call(app.handlers, 'letters.list', {})).total).toBe(2);
  });

  it('producing again is an explicit choice, for one jubilee', async () => {
    const [first] = (await merge({ ...DECEMBER, kind: 'wedding' })).letterIds;
    const again = await merge({ from: '2026-12-12', to: '2026-12-12', kind: 'wedding', registerIds: ['R3', 'R2'], existing: 'again' });
    expect([again.letterIds.length, again.skipped]).toEqual([1, 0]);
    const letters = (await lettersByJubilee())['Diamantene Hochzeit R2+R3'];
    expect(letters.map((l) => l.id)).toEqual([first, again.letterIds[0]]);
    expect((await call(app.handlers, 'letters.list', {})).total).toBe(2);
  });

  it('a letter to the same person for another jubilee, or written by hand without the register, does not count', async () => {
    await call(app.handlers, 'letters.create', {
      templateId: 'geburtstag',
      recipient: { type: 'free', name: 'Erna Groß', lines: ['Frau Erna Groß', 'Königstraße 5', '47051 Duisburg'], salutation: 'Sehr geehrte Frau Groß' },
      signerId,
      fields: { anlassDatum: '2021-12-03', alter: 85, registerIds: ['R1'] },
    });
    await call(app.handlers, 'letters.create', {
      templateId: 'geburtstag',
      recipient: { type: 'free', name: 'Anton Alt', lines: ['Herrn Dr. Anton Alt', 'Rheinweg 1', '47198 Duisburg'], salutation: 'Sehr geehrter Herr Dr. Alt' },
      signerId,
      fields: { anlassDatum: '2026-12-10', alter: 100 },
    });
    expect(await lettersByJubilee()).toEqual({ '90. Geburtstag R1': [], '100. Geburtstag R5': [], 'Diamantene Hochzeit R2+R3': [] });
    expect((await merge({ ...DECEMBER, kind: 'birthday' })).letterIds).toHaveLength(2);
  });

  it('refuses a selection with no jubilee due a letter, in German', async () => {
    const none = await dispatch(app.handlers, 'letters.merge.start', {
      templateId: 'geburtstag',
      recipients: { type: 'jubilees', from: '2026-12-04', to: '2026-12-09', kind: 'birthday' },
      signerId,
      output: 'files',
    });
    expect(none.ok ? null : none.error.message).toBe('Die Auswahl enthält keine Empfänger.');
  });
});
