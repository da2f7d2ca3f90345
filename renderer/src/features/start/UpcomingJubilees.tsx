import { Button, Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { JubileesOverview } from '../../../../core/api';
import { api } from '../../api/client';
import { count, germanDate } from '../../components/format';
import type { Page } from '../../app/pages';
import { OverdueBadge } from '../jubilees/OverdueBadge';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', gap: '2px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const NOTIFICATIONS: Record<JubileesOverview['deadlines'][number]['action'], string> = {
  notify_federal: 'Meldung an den Bundespräsidenten',
  notify_land: 'Meldung an das Land NRW',
};
/** Deadlines listed on the card; the rest are counted and waiting on the Jubiläen page. */
const SHOWN = 10;

/**
 * Dashboard: the jubilees of the next four weeks and the notification deadlines open until
 * then. Every figure comes from the service's overview, which counts the same list the
 * Jubiläen page shows; the numbers are those of the deadlines listed below them.
 */
export function UpcomingJubilees({ onNavigate }: { onNavigate: (page: Page) => void }) {
  const styles = useStyles();
  const status = useQuery({ queryKey: ['residents.status'], queryFn: () => api('residents.status', {}) });
  // Asked at once, beside the status (not after it): the card shows once both are there.
  const overview = useQuery({ queryKey: ['jubilees.overview'], queryFn: () => api('jubilees.overview', {}) });
  if (!status.data?.residents || !overview.data) return null;
  const { to, birthdays, weddings, deadlines } = overview.data;
  const overdue = deadlines.filter((d) => d.overdue).length;
  return (
    <Card aria-label="Jubiläen der nächsten vier Wochen">
      <CardHeader header={<Text weight="semibold">Jubiläen der nächsten vier Wochen</Text>} />
      <Text>
        {count(birthdays, 'Geburtstag', 'Geburtstage')}, {count(weddings, 'Ehejubiläum', 'Ehejubiläen')} bis {germanDate(to)}.
      </Text>
      {deadlines.length > 0 ? (
        <>
          <Text>
            {count(deadlines.length, 'offene Meldefrist', 'offene Meldefristen')} bis {germanDate(to)}
            {overdue > 0 ? `, davon ${overdue} überfällig` : ''}:
          </Text>
          <ul className={styles.list} aria-label="Offene Meldefristen">
            {deadlines.slice(0, SHOWN).map((d) => (
              <li key={`${d.date}-${d.registerIds.join(',')}-${d.action}`}>
                {d.overdue && <OverdueBadge />} {NOTIFICATIONS[d.action]} bis {germanDate(d.by)}: {d.label} am {germanDate(d.date)} ({d.name})
                {d.produced && <span className={styles.muted}> – Liste erstellt, noch nicht als versandt vermerkt</span>}
              </li>
            ))}
          </ul>
          {deadlines.length > SHOWN && <Text className={styles.muted}>… und {deadlines.length - SHOWN} weitere auf der Seite „Jubiläen“.</Text>}
        </>
      ) : (
        <Text className={styles.muted}>Keine offenen Meldefristen bis {germanDate(to)}.</Text>
      )}
      <div>
        <Button onClick={() => onNavigate('jubilees')}>Zu den Jubiläen</Button>
      </div>
    </Card>
  );
}
