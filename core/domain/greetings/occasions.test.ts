import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/time';
import { NATIONAL_DAYS, PARTNER_COUNTRIES, occasionsOfYear, type Occasion } from './index';

const YEARS = [2026, 2027, 2028, 2029, 2030] as const;
const plans = new Map(YEARS.map((y) => [y, occasionsOfYear(y)]));
const daysOf = (year: number, key: string) => plans.get(year as (typeof YEARS)[number])!.filter((o) => o.key === key).map((o) => o.date);

/**
 * Published dates, one row per year 2026 … 2030. Written from the tables named, not from the
 * code's output.
 */
const PUBLISHED: Record<string, readonly string[]> = {
  // Quelle: Zentralrat der Juden in Deutschland, Jüdische Feiertage 5787–5791 (= hebcal.com;
  // for 5787 also University of Nebraska–Lincoln, Judaic Studies, "Jewish Holidays"):
  // 1 Tischri, first day; Erev Rosch ha-Schana is the evening before.
  'rosch-ha-schana': ['2026-09-12', '2027-10-02', '2028-09-21', '2029-09-10', '2030-09-28'],
  // Same source: 25 Kislew, first day (first candle the evening before).
  chanukka: ['2026-12-05', '2027-12-25', '2028-12-13', '2029-12-02', '2030-12-21'],
  // Same source: 15 Nissan, first day (Seder the evening before).
  pessach: ['2026-04-02', '2027-04-22', '2028-04-11', '2029-03-31', '2030-04-18'],
  // Quelle: Umm-al-Qura-Kalender (Saudi-Arabien), Monatsanfänge nach den KACST-Tabellen
  // (as tabulated in hijridate / hijri-converter, Reduced Julian Days 61090, 61445, 61799,
  // 62153, 62507). 2026: the Saudi Supreme Court declared 1 Ramadan 1447 = Wednesday
  // 18 February; Diyanet's 2026 Dini Günler Takvimi has Thursday 19 February — a proposal.
  'ramadan-beginn': ['2026-02-18', '2027-02-08', '2028-01-28', '2029-01-16', '2030-01-05'],
  // Umm al-Qura, 1 Schawwal (RJD 61120, 61474, 61828, 62182, 62537). Diyanet 2026: Ramazan
  // Bayramı 1. gün 20 März 2026 (agrees).
  'eid-al-fitr': ['2026-03-20', '2027-03-09', '2028-02-26', '2029-02-14', '2030-02-04'],
  // Umm al-Qura, 10 Dhu l-Hiddscha (1 Dhu l-Hiddscha = RJD 61179, 61533, 61888, 62242, 62596,
  // plus nine days). Diyanet 2026: Kurban Bayramı 1. gün 27 Mai 2026 (agrees).
  'eid-al-adha': ['2026-05-27', '2027-05-16', '2028-05-05', '2029-04-24', '2030-04-13'],
  // Quelle: Ökumenisches Heiligenlexikon, Tabelle der Ostertermine (orthodox);
  // Orthodoxe Bischofskonferenz in Deutschland. Also date-holidays' Ukrainian calendar.
  'orthodox-ostern': ['2026-04-12', '2027-05-02', '2028-04-16', '2029-04-08', '2030-04-28'],
  // Quelle: Russisch-Orthodoxe Kirche / Orthodoxe Bischofskonferenz in Deutschland: Geburt
  // Christi am 25. Dezember julianisch = 7. Januar gregorianisch (1901–2100).
  'orthodox-weihnachten': ['2026-01-07', '2027-01-07', '2028-01-07', '2029-01-07', '2030-01-07'],
  // Quelle: Hong Kong Observatory, Gregorian-Lunar Calendar Conversion Table (Lunar New
  // Year's Day). ICU's Chinese calendar (Intl, Node 20) gives 2027-02-07 and 2030-02-02 —
  // new moons within minutes of midnight China time (ICU-23274); lunar.ts corrects them.
  'chinesisches-neujahr': ['2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13', '2030-02-03'],
  // Quelle: Ökumenisches Heiligenlexikon, Tabelle der Ostertermine (westlich); 2026 and 2027
  // also in core/domain/calendar/holidays.test.ts (Ostermontag in NRW).
  ostern: ['2026-04-05', '2027-03-28', '2028-04-16', '2029-04-01', '2030-04-21'],
};

describe('religious high days 2026–2030 against published tables', () => {
  for (const [key, dates] of Object.entries(PUBLISHED)) {
    it.each(YEARS.map((year, i) => [year, dates[i]] as const))(`${key} %i → %s`, (year, expected) => {
      expect(daysOf(year, key)[0]).toBe(expected);
    });
  }

  it('Ramadan begins twice in 2030 (1451 and 1452 AH): same key, two dates', () => {
    // Quelle: Umm-al-Qura-Kalender (RJD 62507 and 62862); Saudi astronomer Khalid al-Zaqaq /
    // Arabia Weather: Ramadan 1451 about 5 January, Ramadan 1452 about 26 December 2030.
    expect(daysOf(2030, 'ramadan-beginn')).toEqual(['2030-01-05', '2030-12-26']);
    for (const year of [2026, 2027, 2028, 2029]) expect(daysOf(year, 'ramadan-beginn')).toHaveLength(1);
    // Eid al-Fitr 1452 falls on 2031-01-24 (Umm al-Qura RJD 62891): once in 2030, once in 2031.
    expect(daysOf(2030, 'eid-al-fitr')).toEqual(['2030-02-04']);
    expect(occasionsOfYear(2031).filter((o) => o.key === 'eid-al-fitr').map((o) => o.date)).toEqual(['2031-01-24']);
  });

  it('every year has each fixed feast once', () => {
    for (const year of YEARS) {
      expect(daysOf(year, 'neujahr')).toEqual([`${year}-01-01`]);
      expect(daysOf(year, 'weihnachten')).toEqual([`${year}-12-25`]);
    }
  });
});

describe('Chinese New Year beyond the published table', () => {
  it('agrees with date-holidays (date-chinese) 2020–2060, where ICU alone is off in 2027 and 2030', () => {
    const library = new Holidays();
    library.setHoliday('chinese 01-0-01', { name: 'cny', type: 'observance' });
    for (let year = 2020; year <= 2060; year++) {
      const ours = occasionsOfYear(year, { countries: [] }).find((o) => o.key === 'chinesisches-neujahr')!.date;
      expect(ours, String(year)).toBe(library.getHolidays(year)[0].date.slice(0, 10));
    }
  });
});

describe('the evening before', () => {
  it('Jewish and Islamic days begin the evening before; all others have none', () => {
    for (const year of YEARS) {
      for (const o of plans.get(year)!) {
        if (o.calendar === 'hebrew' || o.calendar === 'islamic') {
          expect(o.eveBefore, o.key).toBe(true);
          expect(o.beginsEvening, o.key).toBe(addDays(o.date, -1));
        } else {
          expect(o.eveBefore, o.key).toBe(false);
          expect(o.beginsEvening, o.key).toBeNull();
        }
      }
    }
  });

  it.each([
    ['rosch-ha-schana', 2026, '2026-09-11'], // Erev Rosch ha-Schana, Friday evening
    ['chanukka', 2027, '2027-12-24'], // first candle on Christmas Eve 2027
    ['pessach', 2029, '2029-03-30'], // Seder
    ['ramadan-beginn', 2030, '2030-01-04'],
    ['eid-al-adha', 2026, '2026-05-26'], // Arefe
  ])('%s %i begins on the evening of %s', (key, year, evening) => {
    expect(occasionsOfYear(year).find((o) => o.key === key)!.beginsEvening).toBe(evening);
  });

  it('crosses into the year before', () => {
    // An occasion on 1 January that begins on the evening of 31 December.
    const [o] = occasionsOfYear(2027, { countries: [], extra: [{ key: 'x', name: 'X', date: '01-01', calendar: 'islamic' }] }).filter((x) => x.key === 'x');
    expect(o.beginsEvening).toBe('2026-12-31');
  });
});

describe('proposals and the Islamic calendar source', () => {
  it('marks every Islamic date as a proposal, and nothing else but the King’s birthday', () => {
    for (const o of plans.get(2026)!) {
      expect(o.proposal, o.key).toBe(o.calendar === 'islamic' || o.key === 'nationalfeiertag-gb');
    }
  });

  it('follows the configured source; the arithmetic calendars differ from Umm al-Qura by a day', () => {
    const pick = (year: number, source: 'islamic-umalqura' | 'islamic-civil' | 'islamic-tbla') =>
      occasionsOfYear(year, { islamicCalendar: source, countries: [] })
        .filter((o) => o.calendar === 'islamic')
        .map((o) => `${o.key} ${o.date}${o.proposal ? '' : ' (!)'}`);
    expect(pick(2027, 'islamic-umalqura')).toEqual(['ramadan-beginn 2027-02-08', 'eid-al-fitr 2027-03-09', 'eid-al-adha 2027-05-16']);
    // Tabular calendar, civil epoch (16 July 622): 30 Ramadan in 1448, so Schawwal a day later.
    expect(pick(2027, 'islamic-civil')).toEqual(['ramadan-beginn 2027-02-08', 'eid-al-fitr 2027-03-10', 'eid-al-adha 2027-05-17']);
    // Tabular calendar, astronomical epoch: one day before the civil one.
    expect(pick(2027, 'islamic-tbla')).toEqual(['ramadan-beginn 2027-02-07', 'eid-al-fitr 2027-03-09', 'eid-al-adha 2027-05-16']);
    // The civil calendar puts Ramadan 1451 a day later: 6 January 2030 (then Eid 5 February).
    expect(pick(2030, 'islamic-civil').slice(0, 2)).toEqual(['ramadan-beginn 2030-01-06', 'eid-al-fitr 2030-02-05']);
  });

  it('rejects an unknown source', () => {
    expect(() => occasionsOfYear(2026, { islamicCalendar: 'islamic-rgsa' as never })).toThrow(RangeError);
  });
});

describe('national days of the partner cities’ countries', () => {
  it('2026, all nine countries by default', () => {
    const national = plans
      .get(2026)!
      .filter((o) => o.countries && o.calendar === 'gregorian' && o.key !== 'weihnachten')
      .map((o) => [o.date, o.key, o.countries!.join()]);
    expect(national).toEqual([
      ['2026-02-16', 'nationalfeiertag-lt', 'LT'], // Darbo kodeksas Art. 123
      ['2026-03-11', 'unabhaengigkeitstag-lt', 'LT'],
      ['2026-04-23', 'st-georges-day-gb', 'GB'], // DOMAIN.md E
      ['2026-04-27', 'nationalfeiertag-tg', 'TG'],
      ['2026-06-12', 'nationalfeiertag-ru', 'RU'], // Labour Code Art. 112
      ['2026-06-13', 'nationalfeiertag-gb', 'GB'], // 2nd Saturday in June (proposal)
      ['2026-07-04', 'nationalfeiertag-us', 'US'], // 5 U.S.C. § 6103
      ['2026-07-06', 'staatsfeiertag-lt', 'LT'],
      ['2026-07-14', 'nationalfeiertag-fr', 'FR'], // Loi du 6 juillet 1880
      ['2026-09-15', 'nationalfeiertag-hn', 'HN'],
      ['2026-10-01', 'nationalfeiertag-cn', 'CN'],
      ['2026-10-29', 'nationalfeiertag-tr', 'TR'], // Law No. 2429
      ['2026-11-26', 'thanksgiving-us', 'US'], // fourth Thursday in November
    ]);
    expect(plans.get(2026)!.find((o) => o.key === 'nationalfeiertag-fr')!.name).toBe('Nationalfeiertag Frankreichs (Fête nationale)');
  });

  it('Thanksgiving moves: fourth Thursday in November', () => {
    expect(YEARS.map((y) => daysOf(y, 'thanksgiving-us')[0])).toEqual(['2026-11-26', '2027-11-25', '2028-11-23', '2029-11-22', '2030-11-28']);
  });

  it('agrees with date-holidays’ own country calendars (all but the UK, whose days are no bank holidays)', () => {
    const byCountry = new Map<string, string[]>();
    for (const day of NATIONAL_DAYS.filter((d) => d.country !== 'GB')) {
      if (!byCountry.has(day.country)) byCountry.set(day.country, new Holidays(day.country).getHolidays(2026).map((h) => h.date.slice(0, 10)));
      const dates = byCountry.get(day.country)!;
      const ours = occasionsOfYear(2026, { countries: [day.country] }).find((o) => o.key === day.key)!.date;
      expect(dates, day.key).toContain(ours);
    }
  });

  it('only the countries asked for; an empty list gives none', () => {
    const only = (countries: string[]) => occasionsOfYear(2026, { countries }).filter((o) => o.key.startsWith('nationalfeiertag'));
    expect(only(['FR', 'TR']).map((o) => o.key)).toEqual(['nationalfeiertag-fr', 'nationalfeiertag-tr']);
    expect(only([])).toEqual([]);
    // Kryvyi Rih's country is known, but not a partner-city country by default.
    expect(PARTNER_COUNTRIES).not.toContain('UA');
    expect(only(['UA']).map((o) => o.date)).toEqual(['2026-08-24']);
  });

  it('an unknown country is an error naming it', () => {
    expect(() => occasionsOfYear(2026, { countries: ['FR', 'XX'] })).toThrow(/XX/);
  });
});

describe('staff-added dates', () => {
  const extra = [
    { key: 'nouruz', name: 'Nouruz', date: '03-21', calendar: 'gregorian' as const },
    { key: 'diwali', name: 'Diwali', date: '2026-11-08', calendar: 'gregorian' as const },
    { key: 'schaltjahr', name: 'Schalttag', date: '02-29', calendar: 'gregorian' as const },
    { key: 'jom-kippur', name: 'Jom Kippur', date: '2026-09-21', calendar: 'hebrew' as const },
    { key: 'stadtfest-calais', name: 'Stadtfest Calais', date: '06-01', calendar: 'gregorian' as const, countries: ['FR'], eveBefore: false },
  ];
  const keys = (o: Occasion[]) => o.filter((x) => extra.some((e) => e.key === x.key)).map((x) => `${x.date} ${x.key}`);

  it('MM-DD every year (29 February only in leap years), YYYY-MM-DD only in that year', () => {
    expect(keys(occasionsOfYear(2026, { extra }))).toEqual(['2026-03-21 nouruz', '2026-06-01 stadtfest-calais', '2026-09-21 jom-kippur', '2026-11-08 diwali']);
    expect(keys(occasionsOfYear(2028, { extra }))).toEqual(['2028-02-29 schaltjahr', '2028-03-21 nouruz', '2028-06-01 stadtfest-calais']);
  });

  it('are sorted in, keep their calendar, take the evening rule from it, and are no proposals', () => {
    const plan = occasionsOfYear(2026, { extra });
    const kippur = plan.find((o) => o.key === 'jom-kippur')!;
    expect(kippur).toEqual({ date: '2026-09-21', key: 'jom-kippur', name: 'Jom Kippur', calendar: 'hebrew', eveBefore: true, beginsEvening: '2026-09-20', proposal: false });
    expect(plan.find((o) => o.key === 'stadtfest-calais')!.countries).toEqual(['FR']);
    const dates = plan.map((o) => o.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('a malformed date is an error naming the occasion', () => {
    expect(() => occasionsOfYear(2026, { extra: [{ key: 'x', name: 'Fest', date: '02-30', calendar: 'gregorian' }] })).toThrow(RangeError);
    expect(() => occasionsOfYear(2026, { extra: [{ key: 'x', name: 'Fest', date: '1.5.', calendar: 'gregorian' }] })).toThrow(/Fest/);
  });
});

describe('the API’s shape', () => {
  it('is sorted by date, then key; hands out new objects', () => {
    const plan = occasionsOfYear(2028);
    // 16 April 2028: Western and Orthodox Easter on the same day.
    expect(plan.filter((o) => o.date === '2028-04-16').map((o) => o.key)).toEqual(['orthodox-ostern', 'ostern']);
    plan[0].name = 'geändert';
    expect(occasionsOfYear(2028)[0].name).toBe('Neujahr');
  });

  it('uses the API’s calendars and German names', () => {
    const names = Object.fromEntries(plans.get(2026)!.map((o) => [o.key, `${o.name} [${o.calendar}]`]));
    expect(names).toMatchObject({
      'rosch-ha-schana': 'Rosch ha-Schana [hebrew]',
      chanukka: 'Chanukka [hebrew]',
      pessach: 'Pessach [hebrew]',
      'ramadan-beginn': 'Beginn des Ramadan [islamic]',
      'eid-al-fitr': 'Ramadan-Fest (Eid al-Fitr) [islamic]',
      'eid-al-adha': 'Opferfest (Eid al-Adha) [islamic]',
      'orthodox-weihnachten': 'Orthodoxes Weihnachtsfest [julian]',
      'orthodox-ostern': 'Orthodoxes Osterfest [julian]',
      'chinesisches-neujahr': 'Chinesisches Neujahrsfest (Frühlingsfest) [chinese]',
      ostern: 'Ostern [gregorian]',
      weihnachten: 'Weihnachten [gregorian]',
      neujahr: 'Neujahr [gregorian]',
    });
  });

  it('refuses years outside 1900–2100', () => {
    expect(() => occasionsOfYear(1899)).toThrow(RangeError);
    expect(() => occasionsOfYear(2026.5)).toThrow(RangeError);
    expect(occasionsOfYear(2100).length).toBeGreaterThan(20);
  });
});
