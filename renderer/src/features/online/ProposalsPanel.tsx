import { useState } from 'react';
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
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CHANNEL_KEYS, CHANNEL_NAMES, PROPOSAL_KIND_LABELS, type ChannelKey, type OnlineProposal } from '../../../../core/api';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count, germanDate } from '../../components/format';
import { useFormDialogStyles, useRegisterPageStyles } from '../../components/layout-styles';
import { addDays, berlinToday } from '../calendar/wall-clock';
import { wallClockText } from '../press/press-format';

/** How far ahead the proposals look (four weeks). */
const AHEAD_DAYS = 28;

/** The queries a taken proposal changes: the proposals, the topics and posts, the plan. */
const ONLINE_QUERIES = ['online.proposals.list', 'online.topics.list', 'online.posts.list', 'online.plan'];

/**
 * Proposals (Vorschläge) from what the office knows — a press release's embargo, the greetings
 * plan's holidays, the mayor's public appointments of a week, citizens' talks and walks. Nothing
 * is posted: „Übernehmen“ makes a topic with a draft per channel chosen, „Verwerfen“ drops it.
 */
export function ProposalsPanel() {
  const styles = useRegisterPageStyles();
  const queryClient = useQueryClient();
  const from = berlinToday();
  const to = addDays(from, AHEAD_DAYS);
  const proposals = useQuery({ queryKey: ['online.proposals.list', from, to], queryFn: () => api('online.proposals.list', { from, to }) });
  const [taking, setTaking] = useState<OnlineProposal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => Promise.all(ONLINE_QUERIES.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
  const dismiss = useMutation({
    mutationFn: (proposal: OnlineProposal) => api('online.proposals.dismiss', { key: proposal.key }),
    onSuccess: async (_, proposal) => {
      setNotice(`Verworfen: ${proposal.title}.`);
      await refresh();
    },
  });
  return (
    <div className={styles.page}>
      <section aria-labelledby="online-proposals" className={styles.page} style={{ padding: 0 }}>
        <div className={styles.head}>
          <Subtitle1 as="h2" id="online-proposals">
            Vorschläge
          </Subtitle1>
        </div>
        <Text className={styles.muted}>
          Aus Pressemitteilungen mit Sperrfrist, dem Grußkalender, den öffentlichen Terminen der Oberbürgermeisterin bzw. des Oberbürgermeisters und den
          Bürgergesprächen und -spaziergängen. Nichts wird automatisch veröffentlicht: Übernommene Vorschläge werden Entwürfe im Redaktionsplan.
        </Text>
        {notice && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        <ErrorMessage error={proposals.error ?? dismiss.error} title="Die Vorschläge lassen sich nicht laden oder verwerfen" />
        {proposals.isPending && <Spinner size="small" />}
        {proposals.data?.length === 0 && (
          <EmptyState>
            Keine offenen Vorschläge vom {germanDate(from)} bis {germanDate(to)}.
          </EmptyState>
        )}
        {!!proposals.data?.length && (
          <>
            <Text className={styles.muted} role="status">
              {count(proposals.data.length, 'Vorschlag', 'Vorschläge')} vom {germanDate(from)} bis {germanDate(to)}
            </Text>
            <Table size="small" aria-label="Vorschläge">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell style={{ width: '170px' }}>Vorgeschlagen für</TableHeaderCell>
                  <TableHeaderCell>Vorschlag</TableHeaderCell>
                  <TableHeaderCell style={{ width: '220px' }}>Kanäle</TableHeaderCell>
                  <TableHeaderCell style={{ width: '230px' }}>Aktion</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {proposals.data.map((proposal) => (
                  <TableRow key={proposal.key}>
                    <TableCell>{wallClockText(proposal.suggestedAt)}</TableCell>
                    <TableCell>
                      <div className={styles.stack}>
                        <Text weight="semibold">{proposal.title}</Text>
                        <span className={styles.muted}>
                          {PROPOSAL_KIND_LABELS[proposal.kind]}
                          {proposal.notBefore && ` · Sperrfrist bis ${wallClockText(proposal.notBefore)}`}
                        </span>
                        <span style={{ whiteSpace: 'pre-line' }}>{proposal.suggestedText}</span>
                      </div>
                    </TableCell>
                    <TableCell>{proposal.channels.map((key) => CHANNEL_NAMES[key]).join(', ')}</TableCell>
                    <TableCell>
                      <div style={{ display: 'flex', gap: '8px', flexWrap: 'wrap' }}>
                        <Button appearance="primary" size="small" onClick={() => setTaking(proposal)} aria-label={`Übernehmen: ${proposal.title}`}>
                          Übernehmen …
                        </Button>
                        <Button size="small" disabled={dismiss.isPending} onClick={() => dismiss.mutate(proposal)} aria-label={`Verwerfen: ${proposal.title}`}>
                          Verwerfen
                        </Button>
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </section>
      {taking && (
        <TakeDialog
          key={taking.key}
          proposal={taking}
          onClose={() => setTaking(null)}
          onTaken={async (message) => {
            setTaking(null);
            setNotice(message);
            await refresh();
          }}
        />
      )}
    </div>
  );
}

/** Taking a proposal: the channels (its suggestions ticked) and the text to start from. */
function TakeDialog({ proposal, onClose, onTaken }: { proposal: OnlineProposal; onClose: () => void; onTaken: (message: string) => Promise<void> }) {
  const layout = useFormDialogStyles();
  const [channels, setChannels] = useState<ChannelKey[]>(proposal.channels);
  const [text, setText] = useState(proposal.suggestedText);
  const take = useMutation({
    mutationFn: () => api('online.proposals.take', { key: proposal.key, channels, text }),
    onSuccess: (topic) =>
      onTaken(`Übernommen: ${count(topic.posts.length, 'Entwurf', 'Entwürfe')} im Redaktionsplan (${topic.title}), geplant für ${wallClockText(topic.posts[0]?.plannedAt ?? proposal.suggestedAt)}.`),
  });
  const toggle = (key: ChannelKey, on: boolean) => setChannels((current) => (on ? CHANNEL_KEYS.filter((k) => k === key || current.includes(k)) : current.filter((k) => k !== key)));
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Vorschlag übernehmen">
        <DialogBody>
          <DialogTitle>Vorschlag übernehmen: {proposal.title}</DialogTitle>
          <DialogContent className={layout.content}>
            <Text>
              Vorgeschlagen für {wallClockText(proposal.suggestedAt)}
              {proposal.notBefore && `; Sperrfrist bis ${wallClockText(proposal.notBefore)} – die Beiträge können nicht früher eingeplant oder veröffentlicht werden`}.
            </Text>
            <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
              <legend>Kanäle (je Kanal ein Entwurf)</legend>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px' }}>
                {CHANNEL_KEYS.map((key) => (
                  <Checkbox key={key} label={CHANNEL_NAMES[key]} checked={channels.includes(key)} onChange={(_, data) => toggle(key, Boolean(data.checked))} />
                ))}
              </div>
            </fieldset>
            <Field label="Text zum Ausarbeiten">
              <Textarea value={text} onChange={(_, data) => setText(data.value)} rows={6} resize="vertical" />
            </Field>
            <ErrorMessage error={take.error} title="Der Vorschlag lässt sich nicht übernehmen" />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={take.isPending || channels.length === 0} onClick={() => take.mutate()}>
              Übernehmen
            </Button>
            <Button onClick={onClose}>Abbrechen</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
