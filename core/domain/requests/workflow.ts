/**
 * The workflow of a request to the mayor (Anliegenmanagement): which step is allowed in which
 * state, what it changes, and the deadlines. Pure functions only: no I/O, no clock (`today` is
 * passed in, a Berlin calendar day "2026-11-27").
 *
 * eingegangen → (Eingang bestätigt) → in Bearbeitung → an Fachbereich weitergeleitet →
 * Stellungnahme eingegangen → beantwortet → erledigt. The rules:
 * - the receipt is acknowledged only while the request is new (eingegangen), by letter or
 *   e-mail, which needs the person's postal address or e-mail address;
 * - forwarding asks a department for a statement: requested today, due on the date given (moved
 *   to the next working day when it falls on a weekend or an NRW public holiday) or ten working
 *   days later; reminding is possible while the statement is pending, recording it only after
 *   forwarding;
 * - no answer before a statement was asked for and received, unless staff marked it unnecessary
 *   (with a reason);
 * - closing needs an answer — except when there is nobody to answer (anonymous, or neither
 *   address nor e-mail: then a note says how it was settled) and for praise (Lob), which is
 *   closed once its receipt was acknowledged;
 * - a closed request is reopened with a reason.
 */
import type { RequestKind, RequestStatus, RequestStepName } from '../../api/schemas/citizen-requests';
import { addWorkingDays, nextWorkingDay } from '../calendar/holidays';
import type { LocalDate } from '../calendar/types';
import { formatDateLong } from '../dates/format';

/** Working days a department has for its statement unless a date is given. */
export const STATEMENT_WORKING_DAYS = 10;

/** How the person can be reached; null: anonymous (or the personal data was erased). */
export type Reachability = { post: boolean; email: boolean } | null;

/** What the rules look at. */
export interface WorkflowRequest {
  kind: RequestKind;
  status: RequestStatus;
  contact: Reachability;
  acknowledgedOn: LocalDate | null;
  statementRequestedOn: LocalDate | null;
  statementDue: LocalDate | null;
  statementReceivedOn: LocalDate | null;
  statementUnnecessary: boolean;
  answeredOn: LocalDate | null;
  closedOn: LocalDate | null;
  followUpOn: LocalDate | null;
}

/** A step with what the rules need of its input (the department's id and the letter's id are checked by the service). */
export type WorkflowStep =
  | { step: 'acknowledge'; via: 'brief' | 'email' }
  | { step: 'start' }
  | { step: 'forward'; departmentId: number; due?: LocalDate }
  | { step: 'remind' }
  | { step: 'statement'; receivedOn: LocalDate; text: string }
  | { step: 'noStatement'; note: string }
  | { step: 'answer' }
  | { step: 'replied'; letterId: number }
  | { step: 'close'; note: string }
  | { step: 'reopen'; note: string };

/** The stored fields a step sets. */
export interface WorkflowChanges {
  status: RequestStatus;
  acknowledgedOn?: LocalDate;
  departmentId?: number;
  statementRequestedOn?: LocalDate;
  statementDue?: LocalDate;
  statementReceivedOn?: LocalDate | null;
  statementText?: string;
  statementUnnecessary?: boolean;
  remindedOn?: LocalDate | null;
  answeredOn?: LocalDate;
  replyLetterId?: number;
  closedOn?: LocalDate | null;
}

export type StepOutcome =
  | { ok: true; changes: WorkflowChanges; /** German, for the history. */ action: string; note: string }
  | { ok: false; code: 'CONFLICT' | 'INVALID_INPUT'; message: string };

const STATUS_WORDS: Record<RequestStatus, string> = {
  eingegangen: 'eingegangen',
  bestaetigt: 'Eingang bestätigt',
  in_bearbeitung: 'in Bearbeitung',
  weitergeleitet: 'an Fachbereich weitergeleitet',
  stellungnahme: 'Stellungnahme eingegangen',
  beantwortet: 'beantwortet',
  erledigt: 'erledigt',
};

/** The statement's deadline: the date given (a weekend or holiday moves to the next working day), else ten working days after today. */
export function statementDueDate(today: LocalDate, given?: LocalDate): LocalDate {
  return given ? nextWorkingDay(given) : addWorkingDays(today, STATEMENT_WORKING_DAYS);
}

/** Somebody to answer: a person with a postal address or an e-mail address. */
export function isReachable(contact: Reachability): boolean {
  return contact !== null && (contact.post || contact.email);
}

/** A statement was asked for and its deadline has passed without it. */
export function isOverdue(r: Pick<WorkflowRequest, 'status' | 'statementDue'>, today: LocalDate): boolean {
  return r.status === 'weitergeleitet' && r.statementDue !== null && today > r.statementDue;
}

/** The follow-up date (Wiedervorlage) has come and the request is not settled. */
export function isFollowUpDue(r: Pick<WorkflowRequest, 'status' | 'followUpOn'>, today: LocalDate): boolean {
  return r.followUpOn !== null && r.followUpOn <= today && r.status !== 'erledigt';
}

const refuse = (message: string, code: 'CONFLICT' | 'INVALID_INPUT' = 'CONFLICT'): StepOutcome => ({ ok: false, code, message });
const long = (date: LocalDate) => formatDateLong(date);

/** Why a closed or answered request cannot take a working step (null: it can). */
function settledRefusal(r: WorkflowRequest): string | null {
  if (r.status === 'erledigt') return `Das Anliegen ist erledigt${r.closedOn ? ` (seit ${long(r.closedOn)})` : ''}. Bitte zuerst „Wieder öffnen“ wählen.`;
  if (r.status === 'beantwortet') return `Das Anliegen ist bereits beantwortet${r.answeredOn ? ` (am ${long(r.answeredOn)})` : ''}.`;
  return null;
}

/** Why the answer (letter draft, or recording the letter) is not possible yet (null: it is). */
function answerRefusal(r: WorkflowRequest): string | null {
  const settled = settledRefusal(r);
  if (settled) return settled;
  if (r.contact === null) return 'Das Anliegen ist anonym; eine Antwort ist nicht möglich. Bitte mit einem Vermerk abschließen.';
  if (!isReachable(r.contact)) {
    return 'Es sind weder eine Anschrift noch eine E-Mail-Adresse erfasst. Bitte ergänzen – oder das Anliegen mit einem Vermerk abschließen.';
  }
  if (r.status === 'weitergeleitet') {
    return (
      `Die Stellungnahme des Fachbereichs steht noch aus${r.statementDue ? ` (Frist bis ${long(r.statementDue)})` : ''}. ` +
      'Bitte erst die Stellungnahme eintragen – oder vermerken, dass keine nötig ist.'
    );
  }
  if (r.statementReceivedOn === null && !r.statementUnnecessary) {
    return 'Vor der Antwort bitte den zuständigen Fachbereich um eine Stellungnahme bitten – oder vermerken, dass keine Stellungnahme nötig ist (mit Begründung).';
  }
  return null;
}

/** Why closing is not possible (null: it is); `note` is what staff wrote. */
function closeRefusal(r: WorkflowRequest, note: string): StepOutcome | null {
  if (r.status === 'erledigt') return refuse(`Das Anliegen ist bereits erledigt${r.closedOn ? ` (seit ${long(r.closedOn)})` : ''}.`);
  if (r.status === 'beantwortet') return null;
  if (!isReachable(r.contact)) {
    return note.trim()
      ? null
      : refuse(
          `${r.contact === null ? 'Das Anliegen ist anonym' : 'Es sind weder eine Anschrift noch eine E-Mail-Adresse erfasst'}; ` +
            'bitte kurz vermerken, wie es erledigt wurde.',
          'INVALID_INPUT',
        );
  }
  if (r.kind === 'lob') {
    return r.acknowledgedOn ? null : refuse('Ein Lob kann abgeschlossen werden, sobald der Eingang bestätigt ist.');
  }
  return refuse('Abschließen ist erst möglich, wenn das Anliegen beantwortet ist (Antwortschreiben erstellt).');
}

/**
 * Checks one step against the rules and returns what it changes, or why it is refused (German).
 * `today` is the Berlin calendar day.
 */
export function applyStep(r: WorkflowRequest, step: WorkflowStep, today: LocalDate): StepOutcome {
  switch (step.step) {
    case 'acknowledge': {
      if (r.status !== 'eingegangen') {
        return refuse(
          r.acknowledgedOn
            ? `Der Eingang wurde bereits am ${long(r.acknowledgedOn)} bestätigt.`
            : `Der Eingang wird nur bei einem neu eingegangenen Anliegen bestätigt; dieses ist bereits „${STATUS_WORDS[r.status]}“.`,
        );
      }
      if (r.contact === null) return refuse('Das Anliegen ist anonym; eine Eingangsbestätigung ist nicht möglich.');
      if (step.via === 'brief' && !r.contact.post) return refuse('Für eine Eingangsbestätigung per Brief fehlt die Postanschrift (Straße und Ort).', 'INVALID_INPUT');
      if (step.via === 'email' && !r.contact.email) return refuse('Für eine Eingangsbestätigung per E-Mail fehlt die E-Mail-Adresse.', 'INVALID_INPUT');
      return {
        ok: true,
        changes: { status: 'bestaetigt', acknowledgedOn: today },
        action: step.via === 'brief' ? 'Eingang bestätigt (Brief)' : 'Eingang bestätigt (E-Mail)',
        note: '',
      };
    }

    case 'start': {
      const settled = settledRefusal(r);
      if (settled) return refuse(settled);
      if (r.status !== 'eingegangen' && r.status !== 'bestaetigt') return refuse(`Das Anliegen ist bereits „${STATUS_WORDS[r.status]}“.`);
      return { ok: true, changes: { status: 'in_bearbeitung' }, action: 'In Bearbeitung genommen', note: '' };
    }

    case 'forward': {
      const settled = settledRefusal(r);
      if (settled) return refuse(settled);
      if (step.due !== undefined && step.due < today) return refuse(`Die Frist (${long(step.due)}) liegt vor dem heutigen Tag.`, 'INVALID_INPUT');
      const again = r.status === 'weitergeleitet' || r.status === 'stellungnahme';
      return {
        ok: true,
        changes: {
          status: 'weitergeleitet',
          departmentId: step.departmentId,
          statementRequestedOn: today,
          statementDue: statementDueDate(today, step.due),
          statementReceivedOn: null,
          statementUnnecessary: false,
          remindedOn: null,
        },
        action: again ? 'Erneut an Fachbereich weitergeleitet' : 'An Fachbereich weitergeleitet',
        note: '',
      };
    }

    case 'remind': {
      if (r.status !== 'weitergeleitet') {
        return refuse('An die Stellungnahme erinnern geht nur, solange das Anliegen an einen Fachbereich weitergeleitet ist und die Stellungnahme aussteht.');
      }
      return { ok: true, changes: { status: 'weitergeleitet', remindedOn: today }, action: 'Fachbereich an die Stellungnahme erinnert', note: '' };
    }

    case 'statement': {
      if (r.status !== 'weitergeleitet') {
        const settled = settledRefusal(r);
        if (settled) return refuse(settled);
        if (r.status === 'stellungnahme') return refuse(`Die Stellungnahme ist bereits eingetragen (eingegangen am ${long(r.statementReceivedOn!)}).`);
        return refuse('Eine Stellungnahme kann erst eingetragen werden, wenn das Anliegen an einen Fachbereich weitergeleitet wurde.');
      }
      if (!step.text.trim()) return refuse('Bitte die Stellungnahme eintragen.', 'INVALID_INPUT');
      if (step.receivedOn > today) return refuse(`Das Eingangsdatum der Stellungnahme (${long(step.receivedOn)}) liegt in der Zukunft.`, 'INVALID_INPUT');
      if (r.statementRequestedOn && step.receivedOn < r.statementRequestedOn) {
        return refuse(`Die Stellungnahme kann nicht vor der Bitte darum (${long(r.statementRequestedOn)}) eingegangen sein.`, 'INVALID_INPUT');
      }
      return {
        ok: true,
        changes: { status: 'stellungnahme', statementReceivedOn: step.receivedOn, statementText: step.text.trim() },
        action: 'Stellungnahme eingegangen',
        note: '',
      };
    }

    case 'noStatement': {
      const settled = settledRefusal(r);
      if (settled) return refuse(settled);
      if (r.status === 'stellungnahme') return refuse('Die Stellungnahme liegt bereits vor.');
      if (r.statementUnnecessary) return refuse('Es ist bereits vermerkt, dass keine Stellungnahme nötig ist.');
      if (!step.note.trim()) return refuse('Bitte kurz begründen, warum keine Stellungnahme nötig ist.', 'INVALID_INPUT');
      return {
        ok: true,
        changes: { status: 'in_bearbeitung', statementUnnecessary: true },
        action: 'Keine Stellungnahme nötig',
        note: step.note.trim(),
      };
    }

    case 'answer': {
      const refusal = answerRefusal(r);
      if (refusal) return refuse(refusal);
      return { ok: true, changes: { status: r.status }, action: 'Antwortschreiben vorbereitet', note: '' };
    }

    case 'replied': {
      const refusal = answerRefusal(r);
      if (refusal) return refuse(refusal);
      return {
        ok: true,
        changes: { status: 'beantwortet', answeredOn: today, replyLetterId: step.letterId },
        action: 'Beantwortet',
        note: '',
      };
    }

    case 'close': {
      const refusal = closeRefusal(r, step.note);
      if (refusal) return refusal;
      return { ok: true, changes: { status: 'erledigt', closedOn: today }, action: 'Erledigt', note: step.note.trim() };
    }

    case 'reopen': {
      if (r.status !== 'erledigt') return refuse('Nur ein erledigtes Anliegen kann wieder geöffnet werden.');
      if (!step.note.trim()) return refuse('Bitte den Grund angeben, warum das Anliegen wieder geöffnet wird.', 'INVALID_INPUT');
      return { ok: true, changes: { status: 'in_bearbeitung', closedOn: null }, action: 'Wieder geöffnet', note: step.note.trim() };
    }
  }
}

/** A stand-in input per step, to ask the rules whether the state allows it. */
const PROBES: Record<RequestStepName, (r: WorkflowRequest, today: LocalDate) => WorkflowStep> = {
  acknowledge: (r) => ({ step: 'acknowledge', via: r.contact?.post ? 'brief' : 'email' }),
  start: () => ({ step: 'start' }),
  forward: () => ({ step: 'forward', departmentId: 1 }),
  remind: () => ({ step: 'remind' }),
  statement: (r, today) => ({ step: 'statement', receivedOn: r.statementRequestedOn ?? today, text: '…' }),
  noStatement: () => ({ step: 'noStatement', note: '…' }),
  answer: () => ({ step: 'answer' }),
  replied: () => ({ step: 'replied', letterId: 1 }),
  close: () => ({ step: 'close', note: '…' }),
  reopen: () => ({ step: 'reopen', note: '…' }),
};

/** The steps the request allows now, in workflow order (what the UI offers). */
export function nextSteps(r: WorkflowRequest, today: LocalDate): RequestStepName[] {
  return (Object.keys(PROBES) as RequestStepName[]).filter((name) => applyStep(r, PROBES[name](r, today), today).ok);
}

/** A request as the rules see it when it was just recorded (for tests and callers building states). */
export function newWorkflowRequest(kind: RequestKind, contact: Reachability): WorkflowRequest {
  return {
    kind,
    status: 'eingegangen',
    contact,
    acknowledgedOn: null,
    statementRequestedOn: null,
    statementDue: null,
    statementReceivedOn: null,
    statementUnnecessary: false,
    answeredOn: null,
    closedOn: null,
    followUpOn: null,
  };
}
