import type { Handlers } from '../api/contract';
import type { ServiceDeps } from './deps';
import { createRoleCatalogue } from './reference/role-catalogue';
import { createAddressingService } from './addressing/addressing-service';
import { createContactsService } from './contacts/contacts-service';
import { createContactImportService } from './contacts/import-service';
import { createDemoService } from './demo/demo-service';
import { createAppService } from './app/app-service';

export type { ServiceDeps } from './deps';

/** All handlers of the contract, built from their dependencies. */
export function createServices(deps: ServiceDeps): Handlers {
  const catalogue = createRoleCatalogue(deps.db);
  return {
    ...createAppService(deps),
    ...createDemoService(deps, catalogue),
    ...createAddressingService(catalogue),
    ...createContactsService(deps, catalogue).handlers,
    ...createContactImportService(deps, catalogue),
  };
}
