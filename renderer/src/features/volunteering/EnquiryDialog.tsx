import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch, type Control, type UseFormSetValue } from 'react-hook-form';
import {
  Button,
  Checkbox,
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
import { DismissRegular, HandshakeRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { VOLUNTEER_FIELDS, VOLUNTEER_OUTCOME_LABELS, type VolunteerEnquiry, type VolunteerEnquiryInput, type VolunteerOutcome } from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DateField, SelectField, TextareaField, TextField } from '../../components/form-fields';
import { SaveActions } from '../../components/SaveActions';
import { fetchFresh, useLoadedRecord } from '../../components/use-loaded-record';
import { berlinToday } from '../calendar/wall-clock';
import { CitizenFields, KnownCitizen } from '../citizens/CitizenFields';
import { citizenFieldOf, citizenFormValues, citizenInputOf, emptyCitizen, type CitizenFormValues } from '../citizens/citizen-values';
import { ContactPicker } from '../letters/ContactPicker';
import { issuesOf, markFields } from '../settings/form-issues';

const useStyles = makeStyles({
  group: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
    margin: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  checks: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  offers: { display: 'grid', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: 'none' },
  offer: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' },
  stack: { display: 'grid', gap: '2px', minWidth: 0 },
  chosen: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

interface EnquiryFormValues {
  citizen: CitizenFormValues;
  receivedOn: string;
  interests: string;
  fields: string[];
  /** Fields not in the list, separated by commas. */
  otherFields: string;
  organisation: { id: number; displayName: string } | null;
  referredOn: string;
  outcome: VolunteerOutcome;
  notes: string;
}

function formValuesOf(enquiry: VolunteerEnquiry | null, known: readonly string[]): EnquiryFormValues {
  if (!enquiry) {
    return { citizen: emptyCitizen(), receivedOn: berlinToday(), interests: '', fields: [], otherFields: '', organisation: null, referredOn: '', outcome: 'offen', notes: '' };
  }
  return {
    citizen: citizenFormValues(enquiry.citizen),
    receivedOn: enquiry.receivedOn,
    interests: enquiry.interests,
    fields: enquiry.fields.filter((f) => known.includes(f)),
    otherFields: enquiry.fields.filter((f) => !known.includes(f)).join(', '),
    organisation: enquiry.organisationId !== null ? { id: enquiry.organisationId, displayName: enquiry.organisation ?? `Kontakt Nr. ${enquiry.organisationId}` } : null,
    referredOn: enquiry.referredOn ?? '',
    outcome: enquiry.outcome,
    notes: enquiry.notes,
  };
}

const allFields = (values: Pick<EnquiryFormValues, 'fields' | 'otherFields'>) => [
  ...values.fields,
  ...values.otherFields
    .split(/[,;]/)
    .map((f) => f.trim())
    .filter(Boolean),
];

/** `loaded`: the stored enquiry as the form loaded it (its revision goes back with the save); none for a new one. */
function inputOf(values: EnquiryFormValues, loaded: { id: number; revision: number } | null): VolunteerEnquiryInput {
  return {
    id: loaded?.id,
    revision: loaded?.revision,
    citizen: citizenInputOf(values.citizen),
    receivedOn: values.receivedOn,
    interests: values.interests,
    fields: allFields(values),
    organisationId: values.organisation?.id ?? null,
    referredOn: values.organisation && values.referredOn ? values.referredOn : null,
    outcome: values.outcome,
    notes: values.notes,
  };
}

/**
 * An enquiry about volunteering: the person, what interests them and in which fields; the offers
 * in those fields to refer to (or any other organisation from the contacts); the outcome.
 */
export function EnquiryDialog({ enquiryId, knownFields, onClose }: { enquiryId: number | null; knownFields: readonly string[]; onClose: () => void }) {
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const [id, setId] = useState(enquiryId);
  const [notice, setNotice] = useState<string | null>(null);
  const enquiry = useQuery({ queryKey: ['volunteering.enquiries.get', id], queryFn: () => api('volunteering.enquiries.get', { id: id! }), enabled: id !== null });
  const known = [...new Set([...VOLUNTEER_FIELDS, ...knownFields])];

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Anfrage zum Engagement">
        <DialogBody>
          <DialogTitle>{enquiry.data ? `Anfrage zum Engagement: ${enquiry.data.citizen?.displayName ?? '(Angaben gelöscht)'}` : 'Anfrage zum Engagement erfassen'}</DialogTitle>
          <DialogContent className={layout.content}>
            {id !== null && !enquiry.data ? (
              enquiry.error ? <ErrorMessage error={enquiry.error} /> : <Spinner size="small" label="Die Anfrage wird geladen …" />
            ) : enquiry.data?.anonymised ? (
              <MessageBar intent="info">
                <MessageBarBody>
                  Die persönlichen Angaben dieser Anfrage wurden gelöscht (Datenschutz). Bereiche: {enquiry.data.fields.join(', ') || '–'}; Ergebnis:{' '}
                  {VOLUNTEER_OUTCOME_LABELS[enquiry.data.outcome]}.
                </MessageBarBody>
              </MessageBar>
            ) : (
              <EnquiryForm
                key={id ?? 'new'}
                enquiry={enquiry.data ?? null}
                known={known}
                onSaved={async (saved) => {
                  queryClient.setQueryData(['volunteering.enquiries.get', saved.id], saved);
                  await queryClient.invalidateQueries({ queryKey: ['volunteering.enquiries'] });
                  await queryClient.invalidateQueries({ queryKey: ['volunteering.offers'] });
                  setNotice(id === null ? `Anfrage Nr. ${saved.id} gespeichert.` : 'Anfrage gespeichert.');
                  setId(saved.id);
                }}
              />
            )}
            {notice && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
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

function EnquiryForm({ enquiry: latest, known, onSaved }: { enquiry: VolunteerEnquiry | null; known: string[]; onSaved: (saved: VolunteerEnquiry) => Promise<void> }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const { control, handleSubmit, formState, reset, setValue, setError } = useForm<EnquiryFormValues>({ defaultValues: formValuesOf(latest, known) });
  // The enquiry as loaded: its revision goes back with the save; another PC's change replaces it only while nothing is typed.
  const [enquiry, take] = useLoadedRecord(latest, formState.isDirty);
  useEffect(() => {
    if (enquiry && !formState.isDirty) reset(formValuesOf(enquiry, known));
    // Only a newly taken enquiry fills the form again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enquiry]);
  const organisation = useWatch({ control, name: 'organisation' });
  const save = useMutation({
    mutationFn: (values: EnquiryFormValues) => api('volunteering.enquiries.save', inputOf(values, enquiry)),
    onSuccess: async (saved) => {
      reset(formValuesOf(saved, known));
      take(saved);
      await onSaved(saved);
    },
    onError: (error) =>
      markFields(issuesOf(error), setError, (path) => citizenFieldOf(path) ?? (path[0] === 'receivedOn' ? 'receivedOn' : undefined)),
  });

  /** „Neu laden“ after STALE: the enquiry as it is stored now replaces the user's input. */
  const reload = async () => {
    if (!enquiry) return;
    const fresh = await fetchFresh(queryClient, 'volunteering.enquiries.get', enquiry.id);
    save.reset();
    reset(formValuesOf(fresh, known));
    take(fresh);
  };

  return (
    <form className={layout.form} onSubmit={handleSubmit((values) => save.mutate(values))} aria-label="Angaben zur Anfrage" noValidate>
      <Subtitle2 as="h3" className={layout.section}>
        Wer fragt an?
      </Subtitle2>
      {/* A saved enquiry keeps its person: the service would write another person's data over hers or his. */}
      <KnownCitizen control={control} setValue={setValue} />
      <CitizenFields control={control} />
      <Subtitle2 as="h3" className={layout.section}>
        Wofür interessiert sich die Person?
      </Subtitle2>
      <div className={layout.row}>
        <DateField control={control} name="receivedOn" label="Eingegangen am" required />
      </div>
      <TextareaField control={control} name="interests" label="Interessen (in den Worten der Person)" />
      <Controller
        control={control}
        name="fields"
        render={({ field }) => (
          <fieldset className={styles.group}>
            <legend className={styles.legend}>Bereiche</legend>
            <div className={styles.checks}>
              {known.map((f) => (
                <Checkbox
                  key={f}
                  label={f}
                  checked={field.value.includes(f)}
                  onChange={(_, data) => field.onChange(data.checked ? [...field.value, f] : field.value.filter((v) => v !== f))}
                />
              ))}
            </div>
          </fieldset>
        )}
      />
      <TextField control={control} name="otherFields" label="Weitere Bereiche (mit Komma getrennt)" />
      <Subtitle2 as="h3" className={layout.section}>
        Vermittlung
      </Subtitle2>
      <MatchingOffers control={control} setValue={setValue} chosen={organisation?.id ?? null} />
      {organisation ? (
        <div className={styles.chosen} role="status" aria-label="Vermittelt an">
          <Text>
            Vermittelt an: <strong>{organisation.displayName}</strong>
          </Text>
          <Button appearance="subtle" icon={<DismissRegular />} aria-label="Organisation entfernen" onClick={() => setValue('organisation', null, { shouldDirty: true })} />
        </div>
      ) : (
        <Controller
          control={control}
          name="organisation"
          render={({ field }) => (
            <ContactPicker
              label="Andere Organisation aus den Kontakten"
              required={false}
              value={field.value}
              onChange={(c) => field.onChange(c ? { id: c.id, displayName: c.displayName } : null)}
            />
          )}
        />
      )}
      <div className={layout.row}>
        <DateField control={control} name="referredOn" label="Vermittelt am" hint="leer: heute, sobald eine Organisation gewählt ist" />
        <SelectField control={control} name="outcome" label="Ergebnis">
          {Object.entries(VOLUNTEER_OUTCOME_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <TextareaField control={control} name="notes" label="Notizen" />
      <SaveActions label="Anfrage speichern" saving={save.isPending} error={save.error} unsaved={formState.isDirty && Boolean(enquiry)} onReload={() => void reload()} />
    </form>
  );
}

/** The active offers in the fields chosen; „Vermitteln“ takes the organisation for the referral. */
function MatchingOffers({ control, setValue, chosen }: { control: Control<EnquiryFormValues>; setValue: UseFormSetValue<EnquiryFormValues>; chosen: number | null }) {
  const styles = useStyles();
  const [fields, otherFields, outcome, referredOn] = useWatch({ control, name: ['fields', 'otherFields', 'outcome', 'referredOn'] });
  const wanted = allFields({ fields, otherFields });
  const matching = useQuery({
    queryKey: ['volunteering.offers', 'matching', wanted],
    queryFn: () => api('volunteering.offers.matching', { fields: wanted }),
    enabled: wanted.length > 0,
  });
  const refer = (organisationId: number, displayName: string) => {
    setValue('organisation', { id: organisationId, displayName }, { shouldDirty: true });
    if (outcome === 'offen') setValue('outcome', 'vermittelt', { shouldDirty: true });
    if (!referredOn) setValue('referredOn', berlinToday(), { shouldDirty: true });
  };
  if (wanted.length === 0) return <Text className={styles.muted}>Wählen Sie Bereiche, um passende Angebote zu sehen.</Text>;
  const offers = (matching.data ?? []).flatMap((g) => g.offers);
  return (
    <section aria-label="Passende Angebote" className={styles.group}>
      <Text weight="semibold">Passende Angebote</Text>
      <ErrorMessage error={matching.error} />
      {matching.data && offers.length === 0 && <Text className={styles.muted}>In diesen Bereichen sucht derzeit keine Organisation Engagierte.</Text>}
      <ul className={styles.offers}>
        {offers.map((o) => (
          <li key={o.id} className={styles.offer}>
            <div className={styles.stack}>
              <Text weight="semibold">
                {o.organisation} <span className={styles.muted}>({o.field})</span>
              </Text>
              {o.description && <span>{o.description}</span>}
              {o.reach && <span className={styles.muted}>{o.reach}</span>}
            </div>
            <Button icon={<HandshakeRegular />} disabled={chosen === o.organisationId} aria-label={`Vermitteln an ${o.organisation}`} onClick={() => refer(o.organisationId, o.organisation)}>
              {chosen === o.organisationId ? 'gewählt' : 'Vermitteln'}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
