import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PressEnquiry } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormDialogStyles } from '../../components/layout-styles';
import { berlinNow } from '../calendar/wall-clock';
import { ContactPicker } from '../letters/ContactPicker';
import { instantText, joinDateTime } from './press-format';
import { DateInput, TimeInput } from '../../components/DateInputs';

const useStyles = makeStyles({
  times: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** Record a press enquiry (who asks, topic, question, deadline) and its answer. */
export function EnquiryDialog({ enquiry, onClose }: { enquiry: PressEnquiry | null; onClose: () => void }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const now = berlinNow();
  // The enquiry as loaded: its revision goes back with the save and the answer (the dialog keeps its input until then).
  const [current, setCurrent] = useState(enquiry);
  const [contact, setContact] = useState<{ id: number; displayName: string } | null>(
    enquiry?.contactId ? { id: enquiry.contactId, displayName: enquiry.journalist || enquiry.outlet } : null,
  );
  const [outlet, setOutlet] = useState(enquiry?.outlet ?? '');
  const [journalist, setJournalist] = useState(enquiry?.journalist ?? '');
  const [receivedDate, setReceivedDate] = useState((enquiry?.receivedAt ?? now).slice(0, 10));
  const [receivedTime, setReceivedTime] = useState((enquiry?.receivedAt ?? now).slice(11, 16));
  const [topic, setTopic] = useState(enquiry?.topic ?? '');
  const [question, setQuestion] = useState(enquiry?.question ?? '');
  const [deadlineDate, setDeadlineDate] = useState(enquiry?.deadline?.slice(0, 10) ?? '');
  const [deadlineTime, setDeadlineTime] = useState(enquiry?.deadline?.slice(11, 16) ?? '');
  const [answer, setAnswer] = useState(enquiry?.answer ?? '');
  const [notice, setNotice] = useState<string | null>(null);

  const stored = async (saved: PressEnquiry, message: string) => {
    setCurrent(saved);
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: ['press.enquiries.list'] });
  };
  const save = useMutation({
    mutationFn: () => {
      const receivedAt = joinDateTime(receivedDate, receivedTime);
      const deadline = joinDateTime(deadlineDate, deadlineTime);
      if (receivedAt === null || typeof receivedAt === 'object') throw new Error('Bitte Datum und Uhrzeit des Eingangs angeben.');
      if (deadline !== null && typeof deadline === 'object') throw new Error(`Frist: ${deadline.error}`);
      return api('press.enquiries.save', { id: current?.id, revision: current?.revision, contactId: contact?.id ?? null, outlet, journalist, receivedAt, topic, question, deadline });
    },
    onSuccess: (saved) => stored(saved, current ? 'Anfrage gespeichert.' : `Anfrage Nr. ${saved.id} gespeichert.`),
  });
  const answerIt = useMutation({
    mutationFn: () => api('press.enquiries.answer', { id: current!.id, revision: current!.revision, answer }),
    onSuccess: (saved) => stored(saved, 'Antwort gespeichert.'),
  });

  /** „Neu laden“ after STALE: the enquiry as it is stored now replaces the user's input. */
  const reload = async () => {
    if (!current) return;
    const fresh = (await queryClient.fetchQuery({ queryKey: ['press.enquiries.list', {}], queryFn: () => api('press.enquiries.list', {}), staleTime: 0 })).find((e) => e.id === current.id);
    save.reset();
    answerIt.reset();
    setNotice(null);
    if (!fresh) return onClose();
    setCurrent(fresh);
    setContact(fresh.contactId ? { id: fresh.contactId, displayName: fresh.journalist || fresh.outlet } : null);
    setOutlet(fresh.outlet);
    setJournalist(fresh.journalist);
    setReceivedDate(fresh.receivedAt.slice(0, 10));
    setReceivedTime(fresh.receivedAt.slice(11, 16));
    setTopic(fresh.topic);
    setQuestion(fresh.question);
    setDeadlineDate(fresh.deadline?.slice(0, 10) ?? '');
    setDeadlineTime(fresh.deadline?.slice(11, 16) ?? '');
    setAnswer(fresh.answer);
  };

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Presseanfrage">
        <DialogBody>
          <DialogTitle>{current ? `Presseanfrage: ${current.topic}` : 'Presseanfrage erfassen'}</DialogTitle>
          <DialogContent className={layout.content}>
            <ContactPicker label="Aus den Kontakten (optional)" required={false} value={contact} onChange={(c) => setContact(c ? { id: c.id, displayName: c.displayName } : null)} />
            <div className={layout.row}>
              <Field label="Medium">
                <Input value={outlet} onChange={(_, d) => setOutlet(d.value)} />
              </Field>
              <Field label="Journalistin bzw. Journalist">
                <Input value={journalist} onChange={(_, d) => setJournalist(d.value)} />
              </Field>
            </div>
            <div className={styles.times}>
              <DateInput label="Eingang (Datum)" required value={receivedDate} onChange={setReceivedDate} />
              <TimeInput label="Eingang (Uhrzeit)" required value={receivedTime} onChange={setReceivedTime} />
              <DateInput label="Frist (Datum)" value={deadlineDate} onChange={setDeadlineDate} />
              <TimeInput label="Frist (Uhrzeit)" value={deadlineTime} onChange={setDeadlineTime} />
            </div>
            <Field label="Thema" required>
              <Input value={topic} onChange={(_, d) => setTopic(d.value)} />
            </Field>
            <Field label="Anfrage">
              <Textarea value={question} onChange={(_, d) => setQuestion(d.value)} resize="vertical" rows={4} />
            </Field>
            <ErrorMessage error={save.error} title="Nicht gespeichert" onReload={() => void reload()} />
            <div className={styles.actions}>
              <Button appearance="primary" disabled={save.isPending} onClick={() => save.mutate()}>
                Anfrage speichern
              </Button>
            </div>
            {current && (
              <section aria-label="Antwort" className={layout.form}>
                <Subtitle2 as="h2" className={layout.section}>
                  Antwort
                </Subtitle2>
                {current.overdue && (
                  <MessageBar intent="error">
                    <MessageBarBody>Die Frist ist abgelaufen, die Anfrage ist noch nicht beantwortet.</MessageBarBody>
                  </MessageBar>
                )}
                <Field label="Antwort an die Redaktion" hint={current.answeredAt ? `Beantwortet am ${instantText(current.answeredAt)}${current.answeredBy ? ` von ${current.answeredBy}` : ''}.` : undefined}>
                  <Textarea value={answer} onChange={(_, d) => setAnswer(d.value)} resize="vertical" rows={5} />
                </Field>
                <ErrorMessage error={answerIt.error} title="Nicht gespeichert" onReload={() => void reload()} />
                <div className={styles.actions}>
                  <Button appearance="primary" disabled={answerIt.isPending || !answer.trim()} onClick={() => answerIt.mutate()}>
                    {current.answeredAt ? 'Antwort ändern' : 'Als beantwortet speichern'}
                  </Button>
                </div>
              </section>
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
