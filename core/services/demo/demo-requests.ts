import type { RequestChannel, RequestKind } from '../../api/schemas/citizen-requests';
import { addDays } from '../../domain/calendar/time';
import { addWorkingDays } from '../../domain/calendar/holidays';
import { formatDateLong, isoDateInBerlin } from '../../domain/dates/format';
import { applyStep, type WorkflowRequest, type WorkflowStep } from '../../domain/requests/workflow';
import { searchNameOf } from '../citizens/citizens';
import { citizenRecords } from '../citizens/repository';
import type { ServiceDeps } from '../deps';
import { requestsRepository, type RequestRow } from '../requests/repository';
import { requestIndex } from '../requests/requests-service';

/** Fictional departments (Fachbereiche) asked for statements. */
const DEMO_DEPARTMENTS = [
  { name: 'Amt für Straßenbau und Verkehr (66)', email: 'strassenbau@stadt-duisburg.example' },
  { name: 'Grünflächen und Friedhöfe (67)', email: 'gruenflaechen@stadt-duisburg.example' },
  { name: 'Wirtschaftsbetriebe – Abfall und Stadtreinigung', email: 'stadtreinigung@stadt-duisburg.example' },
  { name: 'Bürger- und Ordnungsamt (32)', email: 'ordnungsamt@stadt-duisburg.example' },
  { name: 'Amt für Schulische Bildung (40)', email: 'schule@stadt-duisburg.example' },
  { name: 'Amt für Soziales und Wohnen (50)', email: 'soziales@stadt-duisburg.example' },
];

type Person = { gender: 'female' | 'male'; givenName: string; surname: string; street: string; houseNumber: string; postcode: string; city: string; email: string };
const VOGT: Person = { gender: 'female', givenName: 'Marlene', surname: 'Vogtländer', street: 'Königstraße', houseNumber: '14', postcode: '47051', city: 'Duisburg', email: 'm.vogtlaender@example.org' };

/** A step `daysAgo` days before today; `department` indexes DEMO_DEPARTMENTS. */
type DemoStep = { daysAgo: number; step: WorkflowStep; department?: number };

interface DemoRequest {
  kind: RequestKind;
  channel: RequestChannel;
  person: Person | null;
  subject: string;
  text: string;
  category: string;
  district: string;
  place: string;
  receivedDaysAgo: number;
  steps: DemoStep[];
  followUpToday?: boolean;
}

/** Forwarded so many working days ago that the ten-day deadline has passed. */
const OVERDUE_FORWARD = -14;

function demoRequests(today: string): DemoRequest[] {
  const workingDaysAgo = (n: number) => {
    const day = addWorkingDays(today, -n);
    return Math.round((Date.parse(today) - Date.parse(day)) / 86_400_000);
  };
  return [
    {
      kind: 'beschwerde',
      channel: 'brief',
      person: VOGT,
      subject: 'Defekte Straßenlaterne in der Königstraße',
      text: 'Seit Wochen ist die Straßenlaterne vor dem Haus Königstraße 12 ausgefallen. Abends ist der Gehweg völlig dunkel; ältere Nachbarinnen und Nachbarn trauen sich kaum noch hinaus.',
      category: 'Verkehr und Straßen',
      district: 'Mitte',
      place: 'Königstraße 12',
      receivedDaysAgo: workingDaysAgo(-OVERDUE_FORWARD) + 3,
      steps: [
        { daysAgo: workingDaysAgo(-OVERDUE_FORWARD) + 1, step: { step: 'acknowledge', via: 'brief' } },
        { daysAgo: workingDaysAgo(-OVERDUE_FORWARD), step: { step: 'forward', departmentId: 0 }, department: 0 },
      ],
    },
    {
      kind: 'idee',
      channel: 'email',
      person: { gender: 'male', givenName: 'Tobias', surname: 'Lindqvist-Brenner', street: 'Mülheimer Straße', houseNumber: '101', postcode: '47058', city: 'Duisburg', email: 'tobias.lb@example.net' },
      subject: 'Trinkbrunnen im Kantpark',
      text: 'Im Sommer wäre ein Trinkbrunnen im Kantpark eine große Hilfe – für Familien, Sportlerinnen und Sportler und ältere Menschen.',
      category: 'Grün und Spielplätze',
      district: 'Mitte',
      place: 'Kantpark',
      receivedDaysAgo: 6,
      steps: [
        { daysAgo: 5, step: { step: 'acknowledge', via: 'email' } },
        { daysAgo: workingDaysAgo(3), step: { step: 'forward', departmentId: 0 }, department: 1 },
      ],
    },
    {
      kind: 'beschwerde',
      channel: 'telefon',
      person: null,
      subject: 'Wilder Müll am Rheindeich',
      text: 'Anruf: Am Rheindeich in Baerl liegen seit Tagen Sperrmüll und Bauschutt. Die Anruferin wollte ihren Namen nicht nennen.',
      category: 'Sauberkeit und Müll',
      district: 'Homberg/Ruhrort/Baerl',
      place: 'Rheindeich Baerl',
      receivedDaysAgo: 10,
      steps: [
        { daysAgo: 9, step: { step: 'forward', departmentId: 0 }, department: 2 },
        { daysAgo: 4, step: { step: 'statement', receivedOn: '', text: 'Der Müll wurde am Folgetag abgeholt; die Stelle wird in den nächsten Wochen häufiger kontrolliert.' } },
        { daysAgo: 2, step: { step: 'close', note: 'Anonym – Abholung durch die Wirtschaftsbetriebe bestätigt.' } },
      ],
    },
    {
      kind: 'hilfe',
      channel: 'persoenlich',
      person: { gender: 'female', givenName: 'Hatice', surname: 'Demirel-Sauer', street: 'Weseler Straße', houseNumber: '37', postcode: '47169', city: 'Duisburg', email: '' },
      subject: 'Unterstützung bei der Wohnungssuche',
      text: 'Frau Demirel-Sauer sucht mit ihren drei Kindern eine größere Wohnung in Hamborn und bittet um Unterstützung; der Vermieter hat Eigenbedarf angemeldet.',
      category: 'Soziales und Gesundheit',
      district: 'Hamborn',
      place: '',
      receivedDaysAgo: 12,
      steps: [
        { daysAgo: 11, step: { step: 'acknowledge', via: 'brief' } },
        { daysAgo: 10, step: { step: 'forward', departmentId: 0 }, department: 5 },
        { daysAgo: 3, step: { step: 'statement', receivedOn: '', text: 'Die Wohnungsnotfallhilfe hat Frau Demirel-Sauer zu einem Beratungsgespräch eingeladen; ein Wohnberechtigungsschein wurde beantragt.' } },
      ],
    },
    {
      kind: 'lob',
      channel: 'brief',
      person: { gender: 'male', givenName: 'Konrad', surname: 'Ellerbrock', street: 'Am Brunnenhof', houseNumber: '5', postcode: '47259', city: 'Duisburg', email: '' },
      subject: 'Dank für die schnelle Reparatur der Ampel',
      text: 'Die Ampel an der Großenbaumer Allee wurde innerhalb eines Tages repariert. Herzlichen Dank an alle, die daran beteiligt waren!',
      category: 'Verkehr und Straßen',
      district: 'Süd',
      place: 'Großenbaumer Allee',
      receivedDaysAgo: 9,
      steps: [
        { daysAgo: 8, step: { step: 'acknowledge', via: 'brief' } },
        { daysAgo: 8, step: { step: 'close', note: '' } },
      ],
    },
    {
      kind: 'anregung',
      channel: 'buergergespraech',
      person: { gender: 'female', givenName: 'Ilse', surname: 'Brandhorst', street: 'Kometenplatz', houseNumber: '2', postcode: '47179', city: 'Duisburg', email: 'ilse.brandhorst@example.org' },
      subject: 'Mehr Sitzbänke am Marktplatz Walsum',
      text: 'Beim Bürgergespräch angeregt: Am Marktplatz fehlen Sitzgelegenheiten im Schatten, vor allem für ältere Menschen.',
      category: 'Grün und Spielplätze',
      district: 'Walsum',
      place: 'Marktplatz Walsum',
      receivedDaysAgo: 4,
      steps: [],
      followUpToday: true,
    },
    {
      kind: 'beschwerde',
      channel: 'email',
      person: { gender: 'male', givenName: 'Piotr', surname: 'Wawrzyniak', street: 'Friedrich-Alfred-Straße', houseNumber: '88', postcode: '47226', city: 'Duisburg', email: 'p.wawrzyniak@example.com' },
      subject: 'Lärm durch Laubbläser am Sonntag',
      text: 'In unserer Straße werden sonntags früh Laubbläser benutzt. Ist das erlaubt?',
      category: 'Ordnung und Sicherheit',
      district: 'Rheinhausen',
      place: '',
      receivedDaysAgo: 25,
      steps: [
        { daysAgo: 24, step: { step: 'start' } },
        { daysAgo: 22, step: { step: 'noStatement', note: 'Rechtslage (Landes-Immissionsschutzgesetz) bekannt; Antwort ohne Fachbereich.' } },
        { daysAgo: 18, step: { step: 'replied', letterId: 0 } },
      ],
    },
    {
      kind: 'idee',
      channel: 'email',
      person: VOGT,
      subject: 'Beleuchtung am Fußweg zur Königstraße',
      text: 'Auch der Fußweg zwischen Königstraße und Kuhlenwall ist abends sehr dunkel. Vielleicht ließen sich dort Solarleuchten aufstellen?',
      category: 'Verkehr und Straßen',
      district: 'Mitte',
      place: 'Fußweg Königstraße/Kuhlenwall',
      receivedDaysAgo: 2,
      steps: [{ daysAgo: 1, step: { step: 'acknowledge', via: 'email' } }],
    },
  ];
}

/**
 * Six departments and eight fictional requests in various states (overdue, waiting for a
 * statement, ready to answer, answered, closed, due for follow-up), their history written as
 * the workflow would; dates relative to today so the register looks alive. Names invented.
 */
export async function loadDemoRequests(deps: ServiceDeps): Promise<void> {
  const repo = requestsRepository(deps.engine);
  if ((await repo.departments()).length > 0) return;
  const index = requestIndex(deps.engine);
  const today = isoDateInBerlin(deps.now());
  const departments = [];
  for (const [i, d] of DEMO_DEPARTMENTS.entries()) departments.push((await repo.saveDepartment({ ...d, active: true, sortOrder: i }))!);
  const citizenIds = new Map<Person, number>();
  const citizens = citizenRecords(deps.engine);
  const moment = (day: string) => `${day}T08:30:00.000Z`;

  for (const demo of demoRequests(today)) {
    const receivedOn = addDays(today, -demo.receivedDaysAgo);
    let citizenId: number | null = null;
    if (demo.person) {
      const known: number =
        citizenIds.get(demo.person) ??
        (await citizens.insert({ ...demo.person, degrees: '', phone: '', searchName: searchNameOf(demo.person) }, moment(receivedOn))).id;
      citizenIds.set(demo.person, known);
      citizenId = known;
    }
    let row: RequestRow = await repo.insert(
      {
        kind: demo.kind,
        channel: demo.channel,
        citizenId,
        subject: demo.subject,
        text: demo.text,
        category: demo.category,
        district: demo.district,
        place: demo.place,
        receivedOn,
        status: 'eingegangen',
        followUpOn: demo.followUpToday ? today : null,
      },
      moment(receivedOn),
    );
    await repo.addHistory({ requestId: row.id, at: moment(receivedOn), user: deps.user, action: 'Anliegen erfasst', status: 'eingegangen', note: '' });
    for (const { daysAgo, step, department } of demo.steps) {
      const day = addDays(today, -daysAgo);
      const input: WorkflowStep =
        step.step === 'forward' ? { ...step, departmentId: departments[department!]!.id } : step.step === 'statement' ? { ...step, receivedOn: day } : step;
      const state: WorkflowRequest = {
        ...row,
        contact: demo.person ? { post: true, email: Boolean(demo.person.email) } : null,
      };
      const outcome = applyStep(state, input, day);
      if (!outcome.ok) throw new Error(`Beispieldaten: ${demo.subject}: ${outcome.message}`);
      // The demo answer has no letter in the register.
      const { replyLetterId: _none, ...changes } = outcome.changes;
      row = await repo.update({ id: row.id, revision: row.revision }, changes, moment(day));
      const note = input.step === 'forward' ? `${departments[department!]!.name}; Stellungnahme bis ${formatDateLong(row.statementDue!)}` : outcome.note;
      await repo.addHistory({ requestId: row.id, at: moment(day), user: deps.user, action: outcome.action, status: changes.status !== state.status ? changes.status : null, note });
    }
    await index.put(row);
  }
}
