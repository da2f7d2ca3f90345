/**
 * The placeholders a letter template may use ({{name}}), documented for staff beside each
 * template. `scope` says where a value comes from:
 * - 'letter': differs per letter (recipient, occasion, body) — not allowed in headers and
 *   footers, because a combined print file shares them between all letters;
 * - 'office': the same for every letter of the office and signer (settings).
 * `block`: the value is several paragraphs; the placeholder must stand alone in its paragraph.
 * Multi-line values of inline placeholders become line breaks within the paragraph.
 */
export interface PlaceholderSpec {
  name: string;
  label: string;
  example: string;
  scope: 'letter' | 'office';
  block?: boolean;
}

export const VOCABULARY: readonly PlaceholderSpec[] = [
  { name: 'anschrift', label: 'Anschrift des Empfängers (alle Zeilen, DIN 5008)', example: 'Frau Bürgermeisterin\nProf. Dr. Erika Beispiel\nBurgplatz 19\n47051 Duisburg', scope: 'letter' },
  { name: 'empfaenger_name', label: 'Name des Empfängers', example: 'Prof. Dr. Erika Beispiel', scope: 'letter' },
  { name: 'anrede', label: 'Briefanrede mit Komma', example: 'Sehr geehrte Frau Bürgermeisterin,', scope: 'letter' },
  { name: 'anrede_muendlich', label: 'Mündliche Anrede', example: 'Frau Bürgermeisterin', scope: 'letter' },
  { name: 'grussformel', label: 'Grußformel', example: 'Mit freundlichen Grüßen', scope: 'letter' },
  { name: 'betreff', label: 'Betreff (ohne das Wort „Betreff“)', example: 'Ihr 90. Geburtstag', scope: 'letter' },
  { name: 'brieftext', label: 'Brieftext (mehrere Absätze; allein in seinem Absatz)', example: 'zu Ihrem 90. Geburtstag …', scope: 'letter', block: true },
  { name: 'datum', label: 'Datum des Briefes in Worten', example: '27. November 2026', scope: 'letter' },
  { name: 'datum_numerisch', label: 'Datum des Briefes numerisch', example: '27.11.2026', scope: 'letter' },
  { name: 'anlass', label: 'Anlass', example: '90. Geburtstag', scope: 'letter' },
  { name: 'anlass_datum', label: 'Datum des Anlasses in Worten', example: '3. Dezember 2026', scope: 'letter' },
  { name: 'alter', label: 'Alter bzw. Jubiläumsjahre (Zahl)', example: '90', scope: 'letter' },
  { name: 'jubilaeum', label: 'Name des Ehejubiläums', example: 'Goldene Hochzeit', scope: 'letter' },
  { name: 'verstorbene_person', label: 'Name der verstorbenen Person (Kondolenz, Nachruf)', example: 'Heinrich Beispiel', scope: 'letter' },
  { name: 'partnerstadt', label: 'Partnerstadt', example: 'Portsmouth', scope: 'letter' },
  { name: 'aktenzeichen', label: 'Aktenzeichen / Zeichen', example: 'OB-13/2026-117', scope: 'letter' },
  { name: 'vertretung', label: '„In Vertretung“, wenn nicht die Oberbürgermeisterin bzw. der Oberbürgermeister unterschreibt', example: 'In Vertretung', scope: 'letter' },
  { name: 'unterzeichner_name', label: 'Name der unterzeichnenden Person', example: 'Dr. Petra Hovestadt', scope: 'letter' },
  { name: 'unterzeichner_amt', label: 'Amt der unterzeichnenden Person', example: 'Oberbürgermeisterin', scope: 'letter' },
  { name: 'ansprechpartner', label: 'Ansprechpartner/in im Amt', example: 'Frau Kemper', scope: 'letter' },
  { name: 'telefon', label: 'Telefon der Ansprechperson', example: '0203 283-0000', scope: 'letter' },
  { name: 'email', label: 'E-Mail der Ansprechperson', example: 'protokoll@stadt-duisburg.example', scope: 'letter' },
  { name: 'absenderzeile', label: 'Rücksendeangabe über der Anschrift', example: 'Stadt Duisburg · Die Oberbürgermeisterin · 47049 Duisburg', scope: 'office' },
  { name: 'stadt', label: 'Name der Stadt', example: 'Stadt Duisburg', scope: 'office' },
  { name: 'dienststelle', label: 'Dienststelle (Briefkopf; das Amt in der Form der Person, die es innehat)', example: 'Die Oberbürgermeisterin', scope: 'office' },
  { name: 'amt', label: 'Amt (Briefkopf)', example: 'Amt für Kommunikation', scope: 'office' },
  { name: 'hausanschrift', label: 'Hausanschrift der Dienststelle (Fußzeile)', example: 'Burgplatz 19 · 47051 Duisburg', scope: 'office' },
  { name: 'internet', label: 'Internetadresse (Fußzeile)', example: 'www.duisburg.de', scope: 'office' },
];

export const PLACEHOLDER_NAMES: ReadonlySet<string> = new Set(VOCABULARY.map((p) => p.name));

export function placeholderSpec(name: string): PlaceholderSpec | undefined {
  return VOCABULARY.find((p) => p.name === name);
}

/** Matches {{ name }} (spaces inside the braces allowed). */
export const PLACEHOLDER_PATTERN = /\{\{\s*([A-Za-z0-9_äöüÄÖÜß]+)\s*\}\}/g;

/**
 * Replaces placeholders in a text the user wrote (subject, body, text blocks) with values.
 * Returns the names it did not know and those it knew but had no (or an empty) value for.
 */
export function resolvePlaceholders(
  text: string,
  values: Readonly<Record<string, string>>,
): { text: string; unknown: string[]; empty: string[] } {
  const unknown = new Set<string>();
  const empty = new Set<string>();
  const resolved = text.replace(PLACEHOLDER_PATTERN, (match, name: string) => {
    if (!PLACEHOLDER_NAMES.has(name)) {
      unknown.add(name);
      return match;
    }
    const value = values[name] ?? '';
    if (!value) empty.add(name);
    return value;
  });
  return { text: resolved, unknown: [...unknown], empty: [...empty] };
}
