/**
 * The start page asks for its dashboard as soon as the app opens, and the register holds half a
 * million residents in a city like Duisburg: none of its calls may read the residents table row
 * by row (timings themselves live in `npm run bench -- app-ready`).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { call } from '../api';
import { STANDARD_COLUMNS } from '../services/residents/register-extract';
import { createTempApp } from '../../tests/support/temp-app';
import { importExtract } from '../../tests/support/register-import';

let app: ReturnType<typeof createTempApp>;
beforeEach(() => {
  app = createTempApp({ now: () => new Date('2026-11-27T09:00:00Z') });
});
afterEach(() => app.cleanup());

const rows = [
  ['R1', 'Groß', 'Erna', '', 'w', '03.12.1936', 'Königstraße', '5', '47051', 'Duisburg', 'Mitte'],
  ['R2', 'Maier', 'Manfred', '', 'm', '01.05.1940', 'Hofweg', '2', '47057', 'Duisburg', 'Süd'],
  ['R3', 'Alt', 'Anton', 'Dr.', 'm', '10.12.1926', 'Rheinweg', '1', '47198', 'Duisburg', 'Homberg'],
].map((r) => [...r, ...Array(STANDARD_COLUMNS.length - r.length).fill('')].join(';'));
const extract = new TextEncoder().encode([STANDARD_COLUMNS.join(';'), ...rows].join('\n'));

/** The statements run while `work` runs, with the query plan of each. */
async function plansOf(work: () => Promise<unknown>): Promise<Array<{ sql: string; plan: string[] }>> {
  const client = app.db.$client;
  const seen: string[] = [];
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => {
    seen.push(source);
    return prepare(source);
  }) as typeof client.prepare;
  try {
    await work();
  } finally {
    client.prepare = prepare;
  }
  return [...new Set(seen)]
    .filter((sql) => /^\s*(select|with)\b/i.test(sql))
    .map((sql) => {
      const params = Array.from(sql.matchAll(/\?/g), () => null);
      const plan = (prepare(`explain query plan ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
      return { sql, plan };
    });
}

it("the start page's calls find residents through indexes and never scan the residents table", async () => {
  await importExtract(app.handlers, extract, { fileName: 'auszug.csv' });
  const plans = await plansOf(async () => {
    expect(await call(app.handlers, 'residents.status', {})).toMatchObject({ residents: 3, districts: ['Homberg', 'Mitte', 'Süd'] });
    await call(app.handlers, 'app.info', {});
    await call(app.handlers, 'jubilees.list', { from: '2026-11-27', to: '2026-12-25' });
    await call(app.handlers, 'jubilees.list', { from: '2026-11-27', to: '2027-02-05' });
  });
  const onResidents = plans.filter((p) => /\bresidents\b/.test(p.sql));
  expect(onResidents.length).toBeGreaterThan(0);
  // The jubilee lists ran (their SQL names the column quoted or not).
  expect(onResidents.filter((p) => /\bbirth_date"? between\b/.test(p.sql)).length).toBeGreaterThan(0);
  for (const { sql, plan } of onResidents) {
    // A pass over a small covering index (the count of current residents) is fine; a pass over the table is not.
    expect(plan.filter((step) => /^SCAN residents\b/.test(step) && !/USING COVERING INDEX/.test(step)), sql).toEqual([]);
    // The jubilee lists search their date ranges, whatever other index could serve "gone = 0".
    if (/\b(birth|marriage)_date"? between\b/.test(sql)) expect(plan.join(' | '), sql).toMatch(/^(MULTI-INDEX OR \| )?(INDEX \d+ \| )?SEARCH residents USING INDEX residents_(birth|marriage)_date_idx/);
  }
});
