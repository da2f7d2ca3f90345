import { useEffect, useRef, useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
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
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { INVITATION_REQUEST_LABELS, type CalendarInfo, type Invitation, type Output } from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { AttachmentList } from '../../components/AttachmentList';
import { ErrorMessage } from '../../components/ErrorMessage';
import { fetchFresh, useLoadedRecord } from '../../components/use-loaded-record';
import { DateField, SuggestField, TextareaField, TextField } from '../../components/form-fields';
import { SaveActions } from '../../components/SaveActions';
import { SpanFields } from '../calendar/SpanFields';
import { calendarLabel } from '../calendar/labels';
import { addDays, berlinToday } from '../calendar/wall-clock';
import { ContactOrNameFields } from '../letters/ContactOrNameFields';
import { useReplyLetter } from '../letters/ReplyLetter';
import { DecisionFields, DecisionOutcome } from './DecisionFields';
import { DECIDED_ON, DECISION_FIELDS, decisionOf, formValuesOf, inputOf, type InvitationFormValues, type Request } from './invitation-form';

const useStyles = makeStyles({
  date: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  checks: { display: 'flex', flexWrap: 'wrap', gap: `0 ${tokens.spacingHorizontalM}` },
  plain: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  groupLabel: { padding: 0, marginBottom: '2px', fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
});

type Decided = Output<'invitations.decide'>;

/**
 * Record an invitation (who invites, to what, when – one or more dates –, where, what is asked
 * for, files) and decide it in the same form: the Oberbürgermeister/in attends, a
 * Bürgermeister/in attends in her or his place, declined, or a written greeting only. Saving
 * with a decision puts the appointment into the attendee's calendar and makes the reply letter
 * (a draft in the Postausgang), all in one step.
 */
export function InvitationDialog({
  invitationId,
  onClose,
  onShowInCalendar,
}: {
  invitationId: number | null;
  onClose: () => void;
  onShowInCalendar: (date: string) => void;
}) {
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const [id, setId] = useState(invitationId);
  const [notice, setNotice] = useState<string | null>(null);
  const [decided, setDecided] = useState<Decided | null>(null);
  const reply = useReplyLetter();
  const invitation = useQuery({
    queryKey: ['invitations.get', id],
    queryFn: () => api('invitations.get', { id: id! }),
    enabled: id !== null,
  });
  const calendars = useQuery({ queryKey: ['calendar.calendars'], queryFn: () => api('calendar.calendars', {}) });

  const stored = async (saved: Invitation) => {
    queryClient.setQueryData(['invitations.get', saved.id], saved);
    await queryClient.invalidateQueries({ queryKey: ['invitations.list'] });
  };
  const data = invitation.data;
  const loading = (id !== null && !data) || !calendars.data;

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Einladung">
        <DialogBody>
          <DialogTitle>{data ? `Einladung: ${data.event}` : 'Einladung erfassen'}</DialogTitle>
          <DialogContent className={layout.content}>
            {loading ? (
              invitation.error || calendars.error ? (
                <ErrorMessage error={invitation.error ?? calendars.error} />
              ) : (
                <Spinner size="small" label="Die Einladung wird geladen …" />
              )
            ) : (
              <InvitationForm
                // Not keyed by `id`: the form stays as it is when a new invitation gets its number.
                key={invitationId ?? 'new'}
                invitation={data ?? null}
                calendars={calendars.data!}
                onSaved={async (saved, isNew) => {
                  await stored(saved);
                  setId(saved.id);
                  setNotice(isNew ? `Einladung Nr. ${saved.id} gespeichert. Sie können nun Anhänge hinzufügen.` : 'Einladung gespeichert.');
                }}
                onDeciding={() => {
                  setDecided(null);
                  reply.reset();
                }}
                onDecided={async (result) => {
                  setDecided(result);
                  await stored(result.invitation);
                  await queryClient.invalidateQueries({ queryKey: ['calendar.view'] });
                }}
                createReply={async (draft) => {
                  // A failure shows at the reply (with the button to try again); the decision stands.
                  await reply.create.mutateAsync(draft).catch(() => undefined);
                }}
              />
            )}
            {notice && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            )}
            {decided && calendars.data && (
              <DecisionOutcome decided={decided} calendars={calendars.data} reply={reply} onShowInCalendar={onShowInCalendar} />
            )}
            {data && (
              <AttachmentList
                attachments={data.attachments}
                emptyText="Noch keine Anhänge (etwa die eingescannte Einladung)."
                download={(attachmentId) => api('invitations.attachment', { id: data.id, attachmentId })}
                attach={async (uploadId) => stored(await api('invitations.attach', { id: data.id, revision: data.revision, uploadId }))}
                detach={async (attachmentId) => stored(await api('invitations.detach', { id: data.id, revision: data.revision, attachmentId }))}
                onReload={() => void invitation.refetch()}
              />
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

interface Submission {
  values: InvitationFormValues;
  /** New, or changed beyond the decision. */
  save: boolean;
  decide: boolean;
}

function InvitationForm({
  invitation: latest,
  calendars,
  onSaved,
  onDeciding,
  onDecided,
  createReply,
}: {
  invitation: Invitation | null;
  calendars: CalendarInfo[];
  onSaved: (invitation: Invitation, isNew: boolean) => Promise<void>;
  onDeciding: () => void;
  onDecided: (decided: Decided) => Promise<void>;
  createReply: (draft: NonNullable<Decided['reply']>) => Promise<void>;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const form = useForm<InvitationFormValues>({ defaultValues: formValuesOf(latest, berlinToday()) });
  const { control, handleSubmit, formState, getValues, reset, resetField, watch } = form;
  // The invitation as loaded: its revision goes back with the save and the decision; another PC's change replaces it only while nothing is typed.
  const [invitation, take] = useLoadedRecord(latest, formState.isDirty);
  /** The revision this form's own save or decision produced: the form already shows it (with the chosen date). */
  const own = useRef<number | null>(null);
  useEffect(() => {
    if (invitation && !formState.isDirty && invitation.revision !== own.current) reset(formValuesOf(invitation, berlinToday()));
    // Only a newly taken invitation fills the form again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [invitation]);
  const queryClient = useQueryClient();
  const dates = useFieldArray({ control, name: 'dates' });
  const [stage, setStage] = useState<'save' | 'decide'>('save');

  const dirty = Object.keys(formState.dirtyFields) as Array<keyof InvitationFormValues>;
  const decisionChanged = dirty.some((name) => (DECISION_FIELDS as readonly string[]).includes(name));
  const decidedBefore = invitation !== null && invitation.status !== 'open';
  const decideNow =
    watch('decision') !== 'open' && (decisionChanged || (decidedBefore && dirty.some((name) => (DECIDED_ON as readonly string[]).includes(name))));
  const changed = !invitation || dirty.some((name) => name !== 'replyLetter' && !(DECISION_FIELDS as readonly string[]).includes(name));

  const submit = useMutation({
    mutationFn: async ({ values, save, decide }: Submission) => {
      setStage('save');
      let current = invitation;
      if (save || !current) {
        current = await api('invitations.save', inputOf(values, current ?? undefined));
        own.current = current.revision;
        await onSaved(current, !invitation);
      }
      const decision = decide ? decisionOf(values, current, calendars) : null;
      if (!decision) {
        reset(formValuesOf(current, berlinToday(), Number(values.dateIndex)));
        return;
      }
      setStage('decide');
      onDeciding();
      const result = await api('invitations.decide', decision);
      own.current = result.invitation.revision;
      await onDecided(result);
      reset(formValuesOf(result.invitation, berlinToday(), decision.dateIndex ?? 0));
      if (values.replyLetter && result.reply) await createReply(result.reply);
    },
  });

  /** „Neu laden“ after STALE: the invitation as it is stored now replaces the user's input. */
  const reload = async () => {
    if (!invitation) return;
    const fresh = await fetchFresh(queryClient, 'invitations.get', invitation.id);
    submit.reset();
    reset(formValuesOf(fresh, berlinToday()));
    take(fresh);
  };

  const addDate = () => {
    const last = getValues('dates').at(-1);
    const next = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}/.test(value) ? addDays(value, 1) : '');
    dates.append({ allDay: last?.allDay ?? false, start: next(last?.start), end: next(last?.end) });
  };
  const head = calendars.find((c) => !c.deputy);

  return (
    <form
      className={layout.form}
      onSubmit={handleSubmit((values) => submit.mutate({ values, save: changed, decide: decideNow }))}
      aria-label="Angaben zur Einladung"
    >
      <ContactOrNameFields
        control={control}
        names={{ mode: 'inviterMode', contact: 'inviterContact', name: 'inviterName' }}
        question="Wer lädt ein?"
        label="Einladende/r"
      />
      <TextField control={control} name="event" label="Veranstaltung" required />
      {dates.fields.map((field, index) => (
        <fieldset key={field.id} className={styles.date}>
          <legend className={styles.legend}>{index + 1}. Termin</legend>
          <SpanFields control={control} names={{ allDay: `dates.${index}.allDay`, start: `dates.${index}.start`, end: `dates.${index}.end` }} />
          {dates.fields.length > 1 && (
            <Button appearance="subtle" icon={<DismissRegular />} aria-label={`${index + 1}. Termin entfernen`} onClick={() => dates.remove(index)} />
          )}
        </fieldset>
      ))}
      <div>
        <Button icon={<AddRegular />} onClick={addDate} disabled={dates.fields.length >= 20}>
          Weiteren Termin vorschlagen
        </Button>
      </div>
      <div className={layout.row}>
        <TextField control={control} name="place" label="Ort" />
        <SuggestField
          control={control}
          name="addressedTo"
          label="Gerichtet an"
          suggestions={[head?.office ?? 'Oberbürgermeister/in', ...calendars.map(calendarLabel)]}
        />
      </div>
      <div className={layout.row}>
        <DateField control={control} name="receivedOn" label="Eingegangen am" required />
        <DateField control={control} name="replyBy" label="Antwort erbeten bis" />
      </div>
      <Controller
        control={control}
        name="requests"
        render={({ field }) => (
          // A group, not a Field: inside a Field every checkbox would take the Field's label.
          <fieldset className={styles.plain}>
            <legend className={styles.groupLabel}>Erbeten wird</legend>
            <div className={styles.checks}>
              {(Object.entries(INVITATION_REQUEST_LABELS) as Array<[Request, string]>).map(([value, label]) => (
                <Checkbox
                  key={value}
                  label={label}
                  checked={field.value.includes(value)}
                  onChange={(_, data) => field.onChange(data.checked ? [...field.value, value] : field.value.filter((r) => r !== value))}
                />
              ))}
            </div>
          </fieldset>
        )}
      />
      <TextareaField control={control} name="notes" label="Notizen" />

      <DecisionFields control={control} resetField={resetField} invitation={invitation} calendars={calendars} />

      <ErrorMessage error={stage === 'decide' ? submit.error : null} title="Nicht entschieden" onReload={() => void reload()} />
      <SaveActions
        label={decideNow ? 'Speichern und entscheiden' : 'Einladung speichern'}
        saving={submit.isPending}
        error={stage === 'save' ? submit.error : null}
        unsaved={formState.isDirty && Boolean(invitation)}
        onReload={() => void reload()}
      />
    </form>
  );
}
