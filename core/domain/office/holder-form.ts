/**
 * The office in the form of its holder (DOMAIN.md D): letterhead, return address, footers and
 * reports say "Die Oberbürgermeisterin" when a woman holds the office, "Der Oberbürgermeister"
 * when a man does. The form follows from who holds it — the office the holder signs with
 * ("Oberbürgermeisterin"), else her or his gender — never from a second setting that could
 * disagree; office texts written for either form are put into the holder's.
 */

export type OfficeForm = 'female' | 'male';

/** The office with its article, by grammatical case ("Die Oberbürgermeisterin", "der Oberbürgermeisterin", …). */
export interface OfficeTitle {
  nominative: string;
  genitive: string;
  dative: string;
  accusative: string;
}

const TITLES: Record<OfficeForm, OfficeTitle> = {
  female: { nominative: 'Die Oberbürgermeisterin', genitive: 'der Oberbürgermeisterin', dative: 'der Oberbürgermeisterin', accusative: 'die Oberbürgermeisterin' },
  male: { nominative: 'Der Oberbürgermeister', genitive: 'des Oberbürgermeisters', dative: 'dem Oberbürgermeister', accusative: 'den Oberbürgermeister' },
};

/** The office by case in the holder's form; without a known form, both ("Die Oberbürgermeisterin bzw. der Oberbürgermeister"). */
export function officeTitle(form: OfficeForm | null): OfficeTitle {
  if (form) return TITLES[form];
  const both = (c: keyof OfficeTitle) => `${TITLES.female[c]} bzw. ${TITLES.male[c].replace(/^D/, 'd')}`;
  return { nominative: both('nominative'), genitive: both('genitive'), dative: both('dative'), accusative: both('accusative') };
}

/**
 * The form of the office its holder takes: from the office she or he signs with
 * ("Oberbürgermeisterin", "Oberbürgermeister"), else from the gender; null when neither says.
 */
export function holderForm(holder: { office: string; gender: string } | null): OfficeForm | null {
  if (!holder) return null;
  // A gender-neutral office ("Oberbürgermeister:in") says nothing; then the gender decides.
  const neutral = /Oberbürgermeister(?:\/-?in|\*in|:in|_in|In)(?![\p{L}])/u.test(holder.office);
  if (neutral) return holder.gender === 'female' ? 'female' : holder.gender === 'male' ? 'male' : null;
  if (/Oberbürgermeisterin/i.test(holder.office)) return 'female';
  if (/Oberbürgermeister(?![\p{L}])/iu.test(holder.office)) return 'male';
  if (holder.gender === 'female') return 'female';
  if (holder.gender === 'male') return 'male';
  return null;
}

type Case = keyof OfficeTitle;

/** Prepositions that decide an ambiguous article: "an die …" is accusative, "mit der …" dative. */
const ACCUSATIVE_BEFORE = /(?:^|[\s(])(?:an|für|durch|gegen|ohne|um|über)\s+$/i;
const DATIVE_BEFORE = /(?:^|[\s(])(?:mit|von|bei|zu|aus|nach|seit|gegenüber|vom|beim|zum)\s+$/i;

/** The case an article + office phrase stands in, from the article and the word before it. */
function caseOf(article: string, female: boolean, before: string): Case {
  switch (article.toLowerCase()) {
    case 'des':
      return 'genitive';
    case 'dem':
      return 'dative';
    case 'den':
      return 'accusative';
    case 'die':
      return female && ACCUSATIVE_BEFORE.test(before) ? 'accusative' : 'nominative';
    case 'der':
      if (!female) return 'nominative';
      return DATIVE_BEFORE.test(before) ? 'dative' : 'genitive';
    default:
      return 'nominative';
  }
}

/** The office with or without an article; gender pairs ("…/in", "…*in", "…:in", "…In") count as either. */
const OFFICE_PHRASE =
  /(?<![\p{L}])(?:(Der|Die|Des|Dem|Den|der|die|des|dem|den)(?:\s*\/\s*(?:der|die|Der|Die))?\s+)?Oberbürgermeister(in|s|\/-?in|\*in|:in|In|_in)?(?![\p{L}])/gu;

/** "X bzw. X", "X / X", "X oder X" left after both halves of a gender pair took the holder's form. */
const DOUBLED = /((?:(?:[Dd](?:er|ie|es|em|en))\s+)?Oberbürgermeister(?:in|s)?)(?:\s*\/\s*|\s+bzw\.\s+|\s+oder\s+|\s+und\s+)\1(?![\p{L}])/gu;

/**
 * A text with the office put into the holder's form: "Stadt Duisburg · Der Oberbürgermeister" →
 * "Stadt Duisburg · Die Oberbürgermeisterin", "Büro des Oberbürgermeisters" → "Büro der
 * Oberbürgermeisterin", "an den Oberbürgermeister" → "an die Oberbürgermeisterin", and back;
 * gender pairs ("Oberbürgermeister/in", "der Oberbürgermeisterin bzw. des Oberbürgermeisters")
 * become the one form. Without a known form the text stays as written. Plurals are left alone.
 */
export function inHoldersForm(text: string, form: OfficeForm | null): string {
  if (!form || !text.includes('bürgermeister')) return text;
  const plural = /Oberbürgermeister(?:innen|Innen|\*innen|:innen)/.test(text);
  const replaced = text.replace(OFFICE_PHRASE, (whole, article: string | undefined, suffix: string | undefined, offset: number) => {
    const female = suffix === 'in';
    const pair = suffix !== undefined && suffix !== 'in' && suffix !== 's';
    if (!article) {
      // Beside a plural ("Oberbürgermeisterinnen und Oberbürgermeister") a bare word is a plural too.
      if (plural) return whole;
      if (suffix === 's') return form === 'female' ? 'Oberbürgermeisterin' : 'Oberbürgermeisters';
      return form === 'female' ? 'Oberbürgermeisterin' : 'Oberbürgermeister';
    }
    const grammaticalCase = pair ? 'nominative' : caseOf(article, female, text.slice(0, offset));
    const title = TITLES[form][grammaticalCase];
    return article[0] === article[0].toUpperCase() ? title : title[0].toLowerCase() + title.slice(1);
  });
  return replaced.replace(DOUBLED, '$1');
}
