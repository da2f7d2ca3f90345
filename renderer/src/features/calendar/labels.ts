import type { Appointment, CalendarInfo } from '../../../../core/api';

/** "Volker Sandmann, Bürgermeister". */
export const calendarLabel = (calendar: Pick<CalendarInfo, 'name' | 'office'>): string =>
  calendar.office ? `${calendar.name}, ${calendar.office}` : calendar.name;

export const STATUS_LABELS: Record<Appointment['status'], string> = {
  geplant: 'geplant',
  bestätigt: 'bestätigt',
  abgesagt: 'abgesagt',
};
