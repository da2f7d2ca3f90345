/**
 * The Word documents of a citizens' talk (Bürgergespräch) or walk (Bürgerspaziergang), built in
 * code with docx:
 * - the invitation (Einladung) for notice boards, the district's newsletter and e-mails to those
 *   who ask, signed by the host;
 * - the press note (Pressenotiz): headline, date line, when and where, how to register;
 * - the host's briefing (Unterlage): the facts, the route with its stops, who registered and with
 *   which topic, and the open requests from the district;
 * - the follow-up report (Nachbericht): every concern raised at the event and where it stands.
 * The service prepares the words (dates, names, labels); this module lays them out.
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';

export interface EventHost {
  /** "Dr. Petra Hovestadt" */
  name: string;
  /** "Oberbürgermeisterin" */
  office: string;
}

export interface EventRouteStop {
  /** "18:30" or "". */
  time: string;
  place: string;
  note: string;
}

export interface CitizenEventFacts {
  /** "Stadt Duisburg · Der Oberbürgermeister · Amt für Kommunikation" */
  office: string;
  /** "Amt für Kommunikation" */
  department: string;
  kind: 'gespraech' | 'spaziergang';
  /** "Bürgerspaziergang" */
  kindLabel: string;
  title: string;
  /** "Donnerstag, 4. März 2027, 18:00–20:00 Uhr" */
  when: string;
  /** In running text: "am Donnerstag, 4. März 2027, von 18:00 bis 20:00 Uhr". */
  whenText: string;
  district: string;
  /** Talks: the venue; walks: the meeting point. */
  place: string;
  route: EventRouteStop[];
  capacity: number | null;
  host: EventHost | null;
}

export interface InvitationInput extends CitizenEventFacts {
  /** How to register, a line each: "Herr Yıldız, Telefon 0203 283-4712", "E-Mail: buergerdialog@…". */
  registration: string[];
}

export interface PressNoteInput extends CitizenEventFacts {
  /** "Duisburg, 27. November 2026" */
  dateLine: string;
  /** "telefonisch unter 0203 283-4712 oder per E-Mail an buergerdialog@…" (empty: the office's address). */
  registrationText: string;
  /** The office's address, when there is no contact: "Burgplatz 19 · 47051 Duisburg". */
  address: string;
  /** "Herr Yıldız, Telefon 0203 283-4712, buergerdialog@…" or empty. */
  pressContact: string;
}

export interface BriefingRegistration {
  name: string;
  /** "Wanheimer Straße 12" or the city. */
  address: string;
  topic: string;
  /** "offenes Anliegen Nr. 14: Gehweg Wanheimer Straße". */
  hint: string;
}

export interface BriefingRequest {
  /** The request's number: "14". */
  number: string;
  /** "03.11.2026" */
  received: string;
  subject: string;
  /** "Beschwerde" */
  kind: string;
  place: string;
  /** "an Fachbereich weitergeleitet" */
  status: string;
  /** "Amt für Straßenbau und Verkehr (66), Frist 17.11.2026" or "—". */
  department: string;
}

export interface EventBriefingInput extends CitizenEventFacts {
  /** "Dr. Petra Hovestadt, Oberbürgermeisterin" (or empty). */
  briefingFor: string;
  /** "Stand: 27.11.2026" */
  asOf: string;
  /** "Bürgerspaziergang Hochfeld, Donnerstag 18:00 Uhr" or "—". */
  appointment: string;
  notes: string;
  registrations: BriefingRegistration[];
  openRequests: BriefingRequest[];
}

export interface FollowUpConcern {
  number: string;
  subject: string;
  kind: string;
  place: string;
  /** "Dr. Ayşe Kaya" or "anonym". */
  person: string;
  status: string;
  department: string;
  /** "02.12.2026" or "—". */
  answered: string;
}

export interface FollowUpInput extends CitizenEventFacts {
  asOf: string;
  registered: number;
  concerns: FollowUpConcern[];
  /** "5 Anliegen: 2 erledigt, 1 beantwortet, 2 in Bearbeitung." */
  summary: string;
}

// ------------------------------------------------------------------ building blocks

const FONT = 'Arial';
const GREY = 'BFBFBF';
const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: options.size ?? 22, bold: options.bold, italics: options.italics });
const para = (text: string, options: { bold?: boolean; size?: number; after?: number; before?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    alignment: options.align,
    spacing: { after: options.after ?? 120, before: options.before ?? 0, line: 300 },
    children: [run(text, options)],
  });
const heading = (text: string, level: 1 | 2 = 2) =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    spacing: { before: level === 1 ? 120 : 300, after: 120 },
    keepNext: true,
    children: [run(text, { bold: true, size: level === 1 ? 32 : 26 })],
  });
/** A paragraph per line; "—" for nothing. */
const lines = (text: string) => (text.trim() ? text.split(/\r?\n/) : ['—']).map((line) => new Paragraph({ spacing: { after: 40 }, children: [run(line)] }));

/** A4 (11906 twips) less the margins (left 25 mm, right 20 mm): the width tables take. */
const TEXT_WIDTH = 11906 - 1418 - 1134;
const twips = (percent: number) => Math.round((TEXT_WIDTH * percent) / 100);

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: GREY };

/** Label on the left, content on the right, no rules: reads like a form. */
function facts(rows: Array<[string, string]>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: rows.map(
      ([label, content]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: 24, type: WidthType.PERCENTAGE }, children: [new Paragraph({ spacing: { after: 60 }, children: [run(label, { bold: true })] })] }),
            new TableCell({ width: { size: 76, type: WidthType.PERCENTAGE }, children: lines(content) }),
          ],
        }),
    ),
  });
}

/**
 * A list as a table with a shaded header row (repeated on every page) and thin rules. The column
 * widths are fixed (percent of the text width), so Word and LibreOffice lay it out alike.
 */
function grid(header: string[], widths: number[], rows: string[][], size = 20): Table {
  const cell = (text: string, head: boolean, width: number) =>
    new TableCell({
      width: { size: twips(width), type: WidthType.DXA },
      shading: head ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: (text || '—').split(/\r?\n/).map((line) => new Paragraph({ children: [run(line, { bold: head, size })] })),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths.map(twips),
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, true, widths[i])) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((text, i) => cell(text, false, widths[i])) })),
    ],
  });
}

const routeRows = (route: EventRouteStop[]) => route.map((s) => [s.time ? `${s.time} Uhr` : '', s.place, s.note]);
const routeGrid = (route: EventRouteStop[]) => grid(['Zeit', 'Halt', 'Worum es dort geht'], [14, 40, 46], routeRows(route), 22);

/** "A", "A und B", "A, B und C". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
}

const hostTitle = (host: EventHost | null) => (host ? `${host.office} ${host.name}` : '');
const placeLabel = (facts: CitizenEventFacts) => (facts.kind === 'spaziergang' ? 'Treffpunkt' : 'Ort');

async function pack(office: string, title: string, children: Array<Paragraph | Table>): Promise<Uint8Array> {
  const doc = new Document({
    creator: office,
    title,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        properties: { page: { margin: { left: 1418, right: 1134, top: 1134, bottom: 1134 } } },
        children: [new Paragraph({ spacing: { after: 240 }, children: [run(office, { size: 18 })] }), ...children],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

// ------------------------------------------------------------------ the four documents

/** The invitation: for notice boards, newsletters and e-mails; signed by the host. */
export async function invitationDocx(input: InvitationInput): Promise<Uint8Array> {
  const walk = input.kind === 'spaziergang';
  const where = input.district ? (walk ? ` durch den Stadtbezirk ${input.district}` : ` im Stadtbezirk ${input.district}`) : '';
  // Signed by the host: "ich"; without one, the office speaks: "wir".
  const me = input.host !== null;
  const intro = walk
    ? `${me ? 'ich lade' : 'wir laden'} Sie herzlich zu einem Bürgerspaziergang${where} ein. Unterwegs ${me ? 'möchte ich' : 'möchten wir'} mit Ihnen über das sprechen, was in Ihrem Stadtteil gut läuft, und über das, was besser werden kann – vor Ort, wo es Sie betrifft.`
    : `${me ? 'ich lade' : 'wir laden'} Sie herzlich zu einem Bürgergespräch${where} ein. Bringen Sie Ihre Fragen, Ideen und Anliegen mit: Hier ist Zeit, offen darüber zu sprechen.`;
  const rows: Array<[string, string]> = [
    ['Wann', input.when],
    [placeLabel(input), input.place],
  ];
  if (input.capacity !== null) rows.push(['Plätze', `${input.capacity} – bitte melden Sie sich an.`]);
  return pack(input.office, `Einladung: ${input.title}`, [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(`Einladung zum ${input.kindLabel}`, { bold: true, size: 40 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [run(input.title, { size: 30 })] }),
    para('Liebe Bürgerinnen und Bürger,', { after: 160 }),
    para(intro, { after: 240 }),
    facts(rows),
    ...(walk && input.route.length ? [heading('Der Weg'), routeGrid(input.route)] : []),
    heading('Anmeldung'),
    para(
      input.capacity !== null
        ? 'Die Zahl der Plätze ist begrenzt. Bitte melden Sie sich an und sagen Sie uns gern schon, welches Thema Sie ansprechen möchten:'
        : 'Damit wir gut planen können, bitten wir um Anmeldung. Sagen Sie uns gern schon, welches Thema Sie ansprechen möchten:',
    ),
    ...input.registration.map((line) => para(line, { after: 40 })),
    para(me ? 'Ich freue mich auf das Gespräch mit Ihnen.' : 'Wir freuen uns auf das Gespräch mit Ihnen.', { before: 360, after: 480 }),
    ...(input.host ? [para(input.host.name, { after: 0 }), para(input.host.office)] : []),
  ]);
}

/** The press note: headline, date line, when and where, how to register. */
export async function pressNoteDocx(input: PressNoteInput): Promise<Uint8Array> {
  const walk = input.kind === 'spaziergang';
  const host = hostTitle(input.host);
  const headline = host ? `${input.kindLabel} mit ${host}: „${input.title}“` : `${input.kindLabel}: „${input.title}“`;
  const whom = input.district ? `die Bürgerinnen und Bürger des Stadtbezirks ${input.district}` : 'die Bürgerinnen und Bürger';
  const paragraphs = [
    `${host || 'Die Stadt'} lädt ${whom} ${input.whenText} zu einem ${input.kindLabel} ein.` +
      (input.place ? ` ${walk ? 'Treffpunkt' : 'Veranstaltungsort'} ist ${input.place}.` : ''),
    walk && input.route.length ? `Der Spaziergang führt über ${listInWords(input.route.map((s) => s.place))}.` : '',
    walk
      ? 'Unterwegs geht es um die Fragen, Ideen und Anliegen der Menschen im Stadtteil – vor Ort, wo sie entstehen.'
      : 'Im Mittelpunkt stehen die Fragen, Ideen und Anliegen der Bürgerinnen und Bürger.',
    (input.capacity !== null ? `Die Zahl der Plätze ist auf ${input.capacity} begrenzt; um Anmeldung wird gebeten. ` : 'Um Anmeldung wird gebeten. ') +
      (input.registrationText
        ? `Anmeldungen nimmt das ${input.department} ${input.registrationText} entgegen.`
        : `Anmeldungen nimmt das ${input.department}${input.address ? `, ${input.address},` : ''} entgegen.`) +
      ' Bei der Anmeldung kann bereits das Thema genannt werden, das angesprochen werden soll.',
  ].filter(Boolean);
  return pack(input.office, `Pressenotiz: ${input.title}`, [
    para('Pressenotiz', { bold: true, size: 24, after: 240 }),
    heading(headline, 1),
    para(input.dateLine, { before: 120, after: 240 }),
    ...paragraphs.map((text) => para(text, { after: 160 })),
    ...(input.pressContact ? [para(`Ansprechperson für die Presse: ${input.pressContact}`, { before: 240, size: 20 })] : []),
  ]);
}

/** The host's briefing: facts, route, who registered with which topic, open requests from the district. */
export async function eventBriefingDocx(input: EventBriefingInput): Promise<Uint8Array> {
  const registered = input.registrations.length;
  const places = input.capacity !== null ? `${input.capacity}, davon ${registered} belegt` : `ohne Begrenzung; ${registered} angemeldet`;
  const district = input.district ? `aus dem Stadtbezirk ${input.district}` : 'aus dem Stadtbezirk';
  return pack(input.office, `Unterlage: ${input.title}`, [
    heading(`${input.kindLabel}: ${input.title}`, 1),
    para([input.briefingFor ? `Unterlage für ${input.briefingFor}` : 'Unterlage', input.asOf].filter(Boolean).join(' · '), { size: 20, after: 240 }),
    facts([
      ['Wann', input.when],
      ['Stadtbezirk', input.district],
      [placeLabel(input), input.place],
      ['Plätze', places],
      ['Termin', input.appointment],
      ['Hinweise', input.notes],
    ]),
    ...(input.kind === 'spaziergang' ? [heading('Route'), input.route.length ? routeGrid(input.route) : para('Noch keine Halte eingetragen.')] : []),
    heading(`Angemeldet (${registered})`),
    registered
      ? grid(
          ['Nr.', 'Name', 'Anschrift', 'Thema', 'Hinweis'],
          [6, 22, 20, 30, 22],
          input.registrations.map((r, i) => [String(i + 1), r.name, r.address, r.topic, r.hint]),
        )
      : para('Bisher hat sich niemand angemeldet.'),
    heading(`Offene Anliegen ${district} (${input.openRequests.length})`),
    !input.district
      ? para('Für die Veranstaltung ist kein Stadtbezirk angegeben.')
      : input.openRequests.length
        ? grid(
            ['Nr.', 'Eingang', 'Anliegen', 'Art', 'Stand', 'Fachbereich'],
            [8, 13, 28, 14, 17, 20],
            input.openRequests.map((q) => [q.number, q.received, q.place ? `${q.subject}\n${q.place}` : q.subject, q.kind, q.status, q.department]),
          )
        : para('Aus dem Stadtbezirk sind keine Anliegen offen.'),
  ]);
}

/** After the event: every concern raised there, and where it stands. */
export async function followUpReportDocx(input: FollowUpInput): Promise<Uint8Array> {
  return pack(input.office, `Nachbericht: ${input.title}`, [
    heading(`Nachbericht: ${input.kindLabel} „${input.title}“`, 1),
    para(input.asOf, { size: 20, after: 240 }),
    facts([
      ['Wann', input.when],
      ['Stadtbezirk', input.district],
      [placeLabel(input), input.place],
      ['Mit', input.host ? `${input.host.name}, ${input.host.office}` : ''],
      ['Angemeldet', String(input.registered)],
    ]),
    heading('Anliegen aus der Veranstaltung'),
    para(input.summary),
    ...(input.concerns.length
      ? [
          grid(
            ['Nr.', 'Anliegen', 'Von', 'Stand', 'Fachbereich', 'Antwort vom'],
            [8, 30, 16, 16, 17, 13],
            input.concerns.map((c) => [c.number, [c.subject, [c.kind, c.place].filter(Boolean).join(' · ')].filter(Boolean).join('\n'), c.person, c.status, c.department, c.answered]),
          ),
        ]
      : []),
  ]);
}
