/**
 * The seating order (Tischordnung) of an official meal, from the guest list by protocol
 * precedence. Pure functions only.
 *
 * The rule implemented (common German protocol practice, „Ehrengast rechts vom Gastgeber, der
 * Zweithöchste links …“):
 *
 * 1. Rank. Everyone is ranked by the catalogue's precedence (addressing/precedence.ts, the same
 *    ranking as the greeting of a speech): office holders by `precedence` (smaller first), before
 *    persons without a role; same precedence: a foreign office holder first, then a guest before
 *    a member of the hosting side („Gäste vor Gastgebern“), then the order of the list. The guest
 *    of honour (the `honour` mark) ranks first among the guests, whatever the office.
 * 2. The host. The highest-ranked person of the hosting side is the host and sits at the head of
 *    the head table (seat 0). Without anyone of the hosting side, the highest-ranked guest takes
 *    the head (a note says so).
 * 3. The co-host. The second of the hosting side (the host's deputy, e.g. a Bürgermeisterin) sits
 *    opposite the host, at the foot of the head table (seat ⌊n/2⌋), if that table has at least
 *    four seats. Each further table gets the next of the hosting side as its table host at its
 *    head; the rest of the hosting side are seated like the guests, by rank.
 * 4. The order of the seats. Seats are numbered from the head around the table to the host's
 *    right (everyone faces the table, so seat k+1 is to the right of seat k; seat n−1 is to the
 *    host's left). Without a co-host: the guest of honour to the host's right (seat 1), the
 *    second to the host's left (n−1), the third to the right of the guest of honour (2), the
 *    fourth (n−2), and so on, alternating right and left outwards. With a co-host at the foot
 *    (seat m): first to the host's right (1), second to the co-host's right (m+1), third to the
 *    host's left (n−1), fourth to the co-host's left (m−1), then one seat further out on each of
 *    the four, in the same order („französische Tafel“). A table without a host of its own puts
 *    its highest-ranked person at the head and alternates from there.
 * 5. Several tables. The tables are filled in the order given, the first being the head table:
 *    the highest-ranked sit at the head table, the next at the second table, and so on. Empty
 *    seats are the last in the order of the seats (the far ends). Who finds no seat is listed.
 * 6. Couples. Partners (spouses) are not seated side by side — a common rule of official
 *    dinners; they may sit opposite or at different tables. Where two partners would be
 *    neighbours, the lower-ranked of the two changes seats with the nearest person in the order
 *    of the seats (one place further out first, then one place further in) — never the host, the
 *    co-host or the seat to the host's right. When no change helps, a note names the couple.
 */
import type { Person, Role } from '../../api/schemas/addressing';
import { seatLayout, type Seat, type SeatingTable, type TableSpec } from '../../api/schemas/visits';
import { compareRanks, findRole, protocolRank } from '../addressing';

export interface SeatingPerson {
  /** The contact's id: a person appears once, however often listed. */
  id: number;
  /** As printed on the plan: „Helen Pendleton“. */
  label: string;
  /** For the rank (role, language), as `addressing.compose` takes it. */
  person: Person;
  side: 'gast' | 'gastgeber';
  /** The guest of honour (a mark on a guest; ignored on the hosting side). */
  honour?: boolean;
  /** The spouse's or partner's id, if any. */
  partnerId?: number | null;
}

export interface SeatingOptions {
  /** Couples not side by side (default true). */
  separateCouples?: boolean;
  /** The second of the hosting side opposite the host (default true). */
  coHost?: boolean;
}

export interface SeatingResult {
  tables: SeatingTable[];
  /** In rank order: nobody left a seat for them. */
  unseated: Seat[];
  /** German notes for staff. */
  notes: string[];
}

interface Ranked {
  p: SeatingPerson;
  key: number[];
}

/** The seats of one table in the order they are given out (see rule 4). */
export function seatOrder(seatCount: number, options: { host: boolean; coHost: boolean }): number[] {
  const n = Math.max(1, Math.floor(seatCount));
  const foot = options.host && options.coHost ? seatLayout(n).foot : null;
  const order: number[] = [];
  const used = new Set<number>();
  const take = (seat: number) => {
    if (seat < 0 || seat >= n || used.has(seat)) return;
    if (options.host && seat === 0) return;
    if (foot !== null && seat === foot) return;
    used.add(seat);
    order.push(seat);
  };
  if (!options.host) take(0);
  for (let d = 1; d < n; d++) {
    if (foot !== null) {
      take(d);
      take(foot + d);
      take(n - d);
      take(foot - d);
    } else {
      take(d);
      take(n - d);
    }
  }
  return order;
}

function rankKey(p: SeatingPerson, index: number, roles: ReadonlyMap<string, Role>): number[] {
  const [ranked, precedence, foreign] = protocolRank(p.person, findRole(p.person, roles));
  const honour = p.side === 'gast' && p.honour ? 0 : 1;
  return [honour, ranked, precedence, foreign, p.side === 'gast' ? 0 : 1, index];
}

const seatOf = (p: SeatingPerson | undefined): Seat => (p ? { contactId: p.id, label: p.label } : { contactId: null, label: '' });

/** The seating proposal for the tables given (rules at the top). */
export function proposeSeating(
  people: readonly SeatingPerson[],
  tables: readonly TableSpec[],
  roles: ReadonlyMap<string, Role>,
  options: SeatingOptions = {},
): SeatingResult {
  const seen = new Set<number>();
  const ranked: Ranked[] = [];
  people.forEach((p, index) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    ranked.push({ p, key: rankKey(p, index, roles) });
  });
  ranked.sort((a, b) => compareRanks(a.key, b.key));
  // The hosting side by rank alone (the honour mark is a guest's).
  const hosts = ranked.filter((r) => r.p.side === 'gastgeber');
  const notes: string[] = [];

  const useCoHost = options.coHost !== false && hosts.length >= 2 && (tables[0]?.seats ?? 0) >= 4;
  const tableHosts: Array<SeatingPerson | undefined> = tables.map(() => undefined);
  const coHost = useCoHost ? hosts[1]!.p : undefined;
  const hostQueue = hosts.map((h) => h.p).filter((h) => h !== coHost);
  tables.forEach((_, t) => {
    tableHosts[t] = hostQueue.shift();
  });
  const placed = new Set<number>([...tableHosts, coHost].filter((p): p is SeatingPerson => p !== undefined).map((p) => p.id));
  const pool = ranked.map((r) => r.p).filter((p) => !placed.has(p.id));
  if (hosts.length === 0 && ranked.length > 0) notes.push('Niemand ist als Gastgeber/in eingetragen: An der Kopfseite sitzt der oder die Ranghöchste.');

  const rankOf = new Map(ranked.map((r, i) => [r.p.id, i]));
  const result: SeatingTable[] = tables.map((spec, t) => {
    const n = Math.max(1, Math.floor(spec.seats));
    const seats: Array<SeatingPerson | undefined> = new Array(n).fill(undefined);
    const host = tableHosts[t];
    const tableCoHost = t === 0 ? coHost : undefined;
    if (host) seats[0] = host;
    const foot = tableCoHost ? seatLayout(n).foot : null;
    if (tableCoHost && foot !== null) seats[foot] = tableCoHost;
    const order = seatOrder(n, { host: Boolean(host), coHost: Boolean(tableCoHost) });
    for (const seat of order) {
      const next = pool.shift();
      if (!next) break;
      seats[seat] = next;
    }
    if (options.separateCouples !== false) {
      const fixed = new Set<number>([...(host ? [0] : []), ...(foot !== null ? [foot] : []), ...order.slice(0, 1)]);
      separateCouples(seats, order, fixed, rankOf, notes, spec.name);
    }
    return { name: spec.name, seats: seats.map(seatOf) };
  });

  if (pool.length > 0) {
    notes.push(
      `Zu wenige Plätze: ${pool.length === 1 ? 'eine Person hat' : `${pool.length} Personen haben`} keinen Platz (${pool.map((p) => p.label).join(', ')}).`,
    );
  }
  return { tables: result, unseated: pool.map(seatOf), notes };
}

function partners(a: SeatingPerson | undefined, b: SeatingPerson | undefined): boolean {
  if (!a || !b) return false;
  return (a.partnerId != null && a.partnerId === b.id) || (b.partnerId != null && b.partnerId === a.id);
}

/** Pairs of neighbouring seats (around the table) where partners sit. */
function adjacentCouples(seats: ReadonlyArray<SeatingPerson | undefined>): Array<[number, number]> {
  const n = seats.length;
  const pairs: Array<[number, number]> = [];
  if (n < 2) return pairs;
  for (let s = 0; s < n; s++) {
    const t = (s + 1) % n;
    if (t === s || (n === 2 && s === 1)) continue;
    if (partners(seats[s], seats[t])) pairs.push([s, t]);
  }
  return pairs;
}

/** Rule 6: moves the lower-ranked partner of each neighbouring couple to the nearest seat that helps. */
function separateCouples(
  seats: Array<SeatingPerson | undefined>,
  order: readonly number[],
  fixed: ReadonlySet<number>,
  rankOf: ReadonlyMap<number, number>,
  notes: string[],
  tableName: string,
): void {
  const positionOf = (seat: number) => order.indexOf(seat);
  const reported = new Set<string>();
  for (let round = 0; round < seats.length * 2; round++) {
    const pairs = adjacentCouples(seats);
    if (pairs.length === 0) return;
    let improved = false;
    for (const [a, b] of pairs) {
      // The lower-ranked partner moves (never a fixed seat).
      const [first, second] = [a, b].sort((x, y) => (rankOf.get(seats[y]!.id) ?? 0) - (rankOf.get(seats[x]!.id) ?? 0));
      const mover = [first!, second!].find((s) => !fixed.has(s));
      if (mover === undefined) continue;
      const from = positionOf(mover);
      const before = adjacentCouples(seats).length;
      for (let d = 1; d < order.length && !improved; d++) {
        for (const to of [from + d, from - d]) {
          const target = order[to];
          if (target === undefined || fixed.has(target)) continue;
          swap(seats, mover, target);
          if (adjacentCouples(seats).length < before) {
            improved = true;
            break;
          }
          swap(seats, mover, target);
        }
      }
      if (improved) break;
    }
    if (!improved) {
      for (const [a, b] of pairs) {
        const names = [seats[a]!.label, seats[b]!.label].join(' und ');
        if (reported.has(names)) continue;
        reported.add(names);
        notes.push(`${tableName}: ${names} sitzen nebeneinander – kein anderer Platz an diesem Tisch trennt sie.`);
      }
      return;
    }
  }
}

function swap<T>(list: T[], i: number, j: number): void {
  const t = list[i] as T;
  list[i] = list[j] as T;
  list[j] = t;
}
