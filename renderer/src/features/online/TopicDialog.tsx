import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OnlineTopic, OnlineTopicInput } from '../../../../core/api';
import { api } from '../../api/client';
import { DateField, TextareaField, TextField } from '../../components/form-fields';
import { SaveActions } from '../../components/SaveActions';
import { useFormDialogStyles } from '../../components/layout-styles';

interface TopicFormValues {
  title: string;
  goal: string;
  owner: string;
  startsOn: string;
  endsOn: string;
}

const valuesOf = (topic: OnlineTopic | null): TopicFormValues => ({
  title: topic?.title ?? '',
  goal: topic?.goal ?? '',
  owner: topic?.owner ?? '',
  startsOn: topic?.startsOn ?? '',
  endsOn: topic?.endsOn ?? '',
});

/** A topic of the editorial plan: what it is about, its goal, who looks after it, when it runs. */
export function TopicDialog({ topic, onClose }: { topic: OnlineTopic | null; onClose: () => void }) {
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  /** The topic as loaded or last saved here: its revision goes back with the save. */
  const [current, setCurrent] = useState<OnlineTopic | null>(topic);
  const [saved, setSaved] = useState(false);
  const { control, handleSubmit, formState, reset } = useForm<TopicFormValues>({ defaultValues: valuesOf(topic) });
  const save = useMutation({
    mutationFn: (input: OnlineTopicInput) => api('online.topics.save', input),
    onSuccess: async (result) => {
      reset(valuesOf(result));
      setCurrent(result);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['online.topics.list'] });
    },
  });
  /** „Neu laden“ after STALE: the topic as it is stored now replaces the user's input. */
  const reload = async () => {
    if (!current) return;
    const fresh: OnlineTopic = await queryClient.fetchQuery({
      queryKey: ['online.topics.get', current.id],
      queryFn: () => api('online.topics.get', { id: current.id }),
      staleTime: 0,
    });
    save.reset();
    reset(valuesOf(fresh));
    setCurrent(fresh);
    setSaved(false);
  };
  const submit = (values: TopicFormValues) =>
    save.mutate({ id: current?.id, revision: current?.revision, title: values.title, goal: values.goal, owner: values.owner, startsOn: values.startsOn || null, endsOn: values.endsOn || null });
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Thema">
        <DialogBody>
          <DialogTitle>{current ? `Thema: ${current.title}` : 'Neues Thema'}</DialogTitle>
          <DialogContent className={layout.content}>
            <form className={layout.form} onSubmit={handleSubmit(submit)} aria-label="Angaben zum Thema" noValidate>
              <TextField control={control} name="title" label="Thema" required />
              <TextareaField control={control} name="goal" label="Ziel" />
              <TextField control={control} name="owner" label="Verantwortlich" />
              <div className={layout.row}>
                <DateField control={control} name="startsOn" label="Von" />
                <DateField control={control} name="endsOn" label="Bis" />
              </div>
              <SaveActions label="Thema speichern" saving={save.isPending} error={save.error} unsaved={formState.isDirty && Boolean(current)} onReload={() => void reload()} />
            </form>
            {saved && !formState.isDirty && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>Thema gespeichert.</MessageBarBody>
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
