import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JubileeEntry } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DateField, SuggestField } from '../../components/form-fields';

interface VisitFormValues {
  visitDate: string;
  visitor: string;
}

/**
 * Plan the visit the honour rules offer: when, and who goes. The visitor the honour rules
 * name for birthdays or for wedding anniversaries is proposed; the signers are suggested,
 * and any other visitor may be typed.
 */
export function VisitDialog({ entry, onClose }: { entry: JubileeEntry | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const signers = useQuery({ queryKey: ['signers.list'], queryFn: () => api('signers.list', {}) });
  const rules = useQuery({ queryKey: ['jubilees.rules.get'], queryFn: () => api('jubilees.rules.get', {}) });
  const proposed = entry && rules.data ? rules.data.visitors[entry.kind] : '';
  const values = useMemo(() => ({ visitDate: entry?.date ?? '', visitor: proposed }), [entry?.date, proposed]);
  // The proposal arrives with the rules; what the user already typed stays.
  const { control, handleSubmit } = useForm<VisitFormValues>({ values, resetOptions: { keepDirtyValues: true } });
  const visitor = useWatch({ control, name: 'visitor' }) ?? '';
  const save = useMutation({
    mutationFn: (form: VisitFormValues) =>
      api('jubilees.visits.plan', {
        jubileeDate: entry!.date,
        kind: entry!.kind,
        registerIds: entry!.persons.map((p) => p.registerId),
        visitDate: form.visitDate || entry!.date,
        visitor: form.visitor,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['jubilees.visits.list'] });
      onClose();
    },
  });
  const suggestions = [proposed, ...(signers.data ?? []).map((s) => `${s.name}, ${s.office}`)];
  return (
    <Dialog open={entry !== null} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form onSubmit={handleSubmit((form) => save.mutate(form))}>
          <DialogBody>
            <DialogTitle>Besuch planen</DialogTitle>
            <DialogContent>
              <p>
                {entry?.label}: {entry?.persons[0].addressLines.join(', ')}
              </p>
              <DateField control={control} name="visitDate" label="Datum des Besuchs" required />
              <SuggestField
                control={control}
                name="visitor"
                label="Wer besucht?"
                required
                hint="Vorschlag aus der Ehrungsordnung; auch eine andere Person kann eingetragen werden."
                suggestions={suggestions}
              />
              <ErrorMessage error={save.error} title="Nicht gespeichert" />
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>Abbrechen</Button>
              <Button appearance="primary" type="submit" disabled={!visitor.trim() || save.isPending}>
                Besuch eintragen
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
