import path from 'node:path';
import { contract, METHOD_NAMES, type Handlers, type MethodName } from '../api/contract';
import { AppError } from '../api/errors';
import type { Role } from '../api/schemas/addressing';
import type { ServiceDeps } from './deps';
import { audit, lastChangeOf } from './audit';
import { createTemplateWorkingCopies } from './letters/template-working-copies';
import { createRoleCatalogue } from './reference/role-catalogue';
import { createAddressingService } from './addressing/addressing-service';
import { createSpeechesService } from './speeches/speeches-service';
import { createContactsService } from './contacts/contacts-service';
import { createContactImportService } from './contacts/import-service';
import { createDemoService } from './demo/demo-service';
import { createAppService } from './app/app-service';
import { createSettingsService } from './settings/settings-service';
import { createPrivacyService } from './privacy/privacy-service';
import { createTemplateStore } from './letters/template-store';
import { createLettersService } from './letters/letters-service';
import { createMergeService } from './letters/merge-service';
import { createJobs } from './jobs/jobs-service';
import { createResidentsService } from './residents/residents-service';
import { lettersRepository } from './letters/repository';
import { createUploads } from './uploads/uploads-service';
import { createCalendarService } from './calendar/calendar-service';
import { createInvitationsService } from './calendar/invitations-service';
import { createJubileesService } from './residents/jubilees-service';
import { createPatronagesService } from './patronages/patronages-service';
import { createPartnershipsService } from './partnerships/partnerships-service';
import { createGreetingsService } from './greetings/greetings-service';
import { createVisitsService } from './visits/visits-service';
import { createGiftsService } from './gifts/gifts-service';
import { createRequestsService } from './requests/requests-service';
import { createCitizenEventsService } from './citizen-events/events-service';
import { createVolunteeringService } from './volunteering/volunteering-service';
import { createRequestStatsService } from './request-stats/stats-service';
import { createPressService } from './press/press-service';
import { createCrisisService } from './online/crisis-service';
import { createOnlineService } from './online/online-service';
import { createProposalsService } from './online/proposals-service';

export type { ServiceDeps } from './deps';

/** The services of an open database. */
export interface Services {
  /** All handlers of the contract. */
  handlers: Handlers;
  /** The app closes: its running long jobs end as broken off at once (services/jobs). */
  endRunningJobs(): Promise<void>;
}

/** All handlers of the contract, built from their dependencies and the role catalogue as stored at start. */
export function createServices(deps: ServiceDeps, atStart: { roles: readonly Role[] }): Services {
  const catalogue = createRoleCatalogue(deps.engine, atStart.roles);
  const contacts = createContactsService(deps, catalogue);
  const settings = createSettingsService(deps);
  const templates = createTemplateStore({
    shippedDir: deps.templatesDir,
    files: deps.files,
    // Office mode: Word edits a working copy on this PC; its saves go back into the office database.
    workingCopies:
      deps.files.kind === 'database'
        ? createTemplateWorkingCopies({
            files: deps.files,
            localDir: path.dirname(deps.dataFile),
            now: deps.now,
            problemsOf: (bytes, name) => templates.problemsOf(bytes, name),
            stored: async (id) => {
              await audit(deps, { action: 'update', entity: 'template', summary: `${id}: in Word gespeichert` });
              deps.changes.publish('templates.import');
            },
            changed: () => deps.changes.publish('templates.copyForEditing'),
            lastChange: (id) => lastChangeOf(deps.engine, 'template', `${id}:`),
          })
        : undefined,
  });
  const letters = createLettersService(deps, {
    templates,
    office: settings.office,
    signer: settings.signer,
    recipientOf: contacts.recipientOf,
  });
  const uploads = createUploads(deps);
  const jobs = createJobs(deps);
  const lettersRepo = lettersRepository(deps.engine);
  const residents = createResidentsService(deps, deps.background, uploads, lettersRepo.unsentForResidents, jobs);
  const jubilees = createJubileesService(deps, residents.repo, catalogue, settings.office, lettersRepo.jubileeLetters);
  const speeches = createSpeechesService(deps, catalogue, settings.office);
  const calendar = createCalendarService(deps, contacts.describe, settings.office, uploads, (appointmentId) => speeches.list({ appointmentId }));
  const invitations = createInvitationsService(deps, calendar, uploads, async (id) => (await contacts.repo.find(id)) !== undefined);
  const partnerships = createPartnershipsService(deps, catalogue);
  const handlers: Handlers = {
    ...createAppService(deps),
    ...createDemoService(deps, catalogue, () => handlers),
    ...createAddressingService(catalogue),
    ...speeches.handlers,
    ...contacts.handlers,
    ...createContactImportService(deps, catalogue),
    ...settings.handlers,
    ...createPrivacyService(deps, settings.office, jobs).handlers,
    ...letters.handlers,
    ...createMergeService(deps, letters, {
      contacts: contacts.repo,
      recipientsOf: contacts.recipientsOf,
      recipientOfData: contacts.recipientOfData,
      roles: catalogue.list,
      templateLanguage: (id) => templates.entry(id).language,
      partnerOf: async (id) => (await contacts.repo.find(id))?.partnerId ?? null,
      jubilees: jubilees.letterRecipients,
      jobs,
    }),
    ...jobs.handlers,
    ...uploads.handlers,
    ...residents.handlers,
    ...jubilees.handlers,
    ...calendar.handlers,
    ...invitations.handlers,
    ...createPatronagesService(deps, templates.manifest).handlers,
    ...partnerships.handlers,
    ...createGreetingsService(deps, { partnerships, letters, templates: templates.manifest, jobs }).handlers,
    ...createVisitsService(deps, catalogue, settings.office).handlers,
    ...createGiftsService(deps).handlers,
    ...createRequestsService(deps, { uploads, office: settings.office, templates: templates.manifest }).handlers,
    ...createCitizenEventsService(deps, settings.office).handlers,
    ...createVolunteeringService(deps).handlers,
    ...createRequestStatsService(deps, settings.office).handlers,
    ...createPressService(deps, settings.office).handlers,
    ...createOnlineService(deps, settings.office, uploads).handlers,
    ...createCrisisService(deps).handlers,
    ...createProposalsService(deps, {
      office: settings.office,
      greetings: async (year) => handlers['greetings.overview']({ year }),
      topic: async (id) => handlers['online.topics.get']({ id }),
    }).handlers,
  };
  return { handlers: waitWhileImporting(handlers, residents.writing), endRunningJobs: jobs.endMine };
}

/** Methods that change nothing in the database, or that must work during an import. */
const ALLOWED_DURING_IMPORT = new Set<MethodName>(['residents.import.cancel', 'uploads.append', 'uploads.discard']);

/**
 * While a register import writes (one transaction of many seconds in its worker), other changes
 * would wait for the database lock and then fail; they are refused at once with a clear message.
 * Reading goes on as usual.
 */
function waitWhileImporting(handlers: Handlers, importing: () => boolean): Handlers {
  const guarded = { ...handlers } as Record<MethodName, (input: unknown) => unknown>;
  for (const name of METHOD_NAMES) {
    if (!contract[name].mutates || ALLOWED_DURING_IMPORT.has(name)) continue;
    const handler = guarded[name];
    guarded[name] = (input) => {
      if (importing()) {
        throw new AppError(
          'CONFLICT',
          'Gerade wird ein Melderegister-Auszug übernommen; bis er fertig ist, kann nichts anderes gespeichert werden. Bitte versuchen Sie es gleich noch einmal.',
        );
      }
      return handler(input);
    };
  }
  return guarded as Handlers;
}
