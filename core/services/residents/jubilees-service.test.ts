import { afterEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../api';
import { jubileesInPeriod, type ResidentRecord } from '../../domain/jubilees/engine';
import { DEFAULT_HONOUR_RULES, honourRulesSchema, type HonourRules } from '../../domain/jubilees/honour-rules';
import { createTempApp } from '../../../tests/support/temp-app';

/**
 * The list reads only the residents born (married) in the date ranges of the honoured
 * ages (searched with the indexes on the dates). Checked against the engine over everybody
 * stored.
 */

interface Stored extends ResidentRecord {
  district: string;
}

const DAYS = ['01-01', '02-27', '02-28', '02-29', '03-01', '06-15', '12-31'];
const DISTRICTS = ['Mitte', 'Süd', 'Homberg'];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Couples and single people born 1866–1966 on days around month ends, 29 February and the year end; some of them blocked, deceased, moved away or gone. */
function population(): Stored[] {
  const people: Stored[] = [];
  let serial = 0;
  const add = (fields: Partial<Stored> & { birthDate: string }) => {
    serial += 1;
    const person: Stored = {
      registerId: `R${serial}`,
      surname: ['Groß', 'Maier', 'Özdemir'][serial % 3],
      givenNames: `Vorname${serial}`,
      marriageDate: null,
      spouseRegisterId: null,
      deathDate: null,
      movedAway: false,
      objection: false,
      informationBlock: false,
      conditionalBlock: false,
      gone: false,
      district: DISTRICTS[serial % 3],
      ...fields,
    };
    people.push(person);
    return person;
  };
  for (let year = 1866; year <= 1966; year++) {
    for (const day of DAYS) {
      if (day === '02-29' && !isLeap(year)) continue;
      const birthDate = `${year}-${day}`;
      add({ birthDate });
      const marriageYear = year + 22;
      const marriageDate = day === '02-29' && !isLeap(marriageYear) ? `${marriageYear}-02-28` : `${marriageYear}-${day}`;
      const a = add({ birthDate, marriageDate });
      const b = add({ birthDate: `${year + 1}-06-15`, marriageDate });
      a.spouseRegisterId = b.registerId;
      b.spouseRegisterId = a.registerId;
      b.district = a.district;
      // Now and then: a block, a death, a move, gone, a spouse in another district, another marriage date.
      const odd = (year * 7 + DAYS.indexOf(day)) % 11;
      if (odd === 1) b.objection = true;
      if (odd === 2) a.informationBlock = true;
      if (odd === 3) b.conditionalBlock = true;
      if (odd === 4) a.deathDate = '2020-01-01';
      if (odd === 5) b.movedAway = true;
      if (odd === 6) a.gone = true;
      if (odd === 7) b.district = DISTRICTS[(DISTRICTS.indexOf(a.district) + 1) % 3];
      if (odd === 8) b.marriageDate = `${marriageYear - 1}-${day === '02-29' ? '03-01' : day}`;
    }
  }
  return people;
}

function store(app: ReturnType<typeof createTempApp>, people: readonly Stored[]): void {
  const insert = app.db.$client.prepare(
    `insert into residents (register_id, surname, given_names, gender, birth_date, district, marriage_date,
       spouse_register_id, death_date, moved_away, objection, information_block, conditional_block, gone, row_hash, import_id, updated_at)
     values (?, ?, ?, 'female', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'x', 1, 'x')`,
  );
  app.db.transaction(() => {
    for (const p of people) {
      insert.run(
        p.registerId, p.surname, p.givenNames, p.birthDate, p.district, p.marriageDate,
        p.spouseRegisterId, p.deathDate, +p.movedAway, +p.objection, +p.informationBlock, +p.conditionalBlock, +p.gone,
      );
    }
  });
}

const PERIODS: Array<[string, string]> = [
  ['2026-02-01', '2026-02-28'],
  ['2026-03-01', '2026-03-31'],
  ['2028-02-01', '2028-02-29'],
  ['2026-12-15', '2027-01-15'],
  ['2026-06-01', '2026-06-30'],
  ['2026-01-01', '2027-12-31'],
];
const RULES: Record<string, HonourRules> = {
  default: honourRulesSchema.parse({}),
  mar1: honourRulesSchema.parse({ leapDay: 'mar1' }),
  generous: honourRulesSchema.parse({ letterBirthdays: [70, 75], letterEveryWeddingFrom: 50, federal: { everyBirthdayFrom: 101 } }),
};

/** What the engine lists from everybody stored (a couple only when both live in the district). */
function expected(people: readonly Stored[], from: string, to: string, rules: HonourRules, district?: string) {
  const inDistrict = new Map(people.map((p) => [p.registerId, p.district]));
  return jubileesInPeriod(people, from, to, rules)
    .filter((e) => !district || e.registerIds.every((id) => inDistrict.get(id) === district))
    .map((e) => [e.date, e.kind, e.number, e.registerIds.join('+'), e.due.map((d) => `${d.action}:${d.by}`).join(' ')]);
}

async function listed(app: ReturnType<typeof createTempApp>, from: string, to: string, district?: string) {
  const { entries } = await call(app.handlers, 'jubilees.list', { from, to, district });
  return entries.map((e) => [e.date, e.kind, e.number, e.persons.map((p) => p.registerId).join('+'), e.due.map((d) => `${d.action}:${d.by}`).join(' ')]);
}

let app: ReturnType<typeof createTempApp> | undefined;
afterEach(() => app?.cleanup());

describe('jubilees.list', () => {
  it('lists what the engine lists from everybody stored, for every period, rule set and district', async () => {
    const people = population();
    app = createTempApp();
    store(app, people);
    let compared = 0;
    for (const [name, rules] of Object.entries(RULES)) {
      await call(app.handlers, 'jubilees.rules.update', rules);
      for (const [from, to] of PERIODS) {
        for (const district of [undefined, 'Süd']) {
          const want = expected(people, from, to, rules, district);
          expect(await listed(app, from, to, district), `${name} ${from}–${to} ${district ?? ''}`).toEqual(want);
          compared += want.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});

describe('jubilees.rules.update', () => {
  const custom = { letterBirthdays: [70, 80, 90], visitors: { wedding: 'Bezirksbürgermeister/in' }, federal: { weddings: [65, 70, 75, 80] }, leapDay: 'mar1' as const };

  it('changes nothing it does not name: an empty update keeps the rules', async () => {
    app = createTempApp();
    const saved = await call(app.handlers, 'jubilees.rules.update', custom);
    expect(await call(app.handlers, 'jubilees.rules.update', {})).toEqual(saved);
    expect(await call(app.handlers, 'jubilees.rules.get', {})).toEqual(saved);
    expect(saved).toMatchObject({ letterBirthdays: [70, 80, 90], leapDay: 'mar1' });
  });

  it('changes only what it names, also inside a group', async () => {
    app = createTempApp();
    const saved = await call(app.handlers, 'jubilees.rules.update', custom);
    const changed = await call(app.handlers, 'jubilees.rules.update', { federal: { notifyLatestDays: 35 }, visitors: { birthday: 'Oberbürgermeisterin' } });
    expect(changed).toEqual({ ...saved, federal: { ...saved.federal, notifyLatestDays: 35 }, visitors: { birthday: 'Oberbürgermeisterin', wedding: 'Bezirksbürgermeister/in' } });
  });

  it('refuses names it does not know, and what the BMG forbids, and keeps the rules', async () => {
    app = createTempApp();
    const saved = await call(app.handlers, 'jubilees.rules.update', custom);
    const unknown = await dispatch(app.handlers, 'jubilees.rules.update', { letterBirthday: [75] });
    expect(unknown.ok ? null : unknown.error.message).toContain('Die Ehrungsordnung kennt die Angabe „letterBirthday“ nicht.');
    const every90 = await dispatch(app.handlers, 'jubilees.rules.update', { letterEveryBirthdayFrom: 90 });
    expect(every90.ok ? null : every90.error.message).toContain('Jeden Geburtstag gibt das Melderegister erst ab dem 100. heraus (§ 50 Abs. 2 BMG).');
    const illegal = await dispatch(app.handlers, 'jubilees.rules.update', { letterBirthdays: [72] });
    expect(illegal.ok ? null : illegal.error.message).toContain('Der 72. Geburtstag darf nach § 50 Abs. 2 BMG nicht aus dem Melderegister gelistet werden.');
    expect(await call(app.handlers, 'jubilees.rules.get', {})).toEqual(saved);
  });

  it('reads rules an earlier version stored ("every birthday from 90") with the same meaning', async () => {
    app = createTempApp();
    const old = { ...JSON.parse(JSON.stringify(DEFAULT_HONOUR_RULES)), letterBirthdays: [80, 85], letterEveryBirthdayFrom: 90 };
    app.db.$client.prepare("insert into settings (key, value, updated_at) values ('honourRules', ?, 'x')").run(JSON.stringify(old));
    const rules = await call(app.handlers, 'jubilees.rules.get', {});
    expect([rules.letterBirthdays, rules.letterEveryBirthdayFrom]).toEqual([[80, 85, 90, 95], 100]);
    // Not the defaults in disguise: what the office set stays.
    app.db.$client.prepare("update settings set value = ? where key = 'honourRules'").run(JSON.stringify({ ...old, letterBirthdays: [75], letterLeadDays: 21 }));
    expect(await call(app.handlers, 'jubilees.rules.get', {})).toMatchObject({ letterBirthdays: [75, 90, 95], letterLeadDays: 21 });
  });
});
