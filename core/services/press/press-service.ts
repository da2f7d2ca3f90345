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
import { pressReleaseDocx, pressReleaseHtml, pressReleaseText, type PressReleaseDocument } from '../../documents/press-release';
import { recordAudit } from '../audit';
import { displayNameOf } from '../contacts/contacts-service';
import type { ServiceDeps } from '../deps';
import { fileContent, fileNameOf } from '../file-content';
import { fullTextIndex } from '../search/full-text';
import { pressRepository, type PressReleaseRow } from './repository';

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
export function createPressService(deps: ServiceDeps, office: () => OfficeSettings) {
  const repo = pressRepository(deps.db);
  const index = fullTextIndex(deps.db, 'press_search');
  const indexRelease = (row: Pick<PressReleaseRow, 'id' | 'title' | 'subtitle' | 'body'>) => index.put(row.id, `${row.title} ${row.subtitle}`, row.body);

  // Rows written without the index (an older build, rows imported by hand): indexed once.
  deps.db.transaction(() => {
    if (index.count() !== repo.releaseCount()) for (const row of repo.releases({})) indexRelease(row);
  });

  // ---------------------------------------------------------------- releases

  const toRelease = (row: PressReleaseRow): PressRelease => {
    const appointment = row.appointmentId !== null ? repo.appointment(row.appointmentId) : undefined;
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
    };
  };

  const mustFind = (id: number): PressReleaseRow => {
    const row = repo.release(id);
    if (!row) throw new AppError('NOT_FOUND', `Die Pressemitteilung Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };

  const valuesOf = (input: z.output<typeof pressReleaseInputSchema>) => {
    if (input.appointmentId !== null && !repo.appointmentExists(input.appointmentId)) {
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
  const documentOf = (row: PressReleaseRow): PressReleaseDocument => {
    const settings = office();
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
    const document = documentOf(row);
    const name = ['Pressemitteilung', row.title];
    if (format === 'docx') return fileContent(fileNameOf(name, 'docx'), await pressReleaseDocx(document));
    const text = format === 'html' ? pressReleaseHtml(document) : pressReleaseText(document);
    return fileContent(fileNameOf(name, format === 'html' ? 'html' : 'txt'), new TextEncoder().encode(text));
  };

  // ---------------------------------------------------------------- contacts

  type Person = ReturnType<typeof repo.people>[number];
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

  const mustExistContacts = (ids: number[]) => {
    const found = new Set(repo.existingContacts(ids));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw new AppError('NOT_FOUND', `Der Kontakt Nr. ${missing[0]} wurde nicht gefunden.`, { contactIds: missing });
  };

  const distributionLists = (): DistributionList[] => {
    const lists = repo.lists();
    const members = repo.memberIds(lists.map((l) => l.id));
    const people = new Map(repo.people([...new Set(members.map((m) => m.contactId))]).map((p) => [p.contact.id, p]));
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

  const mustFindAppointment = (id: number) => {
    if (!repo.appointmentExists(id)) throw new AppError('NOT_FOUND', `Der Termin Nr. ${id} wurde nicht gefunden.`, { appointmentId: id });
  };
  const invitationsOf = (appointmentId: number) => {
    const rows = repo.invitations(appointmentId);
    const responses = new Map(rows.map((r) => [r.contactId, r.response]));
    const invitees = repo
      .people(rows.map((r) => r.contactId))
      .sort(bySortName)
      .map((p) => ({ ...member(p), response: responses.get(p.contact.id)! }));
    return { appointmentId, invitees };
  };

  // ---------------------------------------------------------------- enquiries

  const toEnquiry = (row: NonNullable<ReturnType<typeof repo.enquiry>>): PressEnquiry => ({
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
  });
  const mustFindEnquiry = (id: number) => {
    const row = repo.enquiry(id);
    if (!row) throw new AppError('NOT_FOUND', `Die Presseanfrage Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };
  const enquiryValuesOf = (input: z.output<typeof pressEnquiryInputSchema>) => {
    let { outlet, journalist } = input;
    if (input.contactId !== null) {
      const [person] = repo.people([input.contactId]);
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
    'press.releases.list': ({ status, text }) => {
      const searching = Boolean(text && queryTerms(text).length);
      const ids = searching ? index.search(text!, SEARCH_LIMIT) : undefined;
      const rows = repo.releases({ status, ids });
      // A search keeps the index's order (best first).
      if (ids) rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
      const terms = searching ? queryTerms(text!) : [];
      return rows.map((row) => {
        const { body: _body, ...release } = toRelease(row);
        return { ...release, snippet: searching ? snippetOf(row.body || row.subtitle, terms) : null };
      });
    },

    'press.releases.get': ({ id }) => toRelease(mustFind(id)),

    'press.releases.save': (input) =>
      deps.db.transaction(() => {
        const previous = input.id ? mustFind(input.id) : null;
        const values = valuesOf(input);
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
          row = repo.updateRelease(previous.id, { ...values, status: edit.status, ...(edit.approvalVoid ? { approvedBy: null, approvedAt: null } : {}) }, at);
        } else {
          row = repo.insertRelease({ ...values, status: 'entwurf' }, at);
        }
        indexRelease(row);
        recordAudit(deps, {
          action: previous ? 'update' : 'create',
          entity: 'press-release',
          entityId: row.id,
          summary: `${row.title} (${row.status})${voided ? ', Freigabe aufgehoben' : ''}`,
        });
        return toRelease(row);
      }),

    'press.releases.step': ({ id, step }) =>
      deps.db.transaction(() => {
        const row = mustFind(id);
        const outcome = applyPressStep(row, step, { now: deps.now(), user: deps.user });
        if (!outcome.ok) throw new AppError('CONFLICT', outcome.message, { id, step, status: row.status });
        const updated = repo.updateRelease(id, outcome.changes, deps.now().toISOString());
        recordAudit(deps, { action: step, entity: 'press-release', entityId: id, summary: `${row.title}: ${PRESS_STEP_LABELS[step]}` });
        return toRelease(updated);
      }),

    'press.releases.export': ({ id, format }) => exportRelease(mustFind(id), format),

    'press.media.list': () => {
      const lists = repo.listNamesByContact();
      return repo.people().map((p) => toMedia(p, lists));
    },

    'press.media.save': (input) =>
      deps.db.transaction(() => {
        if (!repo.contactExists(input.contactId)) throw new AppError('NOT_FOUND', `Der Kontakt Nr. ${input.contactId} wurde nicht gefunden.`, { contactId: input.contactId });
        const topics = [...new Set(input.topics)];
        repo.putMediaContact({ contactId: input.contactId, mediaType: input.mediaType, topics, notes: input.notes });
        const [person] = repo.people([input.contactId]);
        recordAudit(deps, {
          action: 'save',
          entity: 'media-contact',
          entityId: input.contactId,
          summary: `${nameOf(person!)}${input.mediaType ? ` (${input.mediaType})` : ''}${topics.length ? `: ${topics.join(', ')}` : ''}`,
        });
        return toMedia(person!, repo.listNamesByContact());
      }),

    'press.media.delete': ({ id }) =>
      deps.db.transaction(() => {
        const [person] = repo.people([id]);
        if (!person?.media) throw new AppError('NOT_FOUND', `Der Medienkontakt Nr. ${id} wurde nicht gefunden.`, { id });
        repo.deleteMediaContact(id);
        recordAudit(deps, { action: 'delete', entity: 'media-contact', entityId: id, summary: nameOf(person) });
        return { id };
      }),

    'press.lists.list': () => distributionLists(),

    'press.lists.save': (input) =>
      deps.db.transaction(() => {
        if (input.id && !repo.list(input.id)) throw new AppError('NOT_FOUND', `Der Verteiler Nr. ${input.id} wurde nicht gefunden.`, { id: input.id });
        const same = repo.listByName(input.name);
        if (same && same.id !== input.id) throw new AppError('CONFLICT', `Einen Verteiler „${same.name}“ gibt es schon.`, { issues: [{ path: ['name'], message: 'Diesen Namen hat schon ein anderer Verteiler.' }] });
        const memberIds = [...new Set(input.memberIds)];
        mustExistContacts(memberIds);
        const id = repo.saveList({ id: input.id, name: input.name, description: input.description }, memberIds);
        recordAudit(deps, { action: input.id ? 'update' : 'create', entity: 'distribution-list', entityId: id, summary: `${input.name} (${memberIds.length} Empfänger)` });
        return distributionLists().find((l) => l.id === id)!;
      }),

    'press.lists.delete': ({ id }) =>
      deps.db.transaction(() => {
        const list = repo.list(id);
        if (!list) throw new AppError('NOT_FOUND', `Der Verteiler Nr. ${id} wurde nicht gefunden.`, { id });
        repo.deleteList(id);
        recordAudit(deps, { action: 'delete', entity: 'distribution-list', entityId: id, summary: list.name });
        return { id };
      }),

    'press.invitations.list': ({ appointmentId }) => {
      mustFindAppointment(appointmentId);
      return invitationsOf(appointmentId);
    },

    'press.invitations.save': ({ appointmentId, listIds, contactIds, responses, remove }) =>
      deps.db.transaction(() => {
        mustFindAppointment(appointmentId);
        for (const listId of listIds) if (!repo.list(listId)) throw new AppError('NOT_FOUND', `Der Verteiler Nr. ${listId} wurde nicht gefunden.`, { listId });
        const fromLists = repo.memberIds(listIds).map((m) => m.contactId);
        mustExistContacts([...contactIds, ...responses.map((r) => r.contactId)]);
        const before = new Set(repo.invitations(appointmentId).map((r) => r.contactId));
        const invited = [...new Set([...fromLists, ...contactIds, ...responses.map((r) => r.contactId)])];
        repo.invite(appointmentId, invited);
        for (const { contactId, response } of responses) repo.respond(appointmentId, contactId, response);
        repo.uninvite(appointmentId, remove);
        const added = invited.filter((id) => !before.has(id) && !remove.includes(id)).length;
        const parts = [
          added ? `${added} eingeladen` : '',
          responses.length ? `${responses.length} Antwort${responses.length === 1 ? '' : 'en'} eingetragen` : '',
          remove.length ? `${remove.length} ausgeladen` : '',
        ].filter(Boolean);
        if (parts.length) recordAudit(deps, { action: 'update', entity: 'press-invitation', entityId: appointmentId, summary: parts.join(', ') });
        return invitationsOf(appointmentId);
      }),

    'press.invitations.counts': () => repo.invitationCounts().map((c) => ({ ...c, accepted: c.accepted ?? 0, declined: c.declined ?? 0 })),

    'press.enquiries.list': (filter) => repo.enquiries(filter).map(toEnquiry),

    'press.enquiries.save': (input) =>
      deps.db.transaction(() => {
        const values = enquiryValuesOf(input);
        const at = deps.now().toISOString();
        const row = input.id ? repo.updateEnquiry(mustFindEnquiry(input.id).id, values, at) : repo.insertEnquiry(values, at);
        recordAudit(deps, {
          action: input.id ? 'update' : 'create',
          entity: 'press-enquiry',
          entityId: row.id,
          summary: `${row.topic} (${row.outlet || row.journalist})${row.deadline ? `, Frist ${describeWallClock(row.deadline)}` : ''}`,
        });
        return toEnquiry(row);
      }),

    'press.enquiries.answer': ({ id, answer }) =>
      deps.db.transaction(() => {
        const row = mustFindEnquiry(id);
        const updated = repo.updateEnquiry(id, { answer, answeredAt: deps.now().toISOString(), answeredBy: deps.user }, deps.now().toISOString());
        recordAudit(deps, { action: row.answeredAt ? 'update-answer' : 'answer', entity: 'press-enquiry', entityId: id, summary: row.topic });
        return toEnquiry(updated);
      }),
  };
  return { handlers };
}
