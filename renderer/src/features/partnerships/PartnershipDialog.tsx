import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  GREETING_LANGUAGE_LABELS,
  PARTNERSHIP_KIND_LABELS,
  PARTNERSHIP_STATUS_LABELS,
  type Partnership,
  type PartnershipInput,
  type PartnershipKind,
  type PartnershipStatus,
} from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, TextareaField, TextField } from '../../components/form-fields';
import { SaveActions } from '../../components/SaveActions';
import { useFormDialogStyles } from '../../components/layout-styles';
import { fetchFresh, useLoadedRecord } from '../../components/use-loaded-record';
import { ContactPicker } from '../letters/ContactPicker';
import { PartnershipHistory } from './PartnershipHistory';

type Picked = { id: number; displayName: string } | null;

interface FormValues {
  city: string;
  country: string;
  kind: PartnershipKind;
  since: string;
  status: PartnershipStatus;
  language: 'de' | 'en' | 'fr';
  mayor: Picked;
  office: Picked;
  notes: string;
}

function valuesOf(p: Partnership | null): FormValues {
  return {
    city: p?.city ?? '',
    country: p?.country ?? '',
    kind: p?.kind ?? 'partnerschaft',
    since: p?.since ?? '',
    status: p?.status ?? 'aktiv',
    language: p?.language ?? 'en',
    // Only a linked contact is the form's value; a proposal is offered to take over.
    mayor: p?.mayor?.linked ? { id: p.mayor.contactId, displayName: p.mayor.name } : null,
    office: p?.office ? { id: p.office.contactId, displayName: p.office.name } : null,
    notes: p?.notes ?? '',
  };
}

/** `p`: the stored partnership as the form loaded it (its revision goes back with the save); none for a new one. */
function inputOf(v: FormValues, p: Partnership | null): PartnershipInput {
  return {
    id: p?.id,
    revision: p?.revision,
    city: v.city,
    country: v.country,
    kind: v.kind,
    since: v.since,
    status: v.status,
    language: v.language,
    mayorContactId: v.mayor?.id ?? null,
    officeContactId: v.office?.id ?? null,
    notes: v.notes,
  };
}

/** One partnership: its data and contacts, and its history (visits, projects, letters). */
export function PartnershipDialog({ partnershipId, onClose }: { partnershipId: number | null; onClose: () => void }) {
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const [id, setId] = useState(partnershipId);
  const [notice, setNotice] = useState<string | null>(null);
  const partnership = useQuery({ queryKey: ['partnerships.get', id], queryFn: () => api('partnerships.get', { id: id! }), enabled: id !== null });

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Partnerschaft">
        <DialogBody>
          <DialogTitle>{partnership.data ? `Partnerschaft: ${partnership.data.city}` : 'Partnerschaft anlegen'}</DialogTitle>
          <DialogContent className={layout.content}>
            {id !== null && !partnership.data ? (
              partnership.error ? <ErrorMessage error={partnership.error} /> : <Spinner size="small" label="Wird geladen …" />
            ) : (
              <PartnershipForm
                key={id ?? 'new'}
                partnership={partnership.data ?? null}
                onSaved={async (saved) => {
                  queryClient.setQueryData(['partnerships.get', saved.id], saved);
                  await queryClient.invalidateQueries({ queryKey: ['partnerships.list'] });
                  await queryClient.invalidateQueries({ queryKey: ['greetings.overview'] });
                  await queryClient.invalidateQueries({ queryKey: ['greetings.occasion'] });
                  setNotice(id === null ? `Partnerschaft mit ${saved.city} angelegt.` : 'Gespeichert.');
                  setId(saved.id);
                }}
              />
            )}
            {notice && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            )}
            {partnership.data && <PartnershipHistory partnership={partnership.data} />}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Schließen</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function PartnershipForm({ partnership: latest, onSaved }: { partnership: Partnership | null; onSaved: (p: Partnership) => Promise<void> }) {
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const { control, handleSubmit, formState, setValue, watch, reset } = useForm<FormValues>({ defaultValues: valuesOf(latest) });
  // The partnership as loaded: its revision goes back with the save; another PC's change replaces it only while nothing is typed.
  const [partnership, take] = useLoadedRecord(latest, formState.isDirty);
  useEffect(() => {
    if (partnership && !formState.isDirty) reset(valuesOf(partnership));
    // Only a newly taken partnership fills the form again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [partnership]);
  const mayor = watch('mayor');
  const save = useMutation({
    mutationFn: (values: FormValues) => api('partnerships.save', inputOf(values, partnership)),
    onSuccess: async (saved) => {
      reset(valuesOf(saved));
      take(saved);
      await onSaved(saved);
    },
  });
  /** „Neu laden“ after STALE: the partnership as it is stored now replaces the user's input. */
  const reload = async () => {
    if (!partnership) return;
    const fresh = await fetchFresh(queryClient, 'partnerships.get', partnership.id);
    save.reset();
    reset(valuesOf(fresh));
    take(fresh);
  };
  const proposal = partnership?.mayor && !partnership.mayor.linked && !mayor ? partnership.mayor : null;

  return (
    <form className={layout.form} onSubmit={handleSubmit((v) => save.mutate(v))} aria-label="Angaben zur Partnerschaft" noValidate>
      <div className={layout.row}>
        <TextField control={control} name="city" label="Stadt" required />
        <TextField control={control} name="country" label="Land (Ländercode)" required hint={partnership ? partnership.countryName : 'z. B. FR, GB, CN'} />
        <TextField control={control} name="since" label="seit" />
      </div>
      <div className={layout.row}>
        <SelectField control={control} name="kind" label="Art">
          {Object.entries(PARTNERSHIP_KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField control={control} name="status" label="Status">
          {Object.entries(PARTNERSHIP_STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField control={control} name="language" label="Sprache der Briefe">
          {Object.entries(GREETING_LANGUAGE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      {partnership && partnership.status !== 'aktiv' && (
        <Badge appearance="tint" color="warning">
          Partnerschaft {PARTNERSHIP_STATUS_LABELS[partnership.status]}: Grüße nur nach ausdrücklicher Freigabe
        </Badge>
      )}
      <div className={layout.row}>
        <Controller
          control={control}
          name="mayor"
          render={({ field }) => <ContactPicker key={field.value?.id ?? 'kein'} label="Oberbürgermeister/in (Stadtspitze)" required={false} value={field.value} onChange={(c) => field.onChange(c ? { id: c.id, displayName: c.displayName } : null)} />}
        />
        <Controller
          control={control}
          name="office"
          render={({ field }) => <ContactPicker key={field.value?.id ?? 'kein'} label="Büro für internationale Beziehungen" required={false} value={field.value} onChange={(c) => field.onChange(c ? { id: c.id, displayName: c.displayName } : null)} />}
        />
      </div>
      {proposal && (
        <MessageBar intent="info">
          <MessageBarBody>
            Vorschlag: {proposal.name}
            {proposal.description ? ` (${proposal.description})` : ''} – über Ort und Amt in den Kontakten gefunden. Der Grußkalender schreibt bis
            zur Übernahme an diesen Kontakt.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => setValue('mayor', { id: proposal.contactId, displayName: proposal.name }, { shouldDirty: true })}>
              Übernehmen
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <TextareaField control={control} name="notes" label="Notizen" />
      <SaveActions label="Speichern" saving={save.isPending} error={save.error} unsaved={formState.isDirty && Boolean(partnership)} onReload={() => void reload()} />
    </form>
  );
}
