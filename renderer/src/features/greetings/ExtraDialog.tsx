import { useForm } from 'react-hook-form';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OCCASION_CALENDAR_LABELS, type GreetingExtra, type OccasionCalendarName } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CheckboxField, DateField, SelectField, TextField } from '../../components/form-fields';
import { useFormDialogStyles } from '../../components/layout-styles';

interface Values {
  name: string;
  every: 'year' | 'once';
  monthDay: string;
  date: string;
  calendar: OccasionCalendarName;
  eveBefore: boolean;
}

/** A date staff add to the plan (a municipal day of a partner city, Nouruz, Diwali): every year or once. */
export function ExtraDialog({ onClose }: { onClose: (saved?: GreetingExtra) => void }) {
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const { control, handleSubmit, watch } = useForm<Values>({
    defaultValues: { name: '', every: 'year', monthDay: '', date: '', calendar: 'gregorian', eveBefore: false },
  });
  const every = watch('every');
  const save = useMutation({
    mutationFn: (v: Values) =>
      api('greetings.extras.save', {
        name: v.name,
        // "21.03." or "03-21" → "03-21".
        date: v.every === 'once' ? v.date : v.monthDay.trim().replace(/^(\d{1,2})\.(\d{1,2})\.?$/, (_, d: string, m: string) => `${m.padStart(2, '0')}-${d.padStart(2, '0')}`),
        calendar: v.calendar,
        eveBefore: v.eveBefore,
      }),
    onSuccess: async (extra) => {
      await queryClient.invalidateQueries({ queryKey: ['greetings.overview'] });
      onClose(extra);
    },
  });
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-label="Eigener Termin">
        <DialogBody>
          <DialogTitle>Eigener Termin im Grußkalender</DialogTitle>
          <DialogContent>
            <form id="extra-form" className={layout.form} onSubmit={handleSubmit((v) => save.mutate(v))} noValidate>
              <TextField control={control} name="name" label="Anlass" required placeholder="z. B. Nouruz, Stadtfest in Calais" />
              <SelectField control={control} name="every" label="Wann">
                <option value="year">jedes Jahr am selben Tag</option>
                <option value="once">einmal, an einem Datum</option>
              </SelectField>
              {every === 'year' ? (
                <TextField control={control} name="monthDay" label="Tag und Monat" required placeholder="21.03." />
              ) : (
                <DateField control={control} name="date" label="Datum" required />
              )}
              <SelectField control={control} name="calendar" label="Kalender des Anlasses">
                {Object.entries(OCCASION_CALENDAR_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </SelectField>
              <CheckboxField control={control} name="eveBefore" label="Beginnt am Vorabend" />
              <Text size={200}>Empfänger, Vorlage und Vorlauf legen Sie danach in der Regel des Anlasses fest.</Text>
              <ErrorMessage error={save.error} title="Nicht gespeichert" />
            </form>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" type="submit" form="extra-form" disabled={save.isPending}>
              Termin hinzufügen
            </Button>
            <Button onClick={() => onClose()}>Abbrechen</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
