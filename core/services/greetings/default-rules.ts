/**
 * How the city greets on each occasion of the Grußkalender when staff have not set a rule
 * (DOMAIN.md E; issue 8). Shipped as code: a stored rule (greeting_rules) replaces the default
 * of its key, „Standard wiederherstellen“ deletes it again.
 *
 * - National days: the mayor of the partner city in that country (letter in the partnership's
 *   language, Grußbotschaft an eine Partnerstadt), post abroad: 21 days.
 * - Christmas: every partner city, and the consular corps (Weihnachtsgruß). New Year is greeted
 *   with it (the Christmas letter wishes a good new year), so „Neujahr“ is off by default.
 * - Jewish high days: contacts tagged „Jüdische Gemeinde“; Islamic: „Muslimische Gemeinden“, the
 *   two Bayram also Gaziantep (Türkiye); Orthodox: „Orthodoxe Gemeinden“; Chinese New Year:
 *   Wuhan and Qingdao (China) and „Chinesische Gemeinde“. Letters within Germany: 7 days.
 * - Western Easter: off by default (the churches are greeted at Christmas).
 */
import type { Language } from '../../api/schemas/addressing';
import type { GreetingRecipientsRule } from '../../api/schemas/greetings';
import { NATIONAL_DAYS } from '../../domain/greetings';

/** Post abroad takes weeks; within Germany a week is enough. */
export const LEAD_DAYS_ABROAD = 21;
export const LEAD_DAYS_LOCAL = 7;

/** The contact tags the defaults name (demo contacts carry them). */
export const COMMUNITY_TAGS = {
  jewish: 'Jüdische Gemeinde',
  muslim: 'Muslimische Gemeinden',
  orthodox: 'Orthodoxe Gemeinden',
  chinese: 'Chinesische Gemeinde',
  consular: 'Konsularisches Korps',
} as const;

export interface RuleValues {
  active: boolean;
  recipients: GreetingRecipientsRule;
  templateId: string;
  language: Language;
  leadDays: number;
}

/** The template partner cities get: the Grußbotschaft an eine Partnerstadt in the partnership's language. */
export const partnerTemplateId = (language: Language): string => `partnerstadt-${language}`;

const recipients = (partnerCities: GreetingRecipientsRule['partnerCities'], tags: string[] = []): GreetingRecipientsRule => ({
  partnerCities,
  tags,
  contactIds: [],
});

const communityRule = (tag: string): RuleValues => ({
  active: true,
  recipients: recipients('none', [tag]),
  templateId: 'feiertagsgruss',
  language: 'de',
  leadDays: LEAD_DAYS_LOCAL,
});

/** The language of letters to a country's partner city when no partnership says otherwise. */
const COUNTRY_LANGUAGE: Record<string, Language> = { FR: 'fr', TG: 'fr', RU: 'de' };

const RELIGIOUS: Record<string, RuleValues> = {
  neujahr: { active: false, recipients: recipients('none'), templateId: 'weihnachtsgruss', language: 'de', leadDays: LEAD_DAYS_LOCAL },
  weihnachten: {
    active: true,
    recipients: recipients('all', [COMMUNITY_TAGS.consular]),
    templateId: 'weihnachtsgruss',
    language: 'de',
    leadDays: LEAD_DAYS_ABROAD,
  },
  ostern: { active: false, recipients: recipients('none'), templateId: 'feiertagsgruss', language: 'de', leadDays: LEAD_DAYS_LOCAL },
  'orthodox-weihnachten': communityRule(COMMUNITY_TAGS.orthodox),
  'orthodox-ostern': communityRule(COMMUNITY_TAGS.orthodox),
  'rosch-ha-schana': communityRule(COMMUNITY_TAGS.jewish),
  chanukka: communityRule(COMMUNITY_TAGS.jewish),
  pessach: communityRule(COMMUNITY_TAGS.jewish),
  'ramadan-beginn': communityRule(COMMUNITY_TAGS.muslim),
  'eid-al-fitr': { ...communityRule(COMMUNITY_TAGS.muslim), recipients: recipients('country', [COMMUNITY_TAGS.muslim]), leadDays: LEAD_DAYS_ABROAD },
  'eid-al-adha': { ...communityRule(COMMUNITY_TAGS.muslim), recipients: recipients('country', [COMMUNITY_TAGS.muslim]), leadDays: LEAD_DAYS_ABROAD },
  'chinesisches-neujahr': { ...communityRule(COMMUNITY_TAGS.chinese), recipients: recipients('country', [COMMUNITY_TAGS.chinese]), leadDays: LEAD_DAYS_ABROAD },
};

const NATIONAL: Record<string, RuleValues> = Object.fromEntries(
  NATIONAL_DAYS.map((day) => {
    const language = COUNTRY_LANGUAGE[day.country] ?? 'en';
    const rule: RuleValues = { active: true, recipients: recipients('country'), templateId: partnerTemplateId(language), language, leadDays: LEAD_DAYS_ABROAD };
    return [day.key, rule];
  }),
);

/** A staff-added date: active, no recipients until staff name them. */
const EXTRA: RuleValues = { active: true, recipients: recipients('none'), templateId: 'feiertagsgruss', language: 'de', leadDays: LEAD_DAYS_LOCAL };

/** The default rule of an occasion key (a copy: callers may change it). */
export function defaultRule(key: string): RuleValues {
  const rule = RELIGIOUS[key] ?? NATIONAL[key] ?? EXTRA;
  return { ...rule, recipients: { ...rule.recipients, tags: [...rule.recipients.tags], contactIds: [...rule.recipients.contactIds] } };
}

/**
 * The occasion as the letters name it ({{anlass}}), per language: German after „zum“ (the
 * templates say „Grüße zum {{anlass}}“) and, without an article, as the register's „Anlass“
 * (so no declined adjective up front: „Neujahrsfest Rosch ha-Schana“); English after „On the
 * occasion of“, French after „À l’occasion de“.
 */
const WORDING: Record<string, Record<Language, string>> = {
  neujahr: { de: 'Jahreswechsel', en: 'the New Year', fr: 'la nouvelle année' },
  weihnachten: { de: 'Weihnachtsfest und Jahreswechsel', en: 'Christmas and the New Year', fr: 'Noël et de la nouvelle année' },
  ostern: { de: 'Osterfest', en: 'Easter', fr: 'Pâques' },
  'orthodox-weihnachten': { de: 'Weihnachtsfest der orthodoxen Kirchen', en: 'Orthodox Christmas', fr: 'Noël orthodoxe' },
  'orthodox-ostern': { de: 'Osterfest der orthodoxen Kirchen', en: 'Orthodox Easter', fr: 'Pâques orthodoxes' },
  'rosch-ha-schana': { de: 'Neujahrsfest Rosch ha-Schana', en: 'Rosh Hashanah', fr: 'Roch Hachana' },
  chanukka: { de: 'Chanukkafest', en: 'Hanukkah', fr: 'Hanoucca' },
  pessach: { de: 'Pessachfest', en: 'Passover', fr: 'Pessah' },
  'ramadan-beginn': { de: 'Beginn des Fastenmonats Ramadan', en: 'the beginning of Ramadan', fr: 'l’ouverture du mois de Ramadan' },
  'eid-al-fitr': { de: 'Ramadanfest (Eid al-Fitr)', en: 'Eid al-Fitr', fr: 'l’Aïd al-Fitr' },
  'eid-al-adha': { de: 'Opferfest (Eid al-Adha)', en: 'Eid al-Adha', fr: 'l’Aïd al-Adha' },
  'chinesisches-neujahr': { de: 'Frühlingsfest (chinesisches Neujahr)', en: 'the Spring Festival, the Chinese New Year', fr: 'la fête du Printemps, le Nouvel An chinois' },
  'nationalfeiertag-gb': { de: 'Geburtstag Seiner Majestät des Königs', en: 'the King’s Official Birthday', fr: 'l’anniversaire officiel du Roi' },
  'st-georges-day-gb': { de: 'St George’s Day', en: 'St George’s Day', fr: 'la Saint-Georges' },
  'nationalfeiertag-fr': { de: 'Nationalfeiertag Frankreichs', en: 'the French National Day', fr: 'la fête nationale' },
  'nationalfeiertag-tg': { de: 'Unabhängigkeitstag Togos', en: 'the Independence Day of Togo', fr: 'la fête de l’Indépendance du Togo' },
  'nationalfeiertag-cn': { de: 'Nationalfeiertag der Volksrepublik China', en: 'the National Day of the People’s Republic of China', fr: 'la fête nationale de la République populaire de Chine' },
  'nationalfeiertag-lt': { de: 'Tag der Wiederherstellung des Staates Litauen', en: 'the Day of the Restoration of the State of Lithuania', fr: 'la fête de la restauration de l’État lituanien' },
  'unabhaengigkeitstag-lt': { de: 'Tag der Wiederherstellung der Unabhängigkeit Litauens', en: 'the Day of the Restoration of Lithuania’s Independence', fr: 'la fête du rétablissement de l’indépendance de la Lituanie' },
  'staatsfeiertag-lt': { de: 'Tag der Staatlichkeit Litauens', en: 'Statehood Day', fr: 'la fête de l’État lituanien' },
  'nationalfeiertag-hn': { de: 'Unabhängigkeitstag von Honduras', en: 'the Independence Day of Honduras', fr: 'la fête de l’Indépendance du Honduras' },
  'nationalfeiertag-tr': { de: 'Tag der Republik', en: 'Republic Day', fr: 'la fête de la République' },
  'nationalfeiertag-ru': { de: 'Tag Russlands', en: 'Russia Day', fr: 'la fête de la Russie' },
  'nationalfeiertag-us': { de: 'Unabhängigkeitstag der Vereinigten Staaten', en: 'Independence Day', fr: 'la fête de l’Indépendance des États-Unis' },
  'thanksgiving-us': { de: 'Thanksgiving-Fest', en: 'Thanksgiving', fr: 'Thanksgiving' },
  'nationalfeiertag-ua': { de: 'Unabhängigkeitstag der Ukraine', en: 'the Independence Day of Ukraine', fr: 'la fête de l’Indépendance de l’Ukraine' },
};

/** {{anlass}} of a greeting: the wording above, else the occasion's (German) name. */
export function occasionWording(key: string, name: string, language: Language): string {
  return WORDING[key]?.[language] ?? name;
}
