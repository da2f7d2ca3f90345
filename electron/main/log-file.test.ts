import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyConsoleTo, LOG_FILE_LIMIT, LOG_FILE_NAME, openLogFile, PREVIOUS_LOG_FILE_NAME } from './log-file';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
const tempDir = (): string => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathaus-log-')));
const at = (iso: string) => () => new Date(iso);

describe('the log file', () => {
  it('creates the logs folder and appends each message behind its time, further lines indented', () => {
    const logs = path.join(tempDir(), 'logs');
    const log = openLogFile(logs, at('2026-12-08T07:30:00.000Z'));
    log('Datenschutz: Aufbewahrungsfristen geprüft – 2 Anliegen.');
    log('Fehler: Die Datenbank ist gesperrt\n    at open (db.js:1)');
    expect(fs.readFileSync(path.join(logs, LOG_FILE_NAME), 'utf8')).toBe(
      '2026-12-08T07:30:00.000Z Datenschutz: Aufbewahrungsfristen geprüft – 2 Anliegen.\n' +
        '2026-12-08T07:30:00.000Z Fehler: Die Datenbank ist gesperrt\n        at open (db.js:1)\n',
    );
  });

  it('moves a full log aside and begins a new one, keeping only the one before', () => {
    const logs = tempDir();
    fs.writeFileSync(path.join(logs, PREVIOUS_LOG_FILE_NAME), 'ganz alt\n');
    fs.writeFileSync(path.join(logs, LOG_FILE_NAME), 'x'.repeat(LOG_FILE_LIMIT));
    openLogFile(logs, at('2026-12-08T08:00:00.000Z'))('neu');
    expect(fs.readFileSync(path.join(logs, LOG_FILE_NAME), 'utf8')).toBe('2026-12-08T08:00:00.000Z neu\n');
    expect(fs.statSync(path.join(logs, PREVIOUS_LOG_FILE_NAME)).size).toBe(LOG_FILE_LIMIT);
    expect(fs.readdirSync(logs).sort()).toEqual([PREVIOUS_LOG_FILE_NAME, LOG_FILE_NAME].sort());
  });

  it('never stops the app when it cannot write', () => {
    const blocked = path.join(tempDir(), 'eine-datei');
    fs.writeFileSync(blocked, '');
    expect(() => openLogFile(path.join(blocked, 'logs'))('geht nicht')).not.toThrow();
  });

  it("copies the main process's warnings and errors into the log, and still prints them", () => {
    const printed: unknown[][] = [];
    const logged: string[] = [];
    const target = { warn: (...args: unknown[]) => printed.push(args), error: (...args: unknown[]) => printed.push(args) };
    copyConsoleTo(target, (line) => logged.push(line));
    target.warn('Verbindung für Änderungsmeldungen verloren (%s); sie wird wiederhergestellt.', 'ECONNRESET');
    target.error(new Error('Rathausbüro kann nicht starten'));
    expect(printed).toHaveLength(2);
    expect(logged).toEqual([
      'Hinweis: Verbindung für Änderungsmeldungen verloren (ECONNRESET); sie wird wiederhergestellt.',
      expect.stringMatching(/^Fehler: Error: Rathausbüro kann nicht starten\n\s+at /),
    ]);
  });
});
