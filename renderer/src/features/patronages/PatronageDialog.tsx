import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
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
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SPEECH_KIND_LABELS, type Patronage, type PatronageInput, type Signer } from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DateField, RadioField, SelectField, TextareaField, TextField } from '../../components/form-fields';
import { SaveActions } from '../../components/SaveActions';
import { fetchFresh, useLoadedRecord } from '../../components/use-loaded-record';
import { describeSpan } from '../calendar/spans';
import { addDays, berlinToday } from '../calendar/wall-clock';
import { ContactOrNameFields, contactOrNameInput, type PickedContact } from '../letters/ContactOrNameFields';
import { answerOf, CRITERION_ANSWERS, CRITERION_KEYS, criterionTitle, valueOf, type CriterionAnswer, type CriterionKey } from './criteria';
import { PatronageDecisionArea } from './PatronageDecisionArea';

const useStyles = makeStyles({
  criteria: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
});

interface PatronageFormValues {
  organisationMode: 'contact' | 'free';
  organisationContact: PickedContact;
  organisationName: string;
  event: string;
  eventFrom: string;
  eventTo: string;
  place: string;
  receivedOn: string;
  patronId: string;
  criteria: Record<CriterionKey, CriterionAnswer>;
  speechId: string;
  appointmentId: string;
  notes: string;
}

function formValuesOf(patronage: Patronage | null, head: Signer | undefined): PatronageFormValues {
  const criteria = Object.fromEntries(CRITERION_KEYS.map((k) => [k, answerOf(patronage?.criteria[k] ?? null)])) as Record<CriterionKey, CriterionAnswer>;
  if (!patronage) {
    return {
      organisationMode: 'contact',
      organisationContact: null,
      organisationName: '',
      event: '',
      eventFrom: '',
      eventTo: '',
      place: '',
      receivedOn: berlinToday(),
      patronId: head ? String(head.id) : '',
      criteria,
      speechId: '',
      appointmentId: '',
      notes: '',
    };
  }
  return {
    organisationMode: patronage.organisationId !== null ? 'contact' : 'free',
    organisationContact: patronage.organisationId !== null ? { id: patronage.organisationId, displayName: patronage.organisation } : null,
    organisationName: patronage.organisationId !== null ? '' : patronage.organisationName,
    event: patronage.event,
    eventFrom: patronage.eventFrom,
    eventTo: patronage.eventTo ?? '',
    place: patronage.place,
    receivedOn: patronage.receivedOn,
    patronId: patronage.patronId ? String(patronage.patronId) : '',
    criteria,
    speechId: patronage.speechId ? String(patronage.speechId) : '',
    appointmentId: patronage.appointmentId ? String(patronage.appointmentId) : '',
    notes: patronage.notes,
  };
}

/** `loaded`: the stored request as the form loaded it (its revision goes back with the save); none for a new one. */
function inputOf(values: PatronageFormValues, loaded: { id: number; revision: number } | null): PatronageInput {
  const organisation = contactOrNameInput(values.organisationMode, values.organisationContact, values.organisationName);
  return {
    id: loaded?.id,
    revision: loaded?.revision,
    organisationId: organisation.contactId,
    organisationName: organisation.name,
    event: values.event,
    eventFrom: values.eventFrom,
    eventTo: values.eventTo || null,
    place: values.place,
    receivedOn: values.receivedOn,
    patronId: values.patronId ? Number(values.patronId) : null,
    criteria: Object.fromEntries(CRITERION_KEYS.map((k) => [k, valueOf(values.criteria[k])])) as PatronageInput['criteria'],
    speechId: values.speechId ? Number(values.speechId) : null,
    appointmentId: values.appointmentId ? Number(values.appointmentId) : null,
    notes: values.notes,
  };
}

/**
 * Record a request for a patronage (who asks, for which event, when and where, the patron asked
 * for, the criteria checklist, the linked Grußwort and appointment), then decide it: taken on or
 * declined, with the reasons; the decision prepares the reply letter.
 */
export function PatronageDialog({ patronageId, onClose }: { patronageId: number | null; onClose: () => void }) {
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const [id, setId] = useState(patronageId);
  const [notice, setNotice] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const patronage = useQuery({ queryKey: ['patronages.get', id], queryFn: () => api('patronages.get', { id: id! }), enabled: id !== null });
  const signers = useQuery({ queryKey: ['signers.list'], queryFn: () => api('signers.list', {}) });
  // The request as loaded: every change sends its revision back; another PC's change replaces it only while the form holds no unsaved input.
  const [data, take] = useLoadedRecord(patronage.data ?? null, dirty);
  /** Counts „Neu laden“: the form and the decision start again from the request as stored now. */
  const [reloads, setReloads] = useState(0);

  const stored = async (saved: Patronage) => {
    queryClient.setQueryData(['patronages.get', saved.id], saved);
    take(saved);
    await queryClient.invalidateQueries({ queryKey: ['patronages.list'] });
  };
  /** „Neu laden“ after STALE: the request as it is stored now replaces the user's input. */
  const reload = async () => {
    if (id === null) return;
    const fresh = await fetchFresh(queryClient, 'patronages.get', id);
    setNotice(null);
    setDirty(false);
    take(fresh);
    setReloads((n) => n + 1);
  };
  const reloadNow = () => void reload();

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Schirmherrschaft">
        <DialogBody>
          <DialogTitle>{data ? `Schirmherrschaft: ${data.event}` : 'Anfrage auf Schirmherrschaft erfassen'}</DialogTitle>
          <DialogContent className={layout.content}>
            {(id !== null && !data) || !signers.data ? (
              patronage.error || signers.error ? (
                <ErrorMessage error={patronage.error ?? signers.error} />
              ) : (
                <Spinner size="small" label="Die Anfrage wird geladen …" />
              )
            ) : (
              <PatronageForm
                key={`${id ?? 'new'}-${reloads}`}
                patronage={data}
                signers={signers.data}
                onDirtyChange={setDirty}
                onReload={reloadNow}
                onSaved={async (saved) => {
                  await stored(saved);
                  setNotice(id === null ? `Anfrage Nr. ${saved.id} gespeichert. Sie können nun entscheiden.` : 'Anfrage gespeichert.');
                  setId(saved.id);
                }}
              />
            )}
            {notice && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            )}
            {data && <PatronageDecisionArea key={`decision-${data.id}-${reloads}`} patronage={data} unsaved={dirty} onChanged={stored} onReload={reloadNow} />}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Schließen</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function PatronageForm({
  patronage,
  signers,
  onSaved,
  onDirtyChange,
  onReload,
}: {
  patronage: Patronage | null;
  signers: Signer[];
  onSaved: (patronage: Patronage) => Promise<void>;
  onDirtyChange: (dirty: boolean) => void;
  /** „Neu laden“ after a save refused as STALE. */
  onReload: () => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const head = signers.find((s) => !s.deputy && s.active);
  const { control, handleSubmit, formState, reset } = useForm<PatronageFormValues>({ defaultValues: formValuesOf(patronage, head) });
  useEffect(() => onDirtyChange(formState.isDirty), [formState.isDirty, onDirtyChange]);
  // A newer copy (another PC's save, the decision below) fills the form only while nothing is typed.
  useEffect(() => {
    if (patronage && !formState.isDirty) reset(formValuesOf(patronage, head));
    // Only a newly loaded request fills the form again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [patronage]);
  const save = useMutation({
    mutationFn: (values: PatronageFormValues) => api('patronages.save', inputOf(values, patronage)),
    onSuccess: async (saved) => {
      // The saved request is the form's new starting point (nothing unsaved any more).
      reset(formValuesOf(saved, head));
      await onSaved(saved);
    },
  });

  const speeches = useQuery({ queryKey: ['speeches.list', 'patronages'], queryFn: () => api('speeches.list', {}) });
  const today = berlinToday();
  const appointments = useQuery({
    queryKey: ['calendar.view', today, 'patronages'],
    queryFn: () => api('calendar.view', { from: today, to: addDays(today, 365) }),
  });
  const occasions = [...new Map((appointments.data?.occurrences ?? []).map((o) => [o.appointmentId, o])).values()].sort((a, b) => a.start.localeCompare(b.start));
  const currentAppointment = patronage?.appointmentId ?? null;

  return (
    <form className={layout.form} onSubmit={handleSubmit((values) => save.mutate(values))} aria-label="Angaben zur Schirmherrschaft" noValidate>
      <ContactOrNameFields
        control={control}
        names={{ mode: 'organisationMode', contact: 'organisationContact', name: 'organisationName' }}
        question="Wer fragt an?"
        label="Anfragende Organisation"
      />
      <TextField control={control} name="event" label="Veranstaltung" required />
      <div className={layout.row}>
        <DateField control={control} name="eventFrom" label="Datum der Veranstaltung" required />
        <DateField control={control} name="eventTo" label="bis einschließlich (mehrtägig)" />
        <DateField control={control} name="receivedOn" label="Eingegangen am" required />
      </div>
      <div className={layout.row}>
        <TextField control={control} name="place" label="Ort" />
        <SelectField control={control} name="patronId" label="Schirmherrin bzw. Schirmherr">
          <option value="">noch offen</option>
          {signers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}, {s.office}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className={styles.criteria}>
        <legend className={styles.legend}>Kriterien</legend>
        {CRITERION_KEYS.map((key) => (
          <RadioField key={key} control={control} name={`criteria.${key}`} label={criterionTitle(key)} options={CRITERION_ANSWERS} />
        ))}
      </fieldset>
      <SelectField control={control} name="speechId" label="Grußwort bzw. Rede">
        <option value="">keins</option>
        {(speeches.data ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.title} ({SPEECH_KIND_LABELS[s.kind]})
          </option>
        ))}
      </SelectField>
      <SelectField control={control} name="appointmentId" label="Termin (der nächsten 12 Monate)">
        <option value="">kein Termin</option>
        {currentAppointment !== null && !occasions.some((o) => o.appointmentId === currentAppointment) && (
          <option value={currentAppointment}>bisheriger Termin (Nr. {currentAppointment})</option>
        )}
        {occasions.map((o) => (
          <option key={o.appointmentId} value={o.appointmentId}>
            {describeSpan(o, true)} – {o.title}
          </option>
        ))}
      </SelectField>
      <TextareaField control={control} name="notes" label="Notizen" />
      <SaveActions label="Anfrage speichern" saving={save.isPending} error={save.error} unsaved={formState.isDirty && Boolean(patronage)} onReload={onReload} />
    </form>
  );
}
