import type { Db } from '../../../db/open';
import type { Role } from '../../api/schemas/addressing';
import { officeName, officePlace, roleMap } from '../../domain/addressing';
import { loadRoles } from './roles-repository';

/** The roles of the database, read once and kept until they change. */
export interface RoleCatalogue {
  list(): Role[];
  map(): ReadonlyMap<string, Role>;
  invalidate(): void;
}

export function createRoleCatalogue(db: Db): RoleCatalogue {
  let cached: { list: Role[]; map: Map<string, Role> } | null = null;
  const load = () => {
    if (!cached) {
      const list = loadRoles(db);
      cached = { list, map: roleMap(list) };
    }
    return cached;
  };
  return {
    list: () => load().list,
    map: () => load().map,
    invalidate: () => {
      cached = null;
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
