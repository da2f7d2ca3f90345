// Type only: exceljs takes long to load and is fetched when a workbook is written (start-up time).
import type ExcelJS from 'exceljs';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { Office } from '../../api/schemas/letters';
import {
  DISTRICTS,
  REQUEST_CHANNEL_LABELS,
  REQUEST_KIND_LABELS,
  requestChannelSchema,
  requestKindSchema,
  type RequestStats,
} from '../../api/schemas/citizen-requests';
import { formatDateNumeric, isoDateInBerlin, parseIsoDate } from '../../domain/dates/format';
import { officeTitle } from '../../domain/office/holder-form';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { fileContent } from '../file-content';
import { requestStatsRepository, type DaysCount, type RequestStatsFigures } from './repository';

export type { DaysCount } from './repository';

type RequestStatsHandlers = Pick<Handlers, 'requests.stats' | 'requests.stats.export'>;
type Counts = RequestStats['byKind'];

export const NO_CATEGORY = 'ohne Kategorie';
export const NO_DISTRICT = 'ohne Angabe';

/** German month abbreviations as in running text ("Nov. 2026", "Mai 2026", "Sept. 2026"). */
const MONTHS = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'];

/** "2026-11" → "Nov. 2026". */
export function monthLabel(key: string): string {
  const [year, month] = key.split('-').map(Number);
  return `${MONTHS[month - 1]} ${year}`;
}

/** Every month the period touches, also those without requests: "2026-01" … "2026-12". */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const [lastYear, lastMonth] = to.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    if (++month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

const histogramOf = (map: ReadonlyMap<number, number>): DaysCount[] => [...map].map(([days, n]) => ({ days, count: n }));

/** Median of a histogram, in any order (the mean of the two middle values when their number is even); null when empty. */
export function medianOf(groups: readonly DaysCount[]): number | null {
  const histogram = [...groups].sort((a, b) => a.days - b.days);
  const n = histogram.reduce((sum, h) => sum + h.count, 0);
  if (n === 0) return null;
  const valueAt = (index: number) => {
    let seen = 0;
    for (const h of histogram) {
      seen += h.count;
      if (index < seen) return h.days;
    }
    return histogram[histogram.length - 1].days;
  };
  return (valueAt(Math.floor((n - 1) / 2)) + valueAt(Math.floor(n / 2))) / 2;
}

/** Mean of a histogram to one decimal; null when empty. */
export function averageOf(histogram: readonly DaysCount[]): number | null {
  const n = histogram.reduce((sum, h) => sum + h.count, 0);
  if (n === 0) return null;
  return Math.round((histogram.reduce((sum, h) => sum + h.days * h.count, 0) / n) * 10) / 10;
}

/** The fixed values (kinds, channels) in their order, with zeros for those not found. */
function fixedCounts(keys: readonly string[], labels: Record<string, string>, found: ReadonlyMap<string, number>): Counts {
  return keys.map((key) => ({ key, label: labels[key] ?? key, count: found.get(key) ?? 0 }));
}

/** Free values: the most frequent first (then alphabetically); "none given" last. */
function freeCounts(found: ReadonlyMap<string, number>, noneLabel: string, always: readonly string[] = []): Counts {
  const collator = new Intl.Collator('de');
  const listed = always.map((key) => ({ key, label: key, count: found.get(key) ?? 0 }));
  const others = [...found]
    .filter(([key]) => key !== '' && !always.includes(key))
    .map(([key, n]) => ({ key, label: key, count: n }))
    .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
  const none = found.get('') ? [{ key: '', label: noneLabel, count: found.get('')! }] : [];
  return [...listed, ...others, ...none];
}

function checkPeriod(from: string, to: string): void {
  for (const day of [from, to]) {
    try {
      parseIsoDate(day);
    } catch {
      throw new AppError('INVALID_INPUT', `„${day}“ ist kein gültiges Datum.`, { from, to });
    }
  }
  if (from > to) throw new AppError('INVALID_INPUT', 'Der Zeitraum endet vor seinem Beginn.', { from, to });
  if (monthsOf(from, to).length > 240) throw new AppError('INVALID_INPUT', 'Der Zeitraum darf höchstens 20 Jahre umfassen.', { from, to });
}

/**
 * Statistics of the requests to the mayor received in a period (both days included): by kind,
 * category, district, channel and month, handling times, open and overdue ones — for the
 * charts and, as .xlsx, for the annual report. They never depend on personal data: requests
 * whose personal data was erased count like all others.
 */
export function createRequestStatsService(deps: ServiceDeps, office?: () => Promise<Office>) {
  // Office mode: the PostgreSQL statements, loaded with the first statistics.
  let repo: Promise<RequestStatsFigures> | undefined;
  const figuresRepo = () =>
    (repo ??=
      deps.engine.kind === 'postgres'
        ? import('./stats-postgres-repository').then((m) => m.requestStatsPostgresRepository(deps.engine))
        : Promise.resolve(requestStatsRepository(deps.engine)));

  const stats = async (from: string, to: string): Promise<RequestStats> => {
    checkPeriod(from, to);
    const figures = await (await figuresRepo()).figures(from, to, isoDateInBerlin(deps.now()));
    const months = new Map(figures.months.map((row) => [row.month, row.count]));
    const total = [...months.values()].reduce((sum, n) => sum + n, 0);
    const add = <K,>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);
    const counts = (list: ReadonlyArray<{ value: string; count: number }>, key: (value: string) => string = (value) => value) => {
      const map = new Map<string, number>();
      for (const { value, count } of list) add(map, key(value), count);
      return map;
    };
    const byKind = counts(figures.kinds);
    const byChannel = counts(figures.channels);
    const byCategory = counts(figures.categories, (value) => value.trim());
    const byDistrict = counts(figures.districts, (value) => value.trim());
    // A date before the receipt (a typing error) counts as the same day.
    const days = (list: readonly DaysCount[]) => {
      const map = new Map<number, number>();
      for (const { days, count } of list) add(map, Math.max(0, days), count);
      return map;
    };
    const toAnswer = histogramOf(days(figures.answeredDays));
    const { open, overdue } = figures;
    return {
      total,
      byKind: fixedCounts(requestKindSchema.options, REQUEST_KIND_LABELS, byKind),
      byCategory: freeCounts(byCategory, NO_CATEGORY),
      byDistrict: freeCounts(byDistrict, NO_DISTRICT, DISTRICTS),
      byChannel: fixedCounts(requestChannelSchema.options, REQUEST_CHANNEL_LABELS, byChannel),
      byMonth: monthsOf(from, to).map((key) => ({ key, label: monthLabel(key), count: months.get(key) ?? 0 })),
      handlingDays: {
        answeredMedian: medianOf(toAnswer),
        answeredAverage: averageOf(toAnswer),
        closedMedian: medianOf(histogramOf(days(figures.closedDays))),
      },
      open,
      overdue,
    };
  };

  const handlers: RequestStatsHandlers = {
    'requests.stats': ({ from, to }) => stats(from, to),
    'requests.stats.export': async ({ from, to }) => {
      const figures = await stats(from, to);
      const bytes = await statsWorkbook(figures, { from, to, today: isoDateInBerlin(deps.now()), office: await office?.() });
      await audit(deps, { action: 'export', entity: 'request_stats', summary: `Statistik der Bürgeranliegen ${formatDateNumeric(from)} bis ${formatDateNumeric(to)}` });
      return fileContent(`Buergeranliegen-Statistik-${from}-bis-${to}.xlsx`, bytes);
    },
  };
  return { stats, handlers };
}

// ---------------------------------------------------------------------------------------------
// The workbook for the annual report.

const TITLE_FONT: Partial<ExcelJS.Font> = { name: 'Arial', size: 14, bold: true };
const TEXT_FONT: Partial<ExcelJS.Font> = { name: 'Arial', size: 10 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF8EA9C8' } };
/** Excel writes the separators of the reader's locale: German Excel shows 1.234 and 12,5 %. */
const INTEGER = '#,##0';
const PERCENT = '0.0 %';
const DAYS = '#,##0.0';

/** Title row, the period and office below it, an empty row; returns the next row number. */
function heading(sheet: ExcelJS.Worksheet, title: string, lines: string[], columns: number): number {
  sheet.mergeCells(1, 1, 1, columns);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = TITLE_FONT;
  sheet.getRow(1).height = 22;
  lines.forEach((line, i) => {
    sheet.mergeCells(i + 2, 1, i + 2, columns);
    const cell = sheet.getCell(i + 2, 1);
    cell.value = line;
    cell.font = { ...TEXT_FONT, color: { argb: 'FF505050' } };
  });
  return lines.length + 3;
}

function headerRow(sheet: ExcelJS.Worksheet, rowNumber: number, headers: string[]): void {
  const row = sheet.getRow(rowNumber);
  headers.forEach((header, i) => {
    const cell = row.getCell(i + 1);
    cell.value = header;
    cell.font = { ...TEXT_FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, bottom: THIN };
    cell.alignment = { horizontal: i === 0 ? 'left' : 'right', vertical: 'middle', wrapText: true };
  });
  row.height = 18;
}

async function statsWorkbook(stats: RequestStats, meta: { from: string; to: string; today: string; office?: Office }): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = meta.office ? `${meta.office.stadt} · ${meta.office.amt}` : 'Rathausbüro';
  workbook.created = new Date(`${meta.today}T12:00:00Z`);
  const period = `Zeitraum: ${formatDateNumeric(meta.from)} bis ${formatDateNumeric(meta.to)} (Eingang)`;
  const lines = [period, ...(meta.office ? [`${meta.office.stadt} · ${meta.office.amt}`] : []), `Stand: ${formatDateNumeric(meta.today)}`];

  // Übersicht: the totals and handling times.
  const overview = workbook.addWorksheet('Übersicht', { properties: { defaultRowHeight: 15 }, pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  overview.columns = [{ width: 58 }, { width: 16 }];
  // The office in its holder's form (DOMAIN.md D): "an die Oberbürgermeisterin".
  let at = heading(overview, `Bürgeranliegen an ${(meta.office?.holder.title ?? officeTitle(null)).accusative} – Statistik`, lines, 2);
  headerRow(overview, at++, ['Kennzahl', 'Wert']);
  const figure = (label: string, value: number | null, format: string) => {
    const row = overview.getRow(at++);
    row.getCell(1).value = label;
    row.getCell(1).font = TEXT_FONT;
    const cell = row.getCell(2);
    cell.value = value ?? '–';
    cell.numFmt = format;
    cell.font = TEXT_FONT;
    cell.alignment = { horizontal: 'right' };
  };
  figure('Eingegangene Anliegen', stats.total, INTEGER);
  figure('davon noch nicht erledigt', stats.open, INTEGER);
  figure('davon Stellungnahme des Fachbereichs überfällig', stats.overdue, INTEGER);
  at++;
  figure('Tage bis zur Antwort (Median)', stats.handlingDays.answeredMedian, DAYS);
  figure('Tage bis zur Antwort (Durchschnitt)', stats.handlingDays.answeredAverage, DAYS);
  figure('Tage bis zur Erledigung (Median)', stats.handlingDays.closedMedian, DAYS);
  at++;
  const note = overview.getRow(at).getCell(1);
  note.value =
    'Gezählt werden alle im Zeitraum eingegangenen Anliegen, auch solche, deren personenbezogene Daten nach den Löschfristen entfernt wurden. ' +
    'Bearbeitungszeiten in Kalendertagen vom Eingang bis zur Antwort bzw. Erledigung.';
  note.font = { ...TEXT_FONT, italic: true, color: { argb: 'FF505050' } };
  note.alignment = { wrapText: true, vertical: 'top' };
  overview.mergeCells(at, 1, at, 2);
  overview.getRow(at).height = 42;

  const breakdown = (name: string, title: string, header: string, counts: Counts) => {
    const sheet = workbook.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    sheet.columns = [{ width: 34 }, { width: 12 }, { width: 12 }];
    let row = heading(sheet, title, lines, 3);
    const first = row + 1;
    headerRow(sheet, row++, [header, 'Anzahl', 'Anteil']);
    sheet.views = [{ state: 'frozen', ySplit: row - 1 }];
    for (const c of counts) {
      const cells = sheet.getRow(row++);
      cells.getCell(1).value = c.label;
      cells.getCell(2).value = c.count;
      cells.getCell(2).numFmt = INTEGER;
      cells.getCell(3).value = stats.total ? c.count / stats.total : 0;
      cells.getCell(3).numFmt = PERCENT;
      cells.eachCell((cell) => (cell.font = TEXT_FONT));
    }
    const sum = sheet.getRow(row);
    sum.getCell(1).value = 'Summe';
    sum.getCell(2).value = { formula: `SUM(B${first}:B${row - 1})`, result: counts.reduce((s, c) => s + c.count, 0) };
    sum.getCell(2).numFmt = INTEGER;
    sum.getCell(3).value = stats.total ? 1 : 0;
    sum.getCell(3).numFmt = PERCENT;
    sum.eachCell((cell) => {
      cell.font = { ...TEXT_FONT, bold: true };
      cell.border = { top: THIN };
    });
  };
  breakdown('Nach Art', 'Anliegen nach Art', 'Art', stats.byKind);
  breakdown('Nach Kategorie', 'Anliegen nach Themenkategorie', 'Kategorie', stats.byCategory);
  breakdown('Nach Stadtbezirk', 'Anliegen nach Stadtbezirk', 'Stadtbezirk', stats.byDistrict);
  breakdown('Nach Eingangsweg', 'Anliegen nach Eingangsweg', 'Eingangsweg', stats.byChannel);
  breakdown('Nach Monat', 'Anliegen nach Eingangsmonat', 'Monat', stats.byMonth);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
