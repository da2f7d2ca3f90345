import { useEffect } from 'react';
import { Controller, useForm, useWatch, type Control, type UseFormSetValue, type UseFormWatch } from 'react-hook-form';
import { Field, Link, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  CITIZEN_EVENT_KIND_LABELS,
  DISTRICTS,
  REQUEST_CATEGORIES,
  REQUEST_CHANNEL_LABELS,
  REQUEST_KIND_LABELS,
  type CitizenRequest,
  type RequestChannel,
} from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { CheckboxField, DateField, SelectField, SuggestField, TextField } from '../../components/form-fields';
import { SaveActions } from '../../components/SaveActions';
import { germanDate } from '../../components/format';
import { berlinToday } from '../calendar/wall-clock';
import { CitizenFields, KnownCitizen } from '../citizens/CitizenFields';
import { issuesOf, markFields } from '../settings/form-issues';
import { fieldOf, formValuesOf, inputOf, type RequestFormValues } from './request-form-values';

const useStyles = makeStyles({
  person: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
});

/** The channels of a concern raised at a citizens' talk or walk: the event's district is the request's. */
const EVENT_CHANNELS: readonly RequestChannel[] = ['buergergespraech', 'buergerspaziergang'];

/** What the request is about and who sent it; saved with `requests.save`. */
export function RequestForm({
  request,
  initial,
  onSaved,
  onDirtyChange,
  onReload,
}: {
  /** The request as loaded: its revision goes back with the save. */
  request: CitizenRequest | null;
  /** A new request's values given beforehand (e.g. the event where the concern was raised). */
  initial?: Partial<RequestFormValues>;
  onSaved: (request: CitizenRequest) => Promise<void>;
  onDirtyChange: (dirty: boolean) => void;
  /** Takes the request anew after the save was refused as STALE (the form starts again from it). */
  onReload: () => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const { control, handleSubmit, formState, reset, setValue, setError, clearErrors, watch } = useForm<RequestFormValues>({
    defaultValues: request ? formValuesOf(request, berlinToday()) : { ...formValuesOf(null, berlinToday()), ...initial },
  });
  useEffect(() => onDirtyChange(formState.isDirty), [formState.isDirty, onDirtyChange]);
  // A newer copy (another PC's save, a step of this dialog) fills the form only while nothing is typed.
  useEffect(() => {
    if (request && !formState.isDirty) reset(formValuesOf(request, berlinToday()));
    // Only a newly loaded request fills the form again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);
  const save = useMutation({
    mutationFn: async (values: RequestFormValues) => {
      clearErrors();
      try {
        return await api('requests.save', inputOf(values, request));
      } catch (error) {
        markFields(issuesOf(error), setError, fieldOf);
        throw error;
      }
    },
    onSuccess: async (saved) => {
      // The saved request is the form's new starting point (nothing unsaved any more).
      reset(formValuesOf(saved, berlinToday()));
      await onSaved(saved);
    },
  });

  return (
    <form className={layout.form} onSubmit={handleSubmit((values) => save.mutate(values))} aria-label="Angaben zum Anliegen" noValidate>
      <div className={layout.row}>
        <SelectField control={control} name="kind" label="Art" required>
          {Object.entries(REQUEST_KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField control={control} name="channel" label="Eingangsweg" required>
          {Object.entries(REQUEST_CHANNEL_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <DateField control={control} name="receivedOn" label="Eingegangen am" required />
      </div>
      <EventSelect control={control} setValue={setValue} watch={watch} />
      {(watch('channel') === 'social_media' || watch('link') !== '') && (
        <TextField control={control} name="link" label="Link zum Beitrag" type="url" placeholder="https://…" />
      )}
      {request?.link && (
        <Link href={request.link} target="_blank" rel="noreferrer">
          Beitrag öffnen ({request.link})
        </Link>
      )}
      <fieldset className={styles.person}>
        <legend className={styles.legend}>Person</legend>
        <CheckboxField control={control} name="anonymous" label="anonym (ohne Angaben zur Person)" />
        <PersonFields control={control} setValue={setValue} />
      </fieldset>
      <TextField control={control} name="subject" label="Betreff" required />
      <Controller
        control={control}
        name="text"
        render={({ field, fieldState }) => (
          <Field label="Text des Anliegens" validationMessage={fieldState.error?.message}>
            <Textarea
              ref={field.ref}
              name={field.name}
              value={field.value}
              rows={6}
              resize="vertical"
              onChange={(_, data) => field.onChange(data.value)}
              onBlur={field.onBlur}
            />
          </Field>
        )}
      />
      <div className={layout.row}>
        <SuggestField control={control} name="category" label="Themenbereich" suggestions={REQUEST_CATEGORIES} />
        <SelectField control={control} name="district" label="Stadtbezirk">
          <option value="">–</option>
          {DISTRICTS.map((d) => (
            <option key={d}>{d}</option>
          ))}
        </SelectField>
      </div>
      <div className={layout.row}>
        <TextField control={control} name="place" label="Ort, Straße oder Stelle" />
        <DateField control={control} name="followUpOn" label="Wiedervorlage am" />
      </div>
      <SaveActions label="Anliegen speichern" saving={save.isPending} error={save.error} unsaved={formState.isDirty && Boolean(request)} onReload={onReload} />
    </form>
  );
}

/** Who sent the request, unless anonymous: a citizen already known (her or his data can be corrected) or a new one. */
function PersonFields({ control, setValue }: { control: Control<RequestFormValues>; setValue: UseFormSetValue<RequestFormValues> }) {
  const anonymous = useWatch({ control, name: 'anonymous' });
  if (anonymous) return null;
  return (
    <>
      <KnownCitizen control={control} setValue={setValue} />
      <CitizenFields control={control} />
    </>
  );
}

/**
 * The citizens' talk or walk where the concern was raised (newest first). Picking one for a
 * request that came in at a talk or walk takes the event's district.
 */
function EventSelect({
  control,
  setValue,
  watch,
}: {
  control: Control<RequestFormValues>;
  setValue: UseFormSetValue<RequestFormValues>;
  watch: UseFormWatch<RequestFormValues>;
}) {
  const events = useQuery({ queryKey: ['citizenEvents.list', 'all'], queryFn: () => api('citizenEvents.list', { period: 'all' }) });
  const newestFirst = [...(events.data ?? [])].sort((a, b) => b.start.localeCompare(a.start));
  useEffect(() => {
    // Only what the user changes (not the values the form starts with).
    const subscription = watch((values, { name }) => {
      if (name !== 'eventId' && name !== 'channel') return;
      const event = events.data?.find((e) => String(e.id) === values.eventId);
      if (event?.district && values.channel && EVENT_CHANNELS.includes(values.channel)) setValue('district', event.district, { shouldDirty: true });
    });
    return () => subscription.unsubscribe();
  }, [watch, setValue, events.data]);
  return (
    <SelectField control={control} name="eventId" label="Veranstaltung">
      <option value="">keine</option>
      {newestFirst.map((e) => (
        <option key={e.id} value={String(e.id)}>
          {`${CITIZEN_EVENT_KIND_LABELS[e.kind]} „${e.title}“, ${germanDate(e.start.slice(0, 10))}${e.district ? ` (${e.district})` : ''}`}
        </option>
      ))}
    </SelectField>
  );
}
