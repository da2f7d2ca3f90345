import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { roles } from '../../../db/schema';
import { roleSchema, type Role } from '../../api/schemas/addressing';
import { ROLE_CATALOGUE } from '../../domain/addressing';

/**
 * Loads the shipped catalogue into the database: shipped entries are refreshed, entries
 * that staff added are left alone. Runs at every start, in one transaction.
 */
export function seedRoleCatalogue(db: Db): void {
  db.transaction((tx) => {
    for (const role of ROLE_CATALOGUE) {
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
