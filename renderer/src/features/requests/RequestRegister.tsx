import { useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
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
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  DISTRICTS,
  REQUEST_CHANNEL_LABELS,
  REQUEST_KIND_LABELS,
  REQUEST_STATUS_LABELS,
  type Input,
  type RequestChannel,
  type RequestKind,
  type RequestListItem,
  type RequestStatus,
} from '../../../../core/api';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilterSelect } from '../../components/FilterSelect';
import { count, germanDate } from '../../components/format';
import { RegisterRow } from '../../components/RegisterRow';
import { personOf, registerOrder, STATUS_COLORS } from './labels';

const PAGE_SIZE = 200;

const useStyles = makeStyles({
  search: { minWidth: '260px' },
  /** Long department names must not widen the filter row. */
  department: { width: '240px', '& .fui-Select': { minWidth: 0, width: '100%' }, '& select': { minWidth: 0, width: '100%', textOverflow: 'ellipsis' } },
  overdueDate: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  pager: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  followUp: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  // A date is one line (badges are, everywhere: global.css).
  nowrap: { whiteSpace: 'nowrap' },
});

/** "open": everything not yet erledigt; "attention": statement overdue or follow-up due. */
type StatusFilter = '' | 'open' | 'attention' | RequestStatus;

/** The register of requests: what needs attention first, filters, search, paging. */
export function RequestRegister({ onOpen }: { onOpen: (id: number) => void }) {
  const styles = useRegisterPageStyles();
  const own = useStyles();
  const [status, setStatus] = useState<StatusFilter>('');
  const [kind, setKind] = useState<RequestKind | ''>('');
  const [channel, setChannel] = useState<RequestChannel | ''>('');
  const [district, setDistrict] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [search, setSearch] = useState('');
  const [text, setText] = useState('');
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => setText(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  // Another filter starts again on the first page.
  useEffect(() => setOffset(0), [status, kind, channel, district, departmentId, text]);

  const filter: Input<'requests.list'> = {
    status: status === '' || status === 'open' || status === 'attention' ? undefined : status,
    open: status === 'open' || undefined,
    attention: status === 'attention' || undefined,
    kind: kind || undefined,
    channel: channel || undefined,
    district: district || undefined,
    departmentId: departmentId ? Number(departmentId) : undefined,
    text: text || undefined,
    limit: PAGE_SIZE,
    offset,
  };
  const list = useQuery({ queryKey: ['requests.list', 'register', filter], queryFn: () => api('requests.list', filter), placeholderData: keepPreviousData });
  const attention = useQuery({ queryKey: ['requests.list', 'attention'], queryFn: () => api('requests.list', { attention: true, limit: 1 }) });
  const departments = useQuery({ queryKey: ['requests.departments'], queryFn: () => api('requests.departments', {}) });
  const items = [...(list.data?.items ?? [])].sort(registerOrder);
  const total = list.data?.total ?? 0;

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Field label="Status">
          <Select value={status} onChange={(_, d) => setStatus(d.value as StatusFilter)}>
            <option value="">alle</option>
            <option value="open">offen</option>
            <option value="attention">Handlungsbedarf</option>
            {Object.entries(REQUEST_STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <FilterSelect label="Art" value={kind} labels={REQUEST_KIND_LABELS} onChange={setKind} />
        <FilterSelect label="Eingangsweg" value={channel} labels={REQUEST_CHANNEL_LABELS} onChange={setChannel} />
        <Field label="Stadtbezirk">
          <Select value={district} onChange={(_, d) => setDistrict(d.value)}>
            <option value="">alle</option>
            {DISTRICTS.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </Select>
        </Field>
        <Field label="Fachbereich" className={own.department}>
          <Select value={departmentId} onChange={(_, d) => setDepartmentId(d.value)}>
            <option value="">alle</option>
            {(departments.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Suche">
          <SearchBox className={own.search} placeholder="Betreff, Text, Ort, Stellungnahme" value={search} onChange={(_, d) => setSearch(d.value)} />
        </Field>
      </div>
      <ErrorMessage error={list.error} title="Die Anliegen lassen sich nicht laden" />
      {list.isPending && <Spinner size="small" />}
      {(attention.data?.total ?? 0) > 0 && status !== 'attention' && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Handlungsbedarf</MessageBarTitle>
            {count(attention.data!.total, 'Anliegen braucht', 'Anliegen brauchen')} Aufmerksamkeit: Stellungnahme überfällig oder Wiedervorlage fällig.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => setStatus('attention')}>
              Nur diese zeigen
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {list.data && (
        <>
          <Text className={styles.muted} role="status">
            {count(total, 'Anliegen', 'Anliegen')}
            {total > items.length && `, angezeigt ${(offset + 1).toLocaleString('de-DE')}–${(offset + items.length).toLocaleString('de-DE')}`}
          </Text>
          <Table size="small" aria-label="Anliegen">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: '90px' }}>Eingang</TableHeaderCell>
                <TableHeaderCell style={{ width: '110px' }}>Art</TableHeaderCell>
                <TableHeaderCell style={{ width: '27%' }}>Betreff</TableHeaderCell>
                <TableHeaderCell style={{ width: '160px' }}>Person</TableHeaderCell>
                <TableHeaderCell style={{ width: '130px' }}>Stadtbezirk</TableHeaderCell>
                <TableHeaderCell style={{ width: '210px' }}>Status</TableHeaderCell>
                <TableHeaderCell style={{ width: '170px' }}>Fachbereich</TableHeaderCell>
                <TableHeaderCell style={{ width: '110px' }}>Frist</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((r) => (
                <RequestRow key={r.id} request={r} onOpen={() => onOpen(r.id)} />
              ))}
            </TableBody>
          </Table>
          {items.length === 0 && <Text className={styles.muted}>Keine Anliegen{status || kind || channel || district || departmentId || text ? ' zu dieser Auswahl' : ''}.</Text>}
          {total > PAGE_SIZE && (
            <div className={own.pager}>
              <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                Vorherige {PAGE_SIZE}
              </Button>
              <Button disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
                Nächste {PAGE_SIZE}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function RequestRow({ request: r, onOpen }: { request: RequestListItem; onOpen: () => void }) {
  const styles = useRegisterPageStyles();
  const own = useStyles();
  return (
    <RegisterRow overdue={r.overdue} className={!r.overdue && r.followUpDue ? own.followUp : undefined} onOpen={onOpen}>
      <TableCell className={own.nowrap}>{germanDate(r.receivedOn)}</TableCell>
      <TableCell>{REQUEST_KIND_LABELS[r.kind]}</TableCell>
      <TableCell>
        <div className={styles.stack}>
          <Text weight="semibold">{r.subject}</Text>
          {r.category && <span className={styles.muted}>{r.category}</span>}
        </div>
      </TableCell>
      <TableCell>{personOf(r)}</TableCell>
      <TableCell>{r.district || '–'}</TableCell>
      <TableCell>
        <div className={styles.badges}>
          <Badge appearance="tint" color={STATUS_COLORS[r.status]}>
            {REQUEST_STATUS_LABELS[r.status]}
          </Badge>
          {r.overdue && (
            <Badge appearance="filled" color="danger">
              Stellungnahme überfällig
            </Badge>
          )}
          {r.followUpDue && (
            <Badge appearance="filled" color="warning" title={r.followUpOn ? `Wiedervorlage am ${germanDate(r.followUpOn)}` : undefined}>
              Wiedervorlage fällig
            </Badge>
          )}
        </div>
      </TableCell>
      <TableCell>{r.department ?? '–'}</TableCell>
      <TableCell className={own.nowrap}>
        <div className={styles.stack}>
          {r.statementDue && r.status === 'weitergeleitet' && (
            <span className={r.overdue ? own.overdueDate : undefined} title="Stellungnahme erbeten bis">
              {germanDate(r.statementDue)}
            </span>
          )}
          {r.followUpOn && r.status !== 'erledigt' && (
            <span className={r.followUpDue ? own.overdueDate : styles.muted} title="Wiedervorlage">
              WV {germanDate(r.followUpOn)}
            </span>
          )}
          {!(r.statementDue && r.status === 'weitergeleitet') && !(r.followUpOn && r.status !== 'erledigt') && '–'}
        </div>
      </TableCell>
    </RegisterRow>
  );
}
