import { z } from 'zod';
import { CHANNEL_KEYS, type ChannelKey } from '../../domain/online/channels';
import { POST_STATUSES, POST_STEPS } from '../../domain/online/post-rules';
import { MEDIA_FILE_TYPE_KEYS } from '../../domain/online/media-files';
import { isoDate, localDateTime, multiLine, recordId, requireRevisionWithId, revisionSchema, singleLine, uploadIdSchema } from './common';

/** A post's text at most (Facebook takes 63,206 characters; the office's own channels are shorter). */
const MAX_POST_TEXT = 70_000;
/** Alternative text at most (Mastodon takes 1,500, X 1,000). */
const MAX_ALT_TEXT = 1_500;
/** A credit (Bildnachweis) at most. */
const MAX_CREDIT = 300;
/** Images and videos of one post at most (Instagram's carousel takes 20). */
const MAX_MEDIA = 20;

export const channelKeySchema = z.enum(CHANNEL_KEYS);
export { CHANNEL_AFTER_FUER, CHANNEL_KEYS, CHANNEL_ON, CHANNEL_NAMES, DEFAULT_CHANNEL_RULES, type ChannelKey } from '../../domain/online/channels';
export { postedText } from '../../domain/online/posted-text';
export { CLUSTER_MIN_POSTS, CLUSTER_WINDOW_MINUTES, SILENCE_DAYS } from '../../domain/online/plan-warnings';
export { POST_STATUS_LABELS, POST_STEP_LABELS, type PostStatus, type PostStep } from '../../domain/online/post-rules';
export { MAX_MEDIA_FILE_BYTES, MEDIA_FILE_ACCEPT, MEDIA_FILE_TYPES, type MediaFileType } from '../../domain/online/media-files';

// ------------------------------------------------------------------ online.check

export const mediaKindSchema = z.enum(['image', 'video']);

export const onlineCheckInputSchema = z.strictObject({
  channel: channelKeySchema,
  text: multiLine(MAX_POST_TEXT, { trim: false }),
  media: z
    .array(
      z.strictObject({
        kind: mediaKindSchema,
        alt: multiLine(MAX_ALT_TEXT).optional(),
        credit: singleLine(MAX_CREDIT).optional(),
        rightsUntil: isoDate.nullable().optional(),
      }),
    )
    .max(MAX_MEDIA)
    .optional(),
  /** The day the post goes out: its images' and videos' usage rights must last until then (not checked when left out). */
  on: isoDate.optional(),
});
export type OnlineCheckInput = z.input<typeof onlineCheckInputSchema>;

export const checkProblemSchema = z.object({ code: z.string(), message: z.string() });
export const onlineCheckResultSchema = z.object({
  /** As the channel counts (YouTube: the title, the first line). */
  length: z.number().int(),
  limit: z.number().int(),
  problems: z.array(checkProblemSchema),
});
export type OnlineCheckResult = z.infer<typeof onlineCheckResultSchema>;

// ------------------------------------------------------------------ settings: the rules per channel

const count = (max: number) => z.number().int().min(1).max(max);
export const channelRulesSchema = z.strictObject({
  /** Most characters as the platform counts them (YouTube: of the title). */
  limit: count(1_000_000),
  /** Most hashtags in one post; null: no limit. */
  hashtagLimit: z.number().int().min(0).max(1000).nullable(),
  /** YouTube: most characters of the description; null elsewhere. */
  descriptionLimit: count(1_000_000).nullable(),
  /** A post must contain a link. */
  linkRequired: z.boolean(),
});

export const onlineSettingsSchema = z.strictObject({
  channels: z.strictObject(Object.fromEntries(CHANNEL_KEYS.map((key) => [key, channelRulesSchema])) as Record<ChannelKey, typeof channelRulesSchema>),
});
export type OnlineSettings = z.infer<typeof onlineSettingsSchema>;

// ------------------------------------------------------------------ topics

export const onlineTopicInputSchema = z.strictObject({
  id: recordId.optional(),
  /** With `id`: the revision it was loaded at (required; STALE when it moved on). */
  revision: revisionSchema.optional(),
  title: singleLine(300).min(1, 'Bitte das Thema benennen.'),
  /** What the topic is meant to achieve. */
  goal: multiLine(5000).default(''),
  /** Who looks after it. */
  owner: singleLine(200).default(''),
  startsOn: isoDate.nullable().default(null),
  endsOn: isoDate.nullable().default(null),
}).superRefine(requireRevisionWithId);
export type OnlineTopicInput = z.input<typeof onlineTopicInputSchema>;

export const onlineTopicSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  goal: z.string(),
  owner: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  /** Its posts on all channels. */
  postCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: revisionSchema,
});
export type OnlineTopic = z.infer<typeof onlineTopicSchema>;

// ------------------------------------------------------------------ posts

export const postStatusSchema = z.enum(POST_STATUSES);
export const postStepSchema = z.enum(POST_STEPS);

/** A media entry's file as stored (deps.files) and shown: `key` names it when the post is saved again with it. */
export const postMediaFileSchema = z.object({
  key: z.string(),
  /** As the user's file was called. */
  fileName: z.string(),
  size: z.number().int(),
  /** The format by the file's content. */
  type: z.enum(MEDIA_FILE_TYPE_KEYS as [MediaFileKey, ...MediaFileKey[]]),
});
type MediaFileKey = (typeof MEDIA_FILE_TYPE_KEYS)[number];
export type PostMediaFile = z.infer<typeof postMediaFileSchema>;

export const postMediaSchema = z.strictObject({
  kind: mediaKindSchema,
  alt: multiLine(MAX_ALT_TEXT).default(''),
  /** Bildnachweis: "Foto: Stadt Duisburg / Tanja Pickartz". */
  credit: singleLine(MAX_CREDIT).default(''),
  /** The last day the office may use it; null: no end. */
  rightsUntil: isoDate.nullable().default(null),
  /**
   * Its image or video file: a new one just uploaded (`uploadId`, see uploads.append), the one it
   * has (`key`, as the post gives it), or none (null: a file it had is removed).
   */
  file: z
    .union([z.strictObject({ uploadId: uploadIdSchema }), z.strictObject({ key: singleLine(500).min(1) })])
    .nullable()
    .default(null),
});
export type PostMediaInput = z.input<typeof postMediaSchema>;
/** A media entry's details the channel check looks at (no file). */
export type PostMedia = Omit<z.infer<typeof postMediaSchema>, 'file'>;

export const onlinePostInputSchema = z.strictObject({
  id: recordId.optional(),
  /** With `id`: the revision it was loaded at (required; STALE when it moved on). */
  revision: revisionSchema.optional(),
  topicId: recordId.nullable().default(null),
  channel: channelKeySchema,
  /** Empty: the post is an idea. */
  text: multiLine(MAX_POST_TEXT).default(''),
  /** Where the post points to (added after the text when the text does not contain it). */
  link: singleLine(2000).default(''),
  media: z.array(postMediaSchema).max(MAX_MEDIA).default([]),
  /** Planned publishing time, Berlin wall-clock. */
  plannedAt: localDateTime.nullable().default(null),
}).superRefine(requireRevisionWithId);
export type OnlinePostInput = z.input<typeof onlinePostInputSchema>;

export const onlinePostSchema = z.object({
  id: z.number().int(),
  topicId: z.number().int().nullable(),
  /** The topic's title. */
  topic: z.string().nullable(),
  channel: channelKeySchema,
  /** "Bluesky", "Stadtportal". */
  channelName: z.string(),
  text: z.string(),
  link: z.string(),
  media: z.array(z.object({ kind: mediaKindSchema, alt: z.string(), credit: z.string(), rightsUntil: z.string().nullable(), file: postMediaFileSchema.nullable() })),
  plannedAt: z.string().nullable(),
  status: postStatusSchema,
  approvedBy: z.string().nullable(),
  /** ISO instant. */
  approvedAt: z.string().nullable(),
  /** Berlin wall-clock. */
  publishedAt: z.string().nullable(),
  publishedUrl: z.string().nullable(),
  /** The proposal it was taken from ("press:12"); null: written freely. */
  origin: z.string().nullable(),
  /** Its earliest time (Berlin wall-clock): the embargo of the press release it comes from; null: none. */
  notBefore: z.string().nullable(),
  /** The channel check of the text as it would be posted (text and link). */
  check: onlineCheckResultSchema,
  /** The steps allowed now, in workflow order. */
  steps: z.array(postStepSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: revisionSchema,
});
export type OnlinePost = z.infer<typeof onlinePostSchema>;

export const onlineTopicDetailSchema = onlineTopicSchema.extend({ posts: z.array(onlinePostSchema) });
export type OnlineTopicDetail = z.infer<typeof onlineTopicDetailSchema>;

export const onlinePostListInputSchema = z.strictObject({
  /** First and last day (planned or published), inclusive. */
  from: isoDate,
  to: isoDate,
  channel: channelKeySchema.optional(),
  /** Also the posts with neither a planned nor a published time (ideas, drafts not yet planned), first. */
  unplanned: z.boolean().optional(),
});

// ------------------------------------------------------------------ the plan (calendar)

export const onlinePlanInputSchema = z.strictObject({
  /** First and last day shown, inclusive. */
  from: isoDate,
  to: isoDate,
  /** Only these channels (all when left out). */
  channels: z.array(channelKeySchema).max(CHANNEL_KEYS.length).optional(),
  /** Only this topic's posts (the warnings still look at every post of the channels shown). */
  topicId: recordId.optional(),
});
export type OnlinePlanInput = z.input<typeof onlinePlanInputSchema>;

export const onlinePlanItemSchema = z.object({
  id: z.number().int(),
  topicId: z.number().int().nullable(),
  topic: z.string().nullable(),
  channel: channelKeySchema,
  channelName: z.string(),
  text: z.string(),
  /** Its time in the plan: published, else planned (Berlin wall-clock). */
  at: z.string(),
  plannedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  status: postStatusSchema,
  /** Its planned time may be changed (not a published post). */
  movable: z.boolean(),
  /** Crisis mode paused it: it does not go out until crisis mode ends. */
  paused: z.boolean(),
  /** Its planned time passed while crisis mode paused it („Zeitpunkt verstrichen“): it needs a new time. */
  lapsed: z.boolean(),
  /** The post's revision: a move in the plan sends it back (STALE when it moved on). */
  revision: revisionSchema,
});
export type OnlinePlanItem = z.infer<typeof onlinePlanItemSchema>;

export const planWarningSchema = z.object({
  /** cluster: many posts in a short time on one channel; silence: days with nothing on a channel. */
  kind: z.enum(['cluster', 'silence']),
  channel: channelKeySchema,
  /** A cluster: its first and last post's time; a silence: its first and last day. */
  from: z.string(),
  to: z.string(),
  postIds: z.array(z.number().int()),
  message: z.string(),
});
export type PlanWarning = z.infer<typeof planWarningSchema>;

export const onlinePlanSchema = z.object({ items: z.array(onlinePlanItemSchema), warnings: z.array(planWarningSchema) });
export type OnlinePlan = z.infer<typeof onlinePlanSchema>;

// ------------------------------------------------------------------ exports for the offline office PCs

/**
 * portal-html / portal-feed: the portal's approved news as an HTML page / an RSS 2.0 feed file;
 * social: the approved social posts, a folder each in a .zip; plan-docx / plan-xlsx: the plan
 * (every post but the withdrawn ones) for the morning meeting.
 */
export const ONLINE_EXPORTS = ['portal-html', 'portal-feed', 'social', 'plan-docx', 'plan-xlsx'] as const;
export type OnlineExport = (typeof ONLINE_EXPORTS)[number];
export const onlineExportInputSchema = z.strictObject({ what: z.enum(ONLINE_EXPORTS), from: isoDate, to: isoDate });
export type OnlineExportInput = z.input<typeof onlineExportInputSchema>;

/** A media file of a post, by its key (as the post gives it), to show or save. */
export const onlinePostMediaFileInputSchema = z.strictObject({ id: recordId, key: singleLine(500).min(1) });

export const onlinePostStepInputSchema = z.strictObject({
  id: recordId,
  /** The revision the post was loaded at (STALE when it moved on). */
  revision: revisionSchema,
  step: postStepSchema,
  /** Publishing: where the post is now. */
  url: singleLine(2000).optional(),
});

// ------------------------------------------------------------------ crisis mode (Krisenkommunikation)

/** A pre-approved holding statement (Wartestellungnahme) for one crisis scenario. */
export const holdingStatementInputSchema = z.strictObject({
  id: recordId.optional(),
  /** "Unwetter", "Großbrand", "IT-Ausfall". */
  scenario: singleLine(200).min(1, 'Bitte das Szenario benennen (z. B. Unwetter).'),
  text: multiLine(MAX_POST_TEXT).min(1, 'Bitte den Text der Wartestellungnahme schreiben.'),
});
export type HoldingStatementInput = z.input<typeof holdingStatementInputSchema>;

export const holdingStatementSchema = z.object({
  id: z.number().int(),
  scenario: z.string(),
  text: z.string(),
  /** Who approved it and when (ISO instant); null: not approved (or edited since). */
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HoldingStatement = z.infer<typeof holdingStatementSchema>;

export const crisisLogEntrySchema = z.object({
  id: z.number().int(),
  /** start / end: crisis mode switched on / off; post / statement: published during the crisis. */
  kind: z.enum(['start', 'end', 'post', 'statement']),
  /** ISO instant. */
  at: z.string(),
  user: z.string(),
  channel: channelKeySchema.nullable(),
  channelName: z.string().nullable(),
  postId: z.number().int().nullable(),
  statementId: z.number().int().nullable(),
  summary: z.string(),
});
export type CrisisLogEntry = z.infer<typeof crisisLogEntrySchema>;

export const crisisStateSchema = z.object({
  active: z.boolean(),
  /** When and by whom crisis mode was switched on (the current crisis; null when off). */
  since: z.string().nullable(),
  by: z.string().nullable(),
  /** The posts crisis mode paused, by planned time. */
  paused: z.array(onlinePlanItemSchema),
  /** The posts whose planned time passed while crisis mode paused them („Zeitpunkt verstrichen“), by planned time: each needs a new time. */
  lapsed: z.array(onlinePlanItemSchema),
  /** The current crisis's log (or the last one's when off), newest first. */
  log: z.array(crisisLogEntrySchema),
});
export type CrisisState = z.infer<typeof crisisStateSchema>;

export const crisisSwitchInputSchema = z.strictObject({ active: z.boolean() });

export const crisisPublishInputSchema = z.strictObject({
  statementId: recordId,
  channel: channelKeySchema,
});

// ------------------------------------------------------------------ proposals (Vorschläge), never posted automatically

export { PROPOSAL_KINDS, type ProposalKind } from '../../domain/online/proposals';

/** What a proposal comes from, in German („Pressemitteilung mit Sperrfrist“). */
export const PROPOSAL_KIND_LABELS = {
  press: 'Pressemitteilung mit Sperrfrist',
  greeting: 'Grußkalender',
  week: 'Öffentliche Termine der Woche',
  event: 'Bürgergespräch oder -spaziergang',
} as const;

export const onlineProposalListInputSchema = z.strictObject({
  /** First and last day of the suggested times, inclusive. */
  from: isoDate,
  to: isoDate,
});

export const onlineProposalSchema = z.object({
  /** Its origin, stable ("press:12", "greeting:weihnachten:2026-12-25", "week:2026-12-14", "event:3"). */
  key: z.string(),
  kind: z.enum(['press', 'greeting', 'week', 'event']),
  /** The record it comes from: the press release's or event's id, the holiday's key and day, the week's Monday. */
  originId: z.string(),
  title: z.string(),
  /** Berlin wall-clock. */
  suggestedAt: z.string(),
  /** The earliest time a post taken from it may be planned or published (the embargo); null: none. */
  notBefore: z.string().nullable(),
  suggestedText: z.string(),
  channels: z.array(channelKeySchema),
});
export type OnlineProposal = z.infer<typeof onlineProposalSchema>;

export const onlineProposalTakeInputSchema = z.strictObject({
  key: singleLine(200).min(1),
  /** One post per channel (at least one). */
  channels: z.array(channelKeySchema).min(1, 'Bitte mindestens einen Kanal wählen.').max(CHANNEL_KEYS.length),
  /** The text to start from (default: the proposal's). */
  text: multiLine(MAX_POST_TEXT).optional(),
  /** The planned time (default: the proposal's suggested time). */
  plannedAt: localDateTime.nullable().optional(),
});
export type OnlineProposalTakeInput = z.input<typeof onlineProposalTakeInputSchema>;

export const onlineProposalDismissInputSchema = z.strictObject({ key: singleLine(200).min(1) });
