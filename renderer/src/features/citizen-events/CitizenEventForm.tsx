import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CITIZEN_EVENT_KIND_LABELS, DISTRICTS, type CitizenEventDetail } from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { DateTimeField, RadioField, SelectField, SuggestField, TextareaField, TextField } from '../../components/form-fields';
import { SaveActions } from '../../components/SaveActions';
import { fetchFresh, useLoadedRecord } from '../../components/use-loaded-record';
import { describeSpan } from '../calendar/spans';
import { addDays, addMinutes, berlinToday, isComplete } from '../calendar/wall-clock';
import { issuesOf, markFields } from '../settings/form-issues';
import { eventFormValues, eventInputOf, type EventFormValues } from './event-form-values';
import { RouteStopsEditor } from './RouteStopsEditor';

/** The event's details: kind, title, time, district, place or meeting point, the route of a walk, places, appointment, notes. */
export function CitizenEventForm({
  event: latest,
  onSaved,
  onDirtyChange,
}: {
  event: CitizenEventDetail | null;
  onSaved: (event: CitizenEventDetail) => Promise<void>;
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const { control, handleSubmit, formState, reset, setValue, getValues, setError } = useForm<EventFormValues>({ defaultValues: eventFormValues(latest) });
  // The event as loaded: its revision goes back with the save; another PC's change replaces it only while nothing is typed.
  const [event, take] = useLoadedRecord(latest, formState.isDirty);
  useEffect(() => {
    if (event && !formState.isDirty) reset(eventFormValues(event));
    // Only a newly taken event fills the form again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [event]);
  const kind = useWatch({ control, name: 'kind' });
  const start = useWatch({ control, name: 'start' });
  useEffect(() => onDirtyChange?.(formState.isDirty), [formState.isDirty, onDirtyChange]);
  // A start entered first proposes an end two hours later.
  useEffect(() => {
    const end = getValues('end');
    if (isComplete(start, false) && (!isComplete(end, false) || end <= start)) setValue('end', addMinutes(start, 120), { shouldDirty: true });
  }, [start, getValues, setValue]);

  const save = useMutation({
    mutationFn: (values: EventFormValues) => api('citizenEvents.save', eventInputOf(values, event)),
    onSuccess: async (saved) => {
      reset(eventFormValues(saved));
      take(saved);
      await onSaved(saved);
    },
    onError: (error) =>
      markFields(issuesOf(error), setError, (path) => {
        if (path[0] === 'route' && path.length === 3) return `route.${Number(path[1])}.${path[2] as 'time' | 'place' | 'note'}`;
        return ['title', 'start', 'end', 'capacity', 'place'].includes(path[0]) ? (path[0] as keyof EventFormValues) : undefined;
      }),
  });

  /** „Neu laden“ after STALE: the event as it is stored now replaces the user's input. */
  const reload = async () => {
    if (!event) return;
    const fresh = await fetchFresh(queryClient, 'citizenEvents.get', event.id);
    save.reset();
    reset(eventFormValues(fresh));
    take(fresh);
  };

  const today = berlinToday();
  const appointments = useQuery({
    queryKey: ['calendar.view', today, 'citizen-events'],
    queryFn: () => api('calendar.view', { from: today, to: addDays(today, 365) }),
  });
  const occasions = [...new Map((appointments.data?.occurrences ?? []).map((o) => [o.appointmentId, o])).values()].sort((a, b) => a.start.localeCompare(b.start));
  const current = event?.appointment ?? null;
  const walk = kind === 'spaziergang';

  return (
    <form className={layout.form} onSubmit={handleSubmit((values) => save.mutate(values))} aria-label="Angaben zur Veranstaltung" noValidate>
      <RadioField control={control} name="kind" label="Art" options={Object.entries(CITIZEN_EVENT_KIND_LABELS)} />
      <TextField control={control} name="title" label="Titel" required />
      <div className={layout.row}>
        <DateTimeField control={control} name="start" label="Beginn" required />
        <DateTimeField control={control} name="end" label="Ende" required />
        <TextField control={control} name="capacity" label="Plätze" type="number" hint="leer: ohne Begrenzung" />
      </div>
      <div className={layout.row}>
        <SuggestField control={control} name="district" label="Stadtbezirk" suggestions={DISTRICTS} />
        <TextField control={control} name="place" label={walk ? 'Treffpunkt' : 'Ort'} />
      </div>
      {walk && <RouteStopsEditor control={control} />}
      <SelectField control={control} name="appointmentId" label="Termin im Kalender (der nächsten 12 Monate)">
        <option value="">kein Termin verknüpft</option>
        {current && !occasions.some((o) => o.appointmentId === current.id) && (
          <option value={current.id}>
            {current.title} ({current.start.slice(0, 10).split('-').reverse().join('.')})
          </option>
        )}
        {occasions.map((o) => (
          <option key={o.appointmentId} value={o.appointmentId}>
            {describeSpan(o, true)} – {o.title}
          </option>
        ))}
      </SelectField>
      <TextareaField control={control} name="notes" label="Notizen (intern, erscheinen im Briefing)" />
      <SaveActions label="Veranstaltung speichern" saving={save.isPending} error={save.error} unsaved={formState.isDirty && Boolean(event)} onReload={() => void reload()} />
    </form>
  );
}
