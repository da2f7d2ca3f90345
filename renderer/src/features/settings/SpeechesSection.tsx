import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { Button, makeStyles, MessageBar, MessageBarBody, Title3, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { speechSettingsSchema } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/form-fields';
import { issuesOf, markFields, schemaIssues } from './form-issues';

const useStyles = makeStyles({
  field: { maxWidth: '520px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface SpeechesForm {
  wordsPerMinute: string;
}

const wordsField = (path: string[]) => (path[0] === 'wordsPerMinute' ? ('wordsPerMinute' as const) : undefined);

/** The speaking rate the speaking time of a speech is computed with. */
export function SpeechesSection() {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['speeches.settings'], queryFn: () => api('speeches.settings', {}) });
  const { control, handleSubmit, reset, setError, clearErrors, formState } = useForm<SpeechesForm>({ defaultValues: { wordsPerMinute: '' } });
  useEffect(() => {
    if (settings.data && !formState.isDirty) reset({ wordsPerMinute: String(settings.data.wordsPerMinute) });
  }, [settings.data, formState.isDirty, reset]);

  const save = useMutation({
    mutationFn: async (input: { wordsPerMinute: number }) => {
      try {
        return await api('speeches.settings.save', input);
      } catch (error) {
        markFields(issuesOf(error), setError, wordsField);
        throw error;
      }
    },
    onSuccess: async (saved) => {
      reset({ wordsPerMinute: String(saved.wordsPerMinute) });
      await queryClient.invalidateQueries({ queryKey: ['speeches.settings'] });
    },
  });
  const submit = (form: SpeechesForm) => {
    clearErrors();
    save.reset();
    const text = form.wordsPerMinute.trim();
    const input = { wordsPerMinute: text === '' ? Number.NaN : Number(text.replace(',', '.')) };
    const issues = schemaIssues(speechSettingsSchema, input);
    if (issues.length) markFields(issues, setError, wordsField);
    else save.mutate(input);
  };

  if (!settings.data) return null;
  return (
    <form onSubmit={handleSubmit(submit)} noValidate aria-labelledby="settings-speeches-heading" style={{ display: 'contents' }}>
      <Title3 as="h2" id="settings-speeches-heading">
        Reden
      </Title3>
      <div className={styles.field}>
        <TextField
          control={control}
          name="wordsPerMinute"
          label="Redetempo (Wörter pro Minute)"
          type="number"
          hint="Daraus berechnet die App die Redezeit eines Manuskripts. Üblich sind etwa 110 Wörter pro Minute; Regieanweisungen und Pausenzeichen zählen nicht mit."
        />
      </div>
      {save.isSuccess && !formState.isDirty && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>Redetempo gespeichert.</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={save.error && !issuesOf(save.error).length ? save.error : null} title="Nicht gespeichert" />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          Redetempo speichern
        </Button>
      </div>
    </form>
  );
}
