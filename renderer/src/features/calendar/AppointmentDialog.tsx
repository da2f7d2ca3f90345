import { useEffect, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular, DismissRegular, DocumentRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { germanDate } from '../../components/format';
import { SPEECH_KIND_LABELS, SPEECH_STATUS_LABELS } from '../../../../core/api';
import type { Appointment, AppointmentInput, CalendarInfo } from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { fetchFresh, useLoadedRecord } from '../../components/use-loaded-record';
import { useFocusOnceLoaded } from '../../components/dialog-focus';
import { downloadBase64 } from '../../components/files';
import { CheckboxField, DateField, SelectField, TextareaField, TextField } from '../../components/form-fields';
import { useScrollIntoView } from '../../components/use-scroll-into-view';
import { ContactPicker } from '../letters/ContactPicker';
import { calendarLabel, STATUS_LABELS } from './labels';
import { buildRule, parseRule, repeatOptions, type RepeatKind } from './recurrence';
import { SpanFields } from './SpanFields';
import { describeMoment } from './spans';
import { exclusiveEndOf, lastDayOf } from './wall-clock';

const useStyles = makeStyles({
  group: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS, alignContent: 'start' },
  people: { margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: tokens.spacingVerticalS },
  person: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
  },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', width: '100%' },
  grow: { flexGrow: 1 },
  conflicts: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Which appointment the dialog shows: a stored one (an occurrence of it), or a new one at a slot. */
export type AppointmentTarget =
  | { appointmentId: number; occurrenceStart?: string }
  | { appointmentId?: undefined; calendarId: number | null; start: string; end: string; allDay: boolean };

type PersonRow = { contactId: number; role: 'contact' | 'guest'; note: string; name: string; salutation: string };

interface AppointmentFormValues {
  calendarId: string;
  title: string;
  allDay: boolean;
  start: string;
  /** All-day: the last day, inclusive. */
  end: string;
  place: string;
  routeNote: string;
  status: 'geplant' | 'bestätigt' | 'abgesagt';
  repeat: RepeatKind;
  repeatUntil: string;
  programme: string;
  dressCode: string;
  press: string;
  gift: string;
  notes: string;
  driverId: string;
  vehicleId: string;
  people: PersonRow[];
  /** Öffentlicher Termin: may be announced (online „Termine der Woche“). */
  public: boolean;
}

const blank = { place: '', routeNote: '', programme: '', dressCode: '', press: '', gift: '', notes: '', driverId: '', vehicleId: '', people: [], public: false };

function formValuesOf(appointment: Appointment | null, target: AppointmentTarget, calendars: CalendarInfo[]): AppointmentFormValues {
  if (appointment) {
    const rule = parseRule(appointment.recurrence?.rule);
    return {
      calendarId: String(appointment.calendarId),
      title: appointment.title,
      allDay: appointment.allDay,
      start: appointment.start,
      end: appointment.allDay ? lastDayOf(appointment.end) : appointment.end,
      place: appointment.place,
      routeNote: appointment.routeNote,
      status: appointment.status,
      repeat: rule.kind,
      repeatUntil: rule.until,
      programme: appointment.programme,
      dressCode: appointment.dressCode,
      press: appointment.press,
      gift: appointment.gift,
      notes: appointment.notes,
      driverId: appointment.driverId === null ? '' : String(appointment.driverId),
      vehicleId: appointment.vehicleId === null ? '' : String(appointment.vehicleId),
      people: appointment.people.map((p) => ({ contactId: p.contactId, role: p.role, note: p.note, name: p.name, salutation: p.oralSalutation })),
      public: appointment.public,
    };
  }
  const slot = target.appointmentId === undefined ? target : null;
  const calendarId = slot?.calendarId ?? calendars.find((c) => !c.deputy)?.id ?? calendars[0]?.id;
  return {
    ...blank,
    calendarId: calendarId ? String(calendarId) : '',
    title: '',
    allDay: slot?.allDay ?? false,
    start: slot?.start ?? '',
    end: slot ? (slot.allDay ? lastDayOf(slot.end) : slot.end) : '',
    status: 'geplant',
    repeat: 'none',
    repeatUntil: '',
  };
}

/** What the API stores, from the form (all-day ends made exclusive, the repetition as RRULE). */
function inputOf(values: AppointmentFormValues, appointment: Appointment | null): AppointmentInput {
  const rule =
    values.repeat === 'none'
      ? null
      : values.repeat === 'custom'
        ? (appointment?.recurrence?.rule ?? null)
        : buildRule(values.repeat, values.start, values.repeatUntil, values.allDay);
  return {
    id: appointment?.id,
    revision: appointment?.revision,
    calendarId: Number(values.calendarId),
    title: values.title,
    start: values.start,
    end: values.allDay ? exclusiveEndOf(values.end) : values.end,
    allDay: values.allDay,
    place: values.place,
    routeNote: values.routeNote,
    status: values.status,
    recurrence: rule ? { rule, exceptions: appointment?.recurrence?.exceptions ?? [] } : null,
    programme: values.programme,
    dressCode: values.dressCode,
    press: values.press,
    gift: values.gift,
    notes: values.notes,
    invitationId: appointment?.invitationId ?? null,
    driverId: values.driverId ? Number(values.driverId) : null,
    vehicleId: values.vehicleId ? Number(values.vehicleId) : null,
    people: values.people.map(({ contactId, role, note }) => ({ contactId, role, note })),
    public: values.public,
  };
}

/** A stored appointment as it would be saved again unchanged. */
function inputOfStored(appointment: Appointment): AppointmentInput {
  return { ...appointment, people: appointment.people.map(({ contactId, role, note }) => ({ contactId, role, note })) };
}

/**
 * Create or edit an appointment: everything the office plans for it (when and where, series,
 * programme, dress code, press, gift, car and driver, people on site and guests of honour).
 * Start and end are editable here – the keyboard's way to move an appointment. Conflicts do not
 * stop saving: they are shown after it. A driver or car already booked is refused.
 */
export function AppointmentDialog({
  target,
  calendars,
  onClose,
}: {
  target: AppointmentTarget | null;
  calendars: CalendarInfo[];
  onClose: () => void;
}) {
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  // A new appointment saved with conflicts stays open as the stored one, showing them.
  const [savedId, setSavedId] = useState<number | null>(null);
  const [conflicts, setConflicts] = useState<string[]>([]);
  const id = target?.appointmentId ?? savedId;
  const appointment = useQuery({
    queryKey: ['calendar.appointments.get', id],
    queryFn: () => api('calendar.appointments.get', { id: id! }),
    enabled: id !== null && id !== undefined,
    // Opened to be edited: always the stored state (a decision or another window may have changed it).
    staleTime: 0,
  });
  const loading = id !== null && id !== undefined && !appointment.data;
  const surface = useFocusOnceLoaded<HTMLDivElement>(loading);

  const saved = async (result: { appointment: Appointment; conflicts: string[] }) => {
    queryClient.setQueryData(['calendar.appointments.get', result.appointment.id], result.appointment);
    await queryClient.invalidateQueries({ queryKey: ['calendar.view'] });
    if (!result.conflicts.length) return onClose();
    setSavedId(result.appointment.id);
    setConflicts(result.conflicts);
  };

  return (
    <Dialog open={target !== null} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface ref={surface} className={layout.surface} aria-label="Termin">
        {loading || !target ? (
          <DialogBody>
            <DialogTitle>Termin</DialogTitle>
            <DialogContent className={layout.content}>
              {appointment.error ? <ErrorMessage error={appointment.error} /> : <Spinner size="small" label="Der Termin wird geladen …" />}
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>Schließen</Button>
            </DialogActions>
          </DialogBody>
        ) : (
          <AppointmentForm
            key={appointment.data ? String(appointment.data.id) : 'new'}
            appointment={appointment.data ?? null}
            target={target}
            calendars={calendars}
            conflicts={conflicts}
            onSaved={saved}
            onClose={onClose}
          />
        )}
      </DialogSurface>
    </Dialog>
  );
}

function AppointmentForm({
  appointment: latest,
  target,
  calendars,
  conflicts,
  onSaved,
  onClose,
}: {
  appointment: Appointment | null;
  target: AppointmentTarget;
  calendars: CalendarInfo[];
  conflicts: string[];
  onSaved: (result: { appointment: Appointment; conflicts: string[] }) => Promise<void>;
  onClose: () => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const drivers = useQuery({ queryKey: ['carpool.drivers'], queryFn: () => api('carpool.drivers', {}) });
  const vehicles = useQuery({ queryKey: ['carpool.vehicles'], queryFn: () => api('carpool.vehicles', {}) });
  const { control, handleSubmit, reset, formState } = useForm<AppointmentFormValues>({ defaultValues: formValuesOf(latest, target, calendars) });
  // The appointment as loaded: its revision goes back with the save; another PC's save replaces it only while nothing is typed.
  const [appointment, take] = useLoadedRecord(latest, formState.isDirty);
  useEffect(() => {
    reset(formValuesOf(appointment, target, calendars));
    // Only a newly taken appointment fills the form again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [appointment]);
  const people = useFieldArray({ control, name: 'people' });
  const [start, repeat, title] = useWatch({ control, name: ['start', 'repeat', 'title'] });
  const [pickerKeys, setPickerKeys] = useState({ contact: 0, guest: 0 });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const occurrenceStart = target.appointmentId !== undefined ? target.occurrenceStart : undefined;

  const save = useMutation({
    mutationFn: (values: AppointmentFormValues) => api('calendar.appointments.save', inputOf(values, appointment)),
    onSuccess: async (result) => {
      take(result.appointment);
      await onSaved(result);
    },
  });
  const remove = useMutation({
    mutationFn: () => api('calendar.appointments.delete', { id: appointment!.id, revision: appointment!.revision }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['calendar.view'] });
      onClose();
    },
  });
  /** One date of a series does not take place: an exception of the series. */
  const skip = useMutation({
    mutationFn: () => {
      const stored = inputOfStored(appointment!);
      const recurrence = appointment!.recurrence!;
      return api('calendar.appointments.save', { ...stored, recurrence: { rule: recurrence.rule, exceptions: [...recurrence.exceptions, occurrenceStart!] } });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['calendar.view'] });
      onClose();
    },
  });

  /** „Neu laden“ after STALE: the appointment as it is stored now replaces the user's input. */
  const reload = async () => {
    if (!appointment) return;
    const fresh = await fetchFresh(queryClient, 'calendar.appointments.get', appointment.id);
    save.reset();
    skip.reset();
    remove.reset();
    take(fresh);
  };

  /** The Terminmappe (.docx) of the stored appointment; of a series, for the chosen date. */
  const briefing = useMutation({
    mutationFn: async () => {
      const file = await api('calendar.briefing', { appointmentId: appointment!.id, date: occurrenceStart?.slice(0, 10) });
      downloadBase64(file.fileName, file.contentBase64);
    },
  });

  // A refusal (driver or car booked) or the question before deleting: shown where the buttons are.
  const bottom = useScrollIntoView<HTMLDivElement>(save.error ?? skip.error ?? remove.error ?? briefing.error ?? (confirmDelete || null));

  const addPerson = (role: PersonRow['role'], contact: { id: number; displayName: string } | null) => {
    if (!contact) return;
    if (!people.fields.some((p) => p.contactId === contact.id && p.role === role)) {
      people.append({ contactId: contact.id, role, note: '', name: contact.displayName, salutation: '' });
    }
    setPickerKeys((keys) => ({ ...keys, [role]: keys[role] + 1 }));
  };

  const activeOrChosen = <T extends { id: number; active: boolean }>(items: T[] | undefined, chosen: number | null | undefined) =>
    (items ?? []).filter((item) => item.active || item.id === chosen);
  const calendar = calendars.find((c) => c.id === appointment?.calendarId);

  const personList = (role: PersonRow['role'], title: string, add: string) => {
    const rows = people.fields.map((field, index) => ({ field, index })).filter(({ field }) => field.role === role);
    return (
      <div className={styles.group} role="group" aria-label={title}>
        <Text weight="semibold">{title}</Text>
        {rows.length > 0 ? (
          <ul className={styles.people} aria-label={title}>
            {rows.map(({ field, index }) => (
              <li key={field.id} className={styles.person}>
                <div>
                  <Text>{field.name}</Text>
                  <div className={styles.muted}>{field.salutation ? `Anrede: ${field.salutation}` : 'Anrede nach dem Speichern'}</div>
                </div>
                <Controller
                  control={control}
                  name={`people.${index}.note`}
                  render={({ field: note }) => (
                    <Input
                      aria-label={`Hinweis zu ${field.name}`}
                      placeholder="Funktion, Hinweis …"
                      ref={note.ref}
                      name={note.name}
                      value={note.value}
                      onChange={(_, data) => note.onChange(data.value)}
                      onBlur={note.onBlur}
                    />
                  )}
                />
                <Button appearance="subtle" icon={<DismissRegular />} aria-label={`${field.name} entfernen`} onClick={() => people.remove(index)} />
              </li>
            ))}
          </ul>
        ) : (
          <Text className={styles.muted}>noch niemand eingetragen</Text>
        )}
        <ContactPicker key={pickerKeys[role]} label={add} required={false} value={null} onChange={(c) => addPerson(role, c)} />
      </div>
    );
  };

  return (
    <form onSubmit={handleSubmit((values) => save.mutate(values))}>
      <DialogBody>
        <DialogTitle>{appointment ? title || appointment.title : 'Neuer Termin'}</DialogTitle>
        <DialogContent className={layout.content}>
          {conflicts.length > 0 && (
            <MessageBar layout="multiline" intent="warning" role="status">
              <MessageBarBody>
                <MessageBarTitle>Gespeichert – bitte die Überschneidungen prüfen</MessageBarTitle>
                <ul className={styles.conflicts}>
                  {conflicts.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {appointment?.recurrence && (
            <MessageBar layout="multiline" intent="info">
              <MessageBarBody>
                Dieser Termin gehört zu einer Serie
                {occurrenceStart ? ` (gewählt: ${describeMoment(occurrenceStart)})` : ''}. Änderungen
                hier gelten für alle Termine der Serie; Beginn und Ende sind die des ersten Termins.
              </MessageBarBody>
            </MessageBar>
          )}
          {appointment?.invitationId && (
            <Text className={styles.muted}>
              Aus der Einladung Nr. {appointment.invitationId}
              {calendar ? ` · Kalender: ${calendarLabel(calendar)}` : ''}
            </Text>
          )}

          <div className={layout.row}>
            <SelectField control={control} name="calendarId" label="Kalender (Person)" required>
              {calendars.map((c) => (
                <option key={c.id} value={c.id}>
                  {calendarLabel(c)}
                </option>
              ))}
            </SelectField>
            <SelectField control={control} name="status" label="Status">
              {Object.entries(STATUS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </SelectField>
          </div>
          <TextField control={control} name="title" label="Titel" required />
          <SpanFields control={control} names={{ allDay: 'allDay', start: 'start', end: 'end' }} />
          <div className={layout.row}>
            <SelectField control={control} name="repeat" label="Wiederholung">
              {repeatOptions(start).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
              {repeat === 'custom' && <option value="custom">eigene Regel: {appointment?.recurrence?.rule}</option>}
            </SelectField>
            {repeat !== 'none' && repeat !== 'custom' && (
              <DateField control={control} name="repeatUntil" label="Wiederholen bis einschließlich" hint="leer: ohne Ende" />
            )}
          </div>
          <div className={layout.row}>
            <TextField control={control} name="place" label="Ort" />
            <TextField control={control} name="dressCode" label="Kleiderordnung" />
          </div>
          <TextareaField control={control} name="routeNote" label="Anfahrt / Wegbeschreibung" />
          <CheckboxField control={control} name="public" label="Öffentlicher Termin" />

          <Subtitle2 as="h3" className={layout.section}>
            Fahrdienst
          </Subtitle2>
          <div className={layout.row}>
            <SelectField control={control} name="driverId" label="Fahrer/in">
              <option value="">—</option>
              {activeOrChosen(drivers.data, appointment?.driverId).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                  {d.phone ? ` (${d.phone})` : ''}
                </option>
              ))}
            </SelectField>
            <SelectField control={control} name="vehicleId" label="Fahrzeug">
              <option value="">—</option>
              {activeOrChosen(vehicles.data, appointment?.vehicleId).map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                  {v.plate ? ` (${v.plate})` : ''}
                </option>
              ))}
            </SelectField>
          </div>

          <Subtitle2 as="h3" className={layout.section}>
            Personen
          </Subtitle2>
          <div className={layout.row}>
            {personList('contact', 'Ansprechpartner/innen vor Ort', 'Ansprechpartner/in hinzufügen')}
            {personList('guest', 'Ehrengäste', 'Ehrengast hinzufügen')}
          </div>

          <Subtitle2 as="h3" className={layout.section}>
            Ablauf und Protokoll
          </Subtitle2>
          <TextareaField control={control} name="programme" label="Ablauf" />
          <div className={layout.row}>
            <TextareaField control={control} name="press" label="Presse" />
            <TextareaField control={control} name="gift" label="Geschenk" />
          </div>
          <TextareaField control={control} name="notes" label="Notizen" />
          {appointment && appointment.speeches.length > 0 && (
            <div>
              <Subtitle2 as="h3" className={layout.section}>
                Reden und Grußworte
              </Subtitle2>
              <ul aria-label="Reden und Grußworte">
                {appointment.speeches.map((s) => (
                  <li key={s.id}>
                    {SPEECH_KIND_LABELS[s.kind as keyof typeof SPEECH_KIND_LABELS] ?? s.kind} „{s.title}“:{' '}
                    {SPEECH_STATUS_LABELS[s.status as keyof typeof SPEECH_STATUS_LABELS] ?? s.status}
                    {s.deadline && s.status !== 'gehalten' ? `, Frist ${germanDate(s.deadline)}` : ''}
                  </li>
                ))}
              </ul>
            </div>
          )}

          <div ref={bottom} className={layout.content}>
            {confirmDelete && appointment && (
              <MessageBar layout="multiline" intent="error" role="alert">
                <MessageBarBody>
                  <MessageBarTitle>Löschen?</MessageBarTitle>
                  {appointment.recurrence
                    ? `Die ganze Serie „${appointment.title}“ mit allen Terminen wird gelöscht.`
                    : `Der Termin „${appointment.title}“ wird gelöscht.`}
                </MessageBarBody>
                <MessageBarActions>
                  <Button appearance="primary" onClick={() => remove.mutate()} disabled={remove.isPending}>
                    Endgültig löschen
                  </Button>
                  <Button onClick={() => setConfirmDelete(false)}>Nicht löschen</Button>
                </MessageBarActions>
              </MessageBar>
            )}
            <ErrorMessage error={save.error ?? skip.error} title="Nicht gespeichert" onReload={() => void reload()} />
            <ErrorMessage error={remove.error} title="Nicht gelöscht" onReload={() => void reload()} />
            <ErrorMessage error={briefing.error} title="Terminmappe nicht erstellt" />
          </div>
        </DialogContent>
        <DialogActions fluid>
          <div className={styles.actions}>
            {appointment && (
              <Button icon={<DeleteRegular />} onClick={() => setConfirmDelete(true)}>
                Löschen …
              </Button>
            )}
            {appointment?.recurrence && occurrenceStart && (
              <Button onClick={() => skip.mutate()} disabled={skip.isPending}>
                Nur diesen Termin ausfallen lassen
              </Button>
            )}
            {appointment && (
              <Button icon={<DocumentRegular />} onClick={() => briefing.mutate()} disabled={briefing.isPending}>
                Terminmappe (Word)
              </Button>
            )}
            <span className={styles.grow} />
            <Button onClick={onClose}>{conflicts.length ? 'Schließen' : 'Abbrechen'}</Button>
            <Button appearance="primary" type="submit" disabled={save.isPending}>
              {save.isPending ? 'Wird gespeichert …' : 'Speichern'}
            </Button>
          </div>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
