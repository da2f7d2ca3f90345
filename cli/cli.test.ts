import os from 'node:os';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../tests/support/temp-app';
import { writeNewerDatabase } from '../tests/support/newer-database';
import { parseNow } from './main';

const BIN = path.resolve(__dirname, 'bin.mjs');
const dataDir = tempDir();
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

// Every test starts the CLI as its own process: slow on a busy machine.
describe('rathausbuero CLI', { timeout: 90_000 }, () => {
  it('call addressing.compose prints the documented shape as JSON', () => {
    const input = { person: { gender: 'male', givenName: 'Theo', nameAffix: 'Graf von', surname: 'Hinckelstein' } };
    const result = run('call', 'addressing.compose', JSON.stringify(input), '--data-dir', dataDir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      addressLines: ['Herrn Theo Graf von Hinckelstein'],
      salutation: 'Sehr geehrter Herr Graf von Hinckelstein',
      closing: 'Mit freundlichen Grüßen',
      oralSalutation: 'Herr Graf von Hinckelstein',
    });
    expect(fs.existsSync(path.join(dataDir, 'rathausbuero.sqlite'))).toBe(true);
  });

  it('prints errors as { code, message, details } on stderr and exits non-zero', () => {
    const unknown = run('call', 'gibt.es.nicht', '{}', '--data-dir', dataDir);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(JSON.parse(unknown.stderr)).toMatchObject({ code: 'UNKNOWN_METHOD', message: 'Die Funktion „gibt.es.nicht“ gibt es nicht.' });

    const broken = run('call', 'addressing.compose', '{kaputt', '--data-dir', dataDir);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stderr)).toMatchObject({ code: 'INVALID_INPUT' });
    expect(JSON.parse(broken.stderr).message).toBe('Die Eingabe ist kein gültiges JSON (bei Zeichen 2).');
  });

  it('a database written by a newer version: call and serve print the German message and leave the file as it was', () => {
    const own = tempDir();
    const file = writeNewerDatabase(path.join(own, 'rathausbuero.sqlite'));
    const before = fs.readFileSync(file);
    for (const args of [['call', 'app.info', '{}'], ['serve']]) {
      const result = run(...args, '--data-dir', own);
      expect(result.code).toBe(1);
      const error = JSON.parse(result.stderr);
      expect(error.code).toBe('DB_TOO_NEW');
      expect(error.message).toMatch(/^Die Datenbank „.*“ wurde mit einer neueren Version von Rathausbüro angelegt/);
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(own)).toEqual(['rathausbuero.sqlite']);
    fs.rmSync(own, { recursive: true, force: true });
  });

  it('refuses an impossible date with a German message naming the field, never a stack trace', () => {
    const result = run('call', 'jubilees.list', JSON.stringify({ from: '2027-02-30', to: '2027-03-01' }), '--data-dir', dataDir);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(result.stderr)).toMatchObject({ code: 'INVALID_INPUT', message: 'Ungültige Eingabe für „jubilees.list“: Von: Den 30.02.2027 gibt es nicht.' });
  });

  it('call --input reads the JSON from a file or from standard input (arguments stop at about 128 KB)', () => {
    const own = tempDir();
    // A contacts list sent inline (base64), as the window does: larger than an argument may be.
    const rows = Array.from({ length: 6000 }, (_, i) => `Muster-${i};Erika;Königstraße ${i % 90};47051;Duisburg`);
    const csv = Buffer.from(['Nachname;Vorname;Straße;PLZ;Ort', ...rows].join('\n'), 'utf8');
    const file = path.join(own, 'kontakte.json');
    fs.writeFileSync(file, JSON.stringify({ fileName: 'kontakte.csv', contentBase64: csv.toString('base64') }));
    expect(fs.statSync(file).size).toBeGreaterThan(128 * 1024);
    const analysed = run('call', 'contacts.import.analyze', '--input', file, '--data-dir', own);
    expect(analysed.stderr).toBe('');
    expect(JSON.parse(analysed.stdout)).toMatchObject({ rowCount: 6000, headers: ['Nachname', 'Vorname', 'Straße', 'PLZ', 'Ort'] });

    expect(run('call', 'press.releases.save', JSON.stringify({ title: 'Hafenfest 2027' }), '--data-dir', own).code).toBe(0);
    const piped = spawnSync(process.execPath, [BIN, 'call', 'press.releases.list', '--input', '-', '--data-dir', own], {
      input: JSON.stringify({ text: 'Hafenfest' }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(JSON.parse(piped.stdout).map((r: { title: string }) => r.title)).toEqual(['Hafenfest 2027']);

    const both = run('call', 'press.releases.list', '{}', '--input', file, '--data-dir', own);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('entweder als Argument oder mit --input');
    const missing = run('call', 'press.releases.list', '--input', path.join(own, 'fehlt.json'), '--data-dir', own);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr).message).toBe(`Die Datei „${path.join(own, 'fehlt.json')}“ kann nicht gelesen werden. Sie ist nicht vorhanden.`);
    fs.rmSync(own, { recursive: true, force: true });
  });

  it('call --file uploads the file as the window does and passes its id: an .ics into a calendar', () => {
    const own = tempDir();
    expect(run('call', 'demo.load', '{}', '--data-dir', own).code).toBe(0);
    const [calendar] = JSON.parse(run('call', 'calendar.calendars', '--data-dir', own).stdout) as Array<{ id: number }>;
    const ics = path.join(own, 'einladung.ics');
    fs.writeFileSync(
      ics,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Test//DE',
        'BEGIN:VEVENT',
        'UID:cli-file-test@example.de',
        'DTSTAMP:20261127T090000Z',
        'DTSTART;TZID=Europe/Berlin:20261210T180000',
        'DTEND;TZID=Europe/Berlin:20261210T200000',
        'SUMMARY:Empfang der Partnerstadt',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    const imported = run('call', 'calendar.ics.import', JSON.stringify({ calendarId: calendar.id }), '--file', ics, '--data-dir', own);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toMatchObject({ created: 1, updated: 0 });
    // Nothing stays staged (each process stages its uploads in a folder of its own).
    const staged = fs.readdirSync(path.join(own, '.uploads'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(staged).toEqual([]);

    // Work in the background (a register import) is waited for: the call answers with its end.
    const extract = path.join(own, 'auszug.csv');
    fs.writeFileSync(extract, 'OM;Familienname;Geburtsdatum\nR1;Groß;03.12.1936\n');
    const started = run('call', 'residents.import.start', JSON.stringify({ commit: true, mapping: { OM: 'register_id', Familienname: 'surname', Geburtsdatum: 'birth_date' } }), '--file', extract, '--data-dir', own);
    expect(started.stderr).toBe('');
    expect(JSON.parse(started.stdout)).toMatchObject({ state: 'done', result: { added: 1 } });

    const wrong = run('call', 'contacts.list', '--file', ics, '--data-dir', own);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Die Funktion „contacts.list“ nimmt keine Datei (--file). Eine Datei nehmen: requests.attach, requests.importEml');
    expect(run('help').stdout).toContain('--file PFAD lädt eine Datei hoch');
    fs.rmSync(own, { recursive: true, force: true });
  });

  it('writes a backup the app can open', () => {
    const target = path.join(dataDir, 'backup-test.sqlite');
    const result = run('backup', '--to', target, '--data-dir', dataDir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Sicherung geschrieben');
    expect(fs.statSync(target).size).toBeGreaterThan(0);
  });

  it('explains wrong usage in German with exit code 2', () => {
    const result = run('zaubern', '--data-dir', dataDir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unbekannter Befehl „zaubern“');
  });

  it('imports a residents extract in the standard column set and prints counts and rejected rows', () => {
    const header = 'register_id;surname;given_names;degree;gender;birth_date;street;house_number;postcode;city;district;marriage_date;spouse_register_id;death_date;moved_away;objection;information_block;conditional_block';
    const file = path.join(dataDir, 'auszug.csv');
    fs.writeFileSync(file, [header, 'R1;Groß;Erna;;w;03.12.1936;Königstraße;5;47051;Duisburg;Mitte;;;;0;0;0;0', 'R2;Fehler;Fritz;;m;31.02.1930;;;;;;;;;;;;'].join('\n'));
    const result = run('import', 'residents', file, '--data-dir', dataDir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 neu, 0 geändert, 0 unverändert, 0 nicht mehr enthalten, 1 abgelehnt');
    expect(result.stdout).toContain('Zeile 3: Das Geburtsdatum „31.02.1930“ gibt es nicht.');

    fs.writeFileSync(file, [header, 'R9;;Ohne;;m;01.01.1950;;;;;;;;;;;;'].join('\n'));
    const nothing = run('import', 'residents', file, '--data-dir', dataDir);
    expect(nothing.code).toBe(1);
    expect(nothing.stdout).toContain('Zeile 2: Der Nachname fehlt.');
    expect(JSON.parse(nothing.stderr).message).toContain('enthält keine gültige Zeile');
  });

  it('imports an extract with other columns through a saved mapping profile', () => {
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-cli-'));
    const file = path.join(own, 'eigene-spalten.csv');
    fs.writeFileSync(file, 'OM;Zuname;Geb.;Sperre\nR1;Groß;03.12.1936;0\nR2;Klein;01.05.1940;ja\n');
    const withoutProfile = run('import', 'residents', file, '--data-dir', own);
    expect(withoutProfile.code).toBe(1);
    expect(JSON.parse(withoutProfile.stderr).message).toMatch(/^Die Datei hat nicht den Standard-Spaltensatz/);
    const mapping = { OM: 'register_id', Zuname: 'surname', 'Geb.': 'birth_date', Sperre: 'information_block' };
    expect(run('call', 'residents.import.profiles.save', JSON.stringify({ name: 'Meldebehörde', mapping }), '--data-dir', own).code).toBe(0);
    const result = run('import', 'residents', file, '--profile', 'Meldebehörde', '--data-dir', own);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 neu, 0 geändert, 0 unverändert, 0 nicht mehr enthalten, 0 abgelehnt');
    const unknown = run('import', 'residents', file, '--profile', 'Unbekannt', '--data-dir', own);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stderr).message).toBe('Das Zuordnungsprofil „Unbekannt“ gibt es nicht.');
    fs.rmSync(own, { recursive: true, force: true });
  });

  it('--now: the clock starts at the given instant and runs on from there', () => {
    let real = 1_000_000;
    const now = parseNow('2026-11-27T09:00:00+01:00', () => real)!;
    expect(now().toISOString()).toBe('2026-11-27T08:00:00.000Z');
    real += 90_000;
    expect(now().toISOString()).toBe('2026-11-27T08:01:30.000Z');
    expect(parseNow(undefined)).toBeUndefined();
    expect(() => parseNow('2026-11-27')).toThrow('--now: „2026-11-27“ ist kein Zeitpunkt');

    const wrong = run('serve', '--now', 'morgen', '--data-dir', dataDir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--now: „morgen“ ist kein Zeitpunkt');
    expect(run('help').stdout).toContain('--now ZEIT (nur für Tests und Vorführungen)');
  });

  it('serve --now: the services work with the injected clock', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--now', '2030-03-04T10:00:00+01:00', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Server did not start:\n${output}`)), 60_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[0]);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`Server exited with ${code}:\n${output}`)));
      });
      const [base, token] = url.split('/#token=');
      const response = await fetch(`${base}/api/contacts.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rathaus-token': token },
        body: JSON.stringify({ kind: 'organisation', name: 'Uhrentest e. V.' }),
      });
      const body = (await response.json()) as { data: { createdAt: string } };
      expect(response.status).toBe(200);
      expect(body.data.createdAt.slice(0, 15)).toBe('2030-03-04T09:0');
    } finally {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
  });
});
