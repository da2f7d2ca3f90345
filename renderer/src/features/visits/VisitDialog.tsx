import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { VISIT_DIRECTION_LABELS, type Visit, type VisitDirection, type VisitInput } from '../../../../core/api';
import { api } from '../../api/client';
import { useFormDialogStyles } from '../../components/layout-styles';
import { ErrorMessage } from '../../components/ErrorMessage';
import { fetchFresh, useLoadedRecord } from '../../components/use-loaded-record';
import { DateField, RadioField, SelectField, TextareaField, TextField } from '../../components/form-fields';
import { SeatingSection } from './SeatingSection';
import { GoldenBookSection, VisitGifts } from './VisitExtras';
import { VisitPeopleEditor, type VisitPersonValue } from './VisitPeopleEditor';
import { VisitProgramme } from './VisitProgramme';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  surface: { width: '96vw', maxWidth: '1180px' },
});

interface VisitFormValues {
  title: string;
  direction: VisitDirection;
  partnershipId: string;
  from: string;
  to: string;
  interpreter: string;
  press: string;
  notes: string;
  people: VisitPersonValue[];
  appointmentIds: number[];
}

function formValuesOf(visit: Visit | null): VisitFormValues {
  if (!visit) {
    return { title: '', direction: 'eingehend', partnershipId: '', from: '', to: '', interpreter: '', press: '', notes: '', people: [], appointmentIds: [] };
  }
  return {
    title: visit.title,
    direction: visit.direction,
    partnershipId: visit.partnershipId ? String(visit.partnershipId) : '',
    from: visit.from,
    to: visit.to,
    interpreter: visit.interpreter,
    press: visit.press,
    notes: visit.notes,
    people: visit.people.map((p) => ({ contactId: p.contactId, name: p.name, roleLabel: p.roleLabel, role: p.role, honour: p.honour })),
    appointmentIds: visit.appointments.map((a) => a.id),
  };
}

/** `loaded`: the stored visit as the form loaded it (its revision goes back with the save); none for a new one. */
function inputOf(values: VisitFormValues, loaded: { id: number; revision: number } | null): VisitInput {
  return {
    id: loaded?.id,
    revision: loaded?.revision,
    title: values.title,
    direction: values.direction,
    partnershipId: values.partnershipId ? Number(values.partnershipId) : null,
    from: values.from,
    to: values.to || values.from,
    interpreter: values.interpreter,
    press: values.press,
    notes: values.notes,
    people: values.people.map((p) => ({ contactId: p.contactId, role: p.role, honour: p.honour })),
    appointmentIds: values.appointmentIds,
  };
}

/**
 * A visit or delegation: title, direction, partnership, dates, guests and hosts, the programme
 * (appointments of the calendar), interpreter and press; once saved, the gifts given, the Golden
 * Book entry and the seating order of the official meal.
 */
export function VisitDialog({ visitId, onClose }: { visitId: number | null; onClose: () => void }) {
  const layout = useFormDialogStyles();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [id, setId] = useState(visitId);
  const [notice, setNotice] = useState<string | null>(null);
  const visit = useQuery({ queryKey: ['visits.get', id], queryFn: () => api('visits.get', { id: id! }), enabled: id !== null });

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface} aria-label="Besuch">
        <DialogBody>
          <DialogTitle>{visit.data ? `Besuch: ${visit.data.title}` : 'Besuch oder Delegation anlegen'}</DialogTitle>
          <DialogContent className={layout.content}>
            {id !== null && !visit.data ? (
              visit.error ? <ErrorMessage error={visit.error} /> : <Spinner size="small" label="Der Besuch wird geladen …" />
            ) : (
              <VisitForm
                key={`${id ?? 'new'}`}
                visit={visit.data ?? null}
                onSaved={async (saved) => {
                  queryClient.setQueryData(['visits.get', saved.id], saved);
                  await queryClient.invalidateQueries({ queryKey: ['visits.list'] });
                  setNotice(id === null ? `Besuch Nr. ${saved.id} gespeichert. Jetzt lassen sich Geschenke, Goldenes Buch und Sitzordnung eintragen.` : 'Besuch gespeichert.');
                  setId(saved.id);
                }}
              />
            )}
            {notice && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            )}
            {visit.data && (
              <>
                <Subtitle2 as="h3" className={layout.section}>
                  Geschenke
                </Subtitle2>
                <VisitGifts visit={visit.data} />
                <Subtitle2 as="h3" className={layout.section}>
                  Goldenes Buch
                </Subtitle2>
                <GoldenBookSection visit={visit.data} />
                <Subtitle2 as="h3" className={layout.section}>
                  Sitzordnung (Tischordnung)
                </Subtitle2>
                {/* Keyed by the visit, not its last change: the section's own save and changes from other
                    windows refresh the visit, and must not throw away the plan being worked on. */}
                <SeatingSection key={visit.data.id} visit={visit.data} />
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Schließen</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function VisitForm({ visit: latest, onSaved }: { visit: Visit | null; onSaved: (visit: Visit) => Promise<void> }) {
  const layout = useFormDialogStyles();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const { control, handleSubmit, formState, reset } = useForm<VisitFormValues>({ defaultValues: formValuesOf(latest) });
  // The visit as loaded: its revision goes back with the save; another PC's change replaces it only while nothing is typed.
  const [visit, take] = useLoadedRecord(latest, formState.isDirty);
  useEffect(() => {
    if (visit && !formState.isDirty) reset(formValuesOf(visit));
    // Only a newly taken visit fills the form again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visit]);
  const [from, to] = useWatch({ control, name: ['from', 'to'] });
  const partnerships = useQuery({ queryKey: ['partnerships.list'], queryFn: () => api('partnerships.list', {}) });
  const save = useMutation({
    mutationFn: (values: VisitFormValues) => api('visits.save', inputOf(values, visit)),
    onSuccess: async (saved) => {
      reset(formValuesOf(saved));
      take(saved);
      await onSaved(saved);
    },
  });
  /** „Neu laden“ after STALE: the visit as it is stored now replaces the user's input. */
  const reload = async () => {
    if (!visit) return;
    const fresh = await fetchFresh(queryClient, 'visits.get', visit.id);
    save.reset();
    reset(formValuesOf(fresh));
    take(fresh);
  };
  const [unsaved, setUnsaved] = useState(false);
  useEffect(() => setUnsaved(formState.isDirty), [formState.isDirty]);

  return (
    <form className={layout.form} onSubmit={handleSubmit((values) => save.mutate(values))} aria-label="Angaben zum Besuch" noValidate>
      <TextField control={control} name="title" label="Titel" required />
      <div className={layout.row}>
        <RadioField control={control} name="direction" label="Richtung" options={Object.entries(VISIT_DIRECTION_LABELS)} />
        <SelectField control={control} name="partnershipId" label="Partnerstadt">
          <option value="">keine</option>
          {(partnerships.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.city}
              {p.status !== 'aktiv' ? ` (${p.status})` : ''}
            </option>
          ))}
        </SelectField>
      </div>
      <div className={layout.row}>
        <DateField control={control} name="from" label="vom" required />
        <DateField control={control} name="to" label="bis einschließlich" />
        <TextField control={control} name="interpreter" label="Dolmetscher/in" />
      </div>
      <Subtitle2 as="h3" className={layout.section}>
        Gäste und Gastgeber
      </Subtitle2>
      <Controller control={control} name="people" render={({ field }) => <VisitPeopleEditor value={field.value} onChange={field.onChange} />} />
      <Subtitle2 as="h3" className={layout.section}>
        Programm
      </Subtitle2>
      <Controller
        control={control}
        name="appointmentIds"
        render={({ field }) => <VisitProgramme from={from} to={to || from} linked={visit?.appointments ?? []} value={field.value} onChange={field.onChange} />}
      />
      <TextareaField control={control} name="press" label="Presse" />
      <TextareaField control={control} name="notes" label="Notizen" />
      <ErrorMessage error={save.error} title="Nicht gespeichert" onReload={() => void reload()} />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          {save.isPending ? 'Wird gespeichert …' : 'Besuch speichern'}
        </Button>
        {unsaved && visit && <Text className={styles.muted}>Ungespeicherte Änderungen</Text>}
      </div>
    </form>
  );
}
