/**
 * The workflow of a post in the editorial plan (Redaktionsplan), one per channel. Pure
 * functions: no I/O, no clock (`now` is passed in). Planned times are wall-clock times in
 * Europe/Berlin ("2027-06-18T10:00"), compared with `now` as instants (as for press releases,
 * core/domain/press/release-rules.ts).
 *
 *   Idee → (ausarbeiten) → Entwurf → (zur Freigabe vorlegen) → zur Freigabe → (freigeben)
 *        → freigegeben → (einplanen) → geplant → (als veröffentlicht vermerken) → veröffentlicht;
 *   zurückziehen → zurückgezogen (from any state but zurückgezogen)
 *
 * The rules:
 * 1. An idea becomes a draft; a draft (or a withdrawn post) is submitted for approval, which
 *    needs a text.
 * 2. Only a post submitted for approval is approved, and only when the channel check finds no
 *    problem (the check is run at approval, with the channel's current settings). The approval
 *    records who approved it and when.
 * 3. Scheduling needs the approval and a planned time that has not passed.
 * 4. Nothing is marked published without approval (freigegeben or geplant), before its planned
 *    time, or without the address (URL) where it was published. Publishing records the moment.
 * 5. Editing: what was approved is the content — channel, text, link and media with their
 *    alternative texts. Changing it in an approved or scheduled post sends it back to the draft
 *    (the approval is void); in a withdrawn post likewise (it is reworked); an idea, a draft and
 *    a post in approval keep their state. A published post cannot be changed. Changing only the
 *    planned time keeps the state; removing it from a scheduled post makes it approved again
 *    (approved, not scheduled). A planned time that is set or changed must not lie in the past.
 * 6. A post that crisis mode paused is not marked published until crisis mode ends; one whose
 *    planned time passed meanwhile (lapsed) is not marked published until it has a new time.
 * 7. A post taken from a press release with an embargo (Sperrfrist) keeps the embargo as its
 *    earliest time (`notBefore`): it is not planned, scheduled or marked published before it.
 */
import { localDateTimeToUtc, utcToLocalDateTime } from '../calendar/time';
import type { LocalDateTime } from '../calendar/types';
import { formatDateLong } from '../dates/format';
import { isWebAddress } from '../text/web-address';
import type { CheckProblem } from './check';

export const POST_STATUSES = ['idee', 'entwurf', 'zur_freigabe', 'freigegeben', 'geplant', 'veroeffentlicht', 'zurueckgezogen'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
export const POST_STATUS_LABELS: Record<PostStatus, string> = {
  idee: 'Idee',
  entwurf: 'Entwurf',
  zur_freigabe: 'zur Freigabe',
  freigegeben: 'freigegeben',
  geplant: 'geplant',
  veroeffentlicht: 'veröffentlicht',
  zurueckgezogen: 'zurückgezogen',
};

export const POST_STEPS = ['draft', 'submit', 'approve', 'schedule', 'publish', 'withdraw'] as const;
export type PostStep = (typeof POST_STEPS)[number];
export const POST_STEP_LABELS: Record<PostStep, string> = {
  draft: 'Ausarbeiten',
  submit: 'Zur Freigabe vorlegen',
  approve: 'Freigeben',
  schedule: 'Einplanen',
  publish: 'Als veröffentlicht vermerken',
  withdraw: 'Zurückziehen',
};

/** What the rules look at. */
export interface PostFacts {
  status: PostStatus;
  text: string;
  plannedAt: LocalDateTime | null;
  /** Crisis mode paused it (when); null or left out: not paused. */
  pausedAt?: string | null;
  /** Its earliest time (the embargo of the press release it was taken from); null or left out: none. */
  notBefore?: LocalDateTime | null;
  /** Its planned time passed while crisis mode paused it (when the crisis ended); null or left out: not lapsed. */
  lapsedAt?: string | null;
}

/** What the step needs besides the post: the time, who acts, the check (approval), the URL (publishing). */
export interface StepContext {
  now: Date;
  user: string;
  /** The channel check run for the approval. */
  problems?: readonly CheckProblem[];
  /** Where the post was published. */
  url?: string | null;
}

/** What a step changes. */
export interface PostStepChanges {
  status: PostStatus;
  approvedBy?: string | null;
  approvedAt?: string | null;
  publishedAt?: LocalDateTime;
  publishedUrl?: string;
}

export type PostStepOutcome = { ok: true; changes: PostStepChanges } | { ok: false; message: string };

const STATUS_WORDS: Record<PostStatus, string> = {
  idee: 'noch eine Idee',
  entwurf: 'ein Entwurf',
  zur_freigabe: 'zur Freigabe vorgelegt',
  freigegeben: 'freigegeben',
  geplant: 'geplant',
  veroeffentlicht: 'bereits veröffentlicht',
  zurueckgezogen: 'zurückgezogen',
};

/** "18. Juni 2027, 10:00 Uhr" from "2027-06-18T10:00". */
const wallClock = (value: LocalDateTime) => `${formatDateLong(value.slice(0, 10))}, ${value.slice(11, 16)} Uhr`;
const passed = (value: LocalDateTime, now: Date) => localDateTimeToUtc(value) <= now.getTime();
const embargoUntil = (notBefore: LocalDateTime) => `Der Beitrag unterliegt einer Sperrfrist bis ${wallClock(notBefore)}`;

/** The steps the state offers, in workflow order. */
export function nextPostSteps(status: PostStatus): PostStep[] {
  switch (status) {
    case 'idee':
      return ['draft', 'withdraw'];
    case 'entwurf':
      return ['submit', 'withdraw'];
    case 'zur_freigabe':
      return ['approve', 'withdraw'];
    case 'freigegeben':
      return ['schedule', 'publish', 'withdraw'];
    case 'geplant':
      return ['publish', 'withdraw'];
    case 'veroeffentlicht':
      return ['withdraw'];
    case 'zurueckgezogen':
      return ['draft', 'submit'];
  }
}

/** One step: what it changes, or a German reason why it is refused. */
export function applyPostStep(post: PostFacts, step: PostStep, context: StepContext): PostStepOutcome {
  const refuse = (message: string): PostStepOutcome => ({ ok: false, message });
  const { status } = post;
  switch (step) {
    case 'draft': {
      if (status !== 'idee' && status !== 'zurueckgezogen') return refuse(`Ausgearbeitet wird eine Idee; dieser Beitrag ist ${STATUS_WORDS[status]}.`);
      return { ok: true, changes: { status: 'entwurf', approvedBy: null, approvedAt: null } };
    }
    case 'submit': {
      if (status !== 'entwurf' && status !== 'zurueckgezogen') return refuse(`Zur Freigabe vorgelegt wird ein Entwurf; dieser Beitrag ist ${STATUS_WORDS[status]}.`);
      if (!post.text.trim()) return refuse('Bitte zuerst den Text des Beitrags schreiben.');
      return { ok: true, changes: { status: 'zur_freigabe', approvedBy: null, approvedAt: null } };
    }
    case 'approve': {
      if (status === 'freigegeben' || status === 'geplant') return refuse('Der Beitrag ist bereits freigegeben.');
      if (status !== 'zur_freigabe') return refuse(`Freigegeben werden kann nur ein zur Freigabe vorgelegter Beitrag; dieser ist ${STATUS_WORDS[status]}.`);
      const problems = context.problems ?? [];
      if (problems.length > 0) {
        return refuse(`Der Beitrag kann so nicht freigegeben werden: ${problems.map((p) => p.message).join(' ')}`);
      }
      return { ok: true, changes: { status: 'freigegeben', approvedBy: context.user, approvedAt: context.now.toISOString() } };
    }
    case 'schedule': {
      if (status === 'geplant') return refuse('Der Beitrag ist bereits eingeplant.');
      if (status !== 'freigegeben') return refuse(`Eingeplant werden kann nur ein freigegebener Beitrag; dieser ist ${STATUS_WORDS[status]}.`);
      if (post.plannedAt === null) return refuse('Bitte zuerst den geplanten Zeitpunkt eintragen.');
      if (passed(post.plannedAt, context.now)) return refuse(`Der geplante Zeitpunkt (${wallClock(post.plannedAt)}) ist schon vorbei. Bitte einen späteren eintragen.`);
      if (post.notBefore && post.plannedAt < post.notBefore) return refuse(`${embargoUntil(post.notBefore)}; bitte frühestens dann einplanen.`);
      return { ok: true, changes: { status: 'geplant' } };
    }
    case 'publish': {
      if (status === 'veroeffentlicht') return refuse('Der Beitrag ist bereits als veröffentlicht vermerkt.');
      if (status !== 'freigegeben' && status !== 'geplant') {
        return refuse(`Der Beitrag ist nicht freigegeben (${STATUS_WORDS[status]}); veröffentlicht werden darf er erst nach der Freigabe.`);
      }
      if (post.pausedAt) return refuse('Der Beitrag ist im Krisenmodus pausiert; veröffentlicht werden kann er erst, wenn der Krisenmodus ausgeschaltet ist.');
      if (post.notBefore && !passed(post.notBefore, context.now)) return refuse(`${embargoUntil(post.notBefore)}; vorher kann er nicht als veröffentlicht vermerkt werden.`);
      if (post.lapsedAt && post.plannedAt !== null) {
        return refuse(`Der geplante Zeitpunkt (${wallClock(post.plannedAt)}) ist im Krisenmodus verstrichen. Bitte zuerst einen neuen Zeitpunkt eintragen.`);
      }
      if (post.plannedAt !== null && !passed(post.plannedAt, context.now)) {
        return refuse(`Der Beitrag ist für ${wallClock(post.plannedAt)} geplant; vorher kann er nicht als veröffentlicht vermerkt werden.`);
      }
      const url = context.url?.trim() ?? '';
      if (!url) return refuse('Bitte die Adresse (URL) angeben, unter der der Beitrag veröffentlicht ist.');
      if (!isWebAddress(url)) return refuse(`„${url}“ ist keine Internetadresse (sie beginnt mit https://).`);
      return { ok: true, changes: { status: 'veroeffentlicht', publishedAt: utcToLocalDateTime(context.now.getTime()), publishedUrl: url } };
    }
    case 'withdraw': {
      if (status === 'zurueckgezogen') return refuse('Der Beitrag ist bereits zurückgezogen.');
      return { ok: true, changes: { status: 'zurueckgezogen' } };
    }
  }
}

/**
 * A planned time being saved (`previous`: the stored one, null when new; `notBefore`: the post's
 * earliest time, an embargo). A German reason, or null when fine.
 */
export function checkPlannedAt(next: LocalDateTime | null, previous: LocalDateTime | null, now: Date, notBefore: LocalDateTime | null = null): string | null {
  if (next !== null && next !== previous && localDateTimeToUtc(next) < now.getTime()) {
    return `Der geplante Zeitpunkt (${wallClock(next)}) liegt in der Vergangenheit.`;
  }
  if (next !== null && notBefore !== null && next < notBefore) {
    return `${embargoUntil(notBefore)}; der geplante Zeitpunkt (${wallClock(next)}) liegt davor.`;
  }
  return null;
}

export type PostEditOutcome = { ok: true; status: PostStatus; approvalVoid: boolean } | { ok: false; message: string };

/**
 * The state after saving changes: `content` — channel, text, link or media changed; `schedule` —
 * the planned time changed; `unscheduled` — it was removed.
 */
export function postStatusAfterEdit(status: PostStatus, changed: { content: boolean; schedule: boolean; unscheduled: boolean }): PostEditOutcome {
  if (status === 'veroeffentlicht' && (changed.content || changed.schedule)) {
    return { ok: false, message: 'Ein veröffentlichter Beitrag kann nicht mehr geändert werden. Bitte ihn zurückziehen und einen neuen anlegen.' };
  }
  if (changed.content && (status === 'freigegeben' || status === 'geplant' || status === 'zurueckgezogen')) {
    return { ok: true, status: 'entwurf', approvalVoid: true };
  }
  if (status === 'geplant' && changed.unscheduled) return { ok: true, status: 'freigegeben', approvalVoid: false };
  return { ok: true, status, approvalVoid: false };
}
