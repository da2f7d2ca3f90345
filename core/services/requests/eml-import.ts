/**
 * Reads an e-mail saved as .eml (RFC 5322/MIME, via postal-mime): the sender, the day it was
 * sent (in Berlin), the subject, the text and the attachments. Encoded headers
 * (=?UTF-8?Q?…?=, =?ISO-8859-1?B?…?=), quoted-printable and base64 bodies in any charset, and
 * RFC 2231 file names come out as the sender wrote them. HTML-only mails become plain text.
 * Nothing is written here; what could not be taken over is said in German warnings.
 */
import PostalMime, { type Attachment, type Email, type Mailbox } from 'postal-mime';
import { AppError } from '../../api/errors';
import { formatDateLong, isoDateInBerlin } from '../../domain/dates/format';

/** Longest text a request takes (requestInputSchema). */
const MAX_TEXT = 100_000;
const MAX_SUBJECT = 300;
/** Headers that make a file recognisable as an e-mail. */
const MAIL_HEADERS = new Set(['from', 'date', 'subject', 'message-id', 'received', 'mime-version', 'to', 'return-path']);

export interface ParsedEml {
  sender: { address: string; degrees: string; givenName: string; surname: string } | null;
  /** The Berlin calendar day of the Date header ("2026-11-24"); today when it is missing. */
  receivedOn: string;
  subject: string;
  text: string;
  attachments: Array<{ fileName: string; bytes: Uint8Array }>;
  warnings: string[];
}

const invalid = (fileName: string, why: string) =>
  new AppError('IMPORT_INVALID', `Die Datei „${fileName}“ kann nicht als E-Mail übernommen werden: ${why}`, { fileName });

/** Parses the bytes of an .eml file; a file that is no e-mail gives a German IMPORT_INVALID error. */
export async function parseEml(bytes: Uint8Array, fileName: string, today: string): Promise<ParsedEml> {
  if (bytes.length === 0) throw invalid(fileName, 'Sie ist leer.');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw invalid(fileName, 'Das ist eine Outlook-Nachricht im .msg-Format. Bitte die E-Mail im Format .eml speichern (z. B. per „Speichern unter“ oder durch Ziehen aus Outlook im Web) und diese Datei wählen.');
  }
  if (bytes.subarray(0, 64 * 1024).includes(0)) throw invalid(fileName, 'Sie ist keine Textdatei, also keine gespeicherte E-Mail (.eml).');

  let mail: Email;
  try {
    mail = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    throw invalid(fileName, 'Sie ist beschädigt. Bitte die E-Mail aus dem E-Mail-Programm erneut als .eml speichern.');
  }
  if (!mail.headers.some((h) => MAIL_HEADERS.has(h.key))) {
    throw invalid(fileName, 'Es fehlen die Kopfzeilen einer E-Mail (Absender, Datum, Betreff). Bitte die E-Mail aus dem E-Mail-Programm als .eml speichern.');
  }

  const warnings: string[] = [];

  const mailbox = firstMailbox(mail.from) ?? firstMailbox(mail.sender);
  let sender: ParsedEml['sender'] = null;
  if (!mailbox?.address) {
    warnings.push('Die E-Mail nennt keinen Absender; das Anliegen wurde ohne Person (anonym) erfasst.');
  } else {
    const name = splitName(mailbox.name);
    if (!name.surname) {
      warnings.push(`Der Absender ${mailbox.address} nennt keinen Namen; als Nachname steht vorerst der Teil der Adresse vor dem @. Bitte Namen und Anrede ergänzen.`);
      name.surname = mailbox.address.split('@')[0] || mailbox.address;
    }
    sender = { address: mailbox.address.trim(), ...name };
  }

  let receivedOn = today;
  const sent = mail.date ? new Date(mail.date) : null;
  if (!sent || Number.isNaN(sent.getTime())) {
    warnings.push(`Die E-Mail hat kein gültiges Datum; als Eingang gilt heute (${formatDateLong(today)}).`);
  } else {
    receivedOn = isoDateInBerlin(sent);
    if (receivedOn > today) {
      warnings.push(`Das Datum der E-Mail (${formatDateLong(receivedOn)}) liegt in der Zukunft; als Eingang gilt heute (${formatDateLong(today)}).`);
      receivedOn = today;
    }
  }

  let subject = (mail.subject ?? '').replace(/\s+/g, ' ').trim();
  if (!subject) {
    subject = 'E-Mail ohne Betreff';
    warnings.push('Die E-Mail hat keinen Betreff; bitte einen treffenden Betreff eintragen.');
  } else if (subject.length > MAX_SUBJECT) {
    subject = `${subject.slice(0, MAX_SUBJECT - 1)}…`;
    warnings.push(`Der Betreff war länger als ${MAX_SUBJECT} Zeichen und wurde gekürzt.`);
  }

  let text = mail.text ? tidyText(mail.text) : '';
  if (!text && mail.html) {
    text = htmlToText(mail.html);
    warnings.push('Die E-Mail enthielt nur HTML; übernommen wurde ihr Text ohne Formatierung und Bilder.');
  }
  if (!text) warnings.push('Die E-Mail enthält keinen Text.');
  if (text.length > MAX_TEXT) {
    text = `${text.slice(0, MAX_TEXT - 1)}…`;
    warnings.push(`Der Text war länger als ${MAX_TEXT.toLocaleString('de-DE')} Zeichen und wurde gekürzt; die vollständige E-Mail bitte als Anhang ablegen.`);
  }

  const attachments: ParsedEml['attachments'] = [];
  mail.attachments.forEach((part, i) => {
    const name = attachmentName(part, i + 1);
    if (part.related) {
      warnings.push(`Das eingebettete Bild „${name}“ (Teil des HTML-Textes, z. B. ein Logo der Signatur) wurde nicht übernommen.`);
      return;
    }
    const content = part.content;
    const data = typeof content === 'string' ? new TextEncoder().encode(content) : content instanceof Uint8Array ? content : new Uint8Array(content);
    if (data.length === 0) {
      warnings.push(`Der Anhang „${name}“ ist leer und wurde nicht übernommen.`);
      return;
    }
    attachments.push({ fileName: name, bytes: data });
  });

  return { sender, receivedOn, subject, text, attachments, warnings };
}

function firstMailbox(address: Email['from']): Mailbox | undefined {
  if (!address) return undefined;
  if (address.group) return address.group[0];
  return address;
}

/**
 * A display name as given name, surname and degrees: "Ayşe Kaya", "Kaya, Ayşe",
 * "Dr. Jürgen Weißmüller", "Prof. Dr. Erika Beispiel (Bürgerverein)".
 */
export function splitName(display: string): { degrees: string; givenName: string; surname: string } {
  let name = display
    .replace(/\([^)]*\)/g, ' ')
    .replace(/["']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (name.includes('@')) name = '';
  const degrees: string[] = [];
  if (name.includes(',')) {
    const [surname, ...rest] = name.split(',');
    name = `${rest.join(' ').trim()} ${surname!.trim()}`.trim();
  }
  const words = name.split(' ').filter(Boolean);
  while (words.length > 1 && /^(Prof|Dr|PD)\.?$/i.test(words[0]!)) {
    const word = words.shift()!;
    degrees.push(word.endsWith('.') ? word : `${word}.`);
  }
  const surname = words.pop() ?? '';
  return { degrees: degrees.join(' '), givenName: words.join(' '), surname };
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'text/plain': 'txt',
  'text/calendar': 'ics',
  'message/rfc822': 'eml',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

function attachmentName(part: Attachment, n: number): string {
  const name = (part.filename ?? '').replace(/[\u0000-\u001f]/g, '').trim();
  if (name) return name;
  return `Anhang-${n}.${EXTENSIONS[part.mimeType] ?? 'bin'}`;
}

/** Line ends unified, trailing spaces gone, at most one blank line in a row. */
function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß',
  euro: '€', ndash: '–', mdash: '—', hellip: '…', bdquo: '„', ldquo: '“', rdquo: '”', sbquo: '‚', lsquo: '‘', rsquo: '’',
  laquo: '«', raquo: '»', copy: '©', reg: '®', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç', middot: '·', bull: '•', deg: '°', sect: '§',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[entity] ?? match;
  });
}

/**
 * The text of an HTML mail as a reader sees it: paragraphs and line breaks kept, list items
 * as "• …", table cells side by side, links with their address, no styles, scripts or comments.
 */
export function htmlToText(html: string): string {
  const BLOCK = '(?:p|div|h[1-6]|ul|ol|table|blockquote|pre|section|article|header|footer|address)';
  let s = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|style|script|title|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/<a\b[^>]*?href\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a\s*>/gi, (_m, href: string, label: string) => {
      const shown = label.replace(/<[^>]+>/g, '').trim();
      const target = decodeEntities(href).replace(/^mailto:/i, '');
      return !target || shown === target || shown.includes(target) || target.startsWith('#') ? label : `${label} (${target})`;
    })
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(/<hr\b[^>]*>/gi, '\n\n')
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(/<\/li\s*>/gi, '')
    .replace(/<\/tr\s*>/gi, '\n')
    .replace(/<\/t[dh]\s*>/gi, '  ')
    .replace(new RegExp(`</?${BLOCK}\\b[^>]*>`, 'gi'), '\n\n')
    .replace(/<[^>]+>/g, '');
  s = decodeEntities(s);
  return s
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
