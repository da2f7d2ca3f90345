import { Badge, Button, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count } from '../../components/format';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { RegisterRow } from '../../components/RegisterRow';
import { useNavigate } from '../../components/route';
import { openedRecord, useRecordDialog } from '../../components/use-dialog-state';
import { describeSpan } from '../calendar/spans';
import { addDays, berlinToday } from '../calendar/wall-clock';
import { PressInvitationsDialog } from './PressInvitationsDialog';

/** Days ahead the list of appointments covers. */
const DAYS_AHEAD = 60;

/** The appointments of the next 60 days, each with the media invited and their responses. */
export function PressAppointmentsTab() {
  const styles = useRegisterPageStyles();
  const today = berlinToday();
  const dialog = useRecordDialog();
  const navigate = useNavigate();
  const view = useQuery({
    queryKey: ['calendar.view', today, 'press-appointments'],
    queryFn: () => api('calendar.view', { from: today, to: addDays(today, DAYS_AHEAD) }),
  });
  const counts = useQuery({ queryKey: ['press.invitations.counts'], queryFn: () => api('press.invitations.counts', {}) });
  const byAppointment = new Map((counts.data ?? []).map((c) => [c.appointmentId, c]));
  // A series shows its next date only: invitations belong to the appointment.
  const appointments = [...new Map((view.data?.occurrences ?? []).filter((o) => o.status !== 'abgesagt').map((o) => [o.appointmentId, o])).values()].sort((a, b) =>
    a.start.localeCompare(b.start),
  );
  const opened = openedRecord(dialog.opened, view.data ? appointments : undefined, (o) => o.appointmentId);

  return (
    <div className={styles.page}>
      <ErrorMessage error={view.error ?? counts.error} title="Die Termine lassen sich nicht laden" />
      {view.isPending && <Spinner size="small" />}
      {view.data && appointments.length === 0 && (
        <EmptyState actions={<Button onClick={() => navigate(['calendar'])}>Zu den Terminen</Button>}>
          Keine Termine in den nächsten {DAYS_AHEAD} Tagen. Termine tragen Sie unter „Termine“ ein; hier laden Sie dann die Presse dazu ein.
        </EmptyState>
      )}
      {view.data && appointments.length > 0 && (
        <>
          <Text className={styles.muted} role="status">
            {count(appointments.length, 'Termin', 'Termine')} in den nächsten {DAYS_AHEAD} Tagen. Einen Termin wählen, um Medien einzuladen und Antworten einzutragen.
          </Text>
          <Table size="small" aria-label="Termine der nächsten Wochen">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: '300px' }}>Wann</TableHeaderCell>
                <TableHeaderCell>Termin</TableHeaderCell>
                <TableHeaderCell>Ort</TableHeaderCell>
                <TableHeaderCell style={{ width: '300px' }}>Presse</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {appointments.map((o) => {
                const c = byAppointment.get(o.appointmentId);
                return (
                  <RegisterRow key={o.appointmentId} onOpen={() => dialog.open(o.appointmentId)}>
                    <TableCell>{describeSpan(o, true)}</TableCell>
                    <TableCell>
                      <Text weight="semibold">{o.title}</Text>
                    </TableCell>
                    <TableCell>{o.place || '–'}</TableCell>
                    <TableCell>
                      {c ? (
                        <div className={styles.badges}>
                          <Badge appearance="tint" color="informative">
                            {c.invited} eingeladen
                          </Badge>
                          {c.accepted > 0 && (
                            <Badge appearance="tint" color="success">
                              {c.accepted} {c.accepted === 1 ? 'Zusage' : 'Zusagen'}
                            </Badge>
                          )}
                          {c.declined > 0 && (
                            <Badge appearance="tint" color="subtle">
                              {c.declined} {c.declined === 1 ? 'Absage' : 'Absagen'}
                            </Badge>
                          )}
                        </div>
                      ) : (
                        <span className={styles.muted}>keine Medien eingeladen</span>
                      )}
                    </TableCell>
                  </RegisterRow>
                );
              })}
            </TableBody>
          </Table>
        </>
      )}
      {dialog.opened && opened && <PressInvitationsDialog key={dialog.opened.key} appointment={opened} onClose={dialog.close} />}
    </div>
  );
}
