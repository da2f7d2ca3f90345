/**
 * Jubilee lists as files: the notifications to the Federal President (Bundesverwaltungsamt) and
 * to the Land NRW, and the list for the district mayors — as Word (.docx) and Excel (.xlsx).
 */
import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
// Type only: exceljs takes long to load and is fetched when a workbook is written (start-up time).
import type ExcelJS from 'exceljs';

export interface JubileeListRow {
  date: string;
  label: string;
  /** Names with degree, one per person ("Dr. Anton Alt"). */
  names: string[];
  /** Street and town. */
  address: string;
  district: string;
  /** Due date of the action the list is for (notification, letter). */
  dueBy: string;
  /** The day the notification was marked sent (ISO date); empty: not sent yet. */
  sentOn?: string;
}

export interface JubileeListDocument {
  title: string;
  subtitle: string;
  office: string;
  rows: JubileeListRow[];
  /** A column „Versandt am“: the list names notifications already sent. */
  sentColumn?: boolean;
}

const COLUMNS = ['Datum', 'Jubiläum', 'Name(n)', 'Anschrift', 'Stadtbezirk', 'Fällig bis'] as const;
const SENT_COLUMN = 'Versandt am';
const germanDate = (iso: string) => iso.split('-').reverse().join('.');
const columnsOf = (list: JubileeListDocument): string[] => (list.sentColumn ? [...COLUMNS, SENT_COLUMN] : [...COLUMNS]);
const cellsOf = (row: JubileeListRow, list: JubileeListDocument) => [
  germanDate(row.date),
  row.label,
  row.names.join(' und '),
  row.address,
  row.district,
  germanDate(row.dueBy),
  ...(list.sentColumn ? [row.sentOn ? germanDate(row.sentOn) : ''] : []),
];

/** A landscape A4 Word document with a heading and one table row per jubilee. */
export async function jubileeListDocx(list: JubileeListDocument): Promise<Uint8Array> {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: 'Arial', size: 20 })] })] });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columnsOf(list).map((c) => cell(c, true)) }),
      ...list.rows.map((row) => new TableRow({ cantSplit: true, children: cellsOf(row, list).map((text) => cell(text)) })),
    ],
  });
  const doc = new Document({
    creator: list.office,
    title: list.title,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { left: 1134, right: 1134, top: 1134, bottom: 1134 } } },
        children: [
          new Paragraph({ children: [new TextRun({ text: list.office, font: 'Arial', size: 20 })] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: list.title, font: 'Arial', size: 28, bold: true })] }),
          new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: list.subtitle, font: 'Arial', size: 22 })] }),
          list.rows.length
            ? table
            : new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun('Im Zeitraum gibt es keine Einträge.')] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The same list as an Excel sheet with a header row, filters and dates as real dates. */
export async function jubileeListXlsx(list: JubileeListDocument): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs');
  const workbook: ExcelJS.Workbook = new Excel.Workbook();
  workbook.creator = list.office;
  const sheet = workbook.addWorksheet('Jubiläen', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'Datum', key: 'date', width: 12, style: { numFmt: 'dd.mm.yyyy' } },
    { header: 'Jubiläum', key: 'label', width: 22 },
    { header: 'Name(n)', key: 'names', width: 40 },
    { header: 'Anschrift', key: 'address', width: 40 },
    { header: 'Stadtbezirk', key: 'district', width: 16 },
    { header: 'Fällig bis', key: 'dueBy', width: 12, style: { numFmt: 'dd.mm.yyyy' } },
    ...(list.sentColumn ? [{ header: SENT_COLUMN, key: 'sentOn', width: 12, style: { numFmt: 'dd.mm.yyyy' } }] : []),
  ];
  sheet.getRow(1).font = { bold: true };
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  for (const row of list.rows) {
    sheet.addRow({
      date: day(row.date),
      label: row.label,
      names: row.names.join(' und '),
      address: row.address,
      district: row.district,
      dueBy: day(row.dueBy),
      ...(list.sentColumn ? { sentOn: row.sentOn ? day(row.sentOn) : null } : {}),
    });
  }
  sheet.autoFilter = { from: 'A1', to: list.sentColumn ? 'G1' : 'F1' };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
