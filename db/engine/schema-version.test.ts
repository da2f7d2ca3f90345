/** `schemaVersion()`: every shipped migration counts once, on both engines (each has its own folder). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownSchemaVersion } from '../open';
import { ENGINES, openTestEngine, PG_MIGRATIONS_FOLDER, SQLITE_MIGRATIONS, type TestEngine } from '../../tests/support/test-engine';

describe.each(ENGINES)('schemaVersion on %s', (kind) => {
  let handle: TestEngine;
  beforeAll(async () => {
    handle = await openTestEngine(kind, 'schema_version');
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  it('counts the applied migrations as a number', async () => {
    const shipped = knownSchemaVersion(kind === 'sqlite' ? SQLITE_MIGRATIONS : PG_MIGRATIONS_FOLDER).count;
    expect(shipped).toBeGreaterThan(1);
    expect(await handle.engine.schemaVersion()).toBe(shipped);
    expect(await handle.engine.transaction(() => handle.engine.schemaVersion())).toBe(shipped);
  });
});
