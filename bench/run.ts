/**
 * `npm run bench [-- NAME …]`: fixed sizes, own generated data; each row runs in its own
 * process so its peak RSS is its own. One line per row: value, target, peak RSS, and where a
 * peer is measured in the same run, its figure and the ratio. Never part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chooseEntry } from '../cli/launch.mjs';
import { call, type Handlers } from '../core/api';
import { composeAddress, roleMap, ROLE_CATALOGUE } from '../core/domain/addressing';
import { openApp } from '../core/app/open-app';
import { runRegisterImport, uploadFile } from '../core/app/register-import';
import { compileTemplate, fillCombined, fillTemplate } from '../core/documents/docx-template';
import { writeFileAtomic } from '../core/services/files';
import { office20, onEngine, type EngineKind, type Result } from './office';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIGRATIONS = path.join(ROOT, 'db', 'migrations');
const TEMPLATES = path.join(ROOT, 'templates');

/** A row; one measured on both engines is also listed as `pg-<name>` and then runs with 'postgres'. */
type Row = { name: string; twin?: boolean; run(engine: EngineKind): Promise<Result> };

const SURNAMES = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Özdemir', 'Kowalski'];
const GIVEN = ['Anna', 'Max', 'Erika', 'Theo', 'Fatma', 'Jan', 'Lea', 'Paul'];
const LETTERS = 1000;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-bench-'));
}

async function withTempApp<T>(work: (app: ReturnType<typeof openApp>) => Promise<T>, from?: string): Promise<T> {
  const dir = tempDir();
  if (from) fs.cpSync(from, dir, { recursive: true });
  const app = openApp({ dataDir: dir, migrationsFolder: MIGRATIONS, templatesDir: TEMPLATES, appVersion: 'bench', user: 'bench' });
  try {
    return await work(app);
  } finally {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** 1,000 personalised value sets for the birthday template. */
function letterValues(): Array<Record<string, string>> {
  const body = [
    'zu Ihrem 90. Geburtstag am 3. Dezember 2026 gratuliere ich Ihnen – auch im Namen des Rates und der Verwaltung der Stadt Duisburg – sehr herzlich.',
    'Ein solcher Festtag ist ein schöner Anlass, dankbar auf die vielen Jahre zurückzublicken, die hinter Ihnen liegen.',
    'Für das neue Lebensjahr wünsche ich Ihnen vor allem Gesundheit, Zufriedenheit und noch viele glückliche Stunden.',
  ].join('\n\n');
  return Array.from({ length: LETTERS }, (_, i) => {
    const name = `${GIVEN[i % GIVEN.length]} ${SURNAMES[i % SURNAMES.length]}-${i}`;
    return {
      stadt: 'Stadt Duisburg',
      dienststelle: 'Der Oberbürgermeister',
      amt: 'Amt für Kommunikation',
      absenderzeile: 'Stadt Duisburg · Der Oberbürgermeister · 47049 Duisburg',
      hausanschrift: 'Burgplatz 19 · 47051 Duisburg',
      internet: 'www.duisburg.de',
      ansprechpartner: 'Frau Kemper',
      telefon: '0203 283-4711',
      email: 'protokoll@stadt-duisburg.example',
      anschrift: `Frau ${name}\nKönigstraße ${i + 1}\n47051 Duisburg`,
      empfaenger_name: name,
      anrede: `Sehr geehrte Frau ${SURNAMES[i % SURNAMES.length]}-${i},`,
      anrede_muendlich: `Frau ${SURNAMES[i % SURNAMES.length]}-${i}`,
      grussformel: 'Mit herzlichen Grüßen',
      betreff: 'Ihr 90. Geburtstag',
      brieftext: body,
      datum: '27. November 2026',
      datum_numerisch: '27.11.2026',
      anlass: '90. Geburtstag',
      anlass_datum: '3. Dezember 2026',
      alter: '90',
      jubilaeum: '',
      verstorbene_person: '',
      partnerstadt: '',
      aktenzeichen: '',
      vertretung: '',
      unterzeichner_name: 'Dr. Petra Hovestadt',
      unterzeichner_amt: 'Oberbürgermeisterin',
    };
  });
}

/** docxtemplater (bench-only dev dependency) on the same template and values, same output. */
async function docxtemplaterRate(templateBytes: Buffer, values: Array<Record<string, string>>, dir: string): Promise<number> {
  const { default: PizZip } = await import('pizzip');
  const { default: Docxtemplater } = await import('docxtemplater');
  const start = performance.now();
  values.forEach((v, i) => {
    const doc = new Docxtemplater(new PizZip(templateBytes), { delimiters: { start: '{{', end: '}}' }, linebreaks: true, paragraphLoop: true });
    doc.render(v);
    writeFileAtomic(path.join(dir, `peer-${i}.docx`), doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
  });
  return Math.round(values.length / ((performance.now() - start) / 1000));
}

const RESIDENTS = 500_000;
const STANDARD_HEADER =
  'register_id;surname;given_names;degree;gender;birth_date;street;house_number;postcode;city;district;marriage_date;spouse_register_id;death_date;moved_away;objection;information_block;conditional_block';

/**
 * Birth years with an age structure like Duisburg's (about 22 % aged 65 and over, 6 % 80 and
 * over, a few hundred centenarians), so lists are as long as in the real office.
 */
const AGE_BANDS: Array<[share: number, fromAge: number, toAge: number]> = [
  [0.78, 0, 64],
  [0.11, 65, 74],
  [0.05, 75, 79],
  [0.045, 80, 89],
  [0.0145, 90, 99],
  [0.0005, 100, 107],
];
function birthYearOf(i: number): number {
  const u = ((i * 2654435761) % 1_000_003) / 1_000_003;
  let acc = 0;
  for (const [share, from, to] of AGE_BANDS) {
    acc += share;
    if (u < acc) return 2026 - (from + (i % (to - from + 1)));
  }
  return 2026 - 30;
}

/** A synthetic extract of 500,000 residents; `changed` of them differ from the base (deterministic). */
function residentsCsv(changedShare = 0): Buffer {
  const lines = [STANDARD_HEADER];
  for (let i = 0; i < RESIDENTS; i++) {
    const year = birthYearOf(i);
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    const married = i % 3 === 0 && i + 1 < RESIDENTS;
    const spouse = married ? `R${i + 1}` : i % 3 === 1 ? `R${i - 1}` : '';
    const marriage = spouse && year + 25 <= 2026 ? `15.${month}.${year + 25}` : '';
    const changed = changedShare > 0 && i % Math.round(1 / changedShare) === 0;
    lines.push(
      [
        `R${i}`,
        SURNAMES[i % SURNAMES.length],
        GIVEN[i % GIVEN.length],
        i % 17 === 0 ? 'Dr.' : '',
        i % 2 ? 'w' : 'm',
        `${day}.${month}.${year}`,
        changed ? 'Neue Straße' : 'Königstraße',
        String(i % 200),
        '47051',
        'Duisburg',
        ['Mitte', 'Süd', 'Homberg', 'Walsum', 'Hamborn', 'Meiderich', 'Rheinhausen'][i % 7],
        marriage,
        spouse,
        '',
        '0',
        i % 50 === 0 ? '1' : '0',
        '0',
        '0',
      ].join(';'),
    );
  }
  return Buffer.from(lines.join('\n'));
}

/**
 * The extracts are written to files by the parent before the rows run and uploaded from disk in
 * pieces, as the window sends them: a row's peak RSS holds what the app holds, not the generator's arrays.
 */
function extractFile(changedShare: number): string {
  const dir = process.env.RATHAUS_BENCH_DATA ?? os.tmpdir();
  return path.join(dir, `residents-${RESIDENTS}-${changedShare}.csv`);
}
function prepareExtracts(): void {
  for (const share of [0, 0.02]) {
    const file = extractFile(share);
    if (!fs.existsSync(file)) fs.writeFileSync(file, residentsCsv(share));
  }
}
/** A data folder with the base extract imported (made once, in its own process). */
const importedDataDir = (): string => path.join(process.env.RATHAUS_BENCH_DATA ?? os.tmpdir(), 'imported');

/** As the window does it: upload in pieces, import in the background worker, poll until done. */
async function importResidents(app: { handlers: Handlers }, file: string): Promise<void> {
  const uploadId = await uploadFile(app.handlers, file);
  const job = await runRegisterImport(app.handlers, { uploadId, commit: true, pollMs: 100 });
  if (job.state !== 'done') throw new Error(`Import ${job.state}: ${job.error?.message ?? ''}`);
}

/**
 * `RATHAUS_PROFILE`: a calendar's step back, then its step forward again under Chromium's CPU
 * profiler (`scope` picks the calendar, e.g. ".rb-calendar "), written to `file` as a .cpuprofile.
 */
async function profileNextMonth(page: import('playwright-core').Page, scope: string, waitMs: number, file: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await page.locator(`${scope}.fc-prev-button`).click();
  await page.waitForLoadState('networkidle');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  await page.locator(`${scope}.fc-next-button`).click();
  await page.waitForTimeout(waitMs);
  const { profile } = await cdp.send('Profiler.stop');
  fs.writeFileSync(file, JSON.stringify(profile));
}

const rows: Row[] = [
  {
    name: 'import',
    async run() {
      return withTempApp(async (app) => {
        const start = performance.now();
        await importResidents(app, extractFile(0));
        return { value: Number(((performance.now() - start) / 1000).toFixed(1)), unit: 's', target: '≤ 15 s, peak RSS ≤ 500 MB (500,000 rows into an empty database)' };
      });
    },
  },
  {
    // The same extract into an empty office database (the import's worker, COPY); the SQLite
    // import of the row above runs first in this process, its figure beside.
    name: 'pg-import',
    async run() {
      const sqlite = await withTempApp(async (app) => {
        const start = performance.now();
        await importResidents(app, extractFile(0));
        return (performance.now() - start) / 1000;
      });
      const { emptyOfficeApp } = await import('./office');
      const office = await emptyOfficeApp();
      try {
        const start = performance.now();
        await importResidents(office.app, extractFile(0));
        const seconds = (performance.now() - start) / 1000;
        return {
          value: Number(seconds.toFixed(1)),
          unit: 's',
          target: '≤ 15 s, peak RSS ≤ 300 MB (500,000 rows into an empty office database, PostgreSQL lokal; RSS incl. the SQLite run before)',
          peer: { name: 'SQLite', value: Number(sqlite.toFixed(1)) },
        };
      } finally {
        await office.close();
      }
    },
  },
  {
    name: 'reimport',
    async run() {
      return withTempApp(async (app) => {
        const start = performance.now();
        await importResidents(app, extractFile(0.02));
        return { value: Number(((performance.now() - start) / 1000).toFixed(1)), unit: 's', target: '≤ 15 s, peak RSS ≤ 500 MB (500,000 rows, 2 % changed)' };
      }, importedDataDir());
    },
  },
  {
    name: 'jubilees-month',
    twin: true,
    async run(engine) {
      return onEngine(engine, {
        from: importedDataDir(),
        measure: async (handlers) => {
          const times: number[] = [];
          for (let i = 0; i < 12; i++) {
            const month = String(i + 1).padStart(2, '0');
            const start = performance.now();
            await call(handlers, 'jubilees.list', { from: `2026-${month}-01`, to: `2026-${month}-28` });
            times.push(performance.now() - start);
          }
          times.sort((a, b) => a - b);
          return { value: Number(times[Math.floor(times.length / 2)].toFixed(1)), unit: 'ms median', target: '≤ 50 ms (one month over 500,000 residents)' };
        },
      });
    },
  },
  {
    name: 'letters',
    async run() {
      const dir = tempDir();
      try {
        const bytes = fs.readFileSync(path.join(TEMPLATES, 'geburtstag.docx'));
        const values = letterValues();
        const start = performance.now();
        const template = compileTemplate(new Uint8Array(bytes), 'Geburtstag');
        values.forEach((v, i) => writeFileAtomic(path.join(dir, `brief-${i}.docx`), fillTemplate(template, v)));
        const rate = Math.round(values.length / ((performance.now() - start) / 1000));
        const ownRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
        const peer = await docxtemplaterRate(bytes, values, dir);
        return {
          value: rate,
          unit: 'letters/s',
          target: '≥ 200 letters/s, peak RSS < 400 MB (1,000 .docx files)',
          peer: { name: 'docxtemplater', value: peer },
          ownRssMb,
        };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    // A mail merge of 1,000 birthday letters to contacts of one tag through the app
    // (`letters.merge.start`, then its status until done): each letter filled, registered and its
    // file stored — in office mode inside the office database. Letters per second of the whole job.
    name: 'letters-stored',
    twin: true,
    async run(engine) {
      const COUNT = 1_000;
      return onEngine(engine, {
        fill: async (app) => {
          await call(app.handlers, 'demo.load', {});
          const { contactsRepository } = await import('../core/services/contacts/repository');
          const { contactInputSchema } = await import('../core/api/schemas/contacts');
          const repo = contactsRepository(app.engine);
          await app.engine.transaction(async () => {
            for (let i = 0; i < COUNT; i++) {
              const data = contactInputSchema.parse({
                kind: 'person',
                gender: i % 2 ? 'female' : 'male',
                givenName: GIVEN[i % 8],
                surname: `${SURNAMES[i % 12]}${i}`,
                street: 'Königstraße',
                houseNumber: String(1 + (i % 90)),
                postcode: '47051',
                city: 'Duisburg',
                tags: ['Serienbrief-Messung'],
              });
              await repo.insert(data, `${SURNAMES[i % 12]}${i}, ${GIVEN[i % 8]}`, 'x');
            }
          });
        },
        measure: async (handlers) => {
          const signerId = (await call(handlers, 'signers.list', {})).find((s) => !s.deputy)!.id;
          const start = performance.now();
          let status = await call(handlers, 'letters.merge.start', {
            templateId: 'geburtstag',
            recipients: { type: 'tag', tag: 'Serienbrief-Messung' },
            signerId,
            fields: { alter: 80, anlassDatum: '2027-01-15' },
            output: 'files',
          });
          while (status.state === 'running') {
            await new Promise((resolve) => setTimeout(resolve, 20));
            status = await call(handlers, 'letters.merge.status', { jobId: status.jobId });
          }
          const seconds = (performance.now() - start) / 1000;
          if (status.state !== 'done' || status.letterIds.length !== COUNT) throw new Error(`Serienbrief: ${status.state}, ${status.letterIds.length} von ${COUNT} Briefen (${status.error ?? status.problems[0]?.message ?? ''})`);
          return { value: Math.round(COUNT / seconds), unit: 'letters/s', target: '≥ 200 letters/s (Serienbrief an 1.000 Kontakte über die Anwendung, Dateien gespeichert)' };
        },
      });
    },
  },
  {
    name: 'letters-combined',
    async run() {
      const dir = tempDir();
      try {
        const values = letterValues();
        const start = performance.now();
        const template = compileTemplate(new Uint8Array(fs.readFileSync(path.join(TEMPLATES, 'geburtstag.docx'))), 'Geburtstag');
        writeFileAtomic(path.join(dir, 'serienbrief.docx'), fillCombined(template, values));
        return { value: Math.round(values.length / ((performance.now() - start) / 1000)), unit: 'letters/s', target: '≥ 200 letters/s, peak RSS < 400 MB (one file, 1,000 sections)' };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
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
      return { value: Math.round(n / ((performance.now() - start) / 1000)), unit: 'calls/s', target: '≥ 50,000 calls/s' };
    },
  },
  {
    // A year of 5,000 appointments (occurrences) for 5 people: per person a few series (weekly,
    // fortnightly, monthly) and single appointments at a few venues, some cancelled or all-day.
    name: 'conflicts',
    async run() {
      const { findConflicts } = await import('../core/domain/calendar/conflicts');
      const { occurrencesOf } = await import('../core/domain/calendar/recurrence');
      type Entry = import('../core/domain/calendar/types').CalendarEntry;
      const YEAR = { from: '2026-01-01', to: '2026-12-31' };
      const VENUES = ['Rathaus', 'Mercatorhalle', 'Landschaftspark', 'Theater', 'Zoo', 'Rathaus Walsum', ''];
      let seed = 42;
      const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
      const two = (n: number) => String(n).padStart(2, '0');
      const entries: Entry[] = [];
      let occurrences = 0;
      for (const owner of ['ob', 'bm1', 'bm2', 'bm3', 'bm4']) {
        const mine: Entry[] = [
          ['FREQ=WEEKLY;BYDAY=MO', '2026-01-05T09:00', '2026-01-05T10:00'],
          ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', '2026-01-08T16:00', '2026-01-08T17:30'],
          ['FREQ=MONTHLY;BYDAY=1WE', '2026-01-07T10:00', '2026-01-07T11:00'],
          ['FREQ=MONTHLY;BYMONTHDAY=15', '2026-01-15T14:00', '2026-01-15T15:00'],
        ].map(([rule, start, end], i) => ({
          id: `${owner}-s${i}`,
          owner,
          title: `Reihe ${i}`,
          start,
          end,
          allDay: false,
          place: VENUES[i],
          status: 'bestätigt' as const,
          recurrence: { rule, exceptions: ['2026-12-28T09:00'] },
        }));
        let count = mine.reduce((n, e) => n + occurrencesOf(e, YEAR.from, YEAR.to).length, 0);
        for (let i = 0; count < 1000; i++, count++) {
          const day = Date.UTC(2026, 0, 1 + random(365));
          const date = new Date(day).toISOString().slice(0, 10);
          const start = 8 * 60 + random(13 * 4) * 15;
          const end = start + 30 + random(5) * 30;
          const at = (m: number) => `${date}T${two(Math.floor(m / 60))}:${two(m % 60)}`;
          const allDay = random(50) === 0;
          const span = allDay ? { start: date, end: new Date(day + 86_400_000).toISOString().slice(0, 10) } : { start: at(start), end: at(end) };
          const status = random(20) === 0 ? ('abgesagt' as const) : ('geplant' as const);
          mine.push({ id: `${owner}-${i}`, owner, title: `Termin ${i}`, ...span, allDay, place: VENUES[random(VENUES.length)], status, recurrence: null });
        }
        occurrences += count;
        entries.push(...mine);
      }
      if (occurrences !== 5000) throw new Error(`${occurrences} statt 5000 Termine`);
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < 11; i++) {
        const start = performance.now();
        found = findConflicts(entries, YEAR, { travelMinutes: 30 }).length;
        times.push(performance.now() - start);
      }
      if (found === 0) throw new Error('keine Konflikte gefunden');
      times.sort((a, b) => a - b);
      return { value: Number(times[5].toFixed(1)), unit: 'ms median', target: '≤ 50 ms (5,000 Termine, 5 Personen, ein Jahr)' };
    },
  },
  {
    name: 'month-view',
    /**
     * The month view with 600 appointments, measured in Chromium (browser mode against the
     * built renderer): from the click on "next month" until every appointment of March 2027 is
     * on the page (as an event or counted in a "+ n weitere" link). Includes the API call.
     */
    async run() {
      const { launchBrowser, startServer } = await import('../tests/e2e/browser-mode');
      if (!fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('Erst „npm run build“ ausführen.');
      const dir = tempDir();
      const app = openApp({ dataDir: dir, migrationsFolder: MIGRATIONS, templatesDir: TEMPLATES, appVersion: 'bench', user: 'bench' });
      await call(app.handlers, 'demo.load', {});
      const calendarIds = (await call(app.handlers, 'calendar.calendars', {})).map((c) => c.id);
      for (let i = 0; i < 600; i++) {
        const day = String(1 + (i % 31)).padStart(2, '0');
        const hour = String(7 + (Math.floor(i / 31) % 13)).padStart(2, '0');
        await call(app.handlers, 'calendar.appointments.save', {
          calendarId: calendarIds[i % calendarIds.length],
          title: `Termin ${i + 1}`,
          start: `2027-03-${day}T${hour}:00`,
          end: `2027-03-${day}T${hour}:45`,
          place: 'Rathaus',
        });
      }
      const expected = (await call(app.handlers, 'calendar.view', { from: '2027-03-01', to: '2027-03-31' })).occurrences.length;
      app.close();
      const server = await startServer(dir);
      const browser = await launchBrowser();
      const times: number[] = [];
      try {
        for (let run = 0; run < 5; run++) {
          const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'de-DE' });
          await page.goto(server.url);
          await page.getByRole('tab', { name: 'Termine' }).click();
          await page.locator('.fc-dayGridMonth-button').click();
          while (!/Februar 2027/.test((await page.locator('.fc-toolbar-title').textContent()) ?? '')) await page.locator('.fc-next-button').click();
          await page.waitForLoadState('networkidle');
          // A string, not a function: tsx would wrap a function's inner functions in helpers the page lacks.
          const elapsed = (await page.evaluate(`(async (total) => {
            // Appointments drawn in the days of March, plus those a "+ n weitere" entry stands for.
            const shown = () => {
              if (!/März 2027/.test(document.querySelector('.fc-toolbar-title')?.textContent ?? '')) return 0;
              let n = 0;
              for (const cell of document.querySelectorAll('.fc-daygrid-day:not(.fc-day-other)')) {
                n += cell.querySelectorAll('.fc-daygrid-event:not(.rb-more)').length;
                for (const more of cell.querySelectorAll('.rb-more, .fc-daygrid-more-link')) n += Number(/\\d+/.exec(more.textContent ?? '')?.[0] ?? 0);
              }
              return n;
            };
            const start = performance.now();
            document.querySelector('.fc-next-button').click();
            await new Promise((resolve) => {
              const check = () => (shown() >= total ? resolve() : requestAnimationFrame(check));
              check();
            });
            return performance.now() - start;
          })(${expected})`)) as number;
          times.push(elapsed);
          // Back to February, then March again, profiled: a look at the render.
          if (process.env.RATHAUS_PROFILE && run === 0) await profileNextMonth(page, '', 1500, process.env.RATHAUS_PROFILE);
          await page.close();
        }
      } finally {
        await browser.close();
        await server.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
      times.sort((a, b) => a - b);
      return { value: Number(times[2].toFixed(0)), unit: 'ms median', target: `≤ 300 ms (Monatsansicht mit ${expected} Terminen, in Chromium)` };
    },
  },
  {
    // Browser mode started on a data folder with 500,000 residents, as a user starts it: from
    // spawning `node cli/bin.mjs serve` until Chromium shows the start page's dashboard with
    // everything it asks for (the jubilees of the next four weeks counted, no call pending).
    // Chromium and an empty tab are opened before the clock runs (the user's browser is already open).
    name: 'app-ready',
    async run() {
      const { launchBrowser, startServer } = await import('../tests/e2e/browser-mode');
      if (!chooseEntry(ROOT).built || !fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('Erst „npm run build“ ausführen.');
      const dir = tempDir();
      fs.cpSync(importedDataDir(), dir, { recursive: true });
      const browser = await launchBrowser();
      const times: number[] = [];
      const serverTimes: number[] = [];
      try {
        for (let run = 0; run < 5; run++) {
          // The tab is open before the clock runs, as in the user's browser: Playwright's new page
          // is a new browser profile each time (about half a second), which no user waits for.
          const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'de-DE' });
          const start = performance.now();
          const server = await startServer(dir, [], { urlOnly: true });
          serverTimes.push(performance.now() - start);
          let pending = 0;
          let settled: () => void = () => {};
          const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
          page.on('request', (r) => void (isApi(r.url()) && pending++));
          const done = (r: { url(): string }) => {
            if (isApi(r.url()) && --pending === 0) settled();
          };
          page.on('requestfinished', done);
          page.on('requestfailed', done);
          await page.goto(server.url);
          // The card counts the jubilees once they are loaded ("0 Geburtstage" until then; 500,000 residents have some every day).
          await page.getByRole('group', { name: 'Jubiläen der nächsten vier Wochen' }).getByText(/^[1-9][\d.]* Geburtstage?,/).waitFor();
          if (pending > 0) await new Promise<void>((resolve) => (settled = resolve));
          // The answers drawn: the next frame.
          await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve()))');
          times.push(performance.now() - start);
          await page.close();
          await server.stop();
        }
      } finally {
        await browser.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
      const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
      return {
        value: Number((median(times) / 1000).toFixed(2)),
        unit: 's median',
        target: `≤ 1 s (Browser-Modus mit 500.000 Einwohnerinnen und Einwohnern bis zur Startseite mit Übersicht, in Chromium; Server bereit nach ${(median(serverTimes) / 1000).toFixed(2)} s)`,
      };
    },
  },
  {
    // 20,000 speeches of 300–900 words from a German vocabulary, each with a few topic words,
    // indexed as the service indexes them; the median of the search queries (ranked hits and
    // snippets, through the handler).
    name: 'search',
    twin: true,
    async run(engine) {
      const { fullTextIndexSync } = await import('../core/services/search/full-text-sync');
      const { bodyFromPlainText, bodyToPlainText, spokenWords } = await import('../core/api/speech-body');
      const WORDS = (
        'und die der wir Stadt Duisburg heute Jahr Menschen gemeinsam Dank Zukunft unsere allen Arbeit Engagement ' +
        'Bürgerinnen Bürger Rathaus Verein Jubiläum Ehrenamt Gäste herzlich willkommen Freude Geschichte Hafen ' +
        'Rhein Ruhr Stadtteil Nachbarschaft Verantwortung Familien Kinder Jugend Schule Sport Kultur Musik Theater ' +
        'Wirtschaft Arbeitsplätze Industrie Stahl Logistik Wandel Strukturwandel Gesellschaft Zusammenhalt Vielfalt ' +
        'Partnerschaft Freundschaft Europa Frieden Erinnerung Verständnis Respekt Mut Hoffnung Vertrauen Leistung ' +
        'möchte danken besonders gerne Herzlichen Glückwunsch feiern erinnern gestalten unterstützen begegnen ' +
        'Straße Platz Brücke Park Wald Wasser Licht Feuer Zeit Tag Abend Woche Monat Generation Tradition'
      ).split(' ');
      const TOPICS = ['Hafenfest', 'Feuerwehr', 'Partnerstadt Portsmouth', 'Weihnachtsmarkt', 'Sportlerehrung', 'Gedenkstunde', 'Karneval', 'Zoo', 'Landschaftspark', 'Stadtwerke'];
      let seed = 7;
      const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
      return onEngine(engine, {
        fill: async (app) => {
          const index = fullTextIndexSync(app.db, 'speech_search');
          app.db.transaction(() => {
            const speech = app.db.$client.prepare("insert into speeches (title, kind, audience, status, created_at, updated_at) values (?, 'rede', ?, 'gehalten', 'x', 'x')");
            const version = app.db.$client.prepare("insert into speech_versions (speech_id, number, body, plain_text, words, saved_at) values (?, 1, ?, ?, ?, 'x')");
            for (let i = 0; i < 20_000; i++) {
              const topic = TOPICS[random(TOPICS.length)]!;
              const paragraphs: string[] = [];
              const length = 300 + random(600);
              for (let w = 0; w < length; ) {
                const sentence: string[] = [];
                for (let k = 0, n = 8 + random(12); k < n; k++, w++) sentence.push(random(40) === 0 ? topic : WORDS[random(WORDS.length)]!);
                paragraphs.push(`${sentence.join(' ')}.`);
              }
              const body = bodyFromPlainText(paragraphs.join('\n\n'));
              const text = bodyToPlainText(body);
              const title = `Rede zum Thema ${topic} ${2000 + (i % 27)}`;
              const id = Number(speech.run(title, `Publikum ${i % 50}`).lastInsertRowid);
              version.run(id, JSON.stringify(body), text, spokenWords(body));
              index.put(id, `${title} Publikum ${i % 50}`, text);
            }
          });
        },
        measure: async (handlers) => {
          const queries = ['Hafenfest', 'was haben wir beim letzten Hafenfest gesagt', 'Feuerwehr Ehrenamt', 'Partnerstädte', 'Bürgerinnen', 'Strukturwandel Stahl', 'xyz'];
          const first = await call(handlers, 'speeches.search', { text: 'Hafenfest', limit: 30 });
          if (first.speeches.length !== 30 || !first.speeches.every((s) => s.title.includes('Hafenfest') || s.snippet.some((p) => p.hit))) throw new Error('Suche liefert nicht die erwarteten Treffer');
          const times: number[] = [];
          for (let i = 0; i < 70; i++) {
            const start = performance.now();
            await call(handlers, 'speeches.search', { text: queries[i % queries.length]!, limit: 30 });
            times.push(performance.now() - start);
          }
          times.sort((a, b) => a - b);
          const slowest = times[times.length - 1]!.toFixed(0);
          return { value: Number(times[Math.floor(times.length / 2)]!.toFixed(1)), unit: 'ms median', target: `≤ 20 ms (Volltextsuche über 20.000 Reden; langsamste Abfrage ${slowest} ms)` };
        },
      });
    },
  },
  {
    // 50,000 requests to the mayor (subject, place, 40–160 words of text from a German vocabulary
    // with a topic or two, a statement for a third of them), indexed as the service indexes them;
    // the median of full-text queries, some with filters, one typed as a sentence, through
    // `requests.list` (a page of 200 and the total).
    name: 'requests-search',
    twin: true,
    async run(engine) {
      const { requestIndexSync } = await import('../core/services/requests/requests-service');
      const WORDS = (
        'und die der vor seit Wochen Tagen abends morgens Haus Straße Weg Ecke Kinder Nachbarn Anwohner bitte dringend ' +
        'leider wieder immer noch gefährlich dunkel laut schmutzig kaputt repariert gemeldet Stadt Verwaltung Antwort ' +
        'Bürgerinnen Bürger Haltestelle Bus Bahn Fahrrad Auto Parkplatz Gehweg Kreuzung Schule Kita Park Wiese Bank ' +
        'Hund Müll Container Glas Papier Sperrmüll Baustelle Lärm Nacht Sonntag Sommer Winter Regen Wasser Licht ' +
        'ältere Menschen Rollstuhl Kinderwagen Sicherheit Ordnung Sauberkeit Verkehr Tempo Schild Zebrastreifen'
      ).split(' ');
      const TOPICS = ['Straßenlaterne', 'Spielplatz', 'Radweg', 'Ampel', 'Schlaglöcher', 'Grüngürtel', 'Taubenplage', 'Wochenmarkt', 'Trinkbrunnen', 'Bürgersteig', 'Rheinpark', 'Königstraße', 'Falschparker', 'Graffiti', 'Sporthalle'];
      const DISTRICTS = ['Walsum', 'Hamborn', 'Meiderich/Beeck', 'Homberg/Ruhrort/Baerl', 'Mitte', 'Rheinhausen', 'Süd'];
      const STREETS = ['Königstraße', 'Mülheimer Straße', 'Düsseldorfer Straße', 'Friedrich-Ebert-Straße', 'Weseler Straße', 'Am Brunnenhof', 'Kuhlenwall', 'Sonnenwall'];
      const KINDS = ['beschwerde', 'anregung', 'idee', 'hilfe', 'lob'];
      const STATUSES = ['eingegangen', 'bestaetigt', 'in_bearbeitung', 'weitergeleitet', 'stellungnahme', 'beantwortet', 'erledigt', 'erledigt', 'erledigt'];
      let seed = 19;
      const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
      let lanterns = 0;
      return onEngine(engine, {
        fill: async (app) => {
          const index = requestIndexSync(app.db);
          app.db.transaction(() => {
            const insert = app.db.$client.prepare(
              `insert into citizen_requests (kind, channel, subject, text, category, district, place, received_on, status, statement_text, created_at, updated_at)
               values (?, 'email', ?, ?, '', ?, ?, ?, ?, ?, 'x', 'x')`,
            );
            for (let i = 0; i < 50_000; i++) {
              const topic = TOPICS[random(TOPICS.length)]!;
              const second = TOPICS[random(TOPICS.length)]!;
              const words: string[] = [];
              for (let w = 0, n = 40 + random(120); w < n; w++) words.push(random(25) === 0 ? (random(2) ? topic : second) : WORDS[random(WORDS.length)]!);
              const text = `${words.join(' ')}.`;
              const subject = `${topic} ${['defekt', 'verschmutzt', 'Vorschlag', 'Beschwerde', 'Bitte um Prüfung'][random(5)]}`;
              const place = random(3) ? `${STREETS[random(STREETS.length)]} ${1 + random(120)}` : '';
              const statement = random(3) === 0 ? `Der Fachbereich hat den Hinweis zum Thema ${topic} geprüft; die Arbeiten sind beauftragt.` : '';
              const receivedOn = `${2024 + random(3)}-${String(1 + random(12)).padStart(2, '0')}-${String(1 + random(28)).padStart(2, '0')}`;
              if (subject.includes('Straßenlaterne') || text.includes('Straßenlaterne')) lanterns++;
              const id = Number(insert.run(KINDS[random(KINDS.length)], subject, text, DISTRICTS[random(DISTRICTS.length)], place, receivedOn, STATUSES[random(STATUSES.length)], statement).lastInsertRowid);
              index.put({ id, subject, place, text, statementText: statement });
            }
          });
          app.db.$client.pragma('wal_checkpoint(TRUNCATE)');
        },
        measure: async (handlers) => {
          const queries: Array<Record<string, unknown>> = [
            { text: 'Straßenlaterne' },
            { text: 'Laterne Königstraße' },
            { text: 'Spielplatz' },
            { text: 'Graffiti', district: 'Mitte' },
            { text: 'Radweg Falschparker' },
            { text: 'Trinkbrunnen', open: true },
            { text: 'was ist mit den Schlaglöchern in der Düsseldorfer Straße' },
            { text: 'Tauben' },
            { text: 'xyz' },
          ];
          const first = await call(handlers, 'requests.list', { text: 'Straßenlaterne' });
          if (first.items.length !== 200 || first.total !== lanterns) throw new Error(`Suche liefert ${first.total} statt ${lanterns} Treffer`);
          const times: number[] = [];
          // CPU time too: on a busy machine the wall clock also counts the waiting for a core.
          const cpu: number[] = [];
          for (let i = 0; i < 90; i++) {
            const before = process.cpuUsage();
            const start = performance.now();
            await call(handlers, 'requests.list', queries[i % queries.length]!);
            times.push(performance.now() - start);
            const used = process.cpuUsage(before);
            cpu.push((used.user + used.system) / 1000);
          }
          const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
          const slowest = Math.max(...times).toFixed(0);
          return {
            value: Number(median(times).toFixed(1)),
            unit: 'ms median',
            target: `≤ 20 ms (Volltextsuche über 50.000 Anliegen, Seite mit 200 Treffern und Gesamtzahl; CPU-Zeit im Median ${median(cpu).toFixed(1)} ms; langsamste Abfrage ${slowest} ms)`,
          };
        },
      });
    },
  },
  {
    name: 'contacts.search-10k',
    async run() {
      return withTempApp(async (app) => {
        // Written as the service writes them (the repository stores the folded search text and sort key).
        const { contactsRepository } = await import('../core/services/contacts/repository');
        const { contactInputSchema } = await import('../core/api/schemas/contacts');
        const repo = contactsRepository(app.engine);
        await app.engine.transaction(async () => {
          for (let i = 0; i < 10_000; i++) {
            const data = contactInputSchema.parse({ kind: 'person', gender: 'female', givenName: GIVEN[i % 8], surname: `${SURNAMES[i % 12]}${i}`, city: 'Duisburg' });
            await repo.insert(data, `${SURNAMES[i % 12]}${i}, ${GIVEN[i % 8]}`, 'x');
          }
        });
        const queries = ['müller', 'oezdemir', 'anna', 'duisburg', 'xyz'];
        const expected = [834, 833, 1250, 10_000, 0];
        const times: number[] = [];
        // CPU time too: on a busy machine the wall clock also counts the waiting for a core.
        const cpu: number[] = [];
        for (let i = 0; i < 50; i++) {
          const before = process.cpuUsage();
          const start = performance.now();
          const { total } = await call(app.handlers, 'contacts.list', { query: queries[i % queries.length], limit: 2000 });
          times.push(performance.now() - start);
          const used = process.cpuUsage(before);
          cpu.push((used.user + used.system) / 1000);
          if (total !== expected[i % queries.length]) throw new Error(`„${queries[i % queries.length]}“ findet ${total} statt ${expected[i % queries.length]} Kontakte`);
        }
        const p95 = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length * 0.95)]!;
        return {
          value: Number(p95(times).toFixed(1)),
          unit: 'ms p95',
          target: `≤ 100 ms p95 (Sofortsuche über 10.000 Kontakte, bis zu 2.000 Treffer und Gesamtzahl; CPU-Zeit p95 ${p95(cpu).toFixed(1)} ms)`,
        };
      });
    },
  },
  {
    // 50,000 requests received 2024–2026 (more in spring and autumn, fewer in the summer and at
    // Christmas), with texts, weighted kinds, channels, categories and districts, some without
    // either; the older ones answered and closed, a share anonymised, the recent ones still open
    // or forwarded with a deadline. The median of `requests.stats` for 2026 and for all three years.
    name: 'requests-stats',
    twin: true,
    async run(engine) {
      const { REQUEST_CATEGORIES, DISTRICTS } = await import('../core/api');
      // mulberry32: independent draws (a plain linear congruential generator's draws repeat in step).
      let seed = 11;
      const random = (n: number) => {
        seed = (seed + 0x6d2b79f5) | 0;
        let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
        return (((x ^ (x >>> 14)) >>> 0) % n);
      };
      const pick = <T,>(weighted: Array<[T, number]>): T => {
        let r = random(weighted.reduce((sum, [, w]) => sum + w, 0));
        for (const [value, w] of weighted) if ((r -= w) < 0) return value;
        return weighted[0]![0];
      };
      const KINDS: Array<[string, number]> = [['beschwerde', 35], ['anregung', 20], ['hilfe', 20], ['idee', 15], ['lob', 10]];
      const CHANNELS: Array<[string, number]> = [['email', 45], ['brief', 20], ['telefon', 20], ['persoenlich', 8], ['buergergespraech', 5], ['buergerspaziergang', 2]];
      const CATEGORIES: Array<[string, number]> = [['', 8], ...REQUEST_CATEGORIES.map((c, i): [string, number] => [c, 20 - i * 2])];
      const AREAS: Array<[string, number]> = [['', 10], ...DISTRICTS.map((d, i): [string, number] => [d, [8, 12, 10, 9, 20, 11, 14][i]!])];
      // Requests per month of the year (relative).
      const SEASON = [9, 10, 12, 12, 11, 8, 7, 7, 11, 12, 11, 6];
      const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      const DAY = 86_400_000;
      const sentence = 'Sehr geehrter Herr Oberbürgermeister, seit Wochen ist die Straßenbeleuchtung an der Haltestelle ausgefallen, und abends ist es dort sehr dunkel. ';
      return onEngine(engine, {
        fill: async (app) => {
          app.db.transaction(() => {
            const insert = app.db.$client.prepare(
              `insert into citizen_requests (kind, channel, subject, text, category, district, place, received_on, status, statement_requested_on, statement_due,
                 statement_received_on, answered_on, closed_on, anonymised_at, created_at, updated_at)
               values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            );
            const start = Date.UTC(2024, 0, 1);
            const end = Date.UTC(2026, 11, 31);
            for (let i = 0; i < 50_000; ) {
              const at = start + random(Math.floor((end - start) / DAY) + 1) * DAY;
              if (random(12) >= SEASON[new Date(at).getUTCMonth()]!) continue;
              i++;
              const received = day(at);
              const age = (end - at) / DAY;
              const forwarded = random(10) < 6;
              const requested = forwarded ? day(at + (1 + random(5)) * DAY) : null;
              const due = forwarded ? day(at + (15 + random(5)) * DAY) : null;
              const answerAfter = 5 + random(40) + (forwarded ? 15 : 0);
              const done = age > answerAfter + 10 || random(3) === 0;
              const status = done ? 'erledigt' : age < 3 ? 'eingegangen' : forwarded ? (random(3) ? 'weitergeleitet' : 'stellungnahme') : random(2) ? 'in_bearbeitung' : 'bestaetigt';
              const answered = done ? day(at + answerAfter * DAY) : null;
              insert.run(
                pick(KINDS),
                pick(CHANNELS),
                `Anliegen ${i}: Beleuchtung, Sauberkeit oder Verkehr`,
                sentence.repeat(3 + random(8)),
                pick(CATEGORIES),
                pick(AREAS),
                `Musterstraße ${random(200)}`,
                received,
                status,
                requested,
                due,
                forwarded && (done || status === 'stellungnahme') ? day(at + (10 + random(15)) * DAY) : null,
                answered,
                done ? day(at + (answerAfter + random(10)) * DAY) : null,
                done && age > 3 * 365 - 60 ? '2026-11-01T02:00:00Z' : null,
                `${received}T09:00:00Z`,
                `${received}T09:00:00Z`,
              );
            }
          });
          app.db.$client.pragma('wal_checkpoint(TRUNCATE)');
        },
        measure: async (handlers) => {
          const all = await call(handlers, 'requests.stats', { from: '2024-01-01', to: '2026-12-31' });
          if (all.total !== 50_000 || all.byMonth.length !== 36) throw new Error(`Statistik zählt ${all.total} statt 50.000 Anliegen`);
          const periods = [
            { from: '2026-01-01', to: '2026-12-31' },
            { from: '2024-01-01', to: '2026-12-31' },
          ];
          const times: number[][] = [[], []];
          for (let i = 0; i < 40; i++) {
            const start = performance.now();
            await call(handlers, 'requests.stats', periods[i % 2]!);
            times[i % 2]!.push(performance.now() - start);
          }
          const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
          const [year, three] = times.map(median);
          return {
            value: Number(three!.toFixed(1)),
            unit: 'ms median',
            target: `≤ 100 ms (Statistik über alle 50.000 Anliegen aus 3 Jahren; ein Jahr: ${year!.toFixed(1)} ms)`,
          };
        },
      });
    },
  },
  {
    // The demo office (about 200 contacts, 12 partnerships) with a few letters already produced;
    // `greetings.plan` for ten years (2026–2035), each year's first call (its calendars computed
    // anew) and a second one. The value is the median of the first calls.
    name: 'greetings-plan',
    async run() {
      return withTempApp(async (app) => {
        await call(app.handlers, 'demo.load', {});
        await call(app.handlers, 'greetings.produce', { year: 2027, key: 'rosch-ha-schana', date: '2027-10-02' });
        await call(app.handlers, 'greetings.produce', { year: 2027, key: 'nationalfeiertag-ru', date: '2027-06-12', approve: true });
        const first: number[] = [];
        const again: number[] = [];
        for (let year = 2026; year <= 2035; year++) {
          for (const times of [first, again]) {
            const start = performance.now();
            const plan = await call(app.handlers, 'greetings.plan', { year });
            times.push(performance.now() - start);
            if (plan.occasions.length < 25) throw new Error(`Grußkalender ${year} hat nur ${plan.occasions.length} Anlässe`);
          }
        }
        const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
        return {
          value: Number(median(first).toFixed(1)),
          unit: 'ms median',
          target: `≤ 50 ms (Grußkalender eines Jahres mit Beispieldaten, erster Aufruf je Jahr; erneut: ${median(again).toFixed(1)} ms)`,
        };
      });
    },
  },
  {
    // The online editorial plan's month view in Chromium (browser mode against the built
    // renderer): 2,000 posts in December 2026 across 10 channels (every status, some with a
    // topic, some published), written as the service writes them. Measured from the click on
    // "Weiter" (November → December 2026 in the month view) until every post of December is on
    // the page (drawn, or counted in a "+ n weitere" link); the API call (`online.plan` with its
    // clusters and silences) included. The value is the median of 7 runs, each in a fresh page;
    // the handler alone is given beside it. RATHAUS_PROFILE=file.cpuprofile: one more transition
    // profiled.
    name: 'online-plan',
    async run() {
      const { launchBrowser, startServer } = await import('../tests/e2e/browser-mode');
      if (!fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('Erst „npx electron-vite build“ ausführen.');
      const { onlineRepository } = await import('../core/services/online/repository');
      const { CHANNEL_KEYS } = await import('../core/domain/online/channels');
      const { POST_STATUSES } = await import('../core/domain/online/post-rules');
      const POSTS = 2000;
      const dir = tempDir();
      const app = openApp({ dataDir: dir, migrationsFolder: MIGRATIONS, templatesDir: TEMPLATES, appVersion: 'bench', user: 'bench' });
      const handlerTimes: number[] = [];
      try {
        const repo = onlineRepository(app.engine);
        const channels = CHANNEL_KEYS.filter((key) => key !== 'whatsapp');
        await app.engine.transaction(async () => {
          const topics = [];
          for (let i = 0; i < 20; i++) topics.push((await repo.insertTopic({ title: `Thema ${i + 1}: Weihnachtsmarkt und Bürgerservice` }, 'x')).id);
          for (let i = 0; i < POSTS; i++) {
            const day = String(1 + (i % 31)).padStart(2, '0');
            const time = `${String(7 + (i % 13)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
            const status = POST_STATUSES[i % POST_STATUSES.length]!;
            const at = `2026-12-${day}T${time}`;
            await repo.insertPost(
              {
                channel: channels[i % channels.length]!,
                topicId: i % 3 ? topics[i % topics.length]! : null,
                text: `Beitrag ${i + 1}: Der Weihnachtsmarkt in der Duisburger Innenstadt hat heute bis 21 Uhr geöffnet. #Duisburg #Weihnachtsmarkt`,
                link: 'https://www.duisburg.de/weihnachtsmarkt',
                media: [{ kind: 'image', alt: 'Lichter am König-Heinrich-Platz', credit: 'Foto: Stadt Duisburg', rightsUntil: null }],
                status,
                plannedAt: status === 'veroeffentlicht' ? null : at,
                publishedAt: status === 'veroeffentlicht' ? at : null,
              },
              'x',
            );
          }
        });
        for (let i = 0; i < 20; i++) {
          const start = performance.now();
          const plan = await call(app.handlers, 'online.plan', { from: '2026-11-30', to: '2027-01-10' });
          handlerTimes.push(performance.now() - start);
          if (plan.items.length !== POSTS) throw new Error(`Der Monatsplan zeigt ${plan.items.length} statt ${POSTS} Beiträge`);
        }
      } finally {
        app.close();
      }
      const server = await startServer(dir);
      const browser = await launchBrowser();
      const times: number[] = [];
      const title = async (page: import('playwright-core').Page) => (await page.locator('.rb-calendar .fc-toolbar-title').textContent()) ?? '';
      try {
        for (let run = 0; run < 7; run++) {
          const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'de-DE' });
          await page.goto(server.url);
          await page.getByRole('tab', { name: 'Online', exact: true }).click();
          await page.getByRole('tab', { name: 'Plan', exact: true }).click();
          await page.locator('.rb-calendar .fc-dayGridMonth-button').click();
          // November 2026, whatever today is: the month before the posts.
          for (let step = 0; step < 240 && !/November 2026/.test(await title(page)); step++) {
            const [month, year] = (await title(page)).split(' ');
            const before = Number(year) < 2026 || (Number(year) === 2026 && !/Dezember/.test(month ?? ''));
            await page.locator(before ? '.rb-calendar .fc-next-button' : '.rb-calendar .fc-prev-button').click();
          }
          await page.waitForLoadState('networkidle');
          // A string, not a function: tsx would wrap a function's inner functions in helpers the page lacks.
          const elapsed = (await page.evaluate(`(async (total) => {
            // Posts drawn in the days of December, plus those a "+ n weitere" link stands for.
            const shown = () => {
              if (!/Dezember 2026/.test(document.querySelector('.rb-calendar .fc-toolbar-title')?.textContent ?? '')) return 0;
              let n = 0;
              for (const cell of document.querySelectorAll('.rb-calendar .fc-daygrid-day:not(.fc-day-other)')) {
                n += cell.querySelectorAll('.fc-daygrid-event:not(.rb-more)').length;
                for (const more of cell.querySelectorAll('.rb-more, .fc-daygrid-more-link')) n += Number(/\\d+/.exec(more.textContent ?? '')?.[0] ?? 0);
              }
              return n;
            };
            const start = performance.now();
            document.querySelector('.rb-calendar .fc-next-button').click();
            // Not all shown after 30 s: counted as a failure (-1), not waited for forever.
            const complete = await new Promise((resolve) => {
              const check = () => (shown() >= total ? resolve(true) : performance.now() - start > 30000 ? resolve(false) : requestAnimationFrame(check));
              check();
            });
            return complete ? performance.now() - start : -1;
          })(${POSTS})`)) as number;
          if (elapsed < 0) throw new Error('Der Dezember zeigt nach 30 s nicht alle Beiträge.');
          times.push(elapsed);
          // Back to November, then December again, profiled: a look at the render.
          if (process.env.RATHAUS_PROFILE && run === 0) await profileNextMonth(page, '.rb-calendar ', 2000, process.env.RATHAUS_PROFILE);
          await page.close();
        }
      } finally {
        await browser.close();
        await server.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
      const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
      return {
        value: Number(median(times).toFixed(0)),
        unit: 'ms median',
        target: `≤ 300 ms (Monatsansicht des Online-Plans mit ${POSTS.toLocaleString('de-DE')} Beiträgen auf 10 Kanälen, in Chromium, Wechsel November → Dezember bis alle Beiträge gezeigt; online.plan allein: ${median(handlerTimes).toFixed(1)} ms; Läufe: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
      };
    },
  },
  {
    // The engine layer (db/engine): 10,000 inserts, then 10,000 reads by id, one awaited statement
    // at a time as a service loop would, into audit_log. SQLite through the engine (async proxy,
    // FIFO mutex), peer: drizzle's own synchronous driver on the same kind of file; PostgreSQL
    // through the engine on a throw-away local cluster (every statement a round trip).
    name: 'engine',
    async run() {
      const { drizzle } = await import('drizzle-orm/better-sqlite3');
      const { eq } = await import('drizzle-orm');
      const { openTestEngine } = await import('../tests/support/test-engine');
      const { auditLog } = await import('../db/schema');
      const N = 10_000;
      const entry = (i: number) => ({ at: '2026-11-27T09:00:00Z', user: 'bench', action: 'insert', entity: 'contact', entityId: i, summary: `Eintrag ${i}` });
      /** Wall-clock and this process's CPU time of `work`, in ms. */
      const timed = async (work: () => Promise<void> | void) => {
        const cpu = process.cpuUsage();
        const start = performance.now();
        await work();
        const used = process.cpuUsage(cpu);
        return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
      };
      const throughEngine = async (kind: 'sqlite' | 'postgres') => {
        const { engine, cleanup } = await openTestEngine(kind, 'bench');
        try {
          const { db, t } = engine;
          return await timed(async () => {
            const ids: number[] = [];
            for (let i = 0; i < N; i++) ids.push((await db.insert(t.auditLog).values(entry(i)).returning({ id: t.auditLog.id }))[0]!.id);
            for (const id of ids) if ((await db.select().from(t.auditLog).where(eq(t.auditLog.id, id))).length !== 1) throw new Error(`Zeile ${id} fehlt`);
          });
        } finally {
          await cleanup();
        }
      };
      const sqlite = await throughEngine('sqlite');
      const ownRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      const syncDriver = await withTempApp(async (app) => {
        const db = drizzle(app.db.$client);
        return timed(() => {
          const ids: number[] = [];
          for (let i = 0; i < N; i++) ids.push(db.insert(auditLog).values(entry(i)).returning({ id: auditLog.id }).get().id);
          for (const id of ids) if (!db.select().from(auditLog).where(eq(auditLog.id, id)).get()) throw new Error(`Zeile ${id} fehlt`);
        });
      });
      const postgres = await throughEngine('postgres');
      const ms = (value: number) => `${Math.round(value)} ms`;
      return {
        value: Math.round(sqlite.wall),
        unit: 'ms',
        target:
          `≤ 1500 ms (10.000 Einfügungen + 10.000 Lesezugriffe über die Engine auf SQLite, CPU ${ms(sqlite.cpu)}; ` +
          `drizzle synchron CPU ${ms(syncDriver.cpu)}; PostgreSQL lokal über die Engine: ${ms(postgres.wall)}, CPU dieses Prozesses ${ms(postgres.cpu)})`,
        peer: { name: 'drizzle better-sqlite3 (synchron)', value: Math.round(syncDriver.wall) },
        ownRssMb,
      };
    },
  },
];

/** Every row, with the `pg-` twin of each row measured on both engines, and the office of twenty PCs. */
const allRows: Row[] = [
  ...rows,
  ...rows.filter((r) => r.twin).map((r): Row => ({ name: `pg-${r.name}`, run: () => r.run('postgres') })),
  { name: 'office-20', run: office20 },
];

async function child(name: string): Promise<void> {
  const row = allRows.find((r) => r.name === name)!;
  const result = await row.run('sqlite');
  process.stdout.write(JSON.stringify({ ...result, rssMb: result.ownRssMb ?? Math.round(process.resourceUsage().maxRSS / 1024) }));
}

function parent(wanted: string[]): void {
  const selected = wanted.length ? allRows.filter((r) => wanted.includes(r.name)) : allRows;
  if (selected.length === 0) {
    console.error(`Unbekannte Messreihe. Vorhanden: ${allRows.map((r) => r.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  // RATHAUS_BENCH_DATA names a folder to keep between runs (extracts and the imported register are made once).
  const kept = process.env.RATHAUS_BENCH_DATA;
  const dataDir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-bench-data-'));
  if (kept) fs.mkdirSync(kept, { recursive: true });
  process.env.RATHAUS_BENCH_DATA = dataDir;
  if (selected.some((r) => ['import', 'pg-import', 'reimport', 'jubilees-month', 'pg-jubilees-month', 'app-ready'].includes(r.name))) prepareExtracts();
  if (selected.some((r) => ['reimport', 'jubilees-month', 'pg-jubilees-month', 'app-ready'].includes(r.name)) && !(kept && fs.existsSync(importedDataDir()))) {
    spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--setup'], { encoding: 'utf8', stdio: 'inherit' });
  }
  for (const row of selected) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', row.name], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (run.status !== 0) {
      console.log(`${row.name.padEnd(22)} FEHLER: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
      process.exitCode = 1;
      continue;
    }
    const r = JSON.parse(run.stdout) as Result & { rssMb: number };
    const peer = r.peer ? `  peer ${r.peer.name} ${r.peer.value} ${r.unit}, ratio ${(r.value / r.peer.value).toFixed(2)}×` : '';
    console.log(`${row.name.padEnd(22)} ${String(r.value).padStart(9)} ${r.unit.padEnd(10)} (target ${r.target})  peak RSS ${r.rssMb} MB${peer}`);
  }
  if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
}

async function setup(): Promise<void> {
  const dir = importedDataDir();
  fs.mkdirSync(dir, { recursive: true });
  const app = openApp({ dataDir: dir, migrationsFolder: MIGRATIONS, templatesDir: TEMPLATES, appVersion: 'bench', user: 'bench' });
  await importResidents(app, extractFile(0));
  app.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  app.close();
}

const args = process.argv.slice(2);
if (args[0] === '--setup') void setup();
else if (args[0] === '--child') void child(args[1]);
else parent(args);
