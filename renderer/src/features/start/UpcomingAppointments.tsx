import { Button, Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { count, germanDate } from '../../components/format';
import type { Page } from '../../app/pages';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/** Today in Duisburg ("2026-11-27"), whatever the computer's time zone. */
const berlinToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Dashboard: the appointments of the next seven days (conflicts first) and invitations waiting for an answer. */
export function UpcomingAppointments({ onNavigate }: { onNavigate: (page: Page) => void }) {
  const styles = useStyles();
  const from = berlinToday();
  const to = plusDays(from, 6);
  const calendars = useQuery({ queryKey: ['calendar.calendars'], queryFn: () => api('calendar.calendars', {}) });
  const view = useQuery({ queryKey: ['calendar.view', { from, to }], queryFn: () => api('calendar.view', { from, to }) });
  const invitations = useQuery({ queryKey: ['invitations.list', { status: 'open' }], queryFn: () => api('invitations.list', { status: 'open' }) });
  if (!calendars.data?.length) return null;
  const names = new Map(calendars.data.map((c) => [c.id, c.name]));
  const occurrences = (view.data?.occurrences ?? []).filter((o) => o.status !== 'abgesagt');
  const conflicts = occurrences.filter((o) => o.conflicts.length > 0);
  const open = invitations.data ?? [];
  const overdue = open.filter((i) => i.overdue);
  const shown = [...conflicts, ...occurrences.filter((o) => o.conflicts.length === 0)].slice(0, 8);
  return (
    <Card aria-label="Termine der nächsten sieben Tage">
      <CardHeader header={<Text weight="semibold">Termine der nächsten sieben Tage</Text>} />
      <Text>
        {count(occurrences.length, 'Termin', 'Termine')} bis {germanDate(to)}
        {conflicts.length > 0 ? `, davon ${count(conflicts.length, 'mit Überschneidung', 'mit Überschneidungen')}` : ''}.
      </Text>
      {shown.length > 0 ? (
        <ul className={styles.list} aria-label="Nächste Termine">
          {shown.map((o) => (
            <li key={`${o.appointmentId}|${o.start}`}>
              {o.conflicts.length > 0 && <strong>⚠ </strong>}
              {germanDate(o.start.slice(0, 10))}
              {o.allDay ? '' : `, ${o.start.slice(11, 16)} Uhr`}: {o.title} ({names.get(o.calendarId) ?? ''})
            </li>
          ))}
        </ul>
      ) : (
        <Text className={styles.muted}>Keine Termine in den nächsten sieben Tagen.</Text>
      )}
      <Text>
        {open.length === 0
          ? 'Keine Einladung wartet auf eine Antwort.'
          : `${count(open.length, 'Einladung wartet', 'Einladungen warten')} auf eine Entscheidung${overdue.length ? `, ${overdue.length} davon über die Antwortfrist hinaus` : ''}.`}
      </Text>
      <div className={styles.actions}>
        <Button onClick={() => onNavigate('calendar')}>Zu den Terminen</Button>
        <Button onClick={() => onNavigate('invitations')}>Zu den Einladungen</Button>
      </div>
    </Card>
  );
}
