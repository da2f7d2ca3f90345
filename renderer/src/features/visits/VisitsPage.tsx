import { useState } from 'react';
import {
  Badge,
  Button,
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
import { VISIT_DIRECTION_LABELS, type VisitDirection, type VisitSummary } from '../../../../core/api';
import { api } from '../../api/client';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { FilterSelect } from '../../components/FilterSelect';
import { RegisterRow } from '../../components/RegisterRow';
import { useRecordDialog } from '../../components/use-dialog-state';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count, germanDate } from '../../components/format';
import { VisitDialog } from './VisitDialog';

const dates = (v: VisitSummary) => (v.from === v.to ? germanDate(v.from) : `${germanDate(v.from)} – ${germanDate(v.to)}`);

/** The register of incoming and outgoing visits and delegations, newest first. */
export function VisitsPage() {
  const styles = useRegisterPageStyles();
  const [direction, setDirection] = useState<VisitDirection | ''>('');
  const { opened, open, close } = useRecordDialog();
  const list = useQuery({
    queryKey: ['visits.list', direction],
    queryFn: () => api('visits.list', { direction: direction || undefined }),
    placeholderData: keepPreviousData,
  });
  const items = list.data ?? [];
  const empty = list.data !== undefined && items.length === 0 && !direction;
  const add = (
    <Button appearance="primary" icon={<AddRegular />} onClick={() => open(null)}>
      Besuch anlegen …
    </Button>
  );

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Title2 as="h1">Besuche und Delegationen</Title2>
        <div className={styles.grow} />
        <FilterSelect label="Richtung" value={direction} labels={VISIT_DIRECTION_LABELS} onChange={setDirection} />
        {!empty && add}
      </div>
      <ErrorMessage error={list.error} title="Die Besuche lassen sich nicht laden" />
      {list.isPending && <Spinner size="small" />}
      {empty && <EmptyState actions={add}>Noch keine Besuche. Legen Sie einen Besuch in Duisburg oder eine Reise der Stadt an – mit Gästen, Programm und Sitzordnung.</EmptyState>}
      {list.data && !empty && (
        <>
          <Text className={styles.muted} role="status">
            {count(items.length, 'Besuch', 'Besuche')}
          </Text>
          <Table size="small" aria-label="Besuche">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Besuch</TableHeaderCell>
                <TableHeaderCell>Richtung</TableHeaderCell>
                <TableHeaderCell>Zeitraum</TableHeaderCell>
                <TableHeaderCell>Gäste</TableHeaderCell>
                <TableHeaderCell>Programm</TableHeaderCell>
                <TableHeaderCell>Sitzordnung</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((v) => (
                <RegisterRow key={v.id} onOpen={() => open(v.id)}>
                  <TableCell>
                    <div className={styles.stack}>
                      <Text weight="semibold">{v.title}</Text>
                      {v.partnership && <span className={styles.muted}>Partnerstadt {v.partnership}</span>}
                    </div>
                  </TableCell>
                  <TableCell>{VISIT_DIRECTION_LABELS[v.direction]}</TableCell>
                  <TableCell>{dates(v)}</TableCell>
                  <TableCell>
                    <div className={styles.stack}>
                      <span>{count(v.guests, 'Gast', 'Gäste')}</span>
                      {v.leadGuest && <span className={styles.muted}>{v.leadGuest}</span>}
                    </div>
                  </TableCell>
                  <TableCell>{count(v.appointmentCount, 'Termin', 'Termine')}</TableCell>
                  <TableCell>
                    {v.hasSeating ? (
                      <Badge appearance="tint" color="success">
                        gespeichert
                      </Badge>
                    ) : (
                      '–'
                    )}
                  </TableCell>
                </RegisterRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {opened && <VisitDialog key={opened.key} visitId={opened.target} onClose={close} />}
    </div>
  );
}
