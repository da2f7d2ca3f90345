import { useEffect, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  INVITATION_REQUEST_LABELS,
  INVITATION_STATUS_LABELS,
  type CalendarInfo,
  type Invitation,
  type InvitationInput,
  type Output,
} from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { AttachmentList } from '../../components/AttachmentList';
import { ErrorMessage } from '../../components/ErrorMessage';
import { germanDate } from '../../components/format';
import { DateField, SelectField, SuggestField, TextareaField, TextField } from '../../components/form-fields';
import { SaveActions } from '../../components/SaveActions';
import { useScrollIntoView } from '../../components/use-scroll-into-view';
import { SpanFields } from '../calendar/SpanFields';
import { calendarLabel } from '../calendar/labels';
import { describeSpan } from '../calendar/spans';
import { addDays, berlinToday, exclusiveEndOf, lastDayOf } from '../calendar/wall-clock';
import { ContactOrNameFields, contactOrNameInput, type PickedContact } from '../letters/ContactOrNameFields';
import { ReplyLetter, useReplyLetter } from '../letters/ReplyLetter';

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
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Request = Invitation['requests'][number];

interface InvitationFormValues {
  inviterMode: 'contact' | 'free';
  inviterContact: PickedContact;
  inviterName: string;
  event: string;
  /** All-day dates end on their last day, inclusive, in the form. */
  dates: Array<{ allDay: boolean; start: string; end: string }>;
  place: string;
  addressedTo: string;
  receivedOn: string;
  replyBy: string;
  requests: Request[];
  notes: string;
}

function formValuesOf(invitation: Invitation | null): InvitationFormValues {
  if (!invitation) {
    return {
      inviterMode: 'contact',
      inviterContact: null,
      inviterName: '',
      event: '',
      dates: [{ allDay: false, start: '', end: '' }],
      place: '',
      addressedTo: '',
      receivedOn: berlinToday(),
      replyBy: '',
      requests: ['attendance'],
      notes: '',
    };
  }
  return {
    inviterMode: invitation.inviterContactId !== null ? 'contact' : 'free',
    inviterContact: invitation.inviterContactId !== null ? { id: invitation.inviterContactId, displayName: invitation.inviter } : null,
    inviterName: invitation.inviterName,
    event: invitation.event,
    dates: invitation.dates.map((d) => ({ allDay: d.allDay, start: d.start, end: d.allDay ? lastDayOf(d.end) : d.end })),
    place: invitation.place,
    addressedTo: invitation.addressedTo,
    receivedOn: invitation.receivedOn,
    replyBy: invitation.replyBy ?? '',
    requests: invitation.requests,
    notes: invitation.notes,
  };
}

function inputOf(values: InvitationFormValues, id: number | undefined): InvitationInput {
  const inviter = contactOrNameInput(values.inviterMode, values.inviterContact, values.inviterName);
  return {
    id,
    inviterContactId: inviter.contactId,
    inviterName: inviter.name,
    event: values.event,
    dates: values.dates.map((d) => ({ allDay: d.allDay, start: d.start, end: d.allDay ? exclusiveEndOf(d.end) : d.end })),
    place: values.place,
    addressedTo: values.addressedTo,
    receivedOn: values.receivedOn,
    replyBy: values.replyBy || null,
    requests: values.requests,
    notes: values.notes,
  };
}

/**
 * Record an invitation (who invites, to what, when – one or more dates –, where, what is asked
 * for, files), then decide it: the Oberbürgermeister/in attends, a Bürgermeister/in attends in
 * her or his place, declined, or a written greeting only. Deciding puts the appointment into the
 * attendee's calendar and prepares the reply letter.
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
  const [dirty, setDirty] = useState(false);
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

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Einladung">
        <DialogBody>
          <DialogTitle>{invitation.data ? `Einladung: ${invitation.data.event}` : 'Einladung erfassen'}</DialogTitle>
          <DialogContent className={layout.content}>
            {id !== null && !invitation.data ? (
              invitation.error ? (
                <ErrorMessage error={invitation.error} />
              ) : (
                <Spinner size="small" label="Die Einladung wird geladen …" />
              )
            ) : (
              <InvitationForm
                key={id ?? 'new'}
                invitation={invitation.data ?? null}
                calendars={calendars.data ?? []}
                onDirtyChange={setDirty}
                onSaved={async (saved) => {
                  await stored(saved);
                  setNotice(id === null ? `Einladung Nr. ${saved.id} gespeichert. Sie können nun Anhänge hinzufügen und entscheiden.` : 'Einladung gespeichert.');
                  setId(saved.id);
                }}
              />
            )}
            {notice && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            )}
            {data && (
              <AttachmentList
                attachments={data.attachments}
                emptyText="Noch keine Anhänge (etwa die eingescannte Einladung)."
                download={(attachmentId) => api('invitations.attachment', { id: data.id, attachmentId })}
                attach={async (uploadId) => stored(await api('invitations.attach', { id: data.id, uploadId }))}
                detach={async (attachmentId) => stored(await api('invitations.detach', { id: data.id, attachmentId }))}
              />
            )}
            {invitation.data && calendars.data && (
              <DecisionArea invitation={invitation.data} calendars={calendars.data} unsaved={dirty} onDecided={stored} onShowInCalendar={onShowInCalendar} />
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

function InvitationForm({
  invitation,
  calendars,
  onSaved,
  onDirtyChange,
}: {
  invitation: Invitation | null;
  calendars: CalendarInfo[];
  onSaved: (invitation: Invitation) => Promise<void>;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const { control, handleSubmit, formState, getValues } = useForm<InvitationFormValues>({ defaultValues: formValuesOf(invitation) });
  const dates = useFieldArray({ control, name: 'dates' });
  const save = useMutation({
    mutationFn: (values: InvitationFormValues) => api('invitations.save', inputOf(values, invitation?.id)),
    onSuccess: onSaved,
  });
  useEffect(() => onDirtyChange(formState.isDirty), [formState.isDirty, onDirtyChange]);

  const addDate = () => {
    const last = getValues('dates').at(-1);
    const next = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}/.test(value) ? addDays(value, 1) : '');
    dates.append({ allDay: last?.allDay ?? false, start: next(last?.start), end: next(last?.end) });
  };
  const head = calendars.find((c) => !c.deputy);

  return (
    <form className={layout.form} onSubmit={handleSubmit((values) => save.mutate(values))} aria-label="Angaben zur Einladung">
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
      <SaveActions label="Einladung speichern" saving={save.isPending} error={save.error} unsaved={formState.isDirty && Boolean(invitation)} />
    </form>
  );
}

interface DecisionValues {
  decision: Exclude<Invitation['status'], 'open'>;
  deputyId: string;
  dateIndex: string;
  note: string;
}

const DECISION_LABELS: Record<DecisionValues['decision'], string> = {
  accepted: 'Zusagen (Oberbürgermeister/in)',
  delegated: 'In Vertretung (Bürgermeister/in wählen)',
  declined: 'Absagen',
  written_greeting: 'Nur schriftliches Grußwort',
};

/** Decide: who attends (if anyone) and which date; then the appointment and the reply letter. */
function DecisionArea({
  invitation,
  calendars,
  unsaved,
  onDecided,
  onShowInCalendar,
}: {
  invitation: Invitation;
  calendars: CalendarInfo[];
  unsaved: boolean;
  onDecided: (invitation: Invitation) => Promise<void>;
  onShowInCalendar: (date: string) => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const head = calendars.find((c) => !c.deputy);
  const deputies = calendars.filter((c) => c.deputy);
  const decidedFor = calendars.find((c) => c.id === invitation.calendarId);
  const { control, handleSubmit } = useForm<DecisionValues>({
    defaultValues: {
      decision: invitation.status === 'open' ? 'accepted' : invitation.status,
      deputyId: String((invitation.status === 'delegated' ? invitation.calendarId : deputies[0]?.id) ?? ''),
      dateIndex: '0',
      note: invitation.decisionNote,
    },
  });
  const decision = useWatch({ control, name: 'decision' });
  const [result, setResult] = useState<Output<'invitations.decide'> | null>(null);
  const reply = useReplyLetter();

  const decide = useMutation({
    mutationFn: (values: DecisionValues) =>
      api('invitations.decide', {
        id: invitation.id,
        decision: values.decision,
        calendarId: values.decision === 'accepted' ? head?.id : values.decision === 'delegated' ? Number(values.deputyId) || undefined : undefined,
        dateIndex: Number(values.dateIndex),
        note: values.note,
      }),
    onMutate: () => {
      setResult(null);
      reply.reset();
    },
    onSuccess: async (decided) => {
      setResult(decided);
      await onDecided(decided.invitation);
      await queryClient.invalidateQueries({ queryKey: ['calendar.view'] });
    },
  });
  const outcome = useScrollIntoView<HTMLDivElement>(reply.letter ?? result ?? decide.error ?? reply.create.error);
  const attendee = result?.appointment ? calendars.find((c) => c.id === result.appointment!.calendarId) : undefined;

  return (
    <form className={layout.form} onSubmit={handleSubmit((values) => decide.mutate(values))} aria-label="Entscheidung">
      <Subtitle2 as="h3" className={layout.section}>
        Entscheidung
      </Subtitle2>
      {invitation.status !== 'open' && (
        <Text>
          Bisher: <strong>{INVITATION_STATUS_LABELS[invitation.status]}</strong>
          {decidedFor ? ` (${calendarLabel(decidedFor)})` : ''}
          {invitation.decidedAt ? `, entschieden am ${germanDate(invitation.decidedAt.slice(0, 10))}` : ''}
          {invitation.decidedBy ? ` von ${invitation.decidedBy}` : ''}.
        </Text>
      )}
      <Controller
        control={control}
        name="decision"
        render={({ field }) => (
          <Field label="Entscheidung">
            <RadioGroup value={field.value} onChange={(_, data) => field.onChange(data.value)}>
              {(Object.entries(DECISION_LABELS) as Array<[DecisionValues['decision'], string]>).map(([value, label]) => (
                <Radio key={value} value={value} label={value === 'accepted' && head ? `${label} – ${calendarLabel(head)}` : label} />
              ))}
            </RadioGroup>
          </Field>
        )}
      />
      <div className={layout.row}>
        {decision === 'delegated' && (
          <SelectField control={control} name="deputyId" label="Wer nimmt in Vertretung teil?" required>
            {deputies.map((c) => (
              <option key={c.id} value={c.id}>
                {calendarLabel(c)}
              </option>
            ))}
          </SelectField>
        )}
        {invitation.dates.length > 1 && (
          <SelectField control={control} name="dateIndex" label="Welcher Termin?">
            {invitation.dates.map((d, i) => (
              <option key={i} value={i}>
                {describeSpan(d)}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <TextareaField control={control} name="note" label="Vermerk zur Entscheidung" />
      {unsaved && (
        <MessageBar intent="warning">
          <MessageBarBody>Oben gibt es ungespeicherte Änderungen; entschieden wird über die gespeicherte Fassung.</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={decide.error} title="Nicht entschieden" />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={decide.isPending}>
          {decide.isPending ? 'Wird entschieden …' : 'Entscheidung speichern'}
        </Button>
      </div>

      <div ref={outcome} className={layout.form}>
        {result && (
          <MessageBar layout="multiline" intent="success" role="status">
            <MessageBarBody>
              <MessageBarTitle>Entschieden: {INVITATION_STATUS_LABELS[result.invitation.status]}</MessageBarTitle>
              {result.appointment
                ? `Termin im Kalender von ${attendee ? calendarLabel(attendee) : 'unbekannt'}: ${describeSpan(result.appointment)}.`
                : 'Es wird kein Termin wahrgenommen; ein früher eingetragener Termin ist abgesagt.'}
            </MessageBarBody>
            {result.appointment && (
              <MessageBarActions>
                <Button onClick={() => onShowInCalendar(result.appointment!.start.slice(0, 10))}>Im Kalender zeigen</Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
        {result && result.conflicts.length > 0 && (
          <MessageBar layout="multiline" intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Überschneidungen im Kalender</MessageBarTitle>
              <ul className={styles.list}>
                {result.conflicts.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        {result && !result.reply && (
          <MessageBar layout="multiline" intent="info">
            <MessageBarBody>
              <MessageBarTitle>Kein Antwortschreiben vorbereitet</MessageBarTitle>
              Dafür muss die einladende Stelle als Kontakt erfasst sein: Wählen Sie oben „aus den Kontakten“ einen Kontakt (oder legen Sie ihn unter
              Kontakte an), speichern Sie die Einladung und entscheiden Sie erneut.
            </MessageBarBody>
          </MessageBar>
        )}
        {result && <ReplyLetter reply={reply} draft={result.reply} />}
      </div>
    </form>
  );
}
