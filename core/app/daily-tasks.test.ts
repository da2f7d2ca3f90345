import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../api';
import { createTempApp } from '../../tests/support/temp-app';
import { startDailyTasks, type DailyTasks } from './daily-tasks';

let app: ReturnType<typeof createTempApp>;
let tasks: DailyTasks | undefined;
afterEach(() => {
  tasks?.stop();
  app.cleanup();
});

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('timed out');
};

describe('startDailyTasks', () => {
  it('runs the retention check at start-up, then once on each new day (Europe/Berlin)', async () => {
    let now = new Date('2026-11-27T09:00:00Z');
    app = createTempApp({ now: () => now });
    const runs = async () => (await call(app.handlers, 'privacy.retention.last', {}))?.date ?? null;
    tasks = startDailyTasks(app.handlers, { now: () => now, checkEveryMs: 20 });

    await until(async () => (await runs()) === '2026-11-27');
    const first = await call(app.handlers, 'privacy.retention.last', {});
    expect(first).toMatchObject({ automatic: true, date: '2026-11-27' });

    // Later the same day: no second run.
    now = new Date('2026-11-27T22:59:00Z');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await call(app.handlers, 'privacy.retention.last', {})).toEqual(first);

    // Midnight in Berlin: the next day's run.
    now = new Date('2026-11-27T23:01:00Z');
    await until(async () => (await runs()) === '2026-11-28');

    // Stopped: nothing more.
    tasks.stop();
    now = new Date('2026-11-29T09:00:00Z');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await runs()).toBe('2026-11-28');
  });

  it('reports a refused run and tries again at the next check', async () => {
    const now = new Date('2026-11-27T09:00:00Z');
    app = createTempApp({ now: () => now });
    const lines: string[] = [];
    let refuse = true;
    const handlers = {
      ...app.handlers,
      'privacy.retention.run': (input: { automatic: boolean }) => {
        if (refuse) throw new Error('Datenbank gesperrt');
        return app.handlers['privacy.retention.run'](input);
      },
    } as typeof app.handlers;
    tasks = startDailyTasks(handlers, { now: () => now, checkEveryMs: 20, log: (line) => lines.push(line) });
    await until(async () => lines.length > 0);
    expect(lines[0]).toMatch(/^Datenschutz: Die tägliche Prüfung der Aufbewahrungsfristen ist nicht gelaufen: .*Datenbank gesperrt/);
    refuse = false;
    await until(async () => (await call(app.handlers, 'privacy.retention.last', {})) !== null);
  });

  it('the start-up run waits for firstRunAfter (browser mode: until the start page has its answers), then runs', async () => {
    const now = new Date('2026-11-27T09:00:00Z');
    app = createTempApp({ now: () => now });
    let pageServed!: () => void;
    const firstRunAfter = new Promise<void>((resolve) => (pageServed = resolve));
    tasks = startDailyTasks(app.handlers, { now: () => now, firstRunAfter });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await call(app.handlers, 'privacy.retention.last', {})).toBeNull();
    pageServed();
    await until(async () => (await call(app.handlers, 'privacy.retention.last', {}))?.date === '2026-11-27');
  });
});
