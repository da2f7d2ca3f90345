import { useState } from 'react';
import {
  Badge,
  Button,
  Field,
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
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CITIZEN_EVENT_KIND_LABELS, type CitizenEventKind } from '../../../../core/api';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilterSelect } from '../../components/FilterSelect';
import { count } from '../../components/format';
import { RegisterRow } from '../../components/RegisterRow';
import { useRecordDialog } from '../../components/use-dialog-state';
import { CitizenEventDialog } from './CitizenEventDialog';
import { eventWhen, placesLabel } from './event-form-values';

type Period = 'upcoming' | 'past' | 'all';
const PERIOD_LABELS: Record<Period, string> = { upcoming: 'kommende', past: 'vergangene', all: 'alle' };

/** Citizens' talks and walks: the coming ones first (soonest first), then those that are over. */
export function CitizenEventsPage() {
  const styles = useRegisterPageStyles();
  const [period, setPeriod] = useState<Period>('upcoming');
  const [kind, setKind] = useState<CitizenEventKind | ''>('');
  const dialog = useRecordDialog();
  const list = useQuery({
    queryKey: ['citizenEvents.list', period, kind],
    queryFn: () => api('citizenEvents.list', { period, kind: kind || undefined }),
    placeholderData: keepPreviousData,
    // Concerns are recorded on the requests page: the counts are read afresh whenever the page opens.
    refetchOnMount: 'always',
  });
  const items = list.data ?? [];
  const empty = list.data !== undefined && items.length === 0 && !kind && period !== 'past';
  const add = (
    <Button appearance="primary" icon={<AddRegular />} onClick={() => dialog.open(null)}>
      Veranstaltung anlegen …
    </Button>
  );

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Title2 as="h1">Bürgergespräche und Bürgerspaziergänge</Title2>
        <div className={styles.grow} />
        <Field label="Zeitraum">
          <Select value={period} onChange={(_, d) => setPeriod(d.value as Period)}>
            {Object.entries(PERIOD_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <FilterSelect label="Art" value={kind} labels={CITIZEN_EVENT_KIND_LABELS} onChange={setKind} />
        {!empty && add}
      </div>
      <ErrorMessage error={list.error} title="Die Veranstaltungen lassen sich nicht laden" />
      {list.isPending && <Spinner size="small" />}
      {empty && <EmptyState actions={add}>{period === 'upcoming' ? 'Keine kommenden Veranstaltungen.' : 'Noch keine Veranstaltungen.'} Legen Sie ein Bürgergespräch oder einen Bürgerspaziergang an; Anmeldungen und die Anliegen der Bürgerinnen und Bürger tragen Sie dann dort ein.</EmptyState>}
      {list.data && !empty && (
        <>
          <Text className={styles.muted} role="status">
            {count(items.length, 'Veranstaltung', 'Veranstaltungen')}
          </Text>
          <Table size="small" aria-label="Bürgergespräche">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Veranstaltung</TableHeaderCell>
                <TableHeaderCell>Wann</TableHeaderCell>
                <TableHeaderCell>Stadtbezirk</TableHeaderCell>
                <TableHeaderCell>Anmeldungen</TableHeaderCell>
                <TableHeaderCell>Anliegen</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((e) => (
                <RegisterRow key={e.id} onOpen={() => dialog.open(e.id)}>
                  <TableCell>
                    <div className={styles.stack}>
                      <Text weight="semibold">{e.title}</Text>
                      <span className={styles.muted}>
                        {CITIZEN_EVENT_KIND_LABELS[e.kind]}
                        {e.place && ` · ${e.kind === 'spaziergang' ? 'Treffpunkt: ' : ''}${e.place}`}
                        {e.kind === 'spaziergang' && e.route.length > 0 && ` · ${count(e.route.length, 'Halt', 'Halte')}`}
                      </span>
                    </div>
                  </TableCell>
                  <TableCell>{eventWhen(e, true)}</TableCell>
                  <TableCell>{e.district || '–'}</TableCell>
                  <TableCell>
                    <div className={styles.badges}>
                      <span>{placesLabel(e)}</span>
                      {e.free === 0 && (
                        <Badge appearance="tint" color="danger">
                          ausgebucht
                        </Badge>
                      )}
                    </div>
                  </TableCell>
                  <TableCell>{e.concerns > 0 ? e.concerns : '–'}</TableCell>
                </RegisterRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {dialog.opened && <CitizenEventDialog key={dialog.opened.key} eventId={dialog.opened.target} onClose={dialog.close} />}
    </div>
  );
}
