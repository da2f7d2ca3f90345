import type { z } from 'zod';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { OfficeSettings } from '../../api/schemas/letters';
import {
  SPEECH_KIND_LABELS,
  SPEECH_STATUS_LABELS,
  speechGreetingSchema,
  speechSettingsSchema,
  type Speech,
  type SpeechDetail,
  type SpeechSettings,
  type speechInputSchema,
} from '../../api/schemas/speeches';
import {
  bodyToPlainText,
  EMPTY_SPEECH_BODY,
  formatSpeakingTime,
  speakingSeconds,
  speechBodySchema,
  spokenWords,
  type SpeechBody,
} from '../../api/speech-body';
import { formatDateLong, formatDateNumeric, isoDateInBerlin } from '../../domain/dates/format';
import { composeGreeting } from '../../domain/speeches/greeting';
import { queryTerms, snippetOf } from '../../domain/text/search-terms';
import type { SpeechDocumentInput } from '../../documents/speech-documents';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { fileContent, fileNameOf } from '../file-content';
import type { RoleCatalogue } from '../reference/role-catalogue';
import { fullTextIndex, textBlockIndex } from '../search/full-text';
import { settingsRepository } from '../settings/repository';
import { speechesRepository, type SpeechVersionRow } from './repository';

/** The document builders (docx is large) load with the first document, not at start. */
const documents = () => import('../../documents/speech-documents');

type SpeechHandlers = Pick<
  Handlers,
  | 'speeches.greeting'
  | 'speeches.list'
  | 'speeches.get'
  | 'speeches.save'
  | 'speeches.versions'
  | 'speeches.version'
  | 'speeches.compare'
  | 'speeches.restore'
  | 'speeches.search'
  | 'speeches.document'
  | 'speeches.settings'
  | 'speeches.settings.save'
>;

const SETTINGS_KEY = 'speeches';
const WEEKDAY = new Intl.DateTimeFormat('de-DE', { weekday: 'long', timeZone: 'UTC' });

/** "Samstag, 19. Juni 2027, 15:00 Uhr" from a wall-clock "2027-06-19T15:00" (all day: no time). */
function describeOccasionDate(start: string, allDay: boolean): string {
  const day = start.slice(0, 10);
  const date = `${WEEKDAY.format(new Date(`${day}T00:00:00Z`))}, ${formatDateLong(day)}`;
  return allDay ? date : `${date}, ${start.slice(11, 16)} Uhr`;
}

/**
 * The speech register (speeches and Grußworte with their occasion, speaker, deadline and status),
 * their texts with every save kept as a version, German full-text search over speeches and text
 * blocks, the Word manuscripts, and the protocol order of greeting the guests.
 */
export function createSpeechesService(deps: ServiceDeps, catalogue: RoleCatalogue, office: () => Promise<OfficeSettings>) {
  const repo = speechesRepository(deps.engine);
  const settingsRepo = settingsRepository(deps.engine);
  const speechIndex = fullTextIndex(deps.engine, 'speech_search');
  const blockIndex = textBlockIndex(deps.engine);

  /** What of a speech the index holds: title and audience as the title, the newest text as the body. */
  const speechText = (row: { title: string; audience: string; text: string | null }) => ({ title: `${row.title} ${row.audience}`, text: row.text ?? '' });
  const indexSpeech = async (row: { id: number; title: string; audience: string; text: string | null }) => {
    const { title, text } = speechText(row);
    await speechIndex.put(row.id, title, text);
  };

  /**
   * Rows written without the index (before migration 0007, demo data, an older build): indexed
   * once, before the first search of this run (in a transaction of its own).
   */
  let indexing: Promise<void> | null = null;
  const indexed = () =>
    (indexing ??= deps.engine
      .transaction(async () => {
        if ((await speechIndex.count()) !== (await repo.count())) {
          await speechIndex.putMany((await repo.searchable()).map((row) => ({ id: row.id, ...speechText(row) })));
        }
        const blocks = await repo.allTextBlocks();
        if ((await blockIndex.count()) !== blocks.length) await blockIndex.putMany(blocks);
      })
      .catch((error: unknown) => {
        indexing = null;
        throw error;
      }));

  type Found = NonNullable<Awaited<ReturnType<typeof repo.find>>>;
  const toSpeech = ({ speech, speakerName, speakerOffice, version, words }: Found): Speech => ({
    id: speech.id,
    title: speech.title,
    kind: speech.kind,
    speakerId: speech.speakerId,
    speaker: speakerName ? `${speakerName}, ${speakerOffice}` : null,
    appointmentId: speech.appointmentId,
    invitationId: speech.invitationId,
    audience: speech.audience,
    targetMinutes: speech.targetMinutes,
    deadline: speech.deadline,
    author: speech.author,
    status: speech.status,
    notes: speech.notes,
    background: speech.background,
    greeting: speech.greeting === null ? null : (speechGreetingSchema.safeParse(speech.greeting).data ?? null),
    version: version ?? null,
    words: words ?? 0,
    overdue: speech.deadline !== null && !['freigegeben', 'gehalten'].includes(speech.status) && speech.deadline < isoDateInBerlin(deps.now()),
    createdAt: speech.createdAt,
    updatedAt: speech.updatedAt,
    revision: speech.revision,
  });

  const bodyOf = (version: SpeechVersionRow | undefined): SpeechBody => {
    if (!version) return EMPTY_SPEECH_BODY;
    const parsed = speechBodySchema.safeParse(version.body);
    return parsed.success ? parsed.data : EMPTY_SPEECH_BODY;
  };

  const mustFind = async (id: number) => {
    const row = await repo.find(id);
    if (!row) throw new AppError('NOT_FOUND', `Die Rede Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };
  const detail = async (id: number): Promise<SpeechDetail> => ({ ...toSpeech(await mustFind(id)), body: bodyOf(await repo.latestVersion(id)) });

  const mustFindVersion = async (id: number) => {
    const row = await repo.version(id);
    if (!row) throw new AppError('NOT_FOUND', `Die Fassung Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };
  const versionMeta = ({ body: _body, plainText: _text, ...meta }: SpeechVersionRow) => meta;

  const valuesOf = async (input: z.output<typeof speechInputSchema>) => {
    const links = [
      ['signer', input.speakerId, 'Die unterzeichnende Person'],
      ['appointment', input.appointmentId, 'Der Termin'],
      ['invitation', input.invitationId, 'Die Einladung'],
    ] as const;
    for (const [table, id, what] of links) {
      if (id !== null && !(await repo.exists(table, id))) throw new AppError('NOT_FOUND', `${what} Nr. ${id} wurde nicht gefunden.`, { [table]: id });
    }
    const { id: _id, revision: _revision, body: _body, greeting, ...values } = input;
    return greeting === undefined ? values : { ...values, greeting };
  };

  /** Stores `body` as a new version unless it equals the newest one; true if it did. */
  const addVersion = async (speechId: number, body: SpeechBody, note = ''): Promise<boolean> => {
    const latest = await repo.latestVersion(speechId);
    if (latest && JSON.stringify(latest.body) === JSON.stringify(body)) return false;
    if (!latest && JSON.stringify(body) === JSON.stringify(EMPTY_SPEECH_BODY)) return false;
    await repo.insertVersion({
      speechId,
      body,
      plainText: bodyToPlainText(body),
      words: spokenWords(body),
      savedAt: deps.now().toISOString(),
      savedBy: deps.user,
      note,
    });
    return true;
  };

  const reindex = async (id: number) => {
    const [row] = await repo.searchable([id]);
    if (row) await indexSpeech(row);
  };

  const settings = async (): Promise<SpeechSettings> =>
    speechSettingsSchema.safeParse((await settingsRepo.getSetting(SETTINGS_KEY)) ?? {}).data ?? { wordsPerMinute: 110 };

  const documentInput = async (id: number): Promise<SpeechDocumentInput> => {
    const found = await mustFind(id);
    const { speech } = found;
    const version = await repo.latestVersion(id);
    const body = bodyOf(version);
    const occasion = speech.appointmentId ? await repo.occasion(speech.appointmentId) : undefined;
    const words = spokenWords(body);
    const time = formatSpeakingTime(speakingSeconds(words, (await settings()).wordsPerMinute));
    const own = await office();
    const target = speech.targetMinutes ? `; Vorgabe ${speech.targetMinutes} Min.` : '';
    const savedAt = version ? new Date(version.savedAt) : null;
    return {
      office: `${own.stadt} · ${own.dienststelle}`,
      title: speech.title,
      kindLabel: SPEECH_KIND_LABELS[speech.kind],
      occasion: occasion?.title ?? null,
      date: occasion ? describeOccasionDate(occasion.start, occasion.allDay) : null,
      place: occasion?.place || null,
      speakerName: found.speakerName ?? null,
      speakerOffice: found.speakerOffice ?? null,
      speakingTime: `ca. ${time} (${words} ${words === 1 ? 'Wort' : 'Wörter'}${target})`,
      statusLabel: SPEECH_STATUS_LABELS[speech.status],
      version:
        version && savedAt
          ? `Fassung ${version.number} vom ${formatDateNumeric(isoDateInBerlin(savedAt))}, ${new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(savedAt)} Uhr`
          : null,
      body,
    };
  };

  const handlers: SpeechHandlers = {
    'speeches.greeting': (input) => composeGreeting(input, catalogue.map()),
    'speeches.list': async (filter) => (await repo.list(filter)).map(toSpeech),
    'speeches.get': ({ id }) => detail(id),
    'speeches.save': (input) =>
      deps.engine.transaction(async () => {
        const at = deps.now().toISOString();
        // Locked first: two saves at once number their versions one after the other.
        if (input.id) await repo.lock(input.id);
        const row = input.id
          ? await repo.update({ id: (await mustFind(input.id)).speech.id, revision: input.revision! }, await valuesOf(input), at)
          : await repo.insert(await valuesOf(input), at);
        const versioned = input.body !== undefined && (await addVersion(row.id, input.body));
        await reindex(row.id);
        const number = versioned ? (await repo.latestVersion(row.id))?.number : undefined;
        await audit(deps, {
          action: input.id ? 'update' : 'create',
          entity: 'speech',
          entityId: row.id,
          summary: `${row.title} (${row.status})${number ? `, Fassung ${number}` : ''}`,
        });
        return detail(row.id);
      }),
    'speeches.versions': async ({ id }) => {
      await mustFind(id);
      return repo.versions(id);
    },
    'speeches.version': async ({ id }) => {
      const row = await mustFindVersion(id);
      return { ...versionMeta(row), body: bodyOf(row), plainText: row.plainText };
    },
    'speeches.compare': async ({ from, to }) => {
      const [a, b] = [await mustFindVersion(from), await mustFindVersion(to)];
      if (a.speechId !== b.speechId) throw new AppError('INVALID_INPUT', 'Verglichen werden können nur Fassungen derselben Rede.', { from, to });
      // The diff library loads with the first comparison, not at start.
      const { compareTexts } = await import('../../domain/speeches/compare');
      return { from: versionMeta(a), to: versionMeta(b), ...compareTexts(a.plainText, b.plainText) };
    },
    'speeches.restore': ({ versionId, revision }) =>
      deps.engine.transaction(async () => {
        const old = await mustFindVersion(versionId);
        await repo.lock(old.speechId);
        // Refused before a version is added: the text is restored on the speech as loaded.
        await repo.refuseUnlessCurrent((await mustFind(old.speechId)).speech, revision);
        if (await addVersion(old.speechId, bodyOf(old), `wiederhergestellt aus Fassung ${old.number}`)) {
          await repo.update({ id: old.speechId, revision }, {}, deps.now().toISOString());
          await reindex(old.speechId);
          await audit(deps, { action: 'update', entity: 'speech', entityId: old.speechId, summary: `Fassung ${old.number} wiederhergestellt` });
        }
        return detail(old.speechId);
      }),
    'speeches.search': async ({ text, limit }) => {
      await indexed();
      const terms = queryTerms(text);
      const speechIds = await speechIndex.search(text, limit);
      const rows = new Map((await repo.list({ ids: speechIds })).map((r) => [r.speech.id, r]));
      const texts = new Map((await repo.searchable(speechIds)).map((r) => [r.id, r.text ?? '']));
      const blocks = new Map((await repo.textBlocks(await blockIndex.search(text, limit))).map((b) => [b.id, b]));
      return {
        speeches: speechIds.flatMap((id) => {
          const row = rows.get(id);
          if (!row) return [];
          const speech = toSpeech(row);
          return [
            {
              id,
              title: speech.title,
              kind: speech.kind,
              status: speech.status,
              speaker: speech.speaker,
              date: row.occasionStart?.slice(0, 10) ?? speech.deadline,
              audience: speech.audience,
              snippet: snippetOf(texts.get(id) || speech.audience, terms),
            },
          ];
        }),
        textBlocks: [...blocks.values()].map((b) => ({ id: b.id, title: b.title, category: b.category, snippet: snippetOf(b.text, terms) })),
      };
    },
    'speeches.document': async ({ id, format }) => {
      const input = await documentInput(id);
      if (format === 'manuskript') return { ...fileContent(fileNameOf(['Redemanuskript', input.title], 'docx'), await (await documents()).speechManuscriptDocx(input)), warnings: [] };
      const { bytes, warnings } = await (await documents()).festschriftGrusswortDocx(input);
      return { ...fileContent(fileNameOf(['Grußwort-Festschrift', input.title], 'docx'), bytes), warnings };
    },
    'speeches.settings': () => settings(),
    'speeches.settings.save': (input) =>
      deps.engine.transaction(async () => {
        await settingsRepo.putSetting(SETTINGS_KEY, input, deps.now().toISOString());
        await audit(deps, { action: 'update', entity: 'settings', summary: `Redetempo ${input.wordsPerMinute} Wörter pro Minute` });
        return settings();
      }),
  };
  return { handlers, list: async (filter: { appointmentId?: number }) => (await repo.list(filter)).map(toSpeech) };
}
