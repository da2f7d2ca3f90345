import { useEffect, useRef, useState } from 'react';
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
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PRESS_RELEASE_STATUS_LABELS, type PressRelease, type PressReleaseInput } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DateField, SelectField, TextField, TimeField } from '../../components/form-fields';
import { SaveActions } from '../../components/SaveActions';
import { useFormDialogStyles } from '../../components/layout-styles';
import { fetchFresh, useLoadedRecord } from '../../components/use-loaded-record';
import { describeSpan } from '../calendar/spans';
import { addDays, berlinToday } from '../calendar/wall-clock';
import { instantText, joinDateTime, RELEASE_STATUS_COLORS } from './press-format';
import { EmbargoBadge } from './ReleaseBadges';
import { ReleaseExports } from './ReleaseExports';
import { ReleaseWorkflow } from './ReleaseWorkflow';

const useStyles = makeStyles({
  status: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  body: { '& textarea': { minHeight: '260px', fontFamily: tokens.fontFamilyBase, lineHeight: tokens.lineHeightBase400 } },
  times: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
});

interface ReleaseFormValues {
  title: string;
  subtitle: string;
  body: string;
  contactInfo: string;
  releaseDate: string;
  releaseTime: string;
  embargoDate: string;
  embargoTime: string;
  appointmentId: string;
}

function formValuesOf(release: PressRelease | null): ReleaseFormValues {
  return {
    title: release?.title ?? '',
    subtitle: release?.subtitle ?? '',
    body: release?.body ?? '',
    contactInfo: release?.contactInfo ?? '',
    releaseDate: release?.releaseAt?.slice(0, 10) ?? '',
    releaseTime: release?.releaseAt?.slice(11, 16) ?? '',
    embargoDate: release?.embargoUntil?.slice(0, 10) ?? '',
    embargoTime: release?.embargoUntil?.slice(11, 16) ?? '',
    appointmentId: release?.appointmentId ? String(release.appointmentId) : '',
  };
}

/**
 * Write a press release (title, subtitle, text, contact, release time, embargo, appointment),
 * take it through the approval (the buttons the state allows now) and export it as Word, text
 * or HTML for the city portal, with a preview of the HTML.
 */
export function ReleaseDialog({ releaseId, onClose }: { releaseId: number | null; onClose: () => void }) {
  const layout = useFormDialogStyles();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [id, setId] = useState(releaseId);
  const [notice, setNotice] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const release = useQuery({ queryKey: ['press.releases.get', id], queryFn: () => api('press.releases.get', { id: id! }), enabled: id !== null });

  const stored = async (saved: PressRelease, message: string) => {
    queryClient.setQueryData(['press.releases.get', saved.id], saved);
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: ['press.releases.list'] });
  };
  const data = release.data;

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Pressemitteilung">
        <DialogBody>
          <DialogTitle>{data ? `Pressemitteilung: ${data.title}` : 'Pressemitteilung schreiben'}</DialogTitle>
          <DialogContent className={layout.content}>
            {data && (
              <div className={styles.status} role="group" aria-label="Stand">
                <Badge appearance="filled" color={RELEASE_STATUS_COLORS[data.status]}>
                  {PRESS_RELEASE_STATUS_LABELS[data.status]}
                </Badge>
                <EmbargoBadge release={data} />
                {data.approvedBy && data.approvedAt && (
                  <Text className={styles.muted}>
                    freigegeben von {data.approvedBy} am {instantText(data.approvedAt)}
                  </Text>
                )}
              </div>
            )}
            {id !== null && !data ? (
              release.error ? <ErrorMessage error={release.error} /> : <Spinner size="small" label="Die Pressemitteilung wird geladen …" />
            ) : (
              <ReleaseForm
                key={id ?? 'new'}
                release={data ?? null}
                onDirtyChange={setDirty}
                onSaved={async (saved, before) => {
                  const voided = before?.status === 'freigegeben' && saved.status === 'entwurf';
                  await stored(
                    saved,
                    id === null
                      ? `Pressemitteilung Nr. ${saved.id} gespeichert. Sie können sie nun zur Freigabe vorlegen.`
                      : voided
                        ? 'Gespeichert. Der Inhalt hat sich geändert: Die Freigabe ist aufgehoben, die Pressemitteilung ist wieder ein Entwurf.'
                        : 'Pressemitteilung gespeichert.',
                  );
                  setId(saved.id);
                }}
              />
            )}
            {notice && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            )}
            {data && <ReleaseWorkflow release={data} unsaved={dirty} onChanged={stored} onReload={() => void release.refetch()} />}
            {data && <ReleaseExports release={data} unsaved={dirty} />}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Schließen</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function ReleaseForm({
  release: latest,
  onSaved,
  onDirtyChange,
}: {
  release: PressRelease | null;
  onSaved: (release: PressRelease, before: PressRelease | null) => Promise<void>;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const { control, handleSubmit, formState, reset, setError } = useForm<ReleaseFormValues>({ defaultValues: formValuesOf(latest) });
  useEffect(() => onDirtyChange(formState.isDirty), [formState.isDirty, onDirtyChange]);
  // The release as loaded: its revision goes back with the save; another PC's change (or a workflow step) replaces it only while nothing is typed.
  const [release, take] = useLoadedRecord(latest, formState.isDirty);
  /** The revision this form's own save produced: the form already shows it. */
  const own = useRef<number | null>(latest?.revision ?? null);
  useEffect(() => {
    if (release && !formState.isDirty && release.revision !== own.current) {
      own.current = release.revision;
      reset(formValuesOf(release));
    }
    // Only a newly taken release fills the form again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [release]);
  const save = useMutation({
    mutationFn: (input: PressReleaseInput) => api('press.releases.save', input),
    onSuccess: async (saved) => {
      own.current = saved.revision;
      reset(formValuesOf(saved));
      // The saved release comes back through `onSaved` (the query's data), as the one loaded.
      await onSaved(saved, release);
    },
  });
  /** „Neu laden“ after STALE: the release as it is stored now replaces the user's input. */
  const reload = async () => {
    if (!release) return;
    const fresh = await fetchFresh(queryClient, 'press.releases.get', release.id);
    save.reset();
    own.current = fresh.revision;
    reset(formValuesOf(fresh));
    take(fresh);
  };
  const today = berlinToday();
  const appointments = useQuery({
    queryKey: ['calendar.view', today, 'press'],
    queryFn: () => api('calendar.view', { from: today, to: addDays(today, 365) }),
  });
  const occasions = [...new Map((appointments.data?.occurrences ?? []).map((o) => [o.appointmentId, o])).values()].sort((a, b) => a.start.localeCompare(b.start));
  const currentAppointment = release?.appointmentId ?? null;

  const submit = (values: ReleaseFormValues) => {
    const releaseAt = joinDateTime(values.releaseDate, values.releaseTime);
    const embargoUntil = joinDateTime(values.embargoDate, values.embargoTime);
    let invalid = false;
    for (const [value, dateField, timeField] of [
      [releaseAt, 'releaseDate', 'releaseTime'],
      [embargoUntil, 'embargoDate', 'embargoTime'],
    ] as const) {
      if (value !== null && typeof value === 'object') {
        setError(value.error.includes('Uhrzeit') ? timeField : dateField, { message: value.error });
        invalid = true;
      }
    }
    if (invalid) return;
    save.mutate({
      id: release?.id,
      revision: release?.revision,
      title: values.title,
      subtitle: values.subtitle,
      body: values.body,
      contactInfo: values.contactInfo,
      releaseAt: releaseAt as string | null,
      embargoUntil: embargoUntil as string | null,
      appointmentId: values.appointmentId ? Number(values.appointmentId) : null,
    });
  };

  return (
    <form className={layout.form} onSubmit={handleSubmit(submit)} aria-label="Text der Pressemitteilung" noValidate>
      <TextField control={control} name="title" label="Titel" required />
      <TextField control={control} name="subtitle" label="Untertitel" />
      <Controller
        control={control}
        name="body"
        render={({ field }) => (
          <Field label="Text" hint="Absätze durch eine Leerzeile trennen." className={styles.body}>
            <Textarea ref={field.ref} name={field.name} value={field.value} onChange={(_, d) => field.onChange(d.value)} onBlur={field.onBlur} resize="vertical" />
          </Field>
        )}
      />
      <Controller
        control={control}
        name="contactInfo"
        render={({ field }) => (
          <Field label="Pressekontakt" hint="Name, Telefon, E-Mail – je Zeile. Leer: die Ansprechpersonen aus den Einstellungen.">
            <Textarea ref={field.ref} name={field.name} value={field.value} onChange={(_, d) => field.onChange(d.value)} onBlur={field.onBlur} resize="vertical" rows={3} />
          </Field>
        )}
      />
      <div className={styles.times}>
        <DateField control={control} name="releaseDate" label="Veröffentlichung am" />
        <TimeField control={control} name="releaseTime" label="um (Uhrzeit)" />
        <DateField control={control} name="embargoDate" label="Sperrfrist bis (Datum)" />
        <TimeField control={control} name="embargoTime" label="Sperrfrist bis (Uhrzeit)" />
      </div>
      <SelectField control={control} name="appointmentId" label="Termin (der nächsten 12 Monate)">
        <option value="">kein Termin</option>
        {currentAppointment !== null && !occasions.some((o) => o.appointmentId === currentAppointment) && (
          <option value={currentAppointment}>{release?.appointment ?? `bisheriger Termin (Nr. ${currentAppointment})`}</option>
        )}
        {occasions.map((o) => (
          <option key={o.appointmentId} value={o.appointmentId}>
            {describeSpan(o, true)} – {o.title}
          </option>
        ))}
      </SelectField>
      <SaveActions
        label="Pressemitteilung speichern"
        saving={save.isPending}
        error={save.error}
        unsaved={formState.isDirty && Boolean(release)}
        unsavedNote={release?.status === 'freigegeben' ? ' – Speichern hebt die Freigabe auf, wenn sich der Inhalt ändert.' : ''}
        onReload={() => void reload()}
      />
    </form>
  );
}
