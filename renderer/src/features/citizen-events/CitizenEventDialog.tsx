import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CITIZEN_EVENT_KIND_LABELS, type CitizenEventDetail } from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CitizenEventForm } from './CitizenEventForm';
import { EventDocuments } from './EventDocuments';
import { RegistrationsSection } from './RegistrationsSection';

/**
 * Record a citizens' talk or walk (with the stops of the way), then take registrations with the
 * topics people want to raise and download the invitation, press note, briefing and follow-up report.
 */
export function CitizenEventDialog({ eventId, onClose }: { eventId: number | null; onClose: () => void }) {
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const [id, setId] = useState(eventId);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const event = useQuery({ queryKey: ['citizenEvents.get', id], queryFn: () => api('citizenEvents.get', { id: id! }), enabled: id !== null, refetchOnMount: 'always' });

  const stored = async (saved: CitizenEventDetail) => {
    queryClient.setQueryData(['citizenEvents.get', saved.id], saved);
    await queryClient.invalidateQueries({ queryKey: ['citizenEvents.list'] });
  };
  const remove = useMutation({
    mutationFn: () => api('citizenEvents.delete', { id: id!, revision: event.data!.revision }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['citizenEvents.list'] });
      onClose();
    },
  });

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Bürgergespräch oder Bürgerspaziergang">
        <DialogBody>
          <DialogTitle>{event.data ? `${CITIZEN_EVENT_KIND_LABELS[event.data.kind]}: ${event.data.title}` : 'Bürgergespräch oder Bürgerspaziergang anlegen'}</DialogTitle>
          <DialogContent className={layout.content}>
            {id !== null && !event.data ? (
              event.error ? <ErrorMessage error={event.error} /> : <Spinner size="small" label="Die Veranstaltung wird geladen …" />
            ) : (
              <CitizenEventForm
                key={id ?? 'new'}
                event={event.data ?? null}
                onSaved={async (saved) => {
                  await stored(saved);
                  setNotice(id === null ? `Veranstaltung Nr. ${saved.id} gespeichert. Sie können nun Anmeldungen aufnehmen.` : 'Veranstaltung gespeichert.');
                  setId(saved.id);
                }}
              />
            )}
            {notice && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            )}
            {event.data && <RegistrationsSection event={event.data} onChanged={stored} />}
            {event.data && <EventDocuments event={event.data} />}
            {confirmDelete && event.data && (
              <MessageBar intent="warning" role="alert">
                <MessageBarBody>
                  „{event.data.title}“ mit {event.data.registered} {event.data.registered === 1 ? 'Anmeldung' : 'Anmeldungen'} löschen?
                </MessageBarBody>
                <MessageBarActions>
                  <Button appearance="primary" onClick={() => remove.mutate()} disabled={remove.isPending}>
                    Endgültig löschen
                  </Button>
                  <Button onClick={() => setConfirmDelete(false)}>Abbrechen</Button>
                </MessageBarActions>
              </MessageBar>
            )}
            <ErrorMessage error={remove.error} title="Nicht gelöscht" />
          </DialogContent>
          {event.data && (
            <DialogActions position="start">
              <Button appearance="subtle" icon={<DeleteRegular />} onClick={() => setConfirmDelete(true)}>
                Löschen …
              </Button>
            </DialogActions>
          )}
          <DialogActions position="end">
            <Button onClick={onClose}>Schließen</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
