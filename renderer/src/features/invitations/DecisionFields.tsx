import { useEffect } from 'react';
import { Controller, useWatch, type Control, type UseFormResetField } from 'react-hook-form';
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { INVITATION_STATUS_LABELS, type CalendarInfo, type Invitation, type Output } from '../../../../core/api';
import { api } from '../../api/client';
import { useFormDialogStyles } from '../../components/layout-styles';
import { germanDate } from '../../components/format';
import { CheckboxField, SelectField, TextareaField } from '../../components/form-fields';
import { useScrollIntoView } from '../../components/use-scroll-into-view';
import { calendarLabel } from '../calendar/labels';
import { describeSpan } from '../calendar/spans';
import { isComplete } from '../calendar/wall-clock';
import { ReplyLetter, type ReplyLetterState } from '../letters/ReplyLetter';
import { datesOf, type DecisionChoice, type InvitationFormValues } from './invitation-form';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The choices, who attends included: „Zusagen: Dr. Petra Hovestadt, Oberbürgermeisterin“, „In Vertretung: Volker Sandmann, Bürgermeister“ … */
function choicesOf(calendars: CalendarInfo[], open: boolean): Array<[DecisionChoice, string]> {
  const head = calendars.find((c) => !c.deputy);
  return [
    ...(open ? ([['open', 'Noch offen – erst nur erfassen']] as Array<[DecisionChoice, string]>) : []),
    ['accepted', head ? `Zusagen: ${calendarLabel(head)}` : 'Zusagen (Oberbürgermeister/in)'],
    ...calendars.filter((c) => c.deputy).map((c): [DecisionChoice, string] => [`delegated:${c.id}`, `In Vertretung: ${calendarLabel(c)}`]),
    ['declined', 'Absagen'],
    ['written_greeting', 'Nur schriftliches Grußwort'],
  ];
}

/**
 * The decision, part of the invitation's form: who attends (if anyone), which date, a note, and
 * whether the reply letter is made with it. An undecided invitation can stay open.
 */
export function DecisionFields({
  control,
  resetField,
  invitation,
  calendars,
}: {
  control: Control<InvitationFormValues>;
  resetField: UseFormResetField<InvitationFormValues>;
  invitation: Invitation | null;
  calendars: CalendarInfo[];
}) {
  const layout = useFormDialogStyles();
  const open = !invitation || invitation.status === 'open';
  const decidedFor = calendars.find((c) => c.id === invitation?.calendarId);
  const [decision, dates, inviterMode] = useWatch({ control, name: ['decision', 'dates', 'inviterMode'] });

  // Which date an earlier decision chose: its appointment's, so that deciding again keeps it.
  const appointmentId = open ? undefined : invitation?.appointmentIds[0];
  const appointment = useQuery({
    queryKey: ['calendar.appointments.get', appointmentId],
    queryFn: () => api('calendar.appointments.get', { id: appointmentId! }),
    enabled: appointmentId !== undefined,
  });
  useEffect(() => {
    const index = invitation?.dates.findIndex((d) => d.start === appointment.data?.start) ?? -1;
    if (index > 0) resetField('dateIndex', { defaultValue: String(index) });
  }, [appointment.data, invitation, resetField]);

  return (
    <>
      <Subtitle2 as="h3" className={layout.section}>
        Entscheidung
      </Subtitle2>
      {invitation && !open && (
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
              {choicesOf(calendars, open).map(([value, label]) => (
                <Radio key={value} value={value} label={label} />
              ))}
            </RadioGroup>
          </Field>
        )}
      />
      {decision !== 'open' && (
        <>
          {dates.length > 1 && (
            <SelectField control={control} name="dateIndex" label="Welcher Termin?">
              {datesOf({ dates }).map((d, i) => (
                <option key={i} value={i}>
                  {isComplete(d.start, d.allDay) && isComplete(d.end, d.allDay) ? describeSpan(d) : `${i + 1}. Termin`}
                </option>
              ))}
            </SelectField>
          )}
          <TextareaField control={control} name="note" label="Vermerk zur Entscheidung" />
          {inviterMode === 'contact' && (
            <CheckboxField control={control} name="replyLetter" label="Antwortschreiben gleich erstellen (als Entwurf in den Postausgang)" />
          )}
        </>
      )}
    </>
  );
}

/** After deciding: the appointment (or none), conflicts in the calendar, and the reply letter. */
export function DecisionOutcome({
  decided,
  calendars,
  reply,
  onShowInCalendar,
}: {
  decided: Output<'invitations.decide'>;
  calendars: CalendarInfo[];
  reply: ReplyLetterState;
  onShowInCalendar: (date: string) => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const outcome = useScrollIntoView<HTMLDivElement>(reply.letter ?? decided ?? reply.create.error);
  const { appointment } = decided;
  const attendee = appointment ? calendars.find((c) => c.id === appointment.calendarId) : undefined;
  return (
    <div ref={outcome} className={layout.form}>
      <MessageBar layout="multiline" intent="success" role="status">
        <MessageBarBody>
          <MessageBarTitle>Entschieden: {INVITATION_STATUS_LABELS[decided.invitation.status]}</MessageBarTitle>
          {appointment
            ? `Termin im Kalender von ${attendee ? calendarLabel(attendee) : 'unbekannt'}: ${describeSpan(appointment)}.`
            : 'Es wird kein Termin wahrgenommen; ein früher eingetragener Termin ist abgesagt.'}
        </MessageBarBody>
        {appointment && (
          <MessageBarActions>
            <Button onClick={() => onShowInCalendar(appointment.start.slice(0, 10))}>Im Kalender zeigen</Button>
          </MessageBarActions>
        )}
      </MessageBar>
      {decided.conflicts.length > 0 && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Überschneidungen im Kalender</MessageBarTitle>
            <ul className={styles.list}>
              {decided.conflicts.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {!decided.reply && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>
            <MessageBarTitle>Kein Antwortschreiben vorbereitet</MessageBarTitle>
            Dafür muss die einladende Stelle als Kontakt erfasst sein: Wählen Sie oben „aus den Kontakten“ einen Kontakt (oder legen Sie ihn unter
            Kontakte an) und speichern Sie erneut; dann wird das Antwortschreiben vorbereitet.
          </MessageBarBody>
        </MessageBar>
      )}
      <ReplyLetter reply={reply} draft={decided.reply} />
    </div>
  );
}
