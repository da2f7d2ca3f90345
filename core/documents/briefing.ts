/**
 * The briefing documents of the mayor's office as Word files built in code: the Terminmappe
 * (one appointment, or a person's whole day, with an overview first) and a driver's day plan.
 * The Terminmappe is numbered „Seite X von Y“ on every page and repeats person and date in the
 * header from the second page on, so a loose page still says where it belongs.
 */
import { BorderStyle, Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { emptyHeader, HEADER_FOOTER_STYLES, pageNumberFooter, runningHeader } from './page-furniture';

export interface BriefingPerson {
  /** As in an address: "Herrn Bürgermeister Dr. Max Beispiel". */
  name: string;
  /** How the speaker greets them: "Sehr geehrter Herr Bürgermeister". */
  oralSalutation: string;
  note: string;
}

export interface BriefingItem {
  /** "14:00–15:30 Uhr" or "ganztägig". */
  time: string;
  /** "Donnerstag, 10. Dezember 2026". */
  day: string;
  title: string;
  status: string;
  place: string;
  routeNote: string;
  programme: string;
  contacts: BriefingPerson[];
  guests: BriefingPerson[];
  dressCode: string;
  press: string;
  gift: string;
  /** Speech or Grußwort and its state; "—" when none. */
  speech: string;
  /** "Jürgen Brinkmann (0203 283-2210), Dienstwagen 1 (DU-OB 1)". */
  transport: string;
  notes: string;
  /** Conflicts with other appointments (German); shown first. */
  warnings: string[];
}

export interface Briefing {
  office: string;
  /** "Terminmappe für Dr. Petra Hovestadt, Oberbürgermeisterin". */
  title: string;
  /** "Donnerstag, 10. Dezember 2026" or the appointment's title. */
  subtitle: string;
  /** Whose folder: "Dr. Petra Hovestadt, Oberbürgermeisterin" (running header). */
  person: string;
  /** The day: "Donnerstag, 10. Dezember 2026" (running header). */
  date: string;
  items: BriefingItem[];
}

const FONT = 'Arial';
const run = (text: string, options: { bold?: boolean; size?: number } = {}) => new TextRun({ text, font: FONT, size: options.size ?? 22, bold: options.bold });
/** A paragraph per line (Word shows "\n" as nothing). */
const lines = (text: string) => (text.trim() ? text.split(/\r?\n/) : ['—']).map((line) => new Paragraph({ children: [run(line)] }));
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

/** Label on the left, content on the right, no rules: reads like a form. */
function facts(rows: Array<[string, Paragraph[]]>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: rows.map(
      ([label, content]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: 26, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [run(label, { bold: true })] })] }),
            new TableCell({ width: { size: 74, type: WidthType.PERCENTAGE }, children: content }),
          ],
        }),
    ),
  });
}

const people = (list: BriefingPerson[]) =>
  list.length === 0
    ? [new Paragraph({ children: [run('—')] })]
    : list.map(
        (p) =>
          new Paragraph({
            spacing: { after: 80 },
            children: [run(p.name), run(` – Anrede: „${p.oralSalutation}“`), ...(p.note ? [run(` (${p.note})`)] : [])],
          }),
      );

function itemSection(item: BriefingItem): Array<Paragraph | Table> {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [run(`${item.time}  ${item.title}`, { bold: true, size: 28 })] }),
    ...item.warnings.map((w) => new Paragraph({ spacing: { after: 120 }, children: [run(`Achtung: ${w}`, { bold: true })] })),
    facts([
      ['Tag', lines(item.day)],
      ['Status', lines(item.status)],
      ['Ort', lines(item.place)],
      ['Anfahrt', lines(item.routeNote)],
      ['Ablauf', lines(item.programme)],
      ['Ansprechpersonen vor Ort', people(item.contacts)],
      ['Ehrengäste', people(item.guests)],
      ['Kleiderordnung', lines(item.dressCode)],
      ['Presse', lines(item.press)],
      ['Geschenk', lines(item.gift)],
      ['Rede / Grußwort', lines(item.speech)],
      ['Fahrdienst', lines(item.transport)],
      ['Hinweise', lines(item.notes)],
    ]),
  ];
}

/** One appointment, or a day: an overview table, then each appointment on its own page. */
export async function briefingDocx(briefing: Briefing): Promise<Uint8Array> {
  const overview =
    briefing.items.length > 1
      ? [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: ['Zeit', 'Termin', 'Ort', 'Fahrdienst'].map((h) => new TableCell({ children: [new Paragraph({ children: [run(h, { bold: true })] })] })) }),
              ...briefing.items.map(
                (item) =>
                  new TableRow({
                    cantSplit: true,
                    children: [item.time, `${item.warnings.length ? '⚠ ' : ''}${item.title}`, item.place || '—', item.transport || '—'].map(
                      (text) => new TableCell({ children: [new Paragraph({ children: [run(text)] })] }),
                    ),
                  }),
              ),
            ],
          }),
        ]
      : [];
  const sections = briefing.items.flatMap((item, i) => [
    ...(i > 0 || overview.length > 0 ? [new Paragraph({ children: [new PageBreak()] })] : []),
    ...itemSection(item),
  ]);
  const footer = pageNumberFooter('NUMPAGES');
  const doc = new Document({
    creator: briefing.office,
    title: briefing.title,
    styles: { default: { document: { run: { font: FONT, size: 22 } } }, paragraphStyles: HEADER_FOOTER_STYLES },
    sections: [
      {
        // The first page has the title; the following ones the running header.
        properties: { titlePage: true, page: { margin: { left: 1418, right: 1134, top: 1134, bottom: 1134 } } },
        headers: { first: emptyHeader(), default: runningHeader(`Terminmappe ${briefing.person} · ${briefing.date}`) },
        footers: { first: footer, default: footer },
        children: [
          new Paragraph({ children: [run(briefing.office, { size: 20 })] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(briefing.title, { bold: true, size: 32 })] }),
          new Paragraph({ spacing: { after: 240 }, children: [run(briefing.subtitle, { size: 24 })] }),
          ...(briefing.items.length === 0 ? [new Paragraph({ children: [run('An diesem Tag sind keine Termine eingetragen.')] })] : []),
          ...overview,
          ...sections,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export interface DriverPlanRow {
  time: string;
  title: string;
  /** Whom the driver takes. */
  passenger: string;
  place: string;
  routeNote: string;
  vehicle: string;
}

/** A driver's day: one row per trip, in time order. */
export async function driverPlanDocx(plan: { office: string; driver: string; day: string; rows: DriverPlanRow[] }): Promise<Uint8Array> {
  const header = ['Zeit', 'Termin', 'Fahrgast', 'Ziel', 'Anfahrt', 'Fahrzeug'];
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [run(text || '—', { bold, size: 20 })] })] });
  const doc = new Document({
    creator: plan.office,
    title: `Tagesplan ${plan.driver}`,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        properties: { page: { margin: { left: 1134, right: 1134, top: 1134, bottom: 1134 } } },
        children: [
          new Paragraph({ children: [run(plan.office, { size: 20 })] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(`Tagesplan Fahrdienst: ${plan.driver}`, { bold: true, size: 32 })] }),
          new Paragraph({ spacing: { after: 240 }, children: [run(plan.day, { size: 24 })] }),
          plan.rows.length
            ? new Table({
                width: { size: 100, type: WidthType.PERCENTAGE },
                rows: [
                  new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
                  ...plan.rows.map((r) => new TableRow({ cantSplit: true, children: [r.time, r.title, r.passenger, r.place, r.routeNote, r.vehicle].map((t) => cell(t)) })),
                ],
              })
            : new Paragraph({ children: [run('An diesem Tag sind keine Fahrten eingeteilt.')] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
