import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Handlers } from '../../api/contract';
import { postalLines } from '../../api/contact-person';
import { AppError } from '../../api/errors';
import {
  REQUEST_CHANNEL_LABELS,
  REQUEST_KIND_LABELS,
  type CitizenRequest,
  type RequestListItem,
  type citizenInputSchema,
  type requestStepSchema,
} from '../../api/schemas/citizen-requests';
import type { letterDraftSchema, OfficeSettings, Recipient, TemplateManifestEntry } from '../../api/schemas/letters';
import { composeAddress } from '../../domain/addressing';
import { formatDateLong, isoDateInBerlin } from '../../domain/dates/format';
import { applyStep, isFollowUpDue, isOverdue, nextSteps, type Reachability, type WorkflowRequest, type WorkflowStep } from '../../domain/requests/workflow';
import { foldGerman } from '../../domain/text/fold';
import { matchExpression, queryTerms } from '../../domain/text/search-terms';
import { composeRequestEmail, REQUEST_EMAIL_BLOCK_TITLES, type RequestEmailKind, type RequestEmailValues } from '../../documents/request-emails';
import { audit } from '../audit';
import type { Engine } from '../../../db/engine';
import type { ServiceDeps } from '../deps';
import { citizenName, storeCitizen, toCitizen } from '../citizens/citizens';
import { citizenRecords } from '../citizens/repository';
import { fullTextIndex } from '../search/full-text';
import { fullTextIndexSync } from '../search/full-text-sync';
import { fullTextCount } from '../search/repository';
import type { Uploads } from '../uploads/uploads-service';
import { requestsRepository, type CitizenRow, type RequestListRow, type RequestRow } from './repository';

type RequestHandlers = Pick<
  Handlers,
  | 'requests.list'
  | 'requests.get'
  | 'requests.save'
  | 'requests.step'
  | 'requests.followUp'
  | 'requests.history'
  | 'requests.related'
  | 'requests.link'
  | 'requests.unlink'
  | 'requests.attach'
  | 'requests.attachment'
  | 'requests.detach'
  | 'requests.importEml'
  | 'requests.departments'
  | 'requests.departments.save'
  | 'citizens.search'
>;
type LetterDraftOutput = z.output<typeof letterDraftSchema>;
type StepInput = z.output<typeof requestStepSchema>;

/** The templates of templates/manifest.json the workflow drafts letters from. */
export const REQUEST_TEMPLATES = { acknowledge: 'eingangsbestaetigung', answer: 'buergeranliegen' } as const;
/** Folder of the attachments below the data folder. */
export const REQUEST_FILES_FOLDER = 'Anliegen';
/** When no request has all the words typed (a question typed as a sentence): the best hits by relevance, at most these. */
const RELEVANCE_HITS = 500;
/** Related requests: same category and district within this many days; at most this many proposals. */
const RELATED_DAYS = 90;
const RELATED_LIMIT = 10;

/** How the request came, as a department e-mail says it ("eingegangen am …, per E-Mail"). */
const CHANNEL_PHRASES: Record<RequestRow['channel'], string> = {
  brief: 'per Brief',
  email: 'per E-Mail',
  telefon: 'telefonisch',
  persoenlich: 'persönlich',
  buergergespraech: 'beim Bürgergespräch',
  buergerspaziergang: 'beim Bürgerspaziergang',
  social_media: 'in den sozialen Medien',
};
/** How the reply letter refers to the request ("vielen Dank für Ihre E-Mail vom …"). */
const REFERENCE_BY_CHANNEL: Record<RequestRow['channel'], string> = {
  brief: 'Ihr Schreiben',
  email: 'Ihre E-Mail',
  telefon: 'Ihr Anliegen',
  persoenlich: 'Ihr Anliegen',
  buergergespraech: 'Ihr Anliegen',
  buergerspaziergang: 'Ihr Anliegen',
  social_media: 'Ihr Anliegen',
};

/** A safe file name for the data folder (no path parts, no characters Windows refuses). */
const safeName = (name: string) => path.basename(name).replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').slice(0, 150) || 'Anhang';
const long = (date: string) => formatDateLong(date);


type IndexedRequest = { id: number; subject: string; place: string; text: string; statementText: string };
/** What of a request the index holds: subject and place as the title, the text and the statement as the body. */
const indexedText = (row: IndexedRequest) => [`${row.subject} ${row.place}`, `${row.text}\n${row.statementText}`] as const;

/** The index of the requests' texts (see indexedText). */
export function requestIndex(engine: Engine) {
  const index = fullTextIndex(engine, 'request_search');
  return {
    ...index,
    put: (row: IndexedRequest) => index.put(row.id, ...indexedText(row)),
    putMany: (rows: readonly IndexedRequest[]) =>
      index.putMany(
        rows.map((row) => {
          const [title, text] = indexedText(row);
          return { id: row.id, title, text };
        }),
      ),
  };
}

/** The same index on the synchronous handle, for rows written in a synchronous transaction (tests, benchmarks). */
export function requestIndexSync(db: Parameters<typeof fullTextIndexSync>[0]) {
  const index = fullTextIndexSync(db, 'request_search');
  return {
    ...index,
    put: (row: IndexedRequest) => index.put(row.id, ...indexedText(row)),
  };
}

/**
 * Requests to the mayor (Anliegenmanagement): recorded with the person (kept apart from the
 * contacts), worked through the workflow of core/domain/requests/workflow.ts with a history of
 * who did what, linked to related ones, with attachments and e-mails imported from .eml files.
 * Every view of a request (`requests.get`) and every change is recorded in the audit log (DSGVO).
 */
export function createRequestsService(
  deps: ServiceDeps,
  more: { uploads: Uploads; office: () => Promise<OfficeSettings>; templates: () => readonly TemplateManifestEntry[] },
) {
  const repo = requestsRepository(deps.engine);
  const index = requestIndex(deps.engine);
  const matchCount = (expression: string) => fullTextCount(deps.engine, 'request_search', expression);
  const today = () => isoDateInBerlin(deps.now());
  const at = () => deps.now().toISOString();

  /** Keeps the full-text index current; an anonymised request's text is not searchable. */
  const reindex = async (row: RequestRow) => (row.anonymisedAt === null ? index.put(row) : index.remove(row.id));

  /**
   * Rows written without the index (demo data of an older build, a restored backup): indexed
   * once, before the first search of this run (in a transaction of its own).
   */
  let indexing: Promise<void> | null = null;
  const indexed = () =>
    (indexing ??= deps.engine
      .transaction(async () => {
        if ((await index.count()) !== (await repo.countSearchable())) await index.putMany(await repo.searchable());
      })
      .catch((error: unknown) => {
        indexing = null;
        throw error;
      }));

  // ------------------------------------------------------------------ reading

  const reachOf = (c: CitizenRow | null): Reachability =>
    c ? { post: Boolean(c.street.trim() && c.city.trim()), email: Boolean(c.email.trim()) } : null;

  const workflowOf = (row: RequestRow, citizen: CitizenRow | null): WorkflowRequest => ({
    kind: row.kind,
    status: row.status,
    contact: reachOf(citizen),
    acknowledgedOn: row.acknowledgedOn,
    statementRequestedOn: row.statementRequestedOn,
    statementDue: row.statementDue,
    statementReceivedOn: row.statementReceivedOn,
    statementUnnecessary: row.statementUnnecessary,
    answeredOn: row.answeredOn,
    closedOn: row.closedOn,
    followUpOn: row.followUpOn,
  });

  type Found = NonNullable<Awaited<ReturnType<typeof repo.find>>>;
  const toRequest = async ({ request: row, department, citizen }: Found): Promise<CitizenRequest> => {
    const t = today();
    return {
      id: row.id,
      kind: row.kind,
      channel: row.channel,
      citizen: citizen ? toCitizen(citizen) : null,
      subject: row.subject,
      text: row.text,
      category: row.category,
      district: row.district,
      place: row.place,
      receivedOn: row.receivedOn,
      link: row.link,
      status: row.status,
      acknowledgedOn: row.acknowledgedOn,
      departmentId: row.departmentId,
      department,
      statementRequestedOn: row.statementRequestedOn,
      statementDue: row.statementDue,
      statementReceivedOn: row.statementReceivedOn,
      statementText: row.statementText,
      statementUnnecessary: row.statementUnnecessary,
      remindedOn: row.remindedOn,
      answeredOn: row.answeredOn,
      replyLetterId: row.replyLetterId,
      closedOn: row.closedOn,
      followUpOn: row.followUpOn,
      eventId: row.eventId,
      anonymised: row.anonymisedAt !== null,
      overdue: isOverdue(row, t),
      followUpDue: isFollowUpDue(row, t),
      nextSteps: nextSteps(workflowOf(row, citizen), t),
      attachments: (await repo.attachments(row.id)).map((a) => ({ id: a.id, fileName: a.fileName, size: a.size })),
      links: await repo.links(row.id),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      revision: row.revision,
    };
  };

  const toListItem = (row: RequestListRow, t: string): RequestListItem => ({
    id: row.id,
    kind: row.kind,
    channel: row.channel,
    subject: row.subject,
    category: row.category,
    district: row.district,
    receivedOn: row.receivedOn,
    status: row.status,
    department: row.department,
    statementDue: row.statementDue,
    followUpOn: row.followUpOn,
    overdue: isOverdue(row, t),
    followUpDue: isFollowUpDue(row, t),
    anonymised: row.anonymisedAt !== null,
    revision: row.revision,
    citizenName:
      row.citizenSurname !== null ? citizenName({ degrees: row.citizenDegrees ?? '', givenName: row.citizenGivenName ?? '', surname: row.citizenSurname }) : null,
  });

  const mustFind = async (id: number): Promise<Found> => {
    const found = await repo.find(id);
    if (!found) throw new AppError('NOT_FOUND', `Das Anliegen Nr. ${id} wurde nicht gefunden.`, { id });
    return found;
  };

  // ------------------------------------------------------------------ writing helpers

  const history = (requestId: number, action: string, status: RequestRow['status'] | null, note = '') =>
    repo.addHistory({ requestId, at: at(), user: deps.user, action, status, note });

  const changed = (requestId: number, summary: string) => audit(deps, { action: 'update', entity: 'request', entityId: requestId, summary });

  /** Creates the person or updates her or his data (the shared citizen records); returns the id. */
  const saveCitizen = async (input: z.output<typeof citizenInputSchema>): Promise<number> => (await storeCitizen(deps, input)).id;

  const FIELD_LABELS: Partial<Record<keyof RequestRow, string>> = {
    kind: 'Art',
    channel: 'Eingangsweg',
    citizenId: 'Person',
    subject: 'Betreff',
    text: 'Text',
    category: 'Kategorie',
    district: 'Stadtbezirk',
    place: 'Ort',
    receivedOn: 'Eingangsdatum',
    followUpOn: 'Wiedervorlage',
    eventId: 'Veranstaltung',
    link: 'Link',
  };

  /** Where a request's file is kept: its key in deps.files (relative to the data folder), unique. */
  const attachmentKey = (requestId: number, fileName: string): string =>
    path.join(REQUEST_FILES_FOLDER, String(requestId), `${deps.now().getTime()}-${crypto.randomUUID().slice(0, 8)}-${safeName(fileName)}`);

  /**
   * Stores an attachment's file under `key` (deps.files), inside the transaction that records it:
   * in the office database both or neither; in the data folder the file is written atomically,
   * and the caller removes it when the transaction fails.
   */
  const storeAttachment = async (key: string, fileName: string, bytes: Uint8Array): Promise<void> => {
    try {
      await deps.files.put(key, bytes);
    } catch (error) {
      throw new AppError('INTERNAL', `Die Datei „${fileName}“ konnte nicht abgelegt werden: ${(error as Error).message}`, { file: deps.files.place(key) });
    }
  };

  // ------------------------------------------------------------------ letters and e-mails of the steps

  /** The person as the free recipient of a letter, addressed by the forms-of-address engine. */
  const recipientOf = (c: CitizenRow): Recipient => {
    const forms = composeAddress({ person: { gender: c.gender, degrees: c.degrees, givenName: c.givenName, surname: c.surname } }, new Map());
    return {
      type: 'free',
      name: citizenName(c),
      lines: [...forms.addressLines, ...postalLines(c)],
      salutation: forms.salutation,
      oralSalutation: forms.oralSalutation,
      closing: forms.closing,
    };
  };

  const templateEntry = (id: string): TemplateManifestEntry => {
    const entry = more.templates().find((t) => t.id === id);
    if (!entry) throw new AppError('NOT_FOUND', `Die Vorlage „${id}“ gibt es nicht.`, { id });
    return entry;
  };

  const headSigner = async () => {
    const head = await repo.headSigner();
    if (!head) {
      throw new AppError(
        'NOT_FOUND',
        'Es ist keine Oberbürgermeisterin bzw. kein Oberbürgermeister als unterzeichnende Person eingetragen (Einstellungen → Unterzeichnende, ohne „in Vertretung“).',
      );
    }
    return head;
  };

  const acknowledgementLetter = async (row: RequestRow, citizen: CitizenRow): Promise<LetterDraftOutput> => {
    const entry = templateEntry(REQUEST_TEMPLATES.acknowledge);
    return {
      templateId: entry.id,
      recipient: recipientOf(citizen),
      signerId: (await headSigner()).id,
      fields: { anlassDatum: row.receivedOn },
      subject: entry.subject,
      body: entry.body,
    };
  };

  /**
   * The reply from the "Antwort auf ein Bürgeranliegen" template: its first paragraph refers to
   * the request as it came (letter, e-mail, in person); its second paragraph (the department
   * was asked) is replaced by the statement's text, or left out when none was needed.
   */
  const answerLetter = (row: RequestRow, citizen: CitizenRow, signerId: number): LetterDraftOutput => {
    const entry = templateEntry(REQUEST_TEMPLATES.answer);
    const reference = (text: string) => text.replaceAll('Ihr Schreiben', REFERENCE_BY_CHANNEL[row.channel]);
    const paragraphs = entry.body.split(/\n\s*\n/);
    const statement = row.statementReceivedOn !== null && row.statementText.trim() ? row.statementText.trim() : null;
    const body = [paragraphs[0]!, ...(statement ? [statement] : []), ...paragraphs.slice(2)].map(reference).join('\n\n');
    return {
      templateId: entry.id,
      recipient: recipientOf(citizen),
      signerId,
      fields: { anlassDatum: row.receivedOn },
      subject: reference(entry.subject),
      body,
    };
  };

  const personLabel = (c: CitizenRow | null): string => {
    if (!c) return 'eine anonyme Person';
    const title = c.gender === 'female' ? 'Frau' : c.gender === 'male' ? 'Herr' : '';
    return [title, citizenName(c)].filter(Boolean).join(' ');
  };

  const emailValues = async (row: RequestRow, citizen: CitizenRow | null, department: string, note = ''): Promise<RequestEmailValues> => {
    const office = await more.office();
    const contact = office.contactPersons[0];
    const head = await repo.headSigner();
    const forms = citizen ? recipientOf(citizen) : null;
    return {
      anrede: forms && forms.type === 'free' ? `${forms.salutation},` : 'Guten Tag,',
      person: personLabel(citizen),
      nummer: String(row.id),
      betreff: row.subject,
      eingang: long(row.receivedOn),
      kanal: CHANNEL_PHRASES[row.channel],
      angaben: [
        `Art: ${REQUEST_KIND_LABELS[row.kind]}`,
        row.category && `Kategorie: ${row.category}`,
        row.district && `Stadtbezirk: ${row.district}`,
        row.place && `Ort: ${row.place}`,
      ]
        .filter(Boolean)
        .join('\n'),
      anliegen: row.text,
      fachbereich: department,
      frist: row.statementDue ? long(row.statementDue) : '',
      erbeten_am: row.statementRequestedOn ? long(row.statementRequestedOn) : '',
      hinweis: note ? `Hinweis: ${note}` : '',
      oberbuergermeister: head ? `${head.office} ${head.name}` : 'die Oberbürgermeisterin bzw. den Oberbürgermeister',
      ansprechpartner: contact?.name ?? '',
      telefon: contact?.phone ?? '',
      email: contact?.email ?? '',
      amt: office.amt,
      stadt: office.stadt,
    };
  };

  const email = async (kind: RequestEmailKind, to: string, values: RequestEmailValues) => ({
    to,
    ...composeRequestEmail(kind, values, await repo.textBlock(REQUEST_EMAIL_BLOCK_TITLES[kind])),
  });

  // ------------------------------------------------------------------ the workflow step

  const step = async (input: StepInput) => {
    // Locked before reading its state: two steps at once see each other's.
    await repo.lock(input.id);
    const { request: row, citizen } = await mustFind(input.id);
    await repo.refuseUnlessCurrent(row, input.revision);
    const t = today();
    const department =
      input.step === 'forward'
        ? await repo.department(input.departmentId)
        : input.step === 'remind' && row.departmentId !== null
          ? await repo.department(row.departmentId)
          : undefined;
    if (input.step === 'forward') {
      if (!department) throw new AppError('NOT_FOUND', `Den Fachbereich Nr. ${input.departmentId} gibt es nicht.`, { departmentId: input.departmentId });
      if (!department.active) throw new AppError('INVALID_INPUT', `Der Fachbereich „${department.name}“ ist nicht mehr aktiv; bitte einen anderen wählen.`);
    }
    const signer = input.step === 'answer' ? await repo.signer(input.signerId) : undefined;
    if (input.step === 'answer' && (!signer || !signer.active)) {
      throw new AppError('NOT_FOUND', `Die unterzeichnende Person Nr. ${input.signerId} gibt es nicht (mehr).`, { signerId: input.signerId });
    }
    if (input.step === 'replied' && !(await repo.letterExists(input.letterId))) {
      throw new AppError('NOT_FOUND', `Der Brief Nr. ${input.letterId} wurde nicht gefunden.`, { letterId: input.letterId });
    }
    if (input.step === 'acknowledge' && input.via === 'brief') await headSigner();

    const domainStep: WorkflowStep = input.step === 'answer' ? { step: 'answer' } : (input as WorkflowStep);
    const outcome = applyStep(workflowOf(row, citizen), domainStep, t);
    if (!outcome.ok) throw new AppError(outcome.code, outcome.message, { step: input.step, status: row.status });

    const { status, ...changes } = outcome.changes;
    const updated = await repo.update({ id: row.id, revision: input.revision }, { ...changes, status }, at());
    if (input.step === 'statement') await reindex(updated);

    const note = (() => {
      switch (input.step) {
        case 'forward':
          return `${department!.name}; Stellungnahme bis ${long(updated.statementDue!)}${input.note ? `. ${input.note}` : ''}`;
        case 'remind':
          return `${department?.name ?? 'Fachbereich'}; Frist war ${long(row.statementDue!)}`;
        case 'statement':
          return `eingegangen am ${long(input.receivedOn)}`;
        case 'answer':
          return `Unterschrift: ${signer!.name}${signer!.deputy ? ' (in Vertretung)' : ''}`;
        case 'replied':
          return `Brief Nr. ${input.letterId}`;
        default:
          return outcome.note;
      }
    })();
    await history(row.id, outcome.action, status !== row.status ? status : null, note);
    await changed(row.id, `${outcome.action}: ${row.subject}`);

    let letter: LetterDraftOutput | null = null;
    let mail: { to: string; subject: string; text: string } | null = null;
    if (input.step === 'acknowledge') {
      if (input.via === 'brief') letter = await acknowledgementLetter(updated, citizen!);
      else mail = await email('acknowledge', citizen!.email, await emailValues(updated, citizen, ''));
    } else if (input.step === 'answer') {
      letter = answerLetter(updated, citizen!, signer!.id);
    } else if (input.step === 'forward' || input.step === 'remind') {
      mail = await email(input.step, department?.email ?? '', await emailValues(updated, citizen, department?.name ?? '', input.step === 'forward' ? input.note : ''));
    }
    return { request: await toRequest(await mustFind(row.id)), letter, email: mail };
  };

  // ------------------------------------------------------------------ handlers

  const handlers: RequestHandlers = {
    /**
     * The register with its filters. `text` is a filter too: requests holding every word typed (as
     * a word or the start of one, folded and stemmed), newest first like the rest of the register.
     * When none holds them all, the best matches of any of the words, by relevance.
     */
    'requests.list': async (input) => {
      const t = today();
      const page = { limit: input.limit, offset: input.offset };
      const { text, ...filter } = input;
      let result = { total: 0, rows: [] as RequestListRow[] };
      if (!text) {
        result = await repo.list(filter, t, page);
      } else {
        await indexed();
        const all = matchExpression(text, 'all');
        if (all) result = await repo.list({ ...filter, match: { expression: all, hits: await matchCount(all) } }, t, page);
        if (all && result.total === 0 && queryTerms(text).length > 1) result = await repo.list({ ...filter, ids: await index.search(text, RELEVANCE_HITS) }, t, page);
      }
      return { total: result.total, items: result.rows.map((r) => toListItem(r, t)) };
    },

    'requests.get': ({ id }) =>
      deps.engine.transaction(async () => {
        const found = await mustFind(id);
        // DSGVO: who looked at whose request, and when.
        await audit(deps, { action: 'view', entity: 'request', entityId: id, summary: found.request.subject });
        return toRequest(found);
      }),

    'requests.save': (input) =>
      deps.engine.transaction(async () => {
        if (input.id) await repo.lock(input.id);
        const existing = input.id ? (await mustFind(input.id)).request : undefined;
        if (existing) await repo.refuseUnlessCurrent(existing, input.revision!);
        if (input.eventId !== null && !(await repo.eventExists(input.eventId))) {
          throw new AppError('NOT_FOUND', `Die Veranstaltung Nr. ${input.eventId} wurde nicht gefunden.`, { eventId: input.eventId });
        }
        if (input.receivedOn > today()) {
          throw new AppError('INVALID_INPUT', `Das Eingangsdatum (${long(input.receivedOn)}) liegt in der Zukunft.`, {
            issues: [{ path: ['receivedOn'], message: 'Das Datum liegt in der Zukunft.' }],
          });
        }
        const citizenBefore = existing?.citizenId != null ? await repo.citizen(existing.citizenId) : undefined;
        const citizenId = input.citizen ? await saveCitizen(input.citizen) : null;
        const values = {
          kind: input.kind,
          channel: input.channel,
          citizenId,
          subject: input.subject,
          text: input.text,
          category: input.category,
          district: input.district,
          place: input.place,
          receivedOn: input.receivedOn,
          followUpOn: input.followUpOn,
          eventId: input.eventId,
          link: input.link,
        };
        const row = existing
          ? await repo.update({ id: existing.id, revision: input.revision! }, values, at())
          : await repo.insert({ ...values, status: 'eingegangen' }, at());
        await reindex(row);
        if (existing) {
          const fields = (Object.keys(FIELD_LABELS) as Array<keyof typeof values>).filter((k) => existing[k] !== values[k]).map((k) => FIELD_LABELS[k]!);
          const citizenAfter = citizenId !== null ? await repo.citizen(citizenId) : undefined;
          if (citizenId === existing.citizenId && citizenBefore && citizenAfter && citizenBefore.updatedAt !== citizenAfter.updatedAt) fields.push('Angaben zur Person');
          await history(row.id, 'Angaben geändert', null, fields.join(', '));
          await changed(row.id, `Angaben geändert (${fields.join(', ') || 'nichts'}): ${row.subject}`);
        } else {
          await history(row.id, 'Anliegen erfasst', 'eingegangen', `${REQUEST_KIND_LABELS[row.kind]}, ${REQUEST_CHANNEL_LABELS[row.channel]}`);
          await audit(deps, { action: 'create', entity: 'request', entityId: row.id, summary: row.subject });
        }
        return toRequest(await mustFind(row.id));
      }),

    'requests.step': (input) => deps.engine.transaction(() => step(input)),

    'requests.followUp': ({ id, revision, on }) =>
      deps.engine.transaction(async () => {
        const { request: row } = await mustFind(id);
        await repo.update({ id, revision }, { followUpOn: on }, at());
        const action = on ? 'Wiedervorlage gesetzt' : 'Wiedervorlage entfernt';
        await history(id, action, null, on ? long(on) : row.followUpOn ? `war ${long(row.followUpOn)}` : '');
        await changed(id, `${action}: ${row.subject}`);
        return toRequest(await mustFind(id));
      }),

    'requests.history': async ({ id }) => {
      await mustFind(id);
      return (await repo.history(id)).map((h) => ({ at: h.at, user: h.user, action: h.action, status: h.status as CitizenRequest['status'] | null, note: h.note }));
    },

    'requests.related': async ({ id }) => {
      const { request: row } = await mustFind(id);
      const linked = (await repo.links(id)).map((l) => l.id);
      const ids = await repo.related(row, linked, RELATED_DAYS, RELATED_LIMIT);
      const t = today();
      const byId = new Map((await repo.listItems(ids)).map((r) => [r.id, r]));
      return ids.map((i) => toListItem(byId.get(i)!, t));
    },

    'requests.link': ({ id, revision, otherId, note }) =>
      deps.engine.transaction(async () => {
        if (id === otherId) throw new AppError('INVALID_INPUT', 'Ein Anliegen kann nicht mit sich selbst verknüpft werden.');
        const { request: row } = await mustFind(id);
        const { request: other } = await mustFind(otherId);
        await repo.update({ id, revision }, {}, at());
        await repo.changedAlongside(otherId, at());
        await repo.link(id, otherId, note);
        await history(id, 'Verknüpft', null, `mit Nr. ${otherId} „${other.subject}“${note ? ` – ${note}` : ''}`);
        await history(otherId, 'Verknüpft', null, `mit Nr. ${id} „${row.subject}“${note ? ` – ${note}` : ''}`);
        await changed(id, `Verknüpft mit Nr. ${otherId}: ${row.subject}`);
        return toRequest(await mustFind(id));
      }),

    'requests.unlink': ({ id, revision, otherId }) =>
      deps.engine.transaction(async () => {
        const { request: row } = await mustFind(id);
        await repo.update({ id, revision }, {}, at());
        if (!(await repo.unlink(id, otherId))) throw new AppError('NOT_FOUND', `Das Anliegen Nr. ${id} ist nicht mit Nr. ${otherId} verknüpft.`);
        await repo.changedAlongside(otherId, at());
        await history(id, 'Verknüpfung gelöst', null, `Nr. ${otherId}`);
        await history(otherId, 'Verknüpfung gelöst', null, `Nr. ${id}`);
        await changed(id, `Verknüpfung mit Nr. ${otherId} gelöst: ${row.subject}`);
        return toRequest(await mustFind(id));
      }),

    'requests.attach': async ({ id, revision, uploadId }) => {
      await repo.refuseUnlessCurrent((await mustFind(id)).request, revision);
      const upload = await more.uploads.get(uploadId);
      const key = attachmentKey(id, upload.fileName);
      const bytes = new Uint8Array(fs.readFileSync(upload.file));
      try {
        await deps.engine.transaction(async () => {
          await repo.update({ id, revision }, {}, at());
          await storeAttachment(key, upload.fileName, bytes);
          await repo.addAttachment({ requestId: id, fileName: upload.fileName, path: key, size: upload.size, addedAt: at() });
          await history(id, 'Anhang hinzugefügt', null, upload.fileName);
          await changed(id, `Anhang „${upload.fileName}“ hinzugefügt`);
        });
      } catch (error) {
        await deps.files.remove([key]);
        throw error;
      }
      await more.uploads.discard(uploadId);
      return toRequest(await mustFind(id));
    },

    'requests.attachment': async ({ id, attachmentId }) => {
      const attachment = (await repo.attachments(id)).find((a) => a.id === attachmentId);
      if (!attachment) throw new AppError('NOT_FOUND', `Den Anhang Nr. ${attachmentId} gibt es bei diesem Anliegen nicht.`);
      const bytes = await deps.files.get(attachment.path);
      if (!bytes) throw new AppError('NOT_FOUND', `Die Datei „${attachment.fileName}“ fehlt (${deps.files.place(attachment.path)}).`);
      await audit(deps, { action: 'view', entity: 'request', entityId: id, summary: `Anhang „${attachment.fileName}“` });
      return { fileName: attachment.fileName, contentBase64: Buffer.from(bytes).toString('base64') };
    },

    'requests.detach': async ({ id, revision, attachmentId }) => {
      const attachment = (await repo.attachments(id)).find((a) => a.id === attachmentId);
      if (!attachment) throw new AppError('NOT_FOUND', `Den Anhang Nr. ${attachmentId} gibt es bei diesem Anliegen nicht.`);
      // The file goes with its row: in the office database in the same transaction.
      const removal = await deps.files.removal([attachment.path]);
      try {
        await deps.engine.transaction(async () => {
          await repo.update({ id, revision }, {}, at());
          await repo.deleteAttachment(attachmentId);
          await history(id, 'Anhang entfernt', null, attachment.fileName);
          await changed(id, `Anhang „${attachment.fileName}“ entfernt`);
          await removal.inTransaction();
        });
      } catch (error) {
        removal.undo();
        throw error;
      }
      removal.done();
      return toRequest(await mustFind(id));
    },

    'requests.importEml': async ({ uploadId }) => {
      const upload = await more.uploads.get(uploadId);
      // postal-mime loads with the first e-mail, not at start.
      const { parseEml } = await import('./eml-import');
      const mail = await parseEml(new Uint8Array(fs.readFileSync(upload.file)), upload.fileName, today());
      // All or nothing: the attachments are stored inside the transaction (deps.files) and, in
      // the data folder, removed again when anything fails.
      const placed: string[] = [];
      let id: number;
      try {
        id = await deps.engine.transaction(async () => {
          let citizenId: number | null = null;
          if (mail.sender) {
            const known = await citizenRecords(deps.engine).byEmail(mail.sender.address);
            citizenId = known
              ? known.id
              : await saveCitizen({ gender: 'unknown', ...mail.sender, email: mail.sender.address, street: '', houseNumber: '', postcode: '', city: '', phone: '' });
          }
          const row = await repo.insert(
            {
              kind: 'anregung',
              channel: 'email',
              citizenId,
              subject: mail.subject,
              text: mail.text,
              receivedOn: mail.receivedOn,
              status: 'eingegangen',
            },
            at(),
          );
          for (const a of mail.attachments) {
            const key = attachmentKey(row.id, a.fileName);
            placed.push(key);
            await storeAttachment(key, a.fileName, a.bytes);
            await repo.addAttachment({ requestId: row.id, fileName: a.fileName, path: key, size: a.bytes.length, addedAt: at() });
          }
          await index.put(row);
          await history(row.id, 'Anliegen aus E-Mail übernommen', 'eingegangen', `${upload.fileName}${mail.attachments.length ? `, ${mail.attachments.length} Anhang/Anhänge` : ''}`);
          await audit(deps, { action: 'create', entity: 'request', entityId: row.id, summary: `${row.subject} (E-Mail)` });
          return row.id;
        });
      } catch (error) {
        await deps.files.remove(placed);
        throw error;
      }
      await more.uploads.discard(uploadId);
      return { request: await toRequest(await mustFind(id)), warnings: mail.warnings };
    },

    'requests.departments': () => repo.departments(),

    'requests.departments.save': (input) =>
      deps.engine.transaction(async () => {
        if (input.id && !(await repo.department(input.id))) throw new AppError('NOT_FOUND', `Den Fachbereich Nr. ${input.id} gibt es nicht.`, { id: input.id });
        const row = (await repo.saveDepartment({ name: input.name, email: input.email, active: input.active, sortOrder: input.sortOrder }, input.id))!;
        await audit(deps, { action: input.id ? 'update' : 'create', entity: 'department', entityId: row.id, summary: row.name });
        return row;
      }),

    'citizens.search': async ({ text }) => {
      const words = foldGerman(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      return (await repo.searchCitizens(words, text.trim(), 20)).map(toCitizen);
    },
  };

  return { handlers, repo };
}
