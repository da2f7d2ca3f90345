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
  type BadgeProps,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PATRONAGE_DECISION_LABELS, type Patronage, type PatronageDecision } from '../../../../core/api';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilterSelect } from '../../components/FilterSelect';
import { count } from '../../components/format';
import { RegisterRow } from '../../components/RegisterRow';
import { useRecordDialog } from '../../components/use-dialog-state';
import { criteriaSummary, eventDates } from './criteria';
import { PatronageDialog } from './PatronageDialog';

export const DECISION_COLORS: Record<PatronageDecision, BadgeProps['color']> = {
  offen: 'warning',
  uebernommen: 'success',
  abgelehnt: 'subtle',
};

/** Open requests first, then by the event's date. */
function order(a: Patronage, b: Patronage): number {
  const rank = (p: Patronage) => (p.decision === 'offen' ? 0 : 1);
  return rank(a) - rank(b) || a.eventFrom.localeCompare(b.eventFrom) || a.id - b.id;
}

/** The criteria at a glance: all met, or how many are not met or not yet checked. */
function CriteriaBadge({ patronage }: { patronage: Patronage }) {
  const styles = useRegisterPageStyles();
  const { notMet, unchecked } = criteriaSummary(patronage.criteria);
  if (patronage.criteriaMet) {
    return (
      <Badge appearance="tint" color="success">
        alle erfüllt
      </Badge>
    );
  }
  return (
    <div className={styles.badges}>
      {notMet.length > 0 && (
        <Badge appearance="tint" color="danger" title={notMet.join(', ')}>
          {notMet.length} nicht erfüllt
        </Badge>
      )}
      {unchecked.length > 0 && (
        <Badge appearance="outline" color="informative" title={unchecked.join(', ')}>
          {unchecked.length} nicht geprüft
        </Badge>
      )}
    </div>
  );
}

/** Requests for a patronage of the Oberbürgermeister/in: what is open, what was taken on or declined. */
export function PatronagesPage() {
  const styles = useRegisterPageStyles();
  const [decision, setDecision] = useState<PatronageDecision | ''>('');
  const dialog = useRecordDialog();
  const list = useQuery({
    queryKey: ['patronages.list', decision],
    queryFn: () => api('patronages.list', { decision: decision || undefined }),
    placeholderData: keepPreviousData,
  });
  const items = [...(list.data ?? [])].sort(order);
  const open = items.filter((p) => p.decision === 'offen').length;
  const empty = list.data !== undefined && items.length === 0 && !decision;
  const add = (
    <Button appearance="primary" icon={<AddRegular />} onClick={() => dialog.open(null)}>
      Anfrage erfassen …
    </Button>
  );

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Title2 as="h1">Schirmherrschaften</Title2>
        <div className={styles.grow} />
        <FilterSelect label="Entscheidung" value={decision} labels={PATRONAGE_DECISION_LABELS} onChange={setDecision} />
        {!empty && add}
      </div>
      <ErrorMessage error={list.error} title="Die Schirmherrschaften lassen sich nicht laden" />
      {list.isPending && <Spinner size="small" />}
      {empty && <EmptyState actions={add}>Noch keine Anfragen um eine Schirmherrschaft. Erfassen Sie jede Anfrage, sobald sie eingeht; im Formular prüfen Sie die Kriterien und halten die Entscheidung fest.</EmptyState>}
      {list.data && !empty && (
        <>
          <Text className={styles.muted} role="status">
            {count(items.length, 'Anfrage', 'Anfragen')}
            {open > 0 && decision === '' && `, davon ${open} offen`}
          </Text>
          <Table size="small" aria-label="Schirmherrschaften">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Veranstaltung</TableHeaderCell>
                <TableHeaderCell>Anfragende Organisation</TableHeaderCell>
                <TableHeaderCell>Datum</TableHeaderCell>
                <TableHeaderCell>Schirmherr/in</TableHeaderCell>
                <TableHeaderCell>Kriterien</TableHeaderCell>
                <TableHeaderCell>Entscheidung</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((p) => (
                <RegisterRow key={p.id} onOpen={() => dialog.open(p.id)}>
                  <TableCell>
                    <div className={styles.stack}>
                      <Text weight="semibold">{p.event}</Text>
                      {p.place && <span className={styles.muted}>{p.place}</span>}
                    </div>
                  </TableCell>
                  <TableCell>{p.organisation}</TableCell>
                  <TableCell>{eventDates(p)}</TableCell>
                  <TableCell>{p.patron ?? '–'}</TableCell>
                  <TableCell>
                    <CriteriaBadge patronage={p} />
                  </TableCell>
                  <TableCell>
                    <div className={styles.stack}>
                      <div className={styles.badges}>
                        <Badge appearance="tint" color={DECISION_COLORS[p.decision]}>
                          {PATRONAGE_DECISION_LABELS[p.decision]}
                        </Badge>
                      </div>
                      {p.replyLetterId !== null && <span className={styles.muted}>Antwortschreiben Nr. {p.replyLetterId}</span>}
                    </div>
                  </TableCell>
                </RegisterRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {dialog.opened && <PatronageDialog key={dialog.opened.key} patronageId={dialog.opened.target} onClose={dialog.close} />}
    </div>
  );
}
