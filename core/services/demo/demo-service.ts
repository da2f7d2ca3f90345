import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { ServiceDeps } from '../deps';
import { audit } from '../audit';
import type { RoleCatalogue } from '../reference/role-catalogue';
import { contactsRepository } from '../contacts/repository';
import { createContactWriter } from '../contacts/contacts-service';
import { buildDemoContacts } from './demo-contacts';
import { settingsRepository } from '../settings/repository';
import { DEFAULT_OFFICE } from '../settings/settings-service';
import { calendarRepository } from '../calendar/repository';
import { textBlockIndex } from '../search/full-text';
import { isoDateInBerlin } from '../../domain/dates/format';
import { demoSpeeches } from './demo-speeches';
import { loadDemoRequests } from './demo-requests';
import { demoSave, type DemoContext, type DemoSave } from './demo-context';
import { loadDemoRepresentation } from './demo-representation';
import { loadDemoPress } from './demo-press';
import { loadDemoDialogue } from './demo-dialogue';
import { demoRegisterExtract, loadDemoRegisterExtract } from './demo-residents';

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

/**
 * Loads the fictional demo office into an empty database, all or nothing: contacts, signers and
 * office settings, calendars, speeches, citizens' requests, patronages, visits, gifts, the press
 * office, citizens' talks and walks, volunteering, and a register extract with the jubilees of
 * the weeks around today.
 */
export function createDemoService(deps: ServiceDeps, catalogue: RoleCatalogue, handlers: () => Handlers): Pick<Handlers, 'demo.load'> {
  const repo = contactsRepository(deps.engine);
  const writer = createContactWriter(deps, catalogue);
  const save = demoSave(handlers);
  return {
    'demo.load': async () => {
      if ((await repo.count()) > 0) {
        throw new AppError(
          'CONFLICT',
          'Beispieldaten können nur in eine leere Datenbank geladen werden; es sind bereits Kontakte vorhanden.',
        );
      }
      const demo = buildDemoContacts();
      const today = isoDateInBerlin(deps.now());
      const extract = demoRegisterExtract(today);
      // One transaction for all of it; the services' own transactions become savepoints of it.
      // Services not yet on the engine write synchronously on the same connection, inside it.
      return deps.engine.transaction(async () => {
        const ids = new Map<string, number>();
        // Organisations first, so persons can point at them.
        const ordered = [...demo].sort((a, b) => Number(b.data.kind === 'organisation') - Number(a.data.kind === 'organisation'));
        for (const entry of ordered) {
          const organisationId = entry.organisationRef ? ids.get(entry.organisationRef) ?? null : null;
          const data = entry.data.kind === 'person' ? { ...entry.data, organisationId, partnerId: null } : entry.data;
          ids.set(entry.ref, await writer.create(data));
        }
        for (const entry of demo) {
          if (entry.partnerRef) await repo.setPartner(ids.get(entry.ref)!, ids.get(entry.partnerRef)!);
        }
        const settings = settingsRepository(deps.engine);
        const at = deps.now().toISOString();
        if ((await settings.signers()).length === 0) for (const signer of DEMO_SIGNERS) await settings.insertSigner({ ...signer, active: true });
        if ((await settings.getSetting('office')) === undefined) {
          await settings.putSetting('office', { ...DEFAULT_OFFICE, contactPersons: DEMO_CONTACT_PERSONS }, at);
        }
        if ((await settings.textBlocks()).length === 0) {
          const index = textBlockIndex(deps.engine);
          for (const block of DEMO_TEXT_BLOCKS) await index.put({ ...block, id: await settings.insertTextBlock({ ...block, updatedAt: at }) });
        }
        await loadDemoCalendars(deps, ids, at);
        await loadDemoSpeeches(deps, save);
        await loadDemoRequests(deps);
        const context: DemoContext = {
          save,
          today,
          contact: (ref) => {
            const id = ids.get(ref);
            if (id === undefined) throw new Error(`Beispieldaten: Kontakt ${ref} fehlt.`);
            return id;
          },
        };
        const [mayor] = await settings.signers();
        const [mayorsCalendar] = await calendarRepository(deps.engine).calendars();
        await loadDemoRepresentation(context, mayor?.id ?? null);
        await loadDemoPress(context, mayorsCalendar?.id ?? null);
        await loadDemoDialogue(context);
        const centenarian = await loadDemoRegisterExtract(deps, extract);
        if (centenarian) {
          await save('jubilees.visits.plan', {
            jubileeDate: centenarian.date,
            kind: 'birthday',
            registerIds: [centenarian.registerId],
            visitDate: centenarian.date,
            visitor: mayor ? `${mayor.office} ${mayor.name}` : 'Oberbürgermeisterin',
            note: 'Mit Blumen und der Glückwunschurkunde; Familie ist informiert.',
          });
        }
        await audit(deps, { action: 'demo', entity: 'contact', summary: `${demo.length} Beispielkontakte geladen` });
        return { contacts: demo.length };
      });
    },
  };
}

/** The demo speeches, for the demo signers and appointments (saved as staff would: texts become versions). */
async function loadDemoSpeeches(deps: ServiceDeps, save: DemoSave): Promise<void> {
  const signers = await settingsRepository(deps.engine).signers();
  // The demo appointments lie in December 2026.
  const appointments = await calendarRepository(deps.engine).appointmentsIn('2026-12-01T00:00', '2027-01-01T00:00');
  for (const { speakerIndex, appointmentTitle, input } of demoSpeeches()) {
    const appointmentId = appointments.find((a) => a.title === appointmentTitle)?.id ?? null;
    await save('speeches.save', { ...input, speakerId: signers[speakerIndex]?.id ?? null, appointmentId });
  }
}

/** One colour per calendar, distinguishable for most forms of colour blindness. */
const CALENDAR_COLORS = ['#0f6cbd', '#c239b3', '#498205', '#ca5010', '#038387'];

/** Calendars of the demo signers, the car pool, a few appointments and two open invitations (December 2026). */
async function loadDemoCalendars(deps: ServiceDeps, contactIds: Map<string, number>, at: string): Promise<void> {
  const repo = calendarRepository(deps.engine);
  const signers = await settingsRepository(deps.engine).signers();
  for (const [i, signer] of signers.entries()) await repo.saveCalendar({ signerId: signer.id, color: CALENDAR_COLORS[i % CALENDAR_COLORS.length], sortOrder: i });
  const calendars = await repo.calendars();
  const [ob, bm1, bm2] = calendars;
  if (!ob) return;
  const driver = (await repo.saveDriver({ name: 'Jürgen Brinkmann', phone: '0203 283-2210', active: true, notes: '' }))!;
  await repo.saveDriver({ name: 'Sevgi Aydın', phone: '0203 283-2211', active: true, notes: '' });
  const car = (await repo.saveVehicle({ name: 'Dienstwagen 1', plate: 'DU-OB 1', seats: 4, active: true, notes: '' }))!;
  await repo.saveVehicle({ name: 'Dienstwagen 2', plate: 'DU-OB 2', seats: 6, active: true, notes: '' });
  const blank = { routeNote: '', programme: '', dressCode: '', press: '', gift: '', notes: '', invitationId: null, recurrenceRule: null, recurrenceExceptions: [] as string[], driverId: null, vehicleId: null, status: 'bestätigt' as const, allDay: false };
  await repo.insertAppointment({ ...blank, calendarId: ob.id, title: 'Bürgersprechstunde', start: '2026-12-02T16:00', end: '2026-12-02T18:00', place: 'Rathaus, Raum 100', recurrenceRule: 'FREQ=MONTHLY;BYDAY=1WE' }, at);
  const reception = await repo.insertAppointment({ ...blank, calendarId: ob.id, title: 'Empfang der Delegation aus Portsmouth', start: '2026-12-08T11:00', end: '2026-12-08T13:00', place: 'Rathaus, Ratssaal', programme: '11:00 Begrüßung\n11:30 Eintrag in das Goldene Buch\n12:00 Imbiss', dressCode: 'dunkler Anzug', gift: 'Bildband Duisburg', driverId: driver.id, vehicleId: car.id }, at);
  // Guests of honour of the reception (the speech greets them).
  const honoured = ['p:pendleton-helen', 'p:pendleton-graham', 'p:holtkamp-ingrid'].flatMap((ref) => (contactIds.has(ref) ? [contactIds.get(ref)!] : []));
  await repo.replacePeople(reception.id, honoured.map((contactId) => ({ contactId, role: 'guest' as const, note: '' })));
  await repo.insertAppointment({ ...blank, calendarId: ob.id, title: 'Weihnachtskonzert der Musikschule', start: '2026-12-08T12:30', end: '2026-12-08T14:00', place: 'Mercatorhalle', status: 'geplant' }, at);
  if (bm1) await repo.insertAppointment({ ...blank, calendarId: bm1.id, title: 'Jubiläum 125 Jahre Turnverein', start: '2026-12-12T18:00', end: '2026-12-12T21:00', place: 'Sporthalle Homberg' }, at);
  if (bm2) await repo.insertAppointment({ ...blank, calendarId: bm2.id, title: 'Adventsmarkt Eröffnung', start: '2026-12-05T16:00', end: '2026-12-05T17:00', place: 'König-Heinrich-Platz' }, at);
  const inviter = contactIds.get('org:freundeskreis-portsmouth') ?? null;
  await repo.insertInvitation(
    { inviterContactId: inviter, inviterName: inviter ? '' : 'Freundeskreis Duisburg–Portsmouth e. V.', event: 'Neujahrsempfang des Freundeskreises Duisburg–Portsmouth', dates: [{ start: '2027-01-15T18:00', end: '2027-01-15T21:00', allDay: false }], place: 'Rathaus, Mercatorzimmer', addressedTo: 'Oberbürgermeisterin', receivedOn: '2026-11-10', replyBy: '2026-11-25', requests: ['attendance', 'grusswort'], notes: '', status: 'open', calendarId: null, decidedAt: null, decidedBy: null, decisionNote: '', replyLetterId: null },
    at,
  );
  await repo.insertInvitation(
    { inviterContactId: null, inviterName: 'Bürgerverein Ruhrort e. V.', event: 'Sommerfest am Hafen', dates: [{ start: '2027-06-19T15:00', end: '2027-06-19T19:00', allDay: false }, { start: '2027-06-20T11:00', end: '2027-06-20T15:00', allDay: false }], place: 'Ruhrort, Leinpfad', addressedTo: 'Oberbürgermeisterin', receivedOn: '2026-11-20', replyBy: '2027-01-31', requests: ['attendance'], notes: '', status: 'open', calendarId: null, decidedAt: null, decidedBy: null, decisionNote: '', replyLetterId: null },
    at,
  );
}
