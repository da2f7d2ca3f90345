import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EMPTY_SPEECH_BODY, type Signer, type SpeechBody, type SpeechDetail } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFocusOnceLoaded } from '../../components/dialog-focus';
import { useFormDialogStyles } from '../../components/layout-styles';
import { fetchFresh, useLoadedRecord } from '../../components/use-loaded-record';
import { useScrollIntoView } from '../../components/use-scroll-into-view';
import { bodyOf, useSpeechEditor } from './editor/SpeechEditor';
import { insertGreetingParagraph } from './editor/greeting-paragraph';
import { GreetingSection, greetingDraftOf, greetingOf } from './GreetingSection';
import { SpeechDetailsFields } from './SpeechDetailsFields';
import { formValuesOf, inputOf, minutesOf, placeholderValuesOf, type SpeechFormValues } from './speech-form-values';
import { SpeechTextSection } from './SpeechTextSection';
import { SpeechVersionsDialog } from './SpeechVersionsDialog';

/**
 * The speech dialog is wider than the other form dialogs: details and greeting on the left, the
 * text on the right (it stays in view while the left column scrolls); one column when narrow.
 */
const useStyles = makeStyles({
  surface: { width: '96vw', maxWidth: '1480px' },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalL,
    alignItems: 'start',
    '@media (min-width: 1100px)': { gridTemplateColumns: 'minmax(340px, 2fr) minmax(0, 3fr)', columnGap: tokens.spacingHorizontalXXL },
  },
  textColumn: {
    // The dialog's content area is the viewport less the dialog's margins, title and buttons.
    '@media (min-width: 1100px)': {
      position: 'sticky',
      top: 0,
      height: 'calc(100dvh - 150px)',
      minHeight: '420px',
      display: 'flex',
      flexDirection: 'column',
      '& > section': { flex: '1 1 0', minHeight: 0 },
      '& [data-speech-text] .ProseMirror': { minHeight: '100%', boxSizing: 'border-box' },
    },
    '@media (max-width: 1099px)': { '& [data-speech-text]': { maxHeight: '70vh' } },
  },
  // Long option texts (speaker, occasion) must not widen a select past its column.
  details: { '& .fui-Select, & select': { minWidth: 0 } },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

const UNSAVED = 'Die Rede hat ungespeicherte Änderungen. Ohne Speichern schließen?';

/** Record or edit a speech: details, greeting, text with versions, Word files. */
export function SpeechDialog({ speechId, onClose }: { speechId: number | null; onClose: () => void }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const [id, setId] = useState(speechId);
  const unsaved = useRef(false);
  const speech = useQuery({ queryKey: ['speeches.get', id], queryFn: () => api('speeches.get', { id: id! }), enabled: id !== null });
  const signers = useQuery({ queryKey: ['signers.list'], queryFn: () => api('signers.list', {}) });
  const close = () => {
    if (unsaved.current && !window.confirm(UNSAVED)) return;
    onClose();
  };
  const loading = (id !== null && !speech.data) || !signers.data;
  const surface = useFocusOnceLoaded<HTMLDivElement>(loading);

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && close()}>
      <DialogSurface ref={surface} className={styles.surface} aria-label="Rede">
        {loading ? (
          <DialogBody>
            <DialogTitle>{id === null ? 'Neue Rede' : 'Rede'}</DialogTitle>
            <DialogContent className={layout.content}>
              {speech.error || signers.error ? <ErrorMessage error={speech.error ?? signers.error} /> : <Spinner size="small" label="Die Rede wird geladen …" />}
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>Schließen</Button>
            </DialogActions>
          </DialogBody>
        ) : (
          <SpeechForm
            speech={speech.data ?? null}
            signers={signers.data!}
            onUnsavedChange={(dirty) => {
              unsaved.current = dirty;
            }}
            onClose={close}
            onSaved={async (saved) => {
              queryClient.setQueryData(['speeches.get', saved.id], saved);
              await queryClient.invalidateQueries({ queryKey: ['speeches.list'] });
              await queryClient.invalidateQueries({ queryKey: ['speeches.versions', saved.id] });
              setId(saved.id);
            }}
          />
        )}
      </DialogSurface>
    </Dialog>
  );
}

/** The editor's document as stored (ProseMirror's own normal form), to tell changed text from unchanged. */
const normalised = (editor: ReturnType<typeof useSpeechEditor>, body: SpeechBody) => JSON.stringify(editor.schema.nodeFromJSON(body).toJSON());

function SpeechForm({
  speech: latest,
  signers,
  onSaved,
  onUnsavedChange,
  onClose,
}: {
  speech: SpeechDetail | null;
  signers: Signer[];
  onSaved: (speech: SpeechDetail) => Promise<void>;
  onUnsavedChange: (dirty: boolean) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const { control, handleSubmit, formState, reset } = useForm<SpeechFormValues>({ defaultValues: formValuesOf(latest) });
  const values = useWatch({ control }) as SpeechFormValues;
  const speaker = signers.find((s) => String(s.id) === values.speakerId) ?? null;
  const appointmentId = values.appointmentId ? Number(values.appointmentId) : null;
  const appointment = useQuery({
    queryKey: ['calendar.appointments.get', appointmentId],
    queryFn: () => api('calendar.appointments.get', { id: appointmentId! }),
    enabled: appointmentId !== null,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const [showVersions, setShowVersions] = useState(false);

  // The text: dirty while it differs from the last saved (or restored) version.
  const editor = useSpeechEditor(latest?.body ?? EMPTY_SPEECH_BODY);
  const savedText = useRef<string | null>(null);
  savedText.current ??= JSON.stringify(bodyOf(editor));
  const [textDirty, setTextDirty] = useState(false);
  const checkText = useCallback(() => setTextDirty(JSON.stringify(bodyOf(editor)) !== savedText.current), [editor]);
  useEffect(() => {
    editor.on('update', checkText);
    return () => void editor.off('update', checkText);
  }, [editor, checkText]);
  const setSavedText = (text: string) => {
    savedText.current = text;
    checkText();
  };

  // The greeting, stored with the speech; `inserted`: greeting texts put into the speech so far.
  const [greeting, setGreeting] = useState(() => greetingDraftOf(latest?.greeting ?? null));
  const [savedGreeting, setSavedGreeting] = useState(() => JSON.stringify(greetingOf(greeting)));
  const greetingDirty = JSON.stringify(greetingOf(greeting)) !== savedGreeting;
  const inserted = useRef<string[]>(latest?.greeting?.text ? [latest.greeting.text] : []);
  const insertGreeting = (text: string) => {
    insertGreetingParagraph(editor, text, inserted.current);
    inserted.current = [...inserted.current, text];
  };

  const dirty = textDirty || greetingDirty || formState.isDirty;
  /** What this form's own save or restore stored: the loaded speech from then on, even before the dialog's query has it (a new speech has none yet). */
  const [ownStored, setOwnStored] = useState<SpeechDetail | null>(null);
  const newest = ownStored && (!latest || (latest.id === ownStored.id && latest.revision < ownStored.revision)) ? ownStored : latest;
  // The speech as loaded: its revision goes back with the save and the restore; another PC's change replaces it only while nothing is unsaved.
  const [speech, take] = useLoadedRecord(newest, dirty);
  /** The revision this form's own save or restore produced: the form already shows it. */
  const own = useRef<number | null>(latest?.revision ?? null);
  /** Details, greeting and text as `fresh` has them stored (the user's input is replaced). */
  const fill = (fresh: SpeechDetail) => {
    reset(formValuesOf(fresh));
    editor.commands.setContent(fresh.body);
    const draft = greetingDraftOf(fresh.greeting ?? null);
    setGreeting(draft);
    setSavedGreeting(JSON.stringify(greetingOf(draft)));
    inserted.current = fresh.greeting?.text ? [fresh.greeting.text] : [];
    setSavedText(JSON.stringify(bodyOf(editor)));
  };
  useEffect(() => {
    if (speech && !dirty && speech.revision !== own.current) {
      own.current = speech.revision;
      fill(speech);
    }
    // Only a newly taken speech fills the form again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [speech]);
  useEffect(() => {
    onUnsavedChange(dirty);
  }, [dirty, onUnsavedChange]);
  // „Fassung 2 gespeichert“ no longer describes a changed form.
  useEffect(() => {
    if (dirty) setNotice(null);
  }, [dirty]);

  const save = useMutation({
    mutationFn: async (form: SpeechFormValues) => {
      const body = bodyOf(editor);
      const text = JSON.stringify(body);
      const greetingToSave = greetingOf(greeting);
      const saved = await api('speeches.save', { ...inputOf(form, speech), greeting: greetingToSave, body: text !== savedText.current ? body : undefined });
      own.current = saved.revision;
      return { saved, form, text, greeting: JSON.stringify(greetingToSave), newVersion: saved.version !== null && saved.version !== speech?.version };
    },
    onMutate: () => setNotice(null),
    onSuccess: async ({ saved, form, text, greeting: storedGreeting, newVersion }) => {
      setSavedText(text);
      setSavedGreeting(storedGreeting);
      reset(form);
      const what = speech === null ? `Rede Nr. ${saved.id}` : 'Rede';
      setNotice(newVersion ? `${speech === null ? `Rede Nr. ${saved.id} angelegt, ` : ''}Fassung ${saved.version} gespeichert.` : `${what} gespeichert.`);
      setOwnStored(saved);
      await onSaved(saved);
    },
  });

  /** „Neu laden“ after STALE: the speech as it is stored now replaces the user's input. */
  const reload = async () => {
    if (!speech) return;
    const fresh = await fetchFresh(queryClient, 'speeches.get', speech.id);
    save.reset();
    setShowVersions(false);
    setNotice(null);
    own.current = fresh.revision;
    fill(fresh);
    take(fresh);
  };
  const errorRef = useScrollIntoView<HTMLDivElement>(save.error);

  const restored = (restoredSpeech: SpeechDetail) => {
    setShowVersions(false);
    own.current = restoredSpeech.revision;
    setOwnStored(restoredSpeech);
    // With unsaved input the newer copy is not taken by itself; the restore is this form's own.
    if (dirty) take(restoredSpeech);
    const show = !textDirty || window.confirm('Den wiederhergestellten Text anzeigen? Ihre ungespeicherten Änderungen am Text gehen dabei verloren.');
    setSavedText(normalised(editor, restoredSpeech.body));
    if (show) editor.commands.setContent(restoredSpeech.body);
    setNotice(`Text wiederhergestellt, jetzt Fassung ${restoredSpeech.version}.`);
  };

  return (
    <DialogBody>
      <DialogTitle>{speech ? `Rede: ${speech.title}` : 'Neue Rede'}</DialogTitle>
      <DialogContent className={layout.content}>
        <div ref={errorRef}>
          <ErrorMessage error={save.error} title="Nicht gespeichert" onReload={() => void reload()} />
        </div>
        <div className={styles.columns}>
          <div className={mergeClasses(layout.form, styles.details)}>
            <form
              id="speech-form"
              className={layout.form}
              onSubmit={handleSubmit((form) => save.mutate(form))}
              aria-label="Angaben zur Rede"
              noValidate
            >
              <Subtitle2 as="h3" className={layout.section}>
                Angaben
              </Subtitle2>
              <SpeechDetailsFields control={control} signers={signers} currentAppointmentId={speech?.appointmentId ?? null} speechId={speech?.id ?? null} />
            </form>
            <GreetingSection speaker={speaker} appointmentId={appointmentId} draft={greeting} setDraft={setGreeting} onInsert={insertGreeting} />
          </div>
          <div className={styles.textColumn}>
            <SpeechTextSection
              editor={editor}
              speech={speech}
              textDirty={textDirty}
              targetMinutes={minutesOf(values.targetMinutes ?? '')}
              placeholderValues={placeholderValuesOf(values, speaker, appointment.data ?? null)}
              onShowVersions={() => setShowVersions(true)}
            />
          </div>
        </div>
        {showVersions && speech && <SpeechVersionsDialog speech={speech} onClose={() => setShowVersions(false)} onRestored={restored} onReload={() => void reload()} />}
      </DialogContent>
      <DialogActions fluid className={styles.footer}>
        {notice && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {dirty && speech && <Text className={styles.muted}>Ungespeicherte Änderungen</Text>}
        <div className={styles.grow} />
        <Button appearance="primary" type="submit" form="speech-form" disabled={save.isPending}>
          {save.isPending ? 'Wird gespeichert …' : 'Rede speichern'}
        </Button>
        <Button onClick={onClose}>Schließen</Button>
      </DialogActions>
    </DialogBody>
  );
}
