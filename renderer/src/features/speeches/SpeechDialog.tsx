import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
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
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, CopyRegular, DismissRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  contactToPerson,
  SPEECH_KIND_LABELS,
  SPEECH_STATUS_LABELS,
  type Greeting,
  type Person,
  type Signer,
  type Speech,
  type SpeechInput,
} from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, TextareaField, TextField } from '../../components/form-fields';
import { describeSpan } from '../calendar/spans';
import { addDays, berlinToday } from '../calendar/wall-clock';
import { ContactPicker } from '../letters/ContactPicker';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  items: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'grid', gap: '2px' },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  text: { minHeight: '140px' },
});

interface SpeechFormValues {
  title: string;
  kind: Speech['kind'];
  speakerId: string;
  appointmentId: string;
  audience: string;
  targetMinutes: string;
  deadline: string;
  author: string;
  status: Speech['status'];
  notes: string;
}

function formValuesOf(speech: Speech | null): SpeechFormValues {
  return {
    title: speech?.title ?? '',
    kind: speech?.kind ?? 'grusswort',
    speakerId: speech?.speakerId ? String(speech.speakerId) : '',
    appointmentId: speech?.appointmentId ? String(speech.appointmentId) : '',
    audience: speech?.audience ?? '',
    targetMinutes: speech?.targetMinutes ? String(speech.targetMinutes) : '',
    deadline: speech?.deadline ?? '',
    author: speech?.author ?? '',
    status: speech?.status ?? 'auftrag',
    notes: speech?.notes ?? '',
  };
}

function inputOf(values: SpeechFormValues, speech: Speech | null): SpeechInput {
  const minutes = values.targetMinutes.trim();
  return {
    id: speech?.id,
    title: values.title,
    kind: values.kind,
    speakerId: values.speakerId ? Number(values.speakerId) : null,
    appointmentId: values.appointmentId ? Number(values.appointmentId) : null,
    invitationId: speech?.invitationId ?? null,
    audience: values.audience,
    targetMinutes: minutes ? Number(minutes.replace(',', '.')) : null,
    deadline: values.deadline || null,
    author: values.author,
    status: values.status,
    notes: values.notes,
  };
}

/** A signer as the addressing engine's person: "Dr. Petra Hovestadt" → degrees, given name, surname. */
export function signerToPerson(signer: Signer): Person {
  const words = signer.name.trim().split(/\s+/);
  const degrees: string[] = [];
  while (words.length > 1 && words[0]!.endsWith('.')) degrees.push(words.shift()!);
  const surname = words.pop() ?? signer.name;
  return {
    gender: signer.gender,
    degrees: degrees.length ? degrees.join(' ') : undefined,
    givenName: words.length ? words.join(' ') : undefined,
    surname,
    role: signer.deputy ? 'buergermeister' : 'oberbuergermeister',
  };
}

/** "Dr. Kemal Aydın" – how a greeted person is listed. */
const personName = (p: Person) => [p.degrees, p.givenName, p.nameAffix, p.surname].filter(Boolean).join(' ');

/** Record or edit a speech; propose the greeting of its guests. */
export function SpeechDialog({ speechId, onClose }: { speechId: number | null; onClose: () => void }) {
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const [id, setId] = useState(speechId);
  const [notice, setNotice] = useState<string | null>(null);
  const speech = useQuery({ queryKey: ['speeches.get', id], queryFn: () => api('speeches.get', { id: id! }), enabled: id !== null });
  const signers = useQuery({ queryKey: ['signers.list'], queryFn: () => api('signers.list', {}) });

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Rede">
        <DialogBody>
          <DialogTitle>{speech.data ? `Rede: ${speech.data.title}` : 'Neue Rede'}</DialogTitle>
          <DialogContent className={layout.content}>
            {(id !== null && !speech.data) || !signers.data ? (
              speech.error || signers.error ? (
                <ErrorMessage error={speech.error ?? signers.error} />
              ) : (
                <Spinner size="small" label="Die Rede wird geladen …" />
              )
            ) : (
              <SpeechForm
                key={id ?? 'new'}
                speech={speech.data ?? null}
                signers={signers.data}
                onSaved={async (saved) => {
                  queryClient.setQueryData(['speeches.get', saved.id], saved);
                  await queryClient.invalidateQueries({ queryKey: ['speeches.list'] });
                  setNotice(id === null ? `Rede Nr. ${saved.id} gespeichert.` : 'Rede gespeichert.');
                  setId(saved.id);
                }}
              />
            )}
            {notice && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{notice}</MessageBarBody>
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

function SpeechForm({ speech, signers, onSaved }: { speech: Speech | null; signers: Signer[]; onSaved: (speech: Speech) => Promise<void> }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const { control, handleSubmit, formState } = useForm<SpeechFormValues>({ defaultValues: formValuesOf(speech) });
  const speakerId = useWatch({ control, name: 'speakerId' });
  const today = berlinToday();
  const appointments = useQuery({
    queryKey: ['calendar.view', today, 'speeches'],
    queryFn: () => api('calendar.view', { from: today, to: addDays(today, 90) }),
  });
  const occasions = [...new Map((appointments.data?.occurrences ?? []).map((o) => [o.appointmentId, o])).values()].sort((a, b) => a.start.localeCompare(b.start));
  const current = speech?.appointmentId ?? null;
  const save = useMutation({
    mutationFn: (values: SpeechFormValues) => api('speeches.save', inputOf(values, speech)),
    onSuccess: onSaved,
  });
  const speaker = signers.find((s) => String(s.id) === speakerId) ?? null;

  return (
    <>
      <form className={layout.form} onSubmit={handleSubmit((values) => save.mutate(values))} aria-label="Angaben zur Rede" noValidate>
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
          <TextField control={control} name="deadline" label="Fällig am" type="date" />
          <TextField control={control} name="author" label="Verfasst von" />
          <SelectField control={control} name="status" label="Status">
            {Object.entries(SPEECH_STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        <TextareaField control={control} name="notes" label="Notizen" />
        <ErrorMessage error={save.error} title="Nicht gespeichert" />
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={save.isPending}>
            {save.isPending ? 'Wird gespeichert …' : 'Rede speichern'}
          </Button>
          {formState.isDirty && speech && <Text className={styles.muted}>Ungespeicherte Änderungen</Text>}
        </div>
      </form>
      <GreetingSection speaker={speaker} />
    </>
  );
}

interface Guest {
  id: number;
  displayName: string;
  person: Person;
}

/** Loads a contact and turns it into a person to greet; organisations cannot be greeted by name. */
async function guestOf(contactId: number): Promise<Guest> {
  const contact = await api('contacts.get', { id: contactId });
  if (contact.kind !== 'person') throw new Error('Begrüßt werden nur Personen, keine Organisationen.');
  return { id: contact.id, displayName: [contact.degrees, contact.givenName, contact.surname].filter(Boolean).join(' '), person: contactToPerson(contact, contact.organisationName) };
}

/** The greeting of the guests, in protocol order, proposed by `speeches.greeting`. */
function GreetingSection({ speaker }: { speaker: Signer | null }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const [guests, setGuests] = useState<Guest[]>([]);
  const [pickerKey, setPickerKey] = useState(0);
  const [speakerHosts, setSpeakerHosts] = useState(true);
  const [host, setHost] = useState<Guest | null>(null);
  const [greeting, setGreeting] = useState<Greeting | null>(null);
  const [order, setOrder] = useState<Person[]>([]);
  const [copied, setCopied] = useState(false);

  const addGuest = useMutation({
    mutationFn: guestOf,
    onSuccess: (guest) => {
      setGuests((list) => (list.some((g) => g.id === guest.id) ? list : [...list, guest]));
      setPickerKey((k) => k + 1);
    },
  });
  const pickHost = useMutation({ mutationFn: guestOf, onSuccess: setHost });
  const propose = useMutation({
    mutationFn: () => {
      if (!speaker) throw new Error('Bitte zuerst oben eine Rednerin bzw. einen Redner wählen.');
      if (!guests.length) throw new Error('Bitte mindestens einen Gast hinzufügen.');
      const me = signerToPerson(speaker);
      if (speakerHosts) return api('speeches.greeting', { host: me, guests: guests.map((g) => g.person) });
      if (!host) throw new Error('Bitte die Gastgeberin bzw. den Gastgeber wählen.');
      return api('speeches.greeting', { speaker: me, host: host.person, guests: guests.map((g) => g.person) });
    },
    onMutate: () => setCopied(false),
    onSuccess: (result) => {
      setGreeting(result);
      setOrder(result.order);
    },
  });
  const move = (index: number, by: -1 | 1) =>
    setOrder((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(greeting?.text ?? '');
      setCopied(true);
    } catch {
      // No clipboard (permissions, insecure context): the text can still be selected by hand.
    }
  };

  return (
    <section className={layout.form} aria-label="Begrüßung">
      <Subtitle2 as="h3" className={layout.section}>
        Begrüßung
      </Subtitle2>
      <ContactPicker key={pickerKey} label="Gast hinzufügen" required={false} value={null} onChange={(c) => c && addGuest.mutate(c.id)} />
      {guests.length ? (
        <ul className={styles.items} aria-label="Gäste">
          {guests.map((g) => (
            <li key={g.id} className={styles.item}>
              <Text>{g.displayName}</Text>
              <Button
                size="small"
                appearance="subtle"
                icon={<DismissRegular />}
                aria-label={`${g.displayName} entfernen`}
                onClick={() => setGuests((list) => list.filter((x) => x.id !== g.id))}
              />
            </li>
          ))}
        </ul>
      ) : (
        <Text className={styles.muted}>Noch keine Gäste.</Text>
      )}
      <ErrorMessage error={addGuest.error} title="Gast nicht hinzugefügt" />
      <Checkbox
        label="Die Rednerin bzw. der Redner ist Gastgeber/in"
        checked={speakerHosts}
        onChange={(_, data) => setSpeakerHosts(Boolean(data.checked))}
      />
      {!speakerHosts && (
        <>
          <ContactPicker label="Gastgeber/in" value={host} onChange={(c) => (c ? pickHost.mutate(c.id) : setHost(null))} />
          <ErrorMessage error={pickHost.error} title="Gastgeber/in nicht übernommen" />
        </>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => propose.mutate()} disabled={propose.isPending}>
          {propose.isPending ? 'Wird vorgeschlagen …' : 'Begrüßung vorschlagen'}
        </Button>
      </div>
      <ErrorMessage error={propose.error} title="Keine Begrüßung vorgeschlagen" />
      {greeting && (
        <>
          <Field label="Vorgeschlagene Begrüßung">
            <Textarea className={styles.text} readOnly value={greeting.text} resize="vertical" />
          </Field>
          <div className={styles.actions}>
            <Button icon={<CopyRegular />} onClick={() => void copy()}>
              Kopieren
            </Button>
            {copied && (
              <Text className={styles.muted} role="status">
                In die Zwischenablage kopiert.
              </Text>
            )}
          </div>
          <Text weight="semibold">Reihenfolge</Text>
          <ol className={styles.items} aria-label="Reihenfolge der Begrüßung">
            {order.map((p, index) => {
              const name = personName(p);
              return (
                <li key={`${name}-${index}`} className={styles.item}>
                  <Text>
                    {index + 1}. {name}
                  </Text>
                  <Button size="small" appearance="subtle" icon={<ArrowUpRegular />} aria-label={`${name} nach oben`} disabled={index === 0} onClick={() => move(index, -1)} />
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<ArrowDownRegular />}
                    aria-label={`${name} nach unten`}
                    disabled={index === order.length - 1}
                    onClick={() => move(index, 1)}
                  />
                </li>
              );
            })}
          </ol>
          <Text className={styles.muted}>Die Reihenfolge lässt sich anpassen; der Text folgt dem Vorschlag.</Text>
        </>
      )}
    </section>
  );
}
