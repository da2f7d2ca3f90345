/**
 * The city's jubilee settings (DOMAIN.md C): which birthdays and wedding
 * anniversaries get a letter of the Oberbürgermeister, a visit offer (and by whom), and a
 * notification to the Federal President (Bundesverwaltungsamt) or to the
 * Land NRW — always within the limits of § 50 Abs. 2 BMG.
 * Pure: no I/O, no state.
 */
import { z } from 'zod';

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

const federalSchema = z.object({
  /** Single birthdays reported to the Federal President (default: 100). */
  birthdays: list('Bundespräsident, Geburtstage', [100]),
  /** Every birthday from this age is reported (default: 105). */
  everyBirthdayFrom: whole('Bundespräsident, jeder Geburtstag ab').default(105),
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
  /** Congratulations on every birthday from this age (default: 100). */
  congratulationBirthdaysFrom: whole('Land NRW, Glückwünsche ab Geburtstag').default(100),
  /** Report this many days before the day (default: 6 weeks). */
  leadDays: days('Land NRW, Tage vorher').default(42),
});

/** Who is proposed for a visit: free German text, staff may plan someone else. */
function visitor(what: string, fallback: string) {
  return z
    .string({ error: `${what}: Bitte einen Text angeben.` })
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
  /** Single birthdays with a letter of the Oberbürgermeister (default 80, 85). */
  letterBirthdays: list('Brief, Geburtstage', [80, 85]),
  /** A letter on every (BMG-allowed) birthday from this age (default 90). */
  letterEveryBirthdayFrom: whole('Brief, jeder Geburtstag ab').default(90),
  /** A visit is offered on every (BMG-allowed) birthday from this age (default 100). */
  visitBirthdaysFrom: whole('Besuch, Geburtstage ab').default(100),
  /** Wedding anniversaries with a letter (default 50, 60, 65, 70, 75). */
  // DOMAIN.md C lists 50–75; the Eichenhochzeit (80) gets a letter too: a city would not pass it over.
  letterWeddings: list('Brief, Ehejubiläen', [50, 60, 65, 70, 75, 80]),
  /** A letter on every wedding anniversary from this year on (default: none). */
  letterEveryWeddingFrom: whole('Brief, jedes Ehejubiläum ab').nullable().default(null),
  /** A visit is offered on every wedding anniversary from this year on (default 65). */
  visitWeddingsFrom: whole('Besuch, Ehejubiläen ab').default(65),
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

const BIRTHDAY_LISTS = [['letterBirthdays'], ['federal', 'birthdays']] as const;
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
 * number, birthdays first, ascending. "Every … from" thresholds give no
 * message: the engine lists only the BMG-allowed numbers above them (the
 * default "letter on every birthday from 90" means 90, 95, 100, 101, …).
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
