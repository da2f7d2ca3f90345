import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../tests/support/temp-app';

const BIN = path.resolve(__dirname, 'bin.mjs');
const dataDir = tempDir();
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('rathausbuero CLI', () => {
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
    expect(JSON.parse(broken.stderr).message).toMatch(/^Die Eingabe ist kein gültiges JSON/);
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
});
