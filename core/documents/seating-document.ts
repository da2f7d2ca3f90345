/**
 * The seating order (Tischordnung) of an official meal as a Word file built in code with docx:
 * per table a diagram (the host at the head, the seats to the host's right down the left-hand
 * side of the page — the host faces the reader —, those to the host's left down the right-hand
 * side, the foot opposite) and the list of seats in order with their numbers; optionally a page
 * of place cards (Tischkarten). The service prepares the words; this module lays them out.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  HeightRule,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { seatLayout } from '../api/schemas/visits';

export interface SeatingDocumentSeat {
  /** 0 = the head (the host's seat). */
  number: number;
  /** „rechts vom Gastgeber“. */
  position: string;
  /** '' for an empty seat. */
  name: string;
  /** The office: „Lord Mayor of Portsmouth“. */
  role: string;
  honour: boolean;
}

export interface SeatingDocumentInput {
  /** „Stadt Duisburg · Der Oberbürgermeister“. */
  office: string;
  /** „Sitzordnung – Besuch der Delegation aus Portsmouth“. */
  title: string;
  /** „Besuch der Delegation aus Portsmouth – Donnerstag, 10. Juni 2027“. */
  subtitle: string;
  tables: Array<{ name: string; seats: SeatingDocumentSeat[] }>;
  /** People of the visit without a seat: „Name, Funktion“. */
  unseated: string[];
  placeCards: boolean;
}

const FONT = 'Arial';
/** A4 with 20 mm margins: 170 mm of text width (in twentieths of a point). */
const MM = 56.7;
const TEXT_WIDTH = Math.round(170 * MM);
const SIDE = Math.round(58 * MM);
const MIDDLE = TEXT_WIDTH - 2 * SIDE;

const run = (text: string, options: { bold?: boolean; size?: number; color?: string; italics?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: options.size ?? 22, bold: options.bold, color: options.color, italics: options.italics });

const LINE = { style: BorderStyle.SINGLE, size: 6, color: '404040' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const ALL_LINES = { top: LINE, bottom: LINE, left: LINE, right: LINE };
const NO_LINES = { top: NONE, bottom: NONE, left: NONE, right: NONE };

function seatLabel(seat: SeatingDocumentSeat): string {
  return seat.number === 0 ? 'Platz 0 · Kopf' : `Platz ${seat.number}`;
}

/** A seat of the diagram: number, name (bold), office. */
function seatCell(seat: SeatingDocumentSeat | undefined, width: number): TableCell {
  if (!seat) return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_LINES, children: [new Paragraph({})] });
  const empty = !seat.name;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: ALL_LINES,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    shading: seat.number === 0 ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF7' } : undefined,
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(seatLabel(seat), { size: 16, color: '595959' })] }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(empty ? '(frei)' : seat.name, { bold: !empty, size: 20, italics: empty, color: empty ? '7F7F7F' : undefined })],
      }),
      ...(seat.role ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(seat.role, { size: 16 })] })] : []),
      ...(seat.honour ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run('Ehrengast', { size: 16, italics: true })] })] : []),
    ],
  });
}

/** The table seen from above: head at the top, foot at the bottom, the sides between. */
function diagram(name: string, seats: SeatingDocumentSeat[]): Table {
  const layout = seatLayout(seats.length);
  const rows = Math.max(layout.hostRight.length, layout.hostLeft.length);
  const at = (index: number | undefined) => (index === undefined ? undefined : seats[index]);
  const tableRows: TableRow[] = [
    new TableRow({ cantSplit: true, children: [seatCell(undefined, SIDE), seatCell(at(0), MIDDLE), seatCell(undefined, SIDE)] }),
  ];
  for (let r = 0; r < rows; r++) {
    const middle =
      r === 0
        ? [
            new TableCell({
              width: { size: MIDDLE, type: WidthType.DXA },
              rowSpan: rows,
              borders: ALL_LINES,
              verticalAlign: VerticalAlignTable.CENTER,
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' },
              children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(name, { bold: true, size: 24, color: '404040' })] })],
            }),
          ]
        : [];
    tableRows.push(
      new TableRow({
        cantSplit: true,
        height: { value: Math.round(20 * MM), rule: HeightRule.ATLEAST },
        children: [seatCell(at(layout.hostRight[r]), SIDE), ...middle, seatCell(at(layout.hostLeft[r]), SIDE)],
      }),
    );
  }
  if (layout.foot !== null) {
    tableRows.push(new TableRow({ cantSplit: true, children: [seatCell(undefined, SIDE), seatCell(at(layout.foot), MIDDLE), seatCell(undefined, SIDE)] }));
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [SIDE, MIDDLE, SIDE],
    layout: TableLayoutType.FIXED,
    borders: { ...NO_LINES, insideHorizontal: NONE, insideVertical: NONE },
    rows: tableRows,
  });
}

/** The seats in order with their numbers and where they are. */
function seatList(seats: SeatingDocumentSeat[]): Table {
  const widths = [Math.round(14 * MM), Math.round(52 * MM), Math.round(52 * MM), TEXT_WIDTH - Math.round(118 * MM)];
  const cell = (text: string, width: number, bold = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ children: [run(text, { bold, size: 20 })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: ['Platz', 'Lage', 'Name', 'Funktion'].map((h, i) => cell(h, widths[i]!, true)) }),
      ...seats.map(
        (s) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(String(s.number), widths[0]!),
              cell(s.position, widths[1]!),
              cell(s.name ? `${s.name}${s.honour ? ' (Ehrengast)' : ''}` : '(frei)', widths[2]!, Boolean(s.name)),
              cell(s.role || '—', widths[3]!),
            ],
          }),
      ),
    ],
  });
}

/** Two cards a row, each with the name large and the office beneath. */
function placeCards(seats: SeatingDocumentSeat[]): Array<Paragraph | Table> {
  const named = seats.filter((s) => s.name);
  const width = Math.round(TEXT_WIDTH / 2);
  const card = (s: SeatingDocumentSeat | undefined) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      borders: { top: { style: BorderStyle.DASHED, size: 4, color: 'A6A6A6' }, bottom: { style: BorderStyle.DASHED, size: 4, color: 'A6A6A6' }, left: { style: BorderStyle.DASHED, size: 4, color: 'A6A6A6' }, right: { style: BorderStyle.DASHED, size: 4, color: 'A6A6A6' } },
      children: s
        ? [
            new Paragraph({ alignment: AlignmentType.CENTER, children: [run(s.name, { bold: true, size: 36 })] }),
            ...(s.role ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120 }, children: [run(s.role, { size: 22 })] })] : []),
          ]
        : [new Paragraph({})],
    });
  const rows: TableRow[] = [];
  for (let i = 0; i < named.length; i += 2) {
    rows.push(new TableRow({ cantSplit: true, height: { value: Math.round(50 * MM), rule: HeightRule.EXACT }, children: [card(named[i]), card(named[i + 1])] }));
  }
  return [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { after: 240 }, children: [run('Tischkarten', { bold: true, size: 32 })] }),
    rows.length
      ? new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: [width, TEXT_WIDTH - width], layout: TableLayoutType.FIXED, rows })
      : new Paragraph({ children: [run('Niemand ist gesetzt.')] }),
  ];
}

/** The printable seating order: per table a diagram and the list of seats. */
export async function seatingDocx(input: SeatingDocumentInput): Promise<Uint8Array> {
  const tables = input.tables.flatMap((table, i) => [
    ...(i > 0 ? [new Paragraph({ children: [new PageBreak()] })] : []),
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      spacing: { before: 120, after: 160 },
      children: [run(`${table.name} (${table.seats.length} ${table.seats.length === 1 ? 'Platz' : 'Plätze'})`, { bold: true, size: 28 })],
    }),
    diagram(table.name, table.seats),
    new Paragraph({ spacing: { before: 240, after: 120 }, children: [run('Plätze in der Reihenfolge', { bold: true })] }),
    seatList(table.seats),
  ]);
  const unseated = input.unseated.length
    ? [
        new Paragraph({ spacing: { before: 240 }, children: [run('Ohne Platz', { bold: true })] }),
        ...input.unseated.map((line) => new Paragraph({ children: [run(`– ${line}`)] })),
      ]
    : [];
  const doc = new Document({
    creator: input.office,
    title: input.title,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        properties: { page: { margin: { left: Math.round(20 * MM), right: Math.round(20 * MM), top: Math.round(15 * MM), bottom: Math.round(15 * MM) } } },
        children: [
          new Paragraph({ children: [run(input.office, { size: 20 })] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(input.title, { bold: true, size: 32 })] }),
          new Paragraph({ spacing: { after: 120 }, children: [run(input.subtitle, { size: 24 })] }),
          new Paragraph({
            spacing: { after: 200 },
            children: [run('Die Gastgeberin bzw. der Gastgeber sitzt am Kopf (Platz 0) mit Blick zum Leser; rechts von ihr bzw. ihm sind die Plätze links im Bild.', { size: 18, color: '595959' })],
          }),
          ...tables,
          ...unseated,
          ...(input.placeCards ? placeCards(input.tables.flatMap((t) => t.seats)) : []),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
