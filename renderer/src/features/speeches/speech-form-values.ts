import type { Appointment, Person, Signer, Speech, SpeechInput } from '../../../../core/api';

/** The details of a speech as the form edits them (strings, as Fluent's inputs hold them). */
export interface SpeechFormValues {
  title: string;
  kind: Speech['kind'];
  speakerId: string;
  appointmentId: string;
  audience: string;
  targetMinutes: string;
  deadline: string;
  author: string;
  status: Speech['status'];
  notes: string;
  background: string;
}

export function formValuesOf(speech: Speech | null): SpeechFormValues {
  return {
    title: speech?.title ?? '',
    kind: speech?.kind ?? 'grusswort',
    speakerId: speech?.speakerId ? String(speech.speakerId) : '',
    appointmentId: speech?.appointmentId ? String(speech.appointmentId) : '',
    audience: speech?.audience ?? '',
    targetMinutes: speech?.targetMinutes ? String(speech.targetMinutes) : '',
    deadline: speech?.deadline ?? '',
    author: speech?.author ?? '',
    status: speech?.status ?? 'auftrag',
    notes: speech?.notes ?? '',
    background: speech?.background ?? '',
  };
}

/** „5“ or „4,5“ → minutes; empty → none (the server says what is wrong with anything else). */
export function minutesOf(text: string): number | null {
  const minutes = text.trim();
  return minutes ? Number(minutes.replace(',', '.')) : null;
}

/** The details for `speeches.save` (text and greeting are added by the dialog); `speech` as loaded: its revision goes back with them. */
export function inputOf(values: SpeechFormValues, speech: Speech | null): SpeechInput {
  return {
    id: speech?.id,
    revision: speech?.revision,
    title: values.title,
    kind: values.kind,
    speakerId: values.speakerId ? Number(values.speakerId) : null,
    appointmentId: values.appointmentId ? Number(values.appointmentId) : null,
    invitationId: speech?.invitationId ?? null,
    audience: values.audience,
    targetMinutes: minutesOf(values.targetMinutes),
    deadline: values.deadline || null,
    author: values.author,
    status: values.status,
    notes: values.notes,
    background: values.background,
  };
}

/** A signer as the addressing engine's person: "Dr. Petra Hovestadt" → degrees, given name, surname. */
export function signerToPerson(signer: Signer): Person {
  const words = signer.name.trim().split(/\s+/);
  const degrees: string[] = [];
  while (words.length > 1 && words[0]!.endsWith('.')) degrees.push(words.shift()!);
  const surname = words.pop() ?? signer.name;
  return {
    gender: signer.gender,
    degrees: degrees.length ? degrees.join(' ') : undefined,
    givenName: words.length ? words.join(' ') : undefined,
    surname,
    role: signer.deputy ? 'buergermeister' : 'oberbuergermeister',
  };
}

/** "Dr. Kemal Aydın" – how a greeted person is listed. */
export const personName = (p: Person): string => [p.degrees, p.givenName, p.nameAffix, p.surname].filter(Boolean).join(' ');

const SPOKEN_DATE = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * What text blocks' placeholders can say about this speech: `anlass`, `datum`, `ort`, `redner`,
 * `publikum` (empty ones are left out, so they stay visible as `{{name}}`).
 */
export function placeholderValuesOf(values: SpeechFormValues, speaker: Signer | null, appointment: Appointment | null): Record<string, string> {
  const all: Record<string, string> = {
    anlass: appointment?.title || values.title,
    // The appointment's start is Berlin wall-clock time: its date part is the day.
    datum: appointment ? SPOKEN_DATE.format(new Date(`${appointment.start.slice(0, 10)}T12:00:00Z`)) : '',
    ort: appointment?.place ?? '',
    redner: speaker?.name ?? '',
    publikum: values.audience,
  };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value.trim()));
}
