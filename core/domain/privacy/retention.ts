import type { PrivacySettings } from '../../api/schemas/privacy';

/**
 * The calendar day `months` months before `date` ("2026-11-27", 36 → "2023-11-27"); a day the
 * earlier month does not have becomes its last day ("2028-02-29" − 12 months → "2027-02-28").
 */
export function monthsBefore(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/**
 * The days before which personal data is erased, counted back from `today` (Europe/Berlin).
 * "More than three years ago" means before the day three years back: a request closed on
 * 2023-11-27 is kept on 2026-11-27 and erased on 2026-11-28.
 */
export function retentionCutoffs(today: string, settings: PrivacySettings) {
  return {
    requestsClosedBefore: monthsBefore(today, settings.requestRetentionYears * 12),
    eventsEndedBefore: monthsBefore(today, settings.eventRetentionMonths),
    volunteeringUpdatedBefore: monthsBefore(today, settings.volunteeringRetentionYears * 12),
  };
}
