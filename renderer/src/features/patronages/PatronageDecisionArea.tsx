import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LETTER_STATUS_LABELS, PATRONAGE_DECISION_LABELS, type Letter, type Output, type Patronage } from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api, isDesktop } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { downloadBase64 } from '../../components/files';
import { germanDate } from '../../components/format';
import { TextareaField } from '../../components/form-fields';
import { useScrollIntoView } from '../../components/use-scroll-into-view';
import { criteriaSummary } from './criteria';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

type Decided = Output<'patronages.decide'>;

/** Opens a letter in Word (desktop) or downloads it (browser). */
async function openLetter(letterId: number): Promise<void> {
  if (isDesktop() && (await api('letters.open', { id: letterId })).opened) return;
  const file = await api('letters.file', { id: letterId });
  downloadBase64(file.fileName, file.contentBase64);
}

/**
 * Decide: take the patronage on or decline it, with the reasons (an exception from the criteria
 * needs them); then create the reply letter from the draft and link it to the request.
 */
export function PatronageDecisionArea({
  patronage,
  unsaved,
  onChanged,
}: {
  patronage: Patronage;
  unsaved: boolean;
  onChanged: (patronage: Patronage) => Promise<void>;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const { control, handleSubmit } = useForm<{ reasons: string }>({ defaultValues: { reasons: patronage.reasons } });
  const [result, setResult] = useState<Decided | null>(null);
  const [created, setCreated] = useState<Letter | null>(null);
  const { notMet, unchecked } = criteriaSummary(patronage.criteria);

  const decide = useMutation({
    mutationFn: ({ decision, reasons }: { decision: 'uebernommen' | 'abgelehnt'; reasons: string }) => api('patronages.decide', { id: patronage.id, decision, reasons }),
    onMutate: () => {
      setResult(null);
      setCreated(null);
    },
    onSuccess: async (decided) => {
      setResult(decided);
      await onChanged(decided.patronage);
    },
  });
  const reply = useMutation({
    mutationFn: async (draft: NonNullable<Decided['reply']>) => {
      const letter = await api('letters.create', draft);
      const linked = await api('patronages.linkReply', { id: patronage.id, letterId: letter.id });
      return { letter, linked };
    },
    onSuccess: async ({ letter, linked }) => {
      setCreated(letter);
      await onChanged(linked);
      await queryClient.invalidateQueries({ queryKey: ['letters.list'] });
    },
  });
  const download = useMutation({ mutationFn: openLetter });
  const linkedLetter = useQuery({
    queryKey: ['letters.get', patronage.replyLetterId],
    queryFn: () => api('letters.get', { id: patronage.replyLetterId! }),
    enabled: patronage.replyLetterId !== null && !created,
  });
  const outcome = useScrollIntoView<HTMLDivElement>(created ?? result ?? decide.error ?? reply.error ?? download.error);
  const submit = (decision: 'uebernommen' | 'abgelehnt') => handleSubmit(({ reasons }) => decide.mutate({ decision, reasons }));

  return (
    <form className={layout.form} onSubmit={(e) => e.preventDefault()} aria-label="Entscheidung">
      <Subtitle2 as="h3" className={layout.section}>
        Entscheidung
      </Subtitle2>
      {patronage.decision !== 'offen' && (
        <Text>
          Bisher: <strong>{PATRONAGE_DECISION_LABELS[patronage.decision]}</strong>
          {patronage.decidedOn ? `, entschieden am ${germanDate(patronage.decidedOn)}` : ''}.
        </Text>
      )}
      {patronage.criteriaMet ? (
        <Text>Alle Kriterien sind erfüllt.</Text>
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Nicht alle Kriterien sind erfüllt</MessageBarTitle>
            {[notMet.length ? `Nicht erfüllt: ${notMet.join(', ')}.` : '', unchecked.length ? `Nicht geprüft: ${unchecked.join(', ')}.` : ''].filter(Boolean).join(' ')}{' '}
            Übernehmen lässt sich die Schirmherrschaft dann nur als begründete Ausnahme.
          </MessageBarBody>
        </MessageBar>
      )}
      <TextareaField control={control} name="reasons" label="Begründung" />
      {unsaved && (
        <MessageBar intent="warning">
          <MessageBarBody>Oben gibt es ungespeicherte Änderungen; entschieden wird über die gespeicherte Fassung.</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={decide.error} title="Nicht entschieden" />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={submit('uebernommen')} disabled={decide.isPending}>
          Übernehmen
        </Button>
        <Button onClick={submit('abgelehnt')} disabled={decide.isPending}>
          Ablehnen
        </Button>
        {decide.isPending && <Text>Wird entschieden …</Text>}
      </div>

      <div ref={outcome} className={layout.form}>
        {result && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>
              <MessageBarTitle>Entschieden: {PATRONAGE_DECISION_LABELS[result.patronage.decision]}</MessageBarTitle>
              {result.reply ? 'Das Antwortschreiben ist vorbereitet.' : ''}
            </MessageBarBody>
          </MessageBar>
        )}
        {result && !result.reply && (
          <MessageBar layout="multiline" intent="info">
            <MessageBarBody>
              <MessageBarTitle>Kein Antwortschreiben vorbereitet</MessageBarTitle>
              Dafür muss die anfragende Organisation als Kontakt erfasst sein: Wählen Sie oben „aus den Kontakten“ einen Kontakt (oder legen Sie ihn unter
              Kontakte an), speichern Sie die Anfrage und entscheiden Sie erneut.
            </MessageBarBody>
          </MessageBar>
        )}
        {result?.reply && !created && (
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => reply.mutate(result.reply!)} disabled={reply.isPending}>
              {reply.isPending ? 'Wird erstellt …' : 'Antwortschreiben erstellen'}
            </Button>
          </div>
        )}
        <ErrorMessage error={reply.error} title="Das Antwortschreiben wurde nicht erstellt" />
        {created && (
          <MessageBar layout="multiline" intent="success" role="status">
            <MessageBarBody>
              <MessageBarTitle>Antwortschreiben Nr. {created.id} gespeichert und verknüpft</MessageBarTitle>An {created.recipientName}, unterzeichnet von{' '}
              {created.signerName}. Betreff: {created.subject}. Status: Entwurf (im Postausgang).
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => download.mutate(created.id)}>{isDesktop() ? 'In Word öffnen' : 'Herunterladen'}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {!created && linkedLetter.data && (
          <MessageBar layout="multiline" intent="info" role="status">
            <MessageBarBody>
              <MessageBarTitle>Antwortschreiben Nr. {linkedLetter.data.id}</MessageBarTitle>An {linkedLetter.data.recipientName} vom{' '}
              {germanDate(linkedLetter.data.letterDate)}, unterzeichnet von {linkedLetter.data.signerName}. Betreff: {linkedLetter.data.subject}. Status:{' '}
              {LETTER_STATUS_LABELS[linkedLetter.data.status]}.
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => download.mutate(linkedLetter.data.id)}>{isDesktop() ? 'In Word öffnen' : 'Herunterladen'}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <ErrorMessage error={download.error} title="Die Datei lässt sich nicht öffnen" />
      </div>
    </form>
  );
}
