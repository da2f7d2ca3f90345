/**
 * The check of a post against its channel (`online.check`): its length as the platform counts
 * it, and what makes a post hard to read or useless there. Pure: the channel's rules (settings)
 * are passed in. Each problem has a stable ASCII code and a German message.
 *
 * Counting (see channels.ts for the limits):
 * - X: X's own weighting through `twitter-text` (`parseTweet`): a link counts 23, CJK characters
 *   and emoji 2, most other characters 1; text is NFC-normalised first, so "é" counts 1 however
 *   it was typed.
 * - Mastodon: characters, every http(s) link 23 however long, a mention of someone on another
 *   server (@name@server) only as @name — as Mastodon counts.
 * - YouTube: the first line is the video's title (limit), the rest its description.
 * - Every other channel: characters as a reader sees them (graphemes; Bluesky counts so):
 *   an emoji family (joined by zero-width joiners), an emoji with skin tone, a flag, a letter
 *   with a combining accent each count 1. Links count with their full length.
 *
 * The other checks:
 * - `alt-text-missing`: an image or video without alternative text (blind readers get nothing).
 * - `rights-expired`: an image or video whose usage rights (Rechte bis) end before the day the
 *   post goes out (checked when that day is given).
 * - `hashtag-not-camel-case`: a hashtag whose letters are all lower case (two or more letters,
 *   #hafenfest) or all upper case (more than five letters, #HAFENFEST). Screen readers read a
 *   hashtag in CamelCase (#HafenFest) word by word, one without capitals as one garbled word.
 *   Acronyms of up to five letters (#NRW, #ÖPNV, #DSGVO) and single capitalised words
 *   (#Duisburg) pass; digits and letters without case (CJK) do not count.
 * - `emoji-run`: more than three emojis in a row (whitespace between them does not break a row):
 *   screen readers read every one by its full name. One emoji is one grapheme: a family, a
 *   skin tone, a flag, a keycap count once.
 * - `link-missing`: the channel requires a link (a setting) and the text has none.
 * - `too-many-hashtags`: more hashtags than the channel takes (Instagram: 30).
 * - `too-long`, `description-too-long`, `text-empty`.
 */
import * as twitterTextModule from 'twitter-text';
import { CHANNEL_AFTER_FUER, type ChannelKey, type ChannelRules } from './channels';
import { formatDateNumeric } from '../dates/format';

// twitter-text is a CommonJS module without named exports Node's ESM loader can see (the built
// app imports it so): its functions are on the default export there, on the namespace elsewhere.
const twitterText = (twitterTextModule as unknown as { default?: typeof twitterTextModule }).default ?? twitterTextModule;
const { extractHashtags, extractUrlsWithIndices, parseTweet } = twitterText;

export const PROBLEM_CODES = [
  'text-empty',
  'too-long',
  'description-too-long',
  'link-missing',
  'too-many-hashtags',
  'hashtag-not-camel-case',
  'emoji-run',
  'alt-text-missing',
  'rights-expired',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface CheckProblem {
  code: ProblemCode;
  message: string;
}

export interface MediaItem {
  kind: 'image' | 'video';
  alt?: string;
  /** Bildnachweis: "Foto: Stadt Duisburg / Tanja Pickartz". */
  credit?: string;
  /** The last day the office may use it (ISO date); null or missing: no end. */
  rightsUntil?: string | null;
}

export interface CheckResult {
  /** The length as the channel counts it (YouTube: of the title). */
  length: number;
  limit: number;
  problems: CheckProblem[];
}

/** Emojis in a row that are still fine. */
export const MAX_EMOJIS_IN_A_ROW = 3;
/** Mastodon counts every http(s) link as this many characters. */
const MASTODON_LINK_LENGTH = 23;
/** All-capital hashtags up to this many letters are acronyms (#NRW, #ÖPNV, #DSGVO). */
const MAX_ACRONYM_LETTERS = 5;

const segmenter = new Intl.Segmenter('de', { granularity: 'grapheme' });
const graphemes = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);
/** Characters as a reader sees them. */
export const graphemeLength = (text: string): number => graphemes(text).length;

const number = (n: number) => n.toLocaleString('de-DE');

/** A grapheme that shows as an emoji (a pictograph, a flag, a keycap; with its modifiers and joiners). */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
const isEmoji = (grapheme: string) => EMOJI.test(grapheme);

/** Remote mentions as Mastodon counts them: @name@server → @name. */
const REMOTE_MENTION = /(^|[^/\w])@(\w+)@[a-z0-9.-]+[a-z0-9]/giu;

function mastodonLength(text: string): number {
  let counted = '';
  let at = 0;
  for (const { url, indices } of extractUrlsWithIndices(text)) {
    if (!/^https?:\/\//i.test(url)) continue;
    counted += text.slice(at, indices[0]) + 'x'.repeat(MASTODON_LINK_LENGTH);
    at = indices[1];
  }
  counted += text.slice(at);
  return graphemeLength(counted.replace(REMOTE_MENTION, '$1@$2'));
}

/** The length of `text` as `channel` counts it. */
export function channelLength(channel: ChannelKey, text: string): number {
  if (channel === 'x') return parseTweet(text).weightedLength;
  if (channel === 'mastodon') return mastodonLength(text);
  return graphemeLength(text);
}

/** The hashtag (without #) is not in CamelCase (see the rule above). */
export function hashtagNeedsCamelCase(tag: string): boolean {
  const lower = (tag.match(/\p{Ll}/gu) ?? []).length;
  const upper = (tag.match(/\p{Lu}|\p{Lt}/gu) ?? []).length;
  if (upper === 0) return lower >= 2;
  if (lower === 0) return upper > MAX_ACRONYM_LETTERS;
  return false;
}

/** The runs of more than three emojis in a row, as they are written. */
function emojiRuns(text: string): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  let written = '';
  const close = () => {
    if (run.length > MAX_EMOJIS_IN_A_ROW) runs.push(written.trim());
    run = [];
    written = '';
  };
  for (const grapheme of graphemes(text)) {
    if (isEmoji(grapheme)) {
      run.push(grapheme);
      written += grapheme;
    } else if (/^\s+$/u.test(grapheme)) {
      if (run.length) written += grapheme;
    } else {
      close();
    }
  }
  close();
  return runs;
}

const too = (what: string, channel: string, length: number, limit: number) =>
  `${what} zu lang für ${channel}: ${number(length)} von höchstens ${number(limit)} Zeichen (${number(length - limit)} zu viel).`;

/**
 * Checks a post for `channel` against its rules. `on`: the day it goes out (ISO date); its images
 * and videos must still be usable then (`rightsUntil` that day or later). Without it, the rights
 * are not checked.
 */
export function checkPost(channel: ChannelKey, text: string, media: readonly MediaItem[], rules: ChannelRules, options: { on?: string } = {}): CheckResult {
  const name = CHANNEL_AFTER_FUER[channel];
  const problems: CheckProblem[] = [];
  const add = (code: ProblemCode, message: string) => problems.push({ code, message });

  const youtube = channel === 'youtube';
  const lineBreak = text.indexOf('\n');
  const title = youtube ? (lineBreak < 0 ? text : text.slice(0, lineBreak)).trim() : text;
  const description = youtube && lineBreak >= 0 ? text.slice(lineBreak + 1).trim() : '';
  const length = channelLength(channel, title);

  if (!title.trim()) add('text-empty', youtube ? 'Der Titel (die erste Zeile) ist leer.' : 'Der Text ist leer.');
  if (length > rules.limit) add('too-long', too(youtube ? 'Der Titel ist' : 'Der Text ist', name, length, rules.limit));
  if (rules.descriptionLimit !== null) {
    const descriptionLength = graphemeLength(description);
    if (descriptionLength > rules.descriptionLimit) add('description-too-long', too('Die Beschreibung ist', name, descriptionLength, rules.descriptionLimit));
  }

  if (rules.linkRequired && extractUrlsWithIndices(text).length === 0) {
    add('link-missing', `Für ${name} ist ein Link vorgesehen (z. B. zur Meldung im Stadtportal); der Text enthält keinen.`);
  }

  const hashtags = extractHashtags(text);
  if (rules.hashtagLimit !== null && hashtags.length > rules.hashtagLimit) {
    add('too-many-hashtags', `Zu viele Hashtags für ${name}: ${number(hashtags.length)} von höchstens ${number(rules.hashtagLimit)}.`);
  }
  for (const tag of new Set(hashtags)) {
    if (hashtagNeedsCamelCase(tag)) {
      add(
        'hashtag-not-camel-case',
        `Den Hashtag „#${tag}“ lesen Screenreader als ein Wort vor. Bitte jedes Wort mit einem Großbuchstaben beginnen (z. B. #HafenFest statt #hafenfest).`,
      );
    }
  }

  for (const run of emojiRuns(text)) {
    add(
      'emoji-run',
      `${number(graphemes(run).filter(isEmoji).length)} Emojis hintereinander („${run}“): Screenreader lesen jedes mit seinem Namen vor. Bitte höchstens ${MAX_EMOJIS_IN_A_ROW} hintereinander.`,
    );
  }

  media.forEach((item, i) => {
    if (item.alt?.trim()) return;
    add('alt-text-missing', `${item.kind === 'image' ? 'Bild' : 'Video'} ${i + 1} hat keinen Alternativtext: Wer nicht sehen kann, erfährt nicht, was es zeigt.`);
  });

  const { on } = options;
  if (on) {
    media.forEach((item, i) => {
      if (!item.rightsUntil || item.rightsUntil >= on) return;
      const word = item.kind === 'image' ? 'Bild' : 'Video';
      const credit = item.credit?.trim() ? ` (${item.credit.trim()})` : '';
      add(
        'rights-expired',
        `Die Nutzungsrechte an ${word} ${i + 1}${credit} sind am ${formatDateNumeric(item.rightsUntil)} abgelaufen; der Beitrag geht am ${formatDateNumeric(on)} hinaus. Bitte ${item.kind === 'image' ? 'ein anderes Bild' : 'ein anderes Video'} wählen oder die Rechte verlängern.`,
      );
    });
  }

  return { length, limit: rules.limit, problems };
}

