import { describe, expect, it } from 'vitest';
import { conflictsWith, findConflicts, formatTimeSpan, samePlace } from './conflicts';
import { occurrencesOf } from './recurrence';
import type { CalendarEntry, Conflict, Occurrence } from './types';

let nextId = 1;
const appt = (title: string, start: string, end: string, over: Partial<CalendarEntry> = {}): CalendarEntry => ({
  id: String(nextId++),
  owner: 'ob',
  title,
  start,
  end,
  allDay: false,
  place: '',
  status: 'geplant',
  recurrence: null,
  ...over,
});
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const brief = (c: Conflict) => [c.kind, c.first.title, c.second.title];
const check = (entries: CalendarEntry[], travelMinutes = 30) =>
  findConflicts(entries, { from: '2026-01-01', to: '2027-12-31' }, { travelMinutes }).map(brief);

describe('overlaps', () => {
  it('names both appointments with their times', () => {
    const conflicts = findConflicts(
      [appt('Empfang Partnerstadt', '2026-12-10T14:00', '2026-12-10T15:30'), appt('Vereinsjubiläum', '2026-12-10T15:00', '2026-12-10T16:00')],
      YEAR,
      { travelMinutes: 30 },
    );
    expect(conflicts.map((c) => [c.kind, c.owner, c.message])).toEqual([
      [
        'overlap',
        'ob',
        'Überschneidung: „Empfang Partnerstadt“ (10.12.2026, 14:00–15:30) und „Vereinsjubiläum“ (10.12.2026, 15:00–16:00).',
      ],
    ]);
  });

  it.each([
    ['overlapping', ['2026-12-10T14:00', '2026-12-10T15:30'], ['2026-12-10T15:00', '2026-12-10T16:00'], 1],
    ['one inside the other', ['2026-12-10T09:00', '2026-12-10T17:00'], ['2026-12-10T12:00', '2026-12-10T12:30'], 1],
    ['same times', ['2026-12-10T10:00', '2026-12-10T11:00'], ['2026-12-10T10:00', '2026-12-10T11:00'], 1],
    ['touching: the end is exclusive', ['2026-12-10T10:00', '2026-12-10T11:00'], ['2026-12-10T11:00', '2026-12-10T12:00'], 0],
    ['one after the other', ['2026-12-10T10:00', '2026-12-10T11:00'], ['2026-12-10T13:00', '2026-12-10T14:00'], 0],
    ['across midnight', ['2026-12-10T23:00', '2026-12-11T01:00'], ['2026-12-11T00:30', '2026-12-11T01:30'], 1],
    ['across midnight, touching', ['2026-12-10T23:00', '2026-12-11T01:00'], ['2026-12-11T01:00', '2026-12-11T01:30'], 0],
    ['across New Year', ['2026-12-31T22:00', '2027-01-01T01:00'], ['2027-01-01T00:00', '2027-01-01T00:30'], 1],
    ['spring change: 01:30–03:30 is one hour, 03:00 is inside it', ['2026-03-29T01:30', '2026-03-29T03:30'], ['2026-03-29T03:00', '2026-03-29T04:00'], 1],
    ['spring change: 01:30–03:30 is one hour, touching 03:30', ['2026-03-29T01:30', '2026-03-29T03:30'], ['2026-03-29T03:30', '2026-03-29T04:30'], 0],
    ['spring change: 02:30 (→ 03:30) starts when 01:30–03:30 ends', ['2026-03-29T01:30', '2026-03-29T03:30'], ['2026-03-29T02:30', '2026-03-29T04:00'], 0],
    ['autumn change: 02:00–03:00 lasts two hours, 02:30 is inside', ['2026-10-25T02:00', '2026-10-25T03:00'], ['2026-10-25T02:30', '2026-10-25T02:45'], 1],
    ['autumn change: 01:00–02:00 touches 02:00–03:00', ['2026-10-25T01:00', '2026-10-25T02:00'], ['2026-10-25T02:00', '2026-10-25T03:00'], 0],
    ['autumn change: 02:00–03:00 touches 03:00–04:00', ['2026-10-25T02:00', '2026-10-25T03:00'], ['2026-10-25T03:00', '2026-10-25T04:00'], 0],
  ])('%s', (_label, a, b, expected) => {
    expect(check([appt('A', a[0], a[1]), appt('B', b[0], b[1])])).toHaveLength(expected);
  });

  it('reports every pair of three at once, each once', () => {
    const entries = [
      appt('A', '2026-12-10T09:00', '2026-12-10T12:00'),
      appt('B', '2026-12-10T10:00', '2026-12-10T11:00'),
      appt('C', '2026-12-10T10:30', '2026-12-10T13:00'),
      appt('D', '2026-12-10T12:30', '2026-12-10T14:00'),
    ];
    expect(check(entries)).toEqual([
      ['overlap', 'A', 'B'],
      ['overlap', 'A', 'C'],
      ['overlap', 'B', 'C'],
      ['overlap', 'C', 'D'],
    ]);
  });

  it('over midnight the message names both days', () => {
    const [c] = findConflicts([appt('Ball', '2026-12-10T23:00', '2026-12-11T01:00'), appt('Abfahrt', '2026-12-11T00:30', '2026-12-11T01:30')], YEAR, {
      travelMinutes: 0,
    });
    expect(c.message).toBe('Überschneidung: „Ball“ (10.12.2026, 23:00 – 11.12.2026, 01:00) und „Abfahrt“ (11.12.2026, 00:30–01:30).');
  });

  it('ignores cancelled appointments', () => {
    expect(check([appt('A', '2026-12-10T10:00', '2026-12-10T11:00'), appt('B', '2026-12-10T10:00', '2026-12-10T11:00', { status: 'abgesagt' })])).toEqual([]);
  });

  it('counts planned and confirmed alike', () => {
    expect(check([appt('A', '2026-12-10T10:00', '2026-12-10T11:00'), appt('B', '2026-12-10T10:00', '2026-12-10T11:00', { status: 'bestätigt' })])).toHaveLength(1);
  });

  it('never between different owners', () => {
    expect(
      check([
        appt('A', '2026-12-10T10:00', '2026-12-10T11:00', { owner: 'ob', place: 'Rathaus' }),
        appt('B', '2026-12-10T10:00', '2026-12-10T11:00', { owner: 'bm1', place: 'Mercatorhalle' }),
        appt('C', '2026-12-10T11:05', '2026-12-10T12:00', { owner: 'bm2', place: 'Zoo' }),
      ]),
    ).toEqual([]);
  });

  it('looks only at the window', () => {
    const entries = [appt('A', '2026-12-10T10:00', '2026-12-10T11:00'), appt('B', '2026-12-10T10:00', '2026-12-10T11:00')];
    expect(findConflicts(entries, { from: '2026-12-11', to: '2026-12-31' }, { travelMinutes: 30 })).toEqual([]);
    expect(findConflicts(entries, { from: '2026-12-10', to: '2026-12-10' }, { travelMinutes: 30 })).toHaveLength(1);
  });

  it('finds the same overlaps as comparing every pair', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pad = (n: number) => String(n).padStart(2, '0');
    const at = (day: number, minutes: number) => `2026-10-${pad(day + Math.floor(minutes / 1440))}T${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
    const entries = Array.from({ length: 300 }, (_, i) => {
      const day = 24 + random(4); // 24–27 October, over the autumn change
      const start = random(24 * 4) * 15;
      return appt(`T${i}`, at(day, start), at(day, start + 15 + random(12) * 15), {
        owner: random(2) ? 'ob' : 'bm1',
        status: random(10) ? 'geplant' : 'abgesagt',
      });
    });
    const pair = (a: Occurrence, b: Occurrence) => [a.title, b.title].sort().join('/');
    const found = findConflicts(entries, YEAR, { travelMinutes: 0 }).map((c) => pair(c.first, c.second));
    const occurrences = entries.filter((e) => e.status !== 'abgesagt').flatMap((e) => occurrencesOf(e, YEAR.from, YEAR.to));
    const expected: string[] = [];
    for (let i = 0; i < occurrences.length; i++) {
      for (let j = i + 1; j < occurrences.length; j++) {
        const [a, b] = [occurrences[i], occurrences[j]];
        if (a.owner === b.owner && a.startMs < b.endMs && b.startMs < a.endMs) expected.push(pair(a, b));
      }
    }
    expect(found.sort()).toEqual(expected.sort());
    expect(found.length).toBeGreaterThan(50);
  });
});

describe('travel between places', () => {
  it('names both places and the minutes', () => {
    const [c] = findConflicts(
      [
        appt('Empfang Partnerstadt', '2026-12-10T14:00', '2026-12-10T15:30', { place: 'Rathaus' }),
        appt('Vereinsjubiläum', '2026-12-10T15:40', '2026-12-10T17:00', { place: 'Mercatorhalle' }),
      ],
      YEAR,
      { travelMinutes: 30 },
    );
    expect(c.kind).toBe('travel');
    expect(c.message).toBe(
      'Keine Zeit für den Weg: „Empfang Partnerstadt“ endet am 10.12.2026 um 15:30 (Rathaus), „Vereinsjubiläum“ beginnt um 15:40 (Mercatorhalle) – nur 10 statt mindestens 30 Minuten.',
    );
  });

  it.each([
    ['different places, 10 minutes', 'Rathaus', 'Mercatorhalle', '15:40', 30, 1],
    ['different places, touching', 'Rathaus', 'Mercatorhalle', '15:30', 30, 1],
    ['different places, 29 minutes', 'Rathaus', 'Mercatorhalle', '15:59', 30, 1],
    ['different places, exactly 30 minutes', 'Rathaus', 'Mercatorhalle', '16:00', 30, 0],
    ['same place', 'Rathaus', 'Rathaus', '15:30', 30, 0],
    ['same place, other spelling', 'Rathaus Süd ', '  rathaus  sued', '15:30', 30, 0],
    ['one place not given', 'Rathaus', '', '15:30', 30, 0],
    ['no places given', '', '', '15:30', 30, 0],
    ['travel check off', 'Rathaus', 'Mercatorhalle', '15:30', 0, 0],
  ])('%s', (_label, placeA, placeB, startB, travelMinutes, expected) => {
    const entries = [
      appt('A', '2026-12-10T14:00', '2026-12-10T15:30', { place: placeA }),
      appt('B', `2026-12-10T${startB}`, '2026-12-10T18:00', { place: placeB }),
    ];
    expect(check(entries, travelMinutes)).toHaveLength(expected);
  });

  it('only between consecutive appointments: where one comes from is the last one before', () => {
    const entries = [
      appt('A', '2026-12-10T14:00', '2026-12-10T15:00', { place: 'Mercatorhalle' }),
      appt('B', '2026-12-10T15:00', '2026-12-10T15:20', { place: 'Rathaus' }),
      appt('C', '2026-12-10T15:30', '2026-12-10T16:00', { place: 'Rathaus' }),
    ];
    expect(check(entries)).toEqual([['travel', 'A', 'B']]);
  });

  it('an overlap is reported as such, not as travel as well', () => {
    const entries = [
      appt('A', '2026-12-10T14:00', '2026-12-10T15:00', { place: 'Zoo' }),
      appt('B', '2026-12-10T14:30', '2026-12-10T16:00', { place: 'Rathaus' }),
      appt('C', '2026-12-10T15:10', '2026-12-10T17:00', { place: 'Mercatorhalle' }),
    ];
    expect(check(entries)).toEqual([
      ['overlap', 'A', 'B'],
      ['overlap', 'B', 'C'],
    ]);
  });

  it('across midnight and the autumn change, in real minutes', () => {
    const [c] = findConflicts(
      [appt('Ball', '2026-10-24T22:00', '2026-10-25T02:30', { place: 'Mercatorhalle' }), appt('Nachtschicht', '2026-10-25T02:15', '2026-10-25T04:00', { place: 'Feuerwache' })],
      YEAR,
      { travelMinutes: 60 },
    );
    // Both 02:30 and 02:15 are the first, summer-time ones: the second begins before the first ends.
    expect(c.kind).toBe('overlap');
    const [t] = findConflicts(
      [appt('Ball', '2026-10-24T22:00', '2026-10-25T01:30', { place: 'Mercatorhalle' }), appt('Nachtschicht', '2026-10-25T03:00', '2026-10-25T04:00', { place: 'Feuerwache' })],
      YEAR,
      { travelMinutes: 180 },
    );
    expect(t.message).toBe(
      'Keine Zeit für den Weg: „Ball“ endet am 25.10.2026 um 01:30 (Mercatorhalle), „Nachtschicht“ beginnt um 03:00 (Feuerwache) – nur 150 statt mindestens 180 Minuten.',
    );
  });

  it('into the next day', () => {
    const [t] = findConflicts(
      [appt('Ball', '2026-12-10T20:00', '2026-12-10T23:50', { place: 'Mercatorhalle' }), appt('Früh', '2026-12-11T00:10', '2026-12-11T01:00', { place: 'Rathaus' })],
      YEAR,
      { travelMinutes: 30 },
    );
    expect(t.message).toContain('„Früh“ beginnt am 11.12.2026 um 00:10 (Rathaus) – nur 20 statt mindestens 30 Minuten.');
  });

  it('samePlace ignores case, whitespace and umlaut spelling', () => {
    expect(samePlace('Mercator Halle', 'mercatorhalle')).toBe(true);
    expect(samePlace('Rathaus', 'Rathaus Süd')).toBe(false);
  });
});

describe('all-day entries never conflict', () => {
  it.each([
    ['with a timed appointment on the day', appt('Urlaub', '2026-07-01', '2026-07-15', { allDay: true }), appt('Sitzung', '2026-07-03T10:00', '2026-07-03T11:00')],
    ['with another all-day entry', appt('Urlaub', '2026-07-01', '2026-07-15', { allDay: true }), appt('Stadtfest', '2026-07-04', '2026-07-06', { allDay: true })],
    [
      'with a timed appointment at another place right after midnight',
      appt('Dienstreise', '2026-07-01', '2026-07-02', { allDay: true, place: 'Portsmouth' }),
      appt('Frühstück', '2026-07-02T00:00', '2026-07-02T01:00', { place: 'Rathaus' }),
    ],
  ])('%s', (_label, a, b) => {
    expect(check([a, b])).toEqual([]);
  });
});

describe('series', () => {
  const series = appt('Dienstbesprechung', '2026-01-07T10:00', '2026-01-07T11:00', { recurrence: { rule: 'FREQ=MONTHLY;BYDAY=1WE', exceptions: ['2026-06-03T10:00'] } });

  it('a monthly series collides with a single appointment on one of its days (also in summer time)', () => {
    const single = appt('Besuch', '2026-07-01T10:30', '2026-07-01T12:00');
    const conflicts = findConflicts([series, single], YEAR, { travelMinutes: 30 });
    expect(conflicts.map((c) => [c.first.start, c.second.start])).toEqual([['2026-07-01T10:00', '2026-07-01T10:30']]);
    expect(conflicts[0].message).toBe('Überschneidung: „Dienstbesprechung“ (01.07.2026, 10:00–11:00) und „Besuch“ (01.07.2026, 10:30–12:00).');
  });

  it('not on a day named as an exception', () => {
    expect(check([series, appt('Besuch', '2026-06-03T10:30', '2026-06-03T12:00')])).toEqual([]);
  });

  it('conflictsWith: the series against the others', () => {
    const others = [appt('Besuch', '2026-07-01T10:30', '2026-07-01T12:00'), appt('Termin', '2026-08-05T09:00', '2026-08-05T10:00')];
    expect(conflictsWith(series, others, { travelMinutes: 30 }).map(brief)).toEqual([['overlap', 'Dienstbesprechung', 'Besuch']]);
  });
});

describe('conflictsWith (the save check)', () => {
  const others = [
    appt('Empfang', '2026-12-10T14:00', '2026-12-10T15:30', { place: 'Rathaus' }),
    appt('Jubiläum', '2026-12-10T15:00', '2026-12-10T16:00', { place: 'Mercatorhalle' }),
    appt('Sitzung BM', '2026-12-10T16:00', '2026-12-10T17:00', { owner: 'bm1', place: 'Zoo' }),
  ];

  it('only conflicts of the candidate, not the others among themselves', () => {
    const candidate = appt('Presse', '2026-12-10T16:10', '2026-12-10T16:40', { place: 'Zoo' });
    expect(conflictsWith(candidate, others, { travelMinutes: 30 }).map(brief)).toEqual([['travel', 'Jubiläum', 'Presse']]);
  });

  it('leaves out the stored version of the candidate itself', () => {
    const stored = others[0];
    const moved = { ...stored, start: '2026-12-10T13:00', end: '2026-12-10T14:30' };
    expect(conflictsWith(moved, others, { travelMinutes: 0 })).toEqual([]);
  });

  it('a cancelled or all-day candidate has none', () => {
    expect(conflictsWith(appt('X', '2026-12-10T14:00', '2026-12-10T15:00', { status: 'abgesagt' }), others, { travelMinutes: 30 })).toEqual([]);
    expect(conflictsWith(appt('X', '2026-12-10', '2026-12-11', { allDay: true }), others, { travelMinutes: 30 })).toEqual([]);
  });

  it('looks across midnight without a window', () => {
    const late = appt('Ball', '2026-12-10T23:00', '2026-12-11T01:00');
    expect(conflictsWith(appt('Früh', '2026-12-11T00:30', '2026-12-11T01:30'), [late], { travelMinutes: 0 }).map(brief)).toEqual([['overlap', 'Ball', 'Früh']]);
  });

  it('agrees with findConflicts', () => {
    const candidate = appt('Presse', '2026-12-10T15:15', '2026-12-10T15:45', { place: 'Zoo' });
    const all = findConflicts([candidate, ...others], YEAR, { travelMinutes: 30 }).filter((c) => c.first.entryId === candidate.id || c.second.entryId === candidate.id);
    expect(conflictsWith(candidate, others, { travelMinutes: 30 })).toEqual(all);
    expect(all.length).toBe(2);
  });
});

describe('formatTimeSpan', () => {
  it.each([
    ['2026-12-10T14:00', '2026-12-10T15:30', false, '10.12.2026, 14:00–15:30'],
    ['2026-12-10T22:00', '2026-12-11T00:00', false, '10.12.2026, 22:00–24:00'],
    ['2026-12-10T23:00', '2026-12-11T01:00', false, '10.12.2026, 23:00 – 11.12.2026, 01:00'],
    ['2026-12-10', '2026-12-11', true, '10.12.2026'],
    ['2026-12-10', '2026-12-13', true, '10.12.–12.12.2026'],
    ['2026-12-30', '2027-01-03', true, '30.12.2026–02.01.2027'],
  ])('%s – %s (all-day %s) → %s', (start, end, allDay, expected) => {
    expect(formatTimeSpan(start, end, allDay)).toBe(expected);
  });
});
