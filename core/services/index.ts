import path from 'node:path';
import type { Handlers } from '../api/contract';
import type { ServiceDeps } from './deps';
import { createRoleCatalogue } from './reference/role-catalogue';
import { createAddressingService } from './addressing/addressing-service';
import { createContactsService } from './contacts/contacts-service';
import { createContactImportService } from './contacts/import-service';
import { createDemoService } from './demo/demo-service';
import { createAppService } from './app/app-service';
import { createSettingsService } from './settings/settings-service';
import { createTemplateStore } from './letters/template-store';
import { createLettersService } from './letters/letters-service';
import { createMergeService } from './letters/merge-service';
import { createResidentsService } from './residents/residents-service';
import { lettersRepository } from './letters/repository';
import { createJubileesService } from './residents/jubilees-service';

export type { ServiceDeps } from './deps';

/** All handlers of the contract, built from their dependencies. */
export function createServices(deps: ServiceDeps): Handlers {
  const catalogue = createRoleCatalogue(deps.db);
  const contacts = createContactsService(deps, catalogue);
  const settings = createSettingsService(deps);
  const templates = createTemplateStore({
    shippedDir: deps.templatesDir,
    userDir: path.join(path.dirname(deps.dataFile), 'Vorlagen'),
  });
  const letters = createLettersService(deps, {
    templates,
    office: settings.office,
    signer: settings.signer,
    recipientOf: contacts.recipientOf,
  });
  const residents = createResidentsService(deps, lettersRepository(deps.db).unsentForResidents);
  const jubilees = createJubileesService(deps, residents.repo, catalogue, settings.office);
  return {
    ...createAppService(deps),
    ...createDemoService(deps, catalogue),
    ...createAddressingService(catalogue),
    ...contacts.handlers,
    ...createContactImportService(deps, catalogue),
    ...settings.handlers,
    ...letters.handlers,
    ...createMergeService(deps, letters, {
      contacts: contacts.repo,
      recipientOfData: contacts.recipientOfData,
      roles: catalogue.list,
      templateLanguage: (id) => templates.usable(id).entry.language,
      partnerOf: (id) => contacts.repo.find(id)?.partnerId ?? null,
      jubilees: jubilees.list,
    }),
    ...residents.handlers,
    ...jubilees.handlers,
  };
}
