import { z } from 'zod';
import { wallClockMs } from '../../domain/calendar/time';
import { cleanMultiLine, cleanSingleLine } from '../../domain/text/control-characters';
import { isWebAddress } from '../../domain/text/web-address';

/**
 * The value types every part of the contract shares, defined once: real calendar days and
 * clock times, text without control characters and with a size limit, ids, uploads, files.
 *
 * Dates and times are wall-clock values in Europe/Berlin, as the office reads them; the contract
 * takes no instants (a zone offset is refused). What a real day is — the calendar with its leap
 * years, hours 00–23 (no 24:00), minutes 00–59 — is the calendar domain's rule (`wallClockMs`),
 * the same rule the services compute with, so a value the door lets through never fails later.
 *
 * Control characters are stripped, not refused: they are invisible, they arrive by copy and
 * paste (Word's line break is a vertical tab, its page break a form feed; PDFs and mail programs
 * bring NULs and other debris), so a refusal would name a character the user can neither see
 * nor find. They carry no meaning in our fields, and Word documents (XML), iCalendar files and
 * CSV exports cannot take them. Line breaks and tabs stay in multi-line text (normalised to
 * "\n"); in one-line text they become spaces, so words are never glued together.
 */

const MAX_SHOWN = 40;
/** The input as the message quotes it: „2027-02-30“ (long input cut short). */
const quoted = (input: unknown) =>
  typeof input === 'string' ? `„${input.length > MAX_SHOWN ? `${input.slice(0, MAX_SHOWN)}…` : input}“` : '';

// ---------------------------------------------------------------------------------------------
// Dates and times

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

function isReal(value: string): boolean {
  try {
    wallClockMs(value);
    return true;
  } catch {
    return false;
  }
}

/** A real calendar day "2026-11-27" (years 1000–9999). */
export function isRealDate(value: string): boolean {
  return DATE.test(value) && isReal(value);
}

/** A real clock time "09:30" (00:00–23:59; 24:00 is 00:00 of the next day). */
export function isRealTime(value: string): boolean {
  return TIME.test(value) && isReal(`2000-01-01T${value}`);
}

/** A real wall-clock time "2026-11-27T09:30" (minutes; no seconds, no zone). */
export function isRealDateTime(value: string): boolean {
  return DATE_TIME.test(value) && isReal(value);
}

/**
 * The years the office works with. Wider would let arithmetic run off the calendar's end (the
 * day after 9999-12-31) or search centuries for the repetitions of a series.
 */
export const FIRST_YEAR = 1800;
export const LAST_YEAR = 2200;

/** "2027-02-30" → "30.02.2027" for a message about a day that does not exist. */
const germanDay = (value: string) => `${value.slice(8, 10)}.${value.slice(5, 7)}.${value.slice(0, 4)}`;

const yearOf = (value: string) => Number(value.slice(0, 4));

/** The message for "2027-02-30T10:00" or "2026-11-27T25:61": the day, else the time. */
const unrealDateTime = (value: string) =>
  isRealDate(value.slice(0, 10)) ? `Die Uhrzeit ${value.slice(11)} gibt es nicht (00:00 bis 23:59).` : `Den ${germanDay(value)} gibt es nicht.`;

interface DateKind {
  max: number;
  /** Right shape, whatever the values. */
  shape: RegExp;
  real: (value: string) => boolean;
  expected: string;
  /** The message for a value of the right shape that is no real day or time. */
  unreal: (value: string) => string;
  /** The year a value names, if any. */
  year?: (value: string) => number | null;
}

/** One string type per kind: a single German message for each way a value can be wrong. */
function dateType(kind: DateKind) {
  return z
    .string({ error: `Bitte ${kind.expected} angeben.` })
    .max(kind.max, { error: (issue) => `${quoted(issue.input)}: ${kind.expected} erwartet.`, abort: true })
    .check((ctx) => {
      const value = ctx.value;
      if (!kind.shape.test(value)) {
        ctx.issues.push({ code: 'custom', input: value, message: `${quoted(value)}: ${kind.expected} erwartet.` });
      } else if (!kind.real(value)) {
        ctx.issues.push({ code: 'custom', input: value, message: kind.unreal(value) });
      } else {
        const year = kind.year?.(value) ?? null;
        if (year !== null && (year < FIRST_YEAR || year > LAST_YEAR)) {
          ctx.issues.push({
            code: 'custom',
            input: value,
            message: `Das Datum ${germanDay(value)} liegt außerhalb der Jahre ${FIRST_YEAR} bis ${LAST_YEAR}, mit denen Rathausbüro rechnet.`,
          });
        }
      }
    });
}

/** A calendar day: "2026-11-27". */
export const isoDate = dateType({
  max: 10,
  shape: DATE,
  real: isRealDate,
  expected: 'ein Datum im Format JJJJ-MM-TT (z. B. 2026-11-27)',
  unreal: (value) => `Den ${germanDay(value)} gibt es nicht.`,
  year: yearOf,
});

/** A clock time: "09:30". */
export const clockTime = dateType({
  max: 5,
  shape: TIME,
  real: isRealTime,
  expected: 'eine Uhrzeit im Format HH:MM (z. B. 09:30)',
  unreal: (value) => `Die Uhrzeit ${value} gibt es nicht (00:00 bis 23:59).`,
});

/** Wall-clock time in Europe/Berlin: "2026-11-27T09:30". */
export const localDateTime = dateType({
  max: 16,
  shape: DATE_TIME,
  real: isRealDateTime,
  expected: 'Datum und Uhrzeit im Format JJJJ-MM-TTTHH:MM (z. B. 2026-11-27T09:30)',
  unreal: unrealDateTime,
  year: yearOf,
});

/** A day (all-day entries) or a wall-clock time: "2026-11-27" or "2026-11-27T09:30". */
export const localDateOrDateTime = dateType({
  max: 16,
  shape: /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/,
  real: (value) => (value.length === 10 ? isRealDate(value) : isRealDateTime(value)),
  expected: 'ein Datum (JJJJ-MM-TT) oder Datum und Uhrzeit (JJJJ-MM-TTTHH:MM)',
  unreal: unrealDateTime,
  year: yearOf,
});

/** A day every year ("12-25", 29 February allowed) or once ("2027-03-20"). */
export const yearlyOrOnceDate = dateType({
  max: 10,
  shape: /^(\d{4}-)?\d{2}-\d{2}$/,
  real: (value) => isRealDate(value.length === 5 ? `2000-${value}` : value),
  expected: 'ein Datum als MM-TT (jedes Jahr) oder JJJJ-MM-TT (einmal)',
  unreal: (value) => (value.length === 5 ? `Den ${value.slice(3)}.${value.slice(0, 2)}. gibt es in keinem Jahr.` : `Den ${germanDay(value)} gibt es nicht.`),
  year: (value) => (value.length === 5 ? null : yearOf(value)),
});

// ---------------------------------------------------------------------------------------------
// Text

const tooLong = (max: number) => ({ error: () => `Höchstens ${max.toLocaleString('de-DE')} Zeichen.` });

/**
 * One line of text (a name, a title, a place), trimmed, at most `max` characters. Chain
 * `.min(1, '…')` for a required field, `.default('')` for an optional one.
 */
export function singleLine(max: number) {
  return z.string().overwrite(cleanSingleLine).trim().max(max, tooLong(max));
}

/**
 * Text of several lines (notes, a letter's body), at most `max` characters; surrounding blank
 * space is kept unless `trim` (the default) is set.
 */
export function multiLine(max: number, options: { trim?: boolean } = {}) {
  const cleaned = z.string().overwrite(cleanMultiLine);
  return (options.trim === false ? cleaned : cleaned.trim()).max(max, tooLong(max));
}

/** An e-mail address or nothing. */
export const optionalEmail = (message = 'Bitte eine gültige E-Mail-Adresse angeben.') =>
  singleLine(254).refine((value) => value === '' || z.regexes.email.test(value), message);

/** A web address (http or https) or nothing; at most 2,000 characters. */
export const optionalWebAddress = (message = 'Bitte eine Internetadresse angeben; sie beginnt mit https:// (oder http://).') =>
  singleLine(2000).refine((value) => value === '' || isWebAddress(value), message);

// ---------------------------------------------------------------------------------------------
// Ids, uploads, files

/** The id of a stored record. */
export const recordId = z.number().int().positive();
/**
 * The `revision` a record was loaded at (every `*.get` and changeable list item carries it); a
 * change of the record sends it back, and a save against an older one is refused with STALE.
 */
export const revisionSchema = z.number({ message: 'Der Bearbeitungsstand (revision) fehlt.' }).int().positive();
/**
 * For a save that creates (no `id`) or changes (`id`) a record, as `.superRefine`: with `id`, the
 * revision the record was loaded at is required (`revision: revisionSchema.optional()` in the shape).
 */
export const requireRevisionWithId = (input: { id?: number; revision?: number }, ctx: z.RefinementCtx): void => {
  if (input.id !== undefined && input.revision === undefined) {
    ctx.addIssue({ code: 'custom', path: ['revision'], message: 'Der Bearbeitungsstand (revision) fehlt.' });
  }
};

/** An upload's id (`uploads.append`). */
export const uploadIdSchema = z.string().max(36).uuid('Ungültige Upload-Kennung.');

/** A background job's id (register import, mail merge). */
export const jobIdSchema = z.string().max(36).uuid('Ungültige Auftragskennung.');

/** Files sent inline (a CSV list, a Word template): larger ones go through `uploads.append`. */
export const MAX_INLINE_FILE_BYTES = 40 * 1024 * 1024;
/** One piece of an upload (the window sends 4 MB pieces; the HTTP bridge takes 64 MB at most). */
export const MAX_UPLOAD_PIECE_BYTES = 16 * 1024 * 1024;

/** A file's bytes, base64-encoded, of at most `maxBytes` bytes. */
export function base64Content(maxBytes: number) {
  const maxChars = Math.ceil(maxBytes / 3) * 4;
  return z
    .string()
    .max(maxChars, { error: () => `Die Datei ist zu groß (höchstens ${Math.floor(maxBytes / 1024 / 1024)} MB).`, abort: true })
    .regex(/^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/, 'Der Dateiinhalt ist nicht Base64-kodiert.');
}

/** A file's name as the user's computer had it (never a path the app writes to). */
export const fileNameSchema = singleLine(260);
