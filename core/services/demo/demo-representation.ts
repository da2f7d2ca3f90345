/**
 * Representation for the demo office (all names fictional): patronages requested, taken on and
 * declined; a delegation from Portsmouth with its programme, seating plan and Golden Book entry,
 * an ambassador's visit that is over and a journey to Calais ahead; gifts in stock, given and
 * received. Written through the services, as staff would enter them.
 */
import { addDays } from '../../domain/calendar/time';
import type { DemoContext } from './demo-context';

export async function loadDemoRepresentation(demo: DemoContext, patronId: number | null): Promise<void> {
  await loadPatronages(demo, patronId);
  await loadVisitsAndGifts(demo);
}

async function loadPatronages({ save, contact, today }: DemoContext, patronId: number | null): Promise<void> {
  const allMet = { publicBenefit: true, cityRelevance: true, noCommercialPurpose: true, politicalNeutrality: true };
  const regatta = await save('patronages.save', {
    organisationId: contact('org:ruderverein'),
    event: 'Internationale Ruhrorter Ruderregatta',
    eventFrom: addDays(today, 150),
    eventTo: addDays(today, 151),
    place: 'Regattabahn Wedau',
    receivedOn: addDays(today, -30),
    patronId,
    criteria: allMet,
    notes: 'Rund 600 Aktive aus acht Ländern; der Verein bittet um ein Grußwort im Programmheft.',
  });
  await save('patronages.decide', { id: regatta.id, revision: regatta.revision, decision: 'uebernommen', reasons: '' });
  await save('patronages.save', {
    organisationId: contact('org:foerderverein-park'),
    event: 'Lichterfest im Landschaftspark Nord',
    eventFrom: addDays(today, 60),
    place: 'Landschaftspark Duisburg-Nord, Gießhalle',
    receivedOn: addDays(today, -6),
    patronId,
    criteria: { publicBenefit: true, cityRelevance: true, noCommercialPurpose: null, politicalNeutrality: null },
    notes: 'Eintritt frei; Sponsoren noch nicht bekannt – Rückfrage beim Förderverein läuft.',
  });
  await save('patronages.save', {
    organisationId: contact('org:kulturverein-marxloh'),
    event: 'Interkulturelles Straßenfest Weseler Straße',
    eventFrom: addDays(today, 200),
    place: 'Marxloh, Weseler Straße',
    receivedOn: addDays(today, -2),
    patronId,
    criteria: allMet,
  });
  const company = await save('patronages.save', {
    organisationId: contact('org:hafenlogistik'),
    event: '50 Jahre Hafenlogistik Ruhrort – Kundentag',
    eventFrom: addDays(today, 90),
    place: 'Hafenlogistik Ruhrort, Halle 3',
    receivedOn: addDays(today, -20),
    patronId,
    criteria: { publicBenefit: false, cityRelevance: true, noCommercialPurpose: false, politicalNeutrality: true },
  });
  await save('patronages.decide', {
    id: company.id,
    revision: company.revision,
    decision: 'abgelehnt',
    reasons: 'Firmenveranstaltung mit Verkaufszweck; Schirmherrschaften übernimmt die Oberbürgermeisterin nur für gemeinnützige Anlässe.',
  });
}

async function loadVisitsAndGifts({ save, contact, today }: DemoContext): Promise<void> {
  const partnership = async (city: string) => (await save('partnerships.list', {})).find((p) => p.city === city)?.id ?? null;

  // Gifts in stock (Gastgeschenke), with the value of one piece.
  const item = async (name: string, description: string, quantity: number, unitValueCents: number) =>
    (await save('gifts.items.save', { name, description, quantity, unitValueCents })).id;
  const book = await item('Bildband „Duisburg – Stadt am Rhein“', 'Fotografien von Hafen, Landschaftspark und Innenhafen; deutsch und englisch.', 40, 3500);
  const plate = await item('Wandteller mit Stadtwappen', 'Handbemalt, im Geschenkkarton.', 12, 4500);
  await item('Manschettenknöpfe mit Stadtwappen', 'Silber, im Etui.', 25, 2800);
  const scarf = await item('Schal in den Stadtfarben', 'Blau-weiß, Wolle.', 50, 1500);

  // The Lord Mayor of Portsmouth visits: the reception of her delegation is in the calendar already.
  const reception = (await save('calendar.view', { from: '2026-12-01', to: '2026-12-31' })).occurrences.find((o) => o.title.startsWith('Empfang der Delegation aus Portsmouth'));
  const portsmouth = await save('visits.save', {
    direction: 'eingehend',
    title: 'Besuch der Lord Mayor of Portsmouth',
    partnershipId: await partnership('Portsmouth'),
    from: reception ? reception.start.slice(0, 10) : addDays(today, 11),
    to: reception ? addDays(reception.start.slice(0, 10), 2) : addDays(today, 13),
    interpreter: 'nicht nötig (die Gäste sprechen Deutsch und Englisch)',
    press: 'Fototermin vor dem Goldenen Buch; Pressemitteilung nach dem Empfang.',
    notes: 'Die Lord Mayor reist mit ihrem Ehemann; Unterbringung im Hotel am Innenhafen.',
    people: [
      { contactId: contact('p:pendleton-helen'), role: 'gast', honour: true },
      { contactId: contact('p:pendleton-graham'), role: 'gast' },
      { contactId: contact('p:holtkamp-ingrid'), role: 'gast' },
      { contactId: contact('p:hovestadt-petra'), role: 'gastgeber' },
      { contactId: contact('p:hovestadt-michael'), role: 'gastgeber' },
      { contactId: contact('p:arslan-guelsen'), role: 'gastgeber' },
      { contactId: contact('p:kolodziej-uwe'), role: 'gastgeber' },
    ],
    appointmentIds: reception ? [reception.appointmentId] : [],
  });
  // The lunch after the Golden Book: the seating the protocol rules propose, saved as it is.
  const proposal = await save('seating.propose', { visitId: portsmouth.id, tables: [{ name: 'Ehrentisch', seats: 8 }] });
  await save('seating.save', {
    visitId: portsmouth.id,
    title: 'Mittagessen im Mercatorzimmer',
    tables: proposal.tables.map((table) => ({ name: table.name, seats: table.seats.map((seat) => ({ contactId: seat.contactId, label: seat.contactId ? '' : seat.label })) })),
  });

  // An ambassador's first visit, over: signed the Golden Book, gifts exchanged.
  const ambassador = contact('p:petrauskas-jonas');
  const visitDay = addDays(today, -35);
  const embassy = await save('visits.save', {
    direction: 'eingehend',
    title: 'Antrittsbesuch des Botschafters der Republik Litauen',
    partnershipId: await partnership('Vilnius'),
    from: visitDay,
    to: visitDay,
    people: [
      { contactId: ambassador, role: 'gast', honour: true },
      { contactId: contact('p:terhorst-wolfgang'), role: 'gast' },
      { contactId: contact('p:hovestadt-petra'), role: 'gastgeber' },
    ],
  });
  await save('visits.goldenBook.save', {
    visitId: embassy.id,
    date: visitDay,
    contactId: ambassador,
    occasion: 'Antrittsbesuch',
    text: 'Mit Dank für die herzliche Aufnahme und in Erinnerung an 40 Jahre Freundschaft zwischen Duisburg und Vilnius.',
  });
  await save('gifts.give', { itemId: book, contactId: ambassador, givenOn: visitDay, occasion: 'Antrittsbesuch', visitId: embassy.id });
  await save('gifts.received.save', {
    fromContactId: ambassador,
    receivedOn: visitDay,
    receivedBy: 'Oberbürgermeisterin',
    description: 'Bernsteinschale aus Palanga',
    valueCents: 12000,
    disposition: 'Vitrine im Mercatorzimmer',
    reportedOn: addDays(visitDay, 2),
    visitId: embassy.id,
  });

  // A journey ahead: the mayor of Calais hosts.
  await save('visits.save', {
    direction: 'ausgehend',
    title: 'Reise nach Calais zum Nationalfeiertag',
    partnershipId: await partnership('Calais'),
    from: addDays(today, 230),
    to: addDays(today, 232),
    interpreter: 'Dolmetscherin des Freundeskreises (Französisch)',
    people: [
      { contactId: contact('p:delacourt-philippe'), role: 'gastgeber', honour: true },
      { contactId: contact('p:fontaine-claire'), role: 'gastgeber' },
      { contactId: contact('p:hovestadt-petra'), role: 'gast' },
      { contactId: contact('p:heckhoff-renate'), role: 'gast' },
    ],
  });

  // Gifts at other occasions; one received is worth more than the reporting limit and not yet reported.
  await save('gifts.give', { itemId: scarf, contactId: contact('p:opgenoorth-jannik'), givenOn: addDays(today, -12), occasion: 'Sportlerehrung' });
  await save('gifts.give', { itemId: plate, contactId: contact('p:karaca-mehmet-ali'), givenOn: addDays(today, -50), occasion: 'Empfang zum Nationalfeiertag der Republik Türkei' });
  await save('gifts.received.save', {
    fromContactId: contact('p:karaca-mehmet-ali'),
    receivedOn: addDays(today, -50),
    receivedBy: 'Oberbürgermeisterin',
    description: 'Teeservice aus Kütahya-Porzellan',
    valueCents: 6000,
    disposition: 'im Büro der Oberbürgermeisterin',
  });
  await save('gifts.received.save', {
    fromName: 'Schülerinnen und Schüler der Gemeinschaftsgrundschule Am Rheindeich',
    receivedOn: addDays(today, -8),
    receivedBy: 'Bürgermeisterin Arslan',
    description: 'Selbst gemaltes Bild vom Rheinufer',
    disposition: 'im Flur des Rathauses aufgehängt',
  });
}
