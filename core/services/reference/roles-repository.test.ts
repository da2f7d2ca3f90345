import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { roles } from '../../../db/schema';
import { ROLE_CATALOGUE } from '../../domain/addressing';
import { createTempApp } from '../../../tests/support/temp-app';
import { loadRoles, seedRoleCatalogue } from './roles-repository';

let app: ReturnType<typeof createTempApp>;
beforeEach(() => {
  app = createTempApp();
});
afterEach(() => app.cleanup());

const changesDuring = (work: () => void): number => {
  const total = () => app.db.$client.prepare('select total_changes()').pluck().get() as number;
  const before = total();
  work();
  return total() - before;
};

it('writes nothing at a start when the shipped catalogue is stored unchanged', async () => {
  expect((await loadRoles(app.engine)).length).toBe(ROLE_CATALOGUE.length);
  expect(changesDuring(() => seedRoleCatalogue(app.db))).toBe(0);
});

it('refreshes a shipped entry that differs, and leaves the entries staff changed or added alone', async () => {
  const [first, second] = ROLE_CATALOGUE;
  app.db.update(roles).set({ label: 'veraltet', definition: { ...first, label: 'veraltet' } }).where(eq(roles.key, first.key)).run();
  app.db.update(roles).set({ builtin: false, label: 'eigene Fassung', definition: { ...second, label: 'eigene Fassung' } }).where(eq(roles.key, second.key)).run();
  app.db.insert(roles).values({ key: 'eigenes_amt', label: 'Eigenes Amt', precedence: 999, builtin: false, definition: { ...second, key: 'eigenes_amt', label: 'Eigenes Amt' } }).run();
  expect(changesDuring(() => seedRoleCatalogue(app.db))).toBe(1);
  const byKey = new Map((await loadRoles(app.engine)).map((r) => [r.key, r]));
  expect([byKey.get(first.key)?.label, byKey.get(second.key)?.label, byKey.get('eigenes_amt')?.label]).toEqual([first.label, 'eigene Fassung', 'Eigenes Amt']);
});
