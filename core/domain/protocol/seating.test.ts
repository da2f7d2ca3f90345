import { describe, expect, it } from 'vitest';
import type { Person } from '../../api/schemas/addressing';
import { seatLayout, seatPositionLabel } from '../../api/schemas/visits';
import { ROLE_CATALOGUE, roleMap } from '../addressing';
import { proposeSeating, seatOrder, type SeatingOptions, type SeatingPerson } from './seating';

// Expected plans are written out by hand from the rule at the top of seating.ts.

const roles = roleMap(ROLE_CATALOGUE);
let nextId = 1;

function person(label: string, role: string | undefined, side: 'gast' | 'gastgeber', more: Partial<SeatingPerson> & { language?: Person['language'] } = {}): SeatingPerson {
  const { language, ...rest } = more;
  return {
    id: nextId++,
    label,
    side,
    person: { gender: 'female', surname: label, ...(role ? { role } : {}), ...(language ? { language } : {}) },
    ...rest,
  };
}
const guest = (label: string, role?: string, more: Partial<SeatingPerson> & { language?: Person['language'] } = {}) => person(label, role, 'gast', more);
const host = (label: string, role?: string, more: Partial<SeatingPerson> = {}) => person(label, role, 'gastgeber', more);

/** Labels per table, seat by seat ('' for an empty seat). */
const labels = (result: ReturnType<typeof proposeSeating>) => result.tables.map((t) => t.seats.map((s) => s.label));

const ob = () => host('OB', 'oberbuergermeister');
const bm = () => host('BM', 'buergermeister');

interface Case {
  name: string;
  people: () => SeatingPerson[];
  tables: Array<{ name: string; seats: number }>;
  options?: SeatingOptions;
  expected: string[][];
  unseated?: string[];
  notes?: RegExp[];
}

const cases: Case[] = [
  {
    name: 'one table, no co-host: guest of highest precedence to the host’s right, second to the left, alternating outwards',
    people: () => [guest('Rat', 'ratsmitglied'), guest('MdL', 'mdl'), ob(), guest('Minister', 'landesminister'), guest('Konsul', 'generalkonsul'), guest('MdB', 'mdb')],
    tables: [{ name: 'Tisch 1', seats: 6 }],
    // order of seats: 1, 5, 2, 4, 3
    expected: [['OB', 'Minister', 'MdL', 'Rat', 'Konsul', 'MdB']],
  },
  {
    name: 'the guest of honour sits to the host’s right whatever the office',
    people: () => [ob(), guest('Minister', 'landesminister'), guest('Lord Mayor', 'lord_mayor', { honour: true }), guest('MdB', 'mdb')],
    tables: [{ name: 'Tafel', seats: 4 }],
    // 4 seats: 1, 3, 2
    expected: [['OB', 'Lord Mayor', 'MdB', 'Minister']],
  },
  {
    name: 'co-host opposite the host: host right, co-host right, host left, co-host left, then one further out',
    people: () => [ob(), bm(), guest('G1', 'ministerpraesident'), guest('G2', 'landesminister'), guest('G3', 'botschafter'), guest('G4', 'mdb'), guest('G5', 'mdl'), guest('G6', 'generalkonsul')],
    tables: [{ name: 'Tafel', seats: 8 }],
    // foot 4; order 1, 5, 7, 3, 2, 6
    expected: [['OB', 'G1', 'G5', 'G4', 'BM', 'G2', 'G6', 'G3']],
  },
  {
    name: 'no co-host at a table of fewer than four seats: the deputy is seated by rank',
    people: () => [bm(), ob(), guest('Lord Mayor', 'lord_mayor')],
    tables: [{ name: 'Tisch', seats: 3 }],
    expected: [['OB', 'Lord Mayor', 'BM']],
  },
  {
    name: 'several tables: the highest-ranked at the head table; the third of the hosting side hosts the second table',
    people: () => [
      guest('Maire', 'maire'),
      host('Beigeordnete', 'beigeordneter'),
      ob(),
      guest('Lord Mayor', 'lord_mayor'),
      bm(),
      guest('Konsul', 'generalkonsul'),
      guest('Pfarrer', 'pfarrer'),
      guest('Privat'),
    ],
    tables: [
      { name: 'Tisch 1', seats: 4 },
      { name: 'Tisch 2', seats: 4 },
    ],
    // Head: OB 0, BM 2 (foot), order 1, 3. Table 2: Beigeordnete 0, order 1, 3, 2.
    // Lord Mayor and Maire both 95, both foreign: list order (Maire first).
    expected: [
      ['OB', 'Maire', 'BM', 'Lord Mayor'],
      ['Beigeordnete', 'Konsul', 'Privat', 'Pfarrer'],
    ],
    notes: [],
  },
  {
    name: 'a table without a host of its own: its highest-ranked person at the head',
    people: () => [ob(), guest('A', 'mdb'), guest('B', 'mdl'), guest('C', 'ratsmitglied'), guest('D', 'pfarrer'), guest('E')],
    tables: [
      { name: 'Tisch 1', seats: 3 },
      { name: 'Tisch 2', seats: 3 },
    ],
    // Table 2 order: 0, 1, 2.
    expected: [
      ['OB', 'A', 'B'],
      ['D', 'C', 'E'],
    ],
  },
  {
    name: 'same precedence: the foreign office holder first',
    people: () => [ob(), guest('Bürgermeisterin Duisburg', 'buergermeister'), guest('Deputy Mayor', 'buergermeister', { language: 'en' })],
    tables: [{ name: 'Tisch', seats: 3 }],
    expected: [['OB', 'Deputy Mayor', 'Bürgermeisterin Duisburg']],
  },
  {
    name: 'same precedence: a guest before a member of the hosting side',
    people: () => [ob(), bm(), host('BM 2', 'buergermeister'), guest('Gast-BM', 'buergermeister')],
    tables: [{ name: 'Tisch', seats: 3 }],
    options: { coHost: false },
    expected: [['OB', 'Gast-BM', 'BM']],
    unseated: ['BM 2'],
    notes: [/Zu wenige Plätze: eine Person hat keinen Platz \(BM 2\)\./],
  },
  {
    name: 'persons without a role after all office holders, in list order',
    people: () => [guest('Ohne 1'), ob(), guest('Ohne 2'), guest('Rat', 'ratsmitglied')],
    tables: [{ name: 'Tisch', seats: 4 }],
    // 1, 3, 2
    expected: [['OB', 'Rat', 'Ohne 2', 'Ohne 1']],
  },
  {
    name: 'empty seats are the far ones',
    people: () => [ob(), guest('A', 'mdb'), guest('B', 'mdl')],
    tables: [{ name: 'Tisch', seats: 6 }],
    expected: [['OB', 'A', '', '', '', 'B']],
  },
  {
    name: 'a person listed twice is seated once',
    people: () => {
      const a = guest('A', 'mdb');
      return [ob(), a, { ...a }, guest('B', 'mdl')];
    },
    tables: [{ name: 'Tisch', seats: 4 }],
    expected: [['OB', 'A', '', 'B']],
  },
  {
    name: 'nobody of the hosting side: the highest-ranked guest at the head, with a note',
    people: () => [guest('Rat', 'ratsmitglied'), guest('Minister', 'landesminister'), guest('MdB', 'mdb')],
    tables: [{ name: 'Tisch', seats: 3 }],
    expected: [['Minister', 'MdB', 'Rat']],
    notes: [/Niemand ist als Gastgeber\/in eingetragen/],
  },
  {
    name: 'without co-host option the deputy is seated by rank',
    people: () => [ob(), bm(), guest('MdB', 'mdb')],
    tables: [{ name: 'Tisch', seats: 4 }],
    options: { coHost: false },
    expected: [['OB', 'MdB', '', 'BM']],
  },
];

describe('proposeSeating', () => {
  it.each(cases)('$name', (c) => {
    const result = proposeSeating(c.people(), c.tables, roles, c.options);
    expect(labels(result)).toEqual(c.expected);
    expect(result.tables.map((t) => t.name)).toEqual(c.tables.map((t) => t.name));
    expect(result.unseated.map((s) => s.label)).toEqual(c.unseated ?? []);
    if (c.notes) {
      expect(result.notes).toHaveLength(c.notes.length);
      c.notes.forEach((pattern, i) => expect(result.notes[i]).toMatch(pattern));
    }
  });
});

/** Seat indexes where partners sit side by side (around the table). */
function neighbouringCouples(result: ReturnType<typeof proposeSeating>, people: SeatingPerson[]): string[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const found: string[] = [];
  for (const table of result.tables) {
    const n = table.seats.length;
    for (let s = 0; s < n; s++) {
      const a = byId.get(table.seats[s]!.contactId ?? -1);
      const b = byId.get(table.seats[(s + 1) % n]!.contactId ?? -1);
      if (a && b && a !== b && (a.partnerId === b.id || b.partnerId === a.id)) found.push(`${a.label}+${b.label}`);
    }
  }
  return found;
}

describe('couples are not seated side by side', () => {
  it('moves the lower-ranked partner one place further out', () => {
    const ob1 = ob();
    const minister = guest('Minister', 'landesminister');
    const spouse = guest('Ehemann Minister', undefined, { partnerId: minister.id });
    minister.partnerId = spouse.id;
    const people = [ob1, minister, spouse, guest('MdB', 'mdb'), guest('MdL', 'mdl'), guest('Rat', 'ratsmitglied')];
    // Six seats, by rank alone: Minister 1, MdB 5, MdL 2, Rat 4, Ehemann 3 — not neighbours, nothing moves.
    const plain = proposeSeating(people, [{ name: 'Tisch', seats: 6 }], roles);
    expect(neighbouringCouples(plain, people)).toEqual([]);

    // A table of four: Minister 1, MdB 3, then the spouse at 2, beside the minister.
    const small = [ob1, minister, spouse, guest('MdB', 'mdb')];
    const withRule = proposeSeating(small, [{ name: 'Tisch', seats: 4 }], roles);
    const without = proposeSeating(small, [{ name: 'Tisch', seats: 4 }], roles, { separateCouples: false });
    expect(labels(without)).toEqual([['OB', 'Minister', 'Ehemann Minister', 'MdB']]);
    expect(neighbouringCouples(without, small)).toEqual(['Minister+Ehemann Minister']);
    // The spouse changes with the MdB (the next seat in the order); the minister keeps the seat of honour.
    expect(labels(withRule)).toEqual([['OB', 'Minister', 'MdB', 'Ehemann Minister']]);
    expect(neighbouringCouples(withRule, small)).toEqual([]);
    expect(withRule.notes).toEqual([]);
  });

  it('separates a couple of guests at a long table with a co-host; nobody else moves further than needed', () => {
    const lordMayor = guest('Lord Mayor', 'lord_mayor', { honour: true });
    const consort = guest('Consort', undefined, { partnerId: lordMayor.id });
    lordMayor.partnerId = consort.id;
    const councillor = guest('Councillor', 'ratsmitglied', { language: 'en' });
    const wife = guest('Wife', undefined, { partnerId: councillor.id });
    councillor.partnerId = wife.id;
    const people = [ob(), bm(), lordMayor, guest('MdB', 'mdb'), guest('MdL', 'mdl'), councillor, consort, wife];
    // Order of the seats 1, 5, 7, 3, 2, 6: the consort (5th) would sit at 2, beside the Lord Mayor.
    const without = proposeSeating(people, [{ name: 'Tafel', seats: 8 }], roles, { separateCouples: false });
    expect(labels(without)).toEqual([['OB', 'Lord Mayor', 'Consort', 'Councillor', 'BM', 'MdB', 'Wife', 'MdL']]);
    expect(neighbouringCouples(without, people)).toEqual(['Lord Mayor+Consort']);
    // Changing with the wife (one further out) would put her beside her husband; so the consort
    // changes with the councillor (one further in).
    const result = proposeSeating(people, [{ name: 'Tafel', seats: 8 }], roles);
    expect(labels(result)).toEqual([['OB', 'Lord Mayor', 'Councillor', 'Consort', 'BM', 'MdB', 'Wife', 'MdL']]);
    expect(neighbouringCouples(result, people)).toEqual([]);
    expect(result.notes).toEqual([]);
  });

  it('names a couple that no change of seats can separate', () => {
    const a = guest('A', 'mdb');
    const b = guest('B', undefined, { partnerId: a.id });
    a.partnerId = b.id;
    const result = proposeSeating([ob(), a, b], [{ name: 'Tisch 1', seats: 3 }], roles);
    expect(labels(result)).toEqual([['OB', 'A', 'B']]);
    expect(result.notes).toEqual(['Tisch 1: A und B sitzen nebeneinander – kein anderer Platz an diesem Tisch trennt sie.']);
  });

  it('partners at different tables or opposite each other are fine', () => {
    const hostA = ob();
    const hostB = host('Ehemann OB', undefined, { partnerId: hostA.id });
    hostA.partnerId = hostB.id;
    const result = proposeSeating([hostA, hostB, guest('G', 'mdb')], [{ name: 'Tisch', seats: 4 }], roles);
    expect(labels(result)).toEqual([['OB', 'G', 'Ehemann OB', '']]);
    expect(result.notes).toEqual([]);
  });
});

describe('seatOrder', () => {
  it.each([
    [2, true, false, [1]],
    [3, true, false, [1, 2]],
    [6, true, false, [1, 5, 2, 4, 3]],
    [5, true, true, [1, 3, 4]],
    [6, true, true, [1, 4, 5, 2]],
    [7, true, true, [1, 4, 6, 2, 5]],
    [8, true, true, [1, 5, 7, 3, 2, 6]],
    [4, false, false, [0, 1, 3, 2]],
    [1, true, false, []],
  ])('%i seats, host %s, co-host %s: %j', (n, hostSeat, coHost, expected) => {
    expect(seatOrder(n, { host: hostSeat, coHost })).toEqual(expected);
  });
});

describe('seatLayout and seatPositionLabel', () => {
  it.each([
    [1, null, [], []],
    [2, null, [1], []],
    [3, null, [1], [2]],
    [4, 2, [1], [3]],
    [7, 3, [1, 2], [6, 5, 4]],
    [8, 4, [1, 2, 3], [7, 6, 5]],
  ])('%i seats: foot %s, right %j, left %j', (n, foot, right, left) => {
    expect(seatLayout(n)).toEqual({ head: 0, foot, hostRight: right, hostLeft: left });
  });

  it('says where a seat is', () => {
    expect([0, 1, 2, 4, 5, 7].map((s) => seatPositionLabel(s, 8))).toEqual([
      'Kopf (Gastgeber)',
      'rechts vom Gastgeber',
      '2. Platz rechts vom Gastgeber',
      'gegenüber (Fußende)',
      '3. Platz links vom Gastgeber',
      'links vom Gastgeber',
    ]);
  });
});
