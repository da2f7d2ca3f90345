import type { CitizenEvent, CitizenEventInput, CitizenEventKind } from '../../../../core/api';
import { describeSpan } from '../calendar/spans';

/** The event as the form holds it (numbers as text, as the inputs give them). */
export interface EventFormValues {
  kind: CitizenEventKind;
  title: string;
  start: string;
  end: string;
  district: string;
  place: string;
  route: Array<{ time: string; place: string; note: string }>;
  capacity: string;
  appointmentId: string;
  notes: string;
}

export function eventFormValues(event: CitizenEvent | null): EventFormValues {
  if (!event) {
    return { kind: 'gespraech', title: '', start: '', end: '', district: '', place: '', route: [], capacity: '', appointmentId: '', notes: '' };
  }
  return {
    kind: event.kind,
    title: event.title,
    start: event.start,
    end: event.end,
    district: event.district,
    place: event.place,
    route: event.route.map((stop) => ({ ...stop })),
    capacity: event.capacity !== null ? String(event.capacity) : '',
    appointmentId: event.appointmentId !== null ? String(event.appointmentId) : '',
    notes: event.notes,
  };
}

/** `loaded`: the stored event as the form loaded it (its revision goes back with the save); none for a new one. */
export function eventInputOf(values: EventFormValues, loaded: { id: number; revision: number } | null): CitizenEventInput {
  const capacity = values.capacity.trim() === '' ? null : Number(values.capacity);
  return {
    id: loaded?.id,
    revision: loaded?.revision,
    kind: values.kind,
    title: values.title,
    start: values.start,
    end: values.end,
    district: values.district,
    place: values.place,
    // Empty rows (a stop added and left blank) are dropped.
    route: values.kind === 'spaziergang' ? values.route.filter((s) => s.time || s.place.trim() || s.note.trim()) : [],
    capacity: capacity !== null && Number.isFinite(capacity) ? capacity : null,
    appointmentId: values.appointmentId ? Number(values.appointmentId) : null,
    notes: values.notes,
  };
}

/** "Donnerstag, 4. März 2027, 18:00–20:00 Uhr" (short: numeric date). */
export const eventWhen = (event: Pick<CitizenEvent, 'start' | 'end'>, short = false) => describeSpan({ start: event.start, end: event.end, allDay: false }, short);

/** "2 von 25 Plätzen", "3 angemeldet". */
export function placesLabel(event: Pick<CitizenEvent, 'registered' | 'capacity'>): string {
  return event.capacity !== null ? `${event.registered} von ${event.capacity} ${event.capacity === 1 ? 'Platz' : 'Plätzen'}` : `${event.registered} angemeldet`;
}

