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
import { VISIT_DIRECTION_LABELS, type VisitDirection, type VisitSummary } from '../../../../core/api';
import { api } from '../../api/client';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count, germanDate } from '../../components/format';
import { VisitDialog } from './VisitDialog';

const dates = (v: VisitSummary) => (v.from === v.to ? germanDate(v.from) : `${germanDate(v.from)} – ${germanDate(v.to)}`);

/** The register of incoming and outgoing visits and delegations, newest first. */
export function VisitsPage() {
  const styles = useRegisterPageStyles();
  const [direction, setDirection] = useState<VisitDirection | ''>('');
  const [editing, setEditing] = useState<{ id: number | null; key: number } | null>(null);
  const list = useQuery({
    queryKey: ['visits.list', direction],
    queryFn: () => api('visits.list', { direction: direction || undefined }),
    placeholderData: keepPreviousData,
  });
  const edit = (id: number | null) => setEditing({ id, key: Date.now() });
  const items = list.data ?? [];

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Title2 as="h1">Besuche und Delegationen</Title2>
        <div className={styles.grow} />
        <Field label="Richtung">
          <Select value={direction} onChange={(_, d) => setDirection(d.value as VisitDirection | '')}>
            <option value="">alle</option>
            {Object.entries(VISIT_DIRECTION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => edit(null)}>
          Besuch anlegen …
        </Button>
      </div>
      <ErrorMessage error={list.error} title="Die Besuche lassen sich nicht laden" />
      {list.isPending && <Spinner size="small" />}
      {list.data && (
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
                <TableRow key={v.id} tabIndex={0} className={styles.row} onClick={() => edit(v.id)} onKeyDown={(e) => e.key === 'Enter' && edit(v.id)}>
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
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {editing && <VisitDialog key={editing.key} visitId={editing.id} onClose={() => setEditing(null)} />}
    </div>
  );
}
