import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';

/** Asks before a contact is deleted; links to it (partner, organisation) are released. */
export function DeleteContactDialog({
  target,
  onClose,
  onDeleted,
}: {
  target: { id: number; revision: number; name: string } | null;
  onClose: () => void;
  onDeleted: (name: string) => void;
}) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (loaded: { id: number; revision: number }) => api('contacts.delete', { id: loaded.id, revision: loaded.revision }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries();
      onDeleted(result.displayName);
    },
  });
  return (
    <Dialog open={target !== null} onOpenChange={(_, data) => !data.open && onClose()} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Kontakt löschen?</DialogTitle>
          <DialogContent>
            „{target?.name}“ wird endgültig gelöscht. Verknüpfungen (Ehe-/Lebenspartner/in, Organisation) werden gelöst.
            <ErrorMessage error={remove.error} title="Nicht gelöscht" />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Abbrechen</Button>
            <Button
              appearance="primary"
              disabled={remove.isPending}
              onClick={() => target && remove.mutate(target)}
            >
              Endgültig löschen
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
