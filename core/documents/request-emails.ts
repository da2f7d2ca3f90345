/**
 * E-mail texts of the requests workflow (Anliegenmanagement): the acknowledgement to the person,
 * the request for a statement to a department and the reminder. Staff can write their own as
 * text blocks (Textbausteine) with the fixed titles below; a first line "Betreff: …" in such a
 * block replaces the default subject. Otherwise the built-in German defaults apply.
 *
 * Placeholders are written {{name}} as in the letter templates; empty ones leave no blank lines
 * behind, unknown ones stay visible so that staff notice them.
 */

export type RequestEmailKind = 'acknowledge' | 'forward' | 'remind';

/** The titles a text block must have to replace a default (Einstellungen → Textbausteine). */
export const REQUEST_EMAIL_BLOCK_TITLES: Record<RequestEmailKind, string> = {
  acknowledge: 'E-Mail: Eingangsbestätigung',
  forward: 'E-Mail: Bitte um Stellungnahme',
  remind: 'E-Mail: Erinnerung an Fachbereich',
};

/** The placeholders the e-mail texts may use (shown to staff beside the text blocks). */
export const REQUEST_EMAIL_PLACEHOLDERS = [
  { name: 'anrede', label: 'Anrede der Person mit Komma', example: 'Sehr geehrte Frau Kaya,' },
  { name: 'person', label: 'Name der Person (mit Frau/Herr) bzw. „eine anonyme Person“', example: 'Frau Ayşe Kaya' },
  { name: 'nummer', label: 'Nummer des Anliegens', example: '117' },
  { name: 'betreff', label: 'Betreff des Anliegens', example: 'Defekte Straßenlaterne' },
  { name: 'eingang', label: 'Eingangsdatum des Anliegens in Worten', example: '23. November 2026' },
  { name: 'kanal', label: 'Wie das Anliegen kam', example: 'E-Mail' },
  { name: 'angaben', label: 'Art, Kategorie, Stadtbezirk und Ort (je eine Zeile, nur vorhandene)', example: 'Art: Beschwerde\nOrt: Königstraße 12' },
  { name: 'anliegen', label: 'Text des Anliegens', example: 'Die Laterne vor meinem Haus …' },
  { name: 'fachbereich', label: 'Fachbereich', example: 'Amt für Straßenbau und Verkehr (66)' },
  { name: 'frist', label: 'Frist für die Stellungnahme in Worten', example: '11. Dezember 2026' },
  { name: 'erbeten_am', label: 'Tag der Bitte um Stellungnahme in Worten', example: '27. November 2026' },
  { name: 'hinweis', label: 'Hinweis zur Weiterleitung', example: 'Bitte auch die Beleuchtung im Park prüfen.' },
  { name: 'oberbuergermeister', label: 'Amt und Name der Oberbürgermeisterin bzw. des Oberbürgermeisters', example: 'Oberbürgermeisterin Dr. Petra Hovestadt' },
  { name: 'ansprechpartner', label: 'Ansprechperson im Amt', example: 'Herr Yıldız' },
  { name: 'telefon', label: 'Telefon der Ansprechperson', example: '0203 283-4712' },
  { name: 'email', label: 'E-Mail der Ansprechperson', example: 'buergerdialog@stadt-duisburg.example' },
  { name: 'amt', label: 'Amt (Briefkopf)', example: 'Amt für Kommunikation' },
  { name: 'stadt', label: 'Name der Stadt', example: 'Stadt Duisburg' },
] as const;

export type RequestEmailValues = Partial<Record<(typeof REQUEST_EMAIL_PLACEHOLDERS)[number]['name'], string>>;

const SIGNATURE_CITIZEN = 'Mit freundlichen Grüßen\nIm Auftrag\n\n{{ansprechpartner}}\n{{amt}}\n{{stadt}}\nTelefon {{telefon}}\n{{email}}';
const SIGNATURE_OFFICE = 'Mit freundlichen Grüßen\n\n{{ansprechpartner}}\n{{amt}}\nTelefon {{telefon}}\n{{email}}';

/** The built-in texts. */
export const DEFAULT_REQUEST_EMAILS: Record<RequestEmailKind, { subject: string; text: string }> = {
  acknowledge: {
    subject: 'Ihr Anliegen vom {{eingang}}: {{betreff}}',
    text: [
      '{{anrede}}',
      'vielen Dank für Ihr Anliegen vom {{eingang}}, mit dem Sie sich an {{oberbuergermeister}} gewandt haben. Hiermit bestätigen wir Ihnen den Eingang.',
      'Wir prüfen Ihr Anliegen sorgfältig und beziehen, wo nötig, die zuständige Fachverwaltung ein. Sobald wir Ihnen eine Antwort geben können, melden wir uns wieder bei Ihnen. Bei Rückfragen nennen Sie bitte die Nummer {{nummer}}.',
      SIGNATURE_CITIZEN,
    ].join('\n\n'),
  },
  forward: {
    subject: 'Bitte um Stellungnahme bis {{frist}}: {{betreff}} (Anliegen Nr. {{nummer}})',
    text: [
      'Guten Tag,',
      'an {{oberbuergermeister}} hat sich {{person}} mit dem folgenden Anliegen gewandt (eingegangen am {{eingang}}, {{kanal}}):',
      'Betreff: {{betreff}}\n{{angaben}}',
      '{{anliegen}}',
      '{{hinweis}}',
      'Wir bitten Sie um eine Stellungnahme bis zum {{frist}}. Sie ist die Grundlage unserer Antwort; bitte formulieren Sie sie deshalb so, dass wir sie übernehmen können, und nennen Sie die Nummer {{nummer}}.',
      'Vielen Dank für Ihre Unterstützung.',
      SIGNATURE_OFFICE,
    ].join('\n\n'),
  },
  remind: {
    subject: 'Erinnerung: Stellungnahme bis {{frist}} – {{betreff}} (Anliegen Nr. {{nummer}})',
    text: [
      'Guten Tag,',
      'am {{erbeten_am}} hatten wir Sie um eine Stellungnahme zum Anliegen „{{betreff}}“ gebeten, das am {{eingang}} eingegangen ist. Die Frist dafür war der {{frist}}; bisher liegt uns Ihre Stellungnahme nicht vor.',
      'Bitte senden Sie sie uns möglichst bald, damit wir antworten können. Falls Ihr Fachbereich nicht zuständig ist, teilen Sie uns das bitte kurz mit.',
      'Zur Erinnerung das Anliegen (Nr. {{nummer}}):\n{{angaben}}',
      '{{anliegen}}',
      SIGNATURE_OFFICE,
    ].join('\n\n'),
  },
};

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_äöüÄÖÜß]+)\s*\}\}/g;
const KNOWN = new Set<string>(REQUEST_EMAIL_PLACEHOLDERS.map((p) => p.name));

/**
 * Fills the placeholders of a text. A line whose placeholders are all empty disappears (with a
 * bare label before them, "Telefon {{telefon}}"), so do blank lines it would leave behind.
 */
export function fillRequestEmail(text: string, values: RequestEmailValues): string {
  const valueOf = (match: string, name: string) => (KNOWN.has(name) ? (values[name as keyof RequestEmailValues] ?? '').trim() : match);
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .flatMap((line) => {
      const filled = line.replace(PLACEHOLDER, valueOf).replace(/\s+$/, '');
      const hadPlaceholders = line.replace(PLACEHOLDER, '') !== line;
      const nothingFilled = line.replace(PLACEHOLDER, '').replace(/\s+$/, '') === filled.replace(/\s+$/, '');
      return hadPlaceholders && nothingFilled && /^[\p{L}\s:-]{0,20}$/u.test(filled) ? [] : [filled];
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The e-mail of one kind: from the staff's text block when there is one (its first line
 * "Betreff: …" as the subject), else the built-in default; placeholders filled.
 */
export function composeRequestEmail(kind: RequestEmailKind, values: RequestEmailValues, block?: string | null): { subject: string; text: string } {
  const fallback = DEFAULT_REQUEST_EMAILS[kind];
  let subject = fallback.subject;
  let text = fallback.text;
  if (block && block.trim()) {
    const [first, ...rest] = block.replace(/\r\n/g, '\n').split('\n');
    const own = /^\s*Betreff:\s*(.+)$/i.exec(first ?? '');
    if (own) {
      subject = own[1]!;
      text = rest.join('\n');
    } else {
      text = block;
    }
  }
  return { subject: fillRequestEmail(subject, values).replace(/\s+/g, ' '), text: fillRequestEmail(text, values) };
}
