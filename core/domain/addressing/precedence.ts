/**
 * Protocol precedence (DOMAIN.md B): the order in which persons rank at an occasion. Used to
 * greet guests in a speech (speeches/greeting.ts) and to seat them at an official meal
 * (protocol/seating.ts), so both follow the same catalogue.
 *
 * - Office holders rank by their role's catalogue `precedence` (smaller first), before persons
 *   without a (known) role.
 * - Same precedence: a foreign office holder (a foreign role, or a correspondence language other
 *   than German) before a German one.
 * Callers append their own tie-breakers (the host in a greeting, guest before host at a table,
 * input order) to the key and compare with `compareRanks`.
 */
import type { Person, Role } from '../../api/schemas/addressing';

/** The person's role in the catalogue, if it has one. */
export function findRole(person: Person, roles: ReadonlyMap<string, Role>): Role | undefined {
  const key = (person.role ?? '').trim();
  return key ? roles.get(key) : undefined;
}

/** A foreign office holder: a foreign role, or a person whose language is not German. */
export function isForeignHolder(person: Person, role: Role): boolean {
  const language = person.language ?? 'de';
  return role.layout === 'foreign' || role.language !== 'de' || language !== 'de';
}

/**
 * The sort key of a person's protocol rank: `[0, precedence, 0 foreign | 1 German]` for an
 * office holder, `[1, 0, 0]` for a person without a known role. Smaller ranks higher.
 */
export function protocolRank(person: Person, role: Role | undefined): [number, number, number] {
  if (!role) return [1, 0, 0];
  return [0, role.precedence, isForeignHolder(person, role) ? 0 : 1];
}

/** Compares two sort keys element by element (a missing element counts as 0). */
export function compareRanks(a: readonly number[], b: readonly number[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
