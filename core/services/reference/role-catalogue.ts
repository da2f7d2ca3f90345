import type { Engine } from '../../../db/engine';
import type { Role } from '../../api/schemas/addressing';
import { officeName, officePlace, roleMap } from '../../domain/addressing';
import { loadRoles } from './roles-repository';

/**
 * The roles of the database, held in memory: many services read them synchronously while they
 * compose addresses and lists. The snapshot is taken at start and taken again after the
 * catalogue changes (`refresh`, on the engine).
 */
export interface RoleCatalogue {
  list(): Role[];
  map(): ReadonlyMap<string, Role>;
  /** Reads the roles again from the database (after a write to them). */
  refresh(): Promise<void>;
}

/** The catalogue, starting from the roles as stored at start (see seedRoleCatalogue). */
export function createRoleCatalogue(engine: Engine, atStart: readonly Role[]): RoleCatalogue {
  const snapshot = (list: readonly Role[]) => ({ list: [...list], map: roleMap(list) });
  let current = snapshot(atStart);
  return {
    list: () => current.list,
    map: () => current.map,
    async refresh() {
      current = snapshot(await loadRoles(engine));
    },
  };
}

/** "Bürgermeisterin", "Vorsitzender des … e. V.", diverse "Bürgermeister:in" — the office as shown in lists. */
export function roleLabelFor(
  role: Role | undefined,
  gender: 'female' | 'male' | 'diverse' | 'unknown',
  detail: string,
  former: boolean,
): string {
  if (!role) return '';
  return [officeName(role, gender), officePlace(role, detail || role.defaultDetail || ''), former ? 'a. D.' : ''].filter(Boolean).join(' ');
}
