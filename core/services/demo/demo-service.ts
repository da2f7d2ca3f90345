import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { ServiceDeps } from '../deps';
import { recordAudit } from '../audit';
import type { RoleCatalogue } from '../reference/role-catalogue';
import { contactsRepository } from '../contacts/repository';
import { createContactWriter } from '../contacts/contacts-service';
import { buildDemoContacts } from './demo-contacts';
import { settingsRepository } from '../settings/repository';
import { DEFAULT_OFFICE } from '../settings/settings-service';

/** Fictional signers (names invented; the real ones are settings). */
const DEMO_SIGNERS = [
  { name: 'Dr. Petra Hovestadt', gender: 'female', office: 'Oberbürgermeisterin', deputy: false, sortOrder: 0 },
  { name: 'Volker Sandmann', gender: 'male', office: 'Bürgermeister', deputy: true, sortOrder: 1 },
  { name: 'Edeltraud Klasen', gender: 'female', office: 'Bürgermeisterin', deputy: true, sortOrder: 2 },
] as const;

const DEMO_CONTACT_PERSONS = [
  { name: 'Frau Kemper', phone: '0203 283-4711', email: 'protokoll@stadt-duisburg.example' },
  { name: 'Herr Yıldız', phone: '0203 283-4712', email: 'buergerdialog@stadt-duisburg.example' },
];

const DEMO_TEXT_BLOCKS = [
  {
    title: 'Dank für das Ehrenamt',
    category: 'Dank',
    text: 'Ihr Einsatz ist ein Gewinn für unsere Stadtgesellschaft. Dafür danke ich Ihnen im Namen aller Duisburgerinnen und Duisburger.',
  },
  {
    title: 'Wünsche zum Geburtstag',
    category: 'Glückwunsch',
    text: 'Für das neue Lebensjahr wünsche ich Ihnen Gesundheit, Zufriedenheit und viele schöne Stunden im Kreis Ihrer Familie und Freunde.',
  },
  {
    title: 'Duisburg in Zahlen',
    category: 'Stadt',
    text: 'Duisburg ist mit rund 500.000 Einwohnerinnen und Einwohnern die fünftgrößte Stadt Nordrhein-Westfalens und besitzt den größten Binnenhafen Europas.',
  },
];

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
        const settings = settingsRepository(deps.db);
        const at = deps.now().toISOString();
        if (settings.signers().length === 0) for (const signer of DEMO_SIGNERS) settings.insertSigner({ ...signer, active: true });
        if (settings.getSetting('office') === undefined) {
          settings.putSetting('office', { ...DEFAULT_OFFICE, contactPersons: DEMO_CONTACT_PERSONS }, at);
        }
        if (settings.textBlocks().length === 0) for (const block of DEMO_TEXT_BLOCKS) settings.insertTextBlock({ ...block, updatedAt: at });
        recordAudit(deps, { action: 'demo', entity: 'contact', summary: `${demo.length} Beispielkontakte geladen` });
        return { contacts: demo.length };
      });
    },
  };
}
