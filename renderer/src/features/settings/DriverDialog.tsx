import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Output } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CheckboxField, TextareaField, TextField } from '../../components/form-fields';
import { issuesOf, markFields } from './form-issues';

export type Driver = Output<'carpool.drivers'>[number];

const useStyles = makeStyles({ content: { display: 'grid', gap: tokens.spacingVerticalM } });

interface DriverForm {
  name: string;
  phone: string;
  active: boolean;
  notes: string;
}
const EMPTY: DriverForm = { name: '', phone: '', active: true, notes: '' };
const FIELDS = new Set(['name', 'phone', 'notes']);

/** Add or edit a driver; one who leaves is deactivated (earlier appointments keep the name). */
export function DriverDialog({ target, onClose, onSaved }: { target: Driver | 'new' | null; onClose: () => void; onSaved: (name: string) => void }) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const { control, handleSubmit, reset, setError } = useForm<DriverForm>({ defaultValues: EMPTY });
  const [onlyFields, setOnlyFields] = useState(false);
  const editing = target && target !== 'new' ? target : null;
  useEffect(() => {
    if (target) reset(editing ? { name: editing.name, phone: editing.phone, active: editing.active, notes: editing.notes } : EMPTY);
  }, [target, editing, reset]);
  const save = useMutation({
    mutationFn: (form: DriverForm) => api('carpool.drivers.save', { ...form, id: editing?.id }),
    onSuccess: async (driver) => {
      await queryClient.invalidateQueries({ queryKey: ['carpool.drivers'] });
      onSaved(driver.name);
    },
    onError: (error) => setOnlyFields(markFields(issuesOf(error), setError, (path) => (FIELDS.has(path[0]) ? (path[0] as keyof DriverForm) : undefined))),
  });
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Dialog open={target !== null} onOpenChange={(_, data) => !data.open && close()}>
      <DialogSurface>
        <form onSubmit={handleSubmit((form) => save.mutate(form))} noValidate>
          <DialogBody>
            <DialogTitle>{editing ? 'Fahrer/in bearbeiten' : 'Fahrer/in hinzufügen'}</DialogTitle>
            <DialogContent className={styles.content}>
              <TextField control={control} name="name" label="Name" required />
              <TextField control={control} name="phone" label="Telefon" type="tel" />
              <CheckboxField control={control} name="active" label="aktiv (kann eingeteilt werden)" />
              <TextareaField control={control} name="notes" label="Notizen" />
              <ErrorMessage error={save.error && onlyFields ? 'Bitte die markierten Angaben prüfen.' : save.error} title="Nicht gespeichert" />
            </DialogContent>
            <DialogActions>
              <Button onClick={close}>Abbrechen</Button>
              <Button appearance="primary" type="submit" disabled={save.isPending}>
                {editing ? 'Speichern' : 'Hinzufügen'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
