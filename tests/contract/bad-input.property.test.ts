import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, dispatch, METHOD_NAMES, type DispatchResult, type MethodName } from '../../core/api';
import { bridgeCaller } from '../support/bridge-caller';
import { createTempApp } from '../support/temp-app';
import { badInputs } from '../support/bad-inputs';
import type { Schema } from '../support/schema-walk';

/**
 * Every method, fed inputs derived from its own schema with one thing made wrong (see
 * tests/support/bad-inputs.ts), on an app with the demo data: it never answers INTERNAL, every
 * error it gives is a German message, and an error leaves the database as it was.
 * Fixed seeds and a bounded number of runs: the same inputs every time, in `npm test`.
 */

/** `BAD_INPUT_RUNS=200 BAD_INPUT_SEED=7 npx vitest run tests/contract/bad-input.property.test.ts` explores further. */
const RUNS_PER_METHOD = Number(process.env.BAD_INPUT_RUNS ?? 16);
const SEED = Number(process.env.BAD_INPUT_SEED ?? 13_2026);
/** Words of a message in English (zod's or a library's own): a German message has none. */
const ENGLISH = /\b(the|is|are|not|invalid|expected|received|undefined|cannot|must|should|error|failed|unknown|required|string|number|object|array)\b/i;

const seedOf = (method: string) => SEED ^ crypto.createHash('sha1').update(method).digest().readUInt32BE(0);
const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
};

type App = ReturnType<typeof createTempApp>;

/** A fingerprint of every table; recomputed only when the connection changed something since. */
function databaseFingerprint(app: App) {
  const client = app.db.$client;
  const changes = () => client.prepare('select total_changes()').pluck().get() as number;
  let cached: { at: number; digest: string } | null = null;
  const digest = () => {
    const hash = crypto.createHash('sha1');
    const tables = client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
    for (const table of tables) {
      hash.update(`\u0000${table}\u0000`);
      for (const row of client.prepare(`select * from "${table}"`).raw().iterate()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  };
  return () => {
    const at = changes();
    if (cached?.at !== at) cached = { at, digest: digest() };
    return cached.digest;
  };
}

/** A background job a successful call started (a mail merge, a register import) runs to its end first. */
async function settle(app: App, method: string, result: DispatchResult): Promise<void> {
  const job = result.ok ? (result.data as { jobId?: string; state?: string } | null) : null;
  if (!job?.jobId || job.state !== 'running') return;
  const status = method.replace(/\.start$/, '.status');
  for (let polls = 0; polls < 600; polls++) {
    const now = await dispatch(app.handlers, status, { jobId: job.jobId });
    if (!now.ok || (now.data as { state: string }).state !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What went wrong with one call, or null. */
function problemOf(method: string, input: unknown, result: DispatchResult, changed: boolean): string | null {
  if (result.ok) return null;
  const { code, message } = result.error;
  if (code === 'INTERNAL') return `${method} ${show(input)} → INTERNAL: ${message}`;
  // Quoted parts are the caller's values, names of methods and of allowed values: not the message's words.
  const words = typeof message === 'string' ? message.replace(/„[^“]*“|"[^"]*"/g, '') : '';
  if (typeof message !== 'string' || message.trim() === '' || ENGLISH.test(words)) return `${method} ${show(input)} → ${code} without a German message: ${show(message)}`;
  if (changed) return `${method} ${show(input)} → ${code}, but the database changed`;
  return null;
}

describe('bad input, method by method (in-process)', () => {
  let app: App;
  let fingerprint: () => string;
  beforeAll(async () => {
    app = createTempApp();
    const demo = await dispatch(app.handlers, 'demo.load', {});
    expect(demo.ok).toBe(true);
    fingerprint = databaseFingerprint(app);
  }, 60_000);
  afterAll(() => app.cleanup());

  it.each(METHOD_NAMES)('%s: a clean German error and an unchanged database', async (method) => {
    const inputs = fc.sample(badInputs(contract[method].input as unknown as Schema), { seed: seedOf(method), numRuns: RUNS_PER_METHOD });
    const problems: string[] = [];
    for (const input of inputs) {
      const before = fingerprint();
      const result = await dispatch(app.handlers, method, input);
      const problem = problemOf(method, input, result, !result.ok && fingerprint() !== before);
      if (problem) problems.push(problem);
      await settle(app, method, result);
    }
    expect(problems).toEqual([]);
  });
});

/** The same through the HTTP bridge (JSON on the wire: undefined dropped, status codes), for a spread of methods. */
describe('bad input through the HTTP bridge', () => {
  const METHODS: MethodName[] = [
    'calendar.appointments.save',
    'calendar.appointments.move',
    'calendar.view',
    'letters.prepare',
    'requests.save',
    'requests.followUp',
    'speeches.save',
    'contacts.update',
    'jubilees.list',
    'citizenEvents.save',
    'uploads.append',
    'press.enquiries.save',
  ];
  let app: App;
  let fingerprint: () => string;
  let http: Awaited<ReturnType<typeof bridgeCaller>>;
  beforeAll(async () => {
    app = createTempApp();
    await dispatch(app.handlers, 'demo.load', {});
    fingerprint = databaseFingerprint(app);
    http = await bridgeCaller(app);
  }, 60_000);
  afterAll(async () => {
    await http.close();
    app.cleanup();
  });

  it.each(METHODS)('%s', async (method) => {
    const inputs = fc.sample(badInputs(contract[method].input as unknown as Schema), { seed: seedOf(`http:${method}`), numRuns: 8 });
    const problems: string[] = [];
    for (const input of inputs) {
      const before = fingerprint();
      const { status, ...result } = await http.post(method, input);
      if (status >= 500) problems.push(`${method} ${show(input)} → HTTP ${status}`);
      const problem = problemOf(method, input, result, !result.ok && fingerprint() !== before);
      if (problem) problems.push(problem);
    }
    expect(problems).toEqual([]);
  });
});
