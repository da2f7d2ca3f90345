/**
 * The channels of the city's online communication and the rules each post is checked against
 * (`checkPost` in check.ts). The limits are settings (`online.settings`): platforms change them,
 * staff follow without a new version of the app. The defaults are the platforms' values of
 * December 2026:
 *
 * | key       | name            | limit                  | counted as                                        |
 * |-----------|-----------------|------------------------|---------------------------------------------------|
 * | portal    | Stadtportal     | 10.000 (office's own)  | characters                                        |
 * | intranet  | Intranet        | 10.000 (office's own)  | characters                                        |
 * | facebook  | Facebook        | 63.206                 | characters                                        |
 * | instagram | Instagram       | 2.200, ≤ 30 hashtags   | characters                                        |
 * | x         | X               | 280                    | X's weighting: a link 23, CJK and emoji 2 each    |
 * | mastodon  | Mastodon        | 500                    | characters, every link 23, @name@server as @name  |
 * | bluesky   | Bluesky         | 300                    | characters (graphemes), links in full             |
 * | threads   | Threads         | 500                    | characters                                        |
 * | linkedin  | LinkedIn        | 3.000                  | characters                                        |
 * | youtube   | YouTube         | title 100, text 5.000  | the first line is the title, the rest the text    |
 * | whatsapp  | WhatsApp-Kanal  | 4.096                  | characters                                        |
 *
 * "Characters" are what a reader sees as one (graphemes): "é" written as e + combining accent,
 * an emoji family joined by zero-width joiners, a skin tone, a flag each count once.
 * Portal and intranet have no platform limit; 10.000 characters (some 1.500 words) is the
 * office's ceiling for a news item. WhatsApp: the length a text message may have when sent
 * through WhatsApp's tools for organisations.
 *
 * A link is required by default only on the WhatsApp channel, whose updates are short teasers
 * for the portal; staff switch the requirement on for other channels in the settings. Instagram
 * captions do not make links clickable, so a link there is never required.
 */

export const CHANNEL_KEYS = ['portal', 'intranet', 'facebook', 'instagram', 'x', 'mastodon', 'bluesky', 'threads', 'linkedin', 'youtube', 'whatsapp'] as const;
export type ChannelKey = (typeof CHANNEL_KEYS)[number];

/** The channels' names as the office says them. */
export const CHANNEL_NAMES: Record<ChannelKey, string> = {
  portal: 'Stadtportal',
  intranet: 'Intranet',
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  threads: 'Threads',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  whatsapp: 'WhatsApp-Kanal',
};

/** The channel after „für“: „zu lang für das Stadtportal“, „für den WhatsApp-Kanal“, „für Bluesky“. */
export const CHANNEL_AFTER_FUER: Record<ChannelKey, string> = {
  ...CHANNEL_NAMES,
  portal: 'das Stadtportal',
  intranet: 'das Intranet',
  whatsapp: 'den WhatsApp-Kanal',
};

/** Where something is posted, after „auf“/„in“: „auf Bluesky“, „auf dem Stadtportal“, „im Intranet“. */
export const CHANNEL_ON: Record<ChannelKey, string> = {
  ...(Object.fromEntries(Object.entries(CHANNEL_NAMES).map(([key, name]) => [key, `auf ${name}`])) as Record<ChannelKey, string>),
  portal: 'auf dem Stadtportal',
  intranet: 'im Intranet',
  whatsapp: 'auf dem WhatsApp-Kanal',
};

export function isChannelKey(value: string): value is ChannelKey {
  return (CHANNEL_KEYS as readonly string[]).includes(value);
}

/** What a post on one channel is checked against (a setting per channel). */
export interface ChannelRules {
  /** Most characters as the platform counts them (YouTube: of the title, the first line). */
  limit: number;
  /** Most hashtags in one post; null: no limit. */
  hashtagLimit: number | null;
  /** YouTube: most characters of the text below the title; null for the other channels. */
  descriptionLimit: number | null;
  /** A post must contain a link. */
  linkRequired: boolean;
}

export type ChannelRulesByKey = Record<ChannelKey, ChannelRules>;

const rules = (limit: number, more: Partial<ChannelRules> = {}): ChannelRules => ({ limit, hashtagLimit: null, descriptionLimit: null, linkRequired: false, ...more });

/** Today's platform values (see the table above). */
export const DEFAULT_CHANNEL_RULES: ChannelRulesByKey = {
  portal: rules(10_000),
  intranet: rules(10_000),
  facebook: rules(63_206),
  instagram: rules(2_200, { hashtagLimit: 30 }),
  x: rules(280),
  mastodon: rules(500),
  bluesky: rules(300),
  threads: rules(500),
  linkedin: rules(3_000),
  youtube: rules(100, { descriptionLimit: 5_000 }),
  whatsapp: rules(4_096, { linkRequired: true }),
};
