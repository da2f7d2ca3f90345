import type { ReactNode } from 'react';
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LETTER_STATUS_LABELS, type Letter, type LetterDraft } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { germanDate } from '../../components/format';
import { openLetter, openLetterLabel } from './open-letter';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

/**
 * Makes a step's letter draft (the reply to an invitation or a patronage request, an
 * acknowledgement by post) a letter in the Postausgang and, where the record keeps its reply,
 * links it back (`link`, before the letter counts as made). `letter` is the one made last;
 * `reset` forgets it, e.g. when a new decision brings a new draft.
 */
export function useReplyLetter(link?: (letter: Letter) => Promise<void>) {
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: async (draft: LetterDraft) => {
      const letter = await api('letters.create', draft);
      await link?.(letter);
      return letter;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['letters.list'] }),
  });
  return { create, letter: create.data ?? null, linked: link !== undefined, reset: create.reset };
}

export type ReplyLetterState = ReturnType<typeof useReplyLetter>;

/**
 * The reply to a decision: „Antwortschreiben erstellen“ while there is a draft and no letter made
 * from it, then that letter („Antwortschreiben Nr. N gespeichert“) to open; until then the reply
 * linked before, if any.
 */
export function ReplyLetter({ reply, draft, linkedLetterId = null }: { reply: ReplyLetterState; draft: LetterDraft | null; linkedLetterId?: number | null }) {
  const styles = useStyles();
  const { create, letter } = reply;
  return (
    <>
      {draft && !letter && (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => create.mutate(draft)} disabled={create.isPending}>
            {create.isPending ? 'Wird erstellt …' : 'Antwortschreiben erstellen'}
          </Button>
        </div>
      )}
      <ErrorMessage error={create.error} title="Das Antwortschreiben wurde nicht erstellt" />
      {letter && <CreatedLetter letter={letter} title={`Antwortschreiben Nr. ${letter.id} gespeichert${reply.linked ? ' und verknüpft' : ''}`} />}
      {!letter && !create.isPending && linkedLetterId !== null && <LinkedLetter letterId={linkedLetterId} />}
    </>
  );
}

/** A letter just made from a draft: to whom, signed by whom, about what; a draft in the Postausgang. */
export function CreatedLetter({ letter, title }: { letter: Letter; title: string }) {
  return (
    <LetterMessage letterId={letter.id} intent="success" title={title}>
      An {letter.recipientName}, unterzeichnet von {letter.signerName}. Betreff: {letter.subject}. Status: Entwurf (im Postausgang).
    </LetterMessage>
  );
}

/** The reply letter a record is linked to, as it stands now (date, status). */
export function LinkedLetter({ letterId }: { letterId: number }) {
  const linked = useQuery({ queryKey: ['letters.get', letterId], queryFn: () => api('letters.get', { id: letterId }) });
  const letter = linked.data;
  if (!letter) return null;
  return (
    <LetterMessage letterId={letter.id} intent="info" title={`Antwortschreiben Nr. ${letter.id}`}>
      An {letter.recipientName} vom {germanDate(letter.letterDate)}, unterzeichnet von {letter.signerName}. Betreff: {letter.subject}. Status:{' '}
      {LETTER_STATUS_LABELS[letter.status]}.
    </LetterMessage>
  );
}

/** A message about one letter with „In Word öffnen“ (desktop) or „Herunterladen“ (browser). */
function LetterMessage({ letterId, intent, title, children }: { letterId: number; intent: 'success' | 'info'; title: string; children: ReactNode }) {
  const open = useMutation({ mutationFn: openLetter });
  return (
    <>
      <MessageBar layout="multiline" intent={intent} role="status">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {children}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => open.mutate(letterId)}>{openLetterLabel()}</Button>
        </MessageBarActions>
      </MessageBar>
      <ErrorMessage error={open.error} title="Die Datei lässt sich nicht öffnen" />
    </>
  );
}
