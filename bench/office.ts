/**
 * Office mode in the bench (issue 14): a row measured on both engines, and the office of twenty
 * PCs. Data are made once in a SQLite data folder, measured there, then moved into a throw-away
 * local PostgreSQL with `db copy`'s own code (copySqliteToPostgres) and measured again through
 * the same handlers of an office-mode app: the same data, the same machine, the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { call, type Handlers } from '../core/api';
import { personContactInputSchema } from '../core/api/schemas/contacts';
import { dataFileIn } from '../core/app/data-dir';
import { openApp, openOfficeApp, type App, type OpenedApp } from '../core/app/open-app';
import { createTestDatabase, type TestDatabase } from '../tests/support/pg-cluster';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIGRATIONS = path.join(ROOT, 'db', 'migrations');
const PG_MIGRATIONS = path.join(ROOT, 'db', 'migrations-pg');
const TEMPLATES = path.join(ROOT, 'templates');

export type EngineKind = 'sqlite' | 'postgres';

export interface Result {
  value: number;
  unit: string;
  target: string;
  peer?: { name: string; value: number };
  /** Peak RSS before a peer ran in the same process. */
  ownRssMb?: number;
}

/** What a row measures on either engine: the data (made in SQLite), and the measurement through the handlers. */
export interface MeasuredOnEngines {
  /** A data folder to start from (copied first). */
  from?: string;
  /** Fills the SQLite data folder (fast, through its own file). */
  fill?: (app: App) => Promise<void>;
  measure: (handlers: Handlers) => Promise<Result>;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-bench-'));
}

function openSqlite(dir: string): App {
  return openApp({ dataDir: dir, migrationsFolder: MIGRATIONS, templatesDir: TEMPLATES, appVersion: 'bench', user: 'bench' });
}

/** A throw-away PostgreSQL database holding a copy of a SQLite data folder, and an office app on it. */
async function officeCopyOf(dataDir: string): Promise<{ app: OpenedApp; openAnother(): Promise<OpenedApp>; close(): Promise<void> }> {
  const { copySqliteToPostgres } = await import('../db/copy');
  const database: TestDatabase = await createTestDatabase('bench');
  const localDir = tempDir();
  try {
    await copySqliteToPostgres({ sqliteFile: dataFileIn(dataDir), url: database.url, migrations: { sqlite: MIGRATIONS, postgres: PG_MIGRATIONS } });
    const open = () => openOfficeApp({ url: database.url, localDir, migrationsFolder: MIGRATIONS, pgMigrationsFolder: PG_MIGRATIONS, templatesDir: TEMPLATES, appVersion: 'bench', user: 'bench' });
    const app = await open();
    const others: OpenedApp[] = [];
    return {
      app,
      /** Another PC on the same office database (its own connections); closed with this one. */
      async openAnother() {
        const other = await open();
        others.push(other);
        return other;
      },
      async close() {
        for (const other of others) await other.close();
        await app.close();
        await database.drop();
        fs.rmSync(localDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database.drop();
    fs.rmSync(localDir, { recursive: true, force: true });
    throw error;
  }
}

/** An empty office database at this version, and an office app on it (the `pg-import` row). */
export async function emptyOfficeApp(): Promise<{ app: OpenedApp; close(): Promise<void> }> {
  const { migratePostgres } = await import('../db/engine/postgres');
  const database = await createTestDatabase('bench');
  const localDir = tempDir();
  try {
    await migratePostgres(database.url, { migrationsFolder: PG_MIGRATIONS });
    const app = await openOfficeApp({ url: database.url, localDir, migrationsFolder: MIGRATIONS, pgMigrationsFolder: PG_MIGRATIONS, templatesDir: TEMPLATES, appVersion: 'bench', user: 'bench' });
    return {
      app,
      async close() {
        await app.close();
        await database.drop();
        fs.rmSync(localDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database.drop();
    fs.rmSync(localDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Runs a row on SQLite; on 'postgres', also on a copy of the same data in PostgreSQL, with the
 * SQLite figure beside it as the peer ("PostgreSQL … ms, SQLite … ms").
 */
export async function onEngine(engine: EngineKind, row: MeasuredOnEngines): Promise<Result> {
  const dir = tempDir();
  try {
    if (row.from) fs.cpSync(row.from, dir, { recursive: true });
    const app = openSqlite(dir);
    let sqlite: Result;
    try {
      await row.fill?.(app);
      sqlite = await row.measure(app.handlers);
    } finally {
      app.close();
    }
    if (engine === 'sqlite') return sqlite;
    const ownRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const office = await officeCopyOf(dir);
    try {
      const postgres = await row.measure(office.app.handlers);
      return { ...postgres, target: `${postgres.target}; PostgreSQL lokal, Daten mit „db copy“ übernommen`, peer: { name: 'SQLite', value: sqlite.value }, ownRssMb };
    } finally {
      await office.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const PCS = 20;
const SECONDS = 60;

interface OfficeLoad {
  latencies: number[];
  /** The latencies by kind of action, for a look at what is slow. */
  byAction: Map<string, number[]>;
  errors: string[];
  saves: number;
  lost: number;
}

/**
 * Twenty people at work on one database for a minute, each on an app of their own (its own
 * connections, as a PC has): search the contacts, open one, save their own contact (with its
 * revision), look at the week and the month of the calendar, save an appointment; 0.3–1.5 s
 * between two actions. Counts every call's latency, every error, and every save that did not
 * arrive (each PC's contact and appointments are read back at the end).
 */
async function officeLoad(apps: OpenedApp[]): Promise<OfficeLoad> {
  const load: OfficeLoad = { latencies: [], byAction: new Map(), errors: [], saves: 0, lost: 0 };
  const timed = async <T>(action: string, work: () => Promise<T>): Promise<T | undefined> => {
    const start = performance.now();
    try {
      return await work();
    } catch (error) {
      load.errors.push((error as Error).message);
      return undefined;
    } finally {
      const took = performance.now() - start;
      load.latencies.push(took);
      load.byAction.set(action, [...(load.byAction.get(action) ?? []), took]);
    }
  };
  const [calendar] = await call(apps[0]!.handlers, 'calendar.calendars', {});
  if (!calendar) throw new Error('Kein Kalender im Beispielbüro');
  const end = performance.now() + SECONDS * 1000;
  let seed = 5;
  const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const expected = await Promise.all(
    apps.map(async (app, pc) => {
      const { handlers } = app;
      const own = await call(handlers, 'contacts.create', { kind: 'person', gender: 'female', givenName: `Platz${pc + 1}`, surname: 'Lasttest', city: 'Duisburg' });
      let revision = own.revision;
      // A change saves the whole contact (the form's fields), as the contact form does.
      const fields = Object.fromEntries(Object.keys(personContactInputSchema.shape).map((key) => [key, (own as Record<string, unknown>)[key]]));
      let city = 'Duisburg';
      const titles: string[] = [];
      for (let step = 0; performance.now() < end; step++) {
        await new Promise((resolve) => setTimeout(resolve, 300 + random(1200)));
        const day = `2027-03-${String(1 + random(28)).padStart(2, '0')}`;
        switch (step % 6) {
          case 0:
            await timed('suchen', () => call(handlers, 'contacts.list', { query: ['Müller', 'Schmidt', 'Stadt', 'Verein'][random(4)]! }));
            break;
          case 1:
            await timed('öffnen', () => call(handlers, 'contacts.get', { id: own.id }));
            break;
          case 2: {
            const next = `Duisburg ${step}`;
            const saved = await timed('Kontakt speichern', () => call(handlers, 'contacts.update', { id: own.id, revision, contact: { ...fields, kind: 'person', city: next } as never }));
            if (saved) {
              revision = saved.revision;
              city = next;
              load.saves++;
            }
            break;
          }
          case 3:
            await timed('Woche', () => call(handlers, 'calendar.view', { from: day, to: day.replace(/\d\d$/, (d) => String(Math.min(28, Number(d) + 6)).padStart(2, '0')) }));
            break;
          case 4:
            await timed('Monat', () => call(handlers, 'calendar.view', { from: '2027-03-01', to: '2027-03-31' }));
            break;
          default: {
            const title = `Lasttest Platz ${pc + 1}, Schritt ${step}`;
            const saved = await timed('Termin speichern', () => call(handlers, 'calendar.appointments.save', { calendarId: calendar.id, title, start: `${day}T10:00`, end: `${day}T11:00`, place: 'Rathaus' }));
            if (saved) {
              titles.push(title);
              load.saves++;
            }
          }
        }
      }
      return { id: own.id, city, titles };
    }),
  );
  // Every save that was answered must be there.
  const reader = apps[0]!.handlers;
  const month = await call(reader, 'calendar.view', { from: '2027-03-01', to: '2027-03-31' });
  const stored = new Set(month.occurrences.map((o) => o.title));
  for (const pc of expected) {
    if ((await call(reader, 'contacts.get', { id: pc.id })).city !== pc.city) load.lost++;
    load.lost += pc.titles.filter((title) => !stored.has(title)).length;
  }
  return load;
}

/** "suchen 12 ms, öffnen 4 ms, …": the p95 of each kind of action. */
function byAction(load: OfficeLoad): string {
  return [...load.byAction].map(([action, times]) => `${action} ${p95(times).toFixed(0)} ms`).join(', ');
}

function p95(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
}

/** The `office-20` row: twenty PCs on one local PostgreSQL; beside it the same load on one SQLite file (twenty windows of one app). */
export async function office20(): Promise<Result> {
  const dir = tempDir();
  try {
    const single = openSqlite(dir);
    await call(single.handlers, 'demo.load', {});
    const sqlite = await officeLoad(Array.from({ length: PCS }, () => single));
    single.close();
    const ownRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const office = await officeCopyOf(dir);
    try {
      const pcs = [office.app];
      while (pcs.length < PCS) pcs.push(await office.openAnother());
      const postgres = await officeLoad(pcs);
      const failures = postgres.errors.length ? `; Fehler: ${[...new Set(postgres.errors)].slice(0, 3).join(' | ')}` : '';
      return {
        value: Number(p95(postgres.latencies).toFixed(1)),
        unit: 'ms p95',
        target:
          `≤ 100 ms p95, 0 Fehler, 0 verlorene Schreibvorgänge (${PCS} Arbeitsplätze, ${SECONDS} s gemischte Arbeit auf PostgreSQL lokal: ` +
          `${postgres.latencies.length} Aufrufe, ${postgres.saves} gespeichert, ${postgres.errors.length} Fehler, ${postgres.lost} verloren${failures}; p95 je Aktion: ${byAction(postgres)}; ` +
          `SQLite: ${sqlite.latencies.length} Aufrufe, ${sqlite.errors.length} Fehler, ${sqlite.lost} verloren; p95 je Aktion: ${byAction(sqlite)})`,
        peer: { name: 'SQLite (ein Programm, 20 Fenster)', value: Number(p95(sqlite.latencies).toFixed(1)) },
        ownRssMb,
      };
    } finally {
      await office.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
