import crypto from 'node:crypto';
import fs from 'node:fs';
import type { z } from 'zod';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import {
  channelRulesSchema,
  type OnlinePlanItem,
  type OnlinePost,
  type onlinePostInputSchema,
  type OnlineSettings,
  type OnlineTopic,
  type PostMedia,
  type PostMediaFile,
} from '../../api/schemas/online';
import { checkMediaFile, MEDIA_FILE_TYPES, mediaKindMismatch } from '../../domain/online/media-files';
import type { Uploads } from '../uploads/uploads-service';
import { addDays } from '../../domain/calendar/time';
import { CHANNEL_KEYS, CHANNEL_NAMES, DEFAULT_CHANNEL_RULES, type ChannelKey } from '../../domain/online/channels';
import { checkPost, type CheckResult, type MediaItem } from '../../domain/online/check';
import { postedText } from '../../domain/online/posted-text';
import { planWarnings } from '../../domain/online/plan-warnings';
import type { OfficeSettings } from '../../api/schemas/letters';
import type { ExportPost } from '../../documents/online-exports';
import { formatDateNumeric, isoDateInBerlin } from '../../domain/dates/format';
import { fileContent, fileNameOf, fileNamePart } from '../file-content';
import { applyPostStep, checkPlannedAt, nextPostSteps, POST_STATUS_LABELS, POST_STEP_LABELS, postStatusAfterEdit } from '../../domain/online/post-rules';
import { audit } from '../audit';
import { crisisRepository } from './crisis-repository';
import type { ServiceDeps } from '../deps';
import { settingsRepository } from '../settings/repository';
import { onlineRepository, type OnlinePostRow, type OnlineTopicRow } from './repository';

/** The document builders (docx is large) load with the first document, not at start. */
const documents = () => import('../../documents/online-exports');

type OnlineHandlers = Pick<
  Handlers,
  | 'online.check'
  | 'online.settings'
  | 'online.settings.save'
  | 'online.topics.list'
  | 'online.topics.get'
  | 'online.topics.save'
  | 'online.posts.list'
  | 'online.plan'
  | 'online.export'
  | 'online.posts.get'
  | 'online.posts.mediaFile'
  | 'online.posts.save'
  | 'online.posts.step'
>;

/** Days one list may span at most (a year and a little: the plan's year view). */
const MAX_LIST_DAYS = 400;

const invalid = (message: string, path: string) => new AppError('INVALID_INPUT', message, { issues: [{ path: [path], message }] });

/** The end (exclusive) of the days from–to, or a German refusal of a range the wrong way round or too long. */
function endOfRange(from: string, to: string): string {
  if (to < from) throw invalid('Das Ende des Zeitraums liegt vor seinem Beginn.', 'to');
  const end = addDays(to, 1);
  if (addDays(from, MAX_LIST_DAYS) < end) throw invalid(`Bitte höchstens ${MAX_LIST_DAYS} Tage auf einmal abrufen.`, 'to');
  return end;
}

/** Where the posts' image and video files are kept (deps.files): "Online/<post>/<time>-<id>-<name>". */
export const ONLINE_FILES_FOLDER = 'Online';

/** A post's media entry as stored (JSON) and given out: its details and its file (null: none). */
type StoredMedia = PostMedia & { file: PostMediaFile | null };

/** A file as stored in a media entry (JSON), null when it is missing or not well-formed. */
const mediaFileOf = (stored: unknown): PostMediaFile | null => {
  const f = stored as { key?: unknown; fileName?: unknown; size?: unknown; type?: unknown } | null;
  return f && typeof f.key === 'string' && typeof f.fileName === 'string' && typeof f.size === 'number' && typeof f.type === 'string' && f.type in MEDIA_FILE_TYPES
    ? { key: f.key, fileName: f.fileName, size: f.size, type: f.type as PostMediaFile['type'] }
    : null;
};

/** Media as stored (JSON): only well-formed entries (credit, rights date and file added later: missing is empty). */
const mediaOf = (stored: unknown): StoredMedia[] =>
  Array.isArray(stored)
    ? stored.flatMap((m: { kind?: unknown; alt?: unknown; credit?: unknown; rightsUntil?: unknown; file?: unknown }) =>
        m && (m.kind === 'image' || m.kind === 'video')
          ? [
              {
                kind: m.kind,
                alt: typeof m.alt === 'string' ? m.alt : '',
                credit: typeof m.credit === 'string' ? m.credit : '',
                rightsUntil: typeof m.rightsUntil === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(m.rightsUntil) ? m.rightsUntil : null,
                file: mediaFileOf(m.file),
              },
            ]
          : [],
      )
    : [];
/** The keys of a post's media files. */
const fileKeysOf = (media: readonly StoredMedia[]): string[] => media.flatMap((m) => (m.file ? [m.file.key] : []));

/** A post as the plan shows it. */
export const planItemOf = ({ post: row, topic }: { post: OnlinePostRow; topic: string | null }): OnlinePlanItem => ({
  id: row.id,
  topicId: row.topicId,
  topic,
  channel: row.channel,
  channelName: CHANNEL_NAMES[row.channel],
  text: row.text,
  at: (row.publishedAt ?? row.plannedAt)!,
  plannedAt: row.plannedAt,
  publishedAt: row.publishedAt,
  status: row.status,
  movable: row.status !== 'veroeffentlicht' && row.publishedAt === null,
  paused: row.pausedAt !== null,
  lapsed: row.lapsedAt !== null,
  revision: row.revision,
});

/**
 * The editorial plan (Redaktionsplan) of the city's online communication: topics, and their posts
 * per channel with the workflow of core/domain/online/post-rules.ts; every post is checked against
 * its channel (core/domain/online/check.ts) with the limits of the settings (`online.settings`),
 * and the check runs again when the post is approved. Every change is recorded in the audit log.
 */
export function createOnlineService(deps: ServiceDeps, office: () => Promise<OfficeSettings>, uploads: Uploads) {
  const repo = onlineRepository(deps.engine);
  const crisis = crisisRepository(deps.engine);
  const settingsRows = settingsRepository(deps.engine);
  const SETTINGS_KEY = 'online';

  /** The settings as staff saved them; a channel they never saved (or one added since) has today's defaults. */
  const settings = async (): Promise<OnlineSettings> => {
    const saved = await settingsRows.getSetting(SETTINGS_KEY);
    const channels = typeof saved === 'object' && saved !== null ? (saved as { channels?: Record<string, unknown> }).channels : undefined;
    return {
      channels: Object.fromEntries(
        CHANNEL_KEYS.map((key) => [key, channelRulesSchema.safeParse(channels?.[key]).data ?? DEFAULT_CHANNEL_RULES[key]]),
      ) as OnlineSettings['channels'],
    };
  };

  const check = (channel: ChannelKey, text: string, media: readonly MediaItem[], current: OnlineSettings, on?: string): CheckResult =>
    checkPost(channel, text, media, current.channels[channel], { on });
  /** The day a post goes out: when it was published, else its planned day, but not before today. */
  const dayOut = (row: OnlinePostRow) => {
    if (row.publishedAt) return row.publishedAt.slice(0, 10);
    const today = isoDateInBerlin(deps.now());
    const planned = row.plannedAt?.slice(0, 10);
    return planned && planned > today ? planned : today;
  };
  const checkOf = (row: OnlinePostRow, current: OnlineSettings) => check(row.channel, postedText(row.text, row.link), mediaOf(row.media), current, dayOut(row));

  const toTopic = (row: OnlineTopicRow, postCount: number): OnlineTopic => ({
    id: row.id,
    title: row.title,
    goal: row.goal,
    owner: row.owner,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    postCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    revision: row.revision,
  });
  const toPost = ({ post: row, topic }: { post: OnlinePostRow; topic: string | null }, current: OnlineSettings): OnlinePost => ({
    id: row.id,
    topicId: row.topicId,
    topic,
    channel: row.channel,
    channelName: CHANNEL_NAMES[row.channel],
    text: row.text,
    link: row.link,
    media: mediaOf(row.media),
    plannedAt: row.plannedAt,
    status: row.status,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt,
    publishedAt: row.publishedAt,
    publishedUrl: row.publishedUrl,
    origin: row.origin,
    notBefore: row.notBefore,
    check: checkOf(row, current),
    steps: nextPostSteps(row.status),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    revision: row.revision,
  });

  const mustFindTopic = async (id: number): Promise<OnlineTopicRow> => {
    const row = await repo.topic(id);
    if (!row) throw new AppError('NOT_FOUND', `Das Thema Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };
  const mustFindPost = async (id: number) => {
    const row = await repo.post(id);
    if (!row) throw new AppError('NOT_FOUND', `Der Beitrag Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };
  const post = async (id: number) => toPost(await mustFindPost(id), await settings());

  const postValuesOf = async (input: z.output<typeof onlinePostInputSchema>) => {
    if (input.topicId !== null && !(await repo.topic(input.topicId))) {
      throw new AppError('NOT_FOUND', `Das Thema Nr. ${input.topicId} wurde nicht gefunden.`, { topicId: input.topicId });
    }
    return { topicId: input.topicId, channel: input.channel, text: input.text, link: input.link, media: input.media, plannedAt: input.plannedAt };
  };

  /**
   * Writes a post's values (its media with their files already stored) inside the save's
   * transaction: a new post (`previous` null, its row inserted with `id`) becomes an idea or a
   * draft; an edit changes the state as post-rules say (a published post is refused, changed
   * content voids the approval).
   */
  const savePost = async (previous: OnlinePostRow | null, id: number, values: Omit<Awaited<ReturnType<typeof postValuesOf>>, 'media'> & { media: StoredMedia[] }) => {
    // What the edit does to the state first: a published post is refused whatever changed.
    const edit = previous
      ? postStatusAfterEdit(previous.status, {
          content:
            values.channel !== previous.channel ||
            values.text !== previous.text ||
            values.link !== previous.link ||
            JSON.stringify(values.media) !== JSON.stringify(mediaOf(previous.media)),
          schedule: values.plannedAt !== previous.plannedAt,
          unscheduled: values.plannedAt === null && previous.plannedAt !== null,
        })
      : null;
    if (previous && edit && !edit.ok) throw new AppError('CONFLICT', edit.message, { id: previous.id, status: previous.status });
    const problem = checkPlannedAt(values.plannedAt, previous?.plannedAt ?? null, deps.now(), previous?.notBefore ?? null);
    if (problem) throw invalid(problem, 'plannedAt');
    const at = deps.now().toISOString();
    let status: OnlinePostRow['status'];
    let voided = false;
    if (previous && edit?.ok) {
      voided = edit.approvalVoid && previous.approvedBy !== null;
      status = edit.status;
      // A new time ends a lapse of crisis mode (the post was not published at the one that passed).
      const newTime = values.plannedAt !== null && values.plannedAt !== previous.plannedAt;
      await repo.updatePost(
        { id: previous.id, revision: previous.revision },
        { ...values, status, ...(edit.approvalVoid ? { approvedBy: null, approvedAt: null } : {}), ...(newTime ? { lapsedAt: null } : {}) },
        at,
      );
    } else {
      status = values.text.trim() ? 'entwurf' : 'idee';
      await repo.setNewPostMedia(id, values.media);
    }
    await audit(deps, {
      action: previous ? 'update' : 'create',
      entity: 'online-post',
      entityId: id,
      summary: `${CHANNEL_NAMES[values.channel]} (${POST_STATUS_LABELS[status]})${voided ? ', Freigabe aufgehoben' : ''}`,
    });
    return post(id);
  };

  /** The plan's posts of the days from–to (optionally only some channels) with its clusters and silences. */
  const planOf = async (from: string, to: string, channels?: readonly ChannelKey[]) => {
    const rows = await repo.postsBetween(from, endOfRange(from, to), channels);
    const all = rows.map(planItemOf);
    // What goes out: withdrawn posts neither make a cluster nor fill a silence. The warnings look
    // at every post of the channels shown (the audience sees all topics); watched for silences
    // are the channels shown that the office uses (a post on them at any time).
    const out = all.filter((i) => i.status !== 'zurueckgezogen');
    const used = await repo.usedChannels();
    const watched = (channels ?? CHANNEL_KEYS).filter((key) => used.includes(key));
    return { rows, all, warnings: planWarnings(out, { from, to }, watched) };
  };
  /**
   * The posts of the plan as the files need them; their media files named as in the export
   * ("Beitrag-12-Bild-1-Hafen-bei-Nacht.jpg": transliterated, nothing but letters, digits and
   * hyphens, so no name can lead out of its folder), with their bytes when `withFiles`.
   */
  const exportPosts = (rows: ReadonlyArray<{ post: OnlinePostRow; topic: string | null }>, withFiles = false): Promise<ExportPost[]> =>
    Promise.all(
      rows.map(async ({ post: row, topic }) => ({
        id: row.id,
        channelName: CHANNEL_NAMES[row.channel],
        topic,
        text: row.text,
        link: row.link,
        media: await Promise.all(
          mediaOf(row.media).map(async ({ file, ...m }, i) => {
            if (!file) return m;
            const name = fileNameOf([`Beitrag ${row.id}`, `${m.kind === 'image' ? 'Bild' : 'Video'} ${i + 1}`, file.fileName.replace(/\.[^.]*$/, '')], MEDIA_FILE_TYPES[file.type].extension);
            if (!withFiles) return { ...m, file: { name } };
            const bytes = await deps.files.get(file.key);
            if (!bytes) throw new AppError('NOT_FOUND', `Die Datei „${file.fileName}“ von Beitrag Nr. ${row.id} fehlt (${deps.files.place(file.key)}).`, { id: row.id });
            return { ...m, file: { name, bytes } };
          }),
        ),
        at: (row.publishedAt ?? row.plannedAt)!,
        statusLabel: POST_STATUS_LABELS[row.status],
      })),
    );

  const handlers: OnlineHandlers = {
    'online.check': async ({ channel, text, media, on }) => check(channel, text, media ?? [], await settings(), on),

    'online.settings': () => settings(),

    'online.settings.save': (input) =>
      deps.engine.transaction(async () => {
        await settingsRows.putSetting(SETTINGS_KEY, input, deps.now().toISOString());
        const changed = CHANNEL_KEYS.filter((key) => JSON.stringify(input.channels[key]) !== JSON.stringify(DEFAULT_CHANNEL_RULES[key]));
        await audit(deps, {
          action: 'update',
          entity: 'settings',
          summary: `Regeln der Online-Kanäle${changed.length ? ` (abweichend: ${changed.map((key) => CHANNEL_NAMES[key]).join(', ')})` : ''}`,
        });
        return settings();
      }),

    'online.topics.list': async () => (await repo.topics()).map(({ topic, postCount }) => toTopic(topic, postCount)),

    'online.topics.get': async ({ id }) => {
      const row = await mustFindTopic(id);
      const current = await settings();
      const posts = (await repo.postsOfTopic(id)).map((p) => toPost(p, current));
      return { ...toTopic(row, posts.length), posts };
    },

    'online.topics.save': ({ id, revision, ...values }) =>
      deps.engine.transaction(async () => {
        if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) throw invalid('Das Ende liegt vor dem Beginn des Themas.', 'endsOn');
        const at = deps.now().toISOString();
        if (id) await mustFindTopic(id);
        const row = id ? await repo.updateTopic({ id, revision: revision! }, values, at) : await repo.insertTopic(values, at);
        await audit(deps, { action: id ? 'update' : 'create', entity: 'online-topic', entityId: row.id, summary: row.title });
        return toTopic(row, await repo.topicPostCount(row.id));
      }),

    'online.posts.list': async ({ from, to, channel, unplanned }) => {
      const end = endOfRange(from, to);
      const current = await settings();
      return (await repo.postsBetween(from, end, channel ? [channel] : undefined, unplanned)).map((p) => toPost(p, current));
    },

    'online.plan': async ({ from, to, channels, topicId }) => {
      const { all, warnings } = await planOf(from, to, channels);
      return { items: topicId === undefined ? all : all.filter((i) => i.topicId === topicId), warnings };
    },

    'online.export': async ({ what, from, to }) => {
      const settings = await office();
      const range = { office: [settings.stadt, settings.amt].filter(Boolean).join(' · '), internet: settings.internet, from, to };
      const span = [from, 'bis', to];
      if (what === 'plan-docx' || what === 'plan-xlsx') {
        const { rows, warnings } = await planOf(from, to);
        const posts = await exportPosts(rows.filter((r) => r.post.status !== 'zurueckgezogen'));
        const plan = { ...range, posts, warnings: warnings.map((w) => w.message) };
        return what === 'plan-docx'
          ? fileContent(fileNameOf(['Online-Redaktionsplan', ...span], 'docx'), await (await documents()).planDocx(plan))
          : fileContent(fileNameOf(['Online-Redaktionsplan', ...span], 'xlsx'), await (await documents()).planXlsx(plan));
      }
      // Nothing leaves the office unapproved: only approved (or already published) posts.
      const portal = what !== 'social';
      const channels = portal ? (['portal'] as const) : CHANNEL_KEYS.filter((key) => key !== 'portal' && key !== 'intranet');
      const rows = await repo.postsBetween(from, endOfRange(from, to), channels);
      const approved = rows.filter(({ post: p }) => p.status === 'freigegeben' || p.status === 'geplant' || p.status === 'veroeffentlicht');
      if (!approved.length) {
        const days = `vom ${formatDateNumeric(from)} bis ${formatDateNumeric(to)}`;
        throw new AppError('CONFLICT', portal ? `Für das Stadtportal ist ${days} keine freigegebene Meldung geplant.` : `In den sozialen Medien ist ${days} kein freigegebener Beitrag geplant.`, { what, from, to });
      }
      const posts = await exportPosts(approved, what !== 'portal-feed');
      if (what === 'portal-html') {
        // The page, and where its news have images, a .zip of the page and the images beside it.
        const { portalNewsHtml, portalNewsZip, mediaFilesOf } = await documents();
        const page = portalNewsHtml(posts, range);
        const name = (extension: string) => fileNameOf(['Stadtportal-Meldungen', ...span], extension);
        return Object.keys(mediaFilesOf(posts)).length
          ? fileContent(name('zip'), portalNewsZip(name('html'), page, posts))
          : fileContent(name('html'), new TextEncoder().encode(page));
      }
      if (what === 'portal-feed') return fileContent(fileNameOf(['Stadtportal-Feed', ...span], 'xml'), new TextEncoder().encode((await documents()).portalNewsFeed(posts, range, deps.now())));
      return fileContent(fileNameOf(['Social-Media-Beiträge', ...span], 'zip'), (await documents()).socialPostsZip(posts, fileNamePart));
    },

    'online.posts.get': ({ id }) => post(id),

    'online.posts.mediaFile': async ({ id, key }) => {
      const file = mediaOf((await mustFindPost(id)).post.media).find((m) => m.file?.key === key)?.file;
      if (!file) throw new AppError('NOT_FOUND', `Diese Datei gehört nicht (mehr) zum Beitrag Nr. ${id}.`, { id, key });
      const bytes = await deps.files.get(file.key);
      if (!bytes) throw new AppError('NOT_FOUND', `Die Datei „${file.fileName}“ fehlt (${deps.files.place(file.key)}).`, { id, key });
      return fileContent(file.fileName, bytes);
    },

    'online.posts.save': async (input) => {
      // The files first, before anything changes: each new one read and checked by its content,
      // those no longer named made ready to go with the row (see FileStore.removal).
      const before = input.id ? mediaOf((await mustFindPost(input.id)).post.media) : [];
      const kept = new Set(input.media.flatMap((m) => (m.file && 'key' in m.file ? [m.file.key] : [])));
      const incoming = input.media.map((m, i): { kept: PostMediaFile } | { upload: string; fileName: string; bytes: Uint8Array; type: PostMediaFile['type'] } | null => {
        if (!m.file) return null;
        if ('key' in m.file) {
          const known = before.find((b) => b.file?.key === (m.file as { key: string }).key)?.file;
          if (!known) throw invalid(`Die Datei von Bild oder Video ${i + 1} gehört nicht zu diesem Beitrag. Bitte den Beitrag neu laden.`, `media.${i}.file`);
          const mismatch = mediaKindMismatch(known.fileName, known.type, m.kind);
          if (mismatch) throw invalid(mismatch, `media.${i}.kind`);
          return { kept: known };
        }
        const upload = uploads.get(m.file.uploadId);
        const bytes = new Uint8Array(fs.readFileSync(upload.file));
        const checked = checkMediaFile(upload.fileName, bytes, m.kind);
        if (!checked.ok) throw invalid(checked.message, `media.${i}.file`);
        return { upload: m.file.uploadId, fileName: upload.fileName, bytes, type: checked.type };
      });
      const gone = fileKeysOf(before).filter((key) => !kept.has(key));
      const removal = await deps.files.removal(gone);
      const placed: string[] = [];
      let saved: OnlinePost;
      try {
        saved = await deps.engine.transaction(async () => {
          if (input.id) await repo.lockPost(input.id);
          const previous = input.id ? (await mustFindPost(input.id)).post : null;
          // Refused before the edit is judged: it was made on the post as loaded.
          if (previous) await repo.refuseUnlessCurrentPost(previous, input.revision!);
          // Changed by someone else since the files were looked at: nothing is stored.
          if (previous && JSON.stringify(fileKeysOf(mediaOf(previous.media))) !== JSON.stringify(fileKeysOf(before))) {
            throw new AppError('CONFLICT', 'Die Bilder und Videos dieses Beitrags wurden inzwischen geändert. Bitte den Beitrag neu laden.', { id: previous.id });
          }
          const { media: _media, ...values } = await postValuesOf(input);
          const id = previous?.id ?? (await repo.insertPost({ ...values, media: [], status: values.text.trim() ? 'entwurf' : 'idee' }, deps.now().toISOString()));
          /** The media with their files: new ones stored (deps.files) with the row, in the office database in this transaction. */
          const media: StoredMedia[] = [];
          for (const [i, m] of input.media.entries()) {
            const file = incoming[i];
            const entry = { kind: m.kind, alt: m.alt, credit: m.credit, rightsUntil: m.rightsUntil };
            if (!file) media.push({ ...entry, file: null });
            else if ('kept' in file) media.push({ ...entry, file: file.kept });
            else {
              const { extension } = MEDIA_FILE_TYPES[file.type];
              const key = `${ONLINE_FILES_FOLDER}/${id}/${deps.now().getTime()}-${crypto.randomUUID().slice(0, 8)}-${fileNamePart(file.fileName.replace(/\.[^.]*$/, '')) || 'Datei'}.${extension}`;
              placed.push(key);
              try {
                await deps.files.put(key, file.bytes);
              } catch (error) {
                throw new AppError('INTERNAL', `Die Datei „${file.fileName}“ konnte nicht abgelegt werden: ${(error as Error).message}`, { file: deps.files.place(key) });
              }
              media.push({ ...entry, file: { key, fileName: file.fileName, size: file.bytes.length, type: file.type } });
            }
          }
          const result = await savePost(previous, id, { ...values, media });
          await removal.inTransaction();
          return result;
        });
      } catch (error) {
        removal.undo();
        await deps.files.remove(placed);
        throw error;
      }
      removal.done();
      for (const file of incoming) if (file && 'upload' in file) uploads.discard(file.upload);
      return saved;
    },

    'online.posts.step': ({ id, revision, step, url }) =>
      deps.engine.transaction(async () => {
        // Locked before reading the status: two steps at once (approve and withdraw) see each other's.
        await repo.lockPost(id);
        const { post: row } = await mustFindPost(id);
        // Refused before the step is judged: it was chosen on the post as loaded.
        await repo.refuseUnlessCurrentPost(row, revision);
        // The check runs at approval, with the channel's rules as they are now.
        const problems = step === 'approve' ? checkOf(row, await settings()).problems : [];
        const outcome = applyPostStep(row, step, { now: deps.now(), user: deps.user, problems, url });
        if (!outcome.ok) throw new AppError('CONFLICT', outcome.message, { id, step, status: row.status, problems });
        const at = deps.now().toISOString();
        // In crisis mode a post scheduled now is paused like the others; one published goes into the crisis log.
        const inCrisis = (step === 'schedule' || step === 'publish') && (await crisis.active());
        await repo.updatePost({ id, revision }, { ...outcome.changes, ...(inCrisis && step === 'schedule' ? { pausedAt: at } : {}) }, at);
        if (inCrisis && step === 'publish') {
          await crisis.addLog({ kind: 'post', at, user: deps.user, channel: row.channel, postId: id, summary: row.text });
        }
        await audit(deps, { action: step, entity: 'online-post', entityId: id, summary: `${CHANNEL_NAMES[row.channel]}: ${POST_STEP_LABELS[step]}` });
        return post(id);
      }),
  };
  return { handlers };
}
