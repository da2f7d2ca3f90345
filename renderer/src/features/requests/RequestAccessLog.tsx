import { makeStyles, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  when: { whiteSpace: 'nowrap', width: '11rem' },
});

const AT = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });

/** Who viewed or changed a request's personal data, and when (from the audit log), newest first. */
export function RequestAccessLog({ requestId }: { requestId: number }) {
  const styles = useStyles();
  const log = useQuery({ queryKey: ['privacy.accessLog', requestId], queryFn: () => api('privacy.accessLog', { requestId }) });
  if (log.isPending) return <Spinner size="tiny" label="Zugriffe werden geladen …" />;
  if (log.error) return <ErrorMessage error={log.error} title="Zugriffe nicht geladen" />;
  const entries = [...log.data].reverse();
  return (
    <div className={styles.root}>
      {entries.length === 0 ? (
        <Text className={styles.muted}>Noch kein Zugriff verzeichnet.</Text>
      ) : (
        <Table size="small" aria-label="Zugriffe auf das Anliegen">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.when}>Wann</TableHeaderCell>
              <TableHeaderCell>Wer</TableHeaderCell>
              <TableHeaderCell>Was</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((entry, i) => (
              <TableRow key={`${entry.at}-${i}`}>
                <TableCell className={styles.when}>{AT.format(new Date(entry.at))} Uhr</TableCell>
                <TableCell>{entry.user}</TableCell>
                <TableCell>{entry.summary ? `${entry.actionLabel}: ${entry.summary}` : entry.actionLabel}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
