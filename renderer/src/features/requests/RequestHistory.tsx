import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import type { Output } from '../../../../core/api';
import { germanDate } from '../../components/format';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  note: { display: 'block', color: tokens.colorNeutralForeground3, whiteSpace: 'pre-wrap' },
  when: { whiteSpace: 'nowrap' },
});

/** "2026-11-27T09:14:03.000Z" → "27.11.2026, 10:14" (Duisburg time). */
function when(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  const time = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(date);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(date);
  return `${germanDate(day)}, ${time}`;
}

/** Who did what and when (newest first). */
export function RequestHistory({ history }: { history: Output<'requests.history'> }) {
  const styles = useStyles();
  if (history.length === 0) return <Text className={styles.muted}>Noch keine Einträge.</Text>;
  const entries = history.map((e, i) => ({ ...e, i })).sort((a, b) => b.at.localeCompare(a.at) || b.i - a.i);
  return (
    <Table size="extra-small" aria-label="Verlauf">
      <TableHeader>
        <TableRow>
          <TableHeaderCell style={{ width: '130px' }}>Wann</TableHeaderCell>
          <TableHeaderCell style={{ width: '110px' }}>Wer</TableHeaderCell>
          <TableHeaderCell>Was</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={e.i}>
            <TableCell className={styles.when}>{when(e.at)}</TableCell>
            <TableCell>{e.user}</TableCell>
            <TableCell>
              {e.action}
              {e.note && <span className={styles.note}>{e.note}</span>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
