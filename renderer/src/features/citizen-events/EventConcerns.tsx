import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { germanDate } from '../../components/format';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: '2px' },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** The concerns raised at the event (requests recorded with its id) and where they stand. */
export function EventConcerns({ eventId }: { eventId: number }) {
  const styles = useStyles();
  const concerns = useQuery({ queryKey: ['requests.list', 'event', eventId], queryFn: () => api('requests.list', { eventId, limit: 500 }), refetchOnMount: 'always' });
  if (concerns.error) return <ErrorMessage error={concerns.error} title="Die Anliegen lassen sich nicht laden" />;
  if (!concerns.data || concerns.data.items.length === 0) return null;
  return (
    <>
      <Text weight="semibold">Bei der Veranstaltung aufgenommene Anliegen</Text>
      <Table size="small" aria-label="Anliegen aus der Veranstaltung">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '4em' }}>Nr.</TableHeaderCell>
            <TableHeaderCell>Anliegen</TableHeaderCell>
            <TableHeaderCell>Von</TableHeaderCell>
            <TableHeaderCell>Stand</TableHeaderCell>
            <TableHeaderCell>Fachbereich</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {concerns.data.items.map((q) => (
            <TableRow key={q.id}>
              <TableCell>{q.id}</TableCell>
              <TableCell>
                <div className={styles.stack}>
                  <Text>{q.subject}</Text>
                  <span className={styles.muted}>
                    {REQUEST_KIND_LABELS[q.kind]} · eingegangen am {germanDate(q.receivedOn)}
                  </span>
                </div>
              </TableCell>
              <TableCell>{q.citizenName ?? (q.anonymised ? '(Angaben gelöscht)' : 'anonym')}</TableCell>
              <TableCell>{REQUEST_STATUS_LABELS[q.status]}</TableCell>
              <TableCell>{q.department ?? '–'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
