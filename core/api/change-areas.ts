import { contract, METHOD_NAMES, type MethodName } from './contract';
import type { RetentionReport } from './schemas/privacy';

/**
 * What a change touches, said once for the whole app. When a method that changes data succeeds,
 * every window (this PC's and, in office mode, every other PC's) refreshes what it shows of the
 * areas the change touches. An area is the first part of a method name (`calendar` for
 * `calendar.view`); the UI's queries are keyed by their method's name, so an area names exactly
 * the queries to refresh (`isInAreas`).
 */
export type Area = MethodName extends `${infer A}.${string}` ? A : never;

export function areaOf(method: MethodName): Area {
  return method.slice(0, method.indexOf('.')) as Area;
}

/** Every area, in the contract's order. */
export const AREAS: readonly Area[] = [...new Set(METHOD_NAMES.map(areaOf))];

/** A change touches every area: after it, every window reads everything again. */
const EVERYTHING = 'everything';

/**
 * Where an area's records are shown besides its own views, because another area's queries read
 * them (a contact's name in an appointment, a letter in a partnership's history, a signer in a
 * request's letter). Taken from the repositories' joins and the services' wiring
 * (core/services/index.ts); a change to the key area refreshes these too.
 */
const SHOWN_IN: { readonly [A in Area]?: readonly Area[] } = {
  contacts: ['app', 'calendar', 'gifts', 'greetings', 'invitations', 'partnerships', 'patronages', 'press', 'seating', 'visits', 'volunteering'],
  calendar: ['citizenEvents', 'invitations', 'online', 'patronages', 'press', 'speeches', 'visits'],
  // The online plan's proposals read press embargoes, the greetings plan and citizens' events.
  press: ['online'],
  greetings: ['online'],
  carpool: ['calendar'],
  invitations: ['calendar', 'speeches'],
  signers: ['calendar', 'citizenEvents', 'greetings', 'letters', 'patronages', 'requests', 'settings', 'speeches'],
  textBlocks: ['letters', 'requests', 'speeches'],
  templates: ['greetings', 'letters', 'patronages', 'requests'],
  letters: ['greetings', 'invitations', 'jubilees', 'partnerships', 'patronages', 'requests'],
  speeches: ['calendar', 'patronages'],
  partnerships: ['greetings', 'visits'],
  visits: ['gifts', 'seating'],
  citizens: ['citizenEvents', 'requests', 'volunteering'],
  requests: ['citizenEvents', 'citizens', 'privacy'],
  citizenEvents: ['citizens', 'online', 'requests'],
  volunteering: ['citizens'],
  residents: ['jubilees'],
};

/**
 * Methods that write into other areas than their own (the areas those are shown in follow from
 * SHOWN_IN). `everything`: the change reaches too far to name (demo data, the letterhead of every
 * document, a person erased from every register).
 */
const ALSO_CHANGES: { readonly [N in MethodName]?: readonly Area[] | typeof EVERYTHING } = {
  'demo.load': EVERYTHING,
  'settings.office.update': EVERYTHING,
  'privacy.citizen.erase': EVERYTHING,
  'privacy.retention.run': ['requests', 'citizens', 'citizenEvents', 'volunteering', 'letters'],
  'greetings.produce': ['letters'],
  'invitations.decide': ['calendar'],
  'visits.save': ['partnerships'],
  'visits.delete': ['partnerships'],
  'seating.save': ['visits'],
};

/**
 * Methods whose change is made later by a background job (a mail merge, a register import): the
 * job announces it when it commits (ServiceDeps.changes), not the call that started it.
 */
export const CHANGED_BY_JOB: ReadonlySet<MethodName> = new Set<MethodName>(['letters.merge.start', 'residents.import.start']);

/**
 * Calls whose answer shows that they wrote only into their own area this time: the daily
 * retention check that erased nothing wrote only its report, so no window reads the registers again.
 */
const OWN_AREA_ONLY_WHEN: { readonly [N in MethodName]?: (result: unknown) => boolean } = {
  'privacy.retention.run': (report) => Object.values((report as RetentionReport).erased).every((n) => n === 0),
};

/**
 * The areas a successful call of `method` changes: its own, what it also writes, and where those
 * are shown. With the call's answer (`result`), a call that wrote less this time says so.
 */
export function changedAreas(method: MethodName, result?: unknown): Area[] {
  if (!contract[method].mutates) return [];
  const ownOnly = result !== undefined && OWN_AREA_ONLY_WHEN[method]?.(result) === true;
  const also = ownOnly ? undefined : ALSO_CHANGES[method];
  if (also === EVERYTHING) return [...AREAS];
  const written = [areaOf(method), ...(also ?? [])];
  const touched = new Set<Area>(written.flatMap((area) => [area, ...(SHOWN_IN[area] ?? [])]));
  return AREAS.filter((area) => touched.has(area));
}

export { isInAreas } from './query-areas';

/**
 * What a window is told. `change`: data of these areas changed (by the method named, at `at`,
 * in the app process `origin`; another PC may run a newer version with methods this one lacks).
 * `resync`: changes may have been missed (the connection to the office database was lost and is
 * back), so everything is read again.
 */
export type ChangeEvent =
  | { type: 'change'; areas: Area[]; method: string; at: string; origin: string }
  | { type: 'resync'; at: string };
