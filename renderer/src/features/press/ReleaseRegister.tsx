import { useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { AddRegular, SearchRegular } from '@fluentui/react-icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PRESS_RELEASE_STATUS_LABELS, type PressReleaseListItem, type PressReleaseStatus } from '../../../../core/api';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilterSelect } from '../../components/FilterSelect';
import { count } from '../../components/format';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { RegisterRow } from '../../components/RegisterRow';
import { useRecordDialog } from '../../components/use-dialog-state';
import { instantText, RELEASE_STATUS_COLORS, wallClockText } from './press-format';
import { EmbargoBadge, SnippetText } from './ReleaseBadges';
import { ReleaseDialog } from './ReleaseDialog';

const useStyles = makeStyles({
  search: { minWidth: '300px' },
  nowrap: { whiteSpace: 'nowrap' },
});

function ReleaseRow({ release, onOpen }: { release: PressReleaseListItem; onOpen: (id: number) => void }) {
  const styles = useRegisterPageStyles();
  const own = useStyles();
  return (
    <RegisterRow onOpen={() => onOpen(release.id)}>
      <TableCell>
        <div className={styles.stack}>
          <Text weight="semibold">{release.title}</Text>
          {release.subtitle && <span className={styles.muted}>{release.subtitle}</span>}
          {release.snippet && <SnippetText snippet={release.snippet} />}
        </div>
      </TableCell>
      <TableCell>
        <Badge className={own.nowrap} appearance="tint" color={RELEASE_STATUS_COLORS[release.status]}>
          {PRESS_RELEASE_STATUS_LABELS[release.status]}
        </Badge>
      </TableCell>
      <TableCell>{release.releaseAt ? wallClockText(release.releaseAt) : '–'}</TableCell>
      <TableCell>
        <EmbargoBadge release={release} />
      </TableCell>
      <TableCell>
        {release.approvedBy && release.approvedAt ? (
          <div className={styles.stack}>
            <span>{release.approvedBy}</span>
            <span className={styles.muted}>{instantText(release.approvedAt)}</span>
          </div>
        ) : (
          '–'
        )}
      </TableCell>
      <TableCell>{release.appointment ?? '–'}</TableCell>
    </RegisterRow>
  );
}

/** The register of press releases: status, release time, embargo; full-text search with marked snippets. */
export function ReleaseRegister() {
  const styles = useRegisterPageStyles();
  const own = useStyles();
  const [status, setStatus] = useState<PressReleaseStatus | ''>('');
  const [search, setSearch] = useState('');
  const [text, setText] = useState('');
  const dialog = useRecordDialog();
  useEffect(() => {
    const timer = setTimeout(() => setText(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const list = useQuery({
    queryKey: ['press.releases.list', status, text],
    queryFn: () => api('press.releases.list', { status: status || undefined, text: text || undefined }),
    placeholderData: keepPreviousData,
  });
  const items = list.data ?? [];
  const empty = list.data !== undefined && items.length === 0 && !status && !text;
  const add = (
    <Button appearance="primary" icon={<AddRegular />} onClick={() => dialog.open(null)}>
      Pressemitteilung schreiben …
    </Button>
  );

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Field label="Volltextsuche in Titel und Text" className={own.search}>
          <Input
            type="search"
            value={search}
            contentBefore={<SearchRegular />}
            placeholder="z. B. Hafenfest Ruhrort"
            onChange={(_, d) => setSearch(d.value)}
            onKeyDown={(e) => e.key === 'Escape' && setSearch('')}
          />
        </Field>
        <FilterSelect label="Status" value={status} labels={PRESS_RELEASE_STATUS_LABELS} onChange={setStatus} />
        <div className={styles.grow} />
        {!empty && add}
      </div>
      <ErrorMessage error={list.error} title="Die Pressemitteilungen lassen sich nicht laden" />
      {list.isPending && <Spinner size="small" />}
      {empty && <EmptyState actions={add}>Noch keine Pressemitteilungen. Schreiben Sie die erste; Abstimmung, Freigabe, Sperrfrist und Versand folgen im selben Fenster.</EmptyState>}
      {list.data && !empty && (
        <>
          <Text className={styles.muted} role="status">
            {text ? `${count(items.length, 'Treffer', 'Treffer')} für „${text}“` : count(items.length, 'Pressemitteilung', 'Pressemitteilungen')}
            {list.isFetching && ' …'}
          </Text>
          <Table size="small" aria-label="Pressemitteilungen">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Titel</TableHeaderCell>
                <TableHeaderCell style={{ width: '120px' }}>Status</TableHeaderCell>
                <TableHeaderCell style={{ width: '150px' }}>Veröffentlichung</TableHeaderCell>
                <TableHeaderCell style={{ width: '230px' }}>Sperrfrist</TableHeaderCell>
                <TableHeaderCell style={{ width: '150px' }}>Freigabe</TableHeaderCell>
                <TableHeaderCell style={{ width: '200px' }}>Termin</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((release) => (
                <ReleaseRow key={release.id} release={release} onOpen={dialog.open} />
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {dialog.opened && <ReleaseDialog key={dialog.opened.key} releaseId={dialog.opened.target} onClose={dialog.close} />}
    </div>
  );
}
