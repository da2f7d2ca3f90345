/**
 * Everything stored about one citizen (Art. 15 DSGVO), as data for the JSON export and as a
 * Word document built in code: the person, the requests with texts, statements, history,
 * attachments (listed) and access log, the event registrations and the volunteering enquiries.
 */
import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { REQUEST_CHANNEL_LABELS, REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS } from '../api/schemas/citizen-requests';
import { formatDateNumeric } from '../domain/dates/format';
import { utcToLocalDateTime } from '../domain/calendar/time';

export interface PrivacyExportAccess {
  at: string;
  user: string;
  action: string;
  actionLabel: string;
  summary: string;
}

export interface PrivacyExportRequest {
  id: number;
  kind: string;
  channel: string;
  subject: string;
  text: string;
  category: string;
  district: string;
  place: string;
  receivedOn: string;
  status: string;
  department: string | null;
  acknowledgedOn: string | null;
  statementRequestedOn: string | null;
  statementDue: string | null;
  statementReceivedOn: string | null;
  statementText: string;
  statementUnnecessary: boolean;
  remindedOn: string | null;
  answeredOn: string | null;
  closedOn: string | null;
  followUpOn: string | null;
  eventId: number | null;
  createdAt: string;
  updatedAt: string;
  history: Array<{ at: string; user: string; action: string; status: string | null; note: string }>;
  /** Listed with name and size; the files themselves are not part of the export. */
  attachments: Array<{ fileName: string; size: number; addedAt: string }>;
  links: Array<{ requestId: number; note: string }>;
  replyLetter: { id: number; subject: string; letterDate: string; status: string; signerName: string; recipient: string[] } | null;
  /** Who viewed or changed the request, when. */
  accessLog: PrivacyExportAccess[];
}

export interface PrivacyExport {
  format: 'rathausbuero-datenauskunft';
  version: 1;
  /** "Stadt Duisburg · Die Oberbürgermeisterin · Amt für Kommunikation" (the office in its holder's form). */
  office: string;
  createdAt: string;
  createdBy: string;
  person: {
    id: number;
    gender: string;
    degrees: string;
    givenName: string;
    surname: string;
    street: string;
    houseNumber: string;
    postcode: string;
    city: string;
    email: string;
    phone: string;
    createdAt: string;
    updatedAt: string;
  };
  requests: PrivacyExportRequest[];
  eventRegistrations: Array<{
    event: { id: number; kind: string; title: string; start: string; end: string; district: string; place: string };
    topic: string;
    registeredOn: string;
    attended: boolean | null;
  }>;
  volunteerEnquiries: Array<{
    id: number;
    receivedOn: string;
    interests: string;
    fields: string[];
    organisation: string | null;
    referredOn: string | null;
    outcome: string;
    notes: string;
    createdAt: string;
    updatedAt: string;
  }>;
}

const GENDER_LABELS: Record<string, string> = { female: 'weiblich', male: 'männlich', diverse: 'divers', unknown: 'nicht angegeben' };
const EVENT_KIND_LABELS: Record<string, string> = { gespraech: 'Bürgergespräch', spaziergang: 'Bürgerspaziergang' };
const OUTCOME_LABELS: Record<string, string> = { offen: 'offen', vermittelt: 'vermittelt', kein_angebot: 'kein passendes Angebot', zurueckgezogen: 'zurückgezogen' };
const LETTER_STATUS_LABELS: Record<string, string> = { entwurf: 'Entwurf', zur_unterschrift: 'zur Unterschrift', versandt: 'versandt' };
const label = (labels: Record<string, string>, value: string) => labels[value] ?? value;

/** "2026-11-27" → "27.11.2026"; an ISO instant → "27.11.2026, 10:00 Uhr" (Berlin); null → "—". */
function when(value: string | null): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDateNumeric(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return `${formatDateNumeric(value.slice(0, 10))}, ${value.slice(11)} Uhr`;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  const local = utcToLocalDateTime(ms);
  return `${formatDateNumeric(local.slice(0, 10))}, ${local.slice(11, 16)} Uhr`;
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('de-DE')} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
}

const FONT = 'Arial';
const run = (text: string, options: { bold?: boolean; size?: number } = {}) => new TextRun({ text, font: FONT, size: options.size ?? 22, bold: options.bold });
const para = (text: string, options: { bold?: boolean; size?: number; after?: number } = {}) =>
  new Paragraph({ spacing: { after: options.after ?? 60 }, children: [run(text, options)] });
/** A paragraph per line; "—" for nothing. */
const lines = (text: string) => (text.trim() ? text.split(/\r?\n/) : ['—']).map((line) => para(line));
const heading = (text: string, level: 1 | 2 | 3) =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    spacing: { before: level === 1 ? 0 : 240, after: 120 },
    keepNext: true,
    children: [run(text, { bold: true, size: level === 1 ? 32 : level === 2 ? 28 : 24 })],
  });
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

/** Label on the left, content on the right, no rules. */
function facts(rows: Array<[string, string]>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: rows.map(
      ([name, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: 30, type: WidthType.PERCENTAGE }, children: [para(name, { bold: true })] }),
            new TableCell({ width: { size: 70, type: WidthType.PERCENTAGE }, children: lines(value || '—') }),
          ],
        }),
    ),
  });
}

/** A table with a header row; "keine" when there are no rows. */
function grid(header: string[], rows: string[][], none: string): Paragraph | Table {
  if (rows.length === 0) return para(none);
  const cell = (text: string, bold = false) => new TableCell({ children: [para(text || '—', { bold, size: 20, after: 0 })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text) => cell(text)) })),
    ],
  });
}

function requestSection(r: PrivacyExportRequest): Array<Paragraph | Table> {
  return [
    heading(`Anliegen Nr. ${r.id}: ${r.subject}`, 3),
    facts([
      ['Art', label(REQUEST_KIND_LABELS, r.kind)],
      ['Eingangsweg', label(REQUEST_CHANNEL_LABELS, r.channel)],
      ['Eingegangen am', when(r.receivedOn)],
      ['Stand', label(REQUEST_STATUS_LABELS, r.status)],
      ['Kategorie', r.category],
      ['Stadtbezirk', r.district],
      ['Ort', r.place],
      ['Fachbereich', r.department ?? ''],
      ['Eingang bestätigt am', when(r.acknowledgedOn)],
      ['Stellungnahme erbeten am', r.statementUnnecessary ? 'nicht erforderlich' : when(r.statementRequestedOn)],
      ['Stellungnahme fällig am', when(r.statementDue)],
      ['Stellungnahme eingegangen am', when(r.statementReceivedOn)],
      ['Erinnert am', when(r.remindedOn)],
      ['Beantwortet am', when(r.answeredOn)],
      ['Erledigt am', when(r.closedOn)],
      ['Wiedervorlage', when(r.followUpOn)],
      ['Erfasst', when(r.createdAt)],
      ['Zuletzt geändert', when(r.updatedAt)],
    ]),
    para('Text', { bold: true }),
    ...lines(r.text),
    para('Stellungnahme des Fachbereichs', { bold: true }),
    ...lines(r.statementText),
    para('Anhänge', { bold: true }),
    ...(r.attachments.length ? r.attachments.map((a) => para(`${a.fileName} (${size(a.size)}, hinzugefügt ${when(a.addedAt)})`)) : [para('keine')]),
    ...(r.links.length ? [para('Verknüpft mit', { bold: true }), ...r.links.map((l) => para(`Anliegen Nr. ${l.requestId}${l.note ? ` – ${l.note}` : ''}`))] : []),
    ...(r.replyLetter
      ? [
          para('Antwortschreiben', { bold: true }),
          para(
            `${r.replyLetter.subject} vom ${when(r.replyLetter.letterDate)} (${label(LETTER_STATUS_LABELS, r.replyLetter.status)}), an ${r.replyLetter.recipient.join(', ')}, unterzeichnet von ${r.replyLetter.signerName}`,
          ),
        ]
      : []),
    para('Verlauf', { bold: true }),
    grid(
      ['Zeitpunkt', 'Wer', 'Schritt', 'Stand', 'Notiz'],
      r.history.map((h) => [when(h.at), h.user, h.action, h.status ? label(REQUEST_STATUS_LABELS, h.status) : '', h.note]),
      'kein Eintrag',
    ),
    para('Zugriffe (wer das Anliegen angesehen oder geändert hat)', { bold: true }),
    grid(
      ['Zeitpunkt', 'Wer', 'Was'],
      r.accessLog.map((a) => [when(a.at), a.user, a.summary ? `${a.actionLabel}: ${a.summary}` : a.actionLabel]),
      'kein Eintrag',
    ),
  ];
}

/** The export as a Word document. */
/** `requestsTo`: to whom requests go, the office in its holder's form ("die Oberbürgermeisterin"). */
export async function privacyExportDocx(data: PrivacyExport, requestsTo = 'die Oberbürgermeisterin bzw. den Oberbürgermeister'): Promise<Uint8Array> {
  const p = data.person;
  const name = [p.degrees, p.givenName, p.surname].filter(Boolean).join(' ');
  const address = [[p.street, p.houseNumber].filter(Boolean).join(' '), [p.postcode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const doc = new Document({
    creator: data.office,
    title: `Datenauskunft ${name}`,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        properties: { page: { margin: { left: 1418, right: 1134, top: 1134, bottom: 1134 } } },
        children: [
          para(data.office, { size: 20 }),
          heading('Auskunft über gespeicherte personenbezogene Daten', 1),
          para(`nach Art. 15 DSGVO · Stand: ${when(data.createdAt)} · erstellt von ${data.createdBy}`, { after: 240 }),

          heading('Person', 2),
          facts([
            ['Name', name],
            ['Geschlecht', label(GENDER_LABELS, p.gender)],
            ['Anschrift', address],
            ['E-Mail', p.email],
            ['Telefon', p.phone],
            ['Erfasst', when(p.createdAt)],
            ['Zuletzt geändert', when(p.updatedAt)],
          ]),

          heading(`Anliegen an ${requestsTo} (${data.requests.length})`, 2),
          ...(data.requests.length ? data.requests.flatMap(requestSection) : [para('keine')]),

          heading(`Anmeldungen zu Bürgergesprächen und Bürgerspaziergängen (${data.eventRegistrations.length})`, 2),
          grid(
            ['Veranstaltung', 'Termin', 'Ort', 'Angemeldet am', 'Thema', 'Teilgenommen'],
            data.eventRegistrations.map((r) => [
              `${label(EVENT_KIND_LABELS, r.event.kind)}: ${r.event.title}`,
              when(r.event.start),
              [r.event.place, r.event.district].filter(Boolean).join(', '),
              when(r.registeredOn),
              r.topic,
              r.attended === null ? '—' : r.attended ? 'ja' : 'nein',
            ]),
            'keine',
          ),

          heading(`Anfragen zum Ehrenamt (${data.volunteerEnquiries.length})`, 2),
          ...(data.volunteerEnquiries.length
            ? data.volunteerEnquiries.flatMap((e) => [
                facts([
                  ['Eingegangen am', when(e.receivedOn)],
                  ['Interessen', e.interests],
                  ['Bereiche', e.fields.join(', ')],
                  ['Vermittelt an', e.organisation ?? ''],
                  ['Vermittelt am', when(e.referredOn)],
                  ['Ergebnis', label(OUTCOME_LABELS, e.outcome)],
                  ['Notizen', e.notes],
                ]),
                para('', { after: 120 }),
              ])
            : [para('keine')]),

          para(
            'Angehängte Dateien (Scans, E-Mails) sind oben mit Namen und Größe verzeichnet; Kopien der Dateien werden auf Wunsch gesondert übergeben.',
            { size: 18, after: 0 },
          ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
