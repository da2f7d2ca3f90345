import { Button, Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { JubileeEntry } from '../../../../core/api';
import { api } from '../../api/client';
import { count, germanDate } from '../../components/format';
import type { Page } from '../../app/pages';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

const NOTIFICATIONS: Partial<Record<JubileeEntry['due'][number]['action'], string>> = {
  notify_federal: 'Meldung an den Bundespräsidenten',
  notify_land: 'Meldung an das Land NRW',
};
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Dashboard: jubilees of the next four weeks and notification deadlines coming up. */
export function UpcomingJubilees({ onNavigate }: { onNavigate: (page: Page) => void }) {
  const styles = useStyles();
  const today = new Date();
  const from = iso(today);
  const to = iso(new Date(today.getTime() + 28 * 86_400_000));
  // Notifications are due up to six weeks ahead: look that far for their deadlines.
  const later = iso(new Date(today.getTime() + 70 * 86_400_000));
  const status = useQuery({ queryKey: ['residents.status'], queryFn: () => api('residents.status', {}) });
  const soon = useQuery({ queryKey: ['jubilees.list', { from, to }], queryFn: () => api('jubilees.list', { from, to }), enabled: Boolean(status.data?.residents) });
  const ahead = useQuery({ queryKey: ['jubilees.list', { from, to: later }], queryFn: () => api('jubilees.list', { from, to: later }), enabled: Boolean(status.data?.residents) });
  if (!status.data?.residents) return null;
  const deadlines = (ahead.data?.entries ?? [])
    .flatMap((e) => e.due.filter((d) => NOTIFICATIONS[d.action] && d.by <= to).map((d) => ({ entry: e, due: d })))
    .sort((a, b) => a.due.by.localeCompare(b.due.by));
  const entries = soon.data?.entries ?? [];
  return (
    <Card aria-label="Jubiläen der nächsten vier Wochen">
      <CardHeader header={<Text weight="semibold">Jubiläen der nächsten vier Wochen</Text>} />
      <Text>
        {count(entries.filter((e) => e.kind === 'birthday').length, 'Geburtstag', 'Geburtstage')},{' '}
        {count(entries.filter((e) => e.kind === 'wedding').length, 'Ehejubiläum', 'Ehejubiläen')} bis {germanDate(to)}.
      </Text>
      {deadlines.length > 0 ? (
        <ul className={styles.list} aria-label="Anstehende Meldefristen">
          {deadlines.slice(0, 8).map(({ entry, due }) => (
            <li key={`${entry.date}-${entry.persons[0].registerId}-${due.action}`}>
              {due.by < from && <strong>überfällig: </strong>}
              {NOTIFICATIONS[due.action]} bis {germanDate(due.by)}: {entry.label} am {germanDate(entry.date)} ({entry.persons[0].addressLines[0]})
            </li>
          ))}
        </ul>
      ) : (
        <Text className={styles.muted}>Keine Meldefristen in den nächsten vier Wochen.</Text>
      )}
      <div>
        <Button onClick={() => onNavigate('jubilees')}>Zu den Jubiläen</Button>
      </div>
    </Card>
  );
}
