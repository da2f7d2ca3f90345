import { describe, expect, it } from 'vitest';
import type { RequestStepName } from '../../api/schemas/citizen-requests';
import {
  applyStep,
  isFollowUpDue,
  isOverdue,
  newWorkflowRequest,
  nextSteps,
  statementDueDate,
  type Reachability,
  type WorkflowRequest,
  type WorkflowStep,
} from './workflow';

const POST_AND_EMAIL: Reachability = { post: true, email: true };
const EMAIL_ONLY: Reachability = { post: false, email: true };
const NOWHERE: Reachability = { post: false, email: false };
const TODAY = '2026-11-27'; // a Friday

/** A request in a state, built from a fresh one. */
const req = (more: Partial<WorkflowRequest> = {}): WorkflowRequest => ({ ...newWorkflowRequest('beschwerde', POST_AND_EMAIL), ...more });
const forwarded = (more: Partial<WorkflowRequest> = {}) =>
  req({ status: 'weitergeleitet', statementRequestedOn: '2026-11-13', statementDue: '2026-11-27', ...more });

describe('the statement deadline: ten working days (weekends and NRW public holidays do not count)', () => {
  // Expected dates counted by hand on the calendar; the holidays that fall in between are named.
  it.each([
    ['2026-11-27', '2026-12-11', 'Friday: two weekends skipped (30 Nov … 11 Dec)'],
    ['2026-12-18', '2027-01-05', '1. Weihnachtstag Fri 25 Dec and Neujahr Fri 1 Jan skipped; 24 and 31 Dec are working days'],
    ['2026-12-30', '2027-01-14', 'Neujahr Fri 1 Jan 2027 skipped; 6 Jan is no holiday in NRW'],
    ['2026-03-30', '2026-04-15', 'Easter 2026: Karfreitag 3 Apr and Ostermontag 6 Apr skipped'],
    ['2027-03-22', '2027-04-07', 'Easter 2027: Karfreitag 26 Mar and Ostermontag 29 Mar skipped'],
    ['2026-05-22', '2026-06-09', 'Pfingstmontag 25 May and Fronleichnam Thu 4 Jun 2026 skipped'],
    ['2027-05-14', '2027-06-01', 'Pfingstmontag 17 May and Fronleichnam Thu 27 May 2027 skipped'],
    ['2026-09-28', '2026-10-12', 'Tag der Deutschen Einheit 2026 is a Saturday: nothing extra skipped'],
  ])('forwarded on %s → due %s (%s)', (today, due) => {
    expect(statementDueDate(today)).toBe(due);
  });

  it.each([
    ['2026-12-03', '2026-12-03', 'a Thursday stays'],
    ['2026-12-12', '2026-12-14', 'Saturday → Monday'],
    ['2026-12-25', '2026-12-28', '1. Weihnachtstag (Fri), then the weekend → Monday 28 Dec'],
    ['2027-01-01', '2027-01-04', 'Neujahr (Fri) → Monday 4 Jan'],
    ['2027-03-26', '2027-03-30', 'Karfreitag, the weekend and Ostermontag → Tuesday 30 Mar'],
    ['2026-06-04', '2026-06-05', 'Fronleichnam 2026 (Thu) → Friday'],
    ['2027-05-27', '2027-05-28', 'Fronleichnam 2027 (Thu) → Friday'],
    ['2027-10-30', '2027-11-02', 'Saturday, Sunday, then Allerheiligen (Mon 1 Nov 2027) → Tuesday'],
  ])('a date given as %s → due %s (%s)', (given, due) => {
    expect(statementDueDate('2026-11-27', given)).toBe(due);
  });

  it('forwarding records the request date, the deadline and the department', () => {
    const outcome = applyStep(req({ status: 'in_bearbeitung' }), { step: 'forward', departmentId: 7 }, '2026-12-18');
    expect(outcome).toEqual({
      ok: true,
      action: 'An Fachbereich weitergeleitet',
      note: '',
      changes: {
        status: 'weitergeleitet',
        departmentId: 7,
        statementRequestedOn: '2026-12-18',
        statementDue: '2027-01-05',
        statementReceivedOn: null,
        statementUnnecessary: false,
        remindedOn: null,
      },
    });
    const onHoliday = applyStep(req(), { step: 'forward', departmentId: 7, due: '2026-12-25' }, '2026-12-18');
    expect(onHoliday.ok && onHoliday.changes.statementDue).toBe('2026-12-28');
  });
});

type Case = [label: string, request: WorkflowRequest, step: WorkflowStep, expected: string | Partial<WorkflowRequest>];

describe('the steps: allowed and what they change, or refused with a German reason', () => {
  const cases: Case[] = [
    ['acknowledge a new request by letter', req(), { step: 'acknowledge', via: 'brief' }, { status: 'bestaetigt', acknowledgedOn: TODAY }],
    ['acknowledge by e-mail without address', req({ contact: EMAIL_ONLY }), { step: 'acknowledge', via: 'email' }, { status: 'bestaetigt' }],
    ['acknowledge twice', req({ status: 'bestaetigt', acknowledgedOn: '2026-11-20' }), { step: 'acknowledge', via: 'brief' }, 'Der Eingang wurde bereits am 20. November 2026 bestätigt.'],
    ['acknowledge once in progress', req({ status: 'in_bearbeitung' }), { step: 'acknowledge', via: 'brief' }, 'Der Eingang wird nur bei einem neu eingegangenen Anliegen bestätigt; dieses ist bereits „in Bearbeitung“.'],
    ['acknowledge by letter without postal address', req({ contact: EMAIL_ONLY }), { step: 'acknowledge', via: 'brief' }, 'Für eine Eingangsbestätigung per Brief fehlt die Postanschrift (Straße und Ort).'],
    ['acknowledge an anonymous request', req({ contact: null }), { step: 'acknowledge', via: 'email' }, 'Das Anliegen ist anonym; eine Eingangsbestätigung ist nicht möglich.'],
    ['start after the acknowledgement', req({ status: 'bestaetigt' }), { step: 'start' }, { status: 'in_bearbeitung' }],
    ['forward again to another department', forwarded(), { step: 'forward', departmentId: 2 }, { status: 'weitergeleitet', statementRequestedOn: TODAY, statementDue: '2026-12-11' }],
    ['forward with a deadline in the past', req(), { step: 'forward', departmentId: 2, due: '2026-11-26' }, 'Die Frist (26. November 2026) liegt vor dem heutigen Tag.'],
    ['forward a closed request', req({ status: 'erledigt', closedOn: '2026-11-20' }), { step: 'forward', departmentId: 2 }, 'Das Anliegen ist erledigt (seit 20. November 2026). Bitte zuerst „Wieder öffnen“ wählen.'],
    ['remind while forwarded', forwarded(), { step: 'remind' }, { status: 'weitergeleitet', remindedOn: TODAY } as Partial<WorkflowRequest>],
    ['remind before forwarding', req({ status: 'in_bearbeitung' }), { step: 'remind' }, 'An die Stellungnahme erinnern geht nur, solange das Anliegen an einen Fachbereich weitergeleitet ist und die Stellungnahme aussteht.'],
    ['record the statement after forwarding', forwarded(), { step: 'statement', receivedOn: '2026-11-25', text: ' Die Laterne wird repariert. ' }, { status: 'stellungnahme', statementReceivedOn: '2026-11-25' }],
    ['record a statement that was never asked for', req({ status: 'in_bearbeitung' }), { step: 'statement', receivedOn: TODAY, text: 'x' }, 'Eine Stellungnahme kann erst eingetragen werden, wenn das Anliegen an einen Fachbereich weitergeleitet wurde.'],
    ['a statement received before it was asked for', forwarded(), { step: 'statement', receivedOn: '2026-11-12', text: 'x' }, 'Die Stellungnahme kann nicht vor der Bitte darum (13. November 2026) eingegangen sein.'],
    ['a statement received tomorrow', forwarded(), { step: 'statement', receivedOn: '2026-11-28', text: 'x' }, 'Das Eingangsdatum der Stellungnahme (28. November 2026) liegt in der Zukunft.'],
    ['answer before any statement was asked for', req({ status: 'in_bearbeitung' }), { step: 'answer' }, 'Vor der Antwort bitte den zuständigen Fachbereich um eine Stellungnahme bitten – oder vermerken, dass keine Stellungnahme nötig ist (mit Begründung).'],
    ['answer while the statement is pending', forwarded(), { step: 'answer' }, 'Die Stellungnahme des Fachbereichs steht noch aus (Frist bis 27. November 2026). Bitte erst die Stellungnahme eintragen – oder vermerken, dass keine nötig ist.'],
    ['mark the statement unnecessary', req({ status: 'bestaetigt' }), { step: 'noStatement', note: 'Auskunft liegt vor' }, { status: 'in_bearbeitung', statementUnnecessary: true }],
    ['mark it unnecessary without a reason', req(), { step: 'noStatement', note: '  ' }, 'Bitte kurz begründen, warum keine Stellungnahme nötig ist.'],
    ['answer once marked unnecessary', req({ status: 'in_bearbeitung', statementUnnecessary: true }), { step: 'answer' }, { status: 'in_bearbeitung' }],
    ['answer after the statement', forwarded({ status: 'stellungnahme', statementReceivedOn: '2026-11-25' }), { step: 'answer' }, { status: 'stellungnahme' }],
    ['answer an anonymous request', req({ contact: null, statementUnnecessary: true }), { step: 'answer' }, 'Das Anliegen ist anonym; eine Antwort ist nicht möglich. Bitte mit einem Vermerk abschließen.'],
    ['record the reply letter', forwarded({ status: 'stellungnahme', statementReceivedOn: '2026-11-25' }), { step: 'replied', letterId: 12 }, { status: 'beantwortet', answeredOn: TODAY }],
    ['record a reply before the statement', forwarded(), { step: 'replied', letterId: 12 }, 'Die Stellungnahme des Fachbereichs steht noch aus (Frist bis 27. November 2026). Bitte erst die Stellungnahme eintragen – oder vermerken, dass keine nötig ist.'],
    ['close after the answer', req({ status: 'beantwortet', answeredOn: '2026-11-26' }), { step: 'close', note: '' }, { status: 'erledigt', closedOn: TODAY }],
    ['close before the answer', forwarded({ status: 'stellungnahme', statementReceivedOn: '2026-11-25' }), { step: 'close', note: 'fertig' }, 'Abschließen ist erst möglich, wenn das Anliegen beantwortet ist (Antwortschreiben erstellt).'],
    ['close an anonymous request with a note', req({ contact: null }), { step: 'close', note: 'An Ordnungsamt zur Kenntnis gegeben' }, { status: 'erledigt' }],
    ['close an anonymous request without a note', req({ contact: null }), { step: 'close', note: '' }, 'Das Anliegen ist anonym; bitte kurz vermerken, wie es erledigt wurde.'],
    ['close without address or e-mail, without a note', req({ contact: NOWHERE }), { step: 'close', note: '' }, 'Es sind weder eine Anschrift noch eine E-Mail-Adresse erfasst; bitte kurz vermerken, wie es erledigt wurde.'],
    ['close praise after the acknowledgement', req({ kind: 'lob', status: 'bestaetigt', acknowledgedOn: '2026-11-26' }), { step: 'close', note: '' }, { status: 'erledigt' }],
    ['close praise before the acknowledgement', req({ kind: 'lob' }), { step: 'close', note: '' }, 'Ein Lob kann abgeschlossen werden, sobald der Eingang bestätigt ist.'],
    ['close twice', req({ status: 'erledigt', closedOn: '2026-11-20' }), { step: 'close', note: '' }, 'Das Anliegen ist bereits erledigt (seit 20. November 2026).'],
    ['reopen with a reason', req({ status: 'erledigt', closedOn: '2026-11-20' }), { step: 'reopen', note: 'Bürgerin hat erneut geschrieben' }, { status: 'in_bearbeitung', closedOn: null }],
    ['reopen without a reason', req({ status: 'erledigt', closedOn: '2026-11-20' }), { step: 'reopen', note: '' }, 'Bitte den Grund angeben, warum das Anliegen wieder geöffnet wird.'],
    ['reopen an open request', req({ status: 'beantwortet' }), { step: 'reopen', note: 'x' }, 'Nur ein erledigtes Anliegen kann wieder geöffnet werden.'],
  ];

  it.each(cases)('%s', (_label, request, step, expected) => {
    const outcome = applyStep(request, step, TODAY);
    if (typeof expected === 'string') {
      expect(outcome).toMatchObject({ ok: false, message: expected });
    } else {
      expect(outcome.ok, outcome.ok ? '' : outcome.message).toBe(true);
      if (outcome.ok) expect(outcome.changes).toMatchObject(expected);
    }
  });
});

describe('the steps each state offers', () => {
  it.each<[string, WorkflowRequest, RequestStepName[]]>([
    ['new, with address', req(), ['acknowledge', 'start', 'forward', 'noStatement']],
    ['new, anonymous', req({ contact: null }), ['start', 'forward', 'noStatement', 'close']],
    ['new praise, acknowledged', req({ kind: 'lob', status: 'bestaetigt', acknowledgedOn: TODAY }), ['start', 'forward', 'noStatement', 'close']],
    ['forwarded', forwarded(), ['forward', 'remind', 'statement', 'noStatement']],
    ['statement received', forwarded({ status: 'stellungnahme', statementReceivedOn: TODAY }), ['forward', 'answer', 'replied']],
    ['no statement needed', req({ status: 'in_bearbeitung', statementUnnecessary: true }), ['forward', 'answer', 'replied']],
    ['answered', req({ status: 'beantwortet', answeredOn: TODAY }), ['close']],
    ['closed', req({ status: 'erledigt', closedOn: TODAY }), ['reopen']],
  ])('%s', (_label, request, steps) => {
    expect(nextSteps(request, TODAY)).toEqual(steps);
  });
});

describe('overdue statements and follow-up dates', () => {
  it.each([
    ['2026-12-11', 'weitergeleitet', '2026-12-11', false, 'the deadline day itself'],
    ['2026-12-12', 'weitergeleitet', '2026-12-11', true, 'the day after'],
    ['2027-01-04', 'weitergeleitet', '2026-12-31', true, 'after the turn of the year'],
    ['2026-12-12', 'stellungnahme', '2026-12-11', false, 'statement received'],
    ['2026-12-12', 'in_bearbeitung', '2026-12-11', false, 'marked unnecessary after forwarding'],
  ] as const)('today %s, %s, due %s → overdue %s (%s)', (today, status, due, overdue, _why) => {
    expect(isOverdue({ status, statementDue: due }, today)).toBe(overdue);
  });

  it.each([
    ['2026-11-27', 'in_bearbeitung', '2026-11-27', true],
    ['2026-11-27', 'in_bearbeitung', '2026-11-30', false],
    ['2026-11-27', 'beantwortet', '2026-11-01', true],
    ['2026-11-27', 'erledigt', '2026-11-01', false],
    ['2026-11-27', 'eingegangen', null, false],
  ] as const)('today %s, %s, follow-up on %s → due %s', (today, status, followUpOn, due) => {
    expect(isFollowUpDue({ status, followUpOn }, today)).toBe(due);
  });
});
