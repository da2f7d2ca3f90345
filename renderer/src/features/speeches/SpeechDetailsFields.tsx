import { useWatch, type Control } from 'react-hook-form';
import { useQuery } from '@tanstack/react-query';
import { SPEECH_KIND_LABELS, SPEECH_STATUS_LABELS, type Signer } from '../../../../core/api';
import { api } from '../../api/client';
import { DateField, SelectField, TextareaField, TextField } from '../../components/form-fields';
import { useFormDialogStyles } from '../../components/layout-styles';
import { describeSpan } from '../calendar/spans';
import { addDays, berlinToday } from '../calendar/wall-clock';
import { EarlierSpeeches } from './EarlierSpeeches';
import type { SpeechFormValues } from './speech-form-values';

/** The details of a speech: what, who, where, how long, by when, by whom, its state and background. */
export function SpeechDetailsFields({
  control,
  signers,
  currentAppointmentId,
  speechId,
}: {
  control: Control<SpeechFormValues>;
  signers: Signer[];
  /** The occasion stored so far (kept as a choice even when it is not among the next 90 days). */
  currentAppointmentId: number | null;
  /** The speech itself, left out of the earlier speeches. */
  speechId: number | null;
}) {
  const audience = useWatch({ control, name: 'audience' });
  const layout = useFormDialogStyles();
  const today = berlinToday();
  const appointments = useQuery({
    queryKey: ['calendar.view', today, 'speeches'],
    queryFn: () => api('calendar.view', { from: today, to: addDays(today, 90) }),
  });
  const occasions = [...new Map((appointments.data?.occurrences ?? []).map((o) => [o.appointmentId, o])).values()].sort((a, b) => a.start.localeCompare(b.start));
  const current = currentAppointmentId;

  return (
    <>
      <TextField control={control} name="title" label="Titel" required />
      <div className={layout.row}>
        <SelectField control={control} name="kind" label="Art" required>
          {Object.entries(SPEECH_KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField control={control} name="speakerId" label="Rednerin bzw. Redner">
          <option value="">noch offen</option>
          {signers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}, {s.office}
            </option>
          ))}
        </SelectField>
      </div>
      <SelectField control={control} name="appointmentId" label="Anlass (Termin der nächsten 90 Tage)">
        <option value="">kein Termin</option>
        {current !== null && !occasions.some((o) => o.appointmentId === current) && <option value={current}>bisheriger Termin (Nr. {current})</option>}
        {occasions.map((o) => (
          <option key={o.appointmentId} value={o.appointmentId}>
            {describeSpan(o, true)} – {o.title}
          </option>
        ))}
      </SelectField>
      <div className={layout.row}>
        <TextField control={control} name="audience" label="Publikum" />
        <TextField control={control} name="targetMinutes" label="Redezeit (Minuten)" type="number" />
      </div>
      <div className={layout.row}>
        <DateField control={control} name="deadline" label="Fällig am" />
        <TextField control={control} name="author" label="Verfasst von" />
        <SelectField control={control} name="status" label="Status">
          {Object.entries(SPEECH_STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <TextareaField control={control} name="background" label="Hintergrund (Fakten, was zuvor gesagt wurde)" />
      <EarlierSpeeches audience={audience} currentId={speechId} />
      <TextareaField control={control} name="notes" label="Notizen" />
    </>
  );
}
