import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PRESS_RESPONSE_LABELS, type CalendarOccurrence, type PressInvitationsSave, type PressResponse } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count } from '../../components/format';
import { useFormDialogStyles } from '../../components/layout-styles';
import { describeSpan } from '../calendar/spans';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  select: { minWidth: '320px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The media invited to one appointment: invite a distribution list or single contacts, record their responses. */
export function PressInvitationsDialog({ appointment, onClose }: { appointment: CalendarOccurrence; onClose: () => void }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const key = ['press.invitations.list', appointment.appointmentId];
  const invitations = useQuery({ queryKey: key, queryFn: () => api('press.invitations.list', { appointmentId: appointment.appointmentId }) });
  const lists = useQuery({ queryKey: ['press.lists.list'], queryFn: () => api('press.lists.list', {}) });
  const media = useQuery({ queryKey: ['press.media.list'], queryFn: () => api('press.media.list', {}) });
  const [listId, setListId] = useState('');
  const [contactId, setContactId] = useState('');
  const change = useMutation({
    mutationFn: (input: Omit<PressInvitationsSave, 'appointmentId'>) => api('press.invitations.save', { appointmentId: appointment.appointmentId, ...input }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(key, saved);
      await queryClient.invalidateQueries({ queryKey: ['press.invitations.counts'] });
    },
  });
  const invited = new Set(invitations.data?.invitees.map((i) => i.contactId) ?? []);
  const single = (media.data ?? []).filter((m) => !invited.has(m.contactId));

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Presse zum Termin">
        <DialogBody>
          <DialogTitle>Presse zum Termin: {appointment.title}</DialogTitle>
          <DialogContent className={layout.content}>
            <Text className={styles.muted}>
              {describeSpan(appointment)}
              {appointment.place && ` · ${appointment.place}`}
            </Text>
            <div className={styles.row}>
              <Field label="Verteiler" className={styles.select}>
                <Select value={listId} onChange={(_, d) => setListId(d.value)}>
                  <option value="">Verteiler wählen …</option>
                  {(lists.data ?? []).map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name} ({count(l.members.length, 'Empfänger', 'Empfänger')})
                    </option>
                  ))}
                </Select>
              </Field>
              <Button appearance="primary" disabled={!listId || change.isPending} onClick={() => change.mutate({ listIds: [Number(listId)] }, { onSuccess: () => setListId('') })}>
                Verteiler einladen
              </Button>
            </div>
            <div className={styles.row}>
              <Field label="Einzelner Medienkontakt" className={styles.select}>
                <Select value={contactId} onChange={(_, d) => setContactId(d.value)}>
                  <option value="">Medienkontakt wählen …</option>
                  {single.map((m) => (
                    <option key={m.contactId} value={m.contactId}>
                      {m.organisation ? `${m.name} (${m.organisation})` : m.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button disabled={!contactId || change.isPending} onClick={() => change.mutate({ contactIds: [Number(contactId)] }, { onSuccess: () => setContactId('') })}>
                Einladen
              </Button>
            </div>
            <ErrorMessage error={invitations.error ?? change.error} title="Nicht gespeichert" />
            {invitations.isPending && <Spinner size="small" />}
            {invitations.data && (
              <>
                <Text role="status" className={styles.muted}>
                  {count(invitations.data.invitees.length, 'Einladung', 'Einladungen')}, {invitations.data.invitees.filter((i) => i.response === 'zugesagt').length} zugesagt,{' '}
                  {invitations.data.invitees.filter((i) => i.response === 'abgesagt').length} abgesagt
                </Text>
                <Table size="small" aria-label="Eingeladene Medien">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Name</TableHeaderCell>
                      <TableHeaderCell>Medium</TableHeaderCell>
                      <TableHeaderCell style={{ width: '160px' }}>Antwort</TableHeaderCell>
                      <TableHeaderCell style={{ width: '120px' }} />
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {invitations.data.invitees.map((i) => (
                      <TableRow key={i.contactId}>
                        <TableCell>
                          <Text weight="semibold">{i.name}</Text>
                        </TableCell>
                        <TableCell>{[i.organisation, i.mediaType].filter(Boolean).join(' · ') || '–'}</TableCell>
                        <TableCell>
                          <Select
                            aria-label={`Antwort von ${i.name}`}
                            value={i.response}
                            onChange={(_, d) => change.mutate({ responses: [{ contactId: i.contactId, response: d.value as PressResponse }] })}
                          >
                            {Object.entries(PRESS_RESPONSE_LABELS).map(([value, label]) => (
                              <option key={value} value={value}>
                                {label}
                              </option>
                            ))}
                          </Select>
                        </TableCell>
                        <TableCell>
                          <Button size="small" appearance="subtle" onClick={() => change.mutate({ remove: [i.contactId] })}>
                            Ausladen
                          </Button>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Schließen</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
