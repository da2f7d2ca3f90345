import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../api/dispatcher';
import { createTempApp, tempDir } from '../../tests/support/temp-app';
import { SNAPSHOT_SETTING } from '../../db/copy/snapshot';

/** A laptop's copy of the office database, as `db copy --to-data-dir` marks it. */
const MARK = { of: 'PostgreSQL-Datenbank „rathausbuero“ auf „db.stadt-duisburg.de“', copiedAt: '2026-12-04T16:30:00.000Z' };

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A data folder with a contact, then marked as a copy (or not) and opened again. */
async function openCopy(marked: boolean) {
  const dataDir = tempDir();
  dirs.push(dataDir);
  const first = createTempApp({ dataDir });
  await call(first.handlers, 'contacts.create', { kind: 'organisation', name: 'Turnverein Duisburg-Neudorf 1887 e. V.' });
  if (marked) first.db.$client.prepare('insert into settings (key, value, updated_at) values (?, ?, ?)').run(SNAPSHOT_SETTING, JSON.stringify(MARK), MARK.copiedAt);
  first.close();
  return createTempApp({ dataDir });
}

describe('a read-only copy of the office database', () => {
  it('says what it is a copy of and since when (app.info)', async () => {
    const app = await openCopy(true);
    const info = await call(app.handlers, 'app.info', {});
    expect(info.database).toMatchObject({ kind: 'sqlite', readOnlyCopy: MARK });
    expect(app.readOnlyCopy).toEqual(MARK);
    app.close();
  });

  it('refuses every change in German, naming the copy and its date, and changes nothing', async () => {
    const app = await openCopy(true);
    const before = (await call(app.handlers, 'contacts.list', { query: '' })).total;
    const attempts = [
      () => call(app.handlers, 'contacts.create', { kind: 'organisation', name: 'Chor Neudorf' }),
      () => call(app.handlers, 'demo.load', {}),
      () => call(app.handlers, 'privacy.retention.run', { automatic: true }),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/^Diese Daten sind eine schreibgeschützte Kopie der PostgreSQL-Datenbank „rathausbuero“ auf „db\.stadt-duisburg\.de“ \(Stand 04\.12\.2026, 17:30 Uhr\)\. Änderungen sind hier nicht möglich/),
      });
    }
    expect((await call(app.handlers, 'contacts.list', { query: '' })).total).toBe(before);
    app.close();
  });

  it('still reads, and a backup of it can be made', async () => {
    const app = await openCopy(true);
    expect((await call(app.handlers, 'contacts.list', { query: 'Turnverein' })).total).toBe(1);
    const backup = await call(app.handlers, 'app.backup', {});
    expect(backup.bytes).toBeGreaterThan(0);
    app.close();
  });

  it('leaves a database people work in as it is', async () => {
    const app = await openCopy(false);
    const info = await call(app.handlers, 'app.info', {});
    expect(info.database).not.toHaveProperty('readOnlyCopy');
    expect(app.readOnlyCopy).toBeNull();
    await call(app.handlers, 'contacts.create', { kind: 'organisation', name: 'Chor Neudorf' });
    expect((await call(app.handlers, 'contacts.list', { query: '' })).total).toBe(2);
    app.close();
  });
});
