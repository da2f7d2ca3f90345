import { useState } from 'react';
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
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
import { CHANNEL_KEYS, CHANNEL_NAMES, POST_STATUS_LABELS, type ChannelKey, type CrisisState, type HoldingStatement } from '../../../../core/api';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count } from '../../components/format';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { instantText, wallClockText } from '../press/press-format';
import { excerpt } from './online-format';

export const CRISIS_QUERY = ['online.crisis'] as const;
/** Crisis mode as the Online page shows it (the banner, the panel). */
export const useCrisis = () => useQuery({ queryKey: CRISIS_QUERY, queryFn: () => api('online.crisis', {}) });

/** The banner over the Online page while crisis mode is on. */
export function CrisisBanner({ crisis }: { crisis: CrisisState }) {
  if (!crisis.active) return null;
  return (
    <MessageBar intent="error" role="status" aria-label="Krisenmodus">
      <MessageBarBody>
        <MessageBarTitle>Krisenmodus ist eingeschaltet</MessageBarTitle>
        seit {instantText(crisis.since!)} ({crisis.by}): {count(crisis.paused.length, 'geplanter Beitrag ist', 'geplante Beiträge sind')} pausiert.
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Crisis mode (Krisenkommunikation): the switch (with a confirmation before switching on), the
 * posts it paused, the holding statements per scenario, and the log of what was published.
 */
export function CrisisPanel() {
  const styles = useRegisterPageStyles();
  const queryClient = useQueryClient();
  const crisis = useCrisis();
  const statements = useQuery({ queryKey: ['online.statements.list'], queryFn: () => api('online.statements.list', {}) });
  const [confirming, setConfirming] = useState(false);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: CRISIS_QUERY });
    await queryClient.invalidateQueries({ queryKey: ['online.statements.list'] });
    await queryClient.invalidateQueries({ queryKey: ['online.plan'] });
    await queryClient.invalidateQueries({ queryKey: ['online.posts.list'] });
  };
  const toggle = useMutation({ mutationFn: (active: boolean) => api('online.crisis.switch', { active }), onSuccess: refresh });
  const state = crisis.data;
  return (
    <div className={styles.page}>
      <ErrorMessage error={crisis.error} title="Der Krisenmodus lässt sich nicht laden" />
      {state && (
        <section aria-labelledby="crisis-switch" className={styles.page} style={{ padding: 0 }}>
          <div className={styles.head}>
            <Subtitle1 as="h2" id="crisis-switch">
              Krisenmodus
            </Subtitle1>
            <Badge appearance="filled" color={state.active ? 'danger' : 'informative'}>
              {state.active ? 'eingeschaltet' : 'ausgeschaltet'}
            </Badge>
            <div className={styles.grow} />
            {state.active ? (
              <Button appearance="primary" disabled={toggle.isPending} onClick={() => toggle.mutate(false)}>
                Krisenmodus ausschalten
              </Button>
            ) : (
              <Button appearance="primary" disabled={toggle.isPending} onClick={() => setConfirming(true)}>
                Krisenmodus einschalten …
              </Button>
            )}
          </div>
          <ErrorMessage error={toggle.error} title="Nicht umgeschaltet" />
          <Text className={styles.muted}>
            Im Krisenmodus werden alle freigegebenen und geplanten Beiträge mit einem künftigen Zeitpunkt pausiert. Beim Ausschalten sind sie wieder eingeplant, mit
            ihrem Zeitpunkt und Status; ist ihr Zeitpunkt inzwischen verstrichen, gehen sie nicht verspätet hinaus, sondern brauchen einen neuen Zeitpunkt.
          </Text>
          <PausedPosts crisis={state} />
          <LapsedPosts crisis={state} />
        </section>
      )}
      <HoldingStatements statements={statements.data} error={statements.error} active={state?.active ?? false} onPublished={refresh} />
      {state && <CrisisLog crisis={state} />}

      <Dialog open={confirming} onOpenChange={(_, data) => !data.open && setConfirming(false)} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Krisenmodus einschalten?</DialogTitle>
            <DialogContent>
              Alle freigegebenen und geplanten Beiträge, deren Zeitpunkt noch bevorsteht, werden pausiert und erst nach dem Ausschalten wieder eingeplant. Was in der
              Krise veröffentlicht wird, wird protokolliert.
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirming(false);
                  toggle.mutate(true);
                }}
              >
                Einschalten
              </Button>
              <Button onClick={() => setConfirming(false)}>Abbrechen</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

function PausedPosts({ crisis }: { crisis: CrisisState }) {
  if (!crisis.paused.length) return crisis.active ? <EmptyState>Keine Beiträge pausiert.</EmptyState> : null;
  return (
    <>
      <Text role="status">{count(crisis.paused.length, 'Beitrag', 'Beiträge')} pausiert</Text>
      <PlanItemTable items={crisis.paused} label="Pausierte Beiträge" />
    </>
  );
}

/** The posts whose planned time passed while they were paused: they go out only with a new time. */
function LapsedPosts({ crisis }: { crisis: CrisisState }) {
  if (!crisis.lapsed.length) return null;
  return (
    <>
      <Text role="status">
        Zeitpunkt verstrichen: {count(crisis.lapsed.length, 'Beitrag braucht', 'Beiträge brauchen')} einen neuen Zeitpunkt (im Redaktionsplan eintragen, dann erneut einplanen).
      </Text>
      <PlanItemTable items={crisis.lapsed} label="Zeitpunkt verstrichen" />
    </>
  );
}

function PlanItemTable({ items, label }: { items: CrisisState['paused']; label: string }) {
  const styles = useRegisterPageStyles();
  return (
    <>
      <Table size="small" aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '190px' }}>Geplant für</TableHeaderCell>
            <TableHeaderCell style={{ width: '130px' }}>Kanal</TableHeaderCell>
            <TableHeaderCell>Text</TableHeaderCell>
            <TableHeaderCell style={{ width: '130px' }}>Status</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.id}>
              <TableCell>{item.plannedAt ? wallClockText(item.plannedAt) : '–'}</TableCell>
              <TableCell>{item.channelName}</TableCell>
              <TableCell>
                <div className={styles.stack}>
                  <span>{excerpt(item.text)}</span>
                  {item.topic && <span className={styles.muted}>{item.topic}</span>}
                </div>
              </TableCell>
              <TableCell>{POST_STATUS_LABELS[item.status]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

function HoldingStatements({ statements, error, active, onPublished }: { statements?: HoldingStatement[]; error: unknown; active: boolean; onPublished: () => Promise<void> }) {
  const styles = useRegisterPageStyles();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<HoldingStatement | 'new' | null>(null);
  const [channel, setChannel] = useState<ChannelKey>('portal');
  const approve = useMutation({
    mutationFn: (id: number) => api('online.statements.approve', { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['online.statements.list'] }),
  });
  const publish = useMutation({ mutationFn: (statementId: number) => api('online.crisis.publish', { statementId, channel }), onSuccess: onPublished });
  return (
    <section aria-labelledby="crisis-statements" className={styles.page} style={{ padding: 0 }}>
      <div className={styles.head}>
        <Subtitle1 as="h2" id="crisis-statements">
          Wartestellungnahmen
        </Subtitle1>
        <div className={styles.grow} />
        {active && (
          <Field label="Veröffentlicht auf" orientation="horizontal">
            <Select value={channel} onChange={(_, data) => setChannel(data.value as ChannelKey)}>
              {CHANNEL_KEYS.map((key) => (
                <option key={key} value={key}>
                  {CHANNEL_NAMES[key]}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Button onClick={() => setEditing('new')}>Wartestellungnahme anlegen …</Button>
      </div>
      <ErrorMessage error={error} title="Die Wartestellungnahmen lassen sich nicht laden" />
      <ErrorMessage error={approve.error ?? publish.error} title="Nicht ausgeführt" />
      {statements?.length === 0 && <EmptyState>Noch keine Wartestellungnahmen. Legen Sie für Unwetter, Großbrand oder IT-Ausfall vorab freigegebene Texte an.</EmptyState>}
      {!!statements?.length && (
        <Table size="small" aria-label="Wartestellungnahmen">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '160px' }}>Szenario</TableHeaderCell>
              <TableHeaderCell>Text</TableHeaderCell>
              <TableHeaderCell style={{ width: '220px' }}>Freigabe</TableHeaderCell>
              <TableHeaderCell style={{ width: '330px' }}>Aktionen</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {statements.map((s) => (
              <TableRow key={s.id}>
                <TableCell>{s.scenario}</TableCell>
                <TableCell>{excerpt(s.text, 160)}</TableCell>
                <TableCell>{s.approvedBy ? `freigegeben von ${s.approvedBy}, ${instantText(s.approvedAt!)}` : 'nicht freigegeben'}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => setEditing(s)}>
                    Bearbeiten
                  </Button>{' '}
                  {!s.approvedBy && (
                    <Button size="small" onClick={() => approve.mutate(s.id)}>
                      Freigeben
                    </Button>
                  )}
                  {s.approvedBy && active && (
                    <Button size="small" appearance="primary" onClick={() => publish.mutate(s.id)}>
                      Als veröffentlicht vermerken
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && <StatementDialog statement={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

function StatementDialog({ statement, onClose }: { statement: HoldingStatement | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [scenario, setScenario] = useState(statement?.scenario ?? '');
  const [text, setText] = useState(statement?.text ?? '');
  const save = useMutation({
    mutationFn: () => api('online.statements.save', { id: statement?.id, scenario, text }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['online.statements.list'] });
      onClose();
    },
  });
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-label="Wartestellungnahme">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <DialogBody>
            <DialogTitle>{statement ? `Wartestellungnahme: ${statement.scenario}` : 'Neue Wartestellungnahme'}</DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: '12px' }}>
              <Field label="Szenario" required hint="z. B. Unwetter, Großbrand, IT-Ausfall">
                <Input value={scenario} onChange={(_, data) => setScenario(data.value)} />
              </Field>
              <Field label="Text" required>
                <Textarea value={text} rows={6} onChange={(_, data) => setText(data.value)} />
              </Field>
              {statement?.approvedBy && (
                <MessageBar intent="warning">
                  <MessageBarBody>Wird der Text oder das Szenario geändert, ist die Freigabe aufgehoben.</MessageBarBody>
                </MessageBar>
              )}
              <ErrorMessage error={save.error} title="Nicht gespeichert" />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={save.isPending}>
                Speichern
              </Button>
              <Button onClick={onClose}>Abbrechen</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

const LOG_KIND: Record<CrisisState['log'][number]['kind'], string> = {
  start: 'Krisenmodus ein',
  end: 'Krisenmodus aus',
  post: 'Beitrag veröffentlicht',
  statement: 'Wartestellungnahme veröffentlicht',
};

function CrisisLog({ crisis }: { crisis: CrisisState }) {
  const styles = useRegisterPageStyles();
  return (
    <section aria-labelledby="crisis-log" className={styles.page} style={{ padding: 0 }}>
      <Subtitle1 as="h2" id="crisis-log">
        Protokoll {crisis.active ? 'der Krise' : 'der letzten Krise'}
      </Subtitle1>
      {crisis.log.length === 0 ? (
        <EmptyState>Noch kein Eintrag.</EmptyState>
      ) : (
        <Table size="small" aria-label="Krisenprotokoll">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '190px' }}>Zeitpunkt</TableHeaderCell>
              <TableHeaderCell style={{ width: '220px' }}>Was</TableHeaderCell>
              <TableHeaderCell style={{ width: '130px' }}>Kanal</TableHeaderCell>
              <TableHeaderCell style={{ width: '160px' }}>Wer</TableHeaderCell>
              <TableHeaderCell>Inhalt</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {crisis.log.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell>{instantText(entry.at)}</TableCell>
                <TableCell>{LOG_KIND[entry.kind]}</TableCell>
                <TableCell>{entry.channelName ?? '–'}</TableCell>
                <TableCell>{entry.user}</TableCell>
                <TableCell>{excerpt(entry.summary, 160)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
