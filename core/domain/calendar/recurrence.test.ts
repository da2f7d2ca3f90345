import { describe, expect, it } from 'vitest';
import { checkRecurrenceRule, describeRecurrence, occurrencesOf } from './recurrence';
import { utcToLocalDateTime } from './time';
import type { CalendarEntry } from './types';

const entry = (over: Partial<CalendarEntry>): CalendarEntry => ({
  id: '1',
  owner: 'ob',
  title: 'Dienstbesprechung',
  start: '2026-01-07T10:00',
  end: '2026-01-07T11:00',
  allDay: false,
  place: 'Rathaus',
  status: 'geplant',
  recurrence: null,
  ...over,
});
const series = (rule: string, over: Partial<CalendarEntry> = {}, exceptions: string[] = []) =>
  entry({ ...over, recurrence: { rule, exceptions } });
const starts = (e: CalendarEntry, from: string, to: string) => occurrencesOf(e, from, to).map((o) => o.start);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';

describe('a single appointment', () => {
  it('gives one occurrence with its instants', () => {
    expect(occurrencesOf(entry({}), '2026-01-01', '2026-01-31')).toEqual([
      {
        entryId: '1',
        owner: 'ob',
        title: 'Dienstbesprechung',
        place: 'Rathaus',
        allDay: false,
        start: '2026-01-07T10:00',
        end: '2026-01-07T11:00',
        startMs: Date.parse('2026-01-07T09:00:00Z'),
        endMs: Date.parse('2026-01-07T10:00:00Z'),
      },
    ]);
  });

  it.each([
    ['the window ends on the day (inclusive)', '2026-12-31T10:00', '2026-12-31T11:00', '2026-12-01', '2026-12-31', 1],
    ['the window starts the day after', '2026-12-31T10:00', '2026-12-31T11:00', '2027-01-01', '2027-01-31', 0],
    ['the window ends the day before', '2026-12-31T10:00', '2026-12-31T11:00', '2026-12-01', '2026-12-30', 0],
    ['across midnight, window on the second day', '2026-12-31T23:00', '2027-01-01T01:00', '2027-01-01', '2027-01-01', 1],
    ['across midnight, window on the first day', '2026-12-31T23:00', '2027-01-01T01:00', '2026-12-31', '2026-12-31', 1],
    ['ends at midnight, window on the next day', '2026-12-30T22:00', '2026-12-31T00:00', '2026-12-31', '2026-12-31', 0],
    ['zero length at the window start', '2026-12-31T00:00', '2026-12-31T00:00', '2026-12-31', '2026-12-31', 1],
    ['zero length at the window end', '2027-01-01T00:00', '2027-01-01T00:00', '2026-12-31', '2026-12-31', 0],
  ])('window clipping: %s', (_label, start, end, from, to, count) => {
    expect(occurrencesOf(entry({ start, end }), from, to)).toHaveLength(count);
  });

  it('an all-day appointment of three days overlaps a window on its last day only', () => {
    const e = entry({ allDay: true, start: '2026-07-03', end: '2026-07-06' });
    expect(occurrencesOf(e, '2026-07-05', '2026-07-10').map((o) => [o.start, o.end])).toEqual([['2026-07-03', '2026-07-06']]);
    expect(occurrencesOf(e, '2026-07-06', '2026-07-10')).toEqual([]);
  });
});

describe('series in wall-clock time', () => {
  it('the first Wednesday of the month stays at 10:00 in Berlin across both DST changes', () => {
    const occurrences = occurrencesOf(series('FREQ=MONTHLY;BYDAY=1WE'), '2026-01-01', '2026-12-31');
    expect(occurrences.map((o) => [o.start, o.end, iso(o.startMs), utcToLocalDateTime(o.startMs)])).toEqual([
      ['2026-01-07T10:00', '2026-01-07T11:00', '2026-01-07T09:00Z', '2026-01-07T10:00'],
      ['2026-02-04T10:00', '2026-02-04T11:00', '2026-02-04T09:00Z', '2026-02-04T10:00'],
      ['2026-03-04T10:00', '2026-03-04T11:00', '2026-03-04T09:00Z', '2026-03-04T10:00'],
      ['2026-04-01T10:00', '2026-04-01T11:00', '2026-04-01T08:00Z', '2026-04-01T10:00'],
      ['2026-05-06T10:00', '2026-05-06T11:00', '2026-05-06T08:00Z', '2026-05-06T10:00'],
      ['2026-06-03T10:00', '2026-06-03T11:00', '2026-06-03T08:00Z', '2026-06-03T10:00'],
      ['2026-07-01T10:00', '2026-07-01T11:00', '2026-07-01T08:00Z', '2026-07-01T10:00'],
      ['2026-08-05T10:00', '2026-08-05T11:00', '2026-08-05T08:00Z', '2026-08-05T10:00'],
      ['2026-09-02T10:00', '2026-09-02T11:00', '2026-09-02T08:00Z', '2026-09-02T10:00'],
      ['2026-10-07T10:00', '2026-10-07T11:00', '2026-10-07T08:00Z', '2026-10-07T10:00'],
      ['2026-11-04T10:00', '2026-11-04T11:00', '2026-11-04T09:00Z', '2026-11-04T10:00'],
      ['2026-12-02T10:00', '2026-12-02T11:00', '2026-12-02T09:00Z', '2026-12-02T10:00'],
    ]);
  });

  it.each([
    ['spring', '2026-03-28T10:00', '2026-03-28', '2026-03-30', ['2026-03-28T09:00Z', '2026-03-29T08:00Z', '2026-03-30T08:00Z']],
    ['autumn', '2026-10-24T10:00', '2026-10-24', '2026-10-26', ['2026-10-24T08:00Z', '2026-10-25T09:00Z', '2026-10-26T09:00Z']],
  ])('a daily 10:00 series over the %s change: 23 or 25 hours apart in real time', (_label, start, from, to, utc) => {
    const e = series('FREQ=DAILY', { start, end: start.replace('10:00', '11:00') });
    expect(occurrencesOf(e, from, to).map((o) => iso(o.startMs))).toEqual(utc);
  });

  it('a series at 01:30–03:30 keeps its clock-face times; on the spring night it lasts one hour', () => {
    const e = series('FREQ=DAILY;COUNT=3', { start: '2026-03-28T01:30', end: '2026-03-28T03:30' });
    expect(occurrencesOf(e, '2026-03-01', '2026-03-31').map((o) => [o.start, o.end, (o.endMs - o.startMs) / 60_000])).toEqual([
      ['2026-03-28T01:30', '2026-03-28T03:30', 120],
      ['2026-03-29T01:30', '2026-03-29T03:30', 60],
      ['2026-03-30T01:30', '2026-03-30T03:30', 120],
    ]);
  });

  it('weekly on Monday without the exceptions (a time, or a whole day)', () => {
    const e = series('FREQ=WEEKLY;BYDAY=MO', { start: '2026-03-02T09:00', end: '2026-03-02T10:00' }, ['2026-03-16T09:00', '2026-03-30', 'kaputt']);
    expect(starts(e, '2026-03-01', '2026-04-07')).toEqual(['2026-03-02T09:00', '2026-03-09T09:00', '2026-03-23T09:00', '2026-04-06T09:00']);
  });

  it.each([
    ['COUNT', 'FREQ=WEEKLY;COUNT=3', [], ['2026-03-02T09:00', '2026-03-09T09:00', '2026-03-16T09:00']],
    ['COUNT counts an exception', 'FREQ=WEEKLY;COUNT=3', ['2026-03-09T09:00'], ['2026-03-02T09:00', '2026-03-16T09:00']],
    ['UNTIL as a date includes that day', 'FREQ=WEEKLY;UNTIL=20260316', [], ['2026-03-02T09:00', '2026-03-09T09:00', '2026-03-16T09:00']],
    ['UNTIL in UTC at the start instant includes it', 'FREQ=WEEKLY;UNTIL=20260316T080000Z', [], ['2026-03-02T09:00', '2026-03-09T09:00', '2026-03-16T09:00']],
    ['UNTIL in UTC a second before excludes it', 'FREQ=WEEKLY;UNTIL=20260316T075959Z', [], ['2026-03-02T09:00', '2026-03-09T09:00']],
    ['UNTIL as Berlin time', 'FREQ=WEEKLY;UNTIL=20260316T090000', [], ['2026-03-02T09:00', '2026-03-09T09:00', '2026-03-16T09:00']],
    ['UNTIL before the start: the start only', 'FREQ=WEEKLY;UNTIL=20260101', [], ['2026-03-02T09:00']],
    ['RRULE: prefix', 'RRULE:FREQ=WEEKLY;COUNT=2', [], ['2026-03-02T09:00', '2026-03-09T09:00']],
    ['every second week', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=4', [], ['2026-03-02T09:00', '2026-03-05T09:00', '2026-03-16T09:00', '2026-03-19T09:00']],
  ])('%s', (_label, rule, exceptions, expected) => {
    const e = series(rule, { start: '2026-03-02T09:00', end: '2026-03-02T10:00' }, exceptions);
    expect(starts(e, '2026-01-01', '2026-12-31')).toEqual(expected);
  });

  it('the start is the first occurrence even off the rule, and COUNT includes it', () => {
    const e = series('FREQ=MONTHLY;BYDAY=1WE;COUNT=3', { start: '2026-01-06T10:00', end: '2026-01-06T11:00' });
    expect(starts(e, '2026-01-01', '2026-12-31')).toEqual(['2026-01-06T10:00', '2026-01-07T10:00', '2026-02-04T10:00']);
  });

  it('an all-day series of three days keeps its length, also over the DST change', () => {
    const e = series('FREQ=WEEKLY;COUNT=3', { allDay: true, start: '2026-03-27', end: '2026-03-30' });
    expect(occurrencesOf(e, '2026-03-01', '2026-04-30').map((o) => [o.start, o.end, (o.endMs - o.startMs) / 3_600_000])).toEqual([
      ['2026-03-27', '2026-03-30', 71],
      ['2026-04-03', '2026-04-06', 72],
      ['2026-04-10', '2026-04-13', 72],
    ]);
  });

  it('an all-day series drops a day named as an exception', () => {
    const e = series('FREQ=YEARLY', { allDay: true, start: '2026-07-03', end: '2026-07-06' }, ['2027-07-03']);
    expect(starts(e, '2026-01-01', '2028-12-31')).toEqual(['2026-07-03', '2028-07-03']);
  });

  it.each([
    ['a window in the middle of an endless series', 'FREQ=DAILY', '2026-06-10', '2026-06-11', ['2026-06-10T10:00', '2026-06-11T10:00']],
    ['a window before the series', 'FREQ=DAILY', '2025-12-01', '2025-12-31', []],
    ['a window after the series', 'FREQ=DAILY;COUNT=10', '2026-06-10', '2026-06-11', []],
    ['an occurrence across midnight reaching into the window', 'FREQ=WEEKLY', '2026-01-15', '2026-01-15', ['2026-01-14T23:00']],
  ])('window clipping: %s', (_label, rule, from, to, expected) => {
    const e = series(rule, rule === 'FREQ=WEEKLY' ? { start: '2026-01-07T23:00', end: '2026-01-08T01:00' } : { start: '2026-01-01T10:00', end: '2026-01-01T11:00' });
    expect(starts(e, from, to)).toEqual(expected);
  });

  it('a multi-day all-day occurrence that began before the window is included', () => {
    const e = series('FREQ=WEEKLY', { allDay: true, start: '2026-07-03', end: '2026-07-06' });
    expect(starts(e, '2026-07-12', '2026-07-12')).toEqual(['2026-07-10']);
  });

  it('an unreadable rule gives the first occurrence only', () => {
    expect(starts(series('FREQ=HOURLY'), '2026-01-01', '2026-01-31')).toEqual(['2026-01-07T10:00']);
    expect(starts(series('kaputt'), '2026-01-01', '2026-01-31')).toEqual(['2026-01-07T10:00']);
  });
});

describe('checkRecurrenceRule', () => {
  it.each([
    ['FREQ=MONTHLY;BYDAY=1WE', null],
    ['RRULE:FREQ=WEEKLY;UNTIL=20271231T225959Z', null],
    ['FREQ=HOURLY', 'Termine wiederholen sich höchstens täglich.'],
    ['BYDAY=MO', 'Der Wiederholungsregel fehlt die Angabe FREQ.'],
    ['FREQ=SOMETIMES', 'Die Wiederholung „FREQ=SOMETIMES“ ist unbekannt (erwartet DAILY, WEEKLY, MONTHLY oder YEARLY).'],
    ['FREQ=WEEKLY;UNTIL=morgen', 'Das Enddatum der Wiederholung „morgen“ ist nicht lesbar.'],
    ['FREQ=WEEKLY;COUNT=0', 'COUNT muss mindestens 1 sein.'],
    ['', 'Die Wiederholungsregel ist leer oder hat mehrere Zeilen.'],
  ])('%s → %s', (rule, expected) => {
    expect(checkRecurrenceRule(rule)).toBe(expected);
  });

  it('names what rrule could not read', () => {
    expect(checkRecurrenceRule('FREQ=WEEKLY;FOO=1')).toBe('Die Wiederholungsregel ist nicht lesbar: „FOO“ ist keine bekannte Angabe.');
    expect(checkRecurrenceRule('FREQ=WEEKLY;Hafenfest')).toBe('Die Wiederholungsregel ist nicht lesbar: „Hafenfest“ ist keine bekannte Angabe.');
    expect(checkRecurrenceRule('FREQ=WEEKLY;DTSTART=morgen')).toBe('Die Wiederholungsregel ist nicht lesbar.');
    expect(checkRecurrenceRule('FREQ=WEEKLY;=1')).toBe('Die Wiederholungsregel ist nicht lesbar.');
  });
});

describe('describeRecurrence', () => {
  it.each([
    ['FREQ=DAILY', undefined, 'täglich'],
    ['FREQ=DAILY;INTERVAL=3', undefined, 'alle drei Tage'],
    ['FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', undefined, 'jeden Werktag (Montag bis Freitag)'],
    ['FREQ=WEEKLY', '2026-12-10T14:00', 'jeden Donnerstag'],
    ['FREQ=WEEKLY', undefined, 'wöchentlich'],
    ['FREQ=WEEKLY;BYDAY=WE', undefined, 'jeden Mittwoch'],
    ['FREQ=WEEKLY;BYDAY=TH,MO', undefined, 'jeden Montag und Donnerstag'],
    ['FREQ=WEEKLY;BYDAY=MO,WE,FR', undefined, 'jeden Montag, Mittwoch und Freitag'],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', undefined, 'jeden Werktag (Montag bis Freitag)'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', undefined, 'alle zwei Wochen am Montag'],
    ['FREQ=MONTHLY;BYMONTHDAY=15', undefined, 'monatlich am 15.'],
    ['FREQ=MONTHLY', '2026-12-10T14:00', 'monatlich am 10.'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15', undefined, 'monatlich am 1. und 15.'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', undefined, 'monatlich am letzten Tag'],
    ['FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1', undefined, 'alle drei Monate am 1.'],
    ['FREQ=MONTHLY;BYDAY=1WE', undefined, 'jeden ersten Mittwoch im Monat'],
    ['FREQ=MONTHLY;BYDAY=3TU', undefined, 'jeden dritten Dienstag im Monat'],
    ['FREQ=MONTHLY;BYDAY=-1FR', undefined, 'jeden letzten Freitag im Monat'],
    ['FREQ=MONTHLY;BYDAY=WE;BYSETPOS=2', undefined, 'jeden zweiten Mittwoch im Monat'],
    ['FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO', undefined, 'alle zwei Monate am ersten Montag'],
    ['FREQ=YEARLY', '2026-10-03T11:00', 'jährlich am 3. Oktober'],
    ['FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24', undefined, 'jährlich am 24. Dezember'],
    ['FREQ=YEARLY;INTERVAL=5', '2026-05-01', 'alle fünf Jahre am 1. Mai'],
    ['FREQ=YEARLY', undefined, 'jährlich'],
    ['FREQ=WEEKLY;BYDAY=WE;COUNT=10', undefined, 'jeden Mittwoch, 10-mal'],
    ['FREQ=MONTHLY;BYDAY=1WE;UNTIL=20271231', undefined, 'jeden ersten Mittwoch im Monat, bis 31.12.2027'],
    ['FREQ=MONTHLY;BYDAY=1WE;UNTIL=20271231T225959Z', undefined, 'jeden ersten Mittwoch im Monat, bis 31.12.2027'],
    ['FREQ=MONTHLY;BYDAY=WE', undefined, 'regelmäßig nach eigener Regel'],
    ['FREQ=YEARLY;BYWEEKNO=20', undefined, 'regelmäßig nach eigener Regel'],
    ['FREQ=DAILY;BYHOUR=9,17;COUNT=4', undefined, 'regelmäßig nach eigener Regel, 4-mal'],
    ['FREQ=MINUTELY', undefined, 'unbekannte Wiederholungsregel'],
    ['Quatsch', undefined, 'unbekannte Wiederholungsregel'],
  ])('%s (start %s) → %s', (rule, start, expected) => {
    expect(describeRecurrence(rule, start)).toBe(expected);
  });
});
