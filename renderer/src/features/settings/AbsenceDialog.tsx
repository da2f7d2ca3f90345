import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CheckboxField, DateField, DateTimeField, SelectField, TextField } from '../../components/form-fields';
import type { Driver, Vehicle } from './carpool-items';
import { issuesOf, markFields } from './form-issues';

const useStyles = makeStyles({
  content: { display: 'grid', gap: tokens.spacingVerticalM },
  pair: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM, '& > *': { minWidth: 0 } },
});

/** Who is away: "driver:3" or "vehicle:2" (the contract wants exactly one of the two ids). */
interface AbsenceForm {
  who: string;
  allDay: boolean;
  from: string;
  to: string;
  reason: string;
}
const EMPTY: AbsenceForm = { who: '', allDay: true, from: '', to: '', reason: '' };

const FIELD_OF: Record<string, keyof AbsenceForm> = { driverId: 'who', vehicleId: 'who', from: 'from', to: 'to', reason: 'reason' };

function toInput(form: AbsenceForm) {
  const [kind, id] = form.who.split(':');
  const day = (value: string) => (form.allDay ? value.slice(0, 10) : value);
  return {
    driverId: kind === 'driver' ? Number(id) : null,
    vehicleId: kind === 'vehicle' ? Number(id) : null,
    from: day(form.from),
    to: day(form.to),
    reason: form.reason,
  };
}

/** A driver on leave or a car in the workshop: whole days (inclusive) or from–to times. */
export function AbsenceDialog({
  open,
  drivers,
  vehicles,
  onClose,
  onSaved,
}: {
  open: boolean;
  drivers: Driver[];
  vehicles: Vehicle[];
  onClose: () => void;
  onSaved: (text: string) => void;
}) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const { control, handleSubmit, reset, setError, getValues, setValue } = useForm<AbsenceForm>({ defaultValues: EMPTY });
  const [onlyFields, setOnlyFields] = useState(false);
  const allDay = useWatch({ control, name: 'allDay' });
  useEffect(() => {
    if (open) reset(EMPTY);
  }, [open, reset]);
  // Switching between days and times keeps the dates that were already chosen.
  useEffect(() => {
    for (const [name, time] of [['from', '08:00'], ['to', '17:00']] as const) {
      const value = getValues(name);
      if (!value) continue;
      setValue(name, allDay ? value.slice(0, 10) : value.length === 10 ? `${value}T${time}` : value);
    }
  }, [allDay, getValues, setValue]);
  const save = useMutation({
    mutationFn: (form: AbsenceForm) => api('carpool.absences.save', toInput(form)),
    onSuccess: async (_, form) => {
      await queryClient.invalidateQueries({ queryKey: ['carpool.absences'] });
      const [kind, id] = form.who.split(':');
      const name = (kind === 'driver' ? drivers : vehicles).find((x) => x.id === Number(id))?.name ?? '';
      onSaved(`Abwesenheit für „${name}“ eingetragen.`);
    },
    onError: (error) => setOnlyFields(markFields(issuesOf(error), setError, (path) => FIELD_OF[path[0]])),
  });
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = (form: AbsenceForm) => {
    const missing = form.allDay ? 'Bitte ein Datum angeben.' : 'Bitte Datum und Uhrzeit angeben.';
    if (!form.who) setError('who', { message: 'Bitte eine Fahrerin bzw. einen Fahrer oder ein Fahrzeug wählen.' });
    if (!form.from) setError('from', { message: missing });
    if (!form.to) setError('to', { message: missing });
    if (form.who && form.from && form.to) save.mutate(form);
  };
  const SpanField = allDay ? DateField : DateTimeField;
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && close()}>
      <DialogSurface>
        <form onSubmit={handleSubmit(submit)} noValidate>
          <DialogBody>
            <DialogTitle>Abwesenheit eintragen</DialogTitle>
            <DialogContent className={styles.content}>
              <SelectField control={control} name="who" label="Fahrer/in oder Fahrzeug" required>
                <option value="">– bitte wählen –</option>
                <optgroup label="Fahrer/innen">
                  {drivers.map((d) => (
                    <option key={d.id} value={`driver:${d.id}`}>
                      {d.name}
                      {d.active ? '' : ' (inaktiv)'}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Fahrzeuge">
                  {vehicles.map((v) => (
                    <option key={v.id} value={`vehicle:${v.id}`}>
                      {v.name}
                      {v.plate ? ` (${v.plate})` : ''}
                      {v.active ? '' : ' (inaktiv)'}
                    </option>
                  ))}
                </optgroup>
              </SelectField>
              <CheckboxField control={control} name="allDay" label="ganze Tage" />
              <div className={styles.pair}>
                <SpanField control={control} name="from" label="von" required />
                <SpanField control={control} name="to" label={allDay ? 'bis einschließlich' : 'bis'} required />
              </div>
              <TextField control={control} name="reason" label="Grund" placeholder="z. B. Urlaub, Werkstatt, TÜV" />
              <ErrorMessage error={save.error && onlyFields ? 'Bitte die markierten Angaben prüfen.' : save.error} title="Nicht gespeichert" />
            </DialogContent>
            <DialogActions>
              <Button onClick={close}>Abbrechen</Button>
              <Button appearance="primary" type="submit" disabled={save.isPending}>
                Eintragen
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
