/**
 * The workflow of a press release (Pressemitteilung). Pure functions: no I/O, no clock (`now`
 * is passed in). Times of a release (release time, embargo) are wall-clock times in
 * Europe/Berlin ("2027-01-15T10:00"), as the press office writes them; they are compared with
 * `now` as instants, so summer and winter time are right (10:00 in January is 09:00 UTC, in
 * June 08:00 UTC).
 *
 *   Entwurf → (zur Freigabe vorlegen) → in Abstimmung → (freigeben) → freigegeben
 *           → (veröffentlichen) → veröffentlicht;   zurückziehen → zurückgezogen
 *
 * The rules:
 * 1. Submitting for approval needs a title and a text; a draft or a withdrawn release can be
 *    submitted.
 * 2. Only a release in approval (in Abstimmung) is approved; the approval records who approved
 *    it and when.
 * 3. No publishing before the approval: only an approved (freigegeben) release is published.
 * 4. No publishing before the embargo (Sperrfrist) has passed: publishing at 09:59 with an
 *    embargo until 10:00 is refused, at 10:00 it is allowed. The media may receive an
 *    embargoed release earlier (the Word file says „Sperrfrist“ at the top); „veröffentlicht“
 *    means public (city portal, social media).
 * 5. Publishing records the moment it happened as the release time.
 * 6. Scheduling: a release time that is set or changed must not lie in the past, and no release
 *    time may lie before the embargo (it could not be published then). An embargo that is set
 *    or changed must not lie in the past either.
 * 7. Editing: what was approved is the content — title, subtitle, text, contact and embargo.
 *    Changing it in an approved release sends the release back to the draft (the approval is
 *    void); in a withdrawn release likewise (it is being reworked); during the approval it stays
 *    in approval (nothing approved yet). A published release cannot be changed (withdraw it and
 *    issue a correction). Changing only the release time or the appointment keeps the state.
 * 8. Withdrawing is possible in approval, when approved and when published.
 */
import type { PressReleaseStatus, PressStep } from '../../api/schemas/press';
import { localDateTimeToUtc, utcToLocalDateTime } from '../calendar/time';
import type { LocalDateTime } from '../calendar/types';
import { formatDateLong } from '../dates/format';

/** What the rules look at. */
export interface ReleaseFacts {
  status: PressReleaseStatus;
  title: string;
  body: string;
  releaseAt: LocalDateTime | null;
  embargoUntil: LocalDateTime | null;
}

/** What a step changes. */
export interface StepChanges {
  status: PressReleaseStatus;
  approvedBy?: string | null;
  approvedAt?: string | null;
  releaseAt?: LocalDateTime | null;
}

export type StepOutcome = { ok: true; changes: StepChanges } | { ok: false; message: string };

const STATUS_WORDS: Record<PressReleaseStatus, string> = {
  entwurf: 'ein Entwurf',
  abstimmung: 'in Abstimmung',
  freigegeben: 'freigegeben',
  veroeffentlicht: 'bereits veröffentlicht',
  zurueckgezogen: 'zurückgezogen',
};

/** "15. Januar 2027, 10:00 Uhr" from "2027-01-15T10:00". */
export function describeWallClock(value: LocalDateTime): string {
  return `${formatDateLong(value.slice(0, 10))}, ${value.slice(11, 16)} Uhr`;
}

/** True while the embargo has not passed (none: false). */
export function embargoActive(embargoUntil: LocalDateTime | null, now: Date): boolean {
  return embargoUntil !== null && now.getTime() < localDateTimeToUtc(embargoUntil);
}

/** The steps the state offers, in workflow order (the embargo is checked when publishing, so the refusal can say until when). */
export function nextPressSteps(status: PressReleaseStatus): PressStep[] {
  switch (status) {
    case 'entwurf':
      return ['submit'];
    case 'abstimmung':
      return ['approve', 'withdraw'];
    case 'freigegeben':
      return ['publish', 'withdraw'];
    case 'veroeffentlicht':
      return ['withdraw'];
    case 'zurueckgezogen':
      return ['submit'];
  }
}

/** One step: what it changes, or a German reason why it is refused. */
export function applyPressStep(release: ReleaseFacts, step: PressStep, context: { now: Date; user: string }): StepOutcome {
  const refuse = (message: string): StepOutcome => ({ ok: false, message });
  const { status } = release;
  switch (step) {
    case 'submit': {
      if (status !== 'entwurf' && status !== 'zurueckgezogen') {
        return refuse(`Zur Freigabe vorgelegt wird ein Entwurf; diese Pressemitteilung ist ${STATUS_WORDS[status]}.`);
      }
      if (!release.title.trim()) return refuse('Bitte zuerst den Titel eintragen.');
      if (!release.body.trim()) return refuse('Bitte zuerst den Text der Pressemitteilung schreiben.');
      return { ok: true, changes: { status: 'abstimmung', approvedBy: null, approvedAt: null } };
    }
    case 'approve': {
      if (status !== 'abstimmung') {
        return refuse(
          status === 'freigegeben'
            ? 'Die Pressemitteilung ist bereits freigegeben.'
            : `Freigegeben werden kann nur eine Pressemitteilung in Abstimmung; diese ist ${STATUS_WORDS[status]}.`,
        );
      }
      return { ok: true, changes: { status: 'freigegeben', approvedBy: context.user, approvedAt: context.now.toISOString() } };
    }
    case 'publish': {
      if (status === 'veroeffentlicht') return refuse('Die Pressemitteilung ist bereits veröffentlicht.');
      if (status !== 'freigegeben') {
        return refuse(`Die Pressemitteilung ist noch nicht freigegeben (${STATUS_WORDS[status]}); veröffentlicht werden kann sie erst nach der Freigabe.`);
      }
      if (embargoActive(release.embargoUntil, context.now)) {
        return refuse(`Die Sperrfrist läuft bis ${describeWallClock(release.embargoUntil!)}; vorher darf die Pressemitteilung nicht veröffentlicht werden.`);
      }
      return { ok: true, changes: { status: 'veroeffentlicht', releaseAt: utcToLocalDateTime(context.now.getTime()) } };
    }
    case 'withdraw': {
      if (status === 'entwurf') return refuse('Ein Entwurf muss nicht zurückgezogen werden; er ist nicht herausgegeben.');
      if (status === 'zurueckgezogen') return refuse('Die Pressemitteilung ist bereits zurückgezogen.');
      return { ok: true, changes: { status: 'zurueckgezogen' } };
    }
  }
}

/** Times of a release being saved: `previous` is the stored release (null when new). A German reason, or null when fine. */
export function checkSchedule(
  next: { releaseAt: LocalDateTime | null; embargoUntil: LocalDateTime | null },
  previous: { releaseAt: LocalDateTime | null; embargoUntil: LocalDateTime | null } | null,
  now: Date,
): string | null {
  const past = (value: LocalDateTime) => localDateTimeToUtc(value) < now.getTime();
  if (next.releaseAt !== null && next.releaseAt !== previous?.releaseAt && past(next.releaseAt)) {
    return `Der Veröffentlichungszeitpunkt (${describeWallClock(next.releaseAt)}) liegt in der Vergangenheit.`;
  }
  if (next.embargoUntil !== null && next.embargoUntil !== previous?.embargoUntil && past(next.embargoUntil)) {
    return `Die Sperrfrist (${describeWallClock(next.embargoUntil)}) liegt in der Vergangenheit.`;
  }
  if (next.releaseAt !== null && next.embargoUntil !== null && localDateTimeToUtc(next.releaseAt) < localDateTimeToUtc(next.embargoUntil)) {
    return (
      `Die Veröffentlichung ist für ${describeWallClock(next.releaseAt)} geplant, die Sperrfrist läuft aber bis ` +
      `${describeWallClock(next.embargoUntil)}. Bitte die Veröffentlichung nicht vor das Ende der Sperrfrist legen.`
    );
  }
  return null;
}

export type EditOutcome = { ok: true; status: PressReleaseStatus; approvalVoid: boolean } | { ok: false; message: string };

/**
 * The state after saving changes: `content` — title, subtitle, text, contact or embargo changed;
 * `schedule` — the release time changed.
 */
export function statusAfterEdit(status: PressReleaseStatus, changed: { content: boolean; schedule: boolean }): EditOutcome {
  if (status === 'veroeffentlicht' && (changed.content || changed.schedule)) {
    return {
      ok: false,
      message: 'Eine veröffentlichte Pressemitteilung kann nicht mehr geändert werden. Bitte sie zurückziehen und eine berichtigte Fassung herausgeben.',
    };
  }
  if (!changed.content) return { ok: true, status, approvalVoid: false };
  if (status === 'freigegeben' || status === 'zurueckgezogen') return { ok: true, status: 'entwurf', approvalVoid: true };
  return { ok: true, status, approvalVoid: false };
}

/** A press enquiry is overdue when its deadline has passed without an answer. */
export function enquiryOverdue(enquiry: { deadline: LocalDateTime | null; answeredAt: string | null }, now: Date): boolean {
  return enquiry.deadline !== null && enquiry.answeredAt === null && localDateTimeToUtc(enquiry.deadline) < now.getTime();
}
