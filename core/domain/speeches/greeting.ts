/**
 * Greeting the guests of a speech (DOMAIN.md B): who is greeted, in which order, and how.
 * Pure functions only: no I/O, no state. The roles map is the one `composeAddress` takes.
 *
 * Rules:
 * - The speaker is never greeted. Without a speaker, or when the speaker is the host, the host
 *   speaks and is not greeted. When a guest speaks, the host is greeted "first among the local
 *   dignitaries": at the host's own precedence, ahead of everyone of that precedence, and never
 *   merged into a plural. Persons are compared by value (gender, names, role); a person listed
 *   twice is greeted once.
 * - Guests without an office (no known role) are not greeted one by one: they are the "Damen und
 *   Herren" of the closing, unless staff marked them as guests of honour (`guestOfHonour`: the
 *   person celebrated, a prize winner, a donor), who are greeted by name after the office
 *   holders. The mark does not move an office holder: she or he is greeted at the office's place.
 * - Order: office holders by catalogue precedence (smaller first), guests of honour without an
 *   office after them. Same precedence: the host, then foreign office holders (a foreign role or
 *   `language` other than German), then by the first appearance of the role in the input (so
 *   holders of one office stand together), then input order.
 * - Wording: the salutation `composeAddress` gives, opener lower-cased ("sehr geehrter Herr
 *   Minister", "sehr geehrte Frau Dr. Müller", "Exzellenz", diverse: "guten Tag Kim Beispiel");
 *   foreign forms in their own language, spoken bare ("Lord Mayor", "Monsieur le Maire").
 * - Several holders of one office standing together (serving and former ones apart; the role
 *   detail does not split them, the spoken office never names it, A.1.3) are greeted in one
 *   gender-fair plural (plurals.ts); offices without a plural are greeted one by one.
 * - Couples are two entries of the guest list, greeted one by one in their own places (spouses
 *   share no titles, A.1.4); the caller lists the lady first (A.1.6).
 * - After `maxGreetings` greetings (a plural counts as one) the remaining office holders are
 *   greeted together by the closing "meine sehr geehrten Damen und Herren", which always ends the
 *   sequence. Guests of honour are always greeted: they are why the occasion takes place.
 * - Greetings are separated by commas, the first letter of the text is capitalised, the text
 *   ends with a comma. `order` lists everyone greeted, the closing group last (office holders
 *   beyond the limit, then the guests without an office), each with the mark it came with.
 */
import type { Person, Role } from '../../api/schemas/addressing';
import type { Greeting, GreetingGuest, GreetingInput } from '../../api/schemas/speeches';
import { compareRanks, composeAddress, findRole, protocolRank } from '../addressing';
import { PLURALS, pluralTerm } from './plurals';

export const MAX_GREETINGS = 10;
export const CLOSING_GREETING = 'meine sehr geehrten Damen und Herren';
/** The closing for a speech to the citizens (gender-fair, as the office writes it). */
export const CITIZENS_CLOSING = 'liebe Duisburgerinnen und Duisburger';

export interface GreetingOptions {
  /** Individual greetings (a plural counts as one) before the rest are left to the closing. */
  maxGreetings?: number;
}

interface Candidate {
  person: GreetingGuest;
  role: Role | undefined;
  isHost: boolean;
  index: number;
}

interface Unit {
  members: Candidate[];
  text: string;
}

function clean(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Same person: same gender, names and role. */
function identity(p: Person): string {
  return [p.gender, p.givenName, p.nameAffix, p.surname, p.role].map(clean).join('|');
}

/**
 * The persons to greet, in input order: host first when a guest speaks. With `keepOrder` the
 * host stays where the guest list has them (staff placed them), or goes first if absent.
 */
function candidates(input: GreetingInput, roles: ReadonlyMap<string, Role>): Candidate[] {
  const { speaker, host } = input;
  const hostGreeted = host !== undefined && speaker !== undefined && identity(speaker) !== identity(host);
  const hostId = host ? identity(host) : undefined;
  const skip = new Set<string>();
  if (speaker) skip.add(identity(speaker));
  if (hostId && !(hostGreeted && input.keepOrder)) skip.add(hostId);
  const list: Candidate[] = [];
  input.guests.forEach((person, index) => {
    const id = identity(person);
    if (skip.has(id)) return;
    skip.add(id);
    list.push({ person, role: findRole(person, roles), isHost: id === hostId, index });
  });
  if (hostGreeted && !list.some((c) => c.isHost)) list.unshift({ person: host, role: findRole(host, roles), isHost: true, index: -1 });
  return list;
}

/** Protocol order (see the rules at the top); stable. */
function inProtocolOrder(list: Candidate[]): Candidate[] {
  const firstOfRole = new Map<string, number>();
  for (const c of list) {
    if (c.role && !firstOfRole.has(c.role.key)) firstOfRole.set(c.role.key, c.index);
  }
  // The shared protocol rank (addressing/precedence.ts), with the host first among equals.
  const rank = (c: Candidate): number[] => {
    const [ranked, precedence, foreign] = protocolRank(c.person, c.role);
    return [ranked, precedence, c.isHost ? 0 : 1, foreign, isGreetedByName(c) ? 0 : 1, c.role ? (firstOfRole.get(c.role.key) ?? 0) : 0, c.index];
  };
  return [...list].sort((a, b) => compareRanks(rank(a), rank(b)));
}

/** The host, office holders and guests of honour are greeted one by one; the others by the closing. */
function isGreetedByName(c: Candidate): boolean {
  return c.isHost || c.role !== undefined || c.person.guestOfHonour === true;
}

/** A guest of honour without an office: greeted whatever the limit. */
function isGuestOfHonour(c: Candidate): boolean {
  return !c.isHost && c.role === undefined && c.person.guestOfHonour === true;
}

/** Foreign forms (as `composeAddress` decides them) are spoken bare in their language. */
function speaksForeign(p: Person, role: Role | undefined): boolean {
  if (role) return role.layout === 'foreign' && role.language !== 'de';
  return (p.language ?? 'de') !== 'de';
}

function individualGreeting(c: Candidate, roles: ReadonlyMap<string, Role>): string {
  const forms = composeAddress({ person: c.person }, roles);
  if (speaksForeign(c.person, c.role)) return forms.oralSalutation;
  return forms.salutation.replace(/^(Sehr|Guten)\b/, (opener) => opener.toLowerCase());
}

/** Holders of one office greeted together share this key; none for the host and the unmatched. */
function mergeKey(c: Candidate): string | undefined {
  if (c.isHost || !c.role) return undefined;
  const form = PLURALS[c.role.key];
  if (!form) return undefined;
  return `${form.group ?? c.role.key}|${c.person.former ? 'former' : 'serving'}`;
}

function pluralGreeting(run: Candidate[]): string | undefined {
  const first = run[0];
  const form = first?.role ? PLURALS[first.role.key] : undefined;
  if (!first || !form) return undefined;
  if (form.bare && !first.person.former) return form.bare;
  const term = pluralTerm(form, run.map((c) => c.person.gender));
  return term ? `sehr geehrte ${term}` : undefined;
}

/** Consecutive holders of one office become one plural greeting. */
function toUnits(sorted: Candidate[], roles: ReadonlyMap<string, Role>): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  while (i < sorted.length) {
    const key = mergeKey(sorted[i]!);
    let end = i + 1;
    while (key !== undefined && end < sorted.length && mergeKey(sorted[end]!) === key) end++;
    const run = sorted.slice(i, end);
    const plural = run.length > 1 ? pluralGreeting(run) : undefined;
    if (plural) units.push({ members: run, text: plural });
    else for (const c of run) units.push({ members: [c], text: individualGreeting(c, roles) });
    i = end;
  }
  return units;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The greeting sequence of a speech and the persons it greets, in order. */
export function composeGreeting(
  input: GreetingInput,
  roles: ReadonlyMap<string, Role>,
  options: GreetingOptions = {},
): Greeting {
  const max = Math.max(0, options.maxGreetings ?? MAX_GREETINGS);
  const listed = candidates(input, roles);
  const ordered = input.keepOrder ? listed : inProtocolOrder(listed);
  const units = toUnits(ordered.filter(isGreetedByName), roles);
  // Guests of honour are always spoken; the others up to the limit.
  const spoken: Unit[] = [];
  const beyondLimit: Unit[] = [];
  let counted = 0;
  for (const unit of units) {
    const always = unit.members.every(isGuestOfHonour);
    if (!always && counted >= max) beyondLimit.push(unit);
    else {
      spoken.push(unit);
      if (!always) counted++;
    }
  }
  const closingGroup = [...beyondLimit.flatMap((u) => u.members), ...ordered.filter((c) => !isGreetedByName(c))];
  const texts = [...spoken.map((u) => u.text), input.closing === 'buergerschaft' ? CITIZENS_CLOSING : CLOSING_GREETING];
  return {
    text: `${capitalise(texts.join(', '))},`,
    order: [...spoken.flatMap((u) => u.members), ...closingGroup].map((c) => c.person),
  };
}
