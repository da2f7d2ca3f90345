/**
 * The files of the online plan for the offline office PCs, through the contract on a real SQLite
 * file and read back: the portal's news as HTML and as an RSS 2.0 feed (parsed as XML), the social
 * posts as a .zip with a folder each, the plan as .docx and .xlsx. Only approved posts leave.
 */
import { DOMParser } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, type OnlineExportInput, type OnlinePostInput } from '../../api';
import { documentText } from '../../documents/docx-template';
import { errorOf } from '../../../tests/support/api-result';
import { createTempApp } from '../../../tests/support/temp-app';
import { PHOTO, uploadFile, VIDEO } from '../../../tests/support/media-samples';

/** Friday, 27 November 2026, 10:00 in Duisburg. */
const NOW = new Date('2026-11-27T09:00:00Z');
let app: ReturnType<typeof createTempApp>;
beforeEach(() => {
  app = createTempApp({ now: () => NOW });
});
afterEach(() => app.cleanup());

const WEEK = { from: '2026-11-30', to: '2026-12-06' };
/** The post's revision as stored now (these tests change it as the one who just loaded it). */
const revisionOf = async (id: number) => (await call(app.handlers, 'online.posts.get', { id })).revision;
const save = async (input: OnlinePostInput) =>
  call(app.handlers, 'online.posts.save', input.id && input.revision === undefined ? { ...input, revision: await revisionOf(input.id) } : input);
/** A post taken through submission and approval. */
async function approved(input: OnlinePostInput) {
  const { id } = await save(input);
  await call(app.handlers, 'online.posts.step', { id, revision: await revisionOf(id), step: 'submit' });
  return call(app.handlers, 'online.posts.step', { id, revision: await revisionOf(id), step: 'approve' });
}
async function exported(what: OnlineExportInput['what'], range = WEEK) {
  const file = await call(app.handlers, 'online.export', { what, ...range });
  return { name: file.fileName, bytes: new Uint8Array(Buffer.from(file.contentBase64, 'base64')) };
}
/** Parses XML strictly: any warning or error fails. */
function parseXml(text: string) {
  const fail = (message: string) => {
    throw new Error(`Kein gültiges XML: ${message}`);
  };
  return new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(text, 'application/xml');
}

const NEWS = 'Weihnachtsmarkt: Öffnungszeiten & Busse\n\nDer Markt öffnet täglich um 11 Uhr. <script>alert("x")</script>\nSonntags ab 13 Uhr.\n\nBusse fahren im 10-Minuten-Takt.';
async function seed() {
  const topic = await call(app.handlers, 'online.topics.save', { title: 'Weihnachtsmarkt 2026' });
  const news = await approved({ channel: 'portal', text: NEWS, link: 'https://www.duisburg.de/weihnachtsmarkt?a=1&b=2', plannedAt: '2026-12-01T10:00', topicId: topic.id });
  const draft = await save({ channel: 'portal', text: 'Noch nicht freigegeben', plannedAt: '2026-12-02T10:00' });
  const bluesky = await approved({
    channel: 'bluesky',
    text: 'Heute öffnet der Weihnachtsmarkt! Alle Infos:',
    link: 'https://www.duisburg.de/weihnachtsmarkt',
    media: [{ kind: 'image', alt: 'Lichterketten über der Königstraße', credit: 'Foto: Stadt Duisburg / Uwe Köppen' }, { kind: 'video', alt: 'Rundgang über den Markt' }],
    plannedAt: '2026-12-01T10:30',
    topicId: topic.id,
  });
  const mastodon = await approved({ channel: 'mastodon', text: 'Der Weihnachtsmarkt hat geöffnet.', plannedAt: '2026-12-03T18:00' });
  const socialDraft = await save({ channel: 'instagram', text: 'Entwurf', plannedAt: '2026-12-03T19:00' });
  return { news, draft, bluesky, mastodon, socialDraft };
}

describe('online.export: the portal’s news', () => {
  it('writes an HTML page with every approved news item, escaped, with German dates', async () => {
    await seed();
    const { name, bytes } = await exported('portal-html');
    expect(name).toBe('Stadtportal-Meldungen-2026-11-30-bis-2026-12-06.html');
    const html = new TextDecoder().decode(bytes);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<title>Meldungen für das Stadtportal vom 30.11.2026 bis 06.12.2026</title>');
    expect(html).toContain('<h2>Weihnachtsmarkt: Öffnungszeiten &amp; Busse</h2>');
    expect(html).toContain('<time datetime="2026-12-01T10:00">Dienstag, 1. Dezember 2026, 10:00 Uhr</time>');
    expect(html).toContain('<p>Der Markt öffnet täglich um 11 Uhr. &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>\nSonntags ab 13 Uhr.</p>');
    expect(html).toContain('<a href="https://www.duisburg.de/weihnachtsmarkt?a=1&amp;b=2">');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('Noch nicht freigegeben');
    expect(html.match(/<article>/g)).toHaveLength(1);
  });

  it('writes an RSS 2.0 feed that parses as XML, with RFC 822 dates and the text as escaped HTML', async () => {
    const { news } = await seed();
    const { name, bytes } = await exported('portal-feed');
    expect(name).toBe('Stadtportal-Feed-2026-11-30-bis-2026-12-06.xml');
    const doc = parseXml(new TextDecoder().decode(bytes));
    const rss = doc.documentElement!;
    expect([rss.nodeName, rss.getAttribute('version')]).toEqual(['rss', '2.0']);
    const text = (parent: Element, tag: string) => parent.getElementsByTagName(tag)[0]?.textContent;
    const channel = rss.getElementsByTagName('channel')[0]!;
    expect(text(channel, 'link')).toBe('https://www.duisburg.de');
    expect(text(channel, 'lastBuildDate')).toBe('Fri, 27 Nov 2026 09:00:00 GMT');
    const items = channel.getElementsByTagName('item');
    expect(items.length).toBe(1);
    const item = items[0]!;
    expect(text(item, 'title')).toBe('Weihnachtsmarkt: Öffnungszeiten & Busse');
    expect(text(item, 'link')).toBe('https://www.duisburg.de/weihnachtsmarkt?a=1&b=2');
    // 10:00 in Duisburg (winter time) is 09:00 UTC.
    expect(text(item, 'pubDate')).toBe('Tue, 01 Dec 2026 09:00:00 GMT');
    expect(text(item, 'guid')).toBe(`rathausbuero-online-${news.id}`);
    expect(text(item, 'description')).toBe(
      '<p>Der Markt öffnet täglich um 11 Uhr. &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>Sonntags ab 13 Uhr.</p><p>Busse fahren im 10-Minuten-Takt.</p>',
    );
  });

  it('says in German when nothing approved is there to export', async () => {
    await save({ channel: 'portal', text: 'Entwurf', plannedAt: '2026-12-01T10:00' });
    expect(await errorOf(dispatch(app.handlers, 'online.export', { what: 'portal-feed', ...WEEK }))).toMatchObject({
      code: 'CONFLICT',
      message: 'Für das Stadtportal ist vom 30.11.2026 bis 06.12.2026 keine freigegebene Meldung geplant.',
    });
    expect(await errorOf(dispatch(app.handlers, 'online.export', { what: 'social', ...WEEK }))).toMatchObject({
      message: 'In den sozialen Medien ist vom 30.11.2026 bis 06.12.2026 kein freigegebener Beitrag geplant.',
    });
  });
});

describe('online.export: the social posts', () => {
  it('writes a .zip with a folder per approved post: the text ready to copy, the media with their alternative texts', async () => {
    const { bluesky, mastodon } = await seed();
    const { name, bytes } = await exported('social');
    expect(name).toBe('Social-Media-Beitraege-2026-11-30-bis-2026-12-06.zip');
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      `2026-12-01_1030_Bluesky_${bluesky.id}/Medien.txt`,
      `2026-12-01_1030_Bluesky_${bluesky.id}/Text.txt`,
      `2026-12-03_1800_Mastodon_${mastodon.id}/Text.txt`,
    ]);
    expect(strFromU8(files[`2026-12-01_1030_Bluesky_${bluesky.id}/Text.txt`]!)).toBe('Heute öffnet der Weihnachtsmarkt! Alle Infos:\r\nhttps://www.duisburg.de/weihnachtsmarkt\r\n');
    expect(strFromU8(files[`2026-12-01_1030_Bluesky_${bluesky.id}/Medien.txt`]!).split('\r\n')).toEqual([
      'Bluesky, Dienstag, 1. Dezember 2026, 10:30 Uhr',
      '',
      'Bild 1: Alternativtext: Lichterketten über der Königstraße; Bildnachweis: Foto: Stadt Duisburg / Uwe Köppen',
      'Video 2: Alternativtext: Rundgang über den Markt',
      '',
    ]);
  });
});

describe('online.export: the images and videos themselves', () => {
  it('puts each post’s files into its folder, named safely, byte for byte as uploaded, beside the text and the alternative texts', async () => {
    const bluesky = await approved({
      channel: 'bluesky',
      text: 'Heute öffnet der Weihnachtsmarkt!',
      media: [
        { kind: 'image', alt: 'Lichterketten über der Königstraße', credit: 'Foto: Stadt Duisburg', file: { uploadId: await uploadFile(app.handlers, '../../Glühwein & Größe: Königstraße.png', PHOTO) } },
        { kind: 'video', alt: 'Rundgang über den Markt', file: { uploadId: await uploadFile(app.handlers, 'C:\\Videos\\Rundgang.mp4', VIDEO) } },
        { kind: 'image', alt: 'Ohne Datei' },
      ],
      plannedAt: '2026-12-01T10:30',
    });
    const files = unzipSync((await exported('social')).bytes);
    const folder = `2026-12-01_1030_Bluesky_${bluesky.id}`;
    expect(Object.keys(files).sort()).toEqual(
      [`${folder}/Beitrag-${bluesky.id}-Bild-1-Gluehwein-Groesse-Koenigstrasse.png`, `${folder}/Beitrag-${bluesky.id}-Video-2-C-Videos-Rundgang.mp4`, `${folder}/Medien.txt`, `${folder}/Text.txt`].sort(),
    );
    expect(files[`${folder}/Beitrag-${bluesky.id}-Bild-1-Gluehwein-Groesse-Koenigstrasse.png`]).toEqual(PHOTO);
    expect(files[`${folder}/Beitrag-${bluesky.id}-Video-2-C-Videos-Rundgang.mp4`]).toEqual(VIDEO);
    expect(strFromU8(files[`${folder}/Medien.txt`]!).split('\r\n')).toEqual([
      'Bluesky, Dienstag, 1. Dezember 2026, 10:30 Uhr',
      '',
      `Bild 1: Alternativtext: Lichterketten über der Königstraße; Bildnachweis: Foto: Stadt Duisburg; Datei: Beitrag-${bluesky.id}-Bild-1-Gluehwein-Groesse-Koenigstrasse.png`,
      `Video 2: Alternativtext: Rundgang über den Markt; Datei: Beitrag-${bluesky.id}-Video-2-C-Videos-Rundgang.mp4`,
      'Bild 3: Alternativtext: Ohne Datei',
      '',
    ]);
  });

  it('gives the portal’s page with its images beside it (a .zip), and the feed names them by their files', async () => {
    const news = await approved({
      channel: 'portal',
      text: 'Weihnachtsmarkt eröffnet\n\nDer Markt öffnet täglich um 11 Uhr.',
      media: [{ kind: 'image', alt: 'Lichter "über" <Königstraße>', credit: 'Foto: Stadt Duisburg', file: { uploadId: await uploadFile(app.handlers, 'Markt.png', PHOTO) } }],
      plannedAt: '2026-12-01T10:00',
    });
    const image = `Beitrag-${news.id}-Bild-1-Markt.png`;
    const { name, bytes } = await exported('portal-html');
    expect(name).toBe('Stadtportal-Meldungen-2026-11-30-bis-2026-12-06.zip');
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([image, 'Stadtportal-Meldungen-2026-11-30-bis-2026-12-06.html']);
    expect(files[image]).toEqual(PHOTO);
    expect(strFromU8(files['Stadtportal-Meldungen-2026-11-30-bis-2026-12-06.html']!)).toContain(
      `<figure><img src="${image}" alt="Lichter &quot;über&quot; &lt;Königstraße&gt;"><figcaption>Foto: Stadt Duisburg</figcaption></figure>`,
    );
    const feed = parseXml(strFromU8((await exported('portal-feed')).bytes));
    expect(feed.getElementsByTagName('description')[1]?.textContent).toBe(
      `<p>Der Markt öffnet täglich um 11 Uhr.</p><figure><img src="${image}" alt="Lichter &quot;über&quot; &lt;Königstraße&gt;"><figcaption>Foto: Stadt Duisburg</figcaption></figure>`,
    );
  });
});

describe('online.export: the plan for the morning meeting', () => {
  it('writes Word: a heading per day, a row per post (not the withdrawn ones), the clusters and silences', async () => {
    const { socialDraft } = await seed();
    const withdrawn = await save({ channel: 'x', text: 'Zurückgezogener Beitrag', plannedAt: '2026-12-04T09:00' });
    await call(app.handlers, 'online.posts.step', { id: withdrawn.id, revision: await revisionOf(withdrawn.id), step: 'withdraw' });
    const { name, bytes } = await exported('plan-docx');
    if (process.env.PLAN_DOCX_OUT) (await import('node:fs')).writeFileSync(process.env.PLAN_DOCX_OUT, bytes);
    expect(name).toBe('Online-Redaktionsplan-2026-11-30-bis-2026-12-06.docx');
    const lines = documentText(bytes).body.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Stadt Duisburg · Amt für Kommunikation', 'Online-Redaktionsplan', 'vom 30.11.2026 bis 06.12.2026']);
    expect(lines).toContain('Dienstag, 1. Dezember 2026');
    expect(lines).toContain('Donnerstag, 3. Dezember 2026');
    const afterDay = lines.slice(lines.indexOf('Donnerstag, 3. Dezember 2026'));
    expect(afterDay.slice(1, 16)).toEqual([
      'Uhrzeit', 'Kanal', 'Thema', 'Text', 'Status',
      '18:00 Uhr', 'Mastodon', '–', 'Der Weihnachtsmarkt hat geöffnet.', 'freigegeben',
      '19:00 Uhr', 'Instagram', '–', 'Entwurf', 'Entwurf',
    ]);
    expect(socialDraft.status).toBe('entwurf');
    expect(lines.join('\n')).not.toContain('Zurückgezogener Beitrag');
    // X has only the withdrawn post: silent all week.
    expect(lines.slice(-2)).toEqual(['Häufungen und Lücken', 'Auf X ist vom 30.11.2026 bis 06.12.2026 (7 Tage) nichts geplant.']);
  });

  it('writes Excel: a row per post with the day as a date', async () => {
    await seed();
    const { name, bytes } = await exported('plan-xlsx');
    expect(name).toBe('Online-Redaktionsplan-2026-11-30-bis-2026-12-06.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Redaktionsplan')!;
    const rows = sheet.getSheetValues().slice(1).map((row) => (row as ExcelJS.CellValue[]).slice(1));
    expect(rows[0]).toEqual(['Datum', 'Uhrzeit', 'Kanal', 'Thema', 'Text', 'Link', 'Status']);
    expect(rows.slice(1).map((r) => [(r[0] as Date).toISOString().slice(0, 10), r[1], r[2], r[3] ?? '', r[6]])).toEqual([
      ['2026-12-01', '10:00', 'Stadtportal', 'Weihnachtsmarkt 2026', 'freigegeben'],
      ['2026-12-01', '10:30', 'Bluesky', 'Weihnachtsmarkt 2026', 'freigegeben'],
      ['2026-12-02', '10:00', 'Stadtportal', '', 'Entwurf'],
      ['2026-12-03', '18:00', 'Mastodon', '', 'freigegeben'],
      ['2026-12-03', '19:00', 'Instagram', '', 'Entwurf'],
    ]);
    expect(rows[1]![4]).toBe(NEWS);
    expect(sheet.getCell('A2').numFmt).toBe('dd.mm.yyyy');
  });
});
