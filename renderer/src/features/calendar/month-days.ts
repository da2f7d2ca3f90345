import type { EventInput } from '@fullcalendar/core';

/** Entries a day of the month view shows (the last place goes to "+ n weitere" when there are more). */
export const MONTH_DAY_EVENTS = 4;
/** The id of a "+ n weitere" entry starts so; the day follows. */
const MORE_PREFIX = 'more|';

/**
 * What the month view hands FullCalendar for one day's entries (in the order shown): all of
 * them up to MONTH_DAY_EVENTS, else the first MONTH_DAY_EVENTS - 1 and a "+ n weitere" entry
 * (class rb-more) that opens the day. FullCalendar draws and measures every event it is given,
 * also those its own dayMaxEvents hides: handing it only what it shows keeps a full month
 * (hundreds of entries) quick.
 */
export function dayWithMore<T>(day: string, entries: readonly T[], eventOf: (entry: T) => EventInput): EventInput[] {
  const shown = entries.length > MONTH_DAY_EVENTS ? MONTH_DAY_EVENTS - 1 : entries.length;
  const events = entries.slice(0, shown).map(eventOf);
  if (entries.length > shown) {
    // Last in the day (FullCalendar puts all-day entries first): at the day's end, shown without a time.
    events.push({ id: `${MORE_PREFIX}${day}`, title: `+ ${entries.length - shown} weitere`, start: `${day}T23:58`, end: `${day}T23:59`, allDay: false, editable: false, display: 'block', classNames: ['rb-more'] });
  }
  return events;
}

/** The day a "+ n weitere" entry stands for, or null for any other event. */
export const moreDayOf = (eventId: string): string | null => (eventId.startsWith(MORE_PREFIX) ? eventId.slice(MORE_PREFIX.length) : null);
