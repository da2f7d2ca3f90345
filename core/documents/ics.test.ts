import { TZDate } from '@date-fns/tz';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarToIcs, IcsError, parseIcs, type IcsExportEntry } from './ics';

const DOMAIN = 'rathausbuero.duisburg.de';

const LONG_TITLE = 'Empfang für die Delegation der Partnerstädte Portsmouth, Calais, Vilnius und Gaziantep im Mercatorsaal des Rathauses – Grußwort des Oberbürgermeisters, Eintrag ins Goldene Buch, Fotos, anschließend Gespräch'.slice(0, 200);

const ENTRIES: IcsExportEntry[] = [
  {
    id: '101', owner: 'ob', title: 'Haushaltsrede im Rat', start: '2026-12-10T14:00', end: '2026-12-10T15:30', allDay: false,
    place: 'Rathaus, Ratssaal', status: 'bestätigt', description: 'Redeentwurf liegt im Vorzimmer.\nBitte Mikrofon prüfen; danke!',
    updatedAt: '2026-11-20T09:15:00Z', public: true,
  },
  { id: '102', owner: 'ob', title: 'Nachtschicht bei der Feuerwehr (Sommerzeitbeginn)', start: '2026-03-28T22:00', end: '2026-03-29T04:00', allDay: false, place: 'Feuerwache 1', status: 'bestätigt' },
  { id: '103', owner: 'ob', title: 'Lange Nacht der Industriekultur (Winterzeitbeginn)', start: '2026-10-24T23:00', end: '2026-10-25T03:30', allDay: false, place: 'Landschaftspark Nord', status: 'geplant' },
  { id: '104', owner: 'ob', title: 'Städtetag in Köln', start: '2026-06-15', end: '2026-06-18', allDay: true, place: 'Köln', status: 'bestätigt' },
  {
    id: '105', owner: 'ob', title: 'Jour fixe mit den Dezernenten', start: '2026-01-07T18:00', end: '2026-01-07T19:00', allDay: false, place: 'Büro OB',
    status: 'bestätigt', recurrence: { rule: 'FREQ=MONTHLY;BYDAY=1WE', exceptions: ['2026-04-01T18:00', '2026-08-05T18:00'] },
  },
  { id: '106', owner: 'ob', title: LONG_TITLE, start: '2026-05-08T11:00', end: '2026-05-08T13:00', allDay: false, place: 'Mercatorsaal, Burgplatz 19, 47051 Duisburg', status: 'geplant' },
  { id: '107', owner: 'ob', title: 'Grünkohlessen der Schützenbruderschaft', start: '2026-02-14T19:00', end: '2026-02-14T22:00', allDay: false, place: 'Schützenhaus Hamborn', status: 'abgesagt' },
  {
    id: '108', owner: 'ob', title: 'Sprechstunde für Bürgerinnen und Bürger', start: '2026-01-05', end: '2026-01-06', allDay: true, place: '',
    status: 'geplant', recurrence: { rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=20', exceptions: ['2026-03-30'] },
  },
];

const exportAll = (generatedAt = '2026-12-01T08:00:00Z'): string =>
  calendarToIcs({ calendarName: 'Termine Oberbürgermeister', entries: ENTRIES, uidDomain: DOMAIN, generatedAt });

/** Unfolded content lines of an .ics text. */
const unfoldedLines = (ics: string): string[] => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

function errorOf(action: () => unknown): IcsError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(IcsError);
    return error as IcsError;
  }
  throw new Error('expected an IcsError');
}

const calendar = (...lines: string[]): string => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');

// ---------------------------------------------------------------------------------------------

describe('ICS round trip (export → import gives the same events)', () => {
  const imported = parseIcs(exportAll());

  it('imports without problems and in the same order', () => {
    expect(imported.problems).toEqual([]);
    expect(imported.events.map((event) => event.uid)).toEqual(ENTRIES.map((entry) => `${entry.id}@${DOMAIN}`));
  });

  it.each(ENTRIES.map((entry) => [entry.title.slice(0, 50), entry] as const))('%s', (_title, entry) => {
    const event = imported.events.find((candidate) => candidate.uid === `${entry.id}@${DOMAIN}`);
    expect(event).toEqual({
      uid: `${entry.id}@${DOMAIN}`,
      title: entry.title,
      start: entry.start,
      end: entry.end,
      allDay: entry.allDay,
      place: entry.place,
      description: entry.description ?? '',
      status: entry.status,
      recurrence: entry.recurrence ?? null,
      organizer: null,
      // Only an appointment marked öffentlich carries the mark; the others do not say.
      public: entry.public ? true : null,
    });
  });

  it('keeps the UIDs (and everything else but DTSTAMP) between two exports', () => {
    const first = exportAll('2026-12-01T08:00:00Z');
    const second = exportAll('2026-12-02T17:45:00Z');
    const uids = (ics: string): string[] => unfoldedLines(ics).filter((line) => line.startsWith('UID:'));
    expect(uids(second)).toEqual(uids(first));
    expect(uids(first)).toContain(`UID:101@${DOMAIN}`);
    expect(parseIcs(second)).toEqual(parseIcs(first));
    const withoutStamp = (ics: string): string => unfoldedLines(ics).filter((line) => !line.startsWith('DTSTAMP:')).join('\n');
    expect(withoutStamp(second)).toBe(withoutStamp(first));
  });
});

describe('calendarToIcs', () => {
  const ics = exportAll();
  const lines = unfoldedLines(ics);

  it('writes a 14:00 appointment as Berlin wall-clock time with TZID', () => {
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20261210T140000\r\n');
    expect(ics).toContain('DTEND;TZID=Europe/Berlin:20261210T153000\r\n');
  });

  it('adds one VTIMEZONE for Europe/Berlin with both daylight-saving rules', () => {
    const block = /BEGIN:VTIMEZONE\r\n[\s\S]*?END:VTIMEZONE/.exec(ics)?.[0] ?? '';
    expect(ics.split('BEGIN:VTIMEZONE').length - 1).toBe(1);
    expect(block).toContain('TZID:Europe/Berlin');
    expect(block).toMatch(/BEGIN:DAYLIGHT[\s\S]*TZOFFSETFROM:\+0100[\s\S]*TZOFFSETTO:\+0200[\s\S]*RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU[\s\S]*END:DAYLIGHT/);
    expect(block).toMatch(/BEGIN:STANDARD[\s\S]*TZOFFSETFROM:\+0200[\s\S]*TZOFFSETTO:\+0100[\s\S]*RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU[\s\S]*END:STANDARD/);
    expect(ics.indexOf('END:VTIMEZONE')).toBeLessThan(ics.indexOf('BEGIN:VEVENT'));
  });

  it('the VTIMEZONE agrees with the time zone database around every change 1996–2040', () => {
    const vtimezone = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vtimezone');
    const zone = new ICAL.Timezone(vtimezone!);
    const mismatches: string[] = [];
    for (let year = 1996; year <= 2040; year += 1) {
      for (const [month, firstDay] of [[3, 24], [10, 24]]) {
        for (let day = firstDay; day <= 31; day += 1) {
          for (const hour of [0, 1, 3, 4, 12, 23]) {
            const local = ICAL.Time.fromData({ year, month, day, hour, minute: 30, second: 0, isDate: false });
            const expected = TZDate.tz('Europe/Berlin', year, month - 1, day, hour, 30).getTimezoneOffset() * -60;
            const actual = zone.utcOffset(local);
            if (actual !== expected) mismatches.push(`${local.toString()}: ${actual} ≠ ${expected}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('a calendar program places the appointments at the right instants across both changes', () => {
    const root = new ICAL.Component(ICAL.parse(ics));
    const utcOf = (uid: string, property: 'dtstart' | 'dtend'): string => {
      const vevent = root.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === uid)!;
      const time = vevent.getFirstPropertyValue(property) as InstanceType<typeof ICAL.Time>;
      return new Date(time.toUnixTime() * 1000).toISOString();
    };
    expect(utcOf(`101@${DOMAIN}`, 'dtstart')).toBe('2026-12-10T13:00:00.000Z');
    expect(utcOf(`102@${DOMAIN}`, 'dtstart')).toBe('2026-03-28T21:00:00.000Z'); // 22:00 CET
    expect(utcOf(`102@${DOMAIN}`, 'dtend')).toBe('2026-03-29T02:00:00.000Z'); // 04:00 CEST: 5 hours
    expect(utcOf(`103@${DOMAIN}`, 'dtstart')).toBe('2026-10-24T21:00:00.000Z'); // 23:00 CEST
    expect(utcOf(`103@${DOMAIN}`, 'dtend')).toBe('2026-10-25T02:30:00.000Z'); // 03:30 CET: 5½ hours
  });

  it('the series stays at 18:00 Berlin time in winter and summer and skips its exceptions', () => {
    const root = new ICAL.Component(ICAL.parse(ics));
    const vevent = root.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === `105@${DOMAIN}`)!;
    const iterator = new ICAL.Event(vevent).iterator();
    const occurrences: string[] = [];
    for (let next = iterator.next(); next && next.year === 2026; next = iterator.next()) {
      occurrences.push(new Date(next.toUnixTime() * 1000).toISOString().slice(0, 16));
    }
    expect(occurrences).toEqual([
      '2026-01-07T17:00', '2026-02-04T17:00', '2026-03-04T17:00', // CET
      '2026-05-06T16:00', '2026-06-03T16:00', '2026-07-01T16:00', '2026-09-02T16:00', '2026-10-07T16:00', // CEST; 1 April and 5 August cancelled
      '2026-11-04T17:00', '2026-12-02T17:00',
    ]);
    expect(lines).toContain('RRULE:FREQ=MONTHLY;BYDAY=1WE');
    expect(lines).toContain('EXDATE;TZID=Europe/Berlin:20260401T180000,20260805T180000');
  });

  it('writes all-day entries and their exceptions as dates', () => {
    expect(lines).toContain('DTSTART;VALUE=DATE:20260615');
    expect(lines).toContain('DTEND;VALUE=DATE:20260618');
    expect(lines).toContain('EXDATE;VALUE=DATE:20260330');
  });

  it.each([
    ['geplant', 'TENTATIVE'],
    ['bestätigt', 'CONFIRMED'],
    ['abgesagt', 'CANCELLED'],
  ] as const)('status %s → STATUS:%s', (status, expected) => {
    const one = calendarToIcs({ calendarName: 'x', uidDomain: DOMAIN, entries: [{ ...ENTRIES[0], status }] });
    expect(unfoldedLines(one)).toContain(`STATUS:${expected}`);
  });

  it('folds long lines at 75 octets without splitting umlauts, and unfolding restores the title', () => {
    const physical = ics.split('\r\n');
    expect(physical.filter((line) => Buffer.byteLength(line, 'utf8') > 75)).toEqual([]);
    expect(physical.filter((line) => line.includes('\uFFFD'))).toEqual([]);
    expect(Buffer.from(ics, 'utf8').toString('utf8')).toBe(ics);
    expect(LONG_TITLE).toHaveLength(200);
    expect(lines).toContain(`SUMMARY:${LONG_TITLE.replace(/,/g, '\\,')}`);
    expect(lines).toContain('SUMMARY:Grünkohlessen der Schützenbruderschaft');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('takes SEQUENCE, LAST-MODIFIED and DTSTAMP from updatedAt, so a later change is a higher SEQUENCE', () => {
    const at = (updatedAt: string): string[] => unfoldedLines(calendarToIcs({ calendarName: 'x', uidDomain: DOMAIN, entries: [{ ...ENTRIES[0], updatedAt }] }));
    const sequence = (lines: string[]): number => Number(lines.find((line) => line.startsWith('SEQUENCE:'))!.slice(9));
    expect(lines).toContain('LAST-MODIFIED:20261120T091500Z');
    expect(lines).toContain('DTSTAMP:20261120T091500Z');
    expect(sequence(at('2026-11-20T09:15:01Z'))).toBe(sequence(at('2026-11-20T09:15:00Z')) + 1);
    expect(sequence(at('2040-01-01T00:00:00Z'))).toBeLessThan(2 ** 31);
    // Without updatedAt: SEQUENCE 0, DTSTAMP the export time.
    const withoutUpdate = unfoldedLines(calendarToIcs({ calendarName: 'x', uidDomain: DOMAIN, entries: [ENTRIES[1]], generatedAt: '2026-12-01T08:00:00Z' }));
    expect(withoutUpdate).toContain('SEQUENCE:0');
    expect(withoutUpdate).toContain('DTSTAMP:20261201T080000Z');
  });

  describe('UNTIL of a series (RFC 5545 § 3.3.10)', () => {
    const series = (start: string, end: string, allDay: boolean, rule: string): IcsExportEntry => ({
      id: '201', owner: 'ob', title: 'Sprechstunde', start, end, allDay, place: '', status: 'bestätigt', recurrence: { rule, exceptions: [] },
    });
    const ruleOf = (entry: IcsExportEntry): string =>
      // The event's rule: the last one, after the VTIMEZONE's.
      unfoldedLines(calendarToIcs({ calendarName: 'x', uidDomain: DOMAIN, entries: [entry] })).filter((line) => line.startsWith('RRULE:')).at(-1)!;
    /** The starts (UTC) of the occurrences a calendar program (ical.js) makes of the exported series. */
    const occurrencesInClient = (entry: IcsExportEntry): string[] => {
      const root = new ICAL.Component(ICAL.parse(calendarToIcs({ calendarName: 'x', uidDomain: DOMAIN, entries: [entry] })));
      const iterator = new ICAL.Event(root.getFirstSubcomponent('vevent')!).iterator();
      const starts: string[] = [];
      for (let next = iterator.next(); next && starts.length < 100; next = iterator.next()) starts.push(next.isDate ? next.toString() : new Date(next.toUnixTime() * 1000).toISOString().slice(0, 16));
      return starts;
    };

    it.each([
      // The app writes a series' end as the Berlin wall-clock end of its last day.
      ['Berlin time, summer (CEST)', 'FREQ=WEEKLY;UNTIL=20270630T235959', 'RRULE:FREQ=WEEKLY;UNTIL=20270630T215959Z'],
      ['Berlin time, winter (CET)', 'FREQ=MONTHLY;BYDAY=1WE;UNTIL=20271231T235959', 'RRULE:FREQ=MONTHLY;BYDAY=1WE;UNTIL=20271231T225959Z'],
      ['a date: the whole day', 'FREQ=WEEKLY;UNTIL=20270630;BYDAY=MO', 'RRULE:FREQ=WEEKLY;UNTIL=20270630T215959Z;BYDAY=MO'],
      ['already UTC: as it is', 'FREQ=WEEKLY;UNTIL=20260429T130000Z;INTERVAL=2', 'RRULE:FREQ=WEEKLY;UNTIL=20260429T130000Z;INTERVAL=2'],
      ['no UNTIL', 'FREQ=WEEKLY;COUNT=5', 'RRULE:FREQ=WEEKLY;COUNT=5'],
    ])('a timed series gives UNTIL in UTC: %s', (_case, rule, expected) => {
      const line = ruleOf(series('2027-01-04T16:00', '2027-01-04T18:00', false, rule));
      expect(line).toBe(expected);
      expect(line).not.toMatch(/UNTIL=(?!\d{8}T\d{6}Z)/);
    });

    it.each([
      ['a date', 'FREQ=WEEKLY;UNTIL=20270630', 'RRULE:FREQ=WEEKLY;UNTIL=20270630'],
      ['a Berlin time', 'FREQ=WEEKLY;UNTIL=20270630T235959', 'RRULE:FREQ=WEEKLY;UNTIL=20270630'],
      ['a UTC time late in the evening: the Berlin day', 'FREQ=WEEKLY;UNTIL=20270630T223000Z', 'RRULE:FREQ=WEEKLY;UNTIL=20270701'],
    ])('an all-day series keeps UNTIL as a date: %s', (_case, rule, expected) => {
      expect(ruleOf(series('2027-01-04', '2027-01-05', true, rule))).toBe(expected);
    });

    it('a calendar program ends the series on the same day as the app (last occurrence included)', () => {
      // Mondays 16:00 Berlin from 4 January until 28 June 2027 (the app's end of 30 June).
      const timed = occurrencesInClient(series('2027-01-04T16:00', '2027-01-04T18:00', false, 'FREQ=WEEKLY;UNTIL=20270628T235959'));
      expect(timed).toHaveLength(26);
      expect(timed.at(0)).toBe('2027-01-04T15:00');
      expect(timed.at(-1)).toBe('2027-06-28T14:00');
      const allDay = occurrencesInClient(series('2027-01-04', '2027-01-05', true, 'FREQ=WEEKLY;UNTIL=20270628'));
      expect([allDay.length, allDay.at(-1)]).toEqual([26, '2027-06-28']);
    });
  });

  it('escapes the calendar name', () => {
    const one = calendarToIcs({ calendarName: 'Termine BM, Stellvertretung\nX-EVIL:1', uidDomain: DOMAIN, entries: [] });
    expect(unfoldedLines(one)).toContain('X-WR-CALNAME:Termine BM\\, Stellvertretung\\nX-EVIL:1');
    expect(unfoldedLines(one)).not.toContain('X-EVIL:1');
  });

  it.each([
    ['a start that is no time', { start: '10.12.2026 14:00' }, /Der Beginn „10\.12\.2026 14:00“ ist nicht eine Zeit/],
    ['an end before the start', { end: '2026-12-10T13:00' }, /Das Ende \(2026-12-10T13:00\) liegt vor dem Beginn/],
    ['a rule that is no RRULE', { recurrence: { rule: 'jeden Montag', exceptions: [] } }, /keine gültige RRULE/],
    ['a rule that would inject a line', { recurrence: { rule: 'FREQ=DAILY\r\nATTACH:x', exceptions: [] } }, /keine gültige RRULE/],
    ['an exception that is a date of a timed series', { recurrence: { rule: 'FREQ=DAILY', exceptions: ['2026-12-11'] } }, /Ausnahme „2026-12-11“/],
    ['an id with a space', { id: '1 2' }, /Die ID darf/],
  ] satisfies Array<[string, Partial<IcsExportEntry>, RegExp]>)('refuses %s with a German message naming the appointment', (_case, change, message) => {
    const error = errorOf(() => calendarToIcs({ calendarName: 'x', uidDomain: DOMAIN, entries: [{ ...ENTRIES[0], ...change }] }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/^Termin „Haushaltsrede im Rat“/);
    expect(error.message).toMatch(message);
  });
});

// ---------------------------------------------------------------------------------------------
// Import fixtures, written by hand after what Outlook and Google send.

/** An Outlook (Exchange) invitation: METHOD:REQUEST, Windows zone name with its own VTIMEZONE. */
const OUTLOOK_INVITATION = [
  'BEGIN:VCALENDAR',
  'METHOD:REQUEST',
  'PRODID:Microsoft Exchange Server 2010',
  'VERSION:2.0',
  'BEGIN:VTIMEZONE',
  'TZID:W. Europe Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16010101T030000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'ORGANIZER;CN="Müller, Anna":mailto:anna.mueller@stadtwerke-example.de',
  'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Oberbürgermeister:mailto:ob@stadt-example.de',
  'DESCRIPTION;LANGUAGE=de-DE:Sehr geehrter Herr Oberbürgermeister\\,\\n\\nwir freuen uns auf Ihr Grußwort zur Eröffnung des neuen Umspannwerks.\\n',
  'UID:040000008200E00074C5B7101A82E0080000000030E8B7A1C3A4DC01000000000000000010000000F1A6A8D4AE3C9B4EA0C7B6E1D3F2A1B4',
  'SUMMARY;LANGUAGE=de-DE:Eröffnung Umspannwerk Süd – Grußwort',
  'DTSTART;TZID=W. Europe Standard Time:20260708T103000',
  'DTEND;TZID=W. Europe Standard Time:20260708T120000',
  'CLASS:PUBLIC',
  'PRIORITY:5',
  'DTSTAMP:20260601T081500Z',
  'TRANSP:OPAQUE',
  'STATUS:CONFIRMED',
  'SEQUENCE:0',
  'LOCATION;LANGUAGE=de-DE:Umspannwerk Süd\\, Wanheimer Straße 200\\, 47053 Duisb',
  ' urg',
  'X-MICROSOFT-CDO-APPT-SEQUENCE:0',
  'X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE',
  'X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY',
  'X-MICROSOFT-CDO-ALLDAYEVENT:FALSE',
  'X-MICROSOFT-CDO-IMPORTANCE:1',
  'X-MICROSOFT-CDO-INSTTYPE:0',
  'BEGIN:VALARM',
  'DESCRIPTION:REMINDER',
  'TRIGGER;RELATED=START:-PT15M',
  'ACTION:DISPLAY',
  'END:VALARM',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

/** An invitation from Portsmouth: Outlook in London (GMT Standard Time), a weekly series. */
const LONDON_INVITATION = [
  'BEGIN:VCALENDAR',
  'METHOD:REQUEST',
  'PRODID:Microsoft Exchange Server 2010',
  'VERSION:2.0',
  'BEGIN:VTIMEZONE',
  'TZID:GMT Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010101T010000',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'ORGANIZER:mailto:lord.mayor@portsmouth-example.gov.uk',
  'UID:twinning-call-2026@portsmouth-example.gov.uk',
  'SUMMARY;LANGUAGE=en-GB:Twinning call Portsmouth – Duisburg',
  'DTSTART;TZID=GMT Standard Time:20260304T140000',
  'DTEND;TZID=GMT Standard Time:20260304T143000',
  'RRULE:FREQ=WEEKLY;UNTIL=20260429T130000Z;INTERVAL=2;BYDAY=WE;WKST=MO',
  'EXDATE;TZID=GMT Standard Time:20260401T140000',
  'DTSTAMP:20260201T120000Z',
  'LOCATION:Microsoft Teams',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

/** Google Calendar: UTC times, LF line ends, a Berlin VTIMEZONE it does not use for this event. */
const GOOGLE_EVENT = [
  'BEGIN:VCALENDAR',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'VERSION:2.0',
  'CALSCALE:GREGORIAN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'DTSTART:20260715T120000Z',
  'DTEND:20260715T133000Z',
  'DTSTAMP:20260610T090000Z',
  'ORGANIZER;CN=Kulturbüro:mailto:kulturbuero@example.com',
  'UID:7kukuqrfedlm2f9t0vdvfm5obk@google.com',
  'CREATED:20260610T085900Z',
  'DESCRIPTION:Vorbesprechung Akzente-Festival',
  'LAST-MODIFIED:20260610T085900Z',
  'LOCATION:Theater Duisburg\\, Opernplatz',
  'SEQUENCE:0',
  'STATUS:CONFIRMED',
  'SUMMARY:Akzente: Vorbesprechung',
  'TRANSP:OPAQUE',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART:20261210T130000Z',
  'DTEND:20261210T140000Z',
  'DTSTAMP:20260610T090000Z',
  'UID:winter@google.com',
  'SUMMARY:Winterliche Besprechung',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\n');

describe('parseIcs: invitations from Outlook and Google', () => {
  it('reads an Outlook invitation with the Windows zone "W. Europe Standard Time"', () => {
    const { events, problems } = parseIcs(OUTLOOK_INVITATION);
    expect(problems).toEqual([]);
    expect(events).toEqual([
      {
        uid: '040000008200E00074C5B7101A82E0080000000030E8B7A1C3A4DC01000000000000000010000000F1A6A8D4AE3C9B4EA0C7B6E1D3F2A1B4',
        title: 'Eröffnung Umspannwerk Süd – Grußwort',
        start: '2026-07-08T10:30',
        end: '2026-07-08T12:00',
        allDay: false,
        place: 'Umspannwerk Süd, Wanheimer Straße 200, 47053 Duisburg',
        description: 'Sehr geehrter Herr Oberbürgermeister,\n\nwir freuen uns auf Ihr Grußwort zur Eröffnung des neuen Umspannwerks.',
        status: 'bestätigt',
        recurrence: null,
        organizer: 'Müller, Anna <anna.mueller@stadtwerke-example.de>',
        public: null,
      },
    ]);
  });

  it('uses the VTIMEZONE of the invitation, in winter too', () => {
    const winter = OUTLOOK_INVITATION.replace('20260708T103000', '20261209T103000').replace('20260708T120000', '20261209T120000');
    const [event] = parseIcs(winter).events;
    expect([event.start, event.end]).toEqual(['2026-12-09T10:30', '2026-12-09T12:00']);
  });

  it('moves an invitation from London at 14:00 to 15:00 Berlin time, series and exceptions included', () => {
    const { events, problems } = parseIcs(LONDON_INVITATION);
    expect(problems).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      uid: 'twinning-call-2026@portsmouth-example.gov.uk',
      start: '2026-03-04T15:00',
      end: '2026-03-04T15:30',
      status: 'geplant',
      organizer: 'lord.mayor@portsmouth-example.gov.uk',
      recurrence: { rule: 'FREQ=WEEKLY;UNTIL=20260429T130000Z;INTERVAL=2;BYDAY=WE;WKST=MO', exceptions: ['2026-04-01T15:00'] },
    });
  });

  it('uses the file\'s VTIMEZONE for a zone name no table knows ("Customized Time Zone")', () => {
    const custom = LONDON_INVITATION.replaceAll('GMT Standard Time', 'Customized Time Zone');
    const { events, problems } = parseIcs(custom);
    expect(problems).toEqual([]);
    expect([events[0].start, events[0].recurrence?.exceptions]).toEqual(['2026-03-04T15:00', ['2026-04-01T15:00']]);
  });

  it('converts Google UTC times to Berlin wall-clock time (summer +2, winter +1)', () => {
    const { events, problems } = parseIcs(GOOGLE_EVENT);
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.uid, e.start, e.end, e.status])).toEqual([
      ['7kukuqrfedlm2f9t0vdvfm5obk@google.com', '2026-07-15T14:00', '2026-07-15T15:30', 'bestätigt'],
      ['winter@google.com', '2026-12-10T14:00', '2026-12-10T15:00', 'geplant'],
    ]);
    expect(events[0]).toMatchObject({ place: 'Theater Duisburg, Opernplatz', organizer: 'Kulturbüro <kulturbuero@example.com>', description: 'Vorbesprechung Akzente-Festival' });
  });

  it.each([
    ['TZID with its VTIMEZONE (London, summer)', 'TZID=GMT Standard Time', '20260715T140000', '2026-07-15T15:00'],
    ['IANA name without VTIMEZONE (London, summer)', 'TZID=Europe/London', '20260715T140000', '2026-07-15T15:00'],
    ['IANA name without VTIMEZONE (London, winter)', 'TZID=Europe/London', '20261210T140000', '2026-12-10T15:00'],
    ['Windows name without VTIMEZONE (Berlin)', 'TZID=W. Europe Standard Time', '20261210T140000', '2026-12-10T14:00'],
    ['Windows name without VTIMEZONE (New York, between the US and EU changes)', 'TZID="Eastern Standard Time"', '20260315T100000', '2026-03-15T15:00'],
    ['vendor prefix (Mozilla)', 'TZID=/mozilla.org/20050126_1/Europe/Berlin', '20260715T140000', '2026-07-15T14:00'],
    ['floating time: Berlin time', '', '20260715T140000', '2026-07-15T14:00'],
    ['UTC', '', '20260715T120000Z', '2026-07-15T14:00'],
  ])('%s', (_case, parameter, value, expected) => {
    const withVtimezone = parameter === 'TZID=GMT Standard Time' ? LONDON_INVITATION.split('BEGIN:VEVENT')[0].split('\r\n').slice(4, -1) : [];
    const text = calendar(...withVtimezone, 'BEGIN:VEVENT', 'UID:z', 'SUMMARY:Zeitzone', `DTSTART${parameter ? ';' + parameter : ''}:${value}`, 'END:VEVENT');
    const { events, problems } = parseIcs(text);
    expect(problems).toEqual([]);
    expect(events[0].start).toBe(expected);
  });

  it('reports an unknown zone without VTIMEZONE and takes the time as Berlin time', () => {
    const { events, problems } = parseIcs(calendar('BEGIN:VEVENT', 'UID:z', 'SUMMARY:Rätselzone', 'DTSTART;TZID=Mittelerde:20260715T140000', 'END:VEVENT'));
    expect(events[0].start).toBe('2026-07-15T14:00');
    expect(problems).toEqual(['Termin „Rätselzone“: Die Zeitzone „Mittelerde“ ist unbekannt – die Zeit wurde als Berliner Zeit übernommen.']);
  });

  it('marks every event of a cancellation (METHOD:CANCEL) as abgesagt', () => {
    const cancel = OUTLOOK_INVITATION.replace('METHOD:REQUEST', 'METHOD:CANCEL');
    expect(parseIcs(cancel).events[0].status).toBe('abgesagt');
  });

  it('turns a changed occurrence (RECURRENCE-ID) into an exception plus an event of its own', () => {
    const text = calendar(
      'BEGIN:VEVENT', 'UID:serie', 'SUMMARY:Bürgersprechstunde', 'DTSTART;TZID=Europe/Berlin:20260302T160000', 'DTEND;TZID=Europe/Berlin:20260302T180000',
      'RRULE:FREQ=WEEKLY;COUNT=6', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:serie', 'SUMMARY:Bürgersprechstunde (verlegt)', 'RECURRENCE-ID;TZID=Europe/Berlin:20260309T160000',
      'DTSTART;TZID=Europe/Berlin:20260310T160000', 'DTEND;TZID=Europe/Berlin:20260310T180000', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:serie', 'SUMMARY:Bürgersprechstunde', 'RECURRENCE-ID;TZID=Europe/Berlin:20260316T160000', 'STATUS:CANCELLED',
      'DTSTART;TZID=Europe/Berlin:20260316T160000', 'DTEND;TZID=Europe/Berlin:20260316T180000', 'END:VEVENT',
    );
    const { events, problems } = parseIcs(text);
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.uid, e.start, e.recurrence])).toEqual([
      ['serie', '2026-03-02T16:00', { rule: 'FREQ=WEEKLY;COUNT=6', exceptions: ['2026-03-09T16:00', '2026-03-16T16:00'] }],
      ['serie#2026-03-09T16:00', '2026-03-10T16:00', null],
    ]);
  });
});

describe('parseIcs: all-day events, missing ends', () => {
  it.each([
    ['all-day with DTEND', ['DTSTART;VALUE=DATE:20261224', 'DTEND;VALUE=DATE:20261227'], '2026-12-24', '2026-12-27', true],
    ['all-day without DTEND: one day', ['DTSTART;VALUE=DATE:20261224'], '2026-12-24', '2026-12-25', true],
    ['all-day with DURATION', ['DTSTART;VALUE=DATE:20261224', 'DURATION:P2D'], '2026-12-24', '2026-12-26', true],
    ['Outlook all-day as midnight to midnight', ['DTSTART;TZID=Europe/Berlin:20261224T000000', 'DTEND;TZID=Europe/Berlin:20261225T000000', 'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE'], '2026-12-24', '2026-12-25', true],
    ['timed without DTEND: one hour', ['DTSTART;TZID=Europe/Berlin:20261210T140000'], '2026-12-10T14:00', '2026-12-10T15:00', false],
    ['timed with DURATION', ['DTSTART;TZID=Europe/Berlin:20261210T140000', 'DURATION:PT1H30M'], '2026-12-10T14:00', '2026-12-10T15:30', false],
    ['DURATION of a day across the spring change keeps the wall-clock time', ['DTSTART;TZID=Europe/Berlin:20260328T100000', 'DURATION:P1D'], '2026-03-28T10:00', '2026-03-29T10:00', false],
    ['DURATION in hours across the autumn change is exact', ['DTSTART;TZID=Europe/Berlin:20261024T230000', 'DURATION:PT4H'], '2026-10-24T23:00', '2026-10-25T02:00', false],
  ])('%s', (_case, lines, start, end, allDay) => {
    const { events, problems } = parseIcs(calendar('BEGIN:VEVENT', 'UID:a', 'SUMMARY:Heiligabend', ...lines, 'END:VEVENT'));
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.start, e.end, e.allDay])).toEqual([[start, end, allDay]]);
  });

  it('keeps all-day series exceptions as dates', () => {
    const { events } = parseIcs(calendar('BEGIN:VEVENT', 'UID:a', 'SUMMARY:Markttag', 'DTSTART;VALUE=DATE:20260106', 'RRULE:FREQ=WEEKLY;BYDAY=TU', 'EXDATE;VALUE=DATE:20260113,20260120', 'END:VEVENT'));
    expect(events[0].recurrence).toEqual({ rule: 'FREQ=WEEKLY;BYDAY=TU', exceptions: ['2026-01-13', '2026-01-20'] });
  });
});

describe('parseIcs: broken input', () => {
  it.each([
    ['plain text', 'Hallo, anbei die Termine für nächste Woche.'],
    ['an empty file', ''],
    ['a vCard', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Müller\r\nEND:VCARD\r\n'],
  ])('refuses %s: „Die Datei ist keine iCalendar-Datei (.ics).“', (_case, text) => {
    const error = errorOf(() => parseIcs(text));
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toBe('Die Datei ist keine iCalendar-Datei (.ics).');
  });

  it('refuses a cut-off file as damaged', () => {
    const error = errorOf(() => parseIcs(OUTLOOK_INVITATION.slice(0, OUTLOOK_INVITATION.indexOf('END:VEVENT'))));
    expect(error.message).toBe('Die iCalendar-Datei (.ics) ist beschädigt und kann nicht gelesen werden.');
  });

  it('skips an event without DTSTART, names it, and keeps the others', () => {
    const text = calendar(
      'BEGIN:VEVENT', 'UID:ohne-beginn', 'SUMMARY:Ehrung der Sportlerinnen und Sportler', 'DTEND:20261210T150000Z', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:gut', 'SUMMARY:Pressegespräch', 'DTSTART:20261210T090000Z', 'END:VEVENT',
    );
    const { events, problems } = parseIcs(text);
    expect(events.map((e) => e.uid)).toEqual(['gut']);
    expect(problems).toEqual(['Termin „Ehrung der Sportlerinnen und Sportler“: Der Beginn (DTSTART) fehlt – der Termin wurde nicht übernommen.']);
  });

  it('reports an end before the start and uses one hour', () => {
    const { events, problems } = parseIcs(calendar('BEGIN:VEVENT', 'UID:x', 'SUMMARY:Verdreht', 'DTSTART:20261210T150000Z', 'DTEND:20261210T140000Z', 'END:VEVENT'));
    expect(events[0].end).toBe('2026-12-10T17:00');
    expect(problems).toEqual(['Termin „Verdreht“: Das Ende liegt vor dem Beginn – die Dauer wurde auf eine Stunde gesetzt.']);
  });

  it('reads a file with a byte order mark', () => {
    expect(parseIcs(`\uFEFF${GOOGLE_EVENT}`).events).toHaveLength(2);
  });
});
