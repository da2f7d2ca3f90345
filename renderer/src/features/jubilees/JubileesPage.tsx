import { useState } from 'react';
import {
  Badge,
  Button,
  Field,
  Input,
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
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { JubileeEntry } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count, germanDate } from '../../components/format';
import { useMergeJob } from '../letters/use-merge-job';
import { downloadBase64 } from '../../components/files';
import { ResidentImportDialog } from './ResidentImportDialog';
import { VisitDialog } from './VisitDialog';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, display: 'grid', gap: tokens.spacingVerticalM },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
  due: { display: 'flex', gap: '4px', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  address: { whiteSpace: 'pre-line' },
});

const ACTION_LABELS: Record<JubileeEntry['due'][number]['action'], string> = {
  letter: 'Brief',
  visit: 'Besuch anbieten',
  notify_federal: 'Meldung Bundespräsident',
  notify_land: 'Meldung Land NRW',
};

/** The first and last day of next month, as ISO dates. */
function nextMonth(today = new Date()): { from: string; to: string } {
  const first = new Date(Date.UTC(today.getFullYear(), today.getMonth() + 1, 1));
  const last = new Date(Date.UTC(today.getFullYear(), today.getMonth() + 2, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** Jubilees from the residents' register: the list of a period, and the letters for it. */
export function JubileesPage({ onShowRegister }: { onShowRegister: () => void }) {
  const styles = useStyles();
  const [period, setPeriod] = useState(nextMonth);
  const [district, setDistrict] = useState('');
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [job, setJob] = useMergeJob();
  const [visitFor, setVisitFor] = useState<JubileeEntry | null>(null);
  const status = useQuery({ queryKey: ['residents.status'], queryFn: () => api('residents.status', {}) });
  const signers = useQuery({ queryKey: ['signers.list'], queryFn: () => api('signers.list', {}) });
  const input = { ...period, district: district || undefined };
  const list = useQuery({
    queryKey: ['jubilees.list', input],
    queryFn: () => api('jubilees.list', input),
    enabled: Boolean(period.from && period.to),
    placeholderData: keepPreviousData,
  });


  const generate = useMutation({
    mutationFn: (kind: 'birthday' | 'wedding') =>
      api('letters.merge.start', {
        templateId: kind === 'birthday' ? 'geburtstag' : 'ehejubilaeum',
        recipients: { type: 'jubilees', ...input, kind },
        signerId: signers.data!.find((s) => s.active)!.id,
        output: 'files',
      }),
    onSuccess: setJob,
  });

  const exportList = useMutation({
    mutationFn: async ({ target, format }: { target: 'federal' | 'land' | 'district'; format: 'docx' | 'xlsx' }) => {
      const file = await api('jubilees.export', { ...input, target, format });
      downloadBase64(
        file.fileName,
        file.contentBase64,
        format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : undefined,
      );
    },
  });

  const visits = useQuery({ queryKey: ['jubilees.visits.list', period], queryFn: () => api('jubilees.visits.list', period) });
  const visitOf = (e: JubileeEntry) =>
    visits.data?.find((v) => v.jubileeDate === e.date && v.kind === e.kind && v.registerIds.join(',') === e.persons.map((p) => p.registerId).sort().join(','));

  const entries = list.data?.entries ?? [];
  const letters = (kind: 'birthday' | 'wedding') => entries.filter((e) => e.kind === kind && e.due.some((d) => d.action === 'letter')).length;

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
        <Field label="von">
          <Input type="date" value={period.from} onChange={(_, d) => setPeriod({ ...period, from: d.value })} />
        </Field>
        <Field label="bis">
          <Input type="date" value={period.to} onChange={(_, d) => setPeriod({ ...period, to: d.value })} />
        </Field>
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
        <Button appearance="primary" disabled={!letters('birthday') || !signers.data?.length || job?.state === 'running'} onClick={() => generate.mutate('birthday')}>
          {count(letters('birthday'), 'Geburtstagsbrief', 'Geburtstagsbriefe')} erstellen
        </Button>
        <Button appearance="primary" disabled={!letters('wedding') || !signers.data?.length || job?.state === 'running'} onClick={() => generate.mutate('wedding')}>
          {count(letters('wedding'), 'Ehejubiläumsbrief', 'Ehejubiläumsbriefe')} erstellen
        </Button>
      </div>
      <div className={styles.filters} aria-label="Listen und Meldungen">
        <Button onClick={() => exportList.mutate({ target: 'federal', format: 'docx' })}>Meldung Bundespräsident (Word)</Button>
        <Button onClick={() => exportList.mutate({ target: 'federal', format: 'xlsx' })}>Meldung Bundespräsident (Excel)</Button>
        <Button onClick={() => exportList.mutate({ target: 'land', format: 'docx' })}>Meldung Land NRW (Word)</Button>
        <Button onClick={() => exportList.mutate({ target: 'land', format: 'xlsx' })}>Meldung Land NRW (Excel)</Button>
        <Button onClick={() => exportList.mutate({ target: 'district', format: 'xlsx' })}>Liste für die Bezirke (Excel)</Button>
      </div>
      <ErrorMessage error={list.error ?? generate.error ?? exportList.error} />
      {job && (
        <>
          <ProgressBar value={job.total ? job.done / job.total : 0} aria-label="Fortschritt" />
          {job.state !== 'running' && (
            <MessageBar intent={job.state === 'done' && !job.problems.length ? 'success' : 'warning'} role="status">
              <MessageBarBody>
                <MessageBarTitle>{count(job.letterIds.length, 'Brief', 'Briefe')} erstellt</MessageBarTitle>
                {job.problems.map((p) => `${p.name}: ${p.message}`).join(' ')}
                {job.error}
              </MessageBarBody>
              <Button onClick={onShowRegister}>Zum Postausgang</Button>
            </MessageBar>
          )}
        </>
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
                      {e.due.map((d) => (
                        <Badge key={d.action} appearance="tint" color={d.action === 'letter' ? 'brand' : 'informative'}>
                          {ACTION_LABELS[d.action]} bis {germanDate(d.by)}
                        </Badge>
                      ))}
                    </span>
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
      <VisitDialog key={visitFor ? `${visitFor.date}-${visitFor.persons[0].registerId}` : "none"} entry={visitFor} onClose={() => setVisitFor(null)} />
      <ResidentImportDialog open={importing} onClose={() => setImporting(false)} onImported={setNotice} />
    </div>
  );
}
