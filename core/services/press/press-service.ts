import type { z } from 'zod';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { OfficeSettings } from '../../api/schemas/letters';
import {
  PRESS_STEP_LABELS,
  type DistributionList,
  type MediaContact,
  type PressEnquiry,
  type PressExportFormat,
  type PressRelease,
  type pressEnquiryInputSchema,
  type pressReleaseInputSchema,
} from '../../api/schemas/press';
import { formatDateLong, formatDateNumeric, isoDateInBerlin } from '../../domain/dates/format';
import {
  applyPressStep,
  checkSchedule,
  describeWallClock,
  embargoActive,
  enquiryOverdue,
  nextPressSteps,
  statusAfterEdit,
} from '../../domain/press/release-rules';
import { queryTerms, snippetOf } from '../../domain/text/search-terms';
import type { PressReleaseDocument } from '../../documents/press-release';
import { audit } from '../audit';
import { onlineRepository } from '../online/repository';
import { CHANNEL_NAMES } from '../../domain/online/channels';
import { displayNameOf } from '../contacts/contacts-service';
import type { ServiceDeps } from '../deps';
import { fileContent, fileNameOf } from '../file-content';
import { fullTextIndex } from '../search/full-text';
import { pressRepository, type PressEnquiryRow, type PressReleaseRow } from './repository';

/** The document builders (docx is large) load with the first document, not at start. */
const documents = () => import('../../documents/press-release');

type PressHandlers = Pick<
  Handlers,
  | 'press.releases.list'
  | 'press.releases.get'
  | 'press.releases.save'
  | 'press.releases.step'
  | 'press.releases.export'
  | 'press.media.list'
  | 'press.media.save'
  | 'press.media.delete'
  | 'press.lists.list'
  | 'press.lists.save'
  | 'press.lists.delete'
  | 'press.invitations.list'
  | 'press.invitations.save'
  | 'press.invitations.counts'
  | 'press.enquiries.list'
  | 'press.enquiries.save'
  | 'press.enquiries.answer'
>;

/** Hits of a search shown at most. */
const SEARCH_LIMIT = 200;

const cityOf = (office: OfficeSettings) => office.stadt.replace(/^(Stadt|Gemeinde|Hansestadt|Kreisstadt)\s+/, '');

/** "Pressekonferenz Hafenfest, 15.01.2027, 10:00 Uhr" (all day: without the time). */
function describeAppointment(appointment: { title: string; start: string }): string {
  const time = appointment.start.length > 10 ? `, ${appointment.start.slice(11, 16)} Uhr` : '';
  return `${appointment.title}, ${formatDateNumeric(appointment.start.slice(0, 10))}${time}`;
}

const topicsOf = (stored: unknown): string[] => (Array.isArray(stored) ? stored.filter((t): t is string => typeof t === 'string') : []);

const invalid = (message: string, path: string) => new AppError('INVALID_INPUT', message, { issues: [{ path: [path], message }] });

/**
 * The press office: press releases (draft, approval, release time and embargo, Word/HTML/text
 * exports, German full-text search), media contacts and distribution lists, the media invited to
 * appointments with their responses, and press enquiries with their deadlines. The workflow rules
 * are in core/domain/press/release-rules.ts; every change is recorded in the audit log.
 */
export function createPressService(deps: ServiceDeps, office: () => Promise<OfficeSettings>) {
  const repo = pressRepository(deps.engine);
  const index = fullTextIndex(deps.engine, 'press_search');
  /** What of a release the index holds: title and subtitle as the title, the body as the body. */
  const releaseText = (row: Pick<PressReleaseRow, 'id' | 'title' | 'subtitle' | 'body'>) => ({ id: row.id, title: `${row.title} ${row.subtitle}`, text: row.body });
  const indexRelease = async (row: Pick<PressReleaseRow, 'id' | 'title' | 'subtitle' | 'body'>) => {
    const { id, title, text } = releaseText(row);
    await index.put(id, title, text);
  };

  /**
   * Rows written without the index (an older build, rows imported by hand): indexed once, before
   * the first search of this run (in a transaction of its own).
   */
  let indexing: Promise<void> | null = null;
  const indexed = () =>
    (indexing ??= deps.engine
      .transaction(async () => {
        if ((await index.count()) !== (await repo.releaseCount())) await index.putMany((await repo.releases({})).map(releaseText));
      })
      .catch((error: unknown) => {
        indexing = null;
        throw error;
      }));

  // ---------------------------------------------------------------- releases

  type LinkedAppointment = NonNullable<Awaited<ReturnType<typeof repo.appointment>>>;
  const toRelease = async (row: PressReleaseRow): Promise<PressRelease> =>
    releaseOf(row, row.appointmentId !== null ? await repo.appointment(row.appointmentId) : undefined);
  const releaseOf = (row: PressReleaseRow, appointment: LinkedAppointment | undefined): PressRelease => {
    return {
      id: row.id,
      title: row.title,
      subtitle: row.subtitle,
      body: row.body,
      contactInfo: row.contactInfo,
      status: row.status,
      approvedBy: row.approvedBy,
      approvedAt: row.approvedAt,
      releaseAt: row.releaseAt,
      embargoUntil: row.embargoUntil,
      embargoActive: embargoActive(row.embargoUntil, deps.now()),
      appointmentId: row.appointmentId,
      appointment: appointment ? describeAppointment(appointment) : null,
      steps: nextPressSteps(row.status),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      revision: row.revision,
    };
  };

  const mustFind = async (id: number): Promise<PressReleaseRow> => {
    const row = await repo.release(id);
    if (!row) throw new AppError('NOT_FOUND', `Die Pressemitteilung Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };

  const valuesOf = async (input: z.output<typeof pressReleaseInputSchema>) => {
    if (input.appointmentId !== null && !(await repo.appointmentExists(input.appointmentId))) {
      throw new AppError('NOT_FOUND', `Der Termin Nr. ${input.appointmentId} wurde nicht gefunden.`, { appointmentId: input.appointmentId });
    }
    return {
      title: input.title,
      subtitle: input.subtitle,
      body: input.body.replace(/\r\n?/g, '\n').trimEnd(),
      contactInfo: input.contactInfo,
      releaseAt: input.releaseAt,
      embargoUntil: input.embargoUntil,
      appointmentId: input.appointmentId,
    };
  };

  /** The words of the documents: office line, date line, embargo (while it lasts), contact. */
  const documentOf = async (row: PressReleaseRow): Promise<PressReleaseDocument> => {
    const settings = await office();
    const date = row.releaseAt?.slice(0, 10) ?? isoDateInBerlin(deps.now());
    const contact = row.contactInfo
      ? row.contactInfo.split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
      : settings.contactPersons.map((p) => [p.name, p.phone && `Telefon ${p.phone}`, p.email].filter(Boolean).join(', '));
    return {
      office: [settings.stadt, settings.dienststelle, settings.amt].filter(Boolean).join(' · '),
      internet: settings.internet,
      dateLine: `${cityOf(settings)}, ${formatDateLong(date)}`,
      date,
      title: row.title,
      subtitle: row.subtitle,
      body: row.body,
      // Once the embargo has passed, the published text no longer mentions it.
      embargo: row.embargoUntil && embargoActive(row.embargoUntil, deps.now()) ? describeWallClock(row.embargoUntil) : null,
      contact,
    };
  };

  const exportRelease = async (row: PressReleaseRow, format: PressExportFormat) => {
    const document = await documentOf(row);
    const name = ['Pressemitteilung', row.title];
    if (format === 'docx') return fileContent(fileNameOf(name, 'docx'), await (await documents()).pressReleaseDocx(document));
    const text = format === 'html' ? (await documents()).pressReleaseHtml(document) : (await documents()).pressReleaseText(document);
    return fileContent(fileNameOf(name, format === 'html' ? 'html' : 'txt'), new TextEncoder().encode(text));
  };

  // ---------------------------------------------------------------- contacts

  type Person = Awaited<ReturnType<typeof repo.people>>[number];
  const nameOf = (p: Person) => displayNameOf(p.contact);
  const organisationOf = (p: Person) => (p.contact.kind === 'person' ? (p.organisationName ?? '') : '');
  const member = (p: Person) => ({
    contactId: p.contact.id,
    name: nameOf(p),
    organisation: organisationOf(p),
    email: p.contact.email,
    mediaType: p.media?.mediaType ?? '',
  });
  /** The register's order: surname first ("Wendehorst, Ilka"), organisations by name. */
  const bySortName = (a: Person, b: Person) => a.contact.sortName.localeCompare(b.contact.sortName, 'de');

  const toMedia = (p: Person, lists: Map<number, string[]>): MediaContact => ({
    ...member(p),
    phone: p.contact.phone,
    topics: topicsOf(p.media?.topics),
    notes: p.media?.notes ?? '',
    lists: lists.get(p.contact.id) ?? [],
  });

  const mustExistContacts = async (ids: number[]) => {
    const found = new Set(await repo.existingContacts(ids));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw new AppError('NOT_FOUND', `Der Kontakt Nr. ${missing[0]} wurde nicht gefunden.`, { contactIds: missing });
  };

  const distributionLists = async (): Promise<DistributionList[]> => {
    const lists = await repo.lists();
    const members = await repo.memberIds(lists.map((l) => l.id));
    const people = new Map((await repo.people([...new Set(members.map((m) => m.contactId))])).map((p) => [p.contact.id, p]));
    return lists.map((list) => ({
      id: list.id,
      name: list.name,
      description: list.description,
      members: members
        .filter((m) => m.listId === list.id)
        .flatMap((m) => people.get(m.contactId) ?? [])
        .sort(bySortName)
        .map(member),
    }));
  };

  const mustFindAppointment = async (id: number) => {
    if (!(await repo.appointmentExists(id))) throw new AppError('NOT_FOUND', `Der Termin Nr. ${id} wurde nicht gefunden.`, { appointmentId: id });
  };
  const invitationsOf = async (appointmentId: number) => {
    const rows = await repo.invitations(appointmentId);
    const responses = new Map(rows.map((r) => [r.contactId, r.response]));
    const invitees = (await repo.people(rows.map((r) => r.contactId)))
      .sort(bySortName)
      .map((p) => ({ ...member(p), response: responses.get(p.contact.id)! }));
    return { appointmentId, invitees };
  };

  // ---------------------------------------------------------------- enquiries

  const toEnquiry = (row: PressEnquiryRow): PressEnquiry => ({
    id: row.id,
    contactId: row.contactId,
    outlet: row.outlet,
    journalist: row.journalist,
    receivedAt: row.receivedAt,
    topic: row.topic,
    question: row.question,
    deadline: row.deadline,
    answer: row.answer,
    answeredAt: row.answeredAt,
    answeredBy: row.answeredBy,
    overdue: enquiryOverdue(row, deps.now()),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    revision: row.revision,
  });
  const mustFindEnquiry = async (id: number) => {
    const row = await repo.enquiry(id);
    if (!row) throw new AppError('NOT_FOUND', `Die Presseanfrage Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };
  const enquiryValuesOf = async (input: z.output<typeof pressEnquiryInputSchema>) => {
    let { outlet, journalist } = input;
    if (input.contactId !== null) {
      const [person] = await repo.people([input.contactId]);
      if (!person) throw new AppError('NOT_FOUND', `Der Kontakt Nr. ${input.contactId} wurde nicht gefunden.`, { contactId: input.contactId });
      // The contact's names fill what was left empty: a person is the journalist, an organisation the outlet.
      if (person.contact.kind === 'person') {
        journalist ||= nameOf(person);
        outlet ||= organisationOf(person);
      } else {
        outlet ||= nameOf(person);
      }
    }
    if (!outlet && !journalist) throw invalid('Bitte angeben, wer anfragt (Medium oder Journalistin bzw. Journalist).', 'outlet');
    if (input.deadline !== null && input.deadline < input.receivedAt) throw invalid('Die Frist liegt vor dem Eingang der Anfrage.', 'deadline');
    return { contactId: input.contactId, outlet, journalist, receivedAt: input.receivedAt, topic: input.topic, question: input.question, deadline: input.deadline };
  };

  const handlers: PressHandlers = {
    'press.releases.list': async ({ status, text }) => {
      const searching = Boolean(text && queryTerms(text).length);
      if (searching) await indexed();
      const ids = searching ? await index.search(text!, SEARCH_LIMIT) : undefined;
      const rows = await repo.releases({ status, ids });
      // A search keeps the index's order (best first).
      if (ids) rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
      const terms = searching ? queryTerms(text!) : [];
      // The linked appointments in one query, not one per release.
      const appointments = new Map((await repo.appointments(rows.flatMap((r) => (r.appointmentId !== null ? [r.appointmentId] : [])))).map((a) => [a.id, a]));
      return rows.map((row) => {
        const { body: _body, ...release } = releaseOf(row, row.appointmentId !== null ? appointments.get(row.appointmentId) : undefined);
        return { ...release, snippet: searching ? snippetOf(row.body || row.subtitle, terms) : null };
      });
    },

    'press.releases.get': async ({ id }) => toRelease(await mustFind(id)),

    'press.releases.save': (input) =>
      deps.engine.transaction(async () => {
        if (input.id) await repo.lockRelease(input.id);
        const previous = input.id ? await mustFind(input.id) : null;
        // Refused before the schedule and workflow rules: they are asked of the release as stored now.
        if (previous) await repo.refuseUnlessCurrentRelease(previous, input.revision!);
        const values = await valuesOf(input);
        const problem = checkSchedule(values, previous, deps.now());
        if (problem) throw invalid(problem, problem.startsWith('Die Sperrfrist') ? 'embargoUntil' : 'releaseAt');
        const at = deps.now().toISOString();
        let row: PressReleaseRow;
        let voided = false;
        if (previous) {
          const content = (['title', 'subtitle', 'body', 'contactInfo', 'embargoUntil'] as const).some((key) => values[key] !== previous[key]);
          const edit = statusAfterEdit(previous.status, { content, schedule: values.releaseAt !== previous.releaseAt });
          if (!edit.ok) throw new AppError('CONFLICT', edit.message, { id: previous.id, status: previous.status });
          voided = edit.approvalVoid && previous.approvedBy !== null;
          row = await repo.updateRelease({ id: previous.id, revision: input.revision! }, { ...values, status: edit.status, ...(edit.approvalVoid ? { approvedBy: null, approvedAt: null } : {}) }, at);
        } else {
          row = await repo.insertRelease({ ...values, status: 'entwurf' }, at);
        }
        await indexRelease(row);
        // Posts taken from the release's proposal follow its embargo: never planned or published before it.
        if (previous && values.embargoUntil !== previous.embargoUntil) {
          for (const post of await onlineRepository(deps.engine).followEmbargo(`press:${row.id}`, values.embargoUntil, at)) {
            const moved = values.embargoUntil ? `Sperrfrist jetzt bis ${describeWallClock(values.embargoUntil)}` : 'Sperrfrist aufgehoben';
            await audit(deps, { action: 'update', entity: 'online-post', entityId: post.id, summary: `${CHANNEL_NAMES[post.channel]}: ${moved} (Pressemitteilung „${row.title}“)` });
          }
        }
        await audit(deps, {
          action: previous ? 'update' : 'create',
          entity: 'press-release',
          entityId: row.id,
          summary: `${row.title} (${row.status})${voided ? ', Freigabe aufgehoben' : ''}`,
        });
        return toRelease(row);
      }),

    'press.releases.step': ({ id, revision, step }) =>
      deps.engine.transaction(async () => {
        // Locked before reading the status: two steps at once (approve and withdraw) see each other's.
        await repo.lockRelease(id);
        const row = await mustFind(id);
        await repo.refuseUnlessCurrentRelease(row, revision);
        const outcome = applyPressStep(row, step, { now: deps.now(), user: deps.user });
        if (!outcome.ok) throw new AppError('CONFLICT', outcome.message, { id, step, status: row.status });
        const updated = await repo.updateRelease({ id, revision }, outcome.changes, deps.now().toISOString());
        await audit(deps, { action: step, entity: 'press-release', entityId: id, summary: `${row.title}: ${PRESS_STEP_LABELS[step]}` });
        return toRelease(updated);
      }),

    'press.releases.export': async ({ id, format }) => exportRelease(await mustFind(id), format),

    'press.media.list': async () => {
      const lists = await repo.listNamesByContact();
      return (await repo.people()).map((p) => toMedia(p, lists));
    },

    'press.media.save': (input) =>
      deps.engine.transaction(async () => {
        if (!(await repo.contactExists(input.contactId))) throw new AppError('NOT_FOUND', `Der Kontakt Nr. ${input.contactId} wurde nicht gefunden.`, { contactId: input.contactId });
        const topics = [...new Set(input.topics)];
        await repo.putMediaContact({ contactId: input.contactId, mediaType: input.mediaType, topics, notes: input.notes });
        const [person] = await repo.people([input.contactId]);
        await audit(deps, {
          action: 'save',
          entity: 'media-contact',
          entityId: input.contactId,
          summary: `${nameOf(person!)}${input.mediaType ? ` (${input.mediaType})` : ''}${topics.length ? `: ${topics.join(', ')}` : ''}`,
        });
        return toMedia(person!, await repo.listNamesByContact());
      }),

    'press.media.delete': ({ id }) =>
      deps.engine.transaction(async () => {
        const [person] = await repo.people([id]);
        if (!person?.media) throw new AppError('NOT_FOUND', `Der Medienkontakt Nr. ${id} wurde nicht gefunden.`, { id });
        await repo.deleteMediaContact(id);
        await audit(deps, { action: 'delete', entity: 'media-contact', entityId: id, summary: nameOf(person) });
        return { id };
      }),

    'press.lists.list': () => distributionLists(),

    'press.lists.save': (input) =>
      deps.engine.transaction(async () => {
        if (input.id && !(await repo.list(input.id))) throw new AppError('NOT_FOUND', `Der Verteiler Nr. ${input.id} wurde nicht gefunden.`, { id: input.id });
        const same = await repo.listByName(input.name);
        if (same && same.id !== input.id) throw new AppError('CONFLICT', `Einen Verteiler „${same.name}“ gibt es schon.`, { issues: [{ path: ['name'], message: 'Diesen Namen hat schon ein anderer Verteiler.' }] });
        const memberIds = [...new Set(input.memberIds)];
        await mustExistContacts(memberIds);
        const id = await repo.saveList({ id: input.id, name: input.name, description: input.description }, memberIds);
        await audit(deps, { action: input.id ? 'update' : 'create', entity: 'distribution-list', entityId: id, summary: `${input.name} (${memberIds.length} Empfänger)` });
        return (await distributionLists()).find((l) => l.id === id)!;
      }),

    'press.lists.delete': ({ id }) =>
      deps.engine.transaction(async () => {
        const list = await repo.list(id);
        if (!list) throw new AppError('NOT_FOUND', `Der Verteiler Nr. ${id} wurde nicht gefunden.`, { id });
        await repo.deleteList(id);
        await audit(deps, { action: 'delete', entity: 'distribution-list', entityId: id, summary: list.name });
        return { id };
      }),

    'press.invitations.list': async ({ appointmentId }) => {
      await mustFindAppointment(appointmentId);
      return invitationsOf(appointmentId);
    },

    'press.invitations.save': ({ appointmentId, listIds, contactIds, responses, remove }) =>
      deps.engine.transaction(async () => {
        await mustFindAppointment(appointmentId);
        for (const listId of listIds) if (!(await repo.list(listId))) throw new AppError('NOT_FOUND', `Der Verteiler Nr. ${listId} wurde nicht gefunden.`, { listId });
        const fromLists = (await repo.memberIds(listIds)).map((m) => m.contactId);
        await mustExistContacts([...contactIds, ...responses.map((r) => r.contactId)]);
        const before = new Set((await repo.invitations(appointmentId)).map((r) => r.contactId));
        const invited = [...new Set([...fromLists, ...contactIds, ...responses.map((r) => r.contactId)])];
        await repo.invite(appointmentId, invited);
        for (const { contactId, response } of responses) await repo.respond(appointmentId, contactId, response);
        await repo.uninvite(appointmentId, remove);
        const added = invited.filter((id) => !before.has(id) && !remove.includes(id)).length;
        const parts = [
          added ? `${added} eingeladen` : '',
          responses.length ? `${responses.length} Antwort${responses.length === 1 ? '' : 'en'} eingetragen` : '',
          remove.length ? `${remove.length} ausgeladen` : '',
        ].filter(Boolean);
        if (parts.length) await audit(deps, { action: 'update', entity: 'press-invitation', entityId: appointmentId, summary: parts.join(', ') });
        return invitationsOf(appointmentId);
      }),

    'press.invitations.counts': async () => (await repo.invitationCounts()).map((c) => ({ ...c, accepted: c.accepted ?? 0, declined: c.declined ?? 0 })),

    'press.enquiries.list': async (filter) => (await repo.enquiries(filter)).map(toEnquiry),

    'press.enquiries.save': (input) =>
      deps.engine.transaction(async () => {
        const values = await enquiryValuesOf(input);
        const at = deps.now().toISOString();
        const row = input.id
          ? await repo.updateEnquiry({ id: (await mustFindEnquiry(input.id)).id, revision: input.revision! }, values, at)
          : await repo.insertEnquiry(values, at);
        await audit(deps, {
          action: input.id ? 'update' : 'create',
          entity: 'press-enquiry',
          entityId: row.id,
          summary: `${row.topic} (${row.outlet || row.journalist})${row.deadline ? `, Frist ${describeWallClock(row.deadline)}` : ''}`,
        });
        return toEnquiry(row);
      }),

    'press.enquiries.answer': ({ id, revision, answer }) =>
      deps.engine.transaction(async () => {
        const row = await mustFindEnquiry(id);
        const updated = await repo.updateEnquiry({ id, revision }, { answer, answeredAt: deps.now().toISOString(), answeredBy: deps.user }, deps.now().toISOString());
        await audit(deps, { action: row.answeredAt ? 'update-answer' : 'answer', entity: 'press-enquiry', entityId: id, summary: row.topic });
        return toEnquiry(updated);
      }),
  };
  return { handlers };
}
