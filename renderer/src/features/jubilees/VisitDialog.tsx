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
  Select,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JubileeEntry } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';

/** Plan the visit the honour rules offer: when, and who goes (the Oberbürgermeister or a Bürgermeister). */
export function VisitDialog({ entry, onClose }: { entry: JubileeEntry | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const signers = useQuery({ queryKey: ['signers.list'], queryFn: () => api('signers.list', {}) });
  const [visitDate, setVisitDate] = useState('');
  const [visitor, setVisitor] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api('jubilees.visits.plan', {
        jubileeDate: entry!.date,
        kind: entry!.kind,
        registerIds: entry!.persons.map((p) => p.registerId),
        visitDate: visitDate || entry!.date,
        visitor,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['jubilees.visits.list'] });
      onClose();
    },
  });
  return (
    <Dialog open={entry !== null} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Besuch planen</DialogTitle>
          <DialogContent>
            <p>
              {entry?.label}: {entry?.persons[0].addressLines.join(', ')}
            </p>
            <Field label="Datum des Besuchs" required>
              <Input type="date" value={visitDate || entry?.date || ''} onChange={(_, d) => setVisitDate(d.value)} />
            </Field>
            <Field label="Wer besucht?" required>
              <Select value={visitor} onChange={(_, d) => setVisitor(d.value)}>
                <option value="">– bitte wählen –</option>
                {signers.data?.map((s) => (
                  <option key={s.id} value={`${s.name}, ${s.office}`}>
                    {s.name}, {s.office}
                  </option>
                ))}
              </Select>
            </Field>
            <ErrorMessage error={save.error} title="Nicht gespeichert" />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Abbrechen</Button>
            <Button appearance="primary" disabled={!visitor || save.isPending} onClick={() => save.mutate()}>
              Besuch eintragen
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
