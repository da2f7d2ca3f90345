/**
 * The online plan as files for the office's offline PCs:
 * - the portal's news as an HTML page (the <article> elements are what the CMS's editor takes
 *   over) and as an RSS 2.0 feed file (RFC 822 dates, every text escaped); images by their
 *   files' names, which lie beside the page (the HTML export is then a .zip of both);
 * - the social posts as a .zip with a folder per post: the text ready to copy (with its link) and
 *   the list of its images and videos with their alternative texts, and their files;
 * - the plan of a week (or any range) for the morning meeting as Word (.docx) and Excel (.xlsx).
 */
import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { strToU8, zipSync } from 'fflate';
// Type only: exceljs takes long to load and is fetched when a workbook is written (start-up time).
import type ExcelJS from 'exceljs';
import { localDateTimeToUtc } from '../domain/calendar/time';
import { formatDateLong, formatDateNumeric } from '../domain/dates/format';
import { postedText } from '../domain/online/posted-text';
import { escapeHtml, paragraphsOf } from './press-release';

export interface ExportPost {
  id: number;
  channelName: string;
  topic: string | null;
  /** The text as written (without the link). */
  text: string;
  link: string;
  /**
   * Its images and videos; `file`: the file's name in the export ("Beitrag-12-Bild-1-Hafen.jpg", safe:
   * letters, digits, hyphens) and its bytes where the export carries the file itself.
   */
  media: ReadonlyArray<{ kind: 'image' | 'video'; alt: string; credit?: string; file?: { name: string; bytes?: Uint8Array } }>;
  /** Its time in the plan, Berlin wall-clock. */
  at: string;
  /** "geplant", "zur Freigabe". */
  statusLabel: string;
}

export interface ExportRange {
  /** "Stadt Duisburg · Amt für Kommunikation". */
  office: string;
  /** "www.duisburg.de" (the feed's address), or empty. */
  internet: string;
  from: string;
  to: string;
}

// ------------------------------------------------------------------ words

/** "Dienstag, 1. Dezember 2026". */
export function weekdayDate(date: string): string {
  const weekday = new Intl.DateTimeFormat('de-DE', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  return `${weekday}, ${formatDateLong(date)}`;
}
/** "Dienstag, 1. Dezember 2026, 10:00 Uhr". */
const whenText = (at: string) => `${weekdayDate(at.slice(0, 10))}, ${at.slice(11, 16)} Uhr`;
/** "30.11.2026 bis 06.12.2026", or one day. */
const rangeText = ({ from, to }: ExportRange) => (from === to ? formatDateNumeric(from) : `${formatDateNumeric(from)} bis ${formatDateNumeric(to)}`);
const MEDIA_WORD = { image: 'Bild', video: 'Video' } as const;
/** "Bild 1: Alternativtext: Schiffe im Hafen; Bildnachweis: Foto: Stadt Duisburg", "Video 2: (ohne Alternativtext)". */
const mediaLines = (post: ExportPost) =>
  post.media.map(
    (m, i) =>
      `${MEDIA_WORD[m.kind]} ${i + 1}: ${m.alt.trim() ? `Alternativtext: ${m.alt.trim()}` : '(ohne Alternativtext)'}${m.credit?.trim() ? `; Bildnachweis: ${m.credit.trim()}` : ''}${m.file ? `; Datei: ${m.file.name}` : ''}`,
  );
/** The files the posts' media carry, by their names in the export. */
export const mediaFilesOf = (posts: readonly ExportPost[]): Record<string, Uint8Array> =>
  Object.fromEntries(posts.flatMap((post) => post.media.flatMap((m) => (m.file?.bytes ? [[m.file.name, m.file.bytes] as const] : []))));
/** The images with a file, as HTML: the picture by its file's name beside the page, its alternative text and credit. */
const figures = (post: ExportPost) =>
  post.media.flatMap((m) =>
    m.kind === 'image' && m.file
      ? [`<figure><img src="${escapeHtml(m.file.name)}" alt="${escapeHtml(m.alt.trim())}">${m.credit?.trim() ? `<figcaption>${escapeHtml(m.credit.trim())}</figcaption>` : ''}</figure>`]
      : [],
  );

/** The headline of a portal news item (its first line) and the paragraphs after it. */
export function newsParts(text: string): { headline: string; paragraphs: string[][] } {
  const [first, ...rest] = paragraphsOf(text);
  if (!first) return { headline: '', paragraphs: [] };
  const [headline, ...more] = first;
  return { headline: headline!, paragraphs: more.length ? [more, ...rest] : rest };
}

const webAddress = (link: string) => (/^https?:\/\//i.test(link) ? link : `https://${link}`);

// ------------------------------------------------------------------ portal: HTML and RSS

/** The portal's news of the range as one HTML page, an <article> per item, dates in German. */
export function portalNewsHtml(posts: readonly ExportPost[], range: ExportRange): string {
  const title = `Meldungen für das Stadtportal vom ${rangeText(range)}`;
  const articles = posts.flatMap((post) => {
    const { headline, paragraphs } = newsParts(post.text);
    return [
      '<article>',
      `<h2>${escapeHtml(headline)}</h2>`,
      `<p><time datetime="${escapeHtml(post.at)}">${escapeHtml(whenText(post.at))}</time></p>`,
      ...paragraphs.map((lines) => `<p>${lines.map(escapeHtml).join('<br>\n')}</p>`),
      ...figures(post),
      ...(post.link.trim() ? [`<p><a href="${escapeHtml(webAddress(post.link.trim()))}">${escapeHtml(post.link.trim())}</a></p>`] : []),
      ...(post.media.length ? ['<ul>', ...mediaLines(post).map((line) => `<li>${escapeHtml(line)}</li>`), '</ul>'] : []),
      '</article>',
    ];
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="de">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(range.office)}</p>`,
    ...articles,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Text for XML: the five special characters escaped, characters XML 1.0 forbids (control characters) left out. */
export const escapeXml = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** An instant in RFC 822 form, as RSS 2.0 wants it: "Tue, 01 Dec 2026 09:00:00 GMT". */
export const rfc822 = (utcMs: number) => new Date(utcMs).toUTCString();

/**
 * The portal's news as an RSS 2.0 feed file: an <item> per news item with its headline, its text
 * as escaped HTML, its link, its time (RFC 822) and a stable id.
 */
export function portalNewsFeed(posts: readonly ExportPost[], range: ExportRange, now: Date): string {
  const site = range.internet.trim() ? webAddress(range.internet.trim()) : 'https://www.duisburg.de';
  const items = posts.flatMap((post) => {
    const { headline, paragraphs } = newsParts(post.text);
    const html = [...paragraphs.map((lines) => `<p>${lines.map(escapeHtml).join('<br>')}</p>`), ...figures(post)].join('');
    return [
      '<item>',
      `<title>${escapeXml(headline)}</title>`,
      ...(post.link.trim() ? [`<link>${escapeXml(webAddress(post.link.trim()))}</link>`] : []),
      `<description>${escapeXml(html)}</description>`,
      `<pubDate>${rfc822(localDateTimeToUtc(post.at))}</pubDate>`,
      `<guid isPermaLink="false">rathausbuero-online-${post.id}</guid>`,
      '</item>',
    ];
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0">',
    '<channel>',
    `<title>${escapeXml(`${range.office}: Meldungen`)}</title>`,
    `<link>${escapeXml(site)}</link>`,
    `<description>${escapeXml(`Meldungen für das Stadtportal vom ${rangeText(range)}`)}</description>`,
    '<language>de-de</language>',
    `<lastBuildDate>${rfc822(now.getTime())}</lastBuildDate>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** The portal's page and the files of its images beside it, as a .zip. */
export function portalNewsZip(pageName: string, page: string, posts: readonly ExportPost[]): Uint8Array {
  return zipSync({ [pageName]: strToU8(page), ...mediaFilesOf(posts) }, { level: 6 });
}

// ------------------------------------------------------------------ social posts: a folder each

/**
 * The social posts as a .zip: a folder per post, named by time, channel and number
 * ("2026-12-01_1000_Bluesky_12"; `folderPart` makes the channel's name safe for a file name), with „Text.txt“ (the text as it goes out, ready to copy) and,
 * when it has images or videos, „Medien.txt“ (each with its alternative text and file name) and their files.
 */
export function socialPostsZip(posts: readonly ExportPost[], folderPart: (text: string) => string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const post of posts) {
    const folder = `${post.at.slice(0, 10)}_${post.at.slice(11, 13)}${post.at.slice(14, 16)}_${folderPart(post.channelName)}_${post.id}`;
    files[`${folder}/Text.txt`] = strToU8(`${postedText(post.text, post.link).replace(/\r?\n/g, '\r\n')}\r\n`);
    if (post.media.length) {
      const lines = [`${post.channelName}, ${whenText(post.at)}`, '', ...mediaLines(post)];
      files[`${folder}/Medien.txt`] = strToU8(`${lines.join('\r\n')}\r\n`);
      for (const [name, bytes] of Object.entries(mediaFilesOf([post]))) files[`${folder}/${name}`] = bytes;
    }
  }
  return zipSync(files, { level: 6 });
}

// ------------------------------------------------------------------ the plan for the morning meeting

export interface PlanDocument extends ExportRange {
  posts: readonly ExportPost[];
  /** Clusters and silences, in German. */
  warnings: readonly string[];
}

const TEXT_EXCERPT = 200;
const excerptOf = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > TEXT_EXCERPT ? `${line.slice(0, TEXT_EXCERPT - 1)}…` : line;
};
const PLAN_COLUMNS = ['Uhrzeit', 'Kanal', 'Thema', 'Text', 'Status'] as const;
const PLAN_WIDTHS = [9, 13, 20, 45, 13];

/** The plan as a landscape A4 Word document: a heading per day, a table of its posts, the warnings at the end. */
export async function planDocx(plan: PlanDocument): Promise<Uint8Array> {
  const FONT = 'Arial';
  const cell = (text: string, width: number, bold = false) =>
    new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text, bold, font: FONT, size: 20 })] })] });
  const days = [...new Set(plan.posts.map((p) => p.at.slice(0, 10)))];
  const children: Array<Paragraph | Table> = [
    new Paragraph({ children: [new TextRun({ text: plan.office, font: FONT, size: 20 })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: 'Online-Redaktionsplan', font: FONT, size: 32, bold: true })] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: `vom ${rangeText(plan)}`, font: FONT, size: 22 })] }),
  ];
  if (!days.length) children.push(new Paragraph({ children: [new TextRun('Im Zeitraum ist nichts geplant.')] }));
  for (const day of days) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: weekdayDate(day), font: FONT, size: 24, bold: true })] }));
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: PLAN_COLUMNS.map((c, i) => cell(c, PLAN_WIDTHS[i]!, true)) }),
          ...plan.posts
            .filter((p) => p.at.startsWith(day))
            .map(
              (p) =>
                new TableRow({
                  cantSplit: true,
                  children: [`${p.at.slice(11, 16)} Uhr`, p.channelName, p.topic ?? '–', excerptOf(p.text) || '(noch kein Text)', p.statusLabel].map((text, i) => cell(text, PLAN_WIDTHS[i]!)),
                }),
            ),
        ],
      }),
    );
  }
  if (plan.warnings.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 360, after: 120 }, children: [new TextRun({ text: 'Häufungen und Lücken', font: FONT, size: 24, bold: true })] }));
    for (const w of plan.warnings) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: w, font: FONT, size: 20 })] }));
  }
  const doc = new Document({
    creator: plan.office,
    title: `Online-Redaktionsplan vom ${rangeText(plan)}`,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { left: 1134, right: 1134, top: 1134, bottom: 1134 } } },
        children: children.length ? children : [new Paragraph({ alignment: AlignmentType.LEFT, children: [] })],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The plan as an Excel sheet: a row per post with the day as a real date, filters on the header row. */
export async function planXlsx(plan: PlanDocument): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs');
  const workbook: ExcelJS.Workbook = new Excel.Workbook();
  workbook.creator = plan.office;
  const sheet = workbook.addWorksheet('Redaktionsplan', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'Datum', key: 'date', width: 12, style: { numFmt: 'dd.mm.yyyy' } },
    { header: 'Uhrzeit', key: 'time', width: 9 },
    { header: 'Kanal', key: 'channel', width: 16 },
    { header: 'Thema', key: 'topic', width: 28 },
    { header: 'Text', key: 'text', width: 80 },
    { header: 'Link', key: 'link', width: 30 },
    { header: 'Status', key: 'status', width: 14 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const p of plan.posts) {
    sheet.addRow({
      date: new Date(`${p.at.slice(0, 10)}T00:00:00Z`),
      time: p.at.slice(11, 16),
      channel: p.channelName,
      topic: p.topic ?? '',
      text: p.text,
      link: p.link,
      status: p.statusLabel,
    });
  }
  sheet.autoFilter = { from: 'A1', to: 'G1' };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
