import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Button, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { DISTRICTS, REQUEST_CATEGORIES, REQUEST_CHANNEL_LABELS, REQUEST_KIND_LABELS, type CitizenRequest } from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, SuggestField, TextField } from '../../components/form-fields';
import { berlinToday } from '../calendar/wall-clock';
import { issuesOf, markFields } from '../settings/form-issues';
import { CitizenFields } from './CitizenFields';
import { fieldOf, formValuesOf, inputOf, type RequestFormValues } from './request-form-values';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** What the request is about and who sent it; saved with `requests.save`. */
export function RequestForm({
  request,
  onSaved,
  onDirtyChange,
}: {
  request: CitizenRequest | null;
  onSaved: (request: CitizenRequest) => Promise<void>;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const { control, handleSubmit, formState, reset, setValue, setError, clearErrors } = useForm<RequestFormValues>({
    defaultValues: formValuesOf(request, berlinToday()),
  });
  useEffect(() => onDirtyChange(formState.isDirty), [formState.isDirty, onDirtyChange]);
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
        <TextField control={control} name="receivedOn" label="Eingegangen am" type="date" required />
      </div>
      <CitizenFields control={control} setValue={setValue} />
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
        <TextField control={control} name="followUpOn" label="Wiedervorlage am" type="date" />
      </div>
      <ErrorMessage error={save.error} title="Nicht gespeichert" />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          {save.isPending ? 'Wird gespeichert …' : 'Anliegen speichern'}
        </Button>
        {formState.isDirty && request && <Text className={styles.muted}>Ungespeicherte Änderungen</Text>}
      </div>
    </form>
  );
}
