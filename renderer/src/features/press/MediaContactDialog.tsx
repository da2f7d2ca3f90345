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
  Input,
  Textarea,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MEDIA_TYPES, type MediaContact } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormDialogStyles } from '../../components/layout-styles';
import { ContactPicker } from '../letters/ContactPicker';
import { topicsFromText } from './press-format';

/** The press details of a contact: which kind of medium, which topics. */
export function MediaContactDialog({ contact, onClose }: { contact: MediaContact | null; onClose: () => void }) {
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<{ id: number; displayName: string } | null>(contact ? { id: contact.contactId, displayName: contact.name } : null);
  const [mediaType, setMediaType] = useState(contact?.mediaType ?? '');
  const [topics, setTopics] = useState(contact?.topics.join(', ') ?? '');
  const [notes, setNotes] = useState(contact?.notes ?? '');
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ['press.media.list'] });
    await queryClient.invalidateQueries({ queryKey: ['press.lists.list'] });
    onClose();
  };
  const save = useMutation({
    mutationFn: () => api('press.media.save', { contactId: picked!.id, mediaType, topics: topicsFromText(topics), notes }),
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => api('press.media.delete', { id: contact!.contactId }), onSuccess: done });

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-label="Medienkontakt" style={{ maxWidth: '640px' }}>
        <DialogBody>
          <DialogTitle>{contact ? `Medienkontakt: ${contact.name}` : 'Medienkontakt hinzufügen'}</DialogTitle>
          <DialogContent className={layout.content}>
            {contact ? (
              <Field label="Kontakt">
                <Input value={contact.organisation ? `${contact.name} (${contact.organisation})` : contact.name} readOnly />
              </Field>
            ) : (
              <ContactPicker label="Kontakt (Redaktion, Journalistin bzw. Journalist)" value={picked} onChange={(c) => setPicked(c ? { id: c.id, displayName: c.displayName } : null)} />
            )}
            <Field label="Art des Mediums">
              <Input list="press-media-types" value={mediaType} onChange={(_, d) => setMediaType(d.value)} placeholder={MEDIA_TYPES.join(', ')} />
            </Field>
            <datalist id="press-media-types">
              {MEDIA_TYPES.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
            <Field label="Themen" hint="Durch Kommas getrennt, z. B. Kultur, Sport, Wirtschaft.">
              <Input value={topics} onChange={(_, d) => setTopics(d.value)} />
            </Field>
            <Field label="Notizen">
              <Textarea value={notes} onChange={(_, d) => setNotes(d.value)} resize="vertical" />
            </Field>
            <ErrorMessage error={save.error ?? remove.error} title="Nicht gespeichert" />
          </DialogContent>
          <DialogActions>
            {contact && (
              <Button onClick={() => remove.mutate()} disabled={remove.isPending}>
                Aus den Medienkontakten entfernen
              </Button>
            )}
            <Button appearance="primary" disabled={!picked || save.isPending} onClick={() => save.mutate()}>
              Speichern
            </Button>
            <Button onClick={onClose}>Abbrechen</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
