import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { Office } from '../../api/schemas/letters';
import {
  ACCESS_ACTION_LABELS,
  DEFAULT_PRIVACY_SETTINGS,
  privacySettingsSchema,
  retentionReportSchema,
  sameSurname,
  type AccessLogEntry,
  type ErasureCounts,
  type PrivacySettings,
  type RetentionReport,
} from '../../api/schemas/privacy';
import { localDateToUtc, utcToLocalDate } from '../../domain/calendar/time';
import { retentionCutoffs } from '../../domain/privacy/retention';
import type { PrivacyExport } from '../../documents/privacy-export';
import { audit } from '../audit';
import { displayNameOf } from '../contacts/contacts-service';
import { citizenName } from '../citizens/citizens';
import { formatDateNumeric } from '../../domain/dates/format';
import { foldGerman } from '../../domain/text/fold';
import type { ServiceDeps } from '../deps';
import type { Jobs } from '../jobs/jobs-service';
import { fileContent, fileNameOf, fileNamePart } from '../file-content';
import { settingsRepository } from '../settings/repository';
import { privacyRepository, type CitizenRow } from './repository';

/** The document builders (docx is large) load with the first document, not at start. */
const documents = () => import('../../documents/privacy-export');

type PrivacyHandlers = Pick<
  Handlers,
  | 'privacy.settings'
  | 'privacy.settings.save'
  | 'privacy.retention.run'
  | 'privacy.retention.last'
  | 'privacy.citizen.export'
  | 'privacy.citizen.erase'
  | 'privacy.accessLog'
>;

const SETTINGS_KEY = 'privacy';
const LAST_REPORT_KEY = 'privacy.lastRetention';
/** What an anonymised request shows instead of its subject. */
export const ANONYMISED_SUBJECT = '(anonymisiert)';

const accessEntry = (row: { at: string; user: string; action: string; summary: string }): AccessLogEntry => ({
  at: row.at,
  user: row.user,
  action: row.action,
  actionLabel: ACCESS_ACTION_LABELS[row.action] ?? row.action,
  summary: row.summary,
});

/**
 * Privacy (DSGVO) for the citizen dialogue: retention periods as settings, the retention
 * check (run daily by core/app/daily-tasks.ts and by hand), one person's data exported
 * (JSON or Word) or erased, and a request's access log.
 *
 * Erasing is anonymising: the person's row is deleted, the requests' personal content (subject,
 * text, place, the post's link, statement, history notes, attachments, full-text entry) is cleared and
 * `anonymised_at` set, while kind, channel, category, district, dates, status and department stay
 * — the statistics count the same before and after. Attachment files go with their rows
 * (deps.files.removal): in the data folder they are moved aside before the one transaction and
 * deleted after its commit (see file-trash.ts); in the office database they are deleted in that
 * transaction. Nothing is ever half erased.
 *
 * The retention check is one of the office's long jobs (services/jobs): it runs once at a time for
 * the whole office, whichever PC starts it, and every PC's header shows it while it runs.
 */
export function createPrivacyService(deps: ServiceDeps, office: () => Promise<Office>, jobs: Jobs) {
  const repo = privacyRepository(deps.engine);
  const settingsRepo = settingsRepository(deps.engine);

  const settings = async (): Promise<PrivacySettings> =>
    privacySettingsSchema.safeParse((await settingsRepo.getSetting(SETTINGS_KEY)) ?? {}).data ?? DEFAULT_PRIVACY_SETTINGS;
  const lastReport = async (): Promise<RetentionReport | null> => {
    const stored = await settingsRepo.getSetting(LAST_REPORT_KEY);
    return stored === undefined ? null : (retentionReportSchema.safeParse(stored).data ?? null);
  };

  const mustFindCitizen = async (id: number) => {
    const found = await repo.citizen(id);
    if (!found) throw new AppError('NOT_FOUND', `Die Person Nr. ${id} wurde nicht gefunden (vielleicht wurden ihre Daten schon gelöscht).`, { id });
    return found;
  };

  /**
   * Erases the given records in one transaction; attachment files are moved aside first and
   * deleted only after the commit. `inTransaction` adds the caller's own rows (audit, report).
   * Nothing stays recoverable: freed pages are zeroed (secure_delete, see db/open.ts), the
   * full-text index drops the terms (see anonymiseRequests) and the write-ahead log is emptied
   * into the database file; `logEmptied` is false when another connection kept it.
   */
  const erase = async (
    target: { requests: number[]; enquiries: number[]; registrations: number[]; citizen?: number },
    inTransaction: (counts: ErasureCounts, at: string) => Promise<void>,
  ): Promise<{ counts: ErasureCounts; logEmptied: boolean }> => {
    await deps.files.recover(repo.attachmentPathInUse);
    const at = deps.now().toISOString();
    const attachments = await repo.attachmentsOf(target.requests);
    // The files go with the rows: moved aside first in the data folder, in the same transaction in the office database.
    const removal = await deps.files.removal(attachments.map((a) => a.path));
    try {
      const counts = await deps.engine.transaction(async () => {
        await repo.anonymiseRequests(target.requests, at, ANONYMISED_SUBJECT);
        for (const id of target.requests) {
          await audit(deps, { action: 'anonymise', entity: 'request', entityId: id, summary: target.citizen ? 'auf Wunsch der Person' : 'Aufbewahrungsfrist abgelaufen' });
        }
        await repo.anonymiseEnquiries(target.enquiries, at);
        await repo.deleteRegistrations(target.registrations);
        // On request only that person goes; the retention check also removes everyone left with nothing.
        if (target.citizen !== undefined) await repo.deleteCitizen(target.citizen);
        const citizens = target.citizen !== undefined ? 1 : await repo.deleteCitizensLeftWithNothing();
        const result: ErasureCounts = {
          requests: target.requests.length,
          attachments: attachments.length,
          volunteerEnquiries: target.enquiries.length,
          eventRegistrations: target.registrations.length,
          citizens,
        };
        await removal.inTransaction();
        await inTransaction(result, at);
        return result;
      });
      removal.done();
      return { counts, logEmptied: await deps.engine.emptyLog() };
    } catch (error) {
      removal.undo();
      throw error;
    }
  };

  const describe = (counts: ErasureCounts): string => {
    const parts = [
      [counts.requests, 'Anliegen anonymisiert'],
      [counts.attachments, counts.attachments === 1 ? 'Anhang gelöscht' : 'Anhänge gelöscht'],
      [counts.volunteerEnquiries, counts.volunteerEnquiries === 1 ? 'Ehrenamtsanfrage anonymisiert' : 'Ehrenamtsanfragen anonymisiert'],
      [counts.eventRegistrations, counts.eventRegistrations === 1 ? 'Anmeldung gelöscht' : 'Anmeldungen gelöscht'],
      [counts.citizens, counts.citizens === 1 ? 'Person gelöscht' : 'Personen gelöscht'],
    ] as const;
    const done = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
    return done.length ? done.join(', ') : 'nichts zu löschen';
  };

  /**
   * The official letters to a person: the replies to their requests and the letters addressed to
   * them by name at their address (e.g. an acknowledgement), oldest first.
   */
  const lettersTo = async (person: CitizenRow, requests: Awaited<ReturnType<typeof repo.requestsOf>>) => {
    const replies = await repo.letters(requests.flatMap((r) => (r.request.replyLetterId === null ? [] : [r.request.replyLetterId])));
    const street = foldGerman(`${person.street} ${person.houseNumber}`).replace(/\s+/g, ' ').trim();
    const addressed = street
      ? (await repo.lettersAddressedTo(citizenName(person))).filter((l) => l.recipientLines.some((line) => foldGerman(line).replace(/\s+/g, ' ').trim() === street))
      : [];
    const byId = new Map([...replies, ...addressed].map((l) => [l.id, l]));
    return [...byId.values()].sort((a, b) => a.id - b.id);
  };

  /** Everything stored about one person (records the access on each of their requests). */
  const exportData = async (citizenId: number, format: 'json' | 'docx'): Promise<PrivacyExport> => {
    const person = await mustFindCitizen(citizenId);
    const requests = await repo.requestsOf(citizenId);
    const requestIds = requests.map((r) => r.request.id);
    await deps.engine.transaction(async () => {
      for (const id of requestIds) {
        await audit(deps, { action: 'view', entity: 'request', entityId: id, summary: `Datenauskunft (${format === 'docx' ? 'Word' : 'JSON'})` });
      }
      await audit(deps, { action: 'export', entity: 'citizen', entityId: citizenId, summary: `Datenauskunft (${format === 'docx' ? 'Word' : 'JSON'})` });
    });
    const history = await repo.historyOf(requestIds);
    const attachments = await repo.attachmentsOf(requestIds);
    const links = await repo.linksOf(requestIds);
    const access = await repo.auditOf('request', requestIds);
    const letters = new Map((await repo.letters(requests.flatMap((r) => (r.request.replyLetterId === null ? [] : [r.request.replyLetterId])))).map((l) => [l.id, l]));
    const registrations = await repo.registrationsOf(citizenId);
    const enquiries = await repo.enquiriesOf(citizenId);
    const o = await office();
    return {
      format: 'rathausbuero-datenauskunft',
      version: 1,
      office: [o.stadt, o.dienststelle, o.amt].filter(Boolean).join(' · '),
      createdAt: deps.now().toISOString(),
      createdBy: deps.user,
      person: {
        id: person.id,
        gender: person.gender,
        degrees: person.degrees,
        givenName: person.givenName,
        surname: person.surname,
        street: person.street,
        houseNumber: person.houseNumber,
        postcode: person.postcode,
        city: person.city,
        email: person.email,
        phone: person.phone,
        createdAt: person.createdAt,
        updatedAt: person.updatedAt,
      },
      requests: requests.map(({ request: r, department }) => {
        const letter = r.replyLetterId === null ? undefined : letters.get(r.replyLetterId);
        return {
          id: r.id,
          kind: r.kind,
          channel: r.channel,
          subject: r.subject,
          text: r.text,
          category: r.category,
          district: r.district,
          place: r.place,
          receivedOn: r.receivedOn,
          status: r.status,
          department,
          acknowledgedOn: r.acknowledgedOn,
          statementRequestedOn: r.statementRequestedOn,
          statementDue: r.statementDue,
          statementReceivedOn: r.statementReceivedOn,
          statementText: r.statementText,
          statementUnnecessary: r.statementUnnecessary,
          remindedOn: r.remindedOn,
          answeredOn: r.answeredOn,
          closedOn: r.closedOn,
          followUpOn: r.followUpOn,
          eventId: r.eventId,
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
          history: history.filter((h) => h.requestId === r.id).map(({ at, user, action, status, note }) => ({ at, user, action, status, note })),
          attachments: attachments.filter((a) => a.requestId === r.id).map(({ fileName, size, addedAt }) => ({ fileName, size, addedAt })),
          links: links
            .filter((l) => l.requestId === r.id || l.linkedId === r.id)
            .map((l) => ({ requestId: l.requestId === r.id ? l.linkedId : l.requestId, note: l.note })),
          replyLetter: letter
            ? { id: letter.id, subject: letter.subject, letterDate: letter.letterDate, status: letter.status, signerName: letter.signerName, recipient: letter.recipientLines }
            : null,
          accessLog: access.filter((a) => a.entityId === r.id).map(accessEntry),
        };
      }),
      eventRegistrations: registrations.map(({ registration, event }) => ({
        event: { id: event.id, kind: event.kind, title: event.title, start: event.start, end: event.end, district: event.district, place: event.place },
        topic: registration.topic,
        registeredOn: registration.registeredOn,
        attended: registration.attended,
      })),
      volunteerEnquiries: enquiries.map(({ enquiry: e, organisation }) => ({
        id: e.id,
        receivedOn: e.receivedOn,
        interests: e.interests,
        fields: Array.isArray(e.fields) ? (e.fields as unknown[]).map(String) : [],
        organisation: organisation ? displayNameOf(organisation) : null,
        referredOn: e.referredOn,
        outcome: e.outcome,
        notes: e.notes,
        createdAt: e.createdAt,
        updatedAt: e.updatedAt,
      })),
    };
  };

  const handlers: PrivacyHandlers = {
    'privacy.settings': () => settings(),
    'privacy.settings.save': async (input) => {
      await deps.engine.transaction(async () => {
        await settingsRepo.putSetting(SETTINGS_KEY, input, deps.now().toISOString());
        await audit(deps, {
          action: 'update',
          entity: 'settings',
          summary: `Aufbewahrung: Anliegen ${input.requestRetentionYears} J., Anmeldungen ${input.eventRetentionMonths} Mon., Ehrenamt ${input.volunteeringRetentionYears} J.`,
        });
      });
      return settings();
    },

    'privacy.retention.run': async ({ automatic }) => {
      const today = utcToLocalDate(deps.now().getTime());
      // The daily check runs once a day for the office: in office mode every PC starts it, and the
      // first one's report stands for the day (a second run would erase nothing new; a run by hand always runs).
      const doneToday = async () => {
        const last = automatic ? await lastReport() : null;
        return last?.automatic && last.date === today ? last : null;
      };
      const before = await doneToday();
      if (before) return before;
      // Once at a time for the office: a second start, on any PC, is refused while it runs (CONFLICT).
      const job = await jobs.begin('retention-check');
      try {
        // Another PC may have finished today's check between the look above and the start.
        const meanwhile = await doneToday();
        if (meanwhile) {
          await job.finish('done', 'Heute bereits an einem anderen Arbeitsplatz geprüft.');
          return meanwhile;
        }
        const rules = await settings();
        const cutoffs = retentionCutoffs(today, rules);
        const target = {
          requests: await repo.requestsClosedBefore(cutoffs.requestsClosedBefore),
          enquiries: await repo.enquiriesUpdatedBefore(new Date(localDateToUtc(cutoffs.volunteeringUpdatedBefore)).toISOString()),
          registrations: await repo.registrationsOfEventsEndedBefore(cutoffs.eventsEndedBefore),
        };
        job.progress(0, target.requests.length + target.enquiries.length + target.registrations.length);
        let report: RetentionReport | undefined;
        await erase(target, async (erased, at) => {
          report = { at, date: today, automatic, settings: rules, cutoffs, erased };
          await settingsRepo.putSetting(LAST_REPORT_KEY, report, at);
          await audit(deps, { action: 'retention', entity: 'privacy', summary: `Aufbewahrungsfristen geprüft${automatic ? ' (täglich)' : ''}: ${describe(erased)}` });
        });
        await job.finish('done', `Aufbewahrungsfristen geprüft: ${describe(report!.erased)}`);
        return report!;
      } catch (error) {
        // The check's own error is what the caller hears, also when the job's end cannot be written (the database gone).
        await job.finish('failed', error instanceof AppError ? error.message : 'Die Prüfung ist mit einem Fehler abgebrochen.').catch(() => {});
        throw error;
      }
    },
    'privacy.retention.last': () => lastReport(),

    'privacy.citizen.export': async ({ citizenId, format }) => {
      const data = await exportData(citizenId, format);
      const name = ['Datenauskunft', fileNamePart(data.person.surname) || String(citizenId), utcToLocalDate(deps.now().getTime())];
      if (format === 'json') return fileContent(fileNameOf(name, 'json'), new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`));
      return fileContent(fileNameOf(name, 'docx'), await (await documents()).privacyExportDocx(data, (await office()).holder.title.accusative));
    },

    'privacy.citizen.erase': async ({ citizenId, confirm }) => {
      const person = await mustFindCitizen(citizenId);
      if (!sameSurname(confirm, person.surname)) {
        throw new AppError('INVALID_INPUT', 'Der eingegebene Nachname stimmt nicht mit dem gespeicherten überein. Es wurde nichts gelöscht.', {
          issues: [{ path: ['confirm'], field: 'Bestätigung', message: 'Der Nachname stimmt nicht überein.' }],
        });
      }
      const requests = await repo.requestsOf(citizenId);
      const keptLetters = (await lettersTo(person, requests)).map(({ id, file, subject, letterDate }) => ({ id, file, subject, letterDate }));
      const target = {
        requests: requests.map((r) => r.request.id),
        enquiries: await repo.enquiryIdsOf(citizenId),
        registrations: await repo.registrationIdsOf(citizenId),
        citizen: citizenId,
      };
      let at = '';
      const { counts: erased, logEmptied } = await erase(target, async (counts, when) => {
        at = when;
        await repo.scrubLetterAudit(keptLetters.map((l) => l.id));
        await audit(deps, { action: 'erase', entity: 'citizen', entityId: citizenId, summary: `Alle Daten auf Wunsch gelöscht: ${describe(counts)}` });
      });
      const listed = keptLetters.map((l) => `Nr. ${l.id} „${l.subject}“ vom ${formatDateNumeric(l.letterDate)}`).join(', ');
      const notes =
        keptLetters.length === 1
          ? [`Ein Brief an die Person im Postausgang enthält Name und Anschrift; er wird mit dem Schriftgut aufbewahrt und hier nicht gelöscht: ${listed}.`]
          : keptLetters.length > 1
            ? [`${keptLetters.length} Briefe an die Person im Postausgang enthalten Name und Anschrift; sie werden mit dem Schriftgut aufbewahrt und hier nicht gelöscht: ${listed}.`]
            : [];
      if (!logEmptied) {
        notes.push('Ein anderer Teil von Rathausbüro (z. B. ein laufender Import) liest gerade die Datenbank; die gelöschten Angaben werden endgültig überschrieben, sobald er fertig ist, spätestens beim Beenden.');
      }
      return { at, erased, keptLetters, notes };
    },

    'privacy.accessLog': async ({ requestId }) => {
      if (!(await repo.requestExists(requestId))) throw new AppError('NOT_FOUND', `Das Anliegen Nr. ${requestId} wurde nicht gefunden.`, { id: requestId });
      return (await repo.auditOf('request', [requestId])).map(accessEntry);
    },
  };
  return { handlers, settings, lastReport };
}
