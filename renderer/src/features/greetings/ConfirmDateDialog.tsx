import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GreetingOverviewItem } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { germanLongDate } from '../../components/format';
import { DateInput } from '../../components/DateInputs';

/**
 * Staff confirm a computed date (an Islamic high day, the King's official birthday) as the
 * communities or the Royal Household announce it; the plan then uses the confirmed day.
 */
export function ConfirmDateDialog({
  year,
  item,
  calendarLabel,
  onClose,
}: {
  year: number;
  item: GreetingOverviewItem;
  calendarLabel: string;
  onClose: (confirmedDate?: string) => void;
}) {
  const queryClient = useQueryClient();
  const [date, setDate] = useState(item.date);
  const confirm = useMutation({
    mutationFn: () => api('greetings.confirm', { key: item.key, year, computedDate: item.computedDate, date }),
    onSuccess: async (row) => {
      await queryClient.invalidateQueries({ queryKey: ['greetings.overview'] });
      await queryClient.invalidateQueries({ queryKey: ['greetings.occasion'] });
      onClose(row.date);
    },
  });
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-label="Datum bestätigen">
        <DialogBody>
          <DialogTitle>Datum bestätigen: {item.name}</DialogTitle>
          <DialogContent style={{ display: 'grid', gap: 12 }}>
            <Text>
              {item.calendar === 'islamic'
                ? `Berechnet nach dem ${calendarLabel}: ${germanLongDate(item.computedDate)}. Die Gemeinden (Diyanet-Kalender, Mondsichtung) können um einen Tag abweichen – bitte den Tag eintragen, den sie nennen.`
                : `Der Tag wird jedes Jahr neu festgelegt; berechnet ist ${germanLongDate(item.computedDate)}. Bitte den festgelegten Tag eintragen.`}
            </Text>
            <DateInput label="Bestätigtes Datum" required value={date} onChange={setDate} />
            <ErrorMessage error={confirm.error} title="Nicht bestätigt" />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!date || confirm.isPending} onClick={() => confirm.mutate()}>
              Bestätigen
            </Button>
            <Button onClick={() => onClose()}>Abbrechen</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
