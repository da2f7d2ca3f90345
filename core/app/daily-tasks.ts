import type { Handlers } from '../api/contract';
import { dispatch } from '../api/dispatcher';
import type { RetentionReport } from '../api/schemas/privacy';
import { utcToLocalDate } from '../domain/calendar/time';

export interface DailyTasks {
  stop(): void;
}

export interface DailyTasksOptions {
  /** The app's clock (tests and `--now` pass their own). */
  now?: () => Date;
  /** One line per run that erased something or failed (stderr, the console). */
  log?: (line: string) => void;
  /** How often to look whether today's run is still due; default hourly. */
  checkEveryMs?: number;
  /** The start-up run waits for this (browser mode: until the start page has its answers); default: at once. */
  firstRunAfter?: Promise<unknown>;
}

const HOUR = 60 * 60 * 1000;

/**
 * Work the long-running app does once a day: the privacy retention check (DSGVO). It runs at
 * start-up (once `firstRunAfter` has settled), then once per calendar day (Europe/Berlin): an hourly timer looks whether today's run
 * is still due, so a computer that slept over midnight catches up, and a run refused for the
 * moment (a register import writing) is tried again an hour later. The timer does not keep the
 * process alive; `stop()` ends it when the app closes.
 */
export function startDailyTasks(handlers: Handlers, options: DailyTasksOptions = {}): DailyTasks {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  let lastRunOn: string | null = null;
  let running = false;
  let stopped = false;

  const tick = async (): Promise<void> => {
    const today = utcToLocalDate(now().getTime());
    if (stopped || running || lastRunOn === today) return;
    running = true;
    try {
      const result = await dispatch(handlers, 'privacy.retention.run', { automatic: true });
      if (stopped) return;
      if (!result.ok) {
        log(`Datenschutz: Die tägliche Prüfung der Aufbewahrungsfristen ist nicht gelaufen: ${result.error.message}`);
        return;
      }
      lastRunOn = today;
      const { erased } = result.data as RetentionReport;
      const parts = [
        [erased.requests, 'Anliegen anonymisiert', 'Anliegen anonymisiert'],
        [erased.attachments, 'Anhang gelöscht', 'Anhänge gelöscht'],
        [erased.eventRegistrations, 'Anmeldung gelöscht', 'Anmeldungen gelöscht'],
        [erased.volunteerEnquiries, 'Ehrenamtsanfrage anonymisiert', 'Ehrenamtsanfragen anonymisiert'],
        [erased.citizens, 'Person gelöscht', 'Personen gelöscht'],
      ] as const;
      const done = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
      if (done.length) log(`Datenschutz: Aufbewahrungsfristen geprüft – ${done.join(', ')}.`);
    } finally {
      running = false;
    }
  };

  const first = setTimeout(() => void (options.firstRunAfter ?? Promise.resolve()).then(tick, tick), 0);
  first.unref?.();
  const timer = setInterval(() => void tick(), options.checkEveryMs ?? HOUR);
  timer.unref?.();
  return {
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
