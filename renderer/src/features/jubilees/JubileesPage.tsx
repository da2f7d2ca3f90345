import { useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JubileeEntry, JubileeNotification } from '../../../../core/api';
import { api } from '../../api/client';
import { DateInput } from '../../components/DateInputs';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count, germanDate } from '../../components/format';
import { isIsoDate } from '../../components/german-date';
import { downloadBase64 } from '../../components/files';
import { jubileeWithArticle, LetterCell, letterName, NotificationsCell } from './JubileeCells';
import { letterRunSummary, writeJubileeLetters, type JubileeLetterRequest, type LetterRun } from './jubilee-letters';
import { ResidentImportDialog } from './ResidentImportDialog';
import { VisitDialog } from './VisitDialog';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, display: 'grid', gap: tokens.spacingVerticalM },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
  due: { display: 'flex', gap: '4px', flexWrap: 'wrap' },
  // Long badges wrap in a narrow column instead of running out of their box.
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', textAlign: 'start' },
  muted: { color: tokens.colorNeutralForeground3 },
  address: { whiteSpace: 'pre-line' },
});

/** The steps of the office itself; the notifications have their own column. */
const ACTION_LABELS: Partial<Record<JubileeEntry['due'][number]['action'], string>> = {
  letter: 'Brief',
  visit: 'Besuch anbieten',
};

const EXPORT_ACTIONS = { federal: 'notify_federal', land: 'notify_land' } as const;
const EXPORT_TITLES = { federal: 'Meldung an den Bundespräsidenten', land: 'Meldung an das Land NRW' } as const;

/** The persons of a jubilee, as the API names a jubilee. */
const refOf = (e: JubileeEntry) => ({ date: e.date, kind: e.kind, registerIds: e.persons.map((p) => p.registerId) });

/** The first and last day of next month, as ISO dates. */
function nextMonth(today = new Date()): { from: string; to: string } {
  const first = new Date(Date.UTC(today.getFullYear(), today.getMonth() + 1, 1));
  const last = new Date(Date.UTC(today.getFullYear(), today.getMonth() + 2, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** Jubilees from the residents' register: the list of a period, and the letters for it. */
export function JubileesPage({ onShowLetters }: { onShowLetters: (letterId?: number) => void }) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [period, setPeriod] = useState(nextMonth);
  const [district, setDistrict] = useState('');
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [againFor, setAgainFor] = useState<JubileeEntry | null>(null);
  const [visitFor, setVisitFor] = useState<JubileeEntry | null>(null);
  /** A notification list lists the jubilees already marked sent, too (with the day sent); by default it leaves them out. */
  const [includeSent, setIncludeSent] = useState(false);
  const status = useQuery({ queryKey: ['residents.status'], queryFn: () => api('residents.status', {}) });
  const signers = useQuery({ queryKey: ['signers.list'], queryFn: () => api('signers.list', {}) });
  const input = { ...period, district: district || undefined };
  const list = useQuery({
    queryKey: ['jubilees.list', input],
    queryFn: () => api('jubilees.list', input),
    enabled: isIsoDate(period.from) && isIsoDate(period.to),
    placeholderData: keepPreviousData,
  });


  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['jubilees.list'] });
    await queryClient.invalidateQueries({ queryKey: ['jubilees.overview'] });
    await queryClient.invalidateQueries({ queryKey: ['letters.list'] });
  };

  /** Letters for the jubilees asked for: by default only the missing ones. */
  const write = useMutation({
    mutationFn: (requests: JubileeLetterRequest[]) =>
      writeJubileeLetters(requests, signers.data!.find((s) => s.active)!.id, (done, total) => setProgress({ done, total })),
    onMutate: () => setProgress({ done: 0, total: 0 }),
    onSettled: async () => {
      setProgress(null);
      await refresh();
    },
  });
  const writeAll = () =>
    write.mutate(
      (['birthday', 'wedding'] as const)
        .filter((kind) => entries.some((e) => e.kind === kind && e.due.some((d) => d.action === 'letter')))
        .map((kind) => ({ ...input, kind, existing: 'skip' as const })),
    );
  const writeOne = (e: JubileeEntry, existing: 'skip' | 'again') =>
    write.mutate([{ from: e.date, to: e.date, kind: e.kind, registerIds: refOf(e).registerIds, existing }]);

  const mark = useMutation({
    mutationFn: ({ jubilees, action, sent }: { jubilees: JubileeEntry[]; action: JubileeNotification['action']; sent: boolean }) =>
      api('jubilees.notifications.mark', { action, jubilees: jubilees.map(refOf), sent }),
    onSuccess: refresh,
  });

  const exportList = useMutation({
    mutationFn: async ({ target, format }: { target: 'federal' | 'land' | 'district'; format: 'docx' | 'xlsx' }) => {
      const file = await api('jubilees.export', { ...input, target, format, includeSent });
      downloadBase64(
        file.fileName,
        file.contentBase64,
        format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : undefined,
      );
      return target;
    },
    onSuccess: refresh,
  });
  /** The jubilees of the notification just produced that are not marked sent yet. */
  const exported = exportList.data && exportList.data !== 'district' ? { target: exportList.data, action: EXPORT_ACTIONS[exportList.data] } : null;

  const visits = useQuery({
    queryKey: ['jubilees.visits.list', period],
    queryFn: () => api('jubilees.visits.list', period),
    enabled: isIsoDate(period.from) && isIsoDate(period.to),
  });
  const visitOf = (e: JubileeEntry) =>
    visits.data?.find((v) => v.jubileeDate === e.date && v.kind === e.kind && v.registerIds.join(',') === e.persons.map((p) => p.registerId).sort().join(','));

  const entries = list.data?.entries ?? [];
  const dueLetters = entries.filter((e) => e.due.some((d) => d.action === 'letter'));
  const missing = dueLetters.filter((e) => e.letters.length === 0).length;
  const unsent = exported ? entries.filter((e) => e.notifications.some((n) => n.action === exported.action && !n.sent)) : [];
  const busy = write.isPending || mark.isPending;
  const run: LetterRun | undefined = write.data;

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Title2 as="h1">Jubiläen</Title2>
        <div className={styles.grow} />
        <Button onClick={() => setImporting(true)}>Melderegister-Auszug einlesen …</Button>
      </div>
      {status.data && (
        <Text className={styles.muted}>
          {status.data.lastImport
            ? `${count(status.data.residents, 'Person', 'Personen')} aus dem Melderegister, zuletzt eingelesen am ${new Date(status.data.lastImport.at).toLocaleString('de-DE')} („${status.data.lastImport.fileName}“).`
            : 'Noch kein Melderegister-Auszug eingelesen.'}
        </Text>
      )}
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.filters}>
        <DateInput label="von" value={period.from} onChange={(from) => setPeriod({ ...period, from })} />
        <DateInput label="bis" value={period.to} onChange={(to) => setPeriod({ ...period, to })} />
        <Field label="Stadtbezirk">
          <Select value={district} onChange={(_, d) => setDistrict(d.value)}>
            <option value="">alle Bezirke</option>
            {status.data?.districts.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" disabled={dueLetters.length === 0 || !signers.data?.some((s) => s.active) || busy} onClick={writeAll}>
          Alle Briefe erstellen
        </Button>
        {list.data && (
          <Text className={styles.muted}>
            {dueLetters.length === 0 ? 'Im Zeitraum ist kein Brief vorgesehen.' : `Briefe: ${dueLetters.length - missing} von ${dueLetters.length} erstellt.`}
          </Text>
        )}
      </div>
      <div className={styles.filters} aria-label="Listen und Meldungen">
        <Button onClick={() => exportList.mutate({ target: 'federal', format: 'docx' })}>Meldung Bundespräsident (Word)</Button>
        <Button onClick={() => exportList.mutate({ target: 'federal', format: 'xlsx' })}>Meldung Bundespräsident (Excel)</Button>
        <Button onClick={() => exportList.mutate({ target: 'land', format: 'docx' })}>Meldung Land NRW (Word)</Button>
        <Button onClick={() => exportList.mutate({ target: 'land', format: 'xlsx' })}>Meldung Land NRW (Excel)</Button>
        <Button onClick={() => exportList.mutate({ target: 'district', format: 'xlsx' })}>Liste für die Bezirke (Excel)</Button>
        <Checkbox
          label="Auch bereits versandte Meldungen aufführen"
          checked={includeSent}
          onChange={(_, d) => setIncludeSent(d.checked === true)}
          title="Die Meldungen listen sonst nur, was noch nicht als versandt vermerkt ist."
        />
      </div>
      <ErrorMessage error={list.error ?? write.error ?? exportList.error ?? mark.error} />
      {progress && <ProgressBar value={progress.total ? progress.done / progress.total : undefined} aria-label="Fortschritt" />}
      {run && !write.isPending && (
        <MessageBar intent={run.problems.length || run.errors.length ? 'warning' : 'success'} role="status">
          <MessageBarBody>
            <MessageBarTitle>{letterRunSummary(run)}</MessageBarTitle>
            {[...run.problems.map((p) => `${p.name}: ${p.message}`), ...run.errors].join(' ')}
          </MessageBarBody>
          {run.letterIds.length > 0 && <Button onClick={() => onShowLetters()}>Zum Postausgang</Button>}
        </MessageBar>
      )}
      {exported && !exportList.isPending && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            <MessageBarTitle>{EXPORT_TITLES[exported.target]} erstellt</MessageBarTitle>
            {unsent.length > 0
              ? `${count(unsent.length, 'Jubiläum ist', 'Jubiläen sind')} noch nicht als versandt vermerkt.`
              : 'Alle Jubiläen dieser Meldung sind als versandt vermerkt.'}
          </MessageBarBody>
          {unsent.length > 0 && (
            <Button disabled={busy} onClick={() => mark.mutate({ jubilees: unsent, action: exported.action, sent: true })}>
              Alle {unsent.length} als versandt vermerken
            </Button>
          )}
        </MessageBar>
      )}
      {list.isPending && <Spinner size="small" />}
      {list.data && (
        <>
          <Text className={styles.muted} role="status">
            {count(entries.length, 'Jubiläum', 'Jubiläen')} vom {germanDate(period.from)} bis {germanDate(period.to)}
          </Text>
          <Table size="small" aria-label="Jubiläen">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Datum</TableHeaderCell>
                <TableHeaderCell>Jubiläum</TableHeaderCell>
                <TableHeaderCell>Anschrift</TableHeaderCell>
                <TableHeaderCell>Fällig</TableHeaderCell>
                <TableHeaderCell>Brief</TableHeaderCell>
                <TableHeaderCell>Meldungen</TableHeaderCell>
                <TableHeaderCell>Besuch</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {entries.map((e) => (
                <TableRow key={`${e.date}-${e.persons.map((p) => p.registerId).join('-')}-${e.kind}`}>
                  <TableCell>{germanDate(e.date)}</TableCell>
                  <TableCell>{e.label}</TableCell>
                  <TableCell className={styles.address}>{e.persons[0].addressLines.join('\n')}</TableCell>
                  <TableCell>
                    <span className={styles.due}>
                      {e.due
                        .filter((d) => ACTION_LABELS[d.action])
                        .map((d) => (
                          <Badge key={d.action} className={styles.badge} appearance="tint" color={d.action === 'letter' ? 'brand' : 'informative'}>
                            {ACTION_LABELS[d.action]} bis {germanDate(d.by)}
                          </Badge>
                        ))}
                    </span>
                  </TableCell>
                  <TableCell>
                    <LetterCell
                      entry={e}
                      disabled={busy || !signers.data?.some((s) => s.active)}
                      onOpen={onShowLetters}
                      onWrite={(entry) => writeOne(entry, 'skip')}
                      onWriteAgain={setAgainFor}
                    />
                  </TableCell>
                  <TableCell>
                    <NotificationsCell entry={e} disabled={busy} onMark={(entry, action, sent) => mark.mutate({ jubilees: [entry], action, sent })} />
                  </TableCell>
                  <TableCell>
                    {(() => {
                      const visit = visitOf(e);
                      if (visit) return `${germanDate(visit.visitDate)}: ${visit.visitor}`;
                      return e.due.some((d) => d.action === 'visit') ? (
                        <Button size="small" onClick={() => setVisitFor(e)}>
                          Besuch planen …
                        </Button>
                      ) : null;
                    })()}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      <Dialog open={againFor !== null} onOpenChange={(_, data) => !data.open && setAgainFor(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Brief erneut erstellen?</DialogTitle>
            <DialogContent>
              {againFor &&
                `Für ${jubileeWithArticle(againFor)} am ${germanDate(againFor.date)} gibt es schon einen Brief (${againFor.letters.map(letterName).join(', ')}). Ein weiterer Brief wird zusätzlich erstellt; der bisherige bleibt im Postausgang.`}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setAgainFor(null)}>Abbrechen</Button>
              <Button
                appearance="primary"
                onClick={() => {
                  if (againFor) writeOne(againFor, 'again');
                  setAgainFor(null);
                }}
              >
                Erneut erstellen
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <VisitDialog key={visitFor ? `${visitFor.date}-${visitFor.persons[0].registerId}` : "none"} entry={visitFor} onClose={() => setVisitFor(null)} />
      <ResidentImportDialog open={importing} onClose={() => setImporting(false)} onImported={setNotice} />
    </div>
  );
}
