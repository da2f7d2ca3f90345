/**
 * The city's jubilee settings (DOMAIN.md C): which birthdays and wedding
 * anniversaries get a letter of the Oberbürgermeister, a visit offer (and by whom), and a
 * notification to the Federal President (Bundesverwaltungsamt) or to the
 * Land NRW — always within the limits of § 50 Abs. 2 BMG.
 * Pure: no I/O, no state.
 */
import { z } from 'zod';
import { cleanSingleLine } from '../text/control-characters';

// ---------------------------------------------------------------------------
// BMG § 50 (2): what the register may list at all
// ---------------------------------------------------------------------------

/** Birthdays the BMG allows: 70, 75, 80, 85, 90, 95 and every birthday from 100. */
export function bmgAllowsBirthday(age: number): boolean {
  if (!Number.isInteger(age)) return false;
  if (age >= 100) return true;
  return age >= 70 && age % 5 === 0;
}

/** Wedding anniversaries the BMG allows: the 50th and every one after. */
export function bmgAllowsWedding(years: number): boolean {
  return Number.isInteger(years) && years >= 50;
}

/** The limits of § 50 Abs. 2 BMG. */
export const BMG_ALLOWED = Object.freeze({
  birthday: bmgAllowsBirthday,
  wedding: bmgAllowsWedding,
});

/** The first age from which the BMG allows every birthday (below it only 70, 75, … 95). */
export const BMG_EVERY_BIRTHDAY_FROM = 100;
/** The first wedding anniversary the BMG allows; every one after it is allowed too. */
export const BMG_EVERY_WEDDING_FROM = 50;

// ---------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------

/** The highest age or year of marriage a setting may name; above it every rule acts alike. */
export const MAX_HONOUR_NUMBER = 150;

function whole(what: string) {
  return z
    .number({ error: `${what}: Bitte eine Zahl angeben.` })
    .int({ error: `${what}: Bitte eine ganze Zahl angeben.` })
    .min(1, { error: `${what}: Die Zahl muss mindestens 1 sein.` })
    .max(MAX_HONOUR_NUMBER, { error: `${what}: Die Zahl darf höchstens ${MAX_HONOUR_NUMBER} sein.` });
}

function days(what: string) {
  return z
    .number({ error: `${what}: Bitte eine Zahl angeben.` })
    .int({ error: `${what}: Bitte eine ganze Zahl angeben.` })
    .min(0, { error: `${what}: Die Anzahl der Tage darf nicht negativ sein.` })
    .max(366, { error: `${what}: Höchstens 366 Tage.` });
}

function list(what: string, fallback: readonly number[]) {
  return z.array(whole(what)).default(() => [...fallback]);
}

/**
 * "Every birthday from …": the BMG allows every birthday only from the 100th, so a
 * threshold below it would promise ages the register never gives out (a 96th
 * birthday). The message says where the single ages 70 … 95 are set instead.
 */
function everyBirthdayFrom(what: string, singleAges: string | null) {
  const instead = singleAges ? ` Den 70., 75., 80., 85., 90. oder 95. Geburtstag bitte einzeln unter „${singleAges}“ angeben.` : '';
  return z
    .number({ error: `${what}: Bitte eine Zahl angeben.` })
    .int({ error: `${what}: Bitte eine ganze Zahl angeben.` })
    .min(BMG_EVERY_BIRTHDAY_FROM, {
      error: `${what}: Jeden Geburtstag gibt das Melderegister erst ab dem ${BMG_EVERY_BIRTHDAY_FROM}. heraus (§ 50 Abs. 2 BMG).${instead}`,
    })
    .max(MAX_HONOUR_NUMBER, { error: `${what}: Die Zahl darf höchstens ${MAX_HONOUR_NUMBER} sein.` });
}

/** "Every wedding anniversary from …": the BMG allows them from the 50th. */
function everyWeddingFrom(what: string) {
  return z
    .number({ error: `${what}: Bitte eine Zahl angeben.` })
    .int({ error: `${what}: Bitte eine ganze Zahl angeben.` })
    .min(BMG_EVERY_WEDDING_FROM, {
      error: `${what}: Ehejubiläen gibt das Melderegister erst ab dem ${BMG_EVERY_WEDDING_FROM}. Hochzeitstag heraus (§ 50 Abs. 2 BMG).`,
    })
    .max(MAX_HONOUR_NUMBER, { error: `${what}: Die Zahl darf höchstens ${MAX_HONOUR_NUMBER} sein.` });
}

const federalSchema = z.object({
  /** Single birthdays reported to the Federal President (default: 100). */
  birthdays: list('Bundespräsident, Geburtstage', [100]),
  /** Every birthday from this age is reported (default: 105; never below 100). */
  everyBirthdayFrom: everyBirthdayFrom('Bundespräsident, jeder Geburtstag ab', 'Bundespräsident, Geburtstage').default(105),
  /** Wedding anniversaries reported (default 65, 70, 75; some sources also 80 — add it here). */
  weddings: list('Bundespräsident, Ehejubiläen', [65, 70, 75]),
  /** Not earlier than this many days before the day (≈ 2 months). */
  notifyEarliestDays: days('Bundespräsident, frühestens Tage vorher').default(61),
  /** At least this many days before the day (4 weeks). */
  notifyLatestDays: days('Bundespräsident, spätestens Tage vorher').default(28),
});

const landSchema = z.object({
  /** Certificate of the Regierungspräsident/in (default: 60th wedding anniversary). */
  certificateWeddings: list('Land NRW, Urkunde zum Ehejubiläum', [60]),
  /** Congratulations of the Ministerpräsident/in (default: 65, 70, 75). */
  congratulationWeddings: list('Land NRW, Glückwünsche zum Ehejubiläum', [65, 70, 75]),
  /** Congratulations on every birthday from this age (default: 100; never below 100). */
  congratulationBirthdaysFrom: everyBirthdayFrom('Land NRW, Glückwünsche zu jedem Geburtstag ab', null).default(100),
  /** Report this many days before the day (default: 6 weeks). */
  leadDays: days('Land NRW, Tage vorher').default(42),
});

/** Who is proposed for a visit: free German text, staff may plan someone else. */
function visitor(what: string, fallback: string) {
  return z
    .string({ error: `${what}: Bitte einen Text angeben.` })
    .overwrite(cleanSingleLine)
    .trim()
    .max(200, { error: `${what}: Höchstens 200 Zeichen.` })
    .default(fallback);
}

const visitorsSchema = z.object({
  /** Birthday visits (DOMAIN.md C: the Oberbürgermeister or a Bürgermeister). */
  birthday: visitor('Besuch zum Geburtstag durch', 'Oberbürgermeister/in oder Bürgermeister/in'),
  /** Wedding anniversary visits. */
  wedding: visitor('Besuch zum Ehejubiläum durch', 'Oberbürgermeister/in oder Bürgermeister/in'),
});

const honourRulesObject = z.object({
  /** Single birthdays with a letter of the Oberbürgermeister (default 80, 85, 90, 95). */
  letterBirthdays: list('Brief, Geburtstage', [80, 85, 90, 95]),
  /** A letter on every birthday from this age (default 100; never below 100). */
  letterEveryBirthdayFrom: everyBirthdayFrom('Brief, jeder Geburtstag ab', 'Brief, Geburtstage').default(100),
  /** Single birthdays with a visit offer (default none). */
  visitBirthdays: list('Besuch, Geburtstage', []),
  /** A visit is offered on every birthday from this age (default 100; never below 100). */
  visitBirthdaysFrom: everyBirthdayFrom('Besuch, jeder Geburtstag ab', 'Besuch, Geburtstage').default(100),
  /** Wedding anniversaries with a letter (default 50, 60, 65, 70, 75). */
  // DOMAIN.md C lists 50–75; the Eichenhochzeit (80) gets a letter too: a city would not pass it over.
  letterWeddings: list('Brief, Ehejubiläen', [50, 60, 65, 70, 75, 80]),
  /** A letter on every wedding anniversary from this year on (default: none). */
  letterEveryWeddingFrom: everyWeddingFrom('Brief, jedes Ehejubiläum ab').nullable().default(null),
  /** A visit is offered on the anniversaries with a letter from this year on (default 65). */
  visitWeddingsFrom: everyWeddingFrom('Besuch, Ehejubiläen ab').default(65),
  /** Letters (and visit offers) are due this many days before the day (default 14). */
  letterLeadDays: days('Brief, Tage vorher').default(14),
  /** Who is proposed for the visits (settings stored before this existed get the defaults). */
  visitors: visitorsSchema.prefault({}),
  federal: federalSchema.prefault({}),
  land: landSchema.prefault({}),
  /** 29 February in a common year: listed on 28 February (default) or 1 March. */
  leapDay: z.enum(['feb28', 'mar1'], { error: 'Der 29. Februar wird am 28. Februar oder am 1. März gelistet.' }).default('feb28'),
});

export type HonourRules = z.output<typeof honourRulesObject>;

// ---------------------------------------------------------------------------
// Validation against the BMG
// ---------------------------------------------------------------------------

const BMG_SUFFIX = 'darf nach § 50 Abs. 2 BMG nicht aus dem Melderegister gelistet werden.';

function birthdayMessage(age: number): string {
  return `Der ${age}. Geburtstag ${BMG_SUFFIX}`;
}

function weddingMessage(years: number): string {
  return `Der ${years}. Hochzeitstag ${BMG_SUFFIX}`;
}

/** One setting that asks for a number the BMG does not allow. */
interface BmgViolation {
  kind: 'birthday' | 'wedding';
  number: number;
  path: (string | number)[];
  message: string;
}

const BIRTHDAY_LISTS = [['letterBirthdays'], ['visitBirthdays'], ['federal', 'birthdays']] as const;
const WEDDING_LISTS = [
  ['letterWeddings'],
  ['federal', 'weddings'],
  ['land', 'certificateWeddings'],
  ['land', 'congratulationWeddings'],
] as const;

function listAt(rules: HonourRules, path: readonly string[]): readonly unknown[] {
  let value: unknown = rules;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(value) ? value : [];
}

function bmgViolations(rules: HonourRules): BmgViolation[] {
  const found: BmgViolation[] = [];
  const scan = (kind: BmgViolation['kind'], paths: readonly (readonly string[])[]) => {
    const allows = kind === 'birthday' ? bmgAllowsBirthday : bmgAllowsWedding;
    const message = kind === 'birthday' ? birthdayMessage : weddingMessage;
    for (const path of paths) {
      listAt(rules, path).forEach((n, index) => {
        // Non-numbers and fractions are the schema's business, not the BMG's.
        if (typeof n === 'number' && Number.isInteger(n) && n > 0 && !allows(n)) {
          found.push({ kind, number: n, path: [...path, index], message: message(n) });
        }
      });
    }
  };
  scan('birthday', BIRTHDAY_LISTS);
  scan('wedding', WEDDING_LISTS);
  return found;
}

/**
 * German messages for every explicitly configured birthday or wedding
 * anniversary that § 50 Abs. 2 BMG does not allow: one message per distinct
 * number, birthdays first, ascending. "Every … from" thresholds are checked by
 * the schema itself: never below the 100th birthday or the 50th anniversary.
 */
export function validateHonourRules(rules: HonourRules): string[] {
  const violations = bmgViolations(rules);
  const distinct = (kind: BmgViolation['kind']) =>
    [...new Set(violations.filter((v) => v.kind === kind).map((v) => v.number))].sort((a, b) => a - b);
  return [...distinct('birthday').map(birthdayMessage), ...distinct('wedding').map(weddingMessage)];
}

/**
 * The settings, with defaults. Rejects ages and years the BMG does not allow
 * (the issue's path points at the offending list entry).
 */
export const honourRulesSchema = honourRulesObject.superRefine((rules, ctx) => {
  for (const { path, message } of bmgViolations(rules)) {
    ctx.addIssue({ code: 'custom', message, path });
  }
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The defaults of DOMAIN.md C (deeply frozen; parse a copy to change them). */
export const DEFAULT_HONOUR_RULES: HonourRules = deepFreeze(honourRulesSchema.parse({}));

// ---------------------------------------------------------------------------
// Settings stored by earlier versions
// ---------------------------------------------------------------------------

/** Each "every birthday from" threshold and, beside it, the list of single ages that takes what lies below 100. */
const BIRTHDAY_THRESHOLDS: ReadonlyArray<{ path: readonly string[]; singles: string | null }> = [
  { path: ['letterEveryBirthdayFrom'], singles: 'letterBirthdays' },
  { path: ['visitBirthdaysFrom'], singles: 'visitBirthdays' },
  { path: ['federal', 'everyBirthdayFrom'], singles: 'birthdays' },
  { path: ['land', 'congratulationBirthdaysFrom'], singles: null },
];
const WEDDING_THRESHOLDS: ReadonlyArray<readonly string[]> = [['letterEveryWeddingFrom'], ['visitWeddingsFrom']];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object holding the last key of `path`, and that key's whole-number value (null: none). */
function thresholdAt(root: Json, path: readonly string[]): { holder: Json; key: string; value: number } | null {
  const holder = path.length === 1 ? root : root[path[0]];
  const key = path[path.length - 1];
  if (!isObject(holder)) return null;
  const value = holder[key];
  return typeof value === 'number' && Number.isInteger(value) ? { holder, key, value } : null;
}

/**
 * Settings as earlier versions stored them, in today's form and with the same meaning.
 * They allowed "every birthday from 90", which listed 90, 95, 100, 101, … (the engine
 * left out what the BMG forbids); today such a threshold starts at 100 and the ages
 * below it are single entries: 90 becomes the single ages 90 and 95 plus "every
 * birthday from 100". Wedding thresholds below the 50th become 50 (the same list).
 * The Land congratulates from the 100th birthday only: a lower stored threshold
 * becomes 100. Anything else is left for the schema to judge.
 */
export function upgradeStoredHonourRules(stored: unknown): unknown {
  if (!isObject(stored)) return stored;
  const upgraded = structuredClone(stored);
  for (const { path, singles } of BIRTHDAY_THRESHOLDS) {
    const found = thresholdAt(upgraded, path);
    if (!found || found.value >= BMG_EVERY_BIRTHDAY_FROM) continue;
    const { holder, key, value } = found;
    holder[key] = BMG_EVERY_BIRTHDAY_FROM;
    if (!singles) continue;
    const below: number[] = [];
    for (let age = Math.max(value, 1); age < BMG_EVERY_BIRTHDAY_FROM; age++) if (bmgAllowsBirthday(age)) below.push(age);
    const current = holder[singles];
    const existing = Array.isArray(current) ? current : listAt(DEFAULT_HONOUR_RULES, [...path.slice(0, -1), singles]);
    const numbers = existing.filter((n): n is number => typeof n === 'number');
    holder[singles] = [...existing.filter((n) => typeof n !== 'number'), ...[...new Set([...numbers, ...below])].sort((a, b) => a - b)];
  }
  for (const path of WEDDING_THRESHOLDS) {
    const found = thresholdAt(upgraded, path);
    if (found && found.value < BMG_EVERY_WEDDING_FROM) found.holder[found.key] = BMG_EVERY_WEDDING_FROM;
  }
  return upgraded;
}

// ---------------------------------------------------------------------------
// Changing some of the settings
// ---------------------------------------------------------------------------

/** A change to some settings: what it leaves out stays as it is; a group (visitors, federal, land) may name some of its fields. */
export type HonourRulesPatch = {
  [K in keyof HonourRules]?: HonourRules[K] extends readonly unknown[] | string | number | null ? HonourRules[K] : Partial<HonourRules[K]>;
};

const GROUP_NAMES: Record<string, string> = { visitors: 'Besuche', federal: 'Bundespräsident', land: 'Land NRW' };

/** The same fields and checks, each optional and without its default; unknown names refused in German. */
function patchOf(object: z.ZodObject, group?: string): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(object.shape)) {
    let inner = field as z.ZodType;
    while (inner instanceof z.ZodDefault || inner instanceof z.ZodPrefault) inner = inner.unwrap() as z.ZodType;
    if (inner instanceof z.ZodObject) inner = patchOf(inner, GROUP_NAMES[key] ?? key);
    shape[key] = inner.optional();
  }
  const where = group ? ` (${group})` : '';
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Die Ehrungsordnung${where} kennt ${issue.keys.length === 1 ? 'die Angabe' : 'die Angaben'} ${issue.keys.map((k) => `„${k}“`).join(', ')} nicht.`
        : issue.code === 'invalid_type'
          ? `Die Ehrungsordnung${where} erwartet eine Gruppe von Angaben.`
          : undefined,
  });
}

/**
 * Input of a change: any subset of the settings (an empty object changes nothing).
 * Names the settings do not know are refused; the limits of the BMG apply to the
 * result (see `applyHonourRulesPatch`, then `honourRulesSchema`).
 */
export const honourRulesPatchSchema = patchOf(honourRulesObject) as unknown as z.ZodType<HonourRulesPatch, HonourRulesPatch>;

/** The settings with a change applied: named fields replaced (lists as a whole), the rest kept. */
export function applyHonourRulesPatch(rules: HonourRules, patch: HonourRulesPatch): HonourRules {
  const defined = <T extends object>(part: T) => Object.fromEntries(Object.entries(part).filter(([, value]) => value !== undefined)) as Partial<T>;
  const { visitors, federal, land, ...flat } = patch;
  return {
    ...rules,
    ...defined(flat),
    visitors: { ...rules.visitors, ...defined(visitors ?? {}) },
    federal: { ...rules.federal, ...defined(federal ?? {}) },
    land: { ...rules.land, ...defined(land ?? {}) },
  };
}
