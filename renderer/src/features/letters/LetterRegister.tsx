import { useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Card,
  makeStyles,
  SearchBox,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  LETTER_STATUS_LABELS,
  TEMPLATE_KIND_LABELS,
  templateKindSchema,
  type LetterStatus,
  type TemplateKind,
} from '../../../../core/api';
import { api } from '../../api/client';
import { DateInput } from '../../components/DateInputs';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count, germanDate } from '../../components/format';
import { isIsoDate } from '../../components/german-date';
import { useRecordDialog } from '../../components/use-dialog-state';
import { openLetter, openLetterLabel } from './open-letter';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalM },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
  split: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 360px', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  row: { cursor: 'pointer' },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  detail: { display: 'grid', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  events: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

const STATUS_COLORS: Record<LetterStatus, 'informative' | 'warning' | 'success'> = {
  entwurf: 'informative',
  zur_unterschrift: 'warning',
  versandt: 'success',
};


/**
 * The outgoing-letters register: search, filter, status, file, history. The letter shown is in
 * the address (`#/letters/register/12`); an empty register leads to writing the first letter
 * (`onWrite`: the Korrespondenz section that does it).
 */
export function LetterRegister({ contactId, onWrite }: { contactId?: number; onWrite: (section: 'compose' | 'merge') => void }) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [kind, setKind] = useState<TemplateKind | ''>('');
  const [status, setStatus] = useState<LetterStatus | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const shown = useRecordDialog();
  const selectedId = shown.opened?.target ?? null;
  const setSelectedId = shown.open;
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), 150);
    return () => clearTimeout(timer);
  }, [query]);

  const filter = { query: debounced || undefined, kind: kind || undefined, status: status || undefined, from: isIsoDate(from) ? from : undefined, to: isIsoDate(to) ? to : undefined, contactId };
  const filtered = Boolean(filter.query || filter.kind || filter.status || filter.from || filter.to);
  const list = useQuery({ queryKey: ['letters.list', filter], queryFn: () => api('letters.list', filter), placeholderData: keepPreviousData });
  const letter = useQuery({ queryKey: ['letters.get', selectedId], queryFn: () => api('letters.get', { id: selectedId! }), enabled: selectedId !== null });

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['letters.list'] });
    await queryClient.invalidateQueries({ queryKey: ['letters.get'] });
  };
  // Status changes and new versions go against the revision of the letter as shown.
  const shownLetter = () => ({ id: letter.data!.id, revision: letter.data!.revision });
  const setLetterStatus = useMutation({
    mutationFn: (next: LetterStatus) => api('letters.setStatus', { ...shownLetter(), status: next }),
    onSuccess: refresh,
  });
  const regenerate = useMutation({ mutationFn: () => api('letters.regenerate', shownLetter()), onSuccess: refresh });
  /** „Neu laden“ after STALE: the letter as it is stored now is shown; nothing of the refused change is kept. */
  const reload = async () => {
    setLetterStatus.reset();
    regenerate.reset();
    await refresh();
  };
  const openFile = useMutation({ mutationFn: () => openLetter(selectedId!) });

  return (
    <div className={styles.page}>
      <div className={styles.filters} role="search">
        <SearchBox placeholder="Empfänger, Betreff, Text …" aria-label="Postausgang durchsuchen" value={query} onChange={(_, d) => setQuery(d.value)} />
        <Select aria-label="Art" value={kind} onChange={(_, d) => setKind(d.value as TemplateKind | '')}>
          <option value="">Alle Arten</option>
          {templateKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {TEMPLATE_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
        <Select aria-label="Status" value={status} onChange={(_, d) => setStatus(d.value as LetterStatus | '')}>
          <option value="">Jeder Status</option>
          {Object.entries(LETTER_STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        <DateInput label="von" value={from} onChange={setFrom} />
        <DateInput label="bis" value={to} onChange={setTo} />
      </div>
      <ErrorMessage error={list.error} />
      {list.isPending && <Spinner size="small" />}
      {list.data && list.data.total === 0 && !filtered && (
        <EmptyState
          actions={
            <>
              <Button appearance="primary" onClick={() => onWrite('compose')}>
                Brief schreiben
              </Button>
              <Button onClick={() => onWrite('merge')}>Serienbrief erstellen</Button>
            </>
          }
        >
          Noch keine Briefe im Postausgang. Jeder Brief, den Sie einzeln oder als Serienbrief erstellen, erscheint hier – mit seinem Stand vom Entwurf bis zum Versand.
        </EmptyState>
      )}
      {list.data && (list.data.total > 0 || filtered) && (
        <div className={styles.split}>
          <div>
            <Text className={styles.muted} role="status">
              {count(list.data.total, 'Brief', 'Briefe')}
            </Text>
            <Table size="small" aria-label="Postausgang">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Datum</TableHeaderCell>
                  <TableHeaderCell>Empfänger</TableHeaderCell>
                  <TableHeaderCell>Art / Anlass</TableHeaderCell>
                  <TableHeaderCell>Unterzeichnet</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.data.items.map((item) => (
                  <TableRow
                    key={item.id}
                    tabIndex={0}
                    className={item.id === selectedId ? `${styles.row} ${styles.selected}` : styles.row}
                    aria-selected={item.id === selectedId}
                    onClick={() => setSelectedId(item.id)}
                    onKeyDown={(e) => e.key === 'Enter' && setSelectedId(item.id)}
                  >
                    <TableCell>{germanDate(item.letterDate)}</TableCell>
                    <TableCell>{item.recipientName}</TableCell>
                    <TableCell>{[item.kindLabel, item.occasion].filter(Boolean).join(' · ')}</TableCell>
                    <TableCell>{item.signerName}</TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={STATUS_COLORS[item.status]}>
                        {LETTER_STATUS_LABELS[item.status]}
                      </Badge>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {letter.data && (
            <Card className={styles.detail} aria-label="Brief">
              <Text weight="semibold">
                Brief Nr. {letter.data.id}: {letter.data.subject}
              </Text>
              <Text>{letter.data.recipientLines.join(', ')}</Text>
              <Text className={styles.muted}>
                {germanDate(letter.data.letterDate)} · {letter.data.kindLabel} · unterzeichnet von {letter.data.signerName} · Fassung{' '}
                {letter.data.version}
              </Text>
              <Text>
                Status: <strong>{LETTER_STATUS_LABELS[letter.data.status]}</strong>
              </Text>
              <div className={styles.actions}>
                {letter.data.status !== 'zur_unterschrift' && letter.data.status !== 'versandt' && (
                  <Button onClick={() => setLetterStatus.mutate('zur_unterschrift')}>Zur Unterschrift</Button>
                )}
                {letter.data.status !== 'versandt' && (
                  <Button appearance="primary" onClick={() => setLetterStatus.mutate('versandt')}>
                    Als versandt markieren
                  </Button>
                )}
                {letter.data.status !== 'entwurf' && <Button onClick={() => setLetterStatus.mutate('entwurf')}>Zurück auf Entwurf</Button>}
              </div>
              <div className={styles.actions}>
                <Button onClick={() => openFile.mutate()}>{openLetterLabel()}</Button>
                <Button
                  onClick={() => {
                    const sent = letter.data.status !== 'entwurf';
                    const ok =
                      !sent ||
                      window.confirm(
                        `Der Brief ist „${LETTER_STATUS_LABELS[letter.data.status]}“. Eine neue Fassung wird erzeugt und wieder als Entwurf geführt; die bisherige Datei bleibt erhalten. Fortfahren?`,
                      );
                    if (ok) regenerate.mutate();
                  }}
                  title="Mit den aktuellen Kontaktdaten und der aktuellen Vorlage; frühere Fassungen bleiben erhalten"
                >
                  Neu erzeugen
                </Button>
              </div>
              <ErrorMessage error={setLetterStatus.error ?? regenerate.error ?? openFile.error} onReload={() => void reload()} />
              <Text weight="semibold">Verlauf</Text>
              <ul className={styles.events}>
                {letter.data.events.map((event, i) => (
                  <li key={i}>
                    {new Date(event.at).toLocaleString('de-DE')} · {event.action} {event.detail && `(${event.detail})`} · {event.user}
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      )}
    </div>
  );
}
