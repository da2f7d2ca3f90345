import { useState } from 'react';
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CitizenRequest,
  type Letter,
  type LetterDraft,
  type RequestStep,
  type RequestStepName,
  type RequestStepResult,
} from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { germanDate } from '../../components/format';
import { useScrollIntoView } from '../../components/use-scroll-into-view';
import { CreatedLetter, LinkedLetter, useReplyLetter } from '../letters/ReplyLetter';
import { EmailBox } from './EmailBox';
import { RequestHistory } from './RequestHistory';
import { ForwardForm, NoteForm, StatementForm } from './StepForms';
import { WorkflowTimeline } from './WorkflowTimeline';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  statement: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    whiteSpace: 'pre-wrap',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  signer: { minWidth: '260px' },
});

/** The steps that open a small form first. */
type FormStep = 'forward' | 'statement' | 'noStatement' | 'close' | 'reopen';

interface Outcome {
  step: RequestStepName;
  result: RequestStepResult;
  /** The reply letter the answer made (a letter from another step's draft is `fromDraft.letter`). */
  letter: Letter | null;
}

const DONE: Record<RequestStepName, (r: CitizenRequest) => string> = {
  acknowledge: () => 'Eingang bestätigt.',
  start: () => 'In Bearbeitung genommen.',
  forward: (r) => `An ${r.department ?? 'den Fachbereich'} weitergeleitet${r.statementDue ? `, Stellungnahme erbeten bis ${germanDate(r.statementDue)}` : ''}.`,
  remind: (r) => `Erinnerung an ${r.department ?? 'den Fachbereich'} vorbereitet.`,
  statement: () => 'Stellungnahme eingetragen.',
  noStatement: () => 'Vermerkt: keine Stellungnahme nötig.',
  answer: () => 'Antwortschreiben vorbereitet.',
  replied: () => 'Beantwortet.',
  close: () => 'Erledigt.',
  reopen: () => 'Wieder geöffnet.',
};

function emailTitle(step: RequestStepName, r: CitizenRequest): string {
  if (step === 'acknowledge') return 'Eingangsbestätigung per E-Mail';
  if (step === 'forward') return `Bitte um Stellungnahme an ${r.department ?? 'den Fachbereich'}`;
  if (step === 'remind') return `Erinnerung an ${r.department ?? 'den Fachbereich'}`;
  return 'E-Mail-Text';
}

/**
 * Where the request stands and what can be done next – only the steps the server allows now
 * (`nextSteps`); a refusal is shown where the buttons are. Steps bring an e-mail text to copy
 * or a letter draft, which becomes a letter in the Postausgang.
 */
export function RequestWorkflow({
  request,
  unsaved,
  onChanged,
  onReload,
}: {
  request: CitizenRequest;
  unsaved: boolean;
  onChanged: (request: CitizenRequest) => Promise<void>;
  /** Takes the request anew after a step was refused as STALE. */
  onReload: () => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormStep | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const history = useQuery({ queryKey: ['requests.history', request.id], queryFn: () => api('requests.history', { id: request.id }) });
  const departments = useQuery({ queryKey: ['requests.departments'], queryFn: () => api('requests.departments', {}) });
  const signers = useQuery({ queryKey: ['signers.list'], queryFn: () => api('signers.list', {}) });
  const activeSigners = (signers.data ?? []).filter((s) => s.active);
  const head = activeSigners.find((s) => !s.deputy) ?? activeSigners[0];
  const [signerId, setSignerId] = useState('');
  const chosenSigner = signerId || (head ? String(head.id) : '');
  const next = new Set(request.nextSteps);
  /** The request as loaded: each step sends its revision back. */
  const loaded = { id: request.id, revision: request.revision };

  const afterStep = async (result: RequestStepResult) => {
    setForm(null);
    await onChanged(result.request);
    await queryClient.invalidateQueries({ queryKey: ['requests.history', request.id] });
  };
  /** A letter from another step's draft (an acknowledgement by post, a reminder). */
  const fromDraft = useReplyLetter();
  const step = useMutation({
    mutationFn: (input: RequestStep) => api('requests.step', input),
    onMutate: () => {
      setOutcome(null);
      fromDraft.reset();
    },
    onSuccess: async (result, input) => {
      setOutcome({ step: input.step, result, letter: null });
      await afterStep(result);
    },
  });
  /** The reply: the answer's draft becomes a letter (as on the invitations page), then the request is marked answered with it. */
  const answer = useMutation({
    mutationFn: async (signer: number) => {
      const drafted = await api('requests.step', { ...loaded, step: 'answer', signerId: signer });
      if (!drafted.letter) return { result: drafted, letter: null };
      const letter = await api('letters.create', drafted.letter);
      const replied = await api('requests.step', { id: request.id, revision: drafted.request.revision, step: 'replied', letterId: letter.id });
      return { result: replied, letter };
    },
    onMutate: () => {
      setOutcome(null);
      fromDraft.reset();
    },
    onSuccess: async ({ result, letter }) => {
      setOutcome({ step: letter ? 'replied' : 'answer', result, letter });
      await afterStep(result);
      await queryClient.invalidateQueries({ queryKey: ['letters.list'] });
    },
  });
  const error = step.error ?? answer.error;
  const outcomeRef = useScrollIntoView<HTMLDivElement>(fromDraft.letter ?? outcome ?? error ?? fromDraft.create.error);
  const busy = step.isPending || answer.isPending;
  const run = (input: RequestStep) => step.mutate(input);
  const toggle = (which: FormStep) => {
    step.reset();
    answer.reset();
    setForm(form === which ? null : which);
  };
  const formProps = { request: loaded, pending: step.isPending, onSubmit: run, onCancel: () => setForm(null) };
  // How the receipt can be acknowledged (the server checks it again): by e-mail, by post, or both.
  const byEmail = Boolean(request.citizen?.email);
  const byPost = Boolean(request.citizen?.street && (request.citizen.postcode || request.citizen.city));

  return (
    <div className={layout.form}>
      <Subtitle2 as="h3" className={layout.section}>
        Bearbeitung
      </Subtitle2>
      <WorkflowTimeline request={request} history={history.data} />
      {request.statementText && (
        <Field label={`Stellungnahme${request.department ? ` (${request.department})` : ''}`}>
          <blockquote className={styles.statement}>{request.statementText}</blockquote>
        </Field>
      )}
      {request.followUpOn && request.status !== 'erledigt' && (
        <MessageBar intent={request.followUpDue ? 'warning' : 'info'}>
          <MessageBarBody>
            {request.followUpDue ? 'Wiedervorlage fällig' : 'Wiedervorlage'} am {germanDate(request.followUpOn)}.
          </MessageBarBody>
        </MessageBar>
      )}
      {request.replyLetterId !== null && request.replyLetterId !== outcome?.letter?.id && <LinkedLetter letterId={request.replyLetterId} />}
      {unsaved && (
        <MessageBar intent="warning">
          <MessageBarBody>Links gibt es ungespeicherte Änderungen; bearbeitet wird die gespeicherte Fassung.</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.actions} role="group" aria-label="Nächste Schritte">
        {next.has('acknowledge') && (
          <>
            {(byEmail || !byPost) && (
              <Button appearance="primary" disabled={busy} onClick={() => run({ ...loaded, step: 'acknowledge', via: 'email' })}>
                Eingang bestätigen (E-Mail)
              </Button>
            )}
            {(byPost || !byEmail) && (
              <Button appearance={byEmail ? 'secondary' : 'primary'} disabled={busy} onClick={() => run({ ...loaded, step: 'acknowledge', via: 'brief' })}>
                Eingang bestätigen (Brief)
              </Button>
            )}
          </>
        )}
        {next.has('start') && (
          <Button appearance={next.has('acknowledge') ? 'secondary' : 'primary'} disabled={busy} onClick={() => run({ ...loaded, step: 'start' })}>
            In Bearbeitung nehmen
          </Button>
        )}
        {next.has('forward') && (
          <Button disabled={busy} aria-expanded={form === 'forward'} onClick={() => toggle('forward')}>
            {request.departmentId ? 'Erneut weiterleiten …' : 'An Fachbereich weiterleiten …'}
          </Button>
        )}
        {next.has('statement') && (
          <Button appearance="primary" disabled={busy} aria-expanded={form === 'statement'} onClick={() => toggle('statement')}>
            Stellungnahme eintragen …
          </Button>
        )}
        {next.has('remind') && (
          <Button disabled={busy} onClick={() => run({ ...loaded, step: 'remind' })}>
            Erinnern
          </Button>
        )}
        {next.has('noStatement') && (
          <Button disabled={busy} aria-expanded={form === 'noStatement'} onClick={() => toggle('noStatement')}>
            Keine Stellungnahme nötig …
          </Button>
        )}
        {next.has('close') &&
          (request.status === 'beantwortet' ? (
            <Button appearance="primary" disabled={busy} onClick={() => run({ ...loaded, step: 'close', note: '' })}>
              Erledigen
            </Button>
          ) : (
            // Without an answer (anonymous, nobody to write to, praise): a note says how it was settled.
            <Button disabled={busy} aria-expanded={form === 'close'} onClick={() => toggle('close')}>
              Erledigen …
            </Button>
          ))}
        {next.has('reopen') && (
          <Button disabled={busy} aria-expanded={form === 'reopen'} onClick={() => toggle('reopen')}>
            Wieder öffnen …
          </Button>
        )}
        {request.nextSteps.length === 0 && <Text className={styles.muted}>Kein weiterer Schritt möglich.</Text>}
      </div>
      {next.has('answer') && (
        <div className={styles.actions} role="group" aria-label="Antwort">
          <Field label="Unterzeichnet von" className={styles.signer}>
            <Select value={chosenSigner} onChange={(_, d) => setSignerId(d.value)}>
              {activeSigners.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.deputy ? `i. V. ${s.name}` : s.name}, {s.office}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" disabled={busy || !chosenSigner} onClick={() => answer.mutate(Number(chosenSigner))}>
            {answer.isPending ? 'Wird erstellt …' : 'Antwortschreiben erstellen'}
          </Button>
        </div>
      )}
      {step.isPending && <Text className={styles.muted}>Wird gespeichert …</Text>}

      {form === 'forward' && departments.data && <ForwardForm {...formProps} departments={departments.data} current={request.departmentId} />}
      {form === 'statement' && <StatementForm {...formProps} />}
      {form === 'noStatement' && (
        <NoteForm {...formProps} step="noStatement" label="Warum ist keine Stellungnahme nötig?" submitLabel="Ohne Stellungnahme weiter" />
      )}
      {form === 'close' && <NoteForm {...formProps} step="close" label="Vermerk: Wie wurde das Anliegen erledigt?" submitLabel="Als erledigt abschließen" />}
      {form === 'reopen' && <NoteForm {...formProps} step="reopen" label="Grund für das Wiederöffnen" submitLabel="Wieder öffnen" />}

      <div ref={outcomeRef} className={layout.form}>
        <ErrorMessage error={error} title="Nicht möglich" onReload={onReload} />
        {outcome && (
          <StepOutcome
            outcome={outcome}
            letter={outcome.letter ?? fromDraft.letter}
            creating={fromDraft.create.isPending}
            onCreateLetter={(draft) => fromDraft.create.mutate(draft)}
          />
        )}
        <ErrorMessage error={fromDraft.create.error} title="Das Schreiben wurde nicht erstellt" />
      </div>

      <Subtitle2 as="h3" className={layout.section}>
        Verlauf
      </Subtitle2>
      <ErrorMessage error={history.error} title="Der Verlauf lässt sich nicht laden" />
      {history.data && <RequestHistory history={history.data} />}
    </div>
  );
}

/** What a step brought: a confirmation, an e-mail text to copy, a letter draft or the letter made from it. */
function StepOutcome({
  outcome,
  letter,
  creating,
  onCreateLetter,
}: {
  outcome: Outcome;
  /** The letter made from the step's draft (or, for the reply, with it). */
  letter: Letter | null;
  creating: boolean;
  onCreateLetter: (draft: LetterDraft) => void;
}) {
  const { step, result } = outcome;
  const r = result.request;
  return (
    <>
      <MessageBar intent="success" role="status" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{DONE[step](r)}</MessageBarTitle>
          {result.letter && !letter ? 'Das Schreiben ist vorbereitet.' : ''}
        </MessageBarBody>
      </MessageBar>
      {letter && (
        <CreatedLetter letter={letter} title={step === 'replied' ? `Antwortschreiben Nr. ${letter.id} gespeichert und verknüpft` : `Schreiben Nr. ${letter.id} gespeichert`} />
      )}
      {result.letter && !letter && (
        <div>
          <Button appearance="primary" disabled={creating} onClick={() => onCreateLetter(result.letter!)}>
            {creating ? 'Wird erstellt …' : step === 'acknowledge' ? 'Eingangsbestätigung als Brief erstellen' : 'Schreiben erstellen'}
          </Button>
        </div>
      )}
      {result.email && <EmailBox title={emailTitle(step, r)} email={result.email} />}
    </>
  );
}
