import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { PATRONAGE_DECISION_LABELS, type Output, type Patronage } from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { germanDate } from '../../components/format';
import { TextareaField } from '../../components/form-fields';
import { useScrollIntoView } from '../../components/use-scroll-into-view';
import { ReplyLetter, useReplyLetter } from '../letters/ReplyLetter';
import { criteriaSummary } from './criteria';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

type Decided = Output<'patronages.decide'>;

/**
 * Decide: take the patronage on or decline it, with the reasons (an exception from the criteria
 * needs them); then create the reply letter from the draft and link it to the request.
 */
export function PatronageDecisionArea({
  patronage,
  unsaved,
  onChanged,
  onReload,
}: {
  patronage: Patronage;
  unsaved: boolean;
  onChanged: (patronage: Patronage) => Promise<void>;
  /** „Neu laden“ after a decision refused as STALE. */
  onReload: () => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const { control, handleSubmit } = useForm<{ reasons: string }>({ defaultValues: { reasons: patronage.reasons } });
  const [result, setResult] = useState<Decided | null>(null);
  const reply = useReplyLetter(async (letter) => onChanged(await api('patronages.linkReply', { id: patronage.id, revision: patronage.revision, letterId: letter.id })));
  const { notMet, unchecked } = criteriaSummary(patronage.criteria);

  const decide = useMutation({
    mutationFn: ({ decision, reasons }: { decision: 'uebernommen' | 'abgelehnt'; reasons: string }) => api('patronages.decide', { id: patronage.id, revision: patronage.revision, decision, reasons }),
    onMutate: () => {
      setResult(null);
      reply.reset();
    },
    onSuccess: async (decided) => {
      setResult(decided);
      await onChanged(decided.patronage);
    },
  });
  const outcome = useScrollIntoView<HTMLDivElement>(reply.letter ?? result ?? decide.error ?? reply.create.error);
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
      <ErrorMessage error={decide.error} title="Nicht entschieden" onReload={onReload} />
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
        <ReplyLetter reply={reply} draft={result?.reply ?? null} linkedLetterId={patronage.replyLetterId} />
      </div>
    </form>
  );
}
