/**
 * National days of the partner cities' countries (DOMAIN.md E), evaluated by date-holidays.
 *
 * date-holidays knows all nine countries (GB, FR, TG, CN, LT, HN, TR, RU, US), but which of a
 * country's holidays is "the" national day is a protocol question, not in its data; so the
 * table below names each day with its rule in date-holidays' own grammar ("07-14",
 * "4th thursday in November", "chinese 01-0-01") and its source. The library's country data
 * lists every day below except the United Kingdom's (neither St George's Day nor the King's
 * official birthday is a bank holiday); the tests check the table against it.
 */
import Holidays from 'date-holidays';
import type { LocalDate } from '../calendar/types';

export interface NationalDay {
  /** Stable key, 'nationalfeiertag-<country>' for the main day of a country. */
  key: string;
  /** German. */
  name: string;
  /** ISO 3166 alpha-2. */
  country: string;
  /** A rule in date-holidays' grammar. */
  rule: string;
  /** The date is decided anew each year; the rule gives the usual day (a proposal to confirm). */
  proposal?: boolean;
}

/** The countries of the nine partner cities (DOMAIN.md E), in the order of the table there. */
export const PARTNER_COUNTRIES: readonly string[] = Object.freeze(['GB', 'FR', 'TG', 'CN', 'LT', 'HN', 'TR', 'RU', 'US']);

export const NATIONAL_DAYS: readonly NationalDay[] = Object.freeze(
  [
    // Portsmouth. The UK has no national day; its missions abroad keep the King's official
    // birthday as such. The date is set each year by the Royal Household (Trooping the Colour,
    // a Saturday in June: 17 June 2023, 15 June 2024, 14 June 2025), hence a
    // proposal on the usual second Saturday. Source: The Royal Household, "Trooping the Colour".
    { key: 'nationalfeiertag-gb', name: 'Offizieller Geburtstag des Königs (Vereinigtes Königreich)', country: 'GB', rule: '2nd saturday in June', proposal: true },
    // St George's Day, patron saint of England (DOMAIN.md E; not a bank holiday).
    { key: 'st-georges-day-gb', name: 'St George’s Day (England)', country: 'GB', rule: '04-23' },
    // Calais. Fête nationale, Loi du 6 juillet 1880.
    { key: 'nationalfeiertag-fr', name: 'Nationalfeiertag Frankreichs (Fête nationale)', country: 'FR', rule: '07-14' },
    // Lomé. Fête de l'Indépendance, 27 April 1960 (public holiday).
    { key: 'nationalfeiertag-tg', name: 'Unabhängigkeitstag Togos', country: 'TG', rule: '04-27' },
    // Wuhan (and the friendship city Qingdao). 国庆节, State Council, 全国年节及纪念日放假办法 Art. 2.
    { key: 'nationalfeiertag-cn', name: 'Nationalfeiertag der Volksrepublik China', country: 'CN', rule: '10-01' },
    // Vilnius. Lithuanian Labour Code (Darbo kodeksas) Art. 123: 16 February, 11 March, 6 July.
    { key: 'nationalfeiertag-lt', name: 'Tag der Wiederherstellung des Staates Litauen', country: 'LT', rule: '02-16' },
    { key: 'unabhaengigkeitstag-lt', name: 'Tag der Wiederherstellung der Unabhängigkeit Litauens', country: 'LT', rule: '03-11' },
    { key: 'staatsfeiertag-lt', name: 'Tag der Staatlichkeit Litauens (Krönung König Mindaugas’)', country: 'LT', rule: '07-06' },
    // San Pedro Sula. Día de la Independencia, 15 September 1821 (national holiday, Código del Trabajo).
    { key: 'nationalfeiertag-hn', name: 'Unabhängigkeitstag von Honduras', country: 'HN', rule: '09-15' },
    // Gaziantep. Cumhuriyet Bayramı, Law No. 2429 (Ulusal Bayram ve Genel Tatiller Hakkında Kanun) Art. 1.
    { key: 'nationalfeiertag-tr', name: 'Tag der Republik (Türkei)', country: 'TR', rule: '10-29' },
    // Perm (inactive since 2022: greetings only after approval). День России, Labour Code Art. 112.
    { key: 'nationalfeiertag-ru', name: 'Tag Russlands', country: 'RU', rule: '06-12' },
    // Fort Lauderdale. 5 U.S.C. § 6103(a): Independence Day, July 4; Thanksgiving Day, the fourth Thursday in November.
    { key: 'nationalfeiertag-us', name: 'Unabhängigkeitstag der Vereinigten Staaten', country: 'US', rule: '07-04' },
    { key: 'thanksgiving-us', name: 'Thanksgiving (Vereinigte Staaten)', country: 'US', rule: '4th thursday in November' },
    // Kryvyi Rih (solidarity partnership 2023; not a partner city, include on request).
    // День Незалежності України, Labour Code of Ukraine (КЗпП) Art. 73.
    { key: 'nationalfeiertag-ua', name: 'Unabhängigkeitstag der Ukraine', country: 'UA', rule: '08-24' },
  ].map((d) => Object.freeze(d)),
);

/** Countries with national days in the table. */
export function nationalDayCountries(): string[] {
  return [...new Set(NATIONAL_DAYS.map((d) => d.country))];
}

/** Pure memos: the rules are loaded once, each year is evaluated once. */
let library: Holidays | undefined;
const datesByYear = new Map<number, ReadonlyMap<string, LocalDate>>();

function rules(): Holidays {
  if (!library) {
    library = new Holidays();
    for (const rule of NATIONAL_DAYS.map((d) => d.rule)) {
      library.setHoliday(rule, { name: rule, type: 'observance' });
    }
  }
  return library;
}

/** Rule → its day in `year`, for every rule of the table. */
export function ruleDatesOfYear(year: number): ReadonlyMap<string, LocalDate> {
  let dates = datesByYear.get(year);
  if (!dates) {
    const map = new Map<string, LocalDate>();
    for (const h of rules().getHolidays(year)) {
      if (typeof h.name === 'string' && h.name === h.rule) map.set(h.rule, h.date.slice(0, 10));
    }
    dates = map;
    datesByYear.set(year, dates);
  }
  return dates;
}
