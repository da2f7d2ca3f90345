/**
 * `npm run bench [-- NAME …]`: fixed sizes, own generated data, one line per row with the
 * value, its target and the peak RSS. Never part of `npm test`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { call } from '../core/api';
import { composeAddress, roleMap, ROLE_CATALOGUE } from '../core/domain/addressing';
import { openApp } from '../core/app/open-app';

interface Row {
  name: string;
  run(): Promise<{ value: number; unit: string; target: string }>;
}

const MIGRATIONS = path.resolve(__dirname, '../db/migrations');

function withTempApp<T>(work: (app: ReturnType<typeof openApp>) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-bench-'));
  const app = openApp({ dataDir: dir, migrationsFolder: MIGRATIONS, templatesDir: path.resolve(__dirname, '../templates'), appVersion: 'bench', user: 'bench' });
  return work(app).finally(() => {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

const SURNAMES = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Özdemir', 'Kowalski'];
const GIVEN = ['Anna', 'Max', 'Erika', 'Theo', 'Fatma', 'Jan', 'Lea', 'Paul'];

const rows: Row[] = [
  {
    name: 'addressing.compose',
    async run() {
      const roles = roleMap(ROLE_CATALOGUE);
      const keys = [...roles.keys(), undefined];
      const n = 200_000;
      const start = performance.now();
      for (let i = 0; i < n; i++) {
        composeAddress(
          {
            person: { gender: i % 2 ? 'female' : 'male', degrees: i % 3 ? 'Dr.' : undefined, givenName: GIVEN[i % 8], surname: SURNAMES[i % 12], role: keys[i % keys.length] },
            partner: i % 5 === 0 ? { gender: 'female', surname: SURNAMES[(i + 1) % 12] } : undefined,
          },
          roles,
        );
      }
      return { value: Math.round(n / ((performance.now() - start) / 1000)), unit: 'calls/s', target: '≥ 50 000 calls/s (mail merge of 1 000 letters stays instant)' };
    },
  },
  {
    name: 'contacts.create-10k',
    async run() {
      return withTempApp(async (app) => {
        const start = performance.now();
        for (let i = 0; i < 10_000; i++) {
          await call(app.handlers, 'contacts.create', { kind: 'person', gender: i % 2 ? 'female' : 'male', givenName: GIVEN[i % 8], surname: `${SURNAMES[i % 12]}${i}`, city: 'Duisburg', tags: ['Vereine'] });
        }
        return { value: Math.round(10_000 / ((performance.now() - start) / 1000)), unit: 'contacts/s', target: '≥ 1 000 contacts/s (CSV import of 10 000 in seconds)' };
      });
    },
  },
  {
    name: 'contacts.search-10k',
    async run() {
      return withTempApp(async (app) => {
        app.db.transaction(() => {
          const insert = app.db.$client.prepare(
            "insert into contacts (kind, gender, given_name, surname, city, sort_name, created_at, updated_at) values ('person', 'female', ?, ?, 'Duisburg', ?, 'x', 'x')",
          );
          for (let i = 0; i < 10_000; i++) insert.run(GIVEN[i % 8], `${SURNAMES[i % 12]}${i}`, `${SURNAMES[i % 12]}${i}, ${GIVEN[i % 8]}`);
        });
        const queries = ['müller', 'oezdemir', 'anna', 'duisburg', 'xyz'];
        const times: number[] = [];
        for (let i = 0; i < 50; i++) {
          const start = performance.now();
          await call(app.handlers, 'contacts.list', { query: queries[i % queries.length], limit: 2000 });
          times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        return { value: Number(times[Math.floor(times.length * 0.95)].toFixed(1)), unit: 'ms p95', target: '≤ 100 ms p95 (instant search while typing)' };
      });
    },
  },
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const selected = wanted.length ? rows.filter((r) => wanted.includes(r.name)) : rows;
  if (selected.length === 0) {
    console.error(`Unbekannte Messreihe. Vorhanden: ${rows.map((r) => r.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  for (const row of selected) {
    const result = await row.run();
    const rss = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(`${row.name.padEnd(24)} ${String(result.value).padStart(10)} ${result.unit.padEnd(12)} (target ${result.target})  peak RSS ${rss} MB`);
  }
}

void main();
