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
import { INVITATION_REQUEST_LABELS, INVITATION_STATUS_LABELS, type Invitation } from '../../../../core/api';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilterSelect } from '../../components/FilterSelect';
import { count, germanDate } from '../../components/format';
import { RegisterRow } from '../../components/RegisterRow';
import { useRecordDialog } from '../../components/use-dialog-state';
import { describeSpan } from '../calendar/spans';
import { InvitationDialog } from './InvitationDialog';


type Status = Invitation['status'];

export const STATUS_COLORS: Record<Status, BadgeProps['color']> = {
  open: 'warning',
  accepted: 'success',
  delegated: 'informative',
  declined: 'subtle',
  written_greeting: 'brand',
};

/** Overdue ones first, then the other open ones by their reply date, then the decided by date. */
function order(a: Invitation, b: Invitation): number {
  const rank = (i: Invitation) => (i.overdue ? 0 : i.status === 'open' ? 1 : 2);
  const by = (i: Invitation) => (i.status === 'open' ? (i.replyBy ?? '9999') : (i.dates[0]?.start ?? ''));
  return rank(a) - rank(b) || by(a).localeCompare(by(b)) || a.id - b.id;
}

/** Invitations to the Oberbürgermeister/in: what is open and due, and what was decided. */
export function InvitationsPage({ onShowInCalendar }: { onShowInCalendar: (date: string) => void }) {
  const styles = useRegisterPageStyles();
  const [status, setStatus] = useState<Status | ''>('');
  const dialog = useRecordDialog();
  const list = useQuery({
    queryKey: ['invitations.list', status],
    queryFn: () => api('invitations.list', { status: status || undefined }),
    placeholderData: keepPreviousData,
  });
  const items = [...(list.data ?? [])].sort(order);
  const overdue = items.filter((i) => i.overdue).length;
  const empty = list.data !== undefined && items.length === 0 && !status;
  const add = (
    <Button appearance="primary" icon={<AddRegular />} onClick={() => dialog.open(null)}>
      Einladung erfassen …
    </Button>
  );

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Title2 as="h1">Einladungen</Title2>
        <div className={styles.grow} />
        <FilterSelect label="Status" value={status} labels={INVITATION_STATUS_LABELS} onChange={setStatus} />
        {!empty && add}
      </div>
      <ErrorMessage error={list.error} title="Die Einladungen lassen sich nicht laden" />
      {list.isPending && <Spinner size="small" />}
      {empty && (
        <EmptyState actions={add}>Noch keine Einladungen. Erfassen Sie jede Einladung, sobald sie eingeht: Die Liste zeigt dann, was bis wann zu beantworten ist.</EmptyState>
      )}
      {list.data && !empty && (
        <>
          <Text className={styles.muted} role="status">
            {count(items.length, 'Einladung', 'Einladungen')}
            {overdue > 0 && `, davon ${overdue} überfällig`}
          </Text>
          <Table size="small" aria-label="Einladungen">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Veranstaltung</TableHeaderCell>
                <TableHeaderCell>Einladende/r</TableHeaderCell>
                <TableHeaderCell>Termin(e)</TableHeaderCell>
                <TableHeaderCell>Antwort bis</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Erbeten</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((i) => (
                <RegisterRow key={i.id} overdue={i.overdue} onOpen={() => dialog.open(i.id)}>
                  <TableCell>
                    <div className={styles.stack}>
                      <Text weight="semibold">{i.event}</Text>
                      {i.place && <span className={styles.muted}>{i.place}</span>}
                    </div>
                  </TableCell>
                  <TableCell>{i.inviter}</TableCell>
                  <TableCell>
                    <div className={styles.stack}>
                      {i.dates.map((d, n) => (
                        <span key={n}>{describeSpan(d, true)}</span>
                      ))}
                    </div>
                  </TableCell>
                  <TableCell>
                    <div className={styles.badges}>
                      {i.replyBy ? germanDate(i.replyBy) : '–'}
                      {i.overdue && (
                        <Badge color="danger" appearance="filled">
                          überfällig
                        </Badge>
                      )}
                    </div>
                  </TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={STATUS_COLORS[i.status]}>
                      {INVITATION_STATUS_LABELS[i.status]}
                    </Badge>
                  </TableCell>
                  <TableCell>{i.requests.map((r) => INVITATION_REQUEST_LABELS[r]).join(', ')}</TableCell>
                </RegisterRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {dialog.opened && (
        <InvitationDialog key={dialog.opened.key} invitationId={dialog.opened.target} onClose={dialog.close} onShowInCalendar={onShowInCalendar} />
      )}
    </div>
  );
}
