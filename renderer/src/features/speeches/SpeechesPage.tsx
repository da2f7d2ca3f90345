import { useState } from 'react';
import {
  Badge,
  Button,
  Field,
  Input,
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
  type BadgeProps,
} from '@fluentui/react-components';
import { AddRegular, SearchRegular } from '@fluentui/react-icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { formatSpeakingTime, speakingSeconds, SPEECH_KIND_LABELS, SPEECH_STATUS_LABELS, type Speech } from '../../../../core/api';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilterSelect } from '../../components/FilterSelect';
import { count, germanDate } from '../../components/format';
import { RegisterRow } from '../../components/RegisterRow';
import { useRecordDialog } from '../../components/use-dialog-state';
import { describeSpan } from '../calendar/spans';
import { SpeechDialog } from './SpeechDialog';
import { SpeechSearchResults } from './SpeechSearchResults';


type Status = Speech['status'];

export const SPEECH_STATUS_COLORS: Record<Status, BadgeProps['color']> = {
  auftrag: 'warning',
  entwurf: 'informative',
  abstimmung: 'brand',
  freigegeben: 'success',
  gehalten: 'subtle',
};

/** Overdue ones first, then by deadline (none last). */
function order(a: Speech, b: Speech): number {
  const rank = (s: Speech) => (s.overdue ? 0 : 1);
  return rank(a) - rank(b) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.id - b.id;
}

/** The date of the occasion (an appointment), loaded on demand. */
function OccasionDate({ appointmentId }: { appointmentId: number | null }) {
  const styles = useRegisterPageStyles();
  const appointment = useQuery({
    queryKey: ['calendar.appointments.get', appointmentId],
    queryFn: () => api('calendar.appointments.get', { id: appointmentId! }),
    enabled: appointmentId !== null,
  });
  if (appointmentId === null) return <>–</>;
  if (!appointment.data) return <>…</>;
  return (
    <span>
      {describeSpan(appointment.data, true)}
      <br />
      <span className={styles.muted}>{appointment.data.title}</span>
    </span>
  );
}

type View = 'deadline' | 'speaker' | 'status';
const VIEW_LABELS: Record<View, string> = { deadline: 'nach Frist', speaker: 'nach Rednerin bzw. Redner', status: 'nach Status' };
const STATUS_ORDER = Object.keys(SPEECH_STATUS_LABELS) as Status[];

/** The rows in groups: one group by deadline; by speaker (alphabetically, unassigned last) or by status (workflow order). */
function groupsOf(items: Speech[], view: View): Array<{ label: string | null; items: Speech[] }> {
  if (view === 'deadline') return [{ label: null, items }];
  const groups = new Map<string, Speech[]>();
  for (const s of items) {
    const key = view === 'speaker' ? (s.speaker ?? '') : s.status;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const keys = [...groups.keys()].sort((a, b) =>
    view === 'status' ? STATUS_ORDER.indexOf(a as Status) - STATUS_ORDER.indexOf(b as Status) : (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || a.localeCompare(b, 'de'),
  );
  return keys.map((key) => ({
    label: view === 'status' ? SPEECH_STATUS_LABELS[key as Status] : key || 'Rednerin bzw. Redner noch offen',
    items: groups.get(key)!,
  }));
}

/** One speech in the register. */
function SpeechRow({ speech: s, wordsPerMinute, onOpen }: { speech: Speech; wordsPerMinute: number | undefined; onOpen: (id: number) => void }) {
  const styles = useRegisterPageStyles();
  return (
    <RegisterRow overdue={s.overdue} onOpen={() => onOpen(s.id)}>
      <TableCell>
        <div className={styles.stack}>
          <Text weight="semibold">{s.title}</Text>
          {s.audience && <span className={styles.muted}>{s.audience}</span>}
        </div>
      </TableCell>
      <TableCell>{SPEECH_KIND_LABELS[s.kind]}</TableCell>
      <TableCell>{s.speaker ?? '–'}</TableCell>
      <TableCell>
        <OccasionDate appointmentId={s.appointmentId} />
      </TableCell>
      <TableCell>
        {s.version === null ? (
          '–'
        ) : (
          <div className={styles.stack}>
            <span>{count(s.words, 'Wort', 'Wörter')}</span>
            <span className={styles.muted}>
              ca. {formatSpeakingTime(speakingSeconds(s.words, wordsPerMinute))}
              {s.targetMinutes && ` von ${s.targetMinutes} Min.`}
            </span>
          </div>
        )}
      </TableCell>
      <TableCell>
        <div className={styles.badges}>
          {s.deadline ? germanDate(s.deadline) : '–'}
          {s.overdue && (
            <Badge color="danger" appearance="filled">
              überfällig
            </Badge>
          )}
        </div>
      </TableCell>
      <TableCell>
        <Badge appearance="tint" color={SPEECH_STATUS_COLORS[s.status]}>
          {SPEECH_STATUS_LABELS[s.status]}
        </Badge>
      </TableCell>
    </RegisterRow>
  );
}

/** The speech register: who speaks where, what is due, what is overdue; full-text search over all texts. */
export function SpeechesPage() {
  const styles = useRegisterPageStyles();
  const [status, setStatus] = useState<Status | ''>('');
  const [speakerId, setSpeakerId] = useState('');
  const [view, setView] = useState<View>('deadline');
  const [search, setSearch] = useState('');
  const dialog = useRecordDialog();
  const settings = useQuery({ queryKey: ['speeches.settings'], queryFn: () => api('speeches.settings', {}) });
  const signers = useQuery({ queryKey: ['signers.list'], queryFn: () => api('signers.list', {}) });
  const list = useQuery({
    queryKey: ['speeches.list', status, speakerId],
    queryFn: () => api('speeches.list', { status: status || undefined, speakerId: speakerId ? Number(speakerId) : undefined }),
    placeholderData: keepPreviousData,
  });
  const items = [...(list.data ?? [])].sort(order);
  const overdue = items.filter((s) => s.overdue).length;
  const empty = list.data !== undefined && items.length === 0 && !status && !speakerId && !search.trim();
  const add = (
    <Button appearance="primary" icon={<AddRegular />} onClick={() => dialog.open(null)}>
      Neue Rede …
    </Button>
  );

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Title2 as="h1">Reden</Title2>
        <div className={styles.grow} />
        <Field label="Volltextsuche in Reden und Textbausteinen">
          <Input
            type="search"
            value={search}
            contentBefore={<SearchRegular />}
            placeholder="z. B. Hafenfest Ruhrort"
            onChange={(_, d) => setSearch(d.value)}
            onKeyDown={(e) => e.key === 'Escape' && setSearch('')}
          />
        </Field>
        <Field label="Ansicht">
          <Select value={view} onChange={(_, d) => setView(d.value as View)}>
            {Object.entries(VIEW_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <FilterSelect label="Status" value={status} labels={SPEECH_STATUS_LABELS} onChange={setStatus} />
        <Field label="Rednerin bzw. Redner">
          <Select value={speakerId} onChange={(_, d) => setSpeakerId(d.value)}>
            <option value="">alle</option>
            {(signers.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}, {s.office}
              </option>
            ))}
          </Select>
        </Field>
        {!empty && add}
      </div>
      <ErrorMessage error={list.error} title="Die Reden lassen sich nicht laden" />
      {list.isPending && <Spinner size="small" />}
      {search.trim() ? (
        <SpeechSearchResults text={search} onOpen={dialog.open} />
      ) : empty ? (
        <EmptyState actions={add}>Noch keine Reden. Legen Sie eine Rede an, sobald der Auftrag kommt – mit Anlass, Rednerin oder Redner und Abgabefrist.</EmptyState>
      ) : list.data ? (
        <>
          <Text className={styles.muted} role="status">
            {count(items.length, 'Rede', 'Reden')}
            {overdue > 0 && `, davon ${overdue} überfällig`}
          </Text>
          <Table size="small" aria-label="Reden">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Titel</TableHeaderCell>
                <TableHeaderCell>Art</TableHeaderCell>
                <TableHeaderCell>Rednerin/Redner</TableHeaderCell>
                <TableHeaderCell>Anlass</TableHeaderCell>
                <TableHeaderCell>Umfang</TableHeaderCell>
                <TableHeaderCell>Fällig am</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {groupsOf(items, view).map((group) => [
                group.label !== null && (
                  <TableRow key={`group-${group.label}`} aria-label={group.label}>
                    <TableCell colSpan={7}>
                      <Text weight="semibold">
                        {group.label} ({group.items.length})
                      </Text>
                    </TableCell>
                  </TableRow>
                ),
                ...group.items.map((s) => <SpeechRow key={s.id} speech={s} wordsPerMinute={settings.data?.wordsPerMinute} onOpen={dialog.open} />),
              ])}
            </TableBody>
          </Table>
        </>
      ) : null}
      {dialog.opened && <SpeechDialog key={dialog.opened.key} speechId={dialog.opened.target} onClose={dialog.close} />}
    </div>
  );
}
