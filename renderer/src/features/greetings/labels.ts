import type { BadgeProps } from '@fluentui/react-components';
import type { GreetingOverviewItem, OccasionCalendarName } from '../../../../core/api';

export const CALENDAR_COLORS: Record<OccasionCalendarName, BadgeProps['color']> = {
  gregorian: 'brand',
  julian: 'warning',
  hebrew: 'informative',
  islamic: 'success',
  chinese: 'danger',
};

const MONTHS = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const WEEKDAY = new Intl.DateTimeFormat('de-DE', { weekday: 'short', timeZone: 'UTC' });

/** "Oktober 2027" for "2027-10-02". */
export const monthOf = (date: string) => MONTHS.format(new Date(`${date.slice(0, 7)}-01T00:00:00Z`));
/** "Sa" for "2027-10-02". */
export const weekdayOf = (date: string) => WEEKDAY.format(new Date(`${date}T00:00:00Z`)).replace('.', '');

/** Letters still due after the send-by date: nothing produced yet, though someone is to be greeted. */
export const isOverdue = (o: GreetingOverviewItem, today: string) => o.active && o.recipients > 0 && o.produced === 0 && today > o.sendBy;
