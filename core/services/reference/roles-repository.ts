import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import type { Engine } from '../../../db/engine';
import { roles } from '../../../db/schema';
import { roleSchema, type Role } from '../../api/schemas/addressing';
import { ROLE_CATALOGUE } from '../../domain/addressing';

/** The stored definitions as roles, in precedence order (the same on both engines: label, then key, breaks ties). */
function rolesOf(rows: Array<{ definition: unknown }>): Role[] {
  return rows.map((row) => roleSchema.parse(row.definition));
}

type StoredRole = { key: string; label: string; precedence: number; builtin: boolean; definition: unknown };

/** The shipped roles missing from the stored ones, or stored unchanged by staff but differing from what ships. */
function outdatedRoles(storedRows: readonly StoredRole[]): Array<(typeof ROLE_CATALOGUE)[number]> {
  const stored = new Map(storedRows.map((row) => [row.key, row]));
  return ROLE_CATALOGUE.filter((role) => {
    const row = stored.get(role.key);
    if (!row) return true;
    return row.builtin && (row.label !== role.label || row.precedence !== role.precedence || JSON.stringify(row.definition) !== JSON.stringify(role));
  });
}

const shippedRow = (role: (typeof ROLE_CATALOGUE)[number]) => ({ key: role.key, label: role.label, precedence: role.precedence, builtin: true, definition: role });

/**
 * Loads the shipped catalogue into the database: shipped entries that differ from the stored
 * ones are refreshed (in one transaction), entries that staff changed or added are left alone.
 * Runs at every start of the single-PC app on the SQLite file's synchronous handle, before the
 * services are built (office mode: `seedRoleCatalogueOn`); when nothing differs, it only reads.
 * Returns the catalogue as stored, the role catalogue's first snapshot.
 */
export function seedRoleCatalogue(db: Db): Role[] {
  const storedRows = db.select().from(roles).orderBy(asc(roles.precedence), asc(roles.label), asc(roles.key)).all();
  const outdated = outdatedRoles(storedRows);
  if (outdated.length === 0) return rolesOf(storedRows);
  return db.transaction((tx) => {
    for (const role of outdated) {
      const row = shippedRow(role);
      tx.insert(roles)
        .values(row)
        .onConflictDoUpdate({ target: roles.key, set: row, where: eq(roles.builtin, true) })
        .run();
    }
    return rolesOf(tx.select({ definition: roles.definition }).from(roles).orderBy(asc(roles.precedence), asc(roles.label), asc(roles.key)).all());
  });
}

/** The same on the engine, for office mode (PostgreSQL): the PC that starts first after an update refreshes the shipped roles. */
export async function seedRoleCatalogueOn(engine: Engine): Promise<Role[]> {
  const { db, t } = engine;
  const storedRows = await db.select().from(t.roles).orderBy(asc(t.roles.precedence), asc(t.roles.label), asc(t.roles.key));
  const outdated = outdatedRoles(storedRows);
  if (outdated.length === 0) return rolesOf(storedRows);
  return engine.transaction(async () => {
    for (const role of outdated) {
      const row = shippedRow(role);
      await db.insert(t.roles).values(row).onConflictDoUpdate({ target: t.roles.key, set: row, where: eq(t.roles.builtin, true) });
    }
    return loadRoles(engine);
  });
}

/** The roles as stored, in precedence order. */
export async function loadRoles({ db, t }: Engine): Promise<Role[]> {
  return rolesOf(await db.select({ definition: t.roles.definition }).from(t.roles).orderBy(asc(t.roles.precedence), asc(t.roles.label), asc(t.roles.key)));
}
