/**
 * The vocabulary of the greetings plan (Grußkalender, DOMAIN.md E): occasions of a year on which
 * the city sends greetings, with the calendar each comes from. Recipients, templates and lead
 * times per occasion are data of the services; this folder computes dates only.
 */
import type { LocalDate } from '../calendar/types';

/** The calendar an occasion is defined in (the API's `greetings.plan` field `calendar`). */
export type OccasionCalendar = 'gregorian' | 'hebrew' | 'islamic' | 'chinese' | 'julian';

/**
 * Where Islamic dates come from (a setting). All three are computed, never observed: Turkish
 * communities follow the Diyanet calendar, others a moon sighting, so a computed date is a
 * proposal staff confirm.
 * - 'islamic-umalqura': the Umm-al-Qura calendar of Saudi Arabia (tabulated; the default),
 * - 'islamic-civil': the arithmetic (tabular) calendar, epoch Friday 16 July 622,
 * - 'islamic-tbla': the same arithmetic calendar, astronomical epoch (Thursday 15 July 622).
 */
export type IslamicCalendarSource = 'islamic-umalqura' | 'islamic-civil' | 'islamic-tbla';

export const ISLAMIC_CALENDAR_SOURCES: readonly IslamicCalendarSource[] = Object.freeze([
  'islamic-umalqura',
  'islamic-civil',
  'islamic-tbla',
]);

/**
 * One occasion in a year. An occasion is identified by `key` and `date` together: an Islamic
 * occasion can fall twice in one Gregorian year (Ramadan 2030 begins on 5 January and again on
 * 26 December); both occurrences keep the same key and differ in `date`.
 */
export interface Occasion {
  /** The day itself (Gregorian), "2026-09-12" for Rosch ha-Schana 5787. */
  date: LocalDate;
  /** Stable identifier: 'rosch-ha-schana', 'eid-al-fitr', 'nationalfeiertag-fr', … */
  key: string;
  /** German name for the plan and the letters. */
  name: string;
  calendar: OccasionCalendar;
  /** The day begins at sunset the evening before (Jewish and Islamic days). */
  eveBefore: boolean;
  /** With `eveBefore`: the day whose evening the occasion begins (date − 1); otherwise null. */
  beginsEvening: LocalDate | null;
  /** A computed date staff must confirm (Islamic dates, the King's official birthday). */
  proposal: boolean;
  /**
   * ISO 3166 codes of the partner countries whose cities the city greets on this occasion
   * (DOMAIN.md E): the country of a national day, China for the Spring Festival, Türkiye for the
   * two Bayram. Absent where the occasion concerns the communities in the city only.
   */
  countries?: string[];
}

/** A date staff add to the plan (a municipal day of a partner city, Nouruz, Diwali, …). */
export interface ExtraOccasion {
  key: string;
  name: string;
  /**
   * Gregorian. "MM-DD": every year ("02-29" only in leap years); "YYYY-MM-DD": that year only
   * (for occasions of other calendars staff enter the Gregorian day of that year).
   */
  date: string;
  calendar: OccasionCalendar;
  /** Default: true for 'hebrew' and 'islamic', false otherwise. */
  eveBefore?: boolean;
  countries?: string[];
}

export interface OccasionOptions {
  /** Default 'islamic-umalqura'. */
  islamicCalendar?: IslamicCalendarSource;
  /**
   * Whose national days to include (ISO 3166 alpha-2); default: the countries of the nine
   * partner cities (PARTNER_COUNTRIES). The service leaves out countries whose partnership is
   * not active unless a greeting was approved. An unknown code is an error: add such days as
   * `extra` dates.
   */
  countries?: readonly string[];
  /** Staff-added dates, included as given. */
  extra?: readonly ExtraOccasion[];
}
