import { describe, expect, it } from 'vitest';
import { CHANNEL_KEYS, DEFAULT_CHANNEL_RULES, type ChannelKey, type ChannelRules } from './channels';
import { checkPost, hashtagNeedsCamelCase, type MediaItem, type ProblemCode } from './check';
import { postedText } from './posted-text';

const a = (n: number) => 'a'.repeat(n);
/** A link of exactly `n` characters. */
const link = (n: number) => `https://www.duisburg.de/${'x'.repeat(n - 'https://www.duisburg.de/'.length)}`;
const decomposedE = 'e\u0301';
const decomposedU = 'u\u0308';
const family = '👨‍👩‍👧‍👦';
const thumbSkin = '👍🏽';
const flag = '🇩🇪';
const rainbowFlag = '🏳️‍🌈';
const hashtags = (n: number) => Array.from({ length: n }, (_, i) => `#Ruhr${i + 1}`).join(' ');

type Case = [label: string, channel: ChannelKey, text: string, media: MediaItem[], length: number, codes: ProblemCode[], rules?: Partial<ChannelRules>];

const cases: Case[] = [
  // X: weighted as X counts (twitter-text)
  ['X: plain text', 'x', 'Hallo Duisburg', [], 14, []],
  ['X: umlauts and ß count 1', 'x', 'Grüße aus Duisburg-Ruhrort', [], 26, []],
  ['X: exactly at the limit', 'x', a(280), [], 280, []],
  ['X: one over the limit', 'x', a(281), [], 281, ['too-long']],
  ['X: a long link counts 23', 'x', `Mehr: ${link(120)}`, [], 29, []],
  ['X: a link without https counts 23', 'x', 'duisburg.de', [], 23, []],
  ['X: text and a link exactly at the limit', 'x', `${a(256)} ${link(60)}`, [], 280, []],
  ['X: text and a link one over', 'x', `${a(257)} ${link(60)}`, [], 281, ['too-long']],
  ['X: CJK counts 2', 'x', '漢字', [], 4, []],
  ['X: 140 CJK characters are exactly 280', 'x', '字'.repeat(140), [], 280, []],
  ['X: 141 CJK characters are over', 'x', '字'.repeat(141), [], 282, ['too-long']],
  ['X: an emoji family counts 2', 'x', family, [], 2, []],
  ['X: a combining accent counts with its letter', 'x', `Caf${decomposedE}`, [], 4, []],
  // Bluesky: graphemes
  ['Bluesky: exactly 300', 'bluesky', a(300), [], 300, []],
  ['Bluesky: 301 is too long', 'bluesky', a(301), [], 301, ['too-long']],
  ['Bluesky: 300 letters with combining accents (600 code units) fit', 'bluesky', decomposedE.repeat(300), [], 300, []],
  ['Bluesky: decomposed umlauts one over', 'bluesky', `${decomposedU.repeat(299)}xx`, [], 301, ['too-long']],
  ['Bluesky: a link counts in full', 'bluesky', link(40), [], 40, []],
  ['Bluesky: a flag, a skin tone, a family count 1 each', 'bluesky', `${flag}${thumbSkin}${family}`, [], 3, []],
  ['Bluesky: a higher limit from the settings', 'bluesky', a(320), [], 320, [], { limit: 350 }],
  // Mastodon: every http(s) link 23, remote mentions as @name
  ['Mastodon: exactly 500 with a long link', 'mastodon', `${a(476)} ${link(200)}`, [], 500, []],
  ['Mastodon: one over with a long link', 'mastodon', `${a(477)} ${link(200)}`, [], 501, ['too-long']],
  ['Mastodon: a short link also counts 23', 'mastodon', 'https://du.de', [], 23, []],
  ['Mastodon: a remote mention counts as @name', 'mastodon', 'Danke @stadt_duisburg@social.example!', [], 22, []],
  ['Mastodon: a bare domain counts as written', 'mastodon', 'duisburg.de', [], 11, []],
  // Instagram: 2,200 and 30 hashtags
  ['Instagram: exactly 2,200', 'instagram', a(2200), [], 2200, []],
  ['Instagram: 2,201', 'instagram', a(2201), [], 2201, ['too-long']],
  ['Instagram: 30 hashtags', 'instagram', hashtags(30), [{ kind: 'image', alt: 'Hafenfest bei Nacht' }], hashtags(30).length, []],
  ['Instagram: 31 hashtags', 'instagram', hashtags(31), [{ kind: 'image', alt: 'Hafenfest bei Nacht' }], hashtags(31).length, ['too-many-hashtags']],
  ['Instagram: no link needed', 'instagram', 'Sommer im Landschaftspark', [], 25, []],
  // LinkedIn, Threads, Facebook
  ['LinkedIn: exactly 3,000', 'linkedin', a(3000), [], 3000, []],
  ['LinkedIn: 3,001', 'linkedin', a(3001), [], 3001, ['too-long']],
  ['Threads: exactly 500', 'threads', a(500), [], 500, []],
  ['Threads: 501', 'threads', a(501), [], 501, ['too-long']],
  ['Facebook: a long post fits', 'facebook', a(10_000), [], 10_000, []],
  // YouTube: the first line is the title
  ['YouTube: title of exactly 100 and a description', 'youtube', `${a(100)}\n${a(4000)}`, [], 100, []],
  ['YouTube: title of 101', 'youtube', `${a(101)}\nBeschreibung`, [], 101, ['too-long']],
  ['YouTube: description of 5,001', 'youtube', `Hafenfest 2027\n${a(5001)}`, [], 14, ['description-too-long']],
  ['YouTube: no title', 'youtube', '\nNur eine Beschreibung', [], 0, ['text-empty']],
  // Hashtags in CamelCase
  ['hashtag all lower case', 'facebook', 'Bis bald beim #hafenfest', [], 24, ['hashtag-not-camel-case']],
  ['hashtag in CamelCase', 'facebook', 'Bis bald beim #HafenFest', [], 24, []],
  ['hashtag: one capitalised word', 'facebook', '#Duisburg', [], 9, []],
  ['hashtag: acronyms of up to five letters', 'facebook', '#NRW #ÖPNV #DSGVO', [], 17, []],
  ['hashtag all upper case, six letters or more', 'facebook', '#HAFENFEST', [], 10, ['hashtag-not-camel-case']],
  ['hashtag with ß all lower case', 'facebook', '#straße', [], 7, ['hashtag-not-camel-case']],
  ['hashtag with digits, lower case', 'facebook', '#ruhr2026', [], 9, ['hashtag-not-camel-case']],
  ['hashtag with digits, capitalised; numbers alone are no hashtag', 'facebook', '#Ruhr2026 #2026 #a', [], 18, []],
  ['the same lower-case hashtag twice is named once', 'facebook', '#hafenfest und #hafenfest', [], 25, ['hashtag-not-camel-case']],
  // Emojis in a row
  ['three emojis in a row', 'facebook', 'Endlich 🎉🎉🎉', [], 11, []],
  ['four emojis in a row', 'facebook', 'Endlich 🎉🎉🎉🎉', [], 12, ['emoji-run']],
  ['four emojis with spaces between', 'facebook', '🎉 🎉 🎉 🎉', [], 7, ['emoji-run']],
  ['words break a row', 'facebook', '🎉🎉 Hafenfest 🎉🎉', [], 15, []],
  ['family, skin tone and flag are three emojis', 'facebook', `${family}${thumbSkin}${flag}`, [], 3, []],
  ['a fourth (rainbow flag) makes a run', 'facebook', `${family}${thumbSkin}${flag}${rainbowFlag}`, [], 4, ['emoji-run']],
  ['keycaps are emojis', 'facebook', '1️⃣2️⃣3️⃣4️⃣', [], 4, ['emoji-run']],
  ['a copyright sign alone is fine', 'facebook', '© Stadt Duisburg', [], 16, []],
  // Alternative text
  ['an image without alt text', 'facebook', 'Der Hafen', [{ kind: 'image' }], 9, ['alt-text-missing']],
  ['an image with blank alt text', 'facebook', 'Der Hafen', [{ kind: 'image', alt: '  ' }], 9, ['alt-text-missing']],
  ['an image with alt text', 'facebook', 'Der Hafen', [{ kind: 'image', alt: 'Schiffe im Duisburger Hafen bei Sonnenuntergang' }], 9, []],
  ['an image with and a video without', 'instagram', 'Der Hafen', [{ kind: 'image', alt: 'Schiffe' }, { kind: 'video' }], 9, ['alt-text-missing']],
  // Links where the channel needs one
  ['WhatsApp without a link', 'whatsapp', 'Das Hafenfest beginnt!', [], 22, ['link-missing']],
  ['WhatsApp with a bare domain and path', 'whatsapp', 'Alles unter duisburg.de/hafenfest', [], 33, []],
  ['WhatsApp with an https link', 'whatsapp', `Programm: ${link(40)}`, [], 50, []],
  ['X with a link required by the settings', 'x', 'Das Hafenfest beginnt!', [], 22, ['link-missing'], { linkRequired: true }],
  // Empty text and several problems at once
  ['portal: empty text', 'portal', '   ', [], 3, ['text-empty']],
  ['intranet: a news item', 'intranet', 'Neue Öffnungszeiten der Bürgerbüros ab Januar', [], 45, []],
  [
    'X: several problems in a fixed order',
    'x',
    `${a(280)} #hafenfest 🎉🎉🎉🎉`,
    [{ kind: 'image' }],
    280 + 12 + 8,
    ['too-long', 'hashtag-not-camel-case', 'emoji-run', 'alt-text-missing'],
  ],
];

describe('online.check: length as each platform counts it, and the problems', () => {
  it('has at least 40 cases across the channels', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c[1])).size).toBe(CHANNEL_KEYS.length);
  });

  it.each(cases)('%s', (_label, channel, text, media, length, codes, rules) => {
    const result = checkPost(channel, text, media, { ...DEFAULT_CHANNEL_RULES[channel], ...rules });
    expect({ length: result.length, codes: result.problems.map((p) => p.code) }).toEqual({ length, codes });
    expect(result.limit).toBe(rules?.limit ?? DEFAULT_CHANNEL_RULES[channel].limit);
  });
});

describe('the messages say what and by how much, in German', () => {
  const messages = (channel: ChannelKey, text: string, media: MediaItem[] = []) => checkPost(channel, text, media, DEFAULT_CHANNEL_RULES[channel]).problems.map((p) => p.message);

  it('over-length names the channel, the count, the limit and the excess', () => {
    expect(messages('bluesky', a(312))).toEqual(['Der Text ist zu lang für Bluesky: 312 von höchstens 300 Zeichen (12 zu viel).']);
    expect(messages('instagram', a(2305))).toEqual(['Der Text ist zu lang für Instagram: 2.305 von höchstens 2.200 Zeichen (105 zu viel).']);
    expect(messages('youtube', `${a(101)}\nText`)).toEqual(['Der Titel ist zu lang für YouTube: 101 von höchstens 100 Zeichen (1 zu viel).']);
  });

  it('names the hashtag, the emojis, the medium and the missing link', () => {
    expect(messages('facebook', 'Ab zum #hafenfest')).toEqual([
      'Den Hashtag „#hafenfest“ lesen Screenreader als ein Wort vor. Bitte jedes Wort mit einem Großbuchstaben beginnen (z. B. #HafenFest statt #hafenfest).',
    ]);
    expect(messages('facebook', `Endlich ${family} 🎉🎉🎉!`)).toEqual([
      `4 Emojis hintereinander („${family} 🎉🎉🎉“): Screenreader lesen jedes mit seinem Namen vor. Bitte höchstens 3 hintereinander.`,
    ]);
    expect(messages('facebook', 'Hafen', [{ kind: 'image', alt: 'Kräne' }, { kind: 'video' }])).toEqual([
      'Video 2 hat keinen Alternativtext: Wer nicht sehen kann, erfährt nicht, was es zeigt.',
    ]);
    expect(messages('whatsapp', 'Heute Hafenfest')).toEqual(['Für den WhatsApp-Kanal ist ein Link vorgesehen (z. B. zur Meldung im Stadtportal); der Text enthält keinen.']);
    expect(messages('instagram', hashtags(31))).toEqual(['Zu viele Hashtags für Instagram: 31 von höchstens 30.']);
  });
});

describe('the CamelCase rule for hashtags', () => {
  it.each([
    ['hafenfest', true],
    ['HafenFest', false],
    ['Hafenfest', false],
    ['ÖPNV', false],
    ['HAFENFEST', true],
    ['a', false],
    ['日本', false],
    ['ÖPNV_Ruhr', false],
  ] as const)('#%s needs CamelCase: %s', (tag, expected) => {
    expect(hashtagNeedsCamelCase(tag)).toBe(expected);
  });
});

describe('the text as it goes out: text, then the link unless the text has it', () => {
  it.each([
    ['Programm:', 'https://www.duisburg.de/hafenfest', 'Programm:\nhttps://www.duisburg.de/hafenfest'],
    ['Programm: https://www.duisburg.de/hafenfest', 'https://www.duisburg.de/hafenfest', 'Programm: https://www.duisburg.de/hafenfest'],
    ['Ohne Link', '  ', 'Ohne Link'],
    ['', 'https://www.duisburg.de/hafenfest', 'https://www.duisburg.de/hafenfest'],
  ])('%j + %j', (text, link, expected) => {
    expect(postedText(text, link)).toBe(expected);
  });
});
