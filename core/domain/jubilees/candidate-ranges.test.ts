import { describe, expect, it } from 'vitest';
import { anniversaryDateRanges, honouredRuns, jubileeDateRanges, type DateRange } from './candidate-ranges';
import { jubileesInPeriod, type ResidentRecord } from './engine';
import { DEFAULT_HONOUR_RULES, honourRulesSchema, MAX_HONOUR_NUMBER } from './honour-rules';

const only = (...numbers: number[]) => numbers.map((n) => ({ from: n, to: n }));

describe('honouredRuns', () => {
  it('joins consecutive numbers; the last run is open when the number above the highest configurable one counts', () => {
    expect(honouredRuns((n) => n === 80 || n === 90 || n === 91)).toEqual([
      { from: 80, to: 80 },
      { from: 90, to: 91 },
    ]);
    expect(honouredRuns((n) => n >= 100)).toEqual([{ from: 100, to: null }]);
    expect(honouredRuns((n) => n >= 100 && n <= MAX_HONOUR_NUMBER)).toEqual([{ from: 100, to: MAX_HONOUR_NUMBER }]);
    expect(honouredRuns(() => false)).toEqual([]);
  });

  it('under the default rules: birthdays 80, 85, 90, 95 and from 100; weddings 50, 60, 65, 70, 75, 80', () => {
    const ranges = jubileeDateRanges('2026-06-01', '2026-06-30', DEFAULT_HONOUR_RULES);
    expect(ranges.births).toEqual([
      { from: null, to: '1926-06-30' },
      ...[95, 90, 85, 80].map((n) => ({ from: `${2026 - n}-06-01`, to: `${2026 - n}-06-30` })),
    ]);
    expect(ranges.marriages).toEqual([80, 75, 70, 65, 60, 50].map((n) => ({ from: `${2026 - n}-06-01`, to: `${2026 - n}-06-30` })));
  });
});

describe('anniversaryDateRanges', () => {
  it.each<[string, string, string, number[], 'feb28' | 'mar1', DateRange[]]>([
    ['a month', '2026-06-01', '2026-06-30', [80], 'feb28', [{ from: '1946-06-01', to: '1946-06-30' }]],
    ['two numbers, oldest first', '2026-06-01', '2026-06-30', [80, 90], 'feb28', [{ from: '1936-06-01', to: '1936-06-30' }, { from: '1946-06-01', to: '1946-06-30' }]],
    ['across the year end', '2026-12-15', '2027-01-15', [90], 'feb28', [{ from: '1936-12-15', to: '1937-01-15' }]],
    ['several years, neighbouring numbers joined', '2026-01-01', '2027-12-31', [100, 101], 'feb28', [{ from: '1925-01-01', to: '1927-12-31' }]],
    ['February of a common year (feb28): takes in 29 February', '2026-02-01', '2026-02-28', [90], 'feb28', [{ from: '1936-02-01', to: '1936-02-29' }]],
    ['February of a common year (mar1): leaves it out', '2026-02-01', '2026-02-28', [90], 'mar1', [{ from: '1936-02-01', to: '1936-02-28' }]],
    ['March of a common year (mar1): takes in 29 February', '2026-03-01', '2026-03-31', [90], 'mar1', [{ from: '1936-02-29', to: '1936-03-31' }]],
    ['March of a common year (feb28): leaves it out', '2026-03-01', '2026-03-31', [90], 'feb28', [{ from: '1936-03-01', to: '1936-03-31' }]],
    ['29 February of a leap year', '2028-02-29', '2028-02-29', [80], 'mar1', [{ from: '1948-02-29', to: '1948-02-29' }]],
    ['28 February of a leap year', '2028-02-28', '2028-02-28', [80], 'feb28', [{ from: '1948-02-28', to: '1948-02-28' }]],
    ['2100 is a common year', '2100-02-28', '2100-02-28', [100], 'feb28', [{ from: '2000-02-28', to: '2000-02-29' }]],
    ['December to March across a leap day', '2027-12-01', '2028-03-31', [80], 'feb28', [{ from: '1947-12-01', to: '1948-03-31' }]],
    ['reversed period', '2026-06-30', '2026-06-01', [80], 'feb28', []],
    ['no numbers', '2026-06-01', '2026-06-30', [], 'feb28', []],
  ])('%s', (_name, from, to, numbers, leapDay, expected) => {
    expect(anniversaryDateRanges(from, to, only(...numbers), leapDay)).toEqual(expected);
  });

  it('spans a run of several numbers, gives an open run no lower bound and drops what would lie before the year 0', () => {
    const runs = [{ from: 95, to: 95 }, { from: 100, to: 104 }, { from: 110, to: null }];
    expect(anniversaryDateRanges('2026-06-01', '2026-06-30', runs, 'feb28')).toEqual([
      { from: null, to: '1916-06-30' },
      { from: '1922-06-01', to: '1926-06-30' },
      { from: '1931-06-01', to: '1931-06-30' },
    ]);
    expect(anniversaryDateRanges('0120-06-01', '0130-06-30', only(125, 140), 'feb28')).toEqual([{ from: null, to: '0005-06-30' }]);
  });

  it('rejects invalid dates', () => {
    expect(() => anniversaryDateRanges('2026-02-30', '2026-03-31', only(80), 'feb28')).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------
// The ranges never leave out anybody the engine would list
// ---------------------------------------------------------------------------

function person(registerId: string, birthDate: string, marriageDate: string | null = null, spouse: string | null = null): ResidentRecord {
  return {
    registerId,
    surname: 'Muster',
    givenNames: registerId,
    birthDate,
    marriageDate,
    spouseRegisterId: spouse,
    deathDate: null,
    movedAway: false,
    objection: false,
    informationBlock: false,
    conditionalBlock: false,
    gone: false,
  };
}

/** Residents born on many days around the turn of the month and of the year, leap days included, 60–160 years before 2026; couples married 45–85 years before. */
function population(): ResidentRecord[] {
  const days = ['01-01', '01-02', '02-27', '02-28', '02-29', '03-01', '03-02', '06-15', '12-30', '12-31'];
  const people: ResidentRecord[] = [];
  for (let year = 1866; year <= 1966; year++) {
    for (const day of days) {
      const born = `${year}-${day}`;
      if (day === '02-29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) continue;
      const marriageYear = year + 20;
      const married = `${marriageYear}-${day === '02-29' ? '02-29' : day}`;
      const id = `${year}${day}`;
      people.push(person(`A${id}`, born, married, `B${id}`), person(`B${id}`, born, married, `A${id}`));
    }
  }
  return people;
}

const within = (date: string | null | undefined, ranges: DateRange[]) =>
  !!date && ranges.some((r) => (r.from === null || date >= r.from) && date <= r.to);

describe('the ranges and the engine', () => {
  const people = population();
  const periods: Array<[string, string]> = [
    ['2026-02-01', '2026-02-28'],
    ['2026-02-28', '2026-03-01'],
    ['2026-03-01', '2026-03-31'],
    ['2028-02-01', '2028-02-29'],
    ['2028-02-29', '2028-03-01'],
    ['2026-12-15', '2027-01-15'],
    ['2026-06-15', '2026-06-15'],
    ['2026-01-01', '2027-12-31'],
    ['2027-12-31', '2028-03-01'],
  ];
  const settings = {
    default: DEFAULT_HONOUR_RULES,
    mar1: honourRulesSchema.parse({ leapDay: 'mar1' }),
    generous: honourRulesSchema.parse({ letterBirthdays: [70, 75], letterEveryWeddingFrom: 50, federal: { everyBirthdayFrom: 101 } }),
  };
  it.each(Object.entries(settings).flatMap(([name, rules]) => periods.map(([from, to]) => [name, from, to, rules] as const)))(
    '%s rules, %s – %s: the same list from the residents inside the ranges as from everybody',
    (_name, from, to, rules) => {
      const everybody = jubileesInPeriod(people, from, to, rules);
      const { births, marriages } = jubileeDateRanges(from, to, rules);
      const inside = people.filter((p) => within(p.birthDate, births) || within(p.marriageDate, marriages));
      expect(everybody.length).toBeGreaterThan(0);
      expect(jubileesInPeriod(inside, from, to, rules)).toEqual(everybody);
    },
  );
});
