import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { VOLUNTEER_FIELDS, type VolunteerOffer } from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CheckboxField, SuggestField, TextareaField } from '../../components/form-fields';
import { ContactPicker } from '../letters/ContactPicker';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, width: '100%' },
  grow: { flexGrow: 1 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

interface OfferFormValues {
  organisation: { id: number; displayName: string } | null;
  field: string;
  description: string;
  active: boolean;
}

/** An organisation looking for volunteers in one field: what it looks for; active or not. */
export function OfferDialog({ offer, knownFields, onClose }: { offer: VolunteerOffer | null; knownFields: readonly string[]; onClose: () => void }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const valuesOf = (o: VolunteerOffer | null): OfferFormValues =>
    o ? { organisation: { id: o.organisationId, displayName: o.organisation }, field: o.field, description: o.description, active: o.active } : { organisation: null, field: '', description: '', active: true };
  const { control, handleSubmit, reset } = useForm<OfferFormValues>({ defaultValues: valuesOf(offer) });
  // The offer as loaded: its revision goes back with the save or the deletion („Neu laden“ after STALE takes the stored one).
  const [loaded, setLoaded] = useState(offer);
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ['volunteering.offers'] });
    onClose();
  };
  const save = useMutation({
    mutationFn: (values: OfferFormValues) =>
      api('volunteering.offers.save', {
        id: loaded?.id,
        revision: loaded?.revision,
        organisationId: values.organisation!.id,
        field: values.field,
        description: values.description,
        active: values.active,
      }),
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => api('volunteering.offers.delete', { id: loaded!.id, revision: loaded!.revision }), onSuccess: done });
  /** „Neu laden“ after STALE: the offer as it is stored now replaces the user's input. */
  const reload = async () => {
    if (!loaded) return;
    const groups = await queryClient.fetchQuery({ queryKey: ['volunteering.offers', 'all', true], queryFn: () => api('volunteering.offers', { includeInactive: true }), staleTime: 0 });
    const fresh = groups.flatMap((g) => g.offers).find((o) => o.id === loaded.id);
    if (!fresh) return void done();
    save.reset();
    remove.reset();
    reset(valuesOf(fresh));
    setLoaded(fresh);
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Angebot für Engagierte">
        <form onSubmit={handleSubmit((values) => save.mutate(values))} noValidate>
          <DialogBody>
            <DialogTitle>{offer ? `Angebot: ${offer.organisation}` : 'Angebot für Engagierte erfassen'}</DialogTitle>
            <DialogContent className={layout.content}>
              <Controller
                control={control}
                name="organisation"
                rules={{ validate: (v) => (v ? true : 'Bitte die Organisation wählen.') }}
                render={({ field, fieldState }) => (
                  <>
                    <ContactPicker label="Organisation (Kontakt)" value={field.value} onChange={(c) => field.onChange(c ? { id: c.id, displayName: c.displayName } : null)} />
                    {fieldState.error && <Text className={styles.error}>{fieldState.error.message}</Text>}
                  </>
                )}
              />
              <SuggestField control={control} name="field" label="Bereich" required suggestions={[...VOLUNTEER_FIELDS, ...knownFields]} />
              <TextareaField control={control} name="description" label="Gesucht werden (Aufgaben, Zeitaufwand)" />
              <CheckboxField control={control} name="active" label="Die Organisation sucht derzeit Engagierte (aktiv)" />
              <ErrorMessage error={save.error ?? remove.error} title={remove.error ? 'Nicht gelöscht' : 'Nicht gespeichert'} onReload={() => void reload()} />
            </DialogContent>
            <DialogActions fluid>
              <div className={styles.actions}>
                {offer && (
                  <Button appearance="subtle" icon={<DeleteRegular />} onClick={() => remove.mutate()} disabled={remove.isPending}>
                    Angebot löschen
                  </Button>
                )}
                <div className={styles.grow} />
                <Button onClick={onClose}>Abbrechen</Button>
                <Button appearance="primary" type="submit" disabled={save.isPending}>
                  {save.isPending ? 'Wird gespeichert …' : 'Angebot speichern'}
                </Button>
              </div>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
