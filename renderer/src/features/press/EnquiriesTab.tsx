import { useState } from 'react';
import {
  Badge,
  Button,
  Field,
  makeStyles,
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
import { AddRegular } from '@fluentui/react-icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count } from '../../components/format';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { RegisterRow } from '../../components/RegisterRow';
import { openedRecord, useRecordDialog } from '../../components/use-dialog-state';
import { EnquiryDialog } from './EnquiryDialog';
import { instantText, wallClockText } from './press-format';

const useStyles = makeStyles({
  overdueDate: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  nowrap: { whiteSpace: 'nowrap' },
});

type Filter = 'open' | 'answered' | '';

/** Press enquiries: open ones first by deadline, overdue ones in red; the answer with who and when. */
export function EnquiriesTab() {
  const styles = useRegisterPageStyles();
  const own = useStyles();
  const [filter, setFilter] = useState<Filter>('');
  const dialog = useRecordDialog();
  const list = useQuery({
    queryKey: ['press.enquiries.list', filter],
    queryFn: () => api('press.enquiries.list', { open: filter === '' ? undefined : filter === 'open' }),
    placeholderData: keepPreviousData,
  });
  const items = list.data ?? [];
  const opened = openedRecord(dialog.opened, list.data, (e) => e.id);
  const overdue = items.filter((e) => e.overdue).length;
  const empty = list.data !== undefined && items.length === 0 && !filter;
  const add = (
    <Button appearance="primary" icon={<AddRegular />} onClick={() => dialog.open(null)}>
      Anfrage erfassen …
    </Button>
  );

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Field label="Anzeigen">
          <Select value={filter} onChange={(_, d) => setFilter(d.value as Filter)}>
            <option value="">alle</option>
            <option value="open">offene</option>
            <option value="answered">beantwortete</option>
          </Select>
        </Field>
        <div className={styles.grow} />
        {!empty && add}
      </div>
      <ErrorMessage error={list.error} title="Die Presseanfragen lassen sich nicht laden" />
      {list.isPending && <Spinner size="small" />}
      {empty && <EmptyState actions={add}>Noch keine Presseanfragen. Erfassen Sie jede Anfrage einer Redaktion mit ihrer Frist; die Liste zeigt dann, was noch zu beantworten ist.</EmptyState>}
      {list.data && !empty && (
        <>
          <Text className={styles.muted} role="status">
            {count(items.length, 'Presseanfrage', 'Presseanfragen')}
            {overdue > 0 && `, davon ${overdue} überfällig`}
          </Text>
          <Table size="small" aria-label="Presseanfragen">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: '170px' }}>Eingang</TableHeaderCell>
                <TableHeaderCell style={{ width: '260px' }}>Wer fragt</TableHeaderCell>
                <TableHeaderCell>Thema</TableHeaderCell>
                <TableHeaderCell style={{ width: '260px' }}>Frist</TableHeaderCell>
                <TableHeaderCell style={{ width: '220px' }}>Antwort</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((e) => (
                <RegisterRow key={e.id} overdue={e.overdue} onOpen={() => dialog.open(e.id)}>
                  <TableCell>{wallClockText(e.receivedAt)}</TableCell>
                  <TableCell>
                    <div className={styles.stack}>
                      <span>{e.outlet || e.journalist}</span>
                      {e.outlet && e.journalist && <span className={styles.muted}>{e.journalist}</span>}
                    </div>
                  </TableCell>
                  <TableCell>
                    <div className={styles.stack}>
                      <Text weight="semibold">{e.topic}</Text>
                      {e.question && <span className={styles.muted}>{e.question.length > 140 ? `${e.question.slice(0, 140)} …` : e.question}</span>}
                    </div>
                  </TableCell>
                  <TableCell>
                    <div className={styles.badges}>
                      <span className={e.overdue ? own.overdueDate : undefined}>{e.deadline ? wallClockText(e.deadline) : '–'}</span>
                      {e.overdue && (
                        <Badge className={own.nowrap} color="danger" appearance="filled">
                          überfällig
                        </Badge>
                      )}
                    </div>
                  </TableCell>
                  <TableCell>
                    {e.answeredAt ? (
                      <div className={styles.stack}>
                        <Badge className={own.nowrap} appearance="tint" color="success">
                          beantwortet
                        </Badge>
                        <span className={styles.muted}>
                          {instantText(e.answeredAt)}
                          {e.answeredBy && `, ${e.answeredBy}`}
                        </span>
                      </div>
                    ) : (
                      <Badge appearance="outline" color="warning">
                        offen
                      </Badge>
                    )}
                  </TableCell>
                </RegisterRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {dialog.opened && opened !== undefined && <EnquiryDialog key={dialog.opened.key} enquiry={opened} onClose={dialog.close} />}
    </div>
  );
}
