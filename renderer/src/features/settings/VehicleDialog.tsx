import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Output } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CheckboxField, TextareaField, TextField } from '../../components/form-fields';
import { issuesOf, markFields } from './form-issues';

export type Vehicle = Output<'carpool.vehicles'>[number];

const useStyles = makeStyles({
  content: { display: 'grid', gap: tokens.spacingVerticalM },
  pair: { display: 'grid', gridTemplateColumns: '1fr 120px', gap: tokens.spacingHorizontalM, '& > *': { minWidth: 0 } },
});

/** The form keeps the seats as typed; "" is sent as "no number" and refused by the contract. */
interface VehicleForm {
  name: string;
  plate: string;
  seats: string;
  active: boolean;
  notes: string;
}
const EMPTY: VehicleForm = { name: '', plate: '', seats: '4', active: true, notes: '' };
const FIELDS = new Set(['name', 'plate', 'seats', 'notes']);

/** Add or edit a car; a car that is sold is deactivated (earlier appointments keep it). */
export function VehicleDialog({ target, onClose, onSaved }: { target: Vehicle | 'new' | null; onClose: () => void; onSaved: (name: string) => void }) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const { control, handleSubmit, reset, setError } = useForm<VehicleForm>({ defaultValues: EMPTY });
  const [onlyFields, setOnlyFields] = useState(false);
  const editing = target && target !== 'new' ? target : null;
  useEffect(() => {
    if (target) reset(editing ? { name: editing.name, plate: editing.plate, seats: String(editing.seats), active: editing.active, notes: editing.notes } : EMPTY);
  }, [target, editing, reset]);
  const save = useMutation({
    mutationFn: (form: VehicleForm) =>
      api('carpool.vehicles.save', { ...form, seats: form.seats.trim() === '' ? Number.NaN : Number(form.seats), id: editing?.id }),
    onSuccess: async (vehicle) => {
      await queryClient.invalidateQueries({ queryKey: ['carpool.vehicles'] });
      onSaved(vehicle.name);
    },
    onError: (error) => setOnlyFields(markFields(issuesOf(error), setError, (path) => (FIELDS.has(path[0]) ? (path[0] as keyof VehicleForm) : undefined))),
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
            <DialogTitle>{editing ? 'Fahrzeug bearbeiten' : 'Fahrzeug hinzufügen'}</DialogTitle>
            <DialogContent className={styles.content}>
              <TextField control={control} name="name" label="Bezeichnung" required placeholder="z. B. Dienstwagen 3" />
              <div className={styles.pair}>
                <TextField control={control} name="plate" label="Kennzeichen" placeholder="DU-OB 3" />
                <TextField control={control} name="seats" label="Sitzplätze" type="number" />
              </div>
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
