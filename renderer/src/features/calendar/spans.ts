import { germanDate, germanLongDate } from '../../components/format';
import { lastDayOf } from './wall-clock';

/** A span as the API gives it: wall-clock times, or dates with an exclusive end when all-day. */
export interface Span {
  start: string;
  end: string;
  allDay: boolean;
}

const time = (value: string) => value.slice(11, 16);

/**
 * A span in words: "Donnerstag, 10. Dezember 2026, 18:00–20:00 Uhr",
 * "Donnerstag, 10. Dezember 2026 (ganztägig)", "10.12.2026 bis 12.12.2026 (ganztägig)",
 * "10.12.2026, 22:00 Uhr bis 11.12.2026, 02:00 Uhr". `short` uses numeric dates throughout.
 */
export function describeSpan(span: Span, short = false): string {
  const day = short ? germanDate : germanLongDate;
  if (span.allDay) {
    const last = lastDayOf(span.end);
    return last <= span.start ? `${day(span.start)} (ganztägig)` : `${germanDate(span.start)} bis ${germanDate(last)} (ganztägig)`;
  }
  if (span.start.slice(0, 10) === span.end.slice(0, 10)) return `${day(span.start.slice(0, 10))}, ${time(span.start)}–${time(span.end)} Uhr`;
  return `${germanDate(span.start.slice(0, 10))}, ${time(span.start)} Uhr bis ${germanDate(span.end.slice(0, 10))}, ${time(span.end)} Uhr`;
}

/** One moment in words: "Mittwoch, 2. Dezember 2026, 16:00 Uhr" (or only the day for a date). */
export function describeMoment(value: string): string {
  return value.length === 10 ? germanLongDate(value) : `${germanLongDate(value)}, ${time(value)} Uhr`;
}
