import { describe, expect, it } from 'vitest';
import {
  BMG_ALLOWED,
  DEFAULT_HONOUR_RULES,
  bmgAllowsBirthday,
  bmgAllowsWedding,
  honourRulesSchema,
  validateHonourRules,
  type HonourRules,
} from './honour-rules';

const birthdayMessage = (age: number) =>
  `Der ${age}. Geburtstag darf nach § 50 Abs. 2 BMG nicht aus dem Melderegister gelistet werden.`;
const weddingMessage = (years: number) =>
  `Der ${years}. Hochzeitstag darf nach § 50 Abs. 2 BMG nicht aus dem Melderegister gelistet werden.`;

/** Settings the schema would reject, merged onto the defaults by hand. */
function withDefaults(input: Partial<Omit<HonourRules, 'federal' | 'land'>> & {
  federal?: Partial<HonourRules['federal']>;
  land?: Partial<HonourRules['land']>;
}): HonourRules {
  const d = DEFAULT_HONOUR_RULES;
  return { ...d, ...input, federal: { ...d.federal, ...input.federal }, land: { ...d.land, ...input.land } };
}

describe('BMG § 50 (2) limits', () => {
  it.each([
    [0, false],
    [18, false],
    [65, false],
    [69, false],
    [70, true],
    [71, false],
    [72, false],
    [74, false],
    [75, true],
    [78, false],
    [80, true],
    [85, true],
    [90, true],
    [91, false],
    [95, true],
    [96, false],
    [99, false],
    [100, true],
    [101, true],
    [103, true],
    [107, true],
    [112, true],
    [80.5, false],
  ])('birthday %s → %s', (age, allowed) => {
    expect(bmgAllowsBirthday(age)).toBe(allowed);
    expect(BMG_ALLOWED.birthday(age)).toBe(allowed);
  });

  it.each([
    [1, false],
    [25, false],
    [40, false],
    [49, false],
    [50, true],
    [51, true],
    [55, true],
    [60, true],
    [66, true],
    [80, true],
    [50.5, false],
  ])('wedding %s → %s', (years, allowed) => {
    expect(bmgAllowsWedding(years)).toBe(allowed);
    expect(BMG_ALLOWED.wedding(years)).toBe(allowed);
  });
});

describe('default honour rules', () => {
  it('are the defaults of DOMAIN.md C', () => {
    expect(DEFAULT_HONOUR_RULES).toEqual({
      letterBirthdays: [80, 85],
      letterEveryBirthdayFrom: 90,
      visitBirthdaysFrom: 100,
      letterWeddings: [50, 60, 65, 70, 75, 80],
      letterEveryWeddingFrom: null,
      visitWeddingsFrom: 65,
      letterLeadDays: 14,
      visitors: { birthday: 'Oberbürgermeister/in oder Bürgermeister/in', wedding: 'Oberbürgermeister/in oder Bürgermeister/in' },
      federal: { birthdays: [100], everyBirthdayFrom: 105, weddings: [65, 70, 75], notifyEarliestDays: 61, notifyLatestDays: 28 },
      land: { certificateWeddings: [60], congratulationWeddings: [65, 70, 75], congratulationBirthdaysFrom: 100, leadDays: 42 },
      leapDay: 'feb28',
    });
  });

  it('equal the result of parsing an empty object and pass validation', () => {
    expect(honourRulesSchema.parse({})).toEqual(DEFAULT_HONOUR_RULES);
    expect(validateHonourRules(DEFAULT_HONOUR_RULES)).toEqual([]);
  });

  it('are frozen, so no caller changes them for everybody', () => {
    expect(Object.isFrozen(DEFAULT_HONOUR_RULES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_HONOUR_RULES.federal)).toBe(true);
    expect(Object.isFrozen(DEFAULT_HONOUR_RULES.letterBirthdays)).toBe(true);
  });

  it('keep the other defaults of a partly given group (80th wedding for the Federal President)', () => {
    const rules = honourRulesSchema.parse({ federal: { weddings: [65, 70, 75, 80] }, leapDay: 'mar1' });
    expect(rules.federal).toEqual({
      birthdays: [100],
      everyBirthdayFrom: 105,
      weddings: [65, 70, 75, 80],
      notifyEarliestDays: 61,
      notifyLatestDays: 28,
    });
    expect(rules.land.leadDays).toBe(42);
    expect(rules.leapDay).toBe('mar1');
  });
});

describe('who visits', () => {
  it('reads settings stored before the visitors existed, with the defaults', () => {
    const stored = { ...DEFAULT_HONOUR_RULES, visitors: undefined, visitBirthdaysFrom: 95 };
    const rules = honourRulesSchema.parse(JSON.parse(JSON.stringify(stored)));
    expect(rules.visitors).toEqual(DEFAULT_HONOUR_RULES.visitors);
    expect(rules.visitBirthdaysFrom).toBe(95);
  });

  it('keeps what the office wrote, trimmed, and the default of the other one', () => {
    const rules = honourRulesSchema.parse({ visitors: { wedding: '  Bezirksbürgermeister/in des Stadtbezirks ' } });
    expect(rules.visitors).toEqual({ birthday: 'Oberbürgermeister/in oder Bürgermeister/in', wedding: 'Bezirksbürgermeister/in des Stadtbezirks' });
    expect(honourRulesSchema.parse({ visitors: { birthday: '' } }).visitors.birthday).toBe('');
  });

  it('refuses a text longer than 200 characters, in German', () => {
    const parsed = honourRulesSchema.safeParse({ visitors: { birthday: 'x'.repeat(201) } });
    expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual([[['visitors', 'birthday'], 'Besuch zum Geburtstag durch: Höchstens 200 Zeichen.']]);
  });
});

describe('validation against the BMG', () => {
  it.each([
    ['letter on the 72nd birthday', { letterBirthdays: [72, 80] }, [birthdayMessage(72)]],
    ['letter on the 65th and 99th birthday', { letterBirthdays: [99, 65, 80] }, [birthdayMessage(65), birthdayMessage(99)]],
    ['Federal President on the 98th birthday', { federal: { birthdays: [98, 100] } }, [birthdayMessage(98)]],
    ['the same age twice gives one message', { letterBirthdays: [72], federal: { birthdays: [72] } }, [birthdayMessage(72)]],
    ['letter on the 25th wedding anniversary', { letterWeddings: [25, 50] }, [weddingMessage(25)]],
    ['Land certificate for the 40th', { land: { certificateWeddings: [40] } }, [weddingMessage(40)]],
    ['Land congratulations for the 49th', { land: { congratulationWeddings: [49, 65] } }, [weddingMessage(49)]],
    ['Federal President for the 45th', { federal: { weddings: [45] } }, [weddingMessage(45)]],
    [
      'birthdays before weddings, each ascending',
      { letterWeddings: [40, 25], letterBirthdays: [81, 77] },
      [birthdayMessage(77), birthdayMessage(81), weddingMessage(25), weddingMessage(40)],
    ],
    ['allowed: 70, 75, 95, 101 and the 55th wedding', { letterBirthdays: [70, 75, 95, 101], letterWeddings: [55] }, []],
    ['thresholds are intersected, not rejected', { letterEveryBirthdayFrom: 71, visitBirthdaysFrom: 91, letterEveryWeddingFrom: 30 }, []],
  ])('%s', (_name, input, messages) => {
    expect(validateHonourRules(withDefaults(input))).toEqual(messages);
    const parsed = honourRulesSchema.safeParse(input);
    expect(parsed.success).toBe(messages.length === 0);
    if (!parsed.success) expect([...new Set(parsed.error.issues.map((i) => i.message))].sort()).toEqual([...messages].sort());
  });

  it('points the schema issue at the offending list entry', () => {
    const parsed = honourRulesSchema.safeParse({ letterBirthdays: [80, 72], land: { certificateWeddings: [40] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['letterBirthdays', 1], birthdayMessage(72)],
      [['land', 'certificateWeddings', 0], weddingMessage(40)],
    ]);
  });

  it.each([
    [{ letterBirthdays: [80.5] }, 'Brief, Geburtstage: Bitte eine ganze Zahl angeben.'],
    [{ letterLeadDays: -1 }, 'Brief, Tage vorher: Die Anzahl der Tage darf nicht negativ sein.'],
    [{ visitBirthdaysFrom: 0 }, 'Besuch, Geburtstage ab: Die Zahl muss mindestens 1 sein.'],
    [{ leapDay: 'mar29' }, 'Der 29. Februar wird am 28. Februar oder am 1. März gelistet.'],
  ])('rejects malformed settings in German: %j', (input, message) => {
    const parsed = honourRulesSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([message]);
  });
});
