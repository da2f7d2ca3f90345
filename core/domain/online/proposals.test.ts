import { describe, expect, it } from 'vitest';
import { dueProposals, eventProposal, greetingProposal, pressProposal, weekProposal, type Proposal, type WeekAppointment } from './proposals';

/** Monday, 7 December 2026, 10:00 in Duisburg (winter time, UTC+1). */
const NOW = new Date('2026-12-07T09:00:00Z');

describe('what each origin proposes', () => {
  it('a press release with an embargo: a post at the embargo, which stays its earliest time', () => {
    expect(pressProposal({ id: 12, title: 'Hafenfest 2027: das Programm', subtitle: 'Drei Tage Musik am Innenhafen', embargoUntil: '2026-12-10T11:00' })).toEqual({
      key: 'press:12',
      kind: 'press',
      title: 'Pressemitteilung „Hafenfest 2027: das Programm“',
      suggestedAt: '2026-12-10T11:00',
      notBefore: '2026-12-10T11:00',
      until: '2026-12-11T11:00',
      text: 'Hafenfest 2027: das Programm – Drei Tage Musik am Innenhafen',
      channels: ['portal', 'facebook', 'mastodon', 'bluesky'],
    });
  });

  it.each([
    // A day that begins at midnight: the afternoon before; one that begins at sunset the evening before: that day at noon.
    ['Weihnachten', { date: '2026-12-25', key: 'weihnachten', name: 'Weihnachten', beginsEvening: null }, '2026-12-24T16:00'],
    ['Chanukka (begins the evening before)', { date: '2026-12-05', key: 'chanukka', name: 'Chanukka', beginsEvening: '2026-12-04' }, '2026-12-04T12:00'],
    ['Neujahr (the year before)', { date: '2027-01-01', key: 'neujahr', name: 'Neujahr', beginsEvening: null }, '2026-12-31T16:00'],
  ] as const)('a holiday of the greetings plan, %s: a greeting shortly before the day', (_label, occasion, suggestedAt) => {
    const proposal = greetingProposal(occasion, 'Duisburg');
    expect(proposal).toMatchObject({ key: `greeting:${occasion.key}:${occasion.date}`, kind: 'greeting', suggestedAt, notBefore: null, until: `${occasion.date}T23:59` });
    expect(proposal.title).toBe(`Gruß zu ${occasion.name}`);
    expect(proposal.text).toBe(`${occasion.name}: Herzliche Grüße aus Duisburg an alle, die diesen Tag feiern!`);
  });

  const appointment = (more: Partial<WeekAppointment>): WeekAppointment => ({ title: 'Empfang', start: '2026-12-14T10:00', allDay: false, place: '', public: true, status: 'geplant', ...more });
  it('the mayor’s public appointments of a week: one post on its Monday morning, listing only the public ones', () => {
    const proposal = weekProposal('2026-12-14', 'Oberbürgermeisterin Dr. Petra Hovestadt', [
      appointment({ title: 'Adventssingen im Rathaus', start: '2026-12-16T17:00', place: 'Ratssaal' }),
      appointment({ title: 'Vertrauliches Gespräch mit dem Investor', start: '2026-12-15T09:00', public: false }),
      appointment({ title: 'Eröffnung der Eisbahn', start: '2026-12-14T18:30', place: 'König-Heinrich-Platz' }),
      appointment({ title: 'Weihnachtsmarkt-Rundgang', start: '2026-12-19', allDay: true }),
      appointment({ title: 'Abgesagter Besuch', start: '2026-12-17T11:00', status: 'abgesagt' }),
    ]);
    expect(proposal).toEqual({
      key: 'week:2026-12-14',
      kind: 'week',
      title: 'Termine der Woche vom 14. bis 20. Dezember 2026',
      suggestedAt: '2026-12-14T08:00',
      notBefore: null,
      until: '2026-12-20T23:59',
      text: [
        'Termine der Woche: Oberbürgermeisterin Dr. Petra Hovestadt vom 14. bis 20. Dezember 2026',
        '',
        'Montag, 14.12., 18:30 Uhr: Eröffnung der Eisbahn (König-Heinrich-Platz)',
        'Mittwoch, 16.12., 17:00 Uhr: Adventssingen im Rathaus (Ratssaal)',
        'Samstag, 19.12.: Weihnachtsmarkt-Rundgang',
      ].join('\n'),
      channels: ['portal', 'facebook', 'intranet'],
    });
    expect(proposal!.text).not.toContain('Vertrauliches Gespräch');
  });

  it('a week without a public appointment proposes nothing', () => {
    expect(weekProposal('2026-12-14', 'Oberbürgermeisterin Dr. Petra Hovestadt', [appointment({ public: false })])).toBeNull();
  });

  it.each([
    ['a citizens’ talk', { id: 3, kind: 'gespraech', title: 'Bürgergespräch Hamborn', start: '2027-01-14T18:00', place: 'Bezirksrathaus Hamborn', district: 'Hamborn' }, 'Einladung zum Bürgergespräch „Bürgergespräch Hamborn“ am Donnerstag, 14. Januar 2027, um 18:00 Uhr: Bezirksrathaus Hamborn (Hamborn). Die Oberbürgermeisterin freut sich auf Ihre Fragen und Anregungen.'],
    ['a citizens’ walk', { id: 4, kind: 'spaziergang', title: 'Rundgang durch Ruhrort', start: '2027-01-16T10:30', place: '', district: 'Ruhrort' }, 'Einladung zum Bürgerspaziergang „Rundgang durch Ruhrort“ am Samstag, 16. Januar 2027, um 10:30 Uhr (Ruhrort). Die Oberbürgermeisterin freut sich auf Ihre Fragen und Anregungen.'],
  ] as const)('%s: an announcement a week before', (_label, event, text) => {
    const proposal = eventProposal(event, 'Die Oberbürgermeisterin');
    expect(proposal).toMatchObject({ key: `event:${event.id}`, kind: 'event', suggestedAt: `${event.start.slice(0, 8)}${String(Number(event.start.slice(8, 10)) - 7).padStart(2, '0')}T10:00`, notBefore: null, until: event.start, text });
    expect(proposal.channels).toEqual(['portal', 'facebook', 'instagram', 'mastodon']);
  });
});

describe('which proposals are due in a range', () => {
  const proposal = (key: string, suggestedAt: string, more: Partial<Proposal> = {}): Proposal => ({
    key,
    kind: 'greeting',
    title: key,
    suggestedAt,
    notBefore: null,
    until: '2026-12-31T23:59',
    text: '',
    channels: ['facebook'],
    ...more,
  });

  it.each([
    ['in the range', [proposal('a', '2026-12-08T16:00')], [], ['a@2026-12-08T16:00']],
    ['after the range', [proposal('a', '2026-12-15T00:00')], [], []],
    ['on the last day of the range', [proposal('a', '2026-12-14T23:59')], [], ['a@2026-12-14T23:59']],
    ['taken or dismissed before', [proposal('a', '2026-12-08T16:00'), proposal('b', '2026-12-09T16:00')], ['a'], ['b@2026-12-09T16:00']],
    ['its time passed, still of use: the next full hour', [proposal('a', '2026-12-07T08:00', { until: '2026-12-07T23:59' })], [], ['a@2026-12-07T11:00']],
    ['its time passed and no longer of use', [proposal('a', '2026-12-06T08:00', { until: '2026-12-07T09:59' })], [], []],
    ['sorted by time, then key', [proposal('b', '2026-12-09T16:00'), proposal('c', '2026-12-08T16:00'), proposal('a', '2026-12-09T16:00')], [], ['c@2026-12-08T16:00', 'a@2026-12-09T16:00', 'b@2026-12-09T16:00']],
  ] as const)('%s', (_label, candidates, done, expected) => {
    const due = dueProposals(candidates, { from: '2026-12-07', to: '2026-12-14', now: NOW, done: new Set(done) });
    expect(due.map((p) => `${p.key}@${p.suggestedAt}`)).toEqual(expected);
  });
});
