import { describe, expect, it } from 'vitest';
import { anniversaryIn, isListable, jubileesInPeriod, type JubileeDue, type JubileeEntry, type ResidentRecord } from './engine';
import { DEFAULT_HONOUR_RULES, honourRulesSchema, type HonourRules } from './honour-rules';

let serial = 0;
function resident(fields: Partial<ResidentRecord> & { birthDate: string }): ResidentRecord {
  serial += 1;
  return {
    registerId: `R${serial}`,
    surname: 'Muster',
    givenNames: 'Erika',
    marriageDate: null,
    spouseRegisterId: null,
    deathDate: null,
    movedAway: false,
    objection: false,
    informationBlock: false,
    conditionalBlock: false,
    gone: false,
    ...fields,
  };
}

const rules = (input: object): HonourRules => honourRulesSchema.parse(input);

/** Due dates written out by hand for 15 June 2026 (birthdays) and 8 May 2026 (weddings). */
const DUE_15_JUNE_2026: Record<string, JubileeDue> = {
  L: { action: 'letter', by: '2026-06-01' },
  V: { action: 'visit', by: '2026-06-01' },
  F: { action: 'notify_federal', by: '2026-05-18' },
  N: { action: 'notify_land', by: '2026-05-04' },
};
const DUE_8_MAY_2026: Record<string, JubileeDue> = {
  L: { action: 'letter', by: '2026-04-24' },
  V: { action: 'visit', by: '2026-04-24' },
  F: { action: 'notify_federal', by: '2026-04-10' },
  N: { action: 'notify_land', by: '2026-03-27' },
};

describe('isListable', () => {
  const base = resident({ birthDate: '1946-06-15' });
  it.each([
    ['nothing recorded', {}, true],
    ['objection (§ 50 Abs. 5 BMG)', { objection: true }, false],
    ['information block (§ 51 BMG)', { informationBlock: true }, false],
    ['conditional block (§ 52 BMG)', { conditionalBlock: true }, false],
    ['died before the day', { deathDate: '2026-01-03' }, false],
    ['died on the day', { deathDate: '2026-06-01' }, false],
    ['death date after the day (any death date counts)', { deathDate: '2026-07-01' }, false],
    ['moved away', { movedAway: true }, false],
    ['no longer in the extract', { gone: true }, false],
    ['empty death date', { deathDate: '' }, true],
  ])('%s → %s', (_name, change, listable) => {
    expect(isListable({ ...base, ...change }, '2026-06-01')).toBe(listable);
  });
});

describe('anniversaryIn', () => {
  it.each([
    ['1950-12-31', 2026, 'feb28', '2026-12-31'],
    ['1950-01-01', 2027, 'mar1', '2027-01-01'],
    ['1936-02-29', 2026, 'feb28', '2026-02-28'],
    ['1936-02-29', 2026, 'mar1', '2026-03-01'],
    ['1936-02-29', 2028, 'feb28', '2028-02-29'],
    ['1936-02-29', 2028, 'mar1', '2028-02-29'],
    ['2000-02-29', 2100, 'feb28', '2100-02-28'],
    ['2000-02-29', 2100, 'mar1', '2100-03-01'],
    ['1904-02-29', 2000, 'feb28', '2000-02-29'],
    ['1936-02-28', 2026, 'mar1', '2026-02-28'],
    ['1936-03-01', 2026, 'feb28', '2026-03-01'],
  ] as const)('%s in %i (%s) → %s', (date, year, leapDay, expected) => {
    expect(anniversaryIn(date, year, leapDay)).toBe(expected);
  });

  it.each(['1937-02-29', '1936-13-01', '1936-00-00', '29.02.1936', ''])('rejects %j', (date) => {
    expect(() => anniversaryIn(date, 2026, 'feb28')).toThrow(RangeError);
  });
});

describe('birthdays 69–112 under the default rules (15 June 2026)', () => {
  it.each([
    [69, ''],
    [70, ''],
    [71, ''],
    [72, ''],
    [73, ''],
    [74, ''],
    [75, ''],
    [76, ''],
    [77, ''],
    [78, ''],
    [79, ''],
    [80, 'L'],
    [81, ''],
    [82, ''],
    [83, ''],
    [84, ''],
    [85, 'L'],
    [86, ''],
    [87, ''],
    [88, ''],
    [89, ''],
    [90, 'L'],
    [91, ''],
    [92, ''],
    [93, ''],
    [94, ''],
    [95, 'L'],
    [96, ''],
    [97, ''],
    [98, ''],
    [99, ''],
    [100, 'LVFN'],
    [101, 'LVN'],
    [102, 'LVN'],
    [103, 'LVN'],
    [104, 'LVN'],
    [105, 'LVFN'],
    [106, 'LVFN'],
    [107, 'LVFN'],
    [108, 'LVFN'],
    [109, 'LVFN'],
    [110, 'LVFN'],
    [111, 'LVFN'],
    [112, 'LVFN'],
  ])('%i → %j', (age, actions) => {
    const person = resident({ registerId: 'P1', birthDate: `${2026 - age}-06-15` });
    const entries = jubileesInPeriod([person], '2026-06-01', '2026-06-30', DEFAULT_HONOUR_RULES);
    if (actions === '') {
      expect(entries).toEqual([]);
      return;
    }
    expect(entries).toEqual([
      {
        date: '2026-06-15',
        kind: 'birthday',
        number: age,
        label: `${age}. Geburtstag`,
        registerIds: ['P1'],
        due: [...actions].map((code) => DUE_15_JUNE_2026[code]),
      },
    ]);
  });
});

describe('birthdays under other settings', () => {
  it.each([
    ['letters on 70 and 75', { letterBirthdays: [70, 75, 80, 85] }, 70, ['letter']],
    ['letters on 70 and 75', { letterBirthdays: [70, 75, 80, 85] }, 75, ['letter']],
    ['every allowed age singly', { letterBirthdays: [70, 75, 80, 85, 90, 95] }, 95, ['letter']],
    ['a visit on the 95th', { visitBirthdays: [95] }, 95, ['letter', 'visit']],
    ['a visit on the 95th, not on the 96th', { visitBirthdays: [95] }, 96, []],
    ['visits from 102', { visitBirthdaysFrom: 102 }, 101, ['letter', 'notify_land']],
    ['no letters before 100', { letterBirthdays: [], letterEveryBirthdayFrom: 100 }, 90, []],
    ['Federal President also on 101', { federal: { birthdays: [100, 101] } }, 101, ['letter', 'visit', 'notify_federal', 'notify_land']],
    ['Land from 105', { land: { congratulationBirthdaysFrom: 105 } }, 101, ['letter', 'visit']],
  ])('%s: age %i → %j', (_name, input, age, actions) => {
    const person = resident({ birthDate: `${2026 - age}-06-15` });
    const entries = jubileesInPeriod([person], '2026-06-15', '2026-06-15', rules(input));
    expect(entries.flatMap((e) => e.due.map((d) => d.action))).toEqual(actions);
  });

  // The schema refuses such settings; the engine still never lists what the BMG forbids.
  it.each([
    ['every birthday from 70', { letterEveryBirthdayFrom: 70 }, 72],
    ['a visit on every birthday from 95', { visitBirthdaysFrom: 95 }, 96],
    ['the Federal President from 90', { federal: { ...DEFAULT_HONOUR_RULES.federal, everyBirthdayFrom: 90 } }, 91],
  ])('unchecked settings (%s) still list only what the BMG allows: nothing on the %i. birthday', (_name, change, age) => {
    const person = resident({ birthDate: `${2026 - age}-06-15` });
    expect(jubileesInPeriod([person], '2026-06-15', '2026-06-15', { ...DEFAULT_HONOUR_RULES, ...change })).toEqual([]);
  });

  it('uses the configured lead times', () => {
    const person = resident({ registerId: 'P1', birthDate: '1926-06-15' });
    const [entry] = jubileesInPeriod(
      [person],
      '2026-06-01',
      '2026-06-30',
      rules({ letterLeadDays: 21, federal: { notifyLatestDays: 35 }, land: { leadDays: 56 } }),
    );
    expect(entry.due).toEqual([
      { action: 'letter', by: '2026-05-25' },
      { action: 'visit', by: '2026-05-25' },
      { action: 'notify_federal', by: '2026-05-11' },
      { action: 'notify_land', by: '2026-04-20' },
    ]);
  });
});

describe('29 February', () => {
  it.each([
    ['common year, feb28, February', '1936-02-29', '2026-02-01', '2026-02-28', 'feb28', '2026-02-28', 90],
    ['common year, mar1, February', '1936-02-29', '2026-02-01', '2026-02-28', 'mar1', null, 0],
    ['common year, mar1, March', '1936-02-29', '2026-03-01', '2026-03-31', 'mar1', '2026-03-01', 90],
    ['common year, feb28, March', '1936-02-29', '2026-03-01', '2026-03-31', 'feb28', null, 0],
    ['common year, feb28, 28 Feb – 1 Mar', '1936-02-29', '2026-02-28', '2026-03-01', 'feb28', '2026-02-28', 90],
    ['common year, mar1, 28 Feb – 1 Mar', '1936-02-29', '2026-02-28', '2026-03-01', 'mar1', '2026-03-01', 90],
    ['leap year, feb28', '1948-02-29', '2028-02-01', '2028-02-29', 'feb28', '2028-02-29', 80],
    ['leap year, mar1', '1948-02-29', '2028-02-01', '2028-02-29', 'mar1', '2028-02-29', 80],
    ['leap year, mar1, March only', '1948-02-29', '2028-03-01', '2028-03-31', 'mar1', null, 0],
    ['leap year, feb28, 28 February only', '1948-02-29', '2028-02-28', '2028-02-28', 'feb28', null, 0],
    ['2100 is a common year', '2000-02-29', '2100-02-01', '2100-02-28', 'feb28', '2100-02-28', 100],
    ['born 28 February, mar1 changes nothing', '1926-02-28', '2026-02-28', '2026-02-28', 'mar1', '2026-02-28', 100],
    ['born 1 March, feb28 changes nothing', '1946-03-01', '2026-03-01', '2026-03-01', 'feb28', '2026-03-01', 80],
  ] as const)('%s', (_name, birthDate, from, to, leapDay, date, age) => {
    const person = resident({ birthDate });
    const entries = jubileesInPeriod([person], from, to, rules({ leapDay }));
    expect(entries.map((e) => [e.date, e.number])).toEqual(date === null ? [] : [[date, age]]);
  });

  it('lists the 90th birthday on 28.02.2026 with the letter due on 14.02.2026', () => {
    const person = resident({ registerId: 'L1', birthDate: '1936-02-29' });
    expect(jubileesInPeriod([person], '2026-02-01', '2026-02-28', DEFAULT_HONOUR_RULES)).toEqual([
      { date: '2026-02-28', kind: 'birthday', number: 90, label: '90. Geburtstag', registerIds: ['L1'], due: [{ action: 'letter', by: '2026-02-14' }] },
    ]);
  });

  it.each([
    ['feb28', '2026-02-28'],
    ['mar1', '2026-03-01'],
  ] as const)('a wedding on 29.02.1976 has its golden anniversary in 2026 (%s) on %s', (leapDay, date) => {
    const a = resident({ registerId: 'A', surname: 'Adam', birthDate: '1950-07-07', marriageDate: '1976-02-29', spouseRegisterId: 'B' });
    const b = resident({ registerId: 'B', surname: 'Adam', birthDate: '1951-07-07', marriageDate: '1976-02-29', spouseRegisterId: 'A' });
    const entries = jubileesInPeriod([a, b], '2026-02-15', '2026-03-15', rules({ leapDay }));
    expect(entries.map((e) => [e.date, e.label])).toEqual([[date, 'Goldene Hochzeit']]);
  });
});

describe('a period across the year end', () => {
  it('lists December and January of the next year, in date order', () => {
    const residents = [
      resident({ registerId: 'Z1', surname: 'Zimmermann', birthDate: '1947-01-10' }), // 80 on 2027-01-10
      resident({ registerId: 'B1', surname: 'Becker', birthDate: '1937-01-10' }), // 90 on 2027-01-10
      resident({ registerId: 'K1', surname: 'Klein', birthDate: '1946-12-20' }), // 80 on 2026-12-20
      resident({ registerId: 'X1', surname: 'Früh', birthDate: '1946-12-10' }), // before the period
      resident({ registerId: 'X2', surname: 'Spät', birthDate: '1947-01-20' }), // after the period
      resident({ registerId: 'X3', surname: 'Jung', birthDate: '1947-12-20' }), // 79 in 2026
      resident({ registerId: 'X4', surname: 'Alt', birthDate: '1946-01-10' }), // 81 in 2027
    ];
    expect(jubileesInPeriod(residents, '2026-12-15', '2027-01-15', DEFAULT_HONOUR_RULES)).toEqual([
      { date: '2026-12-20', kind: 'birthday', number: 80, label: '80. Geburtstag', registerIds: ['K1'], due: [{ action: 'letter', by: '2026-12-06' }] },
      { date: '2027-01-10', kind: 'birthday', number: 90, label: '90. Geburtstag', registerIds: ['B1'], due: [{ action: 'letter', by: '2026-12-27' }] },
      { date: '2027-01-10', kind: 'birthday', number: 80, label: '80. Geburtstag', registerIds: ['Z1'], due: [{ action: 'letter', by: '2026-12-27' }] },
    ]);
  });

  it('lists the 29 February of a leap year inside a period from December to March', () => {
    const person = resident({ birthDate: '1948-02-29' });
    expect(jubileesInPeriod([person], '2027-12-01', '2028-03-31', rules({ leapDay: 'mar1' })).map((e) => e.date)).toEqual(['2028-02-29']);
  });

  it('lists every jubilee of a period of several years', () => {
    const residents = [
      resident({ registerId: 'P1', surname: 'Peters', birthDate: '1946-07-01' }),
      resident({ registerId: 'C1', surname: 'Cramer', birthDate: '1962-03-03', marriageDate: '1971-09-01', spouseRegisterId: 'C2' }),
      resident({ registerId: 'C2', surname: 'Cramer', birthDate: '1962-04-04', marriageDate: '1971-09-01', spouseRegisterId: 'C1' }),
    ];
    expect(jubileesInPeriod(residents, '2026-01-01', '2031-12-31', DEFAULT_HONOUR_RULES).map((e) => [e.date, e.label])).toEqual([
      ['2026-07-01', '80. Geburtstag'],
      ['2031-07-01', '85. Geburtstag'],
      ['2031-09-01', 'Diamantene Hochzeit'],
    ]);
  });
});

describe('weddings 50–80 under the default rules (8 May 2026)', () => {
  it.each([
    [50, 'Goldene Hochzeit', 'L'],
    [51, null, ''],
    [52, null, ''],
    [53, null, ''],
    [54, null, ''],
    [55, null, ''],
    [56, null, ''],
    [57, null, ''],
    [58, null, ''],
    [59, null, ''],
    [60, 'Diamantene Hochzeit', 'LN'],
    [61, null, ''],
    [62, null, ''],
    [63, null, ''],
    [64, null, ''],
    [65, 'Eiserne Hochzeit', 'LVFN'],
    [66, null, ''],
    [67, null, ''],
    [68, null, ''],
    [69, null, ''],
    [70, 'Gnadenhochzeit', 'LVFN'],
    [71, null, ''],
    [72, null, ''],
    [73, null, ''],
    [74, null, ''],
    [75, 'Kronjuwelenhochzeit', 'LVFN'],
    [76, null, ''],
    [77, null, ''],
    [78, null, ''],
    [79, null, ''],
    [80, 'Eichenhochzeit', 'LV'],
  ])('%i years → %s', (years, label, actions) => {
    const marriageDate = `${2026 - years}-05-08`;
    const couple = [
      resident({ registerId: 'H1', surname: 'Hoffmann', givenNames: 'Karl', birthDate: '1925-11-11', marriageDate, spouseRegisterId: 'H2' }),
      resident({ registerId: 'H2', surname: 'Hoffmann', givenNames: 'Gertrud', birthDate: '1927-10-10', marriageDate, spouseRegisterId: 'H1' }),
    ];
    const entries = jubileesInPeriod(couple, '2026-05-01', '2026-05-31', DEFAULT_HONOUR_RULES);
    if (label === null) {
      expect(entries).toEqual([]);
      return;
    }
    expect(entries).toEqual([
      {
        date: '2026-05-08',
        kind: 'wedding',
        number: years,
        label,
        registerIds: ['H2', 'H1'],
        due: [...actions].map((code) => DUE_8_MAY_2026[code]),
      },
    ]);
  });

  it.each([
    ['80th reported to the Federal President', { federal: { weddings: [65, 70, 75, 80] } }, 80, ['letter', 'visit', 'notify_federal']],
    ['a letter on every anniversary from 50', { letterEveryWeddingFrom: 50 }, 55, ['letter']],
    ['visits only from 70', { visitWeddingsFrom: 70 }, 66, []],
    ['no Land certificate', { land: { certificateWeddings: [] } }, 60, ['letter']],
  ])('%s: %i years → %j', (_name, input, years, actions) => {
    const marriageDate = `${2026 - years}-05-08`;
    const couple = [
      resident({ registerId: 'H1', birthDate: '1925-11-11', marriageDate, spouseRegisterId: 'H2' }),
      resident({ registerId: 'H2', birthDate: '1927-10-10', marriageDate, spouseRegisterId: 'H1' }),
    ];
    const entries = jubileesInPeriod(couple, '2026-05-08', '2026-05-08', rules(input));
    expect(entries.flatMap((e) => e.due.map((d) => d.action))).toEqual(actions);
  });

  it('never lists the silver wedding (BMG)', () => {
    const couple = [
      resident({ registerId: 'H1', birthDate: '1970-11-11', marriageDate: '2001-05-08', spouseRegisterId: 'H2' }),
      resident({ registerId: 'H2', birthDate: '1972-10-10', marriageDate: '2001-05-08', spouseRegisterId: 'H1' }),
    ];
    expect(jubileesInPeriod(couple, '2026-05-01', '2026-05-31', { ...DEFAULT_HONOUR_RULES, letterEveryWeddingFrom: 1 })).toEqual([]);
  });
});

describe('couples', () => {
  const weber = () =>
    resident({ registerId: 'W1', surname: 'Weber', givenNames: 'Hans', birthDate: '1950-01-10', marriageDate: '1976-05-08', spouseRegisterId: 'A1' });
  const abel = () =>
    resident({ registerId: 'A1', surname: 'Abel', givenNames: 'Maria', birthDate: '1952-02-11', marriageDate: '1976-05-08', spouseRegisterId: 'W1' });
  const golden: JubileeEntry = {
    date: '2026-05-08',
    kind: 'wedding',
    number: 50,
    label: 'Goldene Hochzeit',
    registerIds: ['A1', 'W1'],
    due: [{ action: 'letter', by: '2026-04-24' }],
  };

  it.each<[string, (w: ResidentRecord, a: ResidentRecord) => ResidentRecord[], JubileeEntry[]]>([
    ['both listable → one entry, ordered by surname', (w, a) => [w, a], [golden]],
    ['input in the other order → the same entry', (w, a) => [a, w], [golden]],
    ['Abel has died', (w, a) => [w, { ...a, deathDate: '2025-11-02' }], []],
    ['Weber has died', (w, a) => [{ ...w, deathDate: '2026-05-01' }, a], []],
    ['Abel has moved away', (w, a) => [w, { ...a, movedAway: true }], []],
    ['Abel has an objection', (w, a) => [w, { ...a, objection: true }], []],
    ['Weber has an information block', (w, a) => [{ ...w, informationBlock: true }, a], []],
    ['Abel has a conditional block', (w, a) => [w, { ...a, conditionalBlock: true }], []],
    ['Abel is no longer in the extract', (w, a) => [w, { ...a, gone: true }], []],
    ['Abel is missing from the input', (w) => [w], []],
    ['Abel points at somebody else', (w, a) => [w, { ...a, spouseRegisterId: 'X9' }], []],
    ['Abel has no spouse recorded', (w, a) => [w, { ...a, spouseRegisterId: null }], []],
    ['different marriage dates', (w, a) => [w, { ...a, marriageDate: '1977-05-08' }], []],
    ['no marriage date at all', (w, a) => [{ ...w, marriageDate: null }, { ...a, marriageDate: null }], []],
  ])('%s', (_name, build, expected) => {
    expect(jubileesInPeriod(build(weber(), abel()), '2026-05-01', '2026-05-31', DEFAULT_HONOUR_RULES)).toEqual(expected);
  });

  it('orders spouses with the same surname by given names', () => {
    const couple = [
      resident({ registerId: 'S1', surname: 'Schmitz', givenNames: 'Peter', birthDate: '1950-01-10', marriageDate: '1976-05-08', spouseRegisterId: 'S2' }),
      resident({ registerId: 'S2', surname: 'Schmitz', givenNames: 'Anna', birthDate: '1952-02-11', marriageDate: '1976-05-08', spouseRegisterId: 'S1' }),
    ];
    expect(jubileesInPeriod(couple, '2026-05-01', '2026-05-31', DEFAULT_HONOUR_RULES).map((e) => e.registerIds)).toEqual([['S2', 'S1']]);
  });

  it('keeps the birthday of the surviving spouse', () => {
    const widower = resident({ ...weber(), birthDate: '1946-05-20' });
    const deceased = { ...abel(), deathDate: '2025-11-02' };
    expect(jubileesInPeriod([widower, deceased], '2026-05-01', '2026-05-31', DEFAULT_HONOUR_RULES)).toEqual([
      { date: '2026-05-20', kind: 'birthday', number: 80, label: '80. Geburtstag', registerIds: ['W1'], due: [{ action: 'letter', by: '2026-05-06' }] },
    ]);
  });
});

describe('objections between two imports', () => {
  const kaiser = (objection: boolean) => resident({ registerId: 'K1', surname: 'Kaiser', birthDate: '1946-05-15', objection });
  const couple = (objection: boolean) => [
    resident({ registerId: 'W1', surname: 'Weber', birthDate: '1950-01-10', marriageDate: '1976-05-08', spouseRegisterId: 'A1' }),
    resident({ registerId: 'A1', surname: 'Abel', birthDate: '1952-02-11', marriageDate: '1976-05-08', spouseRegisterId: 'W1', objection }),
  ];

  it.each([
    ['first import: no objections', [kaiser(false), ...couple(false)], [['2026-05-08', 'Goldene Hochzeit'], ['2026-05-15', '80. Geburtstag']]],
    ['second import: Kaiser objects', [kaiser(true), ...couple(false)], [['2026-05-08', 'Goldene Hochzeit']]],
    ['third import: Abel objects as well', [kaiser(true), ...couple(true)], []],
  ])('%s', (_name, residents, expected) => {
    expect(jubileesInPeriod(residents, '2026-05-01', '2026-05-31', DEFAULT_HONOUR_RULES).map((e) => [e.date, e.label])).toEqual(expected);
  });
});

describe('order and robustness', () => {
  it('sorts by date, then by the first person (surname in German collation, given names)', () => {
    const residents = [
      resident({ registerId: 'Z', surname: 'Zander', birthDate: '1946-05-10' }),
      resident({ registerId: 'Ö', surname: 'Özdemir', birthDate: '1946-05-10' }),
      resident({ registerId: 'O', surname: 'Oster', birthDate: '1936-05-10' }),
      resident({ registerId: 'E', surname: 'Early', birthDate: '1946-05-09' }),
      resident({ registerId: 'M2', surname: 'Meyer', givenNames: 'Ute', birthDate: '1926-05-10', marriageDate: '1976-05-10', spouseRegisterId: 'M1' }),
      resident({ registerId: 'M1', surname: 'Meyer', givenNames: 'Jan', birthDate: '1950-01-01', marriageDate: '1976-05-10', spouseRegisterId: 'M2' }),
    ];
    expect(jubileesInPeriod(residents, '2026-05-01', '2026-05-31', DEFAULT_HONOUR_RULES).map((e) => [e.date, e.registerIds.join('+'), e.label])).toEqual([
      ['2026-05-09', 'E', '80. Geburtstag'],
      ['2026-05-10', 'M1+M2', 'Goldene Hochzeit'], // Meyer, Jan
      ['2026-05-10', 'M2', '100. Geburtstag'], // Meyer, Ute
      ['2026-05-10', 'O', '90. Geburtstag'],
      ['2026-05-10', 'Ö', '80. Geburtstag'],
      ['2026-05-10', 'Z', '80. Geburtstag'],
    ]);
  });

  it.each(['1936-00-00', '1936-06-00', '', '15.06.1946', '1937-02-29'])('skips the incomplete birth date %j', (birthDate) => {
    expect(jubileesInPeriod([resident({ birthDate })], '2026-01-01', '2026-12-31', DEFAULT_HONOUR_RULES)).toEqual([]);
  });

  it('returns nothing for an empty or reversed period, rejects invalid dates', () => {
    const person = resident({ birthDate: '1946-06-15' });
    expect(jubileesInPeriod([], '2026-06-01', '2026-06-30', DEFAULT_HONOUR_RULES)).toEqual([]);
    expect(jubileesInPeriod([person], '2026-06-30', '2026-06-01', DEFAULT_HONOUR_RULES)).toEqual([]);
    expect(() => jubileesInPeriod([person], '2026-02-29', '2026-03-31', DEFAULT_HONOUR_RULES)).toThrow(RangeError);
  });

  it('reads the residents in one pass (a generator is enough)', () => {
    function* residents() {
      yield resident({ registerId: 'G1', birthDate: '1946-06-15' });
    }
    expect(jubileesInPeriod(residents(), '2026-06-01', '2026-06-30', DEFAULT_HONOUR_RULES).map((e) => e.registerIds)).toEqual([['G1']]);
  });
});

