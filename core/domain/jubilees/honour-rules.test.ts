import { describe, expect, it } from 'vitest';
import { actsOnBirthday, actsOnWedding } from './engine';
import {
  BMG_ALLOWED,
  DEFAULT_HONOUR_RULES,
  applyHonourRulesPatch,
  bmgAllowsBirthday,
  bmgAllowsWedding,
  honourRulesPatchSchema,
  honourRulesSchema,
  upgradeStoredHonourRules,
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
      letterBirthdays: [80, 85, 90, 95],
      letterEveryBirthdayFrom: 100,
      visitBirthdays: [],
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
    const stored = { ...DEFAULT_HONOUR_RULES, visitors: undefined, visitBirthdaysFrom: 105 };
    const rules = honourRulesSchema.parse(JSON.parse(JSON.stringify(stored)));
    expect(rules.visitors).toEqual(DEFAULT_HONOUR_RULES.visitors);
    expect(rules.visitBirthdaysFrom).toBe(105);
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
    ['a visit on the 96th birthday', { visitBirthdays: [95, 96] }, [birthdayMessage(96)]],
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
    [{ letterWeddings: [0] }, 'Brief, Ehejubiläen: Die Zahl muss mindestens 1 sein.'],
    [{ letterEveryBirthdayFrom: 151 }, 'Brief, jeder Geburtstag ab: Die Zahl darf höchstens 150 sein.'],
    [{ leapDay: 'mar29' }, 'Der 29. Februar wird am 28. Februar oder am 1. März gelistet.'],
  ])('rejects malformed settings in German: %j', (input, message) => {
    const parsed = honourRulesSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([message]);
  });
});

describe('"every birthday from" starts at the 100th (§ 50 Abs. 2 BMG)', () => {
  const explained = (field: string, singles: string | null) =>
    `${field}: Jeden Geburtstag gibt das Melderegister erst ab dem 100. heraus (§ 50 Abs. 2 BMG).` +
    (singles ? ` Den 70., 75., 80., 85., 90. oder 95. Geburtstag bitte einzeln unter „${singles}“ angeben.` : '');
  const wedding = (field: string) => `${field}: Ehejubiläen gibt das Melderegister erst ab dem 50. Hochzeitstag heraus (§ 50 Abs. 2 BMG).`;

  it.each([
    ['a letter on every birthday from 90', { letterEveryBirthdayFrom: 90 }, ['letterEveryBirthdayFrom'], explained('Brief, jeder Geburtstag ab', 'Brief, Geburtstage')],
    ['… from 99', { letterEveryBirthdayFrom: 99 }, ['letterEveryBirthdayFrom'], explained('Brief, jeder Geburtstag ab', 'Brief, Geburtstage')],
    ['a visit on every birthday from 95', { visitBirthdaysFrom: 95 }, ['visitBirthdaysFrom'], explained('Besuch, jeder Geburtstag ab', 'Besuch, Geburtstage')],
    ['a visit on every birthday from 0', { visitBirthdaysFrom: 0 }, ['visitBirthdaysFrom'], explained('Besuch, jeder Geburtstag ab', 'Besuch, Geburtstage')],
    [
      'the Federal President on every birthday from 90',
      { federal: { everyBirthdayFrom: 90 } },
      ['federal', 'everyBirthdayFrom'],
      explained('Bundespräsident, jeder Geburtstag ab', 'Bundespräsident, Geburtstage'),
    ],
    [
      'the Land on every birthday from 95',
      { land: { congratulationBirthdaysFrom: 95 } },
      ['land', 'congratulationBirthdaysFrom'],
      explained('Land NRW, Glückwünsche zu jedem Geburtstag ab', null),
    ],
    ['a letter on every wedding anniversary from 30', { letterEveryWeddingFrom: 30 }, ['letterEveryWeddingFrom'], wedding('Brief, jedes Ehejubiläum ab')],
    ['a visit on the wedding anniversaries from 40', { visitWeddingsFrom: 40 }, ['visitWeddingsFrom'], wedding('Besuch, Ehejubiläen ab')],
  ])('refuses %s and says why, at the field', (_name, input, path, message) => {
    const parsed = honourRulesSchema.safeParse(input);
    expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual([[path, message]]);
  });

  it.each([
    ['every birthday from 100', { letterEveryBirthdayFrom: 100, visitBirthdaysFrom: 100 }],
    ['every birthday from 103', { letterEveryBirthdayFrom: 103, federal: { everyBirthdayFrom: 103 }, land: { congratulationBirthdaysFrom: 101 } }],
    ['every wedding anniversary from 50', { letterEveryWeddingFrom: 50, visitWeddingsFrom: 50 }],
  ])('accepts %s', (_name, input) => {
    expect(honourRulesSchema.safeParse(input).success).toBe(true);
  });

  it('the defaults name no birthday the register may not give out: 80, 85, 90, 95 singly, every one from 100', () => {
    const acted = Array.from({ length: 120 }, (_, age) => age).filter((age) => actsOnBirthday(age, DEFAULT_HONOUR_RULES));
    expect(acted.filter((age) => age < 100)).toEqual([80, 85, 90, 95]);
    expect(DEFAULT_HONOUR_RULES.letterEveryBirthdayFrom).toBe(100);
  });
});

describe('settings stored by earlier versions', () => {
  /** Settings as the old form saved them: everything, with a threshold below 100. */
  const old = (change: object) => JSON.parse(JSON.stringify({ ...DEFAULT_HONOUR_RULES, letterBirthdays: [80, 85], ...change }));
  const readOld = (change: object) => honourRulesSchema.parse(upgradeStoredHonourRules(old(change)));

  it('turn "every birthday from 90" into the single ages 90 and 95 and "every birthday from 100"', () => {
    const rules = readOld({ letterEveryBirthdayFrom: 90 });
    expect([rules.letterBirthdays, rules.letterEveryBirthdayFrom]).toEqual([[80, 85, 90, 95], 100]);
  });

  it.each([
    ['a letter from 71', { letterEveryBirthdayFrom: 71 }],
    ['a letter from 90', { letterEveryBirthdayFrom: 90 }],
    ['a letter from 95, a visit from 91', { letterEveryBirthdayFrom: 95, visitBirthdaysFrom: 91 }],
    ['a visit from 70', { visitBirthdaysFrom: 70 }],
    ['the Federal President from 90', { federal: { ...DEFAULT_HONOUR_RULES.federal, everyBirthdayFrom: 90 } }],
    ['letters on every wedding anniversary from 30, visits from 40', { letterEveryWeddingFrom: 30, visitWeddingsFrom: 40 }],
  ])('keep their meaning: %s', (_name, change) => {
    const stored = old(change) as HonourRules;
    const rules = readOld(change);
    // What the old engine did with the stored settings: the numbers the BMG allows at or above each threshold.
    const oldBirthday = (age: number) =>
      bmgAllowsBirthday(age) &&
      (stored.letterBirthdays.includes(age) || age >= stored.letterEveryBirthdayFrom || age >= stored.visitBirthdaysFrom ||
        stored.federal.birthdays.includes(age) || age >= stored.federal.everyBirthdayFrom || age >= stored.land.congratulationBirthdaysFrom);
    const ages = Array.from({ length: 151 }, (_, n) => n);
    expect(ages.filter((age) => actsOnBirthday(age, rules))).toEqual(ages.filter(oldBirthday));
    expect(ages.filter((years) => actsOnWedding(years, rules))).toEqual(
      ages.filter((years) => bmgAllowsWedding(years) && (stored.letterWeddings.includes(years) || (stored.letterEveryWeddingFrom !== null && years >= stored.letterEveryWeddingFrom) ||
        stored.federal.weddings.includes(years) || stored.land.certificateWeddings.includes(years) || stored.land.congratulationWeddings.includes(years))),
    );
  });

  it('leave settings of today as they are, and what is not an object to the schema', () => {
    const today = JSON.parse(JSON.stringify(DEFAULT_HONOUR_RULES));
    expect(upgradeStoredHonourRules(today)).toEqual(today);
    expect(upgradeStoredHonourRules(null)).toBeNull();
    expect(upgradeStoredHonourRules(undefined)).toBeUndefined();
  });
});

describe('changing some of the settings', () => {
  it('an empty change changes nothing', () => {
    const rules = honourRulesSchema.parse({ letterBirthdays: [70, 80], federal: { weddings: [65, 70, 75, 80] }, leapDay: 'mar1' });
    const patch = honourRulesPatchSchema.parse({});
    expect(patch).toEqual({});
    expect(applyHonourRulesPatch(rules, patch)).toEqual(rules);
  });

  it('replaces what it names, a list as a whole, and keeps the rest of a group', () => {
    const patch = honourRulesPatchSchema.parse({ letterBirthdays: [75], federal: { notifyLatestDays: 35 }, letterEveryWeddingFrom: null });
    const changed = applyHonourRulesPatch({ ...DEFAULT_HONOUR_RULES, letterEveryWeddingFrom: 70 }, patch);
    expect(changed).toEqual({ ...DEFAULT_HONOUR_RULES, letterBirthdays: [75], letterEveryWeddingFrom: null, federal: { ...DEFAULT_HONOUR_RULES.federal, notifyLatestDays: 35 } });
  });

  it.each([
    [{ letterBirthday: [80] }, [[[], 'Die Ehrungsordnung kennt die Angabe „letterBirthday“ nicht.']]],
    [{ federal: { weddings: [65], ages: [1], x: 2 } }, [[['federal'], 'Die Ehrungsordnung (Bundespräsident) kennt die Angaben „ages“, „x“ nicht.']]],
    [{ land: 5 }, [[['land'], 'Die Ehrungsordnung (Land NRW) erwartet eine Gruppe von Angaben.']]],
    [{ letterLeadDays: -3 }, [[['letterLeadDays'], 'Brief, Tage vorher: Die Anzahl der Tage darf nicht negativ sein.']]],
    [{ letterEveryBirthdayFrom: 90 }, [[['letterEveryBirthdayFrom'], expect.stringContaining('erst ab dem 100.')]]],
  ])('refuses %j in German', (input, issues) => {
    const parsed = honourRulesPatchSchema.safeParse(input);
    expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual(issues);
  });
});
