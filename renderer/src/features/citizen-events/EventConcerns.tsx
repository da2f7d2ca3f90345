import { useState } from 'react';
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS, type CitizenEvent, type RequestChannel } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { germanDate } from '../../components/format';
import { RequestDialog } from '../requests/RequestDialog';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: '2px' },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const CHANNEL_OF: Record<CitizenEvent['kind'], RequestChannel> = { gespraech: 'buergergespraech', spaziergang: 'buergerspaziergang' };

/**
 * The concerns raised at the event and where they stand; a new one is recorded in the request
 * dialog with the event, its channel and its district given.
 */
export function EventConcerns({ event }: { event: CitizenEvent }) {
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState<number | null>(null);
  const closed = async () => {
    setOpened(null);
    // A request saved in the dialog counts for the event (its number of concerns).
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['citizenEvents.get', event.id] }),
      queryClient.invalidateQueries({ queryKey: ['citizenEvents.list'] }),
    ]);
  };
  return (
    <>
      {event.concerns > 0 && <ConcernsTable eventId={event.id} />}
      <div>
        <Button icon={<AddRegular />} onClick={() => setOpened(Date.now())}>
          Anliegen zu dieser Veranstaltung erfassen …
        </Button>
      </div>
      {opened !== null && (
        <RequestDialog
          key={opened}
          requestId={null}
          initial={{ eventId: String(event.id), channel: CHANNEL_OF[event.kind], district: event.district }}
          onClose={() => void closed()}
        />
      )}
    </>
  );
}

/** The concerns raised at the event (requests recorded with its id) and where they stand. */
function ConcernsTable({ eventId }: { eventId: number }) {
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
