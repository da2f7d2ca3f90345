import type { CalendarInfo, Input, Invitation, InvitationInput } from '../../../../core/api';
import { type PickedContact, contactOrNameInput } from '../letters/ContactOrNameFields';
import { exclusiveEndOf, lastDayOf } from '../calendar/wall-clock';

export type Request = Invitation['requests'][number];

/**
 * The decision as one choice, who attends included: „In Vertretung: Volker Sandmann“ is
 * `delegated:<his calendar>`. `open` records the invitation without deciding.
 */
export type DecisionChoice = 'open' | 'accepted' | 'declined' | 'written_greeting' | `delegated:${number}`;

/** The invitation and its decision, in one form. */
export interface InvitationFormValues {
  inviterMode: 'contact' | 'free';
  inviterContact: PickedContact;
  inviterName: string;
  event: string;
  /** All-day dates end on their last day, inclusive, in the form. */
  dates: Array<{ allDay: boolean; start: string; end: string }>;
  place: string;
  addressedTo: string;
  receivedOn: string;
  replyBy: string;
  requests: Request[];
  notes: string;
  decision: DecisionChoice;
  /** Which of the dates the decision is about (index, as text for the select). */
  dateIndex: string;
  note: string;
  /** Make the reply letter with the decision. */
  replyLetter: boolean;
}

/** The fields that make the decision; changing one of them means deciding (again) on saving. */
export const DECISION_FIELDS = ['decision', 'dateIndex', 'note'] as const;

/**
 * The fields a decision rests on: when they change, a decided invitation is decided again, so
 * that its appointment follows the dates and a reply can be prepared for an inviter now picked
 * from the contacts.
 */
export const DECIDED_ON = ['dates', 'inviterMode', 'inviterContact', 'inviterName'] as const;

export function formValuesOf(invitation: Invitation | null, today: string, dateIndex = 0): InvitationFormValues {
  const decision: DecisionChoice =
    !invitation || invitation.status === 'open' ? 'open' : invitation.status === 'delegated' ? `delegated:${invitation.calendarId ?? 0}` : invitation.status;
  const decisionValues = { decision, dateIndex: String(dateIndex), note: invitation?.decisionNote ?? '', replyLetter: decision === 'open' };
  if (!invitation) {
    return {
      inviterMode: 'contact',
      inviterContact: null,
      inviterName: '',
      event: '',
      dates: [{ allDay: false, start: '', end: '' }],
      place: '',
      addressedTo: '',
      receivedOn: today,
      replyBy: '',
      requests: ['attendance'],
      notes: '',
      ...decisionValues,
    };
  }
  return {
    inviterMode: invitation.inviterContactId !== null ? 'contact' : 'free',
    inviterContact: invitation.inviterContactId !== null ? { id: invitation.inviterContactId, displayName: invitation.inviter } : null,
    inviterName: invitation.inviterName,
    event: invitation.event,
    dates: invitation.dates.map((d) => ({ allDay: d.allDay, start: d.start, end: d.allDay ? lastDayOf(d.end) : d.end })),
    place: invitation.place,
    addressedTo: invitation.addressedTo,
    receivedOn: invitation.receivedOn,
    replyBy: invitation.replyBy ?? '',
    requests: invitation.requests,
    notes: invitation.notes,
    ...decisionValues,
  };
}

/** The dates as the API takes them (all-day spans with their exclusive end). */
export const datesOf = (values: Pick<InvitationFormValues, 'dates'>) =>
  values.dates.map((d) => ({ allDay: d.allDay, start: d.start, end: d.allDay ? exclusiveEndOf(d.end) : d.end }));

/** `loaded`: the stored invitation as the form loaded it (its revision goes back with the save); none for a new one. */
export function inputOf(values: InvitationFormValues, loaded: { id: number; revision: number } | undefined): InvitationInput {
  const inviter = contactOrNameInput(values.inviterMode, values.inviterContact, values.inviterName);
  return {
    id: loaded?.id,
    revision: loaded?.revision,
    inviterContactId: inviter.contactId,
    inviterName: inviter.name,
    event: values.event,
    dates: datesOf(values),
    place: values.place,
    addressedTo: values.addressedTo,
    receivedOn: values.receivedOn,
    replyBy: values.replyBy || null,
    requests: values.requests,
    notes: values.notes,
  };
}

/** What `invitations.decide` takes for the chosen decision (null while it is still open). */
export function decisionOf(values: InvitationFormValues, loaded: { id: number; revision: number }, calendars: CalendarInfo[]): Input<'invitations.decide'> | null {
  const base = { id: loaded.id, revision: loaded.revision, dateIndex: Number(values.dateIndex), note: values.note };
  if (values.decision === 'open') return null;
  if (values.decision.startsWith('delegated:')) return { ...base, decision: 'delegated', calendarId: Number(values.decision.slice('delegated:'.length)) };
  if (values.decision === 'accepted') return { ...base, decision: 'accepted', calendarId: calendars.find((c) => !c.deputy)?.id };
  return { ...base, decision: values.decision as 'declined' | 'written_greeting' };
}
