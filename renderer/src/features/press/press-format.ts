import type { BadgeProps } from '@fluentui/react-components';
import type { PressReleaseStatus, PressResponse } from '../../../../core/api';
import { germanDate } from '../../components/format';

export const RELEASE_STATUS_COLORS: Record<PressReleaseStatus, BadgeProps['color']> = {
  entwurf: 'informative',
  abstimmung: 'warning',
  freigegeben: 'success',
  veroeffentlicht: 'brand',
  zurueckgezogen: 'subtle',
};

export const RESPONSE_COLORS: Record<PressResponse, BadgeProps['color']> = {
  offen: 'informative',
  zugesagt: 'success',
  abgesagt: 'subtle',
};

/** "2027-01-15T10:00" → "15.01.2027, 10:00 Uhr". */
export function wallClockText(value: string): string {
  return `${germanDate(value.slice(0, 10))}, ${value.slice(11, 16)} Uhr`;
}

/** An ISO instant as the office reads it in Duisburg: "27.11.2026, 11:15 Uhr". */
export function instantText(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year}, ${parts.hour}:${parts.minute} Uhr`;
}

/** A date field and a time field as one wall-clock value: null when both are empty; an error text when only one is filled. */
export function joinDateTime(date: string, time: string): string | null | { error: string } {
  if (!date && !time) return null;
  if (!date) return { error: 'Bitte auch das Datum angeben.' };
  if (!time) return { error: 'Bitte auch die Uhrzeit angeben.' };
  return `${date}T${time.slice(0, 5)}`;
}

/** Topics typed with commas („Kultur, Hafen“) → ["Kultur", "Hafen"]. */
export function topicsFromText(text: string): string[] {
  return [...new Set(text.split(/[,;]/).map((t) => t.trim()).filter(Boolean))];
}
