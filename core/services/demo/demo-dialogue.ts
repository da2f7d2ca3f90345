/**
 * Citizens' dialogue for the demo office (all names fictional): a citizens' talk and a walk
 * coming up with registrations, a walk that is over, and civic engagement — offers of clubs and
 * enquiries of people who want to volunteer (open, referred, no offer found). Written through the
 * services, as staff would enter them.
 */
import { addDays } from '../../domain/calendar/time';
import type { CitizenInput } from '../../api/schemas/citizen-requests';
import type { DemoContext } from './demo-context';

const street = (street: string, houseNumber: string, postcode: string) => ({ street, houseNumber, postcode, city: 'Duisburg' });

export async function loadDemoDialogue(demo: DemoContext): Promise<void> {
  await loadCitizenEvents(demo);
  await loadVolunteering(demo);
}

async function loadCitizenEvents({ save, today }: DemoContext): Promise<void> {
  const register = async (eventId: number, citizen: CitizenInput, topic: string, daysAgo: number) =>
    await save('citizenEvents.register', { eventId, citizen, topic, registeredOn: addDays(today, -daysAgo) });

  const talk = await save('citizenEvents.save', {
    kind: 'gespraech',
    title: 'Bürgergespräch in Walsum',
    start: `${addDays(today, 9)}T18:00`,
    end: `${addDays(today, 9)}T20:00`,
    district: 'Walsum',
    place: 'Rathaus Walsum, Sitzungssaal',
    capacity: 60,
    notes: 'Die Bezirksbürgermeisterin nimmt teil; Fachbereiche Verkehr und Grünflächen sind eingeladen.',
  });
  await register(talk.id, { gender: 'female', givenName: 'Ilka', surname: 'Brömmelkamp', ...street('Römerstraße', '41', '47179'), email: 'ilka.broemmelkamp@example.org' }, 'Schulweg an der Römerstraße', 6);
  await register(talk.id, { gender: 'male', givenName: 'Kemal', surname: 'Doğan', ...street('Friedrich-Ebert-Straße', '112', '47179') }, 'Öffnungszeiten des Hallenbads', 4);
  await register(talk.id, { gender: 'male', givenName: 'Hubert', surname: 'Lenzen', ...street('Kometenplatz', '3', '47179'), phone: '0203 4471190' }, '', 1);

  const walk = await save('citizenEvents.save', {
    kind: 'spaziergang',
    title: 'Bürgerspaziergang durch Hochfeld',
    start: `${addDays(today, 16)}T16:00`,
    end: `${addDays(today, 16)}T18:00`,
    district: 'Mitte',
    place: 'Hochfelder Markt',
    capacity: 25,
    route: [
      { time: '16:00', place: 'Hochfelder Markt', note: 'Begrüßung; neue Marktstände' },
      { time: '16:30', place: 'Rheinpark, Zugang Wanheimer Straße', note: 'Beleuchtung des Fußwegs' },
      { time: '17:10', place: 'Pauluskirche', note: 'Nachbarschaftszentrum im Gemeindehaus' },
      { time: '17:45', place: 'Heerstraße / Ecke Brückenplatz', note: 'Abschluss, Fragen' },
    ],
  });
  await register(walk.id, { gender: 'female', givenName: 'Agata', surname: 'Wiśniewska', ...street('Heerstraße', '88', '47053'), email: 'a.wisniewska@example.net' }, 'Sauberkeit im Rheinpark', 5);
  await register(walk.id, { gender: 'diverse', givenName: 'Robin', surname: 'Achterberg', ...street('Wanheimer Straße', '17', '47053') }, 'Beleuchtung', 3);
  await register(walk.id, { gender: 'female', givenName: 'Ursula', surname: 'Pannenbäcker', ...street('Paulusstraße', '9', '47053'), phone: '0203 665412' }, '', 2);
  await register(walk.id, { gender: 'male', givenName: 'Emre', surname: 'Kılıç', ...street('Heerstraße', '140', '47053') }, 'Parkplätze für Anwohner', 1);

  // A walk that is over: registered while it lay ahead, then held.
  const ruhrort = {
    kind: 'spaziergang' as const,
    title: 'Bürgerspaziergang durch Ruhrort',
    district: 'Homberg/Ruhrort/Baerl',
    place: 'Ruhrorter Rathaus, Amtsgerichtsstraße',
    capacity: 30,
    route: [
      { time: '15:00', place: 'Ruhrorter Rathaus', note: '' },
      { time: '15:40', place: 'Mühlenweide', note: 'Hochwasserschutz' },
      { time: '16:20', place: 'Schifferbörse', note: 'Abschluss' },
    ],
  };
  const past = await save('citizenEvents.save', { ...ruhrort, start: `${addDays(today, 1)}T15:00`, end: `${addDays(today, 1)}T17:00` });
  await register(past.id, { gender: 'male', givenName: 'Heribert', surname: 'Schmitz-Overbeck', ...street('Dammstraße', '22', '47119') }, 'Hochwasserschutz an der Mühlenweide', 30);
  await register(past.id, { gender: 'female', givenName: 'Sevim', surname: 'Arslantaş', ...street('Fabrikstraße', '5', '47119') }, '', 28);
  await save('citizenEvents.save', {
    ...ruhrort,
    id: past.id,
    revision: past.revision,
    start: `${addDays(today, -21)}T15:00`,
    end: `${addDays(today, -21)}T17:00`,
    notes: 'Rund 40 Teilnehmende; Anregungen zum Hochwasserschutz an den Fachbereich weitergegeben.',
  });
}

async function loadVolunteering({ save, contact, today }: DemoContext): Promise<void> {
  const offer = async (ref: string, field: string, description: string) => save('volunteering.offers.save', { organisationId: contact(ref), field, description });
  await offer('org:ruderverein', 'Sport', 'Helferinnen und Helfer bei Regatten (Zeitnahme, Bootsplatz)');
  await offer('org:kg-meiderich', 'Kinder und Jugend', 'Betreuung der Kindertanzgruppe (donnerstags)');
  await offer('org:heimatverein-walsum', 'Kultur', 'Sonntagsdienst im Heimatmuseum');
  await offer('org:foerderverein-park', 'Umwelt und Natur', 'Pflege der Gärten im Landschaftspark (samstags)');
  await offer('org:kulturverein-marxloh', 'Integration', 'Hausaufgabenhilfe und Sprachcafé');
  await offer('org:buergerverein-neudorf', 'Stadtteilarbeit', 'Mitarbeit im Stadtteilbüro');
  await offer('org:kath-hildegard', 'Seniorinnen und Senioren', 'Besuchsdienst im Seniorenheim St. Hildegard');

  await save('volunteering.enquiries.save', {
    citizen: { gender: 'female', givenName: 'Renate', surname: 'Gläser', ...street('Augustastraße', '12', '47198'), email: 'renate.glaeser@example.de' },
    receivedOn: addDays(today, -3),
    interests: 'Frisch im Ruhestand; möchte gern mit Kindern Sport machen, am liebsten in Ruhrort.',
    fields: ['Sport', 'Kinder und Jugend'],
  });
  await save('volunteering.enquiries.save', {
    citizen: { gender: 'male', givenName: 'Yusuf', surname: 'Akgül', ...street('Kaiser-Wilhelm-Straße', '230', '47169'), phone: '0176 5512034' },
    receivedOn: addDays(today, -18),
    interests: 'Studiert Lehramt und möchte Kindern bei den Hausaufgaben helfen.',
    fields: ['Integration', 'Bildung'],
    organisationId: contact('org:kulturverein-marxloh'),
    referredOn: addDays(today, -10),
    outcome: 'vermittelt',
  });
  await save('volunteering.enquiries.save', {
    citizen: { gender: 'male', degrees: 'Dr.', givenName: 'Bernd', surname: 'Hollmann', ...street('Masurenallee', '7', '47279'), email: 'b.hollmann@example.com' },
    receivedOn: addDays(today, -30),
    interests: 'Sucht eine Aufgabe im Tierschutz, zwei Nachmittage in der Woche.',
    fields: ['Tierschutz'],
    outcome: 'kein_angebot',
    notes: 'Auf das Tierheim der Nachbarstadt hingewiesen; in Duisburg derzeit kein Angebot in der Liste.',
  });
}
