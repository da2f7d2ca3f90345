import { useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DistributionList, MediaContact } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormDialogStyles } from '../../components/layout-styles';

const useStyles = makeStyles({
  members: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    maxHeight: '320px',
    overflowY: 'auto',
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** A distribution list (Verteiler): its name and which media contacts are on it. */
export function DistributionListDialog({ list, media, onClose }: { list: DistributionList | null; media: MediaContact[]; onClose: () => void }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const [name, setName] = useState(list?.name ?? '');
  const [description, setDescription] = useState(list?.description ?? '');
  const [members, setMembers] = useState(new Set(list?.members.map((m) => m.contactId) ?? []));
  // Members who are no media contact (any more) stay on the list and are shown, too.
  const candidates = [
    ...media.map((m) => ({ contactId: m.contactId, label: m.organisation ? `${m.name} (${m.organisation})` : m.name, detail: m.mediaType })),
    ...(list?.members ?? [])
      .filter((m) => !media.some((c) => c.contactId === m.contactId))
      .map((m) => ({ contactId: m.contactId, label: m.name, detail: 'kein Medienkontakt' })),
  ];
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ['press.lists.list'] });
    await queryClient.invalidateQueries({ queryKey: ['press.media.list'] });
    onClose();
  };
  const save = useMutation({ mutationFn: () => api('press.lists.save', { id: list?.id, name, description, memberIds: [...members] }), onSuccess: done });
  const remove = useMutation({ mutationFn: () => api('press.lists.delete', { id: list!.id }), onSuccess: done });
  const toggle = (id: number, on: boolean) =>
    setMembers((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-label="Verteiler" className={layout.surface}>
        <DialogBody>
          <DialogTitle>{list ? `Verteiler: ${list.name}` : 'Verteiler anlegen'}</DialogTitle>
          <DialogContent className={layout.content}>
            <Field label="Name des Verteilers" required>
              <Input value={name} onChange={(_, d) => setName(d.value)} />
            </Field>
            <Field label="Beschreibung">
              <Input value={description} onChange={(_, d) => setDescription(d.value)} />
            </Field>
            <fieldset className={styles.members}>
              <legend className={styles.legend}>Empfänger ({members.size})</legend>
              {candidates.length === 0 && <Text className={styles.muted}>Bitte zuerst Medienkontakte anlegen.</Text>}
              {candidates.map((c) => (
                <Checkbox
                  key={c.contactId}
                  label={c.detail ? `${c.label} · ${c.detail}` : c.label}
                  checked={members.has(c.contactId)}
                  onChange={(_, d) => toggle(c.contactId, Boolean(d.checked))}
                />
              ))}
            </fieldset>
            <ErrorMessage error={save.error ?? remove.error} title="Nicht gespeichert" />
          </DialogContent>
          <DialogActions>
            {list && (
              <Button onClick={() => remove.mutate()} disabled={remove.isPending}>
                Verteiler löschen
              </Button>
            )}
            <Button appearance="primary" disabled={save.isPending} onClick={() => save.mutate()}>
              Verteiler speichern
            </Button>
            <Button onClick={onClose}>Abbrechen</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
