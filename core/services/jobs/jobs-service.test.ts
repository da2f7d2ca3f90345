/**
 * The office's long jobs (a register import, a mail merge, the greetings plan's letters) on both
 * engines: each is recorded in the database with who started it on which PC and how far it is;
 * while one of a kind runs (on any PC), another start of that kind is refused in German, naming
 * who runs it, where and since when; a job whose PC stopped reporting holds nothing. Office mode:
 * two PCs on one database see each other's job and its progress.
 */
import { spawnSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../api';
import type { ChangeEvent } from '../../api/change-areas';
import type { MergeStatus } from '../../api/schemas/letters';
import { openOtherOfficePc, openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';
import { uploadBytes } from '../../app/register-import';

const NOW = new Date('2026-11-27T09:00:00Z');
let app: Awaited<ReturnType<typeof openTempApp>>;
let mayorId: number;

/** A CSV recipient list of `n` people with full addresses. */
const recipients = (n: number) => {
  const lines = ['Anrede;Vorname;Nachname;Amt;Straße;Hausnummer;PLZ;Ort'];
  for (let i = 0; i < n; i++) lines.push(`Frau;Jördis;Weißenfels${i};;Königstraße;${i + 1};47051;Duisburg`);
  return { type: 'csv' as const, fileName: 'empfaenger.csv', contentBase64: Buffer.from(lines.join('\n')).toString('base64') };
};
const merge = (n: number) => ({ templateId: 'weihnachtsgruss', recipients: recipients(n), signerId: mayorId, output: 'files' as const });

const waitForMerge = async (handlers: typeof app.handlers, jobId: string): Promise<MergeStatus> => {
  for (;;) {
    const status = await call(handlers, 'letters.merge.status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** A job another PC of the office runs (or ran, until it stopped reporting at `reportedAt`). */
const otherPcsJob = (kind: string, reportedAt: Date, id = `fremd-${kind}`) =>
  app.engine.db.insert(app.engine.t.jobs).values({
    id,
    kind,
    startedBy: 'Frau Yılmaz',
    workstation: 'PC-Ratssaal',
    startedAt: new Date(reportedAt.getTime() - 60_000).toISOString(),
    reportedAt: reportedAt.toISOString(),
    done: 120_000,
    total: 500_000,
    state: 'running',
  });

const jobRow = async (id: string) => (await app.engine.db.select().from(app.engine.t.jobs).where(eq(app.engine.t.jobs.id, id)))[0];

describe.each(ENGINES)('the office’s long jobs on %s', (kind) => {
  beforeEach(async () => {
    app = await openTempApp(kind, { now: () => NOW, label: 'jobs', workstation: 'PC-Empfang' });
    await call(app.handlers, 'demo.load', {});
    mayorId = (await call(app.handlers, 'signers.list', {})).find((s) => !s.deputy)!.id;
  }, 60_000);
  afterEach(async () => app.cleanup());

  it('records a mail merge: who started it on which PC, its progress to the end and what it came to', async () => {
    const started = await call(app.handlers, 'letters.merge.start', merge(30));
    const done = await waitForMerge(app.handlers, started.jobId);
    expect(done.state).toBe('done');
    const rows = await app.engine.db.select().from(app.engine.t.jobs);
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'letters-merge',
        startedBy: 'test',
        workstation: 'PC-Empfang',
        startedAt: NOW.toISOString(),
        finishedAt: NOW.toISOString(),
        done: 30,
        total: 30,
        state: 'done',
        message: '30 Briefe erstellt.',
      }),
    ]);
    expect(await call(app.handlers, 'jobs.running', {})).toEqual([]);
  });

  it('lists another PC’s running import with who, where, since when and how far', async () => {
    await otherPcsJob('residents-import', NOW);
    expect(await call(app.handlers, 'jobs.running', {})).toEqual([
      {
        id: 'fremd-residents-import',
        kind: 'residents-import',
        label: 'Einwohnerimport',
        startedBy: 'Frau Yılmaz',
        workstation: 'PC-Ratssaal',
        startedAt: new Date(NOW.getTime() - 60_000).toISOString(),
        done: 120_000,
        total: 500_000,
        mine: false,
      },
    ]);
  });

  it('refuses a mail merge, a register import and the greetings letters while the same kind runs on another PC, saying who runs it, where and since when', async () => {
    for (const job of ['letters-merge', 'residents-import', 'greetings-letters']) await otherPcsJob(job, NOW);
    const since = 'seit 27.11.2026, 09:59 Uhr';
    const mergeRefused = await dispatch(app.handlers, 'letters.merge.start', merge(3));
    expect(!mergeRefused.ok && mergeRefused.error).toMatchObject({
      code: 'CONFLICT',
      message: `Ein Serienbrief läuft bereits (gestartet von Frau Yılmaz am Arbeitsplatz „PC-Ratssaal“ ${since}). Bitte warten Sie, bis er fertig ist.`,
    });
    const uploadId = await uploadBytes(app.handlers, new Uint8Array(Buffer.from('register_id;surname\n')), 'Melderegister.csv');
    const importRefused = await dispatch(app.handlers, 'residents.import.start', { uploadId, commit: true });
    expect(!importRefused.ok && importRefused.error.message).toBe(
      `Ein Einwohnerimport läuft bereits (gestartet von Frau Yılmaz am Arbeitsplatz „PC-Ratssaal“ ${since}). Bitte warten Sie, bis er fertig ist.`,
    );
    const greetingsRefused = await dispatch(app.handlers, 'greetings.produce', { year: 2027, key: 'rosch-ha-schana', date: '2027-10-02' });
    expect(!greetingsRefused.ok && greetingsRefused.error.message).toBe(
      `Grußbriefe werden bereits erstellt (gestartet von Frau Yılmaz am Arbeitsplatz „PC-Ratssaal“ ${since}). Bitte warten Sie, bis sie fertig sind.`,
    );
    // Nothing was written.
    expect((await call(app.handlers, 'letters.list', {})).total).toBe(0);
  });

  it('a job whose PC stopped reporting holds nothing: it is not listed, the next start runs and the job is marked as broken off', async () => {
    await otherPcsJob('letters-merge', new Date(NOW.getTime() - 10 * 60_000));
    expect(await call(app.handlers, 'jobs.running', {})).toEqual([]);
    const started = await call(app.handlers, 'letters.merge.start', merge(2));
    expect((await waitForMerge(app.handlers, started.jobId)).state).toBe('done');
    expect(await jobRow('fremd-letters-merge')).toMatchObject({
      state: 'failed',
      finishedAt: NOW.toISOString(),
      message: 'Abgebrochen: Der Arbeitsplatz „PC-Ratssaal“ hat sich seit 27.11.2026, 09:50 Uhr nicht mehr gemeldet.',
    });
  });

  it('a job of a Rathausbüro on this PC that was killed holds nothing at once, though it reported a moment ago', async () => {
    // The process that ran it has ended (a pid no process has), on this PC; another PC's job of the same pid is not touched.
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(ended.stdout);
    await app.engine.db.insert(app.engine.t.jobs).values({
      id: 'abgestuerzt',
      kind: 'letters-merge',
      startedBy: 'test',
      workstation: 'PC-Empfang',
      pid: deadPid,
      startedAt: NOW.toISOString(),
      reportedAt: NOW.toISOString(),
      state: 'running',
    });
    expect(await call(app.handlers, 'jobs.running', {})).toEqual([]);
    const started = await call(app.handlers, 'letters.merge.start', merge(2));
    expect((await waitForMerge(app.handlers, started.jobId)).state).toBe('done');
    expect(await jobRow('abgestuerzt')).toMatchObject({ state: 'failed', message: 'Abgebrochen: Rathausbüro wurde am Arbeitsplatz „PC-Empfang“ beendet, bevor der Auftrag fertig war.' });

    await app.engine.db.insert(app.engine.t.jobs).values({
      id: 'anderer-pc',
      kind: 'letters-merge',
      startedBy: 'Frau Yılmaz',
      workstation: 'PC-Ratssaal',
      pid: deadPid,
      startedAt: NOW.toISOString(),
      reportedAt: NOW.toISOString(),
      state: 'running',
    });
    expect((await call(app.handlers, 'jobs.running', {})).map((j) => j.id)).toEqual(['anderer-pc']);
    expect((await dispatch(app.handlers, 'letters.merge.start', merge(2))).ok).toBe(false);
  });

  it('the greetings plan’s letters are recorded as a job of the office', async () => {
    const result = await call(app.handlers, 'greetings.produce', { year: 2027, key: 'rosch-ha-schana', date: '2027-10-02' });
    expect(result.produced).toHaveLength(2);
    expect(await app.engine.db.select().from(app.engine.t.jobs)).toEqual([
      expect.objectContaining({ kind: 'greetings-letters', state: 'done', done: 2, total: 2, workstation: 'PC-Empfang', message: '2 Briefe erstellt.' }),
    ]);
  });

  it('the retention check is recorded as a job of the office and refused while another PC runs it; the daily one runs once a day', async () => {
    const report = await call(app.handlers, 'privacy.retention.run', { automatic: true });
    expect(await app.engine.db.select().from(app.engine.t.jobs)).toEqual([
      expect.objectContaining({ kind: 'retention-check', state: 'done', workstation: 'PC-Empfang', startedBy: 'test', message: expect.stringMatching(/^Aufbewahrungsfristen geprüft: /) }),
    ]);
    // The day's automatic check has run: another automatic start (this PC or another) returns its report and starts nothing.
    expect(await call(app.handlers, 'privacy.retention.run', { automatic: true })).toEqual(report);
    expect(await app.engine.db.select().from(app.engine.t.jobs)).toHaveLength(1);

    await otherPcsJob('retention-check', NOW);
    expect(await call(app.handlers, 'jobs.running', {})).toEqual([expect.objectContaining({ kind: 'retention-check', label: 'Prüfung der Aufbewahrungsfristen', mine: false })]);
    const refused = await dispatch(app.handlers, 'privacy.retention.run', { automatic: false });
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'CONFLICT',
      message: 'Die Aufbewahrungsfristen werden bereits geprüft (gestartet von Frau Yılmaz am Arbeitsplatz „PC-Ratssaal“ seit 27.11.2026, 09:59 Uhr). Bitte warten Sie, bis die Prüfung fertig ist.',
    });
    // The report of the day is still the first one.
    expect(await call(app.handlers, 'privacy.retention.last', {})).toEqual(report);
  });

  it.runIf(kind === 'postgres')('a PC whose Rathausbüro is closed while its mail merge runs: the other PCs see at once that the merge ended', async () => {
    const other = await openOtherOfficePc(app.url!, { user: 'Frau Kaya', workstation: 'PC-Büroleitung' });
    const blocker = new pg.Client({ connectionString: app.url });
    await blocker.connect();
    let closing: Promise<void> | undefined;
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE letters IN EXCLUSIVE MODE');
      const started = await call(other.handlers, 'letters.merge.start', merge(5));
      while ((await call(app.handlers, 'jobs.running', {})).length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      closing = Promise.resolve(other.close());
      // Long before the two minutes after which a silent PC's job no longer counts.
      while ((await call(app.handlers, 'jobs.running', {})).length > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await jobRow((await app.engine.db.select().from(app.engine.t.jobs))[0]!.id)).toMatchObject({
        id: expect.any(String),
        state: 'failed',
        message: 'Abgebrochen: Rathausbüro wurde am Arbeitsplatz „PC-Büroleitung“ beendet, bevor der Auftrag fertig war.',
      });
      expect(started.state).toBe('running');
    } finally {
      await blocker.query('ROLLBACK').catch(() => {});
      await blocker.end();
      await (closing ?? Promise.resolve(other.close())).catch(() => {});
    }
  }, 60_000);

  it.runIf(kind === 'postgres')(
    'two PCs: one runs a mail merge, the other sees it and its progress in jobs.running, hears of it through the change feed, and is refused until it is done',
    async () => {
      const other = await openOtherOfficePc(app.url!, { user: 'Frau Kaya', workstation: 'PC-Büroleitung' });
      // A session of the office holds the letters table: the merge of the other PC waits at its commit, still running.
      const blocker = new pg.Client({ connectionString: app.url });
      await blocker.connect();
      const heard: ChangeEvent[] = [];
      const unsubscribe = app.changes.subscribe((event) => heard.push(event));
      try {
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE letters IN EXCLUSIVE MODE');
        const started = await call(other.handlers, 'letters.merge.start', merge(40));
        // This PC sees the other's merge, and how far it got once every letter is prepared.
        let seen = await call(app.handlers, 'jobs.running', {});
        while (seen[0]?.done !== 40) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          seen = await call(app.handlers, 'jobs.running', {});
        }
        expect(seen).toEqual([
          expect.objectContaining({ kind: 'letters-merge', label: 'Serienbrief', startedBy: 'Frau Kaya', workstation: 'PC-Büroleitung', done: 40, total: 40, mine: false }),
        ]);
        expect(await call(other.handlers, 'jobs.running', {})).toEqual([expect.objectContaining({ mine: true })]);
        // The progress reached this PC as a change of the jobs area.
        while (!heard.some((e) => e.type === 'change' && e.areas.includes('jobs'))) await new Promise((resolve) => setTimeout(resolve, 20));
        const refused = await dispatch(app.handlers, 'letters.merge.start', merge(2));
        expect(!refused.ok && refused.error.message).toBe(
          'Ein Serienbrief läuft bereits (gestartet von Frau Kaya am Arbeitsplatz „PC-Büroleitung“ seit 27.11.2026, 10:00 Uhr). Bitte warten Sie, bis er fertig ist.',
        );
        await blocker.query('COMMIT');
        expect((await waitForMerge(other.handlers, started.jobId)).state).toBe('done');
        expect(await call(app.handlers, 'jobs.running', {})).toEqual([]);
        const mine = await call(app.handlers, 'letters.merge.start', merge(2));
        expect((await waitForMerge(app.handlers, mine.jobId)).state).toBe('done');
      } finally {
        unsubscribe();
        await blocker.end();
        await other.close();
      }
    },
    60_000,
  );

  it.runIf(kind === 'postgres')(
    'two PCs: while one imports a register extract, the other sees its import and how far it read, and its own import is refused',
    async () => {
      const other = await openOtherOfficePc(app.url!, { user: 'Frau Kaya', workstation: 'PC-Büroleitung' });
      const blocker = new pg.Client({ connectionString: app.url });
      await blocker.connect();
      const extract = (id: string) =>
        new Uint8Array(
          Buffer.from(
            'register_id;surname;given_names;degree;gender;birth_date;street;house_number;postcode;city;district;marriage_date;spouse_register_id;death_date;moved_away;objection;information_block;conditional_block\n' +
              `${id};Kaya;Elif;;w;07.12.1936;Königstraße;9;47051;Duisburg;Mitte;;;;;;;\n`,
          ),
        );
      try {
        // A session of the office holds the register: the other PC's import waits at its writing, still running.
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE residents IN EXCLUSIVE MODE');
        const file = extract('K-1');
        const started = await call(other.handlers, 'residents.import.start', { uploadId: await uploadBytes(other.handlers, file, 'Auszug.csv'), commit: true });
        let seen = await call(app.handlers, 'jobs.running', {});
        while (seen[0]?.done !== file.length) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          seen = await call(app.handlers, 'jobs.running', {});
        }
        expect(seen).toEqual([expect.objectContaining({ kind: 'residents-import', label: 'Einwohnerimport', startedBy: 'Frau Kaya', workstation: 'PC-Büroleitung', total: file.length, mine: false })]);
        const refused = await dispatch(app.handlers, 'residents.import.start', { uploadId: await uploadBytes(app.handlers, extract('K-2'), 'Auszug.csv'), commit: true });
        expect(!refused.ok && refused.error.message).toBe(
          'Ein Einwohnerimport läuft bereits (gestartet von Frau Kaya am Arbeitsplatz „PC-Büroleitung“ seit 27.11.2026, 10:00 Uhr). Bitte warten Sie, bis er fertig ist.',
        );
        await blocker.query('COMMIT');
        let status = await call(other.handlers, 'residents.import.status', { jobId: started.jobId });
        while (status.state === 'running') {
          await new Promise((resolve) => setTimeout(resolve, 20));
          status = await call(other.handlers, 'residents.import.status', { jobId: started.jobId });
        }
        expect(status.state).toBe('done');
        expect(await call(app.handlers, 'jobs.running', {})).toEqual([]);
        expect(await jobRow((await app.engine.db.select().from(app.engine.t.jobs))[0]!.id)).toMatchObject({
          state: 'done',
          message: '1 Zeile gelesen: 1 neu, 0 geändert, 0 nicht mehr im Melderegister, 0 abgelehnt.',
        });
      } finally {
        await blocker.end();
        await other.close();
      }
    },
    60_000,
  );

  it.runIf(kind === 'postgres')('two PCs starting a mail merge at the same moment: one runs, the other is told so', async () => {
    const other = await openOtherOfficePc(app.url!, { user: 'Frau Kaya', workstation: 'PC-Büroleitung' });
    try {
      const [a, b] = await Promise.all([dispatch(app.handlers, 'letters.merge.start', merge(3)), dispatch(other.handlers, 'letters.merge.start', merge(3))]);
      const outcomes = [a, b].map((r) => (r.ok ? 'started' : r.error.code));
      expect(outcomes.sort()).toEqual(['CONFLICT', 'started']);
      const ran = (a.ok ? a : b) as { ok: true; data: MergeStatus };
      expect((await waitForMerge(a.ok ? app.handlers : other.handlers, ran.data.jobId)).state).toBe('done');
    } finally {
      await other.close();
    }
  });
});

