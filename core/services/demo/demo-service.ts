import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { ServiceDeps } from '../deps';
import { recordAudit } from '../audit';
import type { RoleCatalogue } from '../reference/role-catalogue';
import { contactsRepository } from '../contacts/repository';
import { createContactWriter } from '../contacts/contacts-service';
import { buildDemoContacts } from './demo-contacts';

/** Loads the fictional demo office into an empty database, in one transaction. */
export function createDemoService(deps: ServiceDeps, catalogue: RoleCatalogue): Pick<Handlers, 'demo.load'> {
  const repo = contactsRepository(deps.db);
  const writer = createContactWriter(deps, catalogue);
  return {
    'demo.load': () => {
      if (repo.count() > 0) {
        throw new AppError(
          'CONFLICT',
          'Beispieldaten können nur in eine leere Datenbank geladen werden; es sind bereits Kontakte vorhanden.',
        );
      }
      const demo = buildDemoContacts();
      return deps.db.transaction(() => {
        const ids = new Map<string, number>();
        // Organisations first, so persons can point at them.
        const ordered = [...demo].sort((a, b) => Number(b.data.kind === 'organisation') - Number(a.data.kind === 'organisation'));
        for (const entry of ordered) {
          const organisationId = entry.organisationRef ? ids.get(entry.organisationRef) ?? null : null;
          const data = entry.data.kind === 'person' ? { ...entry.data, organisationId, partnerId: null } : entry.data;
          ids.set(entry.ref, writer.create(data));
        }
        for (const entry of demo) {
          if (entry.partnerRef) repo.setPartner(ids.get(entry.ref)!, ids.get(entry.partnerRef)!);
        }
        recordAudit(deps, { action: 'demo', entity: 'contact', summary: `${demo.length} Beispielkontakte geladen` });
        return { contacts: demo.length };
      });
    },
  };
}
