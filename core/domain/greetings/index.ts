/**
 * The greetings plan (Grußkalender, DOMAIN.md E; issue 8): which occasions a year holds and by
 * when a greeting must be sent. Pure functions, no database; recipients, templates and lead
 * times per occasion come from the services.
 *
 * - `occasionsOfYear(year, options)` — the year's occasions (religious high days, national days
 *   of the partner cities' countries, staff-added dates), each with its day, German name,
 *   calendar, evening-before rule and whether the date is a proposal to confirm.
 * - `sendByDate(date, leadDays, { beginsEvening })` / `sendByForOccasion(occasion, leadDays)` —
 *   the last day to send, moved back to a working day in NRW.
 * - `westernEaster`, `orthodoxEaster`, `orthodoxChristmas`, `julianToGregorian` — the computus.
 * - `NATIONAL_DAYS`, `PARTNER_COUNTRIES`, `nationalDayCountries()` — which national days the
 *   plan knows, with their date-holidays rules.
 */
export type { ExtraOccasion, IslamicCalendarSource, Occasion, OccasionCalendar, OccasionOptions } from './types';
export { ISLAMIC_CALENDAR_SOURCES } from './types';
export { FIRST_PLAN_YEAR, LAST_PLAN_YEAR, occasionsOfYear } from './occasions';
export { previousWorkingDay, sendByDate, sendByForOccasion, type SendByOptions } from './lead-time';
export { julianToGregorian, orthodoxChristmas, orthodoxEaster, westernEaster } from './computus';
export { NATIONAL_DAYS, PARTNER_COUNTRIES, nationalDayCountries, type NationalDay } from './national-days';
