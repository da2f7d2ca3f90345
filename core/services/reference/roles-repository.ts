import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { roles } from '../../../db/schema';
import { roleSchema, type Role } from '../../api/schemas/addressing';
import { ROLE_CATALOGUE } from '../../domain/addressing';

/**
 * Loads the shipped catalogue into the database: shipped entries that differ from the stored
 * ones are refreshed (in one transaction), entries that staff changed or added are left alone.
 * Runs at every start; when nothing differs, it only reads.
 */
export function seedRoleCatalogue(db: Db): void {
  const stored = new Map(db.select().from(roles).all().map((row) => [row.key, row]));
  const outdated = ROLE_CATALOGUE.filter((role) => {
    const row = stored.get(role.key);
    if (!row) return true;
    return row.builtin && (row.label !== role.label || row.precedence !== role.precedence || JSON.stringify(row.definition) !== JSON.stringify(role));
  });
  if (outdated.length === 0) return;
  db.transaction((tx) => {
    for (const role of outdated) {
      const row = { key: role.key, label: role.label, precedence: role.precedence, builtin: true, definition: role };
      tx.insert(roles)
        .values(row)
        .onConflictDoUpdate({ target: roles.key, set: row, where: eq(roles.builtin, true) })
        .run();
    }
  });
}

export function loadRoles(db: Db): Role[] {
  return db
    .select()
    .from(roles)
    .orderBy(roles.precedence, roles.label)
    .all()
    .map((row) => roleSchema.parse(row.definition));
}
