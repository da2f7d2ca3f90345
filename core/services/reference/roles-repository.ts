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

/**
 * Loads the shipped catalogue into the database: shipped entries that differ from the stored
 * ones are refreshed (in one transaction), entries that staff changed or added are left alone.
 * Runs at every start on the synchronous SQLite handle (start-up work; it moves to the engine
 * when the app opens on PostgreSQL); when nothing differs, it only reads.
 * Returns the catalogue as stored, the role catalogue's first snapshot.
 */
export function seedRoleCatalogue(db: Db): Role[] {
  const storedRows = db.select().from(roles).orderBy(asc(roles.precedence), asc(roles.label), asc(roles.key)).all();
  const stored = new Map(storedRows.map((row) => [row.key, row]));
  const outdated = ROLE_CATALOGUE.filter((role) => {
    const row = stored.get(role.key);
    if (!row) return true;
    return row.builtin && (row.label !== role.label || row.precedence !== role.precedence || JSON.stringify(row.definition) !== JSON.stringify(role));
  });
  if (outdated.length === 0) return rolesOf(storedRows);
  return db.transaction((tx) => {
    for (const role of outdated) {
      const row = { key: role.key, label: role.label, precedence: role.precedence, builtin: true, definition: role };
      tx.insert(roles)
        .values(row)
        .onConflictDoUpdate({ target: roles.key, set: row, where: eq(roles.builtin, true) })
        .run();
    }
    return rolesOf(tx.select({ definition: roles.definition }).from(roles).orderBy(asc(roles.precedence), asc(roles.label), asc(roles.key)).all());
  });
}

/** The roles as stored, in precedence order. */
export async function loadRoles({ db, t }: Engine): Promise<Role[]> {
  return rolesOf(await db.select({ definition: t.roles.definition }).from(t.roles).orderBy(asc(t.roles.precedence), asc(t.roles.label), asc(t.roles.key)));
}
