/**
 * The occasions of a year for the greetings plan (Grußkalender, DOMAIN.md E): Christian,
 * Jewish, Muslim and Chinese high days, the national days of the partner cities' countries and
 * the dates staff add. Pure; the calendars behind it are memoised per year (see lunar.ts,
 * national-days.ts), so a year's plan costs well under a millisecond once computed.
 *
 * Rules:
 * - `date` is the day itself. Jewish and Islamic days begin at sunset the evening before:
 *   `eveBefore` is true and `beginsEvening` is date − 1 (Erev Rosch ha-Schana; the first
 *   candle of Chanukka is lit on the evening before 25 Kislew; the Seder is held on the evening
 *   before 15 Nissan; Tarawih prayers open Ramadan the evening before its first day).
 * - Islamic dates come from a computed calendar (option `islamicCalendar`); every Islamic date
 *   is a `proposal` staff confirm (Diyanet and moon sightings can differ by a day).
 * - An Islamic occasion can fall twice in one Gregorian year (Ramadan 2030: 5 January and
 *   26 December); both occurrences are returned with the same key and their own dates.
 * - The list is sorted by date, then key.
 */
import { addDays, isLocalDate, wallClockMs } from '../calendar/time';
import type { LocalDate } from '../calendar/types';
import { orthodoxChristmas, orthodoxEaster, westernEaster } from './computus';
import { gregorianDaysOf, springFestival, type LunarCalendar } from './lunar';
import { NATIONAL_DAYS, PARTNER_COUNTRIES, nationalDayCountries, ruleDatesOfYear } from './national-days';
import type { ExtraOccasion, IslamicCalendarSource, Occasion, OccasionCalendar, OccasionOptions } from './types';
import { ISLAMIC_CALENDAR_SOURCES } from './types';

/** Years the calendars behind the plan cover reliably (Umm al-Qura tables, Julian offset). */
export const FIRST_PLAN_YEAR = 1900;
export const LAST_PLAN_YEAR = 2100;

interface Definition {
  key: string;
  name: string;
  calendar: OccasionCalendar;
  countries?: string[];
  /** The occasion's days in a Gregorian year. */
  days(year: number, islamic: IslamicCalendarSource): LocalDate[];
}

const lunar = (calendar: LunarCalendar, month: string, day: number) => (year: number) => gregorianDaysOf(calendar, month, day, year);
const islamic = (month: string, day: number) => (year: number, source: IslamicCalendarSource) => gregorianDaysOf(source, month, day, year);

/** The high days, in the order of DOMAIN.md E. */
const DEFINITIONS: readonly Definition[] = [
  { key: 'neujahr', name: 'Neujahr', calendar: 'gregorian', days: (y) => [`${y}-01-01`] },
  { key: 'weihnachten', name: 'Weihnachten', calendar: 'gregorian', countries: ['GB'], days: (y) => [`${y}-12-25`] },
  { key: 'ostern', name: 'Ostern', calendar: 'gregorian', days: (y) => [westernEaster(y)] },
  { key: 'orthodox-weihnachten', name: 'Orthodoxes Weihnachtsfest', calendar: 'julian', days: (y) => [orthodoxChristmas(y)] },
  { key: 'orthodox-ostern', name: 'Orthodoxes Osterfest', calendar: 'julian', days: (y) => [orthodoxEaster(y)] },
  // Hebrew: 1 Tischri, 25 Kislew, 15 Nissan (ICU's English month names).
  { key: 'rosch-ha-schana', name: 'Rosch ha-Schana', calendar: 'hebrew', days: lunar('hebrew', 'Tishri', 1) },
  { key: 'chanukka', name: 'Chanukka', calendar: 'hebrew', days: lunar('hebrew', 'Kislev', 25) },
  { key: 'pessach', name: 'Pessach', calendar: 'hebrew', days: lunar('hebrew', 'Nisan', 15) },
  // Islamic: 1 Ramadan (month 9), 1 Schawwal (10), 10 Dhu l-Hiddscha (12).
  { key: 'ramadan-beginn', name: 'Beginn des Ramadan', calendar: 'islamic', days: islamic('9', 1) },
  { key: 'eid-al-fitr', name: 'Ramadan-Fest (Eid al-Fitr)', calendar: 'islamic', countries: ['TR'], days: islamic('10', 1) },
  { key: 'eid-al-adha', name: 'Opferfest (Eid al-Adha)', calendar: 'islamic', countries: ['TR'], days: islamic('12', 10) },
  // Chinese: 1st day of the 1st month (ICU, corrected to the Hong Kong Observatory, see lunar.ts).
  { key: 'chinesisches-neujahr', name: 'Chinesisches Neujahrsfest (Frühlingsfest)', calendar: 'chinese', countries: ['CN'], days: (y) => [springFestival(y)] },
];

const startsOnEve = (calendar: OccasionCalendar) => calendar === 'hebrew' || calendar === 'islamic';

function occasion(
  date: LocalDate,
  key: string,
  name: string,
  calendar: OccasionCalendar,
  eveBefore: boolean,
  proposal: boolean,
  countries: readonly string[] | undefined,
): Occasion {
  const o: Occasion = { date, key, name, calendar, eveBefore, beginsEvening: eveBefore ? addDays(date, -1) : null, proposal };
  if (countries?.length) o.countries = [...countries];
  return o;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_PLAN_YEAR || year > LAST_PLAN_YEAR) {
    throw new RangeError(`Der Grußkalender rechnet für die Jahre ${FIRST_PLAN_YEAR} bis ${LAST_PLAN_YEAR}, nicht für ${year}.`);
  }
}

function nationalDays(year: number, countries: readonly string[]): Occasion[] {
  const known = new Set(nationalDayCountries());
  const unknown = countries.filter((c) => !known.has(c));
  if (unknown.length) {
    throw new RangeError(
      `Für ${unknown.join(', ')} sind keine Nationalfeiertage hinterlegt (bekannt: ${[...known].join(', ')}); bitte als eigene Termine eintragen.`,
    );
  }
  const wanted = new Set(countries);
  const dates = ruleDatesOfYear(year);
  const list: Occasion[] = [];
  for (const d of NATIONAL_DAYS) {
    const date = wanted.has(d.country) ? dates.get(d.rule) : undefined;
    if (date) list.push(occasion(date, d.key, d.name, 'gregorian', false, d.proposal === true, [d.country]));
  }
  return list;
}

const MONTH_DAY = /^\d{2}-\d{2}$/;

/** The day of a staff-added date in `year`, or null if it does not fall in it. Throws on a malformed date. */
function extraDay(extra: ExtraOccasion, year: number): LocalDate | null {
  const text = extra.date.trim();
  if (MONTH_DAY.test(text)) {
    wallClockMs(`2000-${text}`); // any day of a leap year, or RangeError
    const date = `${year}-${text}`;
    return text === '02-29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? null : date;
  }
  if (isLocalDate(text)) {
    wallClockMs(text);
    return text.startsWith(`${year}-`) ? text : null;
  }
  throw new RangeError(`Ungültiges Datum für „${extra.name}“: ${extra.date} (erwartet MM-TT oder JJJJ-MM-TT)`);
}

function extras(year: number, list: readonly ExtraOccasion[]): Occasion[] {
  const result: Occasion[] = [];
  for (const e of list) {
    if (!e.key.trim()) throw new RangeError(`Eigener Termin „${e.name}“ ohne Schlüssel.`);
    const date = extraDay(e, year);
    if (date) result.push(occasion(date, e.key, e.name, e.calendar, e.eveBefore ?? startsOnEve(e.calendar), false, e.countries));
  }
  return result;
}

/**
 * The occasions of the Gregorian `year` (1900–2100), sorted by date, then key. National days
 * for `options.countries` (default: the nine partner cities' countries), Islamic dates from
 * `options.islamicCalendar` (default Umm al-Qura), plus `options.extra`. Each call returns new
 * objects.
 */
export function occasionsOfYear(year: number, options: OccasionOptions = {}): Occasion[] {
  checkYear(year);
  const source = options.islamicCalendar ?? 'islamic-umalqura';
  if (!ISLAMIC_CALENDAR_SOURCES.includes(source)) throw new RangeError(`Unbekannter islamischer Kalender: ${source}`);

  const list: Occasion[] = [];
  for (const d of DEFINITIONS) {
    const eve = startsOnEve(d.calendar);
    for (const date of d.days(year, source)) {
      list.push(occasion(date, d.key, d.name, d.calendar, eve, d.calendar === 'islamic', d.countries));
    }
  }
  list.push(...nationalDays(year, options.countries ?? PARTNER_COUNTRIES));
  list.push(...extras(year, options.extra ?? []));
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
