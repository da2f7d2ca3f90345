import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';

/** The desktop app's log in Electron's logs folder (README, „Einführung im Amt“: where logs go). */
export const LOG_FILE_NAME = 'rathausbuero.log';
/** The file before the current one (one is kept, so the log never takes more than twice the limit). */
export const PREVIOUS_LOG_FILE_NAME = 'rathausbuero.1.log';
/** Past this size the log is moved aside and a new one begins. */
export const LOG_FILE_LIMIT = 1024 * 1024;

/**
 * Appends lines to `dir/rathausbuero.log`, each behind the time (UTC, ISO 8601); the lines after
 * the first of a message are indented. A log that cannot be written never stops the app.
 */
export function openLogFile(dir: string, now: () => Date = () => new Date()): (line: string) => void {
  const file = path.join(dir, LOG_FILE_NAME);
  return (line) => {
    try {
      fs.mkdirSync(dir, { recursive: true });
      if ((fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) >= LOG_FILE_LIMIT) {
        fs.renameSync(file, path.join(dir, PREVIOUS_LOG_FILE_NAME));
      }
      fs.appendFileSync(file, `${now().toISOString()} ${line.replace(/\r?\n/g, '\n    ')}\n`);
    } catch {
      // Nowhere to write (full disk, no rights): the message still went to the console.
    }
  };
}

/**
 * What the main process says through console.warn and console.error — the daily retention check,
 * the office database's change feed, a database that cannot be opened — also goes to `log`.
 */
export function copyConsoleTo(target: Pick<Console, 'warn' | 'error'>, log: (line: string) => void): void {
  for (const level of ['warn', 'error'] as const) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => {
      original(...args);
      log(`${level === 'error' ? 'Fehler' : 'Hinweis'}: ${format(...args)}`);
    };
  }
}
