/**
 * The press office of the demo (all names fictional): media contacts and distribution lists
 * from the demo's journalists and outlets, press releases in every state of the workflow, a
 * press conference with invitations and answers, and enquiries answered, open and overdue.
 * Written through the services, as the press office would enter them.
 */
import { addDays } from '../../domain/calendar/time';
import type { DemoContext } from './demo-context';

export async function loadDemoPress({ save, contact, today }: DemoContext, calendarId: number | null): Promise<void> {
  const media = async (ref: string, mediaType: string, topics: string[], notes = '') => {
    await save('press.media.save', { contactId: contact(ref), mediaType, topics, notes });
    return contact(ref);
  };
  const kuhlmann = await media('p:kuhlmann-jens', 'Zeitung', ['Stadtpolitik', 'Rathaus'], 'Bevorzugt Anrufe vor 11 Uhr.');
  const bolte = await media('p:bolte-friederike', 'Zeitung', ['Kultur', 'Ehrenamt']);
  const falk = await media('p:falk-robin', 'Zeitung', ['Stadtteile', 'Verkehr']);
  const wiegand = await media('p:wiegand-stefan', 'Zeitung', ['Fototermine']);
  const hoevelmann = await media('p:hoevelmann-lisa-marie', 'Radio', ['Stadtpolitik', 'Veranstaltungen']);
  const durmaz = await media('p:durmaz-oezlem', 'Fernsehen', ['Stadtpolitik', 'Wirtschaft']);
  const fassbender = await media('p:fassbender-gregor', 'Online', ['Kultur', 'Stadtgeschichte'], 'Freier Journalist, schreibt für mehrere Portale.');
  const radio = await media('org:radio', 'Radio', ['Veranstaltungen']);

  const local = await save('press.lists.save', { name: 'Zeitungen und Portale', description: 'Lokalredaktionen und Online-Redaktionen', memberIds: [kuhlmann, bolte, falk, wiegand, fassbender] });
  const broadcast = await save('press.lists.save', { name: 'Hörfunk und Fernsehen', memberIds: [hoevelmann, durmaz, radio] });
  await save('press.lists.save', { name: 'Kultur', description: 'Für Ausstellungen, Konzerte und Preise', memberIds: [bolte, fassbender] });

  // Releases in every state: published, approved with an embargo, in approval, a draft, withdrawn.
  const release = async (title: string, subtitle: string, body: string, extra: { embargoUntil?: string; releaseAt?: string } = {}) =>
    save('press.releases.save', { title, subtitle, body, ...extra });
  /** Each step against the revision the one before left. */
  const step = async (saved: { id: number; revision: number }, ...steps: Array<'submit' | 'approve' | 'publish' | 'withdraw'>) => {
    let { revision } = saved;
    for (const s of steps) ({ revision } = await save('press.releases.step', { id: saved.id, revision, step: s }));
  };
  await step(
    await release(
      'Bürgersprechstunde der Oberbürgermeisterin: die Termine für 2027',
      'Jeden ersten Mittwoch im Monat im Rathaus',
      'Die Oberbürgermeisterin lädt auch 2027 zur Bürgersprechstunde ein. Sie findet an jedem ersten Mittwoch im Monat von 16 bis 18 Uhr im Rathaus statt, Raum 100.\n\n' +
        'Eine Anmeldung ist nicht nötig. Wer ein Anliegen lieber schriftlich vorträgt, erreicht das Büro der Oberbürgermeisterin per E-Mail.',
    ),
    'submit',
    'approve',
    'publish',
  );
  await step(
    await release(
      'Neujahrsempfang 2027: Oberbürgermeisterin dankt dem Ehrenamt',
      'Rund 800 Gäste im Rathaus erwartet',
      'Beim Neujahrsempfang der Stadt stehen in diesem Jahr die Ehrenamtlichen im Mittelpunkt. Die Oberbürgermeisterin zeichnet drei Initiativen aus den Stadtbezirken aus.',
      { embargoUntil: `${addDays(today, 3)}T10:00` },
    ),
    'submit',
    'approve',
  );
  await step(
    await release(
      'Delegation aus Portsmouth zu Gast im Rathaus',
      'Lord Mayor trägt sich in das Goldene Buch ein',
      'Eine Delegation aus der Partnerstadt Portsmouth besucht Duisburg. Die Lord Mayor trägt sich in das Goldene Buch der Stadt ein.',
    ),
    'submit',
  );
  await release('Ehrenamtspreis 2027: Vorschläge bis Ende Februar', '', 'Vereine, Initiativen und Einzelpersonen können Vorschläge einreichen.');
  await step(
    await release(
      'Rathausvorplatz am Samstag gesperrt',
      '',
      'Wegen Aufbauarbeiten ist der Rathausvorplatz am Samstag von 6 bis 14 Uhr gesperrt.',
    ),
    'submit',
    'approve',
    'publish',
    'withdraw',
  );

  // A press conference with invitations from two lists; three journalists have answered.
  if (calendarId !== null) {
    const conference = await save('calendar.appointments.save', {
      calendarId,
      title: 'Pressekonferenz: Bilanz des Bürgerdialogs 2026',
      start: `${addDays(today, 12)}T10:30`,
      end: `${addDays(today, 12)}T11:30`,
      place: 'Rathaus, Presseraum',
      press: 'Pressekonferenz; Einladung über die Verteiler „Zeitungen und Portale“ und „Hörfunk und Fernsehen“.',
      status: 'bestätigt',
    });
    await save('press.invitations.save', {
      appointmentId: conference.appointment.id,
      listIds: [local.id, broadcast.id],
      responses: [
        { contactId: kuhlmann, response: 'zugesagt' },
        { contactId: hoevelmann, response: 'zugesagt' },
        { contactId: durmaz, response: 'abgesagt' },
      ],
    });
  }

  // Enquiries: one answered, one due tomorrow, one past its deadline.
  const answered = await save('press.enquiries.save', {
    contactId: kuhlmann,
    receivedAt: `${addDays(today, -3)}T09:15`,
    topic: 'Kosten des Neujahrsempfangs',
    question: 'Wie hoch sind die Kosten des Neujahrsempfangs, und wer trägt sie?',
    deadline: `${addDays(today, -1)}T16:00`,
  });
  await save('press.enquiries.answer', {
    id: answered.id,
    revision: answered.revision,
    answer: 'Die Kosten liegen bei rund 38.000 Euro; etwa die Hälfte tragen Sponsoren aus der Duisburger Wirtschaft.',
  });
  await save('press.enquiries.save', {
    contactId: hoevelmann,
    receivedAt: `${today}T08:40`,
    topic: 'O-Ton zum Lichterfest im Landschaftspark',
    question: 'Kann die Oberbürgermeisterin morgen früh ein kurzes Interview für „Hafenstadt am Morgen“ geben?',
    deadline: `${addDays(today, 1)}T12:00`,
  });
  await save('press.enquiries.save', {
    contactId: falk,
    receivedAt: `${addDays(today, -4)}T14:05`,
    topic: 'Sanierung des Spielplatzes im Kantpark',
    question: 'Wann beginnt die Sanierung, und wie lange bleibt der Spielplatz gesperrt?',
    deadline: `${addDays(today, -1)}T12:00`,
  });
}
