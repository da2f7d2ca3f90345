/**
 * Jubilee rule engine (DOMAIN.md C): which residents have a birthday or a
 * wedding anniversary in a period that the BMG allows to be listed and that
 * the city's honour rules act on, and by when each action is due.
 *
 * Pure and fast: one pass over the residents, ISO dates compared as
 * month-day numbers, no Date objects per resident.
 */
import { parseIsoDate } from '../dates/format';
import { bmgAllowsBirthday, bmgAllowsWedding, type HonourRules } from './honour-rules';
import { weddingJubileeName } from './names';

/** One person as the residents' register extract delivers them. */
export interface ResidentRecord {
  registerId: string;
  surname: string;
  givenNames: string;
  /** ISO date "1936-02-29". */
  birthDate: string;
  /** ISO date of the civil marriage. */
  marriageDate?: string | null;
  spouseRegisterId?: string | null;
  deathDate?: string | null;
  movedAway: boolean;
  /** Objection to the transmission of jubilee data (§ 50 Abs. 5 BMG). */
  objection: boolean;
  /** Information block (§ 51 BMG). */
  informationBlock: boolean;
  /** Conditional block (§ 52 BMG, e.g. care homes). */
  conditionalBlock: boolean;
  /** No longer in the latest register extract. */
  gone: boolean;
}

export type JubileeKind = 'birthday' | 'wedding';
export type JubileeAction = 'letter' | 'visit' | 'notify_federal' | 'notify_land';
export type LeapDayRule = HonourRules['leapDay'];

export interface JubileeDue {
  action: JubileeAction;
  /** ISO date by which the action is due. */
  by: string;
}

export interface JubileeEntry {
  /** ISO date of the jubilee. */
  date: string;
  kind: JubileeKind;
  /** Age or years of marriage. */
  number: number;
  /** "90. Geburtstag", "Goldene Hochzeit". */
  label: string;
  /** One person, or both spouses of a couple (ordered by surname, then given names). */
  registerIds: string[];
  /** In the order letter, visit, notify_federal, notify_land. */
  due: JubileeDue[];
}

/**
 * Whether a person may appear on a jubilee list at all: not with an objection
 * (§ 50 Abs. 5 BMG), an information block (§ 51) or a conditional block (§ 52),
 * not deceased, not moved away, still in the register extract. Any recorded
 * death date excludes the person, whatever `on` is (a date after `on` is a
 * data error, and the office must not congratulate on it either way).
 */
export function isListable(r: ResidentRecord, on: string): boolean {
  return !(r.objection || r.informationBlock || r.conditionalBlock || r.deathDate || r.movedAway || r.gone);
}

// ---------------------------------------------------------------------------
// Date helpers (ISO strings and month-day numbers: 229 = 29 February)
// ---------------------------------------------------------------------------

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * Parses "YYYY-MM-DD" into year * 10000 + month * 100 + day without
 * allocating; -1 for anything that is not a complete calendar date
 * (registers know "1936-00-00" for unknown days).
 */
function packedDate(iso: string | null | undefined): number {
  if (!iso || iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return -1;
  const y0 = digit(iso, 0), y1 = digit(iso, 1), y2 = digit(iso, 2), y3 = digit(iso, 3);
  const m0 = digit(iso, 5), m1 = digit(iso, 6), d0 = digit(iso, 8), d1 = digit(iso, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return -1;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month]) return -1;
  if (month === 2 && day === 29 && !isLeapYear(year)) return -1;
  return year * 10000 + month * 100 + day;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isoOf(year: number, monthDay: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(Math.floor(monthDay / 100))}-${pad2(monthDay % 100)}`;
}

/** The month-day of an anniversary of `monthDay` in `year` (29 February → 28 February or 1 March). */
function anniversaryMonthDay(monthDay: number, year: number, leapDay: LeapDayRule): number {
  if (monthDay !== 229 || isLeapYear(year)) return monthDay;
  return leapDay === 'mar1' ? 301 : 228;
}

/**
 * The anniversary of a date in a given year, as ISO date. 29 February falls
 * on 28 February in a common year (or 1 March with the setting 'mar1').
 */
export function anniversaryIn(dateIso: string, year: number, leapDay: LeapDayRule = 'feb28'): string {
  const packed = packedDate(dateIso);
  if (packed < 0) throw new RangeError(`Ungültiges Datum: ${dateIso}`);
  return isoOf(year, anniversaryMonthDay(packed % 10000, year, leapDay));
}

/** `iso` minus `days`, memoised per call (a month has few distinct dates and lead times). */
function dueDateCalculator(): (iso: string, days: number) => string {
  const cache = new Map<string, string>();
  return (iso, days) => {
    const key = `${days}|${iso}`;
    let by = cache.get(key);
    if (by === undefined) {
      const date = parseIsoDate(iso);
      date.setUTCDate(date.getUTCDate() - days);
      by = date.toISOString().slice(0, 10);
      cache.set(key, by);
    }
    return by;
  };
}

// ---------------------------------------------------------------------------
// Actions under the rules
// ---------------------------------------------------------------------------

interface ActionRule {
  action: JubileeAction;
  leadDays: number;
}

function birthdayActions(age: number, rules: HonourRules): ActionRule[] {
  if (!bmgAllowsBirthday(age)) return [];
  const actions: ActionRule[] = [];
  if (rules.letterBirthdays.includes(age) || age >= rules.letterEveryBirthdayFrom) {
    actions.push({ action: 'letter', leadDays: rules.letterLeadDays });
  }
  if (rules.visitBirthdays.includes(age) || age >= rules.visitBirthdaysFrom) actions.push({ action: 'visit', leadDays: rules.letterLeadDays });
  if (rules.federal.birthdays.includes(age) || age >= rules.federal.everyBirthdayFrom) {
    actions.push({ action: 'notify_federal', leadDays: rules.federal.notifyLatestDays });
  }
  if (age >= rules.land.congratulationBirthdaysFrom) actions.push({ action: 'notify_land', leadDays: rules.land.leadDays });
  return actions;
}

function weddingActions(years: number, rules: HonourRules): ActionRule[] {
  if (!bmgAllowsWedding(years)) return [];
  const actions: ActionRule[] = [];
  const everyFrom = rules.letterEveryWeddingFrom;
  if (rules.letterWeddings.includes(years) || (everyFrom !== null && years >= everyFrom)) {
    actions.push({ action: 'letter', leadDays: rules.letterLeadDays });
  }
  // A visit is offered on the anniversaries that get a letter (65th, 70th, 75th …), not on the years between.
  if (actions.length > 0 && years >= rules.visitWeddingsFrom) actions.push({ action: 'visit', leadDays: rules.letterLeadDays });
  if (rules.federal.weddings.includes(years)) {
    actions.push({ action: 'notify_federal', leadDays: rules.federal.notifyLatestDays });
  }
  if (rules.land.certificateWeddings.includes(years) || rules.land.congratulationWeddings.includes(years)) {
    actions.push({ action: 'notify_land', leadDays: rules.land.leadDays });
  }
  return actions;
}

/** Whether the rules act on this birthday at all (within the BMG limits). */
export function actsOnBirthday(age: number, rules: HonourRules): boolean {
  return birthdayActions(age, rules).length > 0;
}

/** Whether the rules act on this wedding anniversary at all (within the BMG limits). */
export function actsOnWedding(years: number, rules: HonourRules): boolean {
  return weddingActions(years, rules).length > 0;
}

/** Actions per number, computed once per call. */
function actionTable(rules: HonourRules, of: (n: number, rules: HonourRules) => ActionRule[]): (n: number) => ActionRule[] {
  const cache: ActionRule[][] = [];
  return (n) => (cache[n] ??= of(n, rules));
}

// ---------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------

/** The part of the period that lies in one calendar year, as month-day bounds. */
interface YearWindow {
  year: number;
  from: number;
  to: number;
}

function yearWindows(from: number, to: number): YearWindow[] {
  const windows: YearWindow[] = [];
  const fromYear = Math.floor(from / 10000);
  const toYear = Math.floor(to / 10000);
  for (let year = fromYear; year <= toYear; year++) {
    windows.push({ year, from: year === fromYear ? from % 10000 : 101, to: year === toYear ? to % 10000 : 1231 });
  }
  return windows;
}

/**
 * month * 100 + day of "YYYY-MM-DD" read straight from the characters, without
 * validation (packedDate validates the few hits); -1 when it cannot be one.
 */
function rawMonthDay(iso: string | null | undefined): number {
  if (!iso || iso.length !== 10) return -1;
  return (iso.charCodeAt(5) - 48) * 1000 + (iso.charCodeAt(6) - 48) * 100 + (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
}

/**
 * Lookup table over month-day numbers 0…1231: 1 where a date with that month
 * and day has an anniversary in the period (29 February per the leap-day rule).
 */
function monthDaysInPeriod(windows: readonly YearWindow[], leapDay: LeapDayRule): Uint8Array {
  const table = new Uint8Array(1232);
  for (const window of windows) {
    for (let monthDay = window.from; monthDay <= window.to; monthDay++) table[monthDay] = 1;
  }
  table[229] = windows.some((w) => {
    const day = anniversaryMonthDay(229, w.year, leapDay);
    return day >= w.from && day <= w.to;
  })
    ? 1
    : 0;
  return table;
}

interface WeddingCandidate {
  record: ResidentRecord;
  date: string;
  day: number;
  years: number;
}

function coupleKey(registerId: string, year: number): string {
  return `${year}|${registerId}`;
}

interface Sortable {
  entry: JubileeEntry;
  /** The jubilee's date as year * 10000 + month * 100 + day. */
  day: number;
  first: ResidentRecord;
}

let collator: Intl.Collator | undefined;
function compareText(a: string, b: string): number {
  collator ??= new Intl.Collator('de');
  return collator.compare(a, b);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePersons(a: ResidentRecord, b: ResidentRecord): number {
  return compareText(a.surname, b.surname) || compareText(a.givenNames, b.givenNames) || compareIds(a.registerId, b.registerId);
}

/** Ranks of strings in German collation, so that sorting compares numbers. */
function collationRanks(values: Iterable<string>): Map<string, number> {
  const distinct = [...new Set(values)].sort(compareText);
  const ranks = new Map<string, number>();
  distinct.forEach((value, index) => ranks.set(value, index));
  return ranks;
}

/** Sorts by date, then by the first person (surname, given names, register id), birthdays before weddings. */
function sortEntries(found: Sortable[]): JubileeEntry[] {
  const surnames = collationRanks(found.map((s) => s.first.surname));
  const keyed = found.map((s) => ({ s, day: s.day, surname: surnames.get(s.first.surname) as number }));
  keyed.sort(
    (x, y) =>
      x.day - y.day ||
      x.surname - y.surname ||
      compareText(x.s.first.givenNames, y.s.first.givenNames) ||
      compareIds(x.s.first.registerId, y.s.first.registerId) ||
      (x.s.entry.kind === y.s.entry.kind ? 0 : x.s.entry.kind === 'birthday' ? -1 : 1),
  );
  return keyed.map((k) => k.s.entry);
}

/**
 * The jubilees between `from` and `to` (ISO dates, both inclusive; the period
 * may span a year end): only listable persons, only numbers the BMG allows and
 * the rules act on. A couple (both spouses in the input, pointing at each
 * other, same marriage date, both listable) appears once; otherwise there is
 * no wedding entry. Sorted by date, then by the first person's surname.
 */
export function jubileesInPeriod(
  residents: Iterable<ResidentRecord>,
  from: string,
  to: string,
  rules: HonourRules,
): JubileeEntry[] {
  parseIsoDate(from);
  parseIsoDate(to);
  const fromPacked = packedDate(from);
  const toPacked = packedDate(to);
  if (fromPacked < 0 || toPacked < 0) throw new RangeError(`Ungültiger Zeitraum: ${from} bis ${to}`);
  if (fromPacked > toPacked) return [];

  const windows = yearWindows(fromPacked, toPacked);
  const windowCount = windows.length;
  const leapDay = rules.leapDay;
  const birthdayActionsOf = actionTable(rules, birthdayActions);
  const weddingActionsOf = actionTable(rules, weddingActions);
  const minusDays = dueDateCalculator();
  const dueList = (date: string, actions: ActionRule[]): JubileeDue[] =>
    actions.map(({ action, leadDays }) => ({ action, by: minusDays(date, leadDays) }));

  const inPeriod = monthDaysInPeriod(windows, leapDay);
  const found: Sortable[] = [];
  const weddings = new Map<string, WeddingCandidate>();

  for (const r of residents) {
    // Cheap rejection first: most residents have neither anniversary in the period.
    const birthHit = inPeriod[rawMonthDay(r.birthDate)] === 1;
    const marriageHit = !!r.spouseRegisterId && inPeriod[rawMonthDay(r.marriageDate)] === 1;
    if ((!birthHit && !marriageHit) || !isListable(r, from)) continue;

    const born = birthHit ? packedDate(r.birthDate) : -1;
    if (born >= 0) {
      const bornYear = Math.floor(born / 10000);
      const bornDay = born % 10000;
      for (let w = 0; w < windowCount; w++) {
        const window = windows[w];
        const day = bornDay === 229 ? anniversaryMonthDay(229, window.year, leapDay) : bornDay;
        if (day < window.from || day > window.to) continue;
        const age = window.year - bornYear;
        if (age < 1) continue;
        const actions = birthdayActionsOf(age);
        if (actions.length === 0) continue;
        const date = isoOf(window.year, day);
        found.push({
          entry: { date, kind: 'birthday', number: age, label: `${age}. Geburtstag`, registerIds: [r.registerId], due: dueList(date, actions) },
          day: window.year * 10000 + day,
          first: r,
        });
      }
    }

    const married = marriageHit ? packedDate(r.marriageDate) : -1;
    if (married >= 0) {
      const marriedYear = Math.floor(married / 10000);
      const marriedDay = married % 10000;
      for (let w = 0; w < windowCount; w++) {
        const window = windows[w];
        const day = marriedDay === 229 ? anniversaryMonthDay(229, window.year, leapDay) : marriedDay;
        if (day < window.from || day > window.to) continue;
        const years = window.year - marriedYear;
        if (years < 1 || weddingActionsOf(years).length === 0) continue;
        // The spouse index holds only spouses with a jubilee in the period; a spouse
        // who is not listable never gets here, so the couple is dropped below.
        weddings.set(coupleKey(r.registerId, window.year), { record: r, date: isoOf(window.year, day), day: window.year * 10000 + day, years });
      }
    }
  }

  const paired = new Set<WeddingCandidate>();
  for (const a of weddings.values()) {
    if (paired.has(a)) continue;
    const b = weddings.get(coupleKey(a.record.spouseRegisterId as string, Math.floor(a.day / 10000)));
    if (!b || b === a || paired.has(b)) continue;
    if (b.record.spouseRegisterId !== a.record.registerId || b.record.marriageDate !== a.record.marriageDate) continue;
    paired.add(a);
    paired.add(b);
    const [first, second] = comparePersons(a.record, b.record) <= 0 ? [a.record, b.record] : [b.record, a.record];
    found.push({
      entry: {
        date: a.date,
        kind: 'wedding',
        number: a.years,
        label: weddingJubileeName(a.years),
        registerIds: [first.registerId, second.registerId],
        due: dueList(a.date, weddingActionsOf(a.years)),
      },
      day: a.day,
      first,
    });
  }

  return sortEntries(found);
}
