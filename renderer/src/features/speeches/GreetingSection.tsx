import { useRef, useState, type Dispatch, type SetStateAction } from 'react';
import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, CopyRegular, DismissRegular, TextAddRegular } from '@fluentui/react-icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  contactToPerson,
  GREETING_CLOSING_LABELS,
  type GreetingGuest,
  type GreetingInput,
  type Person,
  type Signer,
  type SpeechGreeting,
  type SpeechGuest,
} from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormDialogStyles } from '../../components/layout-styles';
import { ContactPicker } from '../letters/ContactPicker';
import { personName, signerToPerson } from './speech-form-values';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  items: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'grid', gap: '2px' },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  text: { minHeight: '120px' },
});

type Closing = SpeechGreeting['closing'];

/** The greeting as the dialog edits it; `speakerHosts`: the speaker is the host (no separate host). */
export interface GreetingDraft {
  guests: SpeechGuest[];
  speakerHosts: boolean;
  host: SpeechGuest | null;
  closing: Closing;
  order: GreetingGuest[];
  text: string;
}

export function greetingDraftOf(greeting: SpeechGreeting | null): GreetingDraft {
  return {
    guests: greeting?.guests ?? [],
    speakerHosts: !greeting?.host,
    host: greeting?.host ?? null,
    closing: greeting?.closing ?? 'damen_herren',
    order: greeting?.order ?? [],
    text: greeting?.text ?? '',
  };
}

/** What is stored with the speech; null when there is nothing to store. */
export function greetingOf(draft: GreetingDraft): SpeechGreeting | null {
  const host = draft.speakerHosts ? null : draft.host;
  if (!draft.guests.length && !host && !draft.text && draft.closing === 'damen_herren') return null;
  return { guests: draft.guests, host, closing: draft.closing, order: draft.order, text: draft.text };
}

/** Loads a contact and turns it into a guest; organisations cannot be greeted by name. */
async function guestOf(contactId: number): Promise<SpeechGuest> {
  const contact = await api('contacts.get', { id: contactId });
  if (contact.kind !== 'person') throw new Error('Begrüßt werden nur Personen, keine Organisationen.');
  return {
    contactId: contact.id,
    name: [contact.degrees, contact.givenName, contact.surname].filter(Boolean).join(' '),
    person: contactToPerson(contact, contact.organisationName),
  };
}

/** Who a person is, for telling whether the greeting still covers the guest list. */
const who = (p: Person) => [p.givenName, p.nameAffix, p.surname, p.role].join('|');
/** Who, and whether marked as guest of honour: a changed mark changes the greeting. */
const identity = (p: GreetingGuest) => `${who(p)}|${p.guestOfHonour ? 'Ehrengast' : ''}`;

/** Without an office and not a guest of honour: greeted with „Damen und Herren“, not by name (DOMAIN.md B). */
const inClosingGroup = (p: GreetingGuest) => !p.role && !p.guestOfHonour;

/** Marks a guest as guest of honour, or takes the mark away. */
const withHonour = (guest: SpeechGuest, guestOfHonour: boolean): SpeechGuest => ({ ...guest, person: { ...guest.person, guestOfHonour } });

/** The guest list changed after the greeting was composed (a guest added or removed). */
function isStale(draft: GreetingDraft, speaker: Signer | null): boolean {
  if (!draft.text || !draft.order.length) return false;
  const greeted = new Set(draft.order.map(identity));
  const listed = new Set([...draft.guests.map((g) => identity(g.person)), ...(draft.host ? [identity(draft.host.person)] : [])]);
  const speakerId = speaker ? who(signerToPerson(speaker)) : null;
  return draft.guests.some((g) => who(g.person) !== speakerId && !greeted.has(identity(g.person))) || draft.order.some((p) => !listed.has(identity(p)));
}

/** Who speaks and who hosts, for `speeches.greeting`. */
function partiesOf(speaker: Signer | null, draft: GreetingDraft): Pick<GreetingInput, 'speaker' | 'host'> {
  if (!speaker) throw new Error('Bitte zuerst eine Rednerin bzw. einen Redner wählen.');
  const me = signerToPerson(speaker);
  if (draft.speakerHosts) return { host: me };
  if (!draft.host) throw new Error('Bitte die Gastgeberin bzw. den Gastgeber wählen.');
  return { speaker: me, host: draft.host.person };
}

/**
 * The greeting of the guests: proposed in protocol order by `speeches.greeting`, reordered by
 * hand (the text is rebuilt in that order), closed with the chosen last greeting, and inserted
 * into the speech as its first paragraph.
 */
export function GreetingSection({
  speaker,
  appointmentId,
  draft,
  setDraft,
  onInsert,
}: {
  speaker: Signer | null;
  /** The occasion: its guests of honour can be taken over as guests. */
  appointmentId: number | null;
  draft: GreetingDraft;
  setDraft: Dispatch<SetStateAction<GreetingDraft>>;
  onInsert: (text: string) => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const [pickerKey, setPickerKey] = useState(0);
  const [copied, setCopied] = useState(false);
  // Only the newest rebuild counts when the arrows are clicked quickly.
  const latest = useRef(0);

  const addGuest = useMutation({
    mutationFn: guestOf,
    onSuccess: (guest) => {
      setDraft((d) => (d.guests.some((g) => g.contactId === guest.contactId) ? d : { ...d, guests: [...d.guests, guest] }));
      setPickerKey((k) => k + 1);
    },
  });
  const appointment = useQuery({
    queryKey: ['calendar.appointments.get', appointmentId],
    queryFn: () => api('calendar.appointments.get', { id: appointmentId! }),
    enabled: appointmentId !== null,
  });
  const guestsOfHonour = (appointment.data?.people ?? []).filter((p) => p.role === 'guest');
  const takeGuestsOfHonour = useMutation({
    mutationFn: async () => {
      const found: SpeechGuest[] = [];
      const skipped: string[] = [];
      for (const person of guestsOfHonour) {
        try {
          found.push(await guestOf(person.contactId));
        } catch {
          skipped.push(person.name);
        }
      }
      return { found, skipped };
    },
    // The appointment's guests of honour come marked as such (already listed ones get the mark).
    onSuccess: ({ found }) =>
      setDraft((d) => ({
        ...d,
        guests: [
          ...d.guests.map((g) => (found.some((x) => x.contactId === g.contactId) ? withHonour(g, true) : g)),
          ...found.filter((g) => !d.guests.some((x) => x.contactId === g.contactId)).map((g) => withHonour(g, true)),
        ],
      })),
  });
  const pickHost = useMutation({ mutationFn: guestOf, onSuccess: (host) => setDraft((d) => ({ ...d, host })) });
  const propose = useMutation({
    mutationFn: () => {
      if (!draft.guests.length) throw new Error('Bitte mindestens einen Gast hinzufügen.');
      return api('speeches.greeting', { ...partiesOf(speaker, draft), guests: draft.guests.map((g) => g.person), closing: draft.closing });
    },
    onMutate: () => setCopied(false),
    onSuccess: (result) => setDraft((d) => ({ ...d, order: result.order, text: result.text })),
  });
  /** The text again for the order (and closing) chosen by hand: merged and phrased, not re-sorted. */
  const rebuild = useMutation({
    mutationFn: async ({ order, closing }: { order: GreetingGuest[]; closing: Closing }) => {
      const call = ++latest.current;
      const result = await api('speeches.greeting', { ...partiesOf(speaker, draft), guests: order, keepOrder: true, closing });
      return { call, result };
    },
    onMutate: () => setCopied(false),
    onSuccess: ({ call, result }) => {
      if (call === latest.current) setDraft((d) => ({ ...d, order: result.order, text: result.text }));
    },
  });

  const move = (index: number, by: -1 | 1) => {
    const order = [...draft.order];
    const [item] = order.splice(index, 1);
    order.splice(index + by, 0, item!);
    setDraft((d) => ({ ...d, order }));
    rebuild.mutate({ order, closing: draft.closing });
  };
  const changeClosing = (closing: Closing) => {
    setDraft((d) => ({ ...d, closing }));
    if (draft.text) rebuild.mutate({ order: draft.order, closing });
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(draft.text);
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
      {guestsOfHonour.length > 0 && (
        <div className={styles.actions}>
          <Button onClick={() => takeGuestsOfHonour.mutate()} disabled={takeGuestsOfHonour.isPending}>
            Ehrengäste des Termins übernehmen ({guestsOfHonour.length})
          </Button>
          {takeGuestsOfHonour.data && takeGuestsOfHonour.data.skipped.length > 0 && (
            <Text className={styles.muted} role="status">
              Nicht übernommen (keine Person): {takeGuestsOfHonour.data.skipped.join(', ')}
            </Text>
          )}
        </div>
      )}
      {draft.guests.length ? (
        <ul className={styles.items} aria-label="Gäste">
          {draft.guests.map((g, index) => (
            <li key={g.contactId ?? `${g.name}-${index}`} className={styles.item}>
              <Text>{g.name}</Text>
              <Checkbox
                label="Ehrengast"
                checked={Boolean(g.person.guestOfHonour)}
                onChange={(_, data) =>
                  setDraft((d) => ({ ...d, guests: d.guests.map((x, i) => (i === index ? withHonour(x, Boolean(data.checked)) : x)) }))
                }
              />
              <Button
                size="small"
                appearance="subtle"
                icon={<DismissRegular />}
                aria-label={`${g.name} entfernen`}
                onClick={() => setDraft((d) => ({ ...d, guests: d.guests.filter((_, i) => i !== index) }))}
              />
            </li>
          ))}
        </ul>
      ) : (
        <Text className={styles.muted}>Noch keine Gäste.</Text>
      )}
      <Text className={styles.muted}>
        Gäste ohne Amt werden nur als Ehrengast mit Namen begrüßt, nach den Amtsträgerinnen und Amtsträgern; sonst gelten sie als
        „Damen und Herren“.
      </Text>
      <ErrorMessage error={addGuest.error} title="Gast nicht hinzugefügt" />
      <Checkbox
        label="Die Rednerin bzw. der Redner ist Gastgeber/in"
        checked={draft.speakerHosts}
        onChange={(_, data) => setDraft((d) => ({ ...d, speakerHosts: Boolean(data.checked) }))}
      />
      {!draft.speakerHosts && (
        <>
          <ContactPicker
            label="Gastgeber/in"
            value={draft.host?.contactId ? { id: draft.host.contactId, displayName: draft.host.name } : null}
            onChange={(c) => (c ? pickHost.mutate(c.id) : setDraft((d) => ({ ...d, host: null })))}
          />
          <ErrorMessage error={pickHost.error} title="Gastgeber/in nicht übernommen" />
        </>
      )}
      <Field label="Zum Schluss">
        <RadioGroup value={draft.closing} onChange={(_, data) => changeClosing(data.value as Closing)}>
          {Object.entries(GREETING_CLOSING_LABELS).map(([value, label]) => (
            <Radio key={value} value={value} label={`„${label}“`} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => propose.mutate()} disabled={propose.isPending}>
          {propose.isPending ? 'Wird vorgeschlagen …' : 'Begrüßung vorschlagen'}
        </Button>
      </div>
      <ErrorMessage error={propose.error ?? rebuild.error} title="Keine Begrüßung vorgeschlagen" />
      {draft.text && (
        <>
          {isStale(draft, speaker) && (
            <MessageBar intent="info">
              <MessageBarBody>Die Gästeliste hat sich geändert. „Begrüßung vorschlagen“ nimmt alle Gäste auf.</MessageBarBody>
            </MessageBar>
          )}
          <Field label="Vorgeschlagene Begrüßung">
            <Textarea className={styles.text} readOnly value={draft.text} resize="vertical" />
          </Field>
          <div className={styles.actions}>
            <Button icon={<TextAddRegular />} onClick={() => onInsert(draft.text)} disabled={rebuild.isPending}>
              In die Rede einfügen
            </Button>
            <Button icon={<CopyRegular />} onClick={() => void copy()}>
              Kopieren
            </Button>
            {copied && (
              <Text className={styles.muted} role="status">
                In die Zwischenablage kopiert.
              </Text>
            )}
          </div>
          {draft.order.length > 0 && (
            <>
              <Text weight="semibold">Reihenfolge</Text>
              <ol className={styles.items} aria-label="Reihenfolge der Begrüßung">
                {draft.order.map((p, index) => {
                  const name = personName(p);
                  return (
                    <li key={`${name}-${index}`} className={styles.item}>
                      <Text>
                        {index + 1}. {name}
                        {inClosingGroup(p) && <span className={styles.muted}> – mit „Damen und Herren“ begrüßt</span>}
                      </Text>
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<ArrowUpRegular />}
                        aria-label={`${name} nach oben`}
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                      />
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<ArrowDownRegular />}
                        aria-label={`${name} nach unten`}
                        disabled={index === draft.order.length - 1}
                        onClick={() => move(index, 1)}
                      />
                    </li>
                  );
                })}
              </ol>
              <Text className={styles.muted}>
                {rebuild.isPending ? 'Die Begrüßung wird in dieser Reihenfolge neu formuliert …' : 'Mit den Pfeilen ändern Sie die Reihenfolge; der Text folgt ihr.'}
              </Text>
            </>
          )}
        </>
      )}
    </section>
  );
}
