/**
 * The calendar's vocabulary, shared by the conflict check, recurring series, the iCalendar
 * export/import and the services. Times are wall-clock times in Europe/Berlin, as the office
 * reads them ("2026-12-10T14:00"); instants are derived where needed (conflicts, .ics).
 */

/** Wall-clock time in Europe/Berlin without offset: "2026-12-10T14:00". */
export type LocalDateTime = string;
/** A calendar day: "2026-12-10". */
export type LocalDate = string;

export const CALENDAR_TIME_ZONE = 'Europe/Berlin';

/** Whose calendar: the Oberbürgermeister/in or one Bürgermeister/in (a key such as "ob", "bm1"). */
export type CalendarOwner = string;

export type AppointmentStatus = 'geplant' | 'bestätigt' | 'abgesagt';

/**
 * A recurring series: an RFC 5545 RRULE without DTSTART (the appointment's start is the first
 * occurrence), e.g. "FREQ=MONTHLY;BYDAY=1WE" for the first Wednesday of every month.
 */
export interface Recurrence {
  rule: string;
  /** Starts (LocalDateTime, or LocalDate for all-day series) of occurrences that do not take place. */
  exceptions: string[];
}

/** One appointment (or the first occurrence of a series) as the calendar logic sees it. */
export interface CalendarEntry {
  /** Stable id (the database id as text, or an .ics UID). */
  id: string;
  owner: CalendarOwner;
  title: string;
  /** All-day: LocalDate; otherwise LocalDateTime. */
  start: string;
  /** Exclusive end. All-day: the day after the last day (as in iCalendar); otherwise LocalDateTime. */
  end: string;
  allDay: boolean;
  /** Where it takes place (free text; two different places need travel time between them). */
  place: string;
  status: AppointmentStatus;
  recurrence?: Recurrence | null;
}

/** One concrete occurrence of an entry (a single appointment has exactly one). */
export interface Occurrence {
  entryId: string;
  owner: CalendarOwner;
  title: string;
  place: string;
  allDay: boolean;
  start: string;
  end: string;
  /** Instants (ms since epoch, UTC), for comparisons across DST changes. */
  startMs: number;
  endMs: number;
}

export type ConflictKind = 'overlap' | 'travel';

/** Two occurrences of one person that collide: at the same time, or too close at two places. */
export interface Conflict {
  kind: ConflictKind;
  owner: CalendarOwner;
  first: Occurrence;
  second: Occurrence;
  /** German, names both appointments with their times. */
  message: string;
}
