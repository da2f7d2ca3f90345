import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TEMPLATE_KIND_LABELS, type ContactSummary, type LetterDraft, type Letter } from '../../../../core/api';
import { api } from '../../api/client';
import { DateInput } from '../../components/DateInputs';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DocxPreview } from '../../components/DocxPreview';
import { ContactPicker } from './ContactPicker';
import { fieldsOf, type OccasionField } from './occasion-fields';
import { OccasionInputs } from './OccasionInputs';
import { openLetter, openLetterLabel } from './open-letter';
import { useTemplateTexts } from './use-template-texts';

const useStyles = makeStyles({
  // minWidth 0: long content (a message, the preview's page) never widens its column over the other.
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(420px, 1fr) minmax(420px, 1.2fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
  form: { display: 'grid', gap: tokens.spacingVerticalM, '& > *': { minWidth: 0 } },
  previewStatus: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '24px' },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', gap: tokens.spacingHorizontalM, '& > *': { minWidth: 0 } },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  blocks: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  body: { minHeight: '220px' },
});

const today = () => new Date().toLocaleDateString('en-CA');

/** How long the form must rest before the preview follows it. */
const PREVIEW_DELAY_MS = 600;

/** The contact a letter goes to (its id and name are enough to show it). */
export type LetterContact = Pick<ContactSummary, 'id' | 'displayName'>;

/** `value`, once it has not changed for `delay` ms. */
function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/**
 * Compose one letter: recipient, template, signer, occasion, text; the preview follows the form
 * as it is typed; save to the register. `initialContact`: a letter started from a contact.
 */
export function LetterComposer({
  onShowRegister,
  initialTemplateId,
  initialContact,
}: {
  onShowRegister: () => void;
  initialTemplateId?: string;
  initialContact?: LetterContact;
}) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const templates = useQuery({ queryKey: ['templates.list'], queryFn: () => api('templates.list', {}) });
  const signers = useQuery({ queryKey: ['signers.list'], queryFn: () => api('signers.list', {}) });
  const office = useQuery({ queryKey: ['settings.office.get'], queryFn: () => api('settings.office.get', {}) });
  const blocks = useQuery({ queryKey: ['textBlocks.list'], queryFn: () => api('textBlocks.list', {}) });

  const [templateId, setTemplateId] = useState(initialTemplateId ?? 'geburtstag');
  const [mode, setMode] = useState<'contact' | 'free'>('contact');
  const [contact, setContact] = useState<LetterContact | null>(initialContact ?? null);
  const [includePartner, setIncludePartner] = useState(false);
  const [free, setFree] = useState({ name: '', lines: '', salutation: 'Sehr geehrte Damen und Herren' });
  const [signerId, setSignerId] = useState<number | null>(null);
  const [date, setDate] = useState(today());
  const [occasion, setOccasion] = useState<Partial<Record<OccasionField, string>>>({});
  const [contactPerson, setContactPerson] = useState(0);
  const [blockId, setBlockId] = useState('');
  const [preview, setPreview] = useState<string | null>(null);
  const [saved, setSaved] = useState<Letter | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const template = templates.data?.find((t) => t.id === templateId);
  const { subject, setSubject, body, setBody } = useTemplateTexts(template, () => setPreview(null));
  useEffect(() => {
    if (signerId === null && signers.data?.length) setSignerId(signers.data.find((s) => s.active)?.id ?? null);
  }, [signers.data, signerId]);

  const draft = useMemo((): LetterDraft | null => {
    if (!template || !signerId) return null;
    const recipient =
      mode === 'contact'
        ? contact && { type: 'contact' as const, contactId: contact.id, includePartner }
        : { type: 'free' as const, name: free.name, lines: free.lines.split('\n'), salutation: free.salutation };
    if (!recipient) return null;
    return { templateId, recipient, signerId, date, fields: fieldsOf(occasion, contactPerson), subject, body };
  }, [template, signerId, mode, contact, includePartner, free, templateId, date, occasion, contactPerson, subject, body]);

  // The preview follows the form: once it rests, the letter is prepared and rendered again.
  const settledDraft = useDebounced(draft, PREVIEW_DELAY_MS);
  const check = useQuery({
    queryKey: ['letters.preview', settledDraft],
    queryFn: async () => {
      const d = settledDraft!;
      const [prepared, file] = await Promise.all([api('letters.prepare', d), api('letters.preview', d)]);
      return { warnings: prepared.warnings, file };
    },
    enabled: settledDraft !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
    gcTime: 60_000,
  });
  useEffect(() => {
    if (check.data && !check.isPlaceholderData) setPreview(check.data.file.contentBase64);
  }, [check.data, check.isPlaceholderData]);
  const updating = draft !== settledDraft || check.isFetching;
  const save = useMutation({
    mutationFn: (d: LetterDraft) => api('letters.create', d),
    onSuccess: async (letter) => {
      setSaved(letter);
      await queryClient.invalidateQueries({ queryKey: ['letters.list'] });
    },
  });
  const open = useMutation({ mutationFn: openLetter });

  const insertBlock = () => {
    const block = blocks.data?.find((b) => String(b.id) === blockId);
    if (!block) return;
    const at = bodyRef.current?.selectionStart ?? body.length;
    const before = body.slice(0, at);
    const separator = before && !before.endsWith('\n\n') ? '\n\n' : '';
    setBody(`${before}${separator}${block.text}${body.slice(at)}`);
  };

  const missing = !signers.data?.length
    ? 'Es sind noch keine unterzeichnenden Personen eingerichtet (Einstellungen).'
    : mode === 'contact' && !contact
      ? 'Bitte einen Empfänger wählen.'
      : null;

  return (
    <div className={styles.layout}>
      <div className={styles.form}>
        <div className={styles.row}>
          <Field label="Vorlage" required>
            <Select value={templateId} onChange={(_, d) => setTemplateId(d.value)}>
              {templates.data?.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Unterzeichnet von" required>
            <Select value={signerId ?? ''} onChange={(_, d) => setSignerId(d.value ? Number(d.value) : null)}>
              {signers.data?.filter((s) => s.active).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}, {s.office}
                  {s.deputy ? ' (in Vertretung)' : ''}
                </option>
              ))}
            </Select>
          </Field>
          <DateInput label="Datum des Briefes" value={date} onChange={setDate} />
        </div>
        {template && (
          <MessageBar intent={template.problems.length ? 'warning' : 'info'}>
            <MessageBarBody>
              {TEMPLATE_KIND_LABELS[template.kind]} · {template.source === 'user' ? 'eigene Fassung' : 'mitgelieferte Vorlage'}
              {template.problems.length > 0 && ` · ${template.problems.join(' ')}`}
            </MessageBarBody>
          </MessageBar>
        )}

        <Field label="Empfänger">
          <RadioGroup layout="horizontal" value={mode} onChange={(_, d) => setMode(d.value as 'contact' | 'free')}>
            <Radio value="contact" label="aus den Kontakten" />
            <Radio value="free" label="freie Anschrift" />
          </RadioGroup>
        </Field>
        {mode === 'contact' ? (
          <>
            <ContactPicker label="Kontakt" value={contact} onChange={setContact} />
            <Checkbox
              checked={includePartner}
              onChange={(_, d) => setIncludePartner(Boolean(d.checked))}
              label="an das Paar richten (mit Ehe-/Lebenspartner/in)"
            />
          </>
        ) : (
          <>
            <Field label="Name (für den Postausgang)" required>
              <Input value={free.name} onChange={(_, d) => setFree({ ...free, name: d.value })} />
            </Field>
            <Field label="Anschrift (eine Zeile je Zeile)" required>
              <Textarea value={free.lines} onChange={(_, d) => setFree({ ...free, lines: d.value })} rows={5} />
            </Field>
            <Field label="Briefanrede" required>
              <Input value={free.salutation} onChange={(_, d) => setFree({ ...free, salutation: d.value })} />
            </Field>
          </>
        )}

        <OccasionInputs subject={subject} body={body} values={occasion} onChange={setOccasion} />
        <Field label="Ansprechpartner/in im Amt">
          <Select value={String(contactPerson)} onChange={(_, d) => setContactPerson(Number(d.value))}>
            {(office.data?.contactPersons.length ? office.data.contactPersons : [{ name: '– keine eingerichtet –' }]).map((p, i) => (
              <option key={i} value={i}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>

        <Field label="Betreff" hint="Platzhalter wie {{alter}} werden beim Erstellen gefüllt.">
          <Input value={subject} onChange={(_, d) => setSubject(d.value)} />
        </Field>
        <Field label="Brieftext" hint="Absätze durch eine Leerzeile trennen. Anrede und Grußformel setzt die Vorlage.">
          <Textarea ref={bodyRef} className={styles.body} value={body} onChange={(_, d) => setBody(d.value)} resize="vertical" rows={12} />
        </Field>
        <div className={styles.blocks}>
          <Field label="Textbaustein" style={{ flexGrow: 1 }}>
            <Select value={blockId} onChange={(_, d) => setBlockId(d.value)}>
              <option value="">– wählen –</option>
              {blocks.data?.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.category ? `${b.category}: ` : ''}
                  {b.title}
                </option>
              ))}
            </Select>
          </Field>
          <Button onClick={insertBlock} disabled={!blockId}>
            An der Schreibmarke einfügen
          </Button>
        </div>

        {missing && <Text2>{missing}</Text2>}
        {check.data && !check.isPlaceholderData && check.data.warnings.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Bitte prüfen</MessageBarTitle>
              {check.data.warnings.join(' ')}
            </MessageBarBody>
          </MessageBar>
        )}
        <ErrorMessage error={save.error} title="Der Brief wurde nicht gespeichert" />
        <div className={styles.actions}>
          <Button appearance="primary" disabled={!draft || save.isPending} onClick={() => draft && save.mutate(draft)}>
            Brief erstellen und speichern
          </Button>
        </div>
        {saved && (
          <MessageBar intent="success" role="status" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Brief Nr. {saved.id} gespeichert</MessageBarTitle>
              „{saved.subject}“ an {saved.recipientName} – Status: Entwurf.
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => open.mutate(saved.id)}>{openLetterLabel()}</Button>
              <Button onClick={onShowRegister}>Zum Postausgang</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <ErrorMessage error={open.error} title="Die Datei lässt sich nicht öffnen" />
      </div>
      <div>
        <div className={styles.previewStatus} role="status" aria-live="polite">
          {draft && updating ? (
            <Spinner size="extra-tiny" label="Vorschau wird aktualisiert …" />
          ) : check.error ? null : (
            <Text2>{preview ? 'Vorschau – so sieht der Brief aus.' : 'Die Vorschau erscheint, sobald Vorlage, Empfänger und unterzeichnende Person gewählt sind.'}</Text2>
          )}
        </div>
        {/* A letter that cannot be made (an address too long for the field, missing data): said instead of an outdated preview. */}
        {check.error && !check.isFetching && draft === settledDraft ? (
          <ErrorMessage error={check.error} title="Keine Vorschau möglich" />
        ) : (
          preview && <DocxPreview contentBase64={preview} />
        )}
      </div>
    </div>
  );
}

function Text2({ children }: { children: React.ReactNode }) {
  return <p style={{ margin: 0, color: tokens.colorNeutralForeground3 }}>{children}</p>;
}
