import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, changedAreas, dispatch, type ChangeEvent, type Handlers, type Input, type MergeStatus } from '../api';
import { STANDARD_COLUMNS } from '../services/residents/register-extract';
import { createTempApp } from '../../tests/support/temp-app';
import { previewExtract, importExtract } from '../../tests/support/register-import';
import { openTestEngine, PG_MIGRATIONS_FOLDER, type TestEngine } from '../../tests/support/test-engine';
import { openPostgresEngine } from '../../db/engine/postgres';
import type { OpenEngine } from '../../db/engine/types';
import { createChangeFeed, parseChange, postgresChangeTransport, publishChanges, type ChangeFeed, type ChangeTransport } from './change-feed';

const NOW = new Date('2026-11-27T09:00:00Z');

describe('the change feed of an app', () => {
  let app: ReturnType<typeof createTempApp>;
  let events: ChangeEvent[];
  beforeEach(() => {
    app = createTempApp({ now: () => NOW });
    events = [];
    app.changes.subscribe((event) => events.push(event));
  });
  afterEach(() => app.cleanup());

  it('announces a saved change with the areas it touched, the method, the time and this process', async () => {
    await call(app.handlers, 'contacts.create', { kind: 'person', gender: 'female', givenName: 'Erika', surname: 'Beispiel' });
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({ type: 'change', method: 'contacts.create', at: NOW.toISOString(), origin: app.changes.origin });
    expect(event.type === 'change' && event.areas).toEqual(expect.arrayContaining(['contacts', 'app', 'calendar', 'visits']));
  });

  it('announces nothing for a query, a refused input or a failed change', async () => {
    await call(app.handlers, 'contacts.list', {});
    await dispatch(app.handlers, 'contacts.create', { kind: 'person', surname: '' });
    const missing = await dispatch(app.handlers, 'contacts.delete', { id: 4242, revision: 1 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(events).toEqual([]);
  });

  it('a retention check that erased nothing announces only its report (and its job starting and ending); one that erased announces the registers', async () => {
    await call(app.handlers, 'privacy.retention.run', { automatic: true });
    // The check is one of the office's long jobs: every PC's header hears it begin and end.
    expect(events.map((e) => e.type === 'change' && e.areas)).toEqual([['jobs'], ['jobs'], ['privacy']]);
    expect(changedAreas('privacy.retention.run', { erased: { requests: 1, attachments: 0, volunteerEnquiries: 0, eventRegistrations: 0, citizens: 0 } })).toEqual(
      expect.arrayContaining(['privacy', 'requests', 'citizens', 'citizenEvents', 'volunteering', 'letters']),
    );
    expect(changedAreas('privacy.retention.run')).toEqual(changedAreas('privacy.retention.run', { erased: { requests: 0, attachments: 2, volunteerEnquiries: 0, eventRegistrations: 0, citizens: 0 } }));
  });

  it('keeps announcing to the others when one listener fails', async () => {
    const lines: string[] = [];
    const feed = createChangeFeed({ log: (line) => lines.push(line) });
    const heard: string[] = [];
    feed.subscribe(() => {
      throw new Error('Fenster geschlossen');
    });
    feed.subscribe((event) => heard.push(event.type === 'change' ? event.method : event.type));
    feed.publish('signers.save');
    expect(heard).toEqual(['signers.save']);
    expect(lines).toEqual(['Eine Änderungsmeldung konnte nicht zugestellt werden: Fenster geschlossen']);
  });

  it('a mail merge announces its letters once they are committed, not when it starts', async () => {
    const signerId = (await call(app.handlers, 'signers.list', {})).find((s) => !s.deputy)?.id
      ?? (await call(app.handlers, 'signers.save', { name: 'Dr. Petra Hovestadt', gender: 'female', office: 'Oberbürgermeisterin', deputy: false })).id;
    for (const surname of ['Eins', 'Zwei']) {
      await call(app.handlers, 'contacts.create', {
        kind: 'person', gender: 'female', givenName: 'Anna', surname, street: 'Königstraße', houseNumber: '1', postcode: '47051', city: 'Duisburg', tags: ['Gruß'],
      });
    }
    events.length = 0;
    const input: Input<'letters.merge.start'> = { templateId: 'weihnachtsgruss', recipients: { type: 'tag', tag: 'Gruß' }, signerId, date: '2026-12-10', output: 'files' };
    const done = await mergeToEnd(app.handlers, input);
    expect(done.letterIds).toHaveLength(2);
    // The job itself (its start, progress and end) is news of the jobs area only, for every PC's progress strip.
    const jobNews = events.filter((e) => e.type === 'change' && e.method === 'jobs.running');
    expect(jobNews.length).toBeGreaterThan(0);
    for (const e of jobNews) expect(e.type === 'change' && e.areas).toEqual(['jobs']);
    const letterNews = events.filter((e) => !jobNews.includes(e));
    expect(letterNews.map((e) => e.type === 'change' && e.method)).toEqual(['letters.merge.start']);
    expect(letterNews[0].type === 'change' && letterNews[0].areas).toEqual(expect.arrayContaining(['letters', 'jubilees']));
    // Recipients without an address: no letter is written, nothing is announced.
    await call(app.handlers, 'contacts.create', { kind: 'person', gender: 'male', givenName: 'Otto', surname: 'Ohneort', tags: ['Ohne'] });
    events.length = 0;
    const failed = await mergeToEnd(app.handlers, { ...input, recipients: { type: 'tag', tag: 'Ohne' } });
    expect(failed.state).toBe('failed');
    expect(events.filter((e) => e.type === 'change' && e.method !== 'jobs.running')).toEqual([]);
  });

  it('a register import announces the register once it is committed; a check announces nothing', async () => {
    const extract = Buffer.from(
      [STANDARD_COLUMNS.join(';'), STANDARD_COLUMNS.map((c) => ({ register_id: 'R1', surname: 'Groß', given_names: 'Erna', gender: 'w', birth_date: '03.12.1936', city: 'Duisburg' })[c as 'register_id'] ?? '').join(';')].join('\r\n'),
    ).toString('base64');
    await previewExtract(app.handlers, extract);
    expect(events.filter((e) => e.type === 'change' && e.method.startsWith('residents.'))).toEqual([]);
    await importExtract(app.handlers, extract);
    const imports = events.filter((e) => e.type === 'change' && e.method === 'residents.import.start');
    expect(imports).toHaveLength(1);
    expect(imports[0].type === 'change' && imports[0].areas).toEqual(expect.arrayContaining(['residents', 'jubilees']));
  });
});

async function mergeToEnd(handlers: Handlers, input: Input<'letters.merge.start'>): Promise<MergeStatus> {
  let status = await call(handlers, 'letters.merge.start', input);
  for (let i = 0; status.state === 'running' && i < 800; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    status = await call(handlers, 'letters.merge.status', { jobId: status.jobId });
  }
  return status;
}

describe('publishing from the handlers', () => {
  it('keeps a synchronous handler synchronous and announces after it returned', () => {
    const published: string[] = [];
    const order: string[] = [];
    const handlers = publishChanges(
      { 'signers.delete': ({ id }: { id: number }) => (order.push('handler'), { id }) } as unknown as Handlers,
      { publish: (method) => (order.push('publish'), published.push(method)) },
    );
    expect(handlers['signers.delete']({ id: 3 })).toEqual({ id: 3 });
    expect(order).toEqual(['handler', 'publish']);
  });

  it('announces an asynchronous handler when it resolved, and not when it rejected', async () => {
    const published: string[] = [];
    let fail = false;
    const handlers = publishChanges(
      {
        'signers.delete': async ({ id }: { id: number }) => {
          if (fail) throw new Error('nein');
          return { id };
        },
      } as unknown as Handlers,
      { publish: (method) => void published.push(method) },
    );
    await handlers['signers.delete']({ id: 3 });
    fail = true;
    await expect(handlers['signers.delete']({ id: 3 })).rejects.toThrow('nein');
    expect(published).toEqual(['signers.delete']);
  });
});

/** Two app processes joined by an in-memory "database": what one sends, every started one receives (itself too, as NOTIFY does). */
function memoryBus() {
  const started: Array<{ received(event: never): void; missed(): void }> = [];
  const transport = (): ChangeTransport & { drop(): void } => {
    let mine: (typeof started)[number] | undefined;
    return {
      send: async (event) => {
        for (const other of started) other.received(JSON.parse(JSON.stringify(event)) as never);
      },
      start(handlers) {
        mine = handlers as never;
        started.push(mine!);
      },
      close: async () => void started.splice(started.indexOf(mine!), 1),
      drop: () => mine!.missed(),
    };
  };
  return { transport };
}

describe('changes between app processes', () => {
  it('the other process hears a change; its own comes back once, not twice; a gap asks for a resync', async () => {
    const bus = memoryBus();
    const toA = bus.transport();
    const a = createChangeFeed({ transport: toA, now: () => NOW });
    const b = createChangeFeed({ transport: bus.transport(), now: () => NOW });
    const heardByA: ChangeEvent[] = [];
    const heardByB: ChangeEvent[] = [];
    a.subscribe((event) => heardByA.push(event));
    b.subscribe((event) => heardByB.push(event));
    a.publish('calendar.appointments.save');
    await Promise.resolve();
    expect(heardByA.map((e) => e.type === 'change' && e.origin)).toEqual([a.origin]);
    expect(heardByB).toHaveLength(1);
    expect(heardByB[0]).toMatchObject({ type: 'change', method: 'calendar.appointments.save', origin: a.origin });
    toA.drop();
    expect(heardByA.at(-1)).toEqual({ type: 'resync', at: NOW.toISOString() });
    await a.close();
    await b.close();
  });

  it('reads a change from another version defensively', () => {
    expect(parseChange('{"type":"change","areas":["contacts","hologramme"],"method":"hologramme.save","at":"x","origin":"o"}')).toEqual({
      type: 'change',
      areas: ['contacts'],
      method: 'hologramme.save',
      at: 'x',
      origin: 'o',
    });
    for (const broken of ['', 'null', '{"type":"resync"}', '{"type":"change","areas":"contacts","method":"m","at":"x","origin":"o"}', '[1]']) {
      expect(parseChange(broken), broken).toBeNull();
    }
  });
});

describe('office mode: changes between two PCs through PostgreSQL', () => {
  let database: TestEngine;
  let otherEngine: OpenEngine;
  let a: ChangeFeed;
  let b: ChangeFeed;
  const heardByA: ChangeEvent[] = [];
  const heardByB: ChangeEvent[] = [];

  beforeAll(async () => {
    database = await openTestEngine('postgres', 'changes');
    otherEngine = await openPostgresEngine(database.location, { migrationsFolder: PG_MIGRATIONS_FOLDER });
    const toA = postgresChangeTransport(database.engine, database.location);
    const toB = postgresChangeTransport(otherEngine, database.location);
    a = createChangeFeed({ transport: toA });
    b = createChangeFeed({ transport: toB });
    a.subscribe((event) => heardByA.push(event));
    b.subscribe((event) => heardByB.push(event));
    await Promise.all([toA.ready(), toB.ready()]);
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await otherEngine?.close();
    await database?.cleanup();
  });

  it('what one PC saves, the other hears; each PC hears its own change once', async () => {
    a.publish('calendar.appointments.save');
    await expect.poll(() => heardByB.length).toBe(1);
    expect(heardByB[0]).toMatchObject({ type: 'change', method: 'calendar.appointments.save', origin: a.origin });
    expect(heardByB[0].type === 'change' && heardByB[0].areas).toContain('calendar');
    // B's change arrives at A after A's own echo (delivery follows commit order): by then the echo was dropped.
    b.publish('contacts.update');
    await expect.poll(() => heardByA.length).toBe(2);
    expect(heardByA.map((e) => e.type === 'change' && `${e.method} ${e.origin === a.origin ? 'A' : 'B'}`)).toEqual([
      'calendar.appointments.save A',
      'contacts.update B',
    ]);
  });
});
